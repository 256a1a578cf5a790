use crate::Date;
use serde::{Deserialize, Serialize};

/// Where an article came from, so every error and every output row can point back
/// to the file and record that produced it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    /// The input path as given by the user (`-` for standard input).
    pub path: String,
    /// 1-based line (JSONL, CSV) or record number (WARC) inside `path`, if the file
    /// holds more than one article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}:{}", self.path, r),
            None => f.write_str(&self.path),
        }
    }
}

/// One news article as read from any input format, before analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Stable identifier: the record's own id if it has one, else derived from the
    /// origin (file name, line or record number).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body text. Analysis offsets refer to this string exactly.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher or site name (`TASS`, `washingtonpost.com`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication date, when the input states one that parses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Input fields sitrep does not interpret, kept so exports can carry them along.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub origin: Origin,
}
