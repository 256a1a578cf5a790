//! Geoparsing as a pipeline [`Stage`].

use crate::Gazetteer;
use sitrep_doc::{Doc, Layers, Stage};

/// Toponyms recognised and resolved against a gazetteer ([`crate::geoparse`]).
/// Recognition reads part-of-speech tags and parses when present, and the
/// names other stages found (actors, persons, entities: not places, see
/// [`crate::names`]), so it runs after the coder.
pub struct Geoparser {
    gazetteer: Gazetteer,
}

impl Geoparser {
    pub fn new(gazetteer: Gazetteer) -> Geoparser {
        Geoparser { gazetteer }
    }

    /// The vendored GeoNames gazetteer.
    pub fn vendored() -> Result<Geoparser, crate::Error> {
        Ok(Geoparser::new(Gazetteer::vendored()?))
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

impl Stage for Geoparser {
    fn name(&self) -> &'static str {
        "geoparser"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn uses(&self) -> Layers {
        Layers::TAGS | Layers::PARSE | Layers::ACTORS | Layers::ENTITIES | Layers::PERSONS
    }
    fn provides(&self) -> Layers {
        Layers::PLACES
    }
    fn run(&self, doc: &mut Doc) {
        crate::geoparse(doc, &self.gazetteer);
    }
}
