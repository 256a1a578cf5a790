//! The entity recognizer as a pipeline [`Stage`].

use crate::features::TokenIn;
use crate::model::DecodeState;
use crate::Recognizer;
use sitrep_doc::entities::EntityMention;
use sitrep_doc::{Doc, Layers, Span, Stage};

impl Stage for Recognizer {
    fn name(&self) -> &'static str {
        "entity recognizer"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS | Layers::TAGS
    }
    fn provides(&self) -> Layers {
        Layers::ENTITIES
    }
    fn run(&self, doc: &mut Doc) {
        recognize(doc, self);
    }
}

/// Replaces `doc.entities` with the mentions found sentence by sentence.
/// Each mention's confidence is the lowest of its tokens' label
/// probabilities.
pub(crate) fn recognize(doc: &mut Doc, rec: &Recognizer) {
    let mut out = Vec::new();
    let mut st = DecodeState::default();
    let mut found = Vec::new();
    let mut toks: Vec<TokenIn> = Vec::new();
    for s in &doc.sentences {
        let range = s.tokens();
        let Some(tokens) = doc.tokens.get(range.clone()).filter(|t| !t.is_empty()) else {
            continue;
        };
        toks.clear();
        toks.extend(tokens.iter().map(|t| TokenIn {
            form: t.text(&doc.text),
            upos: t.upos,
            xpos: t.xpos,
        }));
        rec.sentence(&toks, &mut st, &mut found);
        for (sp, confidence) in &found {
            let (first, last) = (&tokens[sp.start], &tokens[sp.end - 1]);
            out.push(EntityMention {
                span: Span {
                    start: first.span.start,
                    end: last.span.end,
                },
                token_start: (range.start + sp.start) as u32,
                token_end: (range.start + sp.end) as u32,
                kind: sp.kind,
                confidence: *confidence,
            });
        }
    }
    doc.entities = out;
}
