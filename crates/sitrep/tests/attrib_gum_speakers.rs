//! Speaker accuracy on hand-annotated GUM news paragraphs. The text is rebuilt
//! from the CoNLL-U files in `../shared` at test time (skipped when absent); the
//! fixture holds only document names, paragraph numbers, a quote's first words
//! and the expected speaker.

mod common;

use std::path::Path;

const TUNED: &str = include_str!("fixtures/attrib/gum_speakers.tsv");
const HELD_OUT: &str = include_str!("fixtures/attrib/gum_speakers_heldout.tsv");
const HELD_OUT_2: &str = include_str!("fixtures/attrib/gum_speakers_heldout2.tsv");
const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

/// Rebuilds a document's running text: sentences joined by spaces, paragraphs
/// (from `# newpar`) by blank lines. Returns the text and paragraph starts.
fn rebuild(conllu: &str) -> Option<(String, Vec<usize>)> {
    let sentences = sitrep::doc::conllu::parse(conllu).ok()?;
    let mut text = String::new();
    let mut starts = Vec::new();
    for s in sentences {
        let t = s.text.clone()?;
        if s.newpar || text.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            starts.push(text.len());
        } else {
            text.push(' ');
        }
        text.push_str(&t);
    }
    Some((text, starts))
}

fn norm(s: &str) -> String {
    let s = s.trim().replace('’', "'").to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_string()
}

#[test]
fn speaker_accuracy_on_gum_news() {
    if !Path::new(GUM).exists() {
        eprintln!("note: {GUM} absent, skipping GUM speaker evaluation");
        return;
    }
    let (c1, t1) = score("tuned", TUNED);
    let (c2, t2) = score("held-out", HELD_OUT);
    let (c3, t3) = score("held-out 2", HELD_OUT_2);
    let (correct, total) = (c1 + c2 + c3, t1 + t2 + t3);
    let acc = correct as f64 / total as f64;
    println!(
        "GUM speakers, all: {correct}/{total} correct ({:.1}%)",
        acc * 100.0
    );
    assert!(total >= 20);
    // A floor well under the measured figure: catches regressions, not noise.
    assert!(acc >= 0.6, "{correct}/{total}");
}

fn score(label: &str, fixture: &str) -> (usize, usize) {
    let mut total = 0;
    let mut correct = 0;
    let mut docs = std::collections::HashMap::new();
    for line in fixture
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [doc_name, para, first, expected] = cols[..] else {
            panic!("bad fixture line {line:?}");
        };
        let para: usize = para.parse().expect("paragraph number");
        let doc = docs.entry(doc_name).or_insert_with(|| {
            let path = format!("{GUM}/GUM_news_{doc_name}.conllu");
            let conllu = std::fs::read_to_string(&path).expect("GUM file");
            let (text, starts) = rebuild(&conllu).expect("rebuilds");
            (common::attrib::analyze(&text), starts)
        });
        let (doc, starts) = (&doc.0, &doc.1);
        let lo = starts.get(para).copied().unwrap_or(usize::MAX);
        let hi = starts.get(para + 1).copied().unwrap_or(doc.text.len());
        total += 1;
        // The annotated words, located in their paragraph; the quote judged is
        // the innermost one whose content covers them (a multi-paragraph quote
        // covers words in each of its paragraphs).
        let at = doc
            .text
            .get(lo..hi.min(doc.text.len()))
            .and_then(|p| p.find(first))
            .map(|i| lo + i);
        let q = at.and_then(|at| {
            let words = sitrep::doc::Span::new(at, at + first.len());
            doc.quotes
                .iter()
                .filter(|q| q.content.contains(words))
                .max_by_key(|q| q.content.start)
        });
        let got = q.and_then(|q| q.speaker.as_ref());
        let ok = got.is_some_and(|s| expected.split('|').any(|e| norm(e) == norm(&s.name)));
        if ok {
            correct += 1;
        } else {
            println!(
                "MISS {doc_name} p{para} {first:?}: expected {expected:?}, got {:?} ({})",
                got.map(|s| s.name.as_str()),
                got.map_or(
                    if q.is_some() {
                        "no speaker"
                    } else {
                        "no quote"
                    },
                    |s| s.explanation.as_str()
                )
            );
        }
    }
    let acc = correct as f64 / total.max(1) as f64;
    println!(
        "GUM speakers, {label}: {correct}/{total} correct ({:.1}%)",
        acc * 100.0
    );
    (correct, total)
}
