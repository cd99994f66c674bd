//! What a search and a monitor say to each other over the monitor's socket. The search sends
//! one line: `since EPOCH SEQ` (or `since - -` with no token). The monitor answers with a line
//! `qari-monitor 1 ok|reset EPOCH SEQ COUNT`, then its root and COUNT paths relative to it,
//! each ended by a NUL byte (paths may hold any byte but NUL). `ok`: the paths changed since
//! the search's token; `reset`: the token is not of this monitor's epoch, every file must be
//! looked at.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A point in a monitor's record of changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub epoch: u64,
    pub seq: u64,
}

impl Token {
    /// As kept in the index: `EPOCH:SEQ`.
    pub fn to_text(self) -> String {
        format!("{}:{}", self.epoch, self.seq)
    }

    pub fn from_text(text: &str) -> Option<Token> {
        let (epoch, seq) = text.split_once(':')?;
        Some(Token {
            epoch: epoch.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

/// A monitor's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The paths (relative to the root) that changed since the token asked about, or that can
    /// never be trusted; the token to ask with next time.
    Changed { token: Token, paths: Vec<PathBuf> },
    /// The token asked about is unknown here: look at every file, then ask with this token.
    Reset { token: Token },
}

const MAGIC: &str = "qari-monitor 1";

pub fn request(since: Option<Token>) -> Vec<u8> {
    match since {
        Some(t) => format!("since {} {}\n", t.epoch, t.seq).into_bytes(),
        None => b"since - -\n".to_vec(),
    }
}

/// What a search asks: the changes since its token (none: it has no token of this monitor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub since: Option<Token>,
}

/// The request in `line`; None when it is not one.
pub fn parse_request(line: &[u8]) -> Option<Request> {
    let line = std::str::from_utf8(line).ok()?.trim_end();
    let rest = line.strip_prefix("since ")?;
    let (epoch, seq) = rest.split_once(' ')?;
    let token = if epoch == "-" && seq == "-" {
        None
    } else {
        Some(Token {
            epoch: epoch.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    };
    Some(Request { since: token })
}

/// The answer as bytes, for the monitor at `root`.
pub fn answer(root: &Path, answer: &Answer) -> Vec<u8> {
    let (status, token, paths): (&str, Token, &[PathBuf]) = match answer {
        Answer::Changed { token, paths } => ("ok", *token, paths),
        Answer::Reset { token } => ("reset", *token, &[]),
    };
    let mut out = format!(
        "{MAGIC} {status} {} {} {}\n",
        token.epoch,
        token.seq,
        paths.len()
    )
    .into_bytes();
    out.extend_from_slice(root.as_os_str().as_encoded_bytes());
    out.push(0);
    for p in paths {
        out.extend_from_slice(p.as_os_str().as_encoded_bytes());
        out.push(0);
    }
    out
}

/// Reads an answer; None when it is not one, or is of a monitor of another root.
pub fn read_answer(input: &mut impl BufRead, root: &Path) -> Option<Answer> {
    let mut line = String::new();
    input.read_line(&mut line).ok()?;
    let mut words = line.trim_end().strip_prefix(MAGIC)?.split_whitespace();
    let status = words.next()?;
    let token = Token {
        epoch: words.next()?.parse().ok()?,
        seq: words.next()?.parse().ok()?,
    };
    let count: usize = words.next()?.parse().ok()?;
    let mut field = Vec::new();
    let mut next = |field: &mut Vec<u8>| -> Option<PathBuf> {
        field.clear();
        input.read_until(0, field).ok()?;
        (field.pop()? == 0).then_some(())?;
        Some(path_of(field))
    };
    if next(&mut field)? != root {
        return None;
    }
    match status {
        "reset" => Some(Answer::Reset { token }),
        "ok" => {
            let mut paths = Vec::with_capacity(count.min(1 << 20));
            for _ in 0..count {
                paths.push(next(&mut field)?);
            }
            Some(Answer::Changed { token, paths })
        }
        _ => None,
    }
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip() {
        let root = Path::new("/news/مقالات");
        let token = Token { epoch: 7, seq: 42 };
        for a in [
            Answer::Reset { token },
            Answer::Changed {
                token,
                paths: vec!["a/b.txt".into(), "tab\there\nnewline.md".into()],
            },
            Answer::Changed {
                token,
                paths: Vec::new(),
            },
        ] {
            let bytes = answer(root, &a);
            assert_eq!(read_answer(&mut &bytes[..], root), Some(a.clone()));
            // Another root's monitor is not believed.
            assert_eq!(read_answer(&mut &bytes[..], Path::new("/other")), None);
            // Nor a cut answer.
            if let Answer::Changed { paths, .. } = &a
                && !paths.is_empty()
            {
                assert_eq!(read_answer(&mut &bytes[..bytes.len() - 1], root), None);
            }
        }
    }

    #[test]
    fn requests_and_tokens() {
        let t = Token { epoch: 1, seq: 2 };
        assert_eq!(
            parse_request(&request(Some(t))),
            Some(Request { since: Some(t) })
        );
        assert_eq!(parse_request(&request(None)), Some(Request { since: None }));
        assert_eq!(parse_request(b"GET / HTTP/1.0\n"), None);
        assert_eq!(Token::from_text(&t.to_text()), Some(t));
        assert_eq!(Token::from_text("1"), None);
    }
}
