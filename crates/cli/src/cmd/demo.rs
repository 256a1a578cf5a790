//! `sitrep demo`: the main job on the bundled examples. Runs the whole pipeline
//! (ingest → segmentation → tagging and parsing → actors and events → places and
//! dates → quotes, sources and casualties), prints a readable summary and writes
//! the results as JSON Lines and CSV to an output folder.

use super::input::InputArgs;
use anyhow::{Context, Result};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_output::Summary;
use std::fs::{self, File};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
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

struct Outputs {
    events: BufWriter<File>,
    acled: BufWriter<File>,
    gdelt: BufWriter<File>,
    docs: BufWriter<File>,
}

impl Outputs {
    fn create(dir: &std::path::Path) -> Result<Outputs> {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let open = |name: &str| -> Result<BufWriter<File>> {
            let p = dir.join(name);
            Ok(BufWriter::new(
                File::create(&p).with_context(|| format!("creating {}", p.display()))?,
            ))
        };
        let mut acled = open("events.csv")?;
        sitrep_output::write_acled_header(&mut acled)?;
        Ok(Outputs {
            events: open("events.jsonl")?,
            acled,
            gdelt: open("events.gdelt.tsv")?,
            docs: open("documents.jsonl")?,
        })
    }

    fn flush(&mut self) -> Result<()> {
        for w in [
            &mut self.events,
            &mut self.acled,
            &mut self.gdelt,
            &mut self.docs,
        ] {
            w.flush()?;
        }
        Ok(())
    }
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
        max_article_bytes: 16 << 20,
        quiet: false,
    };
    eprintln!("sitrep demo: loading models, dictionaries and gazetteer...");
    let pipeline = Pipeline::full(&PipelineOptions::default())?;
    let loaded = started.elapsed();
    let mut out = Outputs::create(&args.out)?;
    let mut summary = Summary::default();
    let (mut gdelt_id, mut acled_id) = (1u64, 1u64);
    let progress = std::io::stderr().is_terminal();
    let tally = input.for_each_article(|article| {
        let doc = pipeline.analyze(article);
        sitrep_output::write_events_jsonl(&doc, &mut out.events)?;
        sitrep_output::write_events_acled(&doc, &mut acled_id, &mut out.acled)?;
        sitrep_output::write_events_gdelt(&doc, &mut gdelt_id, &mut out.gdelt)?;
        sitrep_output::write_jsonl(&doc, &mut out.docs)?;
        summary.add(&doc);
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
    out.flush()?;
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
        ("events.csv", "ACLED-like columns"),
        ("events.gdelt.tsv", "GDELT 2.0 event-table columns"),
        ("documents.jsonl", "every layer of every article: sentences, tokens, actors, places, times, quotes, casualties"),
    ] {
        println!("  {:<18} {what}", name);
    }
    Ok(())
}
