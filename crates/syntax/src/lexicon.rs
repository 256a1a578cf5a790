//! The Brill lexicon (word → most likely Penn tag), vendored inside tagger models.
//!
//! Source: Eric Brill's tagger v1.14 lexicon as shipped by TextBlob (MIT; © MIT and
//! UPenn 1993). Only the word hashes and tags are stored, which keeps the model
//! small and loading allocation-free per word; lookups hash the query the same way.

use crate::binio::{Reader, Writer};
use crate::error::{Error, Result};
#[cfg(feature = "train")]
use crate::hash::str_hash;
use crate::hash::IdMap;

/// Word hash → tag index into `tags`.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    tags: Vec<String>,
    words: IdMap<u8>,
    /// Per tag id (1-based, index 0 unused): is it a verb tag (`VB*`, `MD`)?
    verbal: Vec<bool>,
    /// Per tag id (as `verbal`): is it a common-noun tag (`NN`, `NNS`)?
    nominal: Vec<bool>,
}

impl Lexicon {
    /// Parses the `word TAG` text format; `;;;` lines are comments. Only the
    /// first tag of an ambiguous `NN|JJ` entry is kept. Training reads the
    /// lexicon this way; models carry it in binary form ([`Lexicon::read`]).
    #[cfg(feature = "train")]
    pub fn parse(text: &str) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        for line in text.lines() {
            if line.starts_with(";;;") {
                continue;
            }
            let mut it = line.split_whitespace();
            let (Some(word), Some(tag)) = (it.next(), it.next()) else {
                continue;
            };
            let tag = tag.split('|').next().unwrap_or(tag);
            let id = match lex.tags.iter().position(|t| t == tag) {
                Some(i) => i,
                None => {
                    if lex.tags.len() >= 255 {
                        return Err(Error::Data("lexicon has more than 255 tags".into()));
                    }
                    lex.tags.push(tag.to_string());
                    lex.tags.len() - 1
                }
            };
            lex.words.insert(str_hash(word), id as u8 + 1);
        }
        lex.index_tags();
        Ok(lex)
    }

    fn index_tags(&mut self) {
        self.verbal = std::iter::once(false)
            .chain(self.tags.iter().map(|t| t.starts_with("VB") || t == "MD"))
            .collect();
        self.nominal = std::iter::once(false)
            .chain(self.tags.iter().map(|t| t == "NN" || t == "NNS"))
            .collect();
    }

    /// Whether tag id `t` is a common-noun tag.
    pub fn is_noun(&self, t: u8) -> bool {
        self.nominal.get(t as usize).copied().unwrap_or(false)
    }

    /// Whether tag id `t` (as returned by [`Lexicon::lookup_hash`]) is verbal.
    pub fn is_verb(&self, t: u8) -> bool {
        self.verbal.get(t as usize).copied().unwrap_or(false)
    }

    /// Number of distinct tags (ids run `1..=n_tags()`).
    pub fn n_tags(&self) -> usize {
        self.tags.len()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Tag id (1-based; 0 = not in the lexicon) of an already-hashed word.
    #[inline]
    pub fn lookup_hash(&self, h: u64) -> u8 {
        self.words.get(&h).copied().unwrap_or(0)
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.tags);
        let mut entries: Vec<(u64, u8)> = self.words.iter().map(|(k, v)| (*k, *v)).collect();
        entries.sort_unstable();
        w.u64s(&entries.iter().map(|e| e.0).collect::<Vec<_>>());
        w.bytes(&entries.iter().map(|e| e.1).collect::<Vec<_>>());
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Lexicon> {
        let tags = r.strs()?;
        let keys = r.u64s()?;
        let vals = r.bytes()?;
        if keys.len() != vals.len() || vals.iter().any(|&v| v == 0 || v as usize > tags.len()) {
            return Err(Error::corrupt("lexicon: bad entries"));
        }
        let mut words = IdMap::default();
        words.reserve(keys.len());
        words.extend(keys.into_iter().zip(vals));
        let mut lex = Lexicon {
            tags,
            words,
            verbal: Vec::new(),
            nominal: Vec::new(),
        };
        lex.index_tags();
        Ok(lex)
    }
}
