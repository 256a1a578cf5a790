//! `sitrep segment PATH...` (wired once ingest and text stages land).
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (`-` for standard input).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("segment is not available yet")
}
