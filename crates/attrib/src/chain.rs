//! Source chains: who vouches for a span, outermost first.
//!
//! - **Publisher**: `Doc::source`, else the URL's host (without `www.`).
//! - **Agency**: the dateline's agency (or a `(Reuters)`-style credit in the
//!   first tokens of a paragraph) vouches for the *wire part* of the article: from
//!   the dateline (or credit) up to the first section break after it. A section
//!   break is a sentence that reads as another piece's headline: it starts
//!   `Name:` (`SOHR: Battle for Aleppo Ended?`), or it begins a paragraph, has at
//!   most 12 tokens and no final full stop. Wire stories that run over several
//!   paragraphs thus keep their agency; a scraped page that glues another
//!   source's material after the wire copy does not.
//! - **NamedSource / Speaker**: from every quote whose content covers at least
//!   half of the span asked about (or half of the quote's content, whichever is
//!   smaller), outer quotes first: the organisation the speaker speaks for, then
//!   the speaker (a person → `Speaker`, else `NamedSource`).

use crate::lexicon::agency_name;
use crate::tok::*;
use sitrep_doc::quotes::{Quote, Source, SourceKind};
use sitrep_doc::{Doc, Span};

/// The publisher and the agency's scope, computed once per document.
#[derive(Clone, Debug, Default)]
pub struct Outer {
    pub publisher: Option<String>,
    pub agency: Option<(String, Span, Span)>,
}

impl Outer {
    pub fn of(doc: &Doc) -> Outer {
        Outer {
            publisher: publisher(doc),
            agency: agency(doc),
        }
    }

    /// The publisher and, if `span` starts in the wire part, the agency.
    pub fn sources(&self, span: Span) -> Vec<Source> {
        let mut out = Vec::new();
        if let Some(p) = &self.publisher {
            out.push(Source {
                kind: SourceKind::Publisher,
                name: p.clone(),
                span: None,
            });
        }
        if let Some((name, at, scope)) = &self.agency {
            if scope.start <= span.start && span.start < scope.end {
                out.push(Source {
                    kind: SourceKind::Agency,
                    name: name.clone(),
                    span: Some(*at),
                });
            }
        }
        out
    }
}

fn publisher(doc: &Doc) -> Option<String> {
    if let Some(s) = doc
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(s.to_string());
    }
    let url = doc.url.as_deref()?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `(name, where named, scope)`.
fn agency(doc: &Doc) -> Option<(String, Span, Span)> {
    let (name, at) = match doc
        .dateline
        .as_ref()
        .and_then(|d| Some((d.agency.clone()?, d.agency_span?, d.span)))
    {
        Some((name, at, _)) => (name, at),
        None => credit(doc)?,
    };
    let start = doc
        .dateline
        .as_ref()
        .map_or(at.start, |d| d.span.start.min(at.start));
    let first = first_at_or_after(doc, at.end);
    let s0 = doc.sentence_of_token(first).unwrap_or(doc.sentences.len());
    let end = doc
        .sentences
        .iter()
        .enumerate()
        .skip(s0 + 1)
        .find(|(si, s)| s.span.start >= at.end && section_break(doc, *si))
        .map_or(doc.text.len() as u32, |(_, s)| s.span.start);
    Some((name, at, Span { start, end }))
}

/// A `(Reuters)`-style credit among a paragraph's first tokens.
fn credit(doc: &Doc) -> Option<(String, Span)> {
    for p in &doc.paragraphs {
        let a = first_at_or_after(doc, p.start);
        for i in a..(a + 12).min(doc.tokens.len()) {
            if span(doc, i).start >= p.end {
                break;
            }
            if word(doc, i) == "(" && word(doc, i + 2) == ")" {
                if let Some(n) = agency_name(word(doc, i + 1)) {
                    return Some((n.to_string(), span(doc, i + 1)));
                }
            }
        }
    }
    None
}

fn section_break(doc: &Doc, s: usize) -> bool {
    let Some(sent) = doc.sentences.get(s) else {
        return false;
    };
    let (a, b) = (sent.token_start as usize, sent.token_end as usize);
    if b > a + 1 && is_capitalised(word(doc, a)) && word(doc, a + 1) == ":" {
        return true;
    }
    let starts_para = paragraph_of(doc, sent.span.start)
        .and_then(|p| doc.paragraphs.get(p))
        .is_some_and(|p| p.start == sent.span.start);
    let last = word(doc, b.saturating_sub(1));
    starts_para && b - a <= 12 && !matches!(last, "." | "\"" | "'")
}

/// The chain for `span`: publisher, agency, then the sources of every quote
/// that covers it, outer quotes first. Duplicate names are kept once.
pub fn chain(outer: &Outer, quotes: &[Quote], span: Span) -> Vec<Source> {
    let mut out = outer.sources(span);
    // Quotes are in text order of their content: only those starting before
    // the span's end can cover it, and only the nearest [`NEAR`] are checked,
    // which keeps a chain lookup cheap in an article of thousands of quotes.
    let upto = quotes.partition_point(|q| q.content.start < span.end);
    let mut applying: Vec<&Quote> = quotes[upto.saturating_sub(NEAR)..upto]
        .iter()
        .filter(|q| {
            let ov = overlap(q.content, span);
            ov > 0 && ov * 2 >= q.content.len().min(span.len()).max(1)
        })
        .collect();
    applying.sort_by_key(|q| std::cmp::Reverse(q.content.len()));
    for q in applying {
        for s in q
            .sources
            .iter()
            .filter(|s| matches!(s.kind, SourceKind::NamedSource | SourceKind::Speaker))
        {
            if !out.iter().any(|o| o.name == s.name) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// How many quotes before a span are examined for covering it.
const NEAR: usize = 256;

fn overlap(a: Span, b: Span) -> usize {
    let s = a.start.max(b.start);
    let e = a.end.min(b.end);
    e.saturating_sub(s) as usize
}
