//! Input options shared by every command that reads articles, and the loop that
//! drives a batch: articles go to the caller, skips and warnings to stderr, and a
//! final `read N, skipped M (reasons)` line closes every run.

use anyhow::{Context, Result};
use sitrep_doc::{Article, Date};
use sitrep_ingest::{read_paths, Event, Format, ReadOptions, Tally};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Input files or directories (read recursively); `-` for standard input.
    /// `.gz` and `.zst` files are decompressed.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Date to resolve datelines and relative dates against when an article has no
    /// publish date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Format of standard input (txt, jsonl, csv, tsv, html, warc); sniffed if absent.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// CSV/TSV column (or JSONL key) holding the article body.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// CSV/TSV column (or JSONL key) holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_column: String,
    /// CSV/TSV column (or JSONL key) holding the publish date [default: date, published].
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// CSV/TSV column (or JSONL key) holding the article id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_column: String,
    /// Skip articles larger than this many bytes (they are reported, never truncated).
    #[arg(long, default_value_t = sitrep::ingest::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Do not print per-record warnings (skips and the final count are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

impl InputArgs {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            text_column: self.text_column.clone(),
            title_column: self.title_column.clone(),
            date_column: self.date_column.clone(),
            id_column: self.id_column.clone(),
            max_article_bytes: self.max_article_bytes,
            format: self.input_format,
            ..ReadOptions::default()
        }
    }

    /// Reads every input, calling `each` for every article. Skips and warnings are
    /// reported on stderr as they happen; the tally is printed at the end and
    /// returned. Fails only if `each` fails (e.g. stdout closed) or if inputs were
    /// given but not one article could be read.
    pub fn for_each_article(&self, mut each: impl FnMut(Article) -> Result<()>) -> Result<Tally> {
        let mut tally = Tally::new();
        for event in read_paths(&self.paths, &self.read_options()) {
            tally.add(&event);
            match event {
                Event::Article(a) => {
                    let origin = a.origin.to_string();
                    each(a).with_context(|| format!("writing results for {origin}"))?;
                }
                Event::Skipped(s) => eprintln!("sitrep: skipped {s}"),
                Event::Warning(w) if !self.quiet => eprintln!("sitrep: warning: {w}"),
                Event::Warning(_) => {}
            }
        }
        eprintln!("sitrep: {tally}");
        if tally.read == 0 && tally.skipped > 0 {
            anyhow::bail!("no article could be read");
        }
        Ok(tally)
    }
}
