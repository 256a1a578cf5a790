//! Casualty counts: `at least 112 civilians were killed`, `the strike killed
//! 12`, `the death toll rose to 45`, `no one was hurt`.
//!
//! Patterns, per sentence (each bounded to a few tokens):
//! - **verb first**: CUE-verb COUNT [category] (`killed at least 20 people`,
//!   `wounding dozens`, `shot dead four officers`, `forced 60,000 people to
//!   flee`); it wins over count-first when the verb is right before the count,
//!   so a comma-less list `killed 30 people injured 90` is two records;
//!   coordinated objects (`killed nine patients and two nurses`) share it;
//! - **count first**: COUNT [category words] [aux/adverbs] CUE (`112 civilians
//!   were killed`, `five dead`, `two children injured`, `22 militants and four
//!   soldiers were killed`);
//! - **nominal**: CUE-noun `of` COUNT (`the killing of one person`, `the deaths
//!   of 14`, `the abduction of 20 schoolgirls`);
//! - **toll**: `toll`/`number of dead` … `to`/`at`/`of`/`reached` COUNT (`the
//!   death toll rose to 45`, `the number of people killed rose to 28`);
//! - **negative**: `no one`/`nobody`/`no` [category] … CUE → an exact 0;
//! - **elided**: a count with no cue after a speech verb, in a sentence that
//!   already has a casualty, repeats that casualty's kind (`SOHR said 45 were
//!   killed, state media said 12`) — a separate record with its own chain.
//!
//! **Sub-counts**: `N civilians including/among them M children`, `N people,
//! M of them women` give a record for M whose `part_of` is N's record (here the
//! index in this sentence's list; [`crate::attribute`] makes it document-wide).
//!
//! **Scope**: a record is [`Scope::Cumulative`] when its own stretch of the
//! sentence (from the previous record to the next) holds a cue of a running
//! total: `since …`, `so far`, `to date`, `this year`, `in total`, `overall`,
//! `over the past N years`, `each year`, or a period noun (`war`, `conflict`,
//! `insurgency`, `pandemic`) — but not inside a comparison (`the deadliest
//! attack since 2017`, `the worst violence since the war began`).
//!
//! **Cause**: per sentence, [`Cause::Violent`] if any word names violence
//! (weapons, attacks, fighting), else [`Cause::NonViolent`] if one names a
//! crash, hazard, fire, collapse, crush, disease or heat, else unknown.
//!
//! Numbers without a casualty word (`1,200 soldiers were deployed`) are
//! ignored; numbers past [`sitrep_doc::casualties::MAX_COUNT`] are rejected
//! and reported. Work is linear in the sentence: each pattern looks at a
//! bounded window, and nothing is allocated per token.

use crate::lexicon::{harm_word, is_period_noun, Harm};
use crate::number::{count_at, Parsed};
use crate::tok::*;
use sitrep_doc::casualties::{Casualty, CasualtyKind, Category, Cause, Count, Scope};
use sitrep_doc::{Doc, Span};
use sitrep_lexicon::speech_lemma;

/// The casualty kind a cue word signals.
fn cue_kind(w: &str) -> Option<CasualtyKind> {
    use CasualtyKind::*;
    Some(match Lower::new(w).as_str() {
        "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dies" | "slain"
        | "massacred" | "executed" | "perished" | "deaths" | "death" | "fatalities" | "bodies"
        | "lives" | "murdered" | "shot" | "drowned" => Killed,
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
    Some(match Lower::new(w).as_str() {
        "killed" | "kill" | "kills" | "killing" | "massacred" | "executed" | "claimed" => Killed,
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" => Wounded,
        "abducted" | "kidnapped" | "captured" | "seized" | "detained" => Captured,
        "displaced" | "displacing" | "uprooted" | "evacuated" | "evacuating" => Displaced,
        _ => return None,
    })
}

/// Nouns naming the harm done to the people after their `of`: `the killing
/// of one person`, `the abduction of 20 schoolgirls`.
fn nominal_cue(w: &str) -> Option<CasualtyKind> {
    use CasualtyKind::*;
    Some(match Lower::new(w).as_str() {
        "killing" | "killings" | "death" | "deaths" | "murder" | "murders" | "massacre"
        | "execution" | "executions" | "slaughter" | "lives" | "bodies" => Killed,
        "wounding" | "injury" | "injuries" => Wounded,
        "disappearance" | "disappearances" => Missing,
        "abduction" | "abductions" | "kidnapping" | "kidnappings" | "capture" => Captured,
        "displacement" | "evacuation" => Displaced,
        _ => return None,
    })
}

fn category_of(w: &str) -> Option<Option<Category>> {
    use Category::*;
    Some(match Lower::new(w).as_str() {
        "civilians" | "civilian" | "residents" | "villagers" | "worshippers" | "passers-by"
        | "shoppers" | "pedestrians" => Some(Civilians),
        "children" | "child" | "kids" | "boys" | "girls" | "infants" | "babies" | "toddlers"
        | "schoolgirls" | "schoolboys" | "schoolchildren" => Some(Children),
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
/// `pro-government`, `more`, `suspected`).
fn modifier(doc: &Doc, i: usize) -> bool {
    matches!(upos(doc, i).as_str(), "ADJ" | "PROPN" | "NOUN")
        || word(doc, i) == "-"
        || matches!(
            Lower::new(word(doc, i)).as_str(),
            "suspected" | "alleged" | "armed" | "unarmed"
        )
}

/// Skips category words starting at `k`: `(category, next index)`.
fn category_after(doc: &Doc, mut k: usize, end: usize) -> (Option<Category>, usize) {
    let mut cat = None;
    let mut steps = 0;
    while k < end && steps < 5 {
        let w = word(doc, k);
        // After `of`, a determiner or `one` belongs to the phrase (`members
        // of one family`, `members of the same family`), not a new count.
        let after_of = steps > 0 && lower_is(doc, k - 1, "of");
        let of_det = after_of
            && (matches!(upos(doc, k).as_str(), "DET" | "PRON") || w.eq_ignore_ascii_case("one"));
        if let Some(c) = category_of(w) {
            cat = cat.or(c);
        } else if !of_det && (!modifier(doc, k) || cue_kind(w).is_some()) {
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
            Lower::new(word(doc, i)).as_str(),
            "been"
                | "being"
                | "be"
                | "reported"
                | "confirmed"
                | "feared"
                | "believed"
                | "thought"
                | "said"
                | "left"
                | "among"
                | "the"
                | "remain"
                | "remained"
                | "remains"
                | "to"
                | "still"
        )
}

fn lower_is(doc: &Doc, i: usize, s: &str) -> bool {
    word(doc, i).eq_ignore_ascii_case(s)
}

/// A count inside a larger one: its count, count span and category.
#[derive(Clone, Copy, Debug)]
struct Sub {
    count: Count,
    span: Span,
    category: Option<Category>,
}

/// A list of sub-counts at `q`: `five children and two women`. Returns where
/// the list ends; `subs` gets one entry per count.
fn sub_list(doc: &Doc, mut q: usize, end: usize, subs: &mut Vec<Sub>) -> usize {
    while let Some(Parsed::Count(count, next)) = count_at(doc, q, end) {
        let (category, after) = category_after(doc, next, end);
        subs.push(Sub {
            count,
            span: span_of(doc, q, next.saturating_sub(1)),
            category,
        });
        q = after;
        let joined = matches!(word(doc, q), "and" | ",")
            && matches!(count_at(doc, q + 1, end), Some(Parsed::Count(..)));
        if !joined || subs.len() >= 6 {
            break;
        }
        q += 1;
    }
    q
}

/// An aside after a count or its record at `k`: a sub-count (`including three
/// women`, `, among them seven children,`, `, six of them children`) or a
/// comment to skip (`, most of them soldiers,`). Returns where reading
/// resumes (`k` itself when there is no aside) and fills `subs`; sets
/// `inner` when the aside holds a count with a cue of its own.
fn aside(doc: &Doc, k: usize, end: usize, subs: &mut Vec<Sub>, inner: &mut bool) -> usize {
    let comma = word(doc, k) == ",";
    let p = k + usize::from(comma);
    let closing = |q: usize| {
        if comma && word(doc, q) == "," {
            q + 1
        } else {
            q
        }
    };
    let intro = if lower_is(doc, p, "including") {
        Some(p + 1)
    } else if lower_is(doc, p, "among")
        && (lower_is(doc, p + 1, "them") || lower_is(doc, p + 1, "whom"))
    {
        Some(p + 2)
    } else {
        None
    };
    if let Some(q) = intro {
        let before = subs.len();
        let after = sub_list(doc, q, end, subs);
        // `2,000 people, including about 150 wounded, were evacuated`: a
        // count with its own cue is a record of its own, not a sub-count;
        // the head's cue is looked for after the aside, and the caller reads
        // the inner count next (`inner`).
        // Only between commas: in `nine civilians among them four children
        // died` the cue is the head's.
        if comma && after < end && cue_kind(word(doc, after)).is_some() {
            subs.truncate(before);
            *inner = true;
            let close = (after..(after + 4).min(end)).find(|&j| word(doc, j) == ",");
            return close.map_or(k, |c| c + 1);
        }
        if subs.len() > before {
            return closing(after);
        }
    }
    // `, six of them children`: a category noun must follow (`two of them
    // seriously` is no sub-count).
    if comma {
        if let Some(Parsed::Count(count, next)) = count_at(doc, p, end) {
            if lower_is(doc, next, "of")
                && (lower_is(doc, next + 1, "them") || lower_is(doc, next + 1, "whom"))
            {
                let (category, after) = category_after(doc, next + 2, end);
                if after > next + 2 {
                    subs.push(Sub {
                        count,
                        span: span_of(doc, p, next.saturating_sub(1)),
                        category,
                    });
                    return closing(after);
                }
            }
        }
    }
    // A comment between commas: skip it so the cue after it is found.
    let comment = intro.is_some()
        || ["most", "many", "mostly", "mainly", "all", "both", "some"]
            .iter()
            .any(|w| lower_is(doc, p, w));
    if comma && comment {
        if let Some(close) = (p + 1..(p + 10).min(end)).find(|&j| word(doc, j) == ",") {
            return close + 1;
        }
    }
    k
}

/// The cue of a count-first record: the first cue word after `k` across
/// auxiliaries and adverbs (`were reportedly killed`, `are believed to have
/// been captured`); `shot and wounded` is a wounding.
fn cue_after(doc: &Doc, k: usize, end: usize) -> Option<(CasualtyKind, usize)> {
    let mut c = k;
    while c < end && c < k + 6 && is_between(doc, c) && cue_kind(word(doc, c)).is_none() {
        c += 1;
    }
    if c >= end {
        return None;
    }
    if lower_is(doc, c, "shot") && lower_is(doc, c + 1, "and") {
        if let Some(kind) = cue_kind(word(doc, c + 2)).filter(|_| c + 2 < end) {
            return Some((kind, c + 2));
        }
    }
    if let Some(kind) = cue_kind(word(doc, c)) {
        return Some((kind, c));
    }
    if lower_is(doc, k, "lost") && lower_is(doc, k + 2, "lives") {
        return Some((CasualtyKind::Killed, k));
    }
    None
}

/// A verb right before the count at `i` that takes it as object: `(kind, cue
/// token)`. `shot dead four`, `killed all seven`, `forced 60,000 people to
/// flee` (`after` is where the count's category ends).
fn verb_before(doc: &Doc, i: usize, start: usize, after: usize) -> Option<(CasualtyKind, usize)> {
    if i <= start {
        return None;
    }
    let prev = word(doc, i - 1);
    if let Some(kind) = active_cue(prev) {
        return Some((kind, i - 1));
    }
    if i > start + 1 {
        let prev2 = word(doc, i - 2);
        if (prev.eq_ignore_ascii_case("the") || prev.eq_ignore_ascii_case("all"))
            && active_cue(prev2).is_some()
        {
            return active_cue(prev2).map(|k| (k, i - 2));
        }
        if prev.eq_ignore_ascii_case("dead") && prev2.eq_ignore_ascii_case("shot") {
            return Some((CasualtyKind::Killed, i - 2));
        }
    }
    let forced = ["forced", "forcing", "forces"]
        .iter()
        .any(|w| prev.eq_ignore_ascii_case(w));
    if forced
        && lower_is(doc, after, "to")
        && ["flee", "leave"]
            .iter()
            .any(|w| lower_is(doc, after + 1, w))
    {
        return Some((CasualtyKind::Displaced, i - 1));
    }
    None
}

/// `toll rose to 45`, `put the toll at 12`, `the number of people killed rose
/// to 28`, `the number of dead at 61`: the toll word's kind and token.
fn toll_before(doc: &Doc, i: usize, start: usize) -> Option<(CasualtyKind, usize)> {
    let prev = Lower::new(word(doc, i.checked_sub(1)?));
    if !matches!(
        prev.as_str(),
        "to" | "at" | "of" | "reached" | "hit" | "passed" | "exceeded" | "topped"
    ) {
        return None;
    }
    let lo = i.saturating_sub(10).max(start);
    (lo..i).rev().find_map(|t| {
        let w = word(doc, t);
        if w.eq_ignore_ascii_case("toll") || w.eq_ignore_ascii_case("tally") {
            return Some((CasualtyKind::Killed, t));
        }
        if w.eq_ignore_ascii_case("number") && lower_is(doc, t + 1, "of") {
            return (t + 2..(t + 6).min(i)).find_map(|c| cue_kind(word(doc, c)).map(|k| (k, c)));
        }
        None
    })
}

/// A token range of the sentence a record owns for its scope cues.
fn owned_range(
    doc: &Doc,
    heads: &[&Casualty],
    r: usize,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let tokens = |c: &Casualty| {
        let a = first_at_or_after(doc, c.span.start);
        let b = end_before(doc, c.span.end);
        (a, b)
    };
    let lo = if r == 0 {
        start
    } else {
        heads.get(r - 1).map_or(start, |c| tokens(c).1)
    };
    let hi = heads.get(r + 1).map_or(end, |c| tokens(c).0);
    (lo.max(start), hi.min(end).max(lo))
}

/// Whether tokens `a..b` hold a cue of a running total.
fn cumulative_cue(doc: &Doc, a: usize, b: usize) -> bool {
    let w = |k: usize| if k < b { word(doc, k) } else { "" };
    // A comparison (`the deadliest attack since 2017`, `the worst violence
    // since the war began`) dates a record, not a running total: its `since`
    // phrase, up to the next comma, holds no cue.
    let mut comparison_until = a;
    (a..b).any(|k| {
        let here = Lower::new(w(k));
        let next = w(k + 1);
        let eq = |s: &str, t: &str| s.eq_ignore_ascii_case(t);
        if here.as_str() == "since" && (k.saturating_sub(6).max(a)..k).any(|j| superlative(doc, j))
        {
            comparison_until = (k + 1..(k + 8).min(b))
                .find(|&j| word(doc, j) == ",")
                .unwrap_or((k + 8).min(b));
        }
        if k < comparison_until {
            return false;
        }
        match here.as_str() {
            // `since 2011`, `since the war began`; not `since they ...`.
            "since" => pronoun_plural(next).is_none() && !matches!(next, "we" | "I" | "you"),
            "so" | "thus" => eq(next, "far"),
            "to" => eq(next, "date"),
            // `so far this year`; not `earlier this year` (one incident).
            "this" => {
                (eq(next, "year") || eq(next, "month"))
                    && !(k > a
                        && ["earlier", "later", "early", "late"]
                            .iter()
                            .any(|e| eq(w(k - 1), e)))
            }
            "in" => eq(next, "total") || (eq(next, "recent") && eq(w(k + 2), "years")),
            "overall" | "altogether" | "cumulative" | "annually" => true,
            "each" | "every" | "per" => eq(next, "year") || eq(next, "month"),
            // `over the past decade`, `in the last five years`, `over the years`.
            "past" | "last" if k > a && eq(w(k - 1), "the") => (k + 1..(k + 4).min(b)).any(|j| {
                matches!(
                    Lower::new(w(j)).as_str(),
                    "years" | "months" | "decade" | "decades" | "weeks" | "year" | "month" | "week"
                )
            }),
            "years" | "decades" => {
                k > a && eq(w(k - 1), "the") && eq(w(k.saturating_sub(2)), "over")
            }
            _ => is_period_noun(here.as_str()) && !matches!(next, "crime" | "crimes"),
        }
    })
}

/// A superlative or `first`: `deadliest`, `worst`, `the most violent`,
/// `first` (tagged `JJS`/`RBS`, or written so when untagged).
fn superlative(doc: &Doc, j: usize) -> bool {
    let tagged = doc
        .tokens
        .get(j)
        .is_some_and(|t| matches!(t.xpos.as_str(), "JJS" | "RBS"));
    let w = Lower::new(word(doc, j));
    // `most of the 30 killed since January` is a quantity, not a comparison.
    if w.as_str() == "most" && lower_is(doc, j + 1, "of") {
        return false;
    }
    tagged
        || matches!(
            w.as_str(),
            "worst" | "most" | "first" | "biggest" | "largest"
        )
        || (w.as_str().len() > 6 && w.as_str().ends_with("iest"))
}

/// The cause the sentence `start..end` names, violence first.
fn sentence_cause(doc: &Doc, start: usize, end: usize) -> Cause {
    let mut non_violent = false;
    for k in start..end {
        let w = word(doc, k);
        let prev = if k > start { word(doc, k - 1) } else { "" };
        let harm = match harm_word(w) {
            // `gas explosion`, `gas blast`: an accident unless a weapon is
            // named elsewhere.
            Some(Harm::Violent)
                if prev.eq_ignore_ascii_case("gas")
                    && ["explosion", "blast", "explosions"]
                        .iter()
                        .any(|e| w.eq_ignore_ascii_case(e)) =>
            {
                Some(Harm::NonViolent)
            }
            // `a fire`, `the blaze`; `opened fire`, `sniper fire` say nothing.
            None if w.eq_ignore_ascii_case("fire") || w.eq_ignore_ascii_case("fires") => {
                matches!(Lower::new(prev).as_str(), "a" | "the" | "house" | "forest")
                    .then_some(Harm::NonViolent)
            }
            h => h,
        };
        match harm {
            Some(Harm::Violent) => return Cause::Violent,
            Some(Harm::NonViolent) => non_violent = true,
            None => {}
        }
    }
    if non_violent {
        Cause::NonViolent
    } else {
        Cause::Unknown
    }
}

/// Casualties in sentence `s`, in text order; `part_of` indexes this list.
/// Counts too large to be counts are pushed to `rejected`.
pub fn in_sentence(doc: &Doc, s: usize, rejected: &mut Vec<Span>) -> Vec<Casualty> {
    let Some(sent) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let (start, end) = (sent.token_start as usize, sent.token_end as usize);
    let mut out: Vec<Casualty> = Vec::new();
    let mut subs: Vec<Sub> = Vec::new();
    // Where the last verb-first record's object ended, with its kind and cue,
    // for coordinated objects (`killed nine patients and two nurses`).
    let mut last_object: Option<(usize, CasualtyKind, usize)> = None;
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
        let (count, next) = match count_at(doc, i, end) {
            None => {
                i += 1;
                continue;
            }
            Some(Parsed::TooLarge(next)) => {
                rejected.push(span_of(doc, i, next.saturating_sub(1)));
                i = next.max(i + 1);
                continue;
            }
            Some(Parsed::Count(count, next)) => (count, next),
        };
        let prev = Lower::new(word(doc, i.wrapping_sub(1)));
        // Dates and clock times are not counts (`on 12 March`, `in 2016`).
        let date_like = (matches!(prev.as_str(), "on" | "in" | "since" | "until" | "by")
            && i > start
            && upos(doc, i).as_str() == "NUM")
            || is_year(word(doc, i));
        let count_span = span_of(doc, i, next.saturating_sub(1));
        let (cat, k) = category_after(doc, next, end);
        subs.clear();
        let mut inner = false;
        let k_aside = aside(doc, k, end, &mut subs, &mut inner);
        // (kind, cue token, where reading resumes, verb-first)
        let mut found: Option<(CasualtyKind, usize, usize, bool)> = None;
        let mut partner: Option<(Count, Span, Option<Category>)> = None;
        if !date_like {
            if let Some((kind, cue)) = verb_before(doc, i, start, k) {
                found = Some((kind, cue, k_aside, true));
            } else if let Some((kind, cue)) = cue_after(doc, k_aside, end) {
                found = Some((kind, cue, cue + 1, false));
            } else if word(doc, k) == "and" {
                // `22 militants and four soldiers were killed`.
                if let Some(Parsed::Count(c2, n2)) = count_at(doc, k + 1, end) {
                    let (cat2, k2) = category_after(doc, n2, end);
                    if let Some((kind, cue)) = cue_after(doc, k2, end) {
                        partner = Some((c2, span_of(doc, k + 1, n2.saturating_sub(1)), cat2));
                        found = Some((kind, cue, cue + 1, false));
                    }
                }
            }
        }
        if found.is_none() && prev.as_str() == "and" {
            if let Some((_, kind, cue)) = last_object.filter(|o| o.0 + 1 == i) {
                found = Some((kind, cue, k_aside, true));
            }
        }
        if found.is_none() && prev.as_str() == "of" && i > start + 1 {
            if let Some(kind) = nominal_cue(word(doc, i - 2)) {
                found = Some((kind, i - 2, k_aside, false));
            }
        }
        if found.is_none() {
            if let Some((kind, t)) = toll_before(doc, i, start) {
                found = Some((kind, t, k_aside, false));
            }
        }
        // Elided: `..., state media said 12.`
        if found.is_none() && after_speech && speech_lemma(prev.as_str()).is_some() {
            if let Some(last) = out.last() {
                let (kind, cue) = (last.kind, last.verb.map_or(i, |v| v as usize));
                let cat = cat.or(last.category);
                out.push(make(doc, s, kind, count, count_span, cat, cue));
                i = next.max(i + 1);
                continue;
            }
        }
        let Some((kind, cue, mut resume, verb_first)) = found else {
            i += 1;
            continue;
        };
        let head = out.len();
        out.push(make(doc, s, kind, count, count_span, cat, cue));
        if let Some((c2, span2, cat2)) = partner {
            out.push(make(doc, s, kind, c2, span2, cat2, cue));
        }
        // A sub-count after the record: `... were wounded, including two
        // police officers`.
        if subs.is_empty() && !verb_first && !inner {
            resume = aside(doc, resume, end, &mut subs, &mut inner);
        }
        if inner {
            // Read the aside's own record next.
            resume = next;
        }
        for sub in &subs {
            let mut c = make(doc, s, kind, sub.count, sub.span, sub.category, cue);
            c.part_of = u32::try_from(head).ok();
            out.push(c);
        }
        last_object = verb_first.then_some((k, kind, cue));
        i = resume.max(next).max(i + 1);
    }
    if out.is_empty() {
        return out;
    }
    let cause = sentence_cause(doc, start, end);
    let heads: Vec<&Casualty> = out.iter().filter(|c| c.part_of.is_none()).collect();
    let scopes: Vec<Scope> = (0..heads.len())
        .map(|r| {
            let (a, b) = owned_range(doc, &heads, r, start, end);
            if cumulative_cue(doc, a, b) {
                Scope::Cumulative
            } else {
                Scope::Incident
            }
        })
        .collect();
    let mut r = 0;
    let mut head_scope = Scope::Incident;
    for c in out.iter_mut() {
        c.cause = cause;
        if c.part_of.is_none() {
            head_scope = scopes.get(r).copied().unwrap_or_default();
            r += 1;
        }
        c.scope = head_scope;
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
        ..Casualty::default()
    }
}

/// `no one was killed`, `nobody was hurt`, `no civilians were injured`,
/// `there were no casualties`.
fn negative(doc: &Doc, s: usize, i: usize, end: usize) -> Option<Casualty> {
    let w = Lower::new(word(doc, i));
    let (k, count_end) = match w.as_str() {
        "nobody" | "none" => (i + 1, i),
        "no" if word(doc, i + 1).eq_ignore_ascii_case("one") => (i + 2, i + 1),
        "no" => (i + 1, i),
        _ => return None,
    };
    let (cat, after) = category_after(doc, k, end);
    let (kind, c) = cue_after(doc, after, end)?;
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

#[cfg(test)]
mod tests {
    //! The casualty parts of the real-news probes (p11–p16, p31 of
    //! `real-news-probes.tsv`, CC0) on stated parses, and the count bound.

    use super::*;

    /// A one-sentence document from rows `form lemma UPOS XPOS head deprel`.
    fn parsed(rows: &str) -> Doc {
        let conllu: String = rows
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, l)| {
                let f: Vec<&str> = l.split(' ').collect();
                assert_eq!(f.len(), 6, "{l}");
                format!(
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                    i + 1,
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    f[4],
                    f[5]
                )
            })
            .collect();
        Doc::from_conllu(&(conllu + "\n")).expect("a valid parse")
    }

    /// `kind:count[:category][/part_of=N][/cumulative][/non_violent]@cue`.
    fn records(doc: &Doc) -> (Vec<String>, usize) {
        let mut rejected = Vec::new();
        let found = in_sentence(doc, 0, &mut rejected);
        let shown = found
            .iter()
            .map(|c| {
                let kind = format!("{:?}", c.kind).to_lowercase();
                let count = match c.count.max {
                    None => format!("{}+", c.count.min),
                    Some(m) if m == c.count.min => m.to_string(),
                    Some(m) => format!("{}-{m}", c.count.min),
                };
                let mut s = format!("{kind}:{}{count}", if c.count.approx { "~" } else { "" });
                if let Some(cat) = c.category {
                    s.push_str(&format!(":{cat:?}").to_lowercase());
                }
                if let Some(p) = c.part_of {
                    s.push_str(&format!("/part_of={p}"));
                }
                if c.scope == Scope::Cumulative {
                    s.push_str("/cumulative");
                }
                if c.cause == Cause::NonViolent {
                    s.push_str("/non_violent");
                }
                let cue = c.verb.map_or("", |v| word(doc, v as usize));
                format!("{s}@{cue}")
            })
            .collect();
        (shown, rejected.len())
    }

    #[test]
    fn p11_comma_less_list_keeps_both_counts() {
        let doc = parsed(
            "A a DET DT 3 det
             suicide suicide NOUN NN 3 compound
             bomber bomber NOUN NN 4 nsubj
             killed kill VERB VBD 0 root
             30 30 NUM CD 6 nummod
             people people NOUN NNS 4 obj
             injured injure VERB VBD 4 conj
             90 90 NUM CD 7 obj
             near near ADP IN 11 case
             the the DET DT 11 det
             mosque mosque NOUN NN 7 obl
             . . PUNCT . 4 punct",
        );
        assert_eq!(records(&doc).0, ["killed:30@killed", "wounded:90@injured"]);
        let mut rejected = Vec::new();
        assert!(in_sentence(&doc, 0, &mut rejected)
            .iter()
            .all(|c| c.cause == Cause::Violent));
    }

    #[test]
    fn p12_sub_count_keeps_the_head_count() {
        let doc = parsed(
            "At at ADP IN 3 advmod
             least least ADJ JJS 1 fixed
             12 12 NUM CD 4 nummod
             civilians civilian NOUN NNS 9 nsubj:pass
             including include VERB VBG 7 case
             three three NUM CD 7 nummod
             women woman NOUN NNS 4 nmod
             were be AUX VBD 9 aux:pass
             killed kill VERB VBN 0 root
             in in ADP IN 12 case
             the the DET DT 12 det
             strike strike NOUN NN 9 obl
             . . PUNCT . 9 punct",
        );
        assert_eq!(
            records(&doc).0,
            [
                "killed:12+:civilians@killed",
                "killed:3:women/part_of=0@killed"
            ]
        );
    }

    #[test]
    fn p13_among_them_is_a_sub_count() {
        let doc = parsed(
            "Nine nine NUM CD 2 nummod
             civilians civilian NOUN NNS 7 nsubj
             among among ADP IN 4 case
             them they PRON PRP 2 nmod
             four four NUM CD 6 nummod
             children child NOUN NNS 2 appos
             died die VERB VBD 0 root
             in in ADP IN 10 case
             the the DET DT 10 det
             raid raid NOUN NN 7 obl
             . . PUNCT . 7 punct",
        );
        assert_eq!(
            records(&doc).0,
            [
                "killed:9:civilians@died",
                "killed:4:children/part_of=0@died"
            ]
        );
    }

    #[test]
    fn p14_hundreds_of_thousands_is_a_cumulative_200000() {
        let doc = parsed(
            "Hundreds hundred NOUN NNS 8 nsubj:pass
             of of ADP IN 3 case
             thousands thousand NOUN NNS 1 nmod
             of of ADP IN 5 case
             people people NOUN NNS 1 nmod
             have have AUX VBP 8 aux
             been be AUX VBN 8 aux:pass
             killed kill VERB VBN 0 root
             since since SCONJ IN 12 mark
             the the DET DT 11 det
             war war NOUN NN 12 nsubj
             began begin VERB VBD 8 advcl
             in in ADP IN 14 case
             2011 2011 NUM CD 12 obl
             . . PUNCT . 8 punct",
        );
        assert_eq!(records(&doc).0, ["killed:~200000+/cumulative@killed"]);
    }

    #[test]
    fn p15_death_toll_rose_to() {
        let doc = parsed(
            "The the DET DT 3 det
             death death NOUN NN 3 compound
             toll toll NOUN NN 7 nsubj
             from from ADP IN 6 case
             the the DET DT 6 det
             blast blast NOUN NN 3 nmod
             rose rise VERB VBD 0 root
             to to ADP IN 9 case
             37 37 NUM CD 7 obl
             . . PUNCT . 7 punct",
        );
        assert_eq!(records(&doc).0, ["killed:37@toll"]);
    }

    #[test]
    fn p16_the_killing_of_one_person() {
        let doc = parsed(
            "The the DET DT 2 det
             attack attack NOUN NN 3 nsubj
             led lead VERB VBD 0 root
             to to ADP IN 6 case
             the the DET DT 6 det
             killing killing NOUN NN 3 obl
             of of ADP IN 9 case
             one one NUM CD 9 nummod
             person person NOUN NN 6 nmod
             . . PUNCT . 3 punct",
        );
        assert_eq!(records(&doc).0, ["killed:1@killing"]);
    }

    #[test]
    fn p31_a_road_toll_is_non_violent() {
        let doc = parsed(
            "Five five NUM CD 2 nummod
             people people NOUN NNS 4 nsubj
             have have AUX VBP 4 aux
             died die VERB VBN 0 root
             on on ADP IN 7 case
             Queensland Queensland PROPN NNP 7 compound
             roads road NOUN NNS 4 obl
             over over ADP IN 10 case
             the the DET DT 10 det
             holiday holiday NOUN NN 4 obl
             . . PUNCT . 4 punct",
        );
        assert_eq!(records(&doc).0, ["killed:5/non_violent@died"]);
    }

    #[test]
    fn numbers_past_any_toll_make_no_record_and_are_reported() {
        let doc = parsed(
            "twelve twelve NUM CD 7 nummod
             hundred hundred NUM CD 1 compound
             thousand thousand NUM CD 1 compound
             million million NUM CD 1 compound
             billion billion NUM CD 1 compound
             trillion trillion NUM CD 1 compound
             people people NOUN NNS 9 nsubj:pass
             were be AUX VBD 9 aux:pass
             killed kill VERB VBN 0 root
             . . PUNCT . 9 punct",
        );
        assert_eq!(records(&doc), (vec![], 1));
        let digits = format!("1{}", "0".repeat(30));
        let doc = parsed(&format!(
            "the the DET DT 2 det
             blast blast NOUN NN 3 nsubj
             killed kill VERB VBD 0 root
             {digits} {digits} NUM CD 5 nummod
             people people NOUN NNS 3 obj
             . . PUNCT . 3 punct"
        ));
        assert_eq!(records(&doc), (vec![], 1));
    }

    #[test]
    fn scope_belongs_to_the_record_whose_stretch_holds_the_cue() {
        // `since October` is in the second record's stretch only.
        let doc = parsed(
            "Strikes strike NOUN NNS 2 nsubj
             killed kill VERB VBD 0 root
             40 40 NUM CD 4 nummod
             people people NOUN NNS 2 obj
             , , PUNCT , 6 punct
             bringing bring VERB VBG 2 advcl
             the the DET DT 9 det
             death death NOUN NN 9 compound
             toll toll NOUN NN 6 obj
             since since ADP IN 11 case
             October October PROPN NNP 9 nmod
             to to ADP IN 13 case
             30,000 30,000 NUM CD 6 obl
             . . PUNCT . 2 punct",
        );
        assert_eq!(
            records(&doc).0,
            ["killed:40@killed", "killed:30000/cumulative@toll"]
        );
    }
}
