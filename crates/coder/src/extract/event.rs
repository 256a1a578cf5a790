//! One coded event from a verb reading and a dyad.

use sitrep_doc::events::{Event, EventActor, Modality};

use super::cx::{SentenceCx, Side};
use crate::cameo;

/// What one verb's events share: the verb, its negation and modality, and
/// the pattern that coded it (as its dictionary line shows it).
pub(super) struct Act {
    /// Sentence-local token of the verb.
    pub v: usize,
    pub negated: bool,
    pub modality: Modality,
    pub pattern: Option<String>,
}

/// The event `code` of `act` from `source` to `target` (either may be
/// missing when the options allow it).
pub(super) fn make_event(
    cx: &SentenceCx<'_>,
    act: &Act,
    code: &str,
    (source, target): (Option<&Side>, Option<&Side>),
) -> Event {
    let SentenceCx { doc, sent, s, .. } = *cx;
    let v = act.v;
    let actor = |x: &Side| {
        if let Some(span) = x.new_actor {
            return EventActor {
                text: doc.slice(span).to_string(),
                code: x.code.clone(),
                span,
                mention: None,
            };
        }
        let m = doc.actors.get(x.mention);
        EventActor {
            text: m.map(|m| m.text.clone()).unwrap_or_default(),
            code: x.code.clone(),
            span: m.map(|m| m.span).unwrap_or_default(),
            mention: u32::try_from(x.mention).ok(),
        }
    };
    let verb = sent.span(v);
    let source = source.map(actor);
    let target = target.map(actor);
    let mut span = verb;
    if let Some(t) = &source {
        span = span.cover(t.span);
    }
    if let Some(t) = &target {
        span = span.cover(t.span);
    }
    let sentence_span = doc.sentences.get(s).map(|x| x.span).unwrap_or_default();
    Event {
        span,
        sentence: u32::try_from(s).unwrap_or(u32::MAX),
        sentence_span,
        date: cx.date,
        source,
        target,
        verb,
        verb_text: doc.slice(verb).to_string(),
        code: code.to_string(),
        root_code: cameo::root_code(code).unwrap_or("").to_string(),
        quad_class: cameo::quad_class(code),
        goldstein: cameo::goldstein(code),
        plover: cameo::plover_for_verb(code, &sent.lemma[v]),
        negated: act.negated,
        modality: act.modality,
        // `said`, `told`: a statement with no content CAMEO codes.
        statement_only: code == "010" && act.pattern.is_none(),
        pattern: act.pattern.clone(),
        // Context (place, time, sources, casualties) is joined by the facade.
        ..Event::default()
    }
}
