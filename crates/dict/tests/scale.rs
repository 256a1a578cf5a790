//! Loading stays near-linear in the size of the input, and bounded where an
//! entry would expand combinatorially. Generated inputs; no timing is asserted
//! (speed is measured by `cargo bench -p sitrep-dict`), but before the fix these
//! took minutes and gigabytes, so a regression shows as a test that hangs.

use sitrep_dict::{read, DictSet, Dictionaries, Kind, MAX_AGENT_FORMS};

#[test]
fn an_actor_with_80k_synonyms_loads_every_name_once() {
    let mut src = String::from("BIGLAND [BIG]\n");
    for i in 0..80_000 {
        src.push_str(&format!("+BIGLAND_NAME_{i}\n"));
    }
    src.push_str("+BIGLAND_NAME_7\n"); // a duplicate, kept once
    let mut warnings = Vec::new();
    let dict = read::read_actors("big.actors", src.as_bytes(), &mut warnings).unwrap();
    assert_eq!(dict.actors.len(), 1);
    assert_eq!(dict.actors[0].names.len(), 80_001);
    // The index over them builds too.
    let d = Dictionaries::new(DictSet {
        actors: dict,
        ..DictSet::default()
    });
    assert_eq!(d.lookup("bigland name 79999", None).actors, [0]);
}

#[test]
fn many_actors_sharing_a_name_index_in_linear_time() {
    let mut src = String::new();
    for i in 0..100_000 {
        src.push_str(&format!("SAME_NAME [C{i}]\n"));
    }
    let mut warnings = Vec::new();
    let dict = read::read_actors("same.actors", src.as_bytes(), &mut warnings).unwrap();
    let d = Dictionaries::new(DictSet {
        actors: dict,
        ..DictSet::default()
    });
    assert_eq!(d.lookup("same name", None).actors.len(), 100_000);
}

fn marker(name: &str, n: usize) -> String {
    let values: Vec<String> = (0..n).map(|i| format!("V{name}{i}")).collect();
    format!("!{name}! = {}\n", values.join(", "))
}

#[test]
fn agent_marker_expansion_is_bounded_with_a_clear_warning() {
    let mut src = marker("A", 20_000);
    src.push_str(&marker("B", 20_000));
    src.push_str("!A!_!B! [~GOV]\n"); // 400 million forms: refused
    src.push_str("BIG_!A! [~MIL]\n"); // 20,000 forms: fine
    src.push_str("FARMER [~AGR]\n");
    let mut warnings = Vec::new();
    let dict = read::read_agents("big.agents", src.as_bytes(), &mut warnings).unwrap();
    assert_eq!(dict.agents.len(), 2, "{warnings:?}");
    assert_eq!(dict.agents[0].names.len(), 20_000);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = warnings[0].to_string();
    assert_eq!(
        w,
        format!(
            "big.agents:3: !MARKER! substitution expands to 400000000 forms, more than the \
             limit of {MAX_AGENT_FORMS}; line skipped"
        )
    );
}

#[test]
fn marker_products_under_the_limit_load_and_over_it_are_refused() {
    let mut src = marker("A", 300);
    src.push_str(&marker("B", 300));
    src.push_str("!A!_!B! [~GOV]\n");
    let mut warnings = Vec::new();
    let dict = read::read_agents("mid.agents", src.as_bytes(), &mut warnings).unwrap();
    assert_eq!(dict.agents[0].names.len(), 90_000, "{warnings:?}");
    let mut over = marker("A", 500);
    over.push_str(&marker("B", 500));
    over.push_str("!A!_!B! [~GOV]\nFARMER [~AGR]\n");
    let mut warnings = Vec::new();
    let dict = read::read_agents("over.agents", over.as_bytes(), &mut warnings).unwrap();
    assert_eq!(dict.agents.len(), 1);
    assert!(warnings[0].message.contains("250000 forms"), "{warnings:?}");
}

#[test]
fn a_synset_with_80k_members_loads() {
    let mut src = String::from("&BIGSET\n");
    for i in 0..80_000 {
        src.push_str(&format!("+THING{i}\n"));
    }
    src.push_str("--- FIGHT [190] ---\nATTACK\n- * &BIGSET [190]\n");
    let mut set = DictSet::default();
    let mut warnings = Vec::new();
    set.add_bytes(
        "big.verbs.txt",
        src.as_bytes(),
        Kind::PetrarchVerbs,
        &mut warnings,
    )
    .unwrap();
    let members = set
        .verbs
        .synsets
        .iter()
        .map(|s| s.members.len())
        .sum::<usize>();
    assert!(members >= 80_000, "{members} {warnings:?}");
}

#[test]
fn malformed_event_codes_are_warned_once_with_their_cause() {
    let src = "--- FIGHT [190] ---\nATTACK [19O]\nSHELL\n- * TOWN [07X]\n- * CITY [195]\n";
    let mut set = DictSet::default();
    let mut warnings = Vec::new();
    set.add_bytes(
        "typo.verbs.txt",
        src.as_bytes(),
        Kind::PetrarchVerbs,
        &mut warnings,
    )
    .unwrap();
    let w: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with("typo.verbs.txt:2: malformed event code [19O]"),
        "{w:?}"
    );
    assert!(
        w[1].starts_with("typo.verbs.txt:4: malformed event code [07X]"),
        "{w:?}"
    );
    assert!(w[0].ends_with("kept as written"), "{w:?}");
    // Kept as written: PETRARCH's own validation dictionaries use lettered
    // sub-codes (`174K`) that its unit-test records expect.
    let patterns: usize = set.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
    assert_eq!(patterns, 2);
}
