//! What a page says about its article outside the text: `<meta>` tags (Open Graph, Dublin
//! Core, `article:`...), the JSON-LD block of schema.org (`headline`, `author`,
//! `datePublished`, `articleBody`), `<time datetime>`, and the `<title>` or `<h1>`.

use serde_json::Value;

use super::dom::{self, Dom};

/// The first non-empty `<meta>` content among `names` (matched against `name`, `property`
/// and `itemprop`, case-insensitively), in the order of `names`.
pub fn meta(dom: &Dom, names: &[&str]) -> Option<String> {
    let metas: Vec<_> = dom
        .descendants(0)
        .into_iter()
        .filter(|&n| dom.tag(n) == Some("meta"))
        .collect();
    names.iter().find_map(|want| {
        metas.iter().find_map(|&m| {
            let is_wanted = ["name", "property", "itemprop"].iter().any(|a| {
                dom.attr(m, a)
                    .is_some_and(|v| v.split_whitespace().any(|v| v.eq_ignore_ascii_case(want)))
            });
            let content = dom::collapse(dom.attr(m, "content")?);
            (is_wanted && !content.is_empty()).then_some(content)
        })
    })
}

/// The schema.org object of the page's article in its JSON-LD, if it has one: the first object
/// (at the top, in a list, or in an `@graph`) whose `@type` is an article's.
pub fn json_ld(dom: &Dom) -> Option<Value> {
    dom.descendants(0)
        .into_iter()
        .filter(|&n| dom.is_json_ld(n))
        .filter_map(|n| {
            let text: String = dom.nodes[n]
                .children
                .iter()
                .filter_map(|&c| match &dom.nodes[c].data {
                    dom::Data::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            serde_json::from_str::<Value>(text.trim()).ok()
        })
        .find_map(|v| find_article(&v, 0))
}

fn find_article(v: &Value, depth: usize) -> Option<Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            let typed = match o.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                }
                _ => false,
            };
            if typed {
                return Some(v.clone());
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// schema.org's article types (`NewsArticle`, `BlogPosting`, `ReportageNewsArticle`...).
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "APIReference"
}

/// A text field of a JSON-LD object: a string, or the `name` of an object, or the first of a
/// list of those.
pub fn ld_text(v: &Value, key: &str) -> Option<String> {
    fn text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(dom::collapse(s)),
            Value::Object(o) => o.get("name").and_then(text),
            Value::Array(a) => a.iter().find_map(text),
            _ => None,
        }
    }
    v.get(key).and_then(text).filter(|s| !s.is_empty())
}

/// The page's title: `og:title`, else the JSON-LD headline, else the one `<h1>` when there is
/// exactly one, else `<title>`.
pub fn title(dom: &Dom, ld: Option<&Value>) -> String {
    if let Some(t) = meta(dom, &["og:title", "twitter:title"])
        .or_else(|| ld.and_then(|v| ld_text(v, "headline")))
    {
        return t;
    }
    let h1s: Vec<_> = dom
        .descendants(0)
        .into_iter()
        .filter(|&n| dom.tag(n) == Some("h1"))
        .collect();
    if let [h1] = h1s[..] {
        let t = dom.text(h1);
        if !t.is_empty() {
            return t;
        }
    }
    dom.find("title").map(|t| dom.text(t)).unwrap_or_default()
}

/// The author: a `<meta>` (not a link to a profile), else JSON-LD's.
pub fn author(dom: &Dom, ld: Option<&Value>) -> Option<String> {
    meta(dom, &["author", "article:author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.and_then(|v| ld_text(v, "author")))
        .filter(|a| !a.starts_with("http"))
}

/// The date of publication, as the page gives it.
pub fn date(dom: &Dom, ld: Option<&Value>) -> Option<String> {
    meta(
        dom,
        &[
            "article:published_time",
            "date",
            "pubdate",
            "dc.date",
            "dc.date.issued",
            "datepublished",
        ],
    )
    .or_else(|| ld.and_then(|v| ld_text(v, "datePublished")))
    .or_else(|| {
        let time = dom.find("time")?;
        dom.attr(time, "datetime").map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_gives_what_meta_does_not() {
        let dom = Dom::parse(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"عنوان الخبر","author":[{"@type":"Person","name":"سارة"}],"datePublished":"2024-03-01T08:00:00+03:00"}]}</script></head><body><p>نص</p></body>"#,
        );
        let ld = json_ld(&dom);
        assert_eq!(title(&dom, ld.as_ref()), "عنوان الخبر");
        assert_eq!(author(&dom, ld.as_ref()).as_deref(), Some("سارة"));
        assert_eq!(
            date(&dom, ld.as_ref()).as_deref(),
            Some("2024-03-01T08:00:00+03:00")
        );
        // The script's text is data, never text.
        assert_eq!(dom.text(0), "نص");
    }
}
