//! Attribution throughput, std-only: `cargo bench -p sitrep --bench attrib`.
//!
//! Analyses the documents once (segmentation, tagging, parsing are not what is
//! measured), then times `attribute` alone over many rounds and prints tokens
//! per second. Uses the seed article and, when `../shared` is present, the GUM
//! news documents rebuilt from CoNLL-U.

use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use std::time::Instant;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/aleppo-2016-12-12.txt"
));
const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

fn gum_texts() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(GUM) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in dir.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if !name.starts_with("GUM_news_") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(sents) = sitrep::doc::conllu::parse(&src) else {
            continue;
        };
        let mut text = String::new();
        for s in sents {
            let Some(t) = s.text else { continue };
            if !text.is_empty() {
                text.push_str(if s.newpar { "\n\n" } else { " " });
            }
            text.push_str(&t);
        }
        out.push(text);
    }
    out
}

fn main() {
    let opts = PipelineOptions {
        fallback_date: Date::new(2016, 12, 12),
        ..PipelineOptions::default()
    };
    let pipeline = match Pipeline::new(&opts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let mut texts = vec![SEED.to_string()];
    texts.extend(gum_texts());
    let docs: Vec<Doc> = texts
        .into_iter()
        .map(|text| {
            pipeline.analyze(Article {
                text,
                ..Article::default()
            })
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    let mut quotes = 0;
    let mut casualties = 0;
    for _ in 0..rounds {
        for d in &docs {
            let mut d = d.clone();
            d.persons = sitrep_attrib::persons::find(&d);
            sitrep_attrib::attribute(&mut d);
            quotes += d.quotes.len();
            casualties += d.casualties.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "attribute: {} docs, {tokens} tokens x {rounds} rounds in {secs:.3} s = {:.0} tokens/s \
         ({} quotes, {} casualties per round; clone included)",
        docs.len(),
        (tokens * rounds) as f64 / secs,
        quotes / rounds,
        casualties / rounds
    );
}
