//! `sitrep eval tagger|parser`: accuracy against CoNLL-U treebanks (gold
//! tokenisation; punctuation included in every figure, as in CoNLL 2018).
use anyhow::{Context, Result};
use sitrep_eval::metrics::percent;
use sitrep_eval::syntax as eval;
use sitrep_syntax::{corpus, Parser, Tagger};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    Tagger,
    Parser,
}

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files to evaluate on.
    #[arg(long, num_args = 1.., required = true)]
    pub treebank: Vec<PathBuf>,
    /// Model to evaluate (tagger or parser model per task); default: the vendored one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Tagger model supplying the parser's tags; default: the vendored one.
    #[arg(long)]
    pub tagger: Option<PathBuf>,
}

fn load_tagger(p: Option<&PathBuf>) -> Result<Tagger> {
    match p {
        Some(p) => Tagger::load(p).with_context(|| format!("loading {}", p.display())),
        None => Ok(Tagger::vendored().context("loading the vendored tagger")?),
    }
}

pub fn run(args: Args, task: Task) -> Result<()> {
    // Write errors (e.g. a closed pipe) become errors, not panics.
    let mut out = std::io::stdout().lock();
    let sents = corpus::load(&args.treebank)?;
    let start = Instant::now();
    match task {
        Task::Tagger => {
            let tagger = load_tagger(args.model.as_ref().or(args.tagger.as_ref()))?;
            let s = eval::tagger(&tagger, &sents);
            print_tags(&mut out, &s)?;
        }
        Task::Parser => {
            let tagger = load_tagger(args.tagger.as_ref())?;
            let parser = match &args.model {
                Some(p) => Parser::load(p).with_context(|| format!("loading {}", p.display()))?,
                None => Parser::vendored().context("loading the vendored parser")?,
            };
            let s = eval::parser(&tagger, &parser, &sents);
            print_tags(&mut out, &s.tags)?;
            let n = s.tags.tokens;
            writeln!(
                out,
                "UAS            {:6.2}%  ({}/{n})",
                percent(s.uas, n),
                s.uas
            )?;
            writeln!(
                out,
                "LAS            {:6.2}%  ({}/{n})",
                percent(s.las, n),
                s.las
            )?;
            writeln!(
                out,
                "LAS (base rel) {:6.2}%  ({}/{n})  [CoNLL 2018 style: subtypes ignored]",
                percent(s.las_base, n),
                s.las_base
            )?;
        }
    }
    writeln!(
        out,
        "({} sentences, {:.2}s; gold tokenisation, punctuation included)",
        sents.len(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(())
}

fn print_tags(out: &mut impl Write, s: &eval::TagScores) -> Result<()> {
    let n = s.tokens;
    writeln!(
        out,
        "UPOS accuracy  {:6.2}%  ({}/{n})",
        percent(s.upos, n),
        s.upos
    )?;
    writeln!(
        out,
        "XPOS accuracy  {:6.2}%  ({}/{n})",
        percent(s.xpos, n),
        s.xpos
    )?;
    writeln!(
        out,
        "lemma accuracy {:6.2}%  ({}/{n})",
        percent(s.lemma, n),
        s.lemma
    )?;
    Ok(())
}
