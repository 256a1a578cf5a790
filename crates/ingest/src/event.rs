//! The items a batch read yields: articles, skips and warnings, plus a tally.

use sitrep_doc::{Article, Origin};
use std::collections::BTreeMap;
use std::fmt;

/// One item of a batch read. Every input unit (file, line, record) produces at
/// least one `Article` or one `Skipped`: nothing is dropped without a trace.
#[derive(Clone, Debug)]
pub enum Event {
    Article(Article),
    Skipped(Skip),
    Warning(Warning),
}

impl Event {
    /// Where the event comes from.
    pub fn origin(&self) -> &Origin {
        match self {
            Event::Article(a) => &a.origin,
            Event::Skipped(s) => &s.origin,
            Event::Warning(w) => &w.origin,
        }
    }
}

/// An input unit that produced no article, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Skip {
    /// The file, and the line or record when the skip concerns only part of it.
    pub origin: Origin,
    pub reason: SkipReason,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// A problem that did not prevent reading an article (its text may be altered).
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub origin: Origin,
    pub kind: WarningKind,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.origin, self.kind)
    }
}

/// A compression format that wraps an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Gzip,
    Zstd,
}

impl fmt::Display for Codec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Codec::Gzip => "gzip",
            Codec::Zstd => "zstd",
        })
    }
}

/// Why an input unit produced no article.
///
/// [`SkipReason::kind`] gives a short stable label used for tallies.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SkipReason {
    #[error("empty")]
    Empty,
    #[error("binary file (NUL byte at offset {offset})")]
    Binary { offset: u64 },
    /// A NUL byte inside one line or record of a text file: only that unit is
    /// skipped, the rest of the file is read.
    #[error("NUL byte at offset {offset} (binary data in a text record)")]
    NulByte { offset: u64 },
    #[error("unknown extension {ext:?} (known: txt, jsonl, ndjson, json, csv, tsv, html, htm, warc, optionally .gz/.zst)")]
    UnknownExtension { ext: String },
    #[error("hidden file or directory (name starts with '.')")]
    Hidden,
    #[error("not a regular file or directory")]
    NotAFile,
    #[error("read error: {message}")]
    Io { message: String },
    #[error("truncated {codec} stream (input ends early)")]
    Truncated { codec: Codec },
    #[error("corrupt {codec} stream: {message}")]
    Corrupt { codec: Codec, message: String },
    #[error("too large: more than {limit} bytes (max_article_bytes)")]
    TooLarge { limit: usize },
    #[error("invalid JSON: {message}")]
    InvalidJson { message: String },
    #[error("not a JSON object")]
    NotAnObject,
    #[error("no text: field {field:?} is {found} (fields: {})", fields.join(", "))]
    NoText {
        field: String,
        found: &'static str,
        /// The record's field names, to help pick `text_column`.
        fields: Vec<String>,
    },
    #[error("empty text")]
    EmptyText,
    #[error("missing text column {column:?} (header: {})", header.join(", "))]
    MissingColumn { column: String, header: Vec<String> },
    #[error("unterminated quoted field (opened on line {line})")]
    UnterminatedQuote { line: u64 },
    #[error("WARC record of type {warc_type:?}, not \"response\"")]
    NotResponse { warc_type: String },
    #[error("HTTP status {status}")]
    HttpStatus { status: u16 },
    #[error("not HTML: Content-Type {content_type:?}")]
    NotHtml { content_type: String },
    #[error("truncated WARC record: Content-Length {expected}, only {got} bytes")]
    TruncatedRecord { expected: u64, got: u64 },
    #[error("invalid WARC: {message}")]
    InvalidWarc { message: String },
    #[error("invalid HTTP response: {message}")]
    InvalidHttp { message: String },
    #[error("no main text found in HTML")]
    NoContent,
    /// The text is reliably detected as a language not among
    /// [`ReadOptions::languages`](crate::ReadOptions::languages).
    #[error("language {name} ({code}) detected; reading only {}", read.join(", "))]
    Language {
        code: String,
        name: String,
        read: Vec<String>,
    },
}

impl SkipReason {
    /// A short label for tallies (`"binary file"`, `"truncated gzip"`).
    pub fn kind(&self) -> &'static str {
        use SkipReason::*;
        match self {
            Empty => "empty",
            Binary { .. } => "binary file",
            NulByte { .. } => "NUL byte",
            UnknownExtension { .. } => "unknown extension",
            Hidden => "hidden",
            NotAFile => "not a file",
            Io { .. } => "read error",
            Truncated { codec: Codec::Gzip } => "truncated gzip",
            Truncated { codec: Codec::Zstd } => "truncated zstd",
            Corrupt {
                codec: Codec::Gzip, ..
            } => "corrupt gzip",
            Corrupt {
                codec: Codec::Zstd, ..
            } => "corrupt zstd",
            TooLarge { .. } => "too large",
            InvalidJson { .. } => "invalid JSON",
            NotAnObject => "not a JSON object",
            NoText { .. } => "no text",
            EmptyText => "empty text",
            MissingColumn { .. } => "missing column",
            UnterminatedQuote { .. } => "unterminated quote",
            NotResponse { .. } => "non-response record",
            HttpStatus { .. } => "HTTP status not 200",
            NotHtml { .. } => "non-HTML record",
            TruncatedRecord { .. } => "truncated record",
            InvalidWarc { .. } => "invalid WARC",
            InvalidHttp { .. } => "invalid HTTP",
            NoContent => "no main text",
            Language { .. } => "other language",
        }
    }
}

/// A problem worth reporting that still let an article through.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WarningKind {
    /// The bytes were decoded lossily (bad sequences became U+FFFD). `offset` is the
    /// first bad byte, counted in the decompressed file (or, for WARC, in the record's
    /// HTTP payload).
    #[error("invalid UTF-8 at byte offset {offset}, decoded lossily")]
    InvalidUtf8 { offset: u64 },
    /// Text that is not UTF-8 but reads as Windows-1252 (Latin-1) was decoded as
    /// Windows-1252. For a whole file (the origin names no record) byte offsets
    /// reported later count in the transcoded UTF-8.
    #[error("not UTF-8: decoded as Windows-1252 (Latin-1)")]
    Windows1252,
    /// A CSV record whose field count differs from the header's.
    #[error("record has {found} fields, header has {expected}")]
    FieldCount { expected: usize, found: usize },
}

impl WarningKind {
    /// A short label for tallies.
    pub fn kind(&self) -> &'static str {
        match self {
            WarningKind::InvalidUtf8 { .. } => "invalid UTF-8",
            WarningKind::Windows1252 => "decoded as Windows-1252",
            WarningKind::FieldCount { .. } => "field count",
        }
    }
}

/// Counts of a batch's events, for the closing summary line.
///
/// `Display` writes `read N, skipped M (2 binary file, 1 truncated gzip)` and, when
/// there were any, `, K warnings (...)`. Reasons are ordered by count, then label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub read: u64,
    pub skipped: u64,
    pub warnings: u64,
    pub skip_kinds: BTreeMap<&'static str, u64>,
    pub warning_kinds: BTreeMap<&'static str, u64>,
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Counts one event.
    pub fn add(&mut self, event: &Event) {
        match event {
            Event::Article(_) => self.read += 1,
            Event::Skipped(s) => {
                self.skipped += 1;
                *self.skip_kinds.entry(s.reason.kind()).or_insert(0) += 1;
            }
            Event::Warning(w) => {
                self.warnings += 1;
                *self.warning_kinds.entry(w.kind.kind()).or_insert(0) += 1;
            }
        }
    }
}

fn write_kinds(f: &mut fmt::Formatter<'_>, kinds: &BTreeMap<&'static str, u64>) -> fmt::Result {
    let mut v: Vec<_> = kinds.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    f.write_str(" (")?;
    for (i, (k, n)) in v.into_iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{n} {k}")?;
    }
    f.write_str(")")
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "read {}, skipped {}", self.read, self.skipped)?;
        if !self.skip_kinds.is_empty() {
            write_kinds(f, &self.skip_kinds)?;
        }
        if self.warnings > 0 {
            let s = if self.warnings == 1 { "" } else { "s" };
            write!(f, ", {} warning{s}", self.warnings)?;
            write_kinds(f, &self.warning_kinds)?;
        }
        Ok(())
    }
}

impl<'a> Extend<&'a Event> for Tally {
    fn extend<I: IntoIterator<Item = &'a Event>>(&mut self, iter: I) {
        for e in iter {
            self.add(e);
        }
    }
}
