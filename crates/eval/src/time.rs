//! Scoring temporal normalisation against a fixture file (`sitrep eval time`).
//!
//! Fixture lines: `anchor<TAB>sentence<TAB>phrase<TAB>ISO value<TAB>precision`
//! with an optional sixth column `future`/`past`; `#` starts a comment. A phrase
//! of `-` says the sentence has no date expression.
//!
//! A case with a phrase is correct when an extracted expression overlaps the
//! phrase's first occurrence and has the expected ISO value and precision (the
//! span itself is reported separately, as exact-span matches). A `-` case is
//! correct when nothing is extracted.

use sitrep_doc::{Date, Span};
use sitrep_time::{extract, DatePrecision, Tense, TimeExpr};

/// One fixture line.
#[derive(Clone, Debug)]
pub struct Case {
    pub line: usize,
    pub anchor: Date,
    pub sentence: String,
    /// `None` for a sentence without a date expression.
    pub expected: Option<Expected>,
    pub tense: Tense,
}

#[derive(Clone, Debug)]
pub struct Expected {
    pub phrase: String,
    pub iso: String,
    pub precision: DatePrecision,
}

/// A case and what the extractor made of it.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub case: Case,
    /// The extracted expression scored against the phrase (or the first one
    /// found, for `-` cases).
    pub found: Option<TimeExpr>,
    pub correct: bool,
    pub exact_span: bool,
}

/// Totals over a fixture file.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    pub correct: usize,
    pub exact_spans: usize,
}

impl Report {
    pub fn total(&self) -> usize {
        self.outcomes.len()
    }

    pub fn accuracy(&self) -> f64 {
        if self.outcomes.is_empty() {
            0.0
        } else {
            self.correct as f64 / self.outcomes.len() as f64
        }
    }
}

/// Parses a fixture file; an error names the first bad line.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        let (anchor, sentence, phrase, iso, precision, tense) = match cols[..] {
            [a, s, p, v, pr] => (a, s, p, v, pr, "past"),
            [a, s, p, v, pr, t] => (a, s, p, v, pr, t),
            _ => {
                return Err(format!(
                    "line {line}: {} columns, expected 5 or 6",
                    cols.len()
                ))
            }
        };
        let anchor: Date = anchor
            .parse()
            .map_err(|e| format!("line {line}: anchor: {e}"))?;
        let tense = match tense.trim() {
            "past" | "" => Tense::Past,
            "present" => Tense::Present,
            "future" => Tense::Future,
            t => return Err(format!("line {line}: unknown tense {t:?}")),
        };
        let expected = if phrase.trim() == "-" {
            None
        } else {
            if !sentence.contains(phrase) {
                return Err(format!(
                    "line {line}: phrase {phrase:?} not in the sentence"
                ));
            }
            let precision = DatePrecision::parse(precision)
                .ok_or_else(|| format!("line {line}: unknown precision {precision:?}"))?;
            Some(Expected {
                phrase: phrase.to_string(),
                iso: iso.trim().to_string(),
                precision,
            })
        };
        cases.push(Case {
            line,
            anchor,
            sentence: sentence.to_string(),
            expected,
            tense,
        });
    }
    Ok(cases)
}

/// Runs the extractor on every case.
pub fn evaluate(cases: Vec<Case>) -> Report {
    let mut report = Report::default();
    for case in cases {
        let found = extract(&case.sentence, case.anchor, case.tense);
        let (hit, correct, exact_span) = match &case.expected {
            None => (found.into_iter().next(), false, false),
            Some(exp) => {
                let start = case.sentence.find(&exp.phrase).unwrap_or(0);
                let want = Span::new(start, start + exp.phrase.len());
                let hit = found.into_iter().find(|t| t.span.overlaps(want));
                let correct = hit
                    .as_ref()
                    .is_some_and(|t| t.iso() == exp.iso && t.precision == exp.precision);
                let exact = hit.as_ref().is_some_and(|t| t.span == want);
                (hit, correct, exact)
            }
        };
        let correct = if case.expected.is_none() {
            hit.is_none()
        } else {
            correct
        };
        report.correct += usize::from(correct);
        report.exact_spans += usize::from(exact_span);
        report.outcomes.push(Outcome {
            case,
            found: hit,
            correct,
            exact_span,
        });
    }
    report
}
