//! Counts, digits and dates in the messages: CLDR plurals, the interface's digits (never
//! in the text of what the user typed), dates in either calendar.

use super::*;
use crate::t;

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
