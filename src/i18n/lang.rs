//! The interface's language, and the regional habits that go with it, from the config, the
//! command line or the POSIX locale variables.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

/// The language of the interface (never of the articles, which are shown as they are).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: the strings qari has always shown.
    #[default]
    En,
    /// Arabic.
    Ar,
}

impl Lang {
    /// From the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
    /// empty (POSIX's order for messages) decides; a locale starting with `ar` (`ar`,
    /// `ar_EG.UTF-8`, `ar-SA`) gives Arabic, anything else (`C`, `en_US.UTF-8`, none) English.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] with the variables looked up by `var` (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        match locale(&var, "LC_MESSAGES") {
            Some(l) if language(&l).starts_with("ar") => Lang::Ar,
            _ => Lang::En,
        }
    }

    /// The BCP 47 code: `ar`, `en` (the Fluent bundle's locale, whose plural rules it uses).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The interface's own strings read right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language qari has no messages for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: qari speaks ar (Arabic) and en (English)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `ar` or `en`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" => Ok(Lang::Ar),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// Which Gregorian month names an Arabic date uses. Egypt, the Gulf and the Maghreb's
/// Morocco say يناير، فبراير…; the Levant and Iraq say كانون الثاني، شباط…
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MonthNames {
    /// يناير، فبراير، مارس… (the default, as in most Arab news).
    #[default]
    Standard,
    /// كانون الثاني، شباط، آذار… (Syria, Lebanon, Jordan, Palestine, Iraq).
    Levant,
}

impl MonthNames {
    /// From the locale's region: `LC_ALL`, then `LC_TIME`, then `LANG` (POSIX's order for
    /// dates). `ar_SY`, `ar_LB`, `ar_JO`, `ar_PS` and `ar_IQ` give the Levant's names.
    pub fn from_env() -> MonthNames {
        MonthNames::from_vars(|name| std::env::var(name).ok())
    }

    /// [`MonthNames::from_env`] with the variables looked up by `var` (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> MonthNames {
        let Some(l) = locale(&var, "LC_TIME") else {
            return MonthNames::Standard;
        };
        let region = l
            .split(['.', '@'])
            .next()
            .and_then(|tag| tag.split(['_', '-']).nth(1))
            .unwrap_or_default()
            .to_ascii_uppercase();
        match region.as_str() {
            "SY" | "LB" | "JO" | "PS" | "IQ" => MonthNames::Levant,
            _ => MonthNames::Standard,
        }
    }
}

/// The locale in force for `category`: `LC_ALL`, then the category's variable, then `LANG`,
/// the first set and not empty.
fn locale(var: &impl Fn(&str) -> Option<String>, category: &str) -> Option<String> {
    ["LC_ALL", category, "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.is_empty())
}

/// The language part of a locale name, lowercased: `ar` in `ar_EG.UTF-8`.
fn language(locale: &str) -> String {
    locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let cases: &[(&[(&str, &str)], Lang)] = &[
            (&[], Lang::En),
            (&[("LANG", "ar_EG.UTF-8")], Lang::Ar),
            (&[("LANG", "en_US.UTF-8")], Lang::En),
            (&[("LANG", "C")], Lang::En),
            (&[("LANG", "ar")], Lang::Ar),
            (&[("LANG", "ar-SA")], Lang::Ar),
            (&[("LANG", "AR_JO.utf8")], Lang::Ar),
            // LC_MESSAGES before LANG, LC_ALL before both.
            (
                &[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "ar_SA.UTF-8")],
                Lang::Ar,
            ),
            (
                &[("LANG", "ar_SA.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")],
                Lang::En,
            ),
            (
                &[
                    ("LANG", "en_GB.UTF-8"),
                    ("LC_MESSAGES", "en_GB.UTF-8"),
                    ("LC_ALL", "ar_MA.UTF-8"),
                ],
                Lang::Ar,
            ),
            (&[("LANG", "ar_SA.UTF-8"), ("LC_ALL", "C.UTF-8")], Lang::En),
            // An empty variable counts as unset.
            (&[("LANG", "ar_SA.UTF-8"), ("LC_ALL", "")], Lang::Ar),
            (
                &[("LANG", "ar_SA.UTF-8"), ("LC_MESSAGES", ""), ("LC_ALL", "")],
                Lang::Ar,
            ),
            // Other categories do not decide the language of messages.
            (
                &[("LANG", "en_US.UTF-8"), ("LC_TIME", "ar_EG.UTF-8")],
                Lang::En,
            ),
        ];
        for (vars, lang) in cases {
            assert_eq!(Lang::from_vars(env(vars)), *lang, "{vars:?}");
        }
    }

    #[test]
    fn parses_ar_and_en() {
        #[derive(Deserialize)]
        struct C {
            lang: Lang,
        }
        assert_eq!("ar".parse(), Ok(Lang::Ar));
        assert_eq!("EN".parse(), Ok(Lang::En));
        assert_eq!(" ar ".parse(), Ok(Lang::Ar));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::Ar.to_string(), "ar");
        let c: C = toml::from_str("lang = \"ar\"").unwrap();
        assert_eq!(c.lang, Lang::Ar);
        assert!(toml::from_str::<C>("lang = \"arabic\"").is_err());
    }

    #[test]
    fn levant_month_names_from_the_region() {
        let cases: &[(&[(&str, &str)], MonthNames)] = &[
            (&[], MonthNames::Standard),
            (&[("LANG", "ar_EG.UTF-8")], MonthNames::Standard),
            (&[("LANG", "ar_SA.UTF-8")], MonthNames::Standard),
            (&[("LANG", "ar_SY.UTF-8")], MonthNames::Levant),
            (&[("LANG", "ar_LB")], MonthNames::Levant),
            (&[("LANG", "ar-IQ")], MonthNames::Levant),
            (&[("LANG", "ar_JO.UTF-8@latin")], MonthNames::Levant),
            (
                &[("LANG", "ar_SY.UTF-8"), ("LC_TIME", "ar_EG.UTF-8")],
                MonthNames::Standard,
            ),
            (
                &[("LANG", "ar_EG.UTF-8"), ("LC_ALL", "ar_PS.UTF-8")],
                MonthNames::Levant,
            ),
        ];
        for (vars, names) in cases {
            assert_eq!(MonthNames::from_vars(env(vars)), *names, "{vars:?}");
        }
    }
}
