//! The tagger's feature templates, grouped by what they depend on.
//!
//! Training scores every template through the hash table (`features`). At
//! runtime the groups are scored in different ways, all giving the same sum:
//! - [`static_features`] and the single-neighbour groups depend on one word:
//!   frequent words have their sums precomputed (`Tagger::build_cache`);
//! - [`word_context_features`] depend on the words around the token only, so
//!   they are scored for the whole sentence before decoding starts;
//! - [`tag_features`] depend on the previous predictions and are scored in the
//!   greedy loop;
//! - the templates in [`tpl`] have small argument domains (tags, lexicon tags,
//!   capitalisation classes) and are read from [`DenseTags`] tables instead of
//!   the hash table whenever their arguments are inside the tables' domains.
//!
//! Template numbers are part of the model format: renumbering one invalidates
//! every trained tagger.

use crate::dense::{add_row, DenseTable, Domain};
use crate::hash::{feat1, feat2, feat3};
use crate::perceptron::Weights;
use crate::wordfeat::{WordFeats, CAP_MIXED, PAD_END, PAD_START};
use sitrep_doc::Xpos;

/// Token `i` and its neighbours (padding beyond the sentence).
#[derive(Clone, Copy)]
pub struct Window<'a> {
    pub c: &'a WordFeats,
    pub m1: &'a WordFeats,
    pub m2: &'a WordFeats,
    pub n1: &'a WordFeats,
    pub n2: &'a WordFeats,
    /// 1 for the sentence's first token, else 0.
    pub first: u64,
}

impl<'a> Window<'a> {
    pub fn at(w: &'a [WordFeats], i: usize) -> Window<'a> {
        let back = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| w.get(j))
                .unwrap_or(&PAD_START)
        };
        let ahead = |k: usize| w.get(i + k).unwrap_or(&PAD_END);
        Window {
            c: ahead(0),
            m1: back(1),
            m2: back(2),
            n1: ahead(1),
            n2: ahead(2),
            first: u64::from(i == 0),
        }
    }
}

/// The templates with small argument domains. Each is one function so that
/// the hashed feature and its [`DenseTags`] table come from one definition.
pub mod tpl {
    use super::*;

    pub fn cap_first(cap: u8, first: u64) -> u64 {
        feat2(11, u64::from(cap), first)
    }
    pub fn lex_cap_first(lex: u8, cap: u8, first: u64) -> u64 {
        feat3(14, u64::from(lex), u64::from(cap), first)
    }
    pub fn prev(p1: u64) -> u64 {
        feat1(15, p1)
    }
    pub fn prev2(p2: u64) -> u64 {
        feat1(16, p2)
    }
    pub fn prev_pair(p1: u64, p2: u64) -> u64 {
        feat2(17, p1, p2)
    }
    pub fn left_cap(m1_cap: u8, cap: u8) -> u64 {
        feat2(28, u64::from(m1_cap), u64::from(cap))
    }
    pub fn right_cap(n1_cap: u8, cap: u8) -> u64 {
        feat2(29, u64::from(n1_cap), u64::from(cap))
    }
    pub fn prev_lex(p1: u64, lex: u8) -> u64 {
        feat2(32, p1, u64::from(lex))
    }
    pub fn lex_next_lex(lex: u8, n1_lex: u8) -> u64 {
        feat2(33, u64::from(lex), u64::from(n1_lex))
    }
    pub fn prev_lex_stem(p1: u64, lex: u8, stem_lex: u8) -> u64 {
        feat3(39, p1, u64::from(lex), u64::from(stem_lex))
    }
    pub fn prev_next_verb(p1: u64, next_verb: u8) -> u64 {
        feat2(41, p1, u64::from(next_verb))
    }
}

/// Every feature of token `i` given the two previous predicted classes
/// (`0` = sentence start, else class + 1), all as hashes: the training path
/// and the reference the runtime shortcuts must agree with.
#[cfg(any(test, feature = "train"))]
pub fn features(w: &[WordFeats], i: usize, p1: u64, p2: u64, cue: u64, out: &mut Vec<u64>) {
    out.clear();
    let x = Window::at(w, i);
    static_features(x.c, out);
    left_features(x.m1, out);
    left2_features(x.m2, out);
    right_features(x.n1, out);
    right2_features(x.n2, out);
    word_context_features(&x, out);
    small_word_context_features(&x, out);
    tag_features(&x, p1, p2, cue, out);
    small_tag_features(&x, p1, p2, out);
}

/// The features that depend on the token alone.
pub fn static_features(c: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(0, 0),
        feat1(1, c.lower),
        feat1(2, c.exact),
        feat1(3, c.suf[0]),
        feat1(4, c.suf[1]),
        feat1(5, c.suf[2]),
        feat1(6, c.suf[3]),
        feat1(7, c.pre[0]),
        feat1(8, c.pre[1]),
        feat1(9, c.pre[2]),
        feat1(10, c.shape),
        feat1(12, u64::from(c.flags)),
        feat1(13, u64::from(c.lex)),
        feat2(35, c.shape, u64::from(c.lex)),
        feat2(38, u64::from(c.lex), u64::from(c.stem_lex)),
        feat1(42, u64::from(c.amb)),
        feat2(43, u64::from(c.amb), u64::from(c.lex)),
    ]);
}

/// Features of the previous word alone.
pub fn left_features(m1: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(19, m1.lower),
        feat1(23, m1.suf[2]),
        feat1(25, u64::from(m1.lex)),
        feat1(47, u64::from(m1.amb)),
    ]);
}

/// Features of the word before the previous one alone.
pub fn left2_features(m2: &WordFeats, out: &mut Vec<u64>) {
    out.push(feat1(20, m2.lower));
}

/// Features of the next word alone.
pub fn right_features(n1: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(21, n1.lower),
        feat1(24, n1.suf[2]),
        feat1(26, u64::from(n1.lex)),
        feat1(45, u64::from(n1.amb)),
    ]);
}

/// Features of the word after next alone.
pub fn right2_features(n2: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(22, n2.lower),
        feat1(27, u64::from(n2.lex)),
        feat1(48, u64::from(n2.amb)),
    ]);
}

/// Word-pair features with large domains that do not depend on predictions.
pub fn word_context_features(x: &Window<'_>, out: &mut Vec<u64>) {
    let (c, m1, n1) = (x.c, x.m1, x.n1);
    out.extend_from_slice(&[
        feat2(30, m1.lower, c.lower),
        feat2(31, c.lower, n1.lower),
        feat2(36, n1.shape, c.suf[1]),
        feat2(40, c.lower, u64::from(c.next_verb)),
        feat2(46, u64::from(c.amb), u64::from(n1.amb)),
    ]);
}

/// The [`tpl`] features that do not depend on predictions, hashed.
#[cfg(any(test, feature = "train"))]
pub fn small_word_context_features(x: &Window<'_>, out: &mut Vec<u64>) {
    let (c, m1, n1) = (x.c, x.m1, x.n1);
    out.extend_from_slice(&[
        tpl::cap_first(c.cap, x.first),
        tpl::lex_cap_first(c.lex, c.cap, x.first),
        tpl::left_cap(m1.cap, c.cap),
        tpl::right_cap(n1.cap, c.cap),
        tpl::lex_next_lex(c.lex, n1.lex),
    ]);
}

/// Features of the previous predictions with large domains.
///
/// `cue` is the [`clause_cue`] before this token: a clause rarely has two
/// finite verbs, so whether one was already predicted tells a finite reading
/// ("proposals … lead up") from a nominal one.
pub fn tag_features(x: &Window<'_>, p1: u64, _p2: u64, cue: u64, out: &mut Vec<u64>) {
    let (c, n1) = (x.c, x.n1);
    out.extend_from_slice(&[
        feat2(18, p1, c.lower),
        feat2(34, p1, c.suf[2]),
        feat2(37, p1, n1.lower),
        feat2(44, p1, u64::from(c.amb)),
        feat3(49, cue, p1, u64::from(c.lex)),
    ]);
}

/// The clause cue after a token tagged `xpos`, given the cue `prev` before
/// it: 1 once a finite verb or modal has been predicted in the current
/// clause; 0 at the sentence start and again after a comma, colon or
/// wh-word, which open a new clause.
pub fn clause_cue(prev: u64, xpos: Xpos) -> u64 {
    match xpos {
        x if x.is_finite_verb() => 1,
        Xpos::COMMA | Xpos::COLON | Xpos::WDT | Xpos::WP | Xpos::WRB => 0,
        _ => prev,
    }
}

/// The [`tpl`] features of the previous predictions, hashed.
#[cfg(any(test, feature = "train"))]
pub fn small_tag_features(x: &Window<'_>, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let c = x.c;
    out.extend_from_slice(&[
        tpl::prev(p1),
        tpl::prev2(p2),
        tpl::prev_pair(p1, p2),
        tpl::prev_lex(p1, c.lex),
        tpl::prev_lex_stem(p1, c.lex, c.stem_lex),
        tpl::prev_next_verb(p1, c.next_verb),
    ]);
}

/// Capitalisation classes (`CAP_*`) and the padding words' class.
const CAP: Domain = Domain {
    hi: CAP_MIXED as u64,
    pads: &[PAD_START.cap as u64],
};
/// Next-verb distances (`1..=5`; 0 before [`crate::wordfeat::set_next_verb`]
/// runs) and the padding words' value.
const NEXT_VERB: Domain = Domain {
    hi: 5,
    pads: &[PAD_START.next_verb as u64],
};
/// The padding words' Brill tag (the tags themselves are `0..=n_tags`).
const LEX_PADS: &[u64] = &[PAD_START.lex as u64];
// The domains list one padding value, so both ends of a sentence must use it.
const _: () = assert!(
    PAD_END.cap == PAD_START.cap
        && PAD_END.lex == PAD_START.lex
        && PAD_END.next_verb == PAD_START.next_verb
);

/// Dense tables of the [`tpl`] templates for one model.
///
/// Templates read together are summed into one table, so a token costs six
/// row additions instead of eleven: (capitalisation, first) with (lexicon tag,
/// capitalisation, first); the capitalisation of the previous, current and
/// next word; (lexicon tag, next lexicon tag); the previous class, the one
/// before and their pair; (previous class, lexicon tag) with its stem-less
/// variant; (previous class, next-verb distance).
///
/// Domains: previous classes `0..=n_classes`; capitalisation classes, Brill
/// tags and next-verb distances, each with its padding value. A value outside
/// its domain (impossible with the lexicon the tables were built for, but a
/// table must never be wrong), or a summed row that does not fit `i16`,
/// sends that group through the hash table.
#[derive(Clone, Debug)]
pub struct DenseTags {
    prev: Domain,
    cap: Domain,
    lex: Domain,
    next_verb: Domain,
    /// `(lex, cap, first)`: `lex_cap_first` + `cap_first`.
    lex_cap: DenseTable,
    /// `(m1.cap, cap, n1.cap)`: `left_cap` + `right_cap`.
    caps: DenseTable,
    /// `(lex, n1.lex)`.
    lex_next_lex: DenseTable,
    /// `(p1, p2)`: `prev` + `prev2` + `prev_pair`.
    prevs: DenseTable,
    /// `(p1, lex)`: `prev_lex` + `prev_lex_stem` with no stem tag, the case
    /// of most words.
    prev_lex_no_stem: DenseTable,
    /// `(p1, lex)`: `prev_lex` alone, for words with a stem tag.
    prev_lex: DenseTable,
    /// `(p1, next_verb)`.
    prev_next_verb: DenseTable,
}

impl DenseTags {
    /// Builds the tables for a model with `weights` whose lexicon has
    /// `lexicon_tags` tags (ids `1..=lexicon_tags`, 0 = unknown).
    pub fn build(weights: &Weights, lexicon_tags: usize) -> DenseTags {
        let prev = Domain {
            hi: weights.n_classes() as u64,
            pads: &[],
        };
        let lex = Domain {
            hi: lexicon_tags.min(254) as u64,
            pads: LEX_PADS,
        };
        let prevs: Vec<u64> = prev.values().collect();
        // The byte attributes' values (all below 256 by construction).
        let bytes = |d: Domain| d.values().map(|v| v as u8).collect::<Vec<u8>>();
        let (caps, lexs, nvs) = (bytes(CAP), bytes(lex), bytes(NEXT_VERB));
        let (caps, lexs, nvs) = (&caps[..], &lexs[..], &nvs[..]);
        let table = |groups: Vec<Vec<u64>>| DenseTable::build_groups(weights, groups);
        let mut lex_cap = Vec::new();
        for &l in lexs {
            for &c in caps {
                for f in [0, 1] {
                    lex_cap.push(vec![tpl::lex_cap_first(l, c, f), tpl::cap_first(c, f)]);
                }
            }
        }
        let mut cap3 = Vec::new();
        for &m in caps {
            for &c in caps {
                for &n in caps {
                    cap3.push(vec![tpl::left_cap(m, c), tpl::right_cap(n, c)]);
                }
            }
        }
        DenseTags {
            prev,
            cap: CAP,
            lex,
            next_verb: NEXT_VERB,
            lex_cap: table(lex_cap),
            caps: table(cap3),
            lex_next_lex: table(cross(lexs, lexs, |a, b| vec![tpl::lex_next_lex(a, b)])),
            prevs: table(cross(&prevs, &prevs, |a, b| {
                vec![tpl::prev(a), tpl::prev2(b), tpl::prev_pair(a, b)]
            })),
            prev_lex_no_stem: table(cross(&prevs, lexs, |p, l| {
                vec![tpl::prev_lex(p, l), tpl::prev_lex_stem(p, l, 0)]
            })),
            prev_lex: table(cross(&prevs, lexs, |p, l| vec![tpl::prev_lex(p, l)])),
            prev_next_verb: table(cross(&prevs, nvs, |p, v| vec![tpl::prev_next_verb(p, v)])),
        }
    }

    fn cap(&self, v: u8) -> Option<usize> {
        self.cap.index(u64::from(v))
    }
    fn lex(&self, v: u8) -> Option<usize> {
        self.lex.index(u64::from(v))
    }
    fn next_verb(&self, v: u8) -> Option<usize> {
        self.next_verb.index(u64::from(v))
    }

    /// Adds the prediction-independent [`tpl`] features of `x` to `scores`,
    /// pushing the hashes of any group without a row onto `out`.
    #[inline(always)]
    pub fn add_word_context(&self, x: &Window<'_>, scores: &mut [i32], out: &mut Vec<u64>) {
        let (c, m1, n1) = (x.c, x.m1, x.n1);
        let first = x.first as usize;
        let (nc, nl) = (self.cap.len(), self.lex.len());
        let (ci, li) = (self.cap(c.cap), self.lex(c.lex));
        add_or_push(
            &self.lex_cap,
            li.zip(ci).map(|(li, ci)| (li * nc + ci) * 2 + first),
            scores,
            out,
            || {
                [
                    tpl::lex_cap_first(c.lex, c.cap, x.first),
                    tpl::cap_first(c.cap, x.first),
                ]
            },
        );
        let (mi, ni) = (self.cap(m1.cap), self.cap(n1.cap));
        add_or_push(
            &self.caps,
            mi.zip(ci).zip(ni).map(|((m, c), n)| (m * nc + c) * nc + n),
            scores,
            out,
            || [tpl::left_cap(m1.cap, c.cap), tpl::right_cap(n1.cap, c.cap)],
        );
        add_or_push(
            &self.lex_next_lex,
            li.zip(self.lex(n1.lex)).map(|(a, b)| a * nl + b),
            scores,
            out,
            || [tpl::lex_next_lex(c.lex, n1.lex)],
        );
    }

    /// Adds the [`tpl`] features of the previous predictions `p1`, `p2`.
    #[inline(always)]
    pub fn add_tag_context(
        &self,
        x: &Window<'_>,
        p1: u64,
        p2: u64,
        scores: &mut [i32],
        out: &mut Vec<u64>,
    ) {
        let c = x.c;
        let (np, nl, nv) = (self.prev.len(), self.lex.len(), self.next_verb.len());
        let (a, b) = (self.prev.index(p1), self.prev.index(p2));
        add_or_push(
            &self.prevs,
            a.zip(b).map(|(a, b)| a * np + b),
            scores,
            out,
            || [tpl::prev(p1), tpl::prev2(p2), tpl::prev_pair(p1, p2)],
        );
        let prev_lex = a.zip(self.lex(c.lex)).map(|(a, l)| a * nl + l);
        if c.stem_lex == 0 {
            add_or_push(&self.prev_lex_no_stem, prev_lex, scores, out, || {
                [tpl::prev_lex(p1, c.lex), tpl::prev_lex_stem(p1, c.lex, 0)]
            });
        } else {
            add_or_push(&self.prev_lex, prev_lex, scores, out, || {
                [tpl::prev_lex(p1, c.lex)]
            });
            out.push(tpl::prev_lex_stem(p1, c.lex, c.stem_lex));
        }
        add_or_push(
            &self.prev_next_verb,
            a.zip(self.next_verb(c.next_verb)).map(|(a, v)| a * nv + v),
            scores,
            out,
            || [tpl::prev_next_verb(p1, c.next_verb)],
        );
    }
}

/// `f(a, b)` for every pair, in row-major index order `ia * b.len() + ib`.
fn cross<A: Copy, B: Copy, T>(a: &[A], b: &[B], f: impl Fn(A, B) -> T) -> Vec<T> {
    a.iter()
        .flat_map(|&x| b.iter().map(move |&y| (x, y)))
        .map(|(x, y)| f(x, y))
        .collect()
}

/// Adds row `k` of `table`, or pushes the group's hashed features when there
/// is no row.
#[inline(always)]
fn add_or_push<const N: usize>(
    table: &DenseTable,
    k: Option<usize>,
    scores: &mut [i32],
    out: &mut Vec<u64>,
    hashed: impl FnOnce() -> [u64; N],
) {
    match k.and_then(|k| table.row(k)) {
        Some(row) => add_row(scores, row),
        None => out.extend_from_slice(&hashed()),
    }
}

#[cfg(test)]
mod tests {
    use super::clause_cue;
    use sitrep_doc::Xpos;

    #[test]
    fn clause_cue_is_set_by_finite_verbs_and_reset_by_clause_openers() {
        let run = |tags: &[&str]| {
            tags.iter()
                .fold(0, |cue, t| clause_cue(cue, Xpos::from_name(t).unwrap()))
        };
        assert_eq!(run(&["NNS", "TO", "VB", "NNS"]), 0);
        assert_eq!(run(&["NNS", "VBP", "NN"]), 1);
        assert_eq!(run(&["PRP", "MD", "VB"]), 1);
        assert_eq!(run(&["NNS", "VBD", ",", "NNS"]), 0);
        assert_eq!(run(&["NN", "VBZ", "WDT", "NNS"]), 0);
    }
}
