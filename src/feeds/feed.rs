//! A feed's bytes as items, through feed-rs (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed): each
//! item's GUID (none is made up: an item without one is known by its URL), its link made
//! absolute, its title as plain text, author, date, and its content, full (`content:encoded`,
//! Atom `content`, JSON Feed `content_html`) or only a summary.

use super::article::format_time;
use super::html::{self, Block};

/// An item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item's own id in its feed; empty when it has none.
    pub guid: String,
    /// The article's URL, absolute and without its fragment.
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub date: Option<String>,
    /// The full text, when the feed carries it.
    pub content: Option<Vec<Block>>,
    /// A summary (or, in many RSS feeds, the text itself).
    pub summary: Option<Vec<Block>>,
}

/// A feed, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// Parses a feed fetched from `base` (for relative links).
pub fn parse(bytes: &[u8], base: &str) -> Result<Parsed, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        // No made-up ids: an item without one is known by its URL alone, so a changed title
        // does not make it new.
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(bytes)
        .map_err(|e| format!("not a feed: {e}"))?;
    let base_url = url::Url::parse(base).ok();
    let items = feed
        .entries
        .into_iter()
        .map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| resolve(base_url.as_ref(), &l.href));
            let content = e.content.and_then(|c| {
                let body = c.body?;
                let blocks = if c.content_type.subty() == "plain" {
                    plain_blocks(&body)
                } else {
                    html::fragment(&body)
                };
                (!blocks.is_empty()).then_some(blocks)
            });
            let summary = e.summary.and_then(|s| {
                let blocks = if s.content_type.subty() == "plain" && !s.content.contains('<') {
                    plain_blocks(&s.content)
                } else {
                    html::fragment(&s.content)
                };
                (!blocks.is_empty()).then_some(blocks)
            });
            Item {
                guid: e.id.trim().to_owned(),
                url,
                title: e.title.map(|t| html::plain(&t.content)).unwrap_or_default(),
                author: e
                    .authors
                    .iter()
                    .find_map(|p| p.name.as_deref().map(html::plain).filter(|n| !n.is_empty())),
                date: e.published.or(e.updated).map(format_time),
                content,
                summary,
            }
        })
        .collect();
    Ok(Parsed {
        title: feed
            .title
            .map(|t| html::plain(&t.content))
            .filter(|t| !t.is_empty()),
        items,
    })
}

/// Plain text as paragraphs: blank-line-separated blocks (a single line break joins).
fn plain_blocks(text: &str) -> Vec<Block> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(super::article::one_line)
        .filter(|p| !p.is_empty())
        .map(Block::Paragraph)
        .collect()
}

/// `href` made absolute against `base`, without its fragment.
fn resolve(base: Option<&url::Url>, href: &str) -> String {
    let joined = match base {
        Some(b) => b.join(href.trim()).ok(),
        None => url::Url::parse(href.trim()).ok(),
    };
    match joined {
        Some(mut u) => {
            u.set_fragment(None);
            u.to_string()
        }
        None => href.trim().to_owned(),
    }
}

/// A URL as it is compared to know an item saved already: parsed (so case and escapes of the
/// host and path are the same), without its fragment or `utm_` tracking parameters.
pub fn normalize_url(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url.trim()) else {
        return url.trim().to_owned();
    };
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| !k.starts_with("utm_"))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    u.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_with_cdata_and_entities() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>الوئام</title><link>http://127.0.0.1/</link><description>أخبار</description>
<item><title><![CDATA[خبر «مهم» & عاجل]]></title><link>/348456/خبر#top</link>
<guid isPermaLink="false">id-1</guid><dc:creator>الرياض-الوئام</dc:creator>
<pubDate>Tue, 21 Jul 2015 02:17:15 +0300</pubDate>
<description>ملخص &amp; قصير</description>
<content:encoded><![CDATA[<p>الفقرة الأولى</p><p>الفقرة &quot;الثانية&quot;</p>]]></content:encoded></item>
<item><title>بلا معرف</title><link>http://127.0.0.1/2</link><description>&lt;p&gt;ملخص فقط&lt;/p&gt;</description></item>
</channel></rss>"#;
        let feed = parse(xml.as_bytes(), "http://127.0.0.1/feed.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("الوئام"));
        let a = &feed.items[0];
        assert_eq!(a.guid, "id-1");
        assert_eq!(a.title, "خبر «مهم» & عاجل");
        assert_eq!(
            a.url.as_deref(),
            Some("http://127.0.0.1/348456/%D8%AE%D8%A8%D8%B1")
        );
        assert_eq!(a.author.as_deref(), Some("الرياض-الوئام"));
        assert_eq!(a.date.as_deref(), Some("2015-07-20 23:17"));
        let content: Vec<&str> = a
            .content
            .as_ref()
            .unwrap()
            .iter()
            .map(Block::text)
            .collect();
        assert_eq!(content, vec!["الفقرة الأولى", "الفقرة \"الثانية\""]);
        let b = &feed.items[1];
        assert_eq!(b.guid, "");
        assert!(b.content.is_none());
        assert_eq!(b.summary.as_ref().unwrap()[0].text(), "ملخص فقط");
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة</title><id>urn:f</id>
<entry><id>urn:1</id><title type="html">عنوان &lt;i&gt;مائل&lt;/i&gt;</title><link href="http://127.0.0.1/a"/>
<updated>2015-07-21T10:00:00Z</updated><author><name>سارة</name></author>
<content type="html">&lt;p&gt;نص كامل&lt;/p&gt;</content></entry></feed>"#;
        let feed = parse(atom.as_bytes(), "http://127.0.0.1/atom.xml").unwrap();
        let e = &feed.items[0];
        assert_eq!((e.guid.as_str(), e.title.as_str()), ("urn:1", "عنوان مائل"));
        assert_eq!(e.content.as_ref().unwrap()[0].text(), "نص كامل");
        assert_eq!(e.date.as_deref(), Some("2015-07-21 10:00"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"جيسون",
"items":[{"id":"j1","url":"http://127.0.0.1/j1","title":"خبر","content_text":"سطر أول\n\nسطر ثان"}]}"#;
        let feed = parse(json.as_bytes(), "http://127.0.0.1/feed.json").unwrap();
        let texts: Vec<&str> = feed.items[0]
            .content
            .as_ref()
            .unwrap()
            .iter()
            .map(Block::text)
            .collect();
        assert_eq!(texts, vec!["سطر أول", "سطر ثان"]);
    }

    #[test]
    fn rss_091_and_10() {
        let rss091 = r#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="0.91"><channel>
<title>Old</title><link>http://127.0.0.1/</link><description>d</description>
<item><title>First &amp; only</title><link>http://127.0.0.1/old/1</link><description>Short text.</description></item>
</channel></rss>"#;
        let feed = parse(rss091.as_bytes(), "http://127.0.0.1/old.xml").unwrap();
        assert_eq!(feed.items[0].title, "First & only");
        assert_eq!(
            feed.items[0].summary.as_ref().unwrap()[0].text(),
            "Short text."
        );
        let rdf = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://127.0.0.1/"><title>آر دي إف</title><link>http://127.0.0.1/</link><description>d</description></channel>
<item rdf:about="http://127.0.0.1/rdf/1"><title>بند</title><link>http://127.0.0.1/rdf/1</link><description>وصف البند</description></item>
</rdf:RDF>"#;
        let feed = parse(rdf.as_bytes(), "http://127.0.0.1/rdf.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("آر دي إف"));
        assert_eq!(feed.items[0].title, "بند");
        assert_eq!(feed.items[0].url.as_deref(), Some("http://127.0.0.1/rdf/1"));
    }

    #[test]
    fn a_feed_in_windows_1256() {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>الرياض</title><item><title>خبر محلي</title><guid>w1</guid><description>نص الخبر</description></item></channel></rss>";
        let bytes = encoding_rs::WINDOWS_1256.encode(xml).0;
        let feed = parse(&bytes, "http://127.0.0.1/w.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("الرياض"));
        assert_eq!(feed.items[0].title, "خبر محلي");
    }

    #[test]
    fn urls_compare_without_fragment_or_tracking() {
        assert_eq!(
            normalize_url("HTTP://Example.COM/a?utm_source=rss&id=3#top"),
            "http://example.com/a?id=3"
        );
        assert_eq!(
            normalize_url("http://example.com/a?utm_medium=x"),
            "http://example.com/a"
        );
        assert_eq!(normalize_url(" not a url "), "not a url");
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse(b"<rss><channel><item><title>x</item>", "http://127.0.0.1/").is_err());
        assert!(parse(b"not a feed", "http://127.0.0.1/").is_err());
    }
}
