//! `sitrep eval ...`: accuracy measurements. Each subcommand lives in its own module.
use anyhow::Result;
use clap::Subcommand;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Sentence-boundary precision/recall/F1 against CoNLL-U treebanks.
    Segment(super::eval_segment::Args),
    /// POS tagging and lemma accuracy against CoNLL-U treebanks.
    Tagger(super::eval_syntax::Args),
    /// Dependency parsing UAS/LAS (plus tagging) against CoNLL-U treebanks.
    Parser(super::eval_syntax::Args),
    /// PETRARCH unit-test records, coded from their text only.
    Petrarch(super::eval_code::PetrarchArgs),
    /// A TABARI validation project (.project file and the dictionaries it names).
    Tabari(super::eval_code::TabariArgs),
    /// PLOVER gold-standard records: event-type accuracy of the main event and of the event at the gold trigger.
    Plover(super::eval_code::PloverArgs),
    /// The real-news development set: event precision/recall of the full pipeline (docs/devset-guide.md).
    Devset(super::eval_devset::Args),
    /// Geoparsing: toponym recognition P/R/F1 and resolution accuracy on Gritta's XML corpora.
    Geo(super::eval_geo::Args),
    /// Named entities: exact span+type P/R/F1 per type on the held-out GUM documents, and speed.
    Ner(super::eval_ner::Args),
    /// Temporal-expression normalisation accuracy on fixture files.
    Time(super::eval_time::Args),
}

pub fn run(args: Args) -> Result<()> {
    match args.what {
        What::Segment(a) => super::eval_segment::run(a),
        What::Tagger(a) => super::eval_syntax::run(a, super::eval_syntax::Task::Tagger),
        What::Parser(a) => super::eval_syntax::run(a, super::eval_syntax::Task::Parser),
        What::Petrarch(a) => super::eval_code::run_petrarch(a),
        What::Tabari(a) => super::eval_code::run_tabari(a),
        What::Plover(a) => super::eval_code::run_plover(a),
        What::Devset(a) => super::eval_devset::run(a),
        What::Geo(a) => super::eval_geo::run(a),
        What::Ner(a) => super::eval_ner::run(a),
        What::Time(a) => super::eval_time::run(a),
    }
}
