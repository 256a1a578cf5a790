//! The sitrep annotation model.
//!
//! Every stage of sitrep reads and writes one [`Doc`]: the article's original text,
//! **never modified**, plus layers of annotations whose positions are byte offsets
//! ([`Span`]) into that text. Whatever a later stage reports (an actor, a verb, a
//! place, a quote) can therefore always be cited as `doc.text[span.range()]` of the
//! input exactly as it was received.
//!
//! Normalisation (curly quotes, NBSP, soft hyphens, zero-width characters, Penn
//! contractions) never rewrites the text: a [`Token`] keeps the span of the original
//! bytes and, only where it differs, a normalised form in [`Token::norm`].
//!
//! Layers, in pipeline order (a stage only fills its own):
//! - `paragraphs`, `dateline`, `sentences`, `tokens` — segmentation (`sitrep-text`);
//! - token `upos`, `xpos`, `lemma`, `head`, `deprel` — tagging and parsing (`sitrep-syntax`);
//! - `entities` — named-entity recognition; `persons` — the people named and
//!   the mentions that refer to them (one answer to "who is *he*");
//! - `actors`, `events` — event coding; `places`, `times` — geoparsing and temporal
//!   resolution; `quotes`, `casualties` — attribution. Each layer's types live in
//!   their own module here; the stage that fills a layer lives in its own crate.
//!
//! This crate depends on nothing but `serde`, so every stage can depend on it.

pub mod actors;
mod article;
pub mod casualties;
pub mod conllu;
mod date;
mod doc;
pub mod entities;
pub mod events;
pub mod persons;
pub mod places;
pub mod quotes;
mod span;
pub mod stage;
mod tags;
pub mod times;

pub use article::{Article, Origin};
pub use date::{is_calendar_word, Date, DateError, MONTH_NAMES, WEEKDAY_NAMES};
pub use doc::{Dateline, Doc, Sentence, Token};
pub use span::Span;
pub use stage::{check_plan, Layers, PlanError, Stage};
pub use tags::{Deprel, Upos, Xpos};
