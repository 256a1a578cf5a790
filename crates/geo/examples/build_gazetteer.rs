//! `cargo run --release --example build_gazetteer -- GEONAMES_DIR OUT [SUPPLEMENT...]`:
//! the same build as `sitrep gazetteer build`, for use without the CLI.
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out, supp @ ..] = args.as_slice() else {
        return Err("usage: build_gazetteer GEONAMES_DIR OUT [SUPPLEMENT...]".into());
    };
    let supp: Vec<PathBuf> = supp.iter().map(PathBuf::from).collect();
    let t = std::time::Instant::now();
    let (bytes, report) = sitrep_geo::build::build_from(Some(dir.as_ref()), &supp)?;
    std::fs::write(out, &bytes)?;
    for w in report.warnings.iter().take(50) {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "{} warnings; {} entries {:?} ({} approximate), {} keys, {} postings, {} demonyms, {} bytes, {:.1} s",
        report.warnings.len(),
        report.entries,
        report.by_kind,
        report.approximate,
        report.keys,
        report.postings,
        report.demonyms,
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
