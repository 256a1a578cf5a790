//! A coded event: source actor, action, target actor with CAMEO/PLOVER codes
//! and evidence spans. Filled by the event coder.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::{Date, Span};
use serde::Serialize;

/// One side of an event (source or target).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventActor {
    /// The actor's text as written (of the mention, or of the antecedent for a
    /// pronoun, whose own span is still `span`).
    pub text: String,
    /// Its CAMEO code, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Evidence span of the mention in this sentence.
    pub span: Span,
    /// Index in [`crate::Doc::actors`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<u32>,
}

/// How certain the text presents the action as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as happening or having happened.
    #[default]
    Asserted,
    /// Future (`will`, `is to`, `is about to`).
    Future,
    /// Possible or conditional (`may`, `could`, `would`, `if ...`).
    Hypothetical,
    /// Intended, planned, threatened or demanded, not done (`plans to`, `wants to`).
    Intended,
}

/// The PLOVER reading of an event (PLOVER 2021 mapping of its CAMEO code).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Plover {
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The PLOVER manual's conflict–cooperation score for event (and mode).
    pub score: f32,
}

/// A coded event.
///
/// Invariants: `verb`, and the spans of `source`/`target`, lie inside
/// `sentence_span`; `span` covers all three.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Event {
    /// The evidence in the original text: from the first to the last of verb,
    /// source and target.
    pub span: Span,
    /// Index of the sentence in [`crate::Doc::sentences`].
    pub sentence: u32,
    pub sentence_span: Span,
    /// The date the event is coded on (dateline date, else the anchor date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<EventActor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<EventActor>,
    /// The verb (or predicate noun) that carries the action.
    pub verb: Span,
    pub verb_text: String,
    /// CAMEO event code (3 or 4 digits).
    pub code: String,
    /// The first two digits of `code`.
    pub root_code: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict–cooperation value of the code (see docs/schema.md).
    pub goldstein: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover: Option<Plover>,
    /// The verb is negated (`did not attack`).
    pub negated: bool,
    pub modality: Modality,
    /// The dictionary pattern that chose the code, as written (`- * TIES [064]`),
    /// or `None` if the verb's default code applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Where the action happened (geoparser; the facade joins it to the event).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::places::PlaceRef>,
    /// Where a statement was made, for speech acts (`Lavrov said in Belgrade`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub said_at: Option<crate::places::PlaceRef>,
    /// When the action happened, with precision and the evidence it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<crate::times::TimeRef>,
    /// Who vouches for the event, outermost first: publisher, wire agency, named
    /// sources, and the speaker when the event is reported speech.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub according_to: Vec<crate::quotes::Source>,
    /// Indices into [`crate::Doc::casualties`] of the counts describing this event.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub casualties: Vec<u32>,
}
