//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
//! `UPOS|XPOS` classes, plus the lemmatizer and the vendored Brill lexicon.
//!
//! Training (`train`, `TaggerConfig`) is in `train.rs`, behind the `train`
//! feature.

#[cfg(feature = "train")]
mod train;
#[cfg(feature = "train")]
pub use train::{train, TaggerConfig};

use crate::binio::{Reader, Writer};
use crate::dense::add_row;
use crate::error::{Error, Result};
use crate::hash::{str_hash, IdMap};
use crate::lemma::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::perceptron::{argmax, argmax_where, Scores, Weights};
use crate::tagdict::TagDict;
use crate::tagfeat::{self, DenseTags, Window};
use crate::wordfeat::{self, Scratch, WordFeats};
use crate::wordrows::{Role, WordRows};
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
    /// Frequent training forms (and their class) that were tagged the same
    /// way almost every time (see `TaggerConfig::fixed_min_count`): at
    /// runtime they take that class without scoring.
    fixed: Vec<(String, u8)>,
    cache: IdMap<u32>,
    /// Per cached word: its fixed class + 1, or 0.
    cache_fixed: Vec<u8>,
    cache_words: Vec<WordFeats>,
    /// Per cached word: its summed static-feature weights, and the same for
    /// its features as next-but-one, next, previous and previous-but-one word.
    cache_rows: WordRows,
    /// Dense copies of the small-domain templates.
    dense: DenseTags,
}

/// The features of a word standing in `role` to the token being tagged.
fn neighbour_features(role: Role) -> fn(&WordFeats, &mut Vec<u64>) {
    match role {
        Role::Right2 => tagfeat::right2_features,
        Role::Right => tagfeat::right_features,
        Role::Left => tagfeat::left_features,
        Role::Left2 => tagfeat::left2_features,
    }
}

/// Attributes of one word, including its tag-dictionary entry.
fn word_feats(form: &str, lex: &Lexicon, dict: &TagDict, s: &mut Scratch) -> WordFeats {
    let mut w = wordfeat::compute(form, lex, s);
    w.amb = dict.get(w.lower);
    w
}

#[cfg(any(test, feature = "train"))]
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
        // Optional trailing section (absent from models written before it).
        let fixed = if r.at_end() {
            Vec::new()
        } else {
            let forms = r.strs()?;
            let classes = r.bytes()?;
            if forms.len() != classes.len() || classes.iter().any(|&c| c as usize >= names.len()) {
                return Err(Error::corrupt("tagger: bad fixed-class table"));
            }
            forms.into_iter().zip(classes).collect()
        };
        r.end()?;
        Ok(Tagger::new(
            classes, weights, lexicon, dict, lemmatizer, vocab, fixed,
        ))
    }

    /// The one constructor: derives the dense tables and the word cache from
    /// the model's parts.
    fn new(
        classes: Vec<Tag>,
        weights: Weights,
        lexicon: Lexicon,
        dict: TagDict,
        lemmatizer: Lemmatizer,
        vocab: Vec<String>,
        fixed: Vec<(String, u8)>,
    ) -> Tagger {
        let dense = DenseTags::build(&weights, lexicon.n_tags());
        let mut t = Tagger {
            classes,
            weights,
            lexicon,
            dict,
            lemmatizer,
            vocab,
            fixed,
            cache: IdMap::default(),
            cache_fixed: Vec::new(),
            cache_words: Vec::new(),
            cache_rows: WordRows::default(),
            dense,
        };
        t.build_cache();
        t
    }

    /// Precomputes attributes and static-feature scores of the vocabulary.
    /// Frequent words then
    /// cost one hash lookup instead of ~14 random table reads, which is what
    /// bounds tagging speed.
    fn build_cache(&mut self) {
        let n = self.classes.len();
        let mut scratch = Scratch::default();
        let mut feats = Vec::new();
        let mut scores: Scores = [0; 256];
        self.cache.clear();
        self.cache_words.clear();
        self.cache_rows = WordRows::new(n);
        let mut own = Vec::with_capacity(n);
        let mut neighbours: [Vec<i32>; Role::ALL.len()] = Default::default();
        self.cache_fixed.clear();
        let fixed: HashMap<&str, u8> = self.fixed.iter().map(|(f, c)| (f.as_str(), *c)).collect();
        for w in &self.vocab {
            let wf = word_feats(w, &self.lexicon, &self.dict, &mut scratch);
            if self.cache.contains_key(&wf.exact) {
                continue;
            }
            feats.clear();
            tagfeat::static_features(&wf, &mut feats);
            self.weights.score(&feats, &mut scores);
            self.cache.insert(wf.exact, self.cache_words.len() as u32);
            self.cache_words.push(wf);
            self.cache_fixed
                .push(fixed.get(w.as_str()).map_or(0, |&c| c.saturating_add(1)));
            own.clear();
            own.extend_from_slice(&scores[..n]);
            for (role, row) in Role::ALL.into_iter().zip(&mut neighbours) {
                feats.clear();
                neighbour_features(role)(&wf, &mut feats);
                self.weights.score(&feats, &mut scores);
                row.clear();
                row.extend_from_slice(&scores[..n]);
            }
            self.cache_rows
                .push(&own, neighbours.each_ref().map(Vec::as_slice));
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
        let forms: Vec<&str> = self.fixed.iter().map(|(f, _)| f.as_str()).collect();
        w.strs(&forms);
        w.bytes(&self.fixed.iter().map(|&(_, c)| c).collect::<Vec<u8>>());
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
    ///
    /// Two passes. The first sums, for every token, all the features that do
    /// not depend on predictions (precomputed word rows, dense tables, hashed
    /// word pairs): those table reads are independent, so the CPU overlaps
    /// their cache misses. The greedy left-to-right pass then adds only the
    /// features of the previous predictions. The result equals scoring
    /// `tagfeat::features` through the weight table.
    pub fn tag_into(&self, forms: &[impl AsRef<str>], st: &mut TagState, out: &mut Vec<Tag>) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: `tag_into_avx2` only requires AVX2, which the running
            // CPU was just checked to support.
            unsafe { self.tag_into_avx2(forms, st, out) };
            return;
        }
        self.tag_into_generic(forms, st, out);
    }

    /// [`Tagger::tag_into`] compiled for AVX2. The scoring loops add rows of
    /// ~100 `i16` weights into `i32` scores; AVX2 widens and adds twice as
    /// many lanes per instruction as the SSE2 baseline.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn tag_into_avx2(&self, forms: &[impl AsRef<str>], st: &mut TagState, out: &mut Vec<Tag>) {
        self.tag_into_generic(forms, st, out);
    }

    /// The body of [`Tagger::tag_into`], inlined into each CPU-specific copy.
    #[inline(always)]
    fn tag_into_generic(&self, forms: &[impl AsRef<str>], st: &mut TagState, out: &mut Vec<Tag>) {
        let n = self.classes.len();
        st.words.clear();
        st.cached.clear();
        for f in forms {
            let f = f.as_ref();
            match self.cache.get(&str_hash(f)) {
                Some(&k) => {
                    self.cache_rows.prefetch(k as usize);
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
        let nw = st.words.len();
        st.base.clear();
        for i in 0..nw {
            if self.fixed_class(st.cached[i]).is_some() {
                // Decided without scores; keep the rows aligned.
                st.base.resize(st.base.len() + n, 0);
                continue;
            }
            let at = |j: Option<usize>| j.and_then(|j| st.cached.get(j).copied());
            let at = |j| at(j).unwrap_or(usize::MAX);
            let x = Window::at(&st.words, i);
            let scores = &mut st.scores[..n];
            st.feats.clear();
            match self.cache_rows.own(at(Some(i))) {
                Some(row) => scores.copy_from_slice(row),
                None => {
                    scores.fill(0);
                    tagfeat::static_features(x.c, &mut st.feats);
                }
            }
            let neighbours = [
                (Role::Right2, Some(i + 2), x.n2),
                (Role::Right, Some(i + 1), x.n1),
                (Role::Left, i.checked_sub(1), x.m1),
                (Role::Left2, i.checked_sub(2), x.m2),
            ];
            for (role, j, w) in neighbours {
                match self.cache_rows.neighbour(at(j), role) {
                    Some(row) => add_row(scores, row),
                    None => neighbour_features(role)(w, &mut st.feats),
                }
            }
            self.dense.add_word_context(&x, scores, &mut st.feats);
            tagfeat::word_context_features(&x, &mut st.feats);
            self.weights.add_scores(&st.feats, &mut st.scores);
            st.base.extend_from_slice(&st.scores[..n]);
        }
        out.clear();
        let (mut p1, mut p2, mut cue) = (0u64, 0u64, 0u64);
        for (i, base) in st.base.chunks_exact(n).enumerate() {
            if let Some(c) = self.fixed_class(st.cached[i]) {
                let t = self.classes.get(c).copied().unwrap_or_default();
                out.push(t);
                cue = tagfeat::clause_cue(cue, t.xpos);
                p2 = p1;
                p1 = c as u64 + 1;
                continue;
            }
            let x = Window::at(&st.words, i);
            st.feats.clear();
            let scores = &mut st.scores[..n];
            scores.copy_from_slice(base);
            self.dense
                .add_tag_context(&x, p1, p2, scores, &mut st.feats);
            tagfeat::tag_features(&x, p1, p2, cue, &mut st.feats);
            self.weights.add_scores(&st.feats, &mut st.scores);
            let c = self.decide(&st.scores[..n], p1, x.c);
            let t = self.classes.get(c).copied().unwrap_or_default();
            out.push(t);
            cue = tagfeat::clause_cue(cue, t.xpos);
            p2 = p1;
            p1 = c as u64 + 1;
        }
    }

    /// The best class given `scores`, under one grammatical constraint the
    /// training data cannot teach (it has no example): right after a base-form
    /// verb, a word with a noun stem is not a 3rd-person-singular verb
    /// ("declare pauses", "make calls" — never "declare ~~pauses~~ VBZ"). Words
    /// without a noun stem ("is", "has") are unaffected.
    #[inline(always)]
    fn decide(&self, scores: &[i32], p1: u64, w: &WordFeats) -> usize {
        let c = argmax(scores).unwrap_or(0);
        let is = |k: usize, x: Xpos| self.classes.get(k).is_some_and(|t| t.xpos == x);
        if !is(c, Xpos::VBZ)
            || p1 == 0
            || !is(p1 as usize - 1, Xpos::VB)
            || !self.lexicon.is_noun(w.stem_lex)
        {
            return c;
        }
        argmax_where(scores, |k| !is(k, Xpos::VBZ)).unwrap_or(c)
    }

    /// The fixed class of cached word `k` (`usize::MAX` = uncached), if any.
    #[inline(always)]
    fn fixed_class(&self, k: usize) -> Option<usize> {
        match self.cache_fixed.get(k) {
            Some(&c) if c > 0 => Some(usize::from(c - 1)),
            _ => None,
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

    /// Number of fixed-class forms (tagged without scoring).
    pub fn n_fixed_forms(&self) -> usize {
        self.fixed.len()
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
    /// Per token: the `n_classes` scores of the prediction-independent features.
    base: Vec<i32>,
}

impl Default for TagState {
    fn default() -> TagState {
        TagState {
            scratch: Scratch::default(),
            words: Vec::new(),
            feats: Vec::new(),
            scores: Box::new([0; 256]),
            cached: Vec::new(),
            base: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Greedy decoding with every feature scored through the weight table,
    /// exactly as in training, and fixed-class forms (when in the
    /// vocabulary) given their class: the reference the runtime shortcuts
    /// (word cache, dense tables, two passes) must reproduce.
    fn tag_reference(t: &Tagger, forms: &[&str]) -> Vec<Tag> {
        let mut scratch = Scratch::default();
        let mut words = Vec::new();
        sentence_feats(forms, &t.lexicon, &t.dict, &mut scratch, &mut words);
        let (mut feats, mut scores) = (Vec::new(), [0i32; 256]);
        let (mut p1, mut p2, mut cue) = (0u64, 0u64, 0u64);
        let mut out = Vec::new();
        let fixed: HashMap<&str, u8> = t
            .fixed
            .iter()
            .filter(|(f, _)| t.vocab.contains(f))
            .map(|(f, c)| (f.as_str(), *c))
            .collect();
        for (i, form) in forms.iter().enumerate() {
            tagfeat::features(&words, i, p1, p2, cue, &mut feats);
            t.weights.score(&feats, &mut scores);
            let c = match fixed.get(form) {
                Some(&c) => usize::from(c),
                None => t.decide(&scores[..t.classes.len()], p1, &words[i]),
            };
            out.push(t.classes[c]);
            cue = tagfeat::clause_cue(cue, t.classes[c].xpos);
            (p2, p1) = (p1, c as u64 + 1);
        }
        out
    }

    /// Precomputed word scores and dense tables are optimisations only:
    /// tagging must give exactly the reference result, with and without
    /// the word cache, including padding positions and unknown words.
    #[cfg(feature = "train")]
    #[test]
    fn shortcuts_do_not_change_tags() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");
        let sents = crate::corpus::load(&[path]).unwrap();
        let lex = Lexicon::parse("rebels NNS\nthe DT\nfled VBD\nattack VB\n").unwrap();
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
        for extra in [
            "Unknown rebels fled the xyzzy city quickly",
            "THE REBELS FLED , AND THE ARMY ATTACK",
            "the",
            ", , , . ! ?",
        ] {
            texts.push(extra.split(' ').collect());
        }
        texts.push(Vec::new());
        for t in &texts {
            let expect = tag_reference(&cached, t);
            assert_eq!(cached.tag(t), expect, "{t:?}");
            assert_eq!(plain.tag(t), expect, "{t:?}");
        }
        // Low thresholds give this small corpus fixed-class forms; they must
        // survive saving and be applied exactly as the reference applies them.
        let low = TaggerConfig {
            fixed_min_count: 2,
            fixed_min_share: 0.9,
            ..cfg
        };
        let fixed = train(&sents, Lexicon::default(), &low).unwrap();
        assert!(
            fixed.fixed.iter().any(|(f, _)| f == "the"),
            "{:?}",
            fixed.fixed
        );
        let reloaded = Tagger::from_bytes(&fixed.to_bytes()).unwrap();
        assert_eq!(reloaded.fixed, fixed.fixed);
        assert!(reloaded.cache_fixed.iter().any(|&c| c > 0));
        for t in &texts {
            assert_eq!(reloaded.tag(t), tag_reference(&fixed, t), "{t:?}");
        }
    }

    /// The vendored model through the shortcuts equals the reference on
    /// varied text (cached and uncached words, headline case, digits).
    #[test]
    fn vendored_shortcuts_match_reference() {
        let t = Tagger::vendored().unwrap();
        for s in [
            "US proposals to declare pauses in hostilities lead up a blind alley , Lavrov said .",
            "REBELS SEIZE 3 TOWNS NEAR ALEPPO",
            "Government forces shelled al-Bab on 12/12/2016 , killing 14 civilians .",
            "The Syrian Observatory for Human Rights said regime forces pushed them out .",
        ] {
            let forms: Vec<&str> = s.split(' ').collect();
            assert_eq!(t.tag(&forms), tag_reference(&t, &forms), "{s}");
        }
    }
}
