//! The canonical article end to end through the facade: stages joined correctly.

use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};

fn seed() -> Doc {
    let raw = include_str!("../../../examples/aleppo-2016-12-12.txt");
    let (title, body) = raw.split_once('\n').unwrap_or(("", raw));
    let opts = PipelineOptions {
        fallback_date: Date::new(2016, 12, 12),
        ..PipelineOptions::default()
    };
    let pipeline = Pipeline::full(&opts).expect("vendored models, dictionaries and gazetteer load");
    pipeline.analyze(Article {
        id: "seed".into(),
        title: Some(title.to_string()),
        text: body.trim_start_matches('\n').to_string(),
        ..Article::default()
    })
}

#[test]
fn lavrov_quotes_carry_his_actor_code() {
    let doc = seed();
    let lavrov: Vec<_> = doc
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.name == "Sergey Lavrov")
        .collect();
    assert!(
        lavrov.len() >= 5,
        "four direct quotes and the lead sentence: {lavrov:#?}"
    );
    for s in lavrov {
        assert_eq!(s.code.as_deref(), Some("RUSGOV"), "{s:?}");
    }
}

#[test]
fn every_layer_cites_the_original_text() {
    let doc = seed();
    let spans = doc
        .actors
        .iter()
        .map(|a| a.span)
        .chain(
            doc.events
                .iter()
                .flat_map(|e| [e.span, e.verb, e.sentence_span]),
        )
        .chain(doc.quotes.iter().map(|q| q.span))
        .chain(doc.casualties.iter().map(|c| c.span));
    for span in spans {
        assert!(
            span.end as usize <= doc.text.len() && doc.text.get(span.range()).is_some(),
            "{span:?}"
        );
    }
    assert!(!doc.events.is_empty() && !doc.quotes.is_empty());
}

#[test]
fn places_and_times_resolve_in_the_full_pipeline() {
    let doc = seed();
    let ids: Vec<u32> = doc.places.iter().filter_map(|p| p.place.as_ref()).map(|p| p.geonameid).collect();
    for (name, id) in [("Aleppo", 170063), ("Belgrade", 792680), ("Mosul", 99072), ("Palmyra", 163808)] {
        assert!(ids.contains(&id), "{name} ({id}) not resolved: {:?}", doc.places);
    }
    let monday = doc.times.iter().find(|t| t.text.contains("Monday")).expect("'on Monday' found");
    assert_eq!(monday.date, Date::new(2016, 12, 12));
}
