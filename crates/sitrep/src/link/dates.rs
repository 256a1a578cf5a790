//! When the action of a clause happened.

use super::index::EventContext;
use sitrep_doc::times::{DatePrecision, TimeKind, TimeMention, TimeRef, TimeSource};

impl EventContext<'_> {
    /// When the action of the clause headed by `verb_token` happened: a time
    /// expression attached to the verb's clause; else one elsewhere in the
    /// sentence (source [`TimeSource::Sentence`]); else the dateline date
    /// ([`TimeSource::Dateline`]); else the anchor date ([`TimeSource::Anchor`]:
    /// the event happened on or before it). Reads `doc.times` (the temporal
    /// resolver's layer). `None` only when no date is known at all.
    pub fn date_for_clause(&self, verb_token: usize) -> Option<TimeRef> {
        let doc = self.doc;
        let s = doc.sentence_of_token(verb_token)?;
        let span = doc.sentences.get(s)?.span;
        let mut in_clause = None;
        let mut in_sentence = None;
        for t in self.times.within(span).filter_map(|i| doc.times.get(i)) {
            let first = doc.tokens.partition_point(|x| x.span.end <= t.span.start);
            let last = doc.tokens.partition_point(|x| x.span.start < t.span.end);
            let head = self.head_of((first as u32, last as u32));
            let attached = head.is_some_and(|h| self.path_to(h, verb_token) == Some(false));
            if attached && in_clause.is_none() {
                in_clause = Some(t);
            } else if in_sentence.is_none() {
                in_sentence = Some(t);
            }
        }
        let from = |t: &TimeMention, source| TimeRef {
            date: t.date,
            end: t.end,
            precision: t.precision,
            kind: t.kind,
            value: t.value.clone(),
            source,
            evidence: Some(t.span),
        };
        if let Some(t) = in_clause {
            return Some(from(t, TimeSource::Clause));
        }
        if let Some(t) = in_sentence {
            return Some(from(t, TimeSource::Sentence));
        }
        if let Some((date, sp)) = doc
            .dateline
            .as_ref()
            .and_then(|d| Some((d.date?, d.date_span)))
        {
            return Some(TimeRef {
                date: Some(date),
                end: None,
                precision: DatePrecision::Day,
                kind: TimeKind::Point,
                value: date.to_string(),
                source: TimeSource::Dateline,
                evidence: sp,
            });
        }
        let anchor = sitrep_time::anchor_of(doc, None)?;
        Some(TimeRef {
            date: Some(anchor),
            end: None,
            precision: DatePrecision::Day,
            kind: TimeKind::RangeEnd,
            value: format!("../{anchor}"),
            source: TimeSource::Anchor,
            evidence: None,
        })
    }
}
