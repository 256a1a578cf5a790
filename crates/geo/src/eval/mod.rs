//! Geoparsing evaluation: a reader for Gritta et al.'s corpora and the standard
//! measures. The command that runs it is `sitrep eval geo`.

pub mod corpus;
pub mod metrics;

use crate::gazetteer::Gazetteer;
use crate::recognize::{Recognition, Toponym};
use sitrep_doc::{Doc, Span};

/// Toponyms for gold spans (oracle recognition), to measure resolution alone.
///
/// Each span is widened to whole tokens; its candidates are the gazetteer's for
/// the phrase as written. Spans that cover no token or that the gazetteer does
/// not know are returned as `None` at their position.
pub fn oracle_toponyms<'g>(
    doc: &Doc,
    gaz: &'g Gazetteer,
    spans: &[Span],
) -> (Recognition<'g>, Vec<Option<usize>>) {
    let mut rec = Recognition::default();
    let mut index = Vec::with_capacity(spans.len());
    for &span in spans {
        let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
        let last = doc.tokens.partition_point(|t| t.span.start < span.end);
        let phrase = doc.slice(span);
        // A state abbreviation (`Kan.`) stands for its state.
        let state = crate::abbrev::us_state(phrase).and_then(|c| gaz.admin1("US", c));
        let cands = match state {
            Some(s) => gaz.lookup(s.name),
            None => gaz.lookup(phrase),
        };
        if first >= last || cands.is_empty() {
            index.push(None);
            continue;
        }
        let letters = phrase.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
        index.push(Some(rec.toponyms.len()));
        rec.toponyms.push(Toponym {
            tokens: first..last,
            span,
            candidates: cands,
            key: crate::normalize::key(phrase),
            all_caps,
            qualifier: None,
            sentence: doc.sentence_of_token(first).unwrap_or(0),
            forced: state.map(|s| s.id),
        });
    }
    // Qualifiers: consecutive gold spans separated by a comma.
    for i in 1..rec.toponyms.len() {
        let (a, b) = (&rec.toponyms[i - 1], &rec.toponyms[i]);
        if b.tokens.start == a.tokens.end + 1 && doc.token_text(a.tokens.end) == "," {
            rec.toponyms[i - 1].qualifier = Some(i);
        }
    }
    (rec, index)
}
