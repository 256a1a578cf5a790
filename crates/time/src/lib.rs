//! sitrep-time: temporal expressions, found in a sentence and normalised
//! against an anchor date, and the stage that writes them to `doc.times`.
//!
//! [`annotate_times`] (or the [`TimeResolver`] stage) fills `doc.times` with
//! [`sitrep_doc::times::TimeMention`]s; [`extract`] works on any text. The crate
//! depends on `sitrep-doc` only.
//!
//! The anchor is the date the text speaks from: a caller passes the dateline
//! date, else the publication date, else one given on the command line. News
//! reports the past, so by default a bare weekday or month resolves to the most
//! recent one on or before the anchor (`on Monday`, anchor Monday 2016-12-12 →
//! 2016-12-12; `on Sunday` → 2016-12-11); a [`Tense::Future`] hint flips that
//! (`on Monday` → the next Monday on or after the anchor).
//!
//! Spans cover the expression with its modifiers (`last`, `next`, `early`,
//! `earlier this`) and range words (`since`, `until`), but not plain locating
//! prepositions: in `said on Monday night` the expression is `Monday night`.
//!
//! What is deliberately *not* a date: `may` and `march` as verbs, `May` after a
//! capitalised word (`Theresa May`) unless a day or year follows, weekdays in
//! titles (`the Sunday Times`), bare numbers (`2016 deaths`), times of day.
//! Numeric dates `d/d/yyyy` are read month first unless the first number
//! cannot be a month (`25/12/2016`).

mod annotate;
mod grammar;
mod lex;

pub use annotate::{annotate_times, mention, TimeResolver};
/// How exact a normalised date is, and what an expression says about its
/// period: the layer's own types (see [`sitrep_doc::times`]).
pub use sitrep_doc::times::{DatePrecision, TimeKind};
use sitrep_doc::{Date, Doc, Sentence, Span};
use std::fmt;

/// Part of a day named with a day (`Monday night`, `this morning`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// A hint from the caller about the sentence's tense, used to pick between the
/// previous and the next occurrence of a weekday or month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tense {
    /// The default for news: look backwards.
    #[default]
    Past,
    /// Same as past (a present-tense report is about the recent past or today).
    Present,
    Future,
}

/// A date expression found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte offsets into the text that was given.
    pub span: Span,
    pub text: String,
    /// The (first day of the) period.
    pub date: Date,
    /// Last day, for [`TimeKind::Range`].
    pub end: Option<Date>,
    pub precision: DatePrecision,
    pub kind: TimeKind,
    pub part_of_day: Option<PartOfDay>,
}

impl TimeExpr {
    /// The value as ISO 8601 text: `2016-12-12`, `2016-W49`, `2016-12`, `2016`;
    /// ranges as `A/B`, open ones as `A/..` and `../B`.
    pub fn iso(&self) -> String {
        let a = format_period(self.date, self.precision);
        match self.kind {
            TimeKind::Point => a,
            TimeKind::RangeStart => format!("{a}/.."),
            TimeKind::RangeEnd => format!("../{a}"),
            TimeKind::Range => {
                let b = self
                    .end
                    .map_or_else(|| a.clone(), |e| format_period(e, self.precision));
                format!("{a}/{b}")
            }
        }
    }
}

impl fmt::Display for TimeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} → {} ({})",
            self.text,
            self.iso(),
            self.precision.as_str()
        )
    }
}

/// `date` written at `precision`.
pub fn format_period(date: Date, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => date.to_string(),
        DatePrecision::Week => {
            let (y, w) = iso_week(date);
            format!("{y:04}-W{w:02}")
        }
        DatePrecision::Month => format!("{:04}-{:02}", date.year(), date.month()),
        DatePrecision::Year => format!("{:04}", date.year()),
    }
}

/// ISO 8601 week-numbering year and week of a date.
pub fn iso_week(date: Date) -> (i32, u32) {
    // The week belongs to the year of its Thursday.
    let thursday = date.add_days(4 - i64::from(date.weekday())).unwrap_or(date);
    let jan1 = Date::new(thursday.year(), 1, 1).unwrap_or(thursday);
    let ordinal = thursday.days_since_epoch() - jan1.days_since_epoch();
    (thursday.year(), (ordinal / 7 + 1) as u32)
}

/// Finds and normalises the date expressions of `text`, left to right, not
/// overlapping.
pub fn extract(text: &str, anchor: Date, tense: Tense) -> Vec<TimeExpr> {
    grammar::extract(text, anchor, tense)
}

/// [`extract`] over one sentence of a document; spans are into `doc.text`.
pub fn extract_sentence(
    doc: &Doc,
    sentence: &Sentence,
    anchor: Date,
    tense: Tense,
) -> Vec<TimeExpr> {
    let base = sentence.span.start;
    let mut found = extract(doc.slice(sentence.span), anchor, tense);
    for t in &mut found {
        t.span = Span {
            start: t.span.start + base,
            end: t.span.end + base,
        };
    }
    found
}

/// The anchor date of a document: dateline date, else publication date, else
/// the document's `anchor_date` (set from a `--date` option), else `fallback`.
pub fn anchor_of(doc: &Doc, fallback: Option<Date>) -> Option<Date> {
    doc.dateline
        .as_ref()
        .and_then(|d| d.date)
        .or(doc.published)
        .or(doc.anchor_date)
        .or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(iso_week(d(2016, 12, 12)), (2016, 50));
        assert_eq!(iso_week(d(2017, 1, 1)), (2016, 52));
        assert_eq!(iso_week(d(2015, 12, 31)), (2015, 53));
        assert_eq!(iso_week(d(2019, 12, 30)), (2020, 1));
    }
}

#[cfg(test)]
mod grammar_tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn one(text: &str, anchor: &str) -> (String, String, DatePrecision) {
        let found = extract(text, d(anchor), Tense::Past);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let t = &found[0];
        (t.text.clone(), t.iso(), t.precision)
    }

    #[test]
    fn seed_checks() {
        let a = "2016-12-12";
        assert_eq!(
            one("Lavrov said on Monday that", a),
            ("Monday".into(), "2016-12-12".into(), DatePrecision::Day)
        );
        assert_eq!(one("on Sunday", a).1, "2016-12-11");
        assert_eq!(one("today", a).1, a);
    }

    #[test]
    fn weekday_tense() {
        let found = extract(
            "talks will resume on Tuesday",
            d("2016-12-12"),
            Tense::Future,
        );
        assert_eq!(found[0].iso(), "2016-12-13");
        let found = extract("talks resumed on Tuesday", d("2016-12-12"), Tense::Past);
        assert_eq!(found[0].iso(), "2016-12-06");
        assert_eq!(one("next Monday", "2016-12-12").1, "2016-12-19");
        assert_eq!(one("last Monday", "2016-12-12").1, "2016-12-05");
    }

    #[test]
    fn more_phrases() {
        let a = "2016-12-12";
        assert_eq!(one("in August last year", a).1, "2015-08");
        assert_eq!(
            one("late last month", a),
            (
                "late last month".into(),
                "2016-11".into(),
                DatePrecision::Month
            )
        );
        assert_eq!(one("over the past week", a).1, "2016-12-05/2016-12-12");
        assert_eq!(one("in the past month", a).1, "2016-11-12/2016-12-12");
        assert_eq!(one("on Christmas Day", a).1, "2015-12-25");
        assert_eq!(one("on Christmas Eve", "2016-12-27").1, "2016-12-24");
        assert_eq!(one("since New Year's Day", a).1, "2016-01-01/..");
        assert_eq!(one("earlier today", a).1, a);
        assert!(extract("the New Year holiday", d(a), Tense::Past).is_empty());
    }

    #[test]
    fn not_dates() {
        let a = d("2016-12-12");
        for s in [
            "Theresa May said the talks may fail.",
            "The Sunday Times reported it.",
            "They will march on the capital.",
            "At least 12 people and 2016 soldiers died.",
        ] {
            assert!(
                extract(s, a, Tense::Past).is_empty(),
                "{s}: {:?}",
                extract(s, a, Tense::Past)
            );
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        // A deterministic jumble of date-like and hostile pieces.
        let pieces = [
            "on",
            "Monday",
            "May",
            "may",
            "12",
            "31",
            "2016",
            "/",
            "-",
            "12/12",
            "99/99/9999",
            "Dec",
            ".",
            ",",
            "since",
            "from",
            "to",
            "between",
            "and",
            "the",
            "day",
            "before",
            "last",
            "next",
            "ago",
            "two",
            "Ḩalab",
            "’s",
            "'",
            "1st",
            "mid",
            "-",
            "2016-02-30",
            "0/0/0",
            "week",
            "weekend",
            "this",
            "morning",
            "\u{200b}",
            "日本",
            "",
            " ",
        ];
        let mut x: u64 = 12345;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..8 {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(x >> 33) as usize % pieces.len()]);
                if x & 1 == 0 {
                    s.push(' ');
                }
            }
            for tense in [Tense::Past, Tense::Future] {
                for anchor in ["0001-01-01", "9999-12-31", "2016-02-29"] {
                    for t in extract(&s, d(anchor), tense) {
                        assert_eq!(&s[t.span.range()], t.text);
                    }
                }
            }
        }
    }

    #[test]
    fn spans_are_byte_offsets() {
        let text = "Ḩalab: fighting resumed on Monday night.";
        let t = &extract(text, d("2016-12-12"), Tense::Past)[0];
        assert_eq!(&text[t.span.range()], "Monday night");
        assert_eq!(t.part_of_day, Some(PartOfDay::Night));
    }
}
