//! Publication dates in the shapes news metadata uses.

use sitrep_doc::Date;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month a word names (`Dec`, `December`, `Sept`), 1-based.
fn month(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    // "mayor" or "decade" are not months: accept abbreviations and full names only.
    let ok = w.len() == 3 || sitrep_doc::MONTH_NAMES[i] == w || (i == 8 && w == "sept");
    ok.then_some(i as u8 + 1)
}

/// A day-of-month token, allowing ordinal suffixes (`12`, `12th`, `1st`).
fn day(tok: &str) -> Option<u8> {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &tok[digits.len()..].to_ascii_lowercase();
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix.as_str())) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Parses a publication date: ISO 8601 (`2016-12-12`, `2016-12-12T10:00:00Z`),
/// `2016/12/12`, RFC 2822 (`Mon, 12 Dec 2016 10:00:00 GMT`), `December 12, 2016`,
/// `12 December 2016`, `Dec. 12th 2016`. Returns `None` for anything else; all-numeric
/// day/month orders (`12/11/2016`) are ambiguous and deliberately refused.
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = Date::parse_iso_prefix(s) {
        return Some(d);
    }
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'/' && b[7] == b'/' {
        let iso = format!("{}-{}-{}", &s[0..4], &s[5..7], &s[8..10]);
        if let Some(d) = Date::parse_iso_prefix(&iso) {
            return Some(d);
        }
    }
    let toks: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let mi = toks.iter().position(|t| month(t).is_some())?;
    let m = month(toks[mi])?;
    // The day sits right after the month ("December 12") or right before ("12 Dec").
    let d = toks
        .get(mi + 1)
        .and_then(|t| day(t))
        .or_else(|| mi.checked_sub(1).and_then(|i| day(toks[i])))?;
    let y = toks
        .iter()
        .find(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))?;
    Date::new(y.parse().ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_formats() {
        let want = Date::new(2016, 12, 12);
        for s in [
            "2016-12-12",
            "2016-12-12T10:31:00+03:00",
            "2016/12/12",
            "Mon, 12 Dec 2016 10:00:00 GMT",
            "December 12, 2016",
            "12 December 2016",
            "Dec. 12th, 2016 at 10:00",
            "Monday 12 december 2016",
        ] {
            assert_eq!(parse_published(s), want, "{s}");
        }
        for s in [
            "",
            "yesterday",
            "12/12/2016",
            "May 2016",
            "Feb 30, 2016",
            "mayor 12 2016",
        ] {
            assert_eq!(parse_published(s), None, "{s}");
        }
    }
}
