//! Extraction throughput: `html::decode` + `html::extract` over Mozilla Readability's 130 test
//! pages (../shared/extraction/readability, or `QARI_EXTRACTION_PAGES=DIR`), read and
//! decompressed into memory first, so the figure is the extractor's alone (warm). One
//! iteration is all the pages; divan prints pages/s and MB/s of HTML.
//! benches/extraction-speed.sh runs it side by side with trafilatura on the same pages.
//!
//! Run with `cargo bench --bench extraction`.

use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use qari::feeds::html;

fn main() {
    divan::main();
}

/// The pages' bytes, in name order; empty (with a note) when the folder is not there.
fn pages() -> &'static [Vec<u8>] {
    static PAGES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let dir = std::env::var_os("QARI_EXTRACTION_PAGES").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/extraction/readability"),
            PathBuf::from,
        );
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no pages in {}: set QARI_EXTRACTION_PAGES", dir.display());
            return Vec::new();
        };
        let mut names: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("source.html.gz"))
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        names
            .iter()
            .filter_map(|p| {
                let mut out = Vec::new();
                let file = std::fs::File::open(p).ok()?;
                flate2::read::GzDecoder::new(file)
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            })
            .collect()
    })
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_all(bencher: divan::Bencher) {
    let pages = pages();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    bencher
        .counter(ItemsCount::new(pages.len()))
        .counter(BytesCount::new(bytes))
        .bench(|| {
            pages
                .iter()
                .map(|p| html::extract(&html::decode(p, None)).blocks.len())
                .sum::<usize>()
        });
}
