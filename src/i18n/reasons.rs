//! Values from the library that the interface names in its language: why a file was skipped, a
//! paragraph direction, an action of the key table.

use std::io::ErrorKind;

use super::Messages;
use crate::collection::{CollectionError, DecodeError, SkipReason};
use crate::t;
use crate::text::Direction;

impl Messages {
    /// Why a file was skipped (`skip-*`): in English exactly [`SkipReason`]'s `Display`, what
    /// `qari list` prints.
    pub fn skip_reason(&self, reason: &SkipReason) -> String {
        match reason {
            SkipReason::Io {
                kind: ErrorKind::NotFound,
                message,
            } => t!(self, "skip-not-found", error = message),
            SkipReason::Io {
                kind: ErrorKind::PermissionDenied,
                message,
            } => t!(self, "skip-permission-denied", error = message),
            SkipReason::Io { message, .. } => t!(self, "skip-io", error = message),
            SkipReason::CannotList { message, .. } => {
                t!(self, "skip-cannot-list", error = message)
            }
            SkipReason::LinkLoop => t!(self, "skip-link-loop"),
            SkipReason::NotRegularFile => t!(self, "skip-not-regular"),
            SkipReason::NoText => t!(self, "skip-no-text"),
            SkipReason::NoArticle => t!(self, "skip-no-article"),
            SkipReason::Decode(DecodeError::Empty) => t!(self, "skip-empty"),
            SkipReason::Decode(DecodeError::Binary) => t!(self, "skip-binary"),
            SkipReason::Decode(DecodeError::Damaged {
                encoding,
                invalid,
                intact,
            }) => t!(
                self,
                "skip-damaged",
                encoding = *encoding,
                invalid = *invalid,
                intact = *intact
            ),
            SkipReason::Decode(DecodeError::Undecodable {
                guess,
                invalid_utf8,
            }) => t!(
                self,
                "skip-undecodable",
                guess = *guess,
                invalid = *invalid_utf8
            ),
        }
    }
}

impl Messages {
    /// Why an article or a collection cannot be opened: in English exactly the error's
    /// `Display`.
    pub fn collection_error(&self, error: &CollectionError) -> String {
        match error {
            CollectionError::Missing { path, source } => t!(
                self,
                "path-error",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            CollectionError::NotBuiltin(path) => {
                t!(self, "not-builtin", path = path.display().to_string())
            }
            CollectionError::Unreadable { path, reason } => t!(
                self,
                "path-error",
                path = path.display().to_string(),
                error = self.skip_reason(reason)
            ),
        }
    }
}

/// The word `direction-set` chooses its variant by.
pub fn direction_choice(direction: Direction) -> &'static str {
    match direction {
        Direction::Majority => "majority",
        Direction::Auto => "auto",
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    }
}

/// The message describing an action for the help screen, from the action's config name:
/// `toggle_sort` → `action-toggle-sort`.
pub fn action_id(name: &str) -> String {
    format!("action-{}", name.replace('_', "-"))
}

impl Messages {
    /// What the user is told about the state database as it opens (`store-*`): in English
    /// exactly the warning's `Display`.
    pub fn store_warning(&self, warning: &crate::store::Warning) -> String {
        use crate::store::Warning;
        match warning {
            Warning::CannotCreate { dir, error } => t!(
                self,
                "store-cannot-create",
                dir = dir.display().to_string(),
                error = error.as_str()
            ),
            Warning::ReadOnly { path } => {
                t!(self, "store-read-only", path = path.display().to_string())
            }
            Warning::MovedAside { path, error, aside } => t!(
                self,
                "store-moved-aside",
                path = path.display().to_string(),
                error = error.as_str(),
                aside = aside.display().to_string()
            ),
            Warning::CannotMoveAside { path, error, io } => t!(
                self,
                "store-cannot-move-aside",
                path = path.display().to_string(),
                error = error.as_str(),
                io = io.as_str()
            ),
            Warning::NotSaved { error } => t!(self, "store-not-saved", error = error.as_str()),
        }
    }
}

#[cfg(test)]
mod store_warnings {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::Warning;
    use std::path::PathBuf;

    #[test]
    fn english_is_the_display_and_arabic_has_no_english_words() {
        let all = [
            Warning::CannotCreate {
                dir: PathBuf::from("/d"),
                error: "E".into(),
            },
            Warning::ReadOnly {
                path: PathBuf::from("/a/b"),
            },
            Warning::MovedAside {
                path: PathBuf::from("/a/b"),
                error: "E".into(),
                aside: PathBuf::from("/a/c"),
            },
            Warning::CannotMoveAside {
                path: PathBuf::from("/a/b"),
                error: "E".into(),
                io: "I".into(),
            },
            Warning::NotSaved { error: "E".into() },
        ];
        let en = Messages::new(Lang::En);
        let ar = Messages::new(Lang::Ar).with_isolation(false);
        for w in &all {
            assert_eq!(en.store_warning(w), w.to_string());
            let arabic = ar.store_warning(w);
            let latin_words = arabic
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 1)
                .count();
            assert_eq!(latin_words, 0, "{arabic}");
        }
    }
}
