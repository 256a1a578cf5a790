//! `sitrep eval petrarch|tabari|plover`: the event coder on the peer coders'
//! test suites, from raw text (library: `sitrep_eval::coder`).

use anyhow::{Context, Result};
use sitrep::Pipeline;
use sitrep_coder::{Coder, CoderOptions};
use sitrep_eval::coder::{self as eval, ParsingPipeline, Report};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct PetrarchArgs {
    /// PETRARCH unit-test records (`PETR.UnitTest.records.xml`).
    #[arg(long, value_name = "FILE")]
    pub records: PathBuf,
    /// Dictionary directory [default: the files the records' <Environment> names].
    #[arg(long, value_name = "DIR")]
    pub dicts: Option<PathBuf>,
    /// List every failed record with expected and coded events.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(clap::Args)]
pub struct TabariArgs {
    /// TABARI `.project` file naming the dictionaries and the validation records.
    #[arg(long, value_name = "FILE")]
    pub project: PathBuf,
    /// List every failed record.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(clap::Args)]
pub struct PloverArgs {
    /// PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array).
    #[arg(long, value_name = "FILE")]
    pub records: PathBuf,
    /// Dictionary directory [default: the vendored Phoenix dictionaries].
    #[arg(long, value_name = "DIR")]
    pub dicts: Option<PathBuf>,
    /// List every record failed by either prediction, with every coded event.
    #[arg(long, short)]
    pub verbose: bool,
}

fn print(report: &Report, verbose: bool) {
    if verbose {
        for o in report
            .outcomes
            .iter()
            .filter(|o| !o.correct && o.skipped.is_none())
        {
            println!(
                "FAIL {} [{}] expected: {} | coded: {}\n     {}",
                o.id,
                o.category,
                eval::show(&o.expected),
                eval::show(&o.got),
                o.text
            );
        }
    }
    println!("{report}");
}

pub fn run_petrarch(args: PetrarchArgs) -> Result<()> {
    let xml = std::fs::read_to_string(&args.records)
        .with_context(|| format!("reading {}", args.records.display()))?;
    let files: Vec<PathBuf> = match &args.dicts {
        Some(dir) => sitrep_dict::scan_dir(dir)?
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
        None => eval::petrarch::environment_files(&xml, &args.records),
    };
    let (dicts, warnings) = eval::load_dictionaries(&files)?;
    for w in &warnings {
        eprintln!("sitrep: warning: {w}");
    }
    let coder = Coder::new(dicts, CoderOptions::peer_compatible());
    let records = eval::petrarch::read_records(&xml);
    let report = eval::petrarch::score(&records, &coder, &ParsingPipeline::vendored()?);
    print(&report, args.verbose);
    Ok(())
}

pub fn run_tabari(args: TabariArgs) -> Result<()> {
    let (dicts, warnings, records) = eval::tabari::load(&args.project)?;
    for w in &warnings {
        eprintln!("sitrep: warning: {w}");
    }
    let coder = Coder::new(dicts, CoderOptions::peer_compatible());
    let report = eval::tabari::score(&records, &coder, &ParsingPipeline::vendored()?);
    print(&report, args.verbose);
    Ok(())
}

pub fn run_plover(args: PloverArgs) -> Result<()> {
    let json = std::fs::read_to_string(&args.records)
        .with_context(|| format!("reading {}", args.records.display()))?;
    let records = eval::plover::read_records(&json)?;
    // Event typing needs no dyad: events missing either side count.
    let options = CoderOptions {
        require_target: false,
        require_source: false,
        ..CoderOptions::default()
    };
    let coder = Pipeline::load_coder(args.dicts.as_deref(), options)?;
    for w in coder.warnings() {
        eprintln!("sitrep: warning: {w}");
    }
    let report = eval::plover::score(&records, &coder, &ParsingPipeline::vendored()?);
    if args.verbose {
        for o in report
            .outcomes
            .iter()
            .filter(|o| !o.correct || !o.aligned_correct)
        {
            let text = records
                .iter()
                .find(|r| r.id == o.id)
                .map_or("", |r| r.text.as_str());
            println!(
                "FAIL {} gold {} ({}) coded {} aligned {}{}\n     {}\n     events: {}",
                o.id,
                o.gold,
                o.gold_current,
                o.predicted.as_deref().unwrap_or("(none)"),
                o.aligned.as_deref().unwrap_or("(none)"),
                if o.trigger_found {
                    ""
                } else {
                    " (no trigger verb)"
                },
                text,
                o.events.join("; ")
            );
        }
    }
    println!("{report}");
    Ok(())
}
