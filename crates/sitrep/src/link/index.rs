//! The per-document index behind the link: built once, so that giving every
//! event its context costs O(the event's sentence), not O(the document).
//!
//! Every lookup returns exactly what a scan of the whole layer would (same
//! items, same order): the binary searches rely on the layers being in text
//! order, which [`SpanList`] checks when it is built, falling back to a scan
//! when a layer is not (malformed input), so results never depend on that
//! invariant holding.

use sitrep_attrib::Sources;
use sitrep_doc::places::PlaceRef;
use sitrep_doc::{Doc, Span};

/// The layers of one document, indexed for per-event queries.
pub struct EventContext<'d> {
    pub(super) doc: &'d Doc,
    /// Place mentions with tokens and a resolved entry (the only ones a clause
    /// can be located by), in layer order.
    pub(super) places: SpanList,
    /// Every time mention, in layer order.
    pub(super) times: SpanList,
    /// `doc.paragraphs`.
    paragraphs: SpanList,
    /// The tokens whose head is token `h`, in token order.
    children: Groups,
    /// The dateline's place, if the geoparser resolved it.
    pub(super) dateline_place: Option<&'d PlaceRef>,
    /// The publisher, agency and wire part, for every event's source chain.
    pub(super) sources: Sources,
    /// Events by `Event::sentence`, in event order.
    pub(super) events_by_sentence: Groups,
    /// Casualty records by `Casualty::sentence`, in record order.
    pub(super) casualties_by_sentence: Groups,
}

impl<'d> EventContext<'d> {
    /// Indexes `doc`'s places, times, paragraphs, parse, events, casualties
    /// and source chains: O(document) once (plus sorting the groups).
    pub fn new(doc: &'d Doc) -> EventContext<'d> {
        let places = SpanList::new(
            doc.places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.tokens.0 < p.tokens.1 && p.place.is_some())
                .map(|(i, p)| (i, p.span)),
        );
        let times = SpanList::new(doc.times.iter().enumerate().map(|(i, t)| (i, t.span)));
        let paragraphs = SpanList::new(doc.paragraphs.iter().copied().enumerate());
        let children = Groups::new(
            doc.tokens
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((t.head?, i))),
        );
        // The first mention without tokens inside the dateline is the
        // dateline's place; when it is unresolved there is none (the search
        // does not go on to a later mention).
        let dateline_place = doc.dateline.as_ref().and_then(|d| {
            doc.places
                .iter()
                .find(|p| p.tokens.0 == p.tokens.1 && d.span.contains(p.span))
                .and_then(|p| p.place.as_ref())
        });
        EventContext {
            doc,
            places,
            times,
            paragraphs,
            children,
            dateline_place,
            sources: Sources::new(doc),
            events_by_sentence: Groups::new(
                doc.events.iter().enumerate().map(|(i, e)| (e.sentence, i)),
            ),
            casualties_by_sentence: Groups::new(
                doc.casualties
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.sentence, i)),
            ),
        }
    }

    /// The tokens whose head is `head`, in token order.
    pub(super) fn children(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        let key = u32::try_from(head).ok();
        key.into_iter().flat_map(|k| self.children.get(k))
    }

    /// The first paragraph containing `span`, if any.
    pub(super) fn paragraph_containing(&self, span: Span) -> Option<Span> {
        self.paragraphs.first_containing(span).map(|(_, p)| p)
    }

    /// Index of the token starting at byte `start`.
    pub(super) fn token_at(&self, start: u32) -> Option<usize> {
        let tokens = &self.doc.tokens;
        let i = tokens.partition_point(|t| t.span.start < start);
        tokens.get(i).filter(|t| t.span.start == start).map(|_| i)
    }

    /// Walks up the parse from `tok` to `verb`: `Some(crossed)` if `verb` is
    /// reached, with whether a clause boundary was crossed on the way; `None`
    /// if `tok` is not below `verb`.
    pub(super) fn path_to(&self, tok: usize, verb: usize) -> Option<bool> {
        let doc = self.doc;
        let mut cur = tok;
        let mut crossed = false;
        // The parse is a tree, but guard against cycles in malformed input.
        for _ in 0..doc.tokens.len().min(512) {
            if cur == verb {
                return Some(crossed);
            }
            let t = doc.tokens.get(cur)?;
            crossed |= is_clause_boundary(t.deprel.as_str());
            cur = t.head? as usize;
        }
        None
    }

    /// The syntactic head of a token range: the token whose head lies outside it.
    pub(super) fn head_of(&self, range: (u32, u32)) -> Option<usize> {
        let doc = self.doc;
        let (a, b) = (range.0 as usize, range.1 as usize);
        (a..b)
            .find(|&i| {
                doc.tokens
                    .get(i)
                    .and_then(|t| t.head)
                    .is_none_or(|h| (h as usize) < a || (h as usize) >= b)
            })
            .or((a < b).then_some(a))
    }
}

/// Relations that start a new clause: a token below one belongs to that clause.
fn is_clause_boundary(deprel: &str) -> bool {
    matches!(
        deprel,
        "ccomp" | "advcl" | "acl:relcl" | "parataxis" | "csubj" | "csubj:pass" | "acl" | "xcomp"
    ) || deprel.starts_with("advcl")
        || deprel == "conj"
}

/// Spans of one layer (a subset of its items, by index), answering "which lie
/// inside this span" in layer order.
///
/// When the spans' starts and ends both never decrease (a layer in text order
/// without nesting, as every stage writes them), lookups are binary searches;
/// otherwise they scan the list, with the same results.
pub(super) struct SpanList {
    /// Item indices into the layer, increasing.
    items: Vec<usize>,
    spans: Vec<Span>,
    in_text_order: bool,
}

impl SpanList {
    pub(super) fn new(items: impl Iterator<Item = (usize, Span)>) -> SpanList {
        let (items, spans): (Vec<usize>, Vec<Span>) = items.unzip();
        let in_text_order = spans
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        SpanList {
            items,
            spans,
            in_text_order,
        }
    }

    /// Positions (into `items`) that can hold a span inside `outer`.
    fn candidates(&self, outer: Span) -> std::ops::Range<usize> {
        if self.in_text_order {
            let lo = self.spans.partition_point(|s| s.start < outer.start);
            let hi = self.spans.partition_point(|s| s.start <= outer.end);
            lo..hi.max(lo)
        } else {
            0..self.spans.len()
        }
    }

    /// Layer indices of the spans inside `outer`, in layer order.
    pub(super) fn within(&self, outer: Span) -> impl Iterator<Item = usize> + '_ {
        self.candidates(outer)
            .filter(move |&k| outer.contains(self.spans[k]))
            .map(|k| self.items[k])
    }

    /// Layer indices of the spans overlapping `other` (as [`Span::overlaps`]
    /// says), in layer order.
    pub(super) fn overlapping(&self, other: Span) -> impl Iterator<Item = usize> + '_ {
        let range = if self.in_text_order {
            // Overlap is `s.end > other.start && s.start < other.end`: with ends
            // and starts never decreasing, a suffix meets a prefix.
            let lo = self.spans.partition_point(|s| s.end <= other.start);
            let hi = self.spans.partition_point(|s| s.start < other.end);
            lo..hi.max(lo)
        } else {
            0..self.spans.len()
        };
        range
            .filter(move |&k| self.spans[k].overlaps(other))
            .map(|k| self.items[k])
    }

    /// The last (in layer order) span inside `outer` that ends at or before
    /// `end_by`, with its layer index.
    pub(super) fn last_within_ending_by(&self, outer: Span, end_by: u32) -> Option<usize> {
        if self.in_text_order {
            let lo = self.spans.partition_point(|s| s.start < outer.start);
            let limit = end_by.min(outer.end);
            let hi = self.spans.partition_point(|s| s.end <= limit);
            // Positions `lo..hi` start inside `outer` and end by `limit`.
            return (hi > lo).then(|| self.items[hi - 1]);
        }
        (0..self.spans.len())
            .rev()
            .find(|&k| outer.contains(self.spans[k]) && self.spans[k].end <= end_by)
            .map(|k| self.items[k])
    }

    /// The first (in layer order) span containing `inner`, with its layer index.
    pub(super) fn first_containing(&self, inner: Span) -> Option<(usize, Span)> {
        let k = if self.in_text_order {
            // Ends never decrease: the first span ending at or after `inner`'s
            // end is the only one that can be the first container.
            let k = self.spans.partition_point(|s| s.end < inner.end);
            Some(k).filter(|&k| self.spans.get(k).is_some_and(|s| s.contains(inner)))
        } else {
            self.spans.iter().position(|s| s.contains(inner))
        }?;
        Some((self.items[k], self.spans[k]))
    }
}

/// Item indices grouped by a key (a sentence, a head token), each group in
/// item order: a sorted list of `(key, item)` pairs.
pub(super) struct Groups(Vec<(u32, usize)>);

impl Groups {
    pub(super) fn new(pairs: impl Iterator<Item = (u32, usize)>) -> Groups {
        let mut v: Vec<(u32, usize)> = pairs.collect();
        v.sort_unstable();
        Groups(v)
    }

    /// The items with `key`, in item order.
    pub(super) fn get(&self, key: u32) -> impl Iterator<Item = usize> + '_ {
        let lo = self.0.partition_point(|&(k, _)| k < key);
        let hi = self.0.partition_point(|&(k, _)| k <= key);
        self.0[lo..hi].iter().map(|&(_, i)| i)
    }
}
