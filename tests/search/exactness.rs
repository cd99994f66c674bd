//! The index against oracles (property tests over generated text written in every variant): it
//! finds exactly what a brute-force scan finds, and ranks exactly as opening every article and
//! scoring its text would.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use qari::collection::{Collection, Progress};
use qari::search::{Index, Query};

use crate::{brute_force, job_results, temp_dir};

/// `cases` cases; failures are kept beside this file (exactness.proptest-regressions). Proptest's
/// default would look for them in tests/proptest-regressions/, the crate having a main.rs.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
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

proptest! {
    #![proptest_config(config(64))]

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

proptest! {
    #![proptest_config(config(48))]

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
