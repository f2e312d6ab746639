//! Assess a file of answers, for clinical review.
//!
//! `cargo run --example assess -- answers.json` (or `-` for stdin) prints the
//! assessment as JSON. Invalid answers print one line naming the problem and
//! exit with code 2; an unreadable file exits with code 1.

use std::io::Read;
use std::process::ExitCode;

use iop_op_fit::engine::{assess, Responses};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!(
            "usage: assess FILE (or - for stdin); FILE holds answers as JSON with the contract ids"
        );
        return ExitCode::from(1);
    };
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(&path).map(|t| text = t)
    };
    if let Err(e) = read {
        eprintln!("cannot read {path}: {e}");
        return ExitCode::from(1);
    }
    match Responses::from_json(&text).and_then(|r| assess(&r)) {
        Ok(assessment) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&assessment).expect("assessment serialises")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("invalid answers: {e}");
            ExitCode::from(2)
        }
    }
}
