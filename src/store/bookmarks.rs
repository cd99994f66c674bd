//! The bookmark queries: adding, restoring (undo), removing, annotating, moving and
//! re-anchoring bookmarks, and listing them. Each change is its own transaction.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::{Bookmark, Place, Store, StoreError, anchor};
use crate::collection::ParagraphNo;

impl Store {
    /// Adds a bookmark; returns its id.
    pub fn add_bookmark(&mut self, at: &Place<'_>, note: &str) -> Result<i64, StoreError> {
        let article = at.article;
        let text = article.paragraph(at.paragraph).unwrap_or_default();
        let (fp, ex) = (anchor::fingerprint(text), anchor::excerpt(text));
        let rel = at
            .root
            .and_then(|root| article.path.strip_prefix(root).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .or_else(|| article.path.file_name().map(Path::new))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let hash = anchor::article_hash(&article.title, &article.paragraphs);
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO bookmarks(path, title, paragraph, fingerprint, excerpt, note, created, rel_path, article_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    article.path.to_string_lossy(),
                    article.title,
                    at.paragraph.get() as i64,
                    fp,
                    ex,
                    note,
                    now,
                    rel,
                    hash
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Puts back a removed bookmark (undo), with its id.
    pub fn restore_bookmark(&mut self, b: &Bookmark) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO bookmarks(id, path, title, paragraph, fingerprint, excerpt, note, created,
                     orphaned, rel_path, article_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    b.id,
                    b.path.to_string_lossy(),
                    b.title,
                    b.paragraph.get() as i64,
                    b.fingerprint,
                    b.excerpt,
                    b.note,
                    b.created,
                    b.orphaned,
                    b.rel_path,
                    b.article_hash
                ],
            )?;
            Ok(())
        })
    }

    /// Removes a bookmark; returns it (for undo) when it existed.
    pub fn remove_bookmark(&mut self, id: i64) -> Result<Option<Bookmark>, StoreError> {
        let found = self.bookmark(id)?;
        self.write(|tx| tx.execute("DELETE FROM bookmarks WHERE id = ?1", [id]))?;
        Ok(found)
    }

    pub fn set_note(&mut self, id: i64, note: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE bookmarks SET note = ?2 WHERE id = ?1",
                params![id, note],
            )
            .map(drop)
        })
    }

    /// Records that a bookmark's article now lives at `path`, with this content hash.
    pub fn relocate(&mut self, id: i64, path: &Path, article_hash: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE bookmarks SET path = ?2, article_hash = ?3 WHERE id = ?1",
                params![id, path.to_string_lossy(), article_hash],
            )
            .map(drop)
        })
    }

    /// Records where a bookmark's paragraph is now, or that it is orphaned.
    pub fn reanchor(&mut self, id: i64, now: Option<ParagraphNo>) -> Result<(), StoreError> {
        self.write(|tx| {
            match now {
                Some(p) => tx.execute(
                    "UPDATE bookmarks SET paragraph = ?2, orphaned = 0 WHERE id = ?1",
                    params![id, p.get() as i64],
                ),
                None => tx.execute("UPDATE bookmarks SET orphaned = 1 WHERE id = ?1", [id]),
            }
            .map(drop)
        })
    }

    fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Bookmark> {
        Ok(Bookmark {
            id: r.get(0)?,
            path: PathBuf::from(r.get::<_, String>(1)?),
            title: r.get(2)?,
            // Kept from 1 in the database.
            paragraph: ParagraphNo::new(r.get::<_, i64>(3)?.max(1) as usize)
                .unwrap_or(ParagraphNo::FIRST),
            fingerprint: r.get(4)?,
            excerpt: r.get(5)?,
            note: r.get(6)?,
            created: r.get(7)?,
            orphaned: r.get(8)?,
            rel_path: r.get(9)?,
            article_hash: r.get(10)?,
        })
    }

    const COLUMNS: &'static str = "id, path, title, paragraph, fingerprint, excerpt, note, created, orphaned, rel_path, article_hash";

    pub fn bookmark(&self, id: i64) -> Result<Option<Bookmark>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM bookmarks WHERE id = ?1", Self::COLUMNS),
                [id],
                Self::row,
            )
            .optional()
            .map_err(self.err())
    }

    /// Every bookmark, grouped by article (path), in paragraph order.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>, StoreError> {
        self.available()?;
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM bookmarks ORDER BY path, paragraph, id",
                Self::COLUMNS
            ))
            .map_err(self.err())?;
        let rows = stmt.query_map([], Self::row).map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The bookmarks of one article.
    pub fn bookmarks_of(&self, path: &Path) -> Result<Vec<Bookmark>, StoreError> {
        self.available()?;
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM bookmarks WHERE path = ?1 ORDER BY paragraph, id",
                Self::COLUMNS
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map([path.to_string_lossy()], Self::row)
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_round_trip_and_undo() {
        let mut s = Store::in_memory().unwrap();
        let article = crate::collection::Article {
            path: "/a.txt".into(),
            title: "عنوان".into(),
            paragraphs: vec!["أ".into(), "ب".into(), "نص الفقرة الثالثة".into()],
            meta: crate::collection::Meta::default(),
            encoding: "UTF-8".into(),
        };
        let at = Place {
            article: &article,
            root: Some(Path::new("/")),
            paragraph: ParagraphNo::new(3).unwrap(),
        };
        let id = s.add_bookmark(&at, "").unwrap();
        let b = s.bookmark(id).unwrap().unwrap();
        assert_eq!(
            (b.paragraph.get(), b.excerpt.as_str(), b.orphaned),
            (3, "نص الفقرة الثالثة", false)
        );
        s.set_note(id, "للاقتباس").unwrap();
        let removed = s.remove_bookmark(id).unwrap().unwrap();
        assert!(s.bookmarks().unwrap().is_empty());
        s.restore_bookmark(&removed).unwrap();
        assert_eq!(s.bookmarks().unwrap()[0].note, "للاقتباس");
        s.reanchor(id, None).unwrap();
        assert!(s.bookmark(id).unwrap().unwrap().orphaned);
    }
}
