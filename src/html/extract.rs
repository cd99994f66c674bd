//! Finding the article in a web page, as the best extractors do it (trafilatura's cascade):
//! several candidates and a choice between them. The main one is Mozilla Readability's
//! scorer ([`super::readability`]); when it gives little or nothing while the page has much
//! more good text, the text-density extractor ([`super::density`]) is taken instead; and the
//! `articleBody` of the page's JSON-LD stands in when both miss most of the article it gives.
//! Whatever is taken then loses the link lists and share bars left in it ([`super::blocks`]).
//! A page where all of them find nothing gives its body's text, else its description.

use serde_json::Value;

use super::blocks::{self, Block};
use super::density;
use super::dom::Dom;
use super::readability;

/// Text under this many characters is not an article by itself when more is on the page.
const SHORT: usize = 250;

/// The article's blocks; the page's body text when no extractor finds one.
pub fn article(dom: &Dom, ld: Option<&Value>) -> Vec<Block> {
    let mut base = dom.clone();
    readability::prepare(&mut base);
    let read = readability::article(&base)
        .map(|f| blocks::blocks(&f.dom, f.root, true))
        .unwrap_or_default();
    let dense = density::article(&base);
    let mut chosen = choose(read, dense);
    if let Some(body) = ld.and_then(ld_body)
        && len(&body) >= 2 * len(&chosen).max(50)
    {
        chosen = body;
    }
    // Nothing found: the body's text, cleaned, else as it is, else what the page says of
    // itself (its description), so that a page with any text never saves empty.
    let body = dom.find("body").unwrap_or(0);
    if chosen.is_empty() {
        chosen = blocks::blocks(dom, body, true);
    }
    if chosen.is_empty() {
        chosen = blocks::blocks(dom, body, false);
    }
    if chosen.is_empty()
        && let Some(d) = super::meta::meta(
            dom,
            &["og:description", "description", "twitter:description"],
        )
        .or_else(|| ld.and_then(|v| super::meta::ld_text(v, "description")))
    {
        chosen.push(Block::Paragraph(d));
    }
    chosen
}

fn len(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text().chars().count()).sum()
}

/// Readability's article, unless it is short (or a small part) beside the good text the
/// density extractor finds.
fn choose(read: Vec<Block>, dense: Vec<Block>) -> Vec<Block> {
    let (r, d) = (len(&read), len(&dense));
    if r == 0 || (r < SHORT && d >= 2 * r) || (d > 3 * r && d >= 1000) {
        return dense;
    }
    read
}

/// JSON-LD's `articleBody`: HTML or plain text, a paragraph a line.
fn ld_body(ld: &Value) -> Option<Vec<Block>> {
    let body = ld.get("articleBody")?.as_str()?;
    let blocks = if body.contains("</p>") {
        super::fragment(body)
    } else {
        body.lines()
            .map(super::plain)
            .filter(|l| !l.is_empty())
            .map(Block::Paragraph)
            .collect()
    };
    (!blocks.is_empty()).then_some(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        let ld = super::super::meta::json_ld(&dom);
        article(&dom, ld.as_ref())
            .iter()
            .map(|b| b.text().to_owned())
            .collect()
    }

    #[test]
    fn a_teaser_does_not_win_over_the_body() {
        let long = "قال المتحدث إن الاجتماع سيعقد في الرياض الأسبوع المقبل، بحضور وزراء الخارجية العرب وممثلين عن الأمم المتحدة والجامعة العربية.";
        let body = format!("<span><p>{long}</p></span>").repeat(8);
        let html = format!(
            "<body><div class=\"post-content\"><p>إعلان</p></div><div>{body}</div><a href=#top>إلى الأعلى</a></body>"
        );
        let t = texts(&html);
        assert_eq!(t.iter().filter(|t| *t == long).count(), 8, "{t:?}");
    }

    #[test]
    fn a_page_of_links_only_still_gives_its_description() {
        let html = r#"<head><meta name="description" content="وصف الصفحة كما تقدمه"></head><body><div><a href="/a">أ</a> <a href="/b">ب</a></div></body>"#;
        assert_eq!(texts(html), vec!["أ ب"]);
        let html = r#"<head><meta property="og:description" content="وصف الصفحة كما تقدمه"></head><body><script>app()</script></body>"#;
        assert_eq!(texts(html), vec!["وصف الصفحة كما تقدمه"]);
    }

    #[test]
    fn json_ld_body_when_the_page_hides_it() {
        let html = r#"<head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتكون فقرة من مقال حقيقي يقرؤه الناس.\nالفقرة الثانية من الخبر، وفيها تفاصيل أخرى عن الحدث الذي وقع أمس في المدينة القديمة.\nالفقرة الثالثة والأخيرة، وفيها ما قاله الشهود عن الحادث وما تلاه من إجراءات."}</script></head><body><div id="app"><p>جار التحميل</p></div></body>"#;
        let t = texts(html);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[2].starts_with("الفقرة الثالثة"));
    }
}
