//! The people an article names, and every mention that refers to one of them:
//! full names, bare surnames, titled names and the pronouns `he`/`she`.
//!
//! Filled once, after parsing, by the person finder (`sitrep-attrib`), and read
//! by every stage that asks "who is *he*": the coder's coreference, the
//! speaker finder of attribution and the geoparser's person filter (a person's
//! name is never a place). One layer, so they cannot give three answers.
//!
//! This module is the layer's data model only. Every position is a [`Span`]
//! into [`crate::Doc::text`].

use crate::Span;
use serde::{Deserialize, Serialize};

/// How a person mention is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonMentionKind {
    /// A name the text vouches for as a person's (after a role or title, with a
    /// role in apposition, or two or more words recognised as a person).
    #[default]
    Name,
    /// A one-word name that is the last word of an earlier person's name
    /// (`Lavrov` after `Sergey Lavrov`).
    Surname,
    /// `he`, `she`, `him`, `her`.
    Pronoun,
}

/// An organisation a person speaks for, as written (`SOHR` in `SOHR's chief`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonOrg {
    pub name: String,
    pub span: Span,
}

/// One mention of a person.
///
/// Invariants: `span` covers whole tokens `token_start..token_end` of sentence
/// `sentence`; mentions are in text order and never overlap; `antecedent`,
/// when set, is the index in [`crate::Doc::persons`] of an earlier
/// [`PersonMentionKind::Name`] mention, and `name`/`name_span` are that
/// mention's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonMention {
    /// The evidence in the original text.
    pub span: Span,
    pub sentence: u32,
    /// Document-wide token range `[token_start, token_end)`.
    pub token_start: u32,
    pub token_end: u32,
    pub kind: PersonMentionKind,
    /// The person's name as first written in full (`Sergey Lavrov` for `he`).
    pub name: String,
    /// Where that name is written.
    pub name_span: Span,
    /// Lowercased role and modifier words the text gives the person
    /// (`russian`, `foreign`, `minister`), on name mentions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Organisations the person speaks for, on name mentions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orgs: Vec<PersonOrg>,
    /// Whether this mention (with its title) is the subject of its clause
    /// (`Lavrov said`): pronouns prefer subject antecedents.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub subject: bool,
    /// The name mention this one refers to (surnames and pronouns).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<u32>,
}

/// The mention of `persons` (a `persons` layer: in text order, never
/// overlapping) that overlaps `span`, by binary search.
pub fn overlapping(persons: &[PersonMention], span: Span) -> Option<&PersonMention> {
    let i = persons.partition_point(|p| p.span.end <= span.start);
    persons.get(i).filter(|p| p.span.overlaps(span))
}

/// The mention of `persons` that starts at document token `t`, by binary
/// search.
pub fn starting_at(persons: &[PersonMention], t: u32) -> Option<&PersonMention> {
    let i = persons.partition_point(|p| p.token_end <= t);
    persons.get(i).filter(|p| p.token_start == t)
}

/// The mentions of `persons` whose first token lies in `tokens`.
pub fn in_tokens(persons: &[PersonMention], tokens: std::ops::Range<u32>) -> &[PersonMention] {
    let a = persons.partition_point(|p| p.token_start < tokens.start);
    let b = persons.partition_point(|p| p.token_start < tokens.end);
    persons.get(a..b.max(a)).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(tokens: (u32, u32), bytes: (u32, u32)) -> PersonMention {
        PersonMention {
            token_start: tokens.0,
            token_end: tokens.1,
            span: Span::new(bytes.0 as usize, bytes.1 as usize),
            ..PersonMention::default()
        }
    }

    #[test]
    fn lookups_find_the_one_mention_there() {
        let layer = [mention((0, 2), (0, 13)), mention((5, 6), (30, 36))];
        assert_eq!(overlapping(&layer, Span::new(30, 32)), Some(&layer[1]));
        assert_eq!(overlapping(&layer, Span::new(14, 29)), None);
        assert_eq!(starting_at(&layer, 5), Some(&layer[1]));
        assert_eq!(starting_at(&layer, 1), None);
        assert_eq!(in_tokens(&layer, 1..6), &layer[1..]);
        assert!(in_tokens(&layer, 2..5).is_empty());
    }
}
