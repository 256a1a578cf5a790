//! Throughput of the vendored tagger and parser (1 thread, std::time only).
//!
//! Run with `cargo bench -p sitrep-syntax`. Uses the EWT test and PUD sentences
//! from the sibling `shared/` checkout when present, else the test fixture.

use sitrep_syntax::{corpus, parser::ParseState, tagger::TagState, Parser, Tagger};
use std::time::{Duration, Instant};

const SOURCES: &[&str] = &[
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/treebanks/ewt/en_ewt-ud-test.conllu"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/treebanks/en_pud-ud-test.conllu"
    ),
];
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");

fn vm_hwm_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) of this process in seconds, from `/proc/self/stat`
/// (clock ticks, assumed 100 Hz). The machine is shared, so CPU time is the
/// fairer denominator; wall-clock rates are printed too.
fn cpu_secs() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let rest = s.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

/// Runs `f` over the corpus until at least `min` CPU time has elapsed; returns
/// (tokens per CPU second, tokens per wall second).
fn rate(tokens: usize, min: Duration, mut f: impl FnMut()) -> (f64, f64) {
    f(); // warm-up
    let start = Instant::now();
    let cpu0 = cpu_secs();
    let mut rounds = 0usize;
    while cpu_secs() - cpu0 < min.as_secs_f64() {
        f();
        rounds += 1;
    }
    let n = (tokens * rounds) as f64;
    (n / (cpu_secs() - cpu0), n / start.elapsed().as_secs_f64())
}

fn show(what: &str, (cpu, wall): (f64, f64)) {
    println!("{what:<18}{cpu:>10.0} tokens/s per CPU second ({wall:.0}/s wall clock)");
}

fn main() {
    let t0 = Instant::now();
    let tagger = Tagger::vendored().expect("vendored tagger");
    let t_tagger = t0.elapsed();
    let t1 = Instant::now();
    let parser = Parser::vendored().expect("vendored parser");
    let t_parser = t1.elapsed();
    let rss = vm_hwm_kb().unwrap_or(0);

    let present: Vec<&str> = SOURCES
        .iter()
        .copied()
        .filter(|p| std::path::Path::new(p).exists())
        .collect();
    let sents = if present.is_empty() {
        corpus::load(&[FIXTURE]).expect("fixture")
    } else {
        corpus::load(&present).expect("treebanks")
    };
    let forms: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.forms.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = forms.iter().map(Vec::len).sum();

    println!("corpus: {} sentences, {tokens} tokens", forms.len());
    println!(
        "model load: tagger {:.1} ms ({} weights, {} lexicon words, {} fixed-class forms), parser {:.1} ms ({} weights)",
        t_tagger.as_secs_f64() * 1e3,
        tagger.n_weights(),
        tagger.lexicon_len(),
        tagger.n_fixed_forms(),
        t_parser.as_secs_f64() * 1e3,
        parser.n_weights()
    );
    println!(
        "peak RSS after loading both models: {:.1} MB",
        rss as f64 / 1024.0
    );

    let min = Duration::from_secs(2);
    let mut st = TagState::default();
    let mut out = Vec::new();
    let tag_rate = rate(tokens, min, || {
        for f in &forms {
            tagger.tag_into(f, &mut st, &mut out);
        }
    });
    show("tagging:", tag_rate);

    let mut lemma = String::new();
    let mut lower = String::new();
    let lem_rate = rate(tokens, min, || {
        for f in &forms {
            tagger.tag_into(f, &mut st, &mut out);
            for (w, t) in f.iter().zip(&out) {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                tagger.lemma_into(w, &lower, t.xpos, &mut lemma);
            }
        }
    });
    show("tag + lemmatize:", lem_rate);

    let mut ps = ParseState::default();
    let parse_rate = rate(tokens, min, || {
        for f in &forms {
            tagger.tag_into(f, &mut st, &mut out);
            let arcs = parser.parse_with(f, &out, &mut ps);
            std::hint::black_box(arcs);
        }
    });
    show("tag + parse:", parse_rate);
    println!(
        "peak RSS at end: {:.1} MB",
        vm_hwm_kb().unwrap_or(0) as f64 / 1024.0
    );
}
