//! `qari feeds` and `qari update`: every kind of feed saved (files, front matter, paragraphs),
//! the failing feeds reported, 304 on the second run, a user's edit and deletion respected, and a
//! slow feed timed out while the others still update.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::fixtures::{PAGE_A, PAGE_B, PARAS, fixtures, rss_full};
use crate::server::{Reply, Server};
use crate::{home, read, run};

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
        // The feeds that fail are added without the check `feeds add` makes (issue 25).
        if ["broken", "missing", "error", "loop", "huge"].contains(&name.unwrap_or_default()) {
            args.push("--no-check");
        }
        let r = run(&home, &args);
        assert!(r.ok, "{}", r.stderr);
    }
    (home, news)
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
    // Without --name, the feed's own title; a feed that cannot be read now is not added, and
    // the error says why (issue 25).
    assert!(list.stdout.contains("مدونة أطلس\t"), "{}", list.stdout);
    let unread = run(&home, &["feeds", "add", &server.url("/gone.xml")]);
    assert!(!unread.ok, "{}", unread.stderr);
    assert!(
        unread.stderr.contains("HTTP 404") && unread.stderr.contains("nothing added"),
        "{}",
        unread.stderr
    );
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
        // `feeds add` looked at it once, then each update.
        ["/feed.xml 200", "/feed.xml 200", "/feed.xml 304"],
        "conditional GET with the ETag"
    );
    assert_eq!(
        server.requests("/feed.json"),
        ["/feed.json 200", "/feed.json 200", "/feed.json 304"],
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
