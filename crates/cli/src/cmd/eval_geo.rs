//! `sitrep eval geo` (owned by the geoparsing work; placeholder until it lands).
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("not available yet")
}
