//! `cargo bench -p sitrep-geo --bench gazetteer`: load time, resident memory
//! after load and lookups per second (temporal extraction is benched in
//! `sitrep-time`).
//! Plain `std::time`; skips the gazetteer part if the vendored file is absent.
use sitrep_geo::Gazetteer;
use std::hint::black_box;
use std::time::Instant;

fn vm_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let path = Gazetteer::vendored_path();
    if path.exists() {
        let before = vm_rss_mb().unwrap_or(0.0);
        let t = Instant::now();
        let gaz = match Gazetteer::load(&path) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("cannot load {}: {e}", path.display());
                return;
            }
        };
        let load = t.elapsed();
        let after = vm_rss_mb().unwrap_or(0.0);
        println!(
            "gazetteer load: {:.3} s ({} entries, {} keys, {} postings); VmRSS {:.1} MB (+{:.1} MB)",
            load.as_secs_f64(),
            gaz.len(),
            gaz.name_count(),
            gaz.posting_count(),
            after,
            after - before
        );
        let names = [
            "Aleppo",
            "Deir ez-Zor",
            "Belgrade",
            "Mosul",
            "New York",
            "Springfield",
            "Halab",
            "Nowhere Land",
            "Damascus",
            "Washington",
            "Paris",
            "Sukkari",
        ];
        let n = 200_000;
        let t = Instant::now();
        let mut hits = 0usize;
        for i in 0..n {
            hits += black_box(gaz.lookup(names[i % names.len()])).len();
        }
        let dt = t.elapsed().as_secs_f64();
        println!("lookups: {:.0}/s ({hits} candidates)", n as f64 / dt);
    } else {
        println!("gazetteer: {} absent, skipped", path.display());
    }
}
