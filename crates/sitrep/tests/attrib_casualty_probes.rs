//! The casualty parts of the real-news probes (p11–p16, p31 of
//! `../shared/eval/probes/real-news-probes.tsv`, CC0) through the whole
//! pipeline: the trained tagger and parser, the coder, attribution and the
//! link. Counts keep their head (sub-counts), lists keep every count, vague
//! multiples are not cut down, and cumulative or non-violent tolls never
//! become an event's fatalities.

use sitrep::doc::casualties::{Casualty, Cause, Scope};
use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::new(&PipelineOptions {
            fallback_date: Date::new(2020, 3, 2),
            ..PipelineOptions::default()
        })
        .expect("vendored models load")
        .with_coder(Pipeline::load_coder(None, Default::default()).expect("dictionaries load"))
        .expect("a segmented pipeline")
    })
}

fn analyze(text: &str) -> Doc {
    pipeline().analyze(Article {
        id: "probe".into(),
        text: text.into(),
        ..Article::default()
    })
}

/// `kind:count[:category][/part_of=N][/cumulative][/non_violent]`.
fn record(c: &Casualty) -> String {
    let value = |v: serde_json::Value| v.as_str().unwrap_or("?").to_string();
    let mut s = value(serde_json::to_value(c.kind).unwrap_or_default());
    let tilde = if c.count.approx { "~" } else { "" };
    match c.count.max {
        None => s.push_str(&format!(":{tilde}{}+", c.count.min)),
        Some(m) if m == c.count.min => s.push_str(&format!(":{tilde}{m}")),
        Some(m) => s.push_str(&format!(":{tilde}{}-{m}", c.count.min)),
    }
    if let Some(cat) = c.category {
        s.push(':');
        s.push_str(&value(serde_json::to_value(cat).unwrap_or_default()));
    }
    if let Some(p) = c.part_of {
        s.push_str(&format!("/part_of={p}"));
    }
    if c.scope == Scope::Cumulative {
        s.push_str("/cumulative");
    }
    if c.cause == Cause::NonViolent {
        s.push_str("/non_violent");
    }
    s
}

fn records(doc: &Doc) -> Vec<String> {
    doc.casualties.iter().map(record).collect()
}

/// The `fatalities` column of every event's ACLED row.
fn acled_fatalities(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    sitrep_output::write_events_acled(doc, &mut out).expect("in-memory write");
    let col = sitrep_output::ACLED_COLUMNS
        .iter()
        .position(|c| *c == "fatalities")
        .expect("a fatalities column");
    String::from_utf8_lossy(&out)
        .lines()
        .map(|line| csv_fields(line).get(col).cloned().unwrap_or_default())
        .collect()
}

/// The fields of one CSV line (double-quoted fields may hold commas).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("a field").push(c),
        }
    }
    fields
}

/// Every casualty record attached to an event is an incident toll of no
/// non-violent cause.
fn attached_are_incident_harm(doc: &Doc) {
    for e in &doc.events {
        for &i in &e.casualties {
            let c = &doc.casualties[i as usize];
            assert!(
                c.is_incident_harm(),
                "{} carries {}",
                e.verb_text,
                record(c)
            );
        }
    }
}

#[test]
fn p11_comma_less_list() {
    let doc = analyze("A suicide bomber killed 30 people injured 90 near the mosque.");
    assert_eq!(records(&doc), ["killed:30", "wounded:90"]);
    assert!(doc.casualties.iter().all(|c| c.cause == Cause::Violent));
    attached_are_incident_harm(&doc);
    // The bombing event on `killed` carries both counts and reports 30 dead.
    let killed = doc
        .events
        .iter()
        .find(|e| e.verb_text == "killed")
        .expect("an event on `killed`");
    assert!(killed.casualties.contains(&0), "{:?}", killed.casualties);
    assert!(acled_fatalities(&doc).iter().any(|f| f == "30"));
}

#[test]
fn p12_including_is_a_sub_count() {
    let doc = analyze("At least 12 civilians including three women were killed in the strike.");
    assert_eq!(
        records(&doc),
        ["killed:12+:civilians", "killed:3:women/part_of=0"]
    );
}

#[test]
fn p13_among_them_is_a_sub_count() {
    let doc = analyze("Nine civilians among them four children died in the raid.");
    assert_eq!(
        records(&doc),
        ["killed:9:civilians", "killed:4:children/part_of=0"]
    );
}

#[test]
fn p14_hundreds_of_thousands_is_cumulative_and_no_events_toll() {
    let doc =
        analyze("Hundreds of thousands of people have been killed since the war began in 2011.");
    assert_eq!(records(&doc), ["killed:~200000+/cumulative"]);
    attached_are_incident_harm(&doc);
    assert!(acled_fatalities(&doc).iter().all(|f| f == "0"));
}

#[test]
fn p15_death_toll_rose_to() {
    let doc = analyze("The death toll from the blast rose to 37.");
    assert_eq!(records(&doc), ["killed:37"]);
}

#[test]
fn p16_the_killing_of() {
    let doc = analyze("The attack led to the killing of one person.");
    assert_eq!(records(&doc), ["killed:1"]);
}

#[test]
fn p31_road_toll_is_no_violent_events_fatalities() {
    let doc = analyze("Five people have died on Queensland roads over the holiday.");
    assert_eq!(records(&doc), ["killed:5/non_violent"]);
    attached_are_incident_harm(&doc);
    // Whatever the coder makes of `died` (the probe's "no ASSAULT event" is
    // the coder's part), no event counts these deaths as its fatalities.
    assert!(acled_fatalities(&doc).iter().all(|f| f == "0"));
}

/// A toll stays with its incident's event while a cumulative total in the
/// same sentence does not (the event keeps 40 dead, not 30,000).
#[test]
fn an_incident_toll_and_a_running_total_in_one_sentence() {
    let doc = analyze(
        "Israeli air strikes killed at least 40 people in Gaza on Tuesday, the health ministry said, \
         bringing the death toll since October to more than 30,000.",
    );
    assert_eq!(records(&doc), ["killed:40+", "killed:30000+/cumulative"]);
    attached_are_incident_harm(&doc);
    assert!(acled_fatalities(&doc).iter().all(|f| f == "0" || f == "40"));
}
