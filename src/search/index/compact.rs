//! Keeping the posting lists from growing without bound: each update writes its postings as a
//! new segment, and the texts of changed and gone files are dropped while their ids stay in
//! older segments. Small segments are merged once there are enough of them; once the dropped
//! texts outnumber the live ones every segment is written again without them (and the lengths
//! kept for ranking with it, see `lengths`).

use std::collections::BTreeMap;

use rusqlite::{Transaction, params};

use super::build::Segment;
use super::catalog::FileRow;
use super::postings;
use super::words;
use super::{IndexError, read_list, sqlite};

/// When the posting lists are compacted (see [`compact`]).
#[derive(Clone, Copy, Debug)]
pub struct Compaction {
    /// Segments smaller than this many postings are merged once there are `small_segments`.
    pub small_postings: i64,
    pub small_segments: usize,
    /// Texts dropped since the last compaction that start one, at the least.
    pub dead_min: usize,
}

impl Default for Compaction {
    fn default() -> Self {
        Compaction {
            small_postings: 1 << 20,
            small_segments: 8,
            dead_min: 100,
        }
    }
}

/// Writes `segment` as a new segment: its vocabulary, and its lists as postings rows numbered
/// from the segment's first in the vocabulary's order (a word's row is found from its place).
pub(super) fn write_segment(tx: &Transaction<'_>, segment: &Segment) -> rusqlite::Result<()> {
    if segment.count == 0 {
        return Ok(());
    }
    let first: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM postings", [], |r| {
        r.get(0)
    })?;
    let vocabulary = words::vocabulary(segment.lists.iter().map(|(w, _)| &w[..]));
    tx.execute(
        "INSERT INTO segments(count, first, words) VALUES (?1, ?2, ?3)",
        params![segment.count as i64, first, vocabulary],
    )?;
    let mut insert = tx.prepare_cached("INSERT INTO postings(id, ids) VALUES (?1, ?2)")?;
    for (i, (_, ids)) in segment.lists.iter().enumerate() {
        insert.execute(params![first + i as i64, ids])?;
    }
    Ok(())
}

/// Keeps the posting lists from growing without bound. The small segments (one per update)
/// are merged into one once there are enough; and once the texts dropped since the
/// last compaction (`dropped` by this update, and those before) outnumber the live ones, every
/// segment is written again without their ids, one segment at a time (a collection rewritten
/// again and again would otherwise keep every old copy's postings). `rows`: the catalog.
pub(super) fn compact(
    tx: &Transaction<'_>,
    rows: &[FileRow],
    dropped: usize,
    when: Compaction,
    path: &std::path::Path,
) -> Result<(), IndexError> {
    let e = sqlite(path);
    let dead: i64 = tx
        .query_row(
            "SELECT coalesce((SELECT value FROM meta WHERE key = 'dead'), 0)",
            [],
            |r| r.get(0),
        )
        .map_err(&e)?;
    let mut dead = usize::try_from(dead).unwrap_or(0) + dropped;
    let segments: Vec<(i64, i64)> = tx
        .prepare("SELECT seg, count FROM segments ORDER BY seg")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(&e)?;
    let live: std::collections::HashSet<u32> =
        rows.iter().map(|r| r.id).filter(|&id| id != 0).collect();
    if dead > live.len().max(when.dead_min) {
        for &(seg, _) in &segments {
            merge(tx, &[seg], &live, path)?;
        }
        let mut ids: Vec<u32> = live.iter().copied().collect();
        ids.sort_unstable();
        super::lengths::compact(tx, &ids).map_err(&e)?;
        dead = 0;
        // The pages freed go back to the file system (an index made with auto_vacuum set, as
        // every index since version 7 is; elsewhere this does nothing).
        tx.execute_batch("PRAGMA incremental_vacuum").map_err(&e)?;
    } else {
        let small: Vec<i64> = segments
            .iter()
            .filter(|&&(_, count)| count < when.small_postings)
            .map(|&(seg, _)| seg)
            .collect();
        if small.len() >= when.small_segments {
            merge(tx, &small, &live, path)?;
        }
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('dead', ?1)",
        [dead as i64],
    )
    .map_err(&e)?;
    Ok(())
}

/// Merges the segments `segs` into one, keeping only the ids in `live`. A list missing or
/// damaged is an error (the index at `path` is then made again): merged as empty, its articles
/// would silently no longer be found.
fn merge(
    tx: &Transaction<'_>,
    segs: &[i64],
    live: &std::collections::HashSet<u32>,
    path: &std::path::Path,
) -> Result<(), IndexError> {
    let e = sqlite(path);
    let mut parts: Vec<(i64, i64, Vec<u8>)> = Vec::with_capacity(segs.len());
    {
        let mut stmt = tx
            .prepare_cached("SELECT seg, first, words FROM segments WHERE seg = ?1")
            .map_err(&e)?;
        for &seg in segs {
            parts.push(
                stmt.query_row([seg], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .map_err(&e)?,
            );
        }
    }
    let mut lists: BTreeMap<&[u8], Vec<u32>> = BTreeMap::new();
    {
        let mut read = tx
            .prepare_cached("SELECT ids FROM postings WHERE id = ?1")
            .map_err(&e)?;
        let mut one = Vec::new();
        for (_, first, vocabulary) in &parts {
            for (i, word) in words::listed(vocabulary).enumerate() {
                read_list(&mut read, first + i as i64, &mut one, path)?;
                // Only the live ids are kept, as they come: a compaction holds no more.
                one.retain(|id| live.contains(id));
                if !one.is_empty() {
                    lists.entry(word).or_default().extend_from_slice(&one);
                }
            }
        }
    }
    let mut merged = Segment {
        lists: Vec::new(),
        count: 0,
    };
    for (word, mut ids) in lists {
        ids.sort_unstable();
        ids.dedup();
        if !ids.is_empty() {
            merged.count += ids.len();
            merged.lists.push((word.into(), postings::encode(&ids)));
        }
    }
    for (seg, first, vocabulary) in &parts {
        tx.execute(
            "DELETE FROM postings WHERE id >= ?1 AND id < ?2",
            [*first, first + words::count(vocabulary) as i64],
        )
        .and_then(|_| tx.execute("DELETE FROM segments WHERE seg = ?1", [seg]))
        .map_err(&e)?;
    }
    write_segment(tx, &merged).map_err(&e)
}

/// Drops a file's text from the index (its postings stay until their segment is merged or
/// compacted): 1 when it had one, else 0.
pub(super) fn forget(tx: &Transaction<'_>, id: u32) -> rusqlite::Result<usize> {
    if id == 0 {
        return Ok(0);
    }
    tx.execute("DELETE FROM texts WHERE id = ?1", [id])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Collection, Progress};
    use crate::search::index::Index;

    #[test]
    fn a_collection_rewritten_again_and_again_keeps_lists_of_its_live_articles_only() {
        let dir = std::env::temp_dir().join(format!("qari-compact-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let write = |v: usize| {
            for i in 0..20 {
                let text = format!("عنوان {i}\n\nنص النسخة{v} والمقال{i}\n");
                std::fs::write(dir.join(format!("{i:02}.txt")), text).unwrap();
            }
        };
        let mut index = Index::in_memory().unwrap();
        // No merging of small segments: only the rule of dropped texts compacts.
        index.compaction = Compaction {
            small_postings: 0,
            small_segments: usize::MAX,
            dead_min: 0,
        };
        let postings = |index: &Index| -> i64 {
            index
                .conn
                .query_row("SELECT coalesce(sum(count), 0) FROM segments", [], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        let found = |index: &mut Index, word: &str| {
            index
                .search(&crate::search::Query::parse(word))
                .unwrap()
                .len()
        };
        write(0);
        let load = || Collection::load(&dir, None, &Progress::default()).unwrap();
        index.update(&load(), &Progress::default()).unwrap();
        let one = postings(&index);
        for v in 1..6 {
            write(v);
            let u = index.update(&load(), &Progress::default()).unwrap();
            assert_eq!(u.changed, 20, "{v}");
            // Never more than the live articles' lists and one more copy's.
            assert!(
                postings(&index) <= 2 * one,
                "{v}: {} > 2 × {one}",
                postings(&index)
            );
            assert_eq!(found(&mut index, &format!("النسخة{v}")), 20);
            assert_eq!(found(&mut index, &format!("النسخة{}", v - 1)), 0);
            assert_eq!(found(&mut index, "والمقال1"), 11);
        }
        std::fs::remove_dir_all(dir).ok();
    }
}
