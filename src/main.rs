//! The qari binary: parse the command line, run the command, print the error, exit with grep's
//! codes (0 done or matched, 1 nothing matched, 2 an error). A reader of standard output that
//! goes away (`qari search x | head -1`) ends any command as a success, with no message, as
//! ripgrep does: here, for every command at once, not in each command's body.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    match cli::run(&cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qari: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `e` is (or was caused by) a write to a pipe nobody reads any more.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `println!` panics when standard output is a closed pipe (Rust ignores SIGPIPE, so the write
/// fails with EPIPE); that panic, and only it, becomes a quiet exit 0. Installed first, so the
/// terminal's hook (which restores the screen) runs before it.
fn quiet_on_closed_pipe() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        previous(info);
    }));
}
