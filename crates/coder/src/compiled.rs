//! The verb dictionary's patterns and synsets compiled once, when the coder
//! is built, into the form matching reads: words interned to `u32` ids,
//! synset names resolved to indexes, each pattern split at its verb.
//!
//! Why: a sentence is matched against thousands of patterns (about twenty
//! per verb); comparing interned ids instead of strings, and resolving a
//! synset by index instead of hashing its name at every position, removes
//! most of the matching cost without changing what matches.
//!
//! Invariants: every word of every pattern and synset member has an id in
//! [`Compiled::word_id`]'s lexicon, and no id equals [`NO_WORD`], so a text
//! word outside the lexicon (id [`NO_WORD`]) equals no pattern word, exactly
//! as its string would; [`Compiled::patterns`] of a block lists its patterns
//! in dictionary order, one for one.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use sitrep_dict::{Elem, FxHasher, Pattern, PatternElem, Synset, VerbDict};

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The id of a word that no pattern or synset member contains (and of an
/// absent lemma).
pub(crate) const NO_WORD: u32 = u32::MAX;

/// What one compiled pattern element does (see [`sitrep_dict::Elem`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word(u32),
    /// A synset by index; `None` when the pattern names an unknown synset
    /// (it then matches nothing, as before compilation).
    Synset(Option<u32>),
    Source,
    Target,
    Compound,
    Skip,
    /// The verb itself or a bracket: consumes nothing.
    Pass,
    /// Index into [`Compiled::alternatives`].
    Alternatives(u32),
}

/// A compiled element and its connector (`tight`: adjacent to the element
/// matched before it in matching order).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CElem {
    pub kind: Kind,
    pub tight: bool,
}

/// A pattern split at its verb, each side in matching order (outward from
/// the verb), with the plain words each side must contain.
#[derive(Clone, Debug, Default)]
pub(crate) struct CPattern {
    /// Before the verb, reversed: element k is linked to k+1 by k+1's
    /// connector (the verb's own for the one next to the verb).
    pub pre: Vec<CElem>,
    /// After the verb, in order, each with its own connector.
    pub post: Vec<CElem>,
    /// Top-level plain words of each side: a cheap test before matching.
    pub pre_words: Vec<u32>,
    pub post_words: Vec<u32>,
    /// [`signature`] of each side's plain words: a window whose signature
    /// lacks one of these bits lacks one of the words.
    pub pre_mask: u64,
    pub post_mask: u64,
}

/// A 64-bit signature bit of word id `id`. A set of words is summarised by
/// the union of its words' bits; if a word's bit is missing from a set's
/// signature, the word is not in the set (the converse need not hold).
#[inline]
pub(crate) fn signature(id: u32) -> u64 {
    1u64 << (id % 64)
}

/// A synset's members as ids, indexed by first and last word so matching
/// at a position looks at the few members that can start there.
#[derive(Clone, Debug, Default)]
pub(crate) struct CSynset {
    pub members: Vec<Vec<u32>>,
    pub first: FxMap<u32, Vec<u32>>,
    pub last: FxMap<u32, Vec<u32>>,
}

/// The compiled verb dictionary (see the module doc).
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    lexicon: FxMap<Box<str>, u32>,
    /// Per block, per pattern.
    blocks: Vec<Vec<CPattern>>,
    pub synsets: Vec<CSynset>,
    /// `{ a | b c }` groups: per group, its alternatives' elements.
    pub alternatives: Vec<Vec<Vec<CElem>>>,
}

impl Compiled {
    pub fn new(dict: &VerbDict) -> Compiled {
        let mut c = Compiled::default();
        // As a map collected in order: a repeated synset name means the last.
        let names: FxMap<&str, u32> = dict
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (&*s.name, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        c.synsets = dict.synsets.iter().map(|s| c.synset(s)).collect();
        c.blocks = dict
            .blocks
            .iter()
            .map(|b| b.patterns.iter().map(|p| c.pattern(p, &names)).collect())
            .collect();
        c
    }

    /// The id of a normalised match word, [`NO_WORD`] if no pattern or
    /// synset member contains it.
    pub fn word_id(&self, w: &str) -> u32 {
        self.lexicon.get(w).copied().unwrap_or(NO_WORD)
    }

    /// The compiled patterns of block `b`, in the block's order.
    pub fn patterns(&self, b: usize) -> &[CPattern] {
        self.blocks.get(b).map_or(&[], Vec::as_slice)
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.lexicon.get(w) {
            return id;
        }
        // Ids stay below NO_WORD: a dictionary has far fewer words.
        let id = u32::try_from(self.lexicon.len())
            .unwrap_or(NO_WORD - 1)
            .min(NO_WORD - 1);
        self.lexicon.insert(w.into(), id);
        id
    }

    fn synset(&mut self, set: &Synset) -> CSynset {
        let mut out = CSynset::default();
        for (i, m) in set.members.iter().enumerate() {
            let ids: Vec<u32> = m.iter().map(|w| self.intern(w)).collect();
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if let (Some(&f), Some(&l)) = (ids.first(), ids.last()) {
                out.first.entry(f).or_default().push(i);
                out.last.entry(l).or_default().push(i);
            }
            out.members.push(ids);
        }
        out
    }

    fn pattern(&mut self, p: &Pattern, names: &FxMap<&str, u32>) -> CPattern {
        let vpos = p.elems.iter().position(|e| e.elem == Elem::Verb);
        let (pre, post): (&[PatternElem], &[PatternElem]) = match vpos {
            Some(v) => (&p.elems[..v], &p.elems[v + 1..]),
            None => (&[], &p.elems[..]),
        };
        let verb_tight = vpos.and_then(|v| p.elems.get(v)).is_some_and(|e| e.tight);
        let mut out = CPattern::default();
        for e in post {
            let c = self.elem(e, names);
            out.post.push(c);
            if let Kind::Word(x) = c.kind {
                out.post_words.push(x);
                out.post_mask |= signature(x);
            }
        }
        for k in (0..pre.len()).rev() {
            let tight = if k + 1 < pre.len() {
                pre[k + 1].tight
            } else {
                verb_tight
            };
            let c = self.elem(&pre[k], names);
            out.pre.push(CElem {
                kind: c.kind,
                tight,
            });
            if let Kind::Word(x) = c.kind {
                out.pre_words.push(x);
                out.pre_mask |= signature(x);
            }
        }
        out
    }

    fn elem(&mut self, e: &PatternElem, names: &FxMap<&str, u32>) -> CElem {
        let kind = match &e.elem {
            Elem::Word(w) => Kind::Word(self.intern(w)),
            Elem::Synset(name) => Kind::Synset(names.get(&**name).copied()),
            Elem::Source => Kind::Source,
            Elem::Target => Kind::Target,
            Elem::Compound => Kind::Compound,
            Elem::Skip => Kind::Skip,
            Elem::Verb | Elem::Open(_) | Elem::Close(_) => Kind::Pass,
            Elem::Alternatives(alts) => {
                let group: Vec<Vec<CElem>> = alts
                    .iter()
                    .map(|alt| alt.iter().map(|pe| self.elem(pe, names)).collect())
                    .collect();
                let k = u32::try_from(self.alternatives.len()).unwrap_or(u32::MAX);
                self.alternatives.push(group);
                Kind::Alternatives(k)
            }
        };
        CElem {
            kind,
            tight: e.tight,
        }
    }
}
