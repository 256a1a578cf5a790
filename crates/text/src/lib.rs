//! sitrep-text: paragraphs, wire datelines, Penn/UD tokens and sentences over
//! byte offsets of an article's original text.
//!
//! # Algorithm
//!
//! [`segment`] runs four linear passes over `doc.text`, which it never modifies:
//!
//! 1. [`paragraphs`]: blank-line separated blocks, trimmed.
//! 2. [`find_dateline`]: the first wire dateline (`BELGRADE, December 12. /TASS/.`,
//!    `DAMASCUS (Reuters) -`, ...), looked for at paragraph starts and, in the
//!    first part of a paragraph, where an ALL-CAPS place is glued to a lowercase
//!    word or follows a sentence end. Month-day dates get their year from
//!    `doc.anchor_date`.
//! 3. [`tokenize`] each *region*: a paragraph, or, in the dateline's paragraph,
//!    the parts before and after the dateline. Tokens follow UD English (EWT,
//!    GUM): Penn clitics (`do|n't`, `ca|n't`), punctuation split off, hyphens
//!    split except after bound prefixes (`e-mail`, `non-profit`), abbreviations
//!    keep their period (`U.S.`, `Dr.`), numbers stay whole (`3.5`, `1,200`),
//!    URLs, e-mails, handles and emoji are single tokens. A period glued to a
//!    capitalised word (`stressed.SOHR`) is split off, which is how scraped text
//!    with missing spaces gets its sentence boundaries back.
//! 4. Sentence boundaries over each region's tokens (see the `sentence` module):
//!    a terminal (`.`, `?`, `!`, an ellipsis) plus the closing quotes, brackets
//!    and citation marks (`[17]`) that touch it ends a sentence when the next
//!    token can open one (a capital, a digit, an opening quote or bracket, an
//!    uncased script, a camel-case brand such as `wikiHow`; a lowercase word
//!    only after a bare period, `?` or `!`, as informal text writes
//!    `i was tired. enron is ...`, while `"Go!" he said` stays whole).
//!    Abbreviations keep their period: titles (`Dr.`, `Gen.`, `No. 5`) never
//!    end a sentence; `U.S.`, `Inc.`, `a.m.` and initials end one only before
//!    a typical opener word (`The`, `He`, `It`, ...). A section number (`2.1.`)
//!    is not a sentence. A line break after a short line (headline, byline) or
//!    before a bullet ends a sentence; hard-wrapped prose is left alone.
//!
//! The rules and word lists (abbreviations, hyphen prefixes kept by UD, sentence
//! openers) were derived by inspecting the UD English EWT and GUM treebanks in
//! `../shared/data/treebanks`; `sitrep eval segment` measures them there.
//!
//! # Invariants
//!
//! - Every span lies on UTF-8 char boundaries of `doc.text` and is non-empty.
//! - Tokens are in text order and never overlap; they never contain whitespace
//!   (any Unicode `White_Space`, NBSP included).
//! - `Token::norm` is `Some` only when the normalised form differs from the
//!   original bytes: curly quotes and apostrophes straightened, soft hyphens and
//!   zero-width characters removed.
//! - Sentence token ranges partition `doc.tokens`; each sentence lies inside one
//!   paragraph; its span runs from its first token's start to its last token's end.
//! - The dateline's bytes belong to no token and no sentence.
//! - No input panics, and all passes are linear in the text length. A sentence
//!   is cut after [`MAX_SENTENCE_TOKENS`] tokens (at a token boundary), so a
//!   megabyte without punctuation yields bounded sentences for later stages.
//!
//! # Known limits
//!
//! - Rule-based: a sentence-final abbreviation or initial (`... in the U.S. Army
//!   officials ...`, `Plan B. Then`) is only split before a common opener word.
//! - A sentence that ends without punctuation inside a paragraph (a quote
//!   followed by a new sentence, an e-mail signature, a caption run into the
//!   next line) is joined with the next unless a line break after a short line
//!   separates them.
//! - Multi-sentence quotations are split at their inner sentence ends (GUM
//!   sometimes keeps them whole).
//! - Only one dateline per document is recognised (the first), and only with an
//!   ALL-CAPS place or a bracketed agency; Wikinews-style `Evansville, Indiana -`
//!   is not a dateline.
//! - Straight quotes standing alone between spaces cannot be told open from
//!   close; they attach to the preceding sentence only when glued to it.
//! - Texts over 4 GiB are segmented up to the 4 GiB boundary only (spans are
//!   `u32`); ingest rejects such inputs long before.

mod abbrev;
mod chars;
mod dateline;
mod paragraph;
mod sentence;
mod stage;
mod tokenize;

pub use dateline::{find_dateline, find_in_paragraph, WINDOW as DATELINE_WINDOW};
pub use paragraph::paragraphs;
pub use sentence::MAX_SENTENCE_TOKENS;
pub use stage::Segmenter;
pub use tokenize::tokenize;

use sitrep_doc::{Doc, Span};

/// Fills `doc.paragraphs`, `doc.dateline`, `doc.sentences` and `doc.tokens` from
/// `doc.text`. The year of a dateline date is resolved from `doc.anchor_date`
/// (the publish date or the user's `--date`).
///
/// Previous values of those four layers are replaced; `doc.text` is untouched.
pub fn segment(doc: &mut Doc) {
    let text = addressable_prefix(&doc.text);
    let paragraphs = paragraphs(text);
    let dateline = find_dateline(text, &paragraphs, doc.anchor_date);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut kinds = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::with_capacity(text.len() / 100);
    let mut tokenizer = tokenize::Tokenizer::new(text);
    for &p in &paragraphs {
        for region in regions(p, dateline.as_ref().map(|d| d.span)) {
            let first = tokens.len();
            tokenizer.run(region.range(), &mut tokens, &mut kinds);
            sentence::split(text, &tokens, &kinds, first..tokens.len(), &mut sentences);
        }
    }
    doc.paragraphs = paragraphs;
    doc.dateline = dateline;
    doc.tokens = tokens;
    doc.sentences = sentences;
}

/// The part of `text` that `u32` spans can address: all of it, except for
/// (pathological) texts over 4 GiB, which ingest refuses anyway. Cut on a char
/// boundary so no span can split a character.
fn addressable_prefix(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The parts of paragraph `p` outside the dateline span `dl`: the paragraph
/// itself, or the text before and after the dateline.
fn regions(p: Span, dl: Option<Span>) -> impl Iterator<Item = Span> {
    let (a, b) = match dl {
        Some(d) if p.contains(d) => (
            Span {
                start: p.start,
                end: d.start,
            },
            Span {
                start: d.end,
                end: p.end,
            },
        ),
        _ => (
            p,
            Span {
                start: p.end,
                end: p.end,
            },
        ),
    };
    [a, b].into_iter().filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Date;

    fn sents(text: &str) -> Vec<String> {
        let mut d = Doc::from_text(text);
        segment(&mut d);
        d.sentences
            .iter()
            .map(|s| d.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn dateline_excluded_from_sentences() {
        let mut d = Doc::from_text("DAMASCUS (Reuters) - Troops advanced. Rebels fled.");
        d.anchor_date = Date::new(2016, 12, 12);
        segment(&mut d);
        let dl = d.dateline.clone().unwrap();
        assert_eq!(d.slice(dl.span), "DAMASCUS (Reuters) -");
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(s, ["Troops advanced.", "Rebels fled."]);
        assert!(d.tokens.iter().all(|t| !t.span.overlaps(dl.span)));
    }

    #[test]
    fn basic_sentences() {
        assert_eq!(
            sents("Hello there. How are you? Fine!"),
            ["Hello there.", "How are you?", "Fine!"]
        );
        assert_eq!(sents("Title\n\nBody here."), ["Title", "Body here."]);
    }
}
