//! Golden test on the canonical seed article: speakers and source chains.

use sitrep::doc::quotes::{QuoteKind, SourceKind};
use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/aleppo-2016-12-12.txt"
));

fn seed(source: Option<&str>) -> Doc {
    let opts = PipelineOptions {
        fallback_date: Date::new(2016, 12, 12),
        ..PipelineOptions::default()
    };
    let pipeline = Pipeline::new(&opts).expect("vendored models load");
    let mut doc = pipeline.analyze(Article {
        text: SEED.to_string(),
        source: source.map(str::to_string),
        ..Article::default()
    });
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    doc
}

fn chain_names(doc: &Doc, span: sitrep::doc::Span) -> Vec<String> {
    sitrep_attrib::according_to(doc, span)
        .into_iter()
        .map(|s| s.name)
        .collect()
}

/// Finds the quote whose content starts with `start`.
fn quote<'a>(doc: &'a Doc, start: &str) -> &'a sitrep::doc::quotes::Quote {
    doc.quotes
        .iter()
        .find(|q| doc.slice(q.content).starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?}"))
}

#[test]
fn lavrov_quotes_and_chain() {
    let doc = seed(Some("example-blog.net"));
    let cases = [
        (
            "US proposals to declare pauses",
            QuoteKind::Indirect,
            "said",
        ),
        ("The US has returned", QuoteKind::Direct, "said"),
        (
            "We have already gone through this",
            QuoteKind::Direct,
            "added",
        ),
        ("Palmyra, Islamic State", QuoteKind::Direct, "said"),
        ("Those who want to be part", QuoteKind::Direct, "stressed"),
    ];
    for (start, kind, cue) in cases {
        let q = quote(&doc, start);
        assert_eq!(q.kind, kind, "{start}");
        let c = q.cue.as_ref().expect("cue");
        assert_eq!(doc.slice(c.span), cue, "{start}");
        let sp = q.speaker.as_ref().expect("speaker");
        assert_eq!(sp.name, "Sergey Lavrov", "{start}: {}", sp.explanation);
        assert_eq!(doc.slice(sp.name_span), "Sergey Lavrov");
        assert!(sp.person);
        let names: Vec<&str> = q.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["example-blog.net", "TASS", "Sergey Lavrov"],
            "{start}"
        );
        let kinds: Vec<SourceKind> = q.sources.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SourceKind::Publisher,
                SourceKind::Agency,
                SourceKind::Speaker
            ]
        );
        // The chain of the quote's sentence, asked for by span, is the same.
        assert_eq!(chain_names(&doc, q.content), names);
    }
    // The multi-sentence quote covers all three of its sentences.
    assert!(doc
        .slice(quote(&doc, "We have already").content)
        .contains("I hope they will stop"));
    let minister = quote(&doc, "Those who want")
        .speaker
        .as_ref()
        .map(|s| doc.slice(s.span));
    assert_eq!(minister, Some("the Russian minister"));
}

#[test]
fn sohr_and_wapo() {
    let doc = seed(None);
    let text = &doc.text;
    let at = |needle: &str| {
        let i = text.find(needle).expect("needle in seed");
        sitrep::doc::Span::new(i, i + needle.len())
    };
    let withdraw = chain_names(
        &doc,
        at("the Assad regime army and its allies force the Syrian opposition to withdraw"),
    );
    assert!(withdraw.iter().any(|n| n.contains("SOHR")), "{withdraw:?}");
    assert!(
        withdraw.iter().any(|n| n == "Rami Abdulrahman"),
        "{withdraw:?}"
    );
    assert!(
        !withdraw.iter().any(|n| n == "TASS"),
        "TASS part ended: {withdraw:?}"
    );
    let forced = chain_names(
        &doc,
        at("the opposition to President Bashar Al-Assad were finally forced"),
    );
    assert!(forced.iter().any(|n| n == "Rami Abdulrahman"), "{forced:?}");
    let retreat = chain_names(
        &doc,
        at("they are retreating deeper into terrorist held territory"),
    );
    assert_eq!(retreat, ["WaPo"]);
    // Narrator's voice: the headline has no chain without a publisher.
    assert!(chain_names(&doc, at("Taking full control of Aleppo")).is_empty());
    // Inside the wire part, narration still carries the agency.
    let lead = chain_names(
        &doc,
        at("US proposals to declare pauses in hostilities for"),
    );
    assert_eq!(lead, ["TASS", "Sergey Lavrov"]);
}

#[test]
fn quotes_serialize() {
    let doc = seed(None);
    let json = serde_json::to_string(&doc.quotes).expect("serializes");
    assert!(json.contains("\"kind\":\"direct\""));
    assert!(json.contains("\"kind\":\"Speaker\""));
}
