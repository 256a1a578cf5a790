//! Load and lookup timings, std::time only.
//!
//! `cargo bench -p sitrep-dict --bench load`. Reports: text parse of the Phoenix
//! sources (when `../shared` is present), compiled decode, full vendored load
//! (decode + index build), and actor-lookup throughput.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use sitrep_dict::{codec, scan_dir, Dictionaries};

const CAMEO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/cameo");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/aleppo-2016-12-12.txt"
);

/// Best of `n` runs: the fairest single-number estimate on a shared machine.
fn best<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let bytes = Dictionaries::vendored_bytes();
    println!("compiled size            {} bytes", bytes.len());
    if Path::new(CAMEO).is_dir() {
        let files = scan_dir(Path::new(CAMEO)).unwrap_or_default();
        let t = best(3, || {
            Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), Some(*k))))
        });
        println!(
            "text parse + index       {}  ({} files in {CAMEO})",
            ms(t),
            files.len()
        );
    } else {
        println!("text parse               skipped ({CAMEO} absent)");
    }
    println!(
        "compiled decode          {}",
        ms(best(5, || codec::decode(bytes)))
    );
    println!(
        "vendored load (+ index)  {}",
        ms(best(5, Dictionaries::vendored))
    );

    let Ok(dicts) = Dictionaries::vendored() else {
        eprintln!("vendored dictionary failed to load");
        return;
    };
    let text = std::fs::read_to_string(SEED).unwrap_or_else(|_| {
        "Russian Foreign Minister Sergei Lavrov said on Monday that the Syrian opposition \
         fighters would leave Aleppo , the United States and Washington disagreed ."
            .to_string()
    });
    // Crude sentences: split at periods; tokens at blanks with punctuation split off.
    let sentences: Vec<Vec<String>> = text
        .split(". ")
        .map(|s| {
            s.split_whitespace()
                .flat_map(|w| {
                    let core = w.trim_end_matches([',', ';', ':', '.', '"', ')']);
                    let tail = &w[core.len()..];
                    [core.to_string(), tail.to_string()]
                })
                .filter(|t| !t.is_empty())
                .collect()
        })
        .filter(|s: &Vec<String>| !s.is_empty())
        .collect();
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = refs.iter().map(Vec::len).sum();
    let date = "2016-12-12".parse().ok();
    let rounds = 200;
    let t = best(3, || {
        let mut n = 0;
        for _ in 0..rounds {
            for s in &refs {
                n += dicts.find_actors(s, None, date).len();
            }
        }
        n
    });
    let per_sentence = t.as_secs_f64() / (rounds * refs.len()) as f64;
    println!(
        "find_actors              {:.2} µs/sentence, {:.3} µs/token ({:.0} sentences/s; {} sentences, {:.1} tokens avg)",
        per_sentence * 1e6,
        per_sentence * 1e6 * refs.len() as f64 / tokens as f64,
        1.0 / per_sentence,
        refs.len(),
        tokens as f64 / refs.len() as f64
    );
}
