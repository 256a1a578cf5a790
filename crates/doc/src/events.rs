//! A coded event: source actor, action, target actor with CAMEO/PLOVER codes
//! and evidence spans. Filled by the event coder.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::{Date, Span};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An event's identity: a 63-bit hash of its article's id and its evidence
/// spans, so the same input gives the same id in every run and on every shard
/// (no counter is involved). Written as a decimal string in JSON (JavaScript
/// numbers hold only 53 bits) and as the number itself in GDELT's
/// `GLOBALEVENTID` and ACLED's `event_id`. Zero means "not assigned".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(pub u64);

impl EventId {
    /// The id of the `ordinal`-th event (0-based, in text order) among those of
    /// article `doc_id` with the same `span` and `verb`: almost always 0, but
    /// one verb with two targets can make two events of one evidence span.
    pub fn new(doc_id: &str, span: Span, verb: Span, ordinal: u32) -> EventId {
        // FNV-1a, 64 bits: tiny, and its output is fixed by its definition
        // (std's hasher may change between Rust releases).
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0100_0000_01b3;
        let mut h = OFFSET;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                h ^= u64::from(b);
                h = h.wrapping_mul(PRIME);
            }
        };
        eat(doc_id.as_bytes());
        // A byte no UTF-8 string contains ends the id, so ("ab", 1) and
        // ("a", ...) cannot feed the same bytes.
        eat(&[0xff]);
        for n in [span.start, span.end, verb.start, verb.end, ordinal] {
            eat(&n.to_le_bytes());
        }
        // Keep 63 bits (a signed 64-bit column holds it) and never 0.
        EventId((h >> 1).max(1))
    }

    pub fn is_assigned(self) -> bool {
        self.0 != 0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for EventId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventId, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse()
            .map(EventId)
            .map_err(|_| serde::de::Error::custom(format!("bad event id {s:?}")))
    }
}

/// Gives every event of `events` its [`EventId`] (events in text order).
pub fn assign_ids(doc_id: &str, events: &mut [Event]) {
    for i in 0..events.len() {
        let (span, verb) = (events[i].span, events[i].verb);
        let ordinal = events[..i]
            .iter()
            .rev()
            .take_while(|e| e.sentence == events[i].sentence)
            .filter(|e| e.span == span && e.verb == verb)
            .count();
        events[i].id = EventId::new(doc_id, span, verb, ordinal as u32);
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_unassigned(id: &EventId) -> bool {
    !id.is_assigned()
}

/// One side of an event (source or target).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventActor {
    /// The actor's text as written (of the mention, or of the antecedent for a
    /// pronoun, whose own span is still `span`).
    pub text: String,
    /// Its CAMEO code, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Evidence span of the mention in this sentence.
    pub span: Span,
    /// Index in [`crate::Doc::actors`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<u32>,
}

/// How certain the text presents the action as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as happening or having happened.
    #[default]
    Asserted,
    /// Future (`will`, `is to`, `is about to`).
    Future,
    /// Possible or conditional (`may`, `could`, `would`, `if ...`).
    Hypothetical,
    /// Intended, planned, threatened or demanded, not done (`plans to`, `wants to`).
    Intended,
}

/// The PLOVER reading of an event (PLOVER 2021 mapping of its CAMEO code).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plover {
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The PLOVER manual's conflict–cooperation score for event (and mode).
    pub score: f32,
}

/// A coded event.
///
/// Invariants: `verb`, and the spans of `source`/`target`, lie inside
/// `sentence_span`; `span` covers all three.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// Stable identity (see [`EventId`]); assigned by the coder.
    #[serde(skip_serializing_if = "is_unassigned")]
    pub id: EventId,
    /// The evidence in the original text: from the first to the last of verb,
    /// source and target.
    pub span: Span,
    /// Index of the sentence in [`crate::Doc::sentences`].
    pub sentence: u32,
    pub sentence_span: Span,
    /// The date the event is coded on (dateline date, else the anchor date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<EventActor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<EventActor>,
    /// The verb (or predicate noun) that carries the action.
    pub verb: Span,
    pub verb_text: String,
    /// CAMEO event code (3 or 4 digits).
    pub code: String,
    /// The first two digits of `code`.
    pub root_code: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict–cooperation value of the code (see docs/schema.md).
    pub goldstein: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover: Option<Plover>,
    /// The verb is negated (`did not attack`).
    pub negated: bool,
    pub modality: Modality,
    /// A content-free statement: CAMEO 010 "make statement, not specified
    /// below" from a verb of saying with no pattern (`said`, `told`), which
    /// records that an actor spoke to another, not what was done. Summaries
    /// set these apart from events that say what happened. Written only when
    /// true.
    #[serde(skip_serializing_if = "is_false")]
    pub statement_only: bool,
    /// The dictionary pattern that chose the code, as written (`- * TIES [064]`),
    /// or `None` if the verb's default code applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Where the action happened (geoparser; the facade joins it to the event).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::places::PlaceRef>,
    /// Where a statement was made, for speech acts (`Lavrov said in Belgrade`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub said_at: Option<crate::places::PlaceRef>,
    /// When the action happened, with precision and the evidence it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<crate::times::TimeRef>,
    /// Who vouches for the event, outermost first: publisher, wire agency, named
    /// sources, and the speaker when the event is reported speech.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub according_to: Vec<crate::quotes::Source>,
    /// Indices into [`crate::Doc::casualties`] of the counts describing this event.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub casualties: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(sentence: u32, span: (usize, usize), verb: (usize, usize)) -> Event {
        Event {
            sentence,
            span: Span::new(span.0, span.1),
            verb: Span::new(verb.0, verb.1),
            ..Event::default()
        }
    }

    #[test]
    fn ids_depend_on_article_and_evidence_only() {
        let a = EventId::new("doc-1", Span::new(0, 20), Span::new(7, 15), 0);
        assert_eq!(
            a,
            EventId::new("doc-1", Span::new(0, 20), Span::new(7, 15), 0)
        );
        assert_ne!(
            a,
            EventId::new("doc-2", Span::new(0, 20), Span::new(7, 15), 0)
        );
        assert_ne!(
            a,
            EventId::new("doc-1", Span::new(0, 21), Span::new(7, 15), 0)
        );
        assert_ne!(
            a,
            EventId::new("doc-1", Span::new(0, 20), Span::new(7, 15), 1)
        );
        assert!(a.0 > 0 && a.0 < 1 << 63);
        // Pinned (FNV-1a computed independently): ids are part of the output
        // format and must never drift between releases.
        assert_eq!(
            EventId::new("seed", Span::new(0, 20), Span::new(7, 15), 0).0,
            8493529332501116682
        );
    }

    #[test]
    fn twin_events_get_distinct_ids() {
        let mut events = vec![
            event(0, (0, 30), (7, 15)),
            event(0, (0, 30), (7, 15)),
            event(1, (31, 60), (40, 48)),
        ];
        assign_ids("x", &mut events);
        assert_ne!(events[0].id, events[1].id);
        assert_eq!(
            events[0].id,
            EventId::new("x", Span::new(0, 30), Span::new(7, 15), 0)
        );
        assert_eq!(
            events[1].id,
            EventId::new("x", Span::new(0, 30), Span::new(7, 15), 1)
        );
    }

    #[test]
    fn ids_serialize_as_decimal_strings_and_read_back() {
        let id = EventId(9_007_199_254_740_993); // 2^53 + 1: not a JSON-safe number
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"9007199254740993\"");
        assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
    }
}
