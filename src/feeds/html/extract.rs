//! Finding the article in a web page, after Mozilla's Readability: every paragraph of some
//! length scores its parent (in full) and grandparent (half) by its length and its commas
//! (Arabic's ، counts); a container's score is then weighed by its class and id (`article`,
//! `content`, `entry`... up; `comment`, `share`, `sidebar`, `related`... down) and by how much
//! of its text is links. The best container is the article, with those of its siblings that
//! score nearly as well. Parts named like navigation, ads or sharing are not candidates.

use std::collections::HashMap;

use super::dom::{Data, Dom, NodeId};

/// Words of class and id names that mark a part that is not the article: a word matches when
/// it starts with one of these (`navbar`, `comments`), or is `ad`/`ads`.
const UNLIKELY: &[&str] = &[
    "advert",
    "banner",
    "breadcrumb",
    "comment",
    "cookie",
    "disqus",
    "footer",
    "menu",
    "nav",
    "newsletter",
    "outbrain",
    "pagination",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "subscribe",
    "taboola",
    "tags",
    "widget",
];

/// Words of names that mark a part that is likely the article (by prefix too).
const LIKELY: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text",
];

/// Tags that are never the article's container.
const NOT_CONTENT: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "script", "style", "noscript", "menu", "button",
];

/// The words of `id`'s class and id, lower case.
fn words(dom: &Dom, id: NodeId) -> Vec<String> {
    ["class", "id"]
        .iter()
        .filter_map(|a| dom.attr(id, a))
        .flat_map(|v| v.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn any_word(words: &[String], prefixes: &[&str]) -> bool {
    words
        .iter()
        .any(|w| prefixes.iter().any(|p| w.starts_with(p)))
}

fn unlikely_words(words: &[String]) -> bool {
    any_word(words, UNLIKELY) || words.iter().any(|w| w == "ad" || w == "ads")
}

/// Whether `id`'s class or id says it is not the article (and nothing says it may be).
pub fn is_unlikely(dom: &Dom, id: NodeId) -> bool {
    if matches!(dom.tag(id), Some("body" | "html" | "article" | "main")) {
        return false;
    }
    let w = words(dom, id);
    unlikely_words(&w) && !any_word(&w, LIKELY)
}

/// A class and id weight: up for article-like names, down for clutter-like ones.
fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let w = words(dom, id);
    let mut weight = 0.0;
    if any_word(&w, LIKELY) {
        weight += 25.0;
    }
    if unlikely_words(&w) {
        weight -= 25.0;
    }
    weight
}

/// The share of `id`'s text that is inside links (0 when it has no text). Counts characters
/// other than white space, in one walk without allocating text: it is asked of every
/// container.
pub fn link_density(dom: &Dom, id: NodeId) -> f64 {
    let (mut all, mut links) = (0usize, 0usize);
    let mut stack = vec![(id, false)];
    while let Some((n, in_link)) = stack.pop() {
        match &dom.nodes[n].data {
            Data::Text(t) => {
                let count = t.chars().filter(|c| !c.is_whitespace()).count();
                all += count;
                if in_link {
                    links += count;
                }
            }
            Data::Element { tag, .. } if super::dom::DROPPED_TEXT.contains(&tag.as_str()) => {}
            Data::Element { tag, .. } => {
                let in_link = in_link || tag == "a";
                stack.extend(dom.nodes[n].children.iter().map(|&c| (c, in_link)));
            }
            Data::Document => {
                stack.extend(dom.nodes[n].children.iter().map(|&c| (c, in_link)));
            }
        }
    }
    if all == 0 {
        return 0.0;
    }
    (links as f64 / all as f64).min(1.0)
}

fn initial_score(dom: &Dom, id: NodeId) -> f64 {
    let by_tag = match dom.tag(id) {
        Some("div" | "article" | "section" | "main") => 5.0,
        Some("pre" | "td" | "blockquote") => 3.0,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(dom, id)
}

/// Whether `id` is inside a part that cannot be article text.
fn excluded(dom: &Dom, mut id: NodeId) -> bool {
    loop {
        if dom.tag(id).is_some_and(|t| NOT_CONTENT.contains(&t)) || is_unlikely(dom, id) {
            return true;
        }
        match dom.nodes[id].parent {
            Some(p) => id = p,
            None => return false,
        }
    }
}

/// Whether `id` holds text the way a paragraph does: a `<p>` and its kind, or a `<div>` (or
/// `<section>`) with text and no block inside it, as pages that separate paragraphs with
/// `<br>` have.
fn is_paragraph(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        Some("p" | "pre" | "td" | "blockquote") => true,
        Some("div" | "section") => dom.nodes[id].children.iter().all(|&c| {
            dom.tag(c)
                .is_none_or(|t| t == "br" || !super::blocks::BLOCKS.contains(&t))
        }),
        _ => false,
    }
}

/// The elements that make up the article, in document order; empty when nothing scores (a
/// page with no paragraph of any length).
pub fn article_nodes(dom: &Dom) -> Vec<NodeId> {
    let body = dom.find("body").unwrap_or(0);
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for n in dom.descendants(body) {
        if !is_paragraph(dom, n) {
            continue;
        }
        let text = dom.text(n);
        let len = text.chars().count();
        if len < 25 || excluded(dom, n) {
            continue;
        }
        let commas = text.chars().filter(|&c| c == ',' || c == '،').count();
        let score = 1.0 + commas as f64 + (len / 100).min(3) as f64;
        let mut ancestor = dom.nodes[n].parent;
        for level in 0..3 {
            let Some(a) = ancestor else { break };
            if dom.tag(a).is_none() {
                break;
            }
            let share = match level {
                0 => score,
                1 => score / 2.0,
                _ => score / 6.0,
            };
            *scores.entry(a).or_insert_with(|| initial_score(dom, a)) += share;
            ancestor = dom.nodes[a].parent;
        }
    }
    let weighted: HashMap<NodeId, f64> = scores
        .into_iter()
        .map(|(n, s)| (n, s * (1.0 - link_density(dom, n))))
        .collect();
    let Some((&top, &best)) = weighted
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    else {
        return Vec::new();
    };
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    // Siblings that score nearly as well, or paragraphs of real text, belong to the article
    // too (a page that splits its story into several containers).
    let threshold = (best * 0.2).max(10.0);
    dom.nodes[parent]
        .children
        .iter()
        .copied()
        .filter(|&s| {
            if s == top {
                return true;
            }
            if matches!(dom.nodes[s].data, Data::Text(_)) || excluded(dom, s) {
                return false;
            }
            if weighted.get(&s).is_some_and(|&w| w >= threshold) {
                return true;
            }
            dom.tag(s) == Some("p") && {
                let len = dom.text(s).chars().count();
                let density = link_density(dom, s);
                (len > 80 && density < 0.25)
                    || (len > 0 && density == 0.0 && dom.text(s).contains(['.', '。', '؟']))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_beats_the_clutter() {
        let long = "هذه فقرة طويلة من نص المقال، وفيها فواصل، وكلمات كثيرة تكفي لتحسب فقرة حقيقية من المقال.";
        let html = format!(
            "<body><div class=\"menu\"><p>{long}</p></div><div id=\"story-body\"><p>{long}</p><p>{long}</p></div><div class=\"comments\"><p>{long}</p></div></body>"
        );
        let dom = Dom::parse(&html);
        let nodes = article_nodes(&dom);
        assert_eq!(nodes.len(), 1);
        assert_eq!(dom.attr(nodes[0], "id"), Some("story-body"));
    }

    #[test]
    fn text_separated_by_line_breaks() {
        let long = "هذه فقرة طويلة من نص المقال، وفيها فواصل، وكلمات كثيرة تكفي لتحسب فقرة حقيقية.";
        let html = format!(
            "<body><div class=\"header\"><a href=\"/\">الموقع</a></div><div class=\"main\"><div class=\"article-body\">{long}<br><br>{long}<br>{long}</div></div></body>"
        );
        let dom = Dom::parse(&html);
        let nodes = article_nodes(&dom);
        assert_eq!(nodes.len(), 1);
        let blocks: Vec<_> = nodes
            .iter()
            .flat_map(|&n| super::super::blocks::blocks(&dom, n, true))
            .collect();
        assert_eq!(blocks.len(), 3, "{blocks:?}");
    }

    #[test]
    fn nothing_to_score() {
        let dom = Dom::parse("<body><p>قصير</p></body>");
        assert!(article_nodes(&dom).is_empty());
    }
}
