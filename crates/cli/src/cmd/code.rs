//! `sitrep code PATH...` (owned by the event-coder work; placeholder until it lands).
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    anyhow::bail!("code is not available yet")
}
