//! The link's clause helpers on real parses (moved from the geoparser's tests
//! with the helpers), on malformed documents, and its index against scans.

use super::index::SpanList;
use super::EventContext;
use crate::{stages, Pipeline};
use sitrep_doc::times::TimeSource;
use sitrep_doc::{Article, Date, Dateline, Deprel, Doc, Sentence, Span, Token, Upos};
use sitrep_geo::Gazetteer;

/// Token index of the first token written `word` after byte `from`.
fn token_after(doc: &Doc, word: &str, from: usize) -> Option<usize> {
    (0..doc.tokens.len())
        .find(|&i| doc.tokens[i].span.start as usize >= from && doc.token_text(i) == word)
}

/// Parsed, geoparsed and time-annotated; `None` (skip) without models or gazetteer.
fn analysed(article: Article) -> Option<Doc> {
    let built = (|| -> Result<Pipeline, Box<dyn std::error::Error>> {
        Ok(Pipeline::builder()
            .stage(stages::Segmenter)
            .stage(stages::Tagger::vendored()?)
            .stage(stages::Parser::vendored()?)
            .stage(stages::Geoparser::new(Gazetteer::vendored()?))
            .stage(stages::TimeResolver)
            .build()?)
    })();
    match built {
        Ok(pipeline) => Some(pipeline.analyze(article)),
        Err(e) => {
            eprintln!("note: {e}; test skipped");
            None
        }
    }
}

#[test]
fn seed_speech_verb_is_said_at_belgrade_about_aleppo() {
    let raw = include_str!("../../../../examples/aleppo-2016-12-12.txt");
    let (title, body) = raw.split_once('\n').unwrap_or(("", raw));
    let Some(doc) = analysed(Article {
        id: "seed".into(),
        title: Some(title.into()),
        text: body.into(),
        published: Date::new(2016, 12, 12),
        ..Article::default()
    }) else {
        return;
    };
    let ctx = EventContext::new(&doc);
    let start = doc.text.find("Sergey Lavrov said").expect("Lavrov");
    let said = token_after(&doc, "said", start).expect("said");
    let a = ctx.place_for_clause(said);
    assert_eq!(
        a.said_at.as_ref().map(|r| r.geonameid),
        Some(792680),
        "{a:#?}"
    );
    assert_eq!(
        a.location.as_ref().map(|r| r.geonameid),
        Some(170063),
        "{a:#?}"
    );
    let d = ctx.date_for_clause(said).expect("a date");
    assert_eq!(d.value, "2016-12-12");
    assert_eq!(d.source, TimeSource::Clause);
}

#[test]
fn said_in_belgrade_that_something_happened_in_aleppo() {
    let Some(doc) = analysed(Article {
        text: "Lavrov said in Belgrade on Tuesday that the army shelled Aleppo on Monday.".into(),
        published: Date::new(2016, 12, 14),
        ..Article::default()
    }) else {
        return;
    };
    let ctx = EventContext::new(&doc);
    let said = token_after(&doc, "said", 0).expect("said");
    let a = ctx.place_for_clause(said);
    assert_eq!(a.said_at.map(|r| r.geonameid), Some(792680));
    assert_eq!(a.location.map(|r| r.geonameid), Some(170063));
    let shelled = token_after(&doc, "shelled", 0).expect("shelled");
    let b = ctx.place_for_clause(shelled);
    assert_eq!(b.location.map(|r| r.geonameid), Some(170063));
    assert_eq!(b.said_at, None);
    let d = ctx.date_for_clause(shelled).expect("date");
    assert_eq!(d.value, "2016-12-12", "{d:?} {:#?}", doc.times);
    let d = ctx.date_for_clause(said).expect("date");
    assert_eq!(d.value, "2016-12-13", "{d:?}");
}

#[test]
fn a_place_from_an_earlier_sentence_is_flagged_inferred() {
    let Some(doc) = analysed(Article {
        text: "Fighting raged in Aleppo on Monday. The army shelled the old town.".into(),
        published: Date::new(2016, 12, 14),
        ..Article::default()
    }) else {
        return;
    };
    let ctx = EventContext::new(&doc);
    let shelled = token_after(&doc, "shelled", 0).expect("shelled");
    let b = ctx.place_for_clause(shelled).location.expect("a location");
    assert_eq!(b.geonameid, 170063);
    assert!(b.inferred, "{b:?}");
    let raged = token_after(&doc, "raged", 0).expect("raged");
    let a = ctx.place_for_clause(raged).location.expect("a location");
    assert!(!a.inferred, "{a:?}");
}

/// Heads per token, and sentence token ranges.
type Case = (Vec<Option<u32>>, Vec<(u32, u32)>);

fn doc_from(text: &str, heads: &[Option<u32>], sentences: &[(u32, u32)]) -> Doc {
    let mut doc = Doc::from_text(text);
    let mut start = 0usize;
    for (i, w) in text.split(' ').enumerate() {
        let end = start + w.len();
        if !w.is_empty() {
            let mut t = Token::new(Span::new(start, end));
            t.head = heads.get(i).copied().flatten();
            t.upos = if i % 3 == 0 {
                Upos::PROPN
            } else {
                Upos::default()
            };
            t.deprel =
                Deprel::from_name(["obl", "nsubj", "ccomp", "case"][i % 4]).unwrap_or_default();
            t.lemma = Some(w.to_lowercase().into());
            doc.tokens.push(t);
        }
        start = end + 1;
    }
    for &(a, b) in sentences {
        doc.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            token_start: a,
            token_end: b,
        });
    }
    doc
}

/// The geoparser, the time resolver and the link's clause helpers never
/// panic, whatever the document holds: inconsistent sentence ranges, heads
/// pointing anywhere (cycles included), empty or foreign-script tokens,
/// missing tags. (One test for the three, so the garbage is built once.)
#[test]
fn geoparse_times_and_clause_helpers_survive_garbage() {
    let Ok(gaz) = Gazetteer::vendored() else {
        eprintln!("note: no vendored gazetteer; skipped");
        return;
    };
    let text = "Lavrov said in Aleppo , Kan. Washington Paris US U.S. حلب Deir ez-Zor today Monday";
    let n = text.split(' ').count() as u32;
    let cases: Vec<Case> = vec![
        (vec![None; n as usize], vec![(0, n)]),
        ((0..n).map(|i| Some((i + 1) % n)).collect(), vec![(0, n)]),
        ((0..n).map(Some).collect(), vec![(0, 3), (3, n)]),
        (
            (0..n).map(|_| Some(9999)).collect(),
            vec![(0, n + 5), (7, 2)],
        ),
        (vec![], vec![]),
    ];
    for (heads, sentences) in cases {
        let mut doc = doc_from(text, &heads, &sentences);
        doc.anchor_date = Date::new(2016, 12, 12);
        doc.dateline = Some(Dateline {
            span: Span::new(0, 6),
            place: Some("Belgrade".into()),
            place_span: Some(Span::new(0, 6)),
            ..Dateline::default()
        });
        sitrep_geo::geoparse(&mut doc, &gaz);
        sitrep_time::annotate_times(&mut doc);
        let ctx = EventContext::new(&doc);
        for v in 0..doc.tokens.len() + 3 {
            let _ = ctx.place_for_clause(v);
            let _ = ctx.date_for_clause(v);
        }
    }
    let mut empty = Doc::from_text("");
    sitrep_geo::geoparse(&mut empty, &gaz);
    sitrep_time::annotate_times(&mut empty);
    assert!(empty.places.is_empty() && empty.times.is_empty());
    assert!(EventContext::new(&empty).date_for_clause(0).is_none());
}

/// The index's binary searches give what scans give, in layer order, whether
/// or not the spans are in text order (then it scans).
#[test]
fn span_list_answers_like_a_scan() {
    let sorted = [
        (0, 3),
        (2, 5),
        (4, 9),
        (10, 12),
        (10, 14),
        (20, 21),
        (21, 21),
        (21, 23),
    ];
    let shuffled = [
        (10, 14),
        (0, 3),
        (20, 21),
        (2, 5),
        (10, 12),
        (4, 9),
        (1, 30),
    ];
    for spans in [&sorted[..], &shuffled[..]] {
        let spans: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a, b)).collect();
        // Every other item, as the places list keeps only resolved mentions.
        let items: Vec<(usize, Span)> = spans.iter().copied().enumerate().step_by(2).collect();
        let list = SpanList::new(items.iter().copied());
        for a in 0..25 {
            for b in a..25 {
                let outer = Span::new(a, b);
                let scan: Vec<usize> = items
                    .iter()
                    .filter(|(_, s)| outer.contains(*s))
                    .map(|&(i, _)| i)
                    .collect();
                assert_eq!(list.within(outer).collect::<Vec<_>>(), scan, "{outer:?}");
                for end_by in 0..25 {
                    let last = items
                        .iter()
                        .rev()
                        .find(|(_, s)| outer.contains(*s) && s.end <= end_by)
                        .map(|&(i, _)| i);
                    assert_eq!(list.last_within_ending_by(outer, end_by), last);
                }
                let overlapping: Vec<usize> = items
                    .iter()
                    .filter(|(_, s)| s.overlaps(outer))
                    .map(|&(i, _)| i)
                    .collect();
                assert_eq!(
                    list.overlapping(outer).collect::<Vec<_>>(),
                    overlapping,
                    "{outer:?}"
                );
                let first = items.iter().find(|(_, s)| s.contains(outer)).copied();
                assert_eq!(list.first_containing(outer), first, "{outer:?}");
            }
        }
    }
}

/// A document of space-separated, untagged tokens, one sentence per `.`.
fn plain_doc(text: &str) -> Doc {
    let mut doc = Doc::from_text(text);
    let mut at = 0usize;
    let mut first = 0u32;
    let mut sentence_start = 0u32;
    for w in text.split(' ') {
        let end = at + w.len();
        doc.tokens.push(Token::new(Span::new(at, end)));
        if w == "." {
            let n = u32::try_from(doc.tokens.len()).unwrap_or(u32::MAX);
            doc.sentences.push(Sentence {
                span: Span::new(sentence_start as usize, end),
                token_start: first,
                token_end: n,
            });
            first = n;
            sentence_start = u32::try_from(end + 1).unwrap_or(u32::MAX);
        }
        at = end + 1;
    }
    doc
}

/// An incident's toll is the event's; a cumulative toll and a non-violent
/// one in the same document attach to no event, even when an event's verb
/// is their cue.
#[test]
fn cumulative_and_non_violent_tolls_are_no_events_casualties() {
    use sitrep_doc::casualties::{Cause, Scope};
    use sitrep_doc::events::Event;
    let mut doc = plain_doc(
        "A bomb killed 12 people . Floods killed 30 people . \
         The war has killed 400,000 people since 2011 .",
    );
    sitrep_attrib::attribute(&mut doc);
    let summary: Vec<(u64, Scope, Cause)> = doc
        .casualties
        .iter()
        .map(|c| (c.count.min, c.scope, c.cause))
        .collect();
    assert_eq!(
        summary,
        [
            (12, Scope::Incident, Cause::Violent),
            (30, Scope::Incident, Cause::NonViolent),
            (400_000, Scope::Cumulative, Cause::Violent),
        ]
    );
    for (s, sentence) in doc.sentences.clone().iter().enumerate() {
        let verb = (sentence.token_start as usize..sentence.token_end as usize)
            .find(|&i| doc.token_text(i) == "killed")
            .expect("a verb");
        let span = doc.tokens[verb].span;
        doc.events.push(Event {
            span: sentence.span,
            sentence: u32::try_from(s).unwrap_or(0),
            sentence_span: sentence.span,
            verb: span,
            verb_text: "killed".into(),
            ..Event::default()
        });
    }
    super::event_context(&mut doc);
    let attached: Vec<&[u32]> = doc.events.iter().map(|e| &e.casualties[..]).collect();
    assert_eq!(attached, [&[0u32][..], &[], &[]]);
}
