//! PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`: a JSON array of
//! records with `text` and gold `event`), scored by event type.
//!
//! The records predate PLOVER 2021 and use four older category names, mapped
//! explicitly ([`current_name`]): `DEMAND` → `REQUEST`, `DISAPPROVE` →
//! `ACCUSE` (mode *disapprove*), `INVESTIGATE` → `ACCUSE` (mode
//! *investigate*), `FIGHT` → `ASSAULT`. `DOCUMENT` records (file notes) are
//! left out.
//!
//! Prediction: the PLOVER event of the text's main coded event: the first
//! (in text order) with both source and target, else the first event at all
//! (events missing a side are coded here, as the gold has no dyad rule). A
//! record with no coded event is wrong.

use std::collections::BTreeMap;
use std::fmt;

use super::Analyze;
use crate::{Coder, Error};

/// The PLOVER 2021 name of a (possibly older) category name.
pub fn current_name(event: &str) -> &str {
    match event {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// One gold record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub text: String,
    /// The gold event as written in the file.
    pub event: String,
}

/// Reads the JSON array; records without `text` or `event`, and `DOCUMENT`
/// records, are left out.
pub fn read_records(json: &str) -> Result<Vec<Record>, Error> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| Error::Eval {
        path: "PLOVER records".into(),
        message: e.to_string(),
    })?;
    let arr = v.as_array().ok_or_else(|| Error::Eval {
        path: "PLOVER records".into(),
        message: "not a JSON array".into(),
    })?;
    Ok(arr
        .iter()
        .filter_map(|r| {
            let text = r.get("text")?.as_str()?;
            let event = r.get("event")?.as_str()?;
            (event != "DOCUMENT").then(|| Record {
                id: r
                    .get("id")
                    .and_then(|i| i.as_str())
                    .unwrap_or("")
                    .to_string(),
                text: text.to_string(),
                event: event.to_string(),
            })
        })
        .collect())
}

/// One record's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub gold: String,
    /// The gold mapped to PLOVER 2021.
    pub gold_current: String,
    pub predicted: Option<String>,
    pub correct: bool,
}

/// Outcomes plus a confusion summary.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
}

impl Report {
    pub fn correct(&self) -> usize {
        self.outcomes.iter().filter(|o| o.correct).count()
    }
    pub fn total(&self) -> usize {
        self.outcomes.len()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "old names mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT"
        )?;
        let mut by: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for o in &self.outcomes {
            let e = by.entry(o.gold.as_str()).or_default();
            e.1 += 1;
            e.0 += usize::from(o.correct);
            e.2 += usize::from(o.predicted.is_none());
        }
        for (ev, (c, n, none)) in by {
            let p = if n == 0 {
                0.0
            } else {
                100.0 * c as f64 / n as f64
            };
            writeln!(f, "{ev:<12} {c:>4}/{n:<4} ({p:.1}%)  uncoded {none}")?;
        }
        let (c, n) = (self.correct(), self.total());
        let p = if n == 0 {
            0.0
        } else {
            100.0 * c as f64 / n as f64
        };
        write!(f, "records correct: {c}/{n} ({p:.1}%)")
    }
}

/// Codes every record and compares event types.
pub fn score(records: &[Record], coder: &Coder, analyze: &dyn Analyze) -> Report {
    let mut report = Report::default();
    for r in records {
        let mut doc = analyze.analyze(&r.text, None);
        coder.code(&mut doc);
        // The main event: the first with both sides, else the first.
        let predicted = doc
            .events
            .iter()
            .filter(|e| e.plover.is_some())
            .min_by_key(|e| u8::from(e.source.is_none() || e.target.is_none()))
            .and_then(|e| e.plover.as_ref().map(|p| p.event.clone()));
        let gold_current = current_name(&r.event).to_string();
        report.outcomes.push(Outcome {
            id: r.id.clone(),
            gold: r.event.clone(),
            correct: predicted.as_deref() == Some(gold_current.as_str()),
            gold_current,
            predicted,
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_and_reading() {
        assert_eq!(current_name("FIGHT"), "ASSAULT");
        assert_eq!(current_name("AID"), "AID");
        let r = read_records(
            r#"[{"id":"d","event":"DOCUMENT","text":"x"},{"id":"a","event":"DEMAND","text":"T"},{"id":"b"}]"#,
        )
        .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].event, "DEMAND");
        assert!(read_records("{").is_err());
    }
}
