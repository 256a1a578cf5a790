//! A toponym mention resolved (or not) to a gazetteer entry, owned by the geoparser.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::Serialize;

/// A toponym mention resolved (or not) to a gazetteer entry, owned by the geoparser.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlaceMention {
    /// The evidence in the original text.
    pub span: Span,
}
