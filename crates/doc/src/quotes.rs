//! A direct quote or reported speech with its cue and speaker, owned by the attribution stage.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::Serialize;

/// A direct quote or reported speech with its cue and speaker, owned by the attribution stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Quote {
    /// The evidence in the original text.
    pub span: Span,
}
