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
#[allow(clippy::many_single_char_names)]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
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
    }
}
