//! Typed errors of the syntax stage.

use std::path::PathBuf;

/// Everything that can go wrong loading, training or evaluating a model.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A model file that is truncated, from another version, or otherwise malformed.
    #[error("corrupt model: {0}")]
    Corrupt(String),
    #[error("{path}: {source}")]
    Conllu {
        path: PathBuf,
        source: sitrep_doc::conllu::ConlluError,
    },
    /// Training data that cannot be used (empty, unknown tags...).
    #[error("bad training data: {0}")]
    Data(String),
}

impl Error {
    pub(crate) fn corrupt(msg: impl Into<String>) -> Error {
        Error::Corrupt(msg.into())
    }
}

pub type Result<T> = std::result::Result<T, Error>;
