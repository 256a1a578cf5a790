//! In-memory indexes built at load time: word-sequence tries for actors, agents
//! and verbs, and a last-name table.
//!
//! Words are interned to `u32` ids once ([`Vocab`]); a trie edge is a hash-map
//! entry `(node, word) → child`, so walking a phrase costs one hash lookup per
//! word and never allocates. Node 0 is the root.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::lists::verb_forms;
use crate::model::Words;
use crate::DictSet;

/// A small, fast, non-cryptographic hasher (the Fx multiply-rotate scheme) for
/// integer and short-string keys built from trusted dictionary data. Public so
/// the coder's own indexes over dictionary words hash the same cheap way.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Interned match words.
#[derive(Default, Debug)]
pub(crate) struct Vocab {
    ids: FxMap<Box<str>, u32>,
}

impl Vocab {
    pub fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(w.into(), id);
        id
    }
    /// The id of a known word.
    pub fn get(&self, w: &str) -> Option<u32> {
        self.ids.get(w).copied()
    }
}

/// A trie over word ids whose nodes carry lists of entry ids.
#[derive(Default, Debug)]
pub(crate) struct Trie {
    edges: FxMap<(u32, u32), u32>,
    values: FxMap<u32, Vec<u32>>,
    nodes: u32,
}

impl Trie {
    fn insert(&mut self, words: &[u32], value: u32) {
        let mut node = 0;
        for &w in words {
            node = match self.edges.get(&(node, w)) {
                Some(&n) => n,
                None => {
                    self.nodes += 1;
                    self.edges.insert((node, w), self.nodes);
                    self.nodes
                }
            };
        }
        // Entries are inserted in id order (every caller walks its entries in
        // order), so a duplicate can only be the last value: a constant-time
        // check where `contains` made one phrase shared by n entries cost n².
        let list = self.values.entry(node).or_default();
        debug_assert!(list.last().is_none_or(|&l| l <= value));
        if list.last() != Some(&value) {
            list.push(value);
        }
    }

    /// The child of `node` along `word`.
    #[inline]
    pub fn step(&self, node: u32, word: u32) -> Option<u32> {
        self.edges.get(&(node, word)).copied()
    }

    /// Entries ending at `node`.
    #[inline]
    pub fn values(&self, node: u32) -> &[u32] {
        self.values.get(&node).map_or(&[], Vec::as_slice)
    }

    /// Entries whose phrase is exactly `words`.
    pub fn get(&self, words: &[u32]) -> &[u32] {
        let mut node = 0;
        for &w in words {
            match self.step(node, w) {
                Some(n) => node = n,
                None => return &[],
            }
        }
        if words.is_empty() {
            return &[];
        }
        self.values(node)
    }
}

/// All indexes over one dictionary set.
#[derive(Default, Debug)]
pub(crate) struct Index {
    pub vocab: Vocab,
    pub actors: Trie,
    pub agents: Trie,
    /// Values index [`Index::verb_refs`].
    pub verbs: Trie,
    /// `(block, verb)` pairs.
    pub verb_refs: Vec<(usize, usize)>,
    pub discards: Trie,
    pub issues: Trie,
    pub issue_ignore: Trie,
    /// Final word of multi-word actor names → actor ids.
    pub last_names: FxMap<u32, Vec<u32>>,
}

impl Index {
    pub fn build(set: &DictSet) -> Index {
        let (actors, agents, verbs) = (&set.actors, &set.agents, &set.verbs);
        let mut ix = Index::default();
        let mut ids = Vec::new();
        for (i, d) in set.discards.entries.iter().enumerate() {
            ix.intern_into(&d.words, &mut ids);
            ix.discards
                .insert(&ids, u32::try_from(i).unwrap_or(u32::MAX));
        }
        for (i, issue) in set.issues.entries.iter().enumerate() {
            ix.intern_into(&issue.words, &mut ids);
            ix.issues.insert(&ids, u32::try_from(i).unwrap_or(u32::MAX));
        }
        for (i, words) in set.issues.ignore.iter().enumerate() {
            ix.intern_into(words, &mut ids);
            ix.issue_ignore
                .insert(&ids, u32::try_from(i).unwrap_or(u32::MAX));
        }
        for (a, actor) in actors.actors.iter().enumerate() {
            let a = u32::try_from(a).unwrap_or(u32::MAX);
            for name in &actor.names {
                ix.intern_into(name, &mut ids);
                ix.actors.insert(&ids, a);
                if let [_, .., last] = ids.as_slice() {
                    if name
                        .last()
                        .is_some_and(|w| w.chars().any(char::is_alphabetic))
                    {
                        let list = ix.last_names.entry(*last).or_default();
                        if list.last() != Some(&a) {
                            list.push(a);
                        }
                    }
                }
            }
        }
        for (g, agent) in agents.agents.iter().enumerate() {
            let g = u32::try_from(g).unwrap_or(u32::MAX);
            for name in &agent.names {
                ix.intern_into(name, &mut ids);
                ix.agents.insert(&ids, g);
            }
        }
        for (b, block) in verbs.blocks.iter().enumerate() {
            for (v, verb) in block.verbs.iter().enumerate() {
                let r = u32::try_from(ix.verb_refs.len()).unwrap_or(u32::MAX);
                ix.verb_refs.push((b, v));
                // A `+` marks the verb word of a multi-word verb whose verb is
                // not first (`WIRE_+TAP {WIRE_+TAPPED ...}`); it is no part of
                // the text to match.
                let unmark = |w: &Words| -> Words {
                    w.iter()
                        .map(|x| x.strip_prefix('+').unwrap_or(x).into())
                        .collect()
                };
                let head = verb
                    .words
                    .iter()
                    .position(|x| x.starts_with('+'))
                    .unwrap_or(0);
                let words = unmark(&verb.words);
                let mut forms: Vec<Words> = vec![words.clone()];
                forms.extend(verb.forms.iter().map(unmark));
                // Regular forms inflect the verb word, by default the first:
                // `CLEAR_UP` → `clears up`, `WIRE_+TAP` → `wire taps`.
                if let Some(verb_word) = words.get(head) {
                    for f in verb_forms(verb_word).into_iter().skip(1) {
                        let mut w = words.clone();
                        w[head] = f.into();
                        forms.push(w);
                    }
                }
                for form in &forms {
                    if !form.is_empty() {
                        ix.intern_into(form, &mut ids);
                        ix.verbs.insert(&ids, r);
                    }
                }
            }
        }
        ix
    }

    fn intern_into(&mut self, words: &[Box<str>], out: &mut Vec<u32>) {
        out.clear();
        out.extend(words.iter().map(|w| self.vocab.intern(w)));
    }

    /// Ids of `words` if all are known.
    pub fn ids(&self, words: &[Box<str>]) -> Option<Vec<u32>> {
        words.iter().map(|w| self.vocab.get(w)).collect()
    }
}
