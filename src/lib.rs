//! qari, a terminal reader for Arabic news.
//!
//! The map: [`text`] is the bidi engine (paragraph -> units -> lines -> visual lines) and owns
//! everything about how text looks in a terminal; it imports nothing from the terminal crates.
//! [`render`] drives it line by line for the `qari render` filter.
//! [`hash`] is the one hash written to disk (stable across Rust releases); [`parallel`] the one
//! way work is spread over the cores. [`i18n`] holds the interface's messages in Arabic and
//! English (plural forms, digits, dates), which the TUI and the CLI format their strings with.
//! [`feeds`] brings news in: it fetches feeds and pages and
//! writes their articles into the collection, where [`collection`] reads them like any other.

pub mod clock;
pub mod collection;
pub mod config;
pub mod decode;
pub mod feeds;
pub mod hash;
pub mod html;
pub mod i18n;
pub mod monitor;
pub mod page;
pub mod parallel;
pub mod render;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
pub mod varint;
