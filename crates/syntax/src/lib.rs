//! sitrep-syntax: part-of-speech tagging, lemmatization and dependency parsing.
//!
//! - [`Tagger`]: greedy averaged perceptron over joint `UPOS|XPOS` classes, with
//!   word-shape, affix, case, Brill-lexicon and training tag-dictionary features,
//!   and a next-verb lookahead (trained with ALL-CAPS and
//!   Title-Case copies so headlines tag well), plus a lemmatizer: per-(form, XPOS)
//!   exceptions and suffix rewrite rules learned from treebank lemmas.
//! - [`Parser`]: arc-eager transition parser (greedy, O(n)), averaged perceptron
//!   trained with a dynamic oracle on jackknifed tags; labelled UD relations.
//! - [`annotate`]: fills a [`Doc`]'s token annotations sentence by sentence.
//!
//! Both models are trained here from UD English EWT (dev) and GUM, and vendored in
//! `data/models/` (see its README for provenance and figures); [`Tagger::vendored`]
//! and [`Parser::vendored`] load the copies compiled into the binary, so no file
//! lookup happens at runtime. Model files use a small versioned binary format with
//! a checksum ([`binio`]): a corrupt model is an [`Error`], never a panic.
//!
//! # Cargo features
//!
//! - `train` (off by default): the training code, i.e. the `train` module (the
//!   entry points `sitrep train` calls), `tagger::train`, `parser::train` with
//!   its dynamic oracle, the perceptron trainer, projectivisation and
//!   `Lexicon::parse` (the Brill lexicon's text format). Runtime users load
//!   vendored or saved models and compile none of it; `sitrep-cli` enables
//!   it. Unit and integration tests that train a model run only with it
//!   (`cargo test -p sitrep-syntax --features train`).

pub mod binio;
pub mod corpus;
mod dense;
mod deparc;
mod error;
mod hash;
mod lemma;
mod lexicon;
pub mod parser;
mod perceptron;
#[cfg(feature = "train")]
mod projective;
mod repair;
mod stage;
mod tagdict;
mod tagfeat;
pub mod tagger;
#[cfg(feature = "train")]
pub mod train;
mod wordfeat;
mod wordrows;

pub use deparc::DepArc;
pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use parser::Parser;
#[cfg(feature = "train")]
pub use parser::ParserConfig;
#[cfg(feature = "train")]
pub use tagger::TaggerConfig;
pub use tagger::{Tag, Tagger};

use sitrep_doc::Doc;

pub(crate) static VENDORED_TAGGER: &[u8] = include_bytes!("../../../data/models/tagger.bin");
pub(crate) static VENDORED_PARSER: &[u8] = include_bytes!("../../../data/models/parser.bin");

/// Tags, lemmatizes and (if `parser` is given) parses every sentence of `doc`:
/// the [`Tagger`] stage, then the [`Parser`] stage.
pub fn annotate(doc: &mut Doc, tagger: &Tagger, parser: Option<&Parser>) {
    stage::tag(doc, tagger);
    if let Some(parser) = parser {
        stage::parse(doc, parser);
    }
}
