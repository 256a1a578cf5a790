//! The trained weights, greedy decoding, and the model file format.
//!
//! Decoding is greedy left to right: each token takes the best-scoring label
//! that may follow the previous one ([`Label::may_follow`]), so the output is
//! always a well-formed BIO sequence. Scores are sums of per-feature weight
//! rows (one weight per class); the static features of the whole sentence
//! are scored first, then each step adds the previous labels' features.
//!
//! File format (little endian): magic `SITRPNER`, [`FORMAT_VERSION`] (u32),
//! class count (u32), softmax temperature (f32), quantisation scale (f32),
//! row count (u64), the rows' feature hashes (u64 each, strictly increasing),
//! their weights (i16 × classes each, `weight = q × scale`), and an FNV-1a
//! 64-bit checksum of everything before it. A truncated, damaged or
//! wrong-version file is an [`Error`], never a panic.

use crate::error::{Error, Result};
use crate::features::{dynamic, Featurizer, TokenIn};
use crate::label::{Label, N_CLASSES};
use crate::lexicon::NameLexicon;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub const MAGIC: &[u8; 8] = b"SITRPNER";
/// Bumped whenever the format, the feature templates or their hash change.
pub const FORMAT_VERSION: u32 = 1;

/// One weight per class.
pub type Row = [f32; N_CLASSES];

/// Feature keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

pub(crate) type FeatMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A trained recognizer model.
#[derive(Clone, Debug, Default)]
pub struct Model {
    index: FeatMap<u32>,
    rows: Vec<Row>,
    /// Scores are divided by this before the softmax that gives confidences.
    temperature: f32,
}

/// Reusable per-sentence buffers for [`Model::predict_into`].
#[derive(Default)]
pub struct DecodeState {
    pub(crate) featurizer: Featurizer,
    feats: Vec<u64>,
    starts: Vec<u32>,
    scores: Vec<Row>,
    margins: Vec<f32>,
    pub(crate) labels: Vec<Label>,
    pub(crate) confidence: Vec<f32>,
    /// The recognizer whose lexicon answers the featurizer's memo holds.
    pub(crate) owner: u64,
}

impl DecodeState {
    /// For each token of the last sentence, how far its label's score lies
    /// above the next allowed label's.
    pub fn margins(&self) -> &[f32] {
        &self.margins
    }
}

impl Model {
    /// A model from feature rows (training's output).
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, Row)>, temperature: f32) -> Model {
        let mut m = Model {
            temperature: if temperature > 0.0 { temperature } else { 1.0 },
            ..Model::default()
        };
        for (k, r) in rows {
            let i = m.rows.len() as u32;
            m.index.insert(k, i);
            m.rows.push(r);
        }
        m
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn temperature(&self) -> f32 {
        self.temperature
    }

    /// Sets the softmax temperature (ignored unless positive).
    pub fn set_temperature(&mut self, t: f32) {
        if t > 0.0 {
            self.temperature = t;
        }
    }

    pub(crate) fn row(&self, key: u64) -> Option<&Row> {
        self.index.get(&key).map(|&i| &self.rows[i as usize])
    }

    fn add(&self, key: u64, acc: &mut Row) {
        if let Some(r) = self.row(key) {
            for (a, w) in acc.iter_mut().zip(r) {
                *a += w;
            }
        }
    }

    /// Labels every token of `toks`; `confidence[i]` is the softmax
    /// probability of token `i`'s label among the labels allowed there.
    pub fn predict_into(
        &self,
        toks: &[TokenIn],
        lex: &dyn NameLexicon,
        st: &mut DecodeState,
        labels: &mut Vec<Label>,
        confidence: &mut Vec<f32>,
    ) {
        labels.clear();
        confidence.clear();
        st.featurizer
            .sentence(toks, lex, &mut st.feats, &mut st.starts);
        st.scores.clear();
        st.margins.clear();
        for i in 0..toks.len() {
            let mut acc = [0.0; N_CLASSES];
            let (a, b) = (st.starts[i] as usize, st.starts[i + 1] as usize);
            for &f in &st.feats[a..b] {
                self.add(f, &mut acc);
            }
            st.scores.push(acc);
        }
        let (mut prev, mut prev2) = (None, None);
        for i in 0..toks.len() {
            let mut acc = st.scores[i];
            for f in dynamic(prev, prev2, st.featurizer.shape_hash(i)) {
                self.add(f, &mut acc);
            }
            let (best, conf, margin) = choose(&acc, prev, self.temperature);
            labels.push(best);
            confidence.push(conf);
            st.margins.push(margin);
            prev2 = prev;
            prev = Some(best);
        }
    }

    /// Reads a model file.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Model> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes)
    }

    /// Decodes the file format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < 8 + 4 + 4 + 4 + 4 + 8 + 8 || &bytes[..8] != MAGIC {
            return Err(Error::Format("not a sitrep NER model".into()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv1a(body).to_le_bytes() != sum {
            return Err(Error::Format("checksum mismatch (damaged file)".into()));
        }
        let mut r = Reader { b: body, at: 8 };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(Error::Format(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        let classes = r.u32()? as usize;
        if classes != N_CLASSES {
            return Err(Error::Format(format!(
                "{classes} classes, this build has {N_CLASSES}"
            )));
        }
        let temperature = f32::from_bits(r.u32()?);
        let scale = f32::from_bits(r.u32()?);
        let n = usize::try_from(r.u64()?).map_err(|_| Error::Format("row count".into()))?;
        if n.checked_mul(8 + 2 * N_CLASSES) != Some(body.len().saturating_sub(r.at)) {
            return Err(Error::Format(
                "row count does not match the file size".into(),
            ));
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            if keys.last().is_some_and(|&p| p >= k) {
                return Err(Error::Format("feature keys out of order".into()));
            }
            keys.push(k);
        }
        let mut rows = Vec::with_capacity(n);
        for k in keys {
            let mut row = [0.0; N_CLASSES];
            for w in &mut row {
                *w = r.i16()? as f32 * scale;
            }
            rows.push((k, row));
        }
        Ok(Model::from_rows(rows, temperature))
    }

    /// Encodes the file format; weights are quantised to i16 (the largest
    /// magnitude maps to ±32767).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(k, i)| (*k, *i)).collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(36 + keys.len() * (8 + 2 * N_CLASSES));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(N_CLASSES as u32).to_le_bytes());
        out.extend_from_slice(&self.temperature.to_bits().to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for (k, _) in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, i) in &keys {
            for w in &self.rows[*i as usize] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Writes the model file.
    pub fn save(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        std::fs::write(path, self.to_bytes()).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// The best label allowed after `prev`, its softmax probability among the
/// allowed labels, and its margin over the second-best allowed label. Ties
/// go to the lower class index (`O` first), so decoding is deterministic.
pub(crate) fn choose(scores: &Row, prev: Option<Label>, temperature: f32) -> (Label, f32, f32) {
    let mut best = (Label::O, f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    for (c, &s) in scores.iter().enumerate() {
        let Some(l) = Label::from_index(c) else {
            continue;
        };
        if !l.may_follow(prev) {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (l, s);
        } else if s > second {
            second = s;
        }
    }
    let mut z = 0.0f32;
    for (c, &s) in scores.iter().enumerate() {
        if Label::from_index(c).is_some_and(|l| l.may_follow(prev)) {
            z += ((s - best.1) / temperature).exp();
        }
    }
    let conf = if z > 0.0 { 1.0 / z } else { 1.0 };
    (best.0, conf, best.1 - second)
}

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N]> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or_else(|| Error::Format("truncated file".into()))?;
        self.at += N;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32> {
        self.take::<4>().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64> {
        self.take::<8>().map(u64::from_le_bytes)
    }
    fn i16(&mut self) -> Result<i16> {
        self.take::<2>().map(i16::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let mut a = [0.0; N_CLASSES];
        a[1] = 2.5;
        a[3] = -1.25;
        let mut b = [0.0; N_CLASSES];
        b[0] = 0.5;
        b[8] = 7.0;
        Model::from_rows([(42, a), (7, b), (u64::MAX, [1.0; N_CLASSES])], 3.0)
    }

    #[test]
    fn model_file_round_trip() {
        let m = model();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back.temperature(), 3.0);
        let scale = 7.0 / 32767.0;
        for k in [42, 7, u64::MAX] {
            let (x, y) = (m.row(k).unwrap(), back.row(k).unwrap());
            for (a, b) in x.iter().zip(y) {
                assert!((a - b).abs() <= scale, "{k}: {a} vs {b}");
            }
        }
        // Same model, same bytes.
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = model().to_bytes();
        for cut in [0, 7, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        bad[40] ^= 1;
        assert!(Model::from_bytes(&bad).is_err());
        let mut v2 = bytes;
        v2[8] = 2;
        assert!(Model::from_bytes(&v2).is_err());
    }

    #[test]
    fn choose_respects_transitions() {
        let mut s = [0.0; N_CLASSES];
        s[Label::inside(sitrep_doc::entities::EntityKind::Place).index()] = 10.0;
        s[Label::begin(sitrep_doc::entities::EntityKind::Person).index()] = 1.0;
        let (l, c, m) = choose(&s, Some(Label::O), 1.0);
        assert_eq!(m, 1.0);
        assert_eq!(l, Label::begin(sitrep_doc::entities::EntityKind::Person));
        assert!(c > 0.0 && c <= 1.0);
        let (l, _, _) = choose(
            &s,
            Some(Label::begin(sitrep_doc::entities::EntityKind::Place)),
            1.0,
        );
        assert_eq!(l, Label::inside(sitrep_doc::entities::EntityKind::Place));
    }
}
