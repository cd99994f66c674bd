//! Readability's cleaning of the article it found: what is never text goes (embeds, forms'
//! inputs, asides, footers), share bars under 500 characters go, headings named like clutter
//! go, and each table, list and `<div>` is weighed on its own ("conditionally"): it goes when
//! its names say clutter, or it is mostly links, or has more list items than paragraphs, more
//! images than text, inputs, or no text in paragraph-like elements — unless it is a data table
//! or in one, or holds many commas (prose).

use super::dom::{Dom, NodeId};
use super::names::{class_weight, commas, is_ad_or_loading, is_share, link_density, text_len};
use super::readability::{DIV_TO_P, Flags};

/// Readability's `prepArticle`, on the article `root`.
pub fn prepare_article(dom: &mut Dom, root: NodeId, flags: Flags) {
    let data_tables = data_tables(dom, root);
    conditionally(dom, root, "form", flags, &data_tables);
    conditionally(dom, root, "fieldset", flags, &data_tables);
    remove_all(dom, root, &["object", "embed", "footer", "link", "aside"]);
    for top in dom.element_children(root) {
        let shares: Vec<NodeId> = dom
            .descendants(top)
            .into_iter()
            .skip(1)
            .filter(|&n| dom.tag(n).is_some() && is_share(dom, n) && text_len(dom, n) < 500)
            .collect();
        for n in shares {
            dom.detach(n);
        }
    }
    remove_all(
        dom,
        root,
        &["iframe", "input", "textarea", "select", "button"],
    );
    for h in dom.all_with(root, &["h1", "h2"]) {
        if flags.weight_classes && class_weight(dom, h) < 0.0 {
            dom.detach(h);
        }
    }
    conditionally(dom, root, "table", flags, &data_tables);
    conditionally(dom, root, "ul", flags, &data_tables);
    conditionally(dom, root, "div", flags, &data_tables);
    for h in dom.all_with(root, &["h1"]) {
        dom.set_tag(h, "h2");
    }
    for p in dom.all_with(root, &["p"]) {
        if dom
            .all_with(p, &["img", "embed", "object", "iframe"])
            .is_empty()
            && text_len(dom, p) == 0
        {
            dom.detach(p);
        }
    }
}

fn remove_all(dom: &mut Dom, root: NodeId, tags: &[&str]) {
    for n in dom.all_with(root, tags) {
        dom.detach(n);
    }
}

/// The tables below `root` that hold data rather than lay the page out (Readability's
/// `_getReadabilityDataTable`).
fn data_tables(dom: &Dom, root: NodeId) -> Vec<NodeId> {
    dom.all_with(root, &["table"])
        .into_iter()
        .filter(|&t| is_data_table(dom, t))
        .collect()
}

fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if dom
        .all_with(table, &["caption"])
        .first()
        .is_some_and(|&c| !dom.nodes[c].children.is_empty())
    {
        return true;
    }
    if !dom
        .all_with(table, &["col", "colgroup", "tfoot", "thead", "th"])
        .is_empty()
    {
        return true;
    }
    if !dom.all_with(table, &["table"]).is_empty() {
        return false;
    }
    let rows = dom.all_with(table, &["tr"]);
    let columns = rows
        .iter()
        .map(|&r| {
            dom.element_children(r)
                .iter()
                .filter(|&&c| matches!(dom.tag(c), Some("td" | "th")))
                .map(|&c| {
                    dom.attr(c, "colspan")
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    rows.len() >= 10 || columns > 4 || rows.len() * columns > 10
}

fn in_data_table(dom: &Dom, mut id: NodeId, data_tables: &[NodeId]) -> bool {
    while let Some(p) = dom.nodes[id].parent {
        if data_tables.contains(&p) {
            return true;
        }
        id = p;
    }
    false
}

/// The share of `id`'s text inside elements named `tags`.
fn text_density(dom: &Dom, id: NodeId, tags: &[&str]) -> f64 {
    let all = text_len(dom, id);
    if all == 0 {
        return 0.0;
    }
    let inside: usize = dom
        .all_with(id, tags)
        .iter()
        .map(|&n| text_len(dom, n))
        .sum();
    inside as f64 / all as f64
}

/// Readability's `_cleanConditionally` for the elements named `tag` below `root`, the last
/// first (so a part inside another is weighed before it).
fn conditionally(dom: &mut Dom, root: NodeId, tag: &str, flags: Flags, data_tables: &[NodeId]) {
    if !flags.clean_conditionally {
        return;
    }
    for n in dom.all_with(root, &[tag]).into_iter().rev() {
        if !is_attached(dom, n, root) {
            continue;
        }
        if should_remove(dom, n, tag, flags, data_tables) {
            dom.detach(n);
        }
    }
}

fn is_attached(dom: &Dom, mut id: NodeId, root: NodeId) -> bool {
    while id != root {
        match dom.nodes[id].parent {
            Some(p) => id = p,
            None => return false,
        }
    }
    true
}

fn should_remove(dom: &Dom, n: NodeId, tag: &str, flags: Flags, data_tables: &[NodeId]) -> bool {
    let text = dom.text(n);
    let len = text.chars().count();
    let mut is_list = tag == "ul" || tag == "ol";
    if !is_list {
        let list_len: usize = dom
            .all_with(n, &["ul", "ol"])
            .iter()
            .map(|&l| text_len(dom, l))
            .sum();
        is_list = len > 0 && list_len as f64 / len as f64 > 0.9;
    }
    if data_tables.contains(&n)
        || in_data_table(dom, n, data_tables)
        || dom.has_ancestor(n, "code", None)
        || dom
            .all_with(n, &["table"])
            .iter()
            .any(|t| data_tables.contains(t))
    {
        return false;
    }
    let weight = if flags.weight_classes {
        class_weight(dom, n)
    } else {
        0.0
    };
    if weight < 0.0 {
        return true;
    }
    if commas(&text) >= 10 {
        return false;
    }
    let count = |tags: &[&str]| dom.all_with(n, tags).len();
    let p = count(&["p"]);
    let img = count(&["img"]);
    let li = count(&["li"]) as isize - 100;
    let input = count(&["input"]);
    let embeds = count(&["object", "embed", "iframe"]);
    if is_ad_or_loading(&text) {
        return true;
    }
    let heading_density = text_density(dom, n, &["h1", "h2", "h3", "h4", "h5", "h6"]);
    let link_density = link_density(dom, n);
    let mut textish: Vec<&str> = vec!["span", "li", "td"];
    textish.extend_from_slice(DIV_TO_P);
    let text_density = text_density(dom, n, &textish);
    let in_figure = dom.has_ancestor(n, "figure", None);
    let remove = (!in_figure && img > 1 && (p as f64 / img as f64) < 0.5)
        || (!is_list && li > p as isize)
        || (input > p / 3)
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && len < 25
            && (img == 0 || img > 2)
            && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || ((embeds == 1 && len < 75) || embeds > 1)
        || (img == 0 && text_density == 0.0);
    if is_list && remove {
        // A list of images stays.
        if dom
            .element_children(n)
            .iter()
            .any(|&c| dom.element_children(c).len() > 1)
        {
            return remove;
        }
        if img == count(&["li"]) {
            return false;
        }
    }
    remove
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article's blocks after cleaning, one a line.
    fn cleaned(html: &str) -> String {
        let mut dom = Dom::parse(html);
        let root = dom.find("article").unwrap();
        let flags = Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        };
        prepare_article(&mut dom, root, flags);
        let blocks = super::super::blocks::blocks(&dom, root, true);
        let texts: Vec<&str> = blocks.iter().map(super::super::Block::text).collect();
        texts.join("\n")
    }

    #[test]
    fn share_bars_link_lists_and_ads_go() {
        let text = cleaned(
            "<article><p>نص المقال الطويل بما يكفي.</p><div class=\"share-bar\"><a href=1>تويتر</a></div>\
             <ul><li><a href=2>خبر ذو صلة</a></li><li><a href=3>خبر آخر</a></li></ul>\
             <div>إعلان</div><aside>جانبي</aside></article>",
        );
        assert_eq!(text, "نص المقال الطويل بما يكفي.");
    }

    #[test]
    fn data_tables_and_prose_lists_stay() {
        let rows: String = (0..10)
            .map(|i| format!("<tr><td>{i}</td><td>قيمة</td></tr>"))
            .collect::<Vec<_>>()
            .concat();
        let text = cleaned(&format!(
            "<article><p>نص</p><table>{rows}</table><ul><li>بند أول من القائمة</li><li>بند ثان</li></ul></article>"
        ));
        assert!(
            text.contains("9\nقيمة") && text.contains("بند ثان"),
            "{text}"
        );
    }
}
