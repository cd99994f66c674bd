use super::*;
use crate::collection::Collection;

/// An index of `texts` (article files' texts), in memory.
fn indexed(name: &str, texts: &[&str]) -> Index {
    let dir = std::env::temp_dir().join(format!("qari-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), t).unwrap();
    }
    let collection = Collection::load(&dir, None, &Progress::default()).unwrap();
    let mut index = Index::in_memory().unwrap();
    index.update(&collection, &Progress::default()).unwrap();
    std::fs::remove_dir_all(dir).ok();
    index
}

fn ids(found: Vec<Ranked>) -> Vec<u32> {
    let mut ids: Vec<u32> = found.into_iter().map(|(id, _, _)| id).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn a_part_too_common_to_narrow_is_checked_against_every_text() {
    let mut index = indexed(
        "common-part",
        &[
            "مدينة بغداد\n\nقال الوزير في بغداد",
            "بيروت\n\nمدينة بيروت الجميلة",
            "باب\n\nلا شيء هنا",
            "نص\n\nقالت الوزيرة كلاما",
        ],
    );
    let live = index.summary().unwrap().live.clone();
    let top = live.iter().copied().max().unwrap();
    let table = positions(live.iter().copied());
    for rank in [false, true] {
        let ask = Ask { rank, cancel: None };
        for q in [
            "ب",
            "بيروت",
            "الوزير",
            "\"قال الوزير\"",
            "\"ل الوز\"",
            "مدينه ب",
            "قال ي",
        ] {
            let query = Query::parse(q);
            let found = |limit| {
                ids(index
                    .matching_within(&query, &ask, &Progress::default(), &live, (limit, 9))
                    .unwrap())
            };
            // Every part narrowed, none, and every text checked.
            let (narrowed, unnarrowed) = (found(usize::MAX), found(0));
            let tx = index.conn.unchecked_transaction().unwrap();
            let mut all = live.clone();
            all.sort_unstable();
            let mut scanned: Vec<u32> = index
                .check(
                    &tx,
                    &all,
                    &query,
                    rank.then_some(&Stats::default()),
                    None,
                    &Progress::default(),
                )
                .unwrap()
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            scanned.sort_unstable();
            assert_eq!(narrowed, scanned, "{q}");
            assert_eq!(unnarrowed, scanned, "{q}");
            assert!(!scanned.is_empty(), "{q}");
            // Too common to narrow: no candidates.
            let none = index.candidates(&tx, &query, 0, top, &table, rank).unwrap();
            assert_eq!(none, None, "{q}");
        }
    }
    // A plain word: exactly its articles, to be taken with no check; a phrase: candidates.
    let tx = index.conn.unchecked_transaction().unwrap();
    let n = index
        .candidates(&tx, &Query::parse("بيروت"), 9, top, &table, false)
        .unwrap()
        .unwrap();
    assert!(n.exact && n.ids.len() == 1 && n.df == vec![Some(1)]);
    let n = index
        .candidates(&tx, &Query::parse("\"قال الوزير\""), 9, top, &table, false)
        .unwrap()
        .unwrap();
    assert!(!n.exact);
}

#[test]
fn document_frequencies_and_grades_come_from_the_words() {
    let mut index = indexed(
        "df",
        &[
            "عنوان\n\nالعلم نور",
            "عنوان\n\nمعلم المدرسة",
            "عنوان\n\nعلماء وعلم",
            "عنوان\n\nلا شيء",
        ],
    );
    let live = index.summary().unwrap().live.clone();
    let top = live.iter().copied().max().unwrap();
    let table = positions(live.iter().copied());
    let tx = index.conn.unchecked_transaction().unwrap();
    let n = index
        .candidates(&tx, &Query::parse("علم"), 99, top, &table, true)
        .unwrap()
        .unwrap();
    // Three articles hold the substring, each graded by its best word; two hold it as a word
    // (or the start of one), their number is its document frequency.
    assert_eq!(n.df, vec![Some(2)]);
    let grades: Vec<u8> = n
        .ids
        .iter()
        .map(|&id| n.grades[0].as_ref().unwrap()[id as usize])
        .collect();
    let want = [Grade::Whole, Grade::Inside, Grade::Whole].map(|g| g as u8);
    assert_eq!(grades, want);
}

#[test]
fn ranked_from_the_lists_alone_past_the_rerank_limit() {
    // Five articles hold علم: the whole word in the shortest ranks first, inside a longer word
    // last, whether ranked in full or from the lists alone.
    let mut index = indexed(
        "rerank",
        &[
            "عنوان\n\nمعلم قديم في المدينة",
            "عنوان\n\nالعلم نور",
            "عنوان\n\nالعلم نور يضيء الطريق",
            "عنوان\n\nعلماء المدينة",
            "عنوان\n\nلا شيء",
        ],
    );
    let live = index.summary().unwrap().live.clone();
    let ask = Ask {
        rank: true,
        cancel: None,
    };
    let query = Query::parse("علم");
    for rerank in [0, 1, 9] {
        let mut found = index
            .matching_within(&query, &ask, &Progress::default(), &live, (99, rerank))
            .unwrap();
        found.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.rank.total_cmp(&a.1.rank)));
        let order: Vec<u32> = found.iter().map(|f| f.0).collect();
        // Ids follow the files' order, from 1.
        assert_eq!(order, vec![2, 3, 4, 1], "{rerank}");
        let full = found.iter().filter(|f| f.2 == 0).count();
        assert_eq!(full, rerank.min(4), "{rerank}");
    }
}
