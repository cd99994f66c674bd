//! Search: the index gives exactly the results of a brute-force scan (a property test over
//! generated text written in every variant), and ranks them exactly as scoring every article's
//! text would; `qari search` puts a title match above a body match, a whole word above a piece
//! of a longer word and a shorter article above a longer one; a damaged index is rebuilt, and
//! `qari search` finds every written variant of the words with grep-like exit codes.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use qari::collection::{Collection, Progress};
use qari::search::{Index, Query, normalize};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-search-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Word pieces in the variants people write.
const PIECES: &[&str] = &[
    "في",
    "فى",
    "الإسلام",
    "الاسلام",
    "الإِسْلَام",
    "مدينة",
    "مدينه",
    "مدينـــة",
    "2015",
    "٢٠١٥",
    "۲۰۱۵",
    "ال",
    "و",
    "ب",
    "سلام",
    "لا",
    "\u{FEFB}",
    "Islam",
    "ISLAM",
    "a",
    "ab",
    "abc",
    " ",
    " ",
    "\u{a0}",
    "،",
    ".",
    "«",
    "»",
    "(",
    ")",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(PIECES), 1..12),
        1..4,
    )
    .prop_map(|paras| {
        paras
            .iter()
            .map(|p| p.concat())
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn brute_force(articles: &[(PathBuf, String)], query: &Query) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = articles
        .iter()
        .filter(|(_, text)| {
            let parsed = qari::collection::parse(text, qari::collection::Format::Text).unwrap();
            let all = qari::search::article_text(&parsed.title, &parsed.paragraphs);
            query.matches(&all)
        })
        .map(|(p, _)| p.clone())
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_index_finds_exactly_what_a_scan_finds(
        texts in prop::collection::vec(article(), 1..30),
        queries in prop::collection::vec(
            (prop::collection::vec(prop::sample::select(PIECES), 1..4), any::<bool>()),
            1..12,
        ),
    ) {
        let dir = temp_dir("prop");
        let mut articles = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let path = dir.join(format!("{i:03}.txt"));
            std::fs::write(&path, format!("عنوان {i}\n\n{text}\n")).unwrap();
            articles.push((path, format!("عنوان {i}\n\n{text}\n")));
        }
        let collection = Collection::load(&dir, None, &Progress::default()).unwrap();
        let mut index = Index::in_memory().unwrap();
        index.update(&collection, &Progress::default()).unwrap();
        for (q, phrase) in &queries {
            // A phrase (the index narrows it by its words, then checks the texts), or terms
            // (each found exactly from the words that hold it).
            let text = if *phrase { format!("\"{}\"", q.join(" ")) } else { q.join(" ") };
            let query = Query::parse(&text);
            if query.is_empty() {
                continue;
            }
            let found = index.search(&query).unwrap();
            prop_assert_eq!(found, brute_force(&articles, &query), "query {:?}", text);
        }
        std::fs::remove_dir_all(dir).ok();
    }
}

/// A title and paragraphs of pieces, as an article file's text.
fn titled_article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 1..5),
        article(),
    )
        .prop_map(|(title, body)| format!("{}\n\n{body}\n", title.concat()))
}

/// Whether normalised `text` holds `term` by the index's statistics: a word's piece in a word
/// that it is, or begins (after clitics); a phrase's words in the shapes a phrase needs (the
/// first ending a word, the middle ones whole words, the last beginning one).
fn holds(text: &str, term: &str) -> bool {
    let words: Vec<&str> = text.split([' ', '\n']).filter(|w| !w.is_empty()).collect();
    let pieces: Vec<&str> = term.split(' ').collect();
    let [first, middle @ .., last] = pieces.as_slice() else {
        return words.iter().any(|w| {
            w.contains(term)
                && qari::search::rank::in_word(w.as_bytes(), term.as_bytes())
                    >= qari::search::Grade::Begins
        });
    };
    words.iter().any(|w| w.ends_with(first))
        && words.iter().any(|w| w.starts_with(last))
        && middle.iter().all(|m| words.contains(m))
}

/// The library's results for `query` ranked by opening every article: its text scored under
/// statistics counted over every article, best first, equal ones newer first, then by path.
/// Entry and rank of each.
fn ranked_by_opening(c: &Collection, query: &Query) -> Vec<(usize, f32)> {
    let texts: Vec<String> = c
        .entries
        .iter()
        .map(|e| {
            let a = c.open(e).unwrap();
            qari::search::article_text(&a.title, &a.paragraphs)
        })
        .collect();
    let mut stats = qari::search::Stats {
        articles: texts.len() as u64,
        df: query
            .terms
            .iter()
            .map(|t| texts.iter().filter(|x| holds(x, t)).count() as u64)
            .collect(),
        ..Default::default()
    };
    for t in &texts {
        let (title, body) = qari::search::lengths(t.as_bytes());
        stats.title_words += u64::from(title);
        stats.body_words += u64::from(body);
    }
    let scorer = qari::search::Scorer::new(query).with_idf(&stats);
    let mut found: Vec<(usize, f32)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, stats.rank(&scorer.features(t.as_bytes())?))))
        .collect();
    let key = |&(i, rank): &(usize, f32)| (rank, c.entries[i].mtime, c.entries[i].path.clone());
    found.sort_by(|a, b| qari::search::best_first(&key(a), &key(b)));
    found
}

/// The library's search job run to its end.
fn job_results(
    c: &std::sync::Arc<Collection>,
    query: &str,
    index: &Path,
) -> Vec<qari::tui::results::ResultItem> {
    use qari::tui::results::{Fit, SearchJob};
    let fit = Fit::new(60, qari::text::Options::default());
    let job = SearchJob::start(
        std::sync::Arc::clone(c),
        query,
        Some(index.to_owned()),
        None,
        fit,
        3,
    );
    loop {
        if let Some(results) = job.poll() {
            return results.unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Titles that match, overlapping terms ("a", "ab", "ال" in "الإسلام"), harakat, tatweel,
    /// presentation forms, other spellings and phrases: the index's ranks (statistics from its
    /// lists and lengths) and the job's order are those of opening every article and counting
    /// the statistics in every text.
    #[test]
    fn the_library_ranks_as_opening_every_article_would(
        texts in prop::collection::vec(titled_article(), 1..24),
        queries in prop::collection::vec(
            (prop::collection::vec(prop::sample::select(PIECES), 1..3), any::<bool>()),
            1..8,
        ),
    ) {
        let dir = temp_dir("rank");
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("{i:03}.txt")), text).unwrap();
        }
        let c = std::sync::Arc::new(Collection::load(&dir, None, &Progress::default()).unwrap());
        let db = temp_dir("rank-index").join("index.db");
        for (pieces, phrase) in &queries {
            let text = if *phrase {
                format!("\"{}\"", pieces.join(" "))
            } else {
                pieces.join(" ")
            };
            let query = Query::parse(&text);
            if query.is_empty() {
                continue;
            }
            let want = ranked_by_opening(&c, &query);
            let ask = qari::search::Ask { rank: true, cancel: None };
            let found = qari::search::find_with(
                &c,
                &query,
                Some(&db),
                None,
                &Progress::default(),
                &ask,
            )
            .unwrap();
            prop_assert!(found.exact);
            let ranked: Vec<(usize, f32)> = found
                .entries
                .iter()
                .zip(&found.scores)
                .map(|(&i, s)| (i, s.rank))
                .collect();
            prop_assert_eq!(&ranked, &want, "ranks for {:?}", text);
            let got: Vec<usize> = job_results(&c, &text, &db).iter().map(|r| r.entry).collect();
            let want: Vec<usize> = want.iter().map(|w| w.0).collect();
            prop_assert_eq!(got, want, "order for {:?}", text);
        }
        std::fs::remove_dir_all(dir).ok();
        std::fs::remove_dir_all(db.parent().unwrap()).ok();
    }
}

#[test]
fn the_index_follows_added_changed_and_removed_files() {
    let dir = temp_dir("update");
    std::fs::write(dir.join("a.txt"), "أ\n\nمدينة الرياض\n").unwrap();
    std::fs::write(dir.join("b.txt"), "ب\n\nمدينة جدة\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(u.added, 2);
    assert_eq!(index.search(&Query::parse("مدينه")).unwrap().len(), 2);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join("b.txt"), "ب\n\nقرية\n").unwrap();
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    std::fs::write(dir.join("c.txt"), "ج\n\nالمدينة المنورة\n").unwrap();
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!((u.added, u.changed, u.removed), (1, 1, 1));
    let found = index.search(&Query::parse("مدينة")).unwrap();
    assert_eq!(found, vec![dir.join("c.txt")]);
    drop(index);
    // A damaged file is rebuilt, not trusted.
    std::fs::write(
        &db,
        b"this is not a database at all, just some bytes that look wrong",
    )
    .unwrap();
    let _ = std::fs::remove_file(dir.join("index.db-wal"));
    let mut index = Index::open(&db).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(u.added, 2);
    assert_eq!(
        index.search(&Query::parse("قرية")).unwrap(),
        vec![dir.join("b.txt")]
    );
    std::fs::remove_dir_all(dir).ok();
}

fn qari_search(args: &[&str], home: &Path) -> (i32, String) {
    let out = common::qari_command()
        .arg("search")
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn qari_search_finds_every_variant() {
    let dir = temp_dir("cli");
    let home = temp_dir("cli-home");
    std::fs::write(
        dir.join("1.txt"),
        "عنوان أول\n\nذهبت فى الصباح إلى مدينة الرياض عام ٢٠١٥\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("2.txt"),
        "عنوان ثان\n\nتاريخ الإِسْلَامِ في المدينه منذ 2015\n",
    )
    .unwrap();
    std::fs::write(dir.join("3.txt"), "عنوان ثالث\n\nكتاب عن الاسلام\n").unwrap();
    let d = dir.display().to_string();
    for (query, want) in [
        ("فى", vec!["1.txt", "2.txt"]),
        ("في", vec!["1.txt", "2.txt"]),
        ("الاسلام", vec!["2.txt", "3.txt"]),
        ("الإسلام", vec!["2.txt", "3.txt"]),
        ("مدينة", vec!["1.txt", "2.txt"]),
        ("2015", vec!["1.txt", "2.txt"]),
    ] {
        let (code, out) = qari_search(&["-l", "--sort", "path", query, &d], &home);
        assert_eq!(code, 0, "{query}");
        let got: Vec<&str> = out.lines().map(|l| l.rsplit('/').next().unwrap()).collect();
        assert_eq!(got, want, "{query}");
    }
    let (code, out) = qari_search(&["--json", "--sort", "path", "الاسلام", &d], &home);
    assert_eq!(code, 0);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["match"], "الإِسْلَامِ");
    // Best first: the shorter article, which holds the word as often.
    let (_, out) = qari_search(&["--json", "الاسلام", &d], &home);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["match"], "الاسلام");
    let (code, out) = qari_search(&["-c", "في", &d], &home);
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.ends_with("\t1")), "{out}");
    let (code, out) = qari_search(&["مدينة", &d], &home);
    assert_eq!(code, 0);
    assert!(
        out.lines().all(|l| l.split('\t').nth(1) == Some("1")),
        "{out}"
    );
    let (code, _) = qari_search(&["غير موجود", &d], &home);
    assert_eq!(code, 1);
    let (code, _) = qari_search(&["x", "/no/such/folder"], &home);
    assert_eq!(code, 2);
    assert_eq!(normalize("مدينـــة"), "مدينه");
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}

/// The articles now in `dir`, as (path, text), for [`brute_force`].
fn current(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    out.sort();
    out
}

/// Brings `index` up to date with `dir` and checks it against a scan, for every query.
fn assert_exact(index: &mut Index, dir: &Path, step: &str) -> qari::search::Updated {
    let c = Collection::load(dir, None, &Progress::default()).unwrap();
    let updated = index.update(&c, &Progress::default()).unwrap();
    let articles = current(dir);
    for q in ["مدينة", "قرية", "سوق", "الرياض", "في", "عنوان"] {
        let query = Query::parse(q);
        assert_eq!(
            index.search(&query).unwrap(),
            brute_force(&articles, &query),
            "{step}: {q}"
        );
    }
    updated
}

/// Writes `text` to `path`, then puts its modification time back to `mtime`: a change that
/// size and modification time alone would miss.
fn write_keeping_mtime(path: &Path, text: &str, mtime: std::time::SystemTime) {
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(mtime).unwrap();
}

/// Lets the files' last changes age past the index's racy window, then updates: every file is
/// then recorded as trustworthy, so that the next change must be seen in its size, times or
/// inode (not merely read again for being recent).
fn settle(index: &mut Index, dir: &Path) {
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_exact(index, dir, "settled");
    let c = Collection::load(dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(
        u.unchanged,
        c.entries.len(),
        "nothing is read again once settled"
    );
}

#[test]
fn the_index_is_exact_after_every_kind_of_change() {
    let dir = temp_dir("fresh");
    // Same length in bytes: مدينة and قريةي are both 10 bytes.
    std::fs::write(dir.join("a.txt"), "عنوان\n\nفي مدينة الرياض\n").unwrap();
    std::fs::write(dir.join("b.txt"), "عنوان\n\nفي سوق الرياض\n").unwrap();
    std::fs::write(dir.join("c.txt"), "عنوان\n\nفي قريةي صغيرة\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    assert_exact(&mut index, &dir, "first index");
    let mtime = |p: &str| std::fs::metadata(dir.join(p)).unwrap().modified().unwrap();
    let changed = |u: qari::search::Updated| (u.added, u.changed, u.removed);

    // Edited in place: same size, and the modification time put back.
    settle(&mut index, &dir);
    let t = mtime("a.txt");
    write_keeping_mtime(&dir.join("a.txt"), "عنوان\n\nفي قريةي الرياض\n", t);
    assert_eq!(mtime("a.txt"), t);
    let u = assert_exact(&mut index, &dir, "edited in place");
    assert_eq!(changed(u), (0, 1, 0));

    // Replaced by rename: another file of the same size and time moved over it.
    settle(&mut index, &dir);
    let t = mtime("b.txt");
    write_keeping_mtime(&dir.join("b.tmp"), "عنوان\n\nفي مدينة الرياض\n", t);
    std::fs::rename(dir.join("b.tmp"), dir.join("b.txt")).unwrap();
    let u = assert_exact(&mut index, &dir, "replaced by rename");
    assert_eq!(changed(u), (0, 1, 0));

    // Added, deleted, touched (new times, same content: its text is kept).
    settle(&mut index, &dir);
    std::fs::write(dir.join("d.txt"), "عنوان\n\nسوق المدينة\n").unwrap();
    assert_eq!(changed(assert_exact(&mut index, &dir, "added")), (1, 0, 0));
    std::fs::remove_file(dir.join("c.txt")).unwrap();
    assert_eq!(
        changed(assert_exact(&mut index, &dir, "deleted")),
        (0, 0, 1)
    );
    settle(&mut index, &dir);
    let f = std::fs::File::options()
        .write(true)
        .open(dir.join("d.txt"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now()).unwrap();
    let u = assert_exact(&mut index, &dir, "touched");
    assert_eq!((changed(u.clone()), u.unchanged), ((0, 0, 0), 3));

    // Many small updates: their segments are merged along the way, and stay exact.
    for i in 0..20 {
        let word = ["مدينة", "قريةي", "سوقوق"][i % 3];
        std::fs::write(dir.join("a.txt"), format!("عنوان\n\nفي {word} الرياض\n")).unwrap();
        std::fs::write(
            dir.join(format!("n{i}.txt")),
            format!("عنوان {i}\n\n{word}\n"),
        )
        .unwrap();
        assert_exact(&mut index, &dir, &format!("update {i}"));
    }

    // A new process (the index read back from disk) agrees.
    drop(index);
    let mut index = Index::open(&db).unwrap();
    assert_exact(&mut index, &dir, "reopened");
    std::fs::remove_dir_all(dir).ok();
}

/// A posting list damaged on disk is an error (the index is then made again), never an article
/// silently lost: not when searched, and not when small segments are merged with it.
#[test]
fn a_damaged_list_is_an_error_not_a_lost_article() {
    let dir = temp_dir("damaged-list");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let a = articles.join("a.txt");
    std::fs::write(&a, "عنوان\n\nمدينة الرياض\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    let load = || Collection::load(&articles, None, &Progress::default()).unwrap();
    index.update(&load(), &Progress::default()).unwrap();
    let query = Query::parse("مدينة");
    assert_eq!(index.search(&query).unwrap(), vec![a.clone()]);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE postings SET ids = x'ff'", [])
        .unwrap();
    assert!(index.search(&query).is_err());
    // Enough small updates for their segments to be merged with the damaged one.
    let mut failed = false;
    for i in 0..12 {
        std::fs::write(
            articles.join(format!("n{i}.txt")),
            format!("عنوان {i}\n\nقرية\n"),
        )
        .unwrap();
        if index.update(&load(), &Progress::default()).is_err() {
            failed = true;
            break;
        }
    }
    if !failed {
        match index.search(&query) {
            Err(_) => {}
            Ok(found) => assert!(found.contains(&a), "{found:?}"),
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

/// The library's search looks at the folder on disk, not at the collection as the library last
/// loaded it: an article edited in place since (the library's watcher does not look at each
/// file of a large folder) is found by its new words and no longer by its old ones.
#[test]
fn the_library_search_sees_edits_made_after_the_library_loaded() {
    let dir = temp_dir("library-stale");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for i in 0..30 {
        std::fs::write(
            articles.join(format!("{i:02}.txt")),
            format!("عنوان {i}\n\nنص قديم\n"),
        )
        .unwrap();
    }
    // Older than the index's racy window when first indexed, so that they are trusted as
    // recorded from then on (a recent file is read again anyway).
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let db = dir.join("index.db");
    let c = std::sync::Arc::new(Collection::load(&articles, None, &Progress::default()).unwrap());
    assert_eq!(job_results(&c, "قديم", &db).len(), 30);
    // Edited in place, size and modification time kept: only its change time tells.
    let edited = articles.join("07.txt");
    let mtime = std::fs::metadata(&edited).unwrap().modified().unwrap();
    write_keeping_mtime(&edited, "عنوان 7\n\nنص جديد\n", mtime);
    let new = job_results(&c, "جديد", &db);
    assert_eq!(new.len(), 1);
    assert_eq!(c.entries[new[0].entry].path, edited);
    assert_eq!(job_results(&c, "قديم", &db).len(), 29);
    std::fs::remove_dir_all(dir).ok();
}

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
fn the_library_searches_as_the_query_is_typed() {
    use common::drive::{app_with, press, settings, type_text, wait_for_search};
    use qari::tui::Screen;
    let dir = temp_dir("typed");
    for (file, text) in [
        ("a.txt", "مدينة الرياض\n\nخبر عن الرياض اليوم\n"),
        ("b.txt", "جدة\n\nخبر عن جدة اليوم\n"),
        ("c.txt", "خبر\n\nمن الرياض إلى جدة\n"),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let mut app = app_with(settings(qari::text::Direction::Auto), 80, 24);
    app.loaded(Collection::load(&dir, None, &Progress::default()).unwrap());
    app.session.index_file = Some(temp_dir("typed-index").join("index.db"));
    let shown = |app: &qari::tui::App| -> Vec<String> {
        let Screen::Results(r) = app.screen() else {
            panic!("no results: {:?}", app.session.message)
        };
        let entries = &app.session.collection.as_ref().unwrap().entries;
        r.items
            .iter()
            .map(|i| {
                entries[i.entry]
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    press(&mut app, "/");
    type_text(&mut app, "الرياض");
    // Searching without Enter, the prompt still open for more.
    assert!(app.job.is_some() && app.prompt.is_some());
    wait_for_search(&mut app);
    assert!(app.prompt.is_some());
    // The title match first.
    assert_eq!(shown(&app), ["a.txt", "c.txt"]);
    // Each key a new search, the one before it cancelled: the results refine.
    type_text(&mut app, " جدة");
    wait_for_search(&mut app);
    assert_eq!(shown(&app), ["c.txt"]);
    // Enter keeps what was found as typed; Esc closes the results.
    press(&mut app, "Enter");
    assert!(app.prompt.is_none() && app.job.is_none());
    assert_eq!(shown(&app), ["c.txt"]);
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Library(_)));
    std::fs::remove_dir_all(dir).ok();
}
