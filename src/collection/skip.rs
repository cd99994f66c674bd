//! Why a file was skipped, as a value: the interface says it in its own language (the i18n
//! messages `skip-*`), while its `Display` is the English that `qari list` prints on stderr and
//! that [`Skipped::reason`](super::Skipped::reason) holds.

use std::fmt;
use std::io;

use super::DecodeError;

/// Why a file was not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Reading the file, or following its link, failed: the system's error, with its kind.
    Io {
        kind: io::ErrorKind,
        message: String,
    },
    /// The folder could not be listed.
    CannotList {
        kind: io::ErrorKind,
        message: String,
    },
    /// A symbolic link leads back to a folder already visited.
    LinkLoop,
    /// Named like an article, but not a regular file (a device, a pipe...).
    NotRegularFile,
    /// The bytes are not text (empty, binary, damaged, or in no encoding that fits).
    Decode(DecodeError),
    /// Text, but nothing in it.
    NoText,
    /// A web page in which no article was found (a list of links, a page of scripts).
    NoArticle,
}

impl SkipReason {
    /// A system error while reading a file.
    pub fn io(e: &io::Error) -> Self {
        SkipReason::Io {
            kind: e.kind(),
            message: e.to_string(),
        }
    }

    /// A system error while listing a folder.
    pub fn cannot_list(e: &io::Error) -> Self {
        SkipReason::CannotList {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Io { message, .. } => f.write_str(message),
            SkipReason::CannotList { message, .. } => {
                write!(f, "cannot list the folder: {message}")
            }
            SkipReason::LinkLoop => f.write_str("symbolic link loop (folder already visited)"),
            SkipReason::NotRegularFile => f.write_str("not a regular file"),
            SkipReason::Decode(e) => e.fmt(f),
            SkipReason::NoText => f.write_str("no text in the file"),
            SkipReason::NoArticle => f.write_str("a web page with no article text found in it"),
        }
    }
}

impl From<DecodeError> for SkipReason {
    fn from(e: DecodeError) -> Self {
        SkipReason::Decode(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_is_what_qari_list_always_printed() {
        let gone = io::Error::from_raw_os_error(2);
        assert_eq!(SkipReason::io(&gone).to_string(), gone.to_string());
        assert_eq!(
            SkipReason::cannot_list(&gone).to_string(),
            format!("cannot list the folder: {gone}")
        );
        assert_eq!(
            SkipReason::LinkLoop.to_string(),
            "symbolic link loop (folder already visited)"
        );
        assert_eq!(SkipReason::NotRegularFile.to_string(), "not a regular file");
        assert_eq!(SkipReason::NoText.to_string(), "no text in the file");
        assert_eq!(
            SkipReason::from(DecodeError::Empty).to_string(),
            "empty file"
        );
    }
}
