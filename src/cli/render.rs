//! `qari render`: the engine as a FriBidi-style filter, one input line a paragraph.

use std::fs::File;
use std::io::{self, BufReader};

use super::RenderArgs;
use super::output::quiet_pipe;
use qari::render::{RenderError, render};

pub fn run(args: &RenderArgs) -> anyhow::Result<bool> {
    let options = args.options();
    let stdin = qari::t!(super::msgs(), "cli-stdin");
    let name = if args.file == "-" { &stdin } else { &args.file };
    let error = |e: String| {
        anyhow::anyhow!(qari::t!(
            super::msgs(),
            "path-error",
            path = name,
            error = e
        ))
    };
    let stdout = io::stdout().lock();
    let result = if args.file == "-" {
        render(
            &mut BufReader::with_capacity(1 << 20, io::stdin().lock()),
            stdout,
            &options,
        )
    } else {
        let file = File::open(&args.file).map_err(|e| error(e.to_string()))?;
        render(
            &mut BufReader::with_capacity(1 << 20, file),
            stdout,
            &options,
        )
    };
    match result {
        Ok(()) => Ok(true),
        Err(RenderError::Io(e)) => quiet_pipe(Err(e))
            .map(|()| true)
            .map_err(|e| error(e.to_string())),
        Err(RenderError::InvalidUtf8 { line, column }) => Err(error(qari::t!(
            super::msgs(),
            "cli-invalid-utf8",
            line = line,
            column = column
        ))),
    }
}
