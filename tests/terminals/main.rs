//! The reader in real terminals, under Xvfb, by screenshot: for each terminal, qari's screen in
//! each mode (`--bidi auto`, `app`, `terminal`, auto with the Arabic interface, and auto after a
//! search for تونس typed into the terminal) is compared
//! pixel for pixel with a reference: the same terminal set to show cells as given (kitty's
//! `force_ltr`, Konsole's `BidiRenderingEnabled=false`, mlterm's `--ctl=false`; xterm, urxvt
//! and alacritty do no bidi; VTE has no switch but BDSM, which qari sends) showing qari's own
//! layout with nothing of the terminal's told to qari. qari's layout itself is checked against
//! FriBidi elsewhere; here what counts is that the terminal shows it unchanged. A mode that
//! reads right gives the reference's pixels; one that does not, others (the README's table).
//!
//! The article has Arabic, Latin in brackets, numbers and «لا», as the report had.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;
mod doctor;
mod shot;

use shot::{Terminal, Verdict};

const ARTICLE: &str = "تونس: جولة في شوارع العاصمة عبر (Google Street View )

أعلنت الشركة أن الصور الجديدة بدقة 4K تغطي 6+ ولايات تونسية منذ 2024، وقال المدير: «لا» تغيير في الخطة.

يمكن للزائر أن يتجول في المدينة العتيقة وشارع الحبيب بورقيبة من هاتفه، بلا حاجة إلى السفر.
";

/// Runs the screens in `terminal` and checks which show qari's layout as it is: `auto` and
/// `app` (in both interface languages) always must; `terminal` as `terminal_mode` says, and
/// where that is the article as qari lays it out ([`Verdict::SameButStatus`]: mlterm), also in
/// Arabic and after a search, which redraws rows in the middle of the screen.
fn check(terminal: Terminal, terminal_mode: Verdict) {
    let Some(run) = shot::Run::new(terminal, ARTICLE) else {
        return;
    };
    let english = run.reference(&[]);
    let arabic = run.reference(&["--lang", "ar"]);
    let auto = run.qari(&[]);
    let app = run.qari(&["--bidi", "app"]);
    let logical = run.qari(&["--bidi", "terminal"]);
    let auto_ar = run.qari(&["--lang", "ar"]);
    let searched = run.reference_searching(&[], "تونس");
    let auto_searching = run.qari_searching(&[], "تونس");
    assert!(
        !shot::same(&searched, &english),
        "{}: the search did not reach qari (the screenshots are in {})",
        terminal.name(),
        run.dir().display()
    );
    let rows = shot::ROWS;
    let mut got = vec![
        ("auto", shot::verdict(&auto, &english, rows)),
        ("app", shot::verdict(&app, &english, rows)),
        ("auto --lang ar", shot::verdict(&auto_ar, &arabic, rows)),
        (
            "auto, after a search",
            shot::verdict(&auto_searching, &searched, rows),
        ),
        ("terminal", shot::verdict(&logical, &english, rows)),
    ];
    let mut want = vec![
        ("auto", Verdict::Same),
        ("app", Verdict::Same),
        ("auto --lang ar", Verdict::Same),
        ("auto, after a search", Verdict::Same),
        ("terminal", terminal_mode),
    ];
    if terminal_mode == Verdict::SameButStatus {
        let logical_ar = run.qari(&["--bidi", "terminal", "--lang", "ar"]);
        let logical_searching = run.qari_searching(&["--bidi", "terminal"], "تونس");
        got.push((
            "terminal --lang ar",
            shot::verdict(&logical_ar, &arabic, rows),
        ));
        got.push((
            "terminal, after a search",
            shot::verdict(&logical_searching, &searched, rows),
        ));
        want.push(("terminal --lang ar", terminal_mode));
        want.push(("terminal, after a search", terminal_mode));
    }
    assert_eq!(
        got,
        want,
        "{}: the screenshots are in {}",
        terminal.name(),
        run.dir().display()
    );
}

#[test]
fn xterm() {
    check(Terminal::Xterm, Verdict::Differs);
}

#[test]
fn urxvt() {
    check(Terminal::Urxvt, Verdict::Differs);
}

#[test]
fn alacritty() {
    check(Terminal::Alacritty, Verdict::Differs);
}

#[test]
fn kitty() {
    check(Terminal::Kitty, Verdict::Differs);
}

#[test]
fn konsole() {
    check(Terminal::Konsole, Verdict::Differs);
}

/// VTE lays logical text out itself: it reads right but is not qari's layout (the status line
/// is its own, «لا» unjoined), so it differs.
#[test]
fn lxterminal() {
    check(Terminal::Lxterminal, Verdict::Differs);
}

/// mlterm lays logical text out with FriBidi: given each row's direction (a mark at its
/// start) and rows written whole, the article is qari's layout to the pixel; the status bar is
/// mlterm's own layout of the logical line.
#[test]
fn mlterm() {
    check(Terminal::Mlterm, Verdict::SameButStatus);
}
