//! The built-in compiled Phoenix dictionaries: lookups the event coder relies on.

use sitrep_dict::{ActorMatch, Dictionaries};
use sitrep_doc::Date;
use std::sync::OnceLock;

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::vendored().expect("vendored dictionary loads"))
}

fn date(s: &str) -> Option<Date> {
    Some(s.parse().expect("test date"))
}

/// Codes of all matches in a whitespace-tokenised sentence.
fn codes(text: &str, on: Option<Date>) -> Vec<(String, Option<String>)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    dicts()
        .find_actors(&tokens, None, on)
        .into_iter()
        .map(|m: ActorMatch| (tokens[m.start..m.end].join(" "), m.code))
        .collect()
}

fn one(text: &str, on: Option<Date>) -> Option<String> {
    let all = codes(text, on);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.into_iter().next().and_then(|(_, c)| c)
}

#[test]
fn lavrov_dated_roles() {
    for name in ["Sergey Lavrov", "Sergei Lavrov", "Lavrov", "sergey lavrov"] {
        assert_eq!(
            one(name, date("2016-12-12")).as_deref(),
            Some("RUSGOV"),
            "{name}"
        );
    }
    // In 2003 he was ambassador to the UN: the earlier (also RUSGOV) role,
    // 1994-09-22..2004-07-12, applies, not the foreign-minister one.
    let lavrov = &dicts().actors().actors[dicts().lookup("Sergey Lavrov", None).actors[0]];
    let role_2003 = lavrov.role_on(date("2003-01-01")).expect("a role in 2003");
    assert_eq!(role_2003.from, date("1994-09-22"));
    let role_2016 = lavrov.role_on(date("2016-12-12")).expect("a role in 2016");
    assert_eq!(role_2016.from, date("2004-03-09"));
    // Before any role: no code.
    assert_eq!(one("Sergey Lavrov", date("1990-01-01")), None);
}

#[test]
fn agents_compose_with_countries() {
    let d = date("2016-12-12");
    assert_eq!(one("Syrian opposition", d).as_deref(), Some("SYROPP"));
    assert_eq!(
        one("Russian Foreign Minister", d).as_deref(),
        Some("RUSGOV")
    );
    assert_eq!(
        one("Foreign Minister of Russia", d).as_deref(),
        Some("RUSGOV")
    );
    assert_eq!(one("Syrian forces", d).as_deref(), Some("SYRMIL"));
    let all = codes("Russian Foreign Minister Sergei Lavrov said", d);
    assert_eq!(
        all,
        [
            (
                "Russian Foreign Minister".to_string(),
                Some("RUSGOV".to_string())
            ),
            ("Sergei Lavrov".to_string(), Some("RUSGOV".to_string())),
        ]
    );
}

#[test]
fn countries_and_capitals() {
    assert_eq!(one("United States", None).as_deref(), Some("USA"));
    assert_eq!(one("Washington", None).as_deref(), Some("USA"));
    assert_eq!(one("the U.S.", None).as_deref(), Some("USA"));
    assert_eq!(one("Russia 's", None).as_deref(), Some("RUS"));
    assert_eq!(one("Russia’s", None).as_deref(), Some("RUS"));
    assert_eq!(one("US", None).as_deref(), Some("USA"));
    // The pronoun is not the country.
    assert!(codes("The Russians attacked us", None)
        .iter()
        .all(|(t, _)| t != "us"));
}

#[test]
fn longest_match_wins() {
    // `United States` alone is USA; the longer name is the legislature.
    let all = codes("yesterday United States Congress voted", None);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, "United States Congress");
    assert_ne!(all[0].1.as_deref(), Some("USA"));
}

#[test]
fn last_name_facility() {
    let ids = dicts().actors_by_last_name("Lavrov");
    assert!(ids
        .iter()
        .any(|&a| dicts().actors().actors[a as usize].display_name() == "sergey lavrov"));
}

#[test]
fn verbs_and_synsets_present() {
    let v = dicts().verbs_for("said");
    assert!(!v.is_empty(), "SAY has irregular form SAID");
    let v = dicts().verbs_for("accelerated");
    assert!(!v.is_empty(), "regular forms are generated");
    assert!(dicts()
        .verbs()
        .synsets
        .iter()
        .any(|s| &*s.name == "CURRENCY"));
}

/// The word-slice lookup answers as the phrase lookup, on its fast path
/// (plain lowercase words) and off it (capitals, hyphens, apostrophes).
#[test]
fn verbs_for_words_agrees_with_verbs_for() {
    let cases: &[&[&str]] = &[
        &["said"],
        &["rule", "out"],
        &["wire", "tapped"],
        &["accelerated"],
        &["Said"],
        &["carried", "out"],
        &["cease-fire"],
        &["it's"],
        &["u.s.", "said"],
        &["nosuchverb"],
        &["", "said"],
        &["call", "for"],
    ];
    for words in cases {
        assert_eq!(
            dicts().verbs_for_words(words),
            dicts().verbs_for(&words.join(" ")),
            "{words:?}"
        );
    }
}

#[test]
fn discards_and_issues() {
    let d = dicts();
    let sport: Vec<&str> = "he won the African Nations Cup final".split(' ').collect();
    assert!(d.discard(&sport).is_some());
    let news: Vec<&str> = "Lavrov met Kerry in Geneva".split(' ').collect();
    assert!(d.discard(&news).is_none());
    let school: Vec<&str> = "teachers and students protested at the university"
        .split(' ')
        .collect();
    let issues = d.issues_in(&school);
    assert!(
        issues.contains(&("TEACHERS", 1)) && issues.contains(&("STUDENTS", 1)),
        "{issues:?}"
    );
}

#[test]
fn a_split_off_hyphen_after_a_name_is_not_part_of_the_match() {
    // `the US-led coalition`, tokenised `US - led`: the actor is `US` alone.
    let found = codes("the US - led coalition", date("2016-12-12"));
    assert!(
        found
            .iter()
            .any(|(text, code)| text.ends_with("US") && code.as_deref() == Some("USA")),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(text, _)| !text.ends_with('-')),
        "{found:?}"
    );
}

#[test]
fn post_2014_supplement_codes_groups_phoenix_lacks() {
    let d = date("2019-03-12");
    assert_eq!(one("SDF", d).as_deref(), Some("SYRREB"));
    assert_eq!(
        one("Syrian Democratic Forces", d).as_deref(),
        Some("SYRREB")
    );
    assert_eq!(one("YPG", d).as_deref(), Some("SYRREB"));
    assert_eq!(one("Hayat Tahrir al-Sham", d).as_deref(), Some("SYRREBMUS"));
    assert_eq!(one("Islamic State", d).as_deref(), Some("IMGMUSISI"));
    assert_eq!(one("Houthis", d).as_deref(), Some("YEMREB"));
    assert_eq!(one("US-led coalition", d).as_deref(), Some("USAMIL"));
    assert_eq!(one("Wagner Group", d).as_deref(), Some("RUSUAF"));
    assert_eq!(one("JNIM", d).as_deref(), Some("MLIREB"));
    // Before the group existed its name codes nothing (Phoenix's own rule for
    // ISIS, which it restricts to dates after 2013-04-08).
    assert_eq!(one("Islamic State", date("2005-01-01")), None);
}

#[test]
fn a_dated_supplement_role_beats_an_undated_phoenix_default() {
    // Phoenix codes ANSAR_ALLAH LBNREB and TALIBAN_ AFGREB for all time; the
    // supplement's dated roles win on the dates they cover.
    assert_eq!(
        one("Ansar Allah", date("2016-01-01")).as_deref(),
        Some("YEMREB")
    );
    assert_eq!(
        one("Taliban", date("2019-01-01")).as_deref(),
        Some("AFGREB")
    );
    assert_eq!(
        one("Taliban", date("2022-01-01")).as_deref(),
        Some("AFGGOV")
    );
    // Without a date, the undated default stands.
    assert_eq!(one("Taliban", None).as_deref(), Some("AFGREB"));
    // An unchanged Phoenix entry is untouched.
    assert_eq!(
        one("Hezbollah", date("2016-01-01")).as_deref(),
        Some("LBNREB")
    );
}

#[test]
fn withdrawn_phoenix_names_code_nothing_on_dated_text() {
    // Phoenix lists these common words as names of armed groups or places.
    let d = date("2016-01-01");
    for word in [
        "organization",
        "youth",
        "Tigers",
        "falcon",
        "meshed",
        "saga",
    ] {
        assert_eq!(one(word, d), None, "{word}");
    }
    // The groups keep their own names.
    assert_eq!(one("Tanzim", d).as_deref(), Some("MEAREB"));
    // Undated text keeps Phoenix's default (the withdrawal is a dated role).
    assert_eq!(one("organization", None).as_deref(), Some("MEAREB"));
}

/// The text sources shipped in `data/dict/phoenix` (gzip-compressed) plus
/// `data/dict/*.txt` compile to exactly the vendored dictionary, so users who
/// read or extend them read what sitrep codes with.
#[test]
fn shipped_sources_compile_to_the_vendored_dictionary() {
    use sitrep_dict::scan_dir;
    use std::path::Path;
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dict"));
    let mut files = scan_dir(&data.join("phoenix")).expect("data/dict/phoenix");
    assert_eq!(files.len(), 8, "{files:?}");
    files.extend(scan_dir(data).expect("data/dict"));
    let fresh = Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), Some(*k))))
        .expect("sources load");
    assert!(
        fresh.set() == Dictionaries::vendored().expect("vendored").set(),
        "data/dict/phoenix differs from data/dict/phoenix.sdict: recompile or recompress"
    );
}
