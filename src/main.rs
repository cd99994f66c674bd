//! The qari binary: command-line parsing and the terminal edge.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use qari::render::{Order, RenderError, RenderOptions, render};
use qari::text::{Direction, Options};

#[derive(Parser)]
#[command(name = "qari", version, about = "A terminal reader for Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Lay out text for a terminal, like `fribidi`: one input line is one paragraph.
    Render(RenderArgs),
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
    match cli.command {
        Some(Command::Render(args)) => run_render(&args),
        None => {
            eprintln!("qari: the reader is not built yet; try `qari render`");
            ExitCode::from(2)
        }
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
