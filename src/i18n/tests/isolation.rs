//! Bidi isolation of the Arabic messages' arguments, and why: how the engine then reads them.

use super::*;
use crate::collection::{DecodeError, SkipReason};
use crate::t;
use crate::text::{Options, Prepared};

#[test]
fn arabic_isolates_left_to_right_text_arguments_only() {
    let m = ar();
    let path = "/news/gaza.txt";
    let line = t!(m, "path-error", path = path, error = "ملف فارغ");
    assert_eq!(line, "\u{2066}/news/gaza.txt\u{2069}: ملف فارغ");
    // A tie between Latin and Arabic letters: the first strong letter decides inside.
    let tie = t!(m, "not-found", query = "abc دجه");
    assert_eq!(tie, "لا نتائج لـ «\u{2068}abc دجه\u{2069}»");
    // Arabic text, keys without letters, choices and numbers are not wrapped.
    assert_eq!(
        t!(m, "not-found", query = "BBC عربية"),
        "لا نتائج لـ «BBC عربية»"
    );
    assert_eq!(t!(m, "hint-help", key = "?"), "? مساعدة");
    assert_eq!(
        t!(m, "hint-help", key = "Ctrl-h"),
        "\u{2066}Ctrl-h\u{2069} مساعدة"
    );
    let status = t!(
        m,
        "library-status",
        count = 2,
        sort = "title",
        skipped = 0,
        hints = "? help"
    );
    assert_eq!(
        status,
        "مقالان · مرتبة حسب العنوان · لا ملفات متجاوزة · \u{2066}? help\u{2069}"
    );
    // English and the CLI: no marks.
    assert!(!t!(en(), "path-error", path = path, error = "x").contains('\u{2066}'));
    assert!(!t!(ar_plain(), "path-error", path = path, error = "x").contains('\u{2066}'));
}

/// Why isolation is on in Arabic: the engine reads the line right to left although it starts
/// with a Latin path, and draws no mark.
#[test]
fn the_engine_reads_isolated_arguments_right() {
    let options = Options::default(); // Unicode's rule, as the interface's strings use.
    let reason = ar().skip_reason(&SkipReason::Decode(DecodeError::Empty));
    let isolated = t!(ar(), "skipped-line", path = "news/a.txt", reason = &reason);
    let plain = t!(
        ar_plain(),
        "skipped-line",
        path = "news/a.txt",
        reason = &reason
    );
    let p = Prepared::new(&isolated, options);
    assert!(p.is_rtl(), "isolated: the Arabic decides");
    assert!(
        !Prepared::new(&plain, options).is_rtl(),
        "plain: the path decides"
    );
    let line = p.wrap(&isolated, 80);
    let drawn = p.visual(&line[0]).text;
    assert!(
        !drawn.contains(['\u{2068}', '\u{2069}']),
        "the marks are not drawn: {drawn:?}"
    );
    assert!(drawn.contains("news/a.txt"), "{drawn}");
}
