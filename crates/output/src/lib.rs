//! Exporters: write analysed [`Doc`]s in the formats users read.
//!
//! Exporters only read a `Doc`; they never analyse. Each format is a [`Sink`]
//! (begin, one call per document, finish) over any `io::Write`, so the CLI can
//! send output to stdout or a file alike, and a run can feed several at once.
//! The per-document write functions behind them are public too.
//!
//! | format | sink | function | one unit per |
//! |---|---|---|---|
//! | human-readable text | [`Text`] | [`write_text`] | article, then one line per sentence and token |
//! | documents JSON Lines | [`DocumentsJsonl`] | [`write_jsonl`] | article: every layer ([`document_record`], readable back with [`read_document`]) |
//! | CoNLL-U | [`Conllu`] | [`write_conllu`] | sentence, with `# doc_id`, `# text`, offsets in MISC |
//! | event JSON Lines | [`EventsJsonl`] | [`write_events_jsonl`] | event (`docs/schema.md`) |
//! | GDELT 2.0 event table | [`Gdelt`] | [`write_events_gdelt`] | dated event (61 tab-separated columns, [`GDELT_EVENT_COLUMNS`]) |
//! | GDELT 2.0 mentions table | [`GdeltMentions`] | [`write_mentions_gdelt`] | dated event's evidence span ([`GDELT_MENTION_COLUMNS`]) |
//! | ACLED CSV | [`Acled`] | [`write_events_acled`] | ACLED event: violence, demonstrations, some strategic developments (header: [`ACLED_COLUMNS`], then [`SITREP_ACLED_COLUMNS`]) |
//! | actor JSON Lines | [`ActorsJsonl`] | [`write_actors_jsonl`] | actor mention |
//! | run summary | [`Summary`] | | run (Display) |
//!
//! In all formats, token heads are **sentence-relative and 1-based** (0 is the
//! root), as in CoNLL-U, and every span is a byte range into the article text.

pub mod acled;
pub mod actor_code;
mod document;
mod events;
pub mod gdelt;
mod segment;
pub mod sink;
mod summary;
mod tables;

pub use acled::{write_acled_header, write_events_acled, ACLED_COLUMNS, SITREP_ACLED_COLUMNS};
pub use document::{
    document_record, read_document, write_jsonl, DatelineRecord, DocumentRecord, ReadError,
    SentenceRecord, TokenRecord,
};
pub use events::{write_events_jsonl, SCHEMA_VERSION};
pub use gdelt::{
    write_events_gdelt, write_mentions_gdelt, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS,
};
pub use segment::{write_conllu, write_text};
pub use sink::{
    write_actors_jsonl, Acled, ActorsJsonl, Conllu, DocumentsJsonl, EventsJsonl, Gdelt,
    GdeltMentions, Sink, Text,
};
pub use summary::{Summary, DISCARDED_KEY, LANGUAGE_KEY, NO_EVENTS_KEY};
