//! Score rows kept per sentence: the sums of the templates that only change
//! with the buffer front ([`FrontScores`]) or the stack top ([`TopScores`]),
//! and the [`Route`]s that send each feature's weights to its row.

use super::state::NONE;
use crate::perceptron::{Route, Scores};

/// Sums of [`front_features`](super::features::front_features) by buffer
/// front over one sentence of `m` positions (root included), filled in one
/// pass over the weight table.
#[derive(Debug, Default)]
pub(super) struct FrontScores {
    pub(super) rows: Vec<Scores>,
}

impl FrontScores {
    /// The sums for buffer front `b` (the last row past the end).
    #[inline]
    pub(super) fn row(&self, b: usize) -> &Scores {
        &self.rows[b.min(self.rows.len().saturating_sub(1))]
    }
}

/// The row of position `p` in tables of `m + 1` rows: `p` itself, and `m`
/// ("no word") for `NONE` (or anything past the end, which no position is).
#[inline]
pub(super) fn position_row(p: u32, m: usize) -> usize {
    if p == NONE {
        m
    } else {
        (p as usize).min(m)
    }
}

/// Sums of [`top_features`](super::features::top_features) by stack-top
/// position (row `m` for an empty stack), filled as words reach the top:
/// their [`TopContext`](super::features::TopContext) is only known then.
#[derive(Debug, Default)]
pub(super) struct TopScores {
    pub(super) rows: Vec<Scores>,
    /// Whether row `p` holds its sum yet (it is zero until then).
    pub(super) ready: Vec<bool>,
}

/// Makes `rows` hold `len` rows whose first `n` entries are zero. Only
/// those are ever added to or read (classes are below `n`), so rows kept from
/// an earlier sentence are cleared that far only: a row is 1 KB, of which a
/// parser reads about a third.
pub(super) fn zero_rows(rows: &mut Vec<Scores>, len: usize, n: usize) {
    rows.truncate(len);
    for row in rows.iter_mut() {
        row[..n].fill(0);
    }
    rows.resize(len, [0; 256]);
}

/// Routes feature `j` to row `dest[j]` of `rows`.
pub(super) struct ToRows<'a> {
    pub(super) dest: &'a [u32],
    pub(super) rows: &'a mut [Scores],
}

impl Route for ToRows<'_> {
    #[inline]
    fn scores(&mut self, j: usize) -> &mut Scores {
        &mut self.rows[self.dest[j] as usize]
    }
}

/// Routes the features before `split` to `head`, the others to `tail`.
pub(super) struct Split<'a> {
    pub(super) split: usize,
    pub(super) head: &'a mut Scores,
    pub(super) tail: &'a mut Scores,
}

impl Route for Split<'_> {
    #[inline]
    fn scores(&mut self, j: usize) -> &mut Scores {
        if j < self.split {
            self.head
        } else {
            self.tail
        }
    }
}
