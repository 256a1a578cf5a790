//! sitrep-eval: every evaluation of sitrep's stages, apart from the runtime
//! crates so that they carry no scoring code. The CLI's `sitrep eval ...`
//! commands parse flags, call this crate and print.
//!
//! | module | measures | command |
//! |---|---|---|
//! | [`segment`] | sentence-boundary and token P/R/F1 on CoNLL-U treebanks | `eval segment` |
//! | [`syntax`] | UPOS/XPOS/lemma accuracy, UAS/LAS on gold tokenisation | `eval tagger`, `eval parser` |
//! | [`coder`] | PETRARCH and TABARI record accuracy, PLOVER event typing | `eval petrarch`, `eval tabari`, `eval plover` |
//! | [`devset`] | event P/R/F1 of the full pipeline on the real-news development set | `eval devset` |
//! | [`geo`] | toponym recognition P/R/F1 and resolution accuracy (Gritta et al.) | `eval geo` |
//! | [`ner`] | named-entity P/R/F1 per type on the held-out GUM documents | `eval ner` |
//! | [`time`] | temporal-expression normalisation against fixture files | `eval time` |
//!
//! Shared measures live in [`metrics`]: [`Counts`] is the one precision/
//! recall/F1 type (segmentation and toponym recognition), [`metrics::percent`]
//! the one percentage.
//!
//! Scorers that need parsed text run it through the facade ([`sitrep::Pipeline`]
//! with the vendored models), so figures are those of the full pipeline.
//! Readers of gold files are tolerant: a malformed record is skipped (and,
//! where the format allows, counted), never a panic or an error.

pub mod coder;
pub mod devset;
mod error;
pub mod geo;
pub mod metrics;
pub mod ner;
pub mod segment;
pub mod syntax;
pub mod time;

pub use error::Error;
pub use metrics::Counts;
