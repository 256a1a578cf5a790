//! Attribution test helpers: one pipeline per test binary.

use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let opts = PipelineOptions {
            fallback_date: Date::new(2016, 12, 12),
            ..PipelineOptions::default()
        };
        Pipeline::new(&opts).expect("vendored models load")
    })
}

/// Segments, tags, parses and attributes `text`.
pub fn analyze(text: &str) -> Doc {
    let mut doc = pipeline().analyze(Article {
        text: text.to_string(),
        ..Article::default()
    });
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    doc
}
