//! Where articles go and how they are written. A name is the date and a slug of the title
//! (Arabic titles keep their Arabic letters, harakat and tatweel dropped); a title with no
//! letters at all gives `article-HASH`. A file is written whole to a hidden temporary file in
//! the same folder, synced, then linked to its name only if that name is free: an existing
//! file (the user's edits, or an article of the same day and title) is never overwritten, the
//! next free name (`-2`, `-3`...) is taken instead, and an interrupted write leaves at most a
//! temporary file that is not an article (no `.md`), removed by a later update.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use unicode_normalization::UnicodeNormalization;

/// The longest slug, in characters.
const SLUG_CHARS: usize = 60;

/// A file-name slug of `title`: letters and digits (any script) in lower case, runs of
/// anything else as one `-`, at most 60 characters, cut at a `-` when there is one. Empty when
/// the title has no letter or digit.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.nfkc().flat_map(char::to_lowercase) {
        if is_mark_or_tatweel(c) {
            // Harakat and tatweel are part of the word, not a break in it (and, being
            // "alphabetic" to Unicode, they are checked first).
        } else if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.chars().count() > SLUG_CHARS {
        let cut: String = out.chars().take(SLUG_CHARS).collect();
        out = match cut.rfind('-') {
            Some(i) if i > SLUG_CHARS / 2 => cut.get(..i).unwrap_or(&cut).to_owned(),
            _ => cut,
        };
    }
    out
}

fn is_mark_or_tatweel(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0610}'..='\u{061A}' | '\u{200C}' | '\u{200D}')
}

/// A folder name for a feed called `name`: its slug, or `feed-HASH` when it has none.
pub fn folder_name(name: &str) -> String {
    let s = slug(name);
    if s.is_empty() {
        format!("feed-{:08x}", crate::hash::fnv1a(name.as_bytes()) as u32)
    } else {
        s
    }
}

/// The file stem for an article: `DAY-SLUG`, `DAY-article-HASH` when the title gives no
/// slug (`key`, the URL or GUID, makes the hash).
pub fn stem(day: &str, title: &str, key: &str) -> String {
    let s = slug(title);
    let s = if s.is_empty() {
        format!("article-{:08x}", crate::hash::fnv1a(key.as_bytes()) as u32)
    } else {
        s
    };
    if day.is_empty() {
        s
    } else {
        format!("{day}-{s}")
    }
}

/// Writes `text` to `dir/STEM.md`, or `dir/STEM-2.md` and so on when the name is taken. Never
/// replaces a file; returns the path written.
pub fn write_new(dir: &Path, stem: &str, text: &str) -> std::io::Result<PathBuf> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".qari-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = std::fs::File::create_new(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let result = place(&tmp, dir, stem);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Removes the temporary files that a write interrupted long ago (a kill, a power cut) left in
/// `dir`: those more than an hour old, so that another qari's write in progress is left alone.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = crate::clock::file_system_now(dir);
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if name.starts_with(".qari-") && name.ends_with(".tmp") && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Links `tmp` to the first free name; a link fails rather than replace a file, so two
/// writers never take the same name. Where links are not supported, renames after a check.
fn place(tmp: &Path, dir: &Path, stem: &str) -> std::io::Result<PathBuf> {
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = dir.join(name);
        match std::fs::hard_link(tmp, &path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) if !path.exists() => {
                std::fs::rename(tmp, &path)?;
                return Ok(path);
            }
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{}: no free name for {stem}.md",
        dir.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Linux 6.1 LTS: Released!"), "linux-6-1-lts-released");
        assert_eq!(
            slug("أوبريت «كلنا وطن واحد» يحتفي"),
            "أوبريت-كلنا-وطن-واحد-يحتفي"
        );
        assert_eq!(slug("الإِسْلَامُ ـــ اليوم"), "الإسلام-اليوم");
        // Presentation forms are letters again.
        assert_eq!(slug("\u{FEDF}\u{FEFC}"), "للا");
        assert_eq!(slug("!!! ؟؟ …"), "");
        let long = slug(&"كلمة ".repeat(40));
        assert!(long.chars().count() <= SLUG_CHARS && !long.ends_with('-'));
        assert_eq!(
            stem("2015-07-21", "؟", "http://x/1"),
            stem("2015-07-21", "!", "http://x/1")
        );
        assert!(stem("2015-07-21", "؟", "http://x/1").starts_with("2015-07-21-article-"));
        assert_eq!(folder_name("الوئام"), "الوئام");
        assert!(folder_name("***").starts_with("feed-"));
    }

    #[test]
    fn a_taken_name_is_never_overwritten() {
        let dir = std::env::temp_dir().join(format!("qari-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = write_new(&dir, "2015-07-21-خبر", "أول").unwrap();
        std::fs::write(&a, "عدّله المستخدم").unwrap();
        let b = write_new(&dir, "2015-07-21-خبر", "ثان").unwrap();
        assert_eq!(a.file_name().unwrap(), "2015-07-21-خبر.md");
        assert_eq!(b.file_name().unwrap(), "2015-07-21-خبر-2.md");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "عدّله المستخدم");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "ثان");
        // No temporary file is left behind; one that an interrupted write left long ago is
        // removed, a fresh one (another qari writing) is not.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        let stale = dir.join(".qari-1-0.tmp");
        let fresh = dir.join(".qari-1-1.tmp");
        std::fs::write(&stale, "half").unwrap();
        std::fs::write(&fresh, "half").unwrap();
        let long_ago = crate::clock::file_system_now(&dir) - std::time::Duration::from_hours(2);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        remove_stale(&dir);
        assert!(!stale.exists() && fresh.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
