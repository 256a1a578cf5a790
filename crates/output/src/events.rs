//! sitrep's own event record (`docs/schema.md`): one JSON object per coded
//! event, with its evidence spans, `according_to` chain, location and
//! casualties. The GDELT and ACLED layouts are in [`crate::gdelt`] and
//! [`crate::acled`].

use serde::Serialize;
use sitrep_doc::casualties::Casualty;
use sitrep_doc::events::Event;
use sitrep_doc::Doc;
use std::io::{self, Write};

/// The version of the event record layout (`schema_version` in every record).
pub const SCHEMA_VERSION: &str = "1";

#[derive(Serialize)]
struct EventRecord<'a> {
    schema_version: &'static str,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(flatten)]
    event: &'a Event,
    /// The casualty records attached to this event, copied for convenience.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    casualty_counts: Vec<&'a Casualty>,
    sentence_text: &'a str,
}

fn attached_casualties<'a>(doc: &'a Doc, e: &Event) -> Vec<&'a Casualty> {
    e.casualties
        .iter()
        .filter_map(|&i| doc.casualties.get(i as usize))
        .collect()
}

/// One JSON object per event of `doc`, each on its own line.
pub fn write_events_jsonl<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    for e in &doc.events {
        let rec = EventRecord {
            schema_version: SCHEMA_VERSION,
            doc: &doc.id,
            url: doc.url.as_deref(),
            event: e,
            casualty_counts: attached_casualties(doc, e),
            sentence_text: doc.slice(e.sentence_span),
        };
        serde_json::to_writer(&mut w, &rec)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
