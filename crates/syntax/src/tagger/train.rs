//! Tagger training (behind the `train` feature): the settings and the
//! perceptron loop, with case augmentation, the tag dictionary, the
//! lemmatizer's rules and the fixed-class forms learned from the same
//! sentences. Deterministic given the settings: the same command reproduces
//! `data/models/tagger.bin` byte for byte.

use super::{sentence_feats, Tag, Tagger};
use crate::corpus::{Rng, Sent};
use crate::error::{Error, Result};
use crate::lemma::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::perceptron::{argmax_where, Trainer};
use crate::tagdict::TagDict;
use crate::tagfeat;
use crate::wordfeat::{self, Scratch};
use std::collections::HashMap;

/// How many of the most frequent training words a model lists as its
/// vocabulary, whose score rows the tagger precomputes at load (memory: this
/// × about 12 bytes per class, 9.5 MB at 99 classes). Beyond 8,000 the rows
/// outgrow what the CPU caches keep and tagging gets no faster; below it more
/// tokens are scored feature by feature.
const CACHE_WORDS: usize = 8000;

/// Training settings. Training is deterministic given these.
#[derive(Clone, Debug)]
pub struct TaggerConfig {
    pub iterations: usize,
    pub seed: u64,
    /// Fraction of sentences presented per epoch in ALL CAPS or Title Case
    /// (half each), so headlines tag like running text.
    pub augment: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// A training form seen at least this often, with one class at least
    /// `fixed_min_share` of the time, is given that class without scoring
    /// (punctuation, determiners, most function words: a third of running
    /// text). Training itself is unchanged.
    pub fixed_min_count: usize,
    pub fixed_min_share: f64,
}

impl Default for TaggerConfig {
    fn default() -> TaggerConfig {
        TaggerConfig {
            iterations: 10,
            seed: 1,
            augment: 0.1,
            // A weight updated once and never again averages to below 1;
            // dropping those halves the weight table (so it stays in cache),
            // at 0.05 points of UPOS accuracy. The parser uses the same cut.
            prune: 1.0,
            fixed_min_count: 20,
            fixed_min_share: 0.99,
        }
    }
}

/// `s` with its first character upper-cased (the Title Case augmentation).
fn title_case(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The forms that take one class without scoring: seen at least
/// `fixed_min_count` times in training, with one class at least
/// `fixed_min_share` of the time. Sorted by form, so models are reproducible.
fn fixed_classes(sents: &[Sent], gold: &[Vec<usize>], cfg: &TaggerConfig) -> Vec<(String, u8)> {
    let mut counts: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    for (s, g) in sents.iter().zip(gold) {
        for (f, &c) in s.forms.iter().zip(g) {
            *counts.entry(f.as_str()).or_default().entry(c).or_default() += 1;
        }
    }
    let mut fixed: Vec<(String, u8)> = counts
        .into_iter()
        .filter_map(|(form, by_class)| {
            let total: usize = by_class.values().sum();
            let (&class, &best) = by_class.iter().max_by_key(|&(c, n)| (*n, usize::MAX - c))?;
            let share = best as f64 / total as f64;
            (total >= cfg.fixed_min_count.max(1) && share >= cfg.fixed_min_share)
                .then(|| (form.to_string(), u8::try_from(class).ok()))
                .and_then(|(f, c)| Some((f, c?)))
        })
        .collect();
    fixed.sort();
    fixed
}

/// Trains a tagger on gold sentences. `lexicon` is vendored into the model.
pub fn train(sents: &[Sent], lexicon: Lexicon, cfg: &TaggerConfig) -> Result<Tagger> {
    let mut classes: Vec<Tag> = sents
        .iter()
        .flat_map(|s| {
            s.upos
                .iter()
                .zip(&s.xpos)
                .map(|(&upos, &xpos)| Tag { upos, xpos })
        })
        .collect();
    classes.sort_by_key(|t| (t.upos, t.xpos));
    classes.dedup();
    if classes.is_empty() {
        return Err(Error::Data("no tagged tokens to train on".into()));
    }
    if classes.len() > 255 {
        return Err(Error::Data("more than 255 UPOS|XPOS classes".into()));
    }
    let gold: Vec<Vec<usize>> = sents
        .iter()
        .map(|s| {
            s.upos
                .iter()
                .zip(&s.xpos)
                .map(|(&upos, &xpos)| {
                    classes
                        .iter()
                        .position(|t| *t == Tag { upos, xpos })
                        .unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let mut seen = Vec::new();
    let mut scratch = Scratch::default();
    for s in sents {
        for (f, u) in s.forms.iter().zip(&s.upos) {
            seen.push((
                wordfeat::compute(f, &lexicon, &mut scratch).lower,
                u.index(),
            ));
        }
    }
    let dict = TagDict::build(seen.into_iter());
    let mut model = Trainer::new(classes.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; classes.len()];
    for _ in 0..cfg.iterations {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &sents[si];
            let r = rng.unit();
            if r < cfg.augment / 2.0 {
                let f: Vec<String> = s.forms.iter().map(|f| f.to_uppercase()).collect();
                sentence_feats(&f, &lexicon, &dict, &mut scratch, &mut words);
            } else if r < cfg.augment {
                let f: Vec<String> = s.forms.iter().map(|f| title_case(f)).collect();
                sentence_feats(&f, &lexicon, &dict, &mut scratch, &mut words);
            } else {
                sentence_feats(&s.forms, &lexicon, &dict, &mut scratch, &mut words);
            }
            let (mut p1, mut p2, mut cue) = (0u64, 0u64, 0u64);
            for (i, &truth) in gold[si].iter().enumerate() {
                tagfeat::features(&words, i, p1, p2, cue, &mut feats);
                model.tick();
                model.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                model.update(&feats, truth, guess);
                let t = classes.get(guess).copied().unwrap_or_default();
                cue = tagfeat::clause_cue(cue, t.xpos);
                p2 = p1;
                p1 = guess as u64 + 1;
            }
        }
    }
    let lemmatizer = Lemmatizer::train(sents.iter().flat_map(|s| {
        s.forms
            .iter()
            .zip(&s.xpos)
            .zip(&s.lemmas)
            .map(|((f, x), l)| (f.as_str(), x.index() as u8, l.as_str()))
    }));
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for s in sents {
        for f in &s.forms {
            *freq.entry(f.as_str()).or_default() += 1;
        }
    }
    let fixed = fixed_classes(sents, &gold, cfg);
    let mut vocab: Vec<(&str, usize)> = freq.into_iter().collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let vocab = vocab
        .iter()
        .take(CACHE_WORDS)
        .map(|(w, _)| w.to_string())
        .collect();
    Ok(Tagger::new(
        classes,
        model.finish(cfg.prune)?,
        lexicon,
        dict,
        lemmatizer,
        vocab,
        fixed,
    ))
}
