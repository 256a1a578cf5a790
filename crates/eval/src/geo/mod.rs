//! Geoparsing evaluation on Gritta et al.'s corpora (LGL, GeoWebNews):
//! `sitrep eval geo`.
//!
//! Each article's text goes through the facade pipeline (segmentation,
//! tagging, parsing) and then the geoparser ([`Scorer::score_article`]).
//! Scored, and summed in [`Totals`]:
//!
//! - **recognition** P/R/F1 of our toponyms against gold toponyms, under two
//!   rules: exact span, and overlap (one gold matched at most once, greedily
//!   in text order). Gold is every LGL toponym; in GeoWebNews only toponyms
//!   with coordinates (place names; the corpus also marks demonyms, common
//!   nouns and non-toponyms). A third count leaves GeoWebNews' adjectival
//!   modifiers (`Chinese`) out of the gold, since sitrep reads demonyms as
//!   evidence, not mentions;
//! - **resolution** on gold toponyms with coordinates that we recognised
//!   (overlap rule), see [`ResolutionScore`]; an unresolved one counts as
//!   [`MAX_ERROR_KM`]. The **population baseline** ([`baseline`]) is scored on
//!   the same toponyms;
//! - **resolution with gold spans** (oracle recognition, [`oracle_toponyms`]):
//!   every gold toponym with coordinates resolved from its phrase, ours and
//!   the baseline.

pub mod corpus;
pub mod resolution;

use std::time::{Duration, Instant};

use sitrep::{Pipeline, PipelineOptions};
use sitrep_doc::places::PlaceRef;
use sitrep_doc::{Article, Doc, Span};
use sitrep_geo::recognize::{recognize, Recognition, Toponym};
use sitrep_geo::resolve::{resolve_with, Weights};
use sitrep_geo::Gazetteer;

use crate::metrics::Counts;
use crate::Error;
use corpus::{GoldArticle, GoldToponym};
pub use resolution::{ResolutionScore, MAX_ERROR_KM};

/// Toponyms for gold spans (oracle recognition), to measure resolution alone.
///
/// Each span is widened to whole tokens; its candidates are the gazetteer's for
/// the phrase as written. Spans that cover no token or that the gazetteer does
/// not know are returned as `None` at their position.
pub fn oracle_toponyms<'g>(
    doc: &Doc,
    gaz: &'g Gazetteer,
    spans: &[Span],
) -> (Recognition<'g>, Vec<Option<usize>>) {
    let mut rec = Recognition::default();
    let mut index = Vec::with_capacity(spans.len());
    for &span in spans {
        let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
        let last = doc.tokens.partition_point(|t| t.span.start < span.end);
        let phrase = doc.slice(span);
        // A state abbreviation (`Kan.`) stands for its state.
        let state = sitrep_geo::us_state(phrase).and_then(|c| gaz.admin1("US", c));
        let (exact, cands) = match state {
            Some(s) => (gaz.lookup(s.name), gaz.lookup(s.name)),
            None => {
                let k = sitrep_geo::normalize::key(phrase);
                let folded = if sitrep_geo::normalize::foldable(&k) {
                    gaz.lookup_folded(&sitrep_geo::normalize::fold(&k))
                } else {
                    &[]
                };
                let exact = gaz.lookup_key(&k);
                (exact, if folded.is_empty() { exact } else { folded })
            }
        };
        if first >= last || cands.is_empty() {
            index.push(None);
            continue;
        }
        let letters = phrase.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
        index.push(Some(rec.toponyms.len()));
        rec.toponyms.push(Toponym {
            tokens: first..last,
            span,
            candidates: cands,
            exact,
            key: sitrep_geo::normalize::key(phrase),
            all_caps,
            qualifier: None,
            sentence: doc.sentence_of_token(first).unwrap_or(0),
            forced: state.map(|s| s.id),
        });
    }
    // Qualifiers: consecutive gold spans separated by a comma.
    for i in 1..rec.toponyms.len() {
        let (a, b) = (&rec.toponyms[i - 1], &rec.toponyms[i]);
        if b.tokens.start == a.tokens.end + 1 && doc.token_text(a.tokens.end) == "," {
            rec.toponyms[i - 1].qualifier = Some(i);
        }
    }
    (rec, index)
}

/// Which articles of a corpus are scored: all, or every other one by the
/// parity of their 0-based index, so weights can be tuned on one half and
/// reported on the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Split {
    #[default]
    All,
    Even,
    Odd,
}

impl Split {
    /// Whether the article at `index` belongs to this split.
    pub fn keeps(self, index: usize) -> bool {
        match self {
            Split::All => true,
            Split::Odd => index % 2 == 1,
            Split::Even => !Split::Odd.keeps(index),
        }
    }
}

/// The sums over a corpus.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Recognition, exact span rule.
    pub exact: Counts,
    /// Recognition, overlap rule.
    pub overlap: Counts,
    /// Overlap, without adjectival modifiers (demonyms) in the gold.
    pub overlap_no_adjectives: Counts,
    /// Resolution of the recognised gold toponyms: sitrep, and the population
    /// baseline on the same toponyms.
    pub ours: ResolutionScore,
    pub baseline: ResolutionScore,
    /// Resolution with gold spans (oracle recognition).
    pub oracle_ours: ResolutionScore,
    pub oracle_baseline: ResolutionScore,
    /// Time spent geoparsing (recognition and resolution, parsing excluded).
    pub geoparse_time: Duration,
    pub tokens: usize,
    pub docs: usize,
}

/// An error of ours in one article, for listings (in the order found: per
/// gold toponym, then the spurious ones).
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// A recognised gold toponym resolved more than 161 km from its gold point
    /// (or not resolved: `error_km` is then infinite).
    Wrong {
        article: String,
        phrase: String,
        gold_id: Option<u32>,
        gold: (f64, f64),
        got: Option<PlaceRef>,
        error_km: f64,
        explain: String,
    },
    /// A gold toponym we did not recognise (`kind`: GeoWebNews' type;
    /// `rejected`: why recognition turned down an overlapping name, if it did).
    Missed {
        article: String,
        phrase: String,
        kind: String,
        rejected: Option<String>,
    },
    /// A toponym of ours that matches no gold toponym.
    Spurious { article: String, phrase: String },
}

/// The error distance beyond which a resolution is listed as wrong.
const WRONG_KM: f64 = 161.0;

/// Scores articles with a gazetteer and resolver weights.
pub struct Scorer {
    pipeline: Pipeline,
    gazetteer: Gazetteer,
    weights: Weights,
}

impl Scorer {
    /// Loads the vendored tagger and parser (the facade's default pipeline)
    /// and the event coder, whose actor mentions the geoparser reads (names
    /// of actors are not places), to score with `gazetteer` and `weights`.
    pub fn new(gazetteer: Gazetteer, weights: Weights) -> Result<Scorer, Error> {
        let coder = Pipeline::load_coder(None, sitrep_coder::CoderOptions::default())?;
        let pipeline = Pipeline::new(&PipelineOptions::default())?.with_coder(coder)?;
        Ok(Scorer {
            pipeline,
            gazetteer,
            weights,
        })
    }

    /// Geoparses one gold article, adds its counts to `totals` and returns
    /// its errors.
    pub fn score_article(&self, a: &GoldArticle, totals: &mut Totals) -> Vec<Finding> {
        let gaz = &self.gazetteer;
        let mut doc = self.pipeline.analyze(Article {
            id: a.id.clone(),
            text: a.text.clone(),
            ..Article::default()
        });
        let started = Instant::now();
        sitrep_geo::geoparse_with(&mut doc, gaz, &self.weights);
        totals.geoparse_time += started.elapsed();
        totals.tokens += doc.tokens.len();
        totals.docs += 1;
        let mut findings = Vec::new();
        let rec = recognize(&doc, gaz);
        // Gold for recognition: all toponyms (LGL has no types) or typed ones
        // with coordinates (GeoWebNews).
        let typed = a.toponyms.iter().any(|g| !g.kind.is_empty());
        let gold: Vec<&GoldToponym> = a
            .toponyms
            .iter()
            .filter(|g| !typed || g.coords.is_some())
            .collect();
        let ours: Vec<Span> = doc.places.iter().map(|p| p.span).collect();
        let exact_tp = gold.iter().filter(|g| ours.contains(&gold_span(g))).count();
        totals
            .exact
            .add(Counts::from_totals(gold.len(), ours.len(), exact_tp));
        // Overlap, one-to-one, greedy in text order.
        let mut used = vec![false; ours.len()];
        let mut tp = 0;
        for g in &gold {
            let Some(k) = first_unused_overlap(&ours, &used, gold_span(g)) else {
                let rejected = rec
                    .rejected
                    .iter()
                    .find(|r| r.span.overlaps(gold_span(g)))
                    .map(|r| format!("{:?}: {}", doc.slice(r.span), r.reason));
                findings.push(Finding::Missed {
                    article: a.id.clone(),
                    phrase: g.phrase.clone(),
                    kind: g.kind.clone(),
                    rejected,
                });
                continue;
            };
            used[k] = true;
            tp += 1;
            let Some(c) = g.coords else { continue };
            let place = doc.places.get(k).and_then(|m| m.place.as_ref());
            let ours_pt = place.map(|r| (r.lat, r.lon, r.geonameid));
            totals.ours.record(ours_pt, c, g.geonameid);
            let phrase = doc.slice(ours[k]);
            totals
                .baseline
                .record(baseline(gaz, phrase), c, g.geonameid);
            let error_km = ours_pt.map_or(f64::INFINITY, |o| {
                sitrep_geo::haversine_km(o.0, o.1, c.0, c.1)
            });
            if error_km > WRONG_KM {
                findings.push(Finding::Wrong {
                    article: a.id.clone(),
                    phrase: phrase.to_string(),
                    gold_id: g.geonameid,
                    gold: c,
                    got: place.cloned(),
                    error_km,
                    explain: doc
                        .places
                        .get(k)
                        .map_or(String::new(), |m| m.explain.clone()),
                });
            }
        }
        for (k, u) in used.iter().enumerate() {
            if !u {
                findings.push(Finding::Spurious {
                    article: a.id.clone(),
                    phrase: doc.slice(ours[k]).to_string(),
                });
            }
        }
        totals
            .overlap
            .add(Counts::from_totals(gold.len(), ours.len(), tp));
        totals
            .overlap_no_adjectives
            .add(without_adjectives(&gold, &ours));
        self.score_oracle(&doc, a, rec.demonyms, totals);
        findings
    }

    /// Resolution with gold spans: every gold toponym with coordinates,
    /// resolved from its phrase with the article's demonym evidence.
    fn score_oracle(
        &self,
        doc: &Doc,
        a: &GoldArticle,
        demonyms: Vec<sitrep_geo::recognize::DemonymHit>,
        totals: &mut Totals,
    ) {
        let gaz = &self.gazetteer;
        let with_coords: Vec<&GoldToponym> =
            a.toponyms.iter().filter(|g| g.coords.is_some()).collect();
        let spans: Vec<Span> = with_coords.iter().map(|g| gold_span(g)).collect();
        let (mut rec, index) = oracle_toponyms(doc, gaz, &spans);
        rec.demonyms = demonyms;
        let res = resolve_with(doc, gaz, &rec, &self.weights);
        for (g, ix) in with_coords.iter().zip(&index) {
            let Some(c) = g.coords else { continue };
            let ours_pt = ix.and_then(|i| res.get(i)).and_then(|r| r.place).map(|id| {
                let p = gaz.place(id);
                (p.lat, p.lon, p.geonameid)
            });
            totals.oracle_ours.record(ours_pt, c, g.geonameid);
            totals
                .oracle_baseline
                .record(baseline(gaz, &g.phrase), c, g.geonameid);
        }
    }
}

/// A gold toponym's byte span. `Span` offsets are 32-bit: an offset past
/// 4 GiB (no real article) saturates, so such a toponym matches nothing.
fn gold_span(g: &GoldToponym) -> Span {
    Span {
        start: u32::try_from(g.start).unwrap_or(u32::MAX),
        end: u32::try_from(g.end).unwrap_or(u32::MAX),
    }
}

/// The first of `ours` not yet matched that overlaps `gold` (`used` is as
/// long as `ours`).
fn first_unused_overlap(ours: &[Span], used: &[bool], gold: Span) -> Option<usize> {
    (0..ours.len()).find(|&k| !used[k] && ours[k].overlaps(gold))
}

/// Overlap recognition with GeoWebNews' adjectival modifiers (`Chinese`) out
/// of the gold: sitrep reads demonyms as evidence, not mentions, so a match on
/// one stays a true positive but an unmatched one is not a miss.
fn without_adjectives(gold: &[&GoldToponym], ours: &[Span]) -> Counts {
    let mut used = vec![false; ours.len()];
    let (mut tp, mut gold_n) = (0, 0);
    for g in gold {
        if let Some(k) = first_unused_overlap(ours, &used, gold_span(g)) {
            used[k] = true;
            tp += 1;
            gold_n += 1;
        } else if g.modifier != "Adjective" {
            gold_n += 1;
        }
    }
    Counts::from_totals(gold_n, ours.len(), tp)
}

/// The population baseline: the most populous exact-name candidate (the
/// gazetteer sorts them so), as `(lat, lon, geonameid)`.
pub fn baseline(gaz: &Gazetteer, phrase: &str) -> Option<(f64, f64, u32)> {
    let c = gaz.lookup(phrase).first()?;
    let p = gaz.place(c.place);
    Some((p.lat, p.lon, p.geonameid))
}
