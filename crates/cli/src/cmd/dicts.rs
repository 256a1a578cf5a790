//! Which dictionaries a coding command loads: the vendored Phoenix set, a
//! directory of PETRARCH/TABARI files or a compiled `.sdict` (`--dicts`), plus
//! a user's own files added on top (`--extra-dicts`). docs/dictionaries.md.

use anyhow::{Context, Result};
use sitrep_coder::sitrep_dict::Dictionaries;
use sitrep_coder::{Coder, CoderOptions};
use std::path::{Path, PathBuf};

/// Dictionary options shared by the coding commands.
#[derive(clap::Args, Debug, Default)]
pub struct DictArgs {
    /// Dictionaries to code with instead of the vendored Phoenix set: a directory
    /// of PETRARCH or TABARI files (kinds told by file names), or a compiled
    /// dictionary (`.sdict`, from `sitrep dict compile`). It must hold verbs.
    #[arg(long, value_name = "DIR|FILE")]
    pub dicts: Option<PathBuf>,
    /// Dictionary files to add to the set (vendored or --dicts): your own actors,
    /// agents or verbs, e.g. `my.actors.txt` with ministers the set lacks. Kinds
    /// are told by file names (`*actors*.txt`, `*.agents`, `*verbs*.txt`...).
    /// Repeat the option, or separate files with commas.
    // One value per occurrence: a greedy list would swallow the input paths
    // that follow it (`--extra-dicts my.actors.txt news/`).
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub extra_dicts: Vec<PathBuf>,
}

impl DictArgs {
    /// The dictionaries, checked: a set without a single verb pattern codes
    /// nothing, so it is an error rather than a run of empty results.
    pub fn dictionaries(&self) -> Result<Dictionaries> {
        let base = match &self.dicts {
            None => Dictionaries::vendored().context("the built-in dictionaries")?,
            Some(p) if p.is_file() => Dictionaries::load_compiled(p)?,
            Some(dir) => Dictionaries::load_dir(dir)?,
        };
        let dicts = if self.extra_dicts.is_empty() {
            base
        } else {
            base.with_files(self.extra_dicts.iter().map(|p| (p.as_path(), None)))?
        };
        if dicts.verbs().blocks.is_empty() {
            let from = self
                .dicts
                .as_deref()
                .unwrap_or_else(|| Path::new("the dictionaries"));
            anyhow::bail!(
                "{}: no verb dictionary loaded (PETRARCH `*verbs*.txt`/`CAMEO*.txt` or \
                 TABARI `*.verbs`), so no event could be coded",
                from.display()
            );
        }
        Ok(dicts)
    }

    /// A coder over [`DictArgs::dictionaries`] plus sitrep's supplement.
    pub fn coder(&self, options: CoderOptions) -> Result<Coder> {
        Ok(Coder::with_supplement(self.dictionaries()?, options)?)
    }
}
