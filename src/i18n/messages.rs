//! The message catalogue of one language: the Fluent file compiled into the binary, formatted
//! with the interface's digits, its dates, and (in Arabic) its text arguments isolated.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::{Calendar, DateStyle, Digits, Lang, MonthNames, Ymd};
use crate::collection::ParagraphNo;

/// The English messages: today's strings.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The Arabic messages.
pub const AR_FTL: &str = include_str!("../../assets/i18n/ar.ftl");

/// LEFT-TO-RIGHT ISOLATE, FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
const LRI: char = '\u{2066}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// A value for a message's variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A count or a number: written in the interface's digits, and what plural forms go by.
    Number(i64),
    /// Text shown as it is (a query, a path, a key's name, an error, another message), or the
    /// word a message chooses its variant by (`sort`: `date`, `file-time`, `title`).
    Text(Cow<'a, str>),
}

macro_rules! number_args {
    ($($t:ty)*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i64 i32 i16 i8 u64 u32 u16 u8 usize isize);

impl From<ParagraphNo> for Arg<'_> {
    fn from(p: ParagraphNo) -> Self {
        Arg::from(p.get())
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

/// What went wrong formatting a message: a wiring mistake (an unknown id, a variable missing
/// or unknown). [`Messages::get`] shows `text` anyway; tests use [`Messages::try_get`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("message `{id}`: {}", problems.join("; "))]
pub struct MessageError {
    pub id: String,
    pub problems: Vec<String>,
    /// The message as well as it could be formatted (the id when there is no such message).
    pub text: String,
}

/// The variables of one message: all it uses, and those it selects a variant by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vars {
    pub all: BTreeSet<String>,
    pub selectors: BTreeSet<String>,
}

/// The interface's messages in one language. Built once (parsing the file takes a few
/// milliseconds) and kept in the app's session.
pub struct Messages {
    lang: Lang,
    digits: Digits,
    dates: DateStyle,
    isolate: bool,
    bundle: FluentBundle<FluentResource>,
    vars: BTreeMap<String, Vars>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .field("digits", &self.digits)
            .field("dates", &self.dates)
            .field("isolate", &self.isolate)
            .finish_non_exhaustive()
    }
}

impl Clone for Messages {
    /// Built again from the file (a Fluent bundle cannot be copied): a few milliseconds.
    fn clone(&self) -> Self {
        let mut m = Messages::new(self.lang).with_isolation(self.isolate);
        m.set_digits(self.digits);
        m.dates = self.dates;
        m
    }
}

impl Default for Messages {
    fn default() -> Self {
        Messages::new(Lang::En)
    }
}

impl Messages {
    /// The messages of `lang`, with its defaults: Arabic-Indic digits and isolated text
    /// arguments in Arabic, Latin digits and no isolation in English (today's strings, byte for
    /// byte); Gregorian dates, standard month names.
    pub fn new(lang: Lang) -> Self {
        let source = match lang {
            Lang::En => EN_FTL,
            Lang::Ar => AR_FTL,
        };
        // The files are checked by the tests: no syntax error, the same messages in both.
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        let vars = variables(&resource);
        let mut bundle =
            FluentBundle::new_concurrent(vec![lang.code().parse().unwrap_or_default()]);
        // Fluent would wrap every placeable, numbers and plural forms included, in FSI/PDI; qari
        // isolates text arguments only, and only where they help (see `with_isolation`).
        bundle.set_use_isolating(false);
        let _ = bundle.add_function("PLURAL", super::plural::function(lang));
        let _ = bundle.add_resource(resource);
        let digits = Digits::default_for(lang);
        let mut messages = Messages {
            lang,
            digits,
            dates: DateStyle {
                lang,
                digits: Some(digits),
                calendar: Calendar::Gregorian,
                months: MonthNames::Standard,
            },
            isolate: lang == Lang::Ar,
            bundle,
            vars,
        };
        messages.set_digits(digits);
        messages
    }

    /// The messages as the settings ask: `lang` from `--lang` or the config, else from the
    /// locale ([`Lang::from_env`]); the config's `digits` if it says, else the language's;
    /// the config's calendar; month names from the locale's region.
    pub fn configured(lang: Option<Lang>, digits: Option<Digits>, calendar: Calendar) -> Self {
        let messages = Messages::new(lang.unwrap_or_else(Lang::from_env))
            .with_calendar(calendar)
            .with_months(MonthNames::from_env());
        match digits {
            Some(d) => messages.with_digits(d),
            None => messages,
        }
    }

    /// The same messages with numbers (and dates) in `digits`.
    #[must_use]
    pub fn with_digits(mut self, digits: Digits) -> Self {
        self.set_digits(digits);
        self
    }

    /// The same messages with dates in `calendar`.
    #[must_use]
    pub fn with_calendar(mut self, calendar: Calendar) -> Self {
        self.dates.calendar = calendar;
        self
    }

    /// The same messages with Gregorian months named the way `months` says (Arabic only).
    #[must_use]
    pub fn with_months(mut self, months: MonthNames) -> Self {
        self.dates.months = months;
        self
    }

    /// Left-to-right text arguments isolated (LRI…PDI; on by default in Arabic; see
    /// `isolated`). The engine lays an isolate out as a unit and draws nothing for the marks,
    /// so an English path or query at the start of an Arabic message no longer turns the
    /// message left to right. Turn it off for text that no bidi engine reads: the CLI's errors
    /// and help on stderr and stdout.
    #[must_use]
    pub fn with_isolation(mut self, isolate: bool) -> Self {
        self.isolate = isolate;
        self
    }

    fn set_digits(&mut self, digits: Digits) {
        self.digits = digits;
        self.dates.digits = Some(digits);
        self.bundle.set_formatter(match digits {
            Digits::Arabic => Some(arabic_number),
            Digits::Latin => None,
        });
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn digits(&self) -> Digits {
        self.digits
    }

    pub fn date_style(&self) -> DateStyle {
        self.dates
    }

    /// Message `id` with `args`. A wiring mistake (no such message, a variable missing) is not
    /// fatal: the message shows with `{$name}` where the value is missing, or the id.
    pub fn get(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.try_get(id, args).unwrap_or_else(|e| e.text)
    }

    /// Message `id` with `args`, or what is wrong: no such message, a variable it uses that
    /// has no value, or a value for a variable it does not use.
    pub fn try_get(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Result<String, MessageError> {
        let error = |problems: Vec<String>, text: String| MessageError {
            id: id.to_owned(),
            problems,
            text,
        };
        let (Some(pattern), Some(vars)) = (
            self.bundle.get_message(id).and_then(|m| m.value()),
            self.vars.get(id),
        ) else {
            return Err(error(vec!["no such message".to_owned()], id.to_owned()));
        };
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) if self.isolate && !vars.selectors.contains(*name) => {
                    match isolated(s) {
                        Some(s) => FluentValue::from(s),
                        None => FluentValue::from(s.as_ref()),
                    }
                }
                Arg::Text(s) => FluentValue::from(s.as_ref()),
            };
            fluent.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent), &mut errors)
            .into_owned();
        let mut problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
        // A variable that this language leaves out (see ar.ftl) is still the message's.
        let english = english_vars().get(id);
        problems.extend(
            args.iter()
                .filter(|(name, _)| {
                    !vars.all.contains(*name) && !english.is_some_and(|v| v.all.contains(*name))
                })
                .map(|(name, _)| format!("no variable ${name}")),
        );
        if problems.is_empty() {
            Ok(text)
        } else {
            Err(error(problems, text))
        }
    }

    /// Whether there is a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.vars.contains_key(id)
    }

    /// Every message id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.vars.keys().map(String::as_str)
    }

    /// `n` in the interface's digits.
    pub fn number(&self, n: impl fmt::Display) -> String {
        self.digits.number(n)
    }

    /// A front matter's date as the interface shows it (see [`DateStyle::front_matter`]).
    pub fn date<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.dates.front_matter(text)
    }

    /// A day as the interface shows it (a bookmark's: [`Ymd::from_unix`]).
    pub fn day(&self, ymd: Ymd) -> String {
        self.dates.day(ymd)
    }
}

/// A text argument of a right-to-left message, isolated when it reads left to right: most of
/// its letters are Latin (LRI), or as many as are Arabic (FSI: its first strong letter decides).
/// Text that reads right to left, or has no letter (a key such as `?`, a number), is left as it
/// is: it joins the message's own direction, and a message made only of arguments (`{ $path }:
/// { $reason }`) keeps a strong letter outside any isolate, so its Arabic decides the line's
/// direction (UAX #9 P2 skips isolated text).
fn isolated(text: &str) -> Option<String> {
    match crate::text::majority(text) {
        Some(crate::text::Direction::Ltr) => Some(format!("{LRI}{text}{PDI}")),
        None if text.chars().any(char::is_alphabetic) => Some(format!("{FSI}{text}{PDI}")),
        _ => None,
    }
}

/// Fluent's formatter for Arabic-Indic digits: numbers only (plural forms are chosen from the
/// number itself, before it is written).
fn arabic_number(value: &FluentValue<'_>, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(Digits::Arabic.apply(&n.as_string()).into_owned()),
        _ => None,
    }
}

/// The variables of each English message: every variable a message has.
fn english_vars() -> &'static BTreeMap<String, Vars> {
    static VARS: OnceLock<BTreeMap<String, Vars>> = OnceLock::new();
    VARS.get_or_init(|| match FluentResource::try_new(EN_FTL.to_owned()) {
        Ok(r) | Err((r, _)) => variables(&r),
    })
}

/// The variables of each message of `resource`.
pub fn variables(resource: &FluentResource) -> BTreeMap<String, Vars> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = Vars::default();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut Vars) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut Vars) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                vars.selectors.insert(id.name.to_owned());
            }
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut Vars) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.all.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Formats message `id` of `msgs` with named arguments:
/// `t!(msgs, "bookmark-added", paragraph = r.cursor, key = &key)`.
#[macro_export]
macro_rules! t {
    ($msgs:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $msgs.get(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}
