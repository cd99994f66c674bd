//! Reading one article file: its bytes decoded and parsed by its format (the extension), the
//! one way the library, an article opened by its path and the search index all read a file.

use std::path::Path;

use super::{Article, DecodeError, Format, Parsed, SkipReason, decode, html, parse};

pub(super) fn format_of(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
}

/// Reads, decodes and parses one file; the error is why, in English.
pub fn read_article(path: &Path) -> Result<Article, String> {
    load_article(path).map_err(|why| why.to_string())
}

/// [`read_article`] with the reason as a value, for an interface that says it in its language.
pub fn load_article(path: &Path) -> Result<Article, SkipReason> {
    read(path).map(|(article, _)| article)
}

/// [`read_article`], and how many invalid sequences decoding replaced: the library keeps the
/// count in its [`Entry`](super::Entry), while an opened [`Article`] is text only.
pub(super) fn read(path: &Path) -> Result<(Article, usize), SkipReason> {
    let bytes = std::fs::read(path).map_err(|e| SkipReason::io(&e))?;
    let file = parse_file(path, &bytes)?;
    let article = Article {
        path: path.to_owned(),
        title: file.parsed.title,
        paragraphs: file.parsed.paragraphs,
        meta: file.parsed.meta,
        encoding: file.encoding.to_owned(),
    };
    Ok((article, file.replaced))
}

/// An article file's bytes, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub parsed: Parsed,
    /// The encoding the text was in (`HTML` for a web page, which says its own).
    pub encoding: &'static str,
    /// Invalid sequences replaced in decoding.
    pub replaced: usize,
}

/// Decodes and parses the bytes of the article file at `path`, by its format (the file name's
/// extension; text if it has none known). The library and the search index both read files
/// with this, so they always agree on an article's text.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<ParsedFile, SkipReason> {
    let format = format_of(path).unwrap_or(Format::Text);
    if format == Format::Html {
        if bytes.is_empty() {
            return Err(DecodeError::Empty.into());
        }
        let parsed = html::page_article(bytes).ok_or(SkipReason::NoArticle)?;
        return Ok(ParsedFile {
            parsed,
            encoding: "HTML",
            replaced: 0,
        });
    }
    let decoded = decode(bytes)?;
    let parsed = parse(&decoded.text, format).ok_or(SkipReason::NoText)?;
    Ok(ParsedFile {
        parsed,
        encoding: decoded.encoding,
        replaced: decoded.replaced,
    })
}
