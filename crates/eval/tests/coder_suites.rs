//! The peer test-suite scorers end to end: the bundled TABARI-format fixture
//! always; PETRARCH and PLOVER suites only when `../shared` is present.

use sitrep_coder::{Coder, CoderOptions};
use sitrep_eval::coder::{self as eval, ParsingPipeline};
use std::path::Path;

fn analyzer() -> ParsingPipeline {
    ParsingPipeline::vendored().expect("vendored models")
}

#[test]
fn tabari_fixture_project() {
    let project = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tabari/demo.project"
    ));
    let (dicts, warnings, records) = eval::tabari::load(project).expect("fixture loads");
    // The malformed actor line is reported with file:line and skipped.
    assert!(warnings
        .iter()
        .any(|w| w.file.ends_with("demo.actors") && w.line == 9));
    let coder = Coder::new(dicts, CoderOptions::peer_compatible());
    let report = eval::tabari::score(&records, &coder, &analyzer());
    assert_eq!(report.scored(), 6, "{report}");
    assert_eq!(report.correct(), 6, "{report}");
}

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval");

#[test]
fn petrarch_records_floor() {
    let path = Path::new(SHARED).join("petrarch/PETR.UnitTest.records.xml");
    let Ok(xml) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} absent, skipping", path.display());
        return;
    };
    let files = eval::petrarch::environment_files(&xml, &path);
    let (dicts, _) = eval::load_dictionaries(&files).expect("dictionaries");
    let coder = Coder::new(dicts, CoderOptions::peer_compatible());
    let records = eval::petrarch::read_records(&xml);
    assert!(records.len() > 250);
    let report = eval::petrarch::score(&records, &coder, &analyzer());
    // A floor that catches regressions, well below the measured figure.
    assert!(report.correct() * 100 >= report.scored() * 50, "{report}");
}

#[test]
fn plover_records_floor() {
    let path = Path::new(SHARED).join("plover/PLOVER_GSR_CAMEO.txt");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} absent, skipping", path.display());
        return;
    };
    let records = eval::plover::read_records(&json).expect("records");
    let coder = Coder::with_supplement(
        sitrep_dict::Dictionaries::vendored().expect("dicts"),
        CoderOptions {
            require_target: false,
            ..CoderOptions::default()
        },
    )
    .expect("dicts");
    let report = eval::plover::score(&records, &coder, &analyzer());
    assert!(report.correct() * 100 >= report.total() * 60, "{report}");
}
