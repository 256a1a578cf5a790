//! Errors (the load failed) and warnings (one entry was skipped).

use std::fmt;
use std::path::PathBuf;

/// A failure that stops loading: the file cannot be read, is not a dictionary at
/// all, or a compiled dictionary is corrupt or of another version.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    // The cause is the source, not repeated here: a chain printer (anyhow's
    // `{:#}`) shows it once.
    #[error("{}: cannot read", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is binary, or none of its lines parse as entries of the expected kind.
    #[error("{path}: not {} {kind} dictionary: {reason}", article(kind))]
    NotADictionary {
        path: String,
        kind: &'static str,
        reason: String,
    },
    /// A directory held no file recognisable as a dictionary.
    #[error("{0}: no PETRARCH or TABARI dictionary files found")]
    NoDictionaries(PathBuf),
    /// The file name does not say which kind of dictionary it is.
    #[error("{0}: cannot tell which kind of dictionary this is (name it *.actors, *.verbs, *actors*.txt, ...)")]
    UnknownKind(PathBuf),
    /// The compiled form is truncated, corrupt or from another format version.
    #[error("compiled dictionary: {0}")]
    Compiled(String),
    /// [`Error::Compiled`] for a file.
    #[error("{}: {message}", path.display())]
    CompiledFile { path: PathBuf, message: String },
}

/// "a" or "an" before a dictionary kind.
fn article(kind: &str) -> &'static str {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A skipped or suspicious line, with its location. Loading continues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file name as given to the loader.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Collects warnings for one file.
#[derive(Debug)]
pub(crate) struct Diag<'a> {
    pub file: &'a str,
    pub warnings: &'a mut Vec<Warning>,
}

impl Diag<'_> {
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }
}
