//! Named-entity mentions: people, organisations, places and other names, as a
//! trained recognizer finds them. Filled by the entity recognizer stage.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Later stages read it to decide what a capitalised word *is*
//! (a person is never a place; an organisation is not a toponym).

use crate::Span;
use serde::{Deserialize, Serialize};

/// What kind of thing a name names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person (`Sergey Lavrov`, `Assad`).
    Person,
    /// An organisation, armed group, party, agency or outlet (`Hamas`, `Reuters`).
    Organization,
    /// A geopolitical entity, location or facility (`Homs`, `Sinai`, `the Kremlin`).
    Place,
    /// Any other name (events, works, products, nationalities used as nouns).
    #[default]
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// One recognised entity mention.
///
/// Invariants: `span` covers whole tokens `token_start..token_end`, all in one
/// sentence; mentions are in text order and never overlap.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntityMention {
    /// The evidence in the original text.
    pub span: Span,
    /// Document-wide token range `[token_start, token_end)`.
    pub token_start: u32,
    pub token_end: u32,
    pub kind: EntityKind,
    /// The recognizer's confidence in `[0, 1]` (1 for rule-made mentions).
    pub confidence: f32,
}
