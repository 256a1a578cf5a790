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

/// Rows of one template over a dense index domain `0..len`.
///
/// Invariant: `rows.len() == len * n_classes`; row `k` equals the weights of
/// the `k`-th feature hash given to [`DenseTable::build`].
#[derive(Clone, Debug, Default)]
pub struct DenseTable {
    n_classes: usize,
    rows: Vec<i16>,
}

impl DenseTable {
    /// Copies the rows of `features` (one hash per domain value, in index
    /// order) out of `weights`.
    pub fn build(weights: &Weights, features: impl IntoIterator<Item = u64>) -> DenseTable {
        let n = weights.n_classes();
        let mut scores: Scores = [0; 256];
        let mut rows = Vec::new();
        for f in features {
            weights.score(&[f], &mut scores);
            // One feature's weights are stored as i16, so this never clamps.
            rows.extend(
                scores[..n]
                    .iter()
                    .map(|&v| v.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16),
            );
        }
        DenseTable { n_classes: n, rows }
    }

    /// Number of domain values.
    pub fn len(&self) -> usize {
        self.rows.len().checked_div(self.n_classes).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `k` (`n_classes` weights), or `None` outside the domain.
    #[inline]
    pub fn row(&self, k: usize) -> Option<&[i16]> {
        let n = self.n_classes;
        self.rows
            .get(k.checked_mul(n)?..k.checked_mul(n)?.checked_add(n)?)
    }

    /// Adds row `k` to `scores`; returns `false` (adding nothing) outside the
    /// domain, so the caller can score the hashed feature instead.
    #[inline]
    pub fn add(&self, k: usize, scores: &mut [i32]) -> bool {
        match self.row(k) {
            Some(row) => {
                add_row(scores, row);
                true
            }
            None => false,
        }
    }
}

/// `scores[c] += row[c]` over the shorter of the two (vectorised).
#[inline]
pub fn add_row(scores: &mut [i32], row: &[i16]) {
    for (s, &v) in scores.iter_mut().zip(row) {
        *s += i32::from(v);
    }
}

/// Maps the byte values an attribute takes to a dense index `0..len`, for
/// attributes stored as `u8` codes with a few out-of-band values (padding).
/// Bytes not in the map have no index: their features go through the hash table.
#[derive(Clone, Debug)]
pub struct ByteDomain {
    index: [u8; 256],
    values: Vec<u8>,
}

impl ByteDomain {
    const ABSENT: u8 = u8::MAX;

    /// A domain over `values` (duplicates ignored; at most 255 values).
    pub fn new(values: impl IntoIterator<Item = u8>) -> ByteDomain {
        let mut d = ByteDomain {
            index: [Self::ABSENT; 256],
            values: Vec::new(),
        };
        for v in values {
            if d.index[usize::from(v)] == Self::ABSENT && d.values.len() < 255 {
                d.index[usize::from(v)] = d.values.len() as u8;
                d.values.push(v);
            }
        }
        d
    }

    /// The dense index of byte `v`, if it is in the domain.
    #[inline]
    pub fn get(&self, v: u8) -> Option<usize> {
        match self.index[usize::from(v)] {
            Self::ABSENT => None,
            i => Some(usize::from(i)),
        }
    }

    /// The domain's byte values in index order.
    pub fn values(&self) -> &[u8] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
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
        let mut s = [1i32; 4];
        assert!(!table.add(3, &mut s));
        assert_eq!(s, [1; 4]);
    }

    #[test]
    fn byte_domain_indexes_listed_values_only() {
        let d = ByteDomain::new([0, 1, 2, 255, 1]);
        assert_eq!(d.len(), 4);
        assert_eq!(d.get(255), Some(3));
        assert_eq!(d.get(2), Some(2));
        assert_eq!(d.get(7), None);
        assert_eq!(d.values(), [0, 1, 2, 255]);
    }
}
