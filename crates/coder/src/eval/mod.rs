//! Peer test suites scored from raw text: PETRARCH unit-test records
//! ([`petrarch`]), TABARI validation files ([`tabari`]) and the PLOVER gold
//! standard ([`plover`]). Each takes an `analyze` function that segments, tags
//! and parses a text (the facade's pipeline), so this crate stays free of the
//! syntax stage.

pub mod petrarch;
pub mod plover;
pub mod tabari;
pub mod xml;

use std::collections::BTreeMap;
use std::fmt;

use sitrep_doc::{Date, Doc};

/// Segments, tags and parses a text with an anchor date (no coding).
pub trait Analyze {
    fn analyze(&self, text: &str, date: Option<Date>) -> Doc;
}

impl<F: Fn(&str, Option<Date>) -> Doc> Analyze for F {
    fn analyze(&self, text: &str, date: Option<Date>) -> Doc {
        self(text, date)
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
        let p = if n == 0 {
            0.0
        } else {
            100.0 * c as f64 / n as f64
        };
        format!("records correct: {c}/{n} ({p:.1}%)")
    }
}

impl fmt::Display for Report {
    /// Per-category lines, skipped records with reasons, then the summary.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (cat, (c, n)) in self.by_category() {
            let p = if n == 0 {
                0.0
            } else {
                100.0 * c as f64 / n as f64
            };
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
    files: &[std::path::PathBuf],
) -> Result<(sitrep_dict::Dictionaries, Vec<sitrep_dict::Warning>), crate::Error> {
    let mut set = sitrep_dict::DictSet::default();
    let mut warnings = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let Some(kind) = sitrep_dict::Kind::detect(path, &bytes) else {
            return Err(crate::Error::Eval {
                path: path.display().to_string(),
                message: "not a dictionary file of a known kind".into(),
            });
        };
        let name = path.display().to_string();
        set.add_bytes(&name, &bytes, kind, &mut warnings)?;
    }
    Ok((sitrep_dict::Dictionaries::new(set), warnings))
}
