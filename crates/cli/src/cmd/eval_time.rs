//! `sitrep eval time --fixtures FILE`: score temporal-expression normalisation.
use anyhow::{Context, Result};
use sitrep_eval::time as eval;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Fixture TSV: anchor, sentence, expected phrase, expected ISO value,
    /// precision[, tense] (e.g. `crates/time/tests/fixtures/time.tsv`).
    #[arg(long)]
    fixtures: PathBuf,
    /// Also print the correct cases.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: Args) -> Result<()> {
    let text = std::fs::read_to_string(&args.fixtures)
        .with_context(|| format!("reading {}", args.fixtures.display()))?;
    let cases =
        eval::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.fixtures.display()))?;
    let report = eval::evaluate(cases);
    for o in &report.outcomes {
        if o.correct && !args.verbose {
            continue;
        }
        let want = o.case.expected.as_ref().map_or("nothing".to_string(), |e| {
            format!("{:?} → {} ({})", e.phrase, e.iso, e.precision.as_str())
        });
        let got = o
            .found
            .as_ref()
            .map_or("nothing".to_string(), |t| t.to_string());
        let mark = if o.correct { "ok  " } else { "MISS" };
        println!("{mark} line {}: want {want}; got {got}", o.case.line);
    }
    println!(
        "exact spans: {}/{}",
        report.exact_spans,
        report
            .outcomes
            .iter()
            .filter(|o| o.case.expected.is_some())
            .count()
    );
    println!(
        "time accuracy: {:.3} ({}/{})",
        report.accuracy(),
        report.correct,
        report.total()
    );
    Ok(())
}
