//! Frames: stated intentions, demands, refusals and threats are coded as
//! CAMEO codes them (03x, 10x, 12x, 13x), not as the action itself; discard
//! phrases reach only their clause; resignations are PLOVER RETREAT. The
//! sentences are written for these tests.

use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_coder::{Coder, CoderOptions};
use sitrep_doc::events::Event;

mod common;
use common::coder::{code_of, describe};

fn pipeline(options: CoderOptions) -> Pipeline {
    let coder = Coder::with_supplement(
        sitrep_coder::sitrep_dict::Dictionaries::vendored().expect("vendored dictionaries"),
        options,
    )
    .expect("supplement loads");
    Pipeline::new(&PipelineOptions {
        fallback_date: Date::new(2020, 3, 2),
        ..PipelineOptions::default()
    })
    .expect("vendored models load")
    .with_coder(coder)
    .expect("a segmented pipeline")
}

/// Event typing without a dyad rule, as `sitrep eval plover` codes.
fn typing() -> CoderOptions {
    CoderOptions {
        require_target: false,
        ..CoderOptions::default()
    }
}

fn events(p: &Pipeline, text: &str) -> Vec<Event> {
    p.analyze(Article {
        id: "t".into(),
        text: text.into(),
        ..Article::default()
    })
    .events
}

/// The event whose verb is `verb`.
fn at<'e>(events: &'e [Event], verb: &str) -> Option<&'e Event> {
    events.iter().find(|e| e.verb_text == verb)
}

fn plover(e: &Event) -> &str {
    e.plover.as_ref().map_or("", |p| p.event.as_str())
}

#[test]
fn future_aid_is_intent_to_give_aid() {
    let p = pipeline(typing());
    let ev = events(&p, "Japan will send food aid to Haiti.");
    let e = at(&ev, "send").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert!(e.code.starts_with("033"), "{}", describe(&ev));
    assert_eq!(plover(e), "AGREE");
    assert_eq!((code_of(&e.source), code_of(&e.target)), ("JPN", "HTI"));
    // The peer coders' convention codes the action itself.
    let peer = pipeline(CoderOptions {
        require_target: false,
        ..CoderOptions::peer_compatible()
    });
    let ev = events(&peer, "Japan will send food aid to Haiti.");
    let e = at(&ev, "send").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert!(e.code.starts_with("07"), "{}", describe(&ev));
}

#[test]
fn agreeing_gives_way_to_what_is_agreed() {
    let p = pipeline(typing());
    let ev = events(&p, "Canada agreed to provide medical supplies to Sudan.");
    // No SUPPORT event for `agreed`: the intent to provide is the event.
    assert!(at(&ev, "agreed").is_none(), "{}", describe(&ev));
    let e = at(&ev, "provide").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(cameo_root(e), "03", "{}", describe(&ev));
    assert_eq!(plover(e), "AGREE");
}

fn cameo_root(e: &Event) -> &str {
    e.root_code.as_str()
}

#[test]
fn refusals_and_negated_promises_are_rejections() {
    let p = pipeline(typing());
    let ev = events(&p, "Kenya refused to release the Ugandan prisoners.");
    let e = at(&ev, "release").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(cameo_root(e), "12", "{}", describe(&ev));
    assert_eq!(plover(e), "REJECT");
    assert!(!e.negated);
    let ev = events(&p, "Jordan will not accept more refugees from Syria.");
    let e = at(&ev, "accept").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(plover(e), "REJECT", "{}", describe(&ev));
    assert!(!e.negated);
}

#[test]
fn must_in_reported_speech_is_the_speakers_demand() {
    let p = pipeline(typing());
    let ev = events(&p, "Germany said Iran must release the British sailors.");
    let e = at(&ev, "release").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(cameo_root(e), "10", "{}", describe(&ev));
    assert_eq!(plover(e), "REQUEST");
    assert_eq!((code_of(&e.source), code_of(&e.target)), ("DEU", "IRN"));
}

#[test]
fn threatened_coercion_is_a_threat() {
    let p = pipeline(typing());
    let ev = events(&p, "Chile threatened to impose sanctions on Peru.");
    let e = at(&ev, "impose").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(e.code, "1312", "{}", describe(&ev));
    assert_eq!(plover(e), "THREATEN");
}

#[test]
fn discard_phrases_reach_only_their_clause() {
    let p = pipeline(typing());
    // The year dates the fighting, not the offer.
    let ev = events(
        &p,
        "Sweden offered to mediate between the Ethiopian factions that fought each other in 1994.",
    );
    let e = at(&ev, "mediate").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(plover(e), "AGREE", "{}", describe(&ev));
    // A dated main clause is history, not news.
    let ev = events(&p, "In 1994 Sweden mediated between Ethiopia and Eritrea.");
    assert!(ev.is_empty(), "{}", describe(&ev));
}

#[test]
fn resignations_are_plover_retreat() {
    let p = pipeline(typing());
    let ev = events(&p, "The Peruvian prime minister resigned on Monday.");
    let e = at(&ev, "resigned").unwrap_or_else(|| panic!("{}", describe(&ev)));
    let pl = e
        .plover
        .as_ref()
        .unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(
        (pl.event.as_str(), pl.mode.as_deref()),
        ("RETREAT", Some("resign"))
    );
}

#[test]
fn blocked_roads_are_protest_and_names_carry_no_verbs() {
    let p = pipeline(typing());
    let ev = events(&p, "French farmers blocked roads near Paris on Monday.");
    let e = at(&ev, "blocked").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(e.code, "144", "{}", describe(&ev));
    assert_eq!(plover(e), "PROTEST");
    let ev = events(&p, "The United Nations sent inspectors to Iraq.");
    assert!(at(&ev, "United").is_none(), "{}", describe(&ev));
}

#[test]
fn supplement_patterns_win_ties_with_the_base_dictionary() {
    let p = pipeline(typing());
    // Base: `EXPEL DIPLOMAT` 161 but `EXPEL DIPLOMATS` 174 (deport).
    let ev = events(&p, "Spain expelled two Moroccan diplomats on Friday.");
    let e = at(&ev, "expelled").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(e.code, "161", "{}", describe(&ev));
    assert_eq!(plover(e), "SANCTION");
    // Base: RALLY's shared `* AGAINST` (141) would read a demonstration.
    let ev = events(&p, "Kenya mobilized troops against Somali rebels.");
    let e = at(&ev, "mobilized").unwrap_or_else(|| panic!("{}", describe(&ev)));
    assert_eq!(e.code, "154", "{}", describe(&ev));
    assert_eq!(plover(e), "MOBILIZE");
}
