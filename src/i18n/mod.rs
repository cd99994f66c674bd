//! The interface in Arabic or English: every string qari shows (status lines, prompts,
//! messages, the help, the skipped files, the bookmarks screen, the CLI's errors and help) is a
//! message of `assets/i18n/en.ftl` or `assets/i18n/ar.ftl` (Fluent), compiled into the binary.
//! Plural forms follow CLDR (Arabic's zero, one, two, few, many, other: مقال واحد، مقالان،
//! ٣ مقالات، ١١ مقالًا، ١٠٠ مقال), chosen by the messages' `PLURAL($n)`: qari's own rule,
//! since the crate Fluent uses gets Arabic wrong from 103 on (see [`plural_category`]).
//! Numbers and dates are written in the interface's digits (Arabic-Indic by default in
//! Arabic); dates have Arabic month names, or the Hijri calendar of Umm al-Qura. The text of
//! articles is never changed. Nothing here touches the terminal.
//!
//! How the wiring uses it:
//! - **One [`Messages`] per process**, built at start with [`Messages::configured`]`(cli.lang
//!   .or(config.lang), config.digits, config.calendar)` (language from `--lang`, the config,
//!   else the locale; month names from the locale's region) and kept in the app's `Session`
//!   or `Settings` (it is `Clone`, `Send` and `Sync`); the CLI's runners get one built with
//!   `.with_isolation(false)`, since no bidi engine reads their text.
//! - **Calls**: `t!(msgs, "bookmark-added", paragraph = r.cursor, key = &key)`, or
//!   `msgs.get(id, &[("count", n.into())])`. Counts go in as numbers (they pick the plural and
//!   get the interface's digits); a value the user types (a width, an id) goes in as text.
//!   [`Messages::try_get`] says what is wrong (no such message, a variable missing or unknown):
//!   the wiring's tests should use it. Messages of errors from the library:
//!   [`Messages::skip_reason`]`(&skipped.cause)`, [`Messages::collection_error`].
//! - **Keys in hints are arguments**: `t!(msgs, "hint-help", key = session.key(Action::Help,
//!   scope))`; the hints of a status line are joined with `" · "` and passed as `hints`. So a
//!   key rebound in the config is named in either language.
//! - **Choices are text arguments** that a message selects its variant by: `sort` is `date`,
//!   `file-time` or `title`; `direction` is [`direction_choice`].
//! - **The help screen** takes each action's line from [`action_id`]`(action.name())`; dates
//!   come from [`Messages::date`] (front matter) and [`Messages::day`]`(Ymd::from_unix(t))`.
//! - **Padding stays in the code**: messages have no leading or trailing spaces (the reader's
//!   right-hand status is `format!(" {match} {position} ")` as today).
//!
//! **Bidi isolation.** Fluent would wrap every placeable in FSI…PDI, numbers and plural
//! forms included; that is turned off. In Arabic, [`Messages`] isolates the *text* arguments
//! that read left to right (a path, an English error or query, `Ctrl-c`): LRI…PDI when most
//! of their letters are Latin, FSI…PDI on a tie. Arguments that read right to left (an Arabic
//! query, a nested Arabic message, a date) and those without letters (`?`, a number) are not
//! wrapped: they take the message's direction, and a message made only of arguments
//! (`{ $path }: { $reason }`) keeps its Arabic outside any isolate, so that it decides the
//! line's direction. The engine (`src/text`) handles isolates (UAX #9 X5a–X5c and P2, through
//! unicode-bidi's resolver) and draws nothing for the marks (removed from display like
//! LRM/RLM), so an English path at the start of an Arabic message no longer makes the whole
//! line left to right, and keeps its own order within it. English gets no marks: its strings
//! stay byte for byte what they were, and so do the snapshots. The CLI turns isolation off:
//! stderr and `--help` reach terminals that would show or mangle the marks. With `--bidi
//! terminal` the engine hands the terminal logical text without the marks.
//!
//! **Month names.** GLOSSARY-ar.md: Gregorian months as in Egypt and the Gulf (يناير، فبراير…)
//! by default, as in the Levant and Iraq (كانون الثاني، شباط…) when the locale's region is SY,
//! LB, JO, PS or IQ ([`MonthNames::from_env`]); Hijri months as the glossary lists them.

mod date;
mod day;
mod digits;
mod lang;
mod messages;
mod plural;
mod reasons;
#[cfg(test)]
mod tests;

pub use date::{
    Calendar, DateStyle, GREGORIAN_AR, GREGORIAN_LEVANT, HIJRI_AR, HIJRI_EN, HijriDate,
};
pub use day::Ymd;
pub use digits::Digits;
pub use lang::{Lang, MonthNames, UnknownLang};
pub use messages::{AR_FTL, Arg, EN_FTL, MessageError, Messages, Vars, variables};
pub use plural::plural_category;
pub use reasons::{action_id, direction_choice};
