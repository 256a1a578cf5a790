//! What can stop an evaluation: unreadable inputs and models or dictionaries
//! that fail to load. Malformed *records* are not errors: each reader skips
//! them, as documented on it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("dictionaries: {0}")]
    Dict(#[from] sitrep_dict::Error),
    #[error("{}: not a dictionary file of a known kind", path.display())]
    UnknownDictionary { path: PathBuf },
    #[error("{}: the project names no dictionary", project.display())]
    NoDictionary { project: PathBuf },
    #[error("PLOVER records: {0}")]
    PloverJson(serde_json::Error),
    #[error("PLOVER records: not a JSON array")]
    PloverNotAnArray,
    /// The entity recognizer's model or training data failed to load.
    #[error("entity recognizer: {0}")]
    Ner(#[from] sitrep_ner::Error),
    /// The tagger model failed to load.
    #[error("tagger: {0}")]
    Syntax(#[from] sitrep_syntax::Error),
    /// The facade's models failed to load.
    #[error(transparent)]
    Pipeline(#[from] sitrep::Error),
}
