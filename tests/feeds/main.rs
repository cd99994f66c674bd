//! News in, without the internet: a server on 127.0.0.1 (a thread of the test, hand-written
//! HTTP/1.1) serves feeds and pages written for the tests and made from the shared corpus: RSS
//! with CDATA and entities, Atom, JSON Feed (gzip-compressed), a summary-only feed whose pages
//! need extraction, a Windows-1256 page, broken XML, a slow response, a 404, a 500, a redirect
//! loop, a huge body, and 304 on the second run (ETag, Last-Modified). The real binary saves
//! them; the files, their front matter and paragraphs, deduplication across runs and the
//! failing feeds' reports are checked.

#![allow(clippy::unwrap_used, clippy::format_collect)]

#[path = "../common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers for a path.
#[derive(Clone)]
enum Reply {
    /// 200 with this content type and body, an ETag, and 304 when the client sends it back.
    Ok {
        content_type: &'static str,
        body: Vec<u8>,
        etag: Option<&'static str>,
    },
    /// 200 with a gzip-compressed body and a Last-Modified date; 304 when the client sends
    /// the date back.
    Gzip {
        content_type: &'static str,
        body: Vec<u8>,
        last_modified: &'static str,
    },
    Status(u16),
    Redirect(&'static str),
    /// Waits this long before answering 200.
    Slow(Duration),
    /// 200 with a body of this many bytes, sent in pieces until the client hangs up.
    Huge(usize),
}

type Routes = Arc<Mutex<HashMap<String, Reply>>>;

/// A server on 127.0.0.1:0; every request is logged as `path status`.
struct Server {
    port: u16,
    routes: Routes,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Routes = Arc::default();
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let (r, l) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || serve(stream, &r, &l));
            }
        });
        Server { port, routes, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.to_owned(), reply);
    }

    fn xml(&self, path: &str, body: &str, etag: Option<&'static str>) {
        self.route(
            path,
            Reply::Ok {
                content_type: "application/rss+xml; charset=utf-8",
                body: body.as_bytes().to_vec(),
                etag,
            },
        );
    }

    fn requests(&self, path: &str) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with(&format!("{path} ")))
            .cloned()
            .collect()
    }
}

fn serve(stream: TcpStream, routes: &Routes, log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut if_none_match = None;
    let mut if_modified_since = None;
    let mut gzip_accepted = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(v.trim().to_owned());
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("if-modified-since") {
                if_modified_since = Some(v.trim().to_owned());
            }
            if k.eq_ignore_ascii_case("accept-encoding") && v.contains("gzip") {
                gzip_accepted = true;
            }
        }
    }
    let reply = routes.lock().unwrap().get(&path).cloned();
    let mut out = stream;
    let head = |status: u16, extra: &str, len: usize| {
        format!("HTTP/1.1 {status} X\r\nContent-Length: {len}\r\nConnection: close\r\n{extra}\r\n")
    };
    let (status, bytes) = match reply {
        None => (404, head(404, "", 0).into_bytes()),
        Some(Reply::Status(s)) => (s, head(s, "", 0).into_bytes()),
        Some(Reply::Redirect(to)) => (
            302,
            head(302, &format!("Location: {to}\r\n"), 0).into_bytes(),
        ),
        Some(Reply::Ok {
            content_type,
            body,
            etag,
        }) => {
            if etag.is_some() && if_none_match.as_deref() == etag {
                (304, head(304, "", 0).into_bytes())
            } else {
                let extra = format!(
                    "Content-Type: {content_type}\r\n{}",
                    etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default()
                );
                (
                    200,
                    [head(200, &extra, body.len()).into_bytes(), body].concat(),
                )
            }
        }
        Some(Reply::Gzip {
            content_type,
            body,
            last_modified,
        }) => {
            if if_modified_since.as_deref() == Some(last_modified) {
                (304, head(304, "", 0).into_bytes())
            } else if !gzip_accepted {
                (406, head(406, "", 0).into_bytes())
            } else {
                let extra = format!(
                    "Content-Type: {content_type}\r\nContent-Encoding: gzip\r\nLast-Modified: {last_modified}\r\n"
                );
                (
                    200,
                    [head(200, &extra, body.len()).into_bytes(), body].concat(),
                )
            }
        }
        Some(Reply::Slow(wait)) => {
            std::thread::sleep(wait);
            (200, head(200, "", 0).into_bytes())
        }
        Some(Reply::Huge(n)) => {
            log.lock().unwrap().push(format!("{path} 200"));
            let _ = out.write_all(head(200, "Content-Type: application/rss+xml\r\n", n).as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < n && out.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
            return;
        }
    };
    log.lock().unwrap().push(format!("{path} {status}"));
    let _ = out.write_all(&bytes);
}

fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-feeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("config/qari")).unwrap();
    dir
}

fn qari(home: &Path) -> Command {
    let mut cmd = common::qari_command();
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    cmd
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let out = qari(home).args(args).output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Every article file under `dir`, sorted.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(articles(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const PARAS: [&str; 3] = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، بسعة مئتي سرير، ويضم أقساما للطوارئ والعناية المركزة.",
    "وقال المتحدث باسم الوزارة إن المشروع «يأتي ضمن خطة شاملة» لتطوير الخدمات الصحية في المنطقة & ما حولها.",
    "ومن المتوقع أن يبدأ المستشفى استقبال المرضى مطلع الشهر المقبل بعد استكمال تجهيزاته.",
];

fn rss_full(title_suffix: &str) -> String {
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
fn page(title: &str, paragraphs: &[&str], charset_meta: &str) -> String {
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

const PAGE_A: [&str; 3] = [
    "قال مسؤول في الهيئة العامة للنقل إن مشروع القطار سيربط المدن الرئيسية، وسيختصر زمن الرحلة إلى النصف تقريبا.",
    "وأضاف أن العمل في المرحلة الأولى من المشروع بدأ منذ عامين، وأن نسبة الإنجاز تجاوزت ستين في المئة حتى الآن.",
    "وأشار إلى أن التشغيل التجريبي سيبدأ العام المقبل.",
];

const PAGE_B: [&str; 2] = [
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
fn fixtures() -> Server {
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

fn setup(name: &str, server: &Server) -> (PathBuf, PathBuf) {
    let home = home(name);
    let news = home.join("news");
    std::fs::write(
        home.join("config/qari/config.toml"),
        format!("# my news\ncollection = {:?}\n", news.to_str().unwrap()),
    )
    .unwrap();
    let feeds = [
        ("/feed.xml", Some("صحيفة")),
        ("/atom.xml", None),
        ("/feed.json", Some("json")),
        ("/summary.xml", Some("ملخصات")),
        ("/broken.xml", Some("broken")),
        ("/missing.xml", Some("missing")),
        ("/error.xml", Some("error")),
        ("/loop.xml", Some("loop")),
        ("/huge.xml", Some("huge")),
    ];
    for (path, name) in feeds {
        let url = server.url(path);
        let mut args = vec!["feeds", "add", url.as_str()];
        if let Some(n) = name {
            args.extend(["--name", n]);
        }
        let r = run(&home, &args);
        assert!(r.ok, "{}", r.stderr);
    }
    (home, news)
}

fn read(path: &Path) -> qari::collection::Article {
    qari::collection::read_article(path).unwrap()
}

fn find<'a>(files: &'a [PathBuf], part: &str) -> &'a PathBuf {
    files
        .iter()
        .find(|p| p.to_string_lossy().contains(part))
        .unwrap_or_else(|| panic!("no file with {part} in {files:#?}"))
}

#[test]
fn update_saves_every_kind_of_feed_and_reports_the_failing_ones() {
    let server = fixtures();
    let (home, news) = setup("update", &server);
    let list = run(&home, &["feeds", "list"]);
    assert_eq!(list.stdout.lines().count(), 9);
    // Without --name, the feed's own title; a feed that cannot be read now is added under its
    // host, with a warning.
    assert!(list.stdout.contains("مدونة أطلس\t"), "{}", list.stdout);
    let unread = run(&home, &["feeds", "add", &server.url("/gone.xml")]);
    assert!(unread.ok, "{}", unread.stderr);
    assert!(
        unread.stderr.contains("warning") && unread.stderr.contains("HTTP 404"),
        "{}",
        unread.stderr
    );
    assert!(run(&home, &["feeds", "remove", "127.0.0.1"]).ok);
    // The same URL twice is refused.
    let twice = run(
        &home,
        &["feeds", "add", &server.url("/atom.xml"), "--name", "ثانية"],
    );
    assert!(
        !twice.ok && twice.stderr.contains("already subscribed"),
        "{}",
        twice.stderr
    );

    let first = run(&home, &["update"]);
    assert!(!first.ok, "failing feeds make the exit status an error");
    for (name, reason) in [
        ("broken", "not a feed"),
        ("missing", "HTTP 404"),
        ("error", "HTTP 500"),
        ("loop", "redirect"),
        ("huge", "larger than"),
    ] {
        let line = first
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{name}: failed")))
            .unwrap_or_else(|| panic!("no failure line for {name}: {}", first.stdout));
        assert!(line.contains(reason), "{line}");
        assert!(first.stderr.contains(name), "{}", first.stderr);
    }
    assert!(first.stdout.contains("صحيفة: 3 new"), "{}", first.stdout);
    assert!(first.stdout.contains("ملخصات: 3 new"), "{}", first.stdout);
    assert!(
        first.stdout.contains("ملخصات: warning:"),
        "{}",
        first.stdout
    );

    let files = articles(&news);
    assert_eq!(files.len(), 3 + 1 + 1 + 3, "{files:#?}");
    assert!(
        files.iter().all(|f| f.extension().unwrap() == "md"),
        "no temporary file left"
    );

    // RSS with CDATA, entities and content:encoded: the item's own content, scripts dropped.
    let a = read(find(
        &files,
        "صحيفة/2015-07-21-افتتاح-مستشفى-جديد-في-المدينة.md",
    ));
    assert_eq!(a.title, "افتتاح مستشفى «جديد» في المدينة");
    assert_eq!(a.paragraphs, PARAS);
    assert_eq!(a.meta.author.as_deref(), Some("الرياض - واس"));
    assert_eq!(a.meta.date.as_deref(), Some("2015-07-21 06:30"));
    assert_eq!(a.meta.source.as_deref(), Some("صحيفة & الاختبار"));
    assert_eq!(a.meta.url.as_deref(), Some(server.url("/news/1").as_str()));
    let b = read(find(&files, "2015-07-22-الطقس-الحرارة-جو-حار"));
    assert_eq!(b.title, "الطقس & الحرارة: جو حار");
    assert_eq!(
        b.paragraphs,
        ["يسود طقس حار على معظم المناطق، مع رياح نشطة."]
    );
    // A title with no letters gives a name from the item's URL, never an empty one.
    let c = read(find(&files, "-article-"));
    assert_eq!(c.paragraphs, ["خبر بلا عنوان مقروء."]);

    // Atom and JSON Feed.
    let atom = read(find(&files, "مدونة-أطلس/2015-07-21-قراءة-في-كتاب.md"));
    assert_eq!(atom.title, "قراءة في كتاب");
    assert_eq!(
        atom.paragraphs,
        [
            "المقدمة",
            "يتناول الكتاب تاريخ المدن العربية.",
            "- الفصل الأول"
        ]
    );
    assert_eq!(atom.meta.author.as_deref(), Some("سارة"));
    let json = read(find(&files, "json/2015-07-23-خبر-من-جيسون.md"));
    assert_eq!(
        json.paragraphs,
        ["الفقرة الأولى من جيسون.", "الفقرة الثانية."]
    );
    assert_eq!(json.meta.author.as_deref(), Some("علي"));

    // Summary-only items: the page's article, without navigation, ads, comments or scripts;
    // the Windows-1256 page decoded by its <meta>.
    let pa = read(find(&files, "ملخصات/2015-07-23-مشروع-القطار-يربط-المدن.md"));
    assert_eq!(pa.paragraphs, PAGE_A);
    assert_eq!(pa.meta.author.as_deref(), Some("مراسل الموقع"));
    let pb = read(find(&files, "النادي-يستعد-للموسم"));
    assert_eq!(pb.paragraphs, PAGE_B);
    // A page that cannot be fetched: the summary is kept.
    let pc = read(find(&files, "صفحة-مفقودة"));
    assert_eq!(pc.paragraphs, ["ملخص صفحة لا توجد، يحفظ كما هو."]);

    // The second run: the RSS feed answers 304, nothing is saved again.
    let user_edit = find(&files, "افتتاح-مستشفى").clone();
    std::fs::write(&user_edit, "---\ntitle: عدّلته\n---\nملاحظاتي\n").unwrap();
    let second = run(&home, &["update"]);
    assert!(
        second.stdout.contains("صحيفة: not modified"),
        "{}",
        second.stdout
    );
    assert!(second.stdout.contains("ملخصات: 0 new"), "{}", second.stdout);
    assert_eq!(
        server.requests("/feed.xml"),
        ["/feed.xml 200", "/feed.xml 304"],
        "conditional GET with the ETag"
    );
    assert_eq!(
        server.requests("/feed.json"),
        ["/feed.json 200", "/feed.json 304"],
        "conditional GET with Last-Modified"
    );
    assert_eq!(articles(&news), files);

    // A changed title and a new ETag: the same GUIDs, so still nothing new; the user's edit
    // stays.
    server.xml("/feed.xml", &rss_full(" (محدث)"), Some("\"v2\""));
    let third = run(&home, &["update"]);
    assert!(third.stdout.contains("صحيفة: 0 new"), "{}", third.stdout);
    assert_eq!(articles(&news), files);
    assert!(
        std::fs::read_to_string(&user_edit)
            .unwrap()
            .contains("ملاحظاتي")
    );

    // The library, search and bookmarks treat the new articles like any other.
    let listed = run(&home, &["list"]);
    assert!(listed.ok, "{}", listed.stderr);
    assert_eq!(listed.stdout.lines().count(), files.len());
    assert!(listed.stdout.contains("النادي يستعد للموسم"));
    let found = run(&home, &["search", "القطار", "-l"]);
    assert!(found.ok, "{}", found.stderr);
    assert!(found.stdout.contains("مشروع-القطار"), "{}", found.stdout);
    let pb_path = find(&files, "النادي-يستعد-للموسم")
        .to_str()
        .unwrap()
        .to_owned();
    let added = run(&home, &["bookmarks", "add", &pb_path, "--paragraph", "2"]);
    assert!(added.ok, "{}", added.stderr);
    let marks = run(&home, &["bookmarks", "list"]);
    assert!(
        marks.stdout.contains("تعاقدت مع ثلاثة لاعبين"),
        "{}",
        marks.stdout
    );

    // Unsubscribing keeps the articles.
    assert!(run(&home, &["feeds", "remove", "huge"]).ok);
    assert_eq!(run(&home, &["feeds", "list"]).stdout.lines().count(), 8);
    assert_eq!(articles(&news).len(), files.len());
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_slow_feed_times_out_and_the_others_still_update() {
    let server = fixtures();
    server.route("/slow.xml", Reply::Slow(Duration::from_secs(4)));
    let dir = home("slow");
    let news = dir.join("news");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"slow\"\n[[feeds]]\nurl = {:?}\nname = \"atom\"\nfolder = \"../../out/اطلس\"\n",
        news.to_str().unwrap(),
        server.url("/slow.xml"),
        server.url("/atom.xml"),
    ))
    .unwrap();
    let mut store = qari::store::Store::in_memory().unwrap();
    let options = qari::feeds::FetchOptions {
        timeout: Duration::from_secs(1),
        ..Default::default()
    };
    let progress = qari::collection::Progress::default();
    let mut seen = Vec::new();
    let report = qari::feeds::update_with(&config, &mut store, &options, &progress, &mut |r| {
        seen.push(r.name.clone());
    })
    .unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(progress.done.load(std::sync::atomic::Ordering::Relaxed), 2);
    let slow = &report.feeds[0];
    assert!(
        slow.error.as_deref().unwrap().contains("no answer"),
        "{slow:?}"
    );
    let atom = &report.feeds[1];
    assert_eq!(atom.new.len(), 1);
    // A folder is kept inside the collection.
    assert!(
        atom.new[0].starts_with(news.join("out/اطلس")),
        "{:?}",
        atom.new
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn save_and_import_pages() {
    let server = fixtures();
    let home = home("save");
    let news = home.join("news");
    // Without a collection, the error says what to set.
    let r = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(
        !r.ok && r.stderr.contains("set `collection") && r.stderr.contains("config.toml"),
        "{}",
        r.stderr
    );
    std::fs::write(
        home.join("config/qari/config.toml"),
        format!("collection = {:?}\n", news.to_str().unwrap()),
    )
    .unwrap();
    let r = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(r.ok, "{}", r.stderr);
    let saved = PathBuf::from(r.stdout.trim());
    assert!(saved.starts_with(news.join("saved")), "{}", saved.display());
    let a = read(&saved);
    assert_eq!(a.title, "مشروع القطار يربط المدن");
    assert_eq!(a.paragraphs, PAGE_A);
    assert_eq!(a.meta.source.as_deref(), Some("موقع الأخبار"));
    let again = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(
        !again.ok && again.stderr.contains("already saved"),
        "{}",
        again.stderr
    );

    // A page saved from a browser, in Windows-1256.
    let file = home.join("page.html");
    std::fs::write(
        &file,
        encoding_rs::WINDOWS_1256
            .encode(&page(
                "النادي يستعد للموسم",
                &PAGE_B,
                "<meta charset=\"windows-1256\">",
            ))
            .0,
    )
    .unwrap();
    let r = run(&home, &["import", file.to_str().unwrap()]);
    assert!(r.ok, "{}", r.stderr);
    let b = read(Path::new(r.stdout.trim()));
    assert_eq!(b.paragraphs, PAGE_B);
    assert_eq!(b.title, "النادي يستعد للموسم");
    std::fs::remove_dir_all(home).ok();
}

/// Corpus articles through an RSS feed come back with the same title and paragraphs.
#[test]
fn corpus_articles_round_trip() {
    let Some(shared) = common::shared() else {
        return;
    };
    let plain = |s: &str| {
        !s.contains(['*', '`', '_', '[', '#', '<', '>', '&']) && !s.chars().any(char::is_control)
    };
    let articles: Vec<(String, Vec<String>)> = common::corpus_files(&shared)
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let mut lines = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
            let title = lines.next().unwrap();
            (title, lines.collect::<Vec<_>>())
        })
        .filter(|(t, p)| plain(t) && !p.is_empty() && p.iter().all(|p| plain(p)))
        .take(30)
        .collect();
    let items: String = articles
        .iter()
        .enumerate()
        .map(|(i, (title, paras))| {
            let html: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                "<item><title>{}</title><link>http://127.0.0.1/c/{i}</link><guid>c-{i}</guid><content:encoded><![CDATA[{html}]]></content:encoded></item>",
                escape(title)
            )
        })
        .collect();
    let server = Server::start();
    server.xml(
        "/corpus.xml",
        &format!("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>corpus</title>{items}</channel></rss>"),
        None,
    );
    let dir = home("corpus");
    let news = dir.join("news");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"corpus\"\n",
        news.to_str().unwrap(),
        server.url("/corpus.xml")
    ))
    .unwrap();
    let mut store = qari::store::Store::in_memory().unwrap();
    let report = qari::feeds::update_with(
        &config,
        &mut store,
        &qari::feeds::FetchOptions::default(),
        &qari::collection::Progress::default(),
        &mut |_| {},
    )
    .unwrap();
    let new = &report.feeds[0].new;
    assert_eq!(new.len(), articles.len(), "{:?}", report.feeds[0]);
    for (path, (title, paras)) in new.iter().zip(&articles) {
        let a = read(path);
        assert_eq!(&a.title, title);
        assert_eq!(&a.paragraphs, paras, "{}", path.display());
    }
    std::fs::remove_dir_all(dir).ok();
}

/// An item with neither GUID nor link is saved once, not on every update; a page's URL with a
/// tracking parameter is the same page.
#[test]
fn items_without_guid_or_link_are_saved_once() {
    let server = Server::start();
    server.xml(
        "/bare.xml",
        "<rss version=\"2.0\"><channel><title>عار</title>\
         <item><title>خبر بلا رابط</title><description>نص الخبر كاملا.</description></item>\
         <item><title>خبر برابط</title><link>http://127.0.0.1:1/x?utm_source=rss</link><guid>g</guid><description>نص.</description></item>\
         </channel></rss>",
        None,
    );
    let dir = home("bare");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"bare\"\n",
        dir.join("news").to_str().unwrap(),
        server.url("/bare.xml")
    ))
    .unwrap();
    let mut store = qari::store::Store::in_memory().unwrap();
    let options = qari::feeds::FetchOptions {
        timeout: Duration::from_secs(2),
        ..Default::default()
    };
    let mut update = || {
        qari::feeds::update_with(
            &config,
            &mut store,
            &options,
            &qari::collection::Progress::default(),
            &mut |_| {},
        )
        .unwrap()
    };
    let first = update();
    assert_eq!(first.feeds[0].new.len(), 2, "{:?}", first.feeds[0]);
    let second = update();
    assert_eq!(second.feeds[0].new.len(), 0, "{:?}", second.feeds[0]);
    assert!(
        store
            .saved_path("", "", "http://127.0.0.1:1/x")
            .unwrap()
            .is_some()
    );
    std::fs::remove_dir_all(dir).ok();
}

/// `U` in the library: the feeds fetched in the background, the new articles in the library
/// without a restart, unread.
#[test]
fn u_in_the_library_brings_the_new_articles_in() {
    let server = Server::start();
    server.xml("/full.xml", &rss_full(""), None);
    let dir = home("tui-update");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(news.join("old.txt"), "مقال قديم\n\nنص\n").unwrap();
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"full\"\n",
        news.to_str().unwrap(),
        server.url("/full.xml")
    ))
    .unwrap();
    let mut app = qari::tui::App::new(
        common::drive::settings(qari::text::Direction::Majority),
        (100, 20),
    );
    app.loading(
        Arc::new(qari::collection::Progress::default()),
        qari::tui::Location {
            path: news.clone(),
            cache: None,
        },
        None,
        None,
    );
    app.loaded(
        qari::collection::Collection::load(&news, None, &qari::collection::Progress::default())
            .unwrap(),
    );
    app.session.feeds = Some(qari::tui::feeds::FeedSetup {
        config,
        state: dir.join("state.db"),
    });
    common::drive::press(&mut app, "U");
    assert!(app.feeding.is_some(), "{:?}", app.session.message);
    let start = std::time::Instant::now();
    while app.feeding.is_some() || app.reloading.is_some() {
        assert!(start.elapsed() < Duration::from_secs(20), "never finished");
        std::thread::sleep(Duration::from_millis(10));
        app.tick();
    }
    let entries = &app.session.collection.as_ref().unwrap().entries;
    assert_eq!(entries.len(), 4, "the old article and three new ones");
    assert!(
        entries
            .iter()
            .any(|e| e.title.starts_with("افتتاح مستشفى «جديد»"))
    );
    assert!(
        entries
            .iter()
            .all(|e| !app.session.reading.contains_key(&e.path)),
        "new articles are unread"
    );
    std::fs::remove_dir_all(dir).ok();
}
