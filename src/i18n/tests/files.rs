//! The two message files agree: the same messages with the same variables, each formatting
//! in both languages, a line for each action, Arabic punctuation, plural selectors.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::tui::action::Action;

/// Variables that the Arabic leaves out on purpose: the system's English error message where
/// Arabic says the same in its own words.
const ARABIC_LEAVES_OUT: &[(&str, &str)] = &[
    ("skip-not-found", "error"),
    ("skip-permission-denied", "error"),
];

#[test]
fn both_files_parse_and_have_the_same_messages_with_the_same_variables() {
    let en = variables(&resource(EN_FTL, "en.ftl"));
    let ar = variables(&resource(AR_FTL, "ar.ftl"));
    let en_ids: BTreeSet<&String> = en.keys().collect();
    let ar_ids: BTreeSet<&String> = ar.keys().collect();
    assert_eq!(
        en_ids.difference(&ar_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in en.ftl, not in ar.ftl"
    );
    assert_eq!(
        ar_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in ar.ftl, not in en.ftl"
    );
    for (id, vars) in &en {
        let mut want = vars.all.clone();
        for (leaves, var) in ARABIC_LEAVES_OUT {
            if leaves == id {
                want.remove(*var);
            }
        }
        assert_eq!(ar[id].all, want, "variables of {id}");
    }
    // No id twice in a file (Fluent would keep the first and report the second).
    for (source, name) in [(EN_FTL, "en"), (AR_FTL, "ar")] {
        let mut bundle = fluent_bundle::FluentBundle::new(vec![]);
        assert_eq!(
            bundle
                .add_resource(resource(source, name))
                .map_err(|e| e.len()),
            Ok(()),
            "{name}"
        );
    }
}

#[test]
fn every_message_formats_in_both_languages() {
    for msgs in [en(), ar()] {
        let ids: Vec<String> = msgs.ids().map(str::to_owned).collect();
        let reference = variables(&resource(EN_FTL, "en.ftl"));
        for id in &ids {
            let names: Vec<&str> = reference[id].all.iter().map(String::as_str).collect();
            for value in [Arg::from(3), Arg::from("x")] {
                let args: Vec<(&str, Arg<'_>)> =
                    names.iter().map(|&n| (n, value.clone())).collect();
                let text = msgs
                    .try_get(id, &args)
                    .unwrap_or_else(|e| panic!("{:?}: {e}", msgs.lang()));
                assert!(!text.is_empty(), "{id}");
                assert!(!text.contains('{'), "{id}: {text}");
            }
        }
    }
}

#[test]
fn every_action_has_its_line_in_both_languages() {
    let (en, ar) = (en(), ar());
    for &a in Action::ALL {
        let id = action_id(a.name());
        assert_eq!(en.try_get(&id, &[]).as_deref(), Ok(a.describe()), "{id}");
        assert!(ar.try_get(&id, &[]).is_ok(), "{id}");
    }
    let actions = en.ids().filter(|id| id.starts_with("action-")).count();
    assert_eq!(
        actions,
        Action::ALL.len(),
        "an action-* message for no action"
    );
}

/// Arabic punctuation after Arabic words: ، ؛ ؟ rather than , ; ?
#[test]
fn arabic_punctuation() {
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c) && !c.is_ascii();
    let mut wrong = BTreeMap::new();
    for line in AR_FTL.lines().filter(|l| !l.starts_with('#')) {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(2) {
            if arabic(w[0]) && matches!(w[1], ',' | ';' | '?') {
                wrong.insert(line.to_owned(), w[1]);
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Arabic selects its plural forms with PLURAL($n), never on a number variable itself; the
/// other selectors are text choices.
#[test]
fn plural_forms_go_through_plural() {
    for (source, name) in [(EN_FTL, "en"), (AR_FTL, "ar")] {
        for line in source.lines().filter(|l| !l.trim_start().starts_with('#')) {
            if let Some((before, _)) = line.split_once(" ->") {
                let selector = before.rsplit('{').next().unwrap_or_default().trim();
                assert!(
                    selector.starts_with("PLURAL(")
                        || ["$sort", "$direction", "$state", "$choice", "$colours"]
                            .contains(&selector),
                    "{name}: {line}"
                );
            }
        }
    }
}
