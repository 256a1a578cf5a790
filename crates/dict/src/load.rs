//! Finding dictionary files and telling their kind and format apart.

use std::path::{Path, PathBuf};

use crate::error::{Error, Warning};
use crate::{actors, agents, lists, verbs, DictSet};

/// What a dictionary file holds, and in which format where that matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// PETRARCH or TABARI actors (one grammar).
    Actors,
    /// PETRARCH or TABARI agents (one grammar).
    Agents,
    /// PETRARCH verbs: `--- NAME [CODE] ---` blocks.
    PetrarchVerbs,
    /// TABARI `.verbs`: one root per line.
    TabariVerbs,
    Discards,
    Issues,
    Prepositions,
    /// TABARI `.options`.
    Options,
}

impl Kind {
    /// Parses a kind name as used on the command line.
    pub fn from_name(s: &str) -> Option<Kind> {
        Some(match s.to_ascii_lowercase().as_str() {
            "actors" => Kind::Actors,
            "agents" => Kind::Agents,
            "verbs" | "petrarch-verbs" => Kind::PetrarchVerbs,
            "tabari-verbs" => Kind::TabariVerbs,
            "discards" => Kind::Discards,
            "issues" => Kind::Issues,
            "prepositions" => Kind::Prepositions,
            "options" => Kind::Options,
            _ => return None,
        })
    }

    /// Guesses the kind from the file name (PETRARCH `Phoenix.agents.txt`,
    /// TABARI `X.agents`) and, for verbs, the content: PETRARCH verb files have
    /// `--- NAME ---` block headers, TABARI ones do not.
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<Kind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let has = |s: &str| name.contains(s);
        Some(if ext == "actors" || (ext == "txt" && has("actors")) {
            Kind::Actors
        } else if ext == "agents" || (ext == "txt" && has("agents")) {
            Kind::Agents
        } else if ext == "verbs" || (ext == "txt" && (has("verbs") || name.starts_with("cameo"))) {
            let petrarch = bytes.split(|&b| b == b'\n').any(|l| l.starts_with(b"---"));
            if petrarch {
                Kind::PetrarchVerbs
            } else {
                Kind::TabariVerbs
            }
        } else if ext == "options" {
            Kind::Options
        } else if has("discard") {
            Kind::Discards
        } else if has("issue") {
            Kind::Issues
        } else if has("preposition") {
            Kind::Prepositions
        } else {
            return None;
        })
    }
}

/// Reads one file of a known kind into `set`.
pub(crate) fn add_file(
    set: &mut DictSet,
    path: &Path,
    kind: Option<Kind>,
    warnings: &mut Vec<Warning>,
) -> Result<Kind, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let kind = match kind {
        Some(k) => k,
        None => Kind::detect(path, &bytes).ok_or_else(|| Error::UnknownKind(path.to_path_buf()))?,
    };
    let name = path.display().to_string();
    add_bytes(set, &name, &bytes, kind, warnings)?;
    Ok(kind)
}

/// Parses `bytes` as a dictionary of `kind` named `name` and adds it to `set`.
pub(crate) fn add_bytes(
    set: &mut DictSet,
    name: &str,
    bytes: &[u8],
    kind: Kind,
    warnings: &mut Vec<Warning>,
) -> Result<(), Error> {
    match kind {
        Kind::Actors => set
            .actors
            .actors
            .extend(actors::read_actors(name, bytes, warnings)?.actors),
        Kind::Agents => set
            .agents
            .agents
            .extend(agents::read_agents(name, bytes, warnings)?.agents),
        Kind::PetrarchVerbs | Kind::TabariVerbs => {
            let v = if kind == Kind::PetrarchVerbs {
                verbs::read_petrarch_verbs(name, bytes, warnings)?
            } else {
                verbs::read_tabari_verbs(name, bytes, warnings)?
            };
            set.verbs.synsets.extend(v.synsets);
            set.verbs.blocks.extend(v.blocks);
            set.verbs.transformations.extend(v.transformations);
        }
        Kind::Discards => set
            .discards
            .entries
            .extend(lists::read_discards(name, bytes, warnings)?.entries),
        Kind::Issues => {
            let i = lists::read_issues(name, bytes, warnings)?;
            set.issues.entries.extend(i.entries);
            set.issues.ignore.extend(i.ignore);
        }
        Kind::Prepositions => set
            .prepositions
            .extend(lists::read_prepositions(name, bytes, warnings)?),
        Kind::Options => {
            let o = lists::read_options(name, bytes, warnings)?;
            set.options.labels.extend(o.labels);
            set.options.commands.extend(o.commands);
        }
    }
    let base = Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name);
    set.sources.push(base.into());
    Ok(())
}

/// The dictionary files in `dir`, sorted by name, with their detected kinds.
/// Files of no recognisable kind (README, LICENSE, compiled files) are left out.
pub fn scan_dir(dir: &Path) -> Result<Vec<(PathBuf, Kind)>, Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if !path.is_file() {
            continue;
        }
        // Reading only the head is enough for verb sniffing and keeps large
        // unrelated files cheap.
        let head = read_head(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if let Some(kind) = Kind::detect(&path, &head) {
            out.push((path, kind));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    if out.is_empty() {
        return Err(Error::NoDictionaries(dir.to_path_buf()));
    }
    Ok(out)
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(1 << 20)
        .read_to_end(&mut buf)?;
    Ok(buf)
}
