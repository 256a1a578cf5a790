//! The vendored compiled dictionary equals a fresh compile of its sources
//! (`../shared/data/cameo` plus `data/dict/*.txt`). Skipped when `../shared` is absent.

use std::path::Path;

use sitrep_dict::{scan_dir, Dictionaries};

const CAMEO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/cameo");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dict");

#[test]
fn vendored_matches_fresh_compile() {
    if !Path::new(CAMEO).is_dir() {
        eprintln!("note: {CAMEO} absent; skipping the vendored round-trip check");
        return;
    }
    let mut files = scan_dir(Path::new(CAMEO)).expect("cameo dir");
    files.extend(scan_dir(Path::new(DATA)).expect("data/dict"));
    let fresh = Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), Some(*k))))
        .expect("sources load");
    let vendored = Dictionaries::vendored().expect("vendored loads");
    let (a, b) = (fresh.set().stats(), vendored.set().stats());
    assert_eq!(
        a, b,
        "entry counts differ: recompile data/dict/phoenix.sdict"
    );
    assert!(
        a.actors > 20_000 && a.roles > 30_000 && a.patterns > 4_000,
        "{a}"
    );
    assert!(
        fresh.set() == vendored.set(),
        "contents differ: recompile data/dict/phoenix.sdict"
    );
    // Compiling is deterministic.
    assert_eq!(fresh.to_compiled(), Dictionaries::vendored_bytes());
    // The real files have some bad lines; all are reported with file:line.
    assert!(fresh
        .warnings()
        .iter()
        .all(|w| w.line > 0 && (w.file.contains("Phoenix") || w.file.contains("CAMEO"))));
}
