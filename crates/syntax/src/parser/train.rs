//! Training (behind the `train` feature): the settings, the dynamic oracle of
//! Goldberg & Nivre (2012) and the perceptron loop over gold sentences.
//!
//! Training scores every feature by its hash ([`State::features`]), in `f32`
//! and in feature order: the same settings, sentences and tags give the same
//! model, byte for byte.

use super::state::{left, right, words, State, Word, NONE, REDUCE, SHIFT};
use super::Parser;
use crate::corpus::{Rng, Sent};
use crate::error::{Error, Result};
use crate::perceptron::{argmax_where, Trainer};
use crate::tagger::Tag;
use sitrep_doc::Deprel;

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

/// Gold information for the dynamic oracle (positions as in [`State`]).
pub(super) struct Gold {
    /// Gold head of each position (`NONE` for the root itself, 0 for the
    /// root's dependent), after projectivisation.
    pub(super) heads: Vec<u32>,
    /// Gold label index of each position.
    pub(super) labels: Vec<usize>,
}

impl Gold {
    /// Cost (gold arcs made unreachable) of every class, written to `costs`.
    pub(super) fn costs(&self, st: &State, n_labels: usize, costs: &mut [u32]) {
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
