//! Writing a command's output to standard output. A reader that goes away (`qari list | head`)
//! is not an error: the command stops quietly, as grep does.

use std::io::{self, BufWriter, StdoutLock, Write};

/// Runs `write` on buffered standard output; a broken pipe ends it as a success.
pub fn print(
    write: impl FnOnce(&mut BufWriter<StdoutLock<'static>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    quiet_pipe(write(&mut out).and_then(|()| out.flush()))
}

/// `result`, with a broken pipe counted as success.
pub fn quiet_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
