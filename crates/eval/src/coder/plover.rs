//! PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`: a JSON array of
//! records with `text` and gold `event`), scored by event type.
//!
//! The records predate PLOVER 2021 and use four older category names, mapped
//! explicitly ([`current_name`]): `DEMAND` → `REQUEST`, `DISAPPROVE` →
//! `ACCUSE` (mode *disapprove*), `INVESTIGATE` → `ACCUSE` (mode
//! *investigate*), `FIGHT` → `ASSAULT`. `DOCUMENT` records (file notes) are
//! left out.
//!
//! Two predictions are scored and both are reported:
//!
//! - **main event**: the PLOVER event of the text's main coded event: the
//!   first (in text order) with both source and target, else the first event
//!   at all (events missing a side are coded here, as the gold has no dyad
//!   rule).
//! - **trigger-aligned** (as ACE-style evaluations align on the trigger): the
//!   gold marks its trigger words inline (`(EVT: …)` in `textInfo.markup`,
//!   else `eventText`); if a coded event's verb is one of those words, the
//!   first such event (both sides preferred) is the prediction, else the main
//!   event as above. Only the position of the trigger is used, never its
//!   category, so this measures typing of the event the annotators meant
//!   rather than the choice among several events of a sentence.
//!
//! A record with no coded event is wrong under both.

use std::collections::BTreeMap;
use std::fmt;

use sitrep_coder::Coder;

use super::Analyze;
use crate::metrics::percent;
use crate::Error;

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
    /// The gold trigger words, lower-cased (from the `(EVT: …)` markup, else
    /// `eventText`).
    pub triggers: Vec<String>,
}

/// Lower-cased words of the `(EVT: …)` segments of a markup string. The
/// segments may nest other markup (`(EVT: (TAR: …))`) or close with a stray
/// brace, so a segment ends at its balancing `)` or `}` or at the end.
fn markup_triggers(markup: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markup;
    while let Some(i) = rest.find("(EVT:") {
        let seg = &rest[i + 5..];
        let mut depth = 0usize;
        let mut end = seg.len();
        for (j, ch) in seg.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' | '}' if depth == 0 => {
                    end = j;
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        out.extend(words(&seg[..end]));
        rest = &seg[end..];
    }
    out
}

/// Lower-cased alphanumeric words of a text, markup labels left out.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty() && !matches!(*w, "SRC" | "TAR" | "EVT" | "LOC"))
        .map(str::to_lowercase)
}

/// Reads the JSON array; records without `text` or `event`, and `DOCUMENT`
/// records, are left out.
pub fn read_records(json: &str) -> Result<Vec<Record>, Error> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(Error::PloverJson)?;
    let arr = v.as_array().ok_or(Error::PloverNotAnArray)?;
    Ok(arr
        .iter()
        .filter_map(|r| {
            let text = r.get("text")?.as_str()?;
            let event = r.get("event")?.as_str()?;
            let markup = r
                .get("textInfo")
                .and_then(|t| t.get("markup").or(Some(t)))
                .and_then(|m| m.as_str())
                .unwrap_or("");
            let mut triggers = markup_triggers(markup);
            if triggers.is_empty() {
                let et = r.get("eventText").and_then(|t| t.as_str()).unwrap_or("");
                triggers = words(et).collect();
            }
            (event != "DOCUMENT").then(|| Record {
                id: r
                    .get("id")
                    .and_then(|i| i.as_str())
                    .unwrap_or("")
                    .to_string(),
                text: text.to_string(),
                event: event.to_string(),
                triggers,
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
    /// The main event's PLOVER event.
    pub predicted: Option<String>,
    pub correct: bool,
    /// The trigger-aligned prediction (the main event's if no coded verb is
    /// a trigger word).
    pub aligned: Option<String>,
    pub aligned_correct: bool,
    /// Whether a coded event's verb was a trigger word.
    pub trigger_found: bool,
    /// Every coded event: `code PLOVER modality 'verb'`, for diagnostics.
    pub events: Vec<String>,
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
    pub fn aligned_correct(&self) -> usize {
        self.outcomes.iter().filter(|o| o.aligned_correct).count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "old names mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT"
        )?;
        let mut by: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
        for o in &self.outcomes {
            let e = by.entry(o.gold.as_str()).or_default();
            e.1 += 1;
            e.0 += usize::from(o.correct);
            e.2 += usize::from(o.aligned_correct);
            e.3 += usize::from(o.predicted.is_none());
        }
        writeln!(f, "gold         main event         trigger-aligned")?;
        for (ev, (c, n, a, none)) in by {
            writeln!(
                f,
                "{ev:<12} {c:>4}/{n:<4} ({:5.1}%)  {a:>4}/{n:<4} ({:5.1}%)  uncoded {none}",
                percent(c, n),
                percent(a, n)
            )?;
        }
        let n = self.total();
        let found = self.outcomes.iter().filter(|o| o.trigger_found).count();
        let a = self.aligned_correct();
        writeln!(
            f,
            "trigger-aligned correct: {a}/{n} ({:.1}%) (trigger verb coded in {found} records)",
            percent(a, n)
        )?;
        let c = self.correct();
        write!(
            f,
            "records correct: {c}/{n} ({:.1}%) (main event)",
            percent(c, n)
        )
    }
}

/// Codes every record and compares event types.
pub fn score(records: &[Record], coder: &Coder, analyze: &dyn Analyze) -> Report {
    let mut report = Report::default();
    for r in records {
        let mut doc = analyze.analyze(&r.text, None);
        coder.code(&mut doc);
        let coded: Vec<&sitrep_doc::events::Event> =
            doc.events.iter().filter(|e| e.plover.is_some()).collect();
        let dyad =
            |e: &&&sitrep_doc::events::Event| u8::from(e.source.is_none() || e.target.is_none());
        let plover = |e: &sitrep_doc::events::Event| e.plover.as_ref().map(|p| p.event.clone());
        // The main event: the first with both sides, else the first.
        let main = coded.iter().min_by_key(dyad).copied();
        // The trigger-aligned event: the first whose verb is a trigger word.
        let at_trigger = coded
            .iter()
            .filter(|e| {
                let verb = e.verb_text.to_lowercase();
                r.triggers.contains(&verb)
            })
            .min_by_key(dyad)
            .copied();
        let predicted = main.and_then(plover);
        let aligned = at_trigger.or(main).and_then(plover);
        let gold_current = current_name(&r.event).to_string();
        let events = doc
            .events
            .iter()
            .map(|e| {
                format!(
                    "{} {} {:?} '{}'",
                    e.code,
                    e.plover.as_ref().map_or("-", |p| p.event.as_str()),
                    e.modality,
                    e.verb_text
                )
            })
            .collect();
        report.outcomes.push(Outcome {
            id: r.id.clone(),
            gold: r.event.clone(),
            correct: predicted.as_deref() == Some(gold_current.as_str()),
            aligned_correct: aligned.as_deref() == Some(gold_current.as_str()),
            trigger_found: at_trigger.is_some(),
            gold_current,
            predicted,
            aligned,
            events,
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
        let r = read_records(
            r#"[{"id":"a","event":"AID","text":"X gave Y money.","eventText":"gave","textInfo":{"markup":"(SRC: X) (EVT: gave} (TAR: Y) (EVT: money (LOC: here))."}}]"#,
        )
        .unwrap();
        assert_eq!(r[0].triggers, ["gave", "money", "here"]);
        let r = read_records(r#"[{"id":"a","event":"AID","text":"T","eventText":"Sent aid"}]"#)
            .unwrap();
        assert_eq!(r[0].triggers, ["sent", "aid"]);
    }
}
