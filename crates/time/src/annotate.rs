//! The temporal layer: every sentence's date expressions, normalised against the
//! document's anchor, written to `doc.times`.

use crate::{anchor_of, extract_sentence, Tense, TimeExpr};
use sitrep_doc::times::TimeMention;
use sitrep_doc::{Doc, Layers, Sentence, Stage};

/// Fills `doc.times` (replacing it) from [`extract_sentence`] over every
/// sentence, anchored at [`anchor_of`] (dateline date, else publication date,
/// else `anchor_date`). Without any anchor nothing can be normalised and the
/// layer is left empty. Reads sentences, token texts and the dateline only (no
/// tags or parse). Never panics.
pub fn annotate_times(doc: &mut Doc) {
    let Some(anchor) = anchor_of(doc, None) else {
        doc.times.clear();
        return;
    };
    let mut out = Vec::new();
    for s in &doc.sentences {
        let tense = sentence_tense(doc, s);
        for t in extract_sentence(doc, s, anchor, tense) {
            out.push(mention(&t));
        }
    }
    doc.times = out;
}

/// The temporal resolver as a pipeline stage: [`annotate_times`].
#[derive(Clone, Copy, Debug, Default)]
pub struct TimeResolver;

impl Stage for TimeResolver {
    fn name(&self) -> &'static str {
        "time resolver"
    }

    /// Sentences and tokens (the tense hint reads token texts) and the
    /// dateline, all from segmentation; no tags.
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }

    fn provides(&self) -> Layers {
        Layers::TIMES
    }

    fn run(&self, doc: &mut Doc) {
        annotate_times(doc);
    }
}

/// A [`TimeExpr`] as the layer's [`TimeMention`].
pub fn mention(t: &TimeExpr) -> TimeMention {
    TimeMention {
        span: t.span,
        text: t.text.clone(),
        date: Some(t.date),
        end: t.end,
        precision: t.precision,
        kind: t.kind,
        value: t.iso(),
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
