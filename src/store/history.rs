//! The searches typed into the prompt, kept so that Up and Down recall them in a later session
//! too: the most recent last, each once, at most [`KEPT`].

use rusqlite::params;

use super::{Store, StoreError};

/// How many searches are kept.
pub const KEPT: usize = 100;

impl Store {
    /// Remembers a search (moving it to the end when it was there already).
    pub fn add_search(&mut self, query: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO searches(query, used)
                     VALUES (?1, (SELECT coalesce(max(used), 0) + 1 FROM searches))
                 ON CONFLICT(query) DO UPDATE SET used = excluded.used",
                params![query],
            )?;
            tx.execute(
                "DELETE FROM searches WHERE rowid NOT IN
                     (SELECT rowid FROM searches ORDER BY used DESC LIMIT ?1)",
                [KEPT as i64],
            )
            .map(drop)
        })
    }

    /// The searches remembered, oldest first.
    pub fn searches(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT query FROM searches ORDER BY used")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_are_kept_once_most_recent_last() {
        let mut s = Store::in_memory().unwrap();
        for q in ["تونس", "الحكومة", "تونس"] {
            s.add_search(q).unwrap();
        }
        let got = s.searches().unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got.last().map(String::as_str), Some("تونس"));
        for i in 0..KEPT + 5 {
            s.add_search(&format!("q{i}")).unwrap();
        }
        assert_eq!(s.searches().unwrap().len(), KEPT);
    }
}
