//! The message files against each other and against the strings qari has always shown; plural
//! and digit tables; isolation through the engine.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;

use super::*;
use crate::collection::{DecodeError, SkipReason};
use crate::t;
use crate::text::{Options, Prepared};
use crate::tui::action::Action;

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

/// The English messages give exactly the strings the code writes today.
#[test]
fn english_is_todays_strings() {
    let m = en();
    let hints = [
        t!(m, "hint-opens", key = "Enter"),
        t!(m, "hint-deletes", key = "d"),
        t!(m, "hint-undoes", key = "u"),
        t!(m, "hint-filters", key = "/"),
        t!(m, "hint-back", key = "q"),
    ]
    .join(" · ");
    let table = [
        (
            t!(
                m,
                "library-status",
                count = 1,
                sort = "date",
                skipped = 0,
                hints = t!(m, "hint-help", key = "?")
            ),
            "1 article · sorted by date · 0 skipped · ? help",
        ),
        (
            t!(
                m,
                "library-status",
                count = 12,
                sort = "file-time",
                skipped = 3,
                hints = "? help"
            ),
            "12 articles · sorted by file time (no article has a date) · 3 skipped · ? help",
        ),
        (
            t!(
                m,
                "library-status",
                count = 0,
                sort = "title",
                skipped = 1,
                hints = "? help"
            ),
            "0 articles · sorted by title · 1 skipped · ? help",
        ),
        (
            t!(m, "skipped-files", count = 1, key = "S"),
            "1 file skipped: S lists it",
        ),
        (
            t!(m, "skipped-files", count = 4, key = "S"),
            "4 files skipped: S lists them",
        ),
        (
            t!(m, "bookmarks-status", count = 2, hints = &hints),
            "2 bookmarks · Enter opens · d deletes · u undoes · / filters · q back",
        ),
        (
            t!(
                m,
                "bookmarks-status-filtered",
                count = 1,
                filter = "غزة",
                hints = "q back"
            ),
            "1 bookmark · filter: غزة · q back",
        ),
        (
            t!(
                m,
                "results-status",
                count = 1,
                query = "سلام",
                hints = [
                    t!(m, "hint-opens", key = "Enter"),
                    t!(m, "hint-searches-again", key = "/"),
                    t!(m, "hint-back", key = "q"),
                ]
                .join(" · ")
            ),
            "1 article matches سلام  ·  Enter opens · / searches again · q back",
        ),
        (
            t!(
                m,
                "results-status",
                count = 7,
                query = "x",
                hints = "q back"
            ),
            "7 articles match x  ·  q back",
        ),
        (
            t!(
                m,
                "reader-position",
                paragraph = 3,
                paragraphs = 10,
                page = 1,
                pages = 2
            ),
            "¶ 3/10  page 1/2",
        ),
        (t!(m, "reader-match", current = 2, total = 26), "match 2/26"),
        (t!(m, "reader-no-match"), "no match"),
        (
            t!(
                m,
                "direction-set",
                direction = direction_choice(crate::text::Direction::Majority)
            ),
            "paragraph direction in this article: automatic (most letters decide)",
        ),
        (
            t!(m, "direction-set", direction = "rtl"),
            "paragraph direction in this article: right to left",
        ),
        (
            t!(m, "bookmark-added", paragraph = 3, key = "m"),
            "paragraph 3 bookmarked (m adds a note)",
        ),
        (
            t!(m, "note-saved", paragraph = 12),
            "note saved on paragraph 12",
        ),
        (
            t!(m, "bookmark-deleted", key = "u"),
            "bookmark deleted (u undoes)",
        ),
        (
            t!(m, "reloaded", added = 2, changed = 0, gone = 1),
            "reloaded from disk: 2 new, 0 changed, 1 gone",
        ),
        (t!(m, "not-found", query = "سلام"), "not found: سلام"),
        (
            t!(m, "searching", done = 5, total = 40, key = "Esc"),
            "Searching… 5 / 40  (Esc cancels)",
        ),
        (
            t!(m, "searching-start", key = "Esc"),
            "Searching…  (Esc cancels)",
        ),
        (
            t!(m, "loading-reading", done = 0, total = 100_000),
            "Reading articles… 0 / 100000",
        ),
        (
            t!(m, "help-title-scroll", key = "?", down = "j", up = "k"),
            "Keys (? closes, j/k scroll)",
        ),
        (
            t!(m, "skipped-title", key = "Esc"),
            "Skipped files (Esc closes)",
        ),
        (
            t!(m, "bookmarks-empty", key = "b"),
            "No bookmark yet. In an article, b bookmarks the paragraph under the cursor.",
        ),
        (
            t!(m, "bookmarks-no-match", filter = "x"),
            "Nothing matches the filter “x”.",
        ),
        (
            t!(m, "bookmark-when-orphaned", when = "2026-11-29"),
            "2026-11-29 · orphaned: the paragraph is gone from the article",
        ),
        (t!(m, "bookmark-label-orphaned", paragraph = 7), "¶7?"),
        (t!(m, "prompt-titles"), "titles:"),
        (
            t!(m, "no-paragraph-for-bookmark"),
            "this article has no paragraph for a bookmark",
        ),
        (
            t!(m, "bookmark-not-saved", error = "locked"),
            "bookmark not saved: locked",
        ),
        (
            t!(m, "note-not-saved", error = "locked"),
            "note not saved: locked",
        ),
        (t!(m, "help-title", key = "?"), "Keys (? closes)"),
        (
            t!(m, "keys-unknown-key", name = "next_page", key = "Hyper-x"),
            "[keys] next_page: unknown key `Hyper-x`",
        ),
        (
            t!(
                m,
                "cli-no-paragraph",
                path = "a.txt",
                paragraph = "9",
                count = 5
            ),
            "a.txt: no paragraph 9 (the article has 5)",
        ),
        (
            t!(m, "cli-too-narrow", n = "12", min = "20"),
            "12 cells is too narrow to read: use 20 or more, or 0 for the terminal's width",
        ),
        (
            t!(
                m,
                "cli-skipped",
                path = "/news/a.txt",
                reason = "empty file"
            ),
            "skipped /news/a.txt: empty file",
        ),
        (
            t!(m, "config-not-a-colour", name = "accent", value = "teal"),
            "[theme] accent = \"teal\" is not a colour (a name such as \"red\" or \"lightblue\", \
             #rrggbb, or 0-255)",
        ),
    ];
    for (got, want) in table {
        assert_eq!(got, want);
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

/// The text before the first " · " of the library's status line.
fn articles(m: &Messages, n: usize) -> String {
    let line = t!(
        m,
        "library-status",
        count = n,
        sort = "date",
        skipped = 0,
        hints = "?"
    );
    line.split(" · ").next().unwrap_or_default().to_owned()
}

#[test]
fn arabic_plurals() {
    let m = ar_plain();
    let table = [
        (0, "لا مقالات"),
        (1, "مقال واحد"),
        (2, "مقالان"),
        (3, "٣ مقالات"),
        (10, "١٠ مقالات"),
        (11, "١١ مقالًا"),
        (99, "٩٩ مقالًا"),
        (100, "١٠٠ مقال"),
        (101, "١٠١ مقال"),
        (102, "١٠٢ مقال"),
        (103, "١٠٣ مقالات"),
        (111, "١١١ مقالًا"),
        (1000, "١٠٠٠ مقال"),
    ];
    for (n, want) in table {
        assert_eq!(articles(&m, n), want, "{n}");
    }
    let latin = ar_plain().with_digits(Digits::Latin);
    assert_eq!(articles(&latin, 11), "11 مقالًا");
    let bookmarks = |n: usize| t!(m, "bookmarks-status", count = n, hints = "q رجوع");
    assert_eq!(bookmarks(0), "لا إشارات مرجعية · q رجوع");
    assert_eq!(bookmarks(1), "إشارة مرجعية واحدة · q رجوع");
    assert_eq!(bookmarks(2), "إشارتان مرجعيتان · q رجوع");
    assert_eq!(bookmarks(5), "٥ إشارات مرجعية · q رجوع");
    assert_eq!(bookmarks(25), "٢٥ إشارة مرجعية · q رجوع");
    let skipped = |n: usize| t!(m, "skipped-files", count = n, key = "S");
    assert_eq!(skipped(1), "ملف متجاوز واحد: S لعرضه");
    assert_eq!(skipped(2), "ملفان متجاوزان: S لعرضهما");
    assert_eq!(skipped(3), "٣ ملفات متجاوزة: S لعرضها");
    assert_eq!(skipped(11), "١١ ملفًا متجاوزًا: S لعرضها");
    assert_eq!(skipped(200), "٢٠٠ ملف متجاوز: S لعرضها");
    let status = t!(
        m,
        "library-status",
        count = 12,
        sort = "date",
        skipped = 0,
        hints = "? مساعدة"
    );
    assert_eq!(
        status,
        "١٢ مقالًا · مرتبة حسب التاريخ · لا ملفات متجاوزة · ? مساعدة"
    );
}

#[test]
fn english_plurals() {
    let m = en();
    let table = [
        (0, "0 articles"),
        (1, "1 article"),
        (2, "2 articles"),
        (3, "3 articles"),
        (10, "10 articles"),
        (11, "11 articles"),
        (99, "99 articles"),
        (100, "100 articles"),
        (101, "101 articles"),
    ];
    for (n, want) in table {
        assert_eq!(articles(&m, n), want, "{n}");
    }
}

#[test]
fn digits_in_counters_never_in_text() {
    let m = ar_plain();
    assert_eq!(
        t!(
            m,
            "reader-position",
            paragraph = 3,
            paragraphs = 16,
            page = 1,
            pages = 2
        ),
        "¶ ٣/١٦  صفحة ١/٢"
    );
    assert_eq!(
        t!(m, "reader-match", current = 2, total = 26),
        "النتيجة ٢ من ٢٦"
    );
    // What the user typed, a path, an error: as they are.
    assert_eq!(t!(m, "not-found", query = "2015"), "لا نتائج لـ «2015»");
    assert_eq!(
        t!(
            m,
            "cli-no-paragraph",
            path = "a1.txt",
            paragraph = "9",
            count = 5
        ),
        "a1.txt: لا فقرة رقمها 9 (عدد فقرات المقال: ٥)"
    );
    let latin = m.with_digits(Digits::Latin);
    assert_eq!(
        t!(latin, "reader-match", current = 2, total = 26),
        "النتيجة 2 من 26"
    );
    assert_eq!(latin.number(1445), "1445");
    assert_eq!(ar().number(1445), "١٤٤٥");
    // English with Arabic digits, if the config asks.
    let en_arabic = en().with_digits(Digits::Arabic);
    assert_eq!(
        t!(en_arabic, "reader-match", current = 2, total = 26),
        "match ٢/٢٦"
    );
}

#[test]
fn dates_through_the_messages() {
    let m = ar();
    assert_eq!(m.date("2024-02-14"), "١٤ فبراير ٢٠٢٤");
    assert_eq!(m.day(Ymd::from_unix(1_795_943_386)), "٢٩ نوفمبر ٢٠٢٦");
    let hijri = ar().with_calendar(Calendar::Hijri);
    assert_eq!(hijri.date("2024-02-24"), "١٤ شعبان ١٤٤٥");
    let levant = ar().with_months(MonthNames::Levant);
    assert_eq!(levant.date("2024-02-14"), "١٤ شباط ٢٠٢٤");
    assert_eq!(en().date("2024-02-14T10:00:00Z"), "2024-02-14T10:00:00Z");
    assert_eq!(en().day(Ymd::from_unix(0)), "1970-01-01");
}

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

#[test]
fn skip_reasons_in_both_languages() {
    let gone = std::io::Error::from_raw_os_error(2);
    let denied = std::io::Error::from_raw_os_error(13);
    let reasons = [
        SkipReason::io(&gone),
        SkipReason::io(&denied),
        SkipReason::io(&std::io::Error::other("disk on fire")),
        SkipReason::cannot_list(&denied),
        SkipReason::LinkLoop,
        SkipReason::NotRegularFile,
        SkipReason::NoText,
        SkipReason::Decode(DecodeError::Empty),
        SkipReason::Decode(DecodeError::Binary),
        SkipReason::Decode(DecodeError::Damaged {
            encoding: "UTF-16LE",
            invalid: 40,
            intact: 12,
        }),
        SkipReason::Decode(DecodeError::Undecodable {
            guess: "GBK",
            invalid_utf8: 7,
        }),
    ];
    let en = en();
    for r in &reasons {
        assert_eq!(en.skip_reason(r), r.to_string(), "{r:?}");
    }
    let ar = ar_plain();
    let arabic: Vec<String> = reasons.iter().map(|r| ar.skip_reason(r)).collect();
    assert_eq!(arabic[0], "الملف غير موجود");
    assert_eq!(arabic[1], "لا إذن بقراءة الملف");
    assert_eq!(arabic[2], "disk on fire");
    assert_eq!(arabic[7], "ملف فارغ");
    assert_eq!(
        arabic[9],
        "نص UTF-16LE تالف (تسلسلات غير صالحة: ٤٠، حروف سليمة: ١٢)"
    );
    assert!(arabic[10].starts_with("ترميز غير معروف"), "{}", arabic[10]);
}

#[test]
fn collection_errors_in_both_languages() {
    use crate::collection::CollectionError;
    use std::path::PathBuf;
    let errors = [
        CollectionError::Missing {
            path: PathBuf::from("/news"),
            source: std::io::Error::from_raw_os_error(2),
        },
        CollectionError::NotBuiltin(PathBuf::from("assets/articles/x.txt")),
        CollectionError::Unreadable {
            path: PathBuf::from("/news/a.txt"),
            reason: SkipReason::Decode(DecodeError::Binary),
        },
    ];
    for e in &errors {
        assert_eq!(en().collection_error(e), e.to_string());
    }
    assert_eq!(
        ar_plain().collection_error(&errors[2]),
        "/news/a.txt: ملف ثنائي (فيه بايتات NUL)، لا نص"
    );
}

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
