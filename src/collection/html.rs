//! Web pages saved from a browser (`.html`, `.htm`) as articles of the folder: read through the
//! same extraction as `qari import` (the charset the page declares, else qari's own guess; the
//! article found in the page; its title, date, author and site), and parsed from the Markdown
//! that `qari import` would have written for it, so a page in the folder and the same page
//! imported are the same article.

use super::draft::{Draft, normalize_date};
use crate::html;

use super::parse::{Format, Parsed, parse};

/// The article of a saved page, if the page has one.
pub fn page_article(bytes: &[u8]) -> Option<Parsed> {
    let text = html::decode(bytes, None);
    let page = html::extract(&text);
    if page.blocks.is_empty() {
        return None;
    }
    let draft = Draft {
        title: page.title,
        source: page.site,
        author: page.author,
        date: page.date.as_deref().and_then(normalize_date),
        url: html::canonical_url(&text),
        blocks: page.blocks,
    };
    parse(&draft.to_markdown(), Format::Markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_page_is_its_article() {
        let page = r#"<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
            <title>عنوان الصفحة | موقع</title>
            <meta property="og:title" content="رئيس كازاخستان يعلن استعادة النظام">
            <meta property="og:site_name" content="أخبار">
            <meta property="article:published_time" content="2022-01-07T10:00:00+03:00">
            <link rel="canonical" href="https://example.com/news/1">
            </head><body><nav><a href="/">الرئيسية</a> <a href="/a">سياسة</a></nav>
            <article><h1>رئيس كازاخستان يعلن استعادة النظام</h1>
            <p>أعلن رئيس كازاخستان قاسم جومارت توكاييف استعادة النظام الدستوري في البلاد، وهدد بملاحقة من وصفهم بالإرهابيين.</p>
            <p>وقال في خطاب متلفز إن قوات الأمن استعادت السيطرة على المباني الحكومية في المدن الكبرى بعد أيام من الاضطرابات.</p>
            </article><footer>جميع الحقوق محفوظة</footer></body></html>"#;
        let a = page_article(page.as_bytes()).unwrap();
        assert_eq!(a.title, "رئيس كازاخستان يعلن استعادة النظام");
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("أعلن رئيس كازاخستان"));
        assert_eq!(a.meta.source.as_deref(), Some("أخبار"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.com/news/1"));
        assert!(
            a.meta
                .date
                .as_deref()
                .is_some_and(|d| d.starts_with("2022-01-07"))
        );
        assert!(!a.paragraphs.iter().any(|p| p.contains("الحقوق")));
    }

    #[test]
    fn a_page_without_an_article_is_none() {
        assert_eq!(
            page_article(b"<html><body><nav>x</nav></body></html>"),
            None
        );
    }
}
