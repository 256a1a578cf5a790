//! Readers that turn news inputs into [`sitrep_doc::Article`]s.
//!
//! # Formats
//!
//! | extension | format | one article per |
//! |---|---|---|
//! | `.txt`, `.text` | first line the title, then the body (a blank line between is customary) | file |
//! | `.jsonl`, `.ndjson` | one JSON object per line: `id, title, text, url, source, published` (or `date`); other keys go to `Article::extra` | line |
//! | `.json` | an array of such objects, or such objects one after another (pretty-printed or not); read lazily, element by element | array element or value |
//! | `.csv`, `.tsv` | header row, RFC 4180 quoting (quoted fields may hold newlines and `""`) | record |
//! | `.html`, `.htm`, `.xhtml` | main content (boilerplate dropped, paragraphs as blank-line-separated blocks) plus `<title>`/`og:title`, publish date (`article:published_time`, `date`, `pubdate`, JSON-LD `datePublished`...), `og:site_name`, canonical URL | file |
//! | `.warc` | `WARC-Type: response` records with HTTP 200 and `text/html`, through the HTML extractor; `WARC-Target-URI` is the URL, `WARC-Date` the fallback date | record |
//!
//! Any of them may be compressed: `x.jsonl.gz`, `x.warc.gz` (multi-member gzip),
//! `x.txt.zst` (zstd, decoded in pure Rust). Compression is recognised by magic
//! bytes, so a mislabelled file still reads. Column and field names are set by
//! [`ReadOptions`] and apply to CSV headers and JSONL keys alike. `-` reads
//! standard input; its format is [`ReadOptions::format`] or sniffed
//! ([`Format::sniff`]: a JSON object on the first line means JSONL, an array JSON).
//!
//! Text is UTF-8; a UTF-16 input with a byte-order mark (spreadsheet "Unicode
//! text" exports) is transcoded. Text that is not UTF-8 but reads as
//! Windows-1252/Latin-1 (invalid UTF-8, no valid multi-byte sequence, only bytes
//! the encoding defines) is decoded as such with a
//! [`WarningKind::Windows1252`] naming the file (decided on the first 8 KiB), or
//! the line or record (decided per unit, when the first 8 KiB are ASCII). HTML
//! keeps its declared charset. A single-article file (`.txt`, `.html`) without a
//! stated date takes a `YYYY-MM-DD` found in its file name
//! (`extra["published_from"] = "file name"`).
//!
//! # Languages
//!
//! Each article's language is detected from its text (ISO 639-3, `und` when
//! unsure) and recorded as `extra["language"]`; with
//! [`ReadOptions::languages`] set, an article reliably in another language is
//! skipped ([`SkipReason::Language`]) rather than coded to nothing.
//!
//! # The event stream
//!
//! [`read_paths`] returns [`Events`], a lazy iterator of [`Event`]s: an
//! [`Event::Article`], an [`Event::Skipped`] (with a [`Skip`] naming the file, the
//! line or record, and the [`SkipReason`]), or an [`Event::Warning`]. Count them
//! with a [`Tally`] for the closing `read N, skipped M (...)` line.
//!
//! # Invariants
//!
//! - **Nothing stops the batch.** A bad file, line or record yields a skip and the
//!   reader moves on: to the next line (JSONL), record (CSV, WARC) or file. Only
//!   when the rest of an input cannot be read (truncated or corrupt compression, a
//!   read error, an unterminated CSV quote, a cut WARC record) does that input end,
//!   with a skip saying where, after every complete unit decoded before it (a
//!   small `.gz` missing its trailer yields all its records, then the truncation).
//! - **A bad line is one skip.** A NUL byte in a JSONL line or CSV record skips
//!   that unit ([`SkipReason::NulByte`]); a whole file is skipped as binary only
//!   when most lines of its first 8 KiB hold a NUL, or when it is a single-article
//!   format (txt, HTML).
//! - **Nothing is dropped silently.** Every file, line or record yields an article
//!   or a skip; blank lines of JSONL/CSV are not records. Invalid UTF-8 is decoded
//!   lossily with a [`WarningKind::InvalidUtf8`] giving the first bad byte's offset.
//!   A date that does not parse is kept as `extra["published_raw"]`.
//! - **Memory is bounded.** Inputs are streamed; at most one article (line, record,
//!   page) of at most [`ReadOptions::max_article_bytes`] is buffered. Larger units
//!   are consumed without being stored and skipped as [`SkipReason::TooLarge`].
//! - **Order is deterministic.** Inputs are read in the order given, directory
//!   entries sorted by name; events of a file come in file order (a record's
//!   warnings just before its article).
//! - **Ids are stable.** A record's own id is used; otherwise the file stem (the
//!   path below a walked directory, extensions removed), `stem:line` for JSONL/CSV,
//!   and the `WARC-Record-ID` for WARC.
//!
//! ```no_run
//! use sitrep_ingest::{read_paths, Event, ReadOptions, Tally};
//!
//! let mut tally = Tally::new();
//! for event in read_paths(&["news/"], &ReadOptions::default()) {
//!     tally.add(&event);
//!     match event {
//!         Event::Article(a) => println!("{}: {}", a.id, a.title.unwrap_or_default()),
//!         Event::Skipped(s) => eprintln!("skipped {s}"),
//!         Event::Warning(w) => eprintln!("{w}"),
//!     }
//! }
//! eprintln!("{tally}");
//! ```

mod bytes;
mod codec;
mod csv;
mod ctx;
mod date;
mod event;
pub mod html;
mod json;
mod jsonl;
mod lang;
mod options;
mod page;
mod reader;
mod record;
mod txt;
mod utf16;
mod warc;

pub use date::parse_published;
pub use event::{Codec, Event, Skip, SkipReason, Tally, Warning, WarningKind};
pub use options::{Format, ReadOptions, UnknownFormat, DEFAULT_MAX_ARTICLE_BYTES};
pub use reader::{read_paths, read_reader, Events};
