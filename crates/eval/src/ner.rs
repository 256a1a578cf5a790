//! Named-entity recognition on GUM: exact span-and-type P/R/F1 per entity
//! kind on the held-out documents ([`sitrep_ner::gum::split`]: every fifth
//! file sorted by name), plus decoding speed.
//!
//! Tokens are GUM's gold tokens; tags come from the vendored tagger (what
//! the recognizer sees at run time), unless gold tags are asked for. Gold
//! names follow the rule in [`sitrep_ner::gum`]. Also prepares the training
//! sentences (`sitrep train ner`) the same way, so training and scoring see
//! identical inputs.

use crate::metrics::Counts;
use crate::Error;
use sitrep_doc::entities::EntityKind;
use sitrep_ner::gum::{self, GumDoc};
use sitrep_ner::label::KINDS;
use sitrep_ner::model::DecodeState;
use sitrep_ner::train::TrainSent;
use sitrep_ner::Recognizer;
use sitrep_syntax::Tagger;
use std::path::Path;
use std::time::Instant;

/// Where the tags the recognizer reads come from.
#[derive(Clone, Copy)]
pub enum Tags<'a> {
    /// The treebank's gold tags.
    Gold,
    /// Predicted by this tagger (the run-time condition).
    Tagger(&'a Tagger),
}

/// The GUM documents under `dir`, split into (training, held-out).
pub fn gum_split(dir: &Path) -> Result<(Vec<GumDoc>, Vec<GumDoc>), Error> {
    let (train, held) = gum::split(dir)?;
    let read = |ps: Vec<std::path::PathBuf>| -> Result<Vec<GumDoc>, Error> {
        ps.iter()
            .map(|p| gum::read_doc(p).map_err(Error::from))
            .collect()
    };
    Ok((read(train)?, read(held)?))
}

/// The documents' sentences with the tags `tags` gives.
pub fn sentences(docs: &[GumDoc], tags: Tags) -> Vec<TrainSent> {
    let mut out = Vec::new();
    for s in docs.iter().flat_map(|d| &d.sents) {
        let mut t = TrainSent {
            forms: s.forms.clone(),
            upos: s.upos.clone(),
            xpos: s.xpos.clone(),
            names: s.names.clone(),
        };
        if let Tags::Tagger(tagger) = tags {
            let pred = tagger.tag(&s.forms);
            t.upos = pred.iter().map(|p| p.upos).collect();
            t.xpos = pred.iter().map(|p| p.xpos).collect();
        }
        out.push(t);
    }
    out
}

/// Scores of one run.
#[derive(Clone, Debug, Default)]
pub struct NerReport {
    /// Per kind, in [`KINDS`] order.
    pub per_kind: [Counts; 4],
    pub overall: Counts,
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Decoding time only (tagging excluded).
    pub seconds: f64,
}

impl NerReport {
    pub fn kind(&self, kind: EntityKind) -> Counts {
        KINDS
            .iter()
            .position(|k| *k == kind)
            .map_or_else(Counts::default, |i| self.per_kind[i])
    }
    pub fn tokens_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.tokens as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Scores `rec` (with its name lists) on `sents` (exact span and kind).
pub fn score(rec: &Recognizer, sents: &[TrainSent]) -> NerReport {
    let mut r = NerReport {
        sentences: sents.len(),
        ..NerReport::default()
    };
    let mut st = DecodeState::default();
    let mut found = Vec::new();
    let mut predicted = Vec::with_capacity(sents.len());
    let start = Instant::now();
    for s in sents {
        let toks = s.tokens();
        rec.sentence(&toks, &mut st, &mut found);
        predicted.push(found.iter().map(|(sp, _)| *sp).collect::<Vec<_>>());
        r.tokens += toks.len();
    }
    r.seconds = start.elapsed().as_secs_f64();
    for (s, pred) in sents.iter().zip(&predicted) {
        for (i, kind) in KINDS.iter().enumerate() {
            let g: Vec<_> = s.names.iter().filter(|n| n.kind == *kind).collect();
            let p: Vec<_> = pred.iter().filter(|n| n.kind == *kind).collect();
            let correct = p.iter().filter(|x| g.contains(x)).count();
            let c = Counts::from_totals(g.len(), p.len(), correct);
            r.per_kind[i].add(c);
            r.overall.add(c);
        }
    }
    r
}

/// `sitrep eval ner`: the vendored (or given) recognizer on the held-out
/// GUM documents under `gum_dir`, with the vendored tagger's tags.
pub fn evaluate(rec: &Recognizer, gum_dir: &Path, tags: Tags) -> Result<NerReport, Error> {
    let (_, held) = gum_split(gum_dir)?;
    let sents = sentences(&held, tags);
    let mut r = score(rec, &sents);
    r.documents = held.len();
    Ok(r)
}
