//! Dense copies of small-domain feature templates.
//!
//! A feature template whose arguments range over a few values (a previous
//! tag, a capitalisation class, a tree label) produces only a few hundred
//! distinct features. Hashing such a feature and probing the weight table for
//! it costs a dependent chain of arithmetic and a likely cache miss; reading
//! row `k` of a small array that stays in cache costs neither. A [`DenseTable`]
//! holds, for every value `k` of a template's domain, the weights the hash
//! table stores for that feature (zeros when it stores none), so
//! `table.row(k)` adds exactly what scoring the hashed feature would: using a
//! table never changes a model's output, only its speed.
//!
//! The weights of one feature are `i16` in [`Weights`], so a row is `i16` too.

use crate::perceptron::{Scores, Weights};

/// Rows of one template (or of a fixed group of templates) over a dense index
/// domain `0..len`.
///
/// Invariant: `rows.len() == len * n_classes` and `fits.len() == len`; where
/// `fits[k]`, row `k` equals the summed weights of the `k`-th feature group
/// given to [`DenseTable::build`]. A group whose sum overflows `i16` for some
/// class has no row (`fits[k] == false`): [`DenseTable::row`] returns `None`
/// and the caller scores that group through the hash table.
#[derive(Clone, Debug, Default)]
pub struct DenseTable {
    n_classes: usize,
    rows: Vec<i16>,
    fits: Vec<bool>,
}

impl DenseTable {
    /// Copies the rows of `features` (one hash per domain value, in index
    /// order) out of `weights`.
    pub fn build(weights: &Weights, features: impl IntoIterator<Item = u64>) -> DenseTable {
        DenseTable::build_groups(weights, features.into_iter().map(|f| [f]))
    }

    /// Copies the rows of `groups` (one feature-hash group per domain value,
    /// in index order; a row is the sum of its group's weights) out of
    /// `weights`.
    pub fn build_groups<G: IntoIterator<Item = u64>>(
        weights: &Weights,
        groups: impl IntoIterator<Item = G>,
    ) -> DenseTable {
        let n = weights.n_classes();
        let mut scores: Scores = [0; 256];
        let mut feats = Vec::new();
        let mut t = DenseTable {
            n_classes: n,
            ..DenseTable::default()
        };
        for g in groups {
            feats.clear();
            feats.extend(g);
            weights.score(&feats, &mut scores);
            let fits = scores[..n].iter().all(|&v| i16::try_from(v).is_ok());
            t.fits.push(fits);
            t.rows
                .extend(scores[..n].iter().map(|&v| if fits { v as i16 } else { 0 }));
        }
        t
    }

    /// Number of domain values.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.fits.len()
    }

    /// Row `k` (`n_classes` weights), or `None` outside the domain or if the
    /// group's sum does not fit.
    #[inline]
    pub fn row(&self, k: usize) -> Option<&[i16]> {
        if !*self.fits.get(k)? {
            return None;
        }
        let n = self.n_classes;
        self.rows.get(k * n..k * n + n)
    }
}

/// `scores[c] += row[c]` over the shorter of the two (vectorised).
#[inline(always)]
pub fn add_row(scores: &mut [i32], row: &[i16]) {
    for (s, &v) in scores.iter_mut().zip(row) {
        *s += i32::from(v);
    }
}

/// The values one small attribute takes: `0..=hi`, then `pads` (out-of-band
/// values such as the padding beyond a sentence), indexed in that order.
/// A value outside the domain has no index: its features go through the hash
/// table. Invariant: `values().nth(index(v)) == Some(v)` for every `v` that
/// has an index.
#[derive(Clone, Copy, Debug)]
pub struct Domain {
    pub hi: u64,
    pub pads: &'static [u64],
}

impl Domain {
    pub fn len(self) -> usize {
        self.hi as usize + 1 + self.pads.len()
    }

    #[inline]
    pub fn index(self, v: u64) -> Option<usize> {
        if v <= self.hi {
            return Some(v as usize);
        }
        let k = self.pads.iter().position(|&p| p == v)?;
        Some(self.hi as usize + 1 + k)
    }

    pub fn values(self) -> impl Iterator<Item = u64> {
        (0..=self.hi).chain(self.pads.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[test]
    fn rows_equal_hashed_scores_and_absent_rows_are_zero() {
        let mut t = Trainer::new(4);
        for (f, truth, guess) in [(11u64, 0, 1), (12, 2, 3), (11, 3, 0)] {
            t.tick();
            t.update(&[f], truth, guess);
        }
        let w = t.finish(0.0).unwrap();
        let table = DenseTable::build(&w, [11, 99, 12]);
        assert_eq!(table.len(), 3);
        let mut expect: Scores = [0; 256];
        for (k, f) in [(0usize, 11u64), (2, 12)] {
            w.score(&[f], &mut expect);
            let row: Vec<i32> = table.row(k).unwrap().iter().map(|&v| v.into()).collect();
            assert_eq!(row, expect[..4]);
            assert!(row.iter().any(|&v| v != 0));
        }
        assert_eq!(table.row(1).unwrap(), [0; 4]);
        assert!(table.row(3).is_none());
        // A group's row is the sum of its features' rows.
        let pair = DenseTable::build_groups(&w, [vec![11, 12]]);
        let mut both: Scores = [0; 256];
        w.score(&[11, 12], &mut both);
        let row: Vec<i32> = pair.row(0).unwrap().iter().map(|&v| v.into()).collect();
        assert_eq!(row, both[..4]);
    }

    #[test]
    fn a_group_that_overflows_i16_has_no_row() {
        let mut t = Trainer::new(2);
        t.tick();
        // Two features updated together carry the largest weight, so their
        // sum cannot be an i16.
        t.update(&[1, 2], 0, 1);
        t.tick();
        let w = t.finish(0.0).unwrap();
        let table = DenseTable::build_groups(&w, [vec![1], vec![1, 2]]);
        assert!(table.row(0).is_some());
        assert!(table.row(1).is_none());
        assert_eq!(table.len(), 2);
    }

    #[test]
    fn domain_indexes_its_range_then_its_pads_only() {
        let d = Domain {
            hi: 2,
            pads: &[255],
        };
        assert_eq!(d.len(), 4);
        assert_eq!(d.index(255), Some(3));
        assert_eq!(d.index(2), Some(2));
        assert_eq!(d.index(7), None);
        assert_eq!(d.values().collect::<Vec<_>>(), [0, 1, 2, 255]);
    }
}
