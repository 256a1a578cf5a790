//! The temporal layer: every sentence's date expressions, normalised against the
//! document's anchor, written to `doc.times`.

use crate::time::{self, Precision, Tense, TimeExpr};
use sitrep_doc::times::{DatePrecision, TimeKind, TimeMention};
use sitrep_doc::{Doc, Sentence};

/// Fills `doc.times` (replacing it) from [`time::extract_sentence`] over every
/// sentence, anchored at [`time::anchor_of`] (dateline date, else publication
/// date, else `anchor_date`). Without any anchor nothing can be normalised and
/// the layer is left empty. Never panics.
pub fn annotate_times(doc: &mut Doc) {
    let Some(anchor) = time::anchor_of(doc, None) else {
        doc.times.clear();
        return;
    };
    let mut out = Vec::new();
    for s in &doc.sentences {
        let tense = sentence_tense(doc, s);
        for t in time::extract_sentence(doc, s, anchor, tense) {
            out.push(mention(&t));
        }
    }
    doc.times = out;
}

/// A [`TimeExpr`] as the layer's [`TimeMention`].
pub fn mention(t: &TimeExpr) -> TimeMention {
    TimeMention {
        span: t.span,
        text: t.text.clone(),
        date: Some(t.date),
        end: t.end,
        precision: precision(t.precision),
        kind: kind(t.kind),
        value: t.iso(),
    }
}

pub fn precision(p: Precision) -> DatePrecision {
    match p {
        Precision::Day => DatePrecision::Day,
        Precision::Week => DatePrecision::Week,
        Precision::Month => DatePrecision::Month,
        Precision::Year => DatePrecision::Year,
    }
}

pub fn kind(k: time::TimeKind) -> TimeKind {
    match k {
        time::TimeKind::Point => TimeKind::Point,
        time::TimeKind::RangeStart => TimeKind::RangeStart,
        time::TimeKind::RangeEnd => TimeKind::RangeEnd,
        time::TimeKind::Range => TimeKind::Range,
    }
}

/// Future when the sentence has a future auxiliary (`will`, `shall`, `'ll`),
/// so that `on Monday` means the coming Monday; past otherwise (news reports
/// the past).
fn sentence_tense(doc: &Doc, s: &Sentence) -> Tense {
    let future = s.tokens().any(|i| {
        let t = doc.token_text(i).to_ascii_lowercase();
        matches!(t.as_str(), "will" | "shall" | "'ll" | "wo")
    });
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}
