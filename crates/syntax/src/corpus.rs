//! Treebank sentences in the form training and evaluation use.

use crate::error::{Error, Result};
use sitrep_doc::conllu;
use sitrep_doc::{Deprel, Upos, Xpos};
use std::path::Path;

/// One gold sentence. Heads are 1-based with 0 for the root, as in CoNLL-U.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sent {
    pub forms: Vec<String>,
    pub lemmas: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
    pub heads: Vec<u32>,
    pub deprels: Vec<Deprel>,
}

impl Sent {
    pub fn len(&self) -> usize {
        self.forms.len()
    }
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// Converts parsed CoNLL-U sentences. Unknown UPOS/XPOS names are errors (a
/// tagger must not silently learn `_`); unknown relations fall back to their base.
pub fn from_conllu(sents: &[conllu::Sentence]) -> Result<Vec<Sent>> {
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let mut t = Sent::default();
        for w in &s.words {
            let upos = Upos::from_name(&w.upos)
                .ok_or_else(|| Error::Data(format!("unknown UPOS {:?}", w.upos)))?;
            // Some treebanks leave XPOS empty; `_` maps to the unset tag.
            let xpos = Xpos::from_name(&w.xpos)
                .ok_or_else(|| Error::Data(format!("unknown XPOS {:?}", w.xpos)))?;
            t.forms.push(w.form.clone());
            t.lemmas.push(w.lemma.clone());
            t.upos.push(upos);
            t.xpos.push(xpos);
            t.heads.push(w.head as u32);
            t.deprels.push(Deprel::from_name_or_base(&w.deprel));
        }
        out.push(t);
    }
    Ok(out)
}

/// Reads and concatenates CoNLL-U files.
pub fn load(paths: &[impl AsRef<Path>]) -> Result<Vec<Sent>> {
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        let text = std::fs::read_to_string(p).map_err(|source| Error::Io {
            path: p.to_path_buf(),
            source,
        })?;
        let parsed = conllu::parse(&text).map_err(|source| Error::Conllu {
            path: p.to_path_buf(),
            source,
        })?;
        out.extend(from_conllu(&parsed)?);
    }
    Ok(out)
}

/// A small deterministic PRNG (SplitMix64) so training is reproducible by seed.
#[cfg(any(test, feature = "train"))]
#[derive(Clone, Debug)]
pub struct Rng(u64);

#[cfg(any(test, feature = "train"))]
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x2545_F491_4F6C_DD1D)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
