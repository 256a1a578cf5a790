//! Transition-based dependency parser: arc-eager with a root token at the front,
//! greedy decoding, averaged perceptron over joint move+label classes, trained
//! with the dynamic oracle of Goldberg & Nivre (2012).
//!
//! Positions: 0 is the artificial root, word `i` of the sentence is position
//! `i + 1`. Every transition consumes a buffer word or pops the stack, so a
//! sentence of `n` words takes at most `2n` transitions, each with a constant
//! number of features: parsing is O(n).
//!
//! This module holds the API ([`Parser`], [`ParseState`]), model I/O and the
//! decoder with its AVX2 dispatch. The parts:
//!
//! - `state`: the transition system (configurations, legal moves);
//! - `features`: the feature templates, grouped by when their arguments change;
//! - `dense`: dense weight rows for the small-domain templates;
//! - `rows`: the per-sentence score rows of the front and top templates;
//! - `train` (feature `train`): `ParserConfig`, the dynamic oracle and
//!   `train`.
//!
//! The decoder's shortcuts (dense rows, per-sentence and per-word sums) give
//! exactly the arcs of scoring every feature by its hash, the way training
//! scores; `tests` checks that on trained and vendored models.

mod dense;
mod features;
mod rows;
mod state;
#[cfg(test)]
mod tests;
#[cfg(feature = "train")]
mod train;

pub use crate::deparc::DepArc;
#[cfg(feature = "train")]
pub use train::{train, ParserConfig, TrainItem};

use crate::binio::{Reader, Writer};
use crate::error::{Error, Result};
use crate::perceptron::{argmax_where, Scores, Weights};
use crate::tagger::Tag;
use dense::{DenseSink, DenseTemplates};
use features::{config_features, front_features, top_features};
use rows::{position_row, zero_rows, FrontScores, Split, ToRows, TopScores};
use sitrep_doc::{Deprel, Upos};
use state::{words_into, State, Word, NONE, SHIFT};
use std::path::Path;

const KIND: u8 = b'P';

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
    /// Scores exactly what the hashed features of `State::features` would
    /// (the same integer weights, summed in another order): the templates of
    /// one position are summed once per sentence (buffer front) or once per
    /// word reaching the stack top ([`TopContext`](features::TopContext)),
    /// small-domain templates are read from [`DenseTemplates`](dense::DenseTemplates), and the rest
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
        let words = state::words(forms, tags, &mut scratch);
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
