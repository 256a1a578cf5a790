//! `sitrep demo`: the main job on the bundled examples. Runs the whole pipeline
//! (ingest → segmentation → tagging and parsing → actors and events → places and
//! dates → quotes, sources and casualties), prints a readable summary and writes
//! the results as JSON Lines and CSV to an output folder.

use super::dicts::DictArgs;
use super::input::InputOptions;
use super::{outcome, vendored};
use anyhow::{Context, Result};
use sitrep::{Depth, Pipeline, PipelineOptions};
use sitrep_coder::CoderOptions;
use sitrep_output::{Acled, DocumentsJsonl, EventsJsonl, Gdelt, GdeltMentions, Sink, Summary};
use std::fs::{self, File};
use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Inputs to code [default: the bundled example articles]. A path that does
    /// not exist is reported and the others are coded; the run then exits non-zero.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folder for the results (created if missing; files in it are replaced).
    #[arg(long, default_value = "out/demo", value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub input: InputOptions,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// The demo's files, one sink each, in the order the listing below names them.
fn file_sinks(dir: &Path) -> Result<Vec<Box<dyn Sink>>> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let open = |name: &str| -> Result<BufWriter<File>> {
        let p = dir.join(name);
        Ok(BufWriter::new(
            File::create(&p).with_context(|| format!("creating {}", p.display()))?,
        ))
    };
    Ok(vec![
        Box::new(EventsJsonl::new(open("events.jsonl")?)),
        Box::new(Acled::new(open("events.csv")?)),
        Box::new(Gdelt::new(open("events.gdelt.tsv")?)),
        Box::new(GdeltMentions::new(open("mentions.gdelt.tsv")?)),
        Box::new(DocumentsJsonl::new(open("documents.jsonl")?)),
    ])
}

pub fn run(args: Args) -> Result<()> {
    let started = Instant::now();
    let paths = if args.paths.is_empty() {
        vendored::examples(&args.out)?
    } else {
        args.paths
    };
    eprintln!("sitrep demo: loading models, dictionaries and gazetteer...");
    let coder = args.dicts.coder(CoderOptions::default())?;
    let pipeline = Pipeline::new(&PipelineOptions {
        depth: Depth::Parse,
        fallback_date: args.input.date,
        ..PipelineOptions::default()
    })?
    .with_coder(coder)?
    .with_gazetteer(vendored::gazetteer()?)?;
    let loaded = started.elapsed();
    let mut files = file_sinks(&args.out)?;
    let mut summary = Summary::default();
    files.begin()?;
    let progress = std::io::stderr().is_terminal();
    let batch = args.input.for_each_article(&paths, |article| {
        let mut doc = pipeline.analyze(article);
        outcome::note(&pipeline, &mut doc);
        files.doc(&doc)?;
        summary.doc(&doc)?;
        if progress {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r  {} articles, {} events ({:.0} sentences/s)   ",
                summary.articles,
                summary.events,
                summary.sentences as f64 / secs
            );
        }
        Ok(())
    })?;
    if progress {
        eprintln!();
    }
    files.finish()?;
    summary.finish()?;
    for note in files.diagnostics() {
        eprintln!("sitrep: {note}");
    }
    let total = started.elapsed();
    println!("{summary}");
    println!(
        "coded {} articles in {:.2} s ({:.2} s loading); {}",
        summary.articles,
        total.as_secs_f64(),
        loaded.as_secs_f64(),
        batch.tally
    );
    println!("results in {}:", args.out.display());
    for (name, what) in [
        ("events.jsonl", "one JSON object per event (docs/schema.md)"),
        ("events.csv", "ACLED events (violence, demonstrations) in ACLED's columns"),
        ("events.gdelt.tsv", "GDELT 2.0 event-table columns"),
        ("mentions.gdelt.tsv", "GDELT 2.0 mentions-table columns"),
        ("documents.jsonl", "every layer of every article: sentences, tokens, actors, places, times, quotes, casualties"),
    ] {
        println!("  {:<18} {what}", name);
    }
    batch.finish()?;
    Ok(())
}
