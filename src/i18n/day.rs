//! A Gregorian day ([`Ymd`]): made from its numbers, from a time (as bookmarks record it), or
//! read from whatever a front matter's `date` holds (`2024-02-14`, `2024-02-14T09:30:00Z`,
//! RSS's `Wed, 14 Feb 2024 09:30:00 +0000`, Arabic-Indic digits...). How a day is written in
//! each language and calendar is `date`.

use std::fmt;

/// A Gregorian day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    /// The day, if it exists (1 ≤ month ≤ 12, the day within the month).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Ymd> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Ymd { year, month, day })
    }

    /// The day (UTC) of a time in seconds since the epoch, as bookmarks record it.
    pub fn from_unix(secs: i64) -> Ymd {
        // Civil from days (Howard Hinnant's algorithm).
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Ymd {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Reads the day a front matter's date names: ISO 8601 (`2024-02-14`, with a time or not;
    /// also `2024/02/14`), or day, month name and year as RSS writes them (`Wed, 14 Feb 2024
    /// 09:30:00 +0000`, `14 February 2024`, `February 14, 2024`). Arabic-Indic digits are read
    /// too. A time is ignored (the day is the one written, whatever its time zone).
    pub fn parse(text: &str) -> Option<Ymd> {
        let text: String = text.trim().chars().map(ascii_digit).collect();
        iso(&text).or_else(|| named_month(&text))
    }
}

impl fmt::Display for Ymd {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The English month names a front matter's date may spell out (or begin).
const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An Arabic-Indic or Extended Arabic-Indic (Persian) digit as ASCII; other characters as
/// they are.
fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (u32::from(c) - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (u32::from(c) - 0x06F0) as u8),
        other => other,
    }
}

/// `YYYY-MM-DD` (or with `/` or `.`), then the end or something that is not a digit.
fn iso(text: &str) -> Option<Ymd> {
    let mut parts = text.splitn(3, ['-', '/', '.']);
    let (y, m, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let d_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let d = rest.get(..d_len)?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    if !all_digits(y) || !all_digits(m) {
        return None;
    }
    Ymd::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `[Wed,] 14 Feb[ruary] 2024 ...` or `Feb[ruary] 14, 2024 ...`.
fn named_month(text: &str) -> Option<Ymd> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        (w.len() >= 3)
            .then(|| ENGLISH_MONTHS.iter().position(|m| m.starts_with(&w)))
            .flatten()
            .map(|i| i as u8 + 1)
    };
    let number = |w: &str| -> Option<u32> {
        (w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty())
            .then(|| w.parse().ok())
            .flatten()
    };
    let year = |w: &str| number(w).filter(|_| w.len() == 4).map(|y| y as i32);
    words.windows(3).find_map(|w| {
        let (day, m, y) = match (month(w[0]), month(w[1])) {
            (None, Some(m)) => (number(w[0])?, m, year(w[2])?),
            (Some(m), None) => (number(w[1])?, m, year(w[2])?),
            _ => return None,
        };
        Ymd::new(y, m, u8::try_from(day).ok()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_dates_front_matter_holds() {
        let table = [
            ("2024-02-14", Some(ymd(2024, 2, 14))),
            ("2024-2-4", Some(ymd(2024, 2, 4))),
            ("2024/02/14", Some(ymd(2024, 2, 14))),
            ("2024-02-14T09:30:00Z", Some(ymd(2024, 2, 14))),
            ("2024-02-14 09:30", Some(ymd(2024, 2, 14))),
            ("  2023-10-30  ", Some(ymd(2023, 10, 30))),
            ("٢٠٢٤-٠٢-١٤", Some(ymd(2024, 2, 14))),
            ("Wed, 14 Feb 2024 09:30:00 +0000", Some(ymd(2024, 2, 14))),
            ("14 February 2024", Some(ymd(2024, 2, 14))),
            ("February 14, 2024", Some(ymd(2024, 2, 14))),
            ("Sep. 3, 2015", Some(ymd(2015, 9, 3))),
            ("2024-02-30", None),
            ("2023-02-29", None),
            ("2000-02-29", Some(ymd(2000, 2, 29))),
            ("1900-02-29", None),
            ("2024-13-01", None),
            ("14/02/2024", None),
            ("20240214", None),
            ("summer 2015", None),
            ("", None),
            ("أمس", None),
        ];
        for (text, want) in table {
            assert_eq!(Ymd::parse(text), want, "{text:?}");
        }
    }

    #[test]
    fn days_from_unix_time() {
        assert_eq!(Ymd::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Ymd::from_unix(1_795_943_386).to_string(), "2026-11-29");
        assert_eq!(Ymd::from_unix(951_782_400).to_string(), "2000-02-29");
        assert_eq!(Ymd::from_unix(-1).to_string(), "1969-12-31");
    }
}
