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
    // One decoding state per thread, kept across documents: its buffers and
    // its memo of lexicon answers (pure functions of the words, so results
    // never depend on what was decoded before).
    thread_local! {
        static STATE: std::cell::RefCell<DecodeState> = std::cell::RefCell::new(DecodeState::default());
    }
    STATE.with(|st| match st.try_borrow_mut() {
        Ok(mut st) => recognize_with(doc, rec, &mut st, &mut out),
        Err(_) => recognize_with(doc, rec, &mut DecodeState::default(), &mut out),
    });
    doc.entities = out;
}

fn recognize_with(doc: &Doc, rec: &Recognizer, st: &mut DecodeState, out: &mut Vec<EntityMention>) {
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
        rec.sentence(&toks, st, &mut found);
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
}
