//! Throughput of `sitrep_text::segment` (paragraphs, dateline, tokens and
//! sentences) on one core. Not a timed test: run with
//! `CARGO_TARGET_DIR=... cargo bench -p sitrep-text` and read the figures.
//!
//! The corpus is the bundled seed article repeated, plus the running text of the
//! GUM treebank documents when `../shared` is present, cut into documents of a
//! few kilobytes as the pipeline would see them.
use sitrep_doc::Doc;
use std::time::{Duration, Instant};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/aleppo-2016-12-12.txt"
);
const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

/// The running text of each `# newdoc` of a treebank: sentences' `# text`
/// joined by a space (nothing after `SpaceAfter=No`), paragraphs by a blank
/// line. An unreadable file adds nothing.
fn running_texts(conllu: &str) -> Vec<String> {
    let Ok(sentences) = sitrep_doc::conllu::parse(conllu) else {
        return Vec::new();
    };
    let mut docs: Vec<String> = Vec::new();
    let mut glue = false;
    for s in sentences {
        let text = s.text.as_deref().unwrap_or("").trim();
        match docs.last_mut() {
            Some(doc) if !s.newdoc => {
                doc.push_str(if s.newpar {
                    "\n\n"
                } else if glue {
                    ""
                } else {
                    " "
                });
                doc.push_str(text);
            }
            _ => docs.push(text.to_string()),
        }
        glue = s.words.last().is_some_and(|w| w.no_space_after());
    }
    docs
}

fn corpus() -> Vec<String> {
    let mut docs = Vec::new();
    if let Ok(seed) = std::fs::read_to_string(SEED) {
        for _ in 0..700 {
            docs.push(seed.clone());
        }
    }
    match std::fs::read_dir(GUM) {
        Ok(entries) => {
            for e in entries.flatten() {
                let Ok(input) = std::fs::read_to_string(e.path()) else {
                    continue;
                };
                docs.extend(running_texts(&input));
            }
        }
        Err(_) => eprintln!("note: {GUM} not found; benchmarking the seed only"),
    }
    docs
}

fn main() {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("no benchmark text found");
        return;
    }
    let mut docs: Vec<Doc> = docs.into_iter().map(Doc::from_text).collect();
    // Warm up, then repeat until at least two seconds have been measured.
    for d in docs.iter_mut().take(50) {
        sitrep_text::segment(d);
    }
    let mut elapsed = Duration::ZERO;
    let (mut rounds, mut tokens, mut sentences) = (0usize, 0usize, 0usize);
    while elapsed < Duration::from_secs(2) || rounds < 3 {
        let t = Instant::now();
        for d in docs.iter_mut() {
            sitrep_text::segment(d);
            tokens += d.tokens.len();
            sentences += d.sentences.len();
        }
        elapsed += t.elapsed();
        rounds += 1;
    }
    let secs = elapsed.as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "segment: {} docs, {:.2} MB x {rounds} rounds in {secs:.2} s",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!(
        "segment: {:.1} MB/s, {:.2} M tokens/s, {:.0} k sentences/s (one core)",
        mb / secs,
        tokens as f64 / secs / 1e6,
        sentences as f64 / secs / 1e3
    );
}
