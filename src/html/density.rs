//! The fallback extractor, after jusText and the text-density methods: every text block of the
//! page (a paragraph, heading, list item, cell or `<div>` of loose text) is classed by its
//! length, its link density and where it stands (navigation, asides, footers and parts named
//! like clutter are out); the long, link-free ones are good, and a short block or a heading
//! between good ones is kept with them. The article is then the good text under the smallest
//! element that holds most of it, so a page whose structure misleads the scorer (a body of
//! sibling paragraphs with a small teaser block beside it) still gives its body.

use std::collections::HashMap;

use super::blocks::Block;
use super::dom::{Dom, NodeId};
use super::names::{is_unlikely, link_density};
use super::prepare::is_visible;

/// Elements that hold a block of text.
const TEXT: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "pre",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "div",
    "section",
    "article",
];

/// Containers whose text is never the article's.
const OUT: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "figure", "menu", "button", "select", "dialog",
    "head", "template",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Good,
    Short,
    Bad,
}

struct Segment {
    node: NodeId,
    block: Block,
    class: Class,
    len: usize,
}

/// The article's blocks by text density; empty when no block is good.
pub fn article(dom: &Dom) -> Vec<Block> {
    let body = dom.find("body").unwrap_or(0);
    let mut segments = Vec::new();
    collect(dom, body, false, &mut segments);
    resolve_context(&mut segments);
    let good: Vec<&Segment> = segments.iter().filter(|s| s.class == Class::Good).collect();
    let total: usize = good.iter().map(|s| s.len).sum();
    if total == 0 {
        return Vec::new();
    }
    // Each ancestor's share of the good text; the deepest holding 70% of it is the article.
    let mut held: HashMap<NodeId, usize> = HashMap::new();
    let mut depth: HashMap<NodeId, usize> = HashMap::new();
    for s in &good {
        let mut chain = Vec::new();
        let mut n = dom.nodes[s.node].parent;
        while let Some(p) = n {
            chain.push(p);
            n = dom.nodes[p].parent;
        }
        for (d, &a) in chain.iter().rev().enumerate() {
            *held.entry(a).or_default() += s.len;
            depth.insert(a, d);
        }
    }
    let root = held
        .iter()
        .filter(|&(_, &h)| h * 10 >= total * 7)
        .max_by_key(|&(n, _)| (depth[n], std::cmp::Reverse(*n)))
        .map_or(body, |(&n, _)| n);
    // Each block through the walker, as the other extractors' are: the direction the page
    // declares is marked the same way.
    segments
        .iter()
        .filter(|s| s.class == Class::Good && is_below(dom, s.node, root))
        .flat_map(|s| super::blocks::blocks(dom, s.node, false))
        .collect()
}

fn is_below(dom: &Dom, mut id: NodeId, root: NodeId) -> bool {
    while let Some(p) = dom.nodes[id].parent {
        if p == root {
            return true;
        }
        id = p;
    }
    false
}

/// Whether `id` holds a text block of its own inside it.
fn has_text_block(dom: &Dom, id: NodeId) -> bool {
    dom.nodes[id].children.iter().any(|&c| {
        dom.tag(c)
            .is_some_and(|t| TEXT.contains(&t) || has_text_block(dom, c))
    })
}

fn collect(dom: &Dom, id: NodeId, out: bool, segments: &mut Vec<Segment>) {
    let Some(tag) = dom.tag(id) else { return };
    if !is_visible(dom, id) || super::dom::DROPPED_TEXT.contains(&tag) {
        return;
    }
    let out = out || OUT.contains(&tag) || is_unlikely(dom, id);
    if TEXT.contains(&tag) && !has_text_block(dom, id) {
        let text = dom.text(id);
        if text.is_empty() {
            return;
        }
        let len = text.chars().count();
        let density = link_density(dom, id);
        let class = if out || density > 0.3 || text.contains('©') {
            Class::Bad
        } else if len >= 80 && density < 0.2 && has_sentence_end(&text) {
            Class::Good
        } else {
            Class::Short
        };
        let block = match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Block::Heading(text),
            "li" | "dd" | "dt" => Block::Item(text),
            _ => Block::Paragraph(text),
        };
        segments.push(Segment {
            node: id,
            block,
            class,
            len,
        });
        return;
    }
    for &c in &dom.nodes[id].children {
        collect(dom, c, out, segments);
    }
}

fn has_sentence_end(text: &str) -> bool {
    text.contains(['.', '!', '?', '؟', '。', '،', ',', ':', '؛'])
}

/// jusText's context rule: a short block between good ones (with no bad block in between) is
/// good; a heading just before good text is good.
fn resolve_context(segments: &mut [Segment]) {
    // The nearest class other than Short before and after each block, in two passes.
    let mut before = Vec::with_capacity(segments.len());
    let mut last = None;
    for s in segments.iter() {
        before.push(last);
        if s.class != Class::Short {
            last = Some(s.class);
        }
    }
    let mut after = vec![None; segments.len()];
    let mut next = None;
    for (i, s) in segments.iter().enumerate().rev() {
        after[i] = next;
        if s.class != Class::Short {
            next = Some(s.class);
        }
    }
    for (i, s) in segments.iter_mut().enumerate() {
        if s.class != Class::Short {
            continue;
        }
        let heading = matches!(s.block, Block::Heading(_));
        if (before[i] == Some(Class::Good) && after[i] == Some(Class::Good))
            || (heading && after[i] == Some(Class::Good))
        {
            s.class = Class::Good;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_paragraphs_beat_a_teaser() {
        let long = "قال المتحدث إن الاجتماع سيعقد في الرياض الأسبوع المقبل، بحضور وزراء الخارجية العرب وممثلين عن الأمم المتحدة.";
        let html = format!(
            "<body><div class=\"teaser\"><a href=\"/x\">خبر آخر قصير</a></div><div><h2>عنوان فرعي</h2><p>{long}</p><p>سطر قصير.</p><p>{long}</p></div><footer><p>{long}</p></footer></body>"
        );
        let dom = Dom::parse(&html);
        let texts: Vec<String> = article(&dom).iter().map(|b| b.text().to_owned()).collect();
        assert_eq!(texts, vec!["عنوان فرعي", long, "سطر قصير.", long]);
        // The page's direction is kept as the walker keeps it.
        let dom = Dom::parse(&format!(
            "<body dir=\"rtl\"><p>{long}</p><p>Linux {long}</p></body>"
        ));
        assert!(article(&dom)[1].text().starts_with("\u{200F}Linux"));
    }
}
