//! `sitrep eval petrarch|tabari|plover` (owned by the event-coder work; placeholders until it lands).
use anyhow::Result;

#[derive(clap::Args)]
pub struct PetrarchArgs {}
#[derive(clap::Args)]
pub struct TabariArgs {}
#[derive(clap::Args)]
pub struct PloverArgs {}

pub fn run_petrarch(_args: PetrarchArgs) -> Result<()> {
    anyhow::bail!("not available yet")
}
pub fn run_tabari(_args: TabariArgs) -> Result<()> {
    anyhow::bail!("not available yet")
}
pub fn run_plover(_args: PloverArgs) -> Result<()> {
    anyhow::bail!("not available yet")
}
