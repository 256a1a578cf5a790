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

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::entities::EntityKind;

    /// Name lists standing in for the gazetteer and the actor dictionary
    /// (the model was trained with them; without any it types worse).
    struct Lists;
    impl crate::NameLexicon for Lists {
        fn is_place(&self, words: &[&str]) -> bool {
            words == ["Cairo"]
        }
        fn actor(&self, words: &[&str]) -> Option<crate::ActorKind> {
            (words == ["Sergey", "Lavrov"]).then_some(crate::ActorKind::Person)
        }
    }

    /// Gold tags stated in CoNLL-U, the vendored model, small name lists.
    const SENT: &str = "\
1\tSergey\tSergey\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\tLavrov\tLavrov\tPROPN\tNNP\t_\t1\tflat\t_\t_
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
4\tCairo\tCairo\tPROPN\tNNP\t_\t3\tobj\t_\t_
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    #[test]
    fn the_stage_fills_entities_over_whole_tokens() {
        let mut doc = Doc::from_conllu(SENT).unwrap();
        let rec = Recognizer::vendored()
            .unwrap()
            .with_lexicon(std::sync::Arc::new(Lists));
        assert_eq!(rec.requires(), Layers::SEGMENTS | Layers::TAGS);
        assert_eq!(rec.provides(), Layers::ENTITIES);
        rec.run(&mut doc);
        let found: Vec<(&str, EntityKind)> = doc
            .entities
            .iter()
            .map(|e| (doc.slice(e.span), e.kind))
            .collect();
        assert!(
            found.contains(&("Sergey Lavrov", EntityKind::Person)),
            "{found:?}"
        );
        assert!(found.contains(&("Cairo", EntityKind::Place)), "{found:?}");
        // Nothing in the second sentence is a name.
        let second = doc.sentences[1].tokens();
        assert!(doc
            .entities
            .iter()
            .all(|e| (e.token_end as usize) <= second.start));
        // Running again replaces the layer rather than adding to it.
        let before = doc.entities.clone();
        rec.run(&mut doc);
        assert_eq!(doc.entities, before);
    }
}
