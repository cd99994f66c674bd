//! The state database's schema: one migration per version, run in order in one transaction
//! when the database is opened. `PRAGMA user_version` says how many have run, so a change to
//! the schema is a new migration at the end of the list.

use rusqlite::TransactionBehavior;

use super::{Store, StoreError};

/// The schema, one migration per version; `PRAGMA user_version` says how many ran.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE bookmarks(
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0);
     CREATE INDEX bookmarks_path ON bookmarks(path);
     CREATE TABLE positions(
        path TEXT PRIMARY KEY,
        paragraph INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        state INTEGER NOT NULL,
        updated INTEGER NOT NULL);",
    // v2: the article as the anchoring asks: its path relative to the collection root
    // (to find it after the collection moves) and a hash of its content (unchanged: the
    // paragraph number stands).
    "ALTER TABLE bookmarks ADD COLUMN rel_path TEXT NOT NULL DEFAULT '';
     ALTER TABLE bookmarks ADD COLUMN article_hash TEXT NOT NULL DEFAULT '';",
    // v3: the searches typed, for the prompt's history (`used` orders them, most recent
    // highest).
    "CREATE TABLE searches(query TEXT PRIMARY KEY, used INTEGER NOT NULL);",
    // v4: the paragraph direction chosen for an article (0: the settings').
    "ALTER TABLE positions ADD COLUMN direction INTEGER NOT NULL DEFAULT 0;",
    // v5: feeds. Every item saved into the collection (by its feed's GUID and by its URL, so
    // that it is never saved twice, and the hash of what was written), and each feed's HTTP
    // validators for conditional GET.
    "CREATE TABLE saved_items(
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        path TEXT NOT NULL,
        hash TEXT NOT NULL,
        saved INTEGER NOT NULL);
     CREATE INDEX saved_items_guid ON saved_items(feed, guid);
     CREATE INDEX saved_items_url ON saved_items(url);
     CREATE TABLE feed_http(
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked INTEGER NOT NULL);",
];

impl Store {
    /// Runs the migrations this database has not had yet.
    pub(super) fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }
}
