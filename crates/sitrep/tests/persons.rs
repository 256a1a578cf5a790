//! One answer to "who is *he*": the persons layer is filled once, and the
//! coder's coreference, attribution's speakers and the geoparser all read it.

use sitrep::doc::persons::PersonMentionKind;
use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fn full() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::full(&PipelineOptions::default())
            .expect("vendored models, dictionaries and gazetteer load")
    })
}

fn analyze(text: &str) -> Doc {
    full().analyze(Article {
        id: "t".into(),
        text: text.into(),
        published: Date::new(2020, 3, 4),
        ..Article::default()
    })
}

/// The layer's antecedent of the pronoun written as `word`.
fn antecedent_of<'d>(doc: &'d Doc, word: &str) -> Option<&'d str> {
    let p = doc
        .persons
        .iter()
        .find(|p| p.kind == PersonMentionKind::Pronoun && doc.slice(p.span) == word)?;
    p.antecedent?;
    Some(&p.name)
}

#[test]
fn the_pipeline_runs_the_person_finder_before_every_reader() {
    let names = full().stage_names();
    let at = |n: &str| names.iter().position(|s| *s == n).unwrap();
    assert!(at("person finder") > at("parser"));
    for reader in ["coder", "geoparser", "attribution"] {
        assert!(at("person finder") < at(reader), "{reader} runs first");
    }
}

#[test]
fn the_coder_and_the_speaker_finder_agree_on_he() {
    let doc = analyze(
        "Russian Foreign Minister Sergey Lavrov met John Kerry in Geneva on Monday. \
         He said the talks were useful.",
    );
    // The subject of the previous sentence, not the latest name.
    assert_eq!(antecedent_of(&doc, "He"), Some("Sergey Lavrov"));
    // Attribution's speaker is the same person ...
    let speaker = doc
        .quotes
        .iter()
        .find_map(|q| q.speaker.as_ref())
        .expect("the reported speech has a speaker");
    assert_eq!(speaker.name, "Sergey Lavrov");
    // ... and the coder's mention of `He` carries the code of Lavrov's.
    let code_at = |w: &str| {
        doc.actors
            .iter()
            .find(|m| doc.slice(m.span).ends_with(w))
            .and_then(|m| m.code.clone())
    };
    let lavrov = code_at("Lavrov").expect("Lavrov is coded");
    assert_eq!(code_at("He"), Some(lavrov));
    assert_eq!(speaker.code, code_at("Lavrov"));
}

#[test]
fn a_pronoun_of_an_unknown_person_is_not_the_last_coded_one() {
    // `she` is Jane Doe (a speaker the dictionaries do not know), never the
    // coded Syrian government mentioned in between.
    let doc =
        analyze("Jane Doe said the Syrian government had failed. She added that aid was blocked.");
    assert_eq!(antecedent_of(&doc, "She"), Some("Jane Doe"));
    let she = doc.actors.iter().find(|m| doc.slice(m.span) == "She");
    assert!(
        she.is_none_or(|m| m.code.is_none()),
        "she coded as {:?}",
        she.and_then(|m| m.code.clone())
    );
}

#[test]
fn a_surname_named_once_in_full_is_never_a_place() {
    // `Homs` is a city; as the surname of a person named in full it is not.
    let doc = analyze(
        "Army spokesman Ali Homs said the road was open. Homs added that convoys had passed.",
    );
    let surname = doc
        .persons
        .iter()
        .find(|p| p.kind == PersonMentionKind::Surname)
        .expect("the bare surname is a person mention");
    assert_eq!(surname.name, "Ali Homs");
    assert!(
        doc.places.iter().all(|p| !p.span.overlaps(surname.span)),
        "places: {:?}",
        doc.places
            .iter()
            .map(|p| doc.slice(p.span))
            .collect::<Vec<_>>()
    );
}
