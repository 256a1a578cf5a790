//! The recognizer's typed errors.
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A model file that is not one, is damaged, or is of another version.
    #[error("bad NER model: {0}")]
    Format(String),
    /// Training data that cannot be read (bad CoNLL-U, bad `Entity=` brackets).
    #[error("{0}")]
    Data(String),
}

pub type Result<T> = std::result::Result<T, Error>;
