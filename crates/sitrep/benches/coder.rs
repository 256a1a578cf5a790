//! Coding throughput with the full vendored Phoenix dictionaries: sentences
//! per second on one core, with tagging and parsing and coder-only, plus the
//! dictionary load time. `cargo bench -p sitrep --bench coder`; prints figures.

use std::time::Instant;

use sitrep::doc::{Article, Doc};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_coder::Coder;

const SEED: &str = include_str!("../../../examples/aleppo-2016-12-12.txt");

fn main() {
    let t = Instant::now();
    let coder = Coder::vendored().expect("vendored dictionaries");
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _plain = sitrep_dict::Dictionaries::vendored().expect("vendored dictionaries");
    let load_plain = t.elapsed().as_secs_f64();
    println!(
        "dictionary load: {load:.3} s with supplement ({load_plain:.3} s compiled Phoenix alone)"
    );

    let pipeline = Pipeline::new(&PipelineOptions::default()).expect("vendored models");
    let article = || Article {
        text: SEED.to_string(),
        ..Article::default()
    };
    // Parsed once, coded many times: the coder alone.
    let parsed: Doc = pipeline.analyze(article());
    let sentences = parsed.sentences.len();
    let rounds = 300;
    let t = Instant::now();
    let cpu = thread_cpu_secs();
    let mut events = 0;
    for _ in 0..rounds {
        let mut d = parsed.clone();
        coder.code(&mut d);
        events += d.events.len();
    }
    let secs = t.elapsed().as_secs_f64();
    let per_cpu = match (cpu, thread_cpu_secs()) {
        (Some(a), Some(b)) if b > a => format!(
            ", {:.0} per CPU-second of this thread",
            (sentences * rounds) as f64 / (b - a)
        ),
        _ => String::new(),
    };
    println!(
        "coder only: {:.0} sentences/s ({} sentences x {rounds}, {events} events{per_cpu})",
        (sentences * rounds) as f64 / secs,
        sentences
    );
    let full = pipeline.with_coder(coder).expect("a segmented pipeline");
    let rounds = 30;
    let t = Instant::now();
    for _ in 0..rounds {
        let d = full.analyze(article());
        events += d.events.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "segment+tag+parse+code: {:.0} sentences/s ({} sentences x {rounds}, {events} events in all)",
        (sentences * rounds) as f64 / secs,
        sentences
    );
}

/// CPU time this thread has run, in seconds (Linux `schedstat`), so the
/// figure holds on a shared machine where wall time also counts waiting.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
