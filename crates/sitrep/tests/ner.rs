//! The entity recognizer in the full pipeline: the vendored model with the
//! pipeline's own gazetteer and actor dictionary as name lists.
use sitrep::doc::entities::EntityKind;
use sitrep::doc::{Article, Doc};
use sitrep::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fn full() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::full(&PipelineOptions::default()).expect("vendored data loads"))
}

fn entities(text: &str) -> (Doc, Vec<(String, EntityKind)>) {
    let doc = full().analyze(Article {
        id: "t".into(),
        text: text.into(),
        ..Article::default()
    });
    let found = doc
        .entities
        .iter()
        .map(|e| (doc.slice(e.span).to_string(), e.kind))
        .collect();
    (doc, found)
}

fn has(found: &[(String, EntityKind)], name: &str, kind: EntityKind) -> bool {
    found.iter().any(|(n, k)| n == name && *k == kind)
}

#[test]
fn people_organisations_and_places_in_news_sentences() {
    use EntityKind::*;
    let cases: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Sergey Lavrov met officials of Hamas in Cairo.",
            &[
                ("Sergey Lavrov", Person),
                ("Hamas", Organization),
                ("Cairo", Place),
            ],
        ),
        (
            "The United Nations said on Tuesday that aid convoys had reached Aleppo.",
            &[("United Nations", Organization), ("Aleppo", Place)],
        ),
        (
            "President Barack Obama spoke with Angela Merkel about the crisis in Ukraine.",
            &[
                ("Barack Obama", Person),
                ("Angela Merkel", Person),
                ("Ukraine", Place),
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let (_, found) = entities(text);
        for (name, kind) in *want {
            if !has(&found, name, *kind) {
                failures.push(format!("{text}: want {name} as {kind:?}; found {found:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mentions_keep_the_layer_invariants() {
    let (doc, _) = entities(
        "\"We will not leave,\" Foreign Minister Sergey Lavrov told reporters in Moscow. \
         The Syrian Observatory for Human Rights, based in Britain, reported 12 dead.",
    );
    assert!(!doc.entities.is_empty());
    let mut last_end = 0;
    for e in &doc.entities {
        assert!(
            e.token_start < e.token_end && e.token_start >= last_end,
            "{e:?}"
        );
        last_end = e.token_end;
        let (first, last) = (
            &doc.tokens[e.token_start as usize],
            &doc.tokens[e.token_end as usize - 1],
        );
        assert_eq!(
            (e.span.start, e.span.end),
            (first.span.start, last.span.end)
        );
        let s = doc.sentence_of_token(e.token_start as usize);
        assert_eq!(
            s,
            doc.sentence_of_token(e.token_end as usize - 1),
            "one sentence"
        );
        assert!(e.confidence > 0.0 && e.confidence <= 1.0, "{e:?}");
    }
}
