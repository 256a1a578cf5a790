//! What every format reader knows about the input it reads.

use crate::event::{Event, Skip, SkipReason, Warning, WarningKind};
use crate::options::ReadOptions;
use sitrep_doc::{Date, Origin};
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

    /// A `YYYY-MM-DD` date in the file name (`aleppo-2016-12-12.txt`), the
    /// publication date of single-article files that state none inside.
    pub fn name_date(&self) -> Option<Date> {
        let name = self.id_base.rsplit('/').next().unwrap_or(&self.id_base);
        let b = name.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|i| {
            let digit_before = i > 0 && b[i - 1].is_ascii_digit();
            let candidate = name.get(i..i + 10)?;
            if digit_before || !b[i].is_ascii_digit() {
                return None;
            }
            Date::parse_iso_prefix(candidate)
        })
    }

    /// The id of record `n` of a multi-record file that has no id of its own.
    pub fn record_id(&self, n: u64) -> String {
        format!("{}:{}", self.id_base, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(id_base: &str) -> Ctx {
        Ctx {
            path: String::new(),
            id_base: id_base.into(),
            opts: Arc::new(ReadOptions::default()),
        }
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            ctx("2016/aleppo-2016-12-12").name_date(),
            Date::new(2016, 12, 12)
        );
        assert_eq!(
            ctx("2016-12-31_report").name_date(),
            Date::new(2016, 12, 31)
        );
        assert_eq!(ctx("2016-12-12/notes").name_date(), None);
        assert_eq!(ctx("id12016-12-12").name_date(), None);
        assert_eq!(ctx("2016-13-12").name_date(), None);
        assert_eq!(ctx("résumé-2016-01-02").name_date(), Date::new(2016, 1, 2));
    }
}
