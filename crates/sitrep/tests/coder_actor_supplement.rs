//! The post-2014 actor supplement (`data/dict/sitrep.actors.txt`, compiled
//! into the vendored dictionaries) through the whole coder: groups the Phoenix
//! dictionaries of 2016 lack or code for all time are coded by their
//! supplement entries on the article's date. Sentences written for this test.

use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};

fn pipeline() -> Pipeline {
    let coder = Pipeline::load_coder(None, sitrep_coder::CoderOptions::default())
        .expect("vendored dictionaries");
    Pipeline::new(&PipelineOptions::default())
        .expect("vendored models load")
        .with_coder(coder)
        .expect("a segmented pipeline")
}

/// `(mention text, code)` of every actor mention the coder finds.
fn mentions(p: &Pipeline, text: &str, date: Date) -> Vec<(String, Option<String>)> {
    p.analyze(Article {
        id: "t".into(),
        text: text.into(),
        published: Some(date),
        ..Article::default()
    })
    .actors
    .into_iter()
    .map(|m| (m.text, m.code))
    .collect()
}

/// The code of the mention whose text contains `phrase`.
fn code_of(all: &[(String, Option<String>)], phrase: &str) -> Option<String> {
    all.iter()
        .find(|(t, _)| t.contains(phrase))
        .unwrap_or_else(|| panic!("no mention containing {phrase:?} in {all:?}"))
        .1
        .clone()
}

#[test]
fn post_2014_groups_code_through_the_coder() {
    let p = pipeline();
    let d = Date::new(2019, 3, 12).expect("date");
    let all = mentions(
        &p,
        "SDF fighters captured the town from Islamic State fighters on Tuesday.",
        d,
    );
    // The group's code leads; the agent may refine it (`fighters` adds UAF).
    // The failure this guards against is the bare agent, `---UAF`.
    let starts =
        |phrase: &str, code: &str| code_of(&all, phrase).is_some_and(|c| c.starts_with(code));
    assert!(starts("SDF", "SYRREB"), "{all:?}");
    assert!(starts("Islamic State", "IMGMUSISI"), "{all:?}");
    let all = mentions(
        &p,
        "Hayat Tahrir al-Sham shelled government positions near Idlib.",
        d,
    );
    let hts = code_of(&all, "Hayat Tahrir");
    assert!(
        hts.as_deref().is_some_and(|c| c.starts_with("SYRREB")),
        "{all:?}"
    );
    let all = mentions(
        &p,
        "The Houthis fired a missile at a Saudi air base, the coalition said.",
        d,
    );
    assert_eq!(
        code_of(&all, "Houthis").as_deref(),
        Some("YEMREB"),
        "{all:?}"
    );
}

#[test]
fn dated_supplement_roles_follow_the_article_date() {
    let p = pipeline();
    let text = "The Taliban announced a new cabinet in Kabul.";
    let before = mentions(&p, text, Date::new(2019, 3, 12).expect("date"));
    let after = mentions(&p, text, Date::new(2021, 9, 7).expect("date"));
    assert_eq!(code_of(&before, "Taliban").as_deref(), Some("AFGREB"));
    assert_eq!(code_of(&after, "Taliban").as_deref(), Some("AFGGOV"));
    // The RSF was a state paramilitary until its war with the army began.
    let text = "The Rapid Support Forces deployed in Khartoum.";
    let before = mentions(&p, text, Date::new(2020, 1, 10).expect("date"));
    let after = mentions(&p, text, Date::new(2023, 6, 1).expect("date"));
    assert_eq!(code_of(&before, "Rapid Support").as_deref(), Some("SDNMIL"));
    assert_eq!(code_of(&after, "Rapid Support").as_deref(), Some("SDNREB"));
}

#[test]
fn a_group_name_is_no_antecedent_for_he() {
    // `Islamic State` is a two-word coded name, which the coder's person
    // rule used to read as a person, so `he` took it over the speaker.
    let p = pipeline();
    let all = mentions(
        &p,
        "Foreign Minister Sergey Lavrov spoke in Belgrade on Monday. \
         Islamic State's offensive from Iraq was orchestrated, he said.",
        Date::new(2016, 12, 12).expect("date"),
    );
    let he = all
        .iter()
        .find(|(t, _)| t == "he")
        .unwrap_or_else(|| panic!("no mention for he in {all:?}"));
    assert_eq!(he.1.as_deref(), Some("RUSGOV"), "{all:?}");
}
