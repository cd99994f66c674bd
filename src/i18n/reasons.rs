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
