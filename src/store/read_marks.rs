//! Marking an article read, or unread again, from the library: a read article keeps its place;
//! an unread one forgets it, as if never opened.

use std::path::Path;

use rusqlite::params;

use super::{Store, StoreError};

impl Store {
    /// Marks the article at `path` read (its place, if any, kept).
    pub fn mark_read(&mut self, path: &Path) -> Result<(), StoreError> {
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO positions(path, paragraph, offset, state, updated) VALUES (?1, 0, 0, 2, ?2)
                 ON CONFLICT(path) DO UPDATE SET state = 2",
                params![path.to_string_lossy(), now],
            )
            .map(drop)
        })
    }

    /// Forgets the place and the read mark of the article at `path`.
    pub fn forget_position(&mut self, path: &Path) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM positions WHERE path = ?1",
                [path.to_string_lossy()],
            )
            .map(drop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ReadState;

    #[test]
    fn read_then_unread() {
        let mut s = Store::in_memory().unwrap();
        let p = Path::new("/news/a.txt");
        s.mark_read(p).unwrap();
        assert_eq!(
            s.position(p).unwrap().map(|p| p.state),
            Some(ReadState::Read)
        );
        s.forget_position(p).unwrap();
        assert_eq!(s.position(p).unwrap(), None);
    }
}
