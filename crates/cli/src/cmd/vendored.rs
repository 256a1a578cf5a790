//! The data the binary carries inside itself, so an installed `sitrep` works from
//! any directory without the source tree: the gazetteer and the demo's example
//! articles. (The models and dictionaries are embedded by their own crates.)
//!
//! The gazetteer is embedded here, in the binary only, rather than in
//! `sitrep-geo`: every test binary linking the library stays small.

use anyhow::{Context, Result};
use sitrep::geo::Gazetteer;
use std::path::{Path, PathBuf};

static GAZETTEER: &[u8] = include_bytes!("../../../../data/geo/gazetteer.bin");

/// The example articles `sitrep demo` codes by default, as (path below
/// `examples/`, bytes).
static EXAMPLES: &[(&str, &[u8])] = &[
    (
        "aleppo-2016-12-12.txt",
        include_bytes!("../../../../examples/aleppo-2016-12-12.txt"),
    ),
    (
        "news/aleppo-evacuation-2016-12-15.txt",
        include_bytes!("../../../../examples/news/aleppo-evacuation-2016-12-15.txt"),
    ),
    (
        "news/idlib-airstrikes-2016-12-18.txt",
        include_bytes!("../../../../examples/news/idlib-airstrikes-2016-12-18.txt"),
    ),
    (
        "news/wikinews.jsonl",
        include_bytes!("../../../../examples/news/wikinews.jsonl"),
    ),
];

/// The gazetteer: the file `SITREP_GAZETTEER` names if set, else the one built
/// into the binary.
pub fn gazetteer() -> Result<Gazetteer> {
    if let Some(p) = std::env::var_os("SITREP_GAZETTEER") {
        // The library's error names the file.
        return Ok(Gazetteer::load(PathBuf::from(p))?);
    }
    Gazetteer::from_bytes(Path::new("built-in gazetteer"), GAZETTEER)
        .context("the gazetteer built into this binary is unreadable (rebuild sitrep)")
}

/// The demo's default inputs: `./examples` in a checkout; otherwise the
/// built-in copies, written under `out/examples` so the run reads real files
/// (with the same ids) and the user can look at what was coded.
pub fn examples(out: &Path) -> Result<Vec<PathBuf>> {
    let local = PathBuf::from("examples");
    let root = if local.join("aleppo-2016-12-12.txt").is_file() {
        local
    } else {
        let root = out.join("examples");
        for (name, bytes) in EXAMPLES {
            let p = root.join(name);
            if let Some(dir) = p.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&p, bytes).with_context(|| format!("writing {}", p.display()))?;
        }
        root
    };
    Ok(vec![root.join("aleppo-2016-12-12.txt"), root.join("news")])
}
