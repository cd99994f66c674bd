//! A small tree built from html5gum's tokens: enough of HTML's tree construction for reading an
//! article (void elements, a `<p>` or `<li>` closed by the next block, stray end tags ignored),
//! not a browser's. The text of `script`, `style` and their kind never enters the tree, so no
//! script or style can reach an article, let alone the terminal.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// A node's index in [`Dom::nodes`]; the document is node 0.
pub type NodeId = usize;

#[derive(Clone, Debug)]
pub enum Data {
    Document,
    Element {
        /// Lower case.
        tag: String,
        /// Names in lower case, values with character references decoded.
        attrs: Vec<(String, String)>,
    },
    /// Text, character references decoded.
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: Data,
}

/// A parsed page.
#[derive(Clone, Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The deepest nesting kept: elements deeper than this are flattened into their ancestor at this
/// depth, so that a hostile page of nested tags cannot exhaust the stack of the walks below.
const MAX_DEPTH: usize = 200;

/// Elements whose text is never article text.
pub(super) const DROPPED_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "textarea",
    "svg",
    "math",
    "object",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "select",
];

/// Block elements that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Dom {
    /// Parses `html` (already decoded).
    pub fn parse(html: &str) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                data: Data::Document,
            }],
        };
        let mut open: Vec<NodeId> = vec![0];
        let mut emitter = DefaultEmitter::default();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = lossy(&tag.name.0).to_ascii_lowercase();
                    dom.close_implied(&mut open, &name);
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| (lossy(&k.0).to_ascii_lowercase(), lossy(&v.value.0)))
                        .collect();
                    let parent = *open.last().unwrap_or(&0);
                    let id = dom.push(parent, Data::Element { tag: name, attrs });
                    let void = VOID.contains(&dom.tag(id).unwrap_or_default());
                    if !void && !tag.self_closing && open.len() < MAX_DEPTH {
                        open.push(id);
                    }
                }
                Token::EndTag(tag) => {
                    let name = lossy(&tag.name.0).to_ascii_lowercase();
                    if let Some(at) = open.iter().rposition(|&n| dom.tag(n) == Some(&name)) {
                        open.truncate(at.max(1));
                    }
                }
                Token::String(text) => {
                    let parent = *open.last().unwrap_or(&0);
                    // A JSON-LD script is kept (its text is data for the metadata and a
                    // candidate body, never shown: text walks skip scripts).
                    if dom.tag(parent).is_some_and(|t| DROPPED_TEXT.contains(&t))
                        && !dom.is_json_ld(parent)
                    {
                        continue;
                    }
                    let text = lossy(&text.value.0);
                    // Adjacent text (split by a comment, say) is one node.
                    if let Some(&last) = dom.nodes[parent].children.last()
                        && let Data::Text(t) = &mut dom.nodes[last].data
                    {
                        t.push_str(&text);
                    } else {
                        dom.push(parent, Data::Text(text));
                    }
                }
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
        dom
    }

    fn push(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// The open elements a new `name` closes: a `<p>` before a block, an `<li>` before the
    /// next item of its list, a cell before the next cell or row.
    fn close_implied(&self, open: &mut Vec<NodeId>, name: &str) {
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        let top = |open: &Vec<NodeId>| open.last().and_then(|&n| self.tag(n));
        // A block closes the innermost open `<p>`, unless a block was opened inside that `<p>`
        // (then the new block belongs to it).
        if (CLOSES_P.contains(&name) || closes.contains(&"li"))
            && let Some(at) = open.iter().rposition(|&n| self.tag(n) == Some("p"))
            && open[at + 1..]
                .iter()
                .all(|&n| !self.tag(n).is_some_and(|t| CLOSES_P.contains(&t)))
        {
            open.truncate(at);
        }
        while top(open).is_some_and(|t| closes.contains(&t)) {
            open.pop();
        }
    }

    /// The tag of an element node.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// Whether `id` is a `<script type="application/ld+json">`.
    pub fn is_json_ld(&self, id: NodeId) -> bool {
        self.tag(id) == Some("script")
            && self
                .attr(id, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    }

    /// An attribute of an element node.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Every element below `id` (itself included), in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The first element named `tag`, in document order.
    pub fn find(&self, tag: &str) -> Option<NodeId> {
        self.descendants(0)
            .into_iter()
            .find(|&n| self.tag(n) == Some(tag))
    }

    /// The text below `id`, white space collapsed, without dropped elements.
    pub fn text(&self, id: NodeId) -> String {
        let mut raw = String::new();
        self.collect_text(id, &mut raw);
        collapse(&raw)
    }

    fn collect_text(&self, id: NodeId, out: &mut String) {
        match &self.nodes[id].data {
            Data::Text(t) => out.push_str(t),
            Data::Element { tag, .. } if DROPPED_TEXT.contains(&tag.as_str()) => {}
            Data::Element { tag, .. } if tag == "br" => out.push(' '),
            _ => {
                for &c in &self.nodes[id].children {
                    self.collect_text(c, out);
                }
            }
        }
    }
}

/// White space runs as one space, trimmed; control characters dropped.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c.is_control() {
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_ends_and_void_elements() {
        let dom = Dom::parse(
            "<body><p>أول<p>ثان<br>سطر<div>كتلة</div><ul><li>أ<li>ب</ul><script>alert(1)</script></body>",
        );
        let ps: Vec<NodeId> = dom
            .descendants(0)
            .into_iter()
            .filter(|&n| dom.tag(n) == Some("p"))
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text(ps[0]), "أول");
        assert_eq!(dom.text(ps[1]), "ثان سطر");
        let lis: Vec<String> = dom
            .descendants(0)
            .into_iter()
            .filter(|&n| dom.tag(n) == Some("li"))
            .map(|n| dom.text(n))
            .collect();
        assert_eq!(lis, vec!["أ", "ب"]);
        assert!(!dom.text(0).contains("alert"));
    }

    #[test]
    fn entities_and_attributes() {
        let dom = Dom::parse("<p class=\"Lead\" DIR=rtl>&laquo;قال&raquo; &amp; &#1587;</p>");
        let p = dom.find("p").unwrap();
        assert_eq!(dom.attr(p, "dir"), Some("rtl"));
        assert_eq!(dom.attr(p, "class"), Some("Lead"));
        assert_eq!(dom.text(p), "«قال» & س");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = format!(
            "{}نص عميق{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let dom = Dom::parse(&html);
        assert_eq!(dom.text(0), "نص عميق");
        let page = super::super::extract(&html);
        assert_eq!(page.blocks.len(), 1);
    }

    #[test]
    fn collapse_spaces_and_controls() {
        assert_eq!(collapse("  a \n\t b\u{1b}[2J "), "a b[2J");
    }
}
