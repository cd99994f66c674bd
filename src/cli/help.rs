//! The command line in another language than English: clap writes the English `--help` from the
//! doc comments by itself; in Arabic every about, argument, heading and the help and version
//! flags come from the messages (`cli-*`), the defaults and choices written by qari.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use qari::i18n::Messages;
use qari::t;

/// The message of each command's about and arguments, by the command's path and the
/// argument's id.
const TEXTS: &[(&str, &str, &str)] = &[
    ("", "", "cli-about"),
    ("", "path", "cli-arg-path"),
    ("", "bidi", "cli-arg-bidi"),
    ("", "shape", "cli-arg-shape"),
    ("", "text_width", "cli-arg-text-width"),
    ("", "lang", "cli-arg-lang"),
    ("", "verbose", "cli-arg-verbose"),
    ("man", "", "cli-man"),
    ("completions", "", "cli-completions"),
    ("completions", "shell", "cli-completions-shell"),
    ("render", "", "cli-render"),
    ("render", "file", "cli-render-file"),
    ("render", "width", "cli-render-width"),
    ("render", "dir", "cli-render-dir"),
    ("render", "no_shape", "cli-render-no-shape"),
    ("render", "order", "cli-render-order"),
    ("render", "align", "cli-render-align"),
    ("search", "", "cli-search"),
    ("search", "query", "cli-search-query"),
    ("search", "path", "cli-search-path"),
    (
        "search",
        "files_with_matches",
        "cli-search-files-with-matches",
    ),
    ("search", "count", "cli-search-count"),
    ("search", "json", "cli-search-json"),
    ("bookmarks", "", "cli-bookmarks"),
    ("bookmarks list", "", "cli-bookmarks-list"),
    ("bookmarks list", "json", "cli-bookmarks-list-json"),
    ("bookmarks add", "", "cli-bookmarks-add"),
    ("bookmarks remove", "", "cli-bookmarks-remove"),
    ("bookmarks export", "", "cli-bookmarks-export"),
    ("doctor", "", "cli-doctor"),
    ("feeds", "", "cli-feeds"),
    ("feeds add", "", "cli-feeds-add"),
    ("feeds add", "name", "cli-feeds-add-name"),
    ("feeds add", "folder", "cli-feeds-add-folder"),
    ("feeds list", "", "cli-feeds-list"),
    ("feeds remove", "", "cli-feeds-remove"),
    ("feeds add", "no_check", "cli-feeds-add-no-check"),
    ("feeds import", "", "cli-feeds-import"),
    ("feeds import", "file", "cli-feeds-import-file"),
    ("feeds export", "", "cli-feeds-export"),
    ("update", "", "cli-update"),
    ("save", "", "cli-save"),
    ("save", "url", "cli-save-url"),
    ("import", "", "cli-import"),
    ("import", "file", "cli-import-file"),
    ("list", "", "cli-list"),
    ("list", "path", "cli-list-path"),
    ("list", "json", "cli-list-json"),
];

/// `cmd` (qari's, as derived) with its help in the language of `msgs`.
pub fn localized(cmd: Command, msgs: &Messages) -> Command {
    localize(cmd, "", msgs)
}

fn heading(msgs: &Messages, id: &str) -> String {
    msgs.get(id, &[]).trim_end_matches(':').to_owned()
}

fn localize(mut cmd: Command, path: &str, msgs: &Messages) -> Command {
    if let Some(&(_, _, id)) = TEXTS.iter().find(|(p, a, _)| *p == path && a.is_empty()) {
        let about = msgs.get(id, &[]);
        cmd = cmd.about(about.clone()).long_about(about);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        msgs.get("cli-help-usage", &[])
    );
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = TEXTS
            .iter()
            .find(|(p, a, _)| *p == path && *a == id)
            .map(|&(_, _, m)| msgs.get(m, &[]));
        let heading = if positional {
            heading(msgs, "cli-help-arguments")
        } else {
            heading(msgs, "cli-help-options")
        };
        cmd = cmd.mut_arg(&id, |a| described(a, text, heading, msgs));
    }
    // clap's own `help` subcommand describes itself in English only; `--help` stays.
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(heading(msgs, "cli-help-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(msgs.get("cli-help-help", &[]))
                .help_heading(heading(msgs, "cli-help-options")),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(msgs.get("cli-help-version", &[]))
                .help_heading(heading(msgs, "cli-help-options")),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub, msgs));
    }
    cmd
}

/// `arg` with `text` as its help (kept when there is none), under `heading`, its default and
/// choices written in the messages' words.
fn described(arg: Arg, text: Option<String>, heading: String, msgs: &Messages) -> Arg {
    let mut help =
        text.unwrap_or_else(|| arg.get_help().map(ToString::to_string).unwrap_or_default());
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let value = defaults.join(", ");
        help = format!("{help} {}", t!(msgs, "cli-help-default", value = value));
    }
    let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
    let values: Vec<String> = if takes_value {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    if !values.is_empty() {
        let values = values.join(", ");
        help = format!("{help} {}", t!(msgs, "cli-help-possible", values = values));
    }
    let arg = arg.help(help).help_heading(heading);
    if takes_value {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// Parses `args` with `cmd` (localized): help and version as clap prints them, the usual usage
/// errors in the messages' words (others as clap writes them), exit code 2 as clap's.
pub fn matches(cmd: Command, args: Vec<std::ffi::OsString>, msgs: &Messages) -> clap::ArgMatches {
    let e = match cmd.try_get_matches_from(args) {
        Ok(m) => return m,
        Err(e) => e,
    };
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => t!(
            msgs,
            "cli-error-unknown-argument",
            arg = text(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue => {
            let mut m = t!(
                msgs,
                "cli-error-invalid-value",
                value = text(ContextKind::InvalidValue),
                arg = text(ContextKind::InvalidArg)
            );
            let valid = text(ContextKind::ValidValue);
            if !valid.is_empty() {
                m = format!("{m}\n  {}", t!(msgs, "cli-help-possible", values = valid));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let m = t!(
                msgs,
                "cli-error-invalid-value",
                value = text(ContextKind::InvalidValue),
                arg = text(ContextKind::InvalidArg)
            );
            match std::error::Error::source(&e) {
                Some(why) => format!("{m}: {why}"),
                None => m,
            }
        }
        ErrorKind::MissingRequiredArgument => format!(
            "{}\n  {}",
            t!(msgs, "cli-error-missing"),
            text(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => t!(
            msgs,
            "cli-error-unknown-subcommand",
            name = text(ContextKind::InvalidSubcommand)
        ),
        _ => e.exit(),
    };
    eprintln!(
        "{} {message}\n\n{}",
        t!(msgs, "cli-error"),
        t!(msgs, "cli-error-more", help = "--help")
    );
    std::process::exit(2);
}
