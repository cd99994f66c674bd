//! Articles from text: `.txt` (first non-empty line the title, then one paragraph per non-empty
//! line) and `.md` (a `# ` heading the title, blank-line-separated blocks the paragraphs, soft
//! breaks joined, emphasis markers dropped). Both may open with a front-matter block between
//! `---` lines giving title, source, author, date and url.

/// Front-matter fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An article's text, parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub meta: Meta,
}

/// The article format, from the file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// A web page saved from a browser: its article, as `qari import` extracts it.
    Html,
}

impl Format {
    /// The format of a file with this extension, if it is an article at all.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Parses `text` (line ends LF or CRLF). Returns None when there is no text at all, and for a
/// web page, which is read from its bytes (its charset is its own): see
/// [`parse_file`](super::parse_file).
pub fn parse(text: &str, format: Format) -> Option<Parsed> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let (front, body) = front_matter(&lines);
    let mut parsed = match format {
        Format::Text => parse_text(body),
        Format::Markdown => parse_markdown(body),
        Format::Html => return None,
    };
    let mut title = None;
    for (key, value) in front {
        let value = Some(value.to_owned());
        match key.to_ascii_lowercase().as_str() {
            "title" => title = value,
            "source" => parsed.meta.source = value,
            "author" => parsed.meta.author = value,
            "date" => parsed.meta.date = value,
            "url" => parsed.meta.url = value,
            _ => {}
        }
    }
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        parsed.title = t;
    }
    if parsed.title.is_empty() {
        if parsed.paragraphs.is_empty() {
            return None;
        }
        parsed.title = parsed.paragraphs.remove(0);
    }
    Some(parsed)
}

/// Splits off a leading `---` block: its `key: value` pairs and the lines after it.
fn front_matter<'a>(lines: &[&'a str]) -> (Vec<(&'a str, &'a str)>, Vec<&'a str>) {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(s) = start
        && lines[s].trim() == "---"
        && let Some(len) = lines[s + 1..].iter().position(|l| l.trim() == "---")
    {
        let pairs = lines[s + 1..s + 1 + len]
            .iter()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim(), v.trim().trim_matches('"')))
            .collect();
        return (pairs, lines[s + len + 2..].to_vec());
    }
    (Vec::new(), lines.to_vec())
}

fn parse_text(lines: Vec<&str>) -> Parsed {
    let mut non_empty = lines.into_iter().map(str::trim).filter(|l| !l.is_empty());
    Parsed {
        title: non_empty.next().unwrap_or_default().to_owned(),
        paragraphs: non_empty.map(str::to_owned).collect(),
        meta: Meta::default(),
    }
}

fn parse_markdown(lines: Vec<&str>) -> Parsed {
    let mut parsed = Parsed::default();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, parsed: &mut Parsed| {
        if !block.is_empty() {
            let joined = block.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            let text = strip_markup(&joined);
            if !text.is_empty() {
                parsed.paragraphs.push(text);
            }
            block.clear();
        }
    };
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut block, &mut parsed);
        } else if let Some(heading) = trimmed.strip_prefix("# ")
            && parsed.title.is_empty()
        {
            flush(&mut block, &mut parsed);
            parsed.title = strip_markup(heading.trim());
        } else if trimmed.starts_with('#') {
            // Other headings are paragraphs of their own.
            flush(&mut block, &mut parsed);
            block.push(trimmed.trim_start_matches('#'));
            flush(&mut block, &mut parsed);
        } else {
            block.push(trimmed);
        }
    }
    flush(&mut block, &mut parsed);
    parsed
}

/// Drops emphasis and code markers and turns `[text](url)` links into their text.
fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' | '`' => {}
            '_' => {
                // An underscore inside a word is text (snake_case); at a word's edge, emphasis.
                let before = i > 0 && chars[i - 1].is_alphanumeric();
                let after = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
                if before && after {
                    out.push('_');
                }
            }
            '[' => {
                if let Some(close) = chars[i..].iter().position(|&c| c == ']').map(|p| p + i)
                    && chars.get(close + 1) == Some(&'(')
                    && let Some(end) = chars[close..]
                        .iter()
                        .position(|&c| c == ')')
                        .map(|p| p + close)
                {
                    out.push_str(&strip_markup(
                        &chars[i + 1..close].iter().collect::<String>(),
                    ));
                    i = end + 1;
                    continue;
                }
                out.push('[');
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_title_and_paragraphs() {
        let p = parse(
            "\n  عنوان الخبر  \r\n\r\nالفقرة الأولى\r\n\nالفقرة الثانية\n",
            Format::Text,
        )
        .unwrap();
        assert_eq!(p.title, "عنوان الخبر");
        assert_eq!(p.paragraphs, vec!["الفقرة الأولى", "الفقرة الثانية"]);
    }

    #[test]
    fn front_matter_fields() {
        let text = "---\ntitle: العنوان\nsource: الرياض\nauthor: أحمد\ndate: 2015-07-01\nurl: http://x.sa/1\n---\nسطر\n\nفقرة\n";
        let p = parse(text, Format::Text).unwrap();
        assert_eq!(p.title, "العنوان");
        assert_eq!(p.paragraphs, vec!["فقرة"]);
        assert_eq!(p.meta.source.as_deref(), Some("الرياض"));
        assert_eq!(p.meta.author.as_deref(), Some("أحمد"));
        assert_eq!(p.meta.date.as_deref(), Some("2015-07-01"));
        assert_eq!(p.meta.url.as_deref(), Some("http://x.sa/1"));
    }

    #[test]
    fn markdown_blocks_and_emphasis() {
        let text = "# عنوان **مهم**\n\nسطر أول\nيكمل هنا *بتأكيد* _هنا_ snake_case\n\n## قسم\n\nرابط [النص](http://x) و`كود`\n";
        let p = parse(text, Format::Markdown).unwrap();
        assert_eq!(p.title, "عنوان مهم");
        assert_eq!(
            p.paragraphs,
            vec![
                "سطر أول يكمل هنا بتأكيد هنا snake_case",
                "قسم",
                "رابط النص وكود"
            ]
        );
    }

    #[test]
    fn nothing_to_read() {
        assert_eq!(parse("\n \n\r\n", Format::Text), None);
        assert_eq!(parse("---\ntitle: x\n", Format::Text).unwrap().title, "---");
    }
}
