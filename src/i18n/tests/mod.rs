//! The message files against each other and against the strings qari has always shown; plural
//! and digit tables; isolation through the engine. One file for each: `files` (the two
//! message files agree), `english` (today's strings), `numbers` (plurals, digits, dates),
//! `isolation`, `errors` (the library's errors in both languages) and `wiring` (how the code
//! calls the messages).

mod english;
mod errors;
mod files;
mod isolation;
mod numbers;
mod wiring;

use fluent_bundle::FluentResource;

use super::*;

fn en() -> Messages {
    Messages::new(Lang::En)
}

fn ar() -> Messages {
    Messages::new(Lang::Ar)
}

/// Arabic without isolation marks, for comparing text.
fn ar_plain() -> Messages {
    ar().with_isolation(false)
}

fn resource(source: &str, name: &str) -> FluentResource {
    FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"))
}
