//! The event coder on peer test suites, scored from raw text: PETRARCH
//! unit-test records ([`petrarch`]), TABARI validation files ([`tabari`]) and
//! the PLOVER gold standard ([`plover`]) (`sitrep eval petrarch|tabari|plover`).
//!
//! Each scorer takes an [`Analyze`] that segments, tags and parses a text
//! ([`ParsingPipeline`], the facade's pipeline, in the CLI; tests may pass
//! their own), then codes the result with the [`Coder`] under test.

pub mod petrarch;
pub mod plover;
pub mod tabari;
pub mod xml;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use sitrep::{Pipeline, PipelineOptions};
use sitrep_coder::{Coder, CoderOptions};
use sitrep_doc::{Article, Date, Doc};

use crate::metrics::percent;
use crate::Error;

/// Segments, tags and parses a text with an anchor date (no coding).
pub trait Analyze {
    fn analyze(&self, text: &str, date: Option<Date>) -> Doc;
}

impl<F: Fn(&str, Option<Date>) -> Doc> Analyze for F {
    fn analyze(&self, text: &str, date: Option<Date>) -> Doc {
        self(text, date)
    }
}

/// The facade's pipeline with the vendored models, to parsing depth and with
/// no coder: each record's text becomes an article published on the record's
/// date (the anchor of its relative dates).
pub struct ParsingPipeline {
    pipeline: Pipeline,
}

impl ParsingPipeline {
    /// Loads the vendored tagger and parser.
    pub fn vendored() -> Result<ParsingPipeline, Error> {
        let pipeline = Pipeline::new(&PipelineOptions {
            depth: sitrep::Depth::Parse,
            ..PipelineOptions::default()
        })?;
        Ok(ParsingPipeline { pipeline })
    }
}

impl Analyze for ParsingPipeline {
    fn analyze(&self, text: &str, date: Option<Date>) -> Doc {
        self.pipeline.analyze(Article {
            id: String::new(),
            text: text.to_string(),
            published: date,
            ..Article::default()
        })
    }
}

/// One `(source, target, code)` triple.
pub type Triple = (String, String, String);

/// The outcome of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub category: String,
    pub correct: bool,
    /// Not scored (e.g. a record testing PETRARCH's parse-tree input checks).
    pub skipped: Option<String>,
    pub expected: Vec<Triple>,
    pub got: Vec<Triple>,
    pub text: String,
}

/// Outcomes and per-category tallies.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
}

impl Report {
    /// `(correct, scored)` per category, categories sorted.
    pub fn by_category(&self) -> BTreeMap<&str, (usize, usize)> {
        let mut m: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for o in self.outcomes.iter().filter(|o| o.skipped.is_none()) {
            let e = m.entry(o.category.as_str()).or_default();
            e.1 += 1;
            e.0 += usize::from(o.correct);
        }
        m
    }

    pub fn correct(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.skipped.is_none() && o.correct)
            .count()
    }

    pub fn scored(&self) -> usize {
        self.outcomes.iter().filter(|o| o.skipped.is_none()).count()
    }

    pub fn skipped(&self) -> usize {
        self.outcomes.len() - self.scored()
    }

    /// The summary line: `records correct: N/M (P%)`.
    pub fn summary(&self) -> String {
        let (c, n) = (self.correct(), self.scored());
        let p = percent(c, n);
        format!("records correct: {c}/{n} ({p:.1}%)")
    }
}

impl fmt::Display for Report {
    /// Per-category lines, skipped records with reasons, then the summary.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (cat, (c, n)) in self.by_category() {
            let p = percent(c, n);
            writeln!(f, "{cat:<12} {c:>4}/{n:<4} ({p:.1}%)")?;
        }
        for o in self.outcomes.iter() {
            if let Some(why) = &o.skipped {
                writeln!(f, "skipped {}: {why}", o.id)?;
            }
        }
        write!(f, "{}", self.summary())
    }
}

/// Formats triples as `SRC TGT CODE; ...` (for failure listings).
pub fn show(t: &[Triple]) -> String {
    if t.is_empty() {
        return "(none)".into();
    }
    t.iter()
        .map(|(s, g, c)| format!("{s} {g} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The coded `(source, target, code)` triples of a doc: the source coded,
/// the target coded or absent (PETRARCH's `---`, only coded when the dyad is
/// not required).
pub fn triples(doc: &Doc) -> Vec<Triple> {
    let mut out: Vec<Triple> = doc
        .events
        .iter()
        .filter_map(|e| {
            let s = e.source.as_ref()?.code.clone()?;
            let t = match &e.target {
                Some(t) => t.code.clone()?,
                None => "---".to_string(),
            };
            Some((s, t, e.code.clone()))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Loads dictionary files for a test suite (each file's kind detected from
/// its name and content), with the loading warnings.
pub fn load_dictionaries(
    files: &[PathBuf],
) -> Result<(sitrep_dict::Dictionaries, Vec<sitrep_dict::Warning>), Error> {
    let mut set = sitrep_dict::DictSet::default();
    let mut warnings = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let Some(kind) = sitrep_dict::Kind::detect(path, &bytes) else {
            return Err(Error::UnknownDictionary { path: path.clone() });
        };
        let name = path.display().to_string();
        set.add_bytes(&name, &bytes, kind, &mut warnings)?;
    }
    Ok((sitrep_dict::Dictionaries::new(set), warnings))
}

/// One record as the PETRARCH and TABARI scorers compare it: what to code,
/// with which options, and the triples expected.
pub(crate) struct Case<'r> {
    pub id: &'r str,
    pub category: &'r str,
    pub date: Option<Date>,
    pub text: &'r str,
    pub expected: &'r [Triple],
    /// Why the record is not scored, if it is not.
    pub skipped: Option<String>,
    pub options: CoderOptions,
}

/// Codes each case's text and compares its triples with the expected set:
/// the scoring both record formats share once they are read.
pub(crate) fn score_cases<'r>(
    cases: impl IntoIterator<Item = Case<'r>>,
    coder: &Coder,
    analyze: &dyn Analyze,
) -> Report {
    let mut report = Report::default();
    for case in cases {
        let mut doc = analyze.analyze(case.text, case.date);
        coder.code_with(&mut doc, case.options);
        let got = triples(&doc);
        report.outcomes.push(Outcome {
            id: case.id.to_string(),
            category: case.category.to_string(),
            correct: got == case.expected,
            skipped: case.skipped,
            expected: case.expected.to_vec(),
            got,
            text: case.text.to_string(),
        });
    }
    report
}
