//! Typed errors of the gazetteer (loading and building).

use std::path::PathBuf;

/// Everything that can go wrong while loading or building a gazetteer.
///
/// Bad *rows* in a source are not errors: the builder skips them and records a
/// [`crate::build::Warning`]. These are failures that stop the whole operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a sitrep gazetteer file (bad magic or version)")]
    BadMagic { path: PathBuf },
    #[error("{path}: corrupt gazetteer file: {what}")]
    Corrupt { path: PathBuf, what: String },
    #[error("{path}: name index: {source}")]
    Fst {
        path: PathBuf,
        #[source]
        source: fst::Error,
    },
    #[error("{path}: cannot decompress: {what}")]
    Decompress { path: PathBuf, what: String },
    #[cfg(feature = "build")]
    #[error("{path}: invalid JSON: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("no gazetteer source found in {dir}")]
    NoSources { dir: PathBuf },
    #[error(
        "the vendored gazetteer is missing at {path} (build it with `sitrep gazetteer build`)"
    )]
    NoVendored { path: PathBuf },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
