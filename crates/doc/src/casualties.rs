//! Casualty counts (killed, wounded, missing...) with category, qualifiers and
//! source chain, owned by the attribution stage (`sitrep-attrib`).
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].
//!
//! Invariants upheld by the stage: `count_span` and `span` lie inside the
//! sentence `sentence`; `count_span` lies inside `span`.

use crate::quotes::Source;
use crate::Span;
use serde::{Deserialize, Serialize};

/// What happened to the people counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyKind {
    #[default]
    Killed,
    Wounded,
    Missing,
    Captured,
    Displaced,
}

/// Who was counted, when the text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Civilians,
    Children,
    Women,
    /// Fighters, militants, gunmen, rebels, insurgents, jihadists.
    Fighters,
    /// Soldiers, troops, servicemen.
    Soldiers,
    /// Police officers.
    Police,
}

/// A count with its qualifiers, as an interval `min..=max`.
///
/// Conventions:
/// - exact `112`, `twenty-three`, `1,200`, `3 million`, `a family of five` →
///   `min = max = N`;
/// - open lower bounds `at least N`, `more than N`, `over N`, `upwards of N` →
///   `min N`, `max None`;
/// - `up to N`, `as many as N` → `min 0`, `max N`;
/// - hedges `about`, `around`, `some`, `nearly`, `almost`, `roughly`,
///   `approximately`, `an estimated` → `min = max = N`, `approx`;
/// - vague plurals are approximate open lower bounds: `several` 3, `a few` 2,
///   `dozens` 24, `scores` 40, `hundreds` 200, `thousands` 2000, `tens of
///   thousands` 20000, `millions` 2000000; `a dozen` is 12 approx (closed);
/// - `no one`, `nobody`, `no civilians` → exactly 0 (a reported absence of
///   casualties is a fact worth keeping).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Count {
    pub min: u64,
    /// Upper bound; `None` when the count is open-ended (`at least 112`).
    pub max: Option<u64>,
    /// The text gives an approximation (`about`, `dozens`), not a figure.
    pub approx: bool,
}

impl Count {
    /// An exact count.
    pub fn exact(n: u64) -> Count {
        Count {
            min: n,
            max: Some(n),
            approx: false,
        }
    }
}

/// One casualty count with its evidence and who vouches for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Casualty {
    /// The evidence: from the count phrase to the casualty word (`at least 112
    /// civilians were killed`).
    pub span: Span,
    pub kind: CasualtyKind,
    pub count: Count,
    /// The count phrase with its qualifier (`at least 112`, `dozens`).
    pub count_span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The casualty word (`killed`, `dead`, `wounded`, `bodies`).
    pub cue_span: Span,
    /// Index of the sentence in [`crate::Doc::sentences`].
    pub sentence: u32,
    /// Document-wide index of the verb (or noun) token the count is attached to,
    /// so the event coder can tie it to an event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<u32>,
    /// Who vouches for the count, outermost first.
    pub sources: Vec<Source>,
}
