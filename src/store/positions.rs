//! The reading-position queries: where the reader was in each article, and whether it has been
//! read. A position's state only moves forward (in progress, then read).

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::{Position, ReadState, Store, StoreError};
use crate::collection::ParagraphNo;
use crate::text::Direction;

impl Store {
    /// Remembers where the reader is in an article.
    pub fn set_position(&mut self, path: &Path, position: Position) -> Result<(), StoreError> {
        let state = match position.state {
            ReadState::InProgress => 1,
            ReadState::Read => 2,
        };
        let direction = direction_code(position.direction);
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO positions(path, paragraph, offset, state, updated, direction)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(path) DO UPDATE SET paragraph = ?2, offset = ?3,
                     state = max(state, ?4), updated = ?5, direction = ?6",
                params![
                    path.to_string_lossy(),
                    position.paragraph.index() as i64,
                    position.offset as i64,
                    state,
                    now,
                    direction
                ],
            )
            .map(drop)
        })
    }

    /// Every remembered position, by article, most recent first.
    pub fn positions(&self) -> Result<Vec<(PathBuf, Position)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT path, paragraph, offset, state, direction FROM positions ORDER BY updated DESC",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    PathBuf::from(r.get::<_, String>(0)?),
                    position_of(r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                ))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The remembered position in the article at `path`.
    pub fn position(&self, path: &Path) -> Result<Option<Position>, StoreError> {
        self.conn
            .query_row(
                "SELECT paragraph, offset, state, direction FROM positions WHERE path = ?1",
                [path.to_string_lossy()],
                |r| Ok(position_of(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(self.err())
    }
}

/// How a chosen direction is kept: 0 none (the settings'), 1 the reader's automatic rule, 2
/// right to left, 3 left to right.
fn direction_code(d: Option<Direction>) -> i64 {
    match d {
        None => 0,
        Some(Direction::Majority | Direction::Auto) => 1,
        Some(Direction::Rtl) => 2,
        Some(Direction::Ltr) => 3,
    }
}

/// A position from its columns (state 2 is read, anything else in progress).
fn position_of(paragraph: i64, offset: i64, state: i64, direction: i64) -> Position {
    Position {
        direction: match direction {
            1 => Some(Direction::Majority),
            2 => Some(Direction::Rtl),
            3 => Some(Direction::Ltr),
            _ => None,
        },
        // Kept from 0 in the database.
        paragraph: ParagraphNo::from_index(paragraph.max(0) as usize),
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
    fn positions_only_move_forward_in_state_and_keep_the_direction() {
        let mut s = Store::in_memory().unwrap();
        let p = Path::new("/a.txt");
        s.set_position(
            p,
            Position {
                paragraph: ParagraphNo::new(4).unwrap(),
                offset: 0,
                state: ReadState::Read,
                direction: None,
            },
        )
        .unwrap();
        s.set_position(
            p,
            Position {
                paragraph: ParagraphNo::new(2).unwrap(),
                offset: 5,
                state: ReadState::InProgress,
                direction: Some(Direction::Rtl),
            },
        )
        .unwrap();
        let all = s.positions().unwrap();
        assert_eq!(
            all[0].1,
            Position {
                paragraph: ParagraphNo::new(2).unwrap(),
                offset: 5,
                state: ReadState::Read,
                direction: Some(Direction::Rtl),
            }
        );
    }
}
