//! `sitrep`: the command-line front end. Thin by design: argument parsing and
//! printing live here; all analysis lives in the library crates.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Structured, sourced event data from raw conflict and political news",
    long_about = "sitrep turns raw news text into structured events: who did what to whom, \
                  where, when, and according to whom, with every field traced to byte offsets \
                  of its evidence in the input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code the bundled example articles end to end, print a summary and write
    /// JSONL + CSV results to an output folder (the main job).
    Demo(cmd::demo::Args),
    /// Read articles and print datelines, sentences and tokens with byte offsets.
    Segment(cmd::segment::Args),
    /// Code events (who did what to whom) from articles, as JSON Lines or TSV.
    Code(cmd::code::Args),
    /// Train a model (tagger or parser) from CoNLL-U treebanks.
    Train(cmd::train::Args),
    /// Measure accuracy against reference data.
    Eval(cmd::eval::Args),
    /// Compile or inspect event-coding dictionaries (PETRARCH / TABARI formats).
    Dict(cmd::dict::Args),
    /// Build or query the offline GeoNames gazetteer.
    Gazetteer(cmd::gazetteer::Args),
}

fn main() {
    let cli = Cli::parse();
    let result: Result<()> = match cli.command {
        Command::Demo(args) => cmd::demo::run(args),
        Command::Segment(args) => cmd::segment::run(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Dict(args) => cmd::dict::run(args),
        Command::Gazetteer(args) => cmd::gazetteer::run(args),
    };
    if let Err(err) = result {
        eprintln!("sitrep: error: {err:#}");
        std::process::exit(1);
    }
}
