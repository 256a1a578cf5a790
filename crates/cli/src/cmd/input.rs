//! Input options shared by every command that reads articles, and the loop that
//! drives a batch: articles go to the caller, skips and warnings to stderr, and a
//! final `read N, skipped M (reasons)` line closes every run.

use anyhow::{Context, Result};
use sitrep_doc::{Article, Date};
use sitrep_ingest::{read_paths, Event, Format, ReadOptions, Tally};
use std::path::{Path, PathBuf};

/// Input paths plus the options for reading them (`code`, `segment`).
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Input files or directories (read recursively); `-` for standard input.
    /// `.gz` and `.zst` files are decompressed. A path that does not exist is
    /// reported and the others are read; the run then exits non-zero.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub opts: InputOptions,
}

/// How articles are read: every command that reads articles takes these.
#[derive(clap::Args, Debug)]
pub struct InputOptions {
    /// Date to resolve datelines and relative dates against when an article has no
    /// publish date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Format of standard input (txt, jsonl, json, csv, tsv, html, warc); sniffed if absent.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// CSV/TSV column (or JSON key) holding the article body.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// CSV/TSV column (or JSON key) holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_column: String,
    /// CSV/TSV column (or JSON key) holding the publish date [default: date, published].
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// CSV/TSV column (or JSON key) holding the article id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_column: String,
    /// Skip articles larger than this many bytes (they are reported, never truncated).
    #[arg(long, default_value_t = sitrep::ingest::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Languages to code, as ISO 639-3 codes separated by commas, or `all`. An
    /// article detected as another language is skipped and reported with its
    /// language (the dictionaries and models are English). Every article's
    /// language is recorded in documents.jsonl (`extra.language`).
    #[arg(long, default_value = "eng", value_name = "CODES")]
    pub languages: String,
    /// Do not print per-record warnings (skips and the final count are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            date: None,
            input_format: None,
            text_column: "text".into(),
            title_column: "title".into(),
            date_column: None,
            id_column: "id".into(),
            max_article_bytes: sitrep::ingest::DEFAULT_MAX_ARTICLE_BYTES,
            languages: "eng".into(),
            quiet: false,
        }
    }
}

/// What a batch read ends with: the tally, and the inputs that did not exist.
#[must_use = "call `finish` to fail the run when an input was missing"]
pub struct Batch {
    pub tally: Tally,
    pub missing: Vec<PathBuf>,
}

impl Batch {
    /// Fails when an input path did not exist: after the rest was read and
    /// written, so one typo does not cost the whole run, but the exit status
    /// still says the run is incomplete.
    pub fn finish(self) -> Result<Tally> {
        if !self.missing.is_empty() {
            let names: Vec<String> = self
                .missing
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            let s = if names.len() == 1 { "" } else { "s" };
            anyhow::bail!("input{s} not found: {}", names.join(", "));
        }
        Ok(self.tally)
    }
}

/// `--languages`: `all` reads everything, else a comma-separated list.
fn languages(spec: &str) -> Option<Vec<String>> {
    let codes: Vec<String> = spec
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    if codes.is_empty() || codes.iter().any(|c| c == "all") {
        None
    } else {
        Some(codes)
    }
}

impl InputOptions {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            text_column: self.text_column.clone(),
            title_column: self.title_column.clone(),
            date_column: self.date_column.clone(),
            id_column: self.id_column.clone(),
            max_article_bytes: self.max_article_bytes,
            format: self.input_format,
            languages: languages(&self.languages),
            ..ReadOptions::default()
        }
    }

    /// Reads every input, calling `each` for every article. Skips and warnings are
    /// reported on stderr as they happen; the tally is printed at the end. Fails
    /// only if `each` fails (e.g. stdout closed) or if inputs were given but not
    /// one article could be read; a missing input is returned in the [`Batch`]
    /// for the caller to fail on once its outputs are complete.
    pub fn for_each_article(
        &self,
        paths: &[PathBuf],
        mut each: impl FnMut(Article) -> Result<()>,
    ) -> Result<Batch> {
        let missing: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.as_path() != Path::new("-") && !p.exists())
            .cloned()
            .collect();
        let mut tally = Tally::new();
        for event in read_paths(paths, &self.read_options()) {
            tally.add(&event);
            match event {
                Event::Article(a) => {
                    let origin = a.origin.to_string();
                    each(a).with_context(|| format!("writing results for {origin}"))?;
                }
                Event::Skipped(s) => eprintln!("sitrep: skipped {s}"),
                // The warning's own text says "warning:" after its origin.
                Event::Warning(w) if !self.quiet => eprintln!("sitrep: {w}"),
                Event::Warning(_) => {}
            }
        }
        eprintln!("sitrep: {tally}");
        if tally.read == 0 && tally.skipped > 0 {
            anyhow::bail!("no article could be read");
        }
        Ok(Batch { tally, missing })
    }
}

#[cfg(test)]
mod tests {
    use super::languages;

    #[test]
    fn language_lists() {
        assert_eq!(languages("eng"), Some(vec!["eng".to_string()]));
        assert_eq!(
            languages("ENG, spa"),
            Some(vec!["eng".to_string(), "spa".to_string()])
        );
        assert_eq!(languages("all"), None);
        assert_eq!(languages(""), None);
    }
}
