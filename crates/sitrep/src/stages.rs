//! Every stage type, for [`PipelineBuilder::stage`](crate::PipelineBuilder::stage),
//! and the one stage the facade itself provides: the link.

pub use sitrep_attrib::{Attributor, PersonFinder};
pub use sitrep_coder::Coder;
pub use sitrep_geo::Geoparser;
pub use sitrep_syntax::{Parser, Tagger};
pub use sitrep_text::Segmenter;
pub use sitrep_time::TimeResolver;

use sitrep_doc::{Doc, Layers, Stage};

/// The joins no stage may make because they read two stages' outputs: each
/// quote speaker's actor code, and each event's place, time, sources and
/// casualties. Every layer but the events is optional: what is missing is not
/// joined (no gazetteer, no places; times still come from the text).
#[derive(Clone, Copy, Debug, Default)]
pub struct Link;

impl Stage for Link {
    fn name(&self) -> &'static str {
        "link"
    }
    fn requires(&self) -> Layers {
        Layers::SEGMENTS | Layers::EVENTS
    }
    fn uses(&self) -> Layers {
        Layers::PARSE
            | Layers::ACTORS
            | Layers::PLACES
            | Layers::TIMES
            | Layers::QUOTES
            | Layers::CASUALTIES
    }
    fn provides(&self) -> Layers {
        Layers::LINKS
    }
    fn run(&self, doc: &mut Doc) {
        crate::link::speaker_codes(doc);
        // With no places layer the place lookups find nothing, and times are
        // still joined: whether a gazetteer was loaded decides nothing here.
        crate::link::event_context(doc);
    }
}
