use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a [`crate::Doc`]'s original text.
///
/// Invariant (upheld by every stage that creates spans): `start <= end`, both fall on
/// UTF-8 character boundaries of the text the span refers to. Offsets are `u32`
/// because sitrep refuses articles over 4 GiB long (ingest caps them far lower),
/// which halves the size of token tables.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` offsets.
    ///
    /// # Panics
    /// If `start > end` or `end` exceeds `u32::MAX`: both are programming errors
    /// (a stage computed offsets wrongly), not input errors — ingest rejects
    /// over-long articles before any span exists.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        let end = u32::try_from(end).expect("span offset exceeds u32::MAX");
        Span {
            start: start as u32,
            end,
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Returns `""` rather than panicking if the span
    /// does not fit `text` (e.g. it was made for another document).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_and_relations() {
        let text = "Lavrov said.";
        let s = Span::new(0, 6);
        assert_eq!(s.slice(text), "Lavrov");
        assert_eq!(Span::new(50, 60).slice(text), "");
        assert!(Span::new(0, 12).contains(s));
        assert!(s.overlaps(Span::new(5, 7)));
        assert!(!s.overlaps(Span::new(6, 7)));
        assert_eq!(s.cover(Span::new(7, 11)), Span::new(0, 11));
    }
}
