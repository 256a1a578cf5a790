//! Why an article yielded no events: every coded article ends with events or
//! a reason, recorded in the document (`extra.no_events`, so documents.jsonl
//! carries it) and counted in the end-of-run summary.

use sitrep::Pipeline;
use sitrep_doc::Doc;
use sitrep_output::{DISCARDED_KEY, NO_EVENTS_KEY};

/// The reason a coded document has no events, most specific first. `None` when
/// it has events, or when the pipeline does not code events at all.
pub fn no_events_reason(pipeline: &Pipeline, doc: &Doc) -> Option<&'static str> {
    let coder = pipeline.coder()?;
    if !doc.events.is_empty() {
        return None;
    }
    Some(if doc.sentences.is_empty() {
        "no sentences"
    } else if coder.dictionaries().verbs().blocks.is_empty() {
        "no verbs loaded"
    } else if coder.discarded(doc) == Some(true) {
        // A story-level discard phrase (`+PHRASE` in the verb dictionary).
        "story discarded"
    } else if doc.actors.is_empty() {
        "no actors found"
    } else {
        "no event pattern matched"
    })
}

/// Records [`no_events_reason`] in `doc.extra`, and every discard phrase that
/// kept a sentence or clause out of coding (so a sports line in a conflict
/// article is reported, not silently dropped).
pub fn note(pipeline: &Pipeline, doc: &mut Doc) {
    if let Some(reason) = no_events_reason(pipeline, doc) {
        doc.extra.insert(NO_EVENTS_KEY.into(), reason.into());
    }
    let Some(coder) = pipeline.coder() else {
        return;
    };
    let found: Vec<serde_json::Value> = coder
        .discards(doc)
        .into_iter()
        .map(|d| {
            serde_json::json!({
                "sentence": d.sentence,
                "start": d.span.start,
                "end": d.span.end,
                "text": doc.slice(d.span),
                "story": d.story,
            })
        })
        .collect();
    if !found.is_empty() {
        doc.extra.insert(DISCARDED_KEY.into(), found.into());
    }
}
