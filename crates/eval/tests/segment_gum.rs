//! Sentence-boundary F1 on the GUM news and interview documents. Skips (with a
//! note) when the shared treebanks are not present next to the repository.
use sitrep_eval::segment::{read_treebank, score_doc, Layout, Score};
use std::path::Path;

const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

#[test]
fn gum_news_and_interview_sentence_f1() {
    let dir = Path::new(GUM);
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("note: {GUM} not found; skipping the GUM evaluation");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("GUM_news_") || name.starts_with("GUM_interview_"))
                && name.ends_with(".conllu")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected the GUM news/interview files");
    let mut total = Score::default();
    for f in &files {
        let input = std::fs::read_to_string(f).unwrap_or_default();
        for gold in read_treebank(&f.display().to_string(), &input, Layout::Paragraphs) {
            total.add(score_doc(&gold));
        }
    }
    let (s, t) = (total.sentences, total.tokens);
    eprintln!(
        "GUM news+interview: sentence P {:.4} R {:.4} F1 {:.4}; token F1 {:.4}",
        s.precision(),
        s.recall(),
        s.f1(),
        t.f1()
    );
    assert!(s.f1() >= 0.97, "sentence F1 {:.4} < 0.97", s.f1());
    assert!(t.f1() >= 0.98, "token F1 {:.4} < 0.98", t.f1());
}
