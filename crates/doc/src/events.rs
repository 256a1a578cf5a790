//! A coded event: source actor, action, target actor with CAMEO/PLOVER codes and evidence spans, owned by the event coder.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::Serialize;

/// A coded event: source actor, action, target actor with CAMEO/PLOVER codes and evidence spans, owned by the event coder.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Event {
    /// The evidence in the original text.
    pub span: Span,
}
