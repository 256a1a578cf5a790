//! Small read-only helpers over a document's tokens.
//!
//! Every accessor tolerates out-of-range indices (returning neutral values), so
//! the pattern code above never indexes a slice directly.

use sitrep_doc::{Doc, Span, Upos};

/// The normalised text of token `i`, or `""`.
pub fn word(doc: &Doc, i: usize) -> &str {
    doc.token_text(i)
}

/// The token's UPOS, or unset.
pub fn upos(doc: &Doc, i: usize) -> Upos {
    doc.tokens.get(i).map(|t| t.upos).unwrap_or_default()
}

pub fn span(doc: &Doc, i: usize) -> Span {
    doc.tokens.get(i).map(|t| t.span).unwrap_or_default()
}

/// Covering span of tokens `a..=b` (`a <= b` expected; else the span of `a`).
pub fn span_of(doc: &Doc, a: usize, b: usize) -> Span {
    let s = span(doc, a);
    if b <= a {
        return s;
    }
    s.cover(span(doc, b))
}

/// Index of the first token starting at or after byte `at`.
pub fn first_at_or_after(doc: &Doc, at: u32) -> usize {
    doc.tokens.partition_point(|t| t.span.start < at)
}

/// Index one past the last token ending at or before byte `at`.
pub fn end_before(doc: &Doc, at: u32) -> usize {
    doc.tokens.partition_point(|t| t.span.end <= at)
}

/// Index of the paragraph containing byte `at`, if any.
pub fn paragraph_of(doc: &Doc, at: u32) -> Option<usize> {
    let i = doc.paragraphs.partition_point(|p| p.end < at);
    doc.paragraphs
        .get(i)
        .filter(|p| p.start <= at && at <= p.end)
        .map(|_| i)
}

pub fn is_punct(doc: &Doc, i: usize) -> bool {
    let w = word(doc, i);
    upos(doc, i) == Upos::PUNCT || (!w.is_empty() && w.chars().all(|c| c.is_ascii_punctuation()))
}

pub fn is_quote_mark(doc: &Doc, i: usize) -> bool {
    matches!(word(doc, i), "\"" | "``" | "''" | "“" | "”" | "«" | "»")
}

/// The shared capitalisation test, re-exported for the modules that read
/// tokens through this one.
pub use sitrep_lexicon::is_capitalised;

/// Whether token `i` looks like part of a proper name.
pub fn is_proper(doc: &Doc, i: usize) -> bool {
    let u = upos(doc, i);
    if u.is_set() {
        u == Upos::PROPN || (is_capitalised(word(doc, i)) && u.as_str() == "ADJ")
    } else {
        is_capitalised(word(doc, i))
    }
}

/// Whether token `i` can be part of a noun phrase naming a speaker.
pub fn is_np_word(doc: &Doc, i: usize) -> bool {
    let w = word(doc, i);
    if matches!(w, "'s" | "'" | "(" | ")" | "-") {
        return true;
    }
    let u = upos(doc, i);
    if !u.is_set() {
        return !w.is_empty() && w.chars().next().is_some_and(char::is_alphanumeric);
    }
    matches!(
        u.as_str(),
        "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM"
    )
}

/// Words between a speaker and its verb that are not part of either: auxiliaries
/// and adverbs (`has today declared`, `is claiming`, `also said`).
pub fn is_aux_or_adverb(doc: &Doc, i: usize) -> bool {
    let w = Lower::new(word(doc, i));
    if matches!(
        w.as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "also"
            | "today"
            | "yesterday"
            | "later"
            | "then"
            | "again"
            | "earlier"
            | "previously"
            | "reportedly"
            | "repeatedly"
            | "further"
            | "once"
            | "did"
            | "does"
            | "not"
            | "never"
    ) {
        return true;
    }
    matches!(upos(doc, i).as_str(), "AUX" | "ADV")
}

/// Personal pronouns that can name a speaker: `Some(false)` for a person
/// (`he`, `she`), `Some(true)` for a group or institution (`they`, `it`).
pub fn pronoun_plural(w: &str) -> Option<bool> {
    match Lower::new(w).as_str() {
        "he" | "she" | "him" | "her" => Some(false),
        "they" | "them" | "it" => Some(true),
        _ => None,
    }
}

/// A word lower-cased (ASCII) in a stack buffer, so the word-list lookups of
/// the per-token scans allocate nothing. Words longer than the buffer read as
/// `""`: no word list here holds one.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
}

impl Lower {
    pub fn new(w: &str) -> Lower {
        let mut buf = [0u8; 32];
        let len = if w.len() <= buf.len() {
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            w.len()
        } else {
            0
        };
        Lower { buf, len }
    }

    /// The lower-cased word (ASCII lower-casing keeps UTF-8 valid).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Lower;

    #[test]
    fn lower_is_ascii_lowercase_or_empty() {
        assert_eq!(Lower::new("Killed").as_str(), "killed");
        assert_eq!(Lower::new("ÉTAT").as_str(), "État");
        assert_eq!(Lower::new(&"x".repeat(40)).as_str(), "");
    }
}
