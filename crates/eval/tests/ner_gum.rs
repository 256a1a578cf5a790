//! Named-entity F1 of the vendored recognizer on the held-out GUM documents
//! (vendored tagger's tags, the pipeline's gazetteer and actor dictionary as
//! name lists). Skips (with a note) when the shared treebanks are absent.
//! Recorded figures: `data/README.md` (*Entity recognizer*).
use sitrep_doc::entities::EntityKind;
use sitrep_eval::ner::{evaluate, Tags};
use sitrep_ner::Recognizer;
use std::path::Path;
use std::sync::Arc;

const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

#[test]
fn held_out_gum_entity_f1() {
    let dir = Path::new(GUM);
    if !dir.is_dir() {
        eprintln!("note: {GUM} not found; skipping the GUM entity evaluation");
        return;
    }
    let lists = sitrep::names::NameLists::vendored().expect("vendored data loads");
    let rec = Recognizer::vendored()
        .expect("vendored model loads")
        .with_lexicon(Arc::new(lists));
    let tagger = sitrep_syntax::Tagger::vendored().expect("vendored tagger loads");
    let r = evaluate(&rec, dir, Tags::Tagger(&tagger)).expect("GUM reads");
    eprintln!(
        "GUM held-out: overall P {:.3} R {:.3} F1 {:.3}",
        r.overall.precision(),
        r.overall.recall(),
        r.overall.f1()
    );
    assert_eq!(r.documents, 21, "the fixed split holds out 21 documents");
    // Floors a little under the recorded figures (0.584 overall, person
    // 0.703, organization 0.508, place 0.567).
    assert!(r.overall.f1() >= 0.56, "overall F1 {:.3}", r.overall.f1());
    let floors = [
        (EntityKind::Person, 0.68),
        (EntityKind::Organization, 0.47),
        (EntityKind::Place, 0.53),
    ];
    for (kind, floor) in floors {
        let f1 = r.kind(kind).f1();
        assert!(f1 >= floor, "{} F1 {f1:.3} below {floor}", kind.as_str());
    }
}
