//! The date grammar: patterns over tokens, tried longest first at each token.
//!
//! Each pattern returns a [`Hit`] (tokens covered, period, kind); resolution to
//! calendar dates happens inside the pattern, from the anchor and tense.

use crate::lex::{tokens, Class, Tok};
use crate::{DatePrecision, PartOfDay, Tense, TimeExpr, TimeKind};
use sitrep_doc::{Date, Span};

/// A matched expression: token range `first..=last` and its value.
#[derive(Clone, Copy, Debug)]
struct Hit {
    first: usize,
    last: usize,
    date: Date,
    end: Option<Date>,
    precision: DatePrecision,
    kind: TimeKind,
    pod: Option<PartOfDay>,
}

impl Hit {
    fn point(first: usize, last: usize, date: Date, precision: DatePrecision) -> Hit {
        Hit {
            first,
            last,
            date,
            end: None,
            precision,
            kind: TimeKind::Point,
            pod: None,
        }
    }
}

/// The context every pattern needs.
struct Cx<'a> {
    toks: &'a [Tok<'a>],
    anchor: Date,
    tense: Tense,
}

pub fn extract(text: &str, anchor: Date, tense: Tense) -> Vec<TimeExpr> {
    let toks = tokens(text);
    let cx = Cx {
        toks: &toks,
        anchor,
        tense,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(h) = cx.range_or_core(i) else {
            i += 1;
            continue;
        };
        let (Some(a), Some(b)) = (toks.get(h.first), toks.get(h.last)) else {
            i += 1;
            continue;
        };
        let span = Span::new(a.start, b.end);
        out.push(TimeExpr {
            span,
            text: span.slice(text).to_string(),
            date: h.date,
            end: h.end,
            precision: h.precision,
            kind: h.kind,
            part_of_day: h.pod,
        });
        i = h.last + 1;
    }
    out
}

use sitrep_doc::MONTH_NAMES as MONTHS;
const MONTH_ABBR: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
use sitrep_doc::WEEKDAY_NAMES as WEEKDAYS;
/// Month names that are also common words or given names.
const AMBIGUOUS_MONTHS: [u8; 5] = [3, 4, 5, 6, 8];
/// Words after which a bare month or year is a date (`in May`, `since 2011`).
const CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "during",
    "from",
    "last",
    "next",
    "this",
    "through",
    "before",
    "after",
    "throughout",
    "of",
    "to",
    "and",
    "between",
    "around",
    "as",
];

fn number_word(w: &str) -> Option<i64> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    match w {
        "a" | "an" => Some(1),
        "several" | "few" => None,
        _ => WORDS.iter().position(|x| *x == w).map(|p| p as i64),
    }
}

fn part_of_day(w: &str) -> Option<PartOfDay> {
    Some(match w {
        "morning" => PartOfDay::Morning,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" => PartOfDay::Night,
        _ => return None,
    })
}

/// First day of the month `delta` months from (year, month).
fn add_months(d: Date, delta: i64) -> Option<Date> {
    let m0 = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + delta;
    Date::new(
        i32::try_from(m0.div_euclid(12)).ok()?,
        (m0.rem_euclid(12) + 1) as u8,
        1,
    )
}

fn monday_of(d: Date) -> Option<Date> {
    d.add_days(1 - i64::from(d.weekday()))
}

fn first_of_year(y: i32) -> Option<Date> {
    Date::new(y, 1, 1)
}

impl<'a> Cx<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> &str {
        self.tok(i)
            .filter(|t| t.class == Class::Word)
            .map_or("", |t| t.lower.as_str())
    }

    fn prev_word(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.word(p))
    }

    fn past(&self) -> bool {
        self.tense != Tense::Future
    }

    /// `since X`, `until X`, `from X to Y`, or a plain expression.
    fn range_or_core(&self, i: usize) -> Option<Hit> {
        let w = self.word(i);
        match w {
            "since" => {
                let mut h = self.core(i + 1)?;
                h.first = i;
                h.kind = TimeKind::RangeStart;
                Some(h)
            }
            "until" | "till" => {
                let mut h = self.core(i + 1)?;
                h.first = i;
                h.kind = TimeKind::RangeEnd;
                Some(h)
            }
            "from" | "between" => {
                let a = self.core(i + 1)?;
                let joiner = self.word(a.last + 1);
                let dash = self
                    .tok(a.last + 1)
                    .is_some_and(|t| t.text == "-" || t.text == "–");
                let ok = dash
                    || matches!(
                        (w, joiner),
                        ("from", "to" | "until" | "through") | ("between", "and")
                    );
                if ok {
                    if let Some(b) = self.core(a.last + 2) {
                        return Some(Hit {
                            first: i,
                            last: b.last,
                            date: a.date,
                            end: Some(self.period_end(b)?),
                            precision: a.precision.min(b.precision),
                            kind: TimeKind::Range,
                            pod: None,
                        });
                    }
                }
                // `from Monday` alone: a range start.
                let mut a = a;
                a.first = i;
                a.kind = TimeKind::RangeStart;
                Some(a)
            }
            _ => self.core(i),
        }
    }

    /// The last day of a hit's period.
    fn period_end(&self, h: Hit) -> Option<Date> {
        match h.precision {
            DatePrecision::Day => Some(h.date),
            DatePrecision::Week => h.date.add_days(6),
            DatePrecision::Month => add_months(h.date, 1)?.add_days(-1),
            DatePrecision::Year => Date::new(h.date.year(), 12, 31),
        }
    }

    fn core(&self, i: usize) -> Option<Hit> {
        self.relative_day(i)
            .or_else(|| self.ago(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.weekday_phrase(i))
            .or_else(|| self.month_phrase(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.year(i))
    }

    /// Adds a following `morning`/`night`... to a day hit.
    fn with_part_of_day(&self, mut h: Hit) -> Hit {
        if let Some(p) = part_of_day(self.word(h.last + 1)) {
            h.last += 1;
            h.pod = Some(p);
        }
        h
    }

    /// today, yesterday, tomorrow, tonight, last night, this morning, overnight,
    /// the day before (yesterday), the next day...
    fn relative_day(&self, i: usize) -> Option<Hit> {
        let a = self.anchor;
        let w = self.word(i);
        let day =
            |n: i64, last: usize| Some(Hit::point(i, last, a.add_days(n)?, DatePrecision::Day));
        match w {
            "today" => return day(0, i).map(|h| self.with_part_of_day(h)),
            "earlier" | "later" if self.word(i + 1) == "today" => return day(0, i + 1),
            "yesterday" => return day(-1, i).map(|h| self.with_part_of_day(h)),
            "tomorrow" => return day(1, i).map(|h| self.with_part_of_day(h)),
            "tonight" => {
                let mut h = day(0, i)?;
                h.pod = Some(PartOfDay::Night);
                return Some(h);
            }
            // The night before the report: dated by the evening it began.
            "overnight" => {
                let mut h = day(-1, i)?;
                h.pod = Some(PartOfDay::Night);
                return Some(h);
            }
            "last" if self.word(i + 1) == "night" => {
                let mut h = day(-1, i + 1)?;
                h.pod = Some(PartOfDay::Night);
                return Some(h);
            }
            "this" => {
                if let Some(p) = part_of_day(self.word(i + 1)) {
                    let mut h = day(0, i + 1)?;
                    h.pod = Some(p);
                    return Some(h);
                }
            }
            "the" => {
                let (w1, w2, w3) = (self.word(i + 1), self.word(i + 2), self.word(i + 3));
                return match (w1, w2, w3) {
                    ("day", "before", "yesterday") => day(-2, i + 3),
                    ("day", "after", "tomorrow") => day(2, i + 3),
                    // Relative to an unnamed reference day: approximated by the anchor.
                    ("day", "before" | "earlier", _) => day(-1, i + 2),
                    ("previous", "day", _) => day(-1, i + 2),
                    ("day", "after" | "later", _) => day(1, i + 2),
                    ("next" | "following", "day", _) => day(1, i + 2),
                    _ => None,
                };
            }
            _ => {}
        }
        None
    }

    /// `two days ago`, `a week ago`, `3 months ago`, `a year ago`; also
    /// `the past three days` (a range ending at the anchor).
    fn ago(&self, i: usize) -> Option<Hit> {
        let a = self.anchor;
        if matches!(self.word(i), "the" | "in") && matches!(self.word(i + 1), "past" | "last") {
            let n = self.count(i + 2)?;
            let unit = self.word(i + 3);
            let start = match unit {
                "days" => a.add_days(-n)?,
                "weeks" => a.add_days(-7 * n)?,
                _ => return None,
            };
            return Some(Hit {
                first: i,
                last: i + 3,
                date: start,
                end: Some(a),
                precision: DatePrecision::Day,
                kind: TimeKind::Range,
                pod: None,
            });
        }
        let n = self.count(i)?;
        let unit = self.word(i + 1);
        if self.word(i + 2) != "ago" {
            return None;
        }
        let last = i + 2;
        let unit = unit.strip_suffix('s').unwrap_or(unit);
        let (date, precision) = match unit {
            "day" => (a.add_days(-n)?, DatePrecision::Day),
            "week" => (a.add_days(-7 * n)?, DatePrecision::Week),
            "month" => (add_months(a, -n)?, DatePrecision::Month),
            "year" => (
                first_of_year(a.year() - i32::try_from(n).ok()?)?,
                DatePrecision::Year,
            ),
            _ => return None,
        };
        let date = if precision == DatePrecision::Week {
            monday_of(date)?
        } else {
            date
        };
        Some(Hit::point(i, last, date, precision))
    }

    /// A small count: a digit group or a number word (`a`, `two`).
    fn count(&self, i: usize) -> Option<i64> {
        let t = self.tok(i)?;
        match t.class {
            Class::Number => t.number().map(i64::from).filter(|n| *n <= 1000),
            Class::Word => number_word(&t.lower),
            Class::Punct => None,
        }
    }

    /// last/this/next week|month|year, earlier/later this month, last Monday,
    /// next March...
    fn relative_period(&self, i: usize) -> Option<Hit> {
        let a = self.anchor;
        let (w0, w1) = (self.word(i), self.word(i + 1));
        // `late last month`, `early next year`: same period, the modifier kept
        // in the span.
        if matches!(w0, "early" | "late") && matches!(w1, "last" | "this" | "next") {
            let mut h = self.relative_period(i + 1)?;
            if h.precision == DatePrecision::Day {
                return None;
            }
            h.first = i;
            return Some(h);
        }
        // `the past week`, `the last month`: a range ending at the anchor.
        if w0 == "the" && matches!(w1, "past" | "last") {
            let start = match self.word(i + 2) {
                "week" => a.add_days(-7)?,
                "month" => add_months(a, -1)?.add_days(i64::from(a.day()) - 1)?,
                "year" => a.add_days(-365)?,
                _ => return None,
            };
            return Some(Hit {
                end: Some(a),
                kind: TimeKind::Range,
                ..Hit::point(i, i + 2, start, DatePrecision::Day)
            });
        }
        let (offset, unit_at) = match (w0, w1) {
            ("earlier" | "later", "this") => (0, i + 2),
            ("last" | "past" | "previous", _) => (-1, i + 1),
            ("this" | "current", _) => (0, i + 1),
            ("next" | "coming", _) => (1, i + 1),
            _ => return None,
        };
        let unit = self.word(unit_at);
        let h = match unit {
            "week" => {
                let d = monday_of(a.add_days(7 * offset)?)?;
                Hit::point(i, unit_at, d, DatePrecision::Week)
            }
            "month" => Hit::point(i, unit_at, add_months(a, offset)?, DatePrecision::Month),
            "year" => Hit::point(
                i,
                unit_at,
                first_of_year(a.year() + offset as i32)?,
                DatePrecision::Year,
            ),
            "weekend" => {
                // The Saturday of the weekend before (last), of this week, or next.
                let sat_this = monday_of(a)?.add_days(5)?;
                let d = match offset {
                    -1 if a.weekday() >= 6 => sat_this.add_days(-7)?,
                    -1 => sat_this.add_days(-7)?,
                    0 if self.past() && a.weekday() < 6 => sat_this.add_days(-7)?,
                    0 => sat_this,
                    _ => sat_this.add_days(7)?,
                };
                Hit {
                    end: d.add_days(1),
                    kind: TimeKind::Range,
                    ..Hit::point(i, unit_at, d, DatePrecision::Day)
                }
            }
            _ if w0 == "earlier" || w0 == "later" => return None,
            _ => {
                if let Some(wd) = self.weekday_at(unit_at) {
                    let aw = i64::from(a.weekday());
                    let wd = i64::from(wd);
                    // `last Friday` is the nearest one strictly before the
                    // anchor; `next Wednesday` is the one in the following
                    // week (said on a Tuesday, it is not tomorrow).
                    let delta = match offset {
                        -1 => -((aw - wd - 1).rem_euclid(7) + 1),
                        1 => 7 - aw + wd,
                        _ => self.default_weekday_delta(aw, wd),
                    };
                    let h = Hit::point(i, unit_at, a.add_days(delta)?, DatePrecision::Day);
                    return Some(self.with_part_of_day(h));
                }
                let m = self.month_at(unit_at, true)?;
                let d = self.resolve_month(m, offset)?;
                return Some(Hit::point(i, unit_at, d, DatePrecision::Month));
            }
        };
        Some(h)
    }

    /// Days from the anchor to a bare weekday, by tense.
    fn default_weekday_delta(&self, aw: i64, wd: i64) -> i64 {
        if self.past() {
            -(aw - wd).rem_euclid(7)
        } else {
            (wd - aw).rem_euclid(7)
        }
    }

    /// The weekday (1 = Monday) named by token `i`, if it is a capitalised
    /// weekday name.
    fn weekday_at(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        if t.class != Class::Word || !t.is_capitalised() {
            return None;
        }
        let w = t.lower.as_str();
        WEEKDAYS.iter().position(|d| *d == w).map(|p| p as u8 + 1)
    }

    /// `[early|late] Monday [morning]`, `Monday's`; not `the Sunday Times`.
    fn weekday_phrase(&self, i: usize) -> Option<Hit> {
        let (start, at) = match self.word(i) {
            "early" | "late" => (i, i + 1),
            _ => (i, i),
        };
        let wd = self.weekday_at(at)?;
        let t = self.tok(at)?;
        let next = self.tok(at + 1);
        let prev = self.prev_word(start);
        // A title (`Sunday Times`, `Sunday Telegraph`): a capitalised word follows
        // and nothing before marks a date.
        let next_is_name = !t.possessive
            && next.is_some_and(|n| {
                n.class == Class::Word
                    && n.is_capitalised()
                    && self.month_at(at + 1, false).is_none()
            });
        let cue = matches!(
            prev,
            "on" | "since"
                | "until"
                | "by"
                | "from"
                | "late"
                | "early"
                | "and"
                | "or"
                | "to"
                | "through"
        );
        if next_is_name && !cue {
            return None;
        }
        if prev == "the" && next_is_name {
            return None;
        }
        let delta = self.default_weekday_delta(i64::from(self.anchor.weekday()), i64::from(wd));
        let h = Hit::point(start, at, self.anchor.add_days(delta)?, DatePrecision::Day);
        // `Monday, December 12`: the explicit date wins and the span covers both.
        if self.tok(at + 1).is_some_and(|n| n.text == ",") {
            if let Some(mut m) = self.month_phrase(at + 2) {
                if m.precision == DatePrecision::Day {
                    m.first = start;
                    return Some(m);
                }
            }
        }
        if t.possessive {
            return Some(h);
        }
        Some(self.with_part_of_day(h))
    }

    /// The month named by token `i` (1–12). Abbreviations (`Dec`, `Sept`) need
    /// `number_follows`-style support from the caller; ambiguous names (`May`,
    /// `March`) need a cue word before or a day/year after.
    fn month_at(&self, i: usize, cued: bool) -> Option<u8> {
        let t = self.tok(i)?;
        if t.class != Class::Word || !t.is_capitalised() {
            return None;
        }
        let w = t.lower.as_str();
        if let Some(p) = MONTHS.iter().position(|m| *m == w) {
            let m = p as u8 + 1;
            if AMBIGUOUS_MONTHS.contains(&m) && !cued && !self.date_number_near(i) {
                return None;
            }
            return Some(m);
        }
        let abbr = if w == "sept" { "sep" } else { w };
        let p = MONTH_ABBR.iter().position(|m| *m == abbr)?;
        // An abbreviation must be followed by a day number (`Dec. 12`) or a year.
        let after = if self.tok(i + 1).is_some_and(|n| n.text == ".") {
            i + 2
        } else {
            i + 1
        };
        self.tok(after)?.number()?;
        Some(p as u8 + 1)
    }

    /// A day number or a year right before or after token `i`.
    fn date_number_near(&self, i: usize) -> bool {
        let plausible = |t: Option<&Tok<'_>>| {
            t.and_then(Tok::number)
                .is_some_and(|n| (1..=31).contains(&n) || (1000..=2999).contains(&n))
        };
        plausible(self.tok(i + 1))
            || (self.tok(i + 1).is_some_and(|t| t.text == ".") && plausible(self.tok(i + 2)))
            || i.checked_sub(1).is_some_and(|p| plausible(self.tok(p)))
            || (self.word(i.wrapping_sub(1)) == "of"
                && i.checked_sub(2).is_some_and(|p| plausible(self.tok(p))))
    }

    fn is_cued(&self, i: usize) -> bool {
        let prev = self.prev_word(i);
        CUES.contains(&prev)
    }

    /// Month-based dates: `December 12[, 2016]`, `Dec. 12`, `12 December [2016]`,
    /// `12th of December`, `December 2016`, `[early|mid|late] December`.
    fn month_phrase(&self, i: usize) -> Option<Hit> {
        // Day first: `12 December`, `12th of December`.
        if let Some(day) = self
            .tok(i)
            .and_then(Tok::number)
            .filter(|d| (1..=31).contains(d))
        {
            let of = usize::from(self.word(i + 1) == "of");
            let m_at = i + 1 + of;
            let m = self.month_at(m_at, true)?;
            let mut last = m_at;
            if self.tok(last + 1).is_some_and(|t| t.text == ".") {
                last += 1;
            }
            return self.day_month(i, last, m, day);
        }
        // Modifiers: `early December`, `mid-December`.
        let (first, at, modified) = match self.word(i) {
            "early" | "late" | "mid" => {
                let dash = self.tok(i + 1).is_some_and(|t| t.text == "-");
                (i, i + 1 + usize::from(dash), true)
            }
            _ => (i, i, false),
        };
        let cued = modified || self.is_cued(i);
        let m = self.month_at(at, cued)?;
        let mut last = at;
        if self.tok(last + 1).is_some_and(|t| t.text == ".") {
            last += 1;
        }
        if !modified {
            if let Some(day) = self.tok(last + 1).and_then(Tok::number) {
                if (1..=31).contains(&day) {
                    return self.day_month(first, last + 1, m, day);
                }
            }
        }
        // `December 2016`.
        if let Some(y) = self.tok(last + 1).and_then(Tok::number) {
            if (1000..=2999).contains(&y) {
                let d = Date::new(y as i32, m, 1)?;
                return Some(Hit::point(first, last + 1, d, DatePrecision::Month));
            }
        }
        // `August last year`, `March this year`, `June next year`.
        let year_shift = match (self.word(last + 1), self.word(last + 2)) {
            ("last", "year") => Some(-1),
            ("this", "year") => Some(0),
            ("next", "year") => Some(1),
            _ => None,
        };
        if let Some(shift) = year_shift {
            let d = Date::new(self.anchor.year() + shift, m, 1)?;
            return Some(Hit::point(first, last + 2, d, DatePrecision::Month));
        }
        let d = self.resolve_month(m, 0)?;
        Some(Hit::point(first, last, d, DatePrecision::Month))
    }

    /// Fixed-date holidays news dates events by: `Christmas [Day|Eve]`,
    /// `New Year's Day|Eve`. The year follows the month-and-day rule.
    fn holiday(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is_capitalised() {
            return None;
        }
        let (month, day, last) = match (self.word(i), self.word(i + 1), self.word(i + 2)) {
            ("christmas", "eve", _) => (12, 24, i + 1),
            ("christmas", "day", _) => (12, 25, i + 1),
            ("christmas", _, _) => (12, 25, i),
            ("new", "year", "eve") => (12, 31, i + 2),
            ("new", "year", "day") => (1, 1, i + 2),
            _ => return None,
        };
        // `New Year's` only as a possessive: `the New Year holiday` is vaguer.
        if self.word(i) == "new" && !self.tok(i + 1).is_some_and(|t| t.possessive) {
            return None;
        }
        let d = self.resolve_month_day(month, day)?;
        Some(Hit::point(i, last, d, DatePrecision::Day))
    }

    /// A day and month ending at token `last`, with an optional `[,] YYYY`.
    fn day_month(&self, first: usize, last: usize, month: u8, day: u32) -> Option<Hit> {
        let comma = usize::from(self.tok(last + 1).is_some_and(|t| t.text == ","));
        if let Some(y) = self.tok(last + 1 + comma).and_then(Tok::number) {
            if (1000..=2999).contains(&y) {
                let d = Date::new(y as i32, month, day as u8)?;
                return Some(Hit::point(first, last + 1 + comma, d, DatePrecision::Day));
            }
        }
        let d = self.resolve_month_day(month, day as u8)?;
        Some(Hit::point(first, last, d, DatePrecision::Day))
    }

    /// The year for a month and day without one: in the past (with a week's
    /// grace for scheduled events) unless the tense says future.
    fn resolve_month_day(&self, month: u8, day: u8) -> Option<Date> {
        let a = self.anchor;
        let cands: Vec<Date> = (a.year() - 1..=a.year() + 1)
            .filter_map(|y| Date::new(y, month, day))
            .collect();
        let limit = a.add_days(7)?;
        if self.past() {
            cands.iter().rev().find(|d| **d <= limit).copied()
        } else {
            cands.iter().find(|d| **d >= a).copied()
        }
    }

    /// First day of the month `month` nearest the anchor in the tense's
    /// direction; `offset` -1/+1 forces strictly before/after the anchor's month.
    fn resolve_month(&self, month: u8, offset: i64) -> Option<Date> {
        let a = self.anchor;
        let this_year = Date::new(a.year(), month, 1)?;
        let am = a.month();
        let year = match offset {
            -1 => {
                if month < am {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            1 => {
                if month > am {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
            _ if self.past() => {
                if month <= am {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            _ => {
                if month >= am {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
        };
        if year == this_year.year() {
            Some(this_year)
        } else {
            Date::new(year, month, 1)
        }
    }

    /// `12/12/2016` (month first unless impossible), `2016-12-12`.
    fn numeric(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if t.class != Class::Number {
            return None;
        }
        if let Some(d) = Date::parse_iso_prefix(&t.lower) {
            if t.lower.len() == 10 {
                return Some(Hit::point(i, i, d, DatePrecision::Day));
            }
        }
        let parts: Vec<&str> = t.lower.split('/').collect();
        let [p, q, y] = parts[..] else { return None };
        let (p, q, y): (u8, u8, i32) = (p.parse().ok()?, q.parse().ok()?, y.parse().ok()?);
        let y = if y < 100 { 2000 + y } else { y };
        let d = if p > 12 {
            Date::new(y, q, p)?
        } else {
            Date::new(y, p, q).or_else(|| Date::new(y, q, p))?
        };
        Some(Hit::point(i, i, d, DatePrecision::Day))
    }

    /// A year after a cue: `in 2015`, `by 2020`, `mid-2015`, `the 2011 uprising`
    /// is not taken (no cue).
    fn year(&self, i: usize) -> Option<Hit> {
        let (first, at) = match self.word(i) {
            "early" | "late" | "mid" => {
                let dash = self.tok(i + 1).is_some_and(|t| t.text == "-");
                (i, i + 1 + usize::from(dash))
            }
            _ => (i, i),
        };
        let t = self.tok(at)?;
        let y = t.number()?;
        if !(1900..=2100).contains(&y) || t.lower.len() != 4 {
            return None;
        }
        if first == at && !self.is_cued(at) {
            return None;
        }
        // `in 2015 people`: a count, not a year. A following noun in the plural
        // is the tell; allow punctuation, verbs and prepositions.
        if let Some(n) = self.tok(at + 1) {
            if n.class == Class::Word
                && !n.is_capitalised()
                && n.lower.ends_with('s')
                && n.lower.len() > 3
                && !matches!(
                    n.lower.as_str(),
                    "was" | "has" | "is" | "as" | "his" | "its" | "this" | "us"
                )
            {
                return None;
            }
        }
        Some(Hit::point(
            first,
            at,
            first_of_year(y as i32)?,
            DatePrecision::Year,
        ))
    }
}
