//! Feature extraction: the attributes of a configuration and the templates
//! over them, hashed with [`crate::hash`].
//!
//! The templates are grouped by when their arguments can change, because
//! [`Parser::parse_with`](super::Parser::parse_with) scores each group at a
//! different rate: [`front_features`] (the buffer front and its neighbours)
//! once per sentence, [`top_features`] (the stack top, what lies below it and
//! its left dependents) once per word, [`config_features`] once per
//! transition. Training and the reference scoring take all three as hashes
//! (`State::features`); the order of the features is part of the trained
//! models (training sums `f32` weights in that order), so it must not change.

use super::state::{State, Word, NONE};
use crate::hash::{feat1, feat2, feat3, mix};

/// Attributes of "no such word" (an empty stack, a missing child).
pub(super) const NO_WORD: Word = Word {
    w: 0x7004,
    p: 0x7005,
    u: 0x7006,
};

/// The word at position `p`: [`NO_WORD`] for `NONE` or past the sentence end.
#[inline]
pub(super) fn word_at(words: &[Word], p: u32) -> Word {
    if p == NONE {
        NO_WORD
    } else {
        words.get(p as usize).copied().unwrap_or(NO_WORD)
    }
}

/// Form and tag of a word, as one attribute.
#[inline]
fn wp(x: Word) -> u64 {
    mix(x.w, x.p)
}

/// What the feature templates read about a configuration.
impl State {
    /// Feature hashes of this configuration, every template hashed: what
    /// training sees, and what [`Parser::parse`](super::Parser::parse)
    /// scores by other means.
    #[cfg(any(test, feature = "train"))]
    pub(super) fn features(&self, words: &[Word], out: &mut Vec<u64>) {
        out.clear();
        front_features(words, self.b, out);
        top_features(&self.top_context(words), out);
        config_features(&self.context(words), out);
    }

    /// `v[p]`, or `NONE` for no position.
    #[inline]
    fn at(v: &[u32], p: u32) -> u32 {
        if p == NONE {
            NONE
        } else {
            v[p as usize]
        }
    }

    /// The label attribute of position `p`.
    #[inline]
    fn lab(&self, p: u32) -> u64 {
        if p == NONE {
            NO_LABEL
        } else {
            u64::from(self.labels[p as usize])
        }
    }

    /// What [`top_features`] reads about this configuration.
    pub(super) fn top_context(&self, words: &[Word]) -> TopContext {
        let get = |p: u32| word_at(words, p);
        let s0p = self.s0().unwrap_or(NONE);
        let s0hp = State::at(&self.heads, s0p);
        let s0h2p = State::at(&self.heads, s0hp);
        let (s0lp, s0l2p) = (State::at(&self.lc1, s0p), State::at(&self.lc2, s0p));
        let (s0vl, s0sl) = if s0p == NONE {
            (NO_VALENCY, NO_VALENCY)
        } else {
            let p = s0p as usize;
            (u64::from(self.nl[p]), self.lset[p])
        };
        TopContext {
            s0: get(s0p),
            s1: get(self.s1()),
            s0h: get(s0hp),
            s0h2: get(s0h2p),
            s0l: get(s0lp),
            s0l2: get(s0l2p),
            s0vl,
            s0sl,
            s0lab: self.lab(s0p),
            s0hl: self.lab(s0hp),
            s0ll: self.lab(s0lp),
            s0l2l: self.lab(s0l2p),
        }
    }

    /// What [`config_features`] reads about this configuration.
    pub(super) fn context(&self, words: &[Word]) -> Context {
        let get = |p: u32| word_at(words, p);
        let at = State::at;
        let val = |v: &Vec<u8>, p: u32| -> u64 {
            if p == NONE {
                NO_VALENCY
            } else {
                u64::from(v[p as usize])
            }
        };
        let set = |v: &Vec<u64>, p: u32| -> u64 {
            if p == NONE {
                NO_VALENCY
            } else {
                v[p as usize]
            }
        };
        let s0p = self.s0().unwrap_or(NONE);
        let s1p = self.s1();
        let n0p = if self.b < self.n { self.b as u32 } else { NONE };
        let n1p = if self.b + 1 < self.n {
            self.b as u32 + 1
        } else {
            NONE
        };
        let s0hp = at(&self.heads, s0p);
        let s0lp = at(&self.lc1, s0p);
        let (s0rp, s0r2p) = (at(&self.rc1, s0p), at(&self.rc2, s0p));
        let (n0lp, n0l2p) = (at(&self.lc1, n0p), at(&self.lc2, n0p));
        let s1rp = at(&self.rc1, s1p);
        let s0p1p = if s0p != NONE && (s0p as usize) + 1 < self.n {
            s0p + 1
        } else {
            NONE
        };
        let dist = if s0p != NONE && n0p != NONE {
            match n0p - s0p {
                d @ 0..=4 => u64::from(d),
                5..=7 => 5,
                _ => 6,
            }
        } else {
            7
        };
        Context {
            s0: get(s0p),
            s1: get(s1p),
            n0: get(n0p),
            n1: get(n1p),
            s0h: get(s0hp),
            s0l: get(s0lp),
            s0r: get(s0rp),
            s0r2: get(s0r2p),
            n0l: get(n0lp),
            n0l2: get(n0l2p),
            s1r: get(s1rp),
            s0p1: get(s0p1p),
            dist,
            s0vr: val(&self.nr, s0p),
            n0vl: val(&self.nl, n0p),
            s0sr: set(&self.rset, s0p),
            n0sl: set(&self.lset, n0p),
            s0rl: self.lab(s0rp),
            s0r2l: self.lab(s0r2p),
            n0ll: self.lab(n0lp),
            n0l2l: self.lab(n0l2p),
            s0lab: self.lab(s0p),
            headed: u64::from(s0p != NONE && self.heads[s0p as usize] != NONE),
        }
    }
}

/// The templates that read only the buffer front `b` and the words after and
/// before it, plus the bias. Every configuration with buffer front `b` has the
/// same ones, so [`Parser::parse`](super::Parser::parse) scores them once
/// per word, not once per transition.
pub(super) fn front_features(words: &[Word], b: usize, out: &mut Vec<u64>) {
    let at = |q: usize| words.get(q).copied().unwrap_or(NO_WORD);
    let (n0, n1, n2) = (at(b), at(b + 1), at(b + 2));
    let n0m1 = if b > 1 && b < words.len() {
        at(b - 1)
    } else {
        NO_WORD
    };
    out.extend_from_slice(&[
        feat1(0, 0),
        feat1(4, n0.w),
        feat1(5, n0.p),
        feat1(6, wp(n0)),
        feat1(7, n1.w),
        feat1(8, n1.p),
        feat1(9, wp(n1)),
        feat1(10, n2.w),
        feat1(11, n2.p),
        feat2(21, n0.p, n1.p),
        feat3(22, n0.p, n1.p, n2.p),
        feat2(80, n0m1.p, n0.p),
    ]);
}

/// What [`top_features`] reads: the stack top `s0`, the word `s1` below it,
/// the head and grandhead of `s0`, its two leftmost dependents, and their
/// labels.
///
/// None of these changes while `s0` stays on the stack: the stack below it
/// is untouched until it is popped; its left dependents were all attached
/// while it was the buffer front, before it was pushed; its head (if any) came
/// with the push (right arc), or comes with the pop (left arc); and its head,
/// below it on the stack, can only get a head of its own once `s0` is gone. A
/// word leaves the stack for good, so for each position these features are
/// the same every time it is the stack top, and
/// [`Parser::parse`](super::Parser::parse) scores them once per word.
pub(super) struct TopContext {
    s0: Word,
    s1: Word,
    s0h: Word,
    s0h2: Word,
    s0l: Word,
    s0l2: Word,
    s0vl: u64,
    s0sl: u64,
    s0lab: u64,
    s0hl: u64,
    s0ll: u64,
    s0l2l: u64,
}

/// The templates that read only [`TopContext`].
pub(super) fn top_features(c: &TopContext, out: &mut Vec<u64>) {
    let (s0, s0h, s0h2, s0l, s0l2) = (c.s0, c.s0h, c.s0h2, c.s0l, c.s0l2);
    out.extend_from_slice(&[
        feat1(1, s0.w),
        feat1(2, s0.p),
        feat1(3, wp(s0)),
        feat2(37, s0.w, c.s0vl),
        feat2(38, s0.p, c.s0vl),
        feat1(41, s0h.w),
        feat1(42, s0h.p),
        feat1(43, c.s0lab),
        feat1(44, s0l.w),
        feat1(45, s0l.p),
        feat1(46, c.s0ll),
        feat1(53, s0h2.w),
        feat1(54, s0h2.p),
        feat1(55, c.s0hl),
        feat1(56, s0l2.w),
        feat1(57, s0l2.p),
        feat1(58, c.s0l2l),
        feat3(65, s0.p, c.s0ll, c.s0l2l),
        feat3(67, s0.p, s0h.p, s0h2.p),
        feat2(71, s0.w, c.s0sl),
        feat2(72, s0.p, c.s0sl),
        feat1(12, c.s1.w),
        feat1(13, c.s1.p),
        feat2(76, c.s1.w, s0.w),
        feat2(79, c.s1.p, s0.p),
    ]);
}

/// Label attribute of "no such word".
pub(super) const NO_LABEL: u64 = 0x7100;
/// Valency and label-set attribute of "no such word".
pub(super) const NO_VALENCY: u64 = 99;

/// The attributes [`config_features`] reads: words around the stack top and
/// the buffer front, and facts about the partial tree (`NO_WORD`, `NO_LABEL`,
/// `NO_VALENCY` where a position does not exist).
pub(super) struct Context {
    s0: Word,
    s1: Word,
    n0: Word,
    n1: Word,
    s0h: Word,
    s0l: Word,
    s0r: Word,
    s0r2: Word,
    n0l: Word,
    n0l2: Word,
    s1r: Word,
    s0p1: Word,
    /// Distance from `s0` to `n0`, bucketed into `0..=7`.
    dist: u64,
    /// Valencies (dependent counts) and dependent-label bit sets.
    s0vr: u64,
    n0vl: u64,
    s0sr: u64,
    n0sl: u64,
    /// Labels (index + 1, 0 = no arc yet) of dependents and of `s0`.
    s0rl: u64,
    s0r2l: u64,
    n0ll: u64,
    n0l2l: u64,
    s0lab: u64,
    /// 1 if `s0` has a head.
    headed: u64,
}

/// Receives the features of [`config_features`]. Templates over small
/// attributes only (tags, labels, distance, valency) arrive through
/// [`Sink::one`] and [`Sink::two`] so that a parser can score them from
/// [`DenseTemplates`](super::dense::DenseTemplates); their hashes are
/// `feat1(t, a)` and `feat2(t, a, b)`.
pub(super) trait Sink {
    /// Features that are always looked up by their hashes, in this order.
    fn hashed(&mut self, fs: &[u64]);
    /// Template `t` over one small attribute value.
    fn one(&mut self, t: u32, a: u64);
    /// Template `t` over two small attribute values.
    fn two(&mut self, t: u32, a: u64, b: u64);

    /// Templates `t`, `t + 1` and `t + 2` over a child of `s0` or `n0`: its
    /// word (hashed), its tag and its label (both small).
    #[inline]
    fn child(&mut self, t: u32, child: Word, label: u64) {
        self.hashed(&[feat1(t, child.w)]);
        self.one(t + 1, child.p);
        self.one(t + 2, label);
    }
}

/// Collects every feature as a hash (training, and the reference scoring).
impl Sink for Vec<u64> {
    #[inline]
    fn hashed(&mut self, fs: &[u64]) {
        self.extend_from_slice(fs);
    }
    #[inline]
    fn one(&mut self, t: u32, a: u64) {
        self.push(feat1(t, a));
    }
    #[inline]
    fn two(&mut self, t: u32, a: u64, b: u64) {
        self.push(feat2(t, a, b));
    }
}

/// The templates that read both the stack and the buffer, or parts of the
/// tree that change while a word is on the stack.
pub(super) fn config_features(c: &Context, out: &mut impl Sink) {
    let (s0, s1, n0, n1) = (c.s0, c.s1, c.n0, c.n1);
    let (s0h, s0l, s0r, s0r2) = (c.s0h, c.s0l, c.s0r, c.s0r2);
    let (n0l, n0l2, s1r, s0p1, dist) = (c.n0l, c.n0l2, c.s1r, c.s0p1, c.dist);
    out.hashed(&[
        feat2(14, wp(s0), wp(n0)),
        feat2(15, wp(s0), n0.w),
        feat2(16, s0.w, wp(n0)),
        feat2(17, wp(s0), n0.p),
        feat2(18, s0.p, wp(n0)),
        feat2(19, s0.w, n0.w),
        feat2(20, s0.p, n0.p),
        feat3(23, s0.p, n0.p, n1.p),
        feat3(24, s0h.p, s0.p, n0.p),
        feat3(25, s0.p, s0l.p, n0.p),
        feat3(26, s0.p, s0r.p, n0.p),
        feat3(27, s0.p, n0.p, n0l.p),
        feat3(28, s1.p, s0.p, n0.p),
        feat2(29, s0.w, dist),
    ]);
    out.two(30, s0.p, dist);
    out.hashed(&[feat2(31, n0.w, dist)]);
    out.two(32, n0.p, dist);
    out.hashed(&[
        feat3(33, s0.w, n0.w, dist),
        feat3(34, s0.p, n0.p, dist),
        feat2(35, s0.w, c.s0vr),
    ]);
    out.two(36, s0.p, c.s0vr);
    out.hashed(&[feat2(39, n0.w, c.n0vl)]);
    out.two(40, n0.p, c.n0vl);
    out.child(47, s0r, c.s0rl);
    out.child(50, n0l, c.n0ll);
    out.child(59, s0r2, c.s0r2l);
    out.child(62, n0l2, c.n0l2l);
    out.hashed(&[
        feat3(66, s0.p, c.s0rl, c.s0r2l),
        feat3(68, n0.p, c.n0ll, c.n0l2l),
        feat2(69, s0.w, c.s0sr),
        feat2(70, s0.p, c.s0sr),
        feat2(73, n0.w, c.n0sl),
        feat2(74, n0.p, c.n0sl),
        feat3(75, c.headed, s0.p, n0.p),
    ]);
    out.two(77, s0.u, n0.u);
    out.hashed(&[
        feat3(78, s0.u, n0.u, n1.u),
        feat3(81, s0.p, s0p1.p, n0.p),
        feat3(82, s1r.p, s0.p, n0.p),
        feat3(83, s0.w, n0.p, n1.p),
        feat3(84, s0.p, n0.w, n1.p),
        feat2(85, c.s0lab, n0.p),
        // Control/raising: "force [the opposition] to withdraw" — the head of
        // s0 and the buffer verb decide between REDUCE (xcomp) and acl.
        feat2(86, s0h.w, n0.p),
        feat3(87, s0h.w, s0.p, n0.p),
        feat3(88, s0.w, n0.p, n0l.p),
        feat3(89, n0.w, n0l.w, s0.p),
        // Punctuation attachment (a quarter of all head errors): what the
        // comma separates decides whether it attaches left or right.
        feat3(92, n0.w, s0.p, n1.p),
        feat3(93, n0.w, c.s0lab, n1.p),
        feat3(94, s0.w, n0.p, s1.p),
        feat3(95, s0.w, n0.p, n0l.p),
    ]);
}
