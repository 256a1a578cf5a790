//! Count phrases: a number with its qualifier (`at least 112`, `dozens`,
//! `twenty-three`, `1,200`, `3 million`, `a family of five`).
//!
//! Conventions (also documented on [`sitrep_doc::casualties::Count`]):
//! open lower bounds (`at least`, `more than`, `over`) have no `max`; `up to N`
//! is `0..=N`; hedges (`about`, `nearly`, `some`, `an estimated`) keep `N..=N`
//! with `approx`; vague plurals are approximate lower bounds (`dozens` 24,
//! `scores` 40, `hundreds` 200, `thousands` 2000, `tens of thousands` 20000,
//! `several` 3, `a few` 2), `a dozen` is 12 approx.

use crate::lexicon::{multiplier, small_number};
use crate::tok::word;
use sitrep_doc::casualties::Count;
use sitrep_doc::Doc;

enum Qualifier {
    Exact,
    AtLeast,
    UpTo,
    About,
}

/// The count phrase starting at token `i`: the count and the index one past
/// its last token. `None` if `i` does not start a count.
pub fn count_at(doc: &Doc, i: usize, end: usize) -> Option<(Count, usize)> {
    let w = |k: usize| {
        if k < end {
            word(doc, k).to_ascii_lowercase()
        } else {
            String::new()
        }
    };
    let (q, mut j) = match (w(i).as_str(), w(i + 1).as_str()) {
        ("at", "least") | ("more", "than") | ("upwards", "of") => (Qualifier::AtLeast, i + 2),
        ("over", _) => (Qualifier::AtLeast, i + 1),
        ("up", "to") | ("as", "many") => {
            (Qualifier::UpTo, if w(i) == "as" { i + 3 } else { i + 2 })
        }
        ("nearly" | "almost" | "about" | "around" | "some" | "roughly" | "approximately", _) => {
            (Qualifier::About, i + 1)
        }
        ("an", "estimated") => (Qualifier::About, i + 2),
        _ => (Qualifier::Exact, i),
    };
    // `a family of five`
    if w(j) == "a" && w(j + 1) == "family" && w(j + 2) == "of" {
        j += 3;
    }
    let (n, approx_vague, mut open, mut next) = number(doc, j, end)?;
    // `107 or more`, `50-plus`
    if matches!(
        (w(next).as_str(), w(next + 1).as_str()),
        ("or", "more") | ("-", "plus")
    ) {
        open = true;
        next += 2;
    }
    let count = match q {
        Qualifier::Exact if open => Count {
            min: n,
            max: None,
            approx: approx_vague,
        },
        Qualifier::Exact => Count {
            min: n,
            max: Some(n),
            approx: approx_vague,
        },
        Qualifier::AtLeast => Count {
            min: n,
            max: None,
            approx: approx_vague,
        },
        Qualifier::UpTo => Count {
            min: 0,
            max: Some(n),
            approx: approx_vague,
        },
        Qualifier::About => Count {
            min: n,
            max: Some(n),
            approx: true,
        },
    };
    Some((count, next))
}

/// A bare number at `j`: `(value, vague, open-ended, next index)`.
fn number(doc: &Doc, j: usize, end: usize) -> Option<(u64, bool, bool, usize)> {
    let w = |k: usize| {
        if k < end {
            word(doc, k).to_ascii_lowercase()
        } else {
            String::new()
        }
    };
    let first = w(j);
    let vague = match first.as_str() {
        "dozens" => Some(24),
        "scores" => Some(40),
        "hundreds" => Some(200),
        "thousands" => Some(2000),
        "millions" => Some(2_000_000),
        "several" => Some(3),
        "tens" if w(j + 1) == "of" && w(j + 2) == "thousands" => {
            return Some((20_000, true, true, j + 3));
        }
        "a" if w(j + 1) == "few" => return Some((2, true, true, j + 2)),
        "a" if w(j + 1) == "dozen" => return Some((12, true, false, j + 2)),
        _ => None,
    };
    if let Some(v) = vague {
        // `dozens of`: the `of` belongs to the count.
        let next = if w(j + 1) == "of" { j + 2 } else { j + 1 };
        return Some((v, true, true, next));
    }
    if let Some(v) = decimal_million(&first, &w(j + 1)) {
        return Some((v, false, false, j + 2));
    }
    let (mut value, mut k) = if let Some(v) = digits(&first) {
        (v, j + 1)
    } else if let Some(v) = word_number(&first) {
        (v, j + 1)
    } else if let Some(v) = small_number(&first).filter(|_| !matches!(first.as_str(), "a" | "an")) {
        // `twenty - three` split by the tokenizer.
        if (20..100).contains(&v) && w(j + 1) == "-" {
            if let Some(u) = small_number(&w(j + 2)).filter(|u| *u < 10) {
                (v + u, j + 3)
            } else {
                (v, j + 1)
            }
        } else {
            (v, j + 1)
        }
    } else if matches!(first.as_str(), "a" | "one") && multiplier(&w(j + 1)).is_some() {
        (1, j + 1)
    } else {
        return None;
    };
    // `3 million`, `two hundred`, `1.5 million`
    while let Some(m) = multiplier(&w(k)) {
        value = value.saturating_mul(m);
        k += 1;
    }
    Some((value, false, false, k))
}

/// `1,200` → 1200; rejects years-looking tokens only when followed by nothing
/// countable (the caller checks the casualty word).
fn digits(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    s.replace(',', "").parse().ok()
}

/// `1.5` followed by `million` → 1 500 000.
fn decimal_million(s: &str, next: &str) -> Option<u64> {
    let (a, b) = s.split_once('.')?;
    let m = multiplier(next)?;
    let whole: u64 = a.parse().ok()?;
    let frac: u64 = b.parse().ok()?;
    let scale = 10u64.checked_pow(u32::try_from(b.len()).ok()?)?;
    Some(
        whole
            .saturating_mul(m)
            .saturating_add(frac.saturating_mul(m) / scale),
    )
}

/// One-token compounds such as `twenty-three`.
fn word_number(s: &str) -> Option<u64> {
    let (a, b) = s.split_once('-')?;
    let tens = small_number(a).filter(|v| (20..100).contains(v) && v % 10 == 0)?;
    let units = small_number(b).filter(|v| (1..10).contains(v))?;
    Some(tens + units)
}

#[cfg(test)]
mod tests {
    use super::*;

    use sitrep_doc::{Span, Token};

    /// A document of whitespace-separated, untagged tokens.
    fn doc_of(text: &str) -> Doc {
        let mut d = Doc::from_text(text);
        let mut at = 0;
        for w in text.split(' ') {
            d.tokens.push(Token::new(Span::new(at, at + w.len())));
            at += w.len() + 1;
        }
        d
    }

    fn count(text: &str) -> Option<(u64, Option<u64>, bool)> {
        let d = doc_of(text);
        count_at(&d, 0, d.tokens.len()).map(|(c, _)| (c.min, c.max, c.approx))
    }

    #[test]
    fn qualifiers_and_words() {
        assert_eq!(count("at least 112"), Some((112, None, false)));
        assert_eq!(count("107 or more"), Some((107, None, false)));
        assert_eq!(count("up to 30"), Some((0, Some(30), false)));
        assert_eq!(count("nearly 50"), Some((50, Some(50), true)));
        assert_eq!(count("dozens of"), Some((24, None, true)));
        assert_eq!(count("tens of thousands"), Some((20_000, None, true)));
        assert_eq!(count("a family of five"), Some((5, Some(5), false)));
        assert_eq!(count("twenty - three"), Some((23, Some(23), false)));
        assert_eq!(count("Twenty-three"), Some((23, Some(23), false)));
        assert_eq!(
            count("3 million"),
            Some((3_000_000, Some(3_000_000), false))
        );
        assert_eq!(
            count("1.5 million"),
            Some((1_500_000, Some(1_500_000), false))
        );
        assert_eq!(count("1,200"), Some((1200, Some(1200), false)));
        assert_eq!(count("a dozen"), Some((12, Some(12), true)));
        assert_eq!(count("the"), None);
        assert_eq!(count("99999999999999999999999"), None);
    }

    #[test]
    fn compounds_and_decimals() {
        assert_eq!(word_number("twenty-three"), Some(23));
        assert_eq!(word_number("twenty-"), None);
        assert_eq!(digits("1,200"), Some(1200));
        assert_eq!(digits("12a"), None);
        assert_eq!(decimal_million("1.5", "million"), Some(1_500_000));
    }
}
