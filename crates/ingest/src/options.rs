//! Reader configuration and input formats.

use std::fmt;
use std::str::FromStr;

/// An input format, after any compression layer is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// First line the title, then the body (a blank line between is customary).
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// A JSON file: an array of objects, or objects one after another.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row (same rules as CSV).
    Tsv,
    /// One HTML page; main content is extracted.
    Html,
    /// A WARC archive of HTTP responses (e.g. CC-News).
    Warc,
}

impl Format {
    /// The format a file extension (without dot, any case) denotes.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Txt,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "html" | "htm" | "xhtml" => Format::Html,
            "warc" => Format::Warc,
            _ => return None,
        })
    }

    /// Guesses the format from the first bytes of decompressed content: `WARC/` →
    /// WARC, a JSON object → JSONL, a JSON array → JSON, a `<` → HTML, anything
    /// else → plain text.
    /// CSV is never guessed: a header line reads just as well as a title.
    pub fn sniff(prefix: &[u8]) -> Format {
        let start = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
        let pos = start.iter().position(|b| !b.is_ascii_whitespace());
        let rest = match pos {
            Some(p) => &start[p..],
            None => return Format::Txt,
        };
        if rest.starts_with(b"WARC/") {
            Format::Warc
        } else if rest.starts_with(b"{") {
            Format::Jsonl
        } else if rest.starts_with(b"[") {
            Format::Json
        } else if rest.starts_with(b"<") {
            Format::Html
        } else {
            Format::Txt
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Txt => "txt",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Html => "html",
            Format::Warc => "warc",
        })
    }
}

/// Error for an unknown `--format` name.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("unknown format {0:?} (expected txt, jsonl, json, csv, tsv, html or warc)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::from_extension(s).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// The default [`ReadOptions::max_article_bytes`]: 16 MiB, far above any news
/// article, low enough that one runaway record cannot exhaust memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 << 20;

/// Options shared by all readers.
///
/// Column options name CSV header fields and JSONL object keys alike.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The field holding the body text (default `text`). Records without it are skipped.
    pub text_column: String,
    /// The title field (default `title`); optional in records.
    pub title_column: String,
    /// The publication date field. `None` (the default) tries `published`, then `date`.
    pub date_column: Option<String>,
    /// The record id field (default `id`); ids are derived from the origin without it.
    pub id_column: String,
    /// The URL field (default `url`).
    pub url_column: String,
    /// The source/publisher field (default `source`).
    pub source_column: String,
    /// Largest article (or line, record, page) read into memory, in bytes. Larger
    /// units are skipped as [`SkipReason::TooLarge`](crate::SkipReason::TooLarge)
    /// without being buffered whole. Default 16 MiB.
    pub max_article_bytes: usize,
    /// Forces this format for every input. Without it the format comes from the
    /// extension; standard input and explicitly named files without a known
    /// extension are sniffed ([`Format::sniff`]).
    pub format: Option<Format>,
    /// Languages to read (ISO 639-3 codes: `eng`, `spa`, `ara`...). An article
    /// whose text is reliably detected as another language is skipped as
    /// [`SkipReason::Language`](crate::SkipReason::Language). `None` (the
    /// default) reads every language. Either way each article's language is
    /// recorded as `extra["language"]` (`und` when detection is unsure), unless
    /// the input states one itself.
    pub languages: Option<Vec<String>>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            text_column: "text".into(),
            title_column: "title".into(),
            date_column: None,
            id_column: "id".into(),
            url_column: "url".into(),
            source_column: "source".into(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            format: None,
            languages: None,
        }
    }
}
