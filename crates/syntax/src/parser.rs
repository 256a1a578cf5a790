//! Transition-based dependency parser: arc-eager with a root token at the front,
//! greedy decoding, averaged perceptron over joint move+label classes, trained
//! with the dynamic oracle of Goldberg & Nivre (2012).
//!
//! Positions: 0 is the artificial root, word `i` of the sentence is position
//! `i + 1`. Every transition consumes a buffer word or pops the stack, so a
//! sentence of `n` words takes at most `2n` transitions, each with a constant
//! number of features: parsing is O(n).

use crate::binio::{Reader, Writer};
use crate::corpus::{Rng, Sent};
use crate::error::{Error, Result};
use crate::hash::{bytes, feat1, feat2, feat3, finish, mix};
use crate::perceptron::{argmax_where, Scores, Trainer, Weights};
use crate::tagger::Tag;
use sitrep_doc::{Deprel, Upos};
use std::path::Path;

const KIND: u8 = b'P';
const NONE: u32 = u32::MAX;

const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// The head and relation of one word. `head` is a 0-based word index within the
/// sentence, `None` for the root.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Arc {
    pub head: Option<u32>,
    pub deprel: Deprel,
}

/// A trained parser. Immutable and `Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<Deprel>,
    root_label: usize,
    weights: Weights,
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
            w: finish(bytes(scratch.as_bytes())),
            p: t.xpos.index() as u64 + 1,
            u: t.upos.index() as u64 + 1,
        });
    }
    out
}

/// A parser configuration.
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
}

impl State {
    fn new(n_words: usize) -> State {
        let n = n_words + 1;
        let mut in_stack = vec![false; n];
        in_stack[0] = true;
        State {
            n,
            stack: vec![0],
            in_stack,
            b: 1,
            heads: vec![NONE; n],
            labels: vec![0; n],
            lc1: vec![NONE; n],
            lc2: vec![NONE; n],
            rc1: vec![NONE; n],
            rc2: vec![NONE; n],
            nl: vec![0; n],
            nr: vec![0; n],
            lset: vec![0; n],
            rset: vec![0; n],
            leaf: vec![false; n],
        }
    }

    /// Marks punctuation as unable to take dependents: UD never gives
    /// punctuation dependents, and letting the parser do so only adds errors.
    fn mark_leaves(&mut self, words: &[Word]) {
        let punct = Upos::PUNCT.index() as u64 + 1;
        for (l, w) in self.leaf.iter_mut().zip(words).skip(1) {
            *l = w.u == punct;
        }
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
        let Some(s0) = self.s0() else {
            return c == SHIFT && !self.terminal();
        };
        let has_buffer = !self.terminal();
        match c {
            SHIFT => has_buffer,
            REDUCE => s0 != 0 && self.heads[s0 as usize] != NONE,
            _ => {
                let l = (c - 2) / 2;
                let is_left = c & 1 == 0;
                if !has_buffer {
                    return false;
                }
                if is_left {
                    s0 != 0
                        && self.heads[s0 as usize] == NONE
                        && l != root_label
                        && !self.leaf[self.b]
                } else if s0 == 0 {
                    l == root_label && self.rc1[0] == NONE
                } else {
                    l != root_label && !self.leaf[s0 as usize]
                }
            }
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

    /// Feature hashes of this configuration.
    fn features(&self, words: &[Word], out: &mut Vec<u64>) {
        let get = |p: u32| -> Word {
            if p == NONE {
                NO_WORD
            } else {
                words.get(p as usize).copied().unwrap_or(NO_WORD)
            }
        };
        let lab = |p: u32| -> u64 {
            if p == NONE {
                0x7100
            } else {
                u64::from(self.labels[p as usize])
            }
        };
        let at = |v: &Vec<u32>, p: u32| -> u32 {
            if p == NONE {
                NONE
            } else {
                v[p as usize]
            }
        };
        let len = self.stack.len();
        let s0p = self.s0().unwrap_or(NONE);
        let s1p = if len >= 2 { self.stack[len - 2] } else { NONE };
        let n0p = if self.b < self.n { self.b as u32 } else { NONE };
        let n1p = if self.b + 1 < self.n {
            self.b as u32 + 1
        } else {
            NONE
        };
        let n2p = if self.b + 2 < self.n {
            self.b as u32 + 2
        } else {
            NONE
        };
        let s0hp = at(&self.heads, s0p);
        let s0h2p = at(&self.heads, s0hp);
        let (s0lp, s0l2p) = (at(&self.lc1, s0p), at(&self.lc2, s0p));
        let (s0rp, s0r2p) = (at(&self.rc1, s0p), at(&self.rc2, s0p));
        let (n0lp, n0l2p) = (at(&self.lc1, n0p), at(&self.lc2, n0p));
        let s1rp = at(&self.rc1, s1p);
        let n0m1p = if n0p != NONE && n0p > 1 {
            n0p - 1
        } else {
            NONE
        };
        let s0p1p = if s0p != NONE && (s0p as usize) + 1 < self.n {
            s0p + 1
        } else {
            NONE
        };

        let (s0, s1, n0, n1, n2) = (get(s0p), get(s1p), get(n0p), get(n1p), get(n2p));
        let (s0h, s0h2) = (get(s0hp), get(s0h2p));
        let (s0l, s0l2, s0r, s0r2) = (get(s0lp), get(s0l2p), get(s0rp), get(s0r2p));
        let (n0l, n0l2, s1r) = (get(n0lp), get(n0l2p), get(s1rp));
        let (n0m1, s0p1) = (get(n0m1p), get(s0p1p));
        let wp = |x: Word| mix(x.w, x.p);
        let dist = if s0p != NONE && n0p != NONE {
            match n0p - s0p {
                d @ 0..=4 => u64::from(d),
                5..=7 => 5,
                _ => 6,
            }
        } else {
            7
        };
        let val = |v: &Vec<u8>, p: u32| -> u64 {
            if p == NONE {
                99
            } else {
                u64::from(v[p as usize])
            }
        };
        let set = |v: &Vec<u64>, p: u32| -> u64 {
            if p == NONE {
                99
            } else {
                v[p as usize]
            }
        };
        let (s0vl, s0vr, n0vl) = (val(&self.nl, s0p), val(&self.nr, s0p), val(&self.nl, n0p));
        let (s0sl, s0sr, n0sl) = (
            set(&self.lset, s0p),
            set(&self.rset, s0p),
            set(&self.lset, n0p),
        );
        let (s0ll, s0l2l, s0rl, s0r2l) = (lab(s0lp), lab(s0l2p), lab(s0rp), lab(s0r2p));
        let (n0ll, n0l2l, s0lab, s0hl) = (lab(n0lp), lab(n0l2p), lab(s0p), lab(s0hp));
        let headed = u64::from(s0p != NONE && self.heads[s0p as usize] != NONE);
        out.clear();
        out.extend_from_slice(&[
            feat1(0, 0),
            feat1(1, s0.w),
            feat1(2, s0.p),
            feat1(3, wp(s0)),
            feat1(4, n0.w),
            feat1(5, n0.p),
            feat1(6, wp(n0)),
            feat1(7, n1.w),
            feat1(8, n1.p),
            feat1(9, wp(n1)),
            feat1(10, n2.w),
            feat1(11, n2.p),
            feat1(12, s1.w),
            feat1(13, s1.p),
            feat2(14, wp(s0), wp(n0)),
            feat2(15, wp(s0), n0.w),
            feat2(16, s0.w, wp(n0)),
            feat2(17, wp(s0), n0.p),
            feat2(18, s0.p, wp(n0)),
            feat2(19, s0.w, n0.w),
            feat2(20, s0.p, n0.p),
            feat2(21, n0.p, n1.p),
            feat3(22, n0.p, n1.p, n2.p),
            feat3(23, s0.p, n0.p, n1.p),
            feat3(24, s0h.p, s0.p, n0.p),
            feat3(25, s0.p, s0l.p, n0.p),
            feat3(26, s0.p, s0r.p, n0.p),
            feat3(27, s0.p, n0.p, n0l.p),
            feat3(28, s1.p, s0.p, n0.p),
            feat2(29, s0.w, dist),
            feat2(30, s0.p, dist),
            feat2(31, n0.w, dist),
            feat2(32, n0.p, dist),
            feat3(33, s0.w, n0.w, dist),
            feat3(34, s0.p, n0.p, dist),
            feat2(35, s0.w, s0vr),
            feat2(36, s0.p, s0vr),
            feat2(37, s0.w, s0vl),
            feat2(38, s0.p, s0vl),
            feat2(39, n0.w, n0vl),
            feat2(40, n0.p, n0vl),
            feat1(41, s0h.w),
            feat1(42, s0h.p),
            feat1(43, s0lab),
            feat1(44, s0l.w),
            feat1(45, s0l.p),
            feat1(46, s0ll),
            feat1(47, s0r.w),
            feat1(48, s0r.p),
            feat1(49, s0rl),
            feat1(50, n0l.w),
            feat1(51, n0l.p),
            feat1(52, n0ll),
            feat1(53, s0h2.w),
            feat1(54, s0h2.p),
            feat1(55, s0hl),
            feat1(56, s0l2.w),
            feat1(57, s0l2.p),
            feat1(58, s0l2l),
            feat1(59, s0r2.w),
            feat1(60, s0r2.p),
            feat1(61, s0r2l),
            feat1(62, n0l2.w),
            feat1(63, n0l2.p),
            feat1(64, n0l2l),
            feat3(65, s0.p, s0ll, s0l2l),
            feat3(66, s0.p, s0rl, s0r2l),
            feat3(67, s0.p, s0h.p, s0h2.p),
            feat3(68, n0.p, n0ll, n0l2l),
            feat2(69, s0.w, s0sr),
            feat2(70, s0.p, s0sr),
            feat2(71, s0.w, s0sl),
            feat2(72, s0.p, s0sl),
            feat2(73, n0.w, n0sl),
            feat2(74, n0.p, n0sl),
            feat3(75, headed, s0.p, n0.p),
            feat2(76, s1.w, s0.w),
            feat2(77, s0.u, n0.u),
            feat3(78, s0.u, n0.u, n1.u),
            feat2(79, s1.p, s0.p),
            feat2(80, n0m1.p, n0.p),
            feat3(81, s0.p, s0p1.p, n0.p),
            feat3(82, s1r.p, s0.p, n0.p),
            feat3(83, s0.w, n0.p, n1.p),
            feat3(84, s0.p, n0.w, n1.p),
            feat2(85, s0lab, n0.p),
            // Control/raising: "force [the opposition] to withdraw" — the head of
            // s0 and the buffer verb decide between REDUCE (xcomp) and acl.
            feat2(86, s0h.w, n0.p),
            feat3(87, s0h.w, s0.p, n0.p),
            feat3(88, s0.w, n0.p, n0l.p),
            feat3(89, n0.w, n0l.w, s0.p),
            // Punctuation attachment (a quarter of all head errors): what the
            // comma separates decides whether it attaches left or right.
            feat3(92, n0.w, s0.p, n1.p),
            feat3(93, n0.w, s0lab, n1.p),
            feat3(94, s0.w, n0.p, s1.p),
            feat3(95, s0.w, n0.p, n0l.p),
        ]);
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
        Ok(Parser {
            labels,
            root_label,
            weights,
        })
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
    pub fn parse(&self, forms: &[impl AsRef<str>], tags: &[Tag]) -> Vec<Arc> {
        let mut scratch = String::new();
        let words = words(forms, tags, &mut scratch);
        let mut st = State::new(forms.len());
        st.mark_leaves(&words);
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
    fn finish(&self, st: &State, tags: &[Tag]) -> Vec<Arc> {
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
        let mut out: Vec<Arc> = (1..=n)
            .map(|p| Arc {
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
                out[p - 1] = Arc {
                    head: None,
                    deprel: root_rel,
                };
            } else {
                let is_punct = tags.get(p - 1).is_some_and(|t| t.upos == Upos::PUNCT);
                let rel = if is_punct { "punct" } else { "parataxis" };
                out[p - 1] = Arc {
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
    Ok(Parser {
        labels,
        root_label,
        weights: model.finish(cfg.prune)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
