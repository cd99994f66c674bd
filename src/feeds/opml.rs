//! OPML, the list of feeds other readers (newsboat, Thunderbird, Feedly) import and export:
//! every `<outline>` with an `xmlUrl` is a feed, whatever folders nest it, named by its `title`
//! (else its `text`). Read with the HTML tokenizer qari has already (attribute names come
//! lowercased, entities decoded), written by hand with the five XML escapes.

use std::fmt::Write as _;

use crate::config::FeedConfig;
use crate::html::dom::Dom;

/// The feeds of an OPML document, in its order (a name left empty when it gives none).
pub fn parse(text: &str) -> Vec<FeedConfig> {
    let dom = Dom::parse(text);
    dom.descendants(0)
        .into_iter()
        .filter(|&n| dom.tag(n) == Some("outline"))
        .filter_map(|n| {
            let url = dom.attr(n, "xmlurl")?.trim();
            let name = [dom.attr(n, "title"), dom.attr(n, "text")]
                .into_iter()
                .flatten()
                .map(str::trim)
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            (!url.is_empty()).then(|| FeedConfig {
                url: url.to_owned(),
                name: name.to_owned(),
                folder: None,
            })
        })
        .collect()
}

/// `feeds` as an OPML 2.0 document.
pub fn write(feeds: &[FeedConfig]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>qari feeds</title></head>\n  <body>\n",
    );
    for f in feeds {
        let name = escape(&f.name);
        let _ = writeln!(
            out,
            "    <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"/>",
            escape(&f.url)
        );
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_round_trip_through_opml_and_folders_are_looked_into() {
        let feeds = vec![
            FeedConfig {
                url: "https://example.com/rss?a=1&b=2".to_owned(),
                name: "صحيفة \"الوئام\" <عاجل>".to_owned(),
                folder: None,
            },
            FeedConfig {
                url: "https://x.org/atom.xml".to_owned(),
                name: "X & Y".to_owned(),
                folder: None,
            },
        ];
        assert_eq!(parse(&write(&feeds)), feeds);
        let newsboat = r#"<?xml version="1.0"?><opml version="1.0"><body>
            <outline text="News"><outline type="rss" text="BBC عربي" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml" htmlUrl="https://bbc.com/arabic"/></outline>
            <outline text="no feed here"/>
            <outline xmlUrl="https://b.org/feed"/></body></opml>"#;
        let got = parse(newsboat);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "BBC عربي");
        assert_eq!(got[0].url, "https://feeds.bbci.co.uk/arabic/rss.xml");
        assert_eq!(
            (got[1].name.as_str(), got[1].url.as_str()),
            ("", "https://b.org/feed")
        );
    }
}
