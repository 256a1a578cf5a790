//! `sitrep eval geo --corpus FILE.xml`: geoparsing accuracy on Gritta et al.'s
//! corpora (LGL, GeoWebNews).
//!
//! Each article's text goes through the facade pipeline (segmentation, tagging,
//! parsing) and then the geoparser. Printed:
//!
//! - **recognition** P/R/F1 of our toponyms against gold toponyms, under two
//!   rules: exact span, and overlap (one gold matched at most once). Gold is
//!   every LGL toponym; in GeoWebNews only toponyms with coordinates (place
//!   names; the corpus also marks demonyms, common nouns and non-toponyms).
//!   A third line leaves GeoWebNews' adjectival modifiers (`Chinese`) out of
//!   the gold, since sitrep reads demonyms as evidence, not mentions;
//! - **resolution** on gold toponyms with coordinates that we recognised
//!   (overlap rule): accuracy@161 km, exact GeoNames id accuracy (over gold
//!   with an id), mean/median error and AUC; an unresolved one counts as
//!   20,039 km. The **population baseline** (the first, i.e. most populous,
//!   exact-name candidate of our mention) is scored on the same toponyms;
//! - **resolution with gold spans** (oracle recognition): every gold toponym
//!   with coordinates resolved from its phrase, ours and the baseline.
//!
//! `--split even|odd` keeps every other article (0-based index parity), so
//! weights can be tuned on one half and reported on the other.
use anyhow::{Context, Result};
use sitrep::doc::{Article, Span};
use sitrep::{Pipeline, PipelineOptions};
use sitrep_geo::eval::corpus::{self, GoldArticle};
use sitrep_geo::eval::metrics::{Recognition, Resolution};
use sitrep_geo::recognize::recognize;
use sitrep_geo::resolve::{resolve_with, Weights};
use sitrep_geo::Gazetteer;
use std::path::PathBuf;
use std::time::{Duration, Instant};

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

#[derive(Default)]
struct Totals {
    exact: Recognition,
    overlap: Recognition,
    /// Overlap, without adjectival modifiers (demonyms) in the gold.
    no_adj: Recognition,
    ours: Resolution,
    base: Resolution,
    oracle_ours: Resolution,
    oracle_base: Resolution,
    geo_time: Duration,
    tokens: usize,
    docs: usize,
}

pub fn run(args: Args) -> Result<()> {
    let xml = std::fs::read_to_string(&args.corpus)
        .with_context(|| format!("reading {}", args.corpus.display()))?;
    let corpus = corpus::parse(&xml);
    let gaz = match &args.gazetteer {
        Some(p) => Gazetteer::load(p)?,
        None => Gazetteer::vendored()?,
    };
    let pipeline = Pipeline::new(&PipelineOptions::default())?;
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
    let mut t = Totals::default();
    for (i, a) in corpus.articles.iter().enumerate() {
        match args.split {
            Some(Split::Even) if i % 2 == 1 => continue,
            Some(Split::Odd) if i % 2 == 0 => continue,
            _ => {}
        }
        score_article(a, &pipeline, &gaz, &weights, args.verbose, &mut t);
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
        ("overlap, gold without adjectives", t.no_adj),
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
    let line = |name: &str, r: &Resolution| {
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
    line("resolution (recognised), pop-only", &t.base);
    line("resolution (gold spans), sitrep", &t.oracle_ours);
    line("resolution (gold spans), pop-only", &t.oracle_base);
    let secs = t.geo_time.as_secs_f64().max(1e-9);
    println!(
        "geoparsing time (recognise + resolve, excl. parsing): {:.3} s, {:.0} docs/s, {:.0} tokens/s",
        secs,
        t.docs as f64 / secs,
        t.tokens as f64 / secs
    );
    Ok(())
}

fn score_article(
    a: &GoldArticle,
    pipeline: &Pipeline,
    gaz: &Gazetteer,
    weights: &Weights,
    verbose: bool,
    t: &mut Totals,
) {
    let mut doc = pipeline.analyze(Article {
        id: a.id.clone(),
        text: a.text.clone(),
        ..Article::default()
    });
    let started = Instant::now();
    sitrep_geo::geoparse_with(&mut doc, gaz, weights);
    t.geo_time += started.elapsed();
    t.tokens += doc.tokens.len();
    t.docs += 1;
    // Gold for recognition: all toponyms (LGL has no types) or typed ones with
    // coordinates (GeoWebNews).
    let typed = a.toponyms.iter().any(|g| !g.kind.is_empty());
    let gold: Vec<_> = a
        .toponyms
        .iter()
        .filter(|g| !typed || g.coords.is_some())
        .collect();
    let ours: Vec<Span> = doc.places.iter().map(|p| p.span).collect();
    let gspan = |g: &corpus::GoldToponym| Span {
        start: g.start as u32,
        end: g.end as u32,
    };
    // Exact.
    let exact_tp = gold.iter().filter(|g| ours.contains(&gspan(g))).count();
    t.exact.add(Recognition {
        true_pos: exact_tp,
        false_pos: ours.len() - exact_tp.min(ours.len()),
        false_neg: gold.len() - exact_tp,
    });
    // Overlap, one-to-one, greedy in text order.
    let mut used = vec![false; ours.len()];
    let mut tp = 0;
    for g in &gold {
        let gs = gspan(g);
        let hit = (0..ours.len()).find(|&k| !used[k] && ours[k].overlaps(gs));
        match hit {
            Some(k) => {
                used[k] = true;
                tp += 1;
                if let Some(c) = g.coords {
                    let p = doc.places.get(k).and_then(|m| m.place.as_ref());
                    let ours_pt = p.map(|r| (r.lat, r.lon, r.geonameid));
                    t.ours.record(ours_pt, c, g.geonameid);
                    let phrase = doc.slice(ours[k]);
                    let b = baseline(gaz, phrase);
                    t.base.record(b, c, g.geonameid);
                    if verbose {
                        let err = ours_pt.map_or(f64::INFINITY, |o| {
                            sitrep_geo::haversine_km(o.0, o.1, c.0, c.1)
                        });
                        if err > 161.0 {
                            let expl = doc.places.get(k).map_or("", |m| m.explain.as_str());
                            println!(
                                "WRONG {} {:?} gold {:?} ({:.2},{:.2}) got {} {:.0} km | {}",
                                a.id,
                                phrase,
                                g.geonameid,
                                c.0,
                                c.1,
                                p.map_or("nothing".to_string(), |r| format!(
                                    "{} {} {}/{}",
                                    r.geonameid, r.name, r.country, r.admin1
                                )),
                                err,
                                expl
                            );
                        }
                    }
                }
            }
            None => {
                if verbose {
                    println!("MISS  {} {:?} [{}]", a.id, g.phrase, g.kind);
                }
            }
        }
    }
    if verbose {
        for (k, u) in used.iter().enumerate() {
            if !u {
                println!("SPUR  {} {:?}", a.id, doc.slice(ours[k]));
            }
        }
    }
    t.overlap.add(Recognition {
        true_pos: tp,
        false_pos: ours.len() - tp,
        false_neg: gold.len() - tp,
    });
    // The same without adjectival modifiers (`Chinese`) in the gold: sitrep
    // reads demonyms as evidence, not mentions (a match on one stays a true
    // positive; an unmatched one is not a miss).
    let mut used = vec![false; ours.len()];
    let (mut tp2, mut gold2) = (0, 0);
    for g in &gold {
        let gs = gspan(g);
        let hit = (0..ours.len()).find(|&k| !used[k] && ours[k].overlaps(gs));
        if let Some(k) = hit {
            used[k] = true;
            tp2 += 1;
            gold2 += 1;
        } else if g.modifier != "Adjective" {
            gold2 += 1;
        }
    }
    t.no_adj.add(Recognition {
        true_pos: tp2,
        false_pos: ours.len() - tp2,
        false_neg: gold2 - tp2,
    });
    // Oracle recognition.
    let with_coords: Vec<_> = a.toponyms.iter().filter(|g| g.coords.is_some()).collect();
    let spans: Vec<Span> = with_coords.iter().map(|g| gspan(g)).collect();
    let (rec, index) = sitrep_geo::eval::oracle_toponyms(&doc, gaz, &spans);
    let mut rec = rec;
    rec.demonyms = recognize(&doc, gaz).demonyms;
    let res = resolve_with(&doc, gaz, &rec, weights);
    for (g, ix) in with_coords.iter().zip(&index) {
        let Some(c) = g.coords else { continue };
        let ours_pt = ix.and_then(|i| res.get(i)).and_then(|r| r.place).map(|id| {
            let p = gaz.place(id);
            (p.lat, p.lon, p.geonameid)
        });
        t.oracle_ours.record(ours_pt, c, g.geonameid);
        t.oracle_base
            .record(baseline(gaz, &g.phrase), c, g.geonameid);
    }
}

/// The most populous exact-name candidate (the gazetteer sorts them so).
fn baseline(gaz: &Gazetteer, phrase: &str) -> Option<(f64, f64, u32)> {
    let c = gaz.lookup(phrase).first()?;
    let p = gaz.place(c.place);
    Some((p.lat, p.lon, p.geonameid))
}
