//! `config.toml` in the XDG config folder: the collection, bidi and shaping modes, the text
//! width, the theme and key bindings. A broken file is an error that names the file, the line
//! and the problem; a missing one means the defaults. Where the files live (config, state,
//! caches) is `dirs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod dirs;
pub use dirs::Dirs;

use serde::Deserialize;

use crate::i18n::{Calendar, Digits, Lang};

/// The narrowest reading column qari accepts: below it a line holds two or three words.
pub const MIN_TEXT_WIDTH: u16 = 20;

/// Who does bidi: qari (reordered, shaped text for terminals without bidi) or the terminal;
/// `auto` asks the terminal at start (see `tui::detect`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    #[default]
    Auto,
    App,
    Terminal,
}

/// Arabic shaping: automatic (on in app mode, off in terminal mode), on or off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ShapeMode {
    #[default]
    Auto,
    On,
    Off,
}

impl ShapeMode {
    /// Whether to shape, given the bidi mode in force (`auto` resolved).
    pub fn enabled(self, bidi: BidiMode) -> bool {
        match self {
            ShapeMode::Auto => bidi != BidiMode::Terminal,
            ShapeMode::On => true,
            ShapeMode::Off => false,
        }
    }
}

/// The direction of article paragraphs in the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DirectionMode {
    /// Each paragraph by most of its strong letters; a tie goes to the article's majority.
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// Colours, by name (`red`, `lightblue`, `#rrggbb`, ...); NO_COLOR turns them all off.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    pub title: String,
    pub text: String,
    pub dim: String,
    pub accent: String,
    pub status_bg: String,
    pub status_fg: String,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            title: "yellow".into(),
            text: "reset".into(),
            dim: "darkgray".into(),
            accent: "cyan".into(),
            status_bg: "blue".into(),
            status_fg: "white".into(),
        }
    }
}

/// A subscribed feed (`[[feeds]]` in config.toml): where it is, what it is called, and the
/// folder of the collection its articles go to (default: a slug of the name).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    pub url: String,
    pub name: String,
    #[serde(default)]
    pub folder: Option<String>,
}

/// The whole configuration.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The collection opened when no path is given.
    pub collection: Option<PathBuf>,
    pub bidi: BidiMode,
    pub shape: ShapeMode,
    /// Paragraph direction in the reader.
    pub direction: DirectionMode,
    /// The reading column, in cells (0: the terminal's width).
    pub text_width: u16,
    pub theme: Theme,
    /// Extra key bindings: action name -> keys, e.g. `next_page = ["l", "Right"]`.
    pub keys: BTreeMap<String, Vec<String>>,
    /// With no PATH, open the article read last, where it was left.
    pub resume: bool,
    /// The interface's language, `ar` or `en` (`--lang` overrides it); none: from the locale.
    pub lang: Option<Lang>,
    /// The digits of the interface's numbers and dates, `arabic` or `latin`; none: Arabic-Indic
    /// in the Arabic interface, Latin in the English one. Articles are never changed.
    pub digits: Option<Digits>,
    /// The calendar of the dates shown, `gregorian` or `hijri` (Umm al-Qura).
    pub calendar: Calendar,
    /// The feeds `qari update` fetches.
    pub feeds: Vec<FeedConfig>,
    /// Keep a file monitor for each large collection searched, so that a search looks only at
    /// the files that changed (see [`crate::monitor`]).
    pub monitor: bool,
    /// Fetch the feeds by themselves every this many minutes while the reader runs (the first
    /// time as it starts); 0, the default: only when asked (`U`, `qari update`).
    pub update_interval: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            collection: None,
            bidi: BidiMode::Auto,
            shape: ShapeMode::Auto,
            direction: DirectionMode::Auto,
            text_width: 80,
            theme: Theme::default(),
            keys: BTreeMap::new(),
            resume: false,
            lang: None,
            digits: None,
            calendar: Calendar::Gregorian,
            feeds: Vec::new(),
            monitor: true,
            update_interval: 0,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        Self::parse(&text).map_err(|(line, message)| ConfigError::Parse {
            path: path.to_owned(),
            line,
            message,
        })
    }

    /// Parses the text of a configuration file; errors carry the line (1-based).
    pub fn parse(text: &str) -> Result<Self, (usize, String)> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| {
                text.get(..span.start)
                    .unwrap_or_default()
                    .matches('\n')
                    .count()
                    + 1
            });
            (line, e.message().to_owned())
        })?;
        if config.text_width != 0 && config.text_width < MIN_TEXT_WIDTH {
            return Err((
                line_of(text, "text_width"),
                format!(
                    "text_width must be at least {MIN_TEXT_WIDTH}, or 0 for the terminal's width"
                ),
            ));
        }
        for (i, feed) in config.feeds.iter().enumerate() {
            if feed.name.trim().is_empty() {
                return Err((1, format!("[[feeds]] {}: name is empty", feed.url)));
            }
            if config.feeds[..i].iter().any(|f| f.name == feed.name) {
                return Err((
                    last_line_of(text, &format!("name = {}", toml_string(&feed.name))),
                    format!(
                        "two feeds are named \"{}\": give each its own name",
                        feed.name
                    ),
                ));
            }
        }
        for (key, value) in config.theme.colours() {
            if value.parse::<ratatui::style::Color>().is_err() {
                return Err((
                    line_of_section_key(text, "theme", key),
                    format!(
                        "[theme] {key} = \"{value}\" is not a colour (a name such as \"red\" or \"lightblue\", #rrggbb, or 0-255)"
                    ),
                ));
            }
        }
        Ok(config)
    }
}

impl Theme {
    /// Each colour with its key.
    pub fn colours(&self) -> [(&'static str, &str); 6] {
        [
            ("title", &self.title),
            ("text", &self.text),
            ("dim", &self.dim),
            ("accent", &self.accent),
            ("status_bg", &self.status_bg),
            ("status_fg", &self.status_fg),
        ]
    }
}

/// `s` as a TOML basic string, quoted and escaped.
pub fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The line (1-based) of `key` in `[section]`, or 1.
fn line_of_section_key(text: &str, section: &str, key: &str) -> usize {
    let header = format!("[{section}]");
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == header;
        } else if inside && t.split('=').next().is_some_and(|k| k.trim() == key) {
            return i + 1;
        }
    }
    1
}

/// The line (1-based) of the last line starting with `start`, or 1.
fn last_line_of(text: &str, start: &str) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(start))
        .last()
        .map_or(1, |(i, _)| i + 1)
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_values() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
        let c = Config::parse("collection = \"/news\"\nbidi = \"terminal\"\nshape = \"on\"\ntext_width = 60\n[theme]\ntitle = \"red\"\n[keys]\nnext_page = [\"l\"]\n").unwrap();
        assert_eq!(c.collection, Some(PathBuf::from("/news")));
        assert_eq!(c.bidi, BidiMode::Terminal);
        assert_eq!(c.shape, ShapeMode::On);
        assert_eq!(c.text_width, 60);
        assert_eq!(c.theme.title, "red");
        assert_eq!(c.keys["next_page"], vec!["l".to_owned()]);
    }

    #[test]
    fn language_digits_and_calendar() {
        let c = Config::default();
        assert_eq!(
            (c.lang, c.digits, c.calendar),
            (None, None, Calendar::Gregorian)
        );
        let c = Config::parse("lang = \"ar\"\ndigits = \"latin\"\ncalendar = \"hijri\"\n").unwrap();
        assert_eq!(c.lang, Some(Lang::Ar));
        assert_eq!(c.digits, Some(Digits::Latin));
        assert_eq!(c.calendar, Calendar::Hijri);
        let (line, msg) = Config::parse("lang = \"ar\"\ndigits = \"roman\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("roman") || msg.contains("variant"), "{msg}");
        assert!(Config::parse("lang = \"fr\"").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let (line, msg) = Config::parse("text_width = 70\nbidi = \"sideways\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("sideways") || msg.contains("variant"), "{msg}");
        let (line, _) = Config::parse("text_width = 70\n\n[theme]\ncolour = 1\n").unwrap_err();
        assert_eq!(line, 4);
        let (line, _) = Config::parse("a = [\n").unwrap_err();
        assert!(line >= 1);
    }

    #[test]
    fn a_mistyped_colour_names_its_line() {
        let (line, msg) =
            Config::parse("text_width = 70\n[theme]\ntitle = \"yelow\"\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(msg.contains("yelow"), "{msg}");
        assert!(Config::parse("[theme]\ntitle = \"#ff8800\"\naccent = \"light blue\"\n").is_ok());
    }

    #[test]
    fn text_width_zero_or_readable() {
        assert_eq!(Config::parse("text_width = 0").unwrap().text_width, 0);
        let (line, msg) = Config::parse("\ntext_width = 12").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("at least 20"), "{msg}");
    }

    #[test]
    fn shape_follows_bidi_mode() {
        assert!(ShapeMode::Auto.enabled(BidiMode::App));
        assert!(!ShapeMode::Auto.enabled(BidiMode::Terminal));
        assert!(ShapeMode::On.enabled(BidiMode::Terminal));
    }
}
