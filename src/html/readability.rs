//! The article as Mozilla's Readability finds it, on qari's own tree: hidden and unlikely parts
//! removed, `<div>`s of loose text made paragraphs, every paragraph of 25 characters or more
//! scoring its ancestors (1 + its commas, Arabic's ، too, + a point per 100 characters, up to
//! 3; all of it to the parent, half to the grandparent, a third of the level beyond that), the
//! scores weighed by link density, the best container taken with the siblings that score
//! nearly as well, then cleaned ([`super::clean`]). When that leaves less than 500 characters
//! it tries again with fewer rules (keeping unlikely parts, then ignoring names, then not
//! cleaning), and keeps the first attempt unless a later one finds more than twice as much.

use std::collections::HashMap;

use super::clean;
use super::dom::{Dom, NodeId};
use super::names::{class_weight, commas, is_byline, is_unlikely, link_density, text_len};
pub use super::prepare::{is_visible, prepare, wrap_phrasing};

/// Which of Readability's rules an attempt applies.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

/// An article found: its own copy of the tree and the element that holds the article.
pub struct Found {
    pub dom: Dom,
    pub root: NodeId,
    pub len: usize,
}

/// Elements scored as paragraphs.
const TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Elements that keep a `<div>` from being a paragraph.
pub const DIV_TO_P: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Sibling tags kept as they are when joined to the article (others become `<div>`).
const KEEP_TAG: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

const CHAR_THRESHOLD: usize = 500;

/// The article of `dom` (already through [`prepare`]), or `None` when no attempt finds text.
pub fn article(dom: &Dom) -> Option<Found> {
    let mut flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
    let mut best: Option<Found> = None;
    for attempt in 0..4 {
        let found = grab(dom.clone(), flags);
        if found.len >= CHAR_THRESHOLD {
            return Some(found);
        }
        // A later attempt, with fewer rules, wins only when it finds much more: a short
        // article found by the first is better than itself plus the ads and comments the
        // rules had kept out.
        if best.as_ref().is_none_or(|b| found.len > 2 * b.len) {
            best = Some(found);
        }
        match attempt {
            0 => flags.strip_unlikely = false,
            1 => flags.weight_classes = false,
            _ => flags.clean_conditionally = false,
        }
    }
    best.filter(|b| b.len > 0)
}

/// An element with no text and nothing but line breaks and rules in it.
fn is_without_content(dom: &Dom, id: NodeId) -> bool {
    text_len(dom, id) == 0
        && dom
            .element_children(id)
            .iter()
            .all(|&c| matches!(dom.tag(c), Some("br" | "hr")))
}

fn has_child_block(dom: &Dom, id: NodeId) -> bool {
    dom.element_children(id)
        .iter()
        .any(|&c| dom.tag(c).is_some_and(|t| DIV_TO_P.contains(&t)) || has_child_block(dom, c))
}

/// Removes what is not article, makes loose text paragraphs, and gives the paragraphs to
/// score, in document order.
fn paragraphs(dom: &mut Dom, body: NodeId, flags: Flags) -> Vec<NodeId> {
    let mut out = Vec::new();
    // Readability takes the first byline out of the text (the page's metadata has it).
    let mut byline_seen = false;
    let mut stack = vec![body];
    while let Some(mut n) = stack.pop() {
        let Some(tag) = dom.tag(n).map(str::to_owned) else {
            continue;
        };
        let remove = !is_visible(dom, n)
            || (!byline_seen && is_byline(dom, n) && {
                byline_seen = true;
                true
            })
            || (dom.attr(n, "aria-modal") == Some("true") && dom.attr(n, "role") == Some("dialog"))
            || (flags.strip_unlikely
                && n != body
                && is_unlikely(dom, n)
                && !dom.has_ancestor(n, "table", None)
                && !dom.has_ancestor(n, "code", None))
            || (matches!(
                tag.as_str(),
                "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            ) && is_without_content(dom, n));
        if remove && n != body {
            dom.detach(n);
            continue;
        }
        if TO_SCORE.contains(&tag.as_str()) {
            out.push(n);
        }
        if tag == "div" {
            wrap_phrasing(dom, n);
            let kids = dom.element_children(n);
            let only_text_blank = dom.nodes[n]
                .children
                .iter()
                .all(|&c| dom.tag(c).is_some() || dom.is_blank(c));
            if let [p] = kids[..]
                && dom.tag(p) == Some("p")
                && only_text_blank
                && link_density(dom, n) < 0.25
            {
                dom.inherit_attrs(n, p);
                dom.replace(n, p);
                n = p;
                out.push(n);
            } else if !has_child_block(dom, n) {
                dom.set_tag(n, "p");
                out.push(n);
            }
        }
        stack.extend(dom.nodes[n].children.iter().rev());
    }
    out
}

fn initial_score(dom: &Dom, id: NodeId, flags: Flags) -> f64 {
    let by_tag = match dom.tag(id) {
        Some("div") => 5.0,
        Some("pre" | "td" | "blockquote") => 3.0,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
        _ => 0.0,
    };
    by_tag + weight(dom, id, flags)
}

fn weight(dom: &Dom, id: NodeId, flags: Flags) -> f64 {
    if flags.weight_classes {
        class_weight(dom, id)
    } else {
        0.0
    }
}

/// One attempt on its own copy of the tree.
fn grab(mut dom: Dom, flags: Flags) -> Found {
    let body = dom.find("body").unwrap_or(0);
    let to_score = paragraphs(&mut dom, body, flags);
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    for n in to_score {
        let Some(parent) = dom.nodes[n].parent else {
            continue;
        };
        if dom.tag(parent).is_none() {
            continue;
        }
        let text = dom.text(n);
        let len = text.chars().count();
        if len < 25 {
            continue;
        }
        let score = 1.0 + commas(&text) as f64 + (len / 100).min(3) as f64;
        let mut ancestor = Some(parent);
        for level in 0..5 {
            let Some(a) = ancestor else { break };
            let Some(up) = dom.nodes[a].parent else { break };
            // The root element (whose parent is the document) scores nothing.
            if dom.tag(a).is_none() || dom.tag(up).is_none() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f64::from(l) * 3.0,
            };
            let entry = scores.entry(a).or_insert_with(|| {
                order.push(a);
                initial_score(&dom, a, flags)
            });
            *entry += score / divider;
            ancestor = Some(up);
        }
    }
    for (&n, s) in &mut scores {
        *s *= 1.0 - link_density(&dom, n);
    }
    // The five best, in document order among equals.
    let mut top: Vec<NodeId> = order.clone();
    top.sort_by(|a, b| scores[b].total_cmp(&scores[a]));
    top.truncate(5);
    let candidate = if let Some(c) = top.first().copied().filter(|&t| t != body) {
        choose_up(&dom, &mut scores, &top, c, body, flags)
    } else {
        let div = dom.create("div");
        for c in dom.nodes[body].children.clone() {
            dom.append(div, c);
        }
        dom.append(body, div);
        scores.insert(div, initial_score(&dom, div, flags));
        div
    };
    let root = join_siblings(&mut dom, &scores, candidate);
    clean::prepare_article(&mut dom, root, flags);
    let len = text_len(&dom, root);
    Found { dom, root, len }
}

/// Readability's second look at the best candidate: the common ancestor of several nearly as
/// good ones, or a parent that scores better, or the parent it is the only child of.
fn choose_up(
    dom: &Dom,
    scores: &mut HashMap<NodeId, f64>,
    top: &[NodeId],
    mut candidate: NodeId,
    body: NodeId,
    flags: Flags,
) -> NodeId {
    let best = scores[&candidate];
    let close: Vec<NodeId> = top[1..]
        .iter()
        .copied()
        .filter(|t| scores[t] / best >= 0.75)
        .collect();
    if close.len() >= 3 {
        let mut parent = dom.nodes[candidate].parent;
        while let Some(p) = parent.filter(|&p| p != body && dom.tag(p).is_some()) {
            let holding = close.iter().filter(|&&c| is_ancestor(dom, p, c)).count();
            if holding >= 3 {
                candidate = p;
                break;
            }
            parent = dom.nodes[p].parent;
        }
    }
    scores
        .entry(candidate)
        .or_insert_with(|| initial_score(dom, candidate, flags));
    let mut last = scores[&candidate];
    let threshold = last / 3.0;
    let mut parent = dom.nodes[candidate].parent;
    while let Some(p) = parent.filter(|&p| p != body && dom.tag(p).is_some()) {
        let Some(&score) = scores.get(&p) else {
            parent = dom.nodes[p].parent;
            continue;
        };
        if score < threshold {
            break;
        }
        if score > last {
            candidate = p;
            break;
        }
        last = score;
        parent = dom.nodes[p].parent;
    }
    while let Some(p) = dom.nodes[candidate]
        .parent
        .filter(|&p| p != body && dom.tag(p).is_some())
    {
        if dom.element_children(p).len() != 1 {
            break;
        }
        candidate = p;
    }
    scores
        .entry(candidate)
        .or_insert_with(|| initial_score(dom, candidate, flags));
    candidate
}

fn is_ancestor(dom: &Dom, ancestor: NodeId, mut id: NodeId) -> bool {
    while let Some(p) = dom.nodes[id].parent {
        if p == ancestor {
            return true;
        }
        id = p;
    }
    false
}

/// A new `<div>` holding the candidate and those of its siblings that score nearly as well
/// (or share its class), or are paragraphs of real text.
fn join_siblings(dom: &mut Dom, scores: &HashMap<NodeId, f64>, candidate: NodeId) -> NodeId {
    let root = dom.create("div");
    // The new root stands outside the page: it carries the direction the page declares.
    let mut up = Some(candidate);
    while let Some(n) = up {
        if let Some(dir) = dom.attr(n, "dir").map(str::to_owned) {
            dom.set_attr(root, "dir", &dir);
            break;
        }
        up = dom.nodes[n].parent;
    }
    let best = scores.get(&candidate).copied().unwrap_or_default();
    let threshold = (best * 0.2).max(10.0);
    let class = dom.attr(candidate, "class").unwrap_or_default().to_owned();
    let siblings = match dom.nodes[candidate].parent {
        Some(p) => dom.element_children(p),
        None => vec![candidate],
    };
    let mut kept = Vec::new();
    for s in siblings {
        let keep = s == candidate || {
            let bonus = if !class.is_empty() && dom.attr(s, "class") == Some(class.as_str()) {
                best * 0.2
            } else {
                0.0
            };
            if scores.get(&s).is_some_and(|&v| v + bonus >= threshold) {
                true
            } else if dom.tag(s) == Some("p") {
                let text = dom.text(s);
                let len = text.chars().count();
                let density = link_density(dom, s);
                (len > 80 && density < 0.25)
                    || (len < 80
                        && len > 0
                        && density == 0.0
                        && (text.contains(". ") || text.ends_with('.')))
            } else {
                false
            }
        };
        if keep {
            if dom.tag(s).is_some_and(|t| !KEEP_TAG.contains(&t)) {
                dom.set_tag(s, "div");
            }
            kept.push(s);
        }
    }
    // Moved in one pass (a page of many thousand sibling paragraphs stays linear).
    if let Some(parent) = dom.nodes[candidate].parent {
        let moved: std::collections::HashSet<NodeId> = kept.iter().copied().collect();
        dom.nodes[parent].children.retain(|c| !moved.contains(c));
    }
    for &s in &kept {
        dom.nodes[s].parent = Some(root);
    }
    dom.nodes[root].children = kept;
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> (Dom, NodeId) {
        let mut dom = Dom::parse(html);
        prepare(&mut dom);
        let f = article(&dom).unwrap();
        (f.dom, f.root)
    }

    #[test]
    fn the_article_beats_the_clutter() {
        let long = "هذه فقرة طويلة من نص المقال، وفيها فواصل، وكلمات كثيرة تكفي لتحسب فقرة حقيقية من المقال.";
        let story = format!("<p>{long}</p>").repeat(6);
        let html = format!(
            "<body><div class=\"menu\"><p>قائمة {long}</p></div><div id=\"story-body\">{story}</div><div class=\"comments\"><p>تعليق {long}</p></div></body>"
        );
        let (dom, root) = found(&html);
        let text = dom.text(root);
        assert!(!text.contains("قائمة") && !text.contains("تعليق"), "{text}");
        assert_eq!(text.matches("هذه فقرة").count(), 6);
    }

    #[test]
    fn line_breaks_make_paragraphs() {
        let long = "هذه فقرة طويلة من نص المقال، وفيها فواصل، وكلمات كثيرة تكفي لتحسب فقرة حقيقية.";
        let html = format!("<body><div>{long}<br><br>{long}<br><br>{long}</div></body>");
        let (dom, root) = found(&html);
        assert_eq!(dom.all_with(root, &["p"]).len(), 3);
    }

    #[test]
    fn hidden_parts_are_not_read() {
        let long = "هذه فقرة طويلة من نص المقال، وفيها فواصل، وكلمات كثيرة تكفي لتحسب فقرة حقيقية.";
        let html = format!(
            "<body><div><p>{long}</p><p style=\"display: none\">مخفي {long}</p><p hidden>مخفي</p></div></body>"
        );
        let (dom, root) = found(&html);
        assert!(!dom.text(root).contains("مخفي"));
    }

    #[test]
    fn nothing_to_find() {
        let mut dom = Dom::parse("<body></body>");
        prepare(&mut dom);
        assert!(article(&dom).is_none());
    }
}
