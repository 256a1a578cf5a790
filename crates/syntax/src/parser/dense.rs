//! Dense tables for the templates of
//! [`config_features`](super::features::config_features) over small
//! attributes (tags, labels, distance, valency): a row of weights indexed by
//! the attribute values replaces hashing the feature and probing the weight
//! table. The rows are copies of the hashed weights, derived when a parser is
//! built, so scoring through them gives exactly the hashed scores.

use super::features::{Sink, NO_LABEL, NO_VALENCY, NO_WORD};
use super::state::ROOT_WORD;
use crate::dense::{add_row, DenseTable, Domain};
use crate::hash::{feat1, feat2};
use crate::perceptron::Weights;
use sitrep_doc::{Upos, Xpos};

/// The parser's small attributes (see [`Domain`]).
impl Domain {
    /// XPOS attribute (`Word::p`): index + 1 of any tag, root, no word.
    const TAG: Domain = Domain {
        hi: Xpos::NAMES.len() as u64,
        pads: &[ROOT_WORD.p, NO_WORD.p],
    };
    /// UPOS attribute (`Word::u`).
    const UPOS: Domain = Domain {
        hi: Upos::NAMES.len() as u64,
        pads: &[ROOT_WORD.u, NO_WORD.u],
    };
    /// Bucketed distance: always in range.
    const DIST: Domain = Domain { hi: 7, pads: &[] };
    /// Valency: counts above `hi` are rare, and fall back to hashing.
    pub(super) const VALENCY: Domain = Domain {
        hi: 7,
        pads: &[NO_VALENCY],
    };

    /// Label attribute of a model with `n_labels` relations (index + 1, 0 = none).
    fn label(n_labels: usize) -> Domain {
        Domain {
            hi: n_labels as u64,
            pads: &[NO_LABEL],
        }
    }
}

/// The kinds of small attribute a dense template reads.
#[derive(Clone, Copy, Debug)]
pub(super) enum Kind {
    Tag,
    Upos,
    Label,
    Dist,
    Valency,
}

impl Kind {
    pub(super) fn domain(self, n_labels: usize) -> Domain {
        match self {
            Kind::Tag => Domain::TAG,
            Kind::Upos => Domain::UPOS,
            Kind::Label => Domain::label(n_labels),
            Kind::Dist => Domain::DIST,
            Kind::Valency => Domain::VALENCY,
        }
    }
}

/// The templates of [`config_features`](super::features::config_features)
/// given dense tables, with the kinds of their one or two arguments.
///
/// A table row replaces hashing a feature and probing the big weight table
/// for it, but a table competes for the cache itself: measured on EWT + PUD,
/// single tags and labels and pairs with a distance, a valency or a UPOS
/// (tables of a few dozen to a few hundred rows) pay; pairs of two XPOS tags
/// or a label and a tag (some 3000 rows, half a megabyte each) made parsing
/// slower, so those templates stay hashed.
pub(super) const DENSE_TEMPLATES: &[(u32, Kind, Option<Kind>)] = &[
    (30, Kind::Tag, Some(Kind::Dist)),
    (32, Kind::Tag, Some(Kind::Dist)),
    (36, Kind::Tag, Some(Kind::Valency)),
    (40, Kind::Tag, Some(Kind::Valency)),
    (48, Kind::Tag, None),
    (49, Kind::Label, None),
    (51, Kind::Tag, None),
    (52, Kind::Label, None),
    (60, Kind::Tag, None),
    (61, Kind::Label, None),
    (63, Kind::Tag, None),
    (64, Kind::Label, None),
    (77, Kind::Upos, Some(Kind::Upos)),
];

/// A template's dense table: row `first.index(a) * second.len() +
/// second.index(b)` (or `first.index(a)` for one argument) holds the weights
/// of the feature `feat2(t, a, b)` (`feat1(t, a)`).
#[derive(Clone, Debug)]
struct DenseTemplate {
    first: Domain,
    second: Option<Domain>,
    table: DenseTable,
}

impl DenseTemplate {
    fn build(weights: &Weights, t: u32, first: Domain, second: Option<Domain>) -> DenseTemplate {
        let hashes: Vec<u64> = match second {
            None => first.values().map(|a| feat1(t, a)).collect(),
            Some(d) => first
                .values()
                .flat_map(|a| d.values().map(move |b| feat2(t, a, b)))
                .collect(),
        };
        DenseTemplate {
            first,
            second,
            table: DenseTable::build(weights, hashes),
        }
    }

    /// The row of the feature over `a` (and `b`), if both are in the domains.
    #[inline]
    fn row(&self, a: u64, b: Option<u64>) -> Option<&[i16]> {
        let i = self.first.index(a)?;
        let k = match (self.second, b) {
            (None, None) => i,
            (Some(d), Some(b)) => i * d.len() + d.index(b)?,
            _ => return None,
        };
        self.table.row(k)
    }
}

/// Dense tables of one model's small-domain templates, by template number.
#[derive(Clone, Debug, Default)]
pub(super) struct DenseTemplates {
    by_template: Vec<Option<DenseTemplate>>,
}

impl DenseTemplates {
    pub(super) fn build(weights: &Weights, n_labels: usize) -> DenseTemplates {
        let mut by_template = Vec::new();
        for &(t, first, second) in DENSE_TEMPLATES {
            let t_ix = t as usize;
            if by_template.len() <= t_ix {
                by_template.resize(t_ix + 1, None);
            }
            by_template[t_ix] = Some(DenseTemplate::build(
                weights,
                t,
                first.domain(n_labels),
                second.map(|k| k.domain(n_labels)),
            ));
        }
        DenseTemplates { by_template }
    }

    /// The row of template `t`'s feature over `a` (and `b`), if `t` has a
    /// table and the values are in its domains.
    #[inline]
    pub(super) fn row(&self, t: u32, a: u64, b: Option<u64>) -> Option<&[i16]> {
        self.by_template.get(t as usize)?.as_ref()?.row(a, b)
    }
}

/// Scores the templates that have dense tables from their rows, and passes
/// on the hash of every other feature (including a dense template's feature
/// whose value lies outside its domain).
///
/// Rows are collected and summed by [`DenseSink::finish`], four at a time:
/// one pass over the scores per four rows instead of one per row.
pub(super) struct DenseSink<'a> {
    dense: &'a DenseTemplates,
    hashed: &'a mut Vec<u64>,
    rows: [&'a [i16]; DENSE_TEMPLATES.len()],
    n_rows: usize,
}

impl<'a> DenseSink<'a> {
    pub(super) fn new(dense: &'a DenseTemplates, hashed: &'a mut Vec<u64>) -> DenseSink<'a> {
        DenseSink {
            dense,
            hashed,
            rows: [&[]; DENSE_TEMPLATES.len()],
            n_rows: 0,
        }
    }

    /// Adds row `row`, or its feature's hash `f` if the row buffer is full
    /// (which [`config_features`](super::features::config_features), with
    /// one call per dense template, never fills).
    #[inline]
    fn push(&mut self, row: &'a [i16], f: impl FnOnce() -> u64) {
        match self.rows.get_mut(self.n_rows) {
            Some(slot) => {
                *slot = row;
                self.n_rows += 1;
            }
            None => self.hashed.push(f()),
        }
    }

    /// Adds the collected rows to `scores`. Inlined so it is compiled into
    /// the parser's AVX2 copy.
    #[inline(always)]
    pub(super) fn finish(&self, scores: &mut [i32]) {
        let mut fours = self.rows[..self.n_rows].chunks_exact(4);
        for r in &mut fours {
            let (a, b, c, d) = (r[0], r[1], r[2], r[3]);
            for ((((s, &x), &y), &z), &w) in scores.iter_mut().zip(a).zip(b).zip(c).zip(d) {
                *s += i32::from(x) + i32::from(y) + i32::from(z) + i32::from(w);
            }
        }
        for r in fours.remainder() {
            add_row(scores, r);
        }
    }
}

impl<'a> Sink for DenseSink<'a> {
    #[inline]
    fn hashed(&mut self, fs: &[u64]) {
        self.hashed.extend_from_slice(fs);
    }

    #[inline]
    fn one(&mut self, t: u32, a: u64) {
        match self.dense.row(t, a, None) {
            Some(row) => self.push(row, || feat1(t, a)),
            None => self.hashed.push(feat1(t, a)),
        }
    }

    #[inline]
    fn two(&mut self, t: u32, a: u64, b: u64) {
        match self.dense.row(t, a, Some(b)) {
            Some(row) => self.push(row, || feat2(t, a, b)),
            None => self.hashed.push(feat2(t, a, b)),
        }
    }
}
