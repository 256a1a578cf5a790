//! `sitrep gazetteer build|lookup`: compile the offline gazetteer, or query it.
use anyhow::{Context, Result};
use sitrep_geo::{build, Gazetteer};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(clap::Subcommand)]
enum Cmd {
    /// Compile GeoNames-derived sources (and supplements) into a gazetteer file.
    Build {
        /// Directory with GeoNames sources: `cities500.json.xz`, `countries.json`,
        /// `countryinfo.json`, `countries.tsv`, `subdivisions.tsv`,
        /// `us-admin-centroids.tsv`, or GeoNames dumps (`allCountries.txt`,
        /// `cities500.txt`, `alternateNamesV2.txt`).
        #[arg(long)]
        geonames: Option<PathBuf>,
        /// A supplement TSV (repeatable); see `data/geo/supplement-syria.tsv`.
        #[arg(long)]
        supplement: Vec<PathBuf>,
        /// Where to write the gazetteer (e.g. `data/geo/gazetteer.bin`).
        #[arg(long)]
        out: PathBuf,
        /// Store the body uncompressed (bigger, for inspection).
        #[arg(long)]
        no_compress: bool,
        /// How many warnings to print (all are counted).
        #[arg(long, default_value_t = 20)]
        max_warnings: usize,
    },
    /// Print the candidates of names (and demonyms).
    Lookup {
        names: Vec<String>,
        /// Gazetteer file (default: the vendored one).
        #[arg(long)]
        gazetteer: Option<PathBuf>,
        /// Candidates to print per name.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
}

pub fn run(args: Args) -> Result<()> {
    match args.cmd {
        Cmd::Build {
            geonames,
            supplement,
            out,
            no_compress,
            max_warnings,
        } => run_build(geonames, supplement, out, !no_compress, max_warnings),
        Cmd::Lookup {
            names,
            gazetteer,
            limit,
        } => run_lookup(&names, gazetteer, limit),
    }
}

fn run_build(
    geonames: Option<PathBuf>,
    supplements: Vec<PathBuf>,
    out: PathBuf,
    compress: bool,
    max_warnings: usize,
) -> Result<()> {
    if geonames.is_none() && supplements.is_empty() {
        anyhow::bail!("nothing to build from: give --geonames DIR and/or --supplement FILE");
    }
    let t = Instant::now();
    let mut b = build::Builder::new();
    b.compress(compress);
    if let Some(dir) = &geonames {
        b.add_geonames_dir(dir)?;
    }
    for s in &supplements {
        b.add_supplement(s)?;
    }
    let (bytes, report) = b.finish()?;
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    for w in report.warnings.iter().take(max_warnings) {
        eprintln!("warning: {w}");
    }
    if report.warnings.len() > max_warnings {
        eprintln!("... {} more warnings", report.warnings.len() - max_warnings);
    }
    let kinds: Vec<String> = report
        .by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!(
        "{}: {} entries ({}; {} with estimated coordinates), {} names, {} name-entry pairs, \
         {} demonyms, {} warnings; {:.1} MB in {:.1} s",
        out.display(),
        report.entries,
        kinds.join(", "),
        report.approximate,
        report.keys,
        report.postings,
        report.demonyms,
        report.warnings.len(),
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run_lookup(names: &[String], path: Option<PathBuf>, limit: usize) -> Result<()> {
    let t = Instant::now();
    let gaz = match path {
        Some(p) => Gazetteer::load(p)?,
        None => super::vendored::gazetteer()?,
    };
    eprintln!(
        "loaded {} entries in {:.3} s",
        gaz.len(),
        t.elapsed().as_secs_f64()
    );
    for name in names {
        if let Some(c) = gaz.demonym(name) {
            println!("{name}: demonym of {} ({})", c.name, c.country);
        }
        let key = sitrep_geo::normalize::key(name);
        let exact = gaz.lookup_key(&key);
        let folded = if sitrep_geo::normalize::foldable(&key) {
            gaz.lookup_folded(&sitrep_geo::normalize::fold(&key))
        } else {
            &[]
        };
        let cands = if folded.is_empty() { exact } else { folded };
        println!(
            "{name}: {} candidates ({} exact; the others are spelling variants)",
            cands.len(),
            exact.len()
        );
        for c in cands.iter().take(limit) {
            let p = gaz.place(c.place);
            println!(
                "  {} {} [{} {}] {}/{} {:.4},{:.4} pop {}{}{}{}",
                p.geonameid,
                p.name,
                p.kind.as_str(),
                p.feature_code,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                p.population,
                if p.approximate { " ~coords" } else { "" },
                if c.is_code() { " (code)" } else { "" },
                if exact.iter().any(|e| e.place == c.place) {
                    ""
                } else {
                    " (variant)"
                },
            );
        }
    }
    Ok(())
}
