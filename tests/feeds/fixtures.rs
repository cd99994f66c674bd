//! What the server serves: RSS with CDATA and entities, Atom, JSON Feed, a summary-only feed
//! whose pages need extraction, news pages (one in Windows-1256), and the failing feeds.

use std::io::Write;

use crate::server::{Reply, Server};

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub const PARAS: [&str; 3] = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، بسعة مئتي سرير، ويضم أقساما للطوارئ والعناية المركزة.",
    "وقال المتحدث باسم الوزارة إن المشروع «يأتي ضمن خطة شاملة» لتطوير الخدمات الصحية في المنطقة & ما حولها.",
    "ومن المتوقع أن يبدأ المستشفى استقبال المرضى مطلع الشهر المقبل بعد استكمال تجهيزاته.",
];

pub fn rss_full(title_suffix: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>صحيفة &amp; الاختبار</title><link>http://127.0.0.1/</link><description>أخبار</description>
<item><title><![CDATA[افتتاح مستشفى «جديد» في المدينة{title_suffix}]]></title><link>/news/1</link>
<guid isPermaLink="false">news-1</guid><dc:creator>الرياض - واس</dc:creator>
<pubDate>Tue, 21 Jul 2015 09:30:00 +0300</pubDate><description>ملخص</description>
<content:encoded><![CDATA[<div dir="rtl"><p>{}</p><script>document.write('<p>لا</p>')</script><p>{}</p><p>{}</p></div>]]></content:encoded></item>
<item><title>الطقس &amp; الحرارة: &#1580;&#1608; حار</title><link>http://127.0.0.1/news/2</link><guid>news-2</guid>
<pubDate>Wed, 22 Jul 2015 10:00:00 GMT</pubDate>
<content:encoded>&lt;p&gt;يسود طقس حار على معظم المناطق، مع رياح نشطة.&lt;/p&gt;</content:encoded></item>
<item><title>!!!</title><link>http://127.0.0.1/news/3</link><guid>news-3</guid>
<content:encoded><![CDATA[<p>خبر بلا عنوان مقروء.</p>]]></content:encoded></item>
</channel></rss>"#,
        escape(PARAS[0]),
        escape(PARAS[1]),
        escape(PARAS[2])
    )
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة أطلس</title><id>urn:atlas</id><updated>2015-07-21T10:00:00Z</updated>
<entry><id>urn:atlas:1</id><title type="html">قراءة &lt;em&gt;في&lt;/em&gt; كتاب</title>
<link rel="alternate" href="http://127.0.0.1/atlas/1"/><updated>2015-07-21T10:00:00Z</updated>
<author><name>سارة</name></author>
<content type="html">&lt;h2&gt;المقدمة&lt;/h2&gt;&lt;p&gt;يتناول الكتاب تاريخ المدن العربية.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;الفصل الأول&lt;/li&gt;&lt;/ul&gt;</content>
</entry></feed>"#;

const JSON_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"جيسون نيوز",
"items":[{"id":"j-1","url":"http://127.0.0.1/json/1","title":"خبر من جيسون","date_published":"2015-07-23T08:00:00Z",
"authors":[{"name":"علي"}],"content_html":"<p>الفقرة الأولى من جيسون.</p><p>الفقرة الثانية.</p>"}]}"#;

/// A news page: the article among navigation, ads, scripts and a comment list.
pub fn page(title: &str, paragraphs: &[&str], charset_meta: &str) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        r##"<!DOCTYPE html><html lang="ar" dir="rtl"><head>{charset_meta}<title>{title} | الموقع</title>
<meta property="og:site_name" content="موقع الأخبار"><meta name="author" content="مراسل الموقع">
<script>var ad = "<p>إعلان في سكربت</p>";</script><style>p {{ color: red }}</style></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div class="ad-banner"><p>إعلان: اشترك الآن واحصل على خصم كبير على جميع المنتجات والخدمات المتاحة لدينا.</p></div>
<main><article class="story"><h1>{title}</h1>
{body}<div class="share-tools"><a href="#">تويتر</a> <a href="#">فيسبوك</a></div></article>
<section class="comments"><p>تعليق: هذا تعليق طويل من أحد القراء على الخبر، ولا ينبغي أن يظهر في المقال المحفوظ أبدا.</p></section>
<aside class="related"><ul><li><a href="/x">خبر ذو صلة</a></li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة © 2015، موقع الأخبار، وكل ما ينشر فيه يعبر عن آراء كتابه.</p></footer>
<script>track("<p>")</script></body></html>"##
    )
}

pub const PAGE_A: [&str; 3] = [
    "قال مسؤول في الهيئة العامة للنقل إن مشروع القطار سيربط المدن الرئيسية، وسيختصر زمن الرحلة إلى النصف تقريبا.",
    "وأضاف أن العمل في المرحلة الأولى من المشروع بدأ منذ عامين، وأن نسبة الإنجاز تجاوزت ستين في المئة حتى الآن.",
    "وأشار إلى أن التشغيل التجريبي سيبدأ العام المقبل.",
];

pub const PAGE_B: [&str; 2] = [
    "أكد رئيس النادي أن الفريق يستعد للموسم الجديد بمعسكر خارجي، يخوض خلاله عددا من المباريات الودية القوية.",
    "وأوضح أن إدارة النادي تعاقدت مع ثلاثة لاعبين جدد لتعزيز صفوف الفريق في خط الوسط والهجوم.",
];

fn summary_feed() -> String {
    r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ملخصات</title>
<item><title>مشروع القطار يربط المدن</title><link>http://127.0.0.1:PORT/pages/a.html</link><guid>sum-a</guid>
<description>&lt;p&gt;ملخص قصير عن القطار&lt;/p&gt;</description><pubDate>Thu, 23 Jul 2015 07:00:00 GMT</pubDate></item>
<item><title>النادي يستعد للموسم</title><link>http://127.0.0.1:PORT/pages/b.html</link>
<description>ملخص النادي</description></item>
<item><title>صفحة مفقودة</title><link>http://127.0.0.1:PORT/pages/missing.html</link><guid>sum-c</guid>
<description>ملخص صفحة لا توجد، يحفظ كما هو.</description></item>
</channel></rss>"#
        .to_owned()
}

/// The server with every fixture.
pub fn fixtures() -> Server {
    let s = Server::start();
    s.xml("/feed.xml", &rss_full(""), Some("\"v1\""));
    s.xml("/atom.xml", ATOM, None);
    // Compressed, with Last-Modified for the conditional GET.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(JSON_FEED.as_bytes()).unwrap();
    s.route(
        "/feed.json",
        Reply::Gzip {
            content_type: "application/feed+json",
            body: gz.finish().unwrap(),
            last_modified: "Tue, 21 Jul 2015 10:00:00 GMT",
        },
    );
    s.xml(
        "/summary.xml",
        &summary_feed().replace("PORT", &s.port.to_string()),
        None,
    );
    s.route(
        "/pages/a.html",
        Reply::Ok {
            content_type: "text/html; charset=utf-8",
            body: page(
                "مشروع القطار يربط المدن",
                &PAGE_A,
                "<meta charset=\"utf-8\">",
            )
            .into_bytes(),
            etag: None,
        },
    );
    // Windows-1256, said only in the page's <meta>.
    let cp1256 = encoding_rs::WINDOWS_1256
        .encode(&page(
            "النادي يستعد للموسم",
            &PAGE_B,
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
        ))
        .0
        .into_owned();
    s.route(
        "/pages/b.html",
        Reply::Ok {
            content_type: "text/html",
            body: cp1256,
            etag: None,
        },
    );
    s.xml(
        "/broken.xml",
        "<rss version=\"2.0\"><channel><title>مكسور</title><item><title>x</item></channel>",
        None,
    );
    s.route("/missing.xml", Reply::Status(404));
    s.route("/error.xml", Reply::Status(500));
    s.route("/loop.xml", Reply::Redirect("/loop.xml"));
    s.route("/huge.xml", Reply::Huge(50 * 1024 * 1024));
    s
}
