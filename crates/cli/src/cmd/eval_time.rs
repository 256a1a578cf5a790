//! `sitrep eval time (owned by the geo/time work); placeholder until it lands.
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("not available yet")
}
