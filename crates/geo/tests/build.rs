//! Builder tests on small fixtures in the GeoNames dump format, plus the
//! supplement format and bad input.
use sitrep_geo::build::{Builder, Warning};
use sitrep_geo::{Gazetteer, PlaceKind};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/geonames")
        .join(name)
}

fn build() -> (Gazetteer, Vec<Warning>) {
    let mut b = Builder::new();
    b.add_geonames_dir(&fixture(""))
        .expect("fixture dir has sources");
    b.add_supplement(&fixture("supplement.tsv"))
        .expect("supplement");
    let (bytes, report) = b.finish().expect("build");
    let g = Gazetteer::from_bytes(Path::new("memory"), &bytes).expect("load");
    assert_eq!(report.entries, g.len());
    (g, report.warnings)
}

fn warned(ws: &[Warning], file: &str, line: usize, needle: &str) -> bool {
    ws.iter()
        .any(|w| w.file.ends_with(file) && w.line == Some(line) && w.message.contains(needle))
}

#[test]
fn dump_rows_become_entries() {
    let (g, _) = build();
    let aleppo = g.get(170063).expect("Aleppo");
    assert_eq!(aleppo.name, "Aleppo");
    assert_eq!(aleppo.feature_code, "PPLA");
    assert_eq!(aleppo.feature_class, 'P');
    assert_eq!(aleppo.admin1, "09");
    assert_eq!(aleppo.population, 2_098_210);
    assert!(!aleppo.approximate);
    // Biggest first: the governorate (full dumps give admin areas populations;
    // `Aleppo Governorate` is also indexed as `Aleppo`), then Aleppo SY, then
    // Aleppo, West Virginia.
    let ids: Vec<u32> = g.places("aleppo").map(|p| p.geonameid).collect();
    assert_eq!(ids, [170062, 170063, 4990729]);
    assert_eq!(g.get(170062).map(|p| p.kind), Some(PlaceKind::Admin1));
    assert_eq!(g.country("sy").map(|p| p.geonameid), Some(163345));
    // Alternate names from the dump's column and from alternateNamesV2.
    for n in [
        "Ḩalab",
        "Aleppo City",
        "Dayr az Zawr",
        "Deir el Zour",
        "The Smoke",
    ] {
        assert!(!g.lookup(n).is_empty(), "{n}");
    }
    // Links and airport codes are not names.
    assert!(g.lookup("ALP").is_empty());
    assert!(g.lookup("https://en.wikipedia.org/wiki/Aleppo").is_empty());
}

#[test]
fn bad_rows_warn_and_are_skipped() {
    let (g, ws) = build();
    let dump = "allCountries.txt";
    assert!(warned(&ws, dump, 6, "columns"), "{ws:#?}");
    assert!(warned(&ws, dump, 7, "not a number"));
    assert!(warned(&ws, dump, 8, "out of range"));
    assert!(warned(&ws, dump, 9, "duplicate id 170063"));
    assert!(warned(&ws, dump, 10, "out of range"));
    for id in [9_999_991, 9_999_992, 9_999_993, 9_999_994] {
        assert!(g.get(id).is_none(), "{id}");
    }
    // The duplicate did not overwrite the first row.
    assert_eq!(g.get(170063).map(|p| p.population), Some(2_098_210));
    let alt = "alternateNamesV2.txt";
    assert!(warned(&ws, alt, 6, "bad id"));
    assert!(warned(&ws, alt, 7, "columns"));
    let sup = "supplement.tsv";
    assert!(warned(&ws, sup, 3, "out of range"));
    assert!(warned(&ws, sup, 4, "columns"));
    assert!(warned(&ws, sup, 7, "unknown kind"));
    // Every emitted coordinate is in range.
    let mut it = g.iter_names();
    while let Some((_, cands)) = it.next() {
        for c in cands {
            let p = g.place(c.place);
            assert!(p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0, "{p:?}");
        }
    }
}

#[test]
fn supplement_adds_places_names_and_demonyms() {
    let (g, _) = build();
    let h = g.places("Masaken Hanano").next().expect("Hanano");
    assert_eq!(h.kind, PlaceKind::Neighbourhood);
    assert!(h.geonameid >= 2_000_000_000);
    assert!(h.approximate);
    assert!(g.places("Halab al-Shahba").any(|p| p.geonameid == 170063));
    assert_eq!(g.demonym("Syrian").map(|p| p.country), Some("SY"));
    assert!(g.lookup("Nowhere").is_empty());
}

#[test]
fn admin_area_without_point_gets_an_estimate() {
    // A subdivision list has no coordinates: its point comes from member cities.
    let mut b = Builder::new();
    b.add_dump_text(
        Path::new("cities.txt"),
        "1\tA\tA\t\t10\t20\tP\tPPL\tXX\t\t01\t\t\t\t100\t\t\t\t\n\
         2\tB\tB\t\t12\t22\tP\tPPL\tXX\t\t01\t\t\t\t100\t\t\t\t\n",
    );
    b.add_subdivisions_text(
        Path::new("subdivisions.tsv"),
        "Province One\tXX-01\tXX.01\t3\tProvince\tFirst Province\t1\t\t1\n\
         One District\t\tXX.01.4\t4\t\t\t2\t1\t1\n\
         Province One\tXX-01\tXX.01\t3\tProvince\t\t1\t\t1\n",
    );
    let (bytes, report) = b.finish().expect("build");
    assert!(report
        .warnings
        .iter()
        .any(|w| w.line == Some(3) && w.message.contains("duplicate")));
    let g = Gazetteer::from_bytes(Path::new("m"), &bytes).expect("load");
    let p = g.get(3).expect("province");
    assert!(p.approximate);
    assert!(
        (p.lat - 11.0).abs() < 0.05 && (p.lon - 21.0).abs() < 0.05,
        "{p:?}"
    );
    assert!(g.places("First Province").any(|p| p.geonameid == 3));
    // The district falls back on its province's point.
    let d = g.get(4).expect("district");
    assert_eq!((d.lat, d.lon), (p.lat, p.lon));
    assert!(
        g.places("One").any(|p| p.geonameid == 4),
        "suffix-stripped name"
    );
}

#[test]
fn corrupt_files_are_errors_not_panics() {
    let (_, _) = build();
    let mut b = Builder::new();
    b.compress(false);
    b.add_dump_text(
        Path::new("x"),
        "1\tA\tA\t\t10\t20\tP\tPPL\tXX\t\t01\t\t\t\t100\t\t\t\t\n",
    );
    let (bytes, _) = b.finish().expect("build");
    assert!(Gazetteer::from_bytes(Path::new("m"), &bytes).is_ok());
    for cut in [0, 10, 40, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Gazetteer::from_bytes(Path::new("m"), &bytes[..cut]).is_err(),
            "{cut}"
        );
    }
    let mut flipped = bytes.clone();
    if let Some(b) = flipped.get_mut(32 + 24 + 7) {
        *b = 0xff; // latitude of the first record: way out of range
    }
    assert!(Gazetteer::from_bytes(Path::new("m"), &flipped).is_err());
    assert!(Gazetteer::load("/nonexistent/gazetteer.bin").is_err());
}
