//! Issue 25, item 7: the feeds screen (`F`), as newsboat opens on its feeds: each feed of the
//! config with its unread articles of all it has in the collection; `Enter` shows the library
//! with that feed's articles alone, `Esc` all of them again.

use qari::tui::feeds::FeedSetup;

use crate::{app_over, press, screen, temp_dir, write};

#[test]
fn f_lists_the_feeds_with_their_unread_counts_and_enter_shows_one() {
    let dir = temp_dir("feeds-screen");
    for (folder, n) in [("sahifa", 2), ("atlas", 3)] {
        for i in 0..n {
            write(
                &dir,
                &format!("{folder}/{i}.txt"),
                &format!("خبر {folder} {i}\n\nنص\n"),
            );
        }
    }
    write(&dir, "saved/mine.txt", "مقال محفوظ\n\nنص\n");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = \"https://a.example/rss\"\nname = \"صحيفة\"\nfolder = \"sahifa\"\n[[feeds]]\nurl = \"https://b.example/atom\"\nname = \"Atlas\"\nfolder = \"atlas\"\n",
        dir.to_str().unwrap()
    ))
    .unwrap();
    let mut app = app_over(&dir, 80, 12);
    app.session.feeds = Some(FeedSetup {
        config,
        state: dir.join("state.db"),
    });
    press(&mut app, "F");
    let shown = screen(&app).join("\n");
    let atlas = shown.lines().find(|l| l.contains("Atlas")).unwrap();
    assert!(atlas.contains("3 unread / 3"), "{shown}");
    assert!(shown.contains("2 unread / 2"), "{shown}");
    assert!(shown.lines().last().unwrap().contains("2 feeds"), "{shown}");
    // Enter on Atlas (the second row): the library with its three articles alone.
    press(&mut app, "j Enter");
    let l = app.library().unwrap();
    assert_eq!(l.order.len(), 3);
    let c = app.session.collection.clone().unwrap();
    assert!(
        l.order
            .iter()
            .all(|&i| c.entries[i].path.starts_with(dir.join("atlas")))
    );
    // One read: counted so.
    press(&mut app, "Enter q F");
    let shown = screen(&app).join("\n");
    let atlas = shown.lines().find(|l| l.contains("Atlas")).unwrap();
    assert!(atlas.contains("2 unread / 3"), "{shown}");
    // Esc: the feeds screen closes; Esc again in the library shows every article.
    press(&mut app, "Esc Esc");
    assert_eq!(app.library().unwrap().order.len(), 6);
}
