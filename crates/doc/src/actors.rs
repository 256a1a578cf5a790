//! An actor mention: a dictionary actor (with its CAMEO code resolved for the
//! sentence date), an agent noun, an unknown capitalised name, or a pronoun or
//! short name carried over from an earlier mention. Filled by the event coder.
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].

use crate::Span;
use serde::{Deserialize, Serialize};

/// How a mention was recognised.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MentionKind {
    /// A dictionary actor phrase, possibly composed with an agent.
    #[default]
    Dictionary,
    /// An agent noun alone (`officials`, `rebels`): a code only if composed.
    Agent,
    /// A capitalised name (PROPN run) in no dictionary: text, no code.
    Unknown,
    /// A pronoun or short reference resolved to an earlier mention.
    Coreference {
        /// Index in [`crate::Doc::actors`] of the mention it refers to.
        antecedent: u32,
    },
}

/// An actor mention.
///
/// Invariants: `span` covers whole tokens `token_start..token_end` of sentence
/// `sentence`; `text` is `doc.text[span]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorMention {
    /// The evidence in the original text.
    pub span: Span,
    /// Index of the sentence in [`crate::Doc::sentences`].
    pub sentence: u32,
    /// Document-wide token range `[token_start, token_end)`.
    pub token_start: u32,
    pub token_end: u32,
    /// The mention's text as written.
    pub text: String,
    /// The CAMEO actor code on the sentence date (composed with the agent), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Index of the dictionary actor, if an actor phrase matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<u32>,
    /// The dictionary actor's primary name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The agent code (`GOV`, `REB`) if an agent noun is part of the mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    pub kind: MentionKind,
}
