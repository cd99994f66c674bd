//! Every command's output into a pipe whose reader is gone (`qari ... | head -1` once head has
//! its line): the command ends as a success, with nothing on stderr, as ripgrep does. The
//! reader is closed before qari starts, so the first write fails, whatever the timing.

use std::path::Path;
use std::process::Stdio;

use super::{articles, home, qari};
use crate::server::{Reply, Server};

/// Runs qari with `args` writing into a closed pipe: its status and stderr.
fn into_closed_pipe(home: &Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = qari(home)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const RSS: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>أخبار</title>\
    <item><title>خبر أول</title><link>http://example.invalid/1</link><guid>1</guid>\
    <description><![CDATA[<p>قالت الوزارة اليوم إن الطقس معتدل في أنحاء البلاد كلها.</p>\
    <p>وأضافت أن الأمطار متوقعة في الشمال خلال الأسبوع.</p>]]></description></item>\
    </channel></rss>";

const PAGE: &str = "<html><head><title>مقال</title></head><body><article><h1>مقال محفوظ</h1>\
    <p>قالت الوزارة اليوم إن الطقس معتدل في أنحاء البلاد كلها وإن الأمطار متوقعة.</p>\
    <p>وأضافت أن درجات الحرارة ستنخفض في الشمال خلال الأسبوع المقبل بشكل ملحوظ.</p>\
    </article></body></html>";

#[test]
fn every_command_into_a_closed_pipe_ends_quietly_with_success() {
    let home = home("pipes");
    let news = articles(&home, 30);
    let server = Server::start();
    server.xml("/feed.xml", RSS, None);
    server.route(
        "/page.html",
        Reply::Ok {
            content_type: "text/html; charset=utf-8",
            body: PAGE.as_bytes().to_vec(),
            etag: None,
        },
    );
    std::fs::write(
        home.join("config/qari/config.toml"),
        format!(
            "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"akhbar\"\n",
            news.display().to_string(),
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    let page = home.join("page.html");
    std::fs::write(&page, PAGE).unwrap();
    let article = news.join("0001.txt");
    let ok = qari(&home)
        .args([
            "bookmarks",
            "add",
            article.to_str().unwrap(),
            "--paragraph",
            "1",
        ])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let page_url = server.url("/page.html");
    let second_url = server.url("/second.xml");
    let commands: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["--version"],
        vec!["render", article.to_str().unwrap()],
        vec!["list"],
        vec!["list", "--json"],
        vec!["search", "الوزارة"],
        vec!["search", "-l", "الوزارة"],
        vec!["search", "-c", "الوزارة"],
        vec!["search", "--json", "الوزارة"],
        vec!["search", "--sort", "path", "الوزارة"],
        vec!["bookmarks", "list"],
        vec!["bookmarks", "list", "--json"],
        vec!["bookmarks", "export"],
        vec!["bookmarks", "export", "--format", "json"],
        vec!["doctor"],
        vec!["man"],
        vec!["completions", "bash"],
        vec!["feeds", "list"],
        vec![
            "feeds",
            "add",
            &second_url,
            "--name",
            "second",
            "--folder",
            "second",
            // Not served: `feeds add` would refuse it (issue 25) before printing anything.
            "--no-check",
        ],
        vec!["feeds", "export"],
        vec!["feeds", "remove", "second"],
        vec!["update"],
        vec!["save", &page_url],
        vec!["import", page.to_str().unwrap()],
        vec![
            "bookmarks",
            "add",
            article.to_str().unwrap(),
            "--paragraph",
            "2",
        ],
        vec!["bookmarks", "remove", "1"],
    ];
    let mut failed = Vec::new();
    for args in &commands {
        let (code, stderr) = into_closed_pipe(&home, args);
        if code != Some(0) || !stderr.is_empty() {
            failed.push(format!(
                "qari {}: exit {code:?}, stderr {stderr:?}",
                args.join(" ")
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
