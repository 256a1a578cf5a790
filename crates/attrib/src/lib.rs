//! Attribution: who says what in an article, who vouches for it, and how many
//! people were killed, wounded, missing, captured or displaced according to whom.
//!
//! [`attribute`] fills [`Doc::quotes`] and [`Doc::casualties`] after
//! segmentation, tagging and parsing; [`according_to`] returns the source chain
//! of any span (an event's sentence or clause), and [`Sources`] answers the same
//! for many spans of one document from an index built once. The crate depends on
//! `sitrep-doc` only.
//!
//! # Quotes
//!
//! *Direct quotes* are found on the raw text by their marks (straight `"`, curly
//! `“ ”`, guillemets); single quotes and `[bracketed insertions]` stay inside the
//! content; an open quote continues into the next paragraph when that paragraph
//! opens with a mark, and otherwise ends, unclosed (`closed: false`), at its
//! paragraph's end. The cue and speaker are looked for right after the closing
//! mark (`," he said`, `," said Lavrov`, `," Khaled Al-Maeena, editor at the
//! Saudi Gazette, said`, `", according to the Sydney Morning Herald`) and else
//! right before the opening one (`Lavrov said: "`). Next to a mark a few more
//! verbs count as cues (`continued`, `concluded`, `reads`, `asked`). A quote
//! with no cue takes the speaker of reported speech that contains it (`told the
//! court that, over ..., "..."`), or else continues the speaker of the closest
//! attributed speech in the same paragraph (or the previous one, if the quote
//! opens its paragraph). Quotes under four words with no cue are scare quotes
//! and dropped.
//!
//! *Reported speech* comes from a list of speech and claim verbs (say, add,
//! stress, tell, claim, declare, announce, accuse, deny, warn, insist, note,
//! report, confirm, ... — every inflection mapped to its lemma, so a wrong
//! lemmatizer does not matter) and surface patterns: `X said (that) S`, `S, X
//! said`, `S, said X`, `X told reporters S`, `according to X, S`, `S, according
//! to X`, light verbs (`X made the announcement ...`), coordinated verbs (`X
//! tweeted ... and said S`). When no pattern fits, the dependency parse is the
//! fallback: a speech verb with an `nsubj` before it and a `ccomp`/`parataxis`
//! after it. Only tokens tagged as verbs are cues (`reports of deaths` is not),
//! passives have no speaker (`deaths were reported`), and relative pronouns or
//! bare function words are never speakers.
//!
//! # Speakers
//!
//! [`Speaker`] keeps the mention as written and
//! the resolved name with its span (for the dictionary stage's actor lookup;
//! `code` is left for the facade). Resolution is small and explained in
//! `explanation`: a name in the mention; a lone surname → the earlier full
//! name; `he`/`she` → the most recent person speaker (subject preference) within
//! 8 sentences, else the most recent person named; `they`/`it` → the most recent
//! collective source; a description (`the Russian minister`, `the director of
//! SOHR`) → the most recent person whose role matches (chief ≈ director ≈ head)
//! and shares a proper word, else one named within the next 3 sentences.
//! Organisations, outlets and collectives (`SOHR`, `WaPo`, `state media`,
//! `activists`) are `person: false` and become `NamedSource`s.
//!
//! # Source chains
//!
//! Outermost first: `Publisher` (`Doc::source`, else the URL's host), `Agency`
//! (the dateline's agency, or a `(Reuters)` credit, for the wire part: from the
//! dateline to the first headline-like sentence — `Name: ...`, or a short
//! paragraph opener without a full stop — so wire stories keep their agency over
//! many paragraphs while glued-on material from elsewhere does not), then for
//! each quote whose content covers at least half of the span (or half of the
//! content), outer quotes first: the organisation the speaker speaks for
//! (`the director of the Syrian Observatory ...`, `SOHR's chief`) and the
//! speaker. A span in the narrator's voice has only publisher and agency.
//!
//! # Casualties
//!
//! Count phrases (see [`Count`] for the conventions: bounds, hedges, ranges,
//! vague words that scale, `hundreds of thousands` ≈ 200,000) attached to
//! casualty words: `COUNT [category] [were] killed`, `killed COUNT
//! [category]` (which wins when the verb is right before the count, so the
//! comma-less `killed 30 people injured 90` is two records), nominal cues
//! (`the killing of one person`, `the abduction of 20 schoolgirls`), `toll
//! rose to COUNT`, `the number of dead at COUNT`, `no one was hurt` (→ 0), and
//! a count elided after a speech verb repeats the sentence's previous kind
//! (`SOHR said 45 were killed, state media said 12` → two records, each with
//! its own chain). Each record carries its sentence and the cue token's index
//! (`verb`) for the event coder. Numbers with no casualty word are ignored;
//! numbers past [`MAX_COUNT`](sitrep_doc::casualties::MAX_COUNT) are rejected
//! and returned by [`attribute`].
//!
//! Sub-counts (`12 civilians including three women`) are records of their own
//! whose `part_of` is the head count's index in `doc.casualties`. Each record
//! has a [`Scope`] (cumulative for `since 2011`, `so far this year`, `the war
//! has killed`, ...) and a [`Cause`] (non-violent for road tolls, floods,
//! collapses, stampedes, disease, heat); the facade gives neither cumulative
//! nor non-violent records to events.
//!
//! # Invariants
//!
//! - Every span is a byte range of `doc.text` on character boundaries;
//!   `quote.content ⊆ quote.span`; casualty spans lie in their sentence.
//! - No input panics: all token access goes through bounds-checked helpers.
//! - Time is linear in the text: the mark scan is one pass; every cue and
//!   speaker search is bounded to a small window or one sentence; the parse
//!   fallback is skipped for sentences over 150 tokens.
//!
//! # Known limits
//!
//! - No named-entity recogniser: person names are proper-noun runs vouched for
//!   by a role, an apposition or a speech verb, so an organisation glued to a
//!   name (`Council on American-Islamic Relations Alia Salem`) stays in it.
//! - Gender is not modelled; `he` and `she` resolve alike, and a pronoun
//!   always prefers the last *speaker* (`his sister pleaded with him, but he
//!   replied "..."` resolves to the previous speaker, not to `him`).
//! - Countries as speakers are told from persons by a short word list
//!   (`South Korea`, `United States`), not a gazetteer.
//! - Nested speech (`X said Y told him that S`) yields two flat quotes; the
//!   chain of `S` has both speakers only when both contents cover it.
//! - Casualty categories come from the words next to the count.
//! - The cause is the sentence's (violence wins over any other cause named),
//!   so a sentence reporting a flood and a shooting marks both tolls violent.
//! - A cumulative cue counts for the record whose stretch of the sentence
//!   (from the previous record to the next) holds it; `earlier this year` is
//!   an incident, but a period noun (`war`, `conflict`) anywhere in the
//!   stretch makes the toll cumulative, even `the latest victims of the war`.
//! - Coordinated victims with a possessive or partitive (`a mother and her
//!   three children`, `four of his bodyguards`) give no record.

mod casualty;
mod chain;
mod coref;
mod direct;
mod lexicon;
mod number;
pub mod persons;
mod speech;
mod stage;
mod tok;

pub use sitrep_doc::casualties::{Casualty, CasualtyKind, Category, Cause, Count, Scope};
pub use sitrep_doc::quotes::{Cue, Quote, QuoteKind, Source, SourceKind, Speaker};
use sitrep_doc::{Doc, Span};
pub use stage::{Attributor, PersonFinder};

/// Fills `doc.quotes` (direct quotes and reported speech, in text order) and
/// `doc.casualties`. Needs segmentation; uses tags and parses when present.
/// Never panics; runs in time linear in the text for any input.
///
/// Speakers are resolved over the `persons` layer: run [`PersonFinder`] (or
/// set `doc.persons = persons::find(doc)`) first, as the pipeline does; with
/// the layer empty, only speakers the mention itself names are found.
///
/// Returns the numbers rejected as counts: phrases next to which a casualty
/// count might stand but whose value is past
/// [`MAX_COUNT`](sitrep_doc::casualties::MAX_COUNT) (`10^30`, `twelve hundred
/// thousand million billion`) — a diagnostic for the caller to report; no
/// record is made of them.
pub fn attribute(doc: &mut Doc) -> Vec<RejectedCount> {
    // The publisher and wire-part scope do not depend on the quotes: computed
    // once for the quotes' chains and the casualties' (each computation scans
    // every paragraph and sentence).
    let outer = chain::Outer::of(doc);
    doc.quotes = quotes(doc, &outer);
    let mut casualties: Vec<Casualty> = Vec::new();
    let mut rejected = Vec::new();
    for s in 0..doc.sentences.len() {
        // `part_of` comes indexed in the sentence's list: make it document-wide.
        let base = u32::try_from(casualties.len()).unwrap_or(u32::MAX);
        for mut c in casualty::in_sentence(doc, s, &mut rejected) {
            c.sources = chain::chain(&outer, &doc.quotes, c.count_span);
            c.part_of = c.part_of.map(|p| p.saturating_add(base));
            casualties.push(c);
        }
    }
    doc.casualties = casualties;
    rejected
        .into_iter()
        .map(|span| RejectedCount {
            span,
            reason: "number larger than any count (MAX_COUNT)",
        })
        .collect()
}

/// A number the casualty finder read and refused as a count, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedCount {
    /// The number phrase (`twelve hundred thousand million billion`).
    pub span: Span,
    pub reason: &'static str,
}

/// The source chain for any span: the publisher, the wire agency if the span
/// is in the wire part, then the sources and speakers of quotes covering it.
/// A span in the narrator's voice gets only publisher and agency.
///
/// Builds a [`Sources`] index each call (a scan of the whole document): to ask
/// about many spans of one document, build [`Sources::new`] once instead.
pub fn according_to(doc: &Doc, span: Span) -> Vec<Source> {
    Sources::new(doc).according_to(doc, span)
}

/// The per-document part of every source chain (publisher, and the agency
/// with the wire part it vouches for), built once so that each
/// [`Sources::according_to`] costs a look at the quotes near the span only.
///
/// Invariant: answers are those of the document it was built from; after
/// `doc.quotes`, the dateline, paragraphs or sentences change, build it again.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    outer: chain::Outer,
}

impl Sources {
    /// Scans `doc` once (paragraphs and sentences) for the publisher and the
    /// wire part.
    pub fn new(doc: &Doc) -> Sources {
        Sources {
            outer: chain::Outer::of(doc),
        }
    }

    /// The source chain of `span` in `doc` (the document this index was
    /// built from), as [`according_to`] gives it: the same result, in time
    /// independent of the document's length.
    pub fn according_to(&self, doc: &Doc, span: Span) -> Vec<Source> {
        chain::chain(&self.outer, &doc.quotes, span)
    }
}

fn quotes(doc: &Doc, outer: &chain::Outer) -> Vec<Quote> {
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
    let persons: Vec<&sitrep_doc::persons::PersonMention> = doc
        .persons
        .iter()
        .filter(|p| p.kind == sitrep_doc::persons::PersonMentionKind::Name)
        .collect();
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

/// A direct quote with no cue of its own takes the speaker of reported speech
/// that contains it, or else continues the speaker of the closest attributed
/// speech before it, if that speech ends in the same paragraph, or in
/// the previous paragraph when the quote opens its own (`"A," he said. "B."`;
/// `X issued a statement. "B."`; multi-paragraph quotes).
fn inherit_speakers(doc: &Doc, found: &mut [speech::Found]) {
    let mut last: Option<(speech::Mention, Span, Span)> = None;
    for f in found.iter_mut() {
        if f.speaker.is_none() && f.kind == QuoteKind::Direct {
            if let Some((m, at, content)) = last {
                // Embedded: `told the court that, over ..., "Gloria's ..."`.
                // (Starting inside is enough: reported content is trimmed of
                // the quote's final punctuation.)
                if content.start <= f.content.start && f.content.start < content.end {
                    f.speaker = Some(m);
                    f.inherited = true;
                    continue;
                }
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
            last = Some((m, f.outer, f.content));
        }
    }
}
