//! Changing the tree, as extraction does on its own copy of a page: detaching a node, renaming
//! an element, wrapping children in a new element, putting one node in another's place. A
//! detached node keeps its subtree but has no parent, so no walk from the root reaches it.

use super::dom::{Data, Dom, Node, NodeId};

impl Dom {
    /// A new element, not yet in the tree.
    pub fn create(&mut self, tag: &str) -> NodeId {
        self.nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data: Data::Element {
                tag: tag.to_owned(),
                attrs: Vec::new(),
            },
        });
        self.nodes.len() - 1
    }

    /// Takes `id` out of its parent's children.
    pub fn detach(&mut self, id: NodeId) {
        if let Some(p) = self.nodes[id].parent.take() {
            self.nodes[p].children.retain(|&c| c != id);
        }
    }

    /// Moves `child` to the end of `parent`'s children.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        self.nodes[child].parent = Some(parent);
        self.nodes[parent].children.push(child);
    }

    /// Puts `new` where `old` is (`old` is detached).
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        self.detach(new);
        let Some(p) = self.nodes[old].parent.take() else {
            return;
        };
        if let Some(at) = self.nodes[p].children.iter().position(|&c| c == old) {
            self.nodes[p].children[at] = new;
            self.nodes[new].parent = Some(p);
        }
    }

    /// Renames an element.
    pub fn set_tag(&mut self, id: NodeId, name: &str) {
        if let Data::Element { tag, .. } = &mut self.nodes[id].data {
            name.clone_into(tag);
        }
    }

    /// Gives `to` the attributes of `from` when it has none of its own (a `<div>` replaced by
    /// the paragraph made of its text keeps its class and id, so a share bar is still one).
    pub fn inherit_attrs(&mut self, from: NodeId, to: NodeId) {
        let Data::Element { attrs, .. } = &self.nodes[from].data else {
            return;
        };
        let attrs = attrs.clone();
        if let Data::Element { attrs: own, .. } = &mut self.nodes[to].data
            && own.is_empty()
        {
            *own = attrs;
        }
    }

    /// Sets an attribute of an element.
    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let Data::Element { attrs, .. } = &mut self.nodes[id].data {
            attrs.retain(|(k, _)| k != name);
            attrs.push((name.to_owned(), value.to_owned()));
        }
    }

    /// The element children of `id`.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| self.tag(c).is_some())
            .collect()
    }

    /// The elements named one of `tags` below `id` (not itself), in document order.
    pub fn all_with(&self, id: NodeId, tags: &[&str]) -> Vec<NodeId> {
        self.descendants(id)
            .into_iter()
            .skip(1)
            .filter(|&n| self.tag(n).is_some_and(|t| tags.contains(&t)))
            .collect()
    }

    /// Whether an ancestor of `id` (within `depth` levels, all when `None`) is a `tag`.
    pub fn has_ancestor(&self, id: NodeId, tag: &str, depth: Option<usize>) -> bool {
        let mut n = self.nodes[id].parent;
        let mut level = 0;
        while let Some(p) = n {
            if depth.is_some_and(|d| level >= d) {
                return false;
            }
            if self.tag(p) == Some(tag) {
                return true;
            }
            n = self.nodes[p].parent;
            level += 1;
        }
        false
    }

    /// Whether `id` is text of white space only, or a `<br>`.
    pub fn is_blank(&self, id: NodeId) -> bool {
        match &self.nodes[id].data {
            Data::Text(t) => t.trim().is_empty(),
            _ => self.tag(id) == Some("br"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_append_replace() {
        let mut dom = Dom::parse("<div><p>أ</p><p>ب</p></div>");
        let div = dom.find("div").unwrap();
        let ps = dom.element_children(div);
        let wrap = dom.create("section");
        dom.replace(ps[0], wrap);
        dom.append(wrap, ps[0]);
        assert_eq!(dom.tag(dom.element_children(div)[0]), Some("section"));
        assert_eq!(dom.text(div), "أب");
        dom.detach(ps[1]);
        assert_eq!(dom.text(div), "أ");
        dom.set_tag(wrap, "p");
        assert_eq!(dom.all_with(div, &["p"]).len(), 2);
        assert!(dom.has_ancestor(ps[0], "div", None));
        assert!(!dom.has_ancestor(ps[0], "div", Some(1)));
    }
}
