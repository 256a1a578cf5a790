//! `sitrep code PATH...`: coded events (who did what to whom), one JSON object
//! (or TSV row) per event. Record layout: `docs/schema.md`.

use super::dicts::DictArgs;
use super::input::InputArgs;
use super::{outcome, vendored};
use anyhow::{Context, Result};
use clap::ValueEnum;
use sitrep::{Depth, Pipeline, PipelineOptions};
use sitrep_coder::CoderOptions;
use sitrep_output::{Acled, ActorsJsonl, EventsJsonl, Gdelt, GdeltMentions, Sink, Summary};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON object per event (docs/schema.md).
    Jsonl,
    /// GDELT 2.0 event-table layout: 61 tab-separated columns, no header
    /// (undated events are left out and counted on stderr).
    Tsv,
    /// GDELT 2.0 mentions-table layout: 16 tab-separated columns, no header,
    /// one row per event's evidence, joined to `tsv` rows by GLOBALEVENTID.
    GdeltMentions,
    /// ACLED CSV with a header row: ACLED's columns, then sitrep's; only ACLED
    /// events (violence, demonstrations, some strategic developments), the rest
    /// counted on stderr.
    CsvAcled,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also write negated events (flagged `"negated": true`).
    #[arg(long)]
    pub keep_negated: bool,
    /// Also write events that have a source but no target.
    #[arg(long)]
    pub allow_no_target: bool,
    /// Write the actor mentions (one JSON object each) instead of events.
    #[arg(long)]
    pub actors: bool,
    /// Skip geoparsing (faster; events get no location).
    #[arg(long)]
    pub no_places: bool,
}

pub fn run(args: Args) -> Result<()> {
    let options = CoderOptions {
        keep_negated: args.keep_negated,
        require_target: !args.allow_no_target,
        ..CoderOptions::default()
    };
    let coder = args.dicts.coder(options)?;
    for w in coder.warnings() {
        eprintln!("sitrep: warning: {w}");
    }
    let pipeline = Pipeline::new(&PipelineOptions {
        depth: Depth::Parse,
        fallback_date: args.input.opts.date,
        ..PipelineOptions::default()
    })?
    .with_coder(coder)?;
    let pipeline = if args.no_places {
        pipeline
    } else {
        pipeline.with_gazetteer(vendored::gazetteer()?)?
    };
    let out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let out = BufWriter::new(out);
    let mut sink: Box<dyn Sink> = match (args.actors, args.format) {
        (true, _) => Box::new(ActorsJsonl::new(out)),
        (false, Format::Jsonl) => Box::new(EventsJsonl::new(out)),
        (false, Format::Tsv) => Box::new(Gdelt::new(out)),
        (false, Format::GdeltMentions) => Box::new(GdeltMentions::new(out)),
        (false, Format::CsvAcled) => Box::new(Acled::new(out)),
    };
    sink.begin()?;
    let mut summary = Summary::default();
    let batch = args
        .input
        .opts
        .for_each_article(&args.input.paths, |article| {
            let mut doc = pipeline.analyze(article);
            outcome::note(&pipeline, &mut doc);
            summary.add(&doc);
            sink.doc(&doc)?;
            Ok(())
        })?;
    sink.finish()?;
    match summary.no_events_line() {
        Some(line) => eprintln!("sitrep: {} events; {line}", summary.events),
        None => eprintln!("sitrep: {} events", summary.events),
    }
    if let Some(line) = summary.discards_line() {
        eprintln!("sitrep: {line}");
    }
    for note in sink.diagnostics() {
        eprintln!("sitrep: {note}");
    }
    batch.finish()?;
    Ok(())
}
