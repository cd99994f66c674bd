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
    dom.find("title")
        .map(|t| without_site(&dom.text(t)))
        .unwrap_or_default()
}

/// Whether a short line (six words at most) is only the date `date` (ISO, `2009-08-03...`)
/// written out: it has the date's year and day among its numbers, in any digits.
pub fn is_dateline(line: &str, date: &str) -> bool {
    let numbers = |s: &str| -> Vec<u32> {
        s.split(|c: char| !c.is_numeric())
            .filter(|w| !w.is_empty())
            .filter_map(|w| {
                w.chars()
                    .map(|c| {
                        let c = match c {
                            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x30),
                            '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + 0x30),
                            c => Some(c),
                        };
                        c.and_then(|c| c.to_digit(10))
                    })
                    .try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d?))
            })
            .collect()
    };
    let of_date = numbers(date.get(..10).unwrap_or(date));
    let [year, _, day] = of_date[..] else {
        return false;
    };
    let words = line.split_whitespace().count();
    let found = numbers(line);
    words <= 6 && found.contains(&year) && found.contains(&day)
}

/// How much of `b` is words of `a` (Readability's `_textSimilarity`, with Unicode words):
/// 1 when every word of `b` is in `a`, by the length of the words that are not.
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let len = |ws: &[&String]| {
        ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1)
    };
    let all: Vec<&String> = b.iter().collect();
    let unique: Vec<&String> = b.iter().filter(|w| !a.contains(w)).collect();
    1.0 - len(&unique) as f64 / len(&all) as f64
}

/// Separators between a headline and the site's name in a `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " :: ", " / "];

/// A `<title>` without the site's name (`Headline - Site`, `Site | Headline`), as Readability
/// cuts it: the part before the last separator, else after the first when that leaves too few
/// words; the whole title when the cut leaves four words or fewer.
pub fn without_site(title: &str) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let last = SEPARATORS.iter().filter_map(|sep| title.rfind(sep)).max();
    let Some(last) = last else {
        return title.to_owned();
    };
    let mut cut = title.get(..last).unwrap_or(title).trim().to_owned();
    if words(&cut) < 3 {
        let first = SEPARATORS
            .iter()
            .filter_map(|sep| title.find(sep).map(|at| at + sep.len()))
            .min()
            .unwrap_or(0);
        title
            .get(first..)
            .unwrap_or(title)
            .trim()
            .clone_into(&mut cut);
    }
    if words(&cut) <= 4 {
        return title.to_owned();
    }
    cut
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
    fn similar_titles() {
        let t = "وزير الخارجية يصل إلى الرياض";
        assert!(similarity(t, "وزير الخارجية يصل إلى الرياض") > 0.99);
        assert!(similarity(t, "عاجل: وزير الخارجية يصل إلى الرياض") > 0.75);
        assert!(similarity(t, "مباحثات في الرياض حول الأزمة") < 0.5);
    }

    #[test]
    fn datelines() {
        let date = "2009-08-03T10:00:00+03:00";
        assert!(is_dateline("الاثنين 3 أغسطس 2009", date));
        assert!(is_dateline("نشر في ٠٣/٠٨/٢٠٠٩", date));
        assert!(!is_dateline(
            "قال الوزير إن عام 2009 شهد 3 مشاريع كبيرة في المدينة",
            date
        ));
        assert!(!is_dateline("الاثنين 4 أغسطس 2009", date));
    }

    #[test]
    fn the_site_is_cut_from_the_title() {
        assert_eq!(
            without_site("جامعة الأمة تعلن مواعيد القبول - شبكة الأخبار العربية"),
            "جامعة الأمة تعلن مواعيد القبول"
        );
        assert_eq!(
            without_site("الموقع | وزير الخارجية يصل إلى الرياض اليوم"),
            "وزير الخارجية يصل إلى الرياض اليوم"
        );
        // Too little would be left: the title stays whole.
        assert_eq!(without_site("خبر قصير - الموقع"), "خبر قصير - الموقع");
    }

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
