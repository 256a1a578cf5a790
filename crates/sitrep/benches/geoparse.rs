//! `cargo bench -p sitrep --bench geoparse`: geoparsing throughput
//! (recognition + resolution; times are benched in `sitrep-time`) on already parsed documents,
//! i.e. excluding segmentation, tagging and parsing. Documents are the seed
//! article and the repo's example texts (`examples/`, `examples/news/`),
//! parsed once by the facade.
//! Skips (with a note) if the gazetteer or the models are absent.
use sitrep::doc::{Article, Date, Doc};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_geo::Gazetteer;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let (gaz, pipeline) = match (
        Gazetteer::vendored(),
        Pipeline::new(&PipelineOptions::default()),
    ) {
        (Ok(g), Ok(p)) => (g, p),
        (Err(e), _) => return println!("geoparse: {e}; skipped"),
        (_, Err(e)) => return println!("geoparse: {e}; skipped"),
    };
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut docs: Vec<Doc> = Vec::new();
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for d in [dir.to_string(), format!("{dir}/news")] {
        if let Ok(entries) = std::fs::read_dir(&d) {
            paths.extend(entries.flatten().map(|e| e.path()));
        }
    }
    paths.sort();
    {
        for path in paths {
            if path.extension().is_some_and(|x| x == "txt") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    docs.push(pipeline.analyze(Article {
                        text,
                        published: Date::new(2016, 12, 12),
                        ..Article::default()
                    }));
                }
            }
        }
    }
    if docs.is_empty() {
        return println!("geoparse: no example texts in {dir}; skipped");
    }
    // The geoparser reads the persons layer, filled before it in the pipeline.
    for d in &mut docs {
        d.persons = sitrep::attrib::persons::find(d);
    }
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let rounds = (200_000 / tokens.max(1)).max(10);
    let t = Instant::now();
    let mut places = 0usize;
    for _ in 0..rounds {
        for d in &mut docs {
            sitrep_geo::geoparse(d, &gaz);
            places += black_box(d.places.len());
        }
    }
    let dt = t.elapsed().as_secs_f64().max(1e-9);
    let n = (rounds * docs.len()) as f64;
    println!(
        "geoparse: {:.0} docs/s, {:.0} tokens/s ({} docs of {} tokens, {rounds} rounds, {places} places)",
        n / dt,
        (rounds * tokens) as f64 / dt,
        docs.len(),
        tokens
    );
}
