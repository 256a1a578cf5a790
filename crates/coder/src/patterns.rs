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

use std::collections::HashMap;

use sitrep_dict::{Elem, Pattern, PatternElem, Synset, VerbDict, Words};

/// A synset's members by first and by last word, so matching at a position
/// looks at the few members that can start there instead of all of them.
#[derive(Clone, Debug, Default)]
pub(crate) struct SynsetEnds {
    first: HashMap<Box<str>, Vec<u32>>,
    last: HashMap<Box<str>, Vec<u32>>,
}

impl SynsetEnds {
    pub fn new(set: &Synset) -> SynsetEnds {
        let mut ends = SynsetEnds::default();
        for (i, m) in set.members.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if let (Some(f), Some(l)) = (m.first(), m.last()) {
                ends.first.entry(f.clone()).or_default().push(i);
                ends.last.entry(l.clone()).or_default().push(i);
            }
        }
        ends
    }
}

/// One match word of the sentence.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub word: String,
    /// The lemma for verbs and auxiliaries, empty otherwise (see `extract`).
    pub lemma: String,
    /// Sentence-local token.
    pub tok: usize,
    /// Part of a noun phrase (determiner, adjective, noun, name, number):
    /// what a `^` skips.
    pub nominal: bool,
}

/// What a pattern matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hit {
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

/// The words, windows and mentions a verb is matched against.
pub(crate) struct Ctx<'a> {
    pub words: &'a [Word],
    /// Per local token: the coded mention there, if any.
    pub mention_at: &'a [Option<usize>],
    pub synsets: &'a HashMap<Box<str>, usize>,
    pub synset_ends: &'a [SynsetEnds],
    pub dict: &'a VerbDict,
}

#[derive(Clone, Copy)]
struct St {
    compound: bool,
    negation: bool,
    score: u32,
    source: Option<usize>,
    target: Option<usize>,
}

/// A flattened element in matching order: `tight` means adjacent to the
/// previously matched item in that order.
#[derive(Clone, Copy)]
struct E<'p> {
    elem: &'p Elem,
    tight: bool,
}

/// Matches `pattern` with the verb at word index `verb` and windows
/// `before` (word indexes, nearest first) and `after` (nearest first).
pub(crate) fn match_pattern(
    ctx: &Ctx<'_>,
    pattern: &Pattern,
    before: &[usize],
    after: &[usize],
) -> Option<Hit> {
    let vpos = pattern.elems.iter().position(|e| e.elem == Elem::Verb);
    let (pre, post): (&[PatternElem], &[PatternElem]) = match vpos {
        Some(v) => (&pattern.elems[..v], &pattern.elems[v + 1..]),
        None => (&[], &pattern.elems[..]),
    };
    // Cheap rejection before any allocation (most of a verb's patterns fail
    // here): each plain word must occur somewhere in its side's window.
    let occurs = |x: &str, window: &[usize]| {
        window.iter().any(|&i| {
            ctx.words
                .get(i)
                .is_some_and(|w| w.word == x || (!w.lemma.is_empty() && w.lemma == x))
        })
    };
    for (elems, window) in [(pre, before), (post, after)] {
        for e in elems {
            if let Elem::Word(x) = &e.elem {
                if !occurs(x, window) {
                    return None;
                }
            }
        }
    }
    // After the verb: element k's own tight flag links it to k-1 (or the verb).
    let post_e: Vec<E<'_>> = post
        .iter()
        .map(|e| E {
            elem: &e.elem,
            tight: e.tight,
        })
        .collect();
    // Before the verb, reversed: element k links to k+1 by k+1's flag (the
    // verb's own flag for the last one).
    let verb_tight = vpos
        .and_then(|v| pattern.elems.get(v))
        .is_some_and(|e| e.tight);
    let mut pre_e: Vec<E<'_>> = Vec::with_capacity(pre.len());
    for k in (0..pre.len()).rev() {
        let tight = if k + 1 < pre.len() {
            pre[k + 1].tight
        } else {
            verb_tight
        };
        pre_e.push(E {
            elem: &pre[k].elem,
            tight,
        });
    }
    let mut st = St {
        compound: false,
        negation: false,
        score: 0,
        source: None,
        target: None,
    };
    let mut budget = 2000u32;
    let after_ok = seq(ctx, &post_e, after, 0, true, false, &mut st, &mut budget);
    if !after_ok {
        return None;
    }
    let target_after = st.target.is_some();
    let compound_after = st.compound;
    let before_ok = seq(ctx, &pre_e, before, 0, true, true, &mut st, &mut budget);
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

/// Matches `elems` from position `pos` of `order`; `first` is true while
/// nothing has been matched in this direction (so a tight element must sit at
/// `pos` itself, next to the verb). Backtracks over skip positions.
#[allow(clippy::too_many_arguments)]
fn seq(
    ctx: &Ctx<'_>,
    elems: &[E<'_>],
    order: &[usize],
    pos: usize,
    _first: bool,
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
    match e.elem {
        Elem::Verb | Elem::Open(_) | Elem::Close(_) => {
            return seq(ctx, rest, order, pos, false, reverse, st, budget)
        }
        Elem::Alternatives(alts) => {
            for alt in alts {
                let mut flat: Vec<E<'_>> = alt
                    .iter()
                    .map(|pe| E {
                        elem: &pe.elem,
                        tight: pe.tight,
                    })
                    .collect();
                if let Some(f) = flat.first_mut() {
                    f.tight = e.tight;
                }
                if reverse {
                    flat.reverse();
                }
                flat.extend(rest.iter().copied());
                let saved = *st;
                if seq(ctx, &flat, order, pos, false, reverse, st, budget) {
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
        if let Some(next) = here(ctx, e.elem, order, p, reverse, st) {
            if seq(ctx, rest, order, next, false, reverse, st, budget) {
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

/// Tries element `elem` at `order[p]`; returns the next position on success.
fn here(
    ctx: &Ctx<'_>,
    elem: &Elem,
    order: &[usize],
    p: usize,
    reverse: bool,
    st: &mut St,
) -> Option<usize> {
    let w = ctx.words.get(*order.get(p)?)?;
    match elem {
        Elem::Word(x) => {
            if w.word == **x || (!w.lemma.is_empty() && w.lemma == **x) {
                st.score += 2;
                st.negation |= is_negation(&w.word);
                Some(p + 1)
            } else {
                None
            }
        }
        Elem::Synset(name) => {
            let i = *ctx.synsets.get(&**name)?;
            let set = ctx.dict.synsets.get(i)?;
            let ends = ctx.synset_ends.get(i)?;
            // Matching runs outward from the verb: a member's last word
            // comes first before the verb.
            let by = if reverse { &ends.last } else { &ends.first };
            let mut n = None;
            for key in [&w.word, &w.lemma] {
                for &mi in by.get(key.as_str()).into_iter().flatten() {
                    let len = set
                        .members
                        .get(mi as usize)
                        .and_then(|m| phrase_at(ctx, m, order, p, reverse));
                    n = n.max(len);
                }
            }
            let n = n?;
            st.score += 2;
            st.negation |= (p..p + n).any(|q| {
                order
                    .get(q)
                    .and_then(|&wi| ctx.words.get(wi))
                    .is_some_and(|w| is_negation(&w.word))
            });
            Some(p + n)
        }
        Elem::Skip => {
            // `^` skips one noun phrase, coded or not (`* THEIR ^ ABOUT +`
            // passes over `their populations`): the run of noun-phrase words
            // (or one mention's words) starting here.
            // A mention ends the phrase (`at the Gondor of ...`: `^` is
            // `the Gondor`).
            let mut m = ctx.mention_at.get(w.tok).copied().flatten();
            if m.is_none() && !w.nominal {
                return None;
            }
            let mut q = p + 1;
            while let Some(w2) = order.get(q).and_then(|&wi| ctx.words.get(wi)) {
                if order[q - 1].abs_diff(order[q]) != 1 {
                    break;
                }
                let m2 = ctx.mention_at.get(w2.tok).copied().flatten();
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
        Elem::Source | Elem::Target | Elem::Compound => {
            let m = ctx.mention_at.get(w.tok).copied().flatten()?;
            // Consume every word of the mention in this direction.
            let mut q = p;
            while let Some(&wi) = order.get(q) {
                let Some(w2) = ctx.words.get(wi) else { break };
                if ctx.mention_at.get(w2.tok).copied().flatten() != Some(m) {
                    break;
                }
                q += 1;
            }
            match elem {
                Elem::Source => st.source = Some(m),
                Elem::Target => st.target = Some(m),
                Elem::Compound => {
                    st.source = Some(m);
                    st.compound = true;
                }
                _ => {}
            }
            st.score += 1;
            Some(q)
        }
        _ => None,
    }
}

/// Length in words of `phrase` matched at `order[p..]` (consecutive), if it matches.
fn phrase_at(
    ctx: &Ctx<'_>,
    phrase: &Words,
    order: &[usize],
    p: usize,
    reverse: bool,
) -> Option<usize> {
    let n = phrase.len();
    for k in 0..n {
        let wi = *order.get(p + k)?;
        let w = ctx.words.get(wi)?;
        let want = if reverse {
            &phrase[n - 1 - k]
        } else {
            &phrase[k]
        };
        if w.word != **want && (w.lemma.is_empty() || w.lemma != **want) {
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

fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "n't" | "never")
}
