//! The vocabulary every extractor shares: what a class or id name says about a part of a page
//! (Readability's patterns: `comment`, `sidebar`, `share`... down; `article`, `content`,
//! `entry`... up), which elements are blocks, and how much of a part's text is links. The
//! extractors ([`super::readability`], [`super::density`]) and the blocks walker
//! ([`super::blocks`]) all stand on this module, and it on nothing but the tree.

use super::dom::{DROPPED_TEXT, Data, Dom, NodeId};

/// Names of parts that are not the article (substrings, as Readability matches them).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Names that save an unlikely-looking part: it may hold the article.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Names of parts likely to be the article.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Names of parts likely to be clutter.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
];

/// ARIA roles of parts that are not the article.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Elements that end the paragraph before them and start a new one.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

fn lower_attr(dom: &Dom, id: NodeId, name: &str) -> String {
    dom.attr(id, name).unwrap_or_default().to_lowercase()
}

/// `id`'s class and id, lower case, as one string to match names in.
pub fn match_string(dom: &Dom, id: NodeId) -> String {
    format!(
        "{} {}",
        lower_attr(dom, id, "class"),
        lower_attr(dom, id, "id")
    )
}

fn has_any(s: &str, names: &[&str]) -> bool {
    names.iter().any(|n| s.contains(n))
}

/// A `hid` word: Readability's `^hid$| hid$| hid |^hid `.
fn has_hid(s: &str) -> bool {
    s.split(' ').any(|w| w == "hid")
}

/// Whether `id`'s names or role say it is not the article (and nothing says it may be).
pub fn is_unlikely(dom: &Dom, id: NodeId) -> bool {
    if matches!(dom.tag(id), Some("body" | "a" | "html")) {
        return false;
    }
    let s = match_string(dom, id);
    let role = lower_attr(dom, id, "role");
    (has_any(&s, UNLIKELY) && !has_any(&s, MAYBE)) || UNLIKELY_ROLES.contains(&role.as_str())
}

/// Readability's class weight: −25 for a clutter-like class, +25 for an article-like one, the
/// same again for the id.
pub fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let mut weight = 0.0;
    for name in ["class", "id"] {
        let s = lower_attr(dom, id, name);
        if s.is_empty() {
            continue;
        }
        if has_any(&s, NEGATIVE) || has_hid(&s) {
            weight -= 25.0;
        }
        if has_any(&s, POSITIVE) {
            weight += 25.0;
        }
    }
    weight
}

/// A line that names the author or the date (`class="byline"` or `dateline`, `rel="author"`,
/// `itemprop="author"`) and is short: not the article's text.
pub fn is_byline(dom: &Dom, id: NodeId) -> bool {
    let s = match_string(dom, id);
    let by_name = ["byline", "author", "dateline", "writtenby", "p-author"]
        .iter()
        .any(|n| s.contains(n));
    let by_attr = dom.attr(id, "rel") == Some("author")
        || dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("author"));
    (by_name || by_attr) && !matches!(dom.tag(id), Some("body" | "html" | "article" | "main")) && {
        let len = text_len(dom, id);
        len > 0 && len < 100
    }
}

/// A caption or a photo credit (`wp-caption-text`, `image-caption`, `photo-credit`) of under
/// 300 characters: it belongs to a picture qari does not show.
pub fn is_caption(dom: &Dom, id: NodeId) -> bool {
    match_string(dom, id)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.contains("caption") || w.starts_with("credit") || w.ends_with("credit"))
        && text_len(dom, id) < 300
}

/// Whether the names say "share this" (Readability's `(\b|_)(share|sharedaddy)(\b|_)`).
pub fn is_share(dom: &Dom, id: NodeId) -> bool {
    match_string(dom, id)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "share" || w == "sharedaddy")
}

/// The length of `id`'s text, white space runs counted as one character and the ends trimmed
/// (what Readability measures), without building the text.
pub fn text_len(dom: &Dom, id: NodeId) -> usize {
    text_counts(dom, id).0
}

/// The share of `id`'s text inside links (0 when it has no text); a link to a place on the
/// same page (`#...`) counts for 0.3 of its length, as in Readability.
pub fn link_density(dom: &Dom, id: NodeId) -> f64 {
    let (all, links) = text_counts(dom, id);
    if all == 0 {
        return 0.0;
    }
    (links / all as f64).min(1.0)
}

/// The text's length and the weighted length of its links, in one walk.
fn text_counts(dom: &Dom, id: NodeId) -> (usize, f64) {
    let (mut all, mut links) = (0usize, 0.0f64);
    // Whether a space is owed before the next letter (a run of white space seen after text).
    let mut space = false;
    let mut stack = vec![(id, 0.0f64)];
    while let Some((n, weight)) = stack.pop() {
        match &dom.nodes[n].data {
            Data::Text(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        space = all > 0;
                    } else {
                        let add = 1 + usize::from(space);
                        all += add;
                        links += weight * add as f64;
                        space = false;
                    }
                }
            }
            Data::Element { tag, .. } if DROPPED_TEXT.contains(&tag.as_str()) => {}
            Data::Element { tag, .. } => {
                let weight = if tag == "a" {
                    let hash = dom.attr(n, "href").is_some_and(|h| h.starts_with('#'));
                    if hash { 0.3 } else { 1.0 }
                } else {
                    weight
                };
                if tag == "br" {
                    space = all > 0;
                }
                stack.extend(dom.nodes[n].children.iter().rev().map(|&c| (c, weight)));
            }
            Data::Document => {
                stack.extend(dom.nodes[n].children.iter().rev().map(|&c| (c, weight)));
            }
        }
    }
    (all, links)
}

/// Text that says only "advertisement" or "loading".
pub fn is_ad_or_loading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['…', '.']).to_lowercase();
    matches!(
        t.as_str(),
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "إعلان"
            | "اعلان"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
            | "جار التحميل"
            | "جاري التحميل"
    )
}

/// Commas of any script: Latin, Arabic (،), full width, and their kind.
pub fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_weigh_and_rule_out() {
        let dom = Dom::parse(
            r#"<div id="a" class="sidebar"></div><div id="b" class="main-sidebar"></div><div class="post-body share"></div><span role="navigation"></span>"#,
        );
        let els: Vec<NodeId> = dom
            .descendants(0)
            .into_iter()
            .filter(|&n| dom.tag(n).is_some())
            .collect();
        assert!(is_unlikely(&dom, els[0]));
        assert!(!is_unlikely(&dom, els[1]), "main saves it");
        assert!(is_unlikely(&dom, els[3]), "by its role");
        assert!((class_weight(&dom, els[0]) + 25.0).abs() < 1e-9);
        assert!(
            class_weight(&dom, els[2]).abs() < 1e-9,
            "post up, share down"
        );
        assert!(is_share(&dom, els[2]));
        assert!(!is_share(&dom, els[1]));
    }

    #[test]
    fn lengths_and_link_density() {
        let dom = Dom::parse("<p>  ab  <a href=x>cd</a> <a href=#y>ef</a></p>");
        // "ab cd ef": 8 characters, "cd" and " " before it in a link, "ef" at 0.3.
        assert_eq!(text_len(&dom, 0), 8);
        let d = link_density(&dom, 0);
        assert!((d - (3.0 + 0.9) / 8.0).abs() < 1e-9, "{d}");
    }
}
