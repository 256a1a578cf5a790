//! `sitrep eval segment` (owned by the text-stage work; placeholder until it lands).
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files whose sentences are re-joined and re-split.
    #[arg(long, num_args = 1.., required = true)]
    pub treebank: Vec<PathBuf>,
}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("eval segment is not available yet")
}
