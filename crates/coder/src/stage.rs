//! Event coding as a pipeline [`Stage`].

use crate::Coder;
use sitrep_doc::{Doc, Layers, Stage};

/// Actors and events ([`Coder::code`]). Without tags and parses only actor
/// mentions are found, so a pipeline that wants events puts the parser first.
impl Stage for Coder {
    fn name(&self) -> &'static str {
        "coder"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn uses(&self) -> Layers {
        Layers::TAGS | Layers::PARSE | Layers::PERSONS
    }
    fn provides(&self) -> Layers {
        Layers::ACTORS | Layers::EVENTS
    }
    fn run(&self, doc: &mut Doc) {
        self.code(doc);
    }
}
