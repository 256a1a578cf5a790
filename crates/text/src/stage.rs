//! Segmentation as a pipeline [`Stage`].

use sitrep_doc::{Doc, Layers, Stage};

/// The first stage of every pipeline: paragraphs, dateline, sentences and
/// tokens from the raw text ([`crate::segment`]). Requires nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segmenter"
    }
    fn requires(&self) -> Layers {
        Layers::NONE
    }
    fn provides(&self) -> Layers {
        Layers::SEGMENTS
    }
    fn run(&self, doc: &mut Doc) {
        crate::segment(doc);
    }
}
