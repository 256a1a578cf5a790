//! The measures every evaluation shares: match counts with precision, recall
//! and F1, and safe ratios.
//!
//! Counts add up over documents, so a corpus figure is micro-averaged.

/// Matches between a predicted and a gold set: true positives, false
/// positives and false negatives.
///
/// Kept as the three counts rather than as gold/predicted/correct totals
/// because a scorer may match one prediction to two identical gold items (the
/// geoparsing exact-span rule): `false_pos` is then clamped at 0 instead of
/// going negative, and precision stays `tp / (tp + fp)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Counts {
    /// The counts of `correct` matches among `predicted` items and `gold`
    /// items; a `correct` larger than either total clamps that side's error
    /// count at 0.
    pub fn from_totals(gold: usize, predicted: usize, correct: usize) -> Counts {
        Counts {
            true_pos: correct,
            false_pos: predicted.saturating_sub(correct),
            false_neg: gold.saturating_sub(correct),
        }
    }

    /// Gold items: matched plus missed.
    pub fn gold(&self) -> usize {
        self.true_pos + self.false_neg
    }

    /// Predicted items: matched plus spurious.
    pub fn predicted(&self) -> usize {
        self.true_pos + self.false_pos
    }

    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.predicted())
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.gold())
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
    }
}

/// `part / whole` (0 when `whole` is 0).
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// `part / whole` as a percentage (0 when `whole` is 0).
///
/// Computed as `100 * part / whole`, not `100 * ratio`: the printed figures
/// were always rounded from this order of operations.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_f1() {
        let r = Counts {
            true_pos: 3,
            false_pos: 1,
            false_neg: 2,
        };
        assert!((r.precision() - 0.75).abs() < 1e-9);
        assert!((r.recall() - 0.6).abs() < 1e-9);
        assert!((r.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
        let c = Counts::from_totals(4, 2, 2);
        assert_eq!((c.gold(), c.predicted()), (4, 2));
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
        // Two gold items matched by one prediction: no negative false positives.
        assert_eq!(Counts::from_totals(2, 1, 2).false_pos, 0);
        assert_eq!(percent(1, 0), 0.0);
        assert_eq!(percent(1, 4), 25.0);
    }
}
