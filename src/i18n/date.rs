//! Dates as the interface shows them: a front matter's `date` (whatever it holds: `2024-02-14`,
//! `2024-02-14T09:30:00Z`, RSS's `Wed, 14 Feb 2024 09:30:00 +0000`...) or a bookmark's day, in
//! the Gregorian calendar with Arabic month names (`١٤ فبراير ٢٠٢٤`) or in the Hijri calendar of
//! Umm al-Qura (`٤ شعبان ١٤٤٥`). What cannot be read as a date is shown as it is. The day
//! itself, and reading it from what a front matter holds, is `day`.
//!
//! The Hijri conversion is icu_calendar's: the Umm al-Qura calendar as published by KACST
//! (1300–1600 AH), and the tabular Islamic calendar outside those years.

use std::borrow::Cow;

use icu_calendar::Date;
use icu_calendar::cal::Hijri;
use serde::Deserialize;

use super::day::Ymd;
use super::{Digits, Lang, MonthNames};

/// The calendar of the dates shown (`calendar = "gregorian" | "hijri"` in the config).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    #[default]
    Gregorian,
    /// Umm al-Qura, Saudi Arabia's official Hijri calendar.
    Hijri,
}

/// A Hijri (Umm al-Qura) day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HijriDate {
    /// Anno Hegirae.
    pub year: i32,
    /// 1 (Muharram) to 12 (Dhu al-Hijjah).
    pub month: u8,
    pub day: u8,
}

impl HijriDate {
    /// The Umm al-Qura date of a Gregorian day.
    pub fn from_gregorian(ymd: Ymd) -> Option<HijriDate> {
        let date = Date::try_new_gregorian(ymd.year, ymd.month, ymd.day).ok()?;
        let hijri = date.to_calendar(Hijri::new_umm_al_qura());
        Some(HijriDate {
            year: hijri.year().extended_year(),
            month: hijri.month().ordinal,
            day: hijri.day_of_month().0,
        })
    }
}

/// How the interface writes dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateStyle {
    pub lang: Lang,
    pub digits: Option<Digits>,
    pub calendar: Calendar,
    pub months: MonthNames,
}

impl DateStyle {
    fn digits(self) -> Digits {
        self.digits
            .unwrap_or_else(|| Digits::default_for(self.lang))
    }

    /// A front matter's date for the library: as the style writes it when it can be read as a
    /// day, else as it is. In English, Gregorian, with Latin digits (the defaults) it is shown
    /// as written, as it always was.
    pub fn front_matter<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let plain = self.lang == Lang::En
            && self.calendar == Calendar::Gregorian
            && self.digits() == Digits::Latin;
        match Ymd::parse(text) {
            Some(ymd) if !plain => Cow::Owned(self.day(ymd)),
            _ => Cow::Borrowed(text),
        }
    }

    /// A day: `١٤ فبراير ٢٠٢٤` / `٤ شعبان ١٤٤٥` in Arabic; `2024-02-14` / `4 Sha'ban 1445 AH` in
    /// English.
    pub fn day(&self, ymd: Ymd) -> String {
        let digits = self.digits();
        let text = match (self.calendar, self.lang) {
            (Calendar::Gregorian, Lang::En) => ymd.to_string(),
            (Calendar::Gregorian, Lang::Ar) => {
                let names = match self.months {
                    MonthNames::Standard => &GREGORIAN_AR,
                    MonthNames::Levant => &GREGORIAN_LEVANT,
                };
                format!(
                    "{} {} {}",
                    ymd.day,
                    names[usize::from(ymd.month - 1)],
                    ymd.year
                )
            }
            (Calendar::Hijri, lang) => {
                let Some(h) = HijriDate::from_gregorian(ymd) else {
                    return digits.apply(&ymd.to_string()).into_owned();
                };
                let month = usize::from(h.month.clamp(1, 12) - 1);
                match lang {
                    Lang::Ar => format!("{} {} {}", h.day, HIJRI_AR[month], h.year),
                    Lang::En => format!("{} {} {} AH", h.day, HIJRI_EN[month], h.year),
                }
            }
        };
        digits.apply(&text).into_owned()
    }
}

/// The Gregorian months as most Arab news writes them (Egypt, the Gulf).
pub const GREGORIAN_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The Gregorian months of the Levant and Iraq.
pub const GREGORIAN_LEVANT: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

/// The Hijri months, as the glossary names them.
pub const HIJRI_AR: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
];

/// The Hijri months in English transliteration.
pub const HIJRI_EN: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi' al-Awwal",
    "Rabi' al-Akhir",
    "Jumada al-Ula",
    "Jumada al-Akhirah",
    "Rajab",
    "Sha'ban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qa'dah",
    "Dhu al-Hijjah",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    /// Pairs checked against the Python package hijri-converter 2.3 (Umm al-Qura tables, an
    /// implementation independent of ICU4X's), and the Saudi announcements of Ramadan's start.
    #[test]
    fn umm_al_qura() {
        let table = [
            ((2024, 2, 24), (1445, 8, 14)),
            ((2024, 2, 14), (1445, 8, 4)),
            ((2024, 3, 11), (1445, 9, 1)),
            ((2023, 3, 23), (1444, 9, 1)),
            ((2025, 3, 1), (1446, 9, 1)),
            ((2024, 7, 7), (1446, 1, 1)),
            ((2023, 10, 30), (1445, 4, 15)),
            ((2026, 11, 29), (1448, 6, 19)),
            ((2000, 1, 1), (1420, 9, 24)),
            ((1990, 5, 15), (1410, 10, 20)),
            ((1937, 3, 14), (1356, 1, 1)),
            ((2076, 11, 16), (1499, 12, 19)),
        ];
        for ((y, m, d), (hy, hm, hd)) in table {
            let h = HijriDate::from_gregorian(ymd(y, m, d)).unwrap();
            assert_eq!((h.year, h.month, h.day), (hy, hm, hd), "{y}-{m:02}-{d:02}");
        }
    }

    #[test]
    fn written_in_each_style() {
        let d = ymd(2024, 2, 14);
        let ar = DateStyle {
            lang: Lang::Ar,
            ..DateStyle::default()
        };
        let en = DateStyle::default();
        let hijri = |s: DateStyle| DateStyle {
            calendar: Calendar::Hijri,
            ..s
        };
        let latin = |s: DateStyle| DateStyle {
            digits: Some(Digits::Latin),
            ..s
        };
        let levant = DateStyle {
            months: MonthNames::Levant,
            ..ar
        };
        assert_eq!(ar.day(d), "١٤ فبراير ٢٠٢٤");
        assert_eq!(latin(ar).day(d), "14 فبراير 2024");
        assert_eq!(levant.day(d), "١٤ شباط ٢٠٢٤");
        assert_eq!(levant.day(ymd(2024, 1, 5)), "٥ كانون الثاني ٢٠٢٤");
        assert_eq!(hijri(ar).day(ymd(2024, 2, 24)), "١٤ شعبان ١٤٤٥");
        assert_eq!(hijri(ar).day(ymd(2023, 10, 30)), "١٥ ربيع الآخر ١٤٤٥");
        assert_eq!(latin(hijri(ar)).day(ymd(2024, 3, 11)), "1 رمضان 1445");
        assert_eq!(en.day(d), "2024-02-14");
        assert_eq!(hijri(en).day(ymd(2024, 2, 24)), "14 Sha'ban 1445 AH");
        for (i, name) in GREGORIAN_AR.iter().enumerate() {
            assert!(ar.day(ymd(2023, i as u8 + 1, 1)).contains(name));
        }
    }

    #[test]
    fn front_matter_dates() {
        let ar = DateStyle {
            lang: Lang::Ar,
            ..DateStyle::default()
        };
        let en = DateStyle::default();
        // English: as written, as always.
        assert_eq!(
            en.front_matter("2024-02-14T09:30:00Z"),
            "2024-02-14T09:30:00Z"
        );
        assert_eq!(en.front_matter("summer 2015"), "summer 2015");
        assert_eq!(ar.front_matter("2024-02-14T09:30:00Z"), "١٤ فبراير ٢٠٢٤");
        assert_eq!(
            ar.front_matter("Wed, 14 Feb 2024 09:30 GMT"),
            "١٤ فبراير ٢٠٢٤"
        );
        // Not a date: untouched, its digits too.
        assert_eq!(ar.front_matter("صيف 2015"), "صيف 2015");
        let en_hijri = DateStyle {
            calendar: Calendar::Hijri,
            ..en
        };
        assert_eq!(en_hijri.front_matter("2024-02-24"), "14 Sha'ban 1445 AH");
    }
}
