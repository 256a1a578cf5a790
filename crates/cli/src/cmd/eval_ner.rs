//! `sitrep eval ner SHARED`: named-entity P/R/F1 per type on the held-out GUM
//! documents. The scoring is `sitrep_eval::ner`; this parses flags and prints.
use anyhow::{Context, Result};
use sitrep_eval::ner::{self, Tags};
use sitrep_ner::label::KINDS;
use sitrep_ner::Recognizer;
use sitrep_syntax::Tagger;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The shared data directory (its `data/treebanks/gum/` is read).
    shared: PathBuf,
    /// A recognizer model file instead of the vendored one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Score on the treebank's gold tags instead of the vendored tagger's.
    #[arg(long)]
    gold_tags: bool,
    /// Without the gazetteer and actor-dictionary membership features.
    #[arg(long)]
    no_lexicon: bool,
}

pub fn run(args: Args) -> Result<()> {
    let rec = match &args.model {
        Some(p) => Recognizer::load(p).with_context(|| format!("loading {}", p.display()))?,
        None => Recognizer::vendored()?,
    };
    let rec = if args.no_lexicon {
        rec
    } else {
        rec.with_lexicon(std::sync::Arc::new(sitrep::names::NameLists::vendored()?))
    };
    let tagger;
    let tags = if args.gold_tags {
        Tags::Gold
    } else {
        tagger = Tagger::vendored()?;
        Tags::Tagger(&tagger)
    };
    let dir = args.shared.join("data/treebanks/gum");
    let r = ner::evaluate(&rec, &dir, tags)?;
    println!(
        "held-out GUM: {} documents, {} sentences, {} tokens ({} tags)",
        r.documents,
        r.sentences,
        r.tokens,
        if args.gold_tags { "gold" } else { "tagger" }
    );
    println!(
        "{:<14}{:>6}{:>6}{:>8}{:>8}{:>8}",
        "type", "gold", "pred", "P", "R", "F1"
    );
    let row = |name: &str, c: sitrep_eval::Counts| {
        println!(
            "{name:<14}{:>6}{:>6}{:>8.3}{:>8.3}{:>8.3}",
            c.gold(),
            c.predicted(),
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for k in KINDS {
        row(k.as_str(), r.kind(k));
    }
    row("overall", r.overall);
    println!(
        "decoding: {:.0} tokens/s (wall clock, tagging excluded)",
        r.tokens_per_second()
    );
    Ok(())
}
