//! Reported-speech and direct-quote patterns, one sentence each, through the real
//! tagger and parser.

mod common;

use sitrep::doc::quotes::{QuoteKind, SourceKind};

/// `(text, expected content, expected speaker name, expected cue lemma, kind)`
const CASES: &[(&str, &str, &str, &str, QuoteKind)] = &[
    (
        "Officials said that the convoy had been attacked near the border.",
        "the convoy had been attacked near the border",
        "Officials",
        "say",
        QuoteKind::Indirect,
    ),
    (
        "The army said its forces had retaken the town on Sunday.",
        "its forces had retaken the town on Sunday",
        "army",
        "say",
        QuoteKind::Indirect,
    ),
    (
        "According to the Syrian Observatory for Human Rights, the rebels withdrew overnight.",
        "the rebels withdrew overnight",
        "Syrian Observatory for Human Rights",
        "according to",
        QuoteKind::Indirect,
    ),
    (
        "The rebels withdrew overnight, according to activists.",
        "The rebels withdrew overnight",
        "activists",
        "according to",
        QuoteKind::Indirect,
    ),
    (
        "The governor told reporters the shelling had stopped.",
        "the shelling had stopped",
        "governor",
        "tell",
        QuoteKind::Indirect,
    ),
    (
        "The ceasefire will hold until Friday, the minister added.",
        "The ceasefire will hold until Friday",
        "minister",
        "add",
        QuoteKind::Indirect,
    ),
    (
        "State media reported that the airport had been closed.",
        "the airport had been closed",
        "State media",
        "report",
        QuoteKind::Indirect,
    ),
    (
        "The president declared that the state of emergency was over.",
        "the state of emergency was over",
        "president",
        "declare",
        QuoteKind::Indirect,
    ),
    (
        "Lavrov said: \"We will not accept these terms under any circumstances.\"",
        "We will not accept these terms under any circumstances.",
        "Lavrov",
        "say",
        QuoteKind::Direct,
    ),
    (
        "“We have nothing to hide,” said Defence Minister Ali Ahmed.",
        "We have nothing to hide,",
        "Ali Ahmed",
        "say",
        QuoteKind::Direct,
    ),
];

#[test]
fn speech_patterns() {
    let mut failures = Vec::new();
    for &(text, content, speaker, lemma, kind) in CASES {
        let doc = common::attrib::analyze(text);
        let hit = doc.quotes.iter().find(|q| doc.slice(q.content) == content);
        let ok = hit.is_some_and(|q| {
            q.kind == kind
                && q.cue.as_ref().is_some_and(|c| c.lemma == lemma)
                && q.speaker.as_ref().is_some_and(|s| s.name == speaker)
        });
        if !ok {
            failures.push(format!(
                "{text}\n  got {:?}",
                doc.quotes
                    .iter()
                    .map(|q| (
                        doc.slice(q.content).to_string(),
                        q.cue.as_ref().map(|c| c.lemma.clone()),
                        q.speaker.as_ref().map(|s| s.name.clone())
                    ))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn narrator_voice_has_only_outer_sources() {
    let mut doc = common::attrib::pipeline().analyze(sitrep::doc::Article {
        text: "BEIRUT (Reuters) - Shelling hit the city on Monday. Activists said 12 people were killed."
            .to_string(),
        url: Some("https://www.example.com/news/1".to_string()),
        ..Default::default()
    });
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    let at = |needle: &str| {
        let i = doc.text.find(needle).unwrap_or(0);
        sitrep::doc::Span::new(i, i + needle.len())
    };
    let narr = sitrep_attrib::according_to(&doc, at("Shelling hit the city"));
    let kinds: Vec<_> = narr.iter().map(|s| (s.kind, s.name.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (SourceKind::Publisher, "example.com"),
            (SourceKind::Agency, "Reuters")
        ]
    );
    let claim = sitrep_attrib::according_to(&doc, at("12 people were killed"));
    assert_eq!(
        claim.last().map(|s| (s.kind, s.name.as_str())),
        Some((SourceKind::NamedSource, "Activists"))
    );
    assert_eq!(doc.casualties.len(), 1);
    assert_eq!(doc.casualties[0].sources.len(), 3);
}
