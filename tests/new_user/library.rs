//! The library: f filters titles as they are typed, folders are shown, r and changes on disk
//! reload it, and a reload by itself leaves a search's answer on the screen.

use crate::common::drive::{press, type_text};
use crate::{app, app_over, screen, status, temp_dir, write};

// The library: f filters titles as they are typed; folders are shown; r reloads.
#[test]
fn the_library_filters_titles_as_they_are_typed() {
    let mut app = app(100, 24);
    press(&mut app, "f");
    type_text(&mut app, "النفط");
    assert_eq!(
        app.library().unwrap().order.len(),
        1,
        "filtered while typing"
    );
    press(&mut app, "Enter");
    assert_eq!(app.library().unwrap().order.len(), 1);
    press(&mut app, "Esc");
    assert_eq!(
        app.library().unwrap().order.len(),
        4,
        "Esc clears the filter"
    );
}

#[test]
fn folders_are_shown_and_reload_finds_changes() {
    let dir = temp_dir("reload");
    write(&dir, "politics/a.txt", "الأول\n\nنص\n");
    write(&dir, "sport/b.txt", "الثاني\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    let shown = screen(&app).join("\n");
    assert!(
        shown.contains("politics") && shown.contains("sport"),
        "{shown}"
    );
    write(&dir, "sport/c.txt", "الثالث\n\nنص\n");
    std::fs::remove_file(dir.join("politics/a.txt")).unwrap();
    press(&mut app, "r");
    let start = std::time::Instant::now();
    while app.reloading.is_some() {
        assert!(start.elapsed().as_secs() < 10);
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.tick();
    }
    assert_eq!(app.session.collection.as_ref().unwrap().entries.len(), 2);
    assert!(
        status(&app).contains("1 new, 0 changed, 1 gone"),
        "{}",
        status(&app)
    );
}

#[test]
fn changes_on_disk_reload_by_themselves() {
    let dir = temp_dir("watch");
    write(&dir, "a.txt", "الأول\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    app.watch(std::time::Duration::from_millis(50));
    std::thread::sleep(std::time::Duration::from_millis(120));
    write(&dir, "b.txt", "الثاني\n\nنص\n");
    let start = std::time::Instant::now();
    while app.session.collection.as_ref().unwrap().entries.len() < 2 {
        assert!(start.elapsed().as_secs() < 10, "never reloaded");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
}

#[test]
fn a_reload_by_itself_does_not_hide_the_answer_to_a_search() {
    let dir = temp_dir("watch-message");
    write(&dir, "a.txt", "الأول\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    app.watch(std::time::Duration::from_millis(50));
    std::thread::sleep(std::time::Duration::from_millis(120));
    press(&mut app, "/");
    type_text(&mut app, "zebra");
    press(&mut app, "Enter");
    let start = std::time::Instant::now();
    while app.job.is_some() {
        assert!(start.elapsed().as_secs() < 10, "never searched");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
    assert!(status(&app).contains("zebra"), "{}", status(&app));
    write(&dir, "b.txt", "الثاني\n\nنص\n");
    while app.session.collection.as_ref().unwrap().entries.len() < 2 {
        assert!(start.elapsed().as_secs() < 10, "never reloaded");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
    assert!(status(&app).contains("zebra"), "{}", status(&app));
}
