//! `sitrep segment PATH...`: datelines, sentences and tokens with byte offsets,
//! plus tags, lemmas and dependencies (unless `--depth` says otherwise).

use super::input::InputArgs;
use anyhow::Result;
use clap::ValueEnum;
use sitrep::{Depth, Pipeline, PipelineOptions};
use sitrep_output::{Conllu, DocumentsJsonl, Sink, Text};
use std::io::{self, BufWriter};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum OutputFormat {
    /// Readable listing: dateline, then each sentence and its tokens.
    Text,
    /// One JSON object per article.
    Jsonl,
    /// CoNLL-U, one block per sentence, byte offsets in MISC.
    Conllu,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DepthArg {
    /// Sentences and tokens only.
    Segment,
    /// Plus part-of-speech tags and lemmas.
    Tag,
    /// Plus dependency parses.
    Parse,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// How much analysis to run.
    #[arg(long, value_enum, default_value = "parse")]
    pub depth: DepthArg,
    /// Tagger model file (default: the vendored model).
    #[arg(long, value_name = "FILE")]
    pub tagger_model: Option<PathBuf>,
    /// Parser model file (default: the vendored model).
    #[arg(long, value_name = "FILE")]
    pub parser_model: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let pipeline = Pipeline::new(&PipelineOptions {
        depth: match args.depth {
            DepthArg::Segment => Depth::Segment,
            DepthArg::Tag => Depth::Tag,
            DepthArg::Parse => Depth::Parse,
        },
        fallback_date: args.input.opts.date,
        tagger_model: args.tagger_model,
        parser_model: args.parser_model,
    })?;
    let out = BufWriter::new(io::stdout().lock());
    let mut sink: Box<dyn Sink> = match args.format {
        OutputFormat::Text => Box::new(Text::new(out)),
        OutputFormat::Jsonl => Box::new(DocumentsJsonl::new(out)),
        OutputFormat::Conllu => Box::new(Conllu::new(out)),
    };
    sink.begin()?;
    let batch = args
        .input
        .opts
        .for_each_article(&args.input.paths, |article| {
            sink.doc(&pipeline.analyze(article))?;
            Ok(())
        })?;
    sink.finish()?;
    batch.finish()?;
    Ok(())
}
