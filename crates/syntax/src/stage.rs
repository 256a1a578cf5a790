//! Tagging and parsing as pipeline [`Stage`]s: a loaded [`Tagger`] or
//! [`Parser`] *is* the stage.
//!
//! Both read each token's normalised text and write only their own token
//! fields, so running the tagger then the parser gives exactly what one joint
//! pass would. Tokens outside any sentence are left untouched.

use crate::{parser, tagger, Parser, Tag, Tagger};
use sitrep_doc::{Doc, Layers, Stage};

impl Stage for Tagger {
    fn name(&self) -> &'static str {
        "tagger"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn provides(&self) -> Layers {
        Layers::TAGS
    }
    fn run(&self, doc: &mut Doc) {
        tag(doc, self);
    }
}

impl Stage for Parser {
    fn name(&self) -> &'static str {
        "parser"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS | Layers::TAGS
    }
    fn provides(&self) -> Layers {
        Layers::PARSE
    }
    fn run(&self, doc: &mut Doc) {
        parse(doc, self);
    }
}

/// Copies sentence `si`'s normalised token texts into `forms`; `None` when the
/// sentence is empty or its token range is out of bounds.
fn sentence_forms(doc: &Doc, si: usize, forms: &mut Vec<String>) -> Option<std::ops::Range<usize>> {
    let range = doc.sentences.get(si)?.tokens();
    if range.is_empty() || range.end > doc.tokens.len() {
        return None;
    }
    forms.clear();
    forms.extend(
        doc.tokens[range.clone()]
            .iter()
            .map(|t| t.text(&doc.text).to_string()),
    );
    Some(range)
}

/// Sets `upos`, `xpos` and `lemma` of every sentence token.
pub(crate) fn tag(doc: &mut Doc, tagger: &Tagger) {
    let mut forms: Vec<String> = Vec::new();
    let mut lower = String::new();
    let mut lemma = String::new();
    let mut tags = Vec::new();
    let mut state = tagger::TagState::default();
    for si in 0..doc.sentences.len() {
        let Some(range) = sentence_forms(doc, si, &mut forms) else {
            continue;
        };
        tagger.tag_into(&forms, &mut state, &mut tags);
        for (k, ti) in range.enumerate() {
            let tag = tags.get(k).copied().unwrap_or_default();
            lower.clear();
            lower.extend(forms[k].chars().flat_map(char::to_lowercase));
            tagger.lemma_into(&forms[k], &lower, tag.xpos, &mut lemma);
            let tok = &mut doc.tokens[ti];
            tok.upos = tag.upos;
            tok.xpos = tag.xpos;
            tok.lemma = Some(lemma.as_str().into());
        }
    }
}

/// Sets `head` (document-wide index, `None` for the root) and `deprel` of
/// every sentence token, from the tags already on the tokens.
pub(crate) fn parse(doc: &mut Doc, parser: &Parser) {
    let mut tags: Vec<Tag> = Vec::new();
    let mut state = parser::ParseState::default();
    for si in 0..doc.sentences.len() {
        let range = doc.sentences[si].tokens();
        let Some(tokens) = doc.tokens.get(range.clone()).filter(|t| !t.is_empty()) else {
            continue;
        };
        // The forms borrow the document (the tagger, which writes lemmas as
        // it goes, has to copy them); the arcs are owned, so the borrow ends
        // before the heads are written.
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(&doc.text)).collect();
        tags.clear();
        tags.extend(tokens.iter().map(|t| Tag {
            upos: t.upos,
            xpos: t.xpos,
        }));
        let arcs = parser.parse_with(&forms, &tags, &mut state);
        let start = range.start;
        for (k, ti) in range.enumerate() {
            if let Some(arc) = arcs.get(k) {
                let tok = &mut doc.tokens[ti];
                tok.head = arc.head.map(|h| (start + h as usize) as u32);
                tok.deprel = arc.deprel;
            }
        }
    }
}
