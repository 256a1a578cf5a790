//! Attribution as a pipeline [`Stage`].

use sitrep_doc::{Doc, Layers, Stage};

/// Quotes, reported speech, their speakers and casualty counts
/// ([`crate::attribute`]). Works on bare segments; reads tags and parses when an
/// earlier stage filled them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attributor;

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn uses(&self) -> Layers {
        Layers::TAGS | Layers::PARSE | Layers::PERSONS
    }
    fn provides(&self) -> Layers {
        Layers::QUOTES | Layers::CASUALTIES
    }
    fn run(&self, doc: &mut Doc) {
        // A stage has no diagnostics channel: rejected numbers simply make no
        // record (callers wanting them call `attribute` directly).
        let _rejected = crate::attribute(doc);
    }
}

/// The `persons` layer ([`crate::persons`]): the people the text names and
/// every surname and pronoun that refers to one, found once for the coder,
/// attribution and the geoparser. Works on bare segments (capitals stand in
/// for tags; without a parse, pronouns take the most recent person).
#[derive(Clone, Copy, Debug, Default)]
pub struct PersonFinder;

impl Stage for PersonFinder {
    fn name(&self) -> &'static str {
        "person finder"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn uses(&self) -> Layers {
        Layers::TAGS | Layers::PARSE
    }
    fn provides(&self) -> Layers {
        Layers::PERSONS
    }
    fn run(&self, doc: &mut Doc) {
        doc.persons = crate::persons::find(doc);
    }
}
