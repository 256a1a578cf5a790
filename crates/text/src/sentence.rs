//! Sentence boundaries over the tokens of one region (a paragraph, or the part
//! of a paragraph before or after a dateline).
//!
//! A sentence ends after a terminal (`.`, `?`, `!`, an ellipsis) plus any closing
//! quotes, brackets and citation marks (`[17]`) that touch it, when the next
//! token can open a sentence: a capital, a digit, an opening quote or bracket, a
//! letter of an uncased script, a camel-case brand (`wikiHow`), or, right after
//! a bare `.`/`?`/`!`, a lowercase word (informal text). A lowercase word after
//! a closing quote (`"Go!" he said.`) or a comma keeps the sentence going.
//! Abbreviation tokens keep their period ([`crate::abbrev`]): titles never end a
//! sentence; `U.S.`, `Inc.`, `a.m.` and initials only before a typical opener
//! (`The`, `He`, ...). A section number (`2.1.`) does not form a sentence.
//! Because the tokenizer splits glued periods (`stressed.SOHR`), scraped text
//! with missing spaces needs no special case here.
//!
//! A single line break ends a sentence after a short line (a headline, a byline,
//! a list item) or before a bullet; hard-wrapped prose has long lines and is left
//! alone. A sentence is also cut after [`MAX_SENTENCE_TOKENS`] tokens so that
//! later, superlinear stages (parsing) stay bounded on punctuation-free input.

use crate::abbrev::{self, AbbrevClass};
use crate::tokenize::Kind;
use sitrep_doc::{Sentence, Span, Token};
use std::ops::Range;

/// The longest sentence, in tokens, before a break is forced at a token boundary.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// How many closing marks after a terminal may still belong to its sentence.
const MAX_CLOSERS: usize = 16;

/// Lines shorter than this (bytes) that end at a line break end their sentence.
const SHORT_LINE: usize = 50;

/// Appends the sentences of `tokens[range]` to `out`. The sentences partition
/// the range: every token lands in exactly one sentence, in order.
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    kinds: &[Kind],
    range: Range<usize>,
    out: &mut Vec<Sentence>,
) {
    let t1 = range.end.min(tokens.len()).min(kinds.len());
    let mut start = range.start;
    let mut k = start;
    let Some(first) = tokens.get(start) else {
        return;
    };
    let region_start = first.span.start as usize;
    let s = Splitter {
        text,
        tokens,
        kinds,
        t1,
        region_start,
    };
    while k < t1 {
        let mut end = s.boundary_after(k, start);
        if end.is_none() && k + 1 < t1 && s.line_break_after(k) {
            end = Some(k + 1);
        }
        if end.is_none() && k + 1 - start >= MAX_SENTENCE_TOKENS && k + 1 < t1 {
            end = Some(k + 1);
        }
        match end {
            Some(e) if e < t1 => {
                push(tokens, start, e, out);
                start = e;
                k = e;
            }
            _ => k += 1,
        }
    }
    if start < t1 {
        push(tokens, start, t1, out);
    }
}

fn push(tokens: &[Token], a: usize, b: usize, out: &mut Vec<Sentence>) {
    let span = Span {
        start: tokens[a].span.start,
        end: tokens[b - 1].span.end,
    };
    out.push(Sentence {
        span,
        token_start: a as u32,
        token_end: b as u32,
    });
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    kinds: &'a [Kind],
    t1: usize,
    /// Byte offset of the region's first token: a line that starts there is
    /// short if it ends within [`SHORT_LINE`] bytes.
    region_start: usize,
}

impl Splitter<'_> {
    /// If a sentence ends at or just after token `k` (a terminal or an
    /// abbreviation), the index of the first token of the next sentence.
    fn boundary_after(&self, k: usize, start: usize) -> Option<usize> {
        if k == start + 1 && self.is_list_marker(start, k) {
            return None;
        }
        match self.kinds[k] {
            Kind::Terminal | Kind::Ellipsis => {
                let e = self.absorb_closers(k + 1);
                if e >= self.t1 {
                    return None;
                }
                if self.opens_sentence(e) || (e == k + 1 && self.lower_after_terminal(k, e)) {
                    Some(e)
                } else {
                    None
                }
            }
            Kind::Abbrev(AbbrevClass::Initial) => {
                let e = k + 1;
                let next = self.tokens.get(e)?.text(self.text);
                (e < self.t1 && !matches!(next, "A" | "I") && abbrev::is_opener(next)).then_some(e)
            }
            Kind::Abbrev(AbbrevClass::Any) => {
                let e = self.absorb_closers(k + 1);
                if e >= self.t1 {
                    return None;
                }
                let quoted = e > k + 1 && self.opens_sentence(e);
                let opener = abbrev::is_opener(self.tokens[e].text(self.text));
                (quoted || opener).then_some(e)
            }
            _ => None,
        }
    }

    /// Skips closing quotes and brackets that belong to the sentence ending
    /// before `e`, plus a further terminal after them (`(see above.)` or `"Go".`).
    ///
    /// Looks at most [`MAX_CLOSERS`] tokens ahead, so that a long run of `.)`
    /// cannot make the splitter quadratic.
    fn absorb_closers(&self, mut e: usize) -> usize {
        let limit = self.t1.min(e + MAX_CLOSERS);
        while e < limit {
            let attached = self.tokens[e].span.start == self.tokens[e - 1].span.end;
            match self.kinds[e] {
                Kind::CloseQuote | Kind::CloseBracket => e += 1,
                Kind::Quote if attached => e += 1,
                Kind::Terminal if attached => e += 1,
                Kind::OpenBracket => match self.citation_end(e) {
                    Some(end) => e = end,
                    None => break,
                },
                _ => break,
            }
        }
        e
    }

    /// A lowercase word right after a bare terminal (no closing quote between):
    /// informal text starts sentences in lowercase (`i was tired. enron is ...`),
    /// while `"Go!" he said` has a quote in between and stays one sentence.
    fn lower_after_terminal(&self, k: usize, e: usize) -> bool {
        let mark = self.tokens[k].span.slice(self.text);
        let qe = mark.starts_with('?') || mark.starts_with('!');
        self.kinds[k] == Kind::Terminal && self.kinds[e] == Kind::Word && (mark == "." || qe)
    }

    /// `1.` or `2.1.` opening a sentence: a list or section number, not a
    /// sentence of its own.
    fn is_list_marker(&self, num: usize, dot: usize) -> bool {
        let n = self.tokens[num].span.slice(self.text);
        self.tokens[dot].span.slice(self.text) == "."
            && (1..=6).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && n.bytes().next().is_some_and(|b| b.is_ascii_digit())
    }

    /// A citation mark after a sentence (`[17]`, `[1 - 3]`, `[7], [8]`) belongs
    /// to it: returns the index after its closing bracket.
    fn citation_end(&self, open: usize) -> Option<usize> {
        if self.tokens[open].span.slice(self.text) != "[" {
            return None;
        }
        let mut i = open + 1;
        while i < self.t1 && i <= open + 8 {
            let t = self.tokens[i].span.slice(self.text);
            if t == "]" {
                return (i > open + 1).then_some(i + 1);
            }
            let ok = t.bytes().all(|b| b.is_ascii_digit()) || matches!(t, "," | "-" | "–");
            if !ok {
                return None;
            }
            i += 1;
        }
        None
    }

    /// `wikiHow`, `eBay`, `iPhone`: a lowercase initial before a capital.
    fn camel_case(&self, e: usize) -> bool {
        let mut cs = self.tokens[e].span.slice(self.text).chars();
        cs.next().is_some_and(char::is_lowercase) && cs.take(3).any(crate::chars::is_upper)
    }

    /// Whether token `e` can be the first of a sentence.
    fn opens_sentence(&self, e: usize) -> bool {
        let tok = &self.tokens[e];
        let c = tok.span.slice(self.text).chars().next().unwrap_or(' ');
        match self.kinds[e] {
            Kind::OpenQuote | Kind::OpenBracket | Kind::Quote => true,
            Kind::CloseQuote | Kind::CloseBracket | Kind::Terminal | Kind::Ellipsis => false,
            // Dashes introduce attributions (`... it." — Rick Santorum`).
            Kind::Punct => !matches!(c, ',' | ';' | ':' | '%' | '/' | '-' | '–' | '—'),
            Kind::Word | Kind::Abbrev(_) => {
                crate::chars::is_upper(c)
                    || c.is_ascii_digit()
                    || self.camel_case(e)
                    || (c.is_alphabetic() && !c.is_lowercase())
                    || crate::chars::is_apostrophe(c)
            }
        }
    }

    /// Whether a single line break between tokens `k` and `k + 1` ends the
    /// sentence: after a short line or before a bullet.
    fn line_break_after(&self, k: usize) -> bool {
        let (a, b) = (
            self.tokens[k].span.end as usize,
            self.tokens[k + 1].span.start as usize,
        );
        let gap = self.text.get(a..b).unwrap_or("");
        if !gap.contains('\n') {
            return false;
        }
        let next = self.tokens[k + 1].span.slice(self.text);
        let bullet = matches!(next, "•" | "*" | "-" | "–" | "—" | "·" | "▪");
        if bullet {
            return true;
        }
        if matches!(self.kinds[k], Kind::Punct) && !self.is_symbolic(k) {
            // `,` `;` `:` `-` at a line end continue the sentence.
            return false;
        }
        // Length of the line ending at token k, looking back at most SHORT_LINE
        // bytes so the check stays constant-time.
        let lo = a.saturating_sub(SHORT_LINE);
        let window = self.text.as_bytes().get(lo..a).unwrap_or(&[]);
        let short = window.contains(&b'\n') || lo <= self.region_start;
        short && self.opens_sentence(k + 1)
    }

    fn is_symbolic(&self, k: usize) -> bool {
        let c = self.tokens[k]
            .span
            .slice(self.text)
            .chars()
            .next()
            .unwrap_or(' ');
        crate::chars::is_pictograph(c)
    }
}
