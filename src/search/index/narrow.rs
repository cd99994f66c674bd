//! Narrowing a query to candidates with the vocabulary and the word lists (see `words`): the
//! articles holding a term without a space are exactly the union of the lists of the words
//! that contain it; a phrase's are among those holding its words in the right shapes. While
//! the lists are read, what a ranking needs of them is kept too: each term's document
//! frequency and, when asked, each article's best [`Grade`](crate::search::rank::Grade) for
//! the term, the best of the words it holds (known from the word itself).

use rusqlite::Connection;

use super::words::{self, Part};
use super::{Index, IndexError, postings, read_list, sqlite};
use crate::search::query::Query;
use crate::search::rank;

/// What the lists say of a query.
#[derive(Debug, PartialEq, Eq)]
pub struct Narrowed {
    /// The ids that may match, sorted (dead ones among them).
    pub ids: Vec<u32>,
    /// Whether they are exactly those that do (every term a word's piece, each narrowed).
    pub exact: bool,
    /// Per term: how many live articles hold it (a phrase: hold its words in the right
    /// shapes, an upper bound); None when it narrowed nothing.
    pub df: Vec<Option<u64>>,
    /// Per term, when asked and the term is a word's piece: each id's grade number (see
    /// [`rank::Grade::from_number`]; 0: not held), indexed by id.
    pub grades: Vec<Option<Vec<u8>>>,
}

impl Index {
    /// The lists' answer for `query`, none of its ids above `top` (the highest live id);
    /// `live` tells live ids (see `positions`), `graded` asks for the grades. None when no
    /// term narrows them. A part that more than `limit` words hold narrows nothing.
    pub(super) fn candidates(
        &self,
        conn: &Connection,
        query: &Query,
        limit: usize,
        top: u32,
        live: &[Option<usize>],
        graded: bool,
    ) -> Result<Option<Narrowed>, IndexError> {
        let e = sqlite(&self.path);
        let segments: Vec<(i64, Vec<u8>)> = conn
            .prepare_cached("SELECT first, words FROM segments ORDER BY seg")
            .map_err(&e)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let mut read = conn
            .prepare_cached("SELECT ids FROM postings WHERE id = ?1")
            .map_err(&e)?;
        let is_live = |id: u32| live.get(id as usize).is_some_and(Option::is_some);
        let mut out = Narrowed {
            ids: Vec::new(),
            exact: true,
            df: Vec::with_capacity(query.terms.len()),
            grades: Vec::with_capacity(query.terms.len()),
        };
        let mut sets = Vec::new();
        for term in &query.terms {
            let parts = Part::of(term);
            out.exact &= parts.len() == 1;
            let (mut own, mut term_grades) = (Vec::new(), None);
            'part: for part in parts {
                let grading = graded && matches!(part, Part::Within(_));
                // The words in every segment first: their lists are read only when the part
                // narrows.
                let mut rows: Vec<(i64, u8)> = Vec::new();
                for (first, vocabulary) in &segments {
                    if !words::well_formed(vocabulary) {
                        return Err(self.damaged("a damaged vocabulary"));
                    }
                    let room = limit - rows.len();
                    let needle = part.text().as_bytes();
                    let narrows = words::matching_with(vocabulary, part, room, |n, word| {
                        let grade = if grading {
                            rank::in_word(word, needle) as u8
                        } else {
                            0
                        };
                        rows.push((first + i64::from(n), grade));
                    });
                    if !narrows {
                        out.exact = false;
                        continue 'part;
                    }
                }
                let mut list = Vec::new();
                if grading {
                    let mut best = vec![0u8; top as usize + 1];
                    for (row, grade) in rows {
                        read_list(&mut read, row, &mut list, &self.path)?;
                        for &id in list.iter().filter(|&&id| id <= top) {
                            let b = &mut best[id as usize];
                            *b = (*b).max(grade);
                        }
                    }
                    own.push(
                        (0..=top)
                            .filter(|&id| best[id as usize] != 0)
                            .collect::<Vec<u32>>(),
                    );
                    term_grades = Some(best);
                } else {
                    let mut union = Union::new(top, rows.len());
                    for (row, _) in rows {
                        read_list(&mut read, row, &mut list, &self.path)?;
                        union.add(&list);
                    }
                    own.push(union.ids());
                }
            }
            // A word's piece counts where it stands as a word or begins one: "علم" is not in
            // an article that only holds معلم.
            let df = match &term_grades {
                Some(best) => Some(
                    (0..=top)
                        .filter(|&id| best[id as usize] >= rank::Grade::Begins as u8 && is_live(id))
                        .count() as u64,
                ),
                None => intersection(own.clone())
                    .map(|ids| ids.iter().filter(|&&id| is_live(id)).count() as u64),
            };
            out.df.push(df);
            out.grades.push(term_grades);
            sets.extend(own);
        }
        Ok(intersection(sets).map(|ids| Narrowed { ids, ..out }))
    }
}

/// The ids in every one of `sets` (sorted); None when there are none.
fn intersection(mut sets: Vec<Vec<u32>>) -> Option<Vec<u32>> {
    sets.sort_by_key(Vec::len);
    let mut sets = sets.into_iter();
    let mut ids = sets.next()?;
    for set in sets {
        if ids.is_empty() {
            break;
        }
        ids = postings::intersect(&ids, &set);
    }
    Some(ids)
}

/// The union of a part's lists: the one list as it is, or several in a bitmap of the ids up to
/// the highest live one (a letter's lists hold millions of ids, many times over; the bitmap
/// takes an eighth of a byte an article).
pub(super) enum Union {
    One(Option<Vec<u32>>, u32),
    Bits(Vec<u64>, u32),
}

impl Union {
    /// A union of `lists` lists of ids, kept up to `top`.
    pub(super) fn new(top: u32, lists: usize) -> Self {
        if lists <= 1 {
            Union::One(None, top)
        } else {
            Union::Bits(vec![0; top as usize / 64 + 1], top)
        }
    }

    pub(super) fn add(&mut self, ids: &[u32]) {
        match self {
            Union::One(one, top) => {
                *one = Some(ids.iter().copied().filter(|&id| id <= *top).collect());
            }
            Union::Bits(bits, top) => {
                for &id in ids.iter().filter(|&&id| id <= *top) {
                    bits[id as usize / 64] |= 1 << (id % 64);
                }
            }
        }
    }

    /// The ids, sorted.
    pub(super) fn ids(self) -> Vec<u32> {
        match self {
            Union::One(one, _) => one.unwrap_or_default(),
            Union::Bits(bits, _) => {
                let mut ids = Vec::new();
                for (i, &word) in bits.iter().enumerate() {
                    let mut w = word;
                    while w != 0 {
                        ids.push(i as u32 * 64 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
                ids
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_union_holds_each_id_once_in_order_up_to_the_top() {
        let lists: [&[u32]; 3] = [&[1, 5, 64, 200], &[5, 63, 64, 65, 300], &[0, 127, 128]];
        let mut u = Union::new(250, lists.len());
        for l in lists {
            u.add(l);
        }
        assert_eq!(u.ids(), vec![0, 1, 5, 63, 64, 65, 127, 128, 200]);
        let mut one = Union::new(64, 1);
        one.add(&[3, 64, 65]);
        assert_eq!(one.ids(), vec![3, 64]);
        assert!(Union::new(9, 0).ids().is_empty());
        assert_eq!(
            intersection(vec![vec![1, 2, 3], vec![2, 3, 4], vec![3]]),
            Some(vec![3])
        );
        assert_eq!(intersection(Vec::new()), None);
    }
}
