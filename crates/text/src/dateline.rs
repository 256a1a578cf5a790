//! Wire-service datelines: `BELGRADE, December 12. /TASS/.`,
//! `DAMASCUS (Reuters) -`, `ALEPPO, Syria, Dec 13 (AP) —`, `WASHINGTON —`,
//! `(AFP) -`.
//!
//! A dateline is an ALL-CAPS place (one to four words, three or more letters in
//! all), optionally a title-case region (`, Syria`), optionally a date
//! (`, December 12`, `, Dec. 13, 2016`, `, 12 December`), optionally an agency
//! (`(Reuters)`, `/TASS/`), and a terminator (`-`, `--`, `—`, `–`, `:`, or the
//! period after a date or agency). It is looked for at the start of a paragraph
//! or a line and, within its first [`WINDOW`] bytes, where a capital is glued to a
//! lowercase letter (`blind alleyBELGRADE, December 12.`: a title run into the
//! body by a scraper) or follows a sentence end. At a paragraph or line start the place
//! and a dash suffice; elsewhere a date or an agency is required, so ordinary
//! ALL-CAPS words (`SOHR: Battle`) are not taken for places.

use sitrep_doc::{Date, Dateline, Span};

/// How far into a paragraph a glued or mid-paragraph dateline may start.
pub const WINDOW: usize = 400;

/// The longest word (bytes) of a place or region name.
const MAX_WORD: usize = 40;

/// ALL-CAPS words that open headings, not datelines (`UPDATE -`).
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "EXCLUSIVE",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "PHOTO",
    "PHOTOS",
    "WATCH",
    "READ",
    "NOTE",
    "EDITOR",
    "CORRECTION",
    "ANALYSIS",
    "OPINION",
    "LIVE",
    "FACTBOX",
    "WRAPUP",
    "NEWS",
    "REFILE",
    "URGENT",
    "FLASH",
    "ADVISORY",
    "UPDATE 1",
    "UPDATE 2",
];

/// Finds the first dateline of the document, looking at each paragraph in turn.
///
/// `anchor` (the publish date, or the user's `--date`) supplies the year when the
/// dateline gives only month and day: the year that puts the date nearest at or
/// before the anchor (`Dec 30` with anchor 2017-01-02 is 2016-12-30). Without an
/// anchor such a date is left unresolved (`date: None`, `date_span` set).
pub fn find_dateline(text: &str, paragraphs: &[Span], anchor: Option<Date>) -> Option<Dateline> {
    paragraphs
        .iter()
        .find_map(|&p| find_in_paragraph(text, p, anchor))
}

/// The first dateline in the first [`WINDOW`] bytes of paragraph `p`.
pub fn find_in_paragraph(text: &str, p: Span, anchor: Option<Date>) -> Option<Dateline> {
    let (start, end) = (p.start as usize, (p.end as usize).min(text.len()));
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    if let Some(d) = parse_at(text, start, end, false, anchor) {
        return Some(d);
    }
    let b = text.as_bytes();
    let stop = end.min(start + WINDOW);
    for i in start + 1..stop {
        if !b[i].is_ascii_uppercase() {
            continue;
        }
        // A line start is as good as a paragraph start (`By Tom Perry\nBEIRUT
        // (Reuters) - ...`); elsewhere the dateline must carry a date or agency.
        let line_start = b[i - 1] == b'\n';
        let glued = b[i - 1].is_ascii_lowercase();
        if !(line_start || glued || after_sentence_end(b, start, i)) {
            continue;
        }
        if let Some(d) = parse_at(text, i, end, !line_start, anchor) {
            return Some(d);
        }
    }
    None
}

/// Whether position `i` follows a sentence end: `.`, `!`, `?`, optionally a
/// closing quote, then at least one space.
fn after_sentence_end(b: &[u8], lo: usize, i: usize) -> bool {
    let mut k = i;
    while k > lo && b[k - 1] == b' ' {
        k -= 1;
    }
    if k == i {
        return false;
    }
    // An optional closing quote: straight, or U+201D / U+2019 in UTF-8.
    if k > lo && matches!(b[k - 1], b'"' | b'\'') {
        k -= 1;
    } else if k >= lo + 3 && matches!(&b[k - 3..k], [0xE2, 0x80, 0x9D] | [0xE2, 0x80, 0x99]) {
        k -= 3;
    }
    k > lo && matches!(b[k - 1], b'.' | b'!' | b'?')
}

/// A cursor over the bytes of a candidate dateline.
struct Cur<'a> {
    s: &'a str,
    i: usize,
    end: usize,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> u8 {
        if self.i < self.end {
            self.s.as_bytes()[self.i]
        } else {
            0
        }
    }
    fn peek_at(&self, k: usize) -> u8 {
        if self.i + k < self.end {
            self.s.as_bytes()[self.i + k]
        } else {
            0
        }
    }
    fn rest(&self) -> &'a str {
        self.s.get(self.i..self.end).unwrap_or("")
    }
    fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }
    fn skip_spaces(&mut self) -> usize {
        let from = self.i;
        while matches!(self.peek(), b' ' | b'\t') {
            self.i += 1;
        }
        // NBSP (C2 A0) is common in scraped datelines.
        while self.eat("\u{A0}") || self.eat(" ") {}
        self.i - from
    }
}

fn parse_at(
    text: &str,
    pos: usize,
    end: usize,
    strict: bool,
    anchor: Option<Date>,
) -> Option<Dateline> {
    let mut c = Cur {
        s: text,
        i: pos,
        end,
    };
    let mut dl = Dateline::default();

    if c.peek() == b'(' {
        // Agency only: `(AFP) -`, at a paragraph start.
        if strict {
            return None;
        }
        let (agency, span) = agency(&mut c)?;
        c.skip_spaces();
        let term = terminator(&mut c)?;
        if !term.dash {
            return None;
        }
        dl.agency = Some(agency);
        dl.agency_span = Some(span);
        dl.span = Span::new(pos, term.end);
        return Some(dl);
    }

    let place_end = place(&mut c)?;
    let place_text = &text[pos..place_end];
    if NOT_PLACES.contains(&place_text) {
        return None;
    }
    let mut place_name = title_case(place_text);
    let mut place_span = Span::new(pos, place_end);
    let mut last = place_end;

    // `, Region` (title case, not a month), then `,` or an agency or a dash.
    let save = c.i;
    if c.eat(", ") {
        if let Some(r_end) = region(&mut c) {
            place_name.push_str(", ");
            place_name.push_str(&text[save + 2..r_end]);
            place_span = Span::new(pos, r_end);
            last = r_end;
        } else {
            c.i = save;
        }
    }

    // `, December 12` / `, Dec. 13, 2016` / `, 12 December`.
    let save = c.i;
    let mut has_date = false;
    if c.eat(", ") {
        c.skip_spaces();
        let d_start = c.i;
        if let Some((month, day, year)) = date(&mut c) {
            has_date = true;
            dl.date_span = Some(Span::new(d_start, c.i));
            dl.date = resolve(month, day, year, anchor);
            last = c.i;
        } else {
            c.i = save;
        }
    }

    // An optional period, then the agency: `December 12. /TASS/.` or `(Reuters)`.
    let save = c.i;
    let dot = c.eat(".");
    c.skip_spaces();
    let mut has_agency = false;
    if let Some((agency, span)) = agency(&mut c) {
        has_agency = true;
        dl.agency = Some(agency);
        dl.agency_span = Some(span);
        last = c.i;
    } else if dot && has_date {
        // `BELGRADE, December 12. US proposals`: the period closes the dateline.
        c.i = save + 1;
        last = c.i;
    } else {
        c.i = save;
    }

    c.skip_spaces();
    let term = terminator(&mut c);
    let dash = term.as_ref().is_some_and(|t| t.dash);
    if let Some(t) = &term {
        last = t.end;
    }
    let ok = has_date || has_agency || (dash && !strict);
    if !ok {
        return None;
    }
    // A dateline heads text; it is never the whole paragraph.
    let rest = text.get(last..end).unwrap_or("");
    if rest.trim().is_empty() {
        return None;
    }
    dl.span = Span::new(pos, last);
    dl.place = Some(place_name);
    dl.place_span = Some(place_span);
    Some(dl)
}

/// An ALL-CAPS place of one to four words with three or more letters in all;
/// returns its end. The word must not run on into lowercase (`SOHR’s`).
fn place(c: &mut Cur<'_>) -> Option<usize> {
    let mut letters = 0;
    let mut end = None;
    for _ in 0..4 {
        let w_start = c.i;
        let mut w_letters = 0;
        for ch in c.rest().chars() {
            if c.i - w_start > MAX_WORD {
                // No place name is this long: stop scanning (keeps this O(1)).
                return None;
            }
            if ch.is_alphabetic() && ch.is_uppercase() {
                w_letters += 1;
            } else if !matches!(ch, '.' | '-' | '\'' | '’') {
                break;
            }
            c.i += ch.len_utf8();
        }
        // Whatever follows the word must not continue it.
        let next = c.rest().chars().next();
        if w_letters < 2 || next.is_some_and(|n| n.is_alphanumeric()) {
            c.i = w_start;
            break;
        }
        letters += w_letters;
        // Trailing hyphens/apostrophes belong to what follows, not the place.
        let mut e = c.i;
        while e > w_start && matches!(c.s.as_bytes()[e - 1], b'-' | b'\'') {
            e -= 1;
        }
        c.i = e;
        end = Some(e);
        // Another ALL-CAPS word may follow after one space (`NEW YORK`).
        let save = c.i;
        if !(c.eat(" ") && c.peek().is_ascii_uppercase() && c.peek_at(1).is_ascii_uppercase()) {
            c.i = save;
            break;
        }
    }
    let end = end?;
    c.i = end;
    (letters >= 3).then_some(end)
}

/// A title-case region after the place (`Syria`, `Calif.`, `Northern Ireland`),
/// which must be followed by `,`, an agency or a dash. Returns its end.
fn region(c: &mut Cur<'_>) -> Option<usize> {
    let start = c.i;
    let mut end = None;
    for _ in 0..3 {
        let w = c.i;
        let mut chars = c.rest().chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            break;
        }
        let mut n = first.len_utf8();
        for ch in chars {
            if n > MAX_WORD {
                return None;
            }
            if ch.is_alphabetic() && ch.is_lowercase() || ch == '.' {
                n += ch.len_utf8();
            } else {
                break;
            }
        }
        if n < 2 {
            break;
        }
        let word = &c.s[w..w + n];
        if month_number(word.trim_end_matches('.')).is_some() {
            break;
        }
        c.i = w + n;
        end = Some(c.i);
        if !(c.peek() == b' '
            && c.peek_at(1).is_ascii_uppercase()
            && c.peek_at(2).is_ascii_lowercase())
        {
            break;
        }
        c.i += 1;
    }
    let end = end?;
    c.i = end;
    let r = c.rest();
    let follows = r.starts_with(',')
        || r.starts_with(" (")
        || r.starts_with(" -")
        || r.starts_with(" —")
        || r.starts_with(" –");
    if follows && end > start {
        Some(end)
    } else {
        c.i = start;
        None
    }
}

/// Month and day, optionally with a year: `December 12`, `Dec. 12, 2016`,
/// `12 December`.
fn date(c: &mut Cur<'_>) -> Option<(u8, u8, Option<i32>)> {
    let start = c.i;
    let result = (|| {
        if c.peek().is_ascii_digit() {
            let day = number(c, 2)?;
            if !c.eat(" ") {
                return None;
            }
            let month = month_word(c)?;
            let year = year(c);
            return Some((month, day as u8, year));
        }
        let month = month_word(c)?;
        c.eat(".");
        if !c.eat(" ") {
            return None;
        }
        let day = number(c, 2)?;
        let year = year(c);
        Some((month, day as u8, year))
    })();
    if result.is_none() {
        c.i = start;
    }
    result
}

fn year(c: &mut Cur<'_>) -> Option<i32> {
    let save = c.i;
    if c.eat(", ") || c.eat(" ") {
        if let Some(y) = number(c, 4) {
            if y >= 1000 {
                return Some(y as i32);
            }
        }
    }
    c.i = save;
    None
}

/// Up to `max` ASCII digits, not followed by another digit.
fn number(c: &mut Cur<'_>, max: usize) -> Option<u32> {
    let start = c.i;
    let mut v = 0u32;
    while c.peek().is_ascii_digit() && c.i - start < max {
        v = v * 10 + u32::from(c.peek() - b'0');
        c.i += 1;
    }
    if c.i == start || c.peek().is_ascii_digit() {
        c.i = start;
        return None;
    }
    Some(v)
}

fn month_word(c: &mut Cur<'_>) -> Option<u8> {
    let r = c.rest();
    let n = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    let m = month_number(&r[..n])?;
    c.i += n;
    Some(m)
}

/// `December`, `Dec`, `DEC`, `Sept` → 12, 12, 12, 9. The first letter must be a
/// capital.
fn month_number(w: &str) -> Option<u8> {
    if w.len() < 3 || !w.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    sitrep_doc::MONTH_NAMES
        .iter()
        .position(|m| {
            *m == lower
                || (lower.len() == 3 && m.starts_with(&lower))
                || (lower == "sept" && *m == "september")
        })
        .map(|i| i as u8 + 1)
}

/// `(Reuters)`, `(AP)`, `(RIA Novosti)` or `/TASS/`; returns the agency name and
/// its span (without the brackets or slashes).
fn agency(c: &mut Cur<'_>) -> Option<(String, Span)> {
    let start = c.i;
    let (close, max) = match c.peek() {
        b'(' => (b')', 40),
        b'/' => (b'/', 20),
        _ => return None,
    };
    let r = c.rest();
    let inner_len = r.as_bytes()[1..]
        .iter()
        .take(max + 1)
        .position(|&b| b == close)?;
    let inner = &r[1..1 + inner_len];
    let valid = inner.len() >= 2
        && inner.as_bytes()[0].is_ascii_uppercase()
        && inner
            .chars()
            .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | '-' | '&' | '.' | '\''));
    if !valid {
        c.i = start;
        return None;
    }
    c.i = start + 1 + inner_len + 1;
    Some((
        inner.to_string(),
        Span::new(start + 1, start + 1 + inner_len),
    ))
}

struct Terminator {
    end: usize,
    dash: bool,
}

/// `-`, `--`, `—`, `–`, `:` or `.` ending the dateline.
fn terminator(c: &mut Cur<'_>) -> Option<Terminator> {
    for (lit, dash) in [
        ("--", true),
        ("—", true),
        ("–", true),
        ("-", true),
        (":", false),
        (".", false),
    ] {
        if c.eat(lit) {
            // A hyphen glued to a word (`AL-BAB`) is not a terminator.
            if lit == "-" && c.peek().is_ascii_alphanumeric() {
                c.i -= 1;
                return None;
            }
            return Some(Terminator { end: c.i, dash });
        }
    }
    None
}

/// The year putting `month`/`day` nearest at or before `anchor`.
fn resolve(month: u8, day: u8, year: Option<i32>, anchor: Option<Date>) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, month, day);
    }
    let anchor = anchor?;
    // Feb 29 may need to go back up to eight years to find a leap year.
    (0..9).find_map(|back| Date::new(anchor.year() - back, month, day).filter(|d| *d <= anchor))
}

/// `BELGRADE` → `Belgrade`, `NEW YORK` → `New York`, `AL-BAB` → `Al-Bab`.
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for ch in s.chars() {
        if prev_letter {
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
        prev_letter = ch.is_alphabetic() || (prev_letter && matches!(ch, '\'' | '’'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, anchor: Option<Date>) -> Option<Dateline> {
        let p = crate::paragraphs(text);
        find_dateline(text, &p, anchor)
    }

    fn parts(text: &str, d: &Dateline) -> (String, Option<String>, Option<String>, Option<String>) {
        (
            d.span.slice(text).to_string(),
            d.place.clone(),
            d.date.map(|d| d.to_string()),
            d.agency.clone(),
        )
    }

    #[test]
    fn forms() {
        let a = Date::new(2016, 12, 12);
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            (
                "BELGRADE, December 12. /TASS/. US proposals",
                "BELGRADE, December 12. /TASS/.",
                Some("Belgrade"),
                Some("2016-12-12"),
                Some("TASS"),
            ),
            (
                "DAMASCUS (Reuters) - Syrian troops",
                "DAMASCUS (Reuters) -",
                Some("Damascus"),
                None,
                Some("Reuters"),
            ),
            (
                "ALEPPO, Syria, Dec 13 (AP) — Rebels",
                "ALEPPO, Syria, Dec 13 (AP) —",
                Some("Aleppo, Syria"),
                Some("2015-12-13"),
                Some("AP"),
            ),
            (
                "BEIRUT, Dec 12 (Reuters) - The",
                "BEIRUT, Dec 12 (Reuters) -",
                Some("Beirut"),
                Some("2016-12-12"),
                Some("Reuters"),
            ),
            (
                "MOSCOW, December 12 (RIA Novosti) Lavrov said",
                "MOSCOW, December 12 (RIA Novosti)",
                Some("Moscow"),
                Some("2016-12-12"),
                Some("RIA Novosti"),
            ),
            (
                "WASHINGTON — The",
                "WASHINGTON —",
                Some("Washington"),
                None,
                None,
            ),
            ("(AFP) - Clashes", "(AFP) -", None, None, Some("AFP")),
            (
                "NEW YORK, Dec. 1, 2015 -- Shares",
                "NEW YORK, Dec. 1, 2015 --",
                Some("New York"),
                Some("2015-12-01"),
                None,
            ),
            (
                "AL-BAB, 3 December: Fighting",
                "AL-BAB, 3 December:",
                Some("Al-Bab"),
                Some("2016-12-03"),
                None,
            ),
        ];
        for &(text, span, place, date, agency) in cases {
            let d = find(text, a).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(
                parts(text, &d),
                (
                    span.to_string(),
                    place.map(String::from),
                    date.map(String::from),
                    agency.map(String::from)
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn glued_and_after_sentence() {
        let text =
            "Lavrov :US proposals lead up blind alleyBELGRADE, December 12. /TASS/. US proposals";
        let d = find(text, Date::new(2016, 12, 12)).unwrap();
        assert_eq!(d.span.slice(text), "BELGRADE, December 12. /TASS/.");
        assert_eq!(d.place_span.map(|s| s.slice(text)), Some("BELGRADE"));
        assert_eq!(d.date_span.map(|s| s.slice(text)), Some("December 12"));
        assert_eq!(d.agency_span.map(|s| s.slice(text)), Some("TASS"));
        let text = "By Tom Perry\nWASHINGTON — The senate";
        assert_eq!(
            find(text, None)
                .map(|d| d.span.slice(text).to_string())
                .as_deref(),
            Some("WASHINGTON —")
        );
        let text = "Breaking news. BEIRUT, Dec 12 (Reuters) - The";
        assert_eq!(
            find(text, None)
                .map(|d| d.span.slice(text).to_string())
                .as_deref(),
            Some("BEIRUT, Dec 12 (Reuters) -")
        );
    }

    #[test]
    fn year_resolution() {
        let d = find("KABUL, Dec 30 - Text", Date::new(2017, 1, 2)).unwrap();
        assert_eq!(d.date, Date::new(2016, 12, 30));
        let d = find("KABUL, Jan 2 - Text", Date::new(2017, 1, 2)).unwrap();
        assert_eq!(d.date, Date::new(2017, 1, 2));
        let d = find("KABUL, Feb 29 - Text", Date::new(2017, 3, 1)).unwrap();
        assert_eq!(d.date, Date::new(2016, 2, 29));
        let d = find("KABUL, Dec 30 - Text", None).unwrap();
        assert_eq!(d.date, None);
        assert!(d.date_span.is_some());
    }

    #[test]
    fn not_datelines() {
        for text in [
            "SOHR: Battle for Aleppo Ended?",
            "The US said NATO troops - not all - left.",
            "UPDATE - More text",
            "US proposals to declare pauses",
            "He said.SOHR: Battle",
            "BELGRADE",
            "WASHINGTON —",
            "the NATO (Reuters) thing",
        ] {
            assert!(find(text, Date::new(2016, 12, 12)).is_none(), "{text:?}");
        }
    }
}
