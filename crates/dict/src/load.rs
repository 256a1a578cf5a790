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
        // `X.actors.txt.gz` is told by `X.actors.txt`; content sniffing needs
        // the decompressed bytes.
        if let Some(inner) = name.strip_suffix(".gz") {
            let bytes = gunzip(bytes).unwrap_or_default();
            return Kind::detect(Path::new(inner), &bytes);
        }
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
    let bytes = if bytes.starts_with(&GZIP_MAGIC) {
        gunzip(&bytes).map_err(|reason| Error::NotADictionary {
            path: name.clone(),
            kind: "gzip-compressed",
            reason,
        })?
    } else {
        bytes
    };
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
    // A compressed copy is the same source: `X.txt.gz` is recorded as `X.txt`.
    let base = base.strip_suffix(".gz").unwrap_or(base);
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

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Largest decompressed dictionary accepted: far above any real one (the
/// Phoenix country actors are 1.5 MB), a stop for a compression bomb.
const MAX_GUNZIPPED: usize = 512 << 20;

/// Decompresses a gzip file (one member; RFC 1952 header fields skipped).
/// The vendored Phoenix sources ship compressed (`data/dict/phoenix/*.gz`).
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let bad = || "truncated or invalid gzip header".to_string();
    if bytes.len() < 18 || !bytes.starts_with(&GZIP_MAGIC) || bytes[2] != 8 {
        return Err(bad());
    }
    let flags = bytes[3];
    let mut at = 10usize;
    if flags & 0x04 != 0 {
        let len = bytes.get(at..at + 2).ok_or_else(bad)?;
        at += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [0x08, 0x10] {
        // File name, comment: NUL-terminated.
        if flags & flag != 0 {
            let end = bytes.get(at..).and_then(|r| r.iter().position(|&b| b == 0));
            at += end.ok_or_else(bad)? + 1;
        }
    }
    if flags & 0x02 != 0 {
        at += 2;
    }
    let body = bytes.get(at..).ok_or_else(bad)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(body, MAX_GUNZIPPED)
        .map_err(|e| format!("gzip data: {e}"))
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(1 << 20)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_members_and_kinds() {
        // `printf 'hi\n' | gzip -n` with the FNAME flag and a name added by hand.
        let mut gz = vec![0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3];
        gz.extend(b"x.txt\0");
        gz.extend(miniz_oxide::deflate::compress_to_vec(b"hi\n", 6));
        gz.extend([0u8; 8]);
        assert_eq!(gunzip(&gz).unwrap(), b"hi\n");
        assert!(gunzip(&gz[..12]).is_err());
        assert!(
            gunzip(&[0x1f, 0x8b, 8, 0x04, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0, 0, 0, 0, 0, 0]).is_err()
        );
        let verbs = {
            let mut g = gz[..16].to_vec();
            g.extend(miniz_oxide::deflate::compress_to_vec(
                b"--- FIGHT [190] ---\nATTACK\n",
                6,
            ));
            g.extend([0u8; 8]);
            g
        };
        assert_eq!(
            Kind::detect(Path::new("CAMEO.2.0.txt.gz"), &verbs),
            Some(Kind::PetrarchVerbs)
        );
        assert_eq!(
            Kind::detect(Path::new("Phoenix.agents.txt.gz"), &gz),
            Some(Kind::Agents)
        );
    }
}
