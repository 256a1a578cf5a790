//! `sitrep code PATH...`: coded events (who did what to whom), one JSON object
//! (or TSV row) per event. Record layout: `docs/schema.md`.

use super::input::InputArgs;
use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Serialize;
use sitrep::{Depth, Pipeline, PipelineOptions};
use sitrep_coder::CoderOptions;
use sitrep_doc::events::Event;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// The version of the record layout written (see docs/schema.md).
pub const SCHEMA_VERSION: &str = "1";

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON object per event.
    Jsonl,
    /// Tab-separated columns with a header line (docs/schema.md).
    Tsv,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Dictionary directory (PETRARCH or TABARI files) instead of the vendored Phoenix set.
    #[arg(long, value_name = "DIR")]
    pub dicts: Option<PathBuf>,
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
}

#[derive(Serialize)]
struct Record<'a> {
    schema_version: &'static str,
    doc: &'a str,
    #[serde(flatten)]
    event: &'a Event,
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    schema_version: &'static str,
    doc: &'a str,
    #[serde(flatten)]
    actor: &'a sitrep_doc::actors::ActorMention,
}

pub const TSV_COLUMNS: &[&str] = &[
    "schema_version",
    "doc",
    "sentence",
    "date",
    "source_code",
    "source_text",
    "code",
    "target_code",
    "target_text",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "negated",
    "modality",
    "verb_text",
    "verb_start",
    "verb_end",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
];

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn tsv_row(doc: &str, e: &Event) -> String {
    let opt = |s: Option<&str>| clean(s.unwrap_or(""));
    let src = e.source.as_ref();
    let tgt = e.target.as_ref();
    let modality = serde_json::to_value(e.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let fields: Vec<String> = vec![
        SCHEMA_VERSION.into(),
        clean(doc),
        e.sentence.to_string(),
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        opt(src.and_then(|a| a.code.as_deref())),
        opt(src.map(|a| a.text.as_str())),
        clean(&e.code),
        opt(tgt.and_then(|a| a.code.as_deref())),
        opt(tgt.map(|a| a.text.as_str())),
        clean(&e.root_code),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        opt(e.plover.as_ref().map(|p| p.event.as_str())),
        opt(e.plover.as_ref().and_then(|p| p.mode.as_deref())),
        opt(e.plover.as_ref().and_then(|p| p.context.as_deref())),
        e.negated.to_string(),
        modality,
        clean(&e.verb_text),
        e.verb.start.to_string(),
        e.verb.end.to_string(),
        src.map(|a| a.span.start.to_string()).unwrap_or_default(),
        src.map(|a| a.span.end.to_string()).unwrap_or_default(),
        tgt.map(|a| a.span.start.to_string()).unwrap_or_default(),
        tgt.map(|a| a.span.end.to_string()).unwrap_or_default(),
    ];
    fields.join("\t")
}

pub fn run(args: Args) -> Result<()> {
    let options = CoderOptions {
        keep_negated: args.keep_negated,
        require_target: !args.allow_no_target,
        ..CoderOptions::default()
    };
    let coder = Pipeline::load_coder(args.dicts.as_deref(), options)?;
    for w in coder.warnings() {
        eprintln!("sitrep: warning: {w}");
    }
    let pipeline = Pipeline::new(&PipelineOptions {
        depth: Depth::Parse,
        fallback_date: args.input.date,
        ..PipelineOptions::default()
    })?
    .with_coder(coder);
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    if matches!(args.format, Format::Tsv) {
        writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
    }
    let mut events = 0usize;
    args.input.for_each_article(|article| {
        let doc = pipeline.analyze(article);
        if args.actors {
            for m in &doc.actors {
                serde_json::to_writer(
                    &mut out,
                    &ActorRecord {
                        schema_version: SCHEMA_VERSION,
                        doc: &doc.id,
                        actor: m,
                    },
                )?;
                out.write_all(b"\n")?;
            }
            return Ok(());
        }
        for e in &doc.events {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(
                        &mut out,
                        &Record {
                            schema_version: SCHEMA_VERSION,
                            doc: &doc.id,
                            event: e,
                        },
                    )?;
                    out.write_all(b"\n")?;
                }
                Format::Tsv => writeln!(out, "{}", tsv_row(&doc.id, e))?,
            }
            events += 1;
        }
        Ok(())
    })?;
    out.flush()?;
    eprintln!("sitrep: {events} events");
    Ok(())
}
