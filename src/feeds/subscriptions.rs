//! `qari feeds add` and `remove`: editing the `[[feeds]]` tables of config.toml as text, so that
//! the user's comments, order and layout stay as they were. A new feed is appended at the end;
//! a removed one loses its table's lines and nothing else. The result is parsed before it is
//! written (a change never leaves a broken config), and written through a temporary file.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::config::{Config, FeedConfig, toml_string};

/// Why the feeds of the config could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Config {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("a feed named \"{0}\" exists already: choose another name with --name")]
    NameTaken(String),
    #[error("{url} is already subscribed as \"{name}\"")]
    UrlTaken { url: String, name: String },
    #[error("no feed is named \"{0}\" (`qari feeds list` shows them)")]
    NoSuchFeed(String),
    #[error("{0} is not an http:// or https:// URL")]
    BadUrl(String),
}

fn read(path: &Path) -> Result<String, SubscriptionError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(SubscriptionError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

fn parse(path: &Path, text: &str) -> Result<Config, SubscriptionError> {
    Config::parse(text).map_err(|(line, message)| SubscriptionError::Config {
        path: path.to_owned(),
        line,
        message,
    })
}

fn write(path: &Path, text: &str) -> Result<(), SubscriptionError> {
    let io = |source| SubscriptionError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = path.with_extension(format!("toml.tmp-{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// Adds `feed` to the config file at `path` (created if missing).
pub fn add(path: &Path, feed: &FeedConfig) -> Result<(), SubscriptionError> {
    let lower = feed.url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://"))
        || url::Url::parse(&feed.url).is_err()
    {
        return Err(SubscriptionError::BadUrl(feed.url.clone()));
    }
    let mut text = read(path)?;
    let config = parse(path, &text)?;
    // The same URL again is said as such, not as a clash of the names it was given.
    if let Some(f) = config.feeds.iter().find(|f| f.url == feed.url) {
        return Err(SubscriptionError::UrlTaken {
            url: feed.url.clone(),
            name: f.name.clone(),
        });
    }
    if config.feeds.iter().any(|f| f.name == feed.name) {
        return Err(SubscriptionError::NameTaken(feed.name.clone()));
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str("[[feeds]]\n");
    let _ = writeln!(text, "url = {}", toml_string(&feed.url));
    let _ = writeln!(text, "name = {}", toml_string(&feed.name));
    if let Some(folder) = &feed.folder {
        let _ = writeln!(text, "folder = {}", toml_string(folder));
    }
    parse(path, &text)?;
    write(path, &text)
}

/// Removes the feed named `name` from the config file at `path`; returns it.
pub fn remove(path: &Path, name: &str) -> Result<FeedConfig, SubscriptionError> {
    let text = read(path)?;
    let config = parse(path, &text)?;
    let Some(index) = config.feeds.iter().position(|f| f.name == name) else {
        return Err(SubscriptionError::NoSuchFeed(name.to_owned()));
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_header = |l: &str| l.trim_start().starts_with('[');
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_feeds_header(l))
        .map(|(i, _)| i)
        .collect();
    let start = *starts
        .get(index)
        .ok_or_else(|| SubscriptionError::NoSuchFeed(name.to_owned()))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| is_header(l))
        .map_or(lines.len(), |p| start + 1 + p);
    // The blank lines before the table go with it.
    let mut from = start;
    while from > 0 && lines[from - 1].trim().is_empty() {
        from -= 1;
    }
    let kept: String = lines[..from].concat() + &lines[end..].concat();
    let after = parse(path, &kept)?;
    if after.feeds.len() + 1 != config.feeds.len() || after.feeds.iter().any(|f| f.name == name) {
        // The table was not where the text said (an inline array of feeds, say).
        return Err(SubscriptionError::Config {
            path: path.to_owned(),
            line: start + 1,
            message: format!(
                "cannot remove \"{name}\": write its [[feeds]] table on lines of its own"
            ),
        });
    }
    write(path, &kept)?;
    Ok(config.feeds[index].clone())
}

/// Whether a line opens a `[[feeds]]` table (spaces inside the brackets and a comment after
/// it allowed, as TOML does).
fn is_feeds_header(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or_default();
    code.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        == "[[feeds]]"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_and_remove_keep_the_rest_of_the_file() {
        let dir = std::env::temp_dir().join(format!("qari-subs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("config.toml");
        std::fs::create_dir_all(&dir).unwrap();
        let original = "# my settings\ncollection = \"/news\"\n[keys]\nnext_page = [\"l\"] # vim\n";
        std::fs::write(&path, original).unwrap();
        let feed = |url: &str, name: &str| FeedConfig {
            url: url.into(),
            name: name.into(),
            folder: None,
        };
        add(&path, &feed("http://127.0.0.1:1/a.xml", "الوئام \"أ\"")).unwrap();
        add(&path, &feed("http://127.0.0.1:1/b.xml", "سبق")).unwrap();
        assert!(matches!(
            add(&path, &feed("http://127.0.0.1:1/c.xml", "سبق")),
            Err(SubscriptionError::NameTaken(_))
        ));
        assert!(matches!(
            add(&path, &feed("http://127.0.0.1:1/b.xml", "آخر")),
            Err(SubscriptionError::UrlTaken { .. })
        ));
        assert!(matches!(
            add(&path, &feed("file:///etc/passwd", "ملف")),
            Err(SubscriptionError::BadUrl(_))
        ));
        let config = Config::load(&path).unwrap();
        assert_eq!(config.feeds.len(), 2);
        assert_eq!(config.feeds[0].name, "الوئام \"أ\"");
        assert_eq!(config.keys["next_page"], vec!["l".to_owned()]);
        let removed = remove(&path, "الوئام \"أ\"").unwrap();
        assert_eq!(removed.url, "http://127.0.0.1:1/a.xml");
        assert!(matches!(
            remove(&path, "لا"),
            Err(SubscriptionError::NoSuchFeed(_))
        ));
        remove(&path, "سبق").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
        // A table written by hand, with spaces and a comment.
        let by_hand = format!(
            "{original}[[ feeds ]] # news\nname = \"يدوي\"\nurl = \"http://127.0.0.1:1/d\"\n"
        );
        std::fs::write(&path, &by_hand).unwrap();
        remove(&path, "يدوي").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
