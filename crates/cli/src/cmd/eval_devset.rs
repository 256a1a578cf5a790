//! `sitrep eval devset [DIR]`: event precision/recall of the full pipeline on
//! the real-news development set (scoring lives in `sitrep_eval::devset`).
use anyhow::{Context, Result};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_eval::devset::{self as eval, Devset};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A directory with `sentences.tsv` and `events.tsv`; default: the set
    /// built in (`crates/eval/data/devset`).
    dir: Option<PathBuf>,
    /// List the missed gold events and the spurious predictions.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: Args) -> Result<()> {
    let set = match &args.dir {
        Some(dir) => Devset::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?,
        None => Devset::bundled(),
    };
    for (file, line, why) in &set.skipped {
        eprintln!("sitrep: warning: {file}:{line}: {why}; line skipped");
    }
    let pipeline = Pipeline::full(&PipelineOptions::default())?;
    let report = eval::score(&set, &pipeline);
    if args.verbose {
        for (g, near) in &report.misses {
            println!(
                "MISS {} {} -> {} {} ({}){}",
                g.sentence,
                g.source.join("|"),
                g.target.join("|"),
                g.plover.join("|"),
                g.note,
                if near.is_empty() {
                    String::new()
                } else {
                    format!("\n     coded: {}", near.join("; "))
                }
            );
        }
        for (p, text) in &report.spurious {
            println!(
                "SPURIOUS {} {} -> {} {} {} ({})\n     {}",
                p.sentence,
                p.source.as_deref().unwrap_or("-"),
                p.target.as_deref().unwrap_or("-"),
                p.plover,
                p.code,
                p.verb,
                text
            );
        }
    }
    println!("{report}");
    Ok(())
}
