//! Golden test: the seed article (`examples/aleppo-2016-12-12.txt`) through the
//! facade pipeline and the geoparser. Skipped when the vendored gazetteer or
//! models are absent.
use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_geo::Gazetteer;
use std::sync::OnceLock;

const SEED: &str = include_str!("../../../examples/aleppo-2016-12-12.txt");

/// The seed parsed and geoparsed once for all tests (`None` = skip).
fn seed() -> Option<&'static Doc> {
    static D: OnceLock<Option<Doc>> = OnceLock::new();
    D.get_or_init(|| {
        let gaz = match Gazetteer::vendored() {
            Ok(g) => g,
            Err(e) => {
                eprintln!("note: {e}; seed geoparsing test skipped");
                return None;
            }
        };
        let pipeline = match Pipeline::new(&PipelineOptions::default()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("note: {e}; seed geoparsing test skipped");
                return None;
            }
        };
        // Like the text reader: the first line is the title.
        let (title, body) = SEED.split_once('\n').unwrap_or(("", SEED));
        let mut doc = pipeline.analyze(Article {
            id: "seed".into(),
            title: Some(title.into()),
            text: body.into(),
            published: Date::new(2016, 12, 12),
            ..Article::default()
        });
        doc.persons = sitrep::attrib::persons::find(&doc);
        sitrep_geo::geoparse(&mut doc, &gaz);
        Some(doc)
    })
    .as_ref()
}

/// The geonameids chosen for mentions written exactly `text`.
fn ids_of(doc: &Doc, text: &str) -> Vec<Option<u32>> {
    doc.places
        .iter()
        .filter(|p| p.text == text)
        .map(|p| p.place.as_ref().map(|r| r.geonameid))
        .collect()
}

#[test]
fn seed_toponyms_resolve_to_the_right_entries() {
    let Some(doc) = seed() else { return };
    for (text, id) in [
        ("Aleppo", 170063),
        ("Mosul", 99072),
        ("Palmyra", 163808),
        ("Iraq", 99237),
        ("BELGRADE", 792680),
    ] {
        let got = ids_of(doc, text);
        assert!(!got.is_empty(), "{text} not recognised: {:#?}", doc.places);
        assert!(got.iter().all(|g| *g == Some(id)), "{text}: {got:?}");
    }
    let aleppo = doc
        .places
        .iter()
        .find_map(|p| p.place.as_ref().filter(|r| r.geonameid == 170063))
        .expect("Aleppo resolved");
    assert!((aleppo.lat - 36.20).abs() < 0.01 && (aleppo.lon - 37.16).abs() < 0.01);
    let iraq = doc
        .places
        .iter()
        .find(|p| p.text == "Iraq")
        .and_then(|p| p.place.as_ref());
    assert_eq!(
        iraq.map(|r| r.precision),
        Some(sitrep::doc::places::PlacePrecision::Country)
    );
}

#[test]
fn seed_person_names_are_not_places() {
    let Some(doc) = seed() else { return };
    for p in &doc.places {
        let t = p.text.to_lowercase();
        assert!(
            !t.contains("assad") && !t.contains("lavrov") && !t.contains("rami"),
            "{p:?}"
        );
    }
}

#[test]
fn seed_mentions_cite_the_text() {
    let Some(doc) = seed() else { return };
    for w in doc.places.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlap: {w:?}");
    }
    for p in &doc.places {
        assert_eq!(doc.slice(p.span), p.text);
    }
}
