//! Event assignment helpers: where and when the action of a clause happened.
//!
//! They read the layers [`crate::geoparse()`] and [`crate::annotate_times`] filled
//! (call both first) plus the dependency parse, and know nothing of the event
//! coder's types: the coder passes the index of its verb token and embeds the
//! returned [`PlaceRef`]/[`TimeRef`].
//!
//! The rule for places distinguishes **where something happened** from **where
//! it was said**: for a speech verb (`said`, `told`, `announced`), a place
//! attached to the verb itself (`said in Belgrade`) or else the dateline is
//! `said_at`, and the subject-matter location comes from the reported clause.
//! For any verb the location is, in order: a place in the verb's own clause
//! (locative `in`/`near`/`outside`... first, then finer places), a place in the
//! sentence, the nearest earlier place in the paragraph, the dateline's place
//! at one level coarser precision (the reporter's city locates the story
//! loosely).

use sitrep_doc::places::{PlaceAssignment, PlacePrecision, PlaceRef};
use sitrep_doc::times::{DatePrecision, TimeKind, TimeRef, TimeSource};
use sitrep_doc::{Doc, Span};

/// Lemmas of verbs that report speech or a position.
const SPEECH: &[&str] = &[
    "say",
    "tell",
    "announce",
    "add",
    "claim",
    "deny",
    "state",
    "insist",
    "warn",
    "stress",
    "declare",
    "report",
    "confirm",
    "note",
    "explain",
    "accuse",
    "urge",
    "reply",
    "respond",
    "argue",
    "suggest",
    "write",
    "allege",
    "quote",
    "comment",
    "assert",
    "emphasize",
    "emphasise",
    "remark",
    "indicate",
    "acknowledge",
    "admit",
];

/// Case markers that make an oblique a location.
const LOCATIVE_CASES: &[&str] = &[
    "in",
    "near",
    "outside",
    "at",
    "inside",
    "around",
    "across",
    "throughout",
    "on",
    "into",
    "within",
    "north",
    "south",
    "east",
    "west",
    "from",
    "nearby",
];

/// Relations that start a new clause: a place below one belongs to that clause.
fn is_clause_boundary(deprel: &str) -> bool {
    matches!(
        deprel,
        "ccomp" | "advcl" | "acl:relcl" | "parataxis" | "csubj" | "csubj:pass" | "acl" | "xcomp"
    ) || deprel.starts_with("advcl")
        || deprel == "conj"
}

/// Whether `verb` is a speech verb by its lemma (or form when unlemmatised).
pub fn is_speech_verb(doc: &Doc, verb: usize) -> bool {
    let Some(t) = doc.tokens.get(verb) else {
        return false;
    };
    let lemma = t
        .lemma
        .as_deref()
        .map_or_else(|| doc.token_text(verb).to_lowercase(), str::to_lowercase);
    SPEECH.contains(&lemma.as_str())
}

/// Walks up from `tok` to `verb`; `Some(crossed)` if `verb` is reached, with
/// whether a clause boundary was crossed on the way; `None` if not a descendant.
fn path_to(doc: &Doc, tok: usize, verb: usize) -> Option<bool> {
    let mut cur = tok;
    let mut crossed = false;
    // The parse is a tree, but guard against cycles in malformed input.
    for _ in 0..doc.tokens.len().min(512) {
        if cur == verb {
            return Some(crossed);
        }
        let t = doc.tokens.get(cur)?;
        crossed |= is_clause_boundary(t.deprel.as_str());
        cur = t.head? as usize;
    }
    None
}

/// The syntactic head of a token range: the token whose head lies outside it.
fn head_of(doc: &Doc, range: (u32, u32)) -> Option<usize> {
    let (a, b) = (range.0 as usize, range.1 as usize);
    (a..b)
        .find(|&i| {
            doc.tokens
                .get(i)
                .and_then(|t| t.head)
                .is_none_or(|h| (h as usize) < a || (h as usize) >= b)
        })
        .or((a < b).then_some(a))
}

/// Whether the mention is introduced by a locative case marker.
fn is_locative(doc: &Doc, head: usize) -> bool {
    doc.tokens.iter().enumerate().any(|(i, t)| {
        t.head == Some(head as u32)
            && t.deprel.as_str() == "case"
            && LOCATIVE_CASES.contains(&doc.token_text(i).to_lowercase().as_str())
    })
}

/// Mentions with a resolved place, with their index, in sentence `s`.
fn places_in_sentence(doc: &Doc, s: usize) -> impl Iterator<Item = (usize, &PlaceRef)> + '_ {
    let span = doc.sentences.get(s).map_or(Span::default(), |s| s.span);
    doc.places
        .iter()
        .enumerate()
        .filter(move |(_, p)| p.tokens.0 < p.tokens.1 && span.contains(p.span))
        .filter_map(|(i, p)| p.place.as_ref().map(|r| (i, r)))
}

/// The dateline's place, if the geoparser resolved it.
fn dateline_place(doc: &Doc) -> Option<&PlaceRef> {
    let d = doc.dateline.as_ref()?;
    doc.places
        .iter()
        .find(|p| p.tokens.0 == p.tokens.1 && d.span.contains(p.span))
        .and_then(|p| p.place.as_ref())
}

fn coarser(p: PlacePrecision) -> PlacePrecision {
    match p {
        PlacePrecision::Neighbourhood => PlacePrecision::City,
        PlacePrecision::City => PlacePrecision::Admin,
        PlacePrecision::Admin | PlacePrecision::Country => PlacePrecision::Country,
    }
}

/// Where the action of the clause headed by `verb_token` happened, and, for a
/// speech verb, where it was said. See the module docs for the rule.
/// Returns an empty assignment for an out-of-range token; never panics.
pub fn place_for_clause(doc: &Doc, verb_token: usize) -> PlaceAssignment {
    let Some(s) = doc.sentence_of_token(verb_token) else {
        return PlaceAssignment::default();
    };
    let speech = is_speech_verb(doc, verb_token);
    // Every resolved place of the sentence, ranked by a key (smaller wins):
    // (an argument rather than a setting, clause tier, not locative,
    // coarser precision, text order).
    struct Cand<'a> {
        i: usize,
        r: &'a PlaceRef,
        loc: bool,
        actor: bool,
        tier: u8,
        direct: bool,
    }
    let mut cands: Vec<Cand<'_>> = Vec::new();
    for (i, r) in places_in_sentence(doc, s) {
        let Some(m) = doc.places.get(i) else { continue };
        let Some(h) = head_of(doc, m.tokens) else {
            continue;
        };
        let loc = is_locative(doc, h);
        // `US proposals`, `Russia said`: the place names an actor. (An object
        // is kept: `shelled Aleppo` locates the action.)
        let actor = doc.tokens.get(h).is_some_and(|t| {
            matches!(
                t.deprel.as_str(),
                "nsubj" | "nsubj:pass" | "compound" | "nmod:poss"
            )
        });
        let path = path_to(doc, h, verb_token);
        // Speech verbs: the reported clause first; others: the verb's own clause.
        let tier = match (speech, path) {
            (true, Some(true)) | (false, Some(false)) => 0,
            (false, Some(true)) => 1,
            (true, None) | (false, None) => 2,
            (true, Some(false)) => 3,
        };
        cands.push(Cand {
            i,
            r,
            loc,
            actor,
            tier,
            direct: path == Some(false),
        });
    }
    let mut said_at = None;
    if speech {
        said_at = cands
            .iter()
            .filter(|c| c.direct && c.loc)
            .min_by_key(|c| c.i)
            .map(|c| c.r.clone())
            .or_else(|| dateline_place(doc).cloned());
    }
    let said_span = said_at.as_ref().map(|r| r.evidence);
    let location = cands
        .iter()
        .filter(|c| Some(c.r.evidence) != said_span)
        .min_by_key(|c| (c.actor, c.tier, !c.loc, c.r.precision, c.i))
        .map(|c| c.r.clone());
    let location = location
        .or_else(|| earlier_in_paragraph(doc, verb_token))
        .or_else(|| {
            dateline_place(doc).map(|r| PlaceRef {
                precision: coarser(r.precision),
                ..r.clone()
            })
        });
    PlaceAssignment { location, said_at }
}

/// The nearest resolved place before `verb` in the same paragraph.
fn earlier_in_paragraph(doc: &Doc, verb: usize) -> Option<PlaceRef> {
    let at = doc.tokens.get(verb)?.span;
    let para = doc
        .paragraphs
        .iter()
        .find(|p| p.contains(at))
        .copied()
        .unwrap_or(Span {
            start: 0,
            end: at.end,
        });
    doc.places
        .iter()
        .filter(|p| p.tokens.0 < p.tokens.1 && para.contains(p.span) && p.span.end <= at.start)
        .filter_map(|p| p.place.as_ref())
        .next_back()
        .cloned()
}

/// When the action of the clause headed by `verb_token` happened: a time
/// expression attached to the verb's clause; else one elsewhere in the sentence
/// (source [`TimeSource::Sentence`]); else the dateline date
/// ([`TimeSource::Dateline`]); else the anchor date ([`TimeSource::Anchor`]:
/// the event happened on or before it). Reads `doc.times`, so call
/// [`crate::annotate_times`] first. `None` only when no date is known at all.
pub fn date_for_clause(doc: &Doc, verb_token: usize) -> Option<TimeRef> {
    let s = doc.sentence_of_token(verb_token)?;
    let span = doc.sentences.get(s)?.span;
    let mut in_clause = None;
    let mut in_sentence = None;
    for t in doc.times.iter().filter(|t| span.contains(t.span)) {
        let first = doc.tokens.partition_point(|x| x.span.end <= t.span.start);
        let last = doc.tokens.partition_point(|x| x.span.start < t.span.end);
        let head = head_of(doc, (first as u32, last as u32));
        let attached = head.is_some_and(|h| path_to(doc, h, verb_token) == Some(false));
        if attached && in_clause.is_none() {
            in_clause = Some(t);
        } else if in_sentence.is_none() {
            in_sentence = Some(t);
        }
    }
    let from = |t: &sitrep_doc::times::TimeMention, source| TimeRef {
        date: t.date,
        end: t.end,
        precision: t.precision,
        kind: t.kind,
        value: t.value.clone(),
        source,
        evidence: Some(t.span),
    };
    if let Some(t) = in_clause {
        return Some(from(t, TimeSource::Clause));
    }
    if let Some(t) = in_sentence {
        return Some(from(t, TimeSource::Sentence));
    }
    if let Some((date, sp)) = doc
        .dateline
        .as_ref()
        .and_then(|d| Some((d.date?, d.date_span)))
    {
        return Some(TimeRef {
            date: Some(date),
            end: None,
            precision: DatePrecision::Day,
            kind: TimeKind::Point,
            value: date.to_string(),
            source: TimeSource::Dateline,
            evidence: sp,
        });
    }
    let anchor = crate::time::anchor_of(doc, None)?;
    Some(TimeRef {
        date: Some(anchor),
        end: None,
        precision: DatePrecision::Day,
        kind: TimeKind::RangeEnd,
        value: format!("../{anchor}"),
        source: TimeSource::Anchor,
        evidence: None,
    })
}
