//! What a URL is, before it is subscribed to or saved: a feed (with its title), a web page that
//! links its feed (`<link rel="alternate" type="application/rss+xml" href=...>`, as browsers
//! and newsboat find it), a web page without one, or nothing that answered. `feeds add` adds
//! only a feed (the linked one for a page); `save` of a feed says so instead of saving its XML
//! as an article.

use super::feed;
use super::http::{Client, Fetched};
use super::{FetchError, FetchOptions};
use crate::html::dom::Dom;
use crate::store::Validators;

/// What a URL turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Probe {
    /// A feed: its URL (after redirects) and title.
    Feed { url: String, title: Option<String> },
    /// A web page linking the feed at `feed` (its title `title`).
    Linked { feed: String, title: Option<String> },
    /// Not a feed, and linking none: `why` it is not one.
    NotAFeed { why: String },
}

/// Why a URL could not be looked at.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("{url}: {source}")]
    Fetch { url: String, source: FetchError },
}

/// Fetches `url` and says what it is (a page's linked feed fetched and checked too).
pub fn probe(url: &str, options: &FetchOptions) -> Result<Probe, ProbeError> {
    let client = Client::new(options.clone());
    let get = |url: &str| match client.get(url, &Validators::default()) {
        Ok(Fetched::Body(body)) => Ok(body),
        Ok(Fetched::NotModified) => Err(ProbeError::Fetch {
            url: url.to_owned(),
            source: FetchError::Status(304),
        }),
        Err(source) => Err(ProbeError::Fetch {
            url: url.to_owned(),
            source,
        }),
    };
    let body = get(url)?;
    let why = match feed::parse(&body.bytes, &body.url) {
        Ok(parsed) => {
            return Ok(Probe::Feed {
                url: body.url,
                title: parsed.title,
            });
        }
        Err(why) => why,
    };
    let text = crate::html::decode(&body.bytes, body.content_type.as_deref());
    for link in feed_links(&text, &body.url) {
        let Ok(linked) = get(&link) else { continue };
        if let Ok(parsed) = feed::parse(&linked.bytes, &linked.url) {
            return Ok(Probe::Linked {
                feed: linked.url,
                title: parsed.title,
            });
        }
    }
    Ok(Probe::NotAFeed { why })
}

/// Whether `bytes` (fetched from `base`) are a feed.
pub fn is_feed(bytes: &[u8], base: &str) -> bool {
    feed::parse(bytes, base).is_ok()
}

/// The feeds a page links (`<link rel="alternate">` of a feed's type), as absolute URLs, in
/// the page's order.
pub fn feed_links(html: &str, base: &str) -> Vec<String> {
    const TYPES: [&str; 5] = [
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/rdf+xml",
        "application/json",
    ];
    let base = url::Url::parse(base).ok();
    let dom = Dom::parse(html);
    dom.descendants(0)
        .into_iter()
        .filter(|&n| dom.tag(n) == Some("link"))
        .filter(|&n| {
            dom.attr(n, "rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("alternate"))
            }) && dom
                .attr(n, "type")
                .is_some_and(|t| TYPES.iter().any(|k| t.trim().eq_ignore_ascii_case(k)))
        })
        .filter_map(|n| dom.attr(n, "href"))
        .filter_map(|href| match &base {
            Some(b) => b.join(href.trim()).ok().map(String::from),
            None => url::Url::parse(href.trim()).ok().map(String::from),
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_s_feed_links_are_found_and_made_absolute() {
        let page = r#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            <link rel="alternate" hreflang="en" href="/en/">
            <link rel="Alternate" type="application/atom+xml" href="https://x.org/atom">
            </head><body><p>نص</p></body></html>"#;
        assert_eq!(
            feed_links(page, "https://example.com/news/page.html"),
            ["https://example.com/rss.xml", "https://x.org/atom"]
        );
        assert!(feed_links("<p>no links</p>", "https://example.com/").is_empty());
    }
}
