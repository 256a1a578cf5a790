//! Exporters: write analysed [`Doc`]s in the formats users read.
//!
//! Exporters only read a `Doc`; they never analyse. Each writes to any
//! `io::Write`, so the CLI can send output to stdout or a file alike.
//!
//! | format | function | one unit per |
//! |---|---|---|
//! | human-readable text | [`write_text`] | article, then one line per sentence and token |
//! | JSON Lines | [`write_jsonl`] | article (one JSON object per line) |
//! | CoNLL-U | [`write_conllu`] | sentence, with `# doc_id`, `# text`, offsets in MISC |
//! | event JSON Lines | [`write_events_jsonl`] | event (`docs/schema.md`) |
//! | GDELT 2.0 event table | [`write_events_gdelt`] | event (61 tab-separated columns) |
//! | ACLED-like CSV | [`write_events_acled`] | event (header: [`ACLED_COLUMNS`]) |
//! | run summary | [`Summary`] | run (Display) |
//!
//! In all formats, token heads are **sentence-relative and 1-based** (0 is the
//! root), as in CoNLL-U, and every span is a byte range into the article text.

mod events;
mod segment;
mod summary;

pub use events::{
    write_acled_header, write_events_acled, write_events_gdelt, write_events_jsonl, ACLED_COLUMNS,
    SCHEMA_VERSION,
};
pub use segment::{write_conllu, write_jsonl, write_text};
pub use summary::Summary;
