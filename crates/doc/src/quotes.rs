//! Direct quotes and reported speech with their cue, speaker and source chain,
//! owned by the attribution stage (`sitrep-attrib`).
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].
//!
//! Invariants upheld by the stage: `content` lies inside `span`; `cue.span` and
//! `speaker.span`, when present, lie inside the same paragraph as `content` (or the
//! paragraph a multi-paragraph quote starts in); [`Quote::sources`] is ordered from
//! the outermost voucher (the publisher) to the innermost (the speaker).

use crate::Span;
use serde::{Deserialize, Serialize};

/// Whether the words are reproduced verbatim or reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Inside quotation marks: `"We have gone through this," he said.`
    #[default]
    Direct,
    /// Reported speech: `Lavrov said (that) ...`, `according to SOHR, ...`.
    Indirect,
}

/// The word(s) that introduce speech: `said`, `stressed`, `according to`,
/// `made the announcement`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cue {
    pub span: Span,
    /// The cue's lemma (`say`, `stress`, `according to`, `announce`).
    pub lemma: String,
    /// Document-wide index of the cue's head token, when the cue is a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<u32>,
}

/// Who is speaking: the mention in the text and, when it is a pronoun or a
/// description (`he`, `the Russian minister`), the entity it was resolved to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Speaker {
    /// The speaker mention as written (`he`, `the Russian minister`).
    pub span: Span,
    /// The resolved name (`Sergey Lavrov`), or the mention's text when it names
    /// the speaker itself or could not be resolved.
    pub name: String,
    /// Where the resolved name is written (`Sergey Lavrov` in an earlier sentence),
    /// so the dictionary stage can look up an actor code.
    pub name_span: Span,
    /// Whether the speaker is a person (`Speaker` in a chain) or an organisation,
    /// outlet or collective (`NamedSource`: `SOHR`, `state media`, `activists`).
    pub person: bool,
    /// How the mention was resolved, for humans: `"pronoun 'he' → most recent
    /// person speaker 'Sergey Lavrov' (sentence 2)"`.
    pub explanation: String,
    /// Actor code (`RUSGOV`), filled later by the facade from the dictionary stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// What kind of voucher a [`Source`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// Who published the article (`Doc::source`, or the URL's host).
    #[default]
    Publisher,
    /// A wire agency (`TASS` in a dateline, `(Reuters)`, `AFP`).
    Agency,
    /// An organisation, outlet or collective named as a source (`SOHR`,
    /// `state media`, `activists`, `WaPo`).
    NamedSource,
    /// A person speaking (`Sergey Lavrov`).
    Speaker,
}

/// One link of a source chain: who vouches for a piece of text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    pub kind: SourceKind,
    pub name: String,
    /// Where the source is named in the text; `None` for metadata (publisher).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A direct quote or reported speech with its cue, speaker and source chain.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// The whole evidence: content plus cue and speaker mention.
    pub span: Span,
    pub kind: QuoteKind,
    /// The quoted or reported words. For direct quotes, inside the quotation
    /// marks (bracketed insertions kept); for reported speech, the clause.
    pub content: Span,
    /// For direct quotes: whether a closing mark was found (an unbalanced quote
    /// ends at its paragraph's end).
    pub closed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// Who vouches for the content, outermost first: publisher, agency, named
    /// sources, speaker.
    pub sources: Vec<Source>,
}
