//! `qari search`'s ranking: a title match above a body match, a whole word above a piece of a
//! longer word (and the word itself above more occurrences of its stem), a shorter article
//! above a longer one, and terms near each other higher.

use crate::{qari_search, temp_dir};

/// `qari search -l` over files `(name, text)`: the names, in the order printed.
fn ranked(name: &str, files: &[(&str, &str)], query: &str, sort: &str) -> Vec<String> {
    let dir = temp_dir(name);
    let home = temp_dir(&format!("{name}-home"));
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let (code, out) = qari_search(
        &["-l", "--sort", sort, query, &dir.display().to_string()],
        &home,
    );
    assert_eq!(code, 0, "{query}");
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
    out.lines()
        .map(|l| l.rsplit('/').next().unwrap().to_owned())
        .collect()
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let files = [
        ("a.txt", "خبر عن الطقس\n\nتحدث الوزير عن الميزانية أمس.\n"),
        ("b.txt", "الميزانية الجديدة\n\nتحدث الوزير عن الطقس أمس.\n"),
        ("c.txt", "خبر آخر\n\nلا شيء هنا عن ذلك.\n"),
    ];
    assert_eq!(
        ranked("title", &files, "الميزانية", "rank"),
        ["b.txt", "a.txt"]
    );
    // The folder's order on asking.
    assert_eq!(
        ranked("title-path", &files, "الميزانية", "path"),
        ["a.txt", "b.txt"]
    );
}

#[test]
fn a_whole_word_ranks_above_a_piece_of_a_longer_word() {
    let files = [
        ("a.txt", "خبر\n\nزار المعلمون المدرسة صباحا.\n"),
        ("b.txt", "خبر\n\nطلب العلم فريضة على كل مسلم.\n"),
        ("c.txt", "خبر\n\nاجتمع العلماء في المدينة.\n"),
    ];
    // علم: the word after the article, then the word it begins, then inside معلمون.
    assert_eq!(
        ranked("whole", &files, "علم", "rank"),
        ["b.txt", "c.txt", "a.txt"]
    );
    // After clitics too: وبالمدينة is المدينة.
    let files = [
        ("a.txt", "خبر\n\nقال إن التمدينة غادروا.\n"),
        ("b.txt", "خبر\n\nوصل وبالمدينة أقام.\n"),
    ];
    assert_eq!(
        ranked("clitic", &files, "مدينة", "rank"),
        ["b.txt", "a.txt"]
    );
}

#[test]
fn a_shorter_article_ranks_above_a_longer_one_with_the_same_counts() {
    let long = format!(
        "خبر\n\nذكر التقرير الاقتصاد. {}\n",
        "وكان الجو جميلا في ذلك اليوم. ".repeat(20)
    );
    let files = [
        ("a.txt", long.as_str()),
        ("b.txt", "خبر\n\nذكر التقرير الاقتصاد.\n"),
    ];
    assert_eq!(
        ranked("short", &files, "الاقتصاد", "rank"),
        ["b.txt", "a.txt"]
    );
}

#[test]
fn terms_near_each_other_in_one_paragraph_rank_higher() {
    let files = [
        (
            "a.txt",
            "خبر\n\nقال وزير الصحة كلاما.\n\nوفي مصر جرى أمر آخر.\n",
        ),
        (
            "b.txt",
            "خبر\n\nقال وزير الصحة في مصر كلاما.\n\nوجرى أمر آخر.\n",
        ),
    ];
    assert_eq!(
        ranked("near", &files, "وزير مصر", "rank"),
        ["b.txt", "a.txt"]
    );
    // A quoted phrase: only where its words stand together.
    assert_eq!(
        ranked("phrase", &files, "\"الصحة في مصر\"", "rank"),
        ["b.txt"]
    );
}

#[test]
fn the_word_itself_ranks_above_more_occurrences_of_its_stem() {
    // A reader who remembers علم types the word: العلم once outweighs علمها and علمهم (the
    // light stem with a pronoun), which BM25F's graded frequencies counted nearly as high.
    let files = [
        ("a.txt", "خبر\n\nقال إن علمها وعلمهم كثير.\n"),
        ("b.txt", "خبر\n\nقال إن العلم نور كبير.\n"),
    ];
    assert_eq!(ranked("stem", &files, "علم", "rank"), ["b.txt", "a.txt"]);
}
