//! Seed checks against the vendored `data/geo/gazetteer.bin` (skipped if absent).
use sitrep_geo::{Gazetteer, PlaceKind};
use std::sync::OnceLock;

fn gaz() -> Option<&'static Gazetteer> {
    static G: OnceLock<Option<Gazetteer>> = OnceLock::new();
    G.get_or_init(|| {
        let path = Gazetteer::vendored_path();
        if !path.exists() {
            eprintln!("note: {} absent; vendored checks skipped", path.display());
            return None;
        }
        Some(Gazetteer::load(&path).expect("vendored gazetteer loads"))
    })
    .as_ref()
}

fn ids(g: &Gazetteer, name: &str) -> Vec<u32> {
    g.places(name).map(|p| p.geonameid).collect()
}

#[test]
fn aleppo_is_the_biggest_aleppo() {
    let Some(g) = gaz() else { return };
    let top = g.places("Aleppo").next().expect("Aleppo known");
    assert_eq!(top.geonameid, 170063);
    assert!(
        (top.lat - 36.20).abs() < 0.01 && (top.lon - 37.16).abs() < 0.01,
        "{top:?}"
    );
    assert_eq!(top.country, "SY");
    assert_eq!(top.kind, PlaceKind::City);
    for spelling in ["Ḩalab", "Halab", "Alep", "aleppo", "ALEPPO"] {
        assert!(ids(g, spelling).contains(&170063), "{spelling}");
    }
}

#[test]
fn seed_cities() {
    let Some(g) = gaz() else { return };
    assert_eq!(ids(g, "Belgrade").first(), Some(&792680));
    assert_eq!(ids(g, "Mosul").first(), Some(&99072));
    assert!(ids(g, "Palmyra").contains(&163808));
    for spelling in [
        "Deir ez-Zor",
        "Deir al-Zour",
        "Dayr az Zawr",
        "Deir el-Zor",
        "Deir Azzor",
    ] {
        assert_eq!(ids(g, spelling).first(), Some(&170794), "{spelling}");
    }
    assert_eq!(g.get(170063).map(|p| p.name), Some("Aleppo"));
    assert!(g.get(1).is_none());
}

#[test]
fn countries_and_demonyms() {
    let Some(g) = gaz() else { return };
    let iraq = g.country("IQ").expect("Iraq");
    assert_eq!(iraq.geonameid, 99237);
    assert_eq!(iraq.kind, PlaceKind::Country);
    assert_eq!(ids(g, "Iraq").first(), Some(&99237));
    assert!(ids(g, "United States").contains(&6252001));
    assert!(ids(g, "U.S.").contains(&6252001));
    for (word, iso) in [
        ("Syrian", "SY"),
        ("Syrians", "SY"),
        ("Russian", "RU"),
        ("American", "US"),
    ] {
        assert_eq!(g.demonym(word).map(|p| p.country), Some(iso), "{word}");
    }
    assert!(g.demonym("Aleppo").is_none());
    // Every country has a point.
    assert!(g.countries().count() > 240);
}

#[test]
fn admin_areas_have_points() {
    let Some(g) = gaz() else { return };
    let gov = g.get(170062).expect("Aleppo governorate");
    assert_eq!(gov.kind, PlaceKind::Admin1);
    assert!(gov.approximate);
    // Within ~100 km of the city.
    let city = g.get(170063).expect("Aleppo");
    assert!(gov.distance_km(&city) < 100.0, "{gov:?}");
    assert_eq!(g.admin1("sy", "09").map(|p| p.geonameid), Some(170062));
    assert!(g.admin1("SY", "99").is_none());
    let az = g.get(5551752).expect("Arizona");
    assert!(
        (az.lat - 34.29).abs() < 0.1 && (az.lon + 111.66).abs() < 0.1,
        "{az:?}"
    );
}

#[test]
fn supplement_and_multiword_names() {
    let Some(g) = gaz() else { return };
    for n in [
        "Sukkari",
        "al-Sukkari",
        "Sheikh Maqsoud",
        "Bustan al-Qasr",
        "Masaken Hanano",
        "al-Shaar",
        "ash-Shaar",
    ] {
        let p = g
            .places(n)
            .find(|p| p.kind == PlaceKind::Neighbourhood && p.country == "SY")
            .unwrap_or_else(|| panic!("{n} unknown"));
        let aleppo = g.get(170063).expect("Aleppo");
        assert!(p.distance_km(&aleppo) < 10.0, "{n}: {p:?}");
        assert!(p.approximate);
    }
    let toks = ["in", "Deir", "ez-Zor", "province"];
    let m = g.longest_match(&toks, 1, 6).expect("Deir ez-Zor");
    assert_eq!(m.len, 2);
    let toks = ["New", "York", "City", "police"];
    let m = g.longest_match(&toks, 0, 6).expect("NYC");
    assert_eq!(m.len, 3);
    let toks = ["Bustan", "al", "-", "Qasr", "crossing"];
    // A lone hyphen token carries no word: the match stops before it.
    assert!(g.longest_match(&toks, 0, 6).map_or(0, |m| m.len) <= 1);
    let toks = ["Bustan", "al-Qasr"];
    assert_eq!(g.longest_match(&toks, 0, 6).map(|m| m.len), Some(2));
}

#[test]
fn national_capitals_are_marked() {
    let Some(g) = gaz() else { return };
    for (id, what) in [
        (4140963, "Washington, D.C."),
        (170654, "Damascus"),
        (792680, "Belgrade"),
    ] {
        assert_eq!(g.get(id).map(|p| p.feature_code), Some("PPLC"), "{what}");
    }
    // Washington state and Aleppo are not capitals.
    assert_ne!(g.get(170063).map(|p| p.feature_code), Some("PPLC"));
    assert_ne!(g.get(5815135).map(|p| p.feature_code), Some("PPLC"));
}
