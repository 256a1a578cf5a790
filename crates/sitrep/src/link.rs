//! Cross-layer links that only the facade may make, because they join the
//! outputs of two stages that must not know each other.

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
