//! What `qari update`, `qari save` and `qari import` remember: every item saved into the
//! collection, so that none is saved twice (the same GUID in its feed, or the same URL, even
//! when its title changed), with the hash of the text written; and each feed's HTTP validators
//! (ETag, Last-Modified), so that an unchanged feed answers 304 and costs nothing.

use std::collections::HashSet;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// An item written into the collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedItem {
    /// The feed's URL ("" for a page saved by hand).
    pub feed: String,
    /// The item's GUID in its feed ("" when it has none).
    pub guid: String,
    /// The article's URL, as [`crate::feeds::normalize_url`] gives it.
    pub url: String,
    pub path: PathBuf,
    /// A hash of the file as written (FNV-1a, hex).
    pub hash: String,
}

/// A feed's HTTP validators, sent back on the next fetch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Store {
    /// Remembers that an item was saved.
    pub fn record_saved(&mut self, item: &SavedItem) -> Result<(), StoreError> {
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO saved_items(feed, guid, url, path, hash, saved)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    item.feed,
                    item.guid,
                    item.url,
                    item.path.to_string_lossy(),
                    item.hash,
                    now
                ],
            )
            .map(drop)
        })
    }

    /// The file of the item with this GUID (in `feed`) or this URL, if one was saved.
    pub fn saved_path(
        &self,
        feed: &str,
        guid: &str,
        url: &str,
    ) -> Result<Option<PathBuf>, StoreError> {
        self.conn
            .query_row(
                "SELECT path FROM saved_items
                 WHERE (?2 != '' AND feed = ?1 AND guid = ?2) OR (?3 != '' AND url = ?3)
                 LIMIT 1",
                params![feed, guid, url],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map(|found| found.map(PathBuf::from))
            .map_err(self.err())
    }

    /// Every saved item's key: `feed\0guid` for those with a GUID, and every URL; for deciding
    /// on worker threads, without the database, which items are new.
    pub fn saved_keys(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT feed, guid, url FROM saved_items")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(self.err())?;
        let mut keys = HashSet::new();
        for row in rows {
            let (feed, guid, url) = row.map_err(self.err())?;
            if !guid.is_empty() {
                keys.insert(guid_key(&feed, &guid));
            }
            if !url.is_empty() {
                keys.insert(url);
            }
        }
        Ok(keys)
    }

    /// The validators the feed at `url` answered with last time.
    pub fn validators(&self, url: &str) -> Result<Validators, StoreError> {
        self.conn
            .query_row(
                "SELECT etag, last_modified FROM feed_http WHERE url = ?1",
                [url],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(self.err())
    }

    /// Keeps the validators of the feed at `url` for its next fetch.
    pub fn set_validators(&mut self, url: &str, v: &Validators) -> Result<(), StoreError> {
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO feed_http(url, etag, last_modified, checked) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3, checked = ?4",
                params![url, v.etag, v.last_modified, now],
            )
            .map(drop)
        })
    }
}

/// The key of an item's GUID in [`Store::saved_keys`].
pub fn guid_key(feed: &str, guid: &str) -> String {
    format!("{feed}\0{guid}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(guid: &str, url: &str) -> SavedItem {
        SavedItem {
            feed: "http://x/feed".into(),
            guid: guid.into(),
            url: url.into(),
            path: PathBuf::from("/news/x/a.md"),
            hash: "0".into(),
        }
    }

    #[test]
    fn an_item_is_known_by_guid_or_url() {
        let mut s = Store::in_memory().unwrap();
        let saved = |s: &Store, feed, guid, url| s.saved_path(feed, guid, url).unwrap().is_some();
        assert!(!saved(&s, "http://x/feed", "g1", "http://x/1"));
        s.record_saved(&item("g1", "http://x/1")).unwrap();
        assert_eq!(
            s.saved_path("http://x/feed", "g1", "http://x/other")
                .unwrap(),
            Some(PathBuf::from("/news/x/a.md"))
        );
        assert!(saved(&s, "http://y/feed", "", "http://x/1"));
        // A GUID is only an identity within its feed; an empty one matches nothing.
        assert!(!saved(&s, "http://y/feed", "g1", ""));
        s.record_saved(&item("", "http://x/2")).unwrap();
        assert!(!saved(&s, "http://x/feed", "", ""));
        let keys = s.saved_keys().unwrap();
        assert!(keys.contains(&guid_key("http://x/feed", "g1")));
        assert!(keys.contains("http://x/2"));
        assert_eq!(keys.len(), 3);
    }

    #[test]
    fn validators_are_kept_per_feed() {
        let mut s = Store::in_memory().unwrap();
        assert_eq!(
            s.validators("http://x/feed").unwrap(),
            Validators::default()
        );
        let v = Validators {
            etag: Some("\"abc\"".into()),
            last_modified: None,
        };
        s.set_validators("http://x/feed", &v).unwrap();
        assert_eq!(s.validators("http://x/feed").unwrap(), v);
        s.set_validators("http://x/feed", &Validators::default())
            .unwrap();
        assert_eq!(
            s.validators("http://x/feed").unwrap(),
            Validators::default()
        );
    }
}
