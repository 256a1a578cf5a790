//! `sitrep eval geo --corpus FILE.xml`: geoparsing accuracy on Gritta et al.'s
//! corpora (LGL, GeoWebNews), scored by `sitrep_eval::geo` (which documents
//! the measures). Printed: recognition P/R/F1 (exact span, overlap, overlap
//! without adjectival modifiers in the gold); resolution of the recognised
//! toponyms and with gold spans, sitrep and the population baseline
//! (accuracy@161 km, exact GeoNames id, mean/median error, AUC); and the
//! geoparsing time.
//!
//! `--split even|odd` keeps every other article (0-based index parity), so
//! weights can be tuned on one half and reported on the other.
use anyhow::{Context, Result};
use sitrep_eval::geo::{corpus, Finding, ResolutionScore, Scorer, Split as ArticleSplit, Totals};
use sitrep_geo::resolve::Weights;
use sitrep_geo::Gazetteer;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Corpus XML (`lgl.xml`, `GWN.xml`).
    #[arg(long)]
    corpus: PathBuf,
    /// Print every error (missed, spurious, wrongly resolved toponyms).
    #[arg(long)]
    verbose: bool,
    /// Keep only even- or odd-indexed articles.
    #[arg(long)]
    split: Option<Split>,
    /// Override a resolver weight, `NAME=VALUE` (repeatable; see
    /// `sitrep_geo::resolve::Weights`), for tuning on the `--split even` half.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Gazetteer file (default: the vendored one).
    #[arg(long)]
    gazetteer: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Split {
    Even,
    Odd,
}

pub fn run(args: Args) -> Result<()> {
    let xml = std::fs::read_to_string(&args.corpus)
        .with_context(|| format!("reading {}", args.corpus.display()))?;
    let corpus = corpus::parse(&xml);
    let gaz = match &args.gazetteer {
        Some(p) => Gazetteer::load(p)?,
        None => super::vendored::gazetteer()?,
    };
    let mut weights = Weights::default();
    for kv in &args.set {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--set {kv:?}: expected NAME=VALUE"))?;
        let v: f64 = v
            .parse()
            .with_context(|| format!("--set {kv:?}: not a number"))?;
        if !weights.set(k, v) {
            anyhow::bail!("--set {kv:?}: no weight named {k:?}");
        }
    }
    let scorer = Scorer::new(gaz, weights)?;
    let split = match args.split {
        None => ArticleSplit::All,
        Some(Split::Even) => ArticleSplit::Even,
        Some(Split::Odd) => ArticleSplit::Odd,
    };
    let mut t = Totals::default();
    for (i, a) in corpus.articles.iter().enumerate() {
        if !split.keeps(i) {
            continue;
        }
        let findings = scorer.score_article(a, &mut t);
        if args.verbose {
            findings.iter().for_each(print_finding);
        }
    }
    println!(
        "{}: {} articles ({} skipped, {} toponyms skipped)",
        args.corpus.display(),
        t.docs,
        corpus.skipped_articles,
        corpus.skipped_toponyms
    );
    for (name, r) in [
        ("exact span", t.exact),
        ("overlap", t.overlap),
        ("overlap, gold without adjectives", t.overlap_no_adjectives),
    ] {
        println!(
            "recognition ({name}): P {:.3} R {:.3} F1 {:.3} (tp {}, fp {}, fn {})",
            r.precision(),
            r.recall(),
            r.f1(),
            r.true_pos,
            r.false_pos,
            r.false_neg
        );
    }
    let line = |name: &str, r: &ResolutionScore| {
        println!(
            "{name:<34} n {:>5}  acc@161 {:.3}  exact-id {:.3}  mean {:>6.0} km  median {:>5.0} km  AUC {:.3}",
            r.len(),
            r.accuracy_161(),
            r.exact_id_accuracy(),
            r.mean_km(),
            r.median_km(),
            r.auc()
        );
    };
    line("resolution (recognised), sitrep", &t.ours);
    line("resolution (recognised), pop-only", &t.baseline);
    line("resolution (gold spans), sitrep", &t.oracle_ours);
    line("resolution (gold spans), pop-only", &t.oracle_baseline);
    let secs = t.geoparse_time.as_secs_f64().max(1e-9);
    println!(
        "geoparsing time (recognise + resolve, excl. parsing): {:.3} s, {:.0} docs/s, {:.0} tokens/s",
        secs,
        t.docs as f64 / secs,
        t.tokens as f64 / secs
    );
    Ok(())
}

/// One `--verbose` line: `WRONG`, `MISS ` or `SPUR `.
fn print_finding(f: &Finding) {
    match f {
        Finding::Wrong {
            article,
            phrase,
            gold_id,
            gold,
            got,
            error_km,
            explain,
        } => println!(
            "WRONG {} {:?} gold {:?} ({:.2},{:.2}) got {} {:.0} km | {}",
            article,
            phrase,
            gold_id,
            gold.0,
            gold.1,
            got.as_ref().map_or("nothing".to_string(), |r| format!(
                "{} {} {}/{}",
                r.geonameid, r.name, r.country, r.admin1
            )),
            error_km,
            explain
        ),
        Finding::Missed {
            article,
            phrase,
            kind,
            rejected,
        } => match rejected {
            Some(why) => println!("MISS  {article} {phrase:?} [{kind}] rejected {why}"),
            None => println!("MISS  {article} {phrase:?} [{kind}]"),
        },
        Finding::Spurious { article, phrase } => println!("SPUR  {article} {phrase:?}"),
    }
}
