//! Loaders on small hand-written PETRARCH and TABARI fixtures, including the
//! malformed lines each should warn about (file:line) and skip.

use std::path::{Path, PathBuf};

use sitrep_dict::{
    codec, read, DictSet, Dictionaries, Elem, Error, Group, Kind, Placement, Warning, NULL_CODE,
};
use sitrep_doc::Date;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(rel: &str, kind: Kind) -> (DictSet, Vec<Warning>) {
    let mut set = DictSet::default();
    let mut warnings = Vec::new();
    set.add_file(&fixture(rel), Some(kind), &mut warnings)
        .expect("fixture loads");
    (set, warnings)
}

/// `(line, message fragment)` of each warning, for compact assertions.
fn lines(warnings: &[Warning]) -> Vec<usize> {
    warnings.iter().map(|w| w.line).collect()
}

fn date(s: &str) -> Date {
    s.parse().expect("test date")
}

fn joined(words: &[Box<str>]) -> String {
    words.join(" ")
}

#[test]
fn petrarch_actors() {
    let (set, warnings) = load("petrarch/test.actors.txt", Kind::Actors);
    let actors = &set.actors.actors;
    let names: Vec<String> = actors.iter().map(|a| a.display_name()).collect();
    assert_eq!(
        names,
        [
            "freedonia",
            "sylvania",
            "rufus t. firefly",
            "trentino envoys",
            "u.n."
        ]
    );
    assert_eq!(joined(&actors[0].names[2]), "free donia");
    // Dated roles; the undated one is the fallback.
    let firefly = &actors[2];
    assert_eq!(firefly.code_on(Some(date("1933-06-01"))), Some("FRDGOV"));
    assert_eq!(firefly.code_on(Some(date("1950-01-01"))), Some("FRDELI"));
    let envoys = &actors[3];
    assert_eq!(envoys.code_on(Some(date("2012-01-01"))), Some("SYLGOV"));
    assert_eq!(envoys.code_on(Some(date("2009-12-31"))), Some("SYLREB"));
    assert_eq!(envoys.code_on(Some(date("2010-06-01"))), Some("SYLGOV"));
    assert_eq!(envoys.roles.len(), 2, "malformed roles skipped");
    // A code-less primary is chained onto the next one (PETRARCH).
    assert_eq!(actors[4].names.len(), 2);
    assert_eq!(actors[4].code_on(None), Some("IGOUNO"));

    // Orphan role, bad date, date without operator, actor without code.
    assert_eq!(lines(&warnings), [2, 20, 21, 27], "{warnings:#?}");
    let w = warnings[1].to_string();
    assert!(w.ends_with("test.actors.txt:20: bad date \"2010XX01\" (want YYYYMMDD or YYMMDD) in [SYLXXX 2010XX01-20110101]; code skipped"), "{w}");
    assert!(warnings[3].message.contains("has no code"));
}

#[test]
fn petrarch_agents() {
    let (set, warnings) = load("petrarch/test.agents.txt", Kind::Agents);
    let agents = &set.agents.agents;
    assert_eq!(agents.len(), 4);
    let police: Vec<String> = agents[0].names.iter().map(|n| joined(n)).collect();
    assert_eq!(
        police,
        ["police officer", "police officers", "police official"]
    );
    assert_eq!(agents[1].names.len(), 2, "regular plural added");
    assert_eq!(agents[2].names.len(), 1, "{{}} suppresses the plural");
    assert_eq!(joined(&agents[3].names[1]), "relief agencies");
    assert_eq!(agents[3].placement, Placement::Prefix);
    assert_eq!(agents[1].compose("SYL"), "SYLGOV");
    assert_eq!(agents[1].compose("SYLGOV"), "SYLGOV", "not added twice");
    assert_eq!(agents[3].compose("UNO"), "NGOUNO");
    assert_eq!(lines(&warnings), [7, 8, 9], "{warnings:#?}");
}

#[test]
fn petrarch_verbs() {
    let (set, warnings) = load("petrarch/test.verbs.txt", Kind::PetrarchVerbs);
    let v = &set.verbs;
    assert_eq!(v.synsets.len(), 2);
    let weaponry: Vec<String> = v.synsets[0].members.iter().map(|m| joined(m)).collect();
    assert_eq!(
        weaponry,
        ["rifle", "rifles", "cannon"],
        "plurals unless `_`"
    );
    assert_eq!(
        v.synsets[1].members.len(),
        1,
        "set name ending in `_`: no plurals"
    );
    assert_eq!(v.blocks.len(), 2);
    let parley = &v.blocks[0];
    assert_eq!((&*parley.name, &*parley.code), ("PARLEY", "031"));
    assert_eq!(parley.verbs.len(), 3);
    assert_eq!(joined(&parley.verbs[2].words), "sit down");
    assert_eq!(parley.verbs[2].code.as_deref(), Some("036"));
    assert_eq!(parley.patterns.len(), 3);
    let p = &parley.patterns[0];
    assert_eq!(&*p.code, "031");
    assert_eq!(
        p.elems.iter().map(|e| e.elem.clone()).collect::<Vec<_>>(),
        [
            Elem::Verb,
            Elem::Open(Group::Prep),
            Elem::Word("with".into()),
            Elem::Target,
            Elem::Close(Group::Prep)
        ]
    );
    assert_eq!(&*v.blocks[1].code, NULL_CODE);
    assert_eq!(v.transformations.len(), 1);
    // Undefined synset, unbalanced group, missing verb marker.
    let mut got = lines(&warnings);
    got.sort();
    assert_eq!(got, [16, 17, 18], "{warnings:#?}");
}

#[test]
fn tabari_files() {
    let (set, warnings) = load("tabari/test.actors", Kind::Actors);
    let names: Vec<String> = set.actors.actors.iter().map(|a| a.display_name()).collect();
    assert_eq!(
        names,
        [
            "freedonia",
            "firefly",
            "klopstokia",
            "sylvania",
            "phantom brigade"
        ],
        "<NOUN> and ~FINISH respected"
    );
    assert_eq!(
        set.actors.actors[4].code_on(None),
        Some("###"),
        "[###] is a code"
    );
    let firefly = &set.actors.actors[1];
    assert_eq!(
        firefly.code_on(Some(date("1933-02-01"))),
        Some("FRDGOV"),
        "YYMMDD: 33 is 1933"
    );
    let klop = &set.actors.actors[2];
    assert_eq!(klop.code_on(Some(date("1999-12-31"))), Some("KLP"));
    assert_eq!(
        klop.code_on(Some(date("2000-01-01"))),
        None,
        "null code after"
    );
    assert_eq!(lines(&warnings), [7]);

    let (set, warnings) = load("tabari/test.agents", Kind::Agents);
    assert_eq!(set.agents.agents.len(), 2);
    assert_eq!(lines(&warnings), [3]);

    let (set, warnings) = load("tabari/test.verbs", Kind::TabariVerbs);
    let v = &set.verbs;
    assert_eq!(v.synsets.len(), 2);
    let deal: Vec<String> = v.synsets[1].members.iter().map(|m| joined(m)).collect();
    assert_eq!(
        deal,
        ["rifle sale", "rifles sale", "cannon sale", "cannons sale"],
        "nested synsets expand"
    );
    assert_eq!(v.blocks.len(), 2);
    assert_eq!(v.blocks[0].verbs[0].forms.len(), 2);
    assert!(
        v.blocks[0].verbs[0].stem && !v.blocks[1].verbs[0].stem,
        "BOMB= is not a stem"
    );
    assert_eq!(v.blocks[0].patterns.len(), 3);
    assert!(
        matches!(v.blocks[0].patterns[1].elems[3].elem, Elem::Alternatives(ref a) if a.len() == 2)
    );
    assert_eq!(lines(&warnings), [17]);

    let (set, warnings) = load("tabari/test.options", Kind::Options);
    assert_eq!(set.options.labels, [("031".into(), "MEET".into())]);
    assert_eq!(set.options.commands.len(), 2);
    assert_eq!(lines(&warnings), [5]);
}

#[test]
fn kinds_detected_from_names() {
    let d = Dictionaries::load_dir(fixture("petrarch")).expect("dir loads");
    let s = d.set().stats();
    assert_eq!((s.actors, s.agents, s.verb_blocks), (5, 4, 2));
    assert!(!d.warnings().is_empty());
    let d = Dictionaries::load_dir(fixture("tabari")).expect("dir loads");
    assert_eq!(
        d.set().stats().verb_blocks,
        2,
        "TABARI verbs recognised by content"
    );
    assert_eq!(d.set().options.labels.len(), 1);
}

#[test]
fn fixtures_match_and_compose() {
    let d = Dictionaries::load_dir(fixture("petrarch")).expect("dir loads");
    let tokens = [
        "the",
        "Freedonian",
        "ambassador",
        "met",
        "Firefly",
        "'s",
        "police",
        "officers",
    ];
    let found = d.find_actors(&tokens, None, Some(date("1933-05-05")));
    let got: Vec<(usize, usize, Option<&str>)> = found
        .iter()
        .map(|m| (m.start, m.end, m.code.as_deref()))
        .collect();
    // The possessive `'s` vanishes, so `Firefly's police officers` composes.
    assert_eq!(got, [(1, 3, Some("FRDGOV")), (4, 8, Some("FRDGOVCOP"))]);
    // Lemmas help where the surface form is unknown.
    let found = d.find_actors(
        &["Sylvanian", "ambassadorz"],
        Some(&["sylvanian", "ambassador"]),
        None,
    );
    assert_eq!(found[0].code.as_deref(), Some("SYLGOV"));
    // But a regular plural is the dictionary's to give: `OPPOSITION {}` has
    // none, so `oppositions` (lemma `opposition`) is no agent.
    let found = d.find_actors(
        &["Sylvanian", "oppositions"],
        Some(&["sylvanian", "opposition"]),
        None,
    );
    assert!(
        found.iter().all(|m| m.agent.is_none()),
        "{:?}",
        found.iter().map(|m| &m.code).collect::<Vec<_>>()
    );
    let found = d.find_actors(
        &["Sylvanian", "opposition"],
        Some(&["sylvanian", "opposition"]),
        None,
    );
    assert!(found.iter().any(|m| m.agent.is_some()));
}

#[test]
fn compiled_round_trip() {
    for dir in ["petrarch", "tabari"] {
        let d = Dictionaries::load_dir(fixture(dir)).expect("dir loads");
        let bytes = d.to_compiled();
        let back = Dictionaries::from_compiled(&bytes).expect("compiled loads");
        assert_eq!(back.set(), d.set());
        // Corruption is an error, never a panic.
        for cut in [0, 5, 12, bytes.len() / 2, bytes.len() - 1] {
            assert!(codec::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut wrong = bytes.clone();
        wrong[10] = 99;
        assert!(matches!(codec::decode(&wrong), Err(Error::Compiled(m)) if m.contains("version")));
    }
}

#[test]
fn not_a_dictionary() {
    let dir = std::env::temp_dir().join(format!("sitrep-dict-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bin = dir.join("x.actors");
    std::fs::write(&bin, b"\x7fELF\x02\x01\x01\x00\x00\x00binary").expect("write");
    let err = Dictionaries::load_files([(bin.as_path(), None)]).expect_err("binary refused");
    assert!(
        err.to_string().contains("not an actor dictionary") && err.to_string().contains("binary"),
        "{err}"
    );
    // A compiled dictionary handed to the text loader is binary too.
    let compiled = dir.join("y.actors");
    std::fs::write(&compiled, Dictionaries::vendored_bytes()).expect("write");
    assert!(matches!(
        Dictionaries::load_files([(compiled.as_path(), None)]),
        Err(Error::NotADictionary { .. })
    ));
    // Text in another format: every line malformed → an error, not silence.
    let json = dir.join("z.verbs");
    std::fs::write(&json, "{\"verbs\": [1, 2]}\n{\"x\": 3}\n").expect("write");
    let err = Dictionaries::load_files([(json.as_path(), None)]).expect_err("json refused");
    assert!(err.to_string().contains("no verb entries"), "{err}");
    // Unknown kind.
    let other = dir.join("notes.md");
    std::fs::write(&other, "hello").expect("write");
    assert!(matches!(
        Dictionaries::load_files([(other.as_path(), None)]),
        Err(Error::UnknownKind(_))
    ));
    // And a text file is not a compiled dictionary.
    let err = Dictionaries::load_compiled(&other).expect_err("text refused");
    assert!(matches!(err, Error::CompiledFile { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", other.display())),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = read::read_actors; // the per-file API is public
}
