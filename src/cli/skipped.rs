//! Skipped files on stderr, without saying the same thing on every run: the whole list the
//! first time a collection's skipped files are what they are (a file skipped, or no longer, or
//! for another reason, is a change), and one line with their count after that; `--verbose`
//! always lists them. What was said is remembered as a fingerprint of the list in the cache
//! folder (`skipped-reported`, the last 64 lists), so nothing else about the files is kept.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use qari::collection::Skipped;
use qari::config::Dirs;
use qari::t;

use super::msgs;

/// `--verbose`: every skipped file, every time.
pub static VERBOSE: AtomicBool = AtomicBool::new(false);

/// How many lists are remembered.
const KEPT: usize = 64;

/// Reports skipped files on stderr: the list when it changed (or `--verbose`), else a count.
pub fn report(skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    let memory = Dirs::new().map(|d| d.cache.join("skipped-reported"));
    let mut err = std::io::stderr().lock();
    let verbose = VERBOSE.load(Ordering::Relaxed);
    for line in lines(skipped, verbose, memory.as_deref()) {
        let _ = writeln!(err, "{line}");
    }
}

/// What to say of `skipped`, remembering it in `memory`.
fn lines(skipped: &[Skipped], verbose: bool, memory: Option<&Path>) -> Vec<String> {
    let print = fingerprint(skipped);
    let known = memory.map(remembered).unwrap_or_default();
    if !verbose && known.contains(&print) {
        return vec![t!(msgs(), "cli-skipped-again", count = skipped.len())];
    }
    if let Some(memory) = memory
        && !known.contains(&print)
    {
        remember(memory, known, print);
    }
    skipped
        .iter()
        .map(|s| {
            let path = qari::text::printable(&s.path.display().to_string()).into_owned();
            let reason = msgs().skip_reason(&s.cause);
            t!(msgs(), "cli-skipped", path = path, reason = reason)
        })
        .collect()
}

/// The list's fingerprint: each path with its reason, in order.
fn fingerprint(skipped: &[Skipped]) -> String {
    let mut sorted: Vec<(&PathBuf, String)> = skipped
        .iter()
        .map(|s| (&s.path, s.cause.to_string()))
        .collect();
    sorted.sort();
    let mut h = qari::hash::Fnv1a::default();
    for (path, reason) in sorted {
        h.write(path.as_os_str().as_encoded_bytes());
        h.write(&[0]);
        h.write(reason.as_bytes());
        h.write(&[0]);
    }
    format!("{:016x}", h.finish())
}

fn remembered(memory: &Path) -> Vec<String> {
    std::fs::read_to_string(memory)
        .map(|s| s.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Adds `print` to the memory, the oldest forgotten beyond [`KEPT`]. A memory that cannot be
/// written only means the list is printed again next time.
fn remember(memory: &Path, mut known: Vec<String>, print: String) {
    known.push(print);
    let from = known.len().saturating_sub(KEPT);
    let mut text = String::new();
    for p in &known[from..] {
        text.push_str(p);
        text.push('\n');
    }
    if let Some(dir) = memory.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let part = memory.with_extension("part");
    if std::fs::write(&part, text).is_ok() {
        let _ = std::fs::rename(&part, memory);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qari::collection::SkipReason;

    #[test]
    fn the_list_once_then_a_count_until_it_changes() {
        let dir = std::env::temp_dir().join(format!("qari-skipped-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let memory = dir.join("skipped-reported");
        let a = Skipped::new(PathBuf::from("/c/a.txt"), SkipReason::NoText);
        let b = Skipped::new(PathBuf::from("/c/b.txt"), SkipReason::NotRegularFile);
        let both = [a.clone(), b.clone()];
        assert_eq!(
            lines(&both, false, Some(&memory)).len(),
            2,
            "first time: the list"
        );
        let count = |n: usize| vec![t!(msgs(), "cli-skipped-again", count = n)];
        assert_eq!(lines(&both, false, Some(&memory)), count(2));
        // The same files in another order are the same list.
        assert_eq!(
            lines(&[b.clone(), a.clone()], false, Some(&memory)),
            count(2)
        );
        // --verbose lists them anyway.
        assert_eq!(lines(&both, true, Some(&memory)).len(), 2);
        // A change: one file fewer, or another reason.
        let one = std::slice::from_ref(&a);
        assert_eq!(lines(one, false, Some(&memory)).len(), 1);
        assert_ne!(lines(one, false, Some(&memory)), count(2));
        assert_eq!(lines(one, false, Some(&memory)), count(1));
        let other = Skipped::new(PathBuf::from("/c/a.txt"), SkipReason::LinkLoop);
        assert!(lines(&[other], false, Some(&memory))[0].contains("a.txt"));
        // Without a memory (no home folder): always the list.
        assert_eq!(lines(&both, false, None).len(), 2);
        assert_eq!(lines(&both, false, None).len(), 2);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
