//! `qari [PATH]`: the reader, with the settings from the config and the command line.

use std::io::IsTerminal;

use std::path::Path;

use super::Cli;
use qari::config::{BidiMode, DirectionMode, Dirs};
use qari::text::{Direction, Options};
use qari::tui::theme::Styles;
use qari::tui::{Keymap, Settings, Source, detect};

pub fn run(cli: &Cli) -> anyhow::Result<bool> {
    let dirs = Dirs::new();
    let config = super::config()?;
    let source = match super::source(cli.path.as_deref(), &config)? {
        // One article: open it at once, with the library of its folder behind it.
        Source::Path { path, .. } if path.is_file() => {
            let folder = path.parent().map(Path::to_owned).unwrap_or_default();
            let Source::Path { cache, index, .. } = super::source(Some(&folder), &config)? else {
                unreachable!("a path gives a path source")
            };
            Source::Path {
                path: folder,
                cache,
                index,
                open: Some(path),
            }
        }
        other => other,
    };
    anyhow::ensure!(
        std::io::stdout().is_terminal(),
        qari::t!(super::msgs(), "cli-needs-terminal")
    );
    // `auto`: ask the terminal whether it reorders by itself and can be told not to.
    let mut typed = Vec::new();
    // A forced mode sets the terminal up for itself all the same (mlterm's and Konsole's own
    // bidi switched, kitty's runs).
    let env = |k: &str| std::env::var(k).ok();
    let choice = match cli.bidi.unwrap_or(config.bidi) {
        BidiMode::Auto => {
            let answer = detect::ask_terminal();
            typed = answer.typed;
            detect::choose(answer.bdsm, &env)
        }
        forced => detect::forced(forced == BidiMode::App, &env),
    };
    let bidi = if choice.visual {
        BidiMode::App
    } else {
        BidiMode::Terminal
    };
    let shape = cli.shape.unwrap_or(config.shape).enabled(bidi);
    let config_file = || {
        dirs.as_ref()
            .map(|d| d.config_file().display().to_string())
            .unwrap_or_default()
    };
    let keymap = Keymap::with_config_in(&config.keys, super::msgs()).map_err(|e| {
        anyhow::anyhow!(qari::t!(
            super::msgs(),
            "path-error",
            path = config_file(),
            error = e
        ))
    })?;
    let settings = Settings {
        options: Options {
            direction: match config.direction {
                DirectionMode::Auto => Direction::Majority,
                DirectionMode::Rtl => Direction::Rtl,
                DirectionMode::Ltr => Direction::Ltr,
            },
            shape,
        },
        visual: bidi == BidiMode::App,
        text_width: cli.text_width.unwrap_or(config.text_width),
        styles: Styles::new(
            &config.theme,
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ),
        keymap,
        msgs: qari::i18n::Messages::configured(
            cli.lang.or(config.lang),
            config.digits,
            config.calendar,
        ),
        clock: super::clock()?,
    };
    let state = qari::tui::State {
        file: dirs.as_ref().map(Dirs::state_file),
        resume: config.resume && cli.path.is_none(),
        terminal: choice,
        feeds: dirs.as_ref().map(|d| qari::tui::feeds::FeedSetup {
            config: config.clone(),
            state: d.state_file(),
        }),
        monitor: config.monitor,
        typed,
    };
    qari::tui::run(source, settings, &state)?;
    Ok(true)
}
