//! The order people expect of titles: numbers compared by value ("2" before "10"), whether
//! written in ASCII or Arabic-Indic digits, everything else by character.

use std::cmp::Ordering;

/// The value of a decimal digit: 0-9, ٠-٩ or ۰-۹.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

/// Compares `a` and `b` with runs of digits compared as numbers.
///
/// Up to their first difference the two are equal, numbers and all, and UTF-8's byte order is
/// the characters' order: only a number that reaches the difference needs comparing by value,
/// from its first digit. Sorting a million titles makes twenty million comparisons; this one
/// mostly costs a comparison of bytes.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let mut same = common_prefix(a.as_bytes(), b.as_bytes());
    // The bytes before are the same in both, so a boundary in one is a boundary in the other.
    while !a.is_char_boundary(same) {
        same -= 1;
    }
    let (Some(head), Some(rest_a), Some(rest_b)) = (a.get(..same), a.get(same..), b.get(same..))
    else {
        return by_value(a, b);
    };
    let (x, y) = (rest_a.chars().next(), rest_b.chars().next());
    let number_before = head.chars().next_back().and_then(digit).is_some();
    if number_before || x.and_then(digit).is_some() || y.and_then(digit).is_some() {
        // The number reaching the difference, from its first digit on.
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| digit(c).is_some())
            .last()
            .map_or(same, |(i, _)| i);
        return by_value(a.get(start..).unwrap_or(a), b.get(start..).unwrap_or(b));
    }
    x.cmp(&y)
}

/// How many bytes `a` and `b` have in common at their start. In blocks first: the same title
/// many times over is common in a large collection.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 16;
    let blocks = a
        .chunks_exact(BLOCK)
        .zip(b.chunks_exact(BLOCK))
        .take_while(|(x, y)| x == y)
        .count();
    let start = blocks * BLOCK;
    let rest = a.iter().skip(start).zip(b.iter().skip(start));
    start + rest.take_while(|(x, y)| x == y).count()
}

/// A title ready to be sorted among many: its first bytes as numbers, and whether any of the
/// characters they hold is a digit. Two keys whose first bytes differ, and hold no digit, are in
/// the order of those bytes (see [`natural_cmp`]); only the others compare the titles, which
/// lie all over memory. Sorting a million titles, most comparisons then read neither.
#[derive(Clone, Copy, Debug)]
pub struct TitleKey<'a> {
    head: [u64; 2],
    plain: bool,
    title: &'a str,
}

/// How many of a title's bytes a [`TitleKey`] holds.
const HEAD: usize = 16;

impl<'a> TitleKey<'a> {
    pub fn new(title: &'a str) -> Self {
        let mut bytes = [0; HEAD];
        for (b, t) in bytes.iter_mut().zip(title.bytes()) {
            *b = t;
        }
        let (hi, lo) = bytes.split_at(HEAD / 2);
        let word = |half: &[u8]| half.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b));
        // Every character that starts among those bytes: a difference there is one of them.
        let plain = title
            .char_indices()
            .take_while(|&(i, _)| i < HEAD)
            .all(|(_, c)| digit(c).is_none());
        TitleKey {
            head: [word(hi), word(lo)],
            plain,
            title,
        }
    }

    /// The order of [`natural_cmp`].
    pub fn compare(&self, other: &TitleKey<'_>) -> Ordering {
        if self.plain && other.plain && self.head != other.head {
            self.head.cmp(&other.head)
        } else {
            natural_cmp(self.title, other.title)
        }
    }
}

/// [`natural_cmp`] character by character.
#[allow(clippy::many_single_char_names)]
fn by_value(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if digit(x).is_some() && digit(y).is_some() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = Vec::new();
                    while let Some(d) = it.peek().copied().and_then(digit) {
                        it.next();
                        digits.push(d);
                    }
                    // Leading zeros do not count; then more digits is more.
                    let start = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
                    digits.split_off(start)
                };
                let (m, n) = (number(&mut a), number(&mut b));
                let by_value = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if by_value != Ordering::Equal {
                    return by_value;
                }
            }
            // Numbers before words, whatever digits they are written in.
            (Some(x), Some(y)) if digit(x).is_some() != digit(y).is_some() => {
                return if digit(x).is_some() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            (Some(x), Some(y)) => {
                a.next();
                b.next();
                if x != y {
                    return x.cmp(&y);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::natural_cmp;

    #[test]
    fn numbers_by_value() {
        let mut titles = vec!["10 أخبار", "2 أخبار", "1 أخبار", "١١ أخبار", "abc", "Ab"];
        titles.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            titles,
            vec!["1 أخبار", "2 أخبار", "10 أخبار", "١١ أخبار", "Ab", "abc"]
        );
        assert_eq!(natural_cmp("a007", "a7"), std::cmp::Ordering::Equal);
        assert_eq!(natural_cmp("page 9", "page 10"), std::cmp::Ordering::Less);
        assert_eq!(natural_cmp("a12b", "a123"), std::cmp::Ordering::Less);
        assert_eq!(natural_cmp("x 2", "x ٢ب"), std::cmp::Ordering::Less);
        assert_eq!(natural_cmp("عنوان", "عنوان 1"), std::cmp::Ordering::Less);
    }

    proptest::proptest! {
        /// The shortcut through the common bytes orders as comparing character by character.
        #[test]
        fn the_shortcut_orders_as_the_whole_comparison(
            a in "[a0-9٠-٩۰-۹ بت١۱]{0,8}",
            b in "[a0-9٠-٩۰-۹ بت١۱]{0,8}",
            prefix in "[a1٢ ب]{0,4}",
        ) {
            let (a, b) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
            proptest::prop_assert_eq!(natural_cmp(&a, &b), super::by_value(&a, &b));
        }

        /// Keys order titles as comparing them does, around the end of the bytes they hold.
        #[test]
        fn keys_order_as_the_titles(
            a in "[a0-9٠-٩ بت١\\x00]{0,12}",
            b in "[a0-9٠-٩ بت١\\x00]{0,12}",
            prefix in "[aب ]{0,10}",
        ) {
            let (a, b) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
            let (ka, kb) = (super::TitleKey::new(&a), super::TitleKey::new(&b));
            proptest::prop_assert_eq!(ka.compare(&kb), natural_cmp(&a, &b));
        }
    }
}
