//! Casualty extraction on the hand-written fixture: at least 95% of sentences
//! must match their expected records exactly (kind, count, category, sub-count
//! link, scope and non-violent cause, in order).

mod common;

use sitrep::doc::casualties::{Casualty, Cause, Count, Scope};

const FIXTURE: &str = include_str!("fixtures/attrib/casualties.tsv");
const HELD_OUT: &str = include_str!("fixtures/attrib/casualties_heldout.tsv");
const HELD_OUT_2: &str = include_str!("fixtures/attrib/casualties_heldout2.tsv");

fn count_str(c: Count) -> String {
    let tilde = if c.approx { "~" } else { "" };
    match c.max {
        None => format!("{tilde}{}+", c.min),
        Some(m) if m == c.min => format!("{tilde}{m}"),
        Some(m) => format!("{tilde}{}-{m}", c.min),
    }
}

fn record(c: &Casualty) -> String {
    let kind = serde_json::to_value(c.kind).ok();
    let kind = kind.as_ref().and_then(|v| v.as_str()).unwrap_or("?");
    let mut s = format!("{kind}:{}", count_str(c.count));
    if let Some(cat) = c.category {
        let v = serde_json::to_value(cat).ok();
        s.push(':');
        s.push_str(v.as_ref().and_then(|v| v.as_str()).unwrap_or("?"));
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

#[test]
fn fixture_exact_match_at_least_95_percent() {
    let (exact, total) = score("tuned", FIXTURE);
    let rate = exact as f64 / total as f64;
    assert!(total >= 120, "{total} sentences");
    assert!(rate >= 0.95, "{exact}/{total}");
}

#[test]
fn held_out_exact_match() {
    let (exact, total) = score("held-out", HELD_OUT);
    // Reported, not tuned against: a floor that catches regressions only.
    assert!(exact * 2 >= total, "{exact}/{total}");
}

#[test]
fn second_held_out_exact_match() {
    let (exact, total) = score("held-out 2", HELD_OUT_2);
    // Written after the issue-14 mechanisms and reported, not tuned against.
    assert!(exact * 2 >= total, "{exact}/{total}");
}

fn score(label: &str, fixture: &str) -> (usize, usize) {
    let mut total = 0;
    let mut exact = 0;
    for line in fixture.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((sentence, expected)) = line.split_once('\t') else {
            panic!("bad fixture line {line:?}");
        };
        total += 1;
        let doc = common::attrib::analyze(sentence);
        let got: Vec<String> = doc.casualties.iter().map(record).collect();
        let got = if got.is_empty() {
            "none".to_string()
        } else {
            got.join(";")
        };
        if got == expected {
            exact += 1;
        } else {
            println!("MISMATCH {sentence}\n  expected {expected}\n  got      {got}");
        }
        for c in &doc.casualties {
            assert!(c.span.contains(c.count_span) || c.count.min == 0);
            assert!(doc.sentences[c.sentence as usize].span.contains(c.span));
        }
    }
    let rate = exact as f64 / total as f64;
    println!(
        "casualties, {label}: {exact}/{total} exact ({:.1}%)",
        rate * 100.0
    );
    (exact, total)
}

#[test]
fn conflicting_tolls_keep_their_sources() {
    let doc = common::attrib::analyze(
        "The Syrian Observatory for Human Rights said 45 people were killed, while state media said 12.",
    );
    assert_eq!(doc.casualties.len(), 2);
    let names = |i: usize| -> Vec<String> {
        doc.casualties[i]
            .sources
            .iter()
            .map(|s| s.name.clone())
            .collect()
    };
    assert_eq!(names(0), ["Syrian Observatory for Human Rights"]);
    assert_eq!(names(1), ["state media"]);
    // The verb token ties the count to its event.
    let v = doc.casualties[0].verb.expect("verb") as usize;
    assert_eq!(doc.token_text(v), "killed");
}
