//! What the index remembers for the file monitor ([`crate::monitor`]): the token of the last
//! answer it was brought up to date with, and its catalog's files as the walk would find them,
//! so that a search told which paths changed looks only at those.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use super::{Index, IndexError, sqlite};
use crate::collection::Found;
use crate::monitor::Token;

impl Index {
    /// The monitor's token this index was last brought up to date with, and the catalog's
    /// generation (bumped by every update that writes it), read in one transaction with the
    /// catalog itself, so that the three agree.
    pub fn token(&mut self) -> Result<(Option<Token>, i64), IndexError> {
        self.forget_catalog();
        self.conn
            .execute_batch("BEGIN")
            .map_err(sqlite(&self.path))?;
        let read = self.token_and_generation().and_then(|t| {
            self.raw()?;
            Ok(t)
        });
        let end = self.conn.execute_batch("COMMIT");
        let read = read?;
        end.map_err(sqlite(&self.path))?;
        Ok(read)
    }

    pub(super) fn token_and_generation(&self) -> Result<(Option<Token>, i64), IndexError> {
        let e = sqlite(&self.path);
        let get = |key: &str| -> Result<Option<String>, IndexError> {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
                    r.get::<_, rusqlite::types::Value>(0)
                })
                .optional()
                .map(|v| {
                    v.map(|v| match v {
                        rusqlite::types::Value::Text(t) => t,
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        _ => String::new(),
                    })
                })
                .map_err(&e)
        };
        let token = get("monitor")?.as_deref().and_then(Token::from_text);
        let generation = get("generation")?.and_then(|g| g.parse().ok()).unwrap_or(0);
        Ok((token, generation))
    }

    /// Records the monitor's token once the index is up to date with the files as they were
    /// when the monitor gave it (or later), unless another search or the library wrote the
    /// catalog since this one read it at generation `read` (then no token is kept, and the
    /// next search looks at every file). Writing and checking are one transaction.
    pub fn set_token(&mut self, token: Option<Token>, read: i64) -> Result<(), IndexError> {
        let e = sqlite(&self.path);
        let expected = self.written.unwrap_or(read);
        // Immediate: the check and the write see the same generation, whoever writes next.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&e)?;
        let now: i64 = tx
            .query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)",
                [],
                |r| r.get(0),
            )
            .map_err(&e)?;
        match token {
            Some(t) if now == expected => tx
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('monitor', ?1)",
                    [t.to_text()],
                )
                .map_err(&e)?,
            _ => tx
                .execute("DELETE FROM meta WHERE key = 'monitor'", [])
                .map_err(&e)?,
        };
        tx.commit().map_err(&e)
    }

    /// The catalog's summary, gathered once.
    pub(super) fn summary(&mut self) -> Result<&Summary, IndexError> {
        if self.summary.is_none() {
            let mut sum = Summary::default();
            self.each_row(|r| {
                sum.files += 1;
                sum.racy |= r.racy;
                if r.id == 0 {
                    sum.unreadable
                        .push(PathBuf::from(String::from_utf8_lossy(r.path).into_owned()));
                } else {
                    sum.live.push(r.id);
                }
            })?;
            self.summary = Some(sum);
        }
        Ok(self.summary.get_or_insert_default())
    }

    /// True when some file of the catalog must be read again whatever the monitor says (it was
    /// recorded racily, see `update`).
    pub fn has_racy(&mut self) -> Result<bool, IndexError> {
        Ok(self.summary()?.racy)
    }

    /// The files of the catalog, sorted by path bytes.
    pub fn files(&mut self) -> Result<Vec<Found>, IndexError> {
        let files = self
            .catalog()?
            .iter()
            .map(|r| Found {
                path: PathBuf::from(&r.path),
                size: r.size,
                mtime: r.mtime,
                ctime: r.ctime,
                inode: r.inode,
            })
            .collect();
        Ok(files)
    }

    /// The catalog's files that could not be read when last looked at (they never match).
    pub fn unreadable(&mut self) -> Result<Vec<PathBuf>, IndexError> {
        Ok(self.summary()?.unreadable.clone())
    }

    /// How many files the catalog holds.
    pub fn len(&mut self) -> Result<usize, IndexError> {
        Ok(self.summary()?.files)
    }

    /// True when the catalog holds no file.
    pub fn is_empty(&mut self) -> Result<bool, IndexError> {
        Ok(self.len()? == 0)
    }
}

/// What a search needs of the catalog besides paths.
#[derive(Debug, Default)]
pub(super) struct Summary {
    pub files: usize,
    /// The ids of the files that were read, in catalog order.
    pub live: Vec<u32>,
    pub racy: bool,
    pub unreadable: Vec<PathBuf>,
}

/// Bumps the catalog's generation and forgets the monitor's token, in the transaction that
/// writes a new catalog; the new generation.
pub(super) fn bump_generation(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<i64> {
    let next: i64 = tx.query_row(
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0) + 1",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?1)",
        [next],
    )?;
    tx.execute("DELETE FROM meta WHERE key = 'monitor'", [])?;
    Ok(next)
}

/// `files` (sorted by path bytes, under `root`) with the `changed` paths (relative to `root`)
/// looked at again: whatever was at or under a changed path is dropped, and what is there now
/// is walked in.
pub fn apply_changes(root: &Path, files: Vec<Found>, changed: &[PathBuf]) -> Vec<Found> {
    let changed: Vec<PathBuf> = changed.iter().map(|c| root.join(c)).collect();
    let set: HashSet<&[u8]> = changed
        .iter()
        .map(|c| c.as_os_str().as_encoded_bytes())
        .collect();
    // At a changed path, or under one (a folder's own path is a prefix ending before a '/').
    let under = |file: &Path| {
        let b = file.as_os_str().as_encoded_bytes();
        set.contains(b)
            || b.iter()
                .enumerate()
                .any(|(i, &c)| c == b'/' && set.contains(&b[..i]))
    };
    let mut out: Vec<Found> = files.into_iter().filter(|f| !under(&f.path)).collect();
    for path in &changed {
        out.extend(crate::collection::files_at(path));
    }
    out.sort_unstable_by(|a, b| {
        a.path
            .as_os_str()
            .as_encoded_bytes()
            .cmp(b.path.as_os_str().as_encoded_bytes())
    });
    out.dedup_by(|b, a| a.path == b.path);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(path: &Path) -> Found {
        Found {
            path: path.to_owned(),
            size: 1,
            mtime: 1,
            ctime: 1,
            inode: 1,
        }
    }

    #[test]
    fn changes_replace_what_was_at_and_under_their_paths() {
        let root = std::env::temp_dir().join(format!("qari-fresh-apply-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(root.join("new/deep")).unwrap();
        std::fs::write(root.join("a/kept.txt"), "نص").unwrap();
        std::fs::write(root.join("a/edited.txt"), "نص أطول").unwrap();
        std::fs::write(root.join("new/deep/x.md"), "# عنوان").unwrap();
        std::fs::write(root.join("new/notes.bin"), "x").unwrap();
        let old = vec![
            found(&root.join("a/edited.txt")),
            found(&root.join("a/kept.txt")),
            found(&root.join("gone/y.txt")),
            found(&root.join("z.txt")),
        ];
        let changed = [
            PathBuf::from("a-b"),
            PathBuf::from("a/edited.txt"),
            PathBuf::from("gone"),
            PathBuf::from("new"),
            PathBuf::from("new/deep/x.md"),
            PathBuf::from("a/editor.swp"),
        ];
        let out = apply_changes(&root, old, &changed);
        let rel: Vec<String> = out
            .iter()
            .map(|f| f.path.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            rel,
            ["a/edited.txt", "a/kept.txt", "new/deep/x.md", "z.txt"]
        );
        // The edited file was looked at again; the one not named kept what it had.
        assert_eq!(out[0].size, "نص أطول".len() as u64);
        assert_eq!(out[1].size, 1);
        let _ = std::fs::remove_dir_all(&root);
    }
}
