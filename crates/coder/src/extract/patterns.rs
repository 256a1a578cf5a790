//! Verb-pattern matching over a sentence's words around one verb.
//!
//! A pattern (`- $ * (TO BORDER) + [154]`) is split at its verb `*`: the part
//! after the verb is matched left to right over the words after the verb, the
//! part before it right to left over the words before it, both limited to a
//! window (the verb's clause, see `extract`). A plain element may skip words,
//! a `_`-joined (tight) one must be adjacent; `$`/`+`/`%` fill with a coded
//! actor mention, `^` skips one noun phrase; `{..}`/`(..)` groups only bracket.
//!
//! Specificity: 2 per word or synset matched, 1 per actor slot; the caller
//! keeps the most specific pattern (the first in file order on ties).

use super::cx::SentenceCx;
use crate::compiled::{signature, CElem, CPattern, Kind, NO_WORD};

/// One match word of the sentence, by its id in the compiled lexicon
/// ([`NO_WORD`] when no pattern contains it).
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub id: u32,
    /// The lemma's id for verbs and auxiliaries, [`NO_WORD`] otherwise (see
    /// `extract`).
    pub lemma: u32,
    /// Sentence-local token.
    pub tok: usize,
    /// Part of a noun phrase (determiner, adjective, noun, name, number):
    /// what a `^` skips.
    pub nominal: bool,
    /// The word is a negation (`not`, `n't`, `never`).
    pub negation: bool,
}

impl Word {
    /// Whether the word (or its lemma) is pattern word `x` (never [`NO_WORD`]).
    #[inline]
    fn is(&self, x: u32) -> bool {
        self.id == x || self.lemma == x
    }
}

/// What a pattern matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Hit {
    pub score: u32,
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// The `+` slot lay before the verb (its grammatical subject side).
    pub target_before: bool,
    /// A word or synset of the pattern matched a negation (`not`, `n't`, `never`).
    pub negation_matched: bool,
    /// A `%` slot matched: the compound actor acts on itself, member to member.
    pub compound: bool,
    /// The `%` slot lay after the verb (`* WITH %`): the compound is the
    /// target of the subject, not a subject acting on itself.
    pub compound_after: bool,
}

#[derive(Clone, Copy)]
struct St {
    compound: bool,
    negation: bool,
    score: u32,
    source: Option<usize>,
    target: Option<usize>,
}

/// The word windows of one verb: word indexes before it (nearest first)
/// and after it (nearest first), with the signatures of their words and
/// lemmas (see [`signature`]).
pub(super) struct Windows {
    pub before: Vec<usize>,
    pub after: Vec<usize>,
    before_mask: u64,
    after_mask: u64,
}

impl Windows {
    pub fn new(words: &[Word], before: Vec<usize>, after: Vec<usize>) -> Windows {
        let mask = |window: &[usize]| {
            let mut m = 0u64;
            for w in window.iter().filter_map(|&i| words.get(i)) {
                for id in [w.id, w.lemma] {
                    if id != NO_WORD {
                        m |= signature(id);
                    }
                }
            }
            m
        };
        Windows {
            before_mask: mask(&before),
            after_mask: mask(&after),
            before,
            after,
        }
    }
}

/// Matches `pattern` with the verb between windows `win.before` and
/// `win.after`.
pub(super) fn match_pattern(cx: &SentenceCx<'_>, pattern: &CPattern, win: &Windows) -> Option<Hit> {
    let (before, after) = (&win.before[..], &win.after[..]);
    // Cheap rejection (most of a verb's patterns fail here): each plain word
    // must occur somewhere in its side's window; the signatures rule most
    // out without reading the windows.
    if pattern.pre_mask & !win.before_mask != 0 || pattern.post_mask & !win.after_mask != 0 {
        return None;
    }
    let occurs = |x: u32, window: &[usize]| {
        window
            .iter()
            .any(|&i| cx.words.get(i).is_some_and(|w| w.is(x)))
    };
    if !pattern.pre_words.iter().all(|&x| occurs(x, before))
        || !pattern.post_words.iter().all(|&x| occurs(x, after))
    {
        return None;
    }
    let mut st = St {
        compound: false,
        negation: false,
        score: 0,
        source: None,
        target: None,
    };
    let mut budget = 2000u32;
    let after_ok = seq(cx, &pattern.post, after, 0, false, &mut st, &mut budget);
    if !after_ok {
        return None;
    }
    let target_after = st.target.is_some();
    let compound_after = st.compound;
    let before_ok = seq(cx, &pattern.pre, before, 0, true, &mut st, &mut budget);
    if !before_ok {
        return None;
    }
    Some(Hit {
        score: st.score,
        source: st.source,
        target: st.target,
        target_before: st.target.is_some() && !target_after,
        negation_matched: st.negation,
        compound: st.compound,
        compound_after,
    })
}

/// Matches `elems` from position `pos` of `order` (a tight element first
/// in its direction must sit at `pos` itself, next to the verb).
/// Backtracks over skip positions.
fn seq(
    cx: &SentenceCx<'_>,
    elems: &[CElem],
    order: &[usize],
    pos: usize,
    reverse: bool,
    st: &mut St,
    budget: &mut u32,
) -> bool {
    let Some((e, rest)) = elems.split_first() else {
        return true;
    };
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    match e.kind {
        Kind::Pass => return seq(cx, rest, order, pos, reverse, st, budget),
        Kind::Alternatives(k) => {
            let alts = cx
                .coder
                .compiled
                .alternatives
                .get(k as usize)
                .map_or(&[][..], Vec::as_slice);
            for alt in alts {
                let mut flat: Vec<CElem> = Vec::with_capacity(alt.len() + rest.len());
                flat.extend_from_slice(alt);
                if let Some(f) = flat.first_mut() {
                    f.tight = e.tight;
                }
                if reverse {
                    flat.reverse();
                }
                flat.extend_from_slice(rest);
                let saved = *st;
                if seq(cx, &flat, order, pos, reverse, st, budget) {
                    return true;
                }
                *st = saved;
            }
            return false;
        }
        _ => {}
    }
    let last = if e.tight {
        pos.min(order.len())
    } else {
        order.len()
    };
    for p in pos..=last {
        if p >= order.len() {
            break;
        }
        let saved = *st;
        if let Some(next) = here(cx, e.kind, order, p, reverse, st) {
            if seq(cx, rest, order, next, reverse, st, budget) {
                return true;
            }
        }
        *st = saved;
        if e.tight {
            break;
        }
    }
    false
}

/// Tries element `kind` at `order[p]`; returns the next position on success.
fn here(
    cx: &SentenceCx<'_>,
    kind: Kind,
    order: &[usize],
    p: usize,
    reverse: bool,
    st: &mut St,
) -> Option<usize> {
    let w = cx.words.get(*order.get(p)?)?;
    match kind {
        Kind::Word(x) => {
            if w.is(x) {
                st.score += 2;
                st.negation |= w.negation;
                Some(p + 1)
            } else {
                None
            }
        }
        Kind::Synset(i) => {
            let set = cx.coder.compiled.synsets.get(i? as usize)?;
            // Matching runs outward from the verb: a member's last word
            // comes first before the verb.
            let by = if reverse { &set.last } else { &set.first };
            let mut n = None;
            for key in [w.id, w.lemma] {
                if key == NO_WORD {
                    continue;
                }
                for &mi in by.get(&key).into_iter().flatten() {
                    let len = set
                        .members
                        .get(mi as usize)
                        .and_then(|m| phrase_at(cx, m, order, p, reverse));
                    n = n.max(len);
                }
            }
            let n = n?;
            st.score += 2;
            st.negation |= (p..p + n).any(|q| {
                order
                    .get(q)
                    .and_then(|&wi| cx.words.get(wi))
                    .is_some_and(|w| w.negation)
            });
            Some(p + n)
        }
        Kind::Skip => {
            // `^` skips one noun phrase, coded or not (`* THEIR ^ ABOUT +`
            // passes over `their populations`): the run of noun-phrase words
            // (or one mention's words) starting here.
            // A mention ends the phrase (`at the Gondor of ...`: `^` is
            // `the Gondor`).
            let mut m = cx.coded.get(w.tok).copied().flatten();
            if m.is_none() && !w.nominal {
                return None;
            }
            let mut q = p + 1;
            while let Some(w2) = order.get(q).and_then(|&wi| cx.words.get(wi)) {
                if order[q - 1].abs_diff(order[q]) != 1 {
                    break;
                }
                let m2 = cx.coded.get(w2.tok).copied().flatten();
                let fits = match (m, m2) {
                    (Some(a), b) => b == Some(a),
                    (None, Some(_)) => !reverse,
                    (None, None) => w2.nominal,
                };
                if !fits {
                    break;
                }
                m = m2;
                q += 1;
            }
            Some(q)
        }
        Kind::Source | Kind::Target | Kind::Compound => {
            let m = cx.coded.get(w.tok).copied().flatten()?;
            // Consume every word of the mention in this direction.
            let mut q = p;
            while let Some(&wi) = order.get(q) {
                let Some(w2) = cx.words.get(wi) else { break };
                if cx.coded.get(w2.tok).copied().flatten() != Some(m) {
                    break;
                }
                q += 1;
            }
            match kind {
                Kind::Source => st.source = Some(m),
                Kind::Target => st.target = Some(m),
                Kind::Compound => {
                    st.source = Some(m);
                    st.compound = true;
                }
                _ => {}
            }
            st.score += 1;
            Some(q)
        }
        Kind::Pass | Kind::Alternatives(_) => None,
    }
}

/// Length in words of `phrase` (member word ids) matched at `order[p..]`
/// (consecutive), if it matches.
fn phrase_at(
    cx: &SentenceCx<'_>,
    phrase: &[u32],
    order: &[usize],
    p: usize,
    reverse: bool,
) -> Option<usize> {
    let n = phrase.len();
    for k in 0..n {
        let wi = *order.get(p + k)?;
        let w = cx.words.get(wi)?;
        let want = if reverse {
            phrase[n - 1 - k]
        } else {
            phrase[k]
        };
        if !w.is(want) {
            return None;
        }
        // Consecutive in the sentence, not just in the window order.
        if k > 0 {
            let prev = *order.get(p + k - 1)?;
            if prev.abs_diff(wi) != 1 {
                return None;
            }
        }
    }
    Some(n)
}

/// Whether a normalised match word negates (`not`, `n't`, `never`).
pub(super) fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "n't" | "never")
}
