//! Event structure over the parse with a small fictional dictionary (written
//! for sitrep): compound targets of `%`, `^` over a noun phrase, `+ ... $`
//! around a passive, multi-word verbs ending in the verb, split coordinated
//! subjects, hyphenated actors, target-less events and new actors.

use sitrep::{Pipeline, PipelineOptions};
use sitrep_coder::{Coder, CoderOptions};
use sitrep_dict::{DictSet, Dictionaries, Kind};
use sitrep_doc::{Article, Date};

const ACTORS: &str = "<! -- fictional actors; the spaced opener is a comment -->
VALDOR [VAL]
KESTRIA [KES]
+KESTRIAN
MORVANE [MOR]
BARAK-TUL [BKT]
";

const AGENTS: &str = "GOVERNMENT [~GOV]
OFFICIAL [~GOV]
SOLDIER [~MIL]
";

const VERBS: &str = "--- CONDEMN [122] ---
CONDEMN

--- AGREE [030] ---
AGREE
- * WITH % [031]

--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]

--- SHOT [223] ---
SHOT
- + WAS * DEAD IN $ [224]

--- CONFISCATE [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- WILL NOT * [081]

--- CELEBRATE [181] ---
CELEBRATE
- + HOSTING * HARVEST_FESTIVAL $ [046]
";

fn coder(options: CoderOptions) -> Coder {
    let mut set = DictSet::default();
    let mut warnings = Vec::new();
    for (name, text, kind) in [
        ("fict.actors.txt", ACTORS, Kind::Actors),
        ("fict.agents.txt", AGENTS, Kind::Agents),
        ("fict.verbs.txt", VERBS, Kind::PetrarchVerbs),
    ] {
        set.add_bytes(name, text.as_bytes(), kind, &mut warnings)
            .expect("fictional dictionary loads");
    }
    assert!(warnings.is_empty(), "{warnings:?}");
    Coder::new(Dictionaries::new(set), options)
}

/// `SOURCE TARGET CODE` per event (`---` for no target), sorted.
fn code(text: &str, options: CoderOptions) -> Vec<String> {
    let pipeline = Pipeline::new(&PipelineOptions::default()).expect("vendored models");
    let mut doc = pipeline.analyze(Article {
        text: text.into(),
        published: Date::new(2020, 1, 1),
        ..Article::default()
    });
    coder(options).code(&mut doc);
    let side = |a: &Option<sitrep_doc::events::EventActor>| {
        a.as_ref()
            .and_then(|a| a.code.clone())
            .unwrap_or_else(|| "---".into())
    };
    let mut out: Vec<String> = doc
        .events
        .iter()
        .map(|e| format!("{} {} {}", side(&e.source), side(&e.target), e.code))
        .collect();
    out.sort();
    out
}

fn dyadic(text: &str) -> Vec<String> {
    code(text, CoderOptions::default())
}

#[test]
fn compound_after_the_verb_is_the_target() {
    assert_eq!(
        dyadic("Valdor agrees with Kestria and Morvane that the border should stay open."),
        ["VAL KES 031", "VAL MOR 031"]
    );
}

#[test]
fn caret_skips_an_uncoded_noun_phrase() {
    assert_eq!(
        dyadic("Valdor warned their citizens about Morvane."),
        ["VAL MOR 162"]
    );
}

#[test]
fn pattern_slots_around_a_passive() {
    assert_eq!(
        dyadic("A Kestrian was shot dead in Morvane."),
        ["MOR KES 224"]
    );
}

#[test]
fn multi_word_verb_ending_in_the_verb() {
    assert_eq!(
        dyadic("Soldiers from Valdor wire tapped the phones of Kestria."),
        ["VALMIL KES 1711"]
    );
}

#[test]
fn split_coordinated_subject_keeps_its_actor() {
    assert_eq!(
        dyadic("Lions, tigers, and Valdor condemned Kestria."),
        ["VAL KES 122"]
    );
}

#[test]
fn hyphenated_actor_matches_across_the_split_hyphen() {
    assert_eq!(dyadic("Barak-Tul condemned Valdor."), ["BKT VAL 122"]);
}

#[test]
fn target_less_events_only_without_the_dyad() {
    let text = "Valdor condemned the decision.";
    assert!(dyadic(text).is_empty());
    let open = CoderOptions {
        require_target: false,
        ..CoderOptions::default()
    };
    assert_eq!(code(text, open), ["VAL --- 122"]);
}

#[test]
fn new_actors_by_phrase_length() {
    let text = "The river council condemned Kestria.";
    assert!(dyadic(text).is_empty());
    let with = |n| CoderOptions {
        new_actor_length: n,
        ..CoderOptions::default()
    };
    assert_eq!(code(text, with(3)), ["\"THE RIVER COUNCIL\" KES 122"]);
    assert!(code(text, with(2)).is_empty());
}

#[test]
fn governing_verb_group_is_in_the_pattern_window() {
    // `wire` may be parsed as the head with `tap` its complement: `will not`
    // still belongs to the pattern's view (and names the negation).
    assert_eq!(
        dyadic("Soldiers from Valdor will not wire tap the phones of Kestria."),
        ["VALMIL KES 081"]
    );
}

#[test]
fn pattern_slot_beats_an_inherited_subject() {
    assert_eq!(
        dyadic("Valdor will be hosting Kestria to celebrate the harvest festival with Morvane next week."),
        ["MOR VAL 046"]
    );
}
