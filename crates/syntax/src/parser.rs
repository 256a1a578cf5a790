//! Transition-based dependency parser: arc-eager with a root token at the front,
//! greedy decoding, averaged perceptron over joint move+label classes, trained
//! with the dynamic oracle of Goldberg & Nivre (2012).
//!
//! Positions: 0 is the artificial root, word `i` of the sentence is position
//! `i + 1`. Every transition consumes a buffer word or pops the stack, so a
//! sentence of `n` words takes at most `2n` transitions, each with a constant
//! number of features: parsing is O(n).

pub use crate::deparc::DepArc;

use crate::binio::{Reader, Writer};
use crate::corpus::{Rng, Sent};
use crate::dense::{add_row, DenseTable, Domain};
use crate::error::{Error, Result};
use crate::hash::{feat1, feat2, feat3, mix, str_hash};
use crate::perceptron::{argmax_where, Route, Scores, Trainer, Weights};
use crate::tagger::Tag;
use sitrep_doc::{Deprel, Upos, Xpos};
use std::path::Path;

const KIND: u8 = b'P';
const NONE: u32 = u32::MAX;

const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// A trained parser. Immutable and `Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<Deprel>,
    root_label: usize,
    /// Label indices + 1 of `nsubj` and `nsubj:pass` (0 = not in the model),
    /// for the to-infinitive rule ([`State::subjectless_infinitive`]).
    subject_labels: [u8; 2],
    weights: Weights,
    /// Copies of the small-domain templates' rows of `weights`, derived from
    /// them when the parser is built (never stored).
    dense: DenseTemplates,
}

/// Training settings. Training is deterministic given these and the input tags.
#[derive(Clone, Debug)]
pub struct ParserConfig {
    pub iterations: usize,
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own (possibly wrong)
    /// transition with probability `explore`, so it learns to recover from errors.
    pub explore_from: usize,
    pub explore: f64,
    pub prune: f32,
}

impl Default for ParserConfig {
    fn default() -> ParserConfig {
        ParserConfig {
            iterations: 15,
            seed: 1,
            explore_from: 1,
            explore: 0.9,
            prune: 1.0,
        }
    }
}

#[inline]
fn left(l: usize) -> usize {
    2 + 2 * l
}
#[inline]
fn right(l: usize) -> usize {
    3 + 2 * l
}

/// Per-word attributes used by the features: lowercased form hash, XPOS, UPOS.
#[derive(Clone, Copy, Debug, Default)]
struct Word {
    w: u64,
    p: u64,
    u: u64,
}

const ROOT_WORD: Word = Word {
    w: 0x7001,
    p: 0x7002,
    u: 0x7003,
};
const NO_WORD: Word = Word {
    w: 0x7004,
    p: 0x7005,
    u: 0x7006,
};

fn words(forms: &[impl AsRef<str>], tags: &[Tag], scratch: &mut String) -> Vec<Word> {
    let mut out = Vec::with_capacity(forms.len() + 1);
    words_into(forms, tags, scratch, &mut out);
    out
}

/// Writes the root followed by one [`Word`] per form to `out` (cleared first).
fn words_into(forms: &[impl AsRef<str>], tags: &[Tag], scratch: &mut String, out: &mut Vec<Word>) {
    out.clear();
    out.push(ROOT_WORD);
    for (i, f) in forms.iter().enumerate() {
        scratch.clear();
        for c in f.as_ref().chars() {
            if c.is_ascii_digit() {
                scratch.push('0');
            } else {
                scratch.extend(c.to_lowercase());
            }
        }
        let t = tags.get(i).copied().unwrap_or_default();
        out.push(Word {
            w: str_hash(scratch),
            p: t.xpos.index() as u64 + 1,
            u: t.upos.index() as u64 + 1,
        });
    }
}

/// The legal classes of a configuration (see [`State::legal`]).
#[derive(Clone, Copy, Debug, Default)]
struct Moves {
    shift: bool,
    reduce: bool,
    /// Left arcs with any label but `root_label`.
    left: bool,
    /// Right arcs with any label but `root_label`.
    right: bool,
    /// The right arc labelled `root_label`.
    right_root: bool,
    root_label: usize,
    /// Label indices + 1 left arcs may not take (0 = none).
    no_left: [u8; 2],
}

impl Moves {
    #[inline]
    fn allows(&self, c: usize) -> bool {
        match c {
            SHIFT => self.shift,
            REDUCE => self.reduce,
            _ => {
                let l = (c - 2) / 2;
                if c & 1 == 0 {
                    self.left && l != self.root_label && !self.no_left.contains(&((l + 1) as u8))
                } else if l == self.root_label {
                    self.right_root
                } else {
                    self.right
                }
            }
        }
    }
}

/// A parser configuration.
#[derive(Debug, Default)]
struct State {
    /// Number of positions including the root.
    n: usize,
    stack: Vec<u32>,
    in_stack: Vec<bool>,
    /// Buffer front position; the buffer is `b..n`.
    b: usize,
    heads: Vec<u32>,
    /// Label index + 1 (0 = no arc yet).
    labels: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Positions that may not take dependents (punctuation, as in UD).
    leaf: Vec<bool>,
    /// Per position: the word is infinitival "to" / is "for" / a finite verb
    /// follows it before the next punctuation (see
    /// [`State::subjectless_infinitive`]).
    to_word: Vec<bool>,
    for_word: Vec<bool>,
    finite_ahead: Vec<bool>,
    /// Label indices + 1 the to-infinitive rule forbids (all 0 = rule off,
    /// as in training).
    no_subject: [u8; 2],
}

impl State {
    fn new(n_words: usize) -> State {
        let mut st = State::default();
        st.reset(n_words);
        st
    }

    /// Turns this into the initial configuration for `n_words` words, reusing
    /// the buffers.
    fn reset(&mut self, n_words: usize) {
        let n = n_words + 1;
        self.n = n;
        self.b = 1;
        self.stack.clear();
        self.stack.push(0);
        let fill = |v: &mut Vec<u32>| {
            v.clear();
            v.resize(n, NONE);
        };
        fill(&mut self.heads);
        fill(&mut self.lc1);
        fill(&mut self.lc2);
        fill(&mut self.rc1);
        fill(&mut self.rc2);
        for v in [&mut self.labels, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [
            &mut self.in_stack,
            &mut self.leaf,
            &mut self.to_word,
            &mut self.for_word,
            &mut self.finite_ahead,
        ] {
            v.clear();
            v.resize(n, false);
        }
        self.no_subject = [0; 2];
        self.in_stack[0] = true;
    }

    /// Marks punctuation as unable to take dependents: UD never gives
    /// punctuation dependents, and letting the parser do so only adds errors.
    fn mark_leaves(&mut self, words: &[Word]) {
        let punct = Upos::PUNCT.index() as u64 + 1;
        for (l, w) in self.leaf.iter_mut().zip(words).skip(1) {
            *l = w.u == punct;
        }
    }

    /// Turns on the to-infinitive rule for a sentence (decoding only: models
    /// are trained without it) with the parser's subject labels.
    fn forbid_infinitive_subjects(&mut self, words: &[Word], subject_labels: [u8; 2]) {
        // `Word::p` is the XPOS index + 1 (padding words have none).
        let xpos = |w: &Word| {
            w.p.checked_sub(1)
                .and_then(|i| Xpos::from_index(i as usize))
        };
        let (to, for_) = (str_hash("to"), str_hash("for"));
        let mut ahead = false;
        for (p, w) in words.iter().enumerate().skip(1).rev() {
            if let Some(slot) = self.finite_ahead.get_mut(p) {
                *slot = ahead;
            }
            if self.leaf.get(p).copied().unwrap_or(false) {
                ahead = false;
            } else if xpos(w).is_some_and(Xpos::is_finite_verb) {
                ahead = true;
            }
            if let Some(slot) = self.to_word.get_mut(p) {
                *slot = w.w == to && xpos(w) == Some(Xpos::TO);
            }
            if let Some(slot) = self.for_word.get_mut(p) {
                *slot = w.w == for_;
            }
        }
        self.no_subject = subject_labels;
    }

    /// Whether the buffer front is a `to`-infinitive that cannot take s0 as
    /// its subject. In UD English a `to`-infinitive has an overt subject only
    /// after "for" ("for Congress to act"); a headline's whole clause ("UK to
    /// replace interviews") has no finite verb after it. So when a finite verb
    /// follows before the next punctuation, the noun before "to" is that verb's
    /// subject or the infinitive's head ("proposals to declare pauses … lead").
    fn subjectless_infinitive(&self) -> bool {
        let b = self.b;
        if self.no_subject == [0; 2] || b >= self.n {
            return false;
        }
        let is_to = |c: u32| c != NONE && self.to_word.get(c as usize).copied().unwrap_or(false);
        let len = self.stack.len();
        let after_for = len >= 2
            && self
                .for_word
                .get(self.stack[len - 2] as usize)
                .copied()
                .unwrap_or(false);
        (is_to(self.lc1[b]) || is_to(self.lc2[b]))
            && !after_for
            && self.finite_ahead.get(b).copied().unwrap_or(false)
    }

    fn terminal(&self) -> bool {
        self.b >= self.n
    }

    fn s0(&self) -> Option<u32> {
        self.stack.last().copied()
    }

    fn add_arc(&mut self, h: u32, d: u32, label: usize) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = (label + 1) as u8;
        let bit = 1u64 << (label % 64);
        if d < h {
            if self.lc1[hu] == NONE || d < self.lc1[hu] {
                self.lc2[hu] = self.lc1[hu];
                self.lc1[hu] = d;
            } else if self.lc2[hu] == NONE || d < self.lc2[hu] {
                self.lc2[hu] = d;
            }
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
        } else {
            if self.rc1[hu] == NONE || d > self.rc1[hu] {
                self.rc2[hu] = self.rc1[hu];
                self.rc1[hu] = d;
            } else if self.rc2[hu] == NONE || d > self.rc2[hu] {
                self.rc2[hu] = d;
            }
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
        }
    }

    fn push(&mut self, p: u32) {
        self.stack.push(p);
        self.in_stack[p as usize] = true;
    }

    fn pop(&mut self) {
        if let Some(p) = self.stack.pop() {
            self.in_stack[p as usize] = false;
        }
    }

    /// Whether class `c` is allowed here. Single-root: the root takes one
    /// dependent, always labelled `root`, and no other arc is labelled `root`.
    fn legal(&self, c: usize, root_label: usize) -> bool {
        self.moves(root_label).allows(c)
    }

    /// The legal classes of this configuration, in a form that is cheap to
    /// ask about each class (the decoder asks about all of them).
    fn moves(&self, root_label: usize) -> Moves {
        let has_buffer = !self.terminal();
        let Some(s0) = self.s0() else {
            return Moves {
                shift: has_buffer,
                root_label,
                ..Moves::default()
            };
        };
        let s0u = s0 as usize;
        Moves {
            shift: has_buffer,
            reduce: s0 != 0 && self.heads[s0u] != NONE,
            left: has_buffer && s0 != 0 && self.heads[s0u] == NONE && !self.leaf[self.b],
            right: has_buffer && s0 != 0 && !self.leaf[s0u],
            right_root: has_buffer && s0 == 0 && self.rc1[0] == NONE,
            root_label,
            no_left: if self.subjectless_infinitive() {
                self.no_subject
            } else {
                [0; 2]
            },
        }
    }

    fn apply(&mut self, c: usize) {
        let s0 = self.s0().unwrap_or(0);
        let b = self.b as u32;
        match c {
            SHIFT => {
                self.push(b);
                self.b += 1;
            }
            REDUCE => self.pop(),
            _ => {
                let l = (c - 2) / 2;
                if c & 1 == 0 {
                    self.add_arc(b, s0, l);
                    self.pop();
                } else {
                    self.add_arc(s0, b, l);
                    self.push(b);
                    self.b += 1;
                }
            }
        }
    }

    /// Position of the second stack word, or `NONE`.
    fn s1(&self) -> u32 {
        match self.stack.len() {
            0 | 1 => NONE,
            len => self.stack[len - 2],
        }
    }

    /// Feature hashes of this configuration, every template hashed: what
    /// training sees, and what [`Parser::parse`] scores by other means.
    fn features(&self, words: &[Word], out: &mut Vec<u64>) {
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
    fn top_context(&self, words: &[Word]) -> TopContext {
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
    fn context(&self, words: &[Word]) -> Context {
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

/// The word at position `p`: [`NO_WORD`] for `NONE` or past the sentence end.
#[inline]
fn word_at(words: &[Word], p: u32) -> Word {
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

/// The templates that read only the buffer front `b` and the words after and
/// before it, plus the bias. Every configuration with buffer front `b` has the
/// same ones, so [`Parser::parse`] scores them once per word, not once per
/// transition.
fn front_features(words: &[Word], b: usize, out: &mut Vec<u64>) {
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
/// the same every time it is the stack top, and [`Parser::parse`] scores them
/// once per word.
struct TopContext {
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
fn top_features(c: &TopContext, out: &mut Vec<u64>) {
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
const NO_LABEL: u64 = 0x7100;
/// Valency and label-set attribute of "no such word".
const NO_VALENCY: u64 = 99;

/// The attributes [`config_features`] reads: words around the stack top and
/// the buffer front, and facts about the partial tree (`NO_WORD`, `NO_LABEL`,
/// `NO_VALENCY` where a position does not exist).
struct Context {
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
/// [`DenseTemplates`]; their hashes are `feat1(t, a)` and `feat2(t, a, b)`.
trait Sink {
    /// A feature that is always looked up by its hash.
    fn hashed(&mut self, f: u64);
    /// Template `t` over one small attribute value.
    fn one(&mut self, t: u32, a: u64);
    /// Template `t` over two small attribute values.
    fn two(&mut self, t: u32, a: u64, b: u64);
}

/// Collects every feature as a hash (training, and the reference scoring).
impl Sink for Vec<u64> {
    #[inline]
    fn hashed(&mut self, f: u64) {
        self.push(f);
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
fn config_features(c: &Context, out: &mut impl Sink) {
    let (s0, s1, n0, n1) = (c.s0, c.s1, c.n0, c.n1);
    let (s0h, s0l, s0r, s0r2) = (c.s0h, c.s0l, c.s0r, c.s0r2);
    let (n0l, n0l2, s1r, s0p1, dist) = (c.n0l, c.n0l2, c.s1r, c.s0p1, c.dist);
    out.hashed(feat2(14, wp(s0), wp(n0)));
    out.hashed(feat2(15, wp(s0), n0.w));
    out.hashed(feat2(16, s0.w, wp(n0)));
    out.hashed(feat2(17, wp(s0), n0.p));
    out.hashed(feat2(18, s0.p, wp(n0)));
    out.hashed(feat2(19, s0.w, n0.w));
    out.hashed(feat2(20, s0.p, n0.p));
    out.hashed(feat3(23, s0.p, n0.p, n1.p));
    out.hashed(feat3(24, s0h.p, s0.p, n0.p));
    out.hashed(feat3(25, s0.p, s0l.p, n0.p));
    out.hashed(feat3(26, s0.p, s0r.p, n0.p));
    out.hashed(feat3(27, s0.p, n0.p, n0l.p));
    out.hashed(feat3(28, s1.p, s0.p, n0.p));
    out.hashed(feat2(29, s0.w, dist));
    out.two(30, s0.p, dist);
    out.hashed(feat2(31, n0.w, dist));
    out.two(32, n0.p, dist);
    out.hashed(feat3(33, s0.w, n0.w, dist));
    out.hashed(feat3(34, s0.p, n0.p, dist));
    out.hashed(feat2(35, s0.w, c.s0vr));
    out.two(36, s0.p, c.s0vr);
    out.hashed(feat2(39, n0.w, c.n0vl));
    out.two(40, n0.p, c.n0vl);
    out.hashed(feat1(47, s0r.w));
    out.one(48, s0r.p);
    out.one(49, c.s0rl);
    out.hashed(feat1(50, n0l.w));
    out.one(51, n0l.p);
    out.one(52, c.n0ll);
    out.hashed(feat1(59, s0r2.w));
    out.one(60, s0r2.p);
    out.one(61, c.s0r2l);
    out.hashed(feat1(62, n0l2.w));
    out.one(63, n0l2.p);
    out.one(64, c.n0l2l);
    out.hashed(feat3(66, s0.p, c.s0rl, c.s0r2l));
    out.hashed(feat3(68, n0.p, c.n0ll, c.n0l2l));
    out.hashed(feat2(69, s0.w, c.s0sr));
    out.hashed(feat2(70, s0.p, c.s0sr));
    out.hashed(feat2(73, n0.w, c.n0sl));
    out.hashed(feat2(74, n0.p, c.n0sl));
    out.hashed(feat3(75, c.headed, s0.p, n0.p));
    out.two(77, s0.u, n0.u);
    out.hashed(feat3(78, s0.u, n0.u, n1.u));
    out.hashed(feat3(81, s0.p, s0p1.p, n0.p));
    out.hashed(feat3(82, s1r.p, s0.p, n0.p));
    out.hashed(feat3(83, s0.w, n0.p, n1.p));
    out.hashed(feat3(84, s0.p, n0.w, n1.p));
    out.hashed(feat2(85, c.s0lab, n0.p));
    // Control/raising: "force [the opposition] to withdraw" — the head of
    // s0 and the buffer verb decide between REDUCE (xcomp) and acl.
    out.hashed(feat2(86, s0h.w, n0.p));
    out.hashed(feat3(87, s0h.w, s0.p, n0.p));
    out.hashed(feat3(88, s0.w, n0.p, n0l.p));
    out.hashed(feat3(89, n0.w, n0l.w, s0.p));
    // Punctuation attachment (a quarter of all head errors): what the
    // comma separates decides whether it attaches left or right.
    out.hashed(feat3(92, n0.w, s0.p, n1.p));
    out.hashed(feat3(93, n0.w, c.s0lab, n1.p));
    out.hashed(feat3(94, s0.w, n0.p, s1.p));
    out.hashed(feat3(95, s0.w, n0.p, n0l.p));
}

/// The parser's small attributes (see [`Domain`]).
impl Domain {
    /// XPOS attribute (`Word::p`): index + 1 of any tag, root, no word.
    const TAG: Domain = Domain {
        hi: Xpos::NAMES.len() as u64,
        pads: &[ROOT_WORD.p, NO_WORD.p],
    };
    /// UPOS attribute (`Word::u`).
    const UPOS: Domain = Domain {
        hi: Upos::NAMES.len() as u64,
        pads: &[ROOT_WORD.u, NO_WORD.u],
    };
    /// Bucketed distance: always in range.
    const DIST: Domain = Domain { hi: 7, pads: &[] };
    /// Valency: counts above `hi` are rare, and fall back to hashing.
    const VALENCY: Domain = Domain {
        hi: 7,
        pads: &[NO_VALENCY],
    };

    /// Label attribute of a model with `n_labels` relations (index + 1, 0 = none).
    fn label(n_labels: usize) -> Domain {
        Domain {
            hi: n_labels as u64,
            pads: &[NO_LABEL],
        }
    }
}

/// The kinds of small attribute a dense template reads.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Tag,
    Upos,
    Label,
    Dist,
    Valency,
}

impl Kind {
    fn domain(self, n_labels: usize) -> Domain {
        match self {
            Kind::Tag => Domain::TAG,
            Kind::Upos => Domain::UPOS,
            Kind::Label => Domain::label(n_labels),
            Kind::Dist => Domain::DIST,
            Kind::Valency => Domain::VALENCY,
        }
    }
}

/// The templates of [`config_features`] given dense tables, with the kinds of
/// their one or two arguments.
///
/// A table row replaces hashing a feature and probing the big weight table
/// for it, but a table competes for the cache itself: measured on EWT + PUD,
/// single tags and labels and pairs with a distance, a valency or a UPOS
/// (tables of a few dozen to a few hundred rows) pay; pairs of two XPOS tags
/// or a label and a tag (some 3000 rows, half a megabyte each) made parsing
/// slower, so those templates stay hashed.
const DENSE_TEMPLATES: &[(u32, Kind, Option<Kind>)] = &[
    (30, Kind::Tag, Some(Kind::Dist)),
    (32, Kind::Tag, Some(Kind::Dist)),
    (36, Kind::Tag, Some(Kind::Valency)),
    (40, Kind::Tag, Some(Kind::Valency)),
    (48, Kind::Tag, None),
    (49, Kind::Label, None),
    (51, Kind::Tag, None),
    (52, Kind::Label, None),
    (60, Kind::Tag, None),
    (61, Kind::Label, None),
    (63, Kind::Tag, None),
    (64, Kind::Label, None),
    (77, Kind::Upos, Some(Kind::Upos)),
];

/// A template's dense table: row `first.index(a) * second.len() +
/// second.index(b)` (or `first.index(a)` for one argument) holds the weights
/// of the feature `feat2(t, a, b)` (`feat1(t, a)`).
#[derive(Clone, Debug)]
struct DenseTemplate {
    first: Domain,
    second: Option<Domain>,
    table: DenseTable,
}

impl DenseTemplate {
    fn build(weights: &Weights, t: u32, first: Domain, second: Option<Domain>) -> DenseTemplate {
        let hashes: Vec<u64> = match second {
            None => first.values().map(|a| feat1(t, a)).collect(),
            Some(d) => first
                .values()
                .flat_map(|a| d.values().map(move |b| feat2(t, a, b)))
                .collect(),
        };
        DenseTemplate {
            first,
            second,
            table: DenseTable::build(weights, hashes),
        }
    }

    /// The row of the feature over `a` (and `b`), if both are in the domains.
    #[inline]
    fn row(&self, a: u64, b: Option<u64>) -> Option<&[i16]> {
        let i = self.first.index(a)?;
        let k = match (self.second, b) {
            (None, None) => i,
            (Some(d), Some(b)) => i * d.len() + d.index(b)?,
            _ => return None,
        };
        self.table.row(k)
    }
}

/// Dense tables of one model's small-domain templates, by template number.
#[derive(Clone, Debug, Default)]
struct DenseTemplates {
    by_template: Vec<Option<DenseTemplate>>,
}

impl DenseTemplates {
    fn build(weights: &Weights, n_labels: usize) -> DenseTemplates {
        let mut by_template = Vec::new();
        for &(t, first, second) in DENSE_TEMPLATES {
            let t_ix = t as usize;
            if by_template.len() <= t_ix {
                by_template.resize(t_ix + 1, None);
            }
            by_template[t_ix] = Some(DenseTemplate::build(
                weights,
                t,
                first.domain(n_labels),
                second.map(|k| k.domain(n_labels)),
            ));
        }
        DenseTemplates { by_template }
    }

    #[inline]
    fn row(&self, t: u32, a: u64, b: Option<u64>) -> Option<&[i16]> {
        self.by_template.get(t as usize)?.as_ref()?.row(a, b)
    }
}

/// Scores the templates that have dense tables from their rows, and passes
/// on the hash of every other feature (including a dense template's feature
/// whose value lies outside its domain).
///
/// Rows are collected and summed by [`DenseSink::finish`], four at a time:
/// one pass over the scores per four rows instead of one per row.
struct DenseSink<'a> {
    dense: &'a DenseTemplates,
    hashed: &'a mut Vec<u64>,
    rows: [&'a [i16]; DENSE_TEMPLATES.len()],
    n_rows: usize,
}

impl<'a> DenseSink<'a> {
    fn new(dense: &'a DenseTemplates, hashed: &'a mut Vec<u64>) -> DenseSink<'a> {
        DenseSink {
            dense,
            hashed,
            rows: [&[]; DENSE_TEMPLATES.len()],
            n_rows: 0,
        }
    }

    /// Adds row `row`, or its feature's hash `f` if the row buffer is full
    /// (which [`config_features`], with one call per dense template, never
    /// fills).
    #[inline]
    fn push(&mut self, row: &'a [i16], f: impl FnOnce() -> u64) {
        match self.rows.get_mut(self.n_rows) {
            Some(slot) => {
                *slot = row;
                self.n_rows += 1;
            }
            None => self.hashed.push(f()),
        }
    }

    /// Adds the collected rows to `scores`. Inlined so it is compiled into
    /// the parser's AVX2 copy.
    #[inline(always)]
    fn finish(&self, scores: &mut [i32]) {
        let mut fours = self.rows[..self.n_rows].chunks_exact(4);
        for r in &mut fours {
            let (a, b, c, d) = (r[0], r[1], r[2], r[3]);
            for ((((s, &x), &y), &z), &w) in scores.iter_mut().zip(a).zip(b).zip(c).zip(d) {
                *s += i32::from(x) + i32::from(y) + i32::from(z) + i32::from(w);
            }
        }
        for r in fours.remainder() {
            add_row(scores, r);
        }
    }
}

impl<'a> Sink for DenseSink<'a> {
    #[inline]
    fn hashed(&mut self, f: u64) {
        self.hashed.push(f);
    }

    #[inline]
    fn one(&mut self, t: u32, a: u64) {
        match self.dense.row(t, a, None) {
            Some(row) => self.push(row, || feat1(t, a)),
            None => self.hashed.push(feat1(t, a)),
        }
    }

    #[inline]
    fn two(&mut self, t: u32, a: u64, b: u64) {
        match self.dense.row(t, a, Some(b)) {
            Some(row) => self.push(row, || feat2(t, a, b)),
            None => self.hashed.push(feat2(t, a, b)),
        }
    }
}

/// Sums of [`front_features`] by buffer front over one sentence of `m`
/// positions (root included), filled in one pass over the weight table.
#[derive(Debug, Default)]
struct FrontScores {
    rows: Vec<Scores>,
}

impl FrontScores {
    #[inline]
    fn row(&self, b: usize) -> &Scores {
        &self.rows[b.min(self.rows.len().saturating_sub(1))]
    }
}

/// The row of position `p` in tables of `m + 1` rows: `p` itself, and `m`
/// ("no word") for `NONE` (or anything past the end, which no position is).
#[inline]
fn position_row(p: u32, m: usize) -> usize {
    if p == NONE {
        m
    } else {
        (p as usize).min(m)
    }
}

/// Sums of [`top_features`] by stack-top position (row `m` for an empty
/// stack), filled as words reach the top: their [`TopContext`] is only
/// known then.
#[derive(Debug, Default)]
struct TopScores {
    rows: Vec<Scores>,
    /// Whether row `p` holds its sum yet (it is zero until then).
    ready: Vec<bool>,
}

/// Makes `rows` hold `len` rows whose first `n` entries are zero. Only
/// those are ever added to or read (classes are below `n`), so rows kept from
/// an earlier sentence are cleared that far only: a row is 1 KB, of which a
/// parser reads about a third.
fn zero_rows(rows: &mut Vec<Scores>, len: usize, n: usize) {
    rows.truncate(len);
    for row in rows.iter_mut() {
        row[..n].fill(0);
    }
    rows.resize(len, [0; 256]);
}

/// Routes feature `j` to row `dest[j]` of `rows`.
struct ToRows<'a> {
    dest: &'a [u32],
    rows: &'a mut [Scores],
}

impl Route for ToRows<'_> {
    #[inline]
    fn scores(&mut self, j: usize) -> &mut Scores {
        &mut self.rows[self.dest[j] as usize]
    }
}

/// Routes the features before `split` to `head`, the others to `tail`.
struct Split<'a> {
    split: usize,
    head: &'a mut Scores,
    tail: &'a mut Scores,
}

impl Route for Split<'_> {
    #[inline]
    fn scores(&mut self, j: usize) -> &mut Scores {
        if j < self.split {
            self.head
        } else {
            self.tail
        }
    }
}

/// Reusable buffers for [`Parser::parse_with`]: once grown to the longest
/// sentence, parsing allocates only the returned arcs.
#[derive(Debug)]
pub struct ParseState {
    scratch: String,
    words: Vec<Word>,
    state: State,
    hashed: Vec<u64>,
    dest: Vec<u32>,
    scores: Box<Scores>,
    front: FrontScores,
    top: TopScores,
}

impl Default for ParseState {
    fn default() -> ParseState {
        ParseState {
            scratch: String::new(),
            words: Vec::new(),
            state: State::default(),
            hashed: Vec::with_capacity(128),
            dest: Vec::new(),
            scores: Box::new([0; 256]),
            front: FrontScores::default(),
            top: TopScores::default(),
        }
    }
}

/// Gold information for the dynamic oracle (positions as in [`State`]).
struct Gold {
    heads: Vec<u32>,
    labels: Vec<usize>,
}

impl Gold {
    /// Cost (gold arcs made unreachable) of every class, written to `costs`.
    fn costs(&self, st: &State, n_labels: usize, costs: &mut [u32]) {
        let s = st.s0().unwrap_or(NONE);
        let b = st.b as u32;
        let g = &self.heads;
        let in_buf = |k: u32| k != NONE && k >= b && (k as usize) < st.n;
        // Dependents of x still in the buffer (from position `from`).
        let buf_deps =
            |x: u32, from: usize| -> u32 { (from..st.n).filter(|&k| g[k] == x).count() as u32 };
        // Headless stack words whose gold head is x.
        let stack_deps = |x: u32| -> u32 {
            st.stack
                .iter()
                .filter(|&&k| k != 0 && st.heads[k as usize] == NONE && g[k as usize] == x)
                .count() as u32
        };
        let has_b = !st.terminal();
        // Whether stack word k can still become a head: the root only while it
        // has no dependent (single-root constraint).
        let open_in_stack = |k: u32| st.in_stack[k as usize] && (k != 0 || st.rc1[0] == NONE);
        costs[SHIFT] = if has_b {
            let gb = g[b as usize];
            u32::from(open_in_stack(gb)) + stack_deps(b)
        } else {
            0
        };
        costs[REDUCE] = if s != NONE { buf_deps(s, st.b) } else { 0 };
        let (la, ra) = if s != NONE && has_b {
            let gs = if s == 0 { NONE } else { g[s as usize] };
            let la = u32::from(gs != NONE && gs > b && in_buf(gs)) + buf_deps(s, st.b);
            let gb = g[b as usize];
            let mut ra =
                u32::from(gb != s && (in_buf(gb) && gb > b || open_in_stack(gb))) + stack_deps(b);
            if s == 0 && gb != 0 {
                // The root takes one dependent: the gold root word, if still in the
                // buffer, can no longer be attached to it.
                ra += u32::from((st.b + 1..st.n).any(|k| g[k] == 0));
            }
            (la, ra)
        } else {
            (0, 0)
        };
        for l in 0..n_labels {
            let lab_l =
                s != NONE && s != 0 && has_b && g[s as usize] == b && self.labels[s as usize] != l;
            costs[left(l)] = la + u32::from(lab_l);
            let lab_r = s != NONE && has_b && g[b as usize] == s && self.labels[b as usize] != l;
            costs[right(l)] = ra + u32::from(lab_r);
        }
    }
}

impl Parser {
    pub fn load(path: impl AsRef<Path>) -> Result<Parser> {
        Parser::from_bytes(&crate::binio::read_file(path.as_ref())?)
    }

    /// The model trained on GUM + EWT dev and compiled into the binary
    /// (`data/models/parser.bin`).
    pub fn vendored() -> Result<Parser> {
        Parser::from_bytes(crate::VENDORED_PARSER)
    }

    pub fn from_bytes(data: &[u8]) -> Result<Parser> {
        let mut r = Reader::new(data, KIND)?;
        let names = r.strs()?;
        let mut labels = Vec::with_capacity(names.len());
        for n in &names {
            labels.push(
                Deprel::from_name(n)
                    .ok_or_else(|| Error::corrupt(format!("unknown relation {n:?}")))?,
            );
        }
        let root_label = labels
            .iter()
            .position(|d| d.as_str() == "root")
            .ok_or_else(|| Error::corrupt("parser: no root label"))?;
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != 2 + 2 * labels.len() {
            return Err(Error::corrupt("parser: class count mismatch"));
        }
        r.end()?;
        Ok(Parser::new(labels, root_label, weights))
    }

    /// The one constructor: derives the dense tables from `weights`.
    fn new(labels: Vec<Deprel>, root_label: usize, weights: Weights) -> Parser {
        let dense = DenseTemplates::build(&weights, labels.len());
        let index = |name: &str| {
            labels
                .iter()
                .position(|d| d.as_str() == name)
                .and_then(|i| u8::try_from(i + 1).ok())
                .unwrap_or(0)
        };
        let subject_labels = [index("nsubj"), index("nsubj:pass")];
        Parser {
            labels,
            root_label,
            subject_labels,
            weights,
            dense,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND);
        let names: Vec<&str> = self.labels.iter().map(|d| d.as_str()).collect();
        w.strs(&names);
        self.weights.write(&mut w);
        w.finish()
    }

    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        crate::binio::write_file(path.as_ref(), &self.to_bytes())
    }

    /// Parses one tagged sentence. Always returns one arc per word, exactly one
    /// root, and a tree (no cycles).
    pub fn parse(&self, forms: &[impl AsRef<str>], tags: &[Tag]) -> Vec<DepArc> {
        self.parse_with(forms, tags, &mut ParseState::default())
    }

    /// [`Parser::parse`] with caller-owned buffers, for throughput.
    ///
    /// Scores exactly what the hashed features of [`State::features`] would
    /// (the same integer weights, summed in another order): the templates of
    /// one position are summed once per sentence (buffer front) or once per
    /// word reaching the stack top ([`TopContext`]),
    /// small-domain templates are read from [`DenseTemplates`], and the rest
    /// is looked up by hash, all of a transition's lookups in one pass.
    pub fn parse_with(
        &self,
        forms: &[impl AsRef<str>],
        tags: &[Tag],
        ps: &mut ParseState,
    ) -> Vec<DepArc> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: `parse_with_avx2` only requires AVX2, which the running
            // CPU was just checked to support.
            return unsafe { self.parse_with_avx2(forms, tags, ps) };
        }
        self.parse_with_generic(forms, tags, ps)
    }

    /// [`Parser::parse_with`] compiled for AVX2 (the row additions widen
    /// twice as many `i16` weights per instruction as the SSE2 baseline).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn parse_with_avx2(
        &self,
        forms: &[impl AsRef<str>],
        tags: &[Tag],
        ps: &mut ParseState,
    ) -> Vec<DepArc> {
        self.parse_with_generic(forms, tags, ps)
    }

    /// The body of [`Parser::parse_with`], inlined into each CPU-specific copy.
    #[inline(always)]
    fn parse_with_generic(
        &self,
        forms: &[impl AsRef<str>],
        tags: &[Tag],
        ps: &mut ParseState,
    ) -> Vec<DepArc> {
        words_into(forms, tags, &mut ps.scratch, &mut ps.words);
        self.score_sentence(ps);
        let ParseState {
            words,
            state: st,
            hashed,
            scores,
            front,
            top,
            ..
        } = ps;
        st.reset(forms.len());
        st.mark_leaves(words);
        st.forbid_infinitive_subjects(words, self.subject_labels);
        let n = self.weights.n_classes();
        let m = words.len();
        while !st.terminal() {
            let s0 = st.s0().unwrap_or(NONE);
            let ti = position_row(s0, m);
            let (f, t) = (front.row(st.b), &top.rows[ti]);
            for (c, out) in scores[..n].iter_mut().enumerate() {
                *out = f[c] + t[c];
            }
            hashed.clear();
            let mut sink = DenseSink::new(&self.dense, hashed);
            config_features(&st.context(words), &mut sink);
            sink.finish(&mut scores[..n]);
            // A word new on top: score its top features into its (zero) row
            // in the same pass, then add the row.
            let split = hashed.len();
            let new_top = !top.ready[ti];
            if new_top {
                top_features(&st.top_context(words), hashed);
            }
            let mut route = Split {
                split,
                head: scores,
                tail: &mut top.rows[ti],
            };
            self.weights.add_routed::<64>(hashed, &mut route);
            if new_top {
                top.ready[ti] = true;
                for (out, &v) in scores[..n].iter_mut().zip(&top.rows[ti][..n]) {
                    *out += v;
                }
            }
            let moves = st.moves(self.root_label);
            let c = argmax_where(&scores[..n], |c| moves.allows(c)).unwrap_or(SHIFT);
            st.apply(c);
        }
        let mut arcs = self.finish(st, tags);
        crate::repair::repair(forms, tags, &mut arcs);
        arcs
    }

    /// Fills `ps.front` for `ps.words` (one pass over the weight table) and
    /// clears `ps.top`.
    fn score_sentence(&self, ps: &mut ParseState) {
        let words = &ps.words;
        let m = words.len();
        let (feats, dest) = (&mut ps.hashed, &mut ps.dest);
        feats.clear();
        dest.clear();
        for b in 0..=m {
            front_features(words, b, feats);
            dest.resize(feats.len(), b as u32);
        }
        let n = self.weights.n_classes();
        zero_rows(&mut ps.front.rows, m + 1, n);
        let mut route = ToRows {
            dest,
            rows: &mut ps.front.rows,
        };
        self.weights.add_routed::<64>(feats, &mut route);
        let top = &mut ps.top;
        zero_rows(&mut top.rows, m + 1, n);
        top.ready.clear();
        top.ready.resize(m + 1, false);
    }

    /// [`Parser::parse`] scoring every feature by its hash: the definition
    /// the fast path must match.
    #[cfg(test)]
    fn parse_hashed(&self, forms: &[impl AsRef<str>], tags: &[Tag]) -> Vec<DepArc> {
        let mut scratch = String::new();
        let words = words(forms, tags, &mut scratch);
        let mut st = State::new(forms.len());
        st.mark_leaves(&words);
        st.forbid_infinitive_subjects(&words, self.subject_labels);
        let mut feats = Vec::with_capacity(96);
        let mut scores: Scores = [0; 256];
        let n = self.weights.n_classes();
        while !st.terminal() {
            st.features(&words, &mut feats);
            self.weights.score(&feats, &mut scores);
            let c = argmax_where(&scores[..n], |c| st.legal(c, self.root_label)).unwrap_or(SHIFT);
            st.apply(c);
        }
        let mut arcs = self.finish(&st, tags);
        crate::repair::repair(forms, tags, &mut arcs);
        arcs
    }

    /// Turns a terminal state into arcs: words left without a head attach to the
    /// root's dependent (or become the root if there is none).
    fn finish(&self, st: &State, tags: &[Tag]) -> Vec<DepArc> {
        let n = st.n - 1;
        let label = |p: usize| -> Deprel {
            let l = st.labels[p] as usize;
            if l == 0 {
                Deprel::default()
            } else {
                self.labels.get(l - 1).copied().unwrap_or_default()
            }
        };
        let mut root = st.rc1[0];
        let mut out: Vec<DepArc> = (1..=n)
            .map(|p| DepArc {
                head: match st.heads[p] {
                    NONE | 0 => None,
                    h => Some(h - 1),
                },
                deprel: label(p),
            })
            .collect();
        let root_rel = Deprel::from_name("root").unwrap_or_default();
        for p in 1..=n {
            if st.heads[p] != NONE {
                continue;
            }
            if root == NONE {
                root = p as u32;
                out[p - 1] = DepArc {
                    head: None,
                    deprel: root_rel,
                };
            } else {
                let is_punct = tags.get(p - 1).is_some_and(|t| t.upos == Upos::PUNCT);
                let rel = if is_punct { "punct" } else { "parataxis" };
                out[p - 1] = DepArc {
                    head: Some(root - 1),
                    deprel: Deprel::from_name(rel).unwrap_or_default(),
                };
            }
        }
        out
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }

    /// The relations this model predicts.
    pub fn labels(&self) -> &[Deprel] {
        &self.labels
    }
}

/// One training sentence: gold sentence plus the tags the parser will see.
pub struct TrainItem<'a> {
    pub sent: &'a Sent,
    pub tags: Vec<Tag>,
}

/// Trains a parser on `items` (non-projective trees are projectivised by lifting).
pub fn train(items: &[TrainItem<'_>], cfg: &ParserConfig) -> Result<Parser> {
    let root = Deprel::from_name("root").unwrap_or_default();
    let mut labels: Vec<Deprel> = items
        .iter()
        .flat_map(|it| it.sent.deprels.iter().copied())
        .filter(|d| d.is_set())
        .chain(std::iter::once(root))
        .collect();
    labels.sort();
    labels.dedup();
    if 2 + 2 * labels.len() > 255 {
        return Err(Error::Data("too many dependency relations".into()));
    }
    let root_label = labels.iter().position(|&d| d == root).unwrap_or(0);
    let n_classes = 2 + 2 * labels.len();
    let golds: Vec<Gold> = items
        .iter()
        .map(|it| {
            let heads = crate::projective::projectivize(&it.sent.heads);
            let mut g = Gold {
                heads: vec![NONE],
                labels: vec![0],
            };
            for (i, &h) in heads.iter().enumerate() {
                g.heads.push(h);
                let d = if h == 0 { root } else { it.sent.deprels[i] };
                g.labels
                    .push(labels.iter().position(|&x| x == d).unwrap_or(root_label));
            }
            g
        })
        .collect();
    let mut scratch = String::new();
    let word_lists: Vec<Vec<Word>> = items
        .iter()
        .map(|it| words(&it.sent.forms, &it.tags, &mut scratch))
        .collect();
    let mut model = Trainer::new(n_classes);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; n_classes];
    let mut costs = vec![0u32; n_classes];
    for epoch in 0..cfg.iterations {
        rng.shuffle(&mut order);
        for &si in &order {
            let gold = &golds[si];
            let words = &word_lists[si];
            let mut st = State::new(words.len() - 1);
            st.mark_leaves(words);
            while !st.terminal() {
                st.features(words, &mut feats);
                model.tick();
                model.score(&feats, &mut scores);
                gold.costs(&st, labels.len(), &mut costs);
                let legal = |c: usize| st.legal(c, root_label);
                let Some(guess) = argmax_where(&scores, legal) else {
                    break;
                };
                let min_cost = (0..n_classes)
                    .filter(|&c| legal(c))
                    .map(|c| costs[c])
                    .min()
                    .unwrap_or(0);
                let best =
                    argmax_where(&scores, |c| legal(c) && costs[c] == min_cost).unwrap_or(guess);
                if costs[guess] > min_cost {
                    model.update(&feats, best, guess);
                }
                let follow = if epoch >= cfg.explore_from && rng.unit() < cfg.explore {
                    guess
                } else {
                    best
                };
                st.apply(follow);
            }
        }
    }
    Ok(Parser::new(labels, root_label, model.finish(cfg.prune)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The to-infinitive rule: with the rule on, s0 may not become the
    /// subject of a `to`-infinitive in the buffer when a finite verb follows
    /// before punctuation, unless s0 follows "for"; other left arcs stay legal.
    #[test]
    fn to_infinitive_subject_rule() {
        let tag = |x: &str, u: &str| Tag {
            upos: Upos::from_name(u).unwrap(),
            xpos: Xpos::from_name(x).unwrap(),
        };
        let (nsubj, mark) = (3usize, 5usize);
        let subject_labels = [nsubj as u8 + 1, 0];
        // Moves to: s0 = the word before "to", buffer = the infinitive, with
        // "to" attached to it as its leftmost child.
        let state = |forms: &[&str], tags: &[Tag], s0: usize| {
            let mut scratch = String::new();
            let mut words = Vec::new();
            words_into(forms, tags, &mut scratch, &mut words);
            let mut st = State::new(forms.len());
            st.mark_leaves(&words);
            st.forbid_infinitive_subjects(&words, subject_labels);
            while st.b < s0 {
                st.apply(SHIFT);
            }
            st.apply(SHIFT); // s0 word
            st.apply(SHIFT); // "to"
            st.apply(left(mark)); // infinitive -> "to"
            st
        };
        let n = |x| tag(x, "NOUN");
        let (to, vb, vbp) = (tag("TO", "PART"), tag("VB", "VERB"), tag("VBP", "VERB"));
        let forbidden = |st: &State| !st.moves(0).allows(left(nsubj));
        let st = state(
            &["proposals", "to", "declare", "pauses", "lead"],
            &[n("NNS"), to, vb, n("NNS"), vbp],
            1,
        );
        assert!(forbidden(&st));
        assert!(st.moves(0).allows(left(mark)));
        // No finite verb after the infinitive: a headline's clause.
        let st = state(
            &["UK", "to", "replace", "tests"],
            &[n("NNP"), to, vb, n("NNS")],
            1,
        );
        assert!(!forbidden(&st));
        // "for X to VB".
        let st = state(
            &["for", "Congress", "to", "act", "is", "vital"],
            &[
                tag("IN", "ADP"),
                n("NNP"),
                to,
                vb,
                tag("VBZ", "AUX"),
                tag("JJ", "ADJ"),
            ],
            2,
        );
        assert!(!forbidden(&st));
        // A comma ends the clause before the finite verb.
        let st = state(
            &["plans", "to", "act", ",", "officials", "say"],
            &[n("NNS"), to, vb, tag(",", "PUNCT"), n("NNS"), vbp],
            1,
        );
        assert!(!forbidden(&st));
    }

    /// (heads, 1-based with 0 = root) of small projective trees.
    const TREES: &[&[u32]] = &[
        &[2, 3, 0, 6, 6, 3, 3],
        &[2, 0, 4, 2, 6, 2, 2],
        &[4, 4, 4, 0, 6, 4, 4],
        &[2, 6, 5, 5, 2, 0, 8, 6, 6],
        &[0, 1, 1, 1, 1],
        &[5, 5, 5, 5, 0],
        &[0, 3, 1, 5, 3, 1],
    ];

    fn gold(heads: &[u32]) -> Gold {
        Gold {
            heads: std::iter::once(NONE).chain(heads.iter().copied()).collect(),
            labels: std::iter::once(0)
                .chain(heads.iter().map(|&h| usize::from(h != 0)))
                .collect(),
        }
    }

    fn fixture() -> Vec<Sent> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");
        crate::corpus::load(&[path]).unwrap()
    }

    fn gold_tags(s: &Sent) -> Vec<Tag> {
        s.upos
            .iter()
            .zip(&s.xpos)
            .map(|(&upos, &xpos)| Tag { upos, xpos })
            .collect()
    }

    /// The fixture with gold tags, odd inputs (empty, one word, punctuation
    /// runs, missing tags, a word with many dependents), and random
    /// sentences over the fixture's words with tags of every kind, the
    /// unset one included: between them they reach every dense domain's
    /// edges and values outside them.
    fn exactness_inputs() -> Vec<(Vec<String>, Vec<Tag>)> {
        let sents = fixture();
        let mut out: Vec<(Vec<String>, Vec<Tag>)> = sents
            .iter()
            .map(|s| (s.forms.clone(), gold_tags(s)))
            .collect();
        let tag = |u: &str, x: &str| Tag {
            upos: Upos::from_name(u).unwrap(),
            xpos: Xpos::from_name(x).unwrap(),
        };
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        out.push((Vec::new(), Vec::new()));
        out.push((words(&["Hello"]), vec![tag("INTJ", "UH")]));
        out.push((words(&["Hello"]), Vec::new()));
        out.push((vec![",".to_string(); 300], vec![tag("PUNCT", ","); 300]));
        let mut mixed = words(&["Rebels"]);
        mixed.extend(std::iter::repeat_n(".".to_string(), 40));
        mixed.extend(words(&["withdrew", "!", "!", "?"]));
        let mut mixed_tags = vec![tag("NOUN", "NNS")];
        mixed_tags.extend(std::iter::repeat_n(tag("PUNCT", "."), 40));
        mixed_tags.extend([
            tag("VERB", "VBD"),
            tag("PUNCT", "."),
            tag("PUNCT", "."),
            tag("PUNCT", "."),
        ]);
        out.push((mixed, mixed_tags));
        out.push((
            words(&["the", "city", "withdrew", "."]),
            vec![tag("DET", "DT")],
        ));
        // Many adjectives before one noun: valencies past the dense domain.
        let mut many = vec!["big".to_string(); 30];
        many.push("city".to_string());
        let mut many_tags = vec![tag("ADJ", "JJ"); 30];
        many_tags.push(tag("NOUN", "NN"));
        out.push((many, many_tags));
        let vocab: Vec<&String> = sents.iter().flat_map(|s| &s.forms).collect();
        let mut rng = Rng::new(11);
        for _ in 0..300 {
            let len = (rng.next_u64() % 40) as usize;
            let forms: Vec<String> = (0..len)
                .map(|_| vocab[(rng.next_u64() % vocab.len() as u64) as usize].clone())
                .collect();
            let tags: Vec<Tag> = (0..len)
                .map(|_| Tag {
                    upos: Upos::from_index((rng.next_u64() % Upos::NAMES.len() as u64) as usize)
                        .unwrap(),
                    xpos: Xpos::from_index((rng.next_u64() % Xpos::NAMES.len() as u64) as usize)
                        .unwrap(),
                })
                .collect();
            out.push((forms, tags));
        }
        out
    }

    /// The fast path ([`Parser::parse_with`], one state reused across
    /// sentences, and [`Parser::parse`]) gives the arcs of scoring every
    /// feature by its hash.
    fn assert_exact(parser: &Parser) {
        let mut ps = ParseState::default();
        for (forms, tags) in exactness_inputs() {
            let want = parser.parse_hashed(&forms, &tags);
            assert_eq!(want.len(), forms.len());
            assert_eq!(parser.parse_with(&forms, &tags, &mut ps), want, "{forms:?}");
            assert_eq!(parser.parse(&forms, &tags), want, "{forms:?}");
        }
    }

    #[test]
    fn dense_parsing_is_exact_for_a_freshly_trained_model() {
        let sents = fixture();
        let items: Vec<TrainItem<'_>> = sents
            .iter()
            .map(|sent| TrainItem {
                sent,
                tags: gold_tags(sent),
            })
            .collect();
        let cfg = ParserConfig {
            iterations: 5,
            prune: 0.0,
            ..ParserConfig::default()
        };
        let parser = train(&items, &cfg).unwrap();
        assert_exact(&parser);
        // And after a save/load round trip (the other way tables are built).
        assert_exact(&Parser::from_bytes(&parser.to_bytes()).unwrap());
    }

    #[test]
    fn dense_parsing_is_exact_for_the_vendored_model() {
        assert_exact(&Parser::vendored().unwrap());
    }

    /// Every row of every dense table holds the weights of its hashed
    /// feature, and values outside a domain have no row.
    #[test]
    fn dense_rows_are_the_hashed_rows() {
        let parser = Parser::vendored().unwrap();
        let n = parser.weights.n_classes();
        let n_labels = parser.labels.len();
        let mut want: Scores = [0; 256];
        let mut non_zero = 0;
        for &(t, first, second) in DENSE_TEMPLATES {
            let (d1, d2) = (first.domain(n_labels), second.map(|k| k.domain(n_labels)));
            for a in d1.values() {
                let bs: Vec<Option<u64>> = match d2 {
                    None => vec![None],
                    Some(d) => d.values().map(Some).collect(),
                };
                for b in bs {
                    let f = b.map_or_else(|| feat1(t, a), |b| feat2(t, a, b));
                    parser.weights.score(&[f], &mut want);
                    let row = parser.dense.row(t, a, b).unwrap();
                    let row: Vec<i32> = row.iter().map(|&v| v.into()).collect();
                    assert_eq!(row, want[..n], "template {t}");
                    non_zero += usize::from(row.iter().any(|&v| v != 0));
                }
            }
            let outside = d1.hi + 1000;
            assert!(parser.dense.row(t, outside, second.map(|_| 0)).is_none());
        }
        assert!(non_zero > 100, "{non_zero}");
        assert!(parser
            .dense
            .row(36, 5, Some(Domain::VALENCY.hi + 1))
            .is_none());
        assert!(parser.dense.row(36, 5, Some(NO_VALENCY)).is_some());
        assert!(parser.dense.row(20, 5, Some(5)).is_none());
    }

    /// Following zero-cost moves from any reachable configuration builds a tree
    /// whose loss equals the cost accumulated by the deviations: the oracle is
    /// what training relies on, so it must be exact.
    #[test]
    fn dynamic_oracle_is_exact() {
        let n_labels = 2; // 0 = "x", 1 = "root"... labels only need to be distinct
        let root_label = 0;
        let mut rng = Rng::new(7);
        // Plus random projective single-rooted trees.
        let mut trees: Vec<Vec<u32>> = TREES.iter().map(|t| t.to_vec()).collect();
        while trees.len() < 300 {
            let n = 2 + (rng.next_u64() % 11) as usize;
            let root = 1 + (rng.next_u64() % n as u64) as u32;
            let heads: Vec<u32> = (1..=n as u32)
                .map(|d| {
                    if d == root {
                        0
                    } else {
                        loop {
                            let h = 1 + (rng.next_u64() % n as u64) as u32;
                            if h != d {
                                break h;
                            }
                        }
                    }
                })
                .collect();
            let acyclic = (1..=n).all(|d| {
                let (mut a, mut steps) = (d, 0);
                while a != 0 && steps <= n {
                    a = heads[a - 1] as usize;
                    steps += 1;
                }
                a == 0
            });
            if acyclic && crate::projective::is_projective(&heads) {
                trees.push(heads);
            }
        }
        for heads in &trees {
            let g = gold(heads);
            // Label indices: gold uses 0 for root, 1 for others.
            for trial in 0..200 {
                let mut st = State::new(heads.len());
                let mut costs = vec![0u32; 2 + 2 * n_labels];
                let mut spent = 0;
                while !st.terminal() {
                    g.costs(&st, n_labels, &mut costs);
                    let legal: Vec<usize> = (0..costs.len())
                        .filter(|&c| st.legal(c, root_label))
                        .collect();
                    let min = legal.iter().map(|&c| costs[c]).min().unwrap();
                    let c = if trial > 0 && rng.unit() < 0.3 {
                        legal[(rng.next_u64() % legal.len() as u64) as usize]
                    } else {
                        *legal.iter().find(|&&c| costs[c] == min).unwrap()
                    };
                    spent += costs[c] - min;
                    st.apply(c);
                }
                let mut wrong = 0;
                for d in 1..=heads.len() {
                    let h = if st.heads[d] == NONE {
                        NONE
                    } else {
                        st.heads[d]
                    };
                    let gh = if heads[d - 1] == 0 { 0 } else { heads[d - 1] };
                    let lab_ok = st.labels[d] as usize == g.labels[d] + 1;
                    if h != gh || !lab_ok {
                        wrong += 1;
                    }
                }
                if trial == 0 {
                    assert_eq!(wrong, 0, "oracle path must be exact for {heads:?}");
                }
                assert_eq!(wrong, spent, "loss must equal spent cost for {heads:?}");
            }
        }
    }
}
