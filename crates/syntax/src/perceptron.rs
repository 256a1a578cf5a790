//! Averaged perceptron: a sparse trainer and a compact, quantised runtime table.
//!
//! Training keeps, per hashed feature, a short list of the classes it has ever
//! been updated for (most features touch only a few classes), with the lazy
//! averaging bookkeeping of Collins (2002) / Daumé: each weight remembers the step
//! it last changed at, so averaging costs O(1) per update.
//!
//! At runtime, [`Weights`] is an open-addressing table from a 32-bit feature
//! fingerprint to a run of `(class, i16 weight)` pairs; scores are accumulated in
//! integers. All feature hashes come from [`crate::hash`].

use crate::binio::{Reader, Writer};
use crate::error::{Error, Result};
#[cfg(any(test, feature = "train"))]
use crate::hash::IdMap;

#[cfg(any(test, feature = "train"))]
#[derive(Clone, Copy)]
struct Slot {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// The training-time model (also built by unit tests, for small weight
/// tables).
#[cfg(any(test, feature = "train"))]
pub struct Trainer {
    n_classes: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Slot>>,
    /// Number of training instances seen; the averaging clock.
    step: u32,
}

#[cfg(any(test, feature = "train"))]
impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            index: IdMap::default(),
            rows: Vec::new(),
            step: 0,
        }
    }

    /// Adds the current (non-averaged) weights of `feats` into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for s in &self.rows[r as usize] {
                    scores[s.class as usize] += s.w;
                }
            }
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.step = self.step.saturating_add(1);
    }

    /// The perceptron update: reward `truth`, penalise `guess` (no-op if equal).
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let n = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(n);
            if r == n {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let slot = match row.iter_mut().position(|s| s.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Slot {
                            class: class as u16,
                            w: 0.0,
                            total: 0.0,
                            stamp: self.step,
                        });
                        let last = row.len() - 1;
                        &mut row[last]
                    }
                };
                slot.total += f64::from(self.step - slot.stamp) * f64::from(slot.w);
                slot.stamp = self.step;
                slot.w += delta;
            }
        }
    }

    /// Averages, prunes weights whose magnitude is below `prune`, quantises.
    pub fn finish(&self, prune: f32) -> Result<Weights> {
        let now = f64::from(self.step.max(1));
        let mut feats: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(self.index.len());
        let mut max_abs = 0f32;
        for (&f, &r) in &self.index {
            let mut row: Vec<(u8, f32)> = self.rows[r as usize]
                .iter()
                .map(|s| {
                    let total = s.total + (now - f64::from(s.stamp)) * f64::from(s.w);
                    (s.class as u8, (total / now) as f32)
                })
                .filter(|&(_, w)| w.abs() >= prune && w != 0.0)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_by_key(|&(c, _)| c);
            for &(_, w) in &row {
                max_abs = max_abs.max(w.abs());
            }
            feats.push((f, row));
        }
        // Deterministic layout regardless of HashMap iteration order.
        feats.sort_by_key(|(f, _)| *f);
        let scale = if max_abs > 0.0 {
            32767.0 / max_abs
        } else {
            1.0
        };
        // Load factor 1/3..2/3: probes mostly stay in one cache line, and a
        // smaller table misses the cache less often than a sparser one.
        let cap = (feats.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        let mut entries = Vec::new();
        for (f, row) in feats {
            let start = entries.len() as u64;
            for (c, w) in &row {
                let v = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
                entries.push(entry(*c, v));
            }
            let mut i = (f as usize) & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = u64::from(fingerprint(f)) | ((start << 8 | row.len() as u64) << 32);
        }
        Weights::new(self.n_classes, slots, entries)
    }
}

/// A score accumulator: one slot per possible class byte (`n_classes <= 255`).
pub type Scores = [i32; 256];

/// Where [`Weights::add_routed`] adds the weights of each feature.
pub trait Route {
    /// The accumulator of the feature at index `j` of the list being scored.
    fn scores(&mut self, j: usize) -> &mut Scores;
}

/// Every feature into one accumulator.
impl Route for Scores {
    #[inline]
    fn scores(&mut self, _: usize) -> &mut Scores {
        self
    }
}

/// Rows holding weights for at least `1 / DENSE_SHARE` of the classes are stored
/// dense. A scattered add costs several instructions per weight and a dense row
/// about one per class (vectorised), so from a fifth of the classes on the dense
/// add is faster, and it takes 2 bytes per class against 4 per sparse entry.
const DENSE_SHARE: usize = 5;

/// Packs a class and a quantised weight into one word (one memory access).
#[inline]
fn entry(class: u8, v: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(v as u16)
}

#[inline]
fn fingerprint(f: u64) -> u32 {
    ((f >> 32) as u32) | 1
}

/// One slot of the runtime hash table: 16 bytes, four to a cache line.
///
/// `key` is a 32-bit feature fingerprint (never 0; 0 marks an empty slot).
/// If `meta` has [`INLINE`] set, the row lives in the slot itself: up to three
/// entries `e0`, `e1` and `meta & ENTRY_MASK`, unused ones 0 (a zero weight for
/// class 0, which adds nothing). Otherwise `meta` is `start << 8 | len`: the
/// sparse run `entries[start..start + len]` if `len > 0`, else dense row `start`.
/// Most features are rare and carry two or three weights (an update touches the
/// true and the predicted class); rare features are the ones whose lookups miss
/// the cache, and inline rows save them a second, dependent miss.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Slot16 {
    key: u32,
    meta: u32,
    e0: u32,
    e1: u32,
}

/// `meta` flag of an inline row; bits 24..26 hold its length.
const INLINE: u32 = 1 << 31;
const ENTRY_MASK: u32 = 0x00FF_FFFF;
/// Out-of-line rows must start below this (the top bit of `meta` is the flag).
const MAX_START: usize = 1 << 23;

/// The runtime model: quantised averaged weights in an open-addressing table of
/// [`Slot16`]s. Entries pack `class << 16 | weight as u16`. Rows that touch
/// at least `1 / DENSE_SHARE` of the classes are dense:
/// `dense[start * n_classes..][..n_classes]`.
/// Invariants (checked when reading): the slot count is a power of two with at
/// least one empty slot, every row lies inside its array, every class is
/// `< n_classes`.
#[derive(Clone, Debug)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot16>,
    entries: Vec<u32>,
    dense: Vec<i16>,
}

impl Weights {
    /// Builds the runtime table from packed slots (`key | (start << 8 | len) << 32`,
    /// 0 = empty) over all-sparse rows: short rows move into their slot, long rows
    /// turn dense.
    fn new(n_classes: usize, packed: Vec<u64>, sparse: Vec<u32>) -> Result<Weights> {
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let mut slots = vec![Slot16::default(); packed.len()];
        for (slot, &p) in slots.iter_mut().zip(&packed).filter(|(_, p)| **p != 0) {
            let span = (p >> 32) as usize;
            let (start, len) = (span >> 8, span & 0xFF);
            let row = sparse.get(start..start + len).unwrap_or(&[]);
            // Spans are validated before this point; an empty row would only
            // mean corrupt input and is stored as an all-zero dense row.
            let meta = if (1..=3).contains(&row.len()) {
                let e = |k: usize| row.get(k).copied().unwrap_or(0);
                slot.e0 = e(0);
                slot.e1 = e(1);
                INLINE | (row.len() as u32) << 24 | (e(2) & ENTRY_MASK)
            } else if row.is_empty() || row.len() * DENSE_SHARE >= n_classes {
                let d = dense.len() / n_classes;
                if d >= MAX_START {
                    return Err(Error::corrupt("weights: too many dense rows"));
                }
                dense.resize(dense.len() + n_classes, 0);
                for &e in row {
                    if let Some(v) = dense.get_mut(d * n_classes + (e >> 16) as usize) {
                        *v = e as u16 as i16;
                    }
                }
                (d as u32) << 8
            } else {
                let st = entries.len();
                if st >= MAX_START {
                    return Err(Error::corrupt("weights: too many entries"));
                }
                entries.extend_from_slice(row);
                (st as u32) << 8 | row.len() as u32
            };
            slot.key = p as u32;
            slot.meta = meta;
        }
        Ok(Weights {
            n_classes,
            mask: slots.len() - 1,
            slots,
            entries,
            dense,
        })
    }

    /// Each occupied slot's row as sparse `(class << 16 | value)` entries.
    fn rows(&self) -> impl Iterator<Item = (usize, u32, Vec<u32>)> + '_ {
        let n = self.n_classes;
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key != 0)
            .map(move |(i, s)| {
                let row = if s.meta & INLINE != 0 {
                    let len = ((s.meta >> 24) & 3) as usize;
                    [s.e0, s.e1, s.meta & ENTRY_MASK][..len].to_vec()
                } else {
                    let (start, len) = ((s.meta >> 8) as usize, (s.meta & 0xFF) as usize);
                    if len == 0 {
                        self.dense
                            .get(start * n..start * n + n)
                            .unwrap_or(&[])
                            .iter()
                            .enumerate()
                            .filter(|(_, v)| **v != 0)
                            .map(|(c, &v)| entry(c as u8, v))
                            .collect()
                    } else {
                        self.entries.get(start..start + len).unwrap_or(&[]).to_vec()
                    }
                };
                (i, s.key, row)
            })
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored non-zero (feature, class) weights.
    pub fn len(&self) -> usize {
        let inline: usize = self
            .slots
            .iter()
            .filter(|s| s.key != 0 && s.meta & INLINE != 0)
            .map(|s| ((s.meta >> 24) & 3) as usize)
            .sum();
        inline + self.entries.len() + self.dense.iter().filter(|v| **v != 0).count()
    }

    /// Sums the weights of `feats` into `scores[..n_classes]` (zeroed first).
    ///
    /// The accumulator is a fixed 256-wide array so a class byte indexes it with
    /// no bounds check: scattered adds are the innermost loop of both models.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut Scores) {
        scores[..self.n_classes].fill(0);
        self.add_scores(feats, scores);
    }

    /// Adds the weights of `feats` to `scores[..n_classes]`.
    /// Inlined everywhere so it is compiled into the tagger's AVX2 copy.
    #[inline(always)]
    pub fn add_scores(&self, feats: &[u64], scores: &mut Scores) {
        self.add_routed::<16>(feats, scores);
    }

    /// Adds the weights of feature `feats[j]` to `out.scores(j)`: one pass over
    /// the table for features that go to different accumulators.
    ///
    /// Table reads are random and usually miss the cache, so the first probe of
    /// every feature in a chunk of `CHUNK` is loaded before any is inspected:
    /// the loads are independent and the CPU overlaps them instead of waiting
    /// for each in turn. A larger chunk overlaps more of them (up to what the
    /// CPU keeps in flight), at the price of a larger stack frame.
    #[inline(always)]
    pub fn add_routed<const CHUNK: usize>(&self, feats: &[u64], out: &mut impl Route) {
        let n = self.n_classes;
        let mut base = 0;
        for chunk in feats.chunks(CHUNK) {
            let mut first = [0u32; CHUNK];
            for (s, &f) in first.iter_mut().zip(chunk) {
                *s = self.slots[(f as usize) & self.mask].key;
            }
            // Slot index and feature index of every feature found.
            let mut found = [(0u32, 0u32); CHUNK];
            let mut n_found = 0;
            for (j, (&f, &key0)) in chunk.iter().zip(&first).enumerate() {
                let key = fingerprint(f);
                let mut i = (f as usize) & self.mask;
                let mut k = key0;
                loop {
                    if k == key {
                        found[n_found] = (i as u32, (base + j) as u32);
                        n_found += 1;
                        break;
                    }
                    if k == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                    k = self.slots[i].key;
                }
            }
            base += chunk.len();
            for &(i, j) in &found[..n_found] {
                let slot = self.slots[i as usize];
                let scores = out.scores(j as usize);
                if slot.meta & INLINE != 0 {
                    // Unused entries are 0: adding zero to class 0 needs no branch.
                    for e in [slot.e0, slot.e1, slot.meta & ENTRY_MASK] {
                        scores[usize::from((e >> 16) as u8)] += i32::from(e as u16 as i16);
                    }
                    continue;
                }
                let (start, len) = ((slot.meta >> 8) as usize, (slot.meta & 0xFF) as usize);
                if len == 0 {
                    let row = &self.dense[start * n..start * n + n];
                    for (s, &v) in scores[..n].iter_mut().zip(row) {
                        *s += i32::from(v);
                    }
                } else {
                    for &e in &self.entries[start..start + len] {
                        scores[usize::from((e >> 16) as u8)] += i32::from(e as u16 as i16);
                    }
                }
            }
        }
    }

    /// Writes the table. Only occupied slots are stored (position, key, span)
    /// and every row is written sparse: half the slots are empty by design and
    /// dense rows hold zeros, so this keeps model files small.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        w.u32(self.slots.len() as u32);
        let (mut pos, mut keys, mut spans) = (Vec::new(), Vec::new(), Vec::new());
        let (mut classes, mut values) = (Vec::new(), Vec::new());
        for (i, key, row) in self.rows() {
            pos.push(i as u32);
            keys.push(key);
            spans.push((classes.len() as u32) << 8 | row.len() as u32);
            for e in row {
                classes.push((e >> 16) as u8);
                values.push(e as u16 as i16);
            }
        }
        w.u32s(&pos);
        w.u32s(&keys);
        w.u32s(&spans);
        w.bytes(&classes);
        w.i16s(&values);
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Weights> {
        let n_classes = r.u32()? as usize;
        if n_classes == 0 || n_classes > 255 {
            return Err(Error::corrupt("weights: bad class count"));
        }
        let cap = r.u32()? as usize;
        let pos = r.u32s()?;
        let keys = r.u32s()?;
        let spans = r.u32s()?;
        let classes = r.bytes()?;
        let values = r.i16s()?;
        if !cap.is_power_of_two() || keys.len() != spans.len() || keys.len() != pos.len() {
            return Err(Error::corrupt("weights: bad table size"));
        }
        if keys.len() >= cap {
            return Err(Error::corrupt("weights: table has no empty slot"));
        }
        if classes.len() != values.len() {
            return Err(Error::corrupt("weights: class/value length mismatch"));
        }
        if classes.iter().any(|&c| c as usize >= n_classes) {
            return Err(Error::corrupt("weights: class out of range"));
        }
        let mut slots = vec![0u64; cap];
        for ((&p, &k), &s) in pos.iter().zip(&keys).zip(&spans) {
            let end = (s >> 8) as usize + (s & 0xFF) as usize;
            if k == 0 || s & 0xFF == 0 || end > classes.len() {
                return Err(Error::corrupt("weights: bad slot"));
            }
            match slots.get_mut(p as usize) {
                Some(slot) if *slot == 0 => *slot = u64::from(k) | u64::from(s) << 32,
                _ => return Err(Error::corrupt("weights: slot out of range or duplicated")),
            }
        }
        let entries = classes
            .iter()
            .zip(&values)
            .map(|(&c, &v)| entry(c, v))
            .collect();
        Weights::new(n_classes, slots, entries)
    }
}

/// Index of the highest score (first wins ties); `None` if `scores` is empty.
/// The maximum is found first, in a loop the compiler vectorises.
#[inline]
pub fn argmax(scores: &[i32]) -> Option<usize> {
    let m = scores.iter().copied().max()?;
    scores.iter().position(|&s| s == m)
}

/// Index of the highest score among `allowed` classes (first wins ties).
#[inline]
pub fn argmax_where<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if !allowed(i) {
            continue;
        }
        match best {
            Some((_, b)) if s <= b => {}
            _ => best = Some((i, s)),
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inline, out-of-line sparse and dense rows must all score exactly like
    /// the sparse rows they were built from, and survive a write/read cycle.
    #[test]
    fn every_row_layout_scores_exactly() {
        let n = 40;
        let lens = [1usize, 3, 5, 7, 8, 12, 40];
        let cap = 64usize;
        let (mut packed, mut sparse) = (vec![0u64; cap], Vec::new());
        let mut feats = Vec::new();
        let mut expect = [0i32; 256];
        for (k, &len) in lens.iter().enumerate() {
            // Feature hashes whose low bits pick distinct slots and whose high
            // half is the fingerprint.
            let f = (0x1000_0000u64 + k as u64) << 32 | (k as u64 * 3);
            let start = sparse.len() as u64;
            for j in 0..len {
                let class = ((j * 7 + k) % n) as u8;
                let v = (j as i16 + 1) * if j % 2 == 0 { 100 } else { -37 };
                sparse.push(entry(class, v));
                expect[usize::from(class)] += i32::from(v);
            }
            packed[(f as usize) & (cap - 1)] =
                u64::from(fingerprint(f)) | ((start << 8 | len as u64) << 32);
            feats.push(f);
        }
        feats.push(0xDEAD_BEEF_0000_0001); // absent
        let w = Weights::new(n, packed, sparse).unwrap();
        let mut s = [0i32; 256];
        w.score(&feats, &mut s);
        assert_eq!(s, expect);
        let mut out = Writer::new(b'X');
        w.write(&mut out);
        let bytes = out.finish();
        let mut r = Reader::new(&bytes, b'X').unwrap();
        let w2 = Weights::read(&mut r).unwrap();
        r.end().unwrap();
        let mut s2 = [0i32; 256];
        w2.score(&feats, &mut s2);
        assert_eq!(s2, expect);
        assert_eq!(w2.len(), lens.iter().sum::<usize>());
        let mut again = Writer::new(b'X');
        w2.write(&mut again);
        assert_eq!(again.finish(), bytes);
    }

    #[test]
    fn learns_separable_data_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 10], 0), (vec![2, 10], 1), (vec![3, 10], 2)];
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                t.score(f, &mut scores);
                let g = argmax_where(&scores, |_| true).unwrap_or(0);
                t.update(f, *y, g);
            }
        }
        let w = t.finish(0.0).unwrap();
        let mut out = Writer::new(b'X');
        w.write(&mut out);
        let bytes = out.finish();
        let mut r = Reader::new(&bytes, b'X').unwrap();
        let w = Weights::read(&mut r).unwrap();
        r.end().unwrap();
        let mut s = [0i32; 256];
        for (f, y) in &data {
            w.score(f, &mut s);
            assert_eq!(argmax(&s[..3]), Some(*y));
            assert_eq!(argmax_where(&s[..3], |_| true), Some(*y));
        }
    }
}
