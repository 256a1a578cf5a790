//! Resolution rules on short texts of my own, with the vendored gazetteer and
//! models (skipped when absent).
use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_geo::Gazetteer;
use std::sync::OnceLock;

fn setup() -> Option<&'static (Pipeline, Gazetteer)> {
    static S: OnceLock<Option<(Pipeline, Gazetteer)>> = OnceLock::new();
    S.get_or_init(|| {
        let gaz = Gazetteer::vendored()
            .map_err(|e| eprintln!("note: {e}; skipped"))
            .ok()?;
        let p = Pipeline::new(&PipelineOptions::default())
            .map_err(|e| eprintln!("note: {e}; skipped"))
            .ok()?;
        Some((p, gaz))
    })
    .as_ref()
}

/// The geonameid chosen for the first mention written `name` in `text`.
fn resolve(text: &str, name: &str) -> Option<u32> {
    let (pipeline, gaz) = setup()?;
    let mut doc = pipeline.analyze(Article {
        id: "t".into(),
        text: text.into(),
        published: Date::new(2020, 5, 4),
        ..Article::default()
    });
    doc.persons = sitrep::attrib::persons::find(&doc);
    sitrep_geo::geoparse(&mut doc, gaz);
    doc.places
        .iter()
        .find(|p| p.text == name)
        .and_then(|p| p.place.as_ref().map(|r| r.geonameid))
}

#[test]
fn a_capital_of_the_article_s_country_beats_a_same_named_state() {
    if setup().is_none() {
        return;
    }
    let text = "Farmers from Ohio and Texas travelled to Washington on Tuesday to press \
                lawmakers for drought relief, a lobbyist in Chicago said.";
    assert_eq!(resolve(text, "Washington"), Some(4140963));
}

#[test]
fn a_foreign_capital_gets_no_bonus_in_local_news() {
    if setup().is_none() {
        return;
    }
    // Athens, Georgia: a US local story names no Greek place.
    let text = "The county board in Athens approved the new school budget on Monday, \
                and officials in Atlanta and Macon welcomed the vote.";
    let id = resolve(text, "Athens");
    assert_ne!(id, Some(264371), "Athens, Greece chosen in a Georgia story");
}

#[test]
fn the_dateline_place_is_not_evidence_for_itself_under_another_name() {
    if setup().is_none() {
        return;
    }
    // `Mexico` after a `MEXICO CITY` dateline is the country.
    let text = "MEXICO CITY (AP) — Mexico will send more troops to its northern border, \
                the government said on Friday.";
    assert_eq!(resolve(text, "Mexico"), Some(3996063));
}

#[test]
fn abbreviated_months_are_not_places() {
    let Some((pipeline, gaz)) = setup() else {
        return;
    };
    let mut doc = pipeline.analyze(Article {
        id: "t".into(),
        text: "The council met on Jan. 5 and again on Nov. 3 in Springfield.".into(),
        ..Article::default()
    });
    sitrep_geo::geoparse(&mut doc, gaz);
    let texts: Vec<&str> = doc.places.iter().map(|p| p.text.as_str()).collect();
    assert!(
        !texts.contains(&"Jan.") && !texts.contains(&"Nov."),
        "{texts:?}"
    );
}
