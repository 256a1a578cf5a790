//! `sitrep train tagger|parser` (owned by the syntax-stage work; placeholder until it lands).
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("train is not available yet")
}
