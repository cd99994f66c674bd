//! Benchmarks of the bidi engine.
//!
//! - `corpus`: `qari render` over the whole test corpus (3,000 articles, 9.7 MB, from
//!   ../shared/corpus/snn) side by side with `fribidi --nobreak --nopad` (Debian's
//!   libfribidi-bin) on the same file, both as processes writing to /dev/null; and the first
//!   300 articles laid out in this process on one thread, as `qari render` lays out each part
//!   of a batch (the engine alone: no process start, no threads, no input or output).
//! - `page`: drawing one page (40 lines of 80 cells) of an article whose paragraphs were laid
//!   out once and cached, for a 5 KB article and a 1 MB one: the cost must not grow with the
//!   article.
//!
//! Run with `cargo bench --bench layout`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use qari::text::{Line, Options, Prepared};

fn main() {
    divan::main();
}

/// The corpus concatenated into one file, written once per run.
fn corpus_file() -> Option<&'static PathBuf> {
    static FILE: OnceLock<Option<PathBuf>> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/snn");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(|e| Some(e.ok()?.path()))
            .collect();
        files.sort();
        let mut all = Vec::new();
        for f in files {
            all.extend(std::fs::read(f).ok()?);
        }
        let path = std::env::temp_dir().join("qari-bench-corpus.txt");
        std::fs::write(&path, all).ok()?;
        Some(path)
    })
    .as_ref()
}

fn run(program: &str, args: &[&str]) {
    let file = corpus_file().expect("../shared/corpus/snn is needed for this benchmark");
    let status = Command::new(program)
        .args(args)
        .arg(file)
        .stdout(Stdio::null())
        .status()
        .expect("could not start the program");
    assert!(status.success());
}

mod corpus {
    use super::run;

    #[divan::bench(sample_count = 10)]
    fn qari_render() {
        run(env!("CARGO_BIN_EXE_qari"), &["render"]);
    }

    #[divan::bench(sample_count = 10)]
    fn fribidi() {
        run("fribidi", &["--nobreak", "--nopad"]);
    }

    #[divan::bench(sample_count = 10)]
    fn qari_render_width_80() {
        run(env!("CARGO_BIN_EXE_qari"), &["render", "--width", "80"]);
    }

    #[divan::bench(sample_count = 20)]
    fn first_300_articles_one_thread(bencher: divan::Bencher) {
        use qari::render::{RenderOptions, render_paragraph};
        use qari::text::{LineScratch, Scratch};
        let text = super::first_articles(300);
        let options = RenderOptions::default();
        bencher.bench(|| {
            let (mut scratch, mut order) = (Scratch::default(), LineScratch::default());
            let mut out: Vec<u8> = Vec::with_capacity(text.len() * 3 / 2);
            for line in divan::black_box(&text).lines() {
                render_paragraph(line, &options, &mut scratch, &mut order, &mut out);
            }
            out.len()
        });
    }
}

/// The first `n` articles of the corpus, concatenated.
fn first_articles(n: usize) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/snn");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("../shared/corpus/snn is needed for this benchmark")
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    files.sort();
    files
        .iter()
        .take(n)
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// An article of about `bytes` bytes, laid out and wrapped once, as the reader caches it.
fn article(bytes: usize) -> Vec<(String, Prepared, Vec<Line>)> {
    let paragraph = "أكد الرئيس الكازاخستاني (Kassym-Jomart Tokayev) نجاح قوات الأمن في استعادة النظام في 20 مدينة، ";
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let text = paragraph.repeat(6);
        size += text.len();
        let p = Prepared::new(&text, Options::default());
        let lines = p.wrap(&text, 80);
        out.push((text, p, lines));
    }
    out
}

mod page {
    use super::article;

    fn draw_page(
        paragraphs: &[(String, qari::text::Prepared, Vec<qari::text::Line>)],
        first: usize,
    ) -> usize {
        let mut cells = 0;
        let mut shown = 0;
        for (_, p, lines) in &paragraphs[first..] {
            for line in lines {
                cells += p.visual(line).width;
                shown += 1;
                if shown == 40 {
                    return cells;
                }
            }
        }
        cells
    }

    #[divan::bench]
    fn article_5kb(b: divan::Bencher) {
        let a = article(5_000);
        b.bench(|| draw_page(divan::black_box(&a), 0));
    }

    #[divan::bench]
    fn article_1mb(b: divan::Bencher) {
        let a = article(1_000_000);
        let middle = a.len() / 2;
        b.bench(|| draw_page(divan::black_box(&a), middle));
    }
}
