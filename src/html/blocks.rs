//! An element's content as the blocks of an article: paragraphs, headings and list items, in
//! document order, inline markup flattened to its text. Navigation, forms, figures, scripts and
//! the like are left out, and so, inside an article, is a block that is mostly links (a list of
//! related stories). The direction an element declares (`dir`) is kept: a paragraph whose
//! declared direction differs from what its first strong letter says gets a mark (RLM or LRM)
//! in front, so Unicode's rule and qari's agree with the page.

use super::dom::{Data, Dom, NodeId, collapse};
use super::names::{BLOCKS, is_ad_or_loading, is_caption, is_share, link_density};

/// A block of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Item(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Paragraph(t) | Block::Item(t) => t,
        }
    }
}

/// Elements that are never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "nav", "aside",
    "form", "button", "input", "select", "textarea", "figure", "img", "video", "audio", "canvas",
    "footer", "menu", "dialog", "head", "title",
];

/// The kind of block the pending text will be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Heading,
    Paragraph,
    Item,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Rtl,
    Ltr,
}

/// Walks a subtree, collecting blocks.
struct Walker<'a> {
    dom: &'a Dom,
    /// Inside an extracted article: drop link lists and unlikely parts.
    clean: bool,
    blocks: Vec<Block>,
    text: String,
    kind: Kind,
    dir: Option<Dir>,
    /// How many `<a>` the walk is in, whether one links within the page (`#...`); the pending
    /// text's links, letters inside them, and inside links within the page.
    in_link: usize,
    in_hash_link: bool,
    /// For each block, whether it is a paragraph of nothing but a link.
    link_only: Vec<bool>,
    links: usize,
    link_chars: usize,
    hash_chars: usize,
}

/// The blocks of the element `root`. With `clean`, parts that look like navigation or link
/// lists are dropped too (for a page's extracted article, not for a feed's own content).
pub fn blocks(dom: &Dom, root: NodeId, clean: bool) -> Vec<Block> {
    let mut w = Walker {
        dom,
        clean,
        blocks: Vec::new(),
        text: String::new(),
        kind: Kind::Paragraph,
        dir: inherited_dir(dom, root),
        in_link: 0,
        in_hash_link: false,
        link_only: Vec::new(),
        links: 0,
        link_chars: 0,
        hash_chars: 0,
    };
    w.walk(root);
    w.flush();
    if clean {
        drop_link_runs(&mut w.blocks, &w.link_only);
    }
    w.blocks
}

/// Takes out runs of three or more paragraphs that are each only a link: a menu or a list of
/// stories laid out with `<br>`s or `<p>`s instead of a list.
fn drop_link_runs(blocks: &mut Vec<Block>, link_only: &[bool]) {
    let mut keep = vec![true; blocks.len()];
    let mut i = 0;
    while i < link_only.len() {
        let run = link_only[i..].iter().take_while(|&&l| l).count();
        if run >= 3 {
            keep[i..i + run].fill(false);
        }
        i += run.max(1);
    }
    let mut flags = keep.into_iter();
    blocks.retain(|_| flags.next().unwrap_or(true));
}

/// The direction declared on `id` or its nearest ancestor that declares one.
fn inherited_dir(dom: &Dom, mut id: NodeId) -> Option<Dir> {
    loop {
        if let Some(d) = declared_dir(dom, id) {
            return Some(d);
        }
        id = dom.nodes[id].parent?;
    }
}

fn declared_dir(dom: &Dom, id: NodeId) -> Option<Dir> {
    match dom.attr(id, "dir").map(str::to_ascii_lowercase).as_deref() {
        Some("rtl") => Some(Dir::Rtl),
        Some("ltr") => Some(Dir::Ltr),
        _ => None,
    }
}

impl Walker<'_> {
    fn walk(&mut self, id: NodeId) {
        let tag = match &self.dom.nodes[id].data {
            Data::Text(t) => {
                if self.in_link > 0 {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    self.link_chars += n;
                    if self.in_hash_link {
                        self.hash_chars += n;
                    }
                }
                self.text.push_str(t);
                return;
            }
            Data::Document => "",
            Data::Element { tag, .. } => tag.as_str(),
        };
        if SKIPPED.contains(&tag) {
            return;
        }
        if tag == "br" {
            self.flush();
            return;
        }
        if self.clean && is_caption(self.dom, id) {
            return;
        }
        let block = BLOCKS.contains(&tag);
        if block && self.clean && self.is_clutter(id, tag) {
            return;
        }
        let saved_dir = self.dir;
        if let Some(d) = declared_dir(self.dom, id) {
            if block {
                self.flush();
            }
            self.dir = Some(d);
        }
        if block {
            self.flush();
            self.kind = match tag {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
                "li" | "dt" | "dd" => Kind::Item,
                _ => Kind::Paragraph,
            };
        }
        let href = self.dom.attr(id, "href").filter(|_| tag == "a");
        let link = href.is_some_and(|h| !h.trim_start().starts_with("javascript:"));
        let hash = href.is_some_and(|h| h.starts_with('#'));
        self.in_link += usize::from(link);
        self.links += usize::from(link);
        let saved_hash = self.in_hash_link;
        self.in_hash_link |= hash;
        for &c in &self.dom.nodes[id].children {
            self.walk(c);
        }
        self.in_hash_link = saved_hash;
        self.in_link -= usize::from(link);
        if block {
            self.flush();
        }
        self.dir = saved_dir;
    }

    /// Inside an article: a part that is mostly links, or named like navigation or sharing.
    fn is_clutter(&self, id: NodeId, tag: &str) -> bool {
        if matches!(
            tag,
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th"
        ) {
            return false;
        }
        if is_share(self.dom, id) {
            return true;
        }
        matches!(tag, "ul" | "ol" | "div" | "section" | "table" | "dl")
            && link_density(self.dom, id) > 0.5
    }

    fn flush(&mut self) {
        let text = collapse(&self.text);
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        let hash_chars = std::mem::take(&mut self.hash_chars);
        let links = std::mem::take(&mut self.links);
        if text.is_empty() {
            return;
        }
        // Inside an article, a paragraph that is all links to places on the page ("back to
        // top") or a row of short links ("print | send to a friend") is not text. (A paragraph
        // of one longer link is kept: articles link their sources that way.)
        let letters = text.chars().filter(|c| !c.is_whitespace()).count();
        if self.clean
            && self.kind == Kind::Paragraph
            && (is_ad_or_loading(&text)
                || hash_chars * 10 >= letters * 8
                || (links >= 2 && link_chars * 10 >= letters * 8 && letters <= 20 * links))
        {
            self.kind = Kind::Paragraph;
            return;
        }
        self.link_only
            .push(self.kind == Kind::Paragraph && link_chars * 10 >= letters * 9);
        let text = match (self.dir, first_strong(&text)) {
            (Some(Dir::Rtl), Some(Dir::Ltr)) => format!("\u{200F}{text}"),
            (Some(Dir::Ltr), Some(Dir::Rtl)) => format!("\u{200E}{text}"),
            _ => text,
        };
        self.blocks.push(match self.kind {
            Kind::Heading => Block::Heading(text),
            Kind::Paragraph => Block::Paragraph(text),
            Kind::Item => Block::Item(text),
        });
        self.kind = Kind::Paragraph;
    }
}

/// The direction of the first strong letter of `text` (UAX #9's P2).
fn first_strong(text: &str) -> Option<Dir> {
    use unicode_bidi::BidiClass;
    text.chars()
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            BidiClass::L => Some(Dir::Ltr),
            BidiClass::R | BidiClass::AL => Some(Dir::Rtl),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(html: &str, clean: bool) -> Vec<Block> {
        let dom = Dom::parse(html);
        blocks(&dom, dom.find("body").unwrap_or(0), clean)
    }

    #[test]
    fn paragraphs_headings_and_items() {
        let b = of(
            "<body><h2>عنوان فرعي</h2><p>فقرة <b>أولى</b> <a href=x>برابط</a></p>نص حر<br>بعد السطر<ul><li>بند</li></ul><script>x()</script></body>",
            false,
        );
        assert_eq!(
            b,
            vec![
                Block::Heading("عنوان فرعي".into()),
                Block::Paragraph("فقرة أولى برابط".into()),
                Block::Paragraph("نص حر".into()),
                Block::Paragraph("بعد السطر".into()),
                Block::Item("بند".into()),
            ]
        );
    }

    #[test]
    fn link_lists_and_navigation_are_dropped_when_cleaning() {
        let html = "<body><p>نص المقال</p><div class=\"share-buttons\">شارك</div><ul><li><a href=1>خبر ذو صلة</a></li><li><a href=2>خبر آخر</a></li></ul><nav>القائمة</nav><p class=\"wp-caption-text\">صورة أرشيفية</p><p><a href=\"#top\">إلى الأعلى</a></p><p>إعلان</p></body>";
        assert_eq!(of(html, true), vec![Block::Paragraph("نص المقال".into())]);
        assert_eq!(of(html, false).len(), 7);
    }

    #[test]
    fn declared_direction_is_kept() {
        let b = of(
            "<body dir=\"rtl\"><p>Linux هو نظام</p><p dir=\"ltr\">English</p><p>عربي</p></body>",
            false,
        );
        assert_eq!(b[0].text(), "\u{200F}Linux هو نظام");
        assert_eq!(b[1].text(), "English");
        assert_eq!(b[2].text(), "عربي");
    }
}
