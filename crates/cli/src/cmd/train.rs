//! `sitrep train tagger|parser`: trains a syntax model from CoNLL-U treebanks.
//! All the work happens in `sitrep_syntax::train`; this only parses arguments.
use anyhow::{Context, Result};
use clap::Subcommand;
use sitrep_syntax::train::TagSource;
use sitrep_syntax::{corpus, train, ParserConfig, Tagger, TaggerConfig};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// POS tagger + lemmatizer (averaged perceptron, Brill lexicon vendored in).
    Tagger(TaggerArgs),
    /// Arc-eager dependency parser (averaged perceptron, dynamic oracle).
    Parser(ParserArgs),
    /// Named-entity recognizer on GUM's `Entity=` annotations (the training
    /// documents of the fixed split; tags from the vendored tagger).
    Ner(NerArgs),
}

#[derive(clap::Args)]
struct NerArgs {
    /// The GUM CoNLL-U directory.
    #[arg(long, default_value = "../shared/data/treebanks/gum")]
    gum: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Random seed (sentence order): same seed, same model.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Training epochs.
    #[arg(long, default_value_t = 12)]
    iterations: usize,
    /// Drop averaged weights below this magnitude.
    #[arg(long, default_value_t = 0.5)]
    prune: f32,
    /// Train on the treebank's gold tags instead of the vendored tagger's.
    #[arg(long)]
    gold_tags: bool,
    /// Without the gazetteer and actor-dictionary membership features.
    #[arg(long)]
    no_lexicon: bool,
}

#[derive(clap::Args)]
struct Common {
    /// CoNLL-U training files.
    #[arg(long, num_args = 1.., required = true)]
    treebank: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Random seed (shuffling, augmentation, exploration): same seed, same model.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Training epochs (default: 10 for the tagger, 15 for the parser).
    #[arg(long)]
    iterations: Option<usize>,
    /// Brill lexicon (`word TAG` lines), vendored into tagger models.
    #[arg(long, default_value = "../shared/data/lexicon/brill-lexicon.txt")]
    lexicon: PathBuf,
    /// Drop averaged weights below this magnitude (smaller model; default per model).
    #[arg(long)]
    prune: Option<f32>,
}

#[derive(clap::Args)]
struct TaggerArgs {
    #[command(flatten)]
    common: Common,
}

#[derive(clap::Args)]
struct ParserArgs {
    #[command(flatten)]
    common: Common,
    /// Train on tags predicted by this tagger model instead of jackknifing.
    #[arg(long)]
    tagger: Option<PathBuf>,
    /// Jackknife folds for training-time tags (0 = train on gold tags).
    #[arg(long, default_value_t = 5)]
    jackknife: usize,
}

fn tagger_config(c: &Common) -> TaggerConfig {
    let mut cfg = TaggerConfig {
        seed: c.seed,
        ..TaggerConfig::default()
    };
    if let Some(n) = c.iterations {
        cfg.iterations = n;
    }
    if let Some(p) = c.prune {
        cfg.prune = p;
    }
    cfg
}

pub fn run(args: Args) -> Result<()> {
    let start = Instant::now();
    match args.what {
        What::Ner(a) => {
            let (train_docs, _) = sitrep_eval::ner::gum_split(&a.gum)?;
            let tagger;
            let tags = if a.gold_tags {
                sitrep_eval::ner::Tags::Gold
            } else {
                tagger = Tagger::vendored()?;
                sitrep_eval::ner::Tags::Tagger(&tagger)
            };
            let sents = sitrep_eval::ner::sentences(&train_docs, tags);
            let cfg = sitrep_ner::train::TrainConfig {
                epochs: a.iterations,
                seed: a.seed,
                prune: a.prune,
            };
            let lists = if a.no_lexicon {
                sitrep::names::NameLists::default()
            } else {
                sitrep::names::NameLists::vendored()?
            };
            let model = sitrep_ner::train::train(&sents, &lists, &cfg);
            model.save(&a.out)?;
            eprintln!(
                "trained entity recognizer on {} sentences of {} documents ({} features) in {:.1}s -> {}",
                sents.len(),
                train_docs.len(),
                model.len(),
                start.elapsed().as_secs_f64(),
                a.out.display()
            );
        }
        What::Tagger(a) => {
            let c = &a.common;
            let sents = corpus::load(&c.treebank)?;
            let lexicon = train::load_lexicon(&c.lexicon)?;
            let tagger = train::tagger(&sents, lexicon, &tagger_config(c))?;
            tagger.save(&c.out)?;
            eprintln!(
                "trained tagger on {} sentences in {:.1}s -> {}",
                sents.len(),
                start.elapsed().as_secs_f64(),
                c.out.display()
            );
        }
        What::Parser(a) => {
            let c = &a.common;
            let sents = corpus::load(&c.treebank)?;
            let mut cfg = ParserConfig {
                seed: c.seed,
                ..ParserConfig::default()
            };
            if let Some(n) = c.iterations {
                cfg.iterations = n;
            }
            if let Some(p) = c.prune {
                cfg.prune = p;
            }
            let model;
            let lexicon;
            let source = if let Some(p) = &a.tagger {
                model = Tagger::load(p).with_context(|| format!("loading {}", p.display()))?;
                TagSource::Model(&model)
            } else if a.jackknife >= 2 {
                lexicon = train::load_lexicon(&c.lexicon)?;
                TagSource::Jackknife {
                    folds: a.jackknife,
                    lexicon: &lexicon,
                    cfg: tagger_config(c),
                }
            } else {
                TagSource::Gold
            };
            let parser = train::parser(&sents, source, &cfg)?;
            parser.save(&c.out)?;
            eprintln!(
                "trained parser on {} sentences in {:.1}s -> {}",
                sents.len(),
                start.elapsed().as_secs_f64(),
                c.out.display()
            );
        }
    }
    Ok(())
}
