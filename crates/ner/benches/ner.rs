//! Throughput and load time of the vendored entity recognizer (1 thread,
//! std::time only).
//!
//! Run with `cargo bench -p sitrep-ner --features train`. Decodes the
//! held-out GUM documents (gold tokens and gold tags: tagging is the
//! tagger's cost, not this crate's) from the sibling `shared/` checkout;
//! prints a note and exits when it is absent.

use sitrep_ner::model::DecodeState;
use sitrep_ner::{gum, NoLexicon, Recognizer};
use std::path::Path;
use std::time::Instant;

const GUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/treebanks/gum"
);

/// CPU time (user + system) of this process in seconds (clock ticks at
/// 100 Hz): the machine is shared, so CPU time is the fairer denominator.
fn cpu_secs() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let rest = s.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

fn main() {
    let t0 = Instant::now();
    let mut loads = 0;
    while t0.elapsed().as_secs_f64() < 1.0 {
        let r = Recognizer::vendored().expect("vendored model");
        std::hint::black_box(&r);
        loads += 1;
    }
    let rec = Recognizer::vendored().expect("vendored model");
    println!(
        "model load (vendored, {} features): {:.1} ms",
        rec.model().len(),
        t0.elapsed().as_secs_f64() * 1000.0 / loads as f64
    );
    let Ok((_, held)) = gum::split(Path::new(GUM)) else {
        println!("note: {GUM} not found; no throughput figure");
        return;
    };
    let docs: Vec<gum::GumDoc> = held.iter().filter_map(|p| gum::read_doc(p).ok()).collect();
    let sents: Vec<sitrep_ner::train::TrainSent> = docs
        .iter()
        .flat_map(|d| d.sents.iter())
        .map(|s| sitrep_ner::train::TrainSent {
            forms: s.forms.clone(),
            upos: s.upos.clone(),
            xpos: s.xpos.clone(),
            names: s.names.clone(),
        })
        .collect();
    let toks: Vec<Vec<sitrep_ner::TokenIn>> = sents.iter().map(|s| s.tokens()).collect();
    let n: usize = toks.iter().map(Vec::len).sum();
    let mut st = DecodeState::default();
    let (mut l, mut c) = (Vec::new(), Vec::new());
    let mut run = || {
        for t in &toks {
            rec.model()
                .predict_into(t, &NoLexicon, &mut st, &mut l, &mut c);
        }
    };
    run();
    for _ in 0..5 {
        let (w0, c0) = (Instant::now(), cpu_secs());
        let mut rounds = 0;
        while cpu_secs() - c0 < 2.0 {
            run();
            rounds += 1;
        }
        let total = (n * rounds) as f64;
        println!(
            "decoding {n} tokens: {:.0} tokens/s per CPU second ({:.0}/s wall clock)",
            total / (cpu_secs() - c0),
            total / w0.elapsed().as_secs_f64()
        );
    }
}
