//! Cross-layer links that only the facade may make, because they join the
//! outputs of two stages that must not know each other.
//!
//! [`event_context`] gives every event its place ([`places`]), date
//! ([`dates`]), sources and casualty records from one per-document
//! [`EventContext`] index, built once: each event then costs O(its sentence).

mod dates;
mod index;
mod places;
#[cfg(test)]
mod tests;

pub use index::EventContext;
use index::SpanList;
use sitrep_doc::places::PlaceAssignment;
use sitrep_doc::quotes::Source;
use sitrep_doc::times::{TimeRef, TimeSource};
use sitrep_doc::Doc;

/// Gives each resolved quote speaker the actor code of the coded actor mention
/// written at the speaker's name (Lavrov → `RUSGOV`).
///
/// The speaker's `name_span` is where the resolved name is written (for "he
/// said" it is the antecedent's name), so the code follows coreference for free.
/// The first coded mention overlapping that span wins; mentions are in text order.
/// The coded mentions are indexed once, so each speaker costs a binary search.
pub fn speaker_codes(doc: &mut Doc) {
    let Doc { quotes, actors, .. } = doc;
    let coded = SpanList::new(
        actors
            .iter()
            .enumerate()
            .filter(|(_, m)| m.code.is_some())
            .map(|(i, m)| (i, m.span)),
    );
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        if speaker.code.is_some() {
            continue;
        }
        speaker.code = coded
            .overlapping(speaker.name_span)
            .find_map(|i| actors.get(i).and_then(|m| m.code.clone()));
    }
}

/// Gives every event its context from the layers other stages filled: where it
/// happened and where it was said (geoparser: `doc.places`, empty without a
/// gazetteer), when (temporal resolver: `doc.times`, plus the dateline and
/// anchor dates), who vouches for it (attribution), and the casualty counts
/// that describe it.
///
/// Runs after every stage; the stages themselves never see each other's output.
/// Builds one [`EventContext`] for the document: O(document) once, then
/// O(sentence) per event.
pub fn event_context(doc: &mut Doc) {
    let found = {
        let ctx = EventContext::new(doc);
        ctx.all_events()
    };
    for (e, c) in doc.events.iter_mut().zip(found) {
        let Some(c) = c else { continue };
        if let Some(t) = &c.time {
            // A date written in the clause or sentence beats the dateline/anchor
            // date the coder used.
            if matches!(t.source, TimeSource::Clause | TimeSource::Sentence) && t.date.is_some() {
                e.date = t.date;
            }
        }
        e.location = c.place.location;
        e.said_at = c.place.said_at;
        e.time = c.time;
        e.according_to = c.according_to;
        e.casualties = c.casualties;
    }
}

/// One event's context, as [`event_context`] writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    pub place: PlaceAssignment,
    pub time: Option<TimeRef>,
    pub according_to: Vec<Source>,
    /// Indices into `doc.casualties`.
    pub casualties: Vec<u32>,
}

impl EventContext<'_> {
    /// Every event's context, in event order; `None` for an event whose verb
    /// span starts no token (its context is left as the coder wrote it).
    pub fn all_events(&self) -> Vec<Option<Context>> {
        let doc = self.doc;
        let mut claimed = vec![false; doc.casualties.len()];
        doc.events
            .iter()
            .map(|e| {
                let verb_token = self.token_at(e.verb.start)?;
                Some(Context {
                    place: self.place_for_clause(verb_token),
                    time: self.date_for_clause(verb_token),
                    according_to: self.sources.according_to(doc, e.span),
                    casualties: self.casualties_for(e.sentence, verb_token, &mut claimed),
                })
            })
            .collect()
    }

    /// The casualty records of `sentence` that describe the event at
    /// `verb_token`: those whose cue verb is the event's verb, else (for records
    /// no event verb claims) the event nearest to the count in the same
    /// sentence. Each record is attached to one event only: `claimed` marks
    /// the records given out so far (events are asked in order).
    ///
    /// Cumulative tolls (`since 2011`, `so far this year`) and deaths of no
    /// violent cause (road tolls, floods, collapses) are never an event's:
    /// they are background to the events of the sentence, not their harm, and
    /// would otherwise become an attack's fatalities.
    fn casualties_for(&self, sentence: u32, verb_token: usize, claimed: &mut [bool]) -> Vec<u32> {
        let doc = self.doc;
        let same_sentence: Vec<usize> = self
            .events_by_sentence
            .get(sentence)
            .filter_map(|i| doc.events.get(i))
            .filter_map(|e| self.token_at(e.verb.start))
            .collect();
        let mut out = Vec::new();
        for ci in self.casualties_by_sentence.get(sentence) {
            let Some(c) = doc.casualties.get(ci) else {
                continue;
            };
            if claimed.get(ci).copied().unwrap_or(true) || !c.is_incident_harm() {
                continue;
            }
            let mine = match c.verb {
                Some(v) if same_sentence.contains(&(v as usize)) => v as usize == verb_token,
                _ => {
                    let at = self.token_at(c.span.start).unwrap_or(verb_token);
                    same_sentence.iter().min_by_key(|&&v| v.abs_diff(at)) == Some(&verb_token)
                }
            };
            if mine {
                if let Some(f) = claimed.get_mut(ci) {
                    *f = true;
                }
                out.push(ci as u32);
            }
        }
        out
    }
}
