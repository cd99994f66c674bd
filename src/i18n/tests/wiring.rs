//! How the code calls the messages: its mistakes reported, and one `Messages` shared
//! between threads.

use super::*;
use crate::t;

#[test]
fn wiring_mistakes_are_reported() {
    let m = en();
    let missing = m.try_get("bookmark-added", &[("paragraph", 3.into())]);
    assert!(missing.is_err());
    assert_eq!(
        m.get("bookmark-added", &[("paragraph", 3.into())]),
        "paragraph 3 bookmarked ({$key} adds a note)"
    );
    let unknown = m.try_get("marked-read", &[("count", 3.into())]);
    assert!(unknown.unwrap_err().problems[0].contains("$count"));
    let none = m.try_get("no-such-message", &[]);
    assert_eq!(none.unwrap_err().text, "no-such-message");
    // A variable the Arabic leaves out is no mistake.
    assert!(
        ar().try_get("skip-not-found", &[("error", "No such file".into())])
            .is_ok()
    );
}

#[test]
fn messages_can_be_shared_between_threads_and_cloned() {
    fn shared<T: Send + Sync + Clone>() {}
    shared::<Messages>();
    let m = ar()
        .with_digits(Digits::Latin)
        .with_calendar(Calendar::Hijri)
        .with_isolation(false);
    let copy = m.clone();
    assert_eq!(copy.digits(), Digits::Latin);
    assert_eq!(copy.date("2024-02-24"), "14 شعبان 1445");
    assert_eq!(t!(copy, "hint-help", key = "F1"), "F1 مساعدة");
}
