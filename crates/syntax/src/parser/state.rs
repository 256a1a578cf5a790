//! The arc-eager transition system: configurations ([`State`]), the moves
//! legal in them ([`Moves`]) and how a move changes a configuration.
//!
//! Classes: [`SHIFT`], [`REDUCE`], then a left and a right arc per label
//! (`left`, `right`). A state keeps, besides the stack and buffer, the
//! facts about the partial tree that the features read (leftmost and
//! rightmost children, valencies, label sets), updated in O(1) per move.

use crate::hash::str_hash;
use crate::tagger::Tag;
use sitrep_doc::{Upos, Xpos};

/// "No position": an empty slot in the per-position arrays of [`State`].
pub(super) const NONE: u32 = u32::MAX;

pub(super) const SHIFT: usize = 0;
pub(super) const REDUCE: usize = 1;

/// The left-arc class of label `l`.
#[cfg(any(test, feature = "train"))]
#[inline]
pub(super) fn left(l: usize) -> usize {
    2 + 2 * l
}
/// The right-arc class of label `l`.
#[cfg(feature = "train")]
#[inline]
pub(super) fn right(l: usize) -> usize {
    3 + 2 * l
}

/// Per-word attributes used by the features: lowercased form hash, XPOS, UPOS.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Word {
    pub(super) w: u64,
    pub(super) p: u64,
    pub(super) u: u64,
}

/// The artificial root at position 0.
pub(super) const ROOT_WORD: Word = Word {
    w: 0x7001,
    p: 0x7002,
    u: 0x7003,
};

/// [`words_into`] into a new vector.
#[cfg(any(test, feature = "train"))]
pub(super) fn words(forms: &[impl AsRef<str>], tags: &[Tag], scratch: &mut String) -> Vec<Word> {
    let mut out = Vec::with_capacity(forms.len() + 1);
    words_into(forms, tags, scratch, &mut out);
    out
}

/// Writes the root followed by one [`Word`] per form to `out` (cleared first).
pub(super) fn words_into(
    forms: &[impl AsRef<str>],
    tags: &[Tag],
    scratch: &mut String,
    out: &mut Vec<Word>,
) {
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

/// The legal classes of a configuration (see [`State::moves`]).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Moves {
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
    pub(super) fn allows(&self, c: usize) -> bool {
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

/// A parser configuration. The fields the features, the oracle and
/// [`super::Parser`] read are visible to the parser module, but only the
/// methods here change them, so the child and valency arrays always agree
/// with `heads` and `labels`.
#[derive(Debug, Default)]
pub(super) struct State {
    /// Number of positions including the root.
    pub(super) n: usize,
    pub(super) stack: Vec<u32>,
    pub(super) in_stack: Vec<bool>,
    /// Buffer front position; the buffer is `b..n`.
    pub(super) b: usize,
    pub(super) heads: Vec<u32>,
    /// Label index + 1 (0 = no arc yet).
    pub(super) labels: Vec<u8>,
    /// Leftmost and second-leftmost, rightmost and second-rightmost
    /// dependents of each position (`NONE` if fewer).
    pub(super) lc1: Vec<u32>,
    pub(super) lc2: Vec<u32>,
    pub(super) rc1: Vec<u32>,
    pub(super) rc2: Vec<u32>,
    /// Left and right valencies (dependent counts, saturating).
    pub(super) nl: Vec<u8>,
    pub(super) nr: Vec<u8>,
    /// Bit sets of the labels (modulo 64) of left and right dependents.
    pub(super) lset: Vec<u64>,
    pub(super) rset: Vec<u64>,
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
    /// The initial configuration for `n_words` words.
    #[cfg(any(test, feature = "train"))]
    pub(super) fn new(n_words: usize) -> State {
        let mut st = State::default();
        st.reset(n_words);
        st
    }

    /// Turns this into the initial configuration for `n_words` words, reusing
    /// the buffers.
    pub(super) fn reset(&mut self, n_words: usize) {
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
    pub(super) fn mark_leaves(&mut self, words: &[Word]) {
        let punct = Upos::PUNCT.index() as u64 + 1;
        for (l, w) in self.leaf.iter_mut().zip(words).skip(1) {
            *l = w.u == punct;
        }
    }

    /// Turns on the to-infinitive rule for a sentence (decoding only: models
    /// are trained without it) with the parser's subject labels.
    pub(super) fn forbid_infinitive_subjects(&mut self, words: &[Word], subject_labels: [u8; 2]) {
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

    pub(super) fn terminal(&self) -> bool {
        self.b >= self.n
    }

    pub(super) fn s0(&self) -> Option<u32> {
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
    #[cfg(any(test, feature = "train"))]
    pub(super) fn legal(&self, c: usize, root_label: usize) -> bool {
        self.moves(root_label).allows(c)
    }

    /// The legal classes of this configuration, in a form that is cheap to
    /// ask about each class (the decoder asks about all of them).
    pub(super) fn moves(&self, root_label: usize) -> Moves {
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

    pub(super) fn apply(&mut self, c: usize) {
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
    pub(super) fn s1(&self) -> u32 {
        match self.stack.len() {
            0 | 1 => NONE,
            len => self.stack[len - 2],
        }
    }
}
