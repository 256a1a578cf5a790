//! Tag dictionary: the UPOS tags each frequent training word was seen with.
//!
//! Complements the Brill lexicon, which has one Penn tag per word and none of UD's
//! distinctions (AUX/VERB, SCONJ/ADP, PROPN). Only words seen at least
//! `MIN_COUNT` times are kept, so during training the dictionary does not
//! describe rare words better than it will describe unseen ones at runtime.

use crate::binio::{Reader, Writer};
use crate::error::{Error, Result};
use crate::hash::IdMap;
#[cfg(feature = "train")]
use std::collections::HashMap;

#[cfg(feature = "train")]
const MIN_COUNT: u32 = 5;
/// A tag must account for this share of a word's occurrences to be listed.
#[cfg(feature = "train")]
const MIN_SHARE: f64 = 0.05;

/// Word (hash of the digit-normalised lowercase form, as in `WordFeats::lower`)
/// → bit set of UPOS indices.
#[derive(Clone, Debug, Default)]
pub struct TagDict {
    words: IdMap<u32>,
}

impl TagDict {
    /// Builds from `(word hash, UPOS index)` pairs.
    #[cfg(feature = "train")]
    pub fn build(items: impl Iterator<Item = (u64, usize)>) -> TagDict {
        let mut counts: HashMap<u64, [u32; 32]> = HashMap::new();
        for (w, u) in items {
            if u < 32 {
                counts.entry(w).or_insert([0; 32])[u] += 1;
            }
        }
        let words = counts
            .into_iter()
            .filter_map(|(w, c)| {
                let total: u32 = c.iter().sum();
                if total < MIN_COUNT {
                    return None;
                }
                let mask = c.iter().enumerate().fold(0u32, |m, (i, &n)| {
                    if f64::from(n) >= MIN_SHARE * f64::from(total) {
                        m | 1 << i
                    } else {
                        m
                    }
                });
                Some((w, mask))
            })
            .collect();
        TagDict { words }
    }

    /// The tag set of a word (0 = not a frequent training word).
    #[inline]
    pub fn get(&self, lower: u64) -> u32 {
        self.words.get(&lower).copied().unwrap_or(0)
    }

    pub fn write(&self, w: &mut Writer) {
        let mut e: Vec<(u64, u32)> = self.words.iter().map(|(k, v)| (*k, *v)).collect();
        e.sort_unstable();
        w.u64s(&e.iter().map(|x| x.0).collect::<Vec<_>>());
        w.u32s(&e.iter().map(|x| x.1).collect::<Vec<_>>());
    }

    pub fn read(r: &mut Reader<'_>) -> Result<TagDict> {
        let keys = r.u64s()?;
        let vals = r.u32s()?;
        if keys.len() != vals.len() {
            return Err(Error::corrupt("tag dictionary: length mismatch"));
        }
        Ok(TagDict {
            words: keys.into_iter().zip(vals).collect(),
        })
    }
}
