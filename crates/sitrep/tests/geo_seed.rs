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
        sitrep_geo::geoparse(&mut doc, &gaz);
        sitrep_geo::annotate_times(&mut doc);
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

/// Token index of the first token written `word` after byte `from`.
fn token_after(doc: &Doc, word: &str, from: usize) -> Option<usize> {
    (0..doc.tokens.len())
        .find(|&i| doc.tokens[i].span.start as usize >= from && doc.token_text(i) == word)
}

#[test]
fn seed_times_are_anchored_at_the_dateline() {
    let Some(doc) = seed() else { return };
    let monday = doc.times.iter().find(|t| t.text.contains("Monday"));
    assert_eq!(
        monday.map(|t| t.value.as_str()),
        Some("2016-12-12"),
        "{:#?}",
        doc.times
    );
    let sohr = doc.text.find("SOHR: Battle").expect("SOHR part");
    let today = doc
        .times
        .iter()
        .find(|t| t.text == "today" && t.span.start as usize > sohr);
    assert_eq!(
        today.map(|t| t.value.as_str()),
        Some("2016-12-12"),
        "{:#?}",
        doc.times
    );
}

#[test]
fn seed_speech_verb_is_said_at_belgrade_about_aleppo() {
    let Some(doc) = seed() else { return };
    let start = doc.text.find("Sergey Lavrov said").expect("Lavrov");
    let said = token_after(doc, "said", start).expect("said");
    let a = sitrep_geo::place_for_clause(doc, said);
    assert_eq!(
        a.said_at.as_ref().map(|r| r.geonameid),
        Some(792680),
        "{a:#?}"
    );
    assert_eq!(
        a.location.as_ref().map(|r| r.geonameid),
        Some(170063),
        "{a:#?}"
    );
    let d = sitrep_geo::date_for_clause(doc, said).expect("a date");
    assert_eq!(d.value, "2016-12-12");
    assert_eq!(d.source, sitrep::doc::times::TimeSource::Clause);
}

#[test]
fn said_in_belgrade_that_something_happened_in_aleppo() {
    let Some(_) = seed() else { return };
    let (Ok(gaz), Ok(pipeline)) = (
        Gazetteer::vendored(),
        Pipeline::new(&PipelineOptions::default()),
    ) else {
        return;
    };
    let mut doc = pipeline.analyze(Article {
        text: "Lavrov said in Belgrade on Tuesday that the army shelled Aleppo on Monday.".into(),
        published: Date::new(2016, 12, 14),
        ..Article::default()
    });
    sitrep_geo::geoparse(&mut doc, &gaz);
    sitrep_geo::annotate_times(&mut doc);
    let said = token_after(&doc, "said", 0).expect("said");
    let a = sitrep_geo::place_for_clause(&doc, said);
    assert_eq!(a.said_at.map(|r| r.geonameid), Some(792680));
    assert_eq!(a.location.map(|r| r.geonameid), Some(170063));
    let shelled = token_after(&doc, "shelled", 0).expect("shelled");
    let b = sitrep_geo::place_for_clause(&doc, shelled);
    assert_eq!(b.location.map(|r| r.geonameid), Some(170063));
    assert_eq!(b.said_at, None);
    let d = sitrep_geo::date_for_clause(&doc, shelled).expect("date");
    assert_eq!(d.value, "2016-12-12", "{d:?} {:#?}", doc.times);
    let d = sitrep_geo::date_for_clause(&doc, said).expect("date");
    assert_eq!(d.value, "2016-12-13", "{d:?}");
}
