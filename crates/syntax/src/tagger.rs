//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
//! `UPOS|XPOS` classes, plus the lemmatizer and the vendored Brill lexicon.

use crate::binio::{Reader, Writer};
use crate::corpus::{Rng, Sent};
use crate::error::{Error, Result};
use crate::hash::{feat1, feat2, feat3, str_hash, IdMap};
use crate::lemma::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::perceptron::{argmax, argmax_where, Scores, Trainer, Weights};
use crate::tagdict::TagDict;
use crate::wordfeat::{self, Scratch, WordFeats, PAD_END, PAD_START};
use sitrep_doc::{Upos, Xpos};
use std::collections::HashMap;
use std::path::Path;

const KIND: u8 = b'T';

/// The tags of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    pub upos: Upos,
    pub xpos: Xpos,
}

/// A trained tagger + lemmatizer. Immutable and `Sync`: share one across threads.
#[derive(Clone, Debug)]
pub struct Tagger {
    classes: Vec<Tag>,
    weights: Weights,
    lexicon: Lexicon,
    dict: TagDict,
    lemmatizer: Lemmatizer,
    /// The most frequent training forms, whose attributes and static-feature
    /// scores are precomputed at load time ([`Tagger::build_cache`]).
    vocab: Vec<String>,
    cache: IdMap<u32>,
    cache_words: Vec<WordFeats>,
    /// `cache_words.len() * classes.len()` summed static-feature weights.
    cache_scores: Vec<i32>,
    /// The same for the word's features as previous, next and next-but-one word.
    cache_left: NeighbourRows,
    cache_right: NeighbourRows,
    cache_right2: NeighbourRows,
    /// `classes.len()` zeros, standing in for an uncached word's rows.
    zero_row: Vec<i32>,
    zero_row16: Vec<i16>,
}

/// How many frequent words get precomputed scores (memory: this × classes × 4 bytes).
const CACHE_WORDS: usize = 5000;

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
}

impl Default for TaggerConfig {
    fn default() -> TaggerConfig {
        TaggerConfig {
            iterations: 10,
            seed: 1,
            augment: 0.1,
            prune: 0.3,
        }
    }
}

/// Writes the feature hashes for token `i` given the two previous predicted
/// classes (`0` = sentence start, else class + 1).
fn features(w: &[WordFeats], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    static_features(w.get(i).unwrap_or(&PAD_END), out);
    context_features(w, i, p1, p2, Cached::NONE, out);
}

/// Which neighbours' position-specific features are covered by precomputed
/// scores (see [`Tagger::build_cache`]) and must not be emitted again.
#[derive(Clone, Copy, Default)]
struct Cached {
    left: bool,
    right: bool,
    right2: bool,
}

impl Cached {
    const NONE: Cached = Cached {
        left: false,
        right: false,
        right2: false,
    };
}

/// Features of the previous word alone.
fn left_features(m1: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(19, m1.lower),
        feat1(23, m1.suf[2]),
        feat1(25, u64::from(m1.lex)),
        feat1(47, u64::from(m1.amb)),
    ]);
}

/// Features of the next word alone.
fn right_features(n1: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(21, n1.lower),
        feat1(24, n1.suf[2]),
        feat1(26, u64::from(n1.lex)),
        feat1(45, u64::from(n1.amb)),
    ]);
}

/// Features of the word after next alone.
fn right2_features(n2: &WordFeats, out: &mut Vec<u64>) {
    out.extend_from_slice(&[
        feat1(22, n2.lower),
        feat1(27, u64::from(n2.lex)),
        feat1(48, u64::from(n2.amb)),
    ]);
}

/// The features that depend on the token alone: their summed weights can be
/// precomputed per word (see [`Tagger::build_cache`]).
fn static_features(c: &WordFeats, out: &mut Vec<u64>) {
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

/// The features that depend on the neighbours and the previous predictions.
fn context_features(
    w: &[WordFeats],
    i: usize,
    p1: u64,
    p2: u64,
    cached: Cached,
    out: &mut Vec<u64>,
) {
    let at = |j: isize| -> &WordFeats {
        if j < 0 {
            &PAD_START
        } else {
            w.get(j as usize).unwrap_or(&PAD_END)
        }
    };
    let i0 = i as isize;
    let (c, m1, m2, n1, n2) = (at(i0), at(i0 - 1), at(i0 - 2), at(i0 + 1), at(i0 + 2));
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat2(11, u64::from(c.cap), first),
        feat3(14, u64::from(c.lex), u64::from(c.cap), first),
        feat1(15, p1),
        feat1(16, p2),
        feat2(17, p1, p2),
        feat2(18, p1, c.lower),
        feat1(20, m2.lower),
        feat2(28, u64::from(m1.cap), u64::from(c.cap)),
        feat2(29, u64::from(n1.cap), u64::from(c.cap)),
        feat2(30, m1.lower, c.lower),
        feat2(31, c.lower, n1.lower),
        feat2(32, p1, u64::from(c.lex)),
        feat2(33, u64::from(c.lex), u64::from(n1.lex)),
        feat2(34, p1, c.suf[2]),
        feat2(36, n1.shape, c.suf[1]),
        feat2(37, p1, n1.lower),
        feat3(39, p1, u64::from(c.lex), u64::from(c.stem_lex)),
        feat2(40, c.lower, u64::from(c.next_verb)),
        feat2(41, p1, u64::from(c.next_verb)),
        feat2(44, p1, u64::from(c.amb)),
        feat2(46, u64::from(c.amb), u64::from(n1.amb)),
    ]);
    if !cached.left {
        left_features(m1, out);
    }
    if !cached.right {
        right_features(n1, out);
    }
    if !cached.right2 {
        right2_features(n2, out);
    }
}

/// The precomputed `n`-class row of cached word `k` in `table`, if any
/// (`k == usize::MAX` marks an uncached word).
fn cached_row(table: &[i32], k: usize, n: usize) -> Option<&[i32]> {
    let start = k.checked_mul(n)?;
    table.get(start..start.checked_add(n)?)
}

/// Precomputed scores of the cached words' features in one neighbour position
/// (previous, next or next-but-one word), narrowed to `i16` so a row spans half
/// as many cache lines. A word whose sums do not fit is marked absent and
/// scored through its features instead, so results stay exact.
#[derive(Clone, Debug, Default)]
struct NeighbourRows {
    rows: Vec<i16>,
    fits: Vec<bool>,
}

impl NeighbourRows {
    fn clear(&mut self) {
        self.rows.clear();
        self.fits.clear();
    }

    /// Appends the next cached word's row.
    fn push(&mut self, scores: &[i32]) {
        let fits = scores.iter().all(|&v| i16::try_from(v).is_ok());
        self.fits.push(fits);
        self.rows.extend(scores.iter().map(|&v| {
            if fits {
                i16::try_from(v).unwrap_or(0)
            } else {
                0
            }
        }));
    }

    /// The row of cached word `k` (`usize::MAX` = uncached), if it fits.
    fn get(&self, k: usize, n: usize) -> Option<&[i16]> {
        if !*self.fits.get(k)? {
            return None;
        }
        let start = k.checked_mul(n)?;
        self.rows.get(start..start.checked_add(n)?)
    }
}

/// Attributes of one word, including its tag-dictionary entry.
fn word_feats(form: &str, lex: &Lexicon, dict: &TagDict, s: &mut Scratch) -> WordFeats {
    let mut w = wordfeat::compute(form, lex, s);
    w.amb = dict.get(w.lower);
    w
}

fn sentence_feats(
    forms: &[impl AsRef<str>],
    lex: &Lexicon,
    dict: &TagDict,
    s: &mut Scratch,
    out: &mut Vec<WordFeats>,
) {
    out.clear();
    out.extend(forms.iter().map(|f| word_feats(f.as_ref(), lex, dict, s)));
    wordfeat::set_next_verb(out, lex);
}

impl Tagger {
    /// Loads a model file written by [`Tagger::save`].
    pub fn load(path: impl AsRef<Path>) -> Result<Tagger> {
        Tagger::from_bytes(&crate::binio::read_file(path.as_ref())?)
    }

    /// The model trained on GUM + EWT dev and compiled into the binary
    /// (`data/models/tagger.bin`).
    pub fn vendored() -> Result<Tagger> {
        Tagger::from_bytes(crate::VENDORED_TAGGER)
    }

    pub fn from_bytes(data: &[u8]) -> Result<Tagger> {
        let mut r = Reader::new(data, KIND)?;
        let names = r.strs()?;
        let mut classes = Vec::with_capacity(names.len());
        for n in &names {
            let (u, x) = n
                .split_once('|')
                .ok_or_else(|| Error::corrupt(format!("tagger: bad class {n:?}")))?;
            let upos =
                Upos::from_name(u).ok_or_else(|| Error::corrupt(format!("unknown UPOS {u:?}")))?;
            let xpos =
                Xpos::from_name(x).ok_or_else(|| Error::corrupt(format!("unknown XPOS {x:?}")))?;
            classes.push(Tag { upos, xpos });
        }
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != classes.len() {
            return Err(Error::corrupt("tagger: class count mismatch"));
        }
        let lexicon = Lexicon::read(&mut r)?;
        let dict = TagDict::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let vocab = r.strs()?;
        r.end()?;
        let mut t = Tagger {
            classes,
            weights,
            lexicon,
            dict,
            lemmatizer,
            vocab,
            cache: IdMap::default(),
            cache_words: Vec::new(),
            cache_scores: Vec::new(),
            cache_left: NeighbourRows::default(),
            cache_right: NeighbourRows::default(),
            cache_right2: NeighbourRows::default(),
            zero_row: Vec::new(),
            zero_row16: Vec::new(),
        };
        t.build_cache();
        Ok(t)
    }

    /// Precomputes attributes and static-feature scores of the vocabulary.
    /// Frequent words then cost one hash lookup instead of ~14 random table
    /// reads, which is what bounds tagging speed.
    fn build_cache(&mut self) {
        let n = self.classes.len();
        let mut scratch = Scratch::default();
        let mut feats = Vec::new();
        let mut scores: Scores = [0; 256];
        self.cache.clear();
        self.cache_words.clear();
        self.cache_scores.clear();
        self.cache_left.clear();
        self.cache_right.clear();
        self.cache_right2.clear();
        self.zero_row = vec![0; n];
        self.zero_row16 = vec![0; n];
        for w in &self.vocab {
            let wf = word_feats(w, &self.lexicon, &self.dict, &mut scratch);
            if self.cache.contains_key(&wf.exact) {
                continue;
            }
            feats.clear();
            static_features(&wf, &mut feats);
            self.weights.score(&feats, &mut scores);
            self.cache.insert(wf.exact, self.cache_words.len() as u32);
            self.cache_words.push(wf);
            self.cache_scores.extend_from_slice(&scores[..n]);
            for (f, table) in [
                (
                    left_features as fn(&WordFeats, &mut Vec<u64>),
                    &mut self.cache_left,
                ),
                (right_features, &mut self.cache_right),
                (right2_features, &mut self.cache_right2),
            ] {
                feats.clear();
                f(&wf, &mut feats);
                self.weights.score(&feats, &mut scores);
                table.push(&scores[..n]);
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND);
        let names: Vec<String> = self
            .classes
            .iter()
            .map(|t| format!("{}|{}", t.upos, t.xpos))
            .collect();
        w.strs(&names);
        self.weights.write(&mut w);
        self.lexicon.write(&mut w);
        self.dict.write(&mut w);
        self.lemmatizer.write(&mut w);
        w.strs(&self.vocab);
        w.finish()
    }

    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        crate::binio::write_file(path.as_ref(), &self.to_bytes())
    }

    /// Tags one sentence (token forms, Penn-style tokenisation).
    pub fn tag(&self, forms: &[impl AsRef<str>]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(forms.len());
        let mut ws = TagState::default();
        self.tag_into(forms, &mut ws, &mut out);
        out
    }

    /// [`Tagger::tag`] with caller-owned buffers, for throughput.
    pub fn tag_into(&self, forms: &[impl AsRef<str>], st: &mut TagState, out: &mut Vec<Tag>) {
        let n = self.classes.len();
        st.words.clear();
        st.cached.clear();
        for f in forms {
            let f = f.as_ref();
            match self.cache.get(&str_hash(f)) {
                Some(&k) => {
                    st.words.push(
                        self.cache_words
                            .get(k as usize)
                            .copied()
                            .unwrap_or_default(),
                    );
                    st.cached.push(k as usize);
                }
                None => {
                    st.words
                        .push(word_feats(f, &self.lexicon, &self.dict, &mut st.scratch));
                    st.cached.push(usize::MAX);
                }
            }
        }
        wordfeat::set_next_verb(&mut st.words, &self.lexicon);
        out.clear();
        let (mut p1, mut p2) = (0u64, 0u64);
        let nw = st.words.len();
        for i in 0..nw {
            let at = |j: usize| if j < nw { st.cached[j] } else { usize::MAX };
            let own = cached_row(&self.cache_scores, at(i), n);
            let left = if i > 0 {
                self.cache_left.get(at(i - 1), n)
            } else {
                None
            };
            let right = self.cache_right.get(at(i + 1), n);
            let right2 = self.cache_right2.get(at(i + 2), n);
            st.feats.clear();
            if own.is_none() {
                static_features(&st.words[i], &mut st.feats);
            }
            let cached = Cached {
                left: left.is_some(),
                right: right.is_some(),
                right2: right2.is_some(),
            };
            context_features(&st.words, i, p1, p2, cached, &mut st.feats);
            self.weights.score(&st.feats, &mut st.scores);
            // One fused pass over the four precomputed rows (absent ones read
            // as zeros): the compiler vectorises it, unlike four separate adds
            // through an iterator of options.
            let (zeros, zeros16) = (&self.zero_row[..n], &self.zero_row16[..n]);
            let (own, left) = (own.unwrap_or(zeros), left.unwrap_or(zeros16));
            let (right, right2) = (right.unwrap_or(zeros16), right2.unwrap_or(zeros16));
            let scores = &mut st.scores[..n];
            for ((((s, a), b), c), d) in scores.iter_mut().zip(own).zip(left).zip(right).zip(right2)
            {
                *s += a + i32::from(*b) + i32::from(*c) + i32::from(*d);
            }
            let c = argmax(scores).unwrap_or(0);
            out.push(self.classes.get(c).copied().unwrap_or_default());
            p2 = p1;
            p1 = c as u64 + 1;
        }
    }

    /// Tags and lemmatizes one sentence.
    pub fn analyze(&self, forms: &[impl AsRef<str>]) -> Vec<(Tag, String)> {
        let tags = self.tag(forms);
        let mut lower = String::new();
        forms
            .iter()
            .zip(tags)
            .map(|(f, t)| {
                let mut lemma = String::new();
                lower.clear();
                lower.extend(f.as_ref().chars().flat_map(char::to_lowercase));
                self.lemma_into(f.as_ref(), &lower, t.xpos, &mut lemma);
                (t, lemma)
            })
            .collect()
    }

    /// The lemma of `form` (whose lowercase is `lower`) tagged `xpos`.
    pub fn lemma_into(&self, form: &str, lower: &str, xpos: Xpos, out: &mut String) {
        self.lemmatizer
            .lemma_into(form, lower, xpos.index() as u8, xpos.as_str(), out);
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }

    /// The tag classes this model predicts.
    pub fn classes(&self) -> &[Tag] {
        &self.classes
    }

    /// Number of Brill lexicon entries vendored in the model.
    pub fn lexicon_len(&self) -> usize {
        self.lexicon.len()
    }
}

/// Reusable per-thread buffers for [`Tagger::tag_into`].
pub struct TagState {
    scratch: Scratch,
    words: Vec<WordFeats>,
    feats: Vec<u64>,
    scores: Box<Scores>,
    /// Per token: index into the tagger's word cache, or `usize::MAX`.
    cached: Vec<usize>,
}

impl Default for TagState {
    fn default() -> TagState {
        TagState {
            scratch: Scratch::default(),
            words: Vec::new(),
            feats: Vec::new(),
            scores: Box::new([0; 256]),
            cached: Vec::new(),
        }
    }
}

fn title_case(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
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
            let (mut p1, mut p2) = (0u64, 0u64);
            for (i, &truth) in gold[si].iter().enumerate() {
                features(&words, i, p1, p2, &mut feats);
                model.tick();
                model.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                model.update(&feats, truth, guess);
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
    let mut vocab: Vec<(&str, usize)> = freq.into_iter().collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut t = Tagger {
        classes,
        weights: model.finish(cfg.prune)?,
        lexicon,
        dict,
        lemmatizer,
        vocab: vocab
            .iter()
            .take(CACHE_WORDS)
            .map(|(w, _)| w.to_string())
            .collect(),
        cache: IdMap::default(),
        cache_words: Vec::new(),
        cache_scores: Vec::new(),
        cache_left: NeighbourRows::default(),
        cache_right: NeighbourRows::default(),
        cache_right2: NeighbourRows::default(),
        zero_row: Vec::new(),
        zero_row16: Vec::new(),
    };
    t.build_cache();
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Precomputed word scores are an optimisation only: tagging with and
    /// without the cache must give identical results.
    #[test]
    fn cache_does_not_change_tags() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");
        let sents = crate::corpus::load(&[path]).unwrap();
        let lex = Lexicon::parse("rebels NNS\nthe DT\n").unwrap();
        let cfg = TaggerConfig {
            iterations: 3,
            prune: 0.0,
            ..TaggerConfig::default()
        };
        let cached = train(&sents, lex, &cfg).unwrap();
        let mut plain = cached.clone();
        plain.vocab.clear();
        plain.build_cache();
        assert!(cached.cache.len() > 10 && plain.cache.is_empty());
        let mut texts: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.forms.iter().map(String::as_str).collect())
            .collect();
        texts.push(
            "Unknown rebels fled the xyzzy city quickly"
                .split(' ')
                .collect(),
        );
        texts.push(vec!["the"]);
        for t in &texts {
            assert_eq!(cached.tag(t), plain.tag(t), "{t:?}");
        }
    }
}
