//! Cross-layer links that only the facade may make, because they join the
//! outputs of two stages that must not know each other.

use sitrep_doc::times::TimeSource;
use sitrep_doc::Doc;

/// Gives each resolved quote speaker the actor code of the coded actor mention
/// written at the speaker's name (Lavrov → `RUSGOV`).
///
/// The speaker's `name_span` is where the resolved name is written (for "he
/// said" it is the antecedent's name), so the code follows coreference for free.
/// The first coded mention overlapping that span wins; mentions are in text order.
pub fn speaker_codes(doc: &mut Doc) {
    let Doc { quotes, actors, .. } = doc;
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        if speaker.code.is_some() {
            continue;
        }
        speaker.code = actors
            .iter()
            .filter(|m| m.span.overlaps(speaker.name_span))
            .find_map(|m| m.code.clone());
    }
}

/// Gives every event its context from the layers other stages filled: where it
/// happened and where it was said (geoparser), when (temporal resolver), who
/// vouches for it (attribution), and the casualty counts that describe it.
///
/// Runs after every stage; the stages themselves never see each other's output.
pub fn event_context(doc: &mut Doc, with_places: bool) {
    let mut claimed = vec![false; doc.casualties.len()];
    for i in 0..doc.events.len() {
        let (verb, span, sentence) = {
            let e = &doc.events[i];
            (e.verb, e.span, e.sentence)
        };
        let Some(verb_token) = token_at(doc, verb.start) else {
            continue;
        };
        let (location, said_at, time) = if with_places {
            let a = sitrep_geo::place_for_clause(doc, verb_token);
            (
                a.location,
                a.said_at,
                sitrep_geo::date_for_clause(doc, verb_token),
            )
        } else {
            (None, None, None)
        };
        let according_to = sitrep_attrib::according_to(doc, span);
        let casualties = casualties_for(doc, sentence, verb_token, &mut claimed);
        let e = &mut doc.events[i];
        if let Some(t) = &time {
            // A date written in the clause or sentence beats the dateline/anchor
            // date the coder used.
            if matches!(t.source, TimeSource::Clause | TimeSource::Sentence) && t.date.is_some() {
                e.date = t.date;
            }
        }
        e.location = location;
        e.said_at = said_at;
        e.time = time;
        e.according_to = according_to;
        e.casualties = casualties;
    }
}

/// Index of the token starting at byte `start`.
fn token_at(doc: &Doc, start: u32) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.start < start);
    doc.tokens
        .get(i)
        .filter(|t| t.span.start == start)
        .map(|_| i)
}

/// The casualty records of `sentence` that describe the event at `verb_token`:
/// those whose cue verb is the event's verb, else (for records no event verb
/// claims) the event nearest to the count in the same sentence. Each record is
/// attached to one event only.
fn casualties_for(doc: &Doc, sentence: u32, verb_token: usize, claimed: &mut [bool]) -> Vec<u32> {
    let same_sentence: Vec<usize> = doc
        .events
        .iter()
        .filter(|e| e.sentence == sentence)
        .filter_map(|e| token_at(doc, e.verb.start))
        .collect();
    let mut out = Vec::new();
    for (ci, c) in doc.casualties.iter().enumerate() {
        if claimed[ci] || c.sentence != sentence {
            continue;
        }
        let mine = match c.verb {
            Some(v) if same_sentence.contains(&(v as usize)) => v as usize == verb_token,
            _ => {
                let at = token_at(doc, c.span.start).unwrap_or(verb_token);
                same_sentence.iter().min_by_key(|&&v| v.abs_diff(at)) == Some(&verb_token)
            }
        };
        if mine {
            claimed[ci] = true;
            out.push(ci as u32);
        }
    }
    out
}
