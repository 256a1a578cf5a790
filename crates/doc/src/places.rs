//! Toponym mentions and resolved place references, owned by the geoparser.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate (`sitrep-geo`). Every position is a [`Span`] into
//! [`crate::Doc::text`]. [`PlaceRef`] and [`PlaceAssignment`] are meant to be
//! embedded by other layers (an event's location) without depending on the
//! gazetteer.

use crate::Span;
use serde::{Deserialize, Serialize};

/// How fine a resolved place is: what an analyst may conclude from it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PlacePrecision {
    /// A district or quarter of a city.
    Neighbourhood,
    /// A populated place.
    #[default]
    City,
    /// An administrative area (governorate, state, province, county).
    Admin,
    /// A whole country.
    Country,
}

impl PlacePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            PlacePrecision::Neighbourhood => "neighbourhood",
            PlacePrecision::City => "city",
            PlacePrecision::Admin => "admin",
            PlacePrecision::Country => "country",
        }
    }
}

/// A place resolved to a gazetteer entry, with the text that evidences it.
///
/// Invariant: `lat` is in `[-90, 90]`, `lon` in `[-180, 180]`; `evidence` is a
/// span of the document text (a toponym mention, or the dateline's place).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceRef {
    /// The gazetteer's name of the entry (`Tadmur` for a mention `Palmyra`).
    pub name: String,
    /// The GeoNames id (supplement entries without one use ids ≥ 2,000,000,000).
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code, or `""`.
    pub country: String,
    /// GeoNames admin1 code within the country, or `""`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub admin1: String,
    pub precision: PlacePrecision,
    /// Where the text says it.
    pub evidence: Span,
    /// On an event's location: the place is not written in the event's own
    /// sentence but inferred from the context (the nearest earlier place of
    /// the paragraph, or the dateline's place): less certain than a place of
    /// the clause. Always `false` on a place mention.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// A toponym mention, resolved (or not) to a gazetteer entry.
///
/// Invariant: `span` covers whole tokens `tokens.0..tokens.1` of
/// [`crate::Doc::tokens`], except for the dateline's place, which lies outside
/// every sentence and has an empty token range; mentions are stored in text
/// order and never overlap.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceMention {
    /// The evidence in the original text.
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// Token range `[start, end)` of the mention in [`crate::Doc::tokens`].
    pub tokens: (u32, u32),
    /// The chosen entry; `None` when no candidate was acceptable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceRef>,
    /// How sure the resolver is of its choice, in `[0, 1]` (the chosen
    /// candidate's share of the softmax over candidate scores).
    pub confidence: f32,
    /// Why this entry was chosen (scores of the best candidates and the context
    /// that moved them); for debugging and analyst review.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub explain: String,
}

/// Where a clause's action happened and where it was said, as chosen by the
/// geoparser's assignment helpers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceAssignment {
    /// The place of the action (the subject matter of a speech act).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<PlaceRef>,
    /// For speech verbs: where the statement was made (dateline or `in X`
    /// attached to the speech verb).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub said_at: Option<PlaceRef>,
}
