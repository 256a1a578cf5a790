//! Casualty counts (killed, wounded, missing...) with category, qualifiers and
//! source chain, owned by the attribution stage (`sitrep-attrib`).
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].
//!
//! Invariants upheld by the stage: `count_span` and `span` lie inside the
//! sentence `sentence`; `count_span` lies inside `span`; a sub-count's
//! `part_of` names an earlier record of the same sentence that is not itself a
//! sub-count; no count exceeds [`MAX_COUNT`].

use crate::quotes::Source;
use crate::Span;
use serde::{Deserialize, Serialize};

/// The largest count a record may hold: ten billion, above the world's
/// population, so no real toll, displacement or detention figure is cut off,
/// while a number past it (`10^30`, `twelve hundred thousand million billion`)
/// is no count at all: the stage rejects it rather than store a saturated
/// `u64::MAX` that would swamp every sum.
pub const MAX_COUNT: u64 = 10_000_000_000;

/// Whether a count is one incident's toll or a running/background total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The toll of the incident the sentence reports (`the blast killed 12`).
    #[default]
    Incident,
    /// A cumulative or background figure over a period (`since 2011`, `so far
    /// this year`, `over the past decade`, `in total`, `the war has killed`):
    /// never an incident's fatalities.
    Cumulative,
}

impl Scope {
    pub fn is_incident(&self) -> bool {
        *self == Scope::Incident
    }
}

/// What caused the harm, as far as the sentence says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The sentence names no cause, or none the stage knows.
    #[default]
    Unknown,
    /// Attacks, weapons, fighting (`bomb`, `air strike`, `gunmen`, `shelling`).
    Violent,
    /// A cause with no violence in it and none named beside it (road crashes,
    /// stampedes, collapses, floods, earthquakes, fires, disease, heat): never
    /// a violent event's fatalities.
    NonViolent,
}

impl Cause {
    pub fn is_unknown(&self) -> bool {
        *self == Cause::Unknown
    }
}

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
/// - `hundreds of thousands` 200000, `tens of millions` 20000000, `several
///   thousand` 3000, `a few hundred` 200 (approximate lower bounds), `half a
///   dozen` 6 approx;
/// - ranges `between 20 and 30`, `15 to 20`, `40-50`, `two or three` →
///   `min 20`, `max 30`;
/// - `no one`, `nobody`, `no civilians` → exactly 0 (a reported absence of
///   casualties is a fact worth keeping);
/// - never above [`MAX_COUNT`].
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
    /// A sub-count: the document-wide index in [`crate::Doc::casualties`] of
    /// the head count this one is part of (`12 civilians including three
    /// women` → the `3 women` record's `part_of` is the `12 civilians`
    /// record). A sub-count has its head's kind, cue, scope and cause; it is
    /// never added to its head in a sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<u32>,
    /// Incident toll (default, not written) or cumulative/background total.
    #[serde(skip_serializing_if = "Scope::is_incident")]
    pub scope: Scope,
    /// The harm's cause; `unknown` (the default) is not written.
    #[serde(skip_serializing_if = "Cause::is_unknown")]
    pub cause: Cause,
}

impl Casualty {
    /// Whether this record may be given to an event as that event's own
    /// casualties: an incident toll (not cumulative) of no non-violent cause.
    pub fn is_incident_harm(&self) -> bool {
        self.scope == Scope::Incident && self.cause != Cause::NonViolent
    }
}
