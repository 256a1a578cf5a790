//! A temporal expression normalised against the document's anchor date, owned by the temporal resolver.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::Serialize;

/// A temporal expression normalised against the document's anchor date, owned by the temporal resolver.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimeMention {
    /// The evidence in the original text.
    pub span: Span,
}
