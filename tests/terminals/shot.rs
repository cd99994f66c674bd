//! Screenshots of a terminal under Xvfb: each test its own X display (the windows of tests
//! running at once never overlap), the terminal at the top left in DejaVu Sans Mono 12, qari
//! in it with a home of its own; `import` (ImageMagick) takes the screen until two shots half a
//! second apart are the same (as PPM, pixels only), keys typed with xdotool, `compare -metric AE` counts the pixels that differ.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::common;

/// A screen against the reference: the same (qari's layout shown as it is: it reads right);
/// the same but for the status bar (the article is qari's layout, the status bar the
/// terminal's own layout of logical text: mlterm in terminal mode); or not (VTE's own layout
/// of logical text reads right but is not qari's; the others read wrong).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Same,
    SameButStatus,
    Differs,
}

/// How `screen` compares with `reference` (see [`Verdict`]); `rows`: the terminal's rows.
pub fn verdict(screen: &Path, reference: &Path, rows: u32) -> Verdict {
    if same(screen, reference) {
        Verdict::Same
    } else if same_above_last_row(screen, reference, rows) {
        Verdict::SameButStatus
    } else {
        Verdict::Differs
    }
}

/// A PPM's width, height and pixels (RGB).
fn pixels(ppm: &Path) -> (usize, usize, Vec<u8>) {
    let data = std::fs::read(ppm).unwrap();
    // "P6\n<width> <height>\n255\n", then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P6", "{}", ppm.display());
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[at + 1..].to_vec())
}

/// The two screenshots are the same (but for [`FEW`] pixels) above the terminal's last row,
/// the status bar. The window is at the top left of a black screen: its bottom is the last
/// pixel row that is not black at x = 300, and a row is its height over `rows`.
fn same_above_last_row(a: &Path, b: &Path, rows: u32) -> bool {
    let ((w, h, pa), (wb, hb, pb)) = (pixels(a), pixels(b));
    assert_eq!((w, h), (wb, hb));
    let black = |p: &[u8], y: usize| p[(y * w + 300) * 3..][..3] == [0, 0, 0];
    let bottom = (0..h).rev().find(|&y| !black(&pa, y)).unwrap_or(0) + 1;
    let last_row = bottom.saturating_sub(bottom / rows as usize + 2);
    let differ = (0..last_row * w)
        .filter(|&i| pa[i * 3..i * 3 + 3] != pb[i * 3..i * 3 + 3])
        .count();
    differ as f64 <= FEW
}

#[derive(Clone, Copy, Debug)]
pub enum Terminal {
    Xterm,
    Urxvt,
    Alacritty,
    Kitty,
    Konsole,
    Lxterminal,
    Mlterm,
}

const FONT: &str = "DejaVu Sans Mono";

/// The terminal's rows (and 90 columns), as each is started.
pub const ROWS: u32 = 16;

impl Terminal {
    pub fn name(self) -> &'static str {
        match self {
            Terminal::Xterm => "xterm",
            Terminal::Urxvt => "urxvt",
            Terminal::Alacritty => "alacritty",
            Terminal::Kitty => "kitty",
            Terminal::Konsole => "konsole",
            Terminal::Lxterminal => "lxterminal",
            Terminal::Mlterm => "mlterm",
        }
    }

    /// The terminal running `line`; `as_given`: with its own bidi off where it has a switch.
    fn command(self, line: &[String], as_given: bool) -> Command {
        let mut c = Command::new(self.name());
        match self {
            Terminal::Xterm => {
                let geometry = format!("90x{ROWS}+0+0");
                c.args(["-geometry", &geometry, "-fa", FONT, "-fs", "12", "-e"]);
            }
            Terminal::Urxvt => {
                let font = format!("xft:{FONT}:size=12");
                let geometry = format!("90x{ROWS}+0+0");
                c.args(["-fn", &font, "-geometry", &geometry, "-e"]);
            }
            Terminal::Alacritty => {
                let family = format!("font.normal.family=\"{FONT}\"");
                c.args([
                    "--config-file",
                    "/dev/null",
                    "-o",
                    &family,
                    "-o",
                    "font.size=12",
                    // No IPC socket: one left by an earlier Alacritty of the same pid and display
                    // makes it print a warning over the screen.
                    "-o",
                    "ipc_socket=false",
                ]);
                c.args(["-o", "window.dimensions.columns=90"]);
                let lines = format!("window.dimensions.lines={ROWS}");
                c.args(["-o", &lines, "-e"]);
            }
            Terminal::Kitty => {
                let family = format!("font_family={FONT}");
                c.args(["--config", "NONE", "-o", &family, "-o", "font_size=12"]);
                c.args([
                    "-o",
                    "initial_window_width=90c",
                    "-o",
                    &format!("initial_window_height={ROWS}c"),
                ]);
                c.args(["-o", "cursor_blink_interval=0"]);
                if as_given {
                    c.args(["-o", "force_ltr=yes"]);
                }
            }
            Terminal::Konsole => {
                c.args(["--separate", "--hide-menubar", "--hide-tabbar"]);
                c.args(["-p", &format!("Font={FONT},12,-1,5,50,0,0,0,0,0")]);
                // Not the "Size: 110 x 28" popup it shows for a while after a resize.
                c.args(["-p", "ShowTerminalSizeHint=false"]);
                if as_given {
                    c.args(["-p", "BidiRenderingEnabled=false"]);
                }
                c.arg("-e");
            }
            Terminal::Lxterminal => {
                // VTE has no switch but BDSM; its font comes from the config written in `Run`.
                c.args([&format!("--geometry=90x{ROWS}"), "-e"]);
            }
            Terminal::Mlterm => {
                let geometry = format!("90x{ROWS}+0+0");
                c.args(["-g", &geometry, "--fontsize", "12", "--blink=false"]);
                if as_given {
                    c.arg("--ctl=false");
                }
                c.arg("-e");
            }
        }
        c.args(line);
        c
    }
}

/// An X server for one test.
struct Display {
    server: Child,
    name: String,
}

impl Display {
    /// Xvfb picks a free display itself and writes its number on `-displayfd` once it accepts
    /// connections (picking by lock files races with the other tests starting theirs).
    fn start() -> Option<Self> {
        use std::io::BufRead;
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1000x700x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut number = String::new();
        let read = server
            .stdout
            .take()
            .map(|out| std::io::BufReader::new(out).read_line(&mut number));
        if !matches!(read, Some(Ok(n)) if n > 0) || number.trim().is_empty() {
            let _ = server.kill();
            let _ = server.wait();
            return None;
        }
        let name = format!(":{}", number.trim());
        Some(Display { server, name })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// One terminal's screenshots: its display, a home for qari and the article.
pub struct Run {
    terminal: Terminal,
    display: Display,
    dir: PathBuf,
    article: PathBuf,
    shots: std::cell::Cell<u32>,
}

impl Run {
    /// None (after a skip, a failure under CI) when Xvfb, ImageMagick or the terminal is not
    /// installed.
    pub fn new(terminal: Terminal, article: &str) -> Option<Self> {
        for tool in [
            "Xvfb",
            "xdpyinfo",
            "xdotool",
            "import",
            "compare",
            terminal.name(),
        ] {
            let found = Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !found {
                common::skip(&format!("{tool} is not installed (see .ci/run)"));
                return None;
            }
        }
        let dir = std::env::temp_dir().join(format!(
            "qari-terminals-{}-{}",
            terminal.name(),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let conf = dir.join("home/.config/lxterminal");
        std::fs::create_dir_all(&conf).unwrap();
        std::fs::write(
            conf.join("lxterminal.conf"),
            format!("[general]\nfontname={FONT} 12\n"),
        )
        .unwrap();
        let article_path = dir.join("tunis.txt");
        std::fs::write(&article_path, article).unwrap();
        let Some(display) = Display::start() else {
            common::skip("Xvfb did not start");
            return None;
        };
        Some(Run {
            terminal,
            display,
            dir,
            article: article_path,
            shots: std::cell::Cell::new(0),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// qari with `args` on the article, in the terminal as it comes.
    pub fn qari(&self, args: &[&str]) -> PathBuf {
        self.shoot(args, false, None)
    }

    /// The same, after searching the article for `query` (typed with xdotool, then Enter).
    pub fn qari_searching(&self, args: &[&str], query: &str) -> PathBuf {
        self.shoot(args, false, Some(query))
    }

    /// [`Run::reference`] after searching for `query`.
    pub fn reference_searching(&self, args: &[&str], query: &str) -> PathBuf {
        let mut all = vec!["--bidi", "app"];
        all.extend_from_slice(args);
        self.shoot(&all, true, Some(query))
    }

    /// qari's own layout with `args` in the terminal set to show cells as given: `--bidi app`,
    /// and none of the terminal's marks in qari's environment, so that it does nothing for it.
    pub fn reference(&self, args: &[&str]) -> PathBuf {
        let mut all = vec!["--bidi", "app"];
        all.extend_from_slice(args);
        self.shoot(&all, true, None)
    }

    fn shoot(&self, args: &[&str], as_given: bool, search: Option<&str>) -> PathBuf {
        let n = self.shots.get() + 1;
        self.shots.set(n);
        let qari = common::qari_command();
        let mut line: Vec<String> = vec!["env".into()];
        if as_given {
            for var in ["KONSOLE_VERSION", "MLTERM", "KITTY_WINDOW_ID"] {
                line.extend(["-u".into(), var.into()]);
            }
            line.push("TERM=xterm-256color".into());
        }
        for (k, v) in qari.get_envs() {
            if let Some(v) = v {
                line.push(format!("{}={}", k.to_string_lossy(), v.to_string_lossy()));
            }
        }
        let home = self.dir.join("home");
        line.push(format!("HOME={}", home.display()));
        line.push(format!(
            "XDG_CONFIG_HOME={}",
            home.join("qari-config").display()
        ));
        line.push(qari.get_program().to_string_lossy().into_owned());
        line.extend(args.iter().map(|a| (*a).to_owned()));
        line.push(self.article.display().to_string());
        let mut terminal = self
            .terminal
            .command(&line, as_given)
            .env("DISPLAY", &self.display.name)
            .env("HOME", &home)
            .env_remove("KONSOLE_VERSION")
            .env_remove("MLTERM")
            .env_remove("KITTY_WINDOW_ID")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // PPM: the pixels only (a PNG carries the time it was made).
        let png = self.dir.join(format!("{n}-{}.ppm", args.join("_")));
        let mut settled = self.settle(&png);
        if let (true, Some(query)) = (settled, search) {
            // XTEST input goes to the window under the pointer (no window manager here).
            let xdotool = |args: &[&str]| {
                let ok = Command::new("xdotool")
                    .args(args)
                    .env("DISPLAY", &self.display.name)
                    .status()
                    .is_ok_and(|s| s.success());
                assert!(ok, "xdotool {args:?}");
            };
            xdotool(&["mousemove", "300", "100"]);
            // Slowly: xdotool maps each Arabic letter to a spare key for the moment it types it,
            // and a terminal that reads the key map late gets another letter (or none).
            xdotool(&["type", "--delay", "250", &format!("/{query}")]);
            xdotool(&["key", "Return"]);
            settled = self.settle(&png);
        }
        let _ = terminal.kill();
        let _ = terminal.wait();
        // Konsole and lxterminal may leave a window behind their first process for a moment.
        std::thread::sleep(Duration::from_millis(300));
        assert!(settled, "{}: the screen never settled", png.display());
        png
    }

    /// Takes the screen into `png` until something is drawn and it stays the same.
    fn settle(&self, png: &Path) -> bool {
        let previous = png.with_extension("prev.ppm");
        let start = Instant::now();
        let mut last: Option<Vec<u8>> = None;
        let mut stable = 0;
        while start.elapsed() < Duration::from_secs(40) {
            std::thread::sleep(Duration::from_millis(700));
            let ok = Command::new("import")
                .args(["-display", &self.display.name, "-window", "root"])
                .arg(png)
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            let Some(now) = ok.then(|| std::fs::read(png).ok()).flatten() else {
                continue;
            };
            // The same three times (over 1.4 s): a popup or a late redraw has had its time.
            stable = if last.as_deref() == Some(&now[..]) {
                stable + 1
            } else {
                0
            };
            if start.elapsed() > Duration::from_secs(2) && stable >= 2 && drawn(png) {
                let _ = std::fs::remove_file(&previous);
                return true;
            }
            let _ = std::fs::write(&previous, &now);
            last = Some(now);
        }
        false
    }
}

/// Something is on the screen: more colours than an empty one has.
fn drawn(png: &Path) -> bool {
    Command::new("identify")
        .args(["-format", "%k"])
        .arg(png)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .parse::<u32>()
                .ok()
        })
        .is_some_and(|colours| colours > 8)
}

/// The two screenshots are the same, but for a few pixels: a glyph that overhangs its cell
/// (the dots of ي) is drawn over by its neighbour or not, as the cells were written in another
/// order (xterm: 33 pixels). A line that reads otherwise differs by thousands.
const FEW: f64 = 300.0;

/// The two screenshots are the same (see [`FEW`]).
pub fn same(a: &Path, b: &Path) -> bool {
    let out = Command::new("compare")
        .args(["-metric", "AE"])
        .arg(a)
        .arg(b)
        .arg("null:")
        .output()
        .unwrap();
    // `compare` writes the count on stderr (exit 1 when they differ).
    let count = String::from_utf8_lossy(&out.stderr);
    let differ = count
        .split_whitespace()
        .next()
        .and_then(|n| n.parse::<f64>().ok());
    differ.is_some_and(|n| n <= FEW)
}
