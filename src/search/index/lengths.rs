//! Each article's lengths (words in its title and in its body), for ranking without reading
//! its text. An update gives its new articles the ids `base..base + n`, so their lengths are
//! one row: `base` and, per id, two little-endian u16 (0 for an id that got no text). A search
//! reads every row (four bytes an article: 400 KB for 100,000) and looks ids up by row.

use rusqlite::{Connection, Transaction, params};

/// Bytes per id in a row.
const WIDTH: usize = 4;

/// The lengths of the index's articles.
#[derive(Debug, Default)]
pub struct Lengths {
    /// Rows by base: the base and its data.
    rows: Vec<(u32, Vec<u8>)>,
}

impl Lengths {
    /// Every row of the index.
    pub fn read(conn: &Connection) -> rusqlite::Result<Self> {
        let mut rows: Vec<(u32, Vec<u8>)> = conn
            .prepare_cached("SELECT base, data FROM lengths ORDER BY base")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.retain(|(_, data)| data.len() % WIDTH == 0);
        Ok(Lengths { rows })
    }

    /// The title's and the body's words of article `id`; (0, 0) when not kept.
    pub fn get(&self, id: u32) -> (u32, u32) {
        let i = self.rows.partition_point(|&(base, _)| base <= id);
        let Some((base, data)) = i.checked_sub(1).and_then(|i| self.rows.get(i)) else {
            return (0, 0);
        };
        let at = (id - base) as usize * WIDTH;
        match data.get(at..at + WIDTH) {
            Some(b) => (
                u32::from(u16::from_le_bytes([b[0], b[1]])),
                u32::from(u16::from_le_bytes([b[2], b[3]])),
            ),
            None => (0, 0),
        }
    }
}

/// Writes the lengths of ids `base..base + lengths.len()`.
pub fn write(tx: &Transaction<'_>, base: u32, lengths: &[(u32, u32)]) -> rusqlite::Result<()> {
    if lengths.is_empty() {
        return Ok(());
    }
    let mut data = Vec::with_capacity(lengths.len() * WIDTH);
    for &(title, body) in lengths {
        data.extend_from_slice(&(title.min(u32::from(u16::MAX)) as u16).to_le_bytes());
        data.extend_from_slice(&(body.min(u32::from(u16::MAX)) as u16).to_le_bytes());
    }
    tx.execute(
        "INSERT OR REPLACE INTO lengths(base, data) VALUES (?1, ?2)",
        params![base, data],
    )?;
    Ok(())
}

/// Keeps only the lengths of `live` ids (sorted), as one row: for a compaction, which drops
/// the other ids everywhere else.
pub fn compact(tx: &Transaction<'_>, live: &[u32]) -> rusqlite::Result<()> {
    let all = Lengths::read(tx)?;
    tx.execute("DELETE FROM lengths", [])?;
    let (Some(&first), Some(&last)) = (live.first(), live.last()) else {
        return Ok(());
    };
    let mut dense = vec![(0, 0); (last - first) as usize + 1];
    for &id in live {
        dense[(id - first) as usize] = all.get(id);
    }
    write(tx, first, &dense)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_lengths_by_id() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE lengths(base INTEGER PRIMARY KEY, data BLOB NOT NULL)")
            .unwrap();
        let tx = conn.transaction().unwrap();
        write(&tx, 1, &[(3, 100), (0, 0), (7, 70_000)]).unwrap();
        write(&tx, 10, &[(1, 2)]).unwrap();
        let l = Lengths::read(&tx).unwrap();
        assert_eq!(l.get(1), (3, 100));
        assert_eq!(l.get(3), (7, u32::from(u16::MAX)));
        assert_eq!(
            (l.get(0), l.get(4), l.get(10), l.get(11)),
            ((0, 0), (0, 0), (1, 2), (0, 0))
        );
        compact(&tx, &[3, 10]).unwrap();
        let l = Lengths::read(&tx).unwrap();
        assert_eq!(
            (l.get(1), l.get(3), l.get(10)),
            ((0, 0), (7, u32::from(u16::MAX)), (1, 2))
        );
    }
}
