//! An actor mention: a dictionary actor (with its CAMEO code resolved for the sentence date) or an unknown capitalised name, owned by the event coder.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::Serialize;

/// An actor mention: a dictionary actor (with its CAMEO code resolved for the sentence date) or an unknown capitalised name, owned by the event coder.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorMention {
    /// The evidence in the original text.
    pub span: Span,
}
