//! The GDELT and ACLED layouts loaded the way their users load them: GDELT
//! files with the GDELT 2.0 header, every column checked for its type and
//! vocabulary; ACLED CSV read by header and summed `groupby(country,
//! event_type).fatalities` style. The documents are built by hand (no models),
//! with the cases issue 15 names: ISO codes that are other FIPS countries,
//! a known-group actor, a pronoun, an undated event, a non-ACLED event.

use sitrep_doc::actors::{ActorMention, MentionKind};
use sitrep_doc::casualties::{Casualty, CasualtyKind, Category, Count};
use sitrep_doc::events::{assign_ids, Event, EventActor};
use sitrep_doc::places::{PlaceMention, PlacePrecision, PlaceRef};
use sitrep_doc::times::{DatePrecision, TimeKind, TimeRef, TimeSource};
use sitrep_doc::{Date, Doc, Span};
use sitrep_output::{
    Acled, Gdelt, GdeltMentions, Sink, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS,
};
use std::collections::{BTreeMap, HashMap, HashSet};

const TEXT: &str = "Benjamin Netanyahu met Kevin Rudd in Canberra. \
Al-Qaeda militants attacked Israeli troops in Gaza. \
Israeli jets bombed Gaza City, killing 12 civilians. \
Students protested in Sydney. \
Police beat the students in Zürich. \
He praised the police. \
Israeli jets bombed civilians in Gaza City again.";

fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth}"))
        .0;
    Span::new(start, start + needle.len())
}

fn place(name: &str, cc: &str, admin1: &str, lat: f64, lon: f64, id: u32, at: Span) -> PlaceRef {
    PlaceRef {
        name: name.into(),
        geonameid: id,
        lat,
        lon,
        country: cc.into(),
        admin1: admin1.into(),
        precision: PlacePrecision::City,
        evidence: at,
        inferred: false,
    }
}

/// Builds the document: actor mentions, places, one casualty, six events.
fn doc() -> Doc {
    let mut d = Doc::from_text(TEXT);
    d.id = "hand-made".into();
    d.url = Some("https://news.example.org/2016/12/12/story".into());
    d.published = Date::new(2016, 12, 12);
    d.anchor_date = d.published;
    let sentence_of = |s: Span| TEXT[..s.start as usize].matches(". ").count() as u32;
    let mention = |d: &mut Doc, text: &str, nth, code: Option<&str>, name: Option<&str>, kind| {
        let span = span_of(TEXT, text, nth);
        d.actors.push(ActorMention {
            span,
            sentence: sentence_of(span),
            text: text.into(),
            code: code.map(String::from),
            name: name.map(String::from),
            kind,
            ..ActorMention::default()
        });
        (d.actors.len() - 1) as u32
    };
    use MentionKind::*;
    let bibi = mention(
        &mut d,
        "Benjamin Netanyahu",
        0,
        Some("ISRGOV"),
        Some("benjamin netanyahu"),
        Dictionary,
    );
    let rudd = mention(
        &mut d,
        "Kevin Rudd",
        0,
        Some("AUSGOV"),
        Some("kevin rudd"),
        Dictionary,
    );
    let aq = mention(
        &mut d,
        "Al-Qaeda militants",
        0,
        Some("IMGMUSALQ"),
        Some("al qaeda"),
        Dictionary,
    );
    let troops = mention(
        &mut d,
        "Israeli troops",
        0,
        Some("ISRMIL"),
        Some("israel"),
        Dictionary,
    );
    let jets = mention(
        &mut d,
        "Israeli jets",
        0,
        Some("ISRMIL"),
        Some("israel"),
        Dictionary,
    );
    let civ = mention(&mut d, "civilians", 0, Some("---CVL"), None, Agent);
    let students = mention(&mut d, "Students", 0, Some("AUSEDU"), None, Agent);
    let police = mention(&mut d, "Police", 0, Some("CHECOP"), None, Agent);
    let the_students = mention(
        &mut d,
        "the students",
        0,
        Some("AUSEDU"),
        None,
        Coreference {
            antecedent: students,
        },
    );
    let he = mention(
        &mut d,
        "He",
        0,
        Some("ISRGOV"),
        None,
        Coreference { antecedent: bibi },
    );
    let police2 = mention(&mut d, "police", 0, Some("CHECOP"), None, Agent);
    let jets2 = mention(
        &mut d,
        "Israeli jets",
        1,
        Some("ISRMIL"),
        Some("israel"),
        Dictionary,
    );
    let civ2 = mention(&mut d, "civilians", 1, Some("---CVL"), None, Agent);

    let places = [
        (
            "Canberra",
            place(
                "Canberra",
                "AU",
                "01",
                -35.28,
                149.13,
                2172517,
                span_of(TEXT, "Canberra", 0),
            ),
        ),
        (
            "Gaza",
            place(
                "Gaza",
                "PS",
                "",
                31.50,
                34.47,
                281133,
                span_of(TEXT, "Gaza", 0),
            ),
        ),
        (
            "Gaza City",
            place(
                "Gaza",
                "PS",
                "",
                31.50,
                34.47,
                281133,
                span_of(TEXT, "Gaza City", 0),
            ),
        ),
        (
            "Sydney",
            place(
                "Sydney",
                "AU",
                "02",
                -33.87,
                151.21,
                2147714,
                span_of(TEXT, "Sydney", 0),
            ),
        ),
        (
            "Gaza City again",
            place(
                "Gaza",
                "PS",
                "",
                31.50,
                34.47,
                281133,
                span_of(TEXT, "Gaza City", 1),
            ),
        ),
        (
            "Zürich",
            place(
                "Zürich",
                "CH",
                "ZH",
                47.37,
                8.55,
                2657896,
                span_of(TEXT, "Zürich", 0),
            ),
        ),
    ];
    for (_, p) in &places {
        d.places.push(PlaceMention {
            span: p.evidence,
            text: TEXT[p.evidence.start as usize..p.evidence.end as usize].to_string(),
            place: Some(p.clone()),
            confidence: 0.9,
            ..PlaceMention::default()
        });
    }
    let at = |name: &str| {
        places
            .iter()
            .find(|(t, _)| *t == name)
            .map(|(_, p)| p.clone())
    };
    d.casualties.push(Casualty {
        span: span_of(TEXT, "12 civilians", 0),
        kind: CasualtyKind::Killed,
        count: Count::exact(12),
        count_span: span_of(TEXT, "12", 0),
        category: Some(Category::Civilians),
        cue_span: span_of(TEXT, "killing", 0),
        sentence: 2,
        ..Casualty::default()
    });
    let side = |d: &Doc, m: u32| {
        let a = &d.actors[m as usize];
        EventActor {
            text: a.text.clone(),
            code: a.code.clone(),
            span: a.span,
            mention: Some(m),
        }
    };
    // Sentences end at ". " (the text is built so).
    let sentence_span = |i: u32| {
        let mut start = 0;
        for (n, piece) in TEXT.split_inclusive(". ").enumerate() {
            if n as u32 == i {
                return Span::new(start, start + piece.trim_end().len());
            }
            start += piece.len();
        }
        panic!("no sentence {i}")
    };
    let event =
        |d: &Doc, src: u32, tgt: Option<u32>, verb: &str, code: &str, place: Option<PlaceRef>| {
            let verb = span_of(TEXT, verb, 0);
            let s = sentence_of(verb);
            let root = &code[..2];
            let r: u8 = root.parse().unwrap();
            Event {
                span: verb,
                sentence: s,
                sentence_span: sentence_span(s),
                date: d.anchor_date,
                source: Some(side(d, src)),
                target: tgt.map(|t| side(d, t)),
                verb,
                verb_text: TEXT[verb.start as usize..verb.end as usize].into(),
                code: code.into(),
                root_code: root.into(),
                quad_class: match r {
                    1..=5 => 1,
                    6..=8 => 2,
                    9..=13 => 3,
                    _ => 4,
                },
                goldstein: if r >= 14 { -10.0 } else { 3.0 },
                location: place,
                ..Event::default()
            }
        };
    let mut events = vec![
        event(&d, bibi, Some(rudd), "met", "040", at("Canberra")),
        event(&d, aq, Some(troops), "attacked", "190", at("Gaza")),
        event(&d, jets, Some(civ), "bombed", "195", at("Gaza City")),
        event(&d, students, None, "protested", "141", at("Sydney")),
        event(&d, police, Some(the_students), "beat", "175", at("Zürich")),
        event(&d, he, Some(police2), "praised", "051", None),
        // A second mention of the air strike: same code, actors, day, place.
        {
            let mut again = event(
                &d,
                jets2,
                Some(civ2),
                "bombed",
                "195",
                at("Gaza City again"),
            );
            again.verb = span_of(TEXT, "bombed", 1);
            again.span = again.verb;
            again.sentence = sentence_of(again.verb);
            again.sentence_span = sentence_span(again.sentence);
            again.verb_text = "bombed".into();
            again
        },
    ];
    events[2].casualties = vec![0];
    events[2].time = Some(TimeRef {
        date: d.anchor_date,
        precision: DatePrecision::Day,
        kind: TimeKind::Point,
        source: TimeSource::Clause,
        ..TimeRef::default()
    });
    assign_ids(&d.id, &mut events);
    d.events = events;
    d
}

/// A document with no date of any kind, and no URL.
fn undated_doc() -> Doc {
    let text = "Rebels attacked the town.";
    let mut d = Doc::from_text(text);
    d.id = "undated".into();
    d.events.push(Event {
        span: Span::new(0, 15),
        sentence_span: Span::new(0, text.len()),
        verb: Span::new(7, 15),
        code: "190".into(),
        root_code: "19".into(),
        quad_class: 4,
        goldstein: -10.0,
        source: Some(EventActor {
            text: "Rebels".into(),
            code: Some("---REB".into()),
            span: Span::new(0, 6),
            mention: None,
        }),
        ..Event::default()
    });
    assign_ids(&d.id, &mut d.events);
    d
}

fn run<S: Sink>(mut sink: S, docs: &[Doc]) -> (S, Vec<String>) {
    sink.begin().unwrap();
    for d in docs {
        sink.doc(d).unwrap();
    }
    sink.finish().unwrap();
    let notes = sink.diagnostics();
    (sink, notes)
}

/// The country table, read independently of the crate's loader.
fn countries() -> Vec<Vec<&'static str>> {
    include_str!("../../../data/output/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

const CAMEO_TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PTY", "REL", "PPL", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "SET",
];

fn is_date8(s: &str) -> bool {
    s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && Date::new(
            s[..4].parse().unwrap(),
            s[4..6].parse().unwrap(),
            s[6..].parse().unwrap(),
        )
        .is_some()
}

fn is_code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads GDELT rows into header → value maps, checking every column.
fn check_gdelt_events(tsv: &str) -> Vec<HashMap<&'static str, String>> {
    let table = countries();
    let fips: HashSet<&str> = table
        .iter()
        .map(|r| r[3])
        .filter(|f| !f.is_empty())
        .collect();
    let cameo_countries: HashSet<&str> = table.iter().map(|r| r[1]).collect();
    let mut rows = Vec::new();
    for line in tsv.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61, "{line}");
        let row: HashMap<&'static str, String> = GDELT_EVENT_COLUMNS
            .iter()
            .zip(&f)
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        let id: u64 = row["GLOBALEVENTID"]
            .parse()
            .expect("GLOBALEVENTID is an integer");
        assert!(id > 0 && id < 1 << 63);
        let day = &row["SQLDATE"];
        assert!(is_date8(day), "SQLDATE {day}");
        assert_eq!(row["MonthYear"], day[..6]);
        assert_eq!(row["Year"], day[..4]);
        let year: f64 = row["Year"].parse().unwrap();
        let frac: f64 = row["FractionDate"].parse().unwrap();
        assert!(frac >= year && frac < year + 1.0);
        for a in ["Actor1", "Actor2"] {
            let code = &row[format!("{a}Code").as_str()];
            assert!(
                code.len().is_multiple_of(3)
                    && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                "{code}"
            );
            let name = &row[format!("{a}Name").as_str()];
            assert_eq!(name, &name.to_uppercase(), "names upper-cased");
            assert_eq!(code.is_empty(), name.is_empty());
            let cc = &row[format!("{a}CountryCode").as_str()];
            assert!(
                cc.is_empty() || cameo_countries.contains(cc.as_str()),
                "CAMEO country {cc}"
            );
            for part in [
                "KnownGroupCode",
                "EthnicCode",
                "Religion1Code",
                "Religion2Code",
            ] {
                let v = &row[format!("{a}{part}").as_str()];
                assert!(
                    v.is_empty() || (is_code3(v) && code.contains(v.as_str())),
                    "{a}{part} {v}"
                );
            }
            for n in 1..=3 {
                let v = &row[format!("{a}Type{n}Code").as_str()];
                assert!(
                    v.is_empty() || CAMEO_TYPES.contains(&v.as_str()),
                    "{a}Type{n}Code {v}"
                );
            }
        }
        assert!(["0", "1"].contains(&row["IsRootEvent"].as_str()));
        let code = &row["EventCode"];
        assert!((3..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(row["EventBaseCode"], code[..3]);
        assert_eq!(row["EventRootCode"], code[..2]);
        let root: u8 = code[..2].parse().unwrap();
        let quad: u8 = row["QuadClass"].parse().unwrap();
        assert!((1..=4).contains(&quad));
        let want = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(quad, want, "QuadClass of root {root}");
        let g: f64 = row["GoldsteinScale"].parse().unwrap();
        assert!((-10.0..=10.0).contains(&g));
        for n in ["NumMentions", "NumSources", "NumArticles"] {
            assert!(row[n].parse::<u32>().unwrap() >= 1);
        }
        assert!(row["AvgTone"].is_empty() || row["AvgTone"].parse::<f64>().is_ok());
        for g in ["Actor1Geo", "Actor2Geo", "ActionGeo"] {
            let col = |c: &str| row[format!("{g}_{c}").as_str()].clone();
            let ty = col("Type");
            if ty.is_empty() {
                for c in [
                    "FullName",
                    "CountryCode",
                    "ADM1Code",
                    "Lat",
                    "Long",
                    "FeatureID",
                ] {
                    assert!(col(c).is_empty(), "{g}_{c} without a type");
                }
                continue;
            }
            let ty: u8 = ty.parse().unwrap();
            assert!((1..=5).contains(&ty));
            let cc = col("CountryCode");
            assert!(fips.contains(cc.as_str()), "{g} FIPS {cc}");
            assert!(col("ADM1Code").starts_with(&cc));
            if ty == 1 {
                assert_eq!(col("ADM1Code"), cc);
                assert_eq!(
                    col("FeatureID"),
                    cc,
                    "GDELT: a country's feature is its code"
                );
            }
            if matches!(ty, 2 | 3) {
                assert_eq!(cc, "US", "types 2 and 3 are US places");
            }
            let lat: f64 = col("Lat").parse().unwrap();
            let lon: f64 = col("Long").parse().unwrap();
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
            assert!(!col("FullName").is_empty() && !col("FeatureID").is_empty());
        }
        let added = &row["DATEADDED"];
        assert!(
            added.len() == 14 && is_date8(&added[..8]),
            "DATEADDED {added}"
        );
        let url = &row["SOURCEURL"];
        assert!(url.is_empty() || url.starts_with("http"), "SOURCEURL {url}");
        rows.push(row);
    }
    rows
}

fn check_gdelt_mentions(
    tsv: &str,
    event_ids: &HashSet<String>,
) -> Vec<HashMap<&'static str, String>> {
    let mut rows = Vec::new();
    for line in tsv.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 16, "{line}");
        let row: HashMap<&'static str, String> = GDELT_MENTION_COLUMNS
            .iter()
            .zip(&f)
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        assert!(
            event_ids.contains(&row["GLOBALEVENTID"]),
            "joins the event table"
        );
        for t in ["EventTimeDate", "MentionTimeDate"] {
            assert!(row[t].len() == 14 && is_date8(&row[t][..8]), "{t}");
        }
        let kind: u8 = row["MentionType"].parse().unwrap();
        assert!((1..=6).contains(&kind));
        assert!(!row["MentionIdentifier"].is_empty());
        assert!(row["SentenceID"].parse::<u32>().unwrap() >= 1);
        let len: i64 = row["MentionDocLen"].parse().unwrap();
        for o in ["Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset"] {
            let v: i64 = row[o].parse().unwrap();
            assert!(v >= -1 && v < len, "{o} {v}");
        }
        assert!(row["ActionCharOffset"].parse::<i64>().unwrap() >= 0);
        assert!(["0", "1"].contains(&row["InRawText"].as_str()));
        let c = &row["Confidence"];
        assert!(c.is_empty() || (0..=100).contains(&c.parse::<i64>().unwrap()));
        rows.push(row);
    }
    rows
}

#[test]
fn gdelt_tables_load_with_the_gdelt_header_and_mean_what_gdelt_means() {
    let docs = [doc(), undated_doc()];
    let (sink, notes) = run(Gdelt::new(Vec::new()), &docs);
    let tsv = String::from_utf8(sink.into_inner()).unwrap();
    let rows = check_gdelt_events(&tsv);
    assert_eq!(
        rows.len(),
        6,
        "the undated event is left out, two mentions of one are one"
    );
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("1 undated event"), "{notes:?}");

    let by_code = |c: &str| rows.iter().find(|r| r["EventCode"] == c).unwrap();
    // Palestine is FIPS WE (ISO PS is FIPS Palau); Australia FIPS AS (ISO AU
    // is FIPS Austria); Switzerland FIPS SZ (ISO CH is FIPS China).
    assert_eq!(by_code("190")["ActionGeo_CountryCode"], "WE");
    assert_eq!(by_code("040")["ActionGeo_CountryCode"], "AS");
    assert_eq!(by_code("040")["ActionGeo_ADM1Code"], "AS01");
    assert_eq!(by_code("175")["ActionGeo_CountryCode"], "SZ");
    assert_eq!(by_code("175")["ActionGeo_ADM1Code"], "SZZH");
    assert_eq!(
        by_code("175")["ActionGeo_FullName"],
        "Zürich, Switzerland",
        "city, admin1 (the same name, once), country"
    );
    assert_eq!(
        by_code("040")["ActionGeo_FullName"],
        "Canberra, Australian Capital Territory, Australia"
    );
    // The known group is found where GDELT users look for it.
    let aq = by_code("190");
    assert_eq!(aq["Actor1KnownGroupCode"], "ALQ");
    assert_eq!(aq["Actor1Religion1Code"], "MUS");
    assert_eq!(aq["Actor1Type1Code"], "IMG");
    assert_eq!(aq["Actor1Type3Code"], "");
    assert_eq!(aq["Actor1Name"], "AL QAEDA", "the dictionary's name");
    assert_eq!(aq["Actor2CountryCode"], "ISR");
    assert_eq!(aq["Actor2Type1Code"], "MIL");
    // Actors are placed: a country centre for Israel's troops.
    assert_eq!(aq["Actor2Geo_Type"], "1");
    assert_eq!(aq["Actor2Geo_CountryCode"], "IS");
    // A pronoun is named by its antecedent.
    let praise = by_code("051");
    assert_eq!(praise["Actor1Name"], "BENJAMIN NETANYAHU");
    assert_eq!(praise["ActionGeo_Type"], "");
    assert_eq!(
        praise["SOURCEURL"],
        "https://news.example.org/2016/12/12/story"
    );

    let ids: HashSet<String> = rows.iter().map(|r| r["GLOBALEVENTID"].clone()).collect();
    let (sink, notes) = run(GdeltMentions::new(Vec::new()), &docs);
    let mentions = check_gdelt_mentions(&String::from_utf8(sink.into_inner()).unwrap(), &ids);
    assert_eq!(mentions.len(), 7, "one row per evidence span");
    assert_eq!(notes.len(), 1);
    let m = |id: &str| mentions.iter().find(|m| m["GLOBALEVENTID"] == id).unwrap();
    let praise_m = m(&praise["GLOBALEVENTID"]);
    assert_eq!(praise_m["InRawText"], "0", "found through a pronoun");
    assert_eq!(praise_m["SentenceID"], "6");
    assert_eq!(praise_m["MentionSourceName"], "news.example.org");
    assert_eq!(praise_m["MentionType"], "1");
    // Offsets are characters: `ü` in Zürich is two bytes but one character.
    let he_byte = TEXT.rfind("He praised").unwrap();
    let he_char = TEXT[..he_byte].chars().count();
    assert_eq!(he_byte, he_char + 1);
    assert_eq!(praise_m["Actor1CharOffset"], he_char.to_string());
    assert_eq!(praise_m["MentionDocLen"], TEXT.chars().count().to_string());
    // The air strike's two mentions: one event row counting both, two
    // mention rows under its id, each naming its own sitrep event.
    let strike = by_code("195");
    assert_eq!(strike["NumMentions"], "2");
    assert_eq!(by_code("190")["NumMentions"], "1");
    let strike_mentions: Vec<_> = mentions
        .iter()
        .filter(|m| m["GLOBALEVENTID"] == strike["GLOBALEVENTID"])
        .collect();
    assert_eq!(strike_mentions.len(), 2);
    assert_eq!(
        strike_mentions[0]["Extras"],
        format!(
            "<SITREP_EVENT_ID>{}</SITREP_EVENT_ID>",
            strike["GLOBALEVENTID"]
        )
    );
    assert_ne!(strike_mentions[0]["Extras"], strike_mentions[1]["Extras"]);
    assert_eq!(strike_mentions[1]["SentenceID"], "7");
    let protest = m(&by_code("141")["GLOBALEVENTID"]);
    assert_eq!(protest["Actor2CharOffset"], "-1", "no target");
}

#[test]
fn gdelt_ids_are_stable_and_sourceurl_is_never_an_article_id() {
    let run_once = || {
        let mut d = doc();
        d.url = None;
        let (sink, _) = run(Gdelt::new(Vec::new()), &[d]);
        String::from_utf8(sink.into_inner()).unwrap()
    };
    let (a, b) = (run_once(), run_once());
    assert_eq!(a, b);
    let rows = check_gdelt_events(&a);
    assert!(rows.iter().all(|r| r["SOURCEURL"].is_empty()));
    let d = doc();
    for (row, e) in rows.iter().zip(&d.events) {
        assert_eq!(row["GLOBALEVENTID"], e.id.0.to_string());
    }
}

/// RFC 4180 CSV, as Python's `csv` module reads it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

fn acled_subtypes(event_type: &str) -> &'static [&'static str] {
    match event_type {
        "Battles" => &[
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ],
        "Explosions/Remote violence" => &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
        "Violence against civilians" => &[
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        ],
        "Protests" => &[
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        ],
        "Riots" => &["Violent demonstration", "Mob violence"],
        "Strategic developments" => &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
        other => panic!("not an ACLED event type: {other}"),
    }
}

const ACLED_REGIONS: &[&str] = &[
    "Western Africa",
    "Middle Africa",
    "Eastern Africa",
    "Southern Africa",
    "Northern Africa",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Caucasus and Central Asia",
    "Middle East",
    "Europe",
    "North America",
    "Central America",
    "South America",
    "Caribbean",
    "Oceania",
    "Antarctica",
];

#[test]
fn acled_csv_loads_by_header_and_sums_like_acled_data() {
    let docs = [doc(), undated_doc()];
    let (sink, notes) = run(Acled::new(Vec::new()), &docs);
    let csv = String::from_utf8(sink.into_inner()).unwrap();
    let table = parse_csv(&csv);
    let header = &table[0];
    assert!(
        header.join(",").starts_with(ACLED_HEADER),
        "ACLED's columns first, in order"
    );
    let rows: Vec<HashMap<&str, &str>> = table[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len());
            header
                .iter()
                .map(String::as_str)
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 4, "two events are no ACLED events, one undated");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("2 events left out as no ACLED event type")),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.contains("1 undated")), "{notes:?}");
    assert!(
        notes.iter().any(|n| n.contains("1 further mentions")),
        "the air strike's second mention: {notes:?}"
    );

    let numeric: HashMap<&str, &str> = countries().iter().map(|r| (r[4], r[2])).collect();
    for r in &rows {
        let ty = r["event_type"];
        assert!(
            acled_subtypes(ty).contains(&r["sub_event_type"]),
            "{ty}: {}",
            r["sub_event_type"]
        );
        let disorder = r["disorder_type"];
        match ty {
            "Protests" | "Riots" => assert!(disorder.contains("Demonstrations")),
            "Strategic developments" => assert_eq!(disorder, "Strategic developments"),
            _ => assert_eq!(disorder, "Political violence"),
        }
        let i1: u8 = r["inter1"].parse().unwrap();
        let i2: u8 = r["inter2"].parse().unwrap();
        assert!((1..=8).contains(&i1) && i2 <= 8);
        let want = if i2 == 0 {
            i1 * 10
        } else {
            i1.min(i2) * 10 + i1.max(i2)
        };
        assert_eq!(r["interaction"], want.to_string());
        assert!(["", "Civilian targeting"].contains(&r["civilian_targeting"]));
        assert!(r["event_id_cnty"].ends_with(r["event_id"]));
        assert!(Date::parse_iso_prefix(r["event_date"]).is_some());
        assert_eq!(r["year"], &r["event_date"][..4]);
        assert!(["1", "2", "3"].contains(&r["time_precision"]));
        assert_eq!(
            numeric[r["country"]], r["iso"],
            "iso is the country's numeric code"
        );
        assert!(ACLED_REGIONS.contains(&r["region"]), "{}", r["region"]);
        assert!(["1", "2", "3"].contains(&r["geo_precision"]));
        let _: f64 = r["latitude"].parse().unwrap();
        let _: f64 = r["longitude"].parse().unwrap();
        let _: u64 = r["fatalities"].parse().unwrap();
        let _: i64 = r["timestamp"].parse().unwrap();
    }

    // df.groupby(["country", "event_type"]).fatalities.sum()
    let mut sums: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for r in &rows {
        *sums.entry((r["country"], r["event_type"])).or_default() +=
            r["fatalities"].parse::<u64>().unwrap();
    }
    let want: BTreeMap<(&str, &str), u64> = [
        (("Australia", "Protests"), 0),
        (("Palestinian Territory", "Battles"), 0),
        (("Palestinian Territory", "Explosions/Remote violence"), 12),
        (("Switzerland", "Protests"), 0),
    ]
    .into();
    assert_eq!(sums, want);

    let find = |sub: &str| rows.iter().find(|r| r["sub_event_type"] == sub).unwrap();
    let strike = find("Air/drone strike");
    assert_eq!(strike["civilian_targeting"], "Civilian targeting");
    assert_eq!(strike["actor2"], "Civilians (Palestinian Territory)");
    assert_eq!(
        strike["inter1"], "8",
        "Israeli forces outside Israel are external forces"
    );
    assert_eq!(strike["time_precision"], "1", "dated in its own clause");
    let clash = find("Armed clash");
    assert_eq!(
        (clash["inter1"], clash["inter2"], clash["interaction"]),
        ("2", "8", "28")
    );
    assert_eq!(
        clash["time_precision"], "3",
        "dated by the publish date only"
    );
    let protest = find("Peaceful protest");
    assert_eq!(protest["actor1"], "Protesters (Australia)");
    assert_eq!(protest["assoc_actor_1"], "Students");
    assert_eq!(protest["interaction"], "60");
    let repression = find("Protest with intervention");
    assert_eq!(
        repression["actor1"], "Protesters (Australia)",
        "the protesters are actor 1"
    );
    assert_eq!(repression["actor2"], "Police Forces of Switzerland");
    assert_eq!(repression["interaction"], "16");
    assert_eq!(repression["admin1"], "Zürich");
}
