//! Web pages as articles: the bytes decoded by what the page says of its charset (a BOM, the
//! HTTP header, `<meta charset>`, in that order, as browsers do; else qari's own guess, which
//! knows Windows-1256 and ISO-8859-6), parsed into a small tree ([`dom`]), the article found in
//! it ([`mod@extract`]) and turned into paragraphs ([`mod@blocks`]). HTML never leaves this
//! module: what comes out is plain text, control characters dropped.

pub mod blocks;
mod clean;
mod density;
pub mod dom;
mod edit;
pub mod extract;
mod meta;
mod names;
mod prepare;
mod readability;

pub use blocks::Block;
use dom::Dom;
use encoding_rs::Encoding;

/// What a page gives an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub author: Option<String>,
    /// As the page gives it (`2015-07-21T10:00:00+03:00`, say).
    pub date: Option<String>,
    /// The site's name (`og:site_name`).
    pub site: Option<String>,
    pub blocks: Vec<Block>,
}

/// Decodes a page: a BOM, the charset of `content_type` (the HTTP header), then a `<meta>`
/// charset in the first 4 KiB; failing all three, qari's own detection.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_param))
        .or_else(|| {
            // A page saved by a browser is re-encoded as UTF-8 but keeps its old `<meta>`:
            // text in a legacy charset is practically never valid UTF-8 with letters beyond
            // ASCII, so such bytes are read as what they are.
            meta_charset(bytes).map(|e| {
                if e != encoding_rs::UTF_8
                    && !bytes.is_ascii()
                    && std::str::from_utf8(bytes).is_ok()
                {
                    encoding_rs::UTF_8
                } else {
                    e
                }
            })
        });
    if let Some(encoding) = declared {
        // A page that says UTF-16 in a <meta> is ASCII-compatible by then: browsers read it as
        // UTF-8, and so does this.
        let encoding = encoding.output_encoding();
        return encoding.decode(bytes).0.into_owned();
    }
    match crate::decode::decode(bytes) {
        Ok(d) => d.text,
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The encoding named by `charset=` in a Content-Type value.
fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(v.trim().trim_matches(['"', '\'']).as_bytes()))?
    })
}

/// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="...">` in the
/// first 4 KiB declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes)).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = rest.get(at + 5..)?;
        let tag = rest.split('>').next().unwrap_or_default();
        if let Some(i) = tag.find("charset") {
            let value = tag.get(i + 7..)?.trim_start();
            if let Some(value) = value.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let end = value
                    .find(|c: char| {
                        c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/'
                    })
                    .unwrap_or(value.len());
                if let Some(e) = value
                    .get(..end)
                    .and_then(|v| Encoding::for_label(v.as_bytes()))
                {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// The article of a whole page: its title and metadata from the `<head>` and JSON-LD, its
/// text from the best of several extractors ([`extract::article`]).
pub fn extract(html: &str) -> Page {
    let dom = Dom::parse(html);
    let ld = meta::json_ld(&dom);
    let title = meta::title(&dom, ld.as_ref());
    let mut blocks = extract::article(&dom, ld.as_ref());
    // The headline repeated at the top of the article is the title already (as a heading,
    // nearly the same words will do: `og:title` often differs from the `<h1>` a little).
    if blocks.first().is_some_and(|b| {
        b.text() == title
            || matches!(b, Block::Heading(_)) && meta::similarity(&title, b.text()) > 0.75
    }) {
        blocks.remove(0);
    }
    let date = meta::date(&dom, ld.as_ref());
    // So is a dateline under it ("الاثنين 3 أغسطس 2009").
    if let Some(date) = &date
        && blocks
            .first()
            .is_some_and(|b| meta::is_dateline(b.text(), date))
    {
        blocks.remove(0);
    }
    Page {
        author: meta::author(&dom, ld.as_ref()),
        date,
        site: meta::meta(&dom, &["og:site_name"]),
        title,
        blocks,
    }
}

/// A feed item's own HTML content (already the article: nothing is dropped but scripts and
/// the like) as blocks.
pub fn fragment(html: &str) -> Vec<Block> {
    let dom = Dom::parse(html);
    blocks::blocks(&dom, 0, false)
}

/// Text from a feed that may be HTML or plain: tags dropped, entities decoded, white space
/// collapsed.
pub fn plain(text: &str) -> String {
    Dom::parse(text).text(0)
}

/// The page's own URL, as it declares it (`<link rel=canonical>`, else `og:url`).
pub fn canonical_url(html: &str) -> Option<String> {
    let dom = Dom::parse(html);
    dom.descendants(0)
        .into_iter()
        .find(|&n| {
            dom.tag(n) == Some("link")
                && dom
                    .attr(n, "rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|n| dom.attr(n, "href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_owned)
        .or_else(|| meta::meta(&dom, &["og:url"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_header_meta_or_guess() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("<p>مرحبا بالعالم</p>");
        let page = [
            b"<html><head><meta charset=\"windows-1256\"></head><body>".as_slice(),
            &bytes,
        ]
        .concat();
        assert!(decode(&page, None).contains("مرحبا بالعالم"));
        assert!(decode(&bytes, Some("text/html; charset=windows-1256")).contains("مرحبا"));
        let equiv = [
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
                .as_slice(),
            &bytes,
        ]
        .concat();
        assert!(decode(&equiv, None).contains("مرحبا بالعالم"));
        // Saved as UTF-8 by a browser, the old declaration left in.
        let resaved = "<meta charset=\"windows-1256\"><p>مرحبا بالعالم</p>";
        assert!(decode(resaved.as_bytes(), None).contains("مرحبا بالعالم"));
        // Nothing declared: qari's detection still finds Windows-1256 Arabic.
        let long = encoding_rs::WINDOWS_1256
            .encode("<p>قال المتحدث الرسمي إن الاجتماع سيعقد في الرياض الأسبوع المقبل</p>")
            .0;
        assert!(decode(&long, None).contains("الاجتماع"));
    }

    #[test]
    fn a_page_gives_title_meta_and_paragraphs() {
        let html = r#"<html dir="rtl"><head><title>خبر - الموقع</title>
            <meta property="og:title" content="العنوان الكامل">
            <meta name="author" content="أحمد علي">
            <meta property="article:published_time" content="2015-07-21T10:00:00+03:00">
            <script>var x = "<p>لا</p>";</script></head>
            <body><nav><a href="/">الرئيسية</a></nav>
            <article><h1>العنوان الكامل</h1>
            <p>الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتحسب فقرة حقيقية في المقال.</p>
            <p>الفقرة الثانية من الخبر، وفيها تفاصيل أخرى عن الحدث الذي وقع أمس.</p>
            <div class="share">شارك على تويتر</div></article>
            <footer>جميع الحقوق محفوظة</footer></body></html>"#;
        let page = extract(html);
        assert_eq!(page.title, "العنوان الكامل");
        assert_eq!(page.author.as_deref(), Some("أحمد علي"));
        assert_eq!(page.date.as_deref(), Some("2015-07-21T10:00:00+03:00"));
        let texts: Vec<&str> = page.blocks.iter().map(Block::text).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("الفقرة الأولى"));
    }

    #[test]
    fn plain_text_from_feed_html() {
        assert_eq!(
            plain("<b>عاجل</b>: &quot;خبر&quot; &amp; تفاصيل"),
            "عاجل: \"خبر\" & تفاصيل"
        );
        assert_eq!(plain("نص \u{1b}[31m عادي"), "نص [31m عادي");
    }
}
