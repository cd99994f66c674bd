//! The qari binary: parse the command line, run the command, print the error, exit with grep's
//! codes (0 done or matched, 1 nothing matched, 2 an error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run(&cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("qari: {e:#}");
            ExitCode::from(2)
        }
    }
}
