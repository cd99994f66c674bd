//! The qari binary: command-line parsing and the terminal edge.

use std::fs::File;
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use qari::collection::Origin;
use qari::collection::{Collection, Progress};
use qari::config::{BidiMode, Config, Dirs, ShapeMode};
use qari::render::{Order, RenderError, RenderOptions, render};
use qari::search::{Index, Query};
use qari::store::{Bookmark, Store};
use qari::text::{Direction, Options};
use qari::tui::theme::Styles;
use qari::tui::{Keymap, Settings, Source};

#[derive(Parser)]
#[command(name = "qari", version, about = "A terminal reader for Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of articles (searched recursively) or one article; default: the config's
    /// `collection`, else the sample collection built into qari.
    path: Option<PathBuf>,
    /// Who does bidi: qari (`app`, for terminals without bidi) or the terminal.
    #[arg(long, value_enum)]
    bidi: Option<BidiMode>,
    /// Arabic shaping: `auto` shapes in app mode only.
    #[arg(long, value_enum)]
    shape: Option<ShapeMode>,
    /// Width of the reading column, in cells.
    #[arg(long)]
    text_width: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// Lay out text for a terminal, like `fribidi`: one input line is one paragraph.
    Render(RenderArgs),
    /// Search the collection (Arabic-aware): one line per matching paragraph,
    /// `path<TAB>paragraph<TAB>text` (paragraph 0 is the title). Exit 0 on a match, 1 on none.
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
    },
    /// Paragraph bookmarks: list, add, remove, export.
    #[command(subcommand)]
    Bookmarks(BookmarksCommand),
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
    /// Paragraph direction.
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
    Ltr,
    Rtl,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrderArg {
    Visual,
    Logical,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Render(args)) => run_render(args),
        Some(Command::List { path, json }) => report(run_list(path.as_deref(), *json)),
        Some(Command::Bookmarks(cmd)) => report(run_bookmarks(cmd)),
        Some(Command::Search {
            query,
            path,
            files_with_matches,
            count,
            json,
        }) => {
            let mode = if *json {
                SearchOutput::Json
            } else if *files_with_matches {
                SearchOutput::Files
            } else if *count {
                SearchOutput::Count
            } else {
                SearchOutput::Paragraphs
            };
            match run_search(query, path.as_deref(), mode) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(e) => {
                    eprintln!("qari: {e:#}");
                    ExitCode::from(2)
                }
            }
        }
        None => report(run_reader(&cli)),
    }
}

/// Prints an error at the binary's edge.
fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qari: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_config(dirs: Option<&Dirs>) -> anyhow::Result<Config> {
    match dirs {
        Some(d) => Ok(Config::load(&d.config_file())?),
        None => Ok(Config::default()),
    }
}

/// The collection to open: the argument, else the config's, else the built-in one.
fn source(path: Option<&Path>, config: &Config, dirs: Option<&Dirs>) -> Source {
    match path
        .map(Path::to_owned)
        .or_else(|| config.collection.clone())
    {
        Some(p) => {
            let p = std::fs::canonicalize(&p).unwrap_or(p);
            let cache = dirs.map(|d| d.library_cache(&p));
            let index = dirs.map(|d| d.index_file(&p));
            Source::Path {
                path: p,
                cache,
                index,
            }
        }
        None => Source::Builtin,
    }
}

fn run_reader(cli: &Cli) -> anyhow::Result<()> {
    let dirs = Dirs::new();
    let config = load_config(dirs.as_ref())?;
    let bidi = cli.bidi.unwrap_or(config.bidi);
    let shape = cli.shape.unwrap_or(config.shape).enabled(bidi);
    let keymap = Keymap::with_config(&config.keys).map_err(|e| {
        let file = dirs
            .as_ref()
            .map(|d| d.config_file().display().to_string())
            .unwrap_or_default();
        anyhow::anyhow!("{file}: {e}")
    })?;
    let settings = Settings {
        options: Options {
            direction: Direction::Auto,
            shape,
        },
        visual: bidi == BidiMode::App,
        text_width: cli.text_width.unwrap_or(config.text_width).max(10),
        styles: Styles::new(
            &config.theme,
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ),
        keymap,
    };
    let state = qari::tui::State {
        file: dirs.as_ref().map(Dirs::state_file),
        resume: config.resume && cli.path.is_none(),
    };
    qari::tui::run(
        source(cli.path.as_deref(), &config, dirs.as_ref()),
        settings,
        &state,
    )
}

/// Loads the collection for a CLI command, reporting skipped files on stderr.
fn cli_collection(path: Option<&Path>) -> anyhow::Result<Collection> {
    let dirs = Dirs::new();
    let config = load_config(dirs.as_ref())?;
    let collection = match source(path, &config, dirs.as_ref()) {
        Source::Builtin => Collection::builtin(),
        Source::Path { path, cache, .. } => {
            Collection::load(&path, cache.as_deref(), &Progress::default())?
        }
    };
    for s in &collection.skipped {
        eprintln!("skipped {}: {}", s.path.display(), s.reason);
    }
    Ok(collection)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SearchOutput {
    Paragraphs,
    Files,
    Count,
    Json,
}

/// Control characters never reach the terminal raw.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn run_search(query: &str, path: Option<&Path>, mode: SearchOutput) -> anyhow::Result<bool> {
    let query = Query::parse(query);
    anyhow::ensure!(!query.is_empty(), "the query has no term to search for");
    let dirs = Dirs::new();
    let collection = cli_collection(path)?;
    let results = match (&collection.origin, &dirs) {
        (Origin::Path(root), Some(d)) => {
            // The index finds the matching articles; only those are read for their hits.
            let file = d.index_file(root);
            let run = |mut index: Index| -> Result<Vec<PathBuf>, qari::search::IndexError> {
                index.update(&collection, &Progress::default())?;
                index.search(&query)
            };
            // An index that fails in use is rebuilt once, never trusted.
            let found = match run(Index::open(&file)?) {
                Ok(found) => found,
                Err(e) => {
                    eprintln!("qari: {e}; rebuilding the index");
                    run(Index::recreate(&file)?)?
                }
            };
            let paths: std::collections::HashSet<PathBuf> = found.into_iter().collect();
            let entries: Vec<&qari::collection::Entry> = collection
                .entries
                .iter()
                .filter(|e| paths.contains(&e.path))
                .collect();
            if mode == SearchOutput::Files {
                entries.into_iter().map(|e| (e, Vec::new())).collect()
            } else {
                qari::search::scan_entries(&collection, &entries, &query)
            }
        }
        _ => qari::search::scan(&collection, &query),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut any = false;
    for (entry, hits) in &results {
        // In paragraph mode, "matched" means a paragraph that holds every term was printed.
        any |= mode != SearchOutput::Paragraphs || hits.iter().any(|p| p.all_terms);
        let path = entry.path.display();
        let written = match mode {
            SearchOutput::Files => writeln!(out, "{path}"),
            SearchOutput::Count => writeln!(
                out,
                "{path}\t{}",
                hits.iter().map(|p| p.hits.len()).sum::<usize>()
            ),
            SearchOutput::Paragraphs => hits
                .iter()
                .filter(|p| p.all_terms)
                .try_for_each(|p| writeln!(out, "{path}\t{}\t{}", p.paragraph, printable(&p.text))),
            SearchOutput::Json => hits.iter().try_for_each(|p| {
                p.hits.iter().try_for_each(|h| {
                    let obj = serde_json::json!({
                        "path": entry.path,
                        "paragraph": p.paragraph,
                        "start": h.range.start,
                        "end": h.range.end,
                        "match": p.text.get(h.range.clone()).unwrap_or_default(),
                    });
                    writeln!(out, "{obj}")
                })
            }),
        };
        match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(true),
            other => other?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(any)
}

/// Opens the state database, telling the user on stderr about anything wrong with it.
fn open_store() -> anyhow::Result<Store> {
    let dirs = Dirs::new()
        .ok_or_else(|| anyhow::anyhow!("no home folder: cannot find where state lives"))?;
    let opened = Store::open(&dirs.state_file());
    for w in &opened.warnings {
        eprintln!("qari: {w}");
    }
    Ok(opened.store)
}

fn bookmark_json(b: &Bookmark) -> serde_json::Value {
    serde_json::json!({
        "id": b.id,
        "path": b.path,
        "title": b.title,
        "paragraph": b.paragraph,
        "excerpt": b.excerpt,
        "note": b.note,
        "created": b.created,
        "orphaned": b.orphaned,
    })
}

fn run_bookmarks(cmd: &BookmarksCommand) -> anyhow::Result<()> {
    let mut store = open_store()?;
    // The configured collection: where moved articles are looked for, and the root that new
    // bookmarks' relative paths start from.
    let collection = load_config(Dirs::new().as_ref())?
        .collection
        .and_then(|c| std::fs::canonicalize(c).ok());
    let roots: Vec<PathBuf> = collection.iter().cloned().collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match cmd {
        BookmarksCommand::List { json } => {
            let listed = store.bookmarks()?;
            let all = qari::store::refresh(&mut store, listed, &roots)?;
            for b in &all {
                if *json {
                    writeln!(out, "{}", bookmark_json(b))?;
                } else {
                    let mark = if b.orphaned { " (orphaned)" } else { "" };
                    writeln!(
                        out,
                        "{}\t{}\t{}{mark}\t{}",
                        b.id,
                        b.path.display(),
                        b.paragraph,
                        printable(&b.excerpt)
                    )?;
                }
            }
        }
        BookmarksCommand::Add {
            file,
            paragraph,
            note,
        } => {
            let path = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            let article = qari::store::article_at(&path)
                .ok_or_else(|| anyhow::anyhow!("{}: cannot read this article", file.display()))?;
            paragraph
                .checked_sub(1)
                .and_then(|i| article.paragraphs.get(i))
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{}: no paragraph {paragraph} (the article has {})",
                        file.display(),
                        article.paragraphs.len()
                    )
                })?;
            // The collection root: the config's collection when the file is in it, else its folder.
            let root = collection
                .filter(|c| path.starts_with(c))
                .or_else(|| path.parent().map(Path::to_owned));
            let at = qari::store::Place {
                article: &article,
                root: root.as_deref(),
                index: paragraph - 1,
            };
            let id = store.add_bookmark(&at, note)?;
            writeln!(out, "{id}")?;
        }
        BookmarksCommand::Remove { id } => {
            if store.remove_bookmark(*id)?.is_none() {
                anyhow::bail!("no bookmark {id}");
            }
        }
        BookmarksCommand::Export { format } => {
            let listed = store.bookmarks()?;
            let all = qari::store::refresh(&mut store, listed, &roots)?;
            match format {
                ExportFormat::Json => {
                    let list: Vec<serde_json::Value> = all.iter().map(bookmark_json).collect();
                    writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
                }
                ExportFormat::Md => {
                    writeln!(out, "# Bookmarks\n")?;
                    let mut last: Option<&Path> = None;
                    for b in &all {
                        if last != Some(b.path.as_path()) {
                            writeln!(
                                out,
                                "## {}\n\n`{}`\n",
                                printable(&b.title),
                                b.path.display()
                            )?;
                            last = Some(&b.path);
                        }
                        let text = qari::store::article_at(&b.path)
                            .and_then(|a| a.paragraphs.get(b.paragraph - 1).cloned())
                            .filter(|_| !b.orphaned)
                            .unwrap_or_else(|| b.excerpt.clone());
                        let label = if b.orphaned {
                            " (orphaned: the paragraph is gone; excerpt)"
                        } else {
                            ""
                        };
                        writeln!(
                            out,
                            "Paragraph {}{label}:\n\n> {}\n",
                            b.paragraph,
                            printable(&text)
                        )?;
                        if !b.note.is_empty() {
                            writeln!(out, "{}\n", printable(&b.note))?;
                        }
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn run_list(path: Option<&Path>, json: bool) -> anyhow::Result<()> {
    let collection = cli_collection(path)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for e in &collection.entries {
        let written = if json {
            let mut obj = serde_json::json!({
                "path": e.path,
                "title": e.title,
                "paragraphs": e.paragraphs,
                "encoding": e.encoding,
                "replaced": e.replaced,
            });
            if let (Some(map), Ok(serde_json::Value::Object(meta))) =
                (obj.as_object_mut(), serde_json::to_value(&e.meta))
            {
                map.extend(meta);
            }
            writeln!(out, "{obj}")
        } else {
            let title: String = e
                .title
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            writeln!(out, "{}\t{title}", e.path.display())
        };
        match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            other => other?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn run_render(args: &RenderArgs) -> ExitCode {
    let options = RenderOptions {
        layout: Options {
            direction: match args.dir {
                Dir::Auto => Direction::Auto,
                Dir::Ltr => Direction::Ltr,
                Dir::Rtl => Direction::Rtl,
            },
            shape: !args.no_shape,
        },
        width: args.width,
        order: match args.order {
            OrderArg::Visual => Order::Visual,
            OrderArg::Logical => Order::Logical,
        },
        align: args.align,
    };
    let stdout = io::stdout().lock();
    let result = if args.file == "-" {
        render(
            &mut BufReader::with_capacity(1 << 20, io::stdin().lock()),
            stdout,
            &options,
        )
    } else {
        match File::open(PathBuf::from(&args.file)) {
            Ok(file) => render(
                &mut BufReader::with_capacity(1 << 20, file),
                stdout,
                &options,
            ),
            Err(e) => {
                eprintln!("qari: {}: {e}", args.file);
                return ExitCode::from(2);
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(RenderError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "qari: {}: {e}",
                if args.file == "-" {
                    "<stdin>"
                } else {
                    &args.file
                }
            );
            ExitCode::from(2)
        }
    }
}
