//! Training: an averaged perceptron over greedy left-to-right decoding.
//!
//! Each epoch visits the sentences in a seeded shuffled order and decodes
//! each with the current weights, exactly as at run time (previous labels
//! are the *predicted* ones, and only labels allowed after them compete).
//! Where the prediction differs from the gold label, the gold label's
//! features gain 1 and the predicted one's lose 1. A gold `I-k` that may not
//! follow the predicted previous label is taught as `B-k`, the label that
//! would have been right there. The model keeps the weights averaged over
//! every step (the usual lazy-update trick), pruned below `prune`.
//!
//! Deterministic: the same sentences, lexicon and config give the same model
//! byte for byte.

use crate::features::{dynamic, Featurizer, TokenIn};
use crate::label::{labels, Label, TokenSpan, N_CLASSES};
use crate::lexicon::NameLexicon;
use crate::model::{choose, DecodeState, FeatMap, Model, Row};
use sitrep_doc::{Upos, Xpos};

/// One training sentence: forms, the tags the recognizer will see at run
/// time, and the gold names.
#[derive(Clone, Debug, Default)]
pub struct TrainSent {
    pub forms: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
    pub names: Vec<TokenSpan>,
}

impl TrainSent {
    pub fn tokens(&self) -> Vec<TokenIn<'_>> {
        self.forms
            .iter()
            .enumerate()
            .map(|(i, f)| TokenIn {
                form: f,
                upos: self.upos.get(i).copied().unwrap_or_default(),
                xpos: self.xpos.get(i).copied().unwrap_or_default(),
            })
            .collect()
    }
}

#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights whose largest magnitude over the classes is below
    /// this are dropped (a smaller, faster model).
    pub prune: f32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            seed: 1,
            prune: 0.5,
        }
    }
}

/// A sentence's static features, their offsets per token, token shape hashes and
/// gold labels.
type Cached = (Vec<u64>, Vec<u32>, Vec<u64>, Vec<Label>);

#[derive(Clone)]
struct Weights {
    w: Row,
    /// Sum of (step × update), for averaging.
    u: Row,
}

/// Trains a model.
pub fn train(sents: &[TrainSent], lex: &dyn NameLexicon, cfg: &TrainConfig) -> Model {
    // Static features are fixed per sentence: compute them once.
    let mut fz = Featurizer::default();
    let mut cache: Vec<Cached> = Vec::new();
    for s in sents {
        let toks = s.tokens();
        let (mut feats, mut starts) = (Vec::new(), Vec::new());
        fz.sentence(&toks, lex, &mut feats, &mut starts);
        let shapes = (0..toks.len()).map(|i| fz.shape_hash(i)).collect();
        cache.push((feats, starts, shapes, labels(toks.len(), &s.names)));
    }
    let mut table: FeatMap<Weights> = FeatMap::default();
    let mut order: Vec<usize> = (0..cache.len()).collect();
    let mut rng = cfg.seed ^ 0x2545_f491_4f6c_dd1d;
    let mut step: f32 = 1.0;
    let mut fs: Vec<u64> = Vec::new();
    for _ in 0..cfg.epochs {
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let (feats, starts, shapes, gold) = &cache[si];
            let (mut prev, mut prev2) = (None, None);
            for i in 0..gold.len() {
                fs.clear();
                fs.extend_from_slice(&feats[starts[i] as usize..starts[i + 1] as usize]);
                fs.extend(dynamic(prev, prev2, shapes[i]));
                let mut acc = [0.0; N_CLASSES];
                for f in &fs {
                    if let Some(r) = table.get(f) {
                        for (a, w) in acc.iter_mut().zip(&r.w) {
                            *a += w;
                        }
                    }
                }
                let (guess, _, _) = choose(&acc, prev, 1.0);
                let mut truth = gold[i];
                if !truth.may_follow(prev) {
                    truth = truth.kind().map_or(Label::O, Label::begin);
                }
                if guess != truth {
                    for f in &fs {
                        let e = table.entry(*f).or_insert(Weights {
                            w: [0.0; N_CLASSES],
                            u: [0.0; N_CLASSES],
                        });
                        e.w[truth.index()] += 1.0;
                        e.u[truth.index()] += step;
                        e.w[guess.index()] -= 1.0;
                        e.u[guess.index()] -= step;
                    }
                }
                step += 1.0;
                prev2 = prev;
                prev = Some(guess);
            }
        }
    }
    let mut rows: Vec<(u64, Row)> = table
        .into_iter()
        .filter_map(|(k, e)| {
            let mut r = [0.0; N_CLASSES];
            for ((r, w), u) in r.iter_mut().zip(&e.w).zip(&e.u) {
                *r = w - u / step;
            }
            let keep = r.iter().any(|w| w.abs() >= cfg.prune);
            keep.then_some((k, r))
        })
        .collect();
    rows.sort_unstable_by_key(|(k, _)| *k);
    let mut model = Model::from_rows(rows, 1.0);
    model.set_temperature(temperature(&model, sents, lex));
    model
}

/// A softmax temperature that makes confidences informative: the median
/// margin between the best and the second-best allowed label over the
/// training tokens labelled as part of a name (so a typical name token gets
/// a probability of about 0.6 to 0.7).
fn temperature(model: &Model, sents: &[TrainSent], lex: &dyn NameLexicon) -> f32 {
    let mut st = DecodeState::default();
    let (mut l, mut c) = (Vec::new(), Vec::new());
    let mut margins = Vec::new();
    for s in sents {
        model.predict_into(&s.tokens(), lex, &mut st, &mut l, &mut c);
        margins.extend(
            l.iter()
                .zip(st.margins())
                .filter(|(l, _)| **l != Label::O)
                .map(|(_, m)| *m),
        );
    }
    if margins.is_empty() {
        return 1.0;
    }
    margins.sort_by(f32::total_cmp);
    margins[margins.len() / 2].max(1e-3)
}

fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        v.swap(i, (z % (i as u64 + 1)) as usize);
    }
}
