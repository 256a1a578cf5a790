//! `sitrep demo`: the main job on the bundled examples. Runs the whole pipeline
//! (ingest → segmentation → tagging and parsing → actors and events → places and
//! dates → quotes, sources and casualties), prints a readable summary and writes
//! the results as JSON Lines and CSV to an output folder.

use super::input::InputArgs;
use anyhow::{Context, Result};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_output::{Acled, DocumentsJsonl, EventsJsonl, Gdelt, GdeltMentions, Sink, Summary};
use std::fs::{self, File};
use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Inputs to code [default: the bundled `examples/` folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folder for the results (created if missing; files in it are replaced).
    #[arg(long, default_value = "out/demo", value_name = "DIR")]
    pub out: PathBuf,
}

/// The bundled examples (the seed article and `news/`): under `./examples` when
/// run from a checkout, else next to the source tree this binary was built from.
fn default_inputs() -> Vec<PathBuf> {
    let local = PathBuf::from("examples");
    let root = if local.is_dir() {
        local
    } else {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
    };
    vec![root.join("aleppo-2016-12-12.txt"), root.join("news")]
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
        default_inputs()
    } else {
        args.paths
    };
    let input = InputArgs {
        paths,
        date: None,
        input_format: None,
        text_column: "text".into(),
        title_column: "title".into(),
        date_column: None,
        id_column: "id".into(),
        max_article_bytes: sitrep::ingest::DEFAULT_MAX_ARTICLE_BYTES,
        quiet: false,
    };
    eprintln!("sitrep demo: loading models, dictionaries and gazetteer...");
    let pipeline = Pipeline::full(&PipelineOptions::default())?;
    let loaded = started.elapsed();
    let mut files = file_sinks(&args.out)?;
    let mut summary = Summary::default();
    files.begin()?;
    let progress = std::io::stderr().is_terminal();
    let tally = input.for_each_article(|article| {
        let doc = pipeline.analyze(article);
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
        tally
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
    Ok(())
}
