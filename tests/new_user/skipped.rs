//! Issue 25, item 5: a skipped file is named with its reason, not only counted; and an article
//! asked for by itself (`qari FILE`) that cannot be read says why, in the interface's language.

use std::sync::Arc;

use qari::collection::{Collection, Progress};
use qari::tui::App;
use qari::tui::app::Location;

use crate::{app_over, settings, status, temp_dir, write};

#[test]
fn the_library_names_the_first_skipped_file_and_why() {
    let dir = temp_dir("skipped-named");
    write(&dir, "مقال.txt", "عنوان\n\nنص\n");
    std::fs::write(dir.join("bin.txt"), [0u8, 1, 2, 0, 255, 0, 7, 0].repeat(64)).unwrap();
    let app = app_over(&dir, 100, 10);
    let shown = status(&app);
    assert!(shown.contains("bin.txt skipped: binary file"), "{shown}");
    assert!(shown.contains("S lists it"), "{shown}");
}

#[test]
fn a_file_opened_by_itself_that_cannot_be_read_says_why() {
    let dir = temp_dir("skipped-opened");
    write(&dir, "مقال.txt", "عنوان\n\nنص\n");
    let bin = dir.join("bin.txt");
    std::fs::write(&bin, [0u8, 1, 2, 0, 255, 0, 7, 0].repeat(64)).unwrap();
    for (msgs, said) in [
        (qari::i18n::Messages::default(), "binary file"),
        (qari::i18n::Messages::new(qari::i18n::Lang::Ar), "ملف ثنائي"),
    ] {
        let mut settings = settings();
        settings.msgs = msgs;
        let mut app = App::new(settings, (100, 10));
        app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
        app.loading(
            Arc::new(Progress::default()),
            Location {
                path: dir.clone(),
                cache: None,
            },
            None,
            None,
        );
        app.open_file(&bin);
        app.loaded(Collection::load(&dir, None, &Progress::default()).unwrap());
        let message = app.session.message.clone().unwrap_or_default();
        assert!(message.contains(&bin.display().to_string()), "{message}");
        assert!(message.contains(said), "{message}");
    }
}
