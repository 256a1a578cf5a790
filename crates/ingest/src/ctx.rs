//! What every format reader knows about the input it reads.

use crate::event::{Event, Skip, SkipReason, Warning, WarningKind};
use crate::options::ReadOptions;
use sitrep_doc::Origin;
use std::sync::Arc;

/// Per-input context shared by the format readers.
#[derive(Clone, Debug)]
pub(crate) struct Ctx {
    /// The path as shown in origins (`-` for standard input).
    pub path: String,
    /// The base of derived ids: the file name, or the path below a walked
    /// directory, without format and compression extensions.
    pub id_base: String,
    pub opts: Arc<ReadOptions>,
}

impl Ctx {
    pub fn origin(&self, record: Option<u64>) -> Origin {
        Origin {
            path: self.path.clone(),
            record,
        }
    }

    pub fn skip(&self, record: Option<u64>, reason: SkipReason) -> Event {
        Event::Skipped(Skip {
            origin: self.origin(record),
            reason,
        })
    }

    pub fn warn(&self, record: Option<u64>, kind: WarningKind) -> Event {
        Event::Warning(Warning {
            origin: self.origin(record),
            kind,
        })
    }

    /// The id of record `n` of a multi-record file that has no id of its own.
    pub fn record_id(&self, n: u64) -> String {
        format!("{}:{}", self.id_base, n)
    }
}
