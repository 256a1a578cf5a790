//! `cargo bench -p sitrep-time --bench extract`: temporal-expression extraction
//! speed over a few wire-style sentences. Plain `std::time`.
use sitrep_doc::Date;
use sitrep_time::{extract, Tense};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let Some(anchor) = Date::new(2016, 12, 12) else {
        return;
    };
    let sentences = [
        "Russian Foreign Minister Sergei Lavrov said on Monday that talks would resume.",
        "The ceasefire, agreed on December 12, 2016, collapsed two days ago.",
        "Rebels have held the east of the city since 2012, the monitor said.",
        "Government forces advanced overnight after heavy bombardment last week.",
        "The Syrian Observatory for Human Rights said 20 people were killed.",
    ];
    let n = 50_000;
    let t = Instant::now();
    let mut found = 0usize;
    for i in 0..n {
        let s = sentences[i % sentences.len()];
        found += black_box(extract(s, anchor, Tense::Past)).len();
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "time expressions: {:.0} sentences/s ({found} found)",
        n as f64 / dt
    );
}
