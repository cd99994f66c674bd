//! Plural categories (CLDR's cardinal rules) for the interface's languages, as the Fluent
//! function `PLURAL($n)` that the message files select their plural forms with.
//!
//! Why not Fluent's own selection on `$n`: it asks intl_pluralrules 7.0.2, whose generated
//! Arabic rule drops the modulo of CLDR's `n % 100 = 3..10` (few) and `n % 100 = 11..99`
//! (many), so 103 articles came out as «١٠٣ مقال» instead of «١٠٣ مقالات», and 111 as «١١١
//! مقال» instead of «١١١ مقالًا». The rules for integers are short enough to own; the test
//! checks them against intl_pluralrules wherever it is right (0–102).

use fluent_bundle::{FluentArgs, FluentValue};

use super::Lang;

/// The CLDR cardinal plural category of the integer `n` in `lang`: `zero`, `one`, `two`,
/// `few`, `many` or `other`.
pub fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::En if n == 1 => "one",
        Lang::En => "other",
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
    }
}

/// The Fluent function `PLURAL`: the category of its number argument in `lang`; anything else
/// as it is (a variant is then chosen as Fluent would).
pub fn function(
    lang: Lang,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    move |positional, _| match positional.first() {
        // Counts are integers (see `Arg::Number`); a fraction is dropped.
        Some(FluentValue::Number(n)) => {
            FluentValue::from(plural_category(lang, n.value.trunc() as i64))
        }
        Some(other) => other.clone(),
        None => FluentValue::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    use unic_langid::LanguageIdentifier;

    fn rules(lang: Lang) -> PluralRules {
        let id: LanguageIdentifier = lang.code().parse().unwrap();
        PluralRules::create(id, PluralRuleType::CARDINAL).unwrap()
    }

    #[test]
    fn arabic_and_english_categories() {
        let table = [
            (0, "zero", "other"),
            (1, "one", "one"),
            (2, "two", "other"),
            (3, "few", "other"),
            (10, "few", "other"),
            (11, "many", "other"),
            (99, "many", "other"),
            (100, "other", "other"),
            (101, "other", "other"),
            (102, "other", "other"),
            (103, "few", "other"),
            (110, "few", "other"),
            (111, "many", "other"),
            (199, "many", "other"),
            (200, "other", "other"),
            (1000, "other", "other"),
            (1003, "few", "other"),
            (1011, "many", "other"),
            (-1, "one", "one"),
        ];
        for (n, ar, en) in table {
            assert_eq!(plural_category(Lang::Ar, n), ar, "ar {n}");
            assert_eq!(plural_category(Lang::En, n), en, "en {n}");
        }
    }

    /// Where intl_pluralrules is right, it agrees; from 103 on it is not (Arabic).
    #[test]
    fn agrees_with_intl_pluralrules_below_103() {
        let name = |c: PluralCategory| match c {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        };
        for lang in [Lang::Ar, Lang::En] {
            let rules = rules(lang);
            for n in 0..=102_u64 {
                let theirs = name(rules.select(n).unwrap());
                assert_eq!(plural_category(lang, n as i64), theirs, "{lang} {n}");
            }
        }
        // The bug this module works around (remove the module when this fails).
        assert_eq!(rules(Lang::Ar).select(103_u64), Ok(PluralCategory::OTHER));
    }
}
