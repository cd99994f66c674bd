//! Readability's preparation of a page before it looks for the article: `<font>` made
//! `<span>`, runs of `<br>` made paragraph breaks, a `<div>`'s loose inline content put in
//! paragraphs; and the tests on single elements it and the other extractors share (inline
//! content, visibility).

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
    let mut parents: Vec<NodeId> = dom
        .all_with(body, &["br"])
        .into_iter()
        .filter_map(|br| dom.nodes[br].parent)
        .collect();
    parents.dedup();
    for parent in parents {
        split_at_br_runs(dom, parent);
    }
}

/// Readability's `_replaceBrs` for the children of one element, in one pass over them (a page
/// of a hundred thousand lines stays linear): a run of two or more `<br>` becomes a `<p>` that
/// takes the inline content after it, up to the next run or block.
fn split_at_br_runs(dom: &mut Dom, parent: NodeId) {
    let old = std::mem::take(&mut dom.nodes[parent].children);
    let is_br = |dom: &Dom, n: NodeId| dom.tag(n) == Some("br");
    // The index of the first child from `from` on that is an element or text not blank.
    let solid = |dom: &Dom, from: usize| {
        (from..old.len()).find(|&j| dom.tag(old[j]).is_some() || !dom.is_blank(old[j]))
    };
    let starts_run = |dom: &Dom, i: usize| {
        is_br(dom, old[i]) && solid(dom, i + 1).is_some_and(|j| is_br(dom, old[j]))
    };
    let mut out = Vec::with_capacity(old.len());
    let mut made = false;
    let mut i = 0;
    while i < old.len() {
        if !starts_run(dom, i) {
            out.push(old[i]);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some(k) = solid(dom, j).filter(|&k| is_br(dom, old[k])) {
            j = k + 1;
        }
        for &gone in &old[i..j] {
            dom.nodes[gone].parent = None;
        }
        let p = dom.create("p");
        dom.nodes[p].parent = Some(parent);
        let mut kids = Vec::new();
        while j < old.len() && !starts_run(dom, j) && is_phrasing(dom, old[j]) {
            kids.push(old[j]);
            j += 1;
        }
        while let Some(&last) = kids.last().filter(|&&l| dom.is_blank(l)) {
            dom.nodes[last].parent = None;
            kids.pop();
        }
        for &k in &kids {
            dom.nodes[k].parent = Some(p);
        }
        dom.nodes[p].children = kids;
        out.push(p);
        made = true;
        i = j;
    }
    dom.nodes[parent].children = out;
    if made && dom.tag(parent) == Some("p") {
        dom.set_tag(parent, "div");
    }
}

/// Puts each run of inline content of a `<div>` into a new `<p>`, in one pass over its
/// children.
pub fn wrap_phrasing(dom: &mut Dom, div: NodeId) {
    let old = std::mem::take(&mut dom.nodes[div].children);
    let mut out = Vec::with_capacity(old.len());
    let mut p: Option<NodeId> = None;
    for c in old {
        if is_phrasing(dom, c) {
            if let Some(p) = p {
                dom.nodes[c].parent = Some(p);
                dom.nodes[p].children.push(c);
            } else if dom.is_blank(c) {
                out.push(c);
            } else {
                let new = dom.create("p");
                dom.nodes[new].parent = Some(div);
                dom.nodes[c].parent = Some(new);
                dom.nodes[new].children.push(c);
                out.push(new);
                p = Some(new);
            }
        } else {
            if let Some(done) = p.take() {
                while let Some(&last) = dom.nodes[done].children.last() {
                    if !dom.is_blank(last) {
                        break;
                    }
                    dom.nodes[last].parent = None;
                    dom.nodes[done].children.pop();
                }
            }
            out.push(c);
        }
    }
    dom.nodes[div].children = out;
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
