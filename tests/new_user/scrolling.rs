//! Issue 25, item 7: scrolling the reader by a line (Ctrl-e/Ctrl-y) and by half a page
//! (Ctrl-d/Ctrl-u), as in less; the cursor stays on a paragraph shown. Ctrl-d/Ctrl-u move the
//! library's selection by half a page. `o` without a URL says so.

use common::drive::reader;

use crate::{app_over, common, press, temp_dir, write};

#[test]
fn ctrl_d_u_e_y_scroll_the_reader_and_the_library() {
    let dir = temp_dir("scrolling");
    let paragraphs: Vec<String> = (1..=40)
        .map(|i| format!("الفقرة رقم {i} من المقال الطويل"))
        .collect();
    write(
        &dir,
        "long.txt",
        &format!("مقال طويل\n\n{}\n", paragraphs.join("\n\n")),
    );
    for i in 0..30 {
        write(&dir, &format!("n{i:02}.txt"), &format!("مقال {i}\n\nنص\n"));
    }
    let mut app = app_over(&dir, 60, 12);
    // The library: half a page of 10 rows is 5.
    press(&mut app, "Ctrl-d");
    assert_eq!(app.library().unwrap().selected, 5);
    press(&mut app, "Ctrl-d Ctrl-u Ctrl-u");
    assert_eq!(app.library().unwrap().selected, 0);
    press(&mut app, "G");
    press(&mut app, "Enter");
    assert!(
        reader(&app).article.title.contains("طويل"),
        "not the long article"
    );
    let height = reader(&app).height;
    assert_eq!(height, 10);
    press(&mut app, "Ctrl-d");
    assert_eq!(reader(&app).top, 5);
    // The cursor follows onto a paragraph that is shown.
    let r = reader(&app);
    let first = r.layout.block(r.cursor.block()).unwrap().first_row;
    assert!(
        first + 1 >= r.top && first < r.top + height,
        "{first} {}",
        r.top
    );
    press(&mut app, "Ctrl-e");
    assert_eq!(reader(&app).top, 6);
    press(&mut app, "Ctrl-y Ctrl-y");
    assert_eq!(reader(&app).top, 4);
    press(&mut app, "Ctrl-u Ctrl-u");
    assert_eq!(reader(&app).top, 0);
    // Never past the last row at the bottom.
    for _ in 0..100 {
        press(&mut app, "Ctrl-d");
    }
    let r = reader(&app);
    assert_eq!(r.top, r.layout.rows.len() - height);
    assert!(r.at_end());
    // `o` on an article without a URL says so (the browser is tested in tests/tmux).
    press(&mut app, "o");
    let said = app.session.message.clone().unwrap_or_default();
    assert!(said.contains("no URL to open"), "{said}");
}
