//! Attribution: who says what in an article, and who vouches for it.
//!
//! [`attribute`] fills [`Doc::quotes`] and [`Doc::casualties`]; [`according_to`]
//! gives the source chain of any span. Crate docs on rules and limits are below
//! the API in the module list.

mod casualty;
mod chain;
mod coref;
mod direct;
mod lexicon;
mod number;
mod speech;
mod tok;

use sitrep_doc::quotes::{Quote, Source, SourceKind, Speaker};
use sitrep_doc::{Doc, Span};

/// Fills `doc.quotes` (direct quotes and reported speech, in text order) and
/// `doc.casualties`. Needs segmentation; uses tags and parses when present.
/// Never panics; runs in time linear in the text for any input.
pub fn attribute(doc: &mut Doc) {
    doc.quotes = quotes(doc);
    let outer = chain::Outer::of(doc);
    let mut casualties = Vec::new();
    for s in 0..doc.sentences.len() {
        for mut c in casualty::in_sentence(doc, s) {
            c.sources = chain::chain(&outer, &doc.quotes, c.count_span);
            casualties.push(c);
        }
    }
    doc.casualties = casualties;
}

/// The source chain for any span: the publisher, the wire agency if the span
/// is in the wire part, then the sources and speakers of quotes covering it.
/// A span in the narrator's voice gets only publisher and agency.
pub fn according_to(doc: &Doc, span: Span) -> Vec<Source> {
    chain::chain(&chain::Outer::of(doc), &doc.quotes, span)
}

fn quotes(doc: &Doc) -> Vec<Quote> {
    let marks = direct::scan(&doc.text, &doc.paragraphs);
    let mut used = Vec::new();
    let mut found = speech::direct(doc, &marks, &mut used);
    let mut used_flags = vec![false; doc.tokens.len()];
    for u in used {
        if let Some(f) = used_flags.get_mut(u) {
            *f = true;
        }
    }
    let outers: Vec<Span> = marks.iter().map(|m| m.outer).collect();
    let in_quote = |at: u32| {
        let i = outers.partition_point(|o| o.end <= at);
        outers.get(i).is_some_and(|o| o.start <= at)
    };
    for s in 0..doc.sentences.len() {
        found.extend(speech::indirect(doc, s, &in_quote, &used_flags));
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    inherit_speakers(doc, &mut found);
    let persons = coref::persons(doc);
    let outer = chain::Outer::of(doc);
    let mut prior: Vec<coref::Prior> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let mut speaker = None;
        let mut sources = outer.sources(f.content);
        if let Some(m) = f.speaker {
            let mut r = coref::resolve(doc, &persons, &prior, m);
            if f.inherited {
                r.explanation = format!("continues the previous quote: {}", r.explanation);
            }
            if let Some((org, at)) = &r.org {
                sources.push(Source {
                    kind: SourceKind::NamedSource,
                    name: org.clone(),
                    span: Some(*at),
                });
            }
            sources.push(Source {
                kind: if r.person {
                    SourceKind::Speaker
                } else {
                    SourceKind::NamedSource
                },
                name: r.name.clone(),
                span: Some(r.name_span),
            });
            prior.push(coref::Prior {
                token: m.first,
                resolved: r.clone(),
            });
            speaker = Some(Speaker {
                span: m.span(doc),
                name: r.name,
                name_span: r.name_span,
                person: r.person,
                explanation: r.explanation,
                code: None,
            });
        }
        out.push(Quote {
            span: f.outer.cover(f.content),
            kind: f.kind,
            content: f.content,
            closed: f.closed,
            cue: f.cue,
            speaker,
            sources,
        });
    }
    out
}

/// A direct quote with no cue of its own continues the speaker of the closest
/// attributed speech before it, if that speech ends in the same paragraph, or in
/// the previous paragraph when the quote opens its own (`"A," he said. "B."`;
/// `X issued a statement. "B."`; multi-paragraph quotes).
fn inherit_speakers(doc: &Doc, found: &mut [speech::Found]) {
    let mut last: Option<(speech::Mention, Span)> = None;
    for f in found.iter_mut() {
        if f.speaker.is_none() && f.kind == sitrep_doc::quotes::QuoteKind::Direct {
            if let Some((m, at)) = last {
                let here = tok::paragraph_of(doc, f.outer.start);
                let there = tok::paragraph_of(doc, at.end);
                let opens_paragraph = here.and_then(|p| doc.paragraphs.get(p)).is_some_and(|p| {
                    doc.text
                        .get(p.start as usize..f.outer.start as usize)
                        .is_some_and(|t| t.trim().is_empty())
                });
                let near = here == there
                    || (opens_paragraph && here.zip(there).is_some_and(|(h, t)| h == t + 1));
                if near && at.end <= f.outer.start {
                    f.speaker = Some(m);
                    f.inherited = true;
                }
            }
        }
        if let Some(m) = f.speaker {
            last = Some((m, f.outer));
        }
    }
}
