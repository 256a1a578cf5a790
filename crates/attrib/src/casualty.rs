//! Casualty counts: `at least 112 civilians were killed`, `the strike killed
//! 12`, `the death toll rose to 45`, `no one was hurt`.
//!
//! Patterns, per sentence (each bounded to a few tokens):
//! - **count first**: COUNT [category words] [aux/adverbs] CUE (`112 civilians
//!   were killed`, `five dead`, `two children injured`);
//! - **verb first**: CUE-verb COUNT [category] (`killed at least 20 people`,
//!   `wounding dozens`);
//! - **toll**: `toll` … `to`/`at`/`of` COUNT (`the death toll rose to 45`);
//! - **negative**: `no one`/`nobody`/`no` [category] … CUE → an exact 0;
//! - **elided**: a count with no cue after a speech verb, in a sentence that
//!   already has a casualty, repeats that casualty's kind (`SOHR said 45 were
//!   killed, state media said 12`) — a separate record with its own chain.
//!
//! Numbers without a casualty word (`1,200 soldiers were deployed`) are ignored.

use crate::number::count_at;
use crate::tok::*;
use sitrep_doc::casualties::{Casualty, CasualtyKind, Category, Count};
use sitrep_doc::{Doc, Span};
use sitrep_lexicon::speech_lemma;

/// The casualty kind a cue word signals.
fn cue_kind(w: &str) -> Option<CasualtyKind> {
    use CasualtyKind::*;
    Some(match w.to_ascii_lowercase().as_str() {
        "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dies" | "slain"
        | "massacred" | "executed" | "perished" | "deaths" | "death" | "fatalities" | "bodies"
        | "lives" | "murdered" | "shot" => Killed,
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" | "injuries"
        | "hurt" => Wounded,
        "missing" | "disappeared" => Missing,
        "captured" | "abducted" | "kidnapped" | "detained" | "taken" | "seized" => Captured,
        "displaced" | "fled" | "homeless" | "uprooted" | "evacuated" => Displaced,
        _ => return None,
    })
}

/// Verbs that take the victims as object: `killed 12`, `wounding dozens`.
fn active_cue(w: &str) -> Option<CasualtyKind> {
    use CasualtyKind::*;
    Some(match w.to_ascii_lowercase().as_str() {
        "killed" | "kill" | "kills" | "killing" | "massacred" | "executed" | "claimed" => Killed,
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" => Wounded,
        "abducted" | "kidnapped" | "captured" | "seized" | "detained" => Captured,
        "displaced" | "displacing" | "uprooted" => Displaced,
        _ => return None,
    })
}

fn category_of(w: &str) -> Option<Option<Category>> {
    use Category::*;
    Some(match w.to_ascii_lowercase().as_str() {
        "civilians" | "civilian" | "residents" | "villagers" | "worshippers" | "passers-by"
        | "shoppers" | "pedestrians" => Some(Civilians),
        "children" | "child" | "kids" | "boys" | "girls" | "infants" | "babies" | "toddlers" => {
            Some(Children)
        }
        "women" | "woman" => Some(Women),
        "fighters" | "militants" | "rebels" | "insurgents" | "gunmen" | "jihadists"
        | "combatants" | "militiamen" | "attackers" | "fighter" | "militant" | "rebel" => {
            Some(Fighters)
        }
        "soldiers" | "troops" | "servicemen" | "soldier" | "marines" | "paratroopers" => {
            Some(Soldiers)
        }
        "police" | "policemen" | "officers" | "policeman" | "officer" | "police officers" => {
            Some(Police)
        }
        "people" | "persons" | "others" | "members" | "family" | "of" | "them" | "more"
        | "other" | "person" | "individuals" => None,
        _ => return None,
    })
}

/// Words allowed between the count and its category noun (`Palestinian`,
/// `pro-government`, `more`).
fn modifier(doc: &Doc, i: usize) -> bool {
    matches!(upos(doc, i).as_str(), "ADJ" | "PROPN" | "NOUN") || word(doc, i) == "-"
}

/// Skips category words starting at `k`: `(category, next index)`.
fn category_after(doc: &Doc, mut k: usize, end: usize) -> (Option<Category>, usize) {
    let mut cat = None;
    let mut steps = 0;
    while k < end && steps < 5 {
        let w = word(doc, k);
        if let Some(c) = category_of(w) {
            cat = cat.or(c);
        } else if !modifier(doc, k) || cue_kind(w).is_some() {
            break;
        }
        k += 1;
        steps += 1;
    }
    (cat, k)
}

fn is_between(doc: &Doc, i: usize) -> bool {
    is_aux_or_adverb(doc, i)
        || matches!(
            word(doc, i).to_ascii_lowercase().as_str(),
            "been"
                | "being"
                | "be"
                | "reported"
                | "confirmed"
                | "feared"
                | "believed"
                | "left"
                | "among"
                | "the"
                | "remain"
                | "remained"
        )
}

/// Casualties in sentence `s`, in text order.
pub fn in_sentence(doc: &Doc, s: usize) -> Vec<Casualty> {
    let Some(sent) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let (start, end) = (sent.token_start as usize, sent.token_end as usize);
    let mut out: Vec<Casualty> = Vec::new();
    let mut i = start;
    let mut after_speech = false;
    while i < end {
        if speech_lemma(word(doc, i)).is_some() {
            after_speech = true;
        }
        if let Some(c) = negative(doc, s, i, end) {
            // Resume after the cue so `one` in `no one` is not read as a count.
            i = c.verb.map_or(i + 1, |v| (v as usize + 1).max(i + 1));
            out.push(c);
            continue;
        }
        let Some((count, next)) = count_at(doc, i, end) else {
            i += 1;
            continue;
        };
        let prev = word(doc, i.wrapping_sub(1)).to_ascii_lowercase();
        // Dates and clock times are not counts (`on 12 March`, `in 2016`).
        let date_like = (matches!(prev.as_str(), "on" | "in" | "since" | "until" | "by")
            && i > start
            && upos(doc, i).as_str() == "NUM")
            || is_year(word(doc, i));
        let count_span = span_of(doc, i, next.saturating_sub(1));
        let (cat, mut k) = category_after(doc, next, end);
        // `Eleven civilians, including four children, died`: skip the aside.
        if word(doc, k) == "," && word(doc, k + 1).eq_ignore_ascii_case("including") {
            if let Some(close) = (k + 2..(k + 10).min(end)).find(|&j| word(doc, j) == ",") {
                k = close + 1;
            }
        }
        let mut found = None;
        // Count first.
        let mut c = k;
        while c < end && c < k + 4 && is_between(doc, c) && cue_kind(word(doc, c)).is_none() {
            c += 1;
        }
        if !date_like {
            if let Some(kind) = cue_kind(word(doc, c)).filter(|_| c < end) {
                found = Some((kind, c));
            } else if word(doc, k).eq_ignore_ascii_case("lost")
                && word(doc, k + 2).eq_ignore_ascii_case("lives")
            {
                found = Some((CasualtyKind::Killed, k));
            }
        }
        // Verb first: the verb right before the count (`killed at least 20`).
        if found.is_none() && i > start {
            if let Some(kind) = active_cue(&prev) {
                found = Some((kind, i - 1));
            } else if matches!(prev.as_str(), "the" | "all") && i > start + 1 {
                if let Some(kind) = active_cue(word(doc, i - 2)) {
                    found = Some((kind, i - 2));
                }
            }
        }
        // Toll: `toll rose to 45`, `put the toll at 12`.
        if found.is_none() && matches!(prev.as_str(), "to" | "at" | "of") {
            let lo = i.saturating_sub(10).max(start);
            if let Some(t) = (lo..i)
                .rev()
                .find(|&t| word(doc, t).eq_ignore_ascii_case("toll"))
            {
                found = Some((CasualtyKind::Killed, t));
            }
        }
        // Elided: `..., state media said 12.`
        if found.is_none() && after_speech && speech_lemma(&prev).is_some() {
            if let Some(last) = out.last() {
                let kind = last.kind;
                let cue = last.verb.map_or(i, |v| v as usize);
                found = Some((kind, cue));
                if let Some((kind, cue)) = found {
                    let cas = make(doc, s, kind, count, count_span, cat.or(last.category), cue);
                    out.push(cas);
                    i = next.max(i + 1);
                    continue;
                }
            }
        }
        if let Some((kind, cue)) = found {
            out.push(make(doc, s, kind, count, count_span, cat, cue));
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn make(
    doc: &Doc,
    s: usize,
    kind: CasualtyKind,
    count: Count,
    count_span: Span,
    category: Option<Category>,
    cue: usize,
) -> Casualty {
    let cue_span = span(doc, cue);
    Casualty {
        span: count_span.cover(cue_span),
        kind,
        count,
        count_span,
        category,
        cue_span,
        sentence: u32::try_from(s).unwrap_or(u32::MAX),
        verb: u32::try_from(cue).ok(),
        sources: Vec::new(),
    }
}

/// `no one was killed`, `nobody was hurt`, `no civilians were injured`,
/// `there were no casualties`.
fn negative(doc: &Doc, s: usize, i: usize, end: usize) -> Option<Casualty> {
    let w = word(doc, i).to_ascii_lowercase();
    let (mut k, count_end) = match w.as_str() {
        "nobody" | "none" => (i + 1, i),
        "no" if word(doc, i + 1).eq_ignore_ascii_case("one") => (i + 2, i + 1),
        "no" => (i + 1, i),
        _ => return None,
    };
    let (cat, after) = category_after(doc, k, end);
    k = after;
    let mut c = k;
    while c < end && c < k + 4 && is_between(doc, c) && cue_kind(word(doc, c)).is_none() {
        c += 1;
    }
    let kind = cue_kind(word(doc, c)).filter(|_| c < end)?;
    Some(make(
        doc,
        s,
        kind,
        Count::exact(0),
        span_of(doc, i, count_end),
        cat,
        c,
    ))
}

/// A bare four-digit number that reads as a year (`January 28, 1986 killing`):
/// tolls that large are written with a comma (`1,986`).
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}
