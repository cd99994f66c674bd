//! The reading-position queries: where the reader was in each article, and whether it has been
//! read. A position's state only moves forward (in progress, then read).

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::{Position, ReadState, Store, StoreError, now};

impl Store {
    /// Remembers where the reader is in an article.
    pub fn set_position(&mut self, path: &Path, position: Position) -> Result<(), StoreError> {
        let state = match position.state {
            ReadState::InProgress => 1,
            ReadState::Read => 2,
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO positions(path, paragraph, offset, state, updated) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(path) DO UPDATE SET paragraph = ?2, offset = ?3,
                     state = max(state, ?4), updated = ?5",
                params![path.to_string_lossy(), position.paragraph as i64, position.offset as i64, state, now()],
            )
            .map(drop)
        })
    }

    /// Every remembered position, by article, most recent first.
    pub fn positions(&self) -> Result<Vec<(PathBuf, Position)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, paragraph, offset, state FROM positions ORDER BY updated DESC")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    PathBuf::from(r.get::<_, String>(0)?),
                    position_of(r.get(1)?, r.get(2)?, r.get(3)?),
                ))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The remembered position in the article at `path`.
    pub fn position(&self, path: &Path) -> Result<Option<Position>, StoreError> {
        self.conn
            .query_row(
                "SELECT paragraph, offset, state FROM positions WHERE path = ?1",
                [path.to_string_lossy()],
                |r| Ok(position_of(r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.err())
    }
}

/// A position from its columns (state 2 is read, anything else in progress).
fn position_of(paragraph: i64, offset: i64, state: i64) -> Position {
    Position {
        paragraph: paragraph.max(0) as usize,
        offset: offset.max(0) as usize,
        state: if state >= 2 {
            ReadState::Read
        } else {
            ReadState::InProgress
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_only_move_forward_in_state() {
        let mut s = Store::in_memory().unwrap();
        let p = Path::new("/a.txt");
        s.set_position(
            p,
            Position {
                paragraph: 3,
                offset: 0,
                state: ReadState::Read,
            },
        )
        .unwrap();
        s.set_position(
            p,
            Position {
                paragraph: 1,
                offset: 5,
                state: ReadState::InProgress,
            },
        )
        .unwrap();
        let all = s.positions().unwrap();
        assert_eq!(
            all[0].1,
            Position {
                paragraph: 1,
                offset: 5,
                state: ReadState::Read
            }
        );
    }
}
