//! `sitrep eval tagger|parser` (owned by the syntax-stage work; placeholder until it lands).
use anyhow::Result;
use std::path::PathBuf;

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
}

pub fn run(_args: Args, _task: Task) -> Result<()> {
    anyhow::bail!("eval tagger/parser is not available yet")
}
