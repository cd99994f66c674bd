//! An article as qari writes it: front matter (`title`, `source`, `author`, `date`, `url`),
//! the title as a `# ` heading, then one block per paragraph, in the Markdown subset that
//! [`crate::collection::parse`] reads. Every value is one line of text without controls, so
//! nothing from a feed or a page can break the front matter or reach a terminal raw.

use std::fmt::Write;

use crate::html::Block;

/// An article about to be written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub source: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD HH:MM` (UTC) or `YYYY-MM-DD`, see [`normalize_date`].
    pub date: Option<String>,
    pub url: Option<String>,
    pub blocks: Vec<Block>,
}

/// One line of text: white space runs (line breaks too) as one space, controls dropped.
pub fn one_line(s: &str) -> String {
    crate::html::dom::collapse(s)
}

impl Draft {
    /// The file's text.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("---\n");
        let title = one_line(&self.title);
        let fields = [
            ("title", Some(&title)),
            ("source", self.source.as_ref()),
            ("author", self.author.as_ref()),
            ("date", self.date.as_ref()),
            ("url", self.url.as_ref()),
        ];
        for (key, value) in fields {
            if let Some(v) = value.map(|v| one_line(v)).filter(|v| !v.is_empty()) {
                let _ = writeln!(out, "{key}: {v}");
            }
        }
        out.push_str("---\n\n");
        if !title.is_empty() {
            let _ = writeln!(out, "# {title}\n");
        }
        for block in &self.blocks {
            let text = one_line(block.text());
            if text.is_empty() {
                continue;
            }
            // A paragraph that starts like front matter or a heading would be read as one.
            let text = if text.starts_with('#') || text == "---" {
                format!("\u{200B}{text}")
            } else {
                text
            };
            match block {
                Block::Heading(_) => {
                    let _ = writeln!(out, "## {text}\n");
                }
                Block::Item(_) => {
                    let _ = writeln!(out, "- {text}\n");
                }
                Block::Paragraph(_) => {
                    let _ = writeln!(out, "{text}\n");
                }
            }
        }
        out
    }

    /// The words of the article's text (title excluded), to compare extractions.
    pub fn text_len(&self) -> usize {
        self.blocks.iter().map(|b| b.text().chars().count()).sum()
    }
}

/// A date from a feed or a page as the front matter keeps it: an RFC 3339 or RFC 2822 time as
/// `YYYY-MM-DD HH:MM` in UTC (sortable as text, like the library sorts), a bare date as is;
/// anything else is dropped.
pub fn normalize_date(s: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, Utc};
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s).or_else(|_| DateTime::parse_from_rfc2822(s)) {
        return Some(format_time(t.with_timezone(&Utc)));
    }
    let day = s.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A time as the front matter keeps it.
pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Format, parse};

    #[test]
    fn what_is_written_reads_back() {
        let draft = Draft {
            title: "عنوان\nعلى سطرين: مع نقطتين".into(),
            source: Some("الوئام".into()),
            author: Some("الرياض-الوئام:".into()),
            date: Some("2015-07-21 02:17".into()),
            url: Some("http://127.0.0.1/a?x=1#y".into()),
            blocks: vec![
                Block::Paragraph("الفقرة الأولى\u{1b}[2J".into()),
                Block::Heading("عنوان فرعي".into()),
                Block::Paragraph("# ليست عنوانا".into()),
                Block::Item("بند".into()),
            ],
        };
        let text = draft.to_markdown();
        let parsed = parse(&text, Format::Markdown).unwrap();
        assert_eq!(parsed.title, "عنوان على سطرين: مع نقطتين");
        assert_eq!(parsed.meta.source.as_deref(), Some("الوئام"));
        assert_eq!(parsed.meta.author.as_deref(), Some("الرياض-الوئام:"));
        assert_eq!(parsed.meta.date.as_deref(), Some("2015-07-21 02:17"));
        assert_eq!(parsed.meta.url.as_deref(), Some("http://127.0.0.1/a?x=1#y"));
        assert_eq!(parsed.paragraphs.len(), 4);
        assert_eq!(parsed.paragraphs[0], "الفقرة الأولى[2J");
        assert_eq!(parsed.paragraphs[1], "عنوان فرعي");
        assert!(parsed.paragraphs[2].ends_with("# ليست عنوانا"));
        assert_eq!(parsed.paragraphs[3], "- بند");
    }

    #[test]
    fn dates() {
        assert_eq!(
            normalize_date("2015-07-21T10:00:00+03:00").as_deref(),
            Some("2015-07-21 07:00")
        );
        assert_eq!(
            normalize_date("Tue, 21 Jul 2015 10:00:00 GMT").as_deref(),
            Some("2015-07-21 10:00")
        );
        assert_eq!(normalize_date("2015-07-21").as_deref(), Some("2015-07-21"));
        assert_eq!(normalize_date("أمس"), None);
    }
}
