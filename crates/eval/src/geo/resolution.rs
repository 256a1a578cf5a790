//! Resolution measures from Gritta et al., "A Pragmatic Guide to Geoparsing
//! Evaluation" (2019): accuracy within 161 km, exact GeoNames id accuracy,
//! mean error and the area under the curve of log error distances.
//! (Recognition is scored with [`crate::metrics::Counts`].)

use crate::metrics::ratio;

/// Half the Earth's circumference: the error charged for an unresolved toponym.
pub const MAX_ERROR_KM: f64 = 20_039.0;

/// Resolution outcomes: one error distance per scored toponym.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolutionScore {
    /// Error distances in km ([`MAX_ERROR_KM`] when nothing was chosen).
    pub errors: Vec<f64>,
    /// Toponyms whose gold has a GeoNames id, and how many we matched exactly.
    pub with_id: usize,
    pub exact_id: usize,
}

impl ResolutionScore {
    /// Records one toponym: our point (if any) against the gold point and id.
    pub fn record(
        &mut self,
        ours: Option<(f64, f64, u32)>,
        gold: (f64, f64),
        gold_id: Option<u32>,
    ) {
        let err = ours.map_or(MAX_ERROR_KM, |(la, lo, _)| {
            sitrep_geo::haversine_km(la, lo, gold.0, gold.1).min(MAX_ERROR_KM)
        });
        self.errors.push(err);
        if let Some(g) = gold_id {
            self.with_id += 1;
            if ours.is_some_and(|o| o.2 == g) {
                self.exact_id += 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.errors.len()
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Share of errors ≤ 161 km (100 miles).
    pub fn accuracy_161(&self) -> f64 {
        let n = self.errors.iter().filter(|&&e| e <= 161.0).count();
        ratio(n, self.errors.len())
    }
    pub fn exact_id_accuracy(&self) -> f64 {
        ratio(self.exact_id, self.with_id)
    }
    pub fn mean_km(&self) -> f64 {
        if self.errors.is_empty() {
            0.0
        } else {
            self.errors.iter().sum::<f64>() / self.errors.len() as f64
        }
    }
    pub fn median_km(&self) -> f64 {
        let mut e = self.errors.clone();
        e.sort_by(f64::total_cmp);
        e.get(e.len() / 2).copied().unwrap_or(0.0)
    }
    /// Area under the curve of sorted `ln(1 + error)` scaled to `[0, 1]` by the
    /// maximum error (lower is better; 0 means every toponym exact). The
    /// trapezoid area of the sorted curve equals the mean up to the end
    /// points, so the mean is used.
    pub fn auc(&self) -> f64 {
        if self.errors.is_empty() {
            return 0.0;
        }
        let max = (1.0 + MAX_ERROR_KM).ln();
        self.errors
            .iter()
            .map(|e| (1.0 + e).ln() / max)
            .sum::<f64>()
            / self.errors.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        let mut s = ResolutionScore::default();
        s.record(Some((36.2, 37.16, 1)), (36.2, 37.16), Some(1));
        s.record(None, (0.0, 0.0), Some(2));
        s.record(Some((33.51, 36.29, 3)), (36.2, 37.16), None);
        assert_eq!(s.len(), 3);
        assert!((s.accuracy_161() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.exact_id_accuracy() - 0.5).abs() < 1e-9);
        // (0 + 1 + ln(311)/ln(20040)) / 3
        assert!((s.auc() - 0.5264).abs() < 1e-3, "{}", s.auc());
        assert_eq!(ResolutionScore::default().auc(), 0.0);
    }

    #[test]
    fn coordinates_only_gold_is_scored_on_distance() {
        // Gold without a GeoNames id: acc@161 from the coordinates alone, and
        // no exact-id denominator.
        let mut s = ResolutionScore::default();
        s.record(Some((33.51, 36.29, 170654)), (33.5, 36.3), None);
        s.record(Some((36.2, 37.16, 170063)), (33.5, 36.3), None);
        assert_eq!(s.len(), 2);
        assert!((s.accuracy_161() - 0.5).abs() < 1e-9);
        assert_eq!(s.with_id, 0);
        assert_eq!(s.exact_id_accuracy(), 0.0);
    }
}
