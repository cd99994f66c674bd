//! Readability's preparation of a page before it looks for the article: `<font>` made
//! `<span>`, runs of `<br>` made paragraph breaks; and the tests on single elements it and the
//! other extractors share (inline content, visibility).

use super::dom::{Dom, NodeId};

/// Inline elements (HTML's phrasing content).
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "font", "u", "s", "strike", "big", "tt",
    "acronym",
];

/// Readability's preparation of the page: `<font>` made `<span>`, and runs of two or more
/// `<br>` made paragraph breaks (the text after them, up to the next run, a `<p>`).
pub fn prepare(dom: &mut Dom) {
    let body = dom.find("body").unwrap_or(0);
    for n in dom.all_with(body, &["font"]) {
        dom.set_tag(n, "span");
    }
    for br in dom.all_with(body, &["br"]) {
        if dom.nodes[br].parent.is_none() {
            continue;
        }
        let mut replaced = false;
        while let Some(next) = next_non_blank(dom, br) {
            if dom.tag(next) != Some("br") {
                break;
            }
            replaced = true;
            dom.detach(next);
        }
        if !replaced {
            continue;
        }
        let p = dom.create("p");
        dom.replace(br, p);
        while let Some(next) = next_sibling(dom, p) {
            if dom.tag(next) == Some("br")
                && next_non_blank(dom, next).is_some_and(|n| dom.tag(n) == Some("br"))
            {
                break;
            }
            if !is_phrasing(dom, next) {
                break;
            }
            dom.append(p, next);
        }
        while let Some(&last) = dom.nodes[p].children.last() {
            if !dom.is_blank(last) {
                break;
            }
            dom.detach(last);
        }
        if let Some(parent) = dom.nodes[p].parent
            && dom.tag(parent) == Some("p")
        {
            dom.set_tag(parent, "div");
        }
    }
}

fn next_sibling(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let parent = dom.nodes[id].parent?;
    let siblings = &dom.nodes[parent].children;
    let at = siblings.iter().position(|&c| c == id)?;
    siblings.get(at + 1).copied()
}

/// The next sibling that is an element or text that is not white space.
fn next_non_blank(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let mut n = next_sibling(dom, id)?;
    while dom.tag(n).is_none() && dom.is_blank(n) {
        n = next_sibling(dom, n)?;
    }
    Some(n)
}

pub fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        None => true,
        Some(t) if PHRASING.contains(&t) => true,
        Some("a" | "del" | "ins") => dom.nodes[id].children.iter().all(|&c| is_phrasing(dom, c)),
        _ => false,
    }
}

/// Whether an element is probably shown (no `display: none`, `hidden`, `aria-hidden`).
pub fn is_visible(dom: &Dom, id: NodeId) -> bool {
    let style = dom
        .attr(id, "style")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace(' ', "");
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return false;
    }
    if dom.attr(id, "hidden").is_some() {
        return false;
    }
    dom.attr(id, "aria-hidden") != Some("true")
        || dom
            .attr(id, "class")
            .is_some_and(|c| c.contains("fallback-image"))
}
