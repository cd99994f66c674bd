//! The command line: clap's types, one thin runner per command (each in its own file), and what
//! they share: the config, which collection to open, loading it with skipped files reported.

mod bookmarks;
mod doctor;
mod feeds;
mod generate;
mod help;
mod list;
mod output;
mod read;
mod render;
mod search;
mod skipped;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use qari::collection::{Collection, Progress};
use qari::config::{BidiMode, Config, Dirs, ShapeMode};
use std::sync::OnceLock;

use qari::i18n::{Calendar, Lang, Messages};
use qari::render::{Order, RenderOptions};
use qari::t;
use qari::text::{Direction, Options};
use qari::tui::Source;

#[derive(Parser)]
#[command(name = "qari", version, about = "A terminal reader for Arabic news")]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of articles (searched recursively) or one article; default: the config's
    /// `collection`, else the sample collection built into qari.
    path: Option<PathBuf>,
    /// Who does bidi: `auto` asks the terminal (default), `app` is qari (for terminals without
    /// bidi, or told not to reorder), `terminal` hands it logical text.
    #[arg(long, value_enum)]
    bidi: Option<BidiMode>,
    /// Arabic shaping: `auto` shapes in app mode only.
    #[arg(long, value_enum)]
    shape: Option<ShapeMode>,
    /// Width of the reading column, in cells: 20 or more, or 0 for the terminal's whole width
    /// (default: the config's `text_width`, else 80).
    #[arg(long, value_parser = text_width)]
    text_width: Option<u16>,
    /// Language of the interface: ar (Arabic) or en (default: the config's `lang`, else the
    /// locale).
    #[arg(long, global = true)]
    lang: Option<Lang>,
    /// List every skipped file, every time (without it, a list already shown is one line).
    #[arg(long, short, global = true)]
    verbose: bool,
}

/// `--text-width`: 0 (the terminal's width) or at least 20 cells.
fn text_width(s: &str) -> Result<u16, String> {
    let n: u16 = s
        .parse()
        .map_err(|_| t!(msgs(), "cli-not-a-number", value = s))?;
    if n != 0 && n < qari::config::MIN_TEXT_WIDTH {
        return Err(t!(
            msgs(),
            "cli-too-narrow",
            n = s,
            min = qari::config::MIN_TEXT_WIDTH.to_string()
        ));
    }
    Ok(n)
}

#[derive(Subcommand)]
enum Command {
    /// Lay out text for a terminal, like `fribidi`: one input line is one paragraph.
    Render(RenderArgs),
    /// Search the collection (Arabic-aware): one line per matching paragraph,
    /// `path<TAB>paragraph<TAB>text` (paragraph 0 is the title), the best-matching articles
    /// first. Exit 0 on a match, 1 on none.
    Search {
        /// Terms separated by spaces; a "quoted phrase" is one term. All must occur.
        query: String,
        /// A folder or file (default: as for the reader).
        path: Option<PathBuf>,
        /// Print only the paths of matching articles.
        #[arg(long, short = 'l')]
        files_with_matches: bool,
        /// Print `path<TAB>matches` per matching article.
        #[arg(long, short = 'c')]
        count: bool,
        /// One JSON object per match, with the original byte range.
        #[arg(long)]
        json: bool,
        /// The order of the articles: best first (`rank`, the default), the folder's order
        /// (`path`, for scripts) or newest first by the article's date (`date`).
        #[arg(long, value_enum, default_value_t = search::Sort::Rank)]
        sort: search::Sort,
    },
    /// Paragraph bookmarks: list, add, remove, export.
    #[command(subcommand)]
    Bookmarks(BookmarksCommand),
    /// What qari finds out about this terminal (bidi, colours, copying), and a line of Arabic
    /// drawn both ways to see which reads right.
    Doctor,
    /// Feeds subscribed to (kept in config.toml): add, list, remove, import, export.
    #[command(subcommand)]
    Feeds(FeedsCommand),
    /// Fetch every feed and save its new items into the collection, one folder per feed.
    Update,
    /// Fetch a web page, extract its article and save it into the collection (folder `saved`).
    Save {
        /// The page's http:// or https:// URL.
        url: String,
    },
    /// Extract the article of a saved web page and save it into the collection (folder
    /// `saved`).
    Import {
        /// An .html file.
        file: PathBuf,
    },
    /// The file monitor of a collection: started by `qari search`, not by hand.
    #[command(hide = true)]
    Monitor { root: PathBuf, socket: PathBuf },
    /// Print qari's manual page (roff): `qari man > ~/.local/share/man/man1/qari.1`.
    Man,
    /// Print the completions of SHELL (bash, zsh, fish, elvish, powershell), to be installed
    /// where the shell looks for them (see the README).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// List the collection: `path<TAB>title` per article, or JSON lines.
    List {
        /// A folder or file (default: as for the reader).
        path: Option<PathBuf>,
        /// One JSON object per article.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum BookmarksCommand {
    /// Every bookmark, re-attached to its paragraph: `id<TAB>path<TAB>paragraph<TAB>excerpt`.
    List {
        /// One JSON object per bookmark.
        #[arg(long)]
        json: bool,
    },
    /// Bookmark paragraph N (from 1) of FILE.
    Add {
        file: PathBuf,
        #[arg(long)]
        paragraph: usize,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove bookmark ID.
    Remove { id: i64 },
    /// Every bookmark as Markdown (titles as headings, paragraphs quoted, notes under them) or
    /// as JSON.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
    },
}

#[derive(Subcommand)]
enum FeedsCommand {
    /// Subscribe to the feed at URL (RSS, Atom or JSON Feed), or to the one a page links.
    Add {
        url: String,
        /// Its name (default: the feed's own title, else its host).
        #[arg(long)]
        name: Option<String>,
        /// The folder of the collection its articles go to (default: a slug of the name).
        #[arg(long)]
        folder: Option<String>,
        /// Add it without fetching it first (a feed that is down now). Otherwise URL must be a
        /// feed, or a web page that links one (`<link rel="alternate">`): that feed is added.
        #[arg(long)]
        no_check: bool,
    },
    /// The feeds: `name<TAB>url<TAB>folder`.
    List,
    /// Unsubscribe from the feed named NAME (its saved articles stay).
    Remove { name: String },
    /// Subscribe to every feed of an OPML file (another reader's export); those subscribed
    /// already are left as they are.
    Import { file: PathBuf },
    /// Every feed as OPML, on standard output (for another reader's import).
    Export,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Md,
    Json,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// The file to read, or - for standard input.
    #[arg(default_value = "-")]
    file: String,
    /// Wrap to this many cells (0: do not wrap).
    #[arg(long, default_value_t = 0)]
    width: usize,
    /// Paragraph direction: `auto` is Unicode's rule (the first strong letter decides, as in
    /// FriBidi); `majority` is the reader's (the direction of most strong letters).
    #[arg(long, value_enum, default_value_t = Dir::Auto)]
    dir: Dir,
    /// Do not use Arabic presentation forms (for terminals that shape by themselves).
    #[arg(long)]
    no_shape: bool,
    /// Print lines reordered for display (visual) or as logical pieces of the input.
    #[arg(long, value_enum, default_value_t = OrderArg::Visual)]
    order: OrderArg,
    /// Right-align the lines of right-to-left paragraphs to --width cells.
    #[arg(long)]
    align: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Dir {
    Auto,
    Majority,
    Ltr,
    Rtl,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrderArg {
    Visual,
    Logical,
}

impl RenderArgs {
    fn options(&self) -> RenderOptions {
        RenderOptions {
            layout: Options {
                direction: match self.dir {
                    Dir::Auto => Direction::Auto,
                    Dir::Majority => Direction::Majority,
                    Dir::Ltr => Direction::Ltr,
                    Dir::Rtl => Direction::Rtl,
                },
                shape: !self.no_shape,
            },
            width: self.width,
            order: match self.order {
                OrderArg::Visual => Order::Visual,
                OrderArg::Logical => Order::Logical,
            },
            align: self.align,
        }
    }
}

/// The messages of the command line's errors and notices, in the interface's language.
static MSGS: OnceLock<Messages> = OnceLock::new();

/// The command line's messages: `--lang`, else the config's `lang`, else the locale (set by
/// [`run`]); without bidi isolation, since no engine reads stderr.
pub fn msgs() -> &'static Messages {
    MSGS.get_or_init(|| Messages::configured(None, None, Calendar::Gregorian).with_isolation(false))
}

/// Parses the command line: in English as clap writes it; in another language (`--lang`, else
/// the config's `lang`, else the locale) with its help from the messages.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config = config().unwrap_or_default();
    let lang = lang_in(&args).or(config.lang);
    let _ =
        MSGS.set(Messages::configured(lang, config.digits, config.calendar).with_isolation(false));
    if msgs().lang() == Lang::En {
        return Cli::parse_from(args);
    }
    let cmd = help::localized(Cli::command(), msgs());
    let matches = help::matches(cmd, args, msgs());
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The value of `--lang` in `args`, if it is one (clap reports a wrong one).
fn lang_in(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(v) = value {
            return v.parse().ok();
        }
    }
    None
}

/// Runs the command line: true on success (or a match), false when a search found nothing.
pub fn run(cli: &Cli) -> anyhow::Result<bool> {
    // A config that cannot be read is reported by the command that reads it.
    let config = config().unwrap_or_default();
    let _ = MSGS.set(
        Messages::configured(cli.lang.or(config.lang), config.digits, config.calendar)
            .with_isolation(false),
    );
    skipped::VERBOSE.store(cli.verbose, std::sync::atomic::Ordering::Relaxed);
    match &cli.command {
        Some(Command::Render(args)) => render::run(args),
        Some(Command::List { path, json }) => list::run(path.as_deref(), *json),
        Some(Command::Bookmarks(cmd)) => bookmarks::run(cmd),
        Some(Command::Doctor) => doctor::run(),
        Some(Command::Man) => generate::man(),
        Some(Command::Completions { shell }) => generate::completions(*shell),
        Some(Command::Monitor { root, socket }) => monitor(root, socket),
        Some(Command::Feeds(cmd)) => feeds::run(cmd),
        Some(Command::Update) => feeds::update(),
        Some(Command::Save { url }) => feeds::save(url),
        Some(Command::Import { file }) => feeds::import(file),
        Some(Command::Search {
            query,
            path,
            files_with_matches,
            count,
            json,
            sort,
        }) => {
            let mode = if *json {
                search::Output::Json
            } else if *files_with_matches {
                search::Output::Files
            } else if *count {
                search::Output::Count
            } else {
                search::Output::Paragraphs
            };
            search::run(query, path.as_deref(), mode, *sort)
        }
        None => read::run(cli),
    }
}

/// Runs the file monitor of `root` (see [`qari::monitor`]) until it is no longer wanted.
fn monitor(root: &Path, socket: &Path) -> anyhow::Result<bool> {
    #[cfg(target_os = "linux")]
    qari::monitor::run(root, socket)?;
    #[cfg(not(target_os = "linux"))]
    let _ = (root, socket);
    Ok(true)
}

/// The clock `QARI_NOW` pins, else the system's; a value that is not a time is said in the
/// interface's language.
fn clock() -> anyhow::Result<qari::clock::Clock> {
    qari::clock::Clock::from_process_env()
        .map_err(|e| anyhow::anyhow!(t!(msgs(), "cli-bad-clock", value = e.value)))
}

/// The config file, or the defaults when there is no home folder.
fn config() -> anyhow::Result<Config> {
    match Dirs::new() {
        Some(d) => Ok(Config::load(&d.config_file())?),
        None => Ok(Config::default()),
    }
}

/// The collection to open: the argument, else the config's, else the built-in one. A path that
/// does not exist is an error that names it.
fn source(path: Option<&Path>, config: &Config) -> anyhow::Result<Source> {
    let Some(p) = path
        .map(Path::to_owned)
        .or_else(|| config.collection.clone())
    else {
        return Ok(Source::Builtin);
    };
    let p = match std::fs::canonicalize(&p) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            anyhow::bail!(t!(
                msgs(),
                "cli-no-such-path",
                path = p.display().to_string()
            ))
        }
        Err(e) => anyhow::bail!(t!(
            msgs(),
            "path-error",
            path = p.display().to_string(),
            error = e.to_string()
        )),
    };
    let dirs = Dirs::new();
    Ok(Source::Path {
        cache: dirs.as_ref().map(|d| d.library_cache(&p)),
        index: dirs.as_ref().map(|d| d.index_file(&p)),
        path: p,
        open: None,
    })
}

/// Reports skipped files on stderr (the list when it changed, see [`skipped`]).
fn report_skipped(skipped: &[qari::collection::Skipped]) {
    skipped::report(skipped);
}

/// Loads the collection for a command, reporting skipped files on stderr.
fn collection(path: Option<&Path>) -> anyhow::Result<Collection> {
    let collection = match source(path, &config()?)? {
        Source::Builtin => Collection::builtin(),
        Source::Path { path, cache, .. } => {
            Collection::load(&path, cache.as_deref(), &Progress::default())?
        }
    };
    report_skipped(&collection.skipped);
    Ok(collection)
}
