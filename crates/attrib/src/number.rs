//! Count phrases: a number with its qualifier (`at least 112`, `dozens`,
//! `twenty-three`, `1,200`, `3 million`, `a family of five`, `between 20 and
//! 30`, `hundreds of thousands`).
//!
//! Conventions (also documented on [`sitrep_doc::casualties::Count`]):
//! open lower bounds (`at least`, `more than`, `over`) have no `max`; `up to N`,
//! `fewer than N` are `0..=N`; hedges (`about`, `nearly`, `some`, `an
//! estimated`) keep `N..=N` with `approx`; vague plurals are approximate lower
//! bounds (`dozens` 24, `scores` 40, `hundreds` 200, `thousands` 2000,
//! `several` 3, `a few` 2) and multiply what they quantify (`hundreds of
//! thousands` 200000, `tens of thousands` 20000, `several hundred` 300); `a
//! dozen` is 12 approx, `half a dozen` 6 approx; ranges (`between 20 and 30`,
//! `15 to 20`, `40-50`, `two or three`) are `min..=max`.
//!
//! Arithmetic is checked: a number past [`MAX_COUNT`] (`10^30` written out,
//! `twelve hundred thousand million billion`) is [`Parsed::TooLarge`], never a
//! saturated `u64::MAX`. Each call reads a bounded window of tokens and
//! allocates nothing.

use crate::lexicon::{multiplier, small_number};
use crate::tok::{word, Lower};
use sitrep_doc::casualties::{Count, MAX_COUNT};
use sitrep_doc::Doc;

/// What a count phrase reads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsed {
    /// A count and the index one past its last token.
    Count(Count, usize),
    /// A number larger than [`MAX_COUNT`] (or than `u64` holds): no count; the
    /// index one past its last token, so the caller can skip it and report it.
    TooLarge(usize),
}

enum Qualifier {
    Exact,
    AtLeast,
    UpTo,
    About,
    Between,
}

/// A bare number: its value, whether it is a vague word (`dozens`), whether
/// it is open-ended (`dozens`, `107 or more`), the upper end when the token
/// itself is a range (`40-50`), and the index past it.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: u64,
    vague: bool,
    open: bool,
    max: Option<u64>,
    next: usize,
}

impl Num {
    fn exact(value: u64, next: usize) -> Num {
        Num {
            value,
            vague: false,
            open: false,
            max: None,
            next,
        }
    }
}

/// A bare number, or `Err(next)` for a number too large to be a count.
type NumResult = Result<Num, usize>;

/// Case-insensitive comparison of token `k` with `s`, `false` past `end`.
fn is(doc: &Doc, k: usize, end: usize, s: &str) -> bool {
    k < end && word(doc, k).eq_ignore_ascii_case(s)
}

/// Token `k` as written, `""` past `end`.
fn at(doc: &Doc, k: usize, end: usize) -> &str {
    if k < end {
        word(doc, k)
    } else {
        ""
    }
}

/// The count phrase starting at token `i`, or `None` if `i` starts no number.
pub fn count_at(doc: &Doc, i: usize, end: usize) -> Option<Parsed> {
    let w = |k: usize, s: &str| is(doc, k, end, s);
    let (q, mut j) = if (w(i, "at") && w(i + 1, "least"))
        || (w(i, "more") && w(i + 1, "than"))
        || (w(i, "upwards") && w(i + 1, "of"))
    {
        (Qualifier::AtLeast, i + 2)
    } else if w(i, "over") {
        (Qualifier::AtLeast, i + 1)
    } else if (w(i, "up") && w(i + 1, "to"))
        || ((w(i, "fewer") || w(i, "less")) && w(i + 1, "than"))
        || (w(i, "at") && w(i + 1, "most"))
    {
        (Qualifier::UpTo, i + 2)
    } else if w(i, "as") && w(i + 1, "many") && w(i + 2, "as") {
        (Qualifier::UpTo, i + 3)
    } else if [
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
    ]
    .iter()
    .any(|h| w(i, h))
    {
        (Qualifier::About, i + 1)
    } else if w(i, "an") && w(i + 1, "estimated") {
        (Qualifier::About, i + 2)
    } else if w(i, "between") {
        (Qualifier::Between, i + 1)
    } else {
        (Qualifier::Exact, i)
    };
    // `a family of five`
    if w(j, "a") && w(j + 1, "family") && w(j + 2, "of") {
        j += 3;
    }
    let n = match number(doc, j, end)? {
        Ok(n) => n,
        Err(next) => return Some(Parsed::TooLarge(next)),
    };
    let mut next = n.next;
    let mut open = n.open;
    // `107 or more`, `50-plus`
    if (w(next, "or") && w(next + 1, "more")) || (w(next, "-") && w(next + 1, "plus")) {
        open = true;
        next += 2;
    }
    // The upper end of a range: `between 20 and 30`, `15 to 20`, `40 - 50`,
    // `two or three`. Only an exact first number starts one, and the second
    // must be larger (`52 to 48` is a score, not a range).
    let mut max = n.max;
    if max.is_none() && !n.vague && !open {
        let joiner = match q {
            Qualifier::Between => w(next, "and"),
            _ => w(next, "to") || w(next, "-") || w(next, "–") || w(next, "or"),
        };
        if joiner {
            match number(doc, next + 1, end) {
                Some(Ok(m)) if !m.vague && m.max.is_none() && m.value > n.value => {
                    max = Some(m.value);
                    next = m.next;
                }
                Some(Err(past)) => return Some(Parsed::TooLarge(past)),
                _ => {}
            }
        }
    }
    let approx = n.vague || matches!(q, Qualifier::About);
    let count = match (q, max) {
        // `between` with no `and N` is no count (`between the two towns`).
        (Qualifier::Between, None) => return None,
        (Qualifier::UpTo, _) => Count {
            min: 0,
            max: Some(max.unwrap_or(n.value)),
            approx,
        },
        (_, Some(m)) => Count {
            min: n.value,
            max: Some(m),
            approx,
        },
        (Qualifier::AtLeast, None) => Count {
            min: n.value,
            max: None,
            approx,
        },
        (Qualifier::About | Qualifier::Exact, None) => Count {
            min: n.value,
            max: if open { None } else { Some(n.value) },
            approx,
        },
    };
    Some(Parsed::Count(count, next))
}

/// Vague quantity words and their conventional value.
fn vague_value(w: &str) -> Option<u64> {
    Some(match Lower::new(w).as_str() {
        "tens" => 20,
        "dozens" => 24,
        "scores" => 40,
        "hundreds" => 200,
        "thousands" => 2_000,
        "millions" => 2_000_000,
        _ => return None,
    })
}

/// Plural multipliers a vague word can scale (`hundreds of thousands`).
fn plural_multiplier(w: &str) -> Option<u64> {
    Some(match Lower::new(w).as_str() {
        "thousands" => 1_000,
        "millions" => 1_000_000,
        "billions" => 1_000_000_000,
        _ => return None,
    })
}

/// `Ok(v)` if `v` is a possible count, else `Err(next)`.
fn bounded(v: Option<u64>, next: usize) -> Result<u64, usize> {
    v.filter(|&v| v <= MAX_COUNT).ok_or(next)
}

/// How many tokens a number phrase may span: `one hundred and twenty-five
/// thousand three hundred` is 8; reading stops after this many either way.
const MAX_NUMBER_TOKENS: usize = 12;

/// A bare number at `j`, or `None` if `j` starts none.
fn number(doc: &Doc, j: usize, end: usize) -> Option<NumResult> {
    let w = |k: usize, s: &str| is(doc, k, end, s);
    let first = at(doc, j, end);
    let vague = |value: Option<u64>, open: bool, next: usize| {
        Some(bounded(value, next).map(|value| Num {
            vague: true,
            open,
            ..Num::exact(value, next)
        }))
    };
    // `several`, `a few`, and with a multiplier `several hundred`, `a few
    // thousand`.
    let few = if first.eq_ignore_ascii_case("several") {
        Some((3u64, j + 1))
    } else if w(j, "a") && w(j + 1, "few") {
        Some((2, j + 2))
    } else {
        None
    };
    if let Some((base, k)) = few {
        return match multiplier(at(doc, k, end)) {
            Some(m) => vague(
                base.checked_mul(m),
                true,
                k + 1 + usize::from(w(k + 1, "of")),
            ),
            None => vague(Some(base), true, k),
        };
    }
    if w(j, "half") && w(j + 1, "a") && w(j + 2, "dozen") {
        return vague(Some(6), false, j + 3);
    }
    if w(j, "a") && w(j + 1, "dozen") {
        return vague(Some(12), false, j + 2);
    }
    if let Some(base) = vague_value(first) {
        // `tens` is a count only as `tens of ...`.
        if first.eq_ignore_ascii_case("tens") && !w(j + 1, "of") {
            return None;
        }
        // `hundreds of thousands`: the vague word scales the plural multiplier.
        let mut value = Some(base);
        let mut k = j + 1;
        while w(k, "of") && k < j + MAX_NUMBER_TOKENS {
            let Some(m) = plural_multiplier(at(doc, k + 1, end)) else {
                break;
            };
            value = value.and_then(|v| v.checked_mul(m));
            k += 2;
        }
        // `dozens of`: the `of` belongs to the count.
        let next = k + usize::from(w(k, "of"));
        return vague(value, true, next);
    }
    if let Some(v) = decimal_multiple(first, at(doc, j + 1, end)) {
        return Some(bounded(v, j + 2).map(|value| Num::exact(value, j + 2)));
    }
    if let Some(d) = digits(first) {
        return Some(match d {
            Digits::Value(v) => {
                // `10 ^ 30`
                if w(j + 1, "^") {
                    if let Some(Digits::Value(e)) = digits(at(doc, j + 2, end)) {
                        let p = u32::try_from(e).ok().and_then(|e| v.checked_pow(e));
                        return Some(bounded(p, j + 3).map(|value| Num::exact(value, j + 3)));
                    }
                }
                words_after(doc, Some(v), j + 1, end)
            }
            Digits::Overflow => Err(j + 1),
            Digits::Range(a, b) => bounded(Some(b), j + 1).map(|b| Num {
                max: Some(b),
                ..Num::exact(a, j + 1)
            }),
        });
    }
    // Number words: `one hundred and twenty`, `twenty - three`, `a thousand`.
    let (value, k) = if let Some(v) = unit_word(doc, j, end) {
        v
    } else if (w(j, "a") || w(j, "one")) && multiplier(at(doc, j + 1, end)).is_some() {
        (1, j + 1)
    } else {
        return None;
    };
    Some(words_after(doc, Some(value), k, end))
}

/// A number word below a hundred at `j`: `seven`, `twenty-three`, the
/// tokenizer's `twenty - three`; `(value, next)`. `a`/`an` are not numbers
/// here (`a man`).
fn unit_word(doc: &Doc, j: usize, end: usize) -> Option<(u64, usize)> {
    let first = at(doc, j, end);
    if let Some(v) = word_number(first) {
        return Some((v, j + 1));
    }
    let v = small_number(first)
        .filter(|_| !first.eq_ignore_ascii_case("a") && !first.eq_ignore_ascii_case("an"))?;
    if (20..100).contains(&v) && v % 10 == 0 && is(doc, j + 1, end, "-") {
        if let Some(u) = small_number(at(doc, j + 2, end)).filter(|u| (1..10).contains(u)) {
            return Some((v + u, j + 3));
        }
    }
    Some((v, j + 1))
}

/// The rest of a number after its first part `value` (token `k` on):
/// multipliers and the number words between them (`3 million`, `two hundred
/// and five`, `two thousand five hundred`). Checked arithmetic: an overflow or
/// a value past [`MAX_COUNT`] is `Err(next)`.
fn words_after(doc: &Doc, value: Option<u64>, mut k: usize, end: usize) -> NumResult {
    let limit = k + MAX_NUMBER_TOKENS;
    let mut total = Some(0u64);
    let mut group = value;
    // The last token read was a multiplier (and whether it was above 100).
    let mut after_multiplier = None;
    while k < limit {
        if let Some(m) = multiplier(at(doc, k, end)) {
            if m == 100 {
                group = group.and_then(|g| g.checked_mul(m));
            } else if group == Some(0) && after_multiplier == Some(true) {
                // `thousand million`: scales everything so far.
                total = total.and_then(|t| t.checked_mul(m));
            } else {
                let add = group.and_then(|g| g.checked_mul(m));
                total = total.zip(add).and_then(|(t, a)| t.checked_add(a));
                group = Some(0);
            }
            after_multiplier = Some(m > 100);
            k += 1;
            continue;
        }
        if after_multiplier.is_some() {
            let p = k + usize::from(is(doc, k, end, "and"));
            if let Some((v, next)) = unit_word(doc, p, end) {
                group = group.and_then(|g| g.checked_add(v));
                after_multiplier = None;
                k = next;
                continue;
            }
        }
        break;
    }
    let value = total.zip(group).and_then(|(t, g)| t.checked_add(g));
    bounded(value, k).map(|v| Num::exact(v, k))
}

/// What a token of digits reads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Digits {
    Value(u64),
    /// Digits (and commas) that `u64` cannot hold.
    Overflow,
    /// `40-50`: an increasing range in one token.
    Range(u64, u64),
}

/// `1,200` → 1200, `40-50` → a range; `None` for anything else (`12a`,
/// `52-48`).
fn digits(s: &str) -> Option<Digits> {
    if let Some((a, b)) = s.split_once('-') {
        return match (digits(a)?, digits(b)?) {
            (Digits::Value(a), Digits::Value(b)) if b > a => Some(Digits::Range(a, b)),
            _ => None,
        };
    }
    if !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.chars().all(|c| c.is_ascii_digit() || c == ',')
    {
        return None;
    }
    let mut v: Option<u64> = Some(0);
    for b in s.bytes().filter(u8::is_ascii_digit) {
        v = v
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(b - b'0')));
    }
    Some(v.map_or(Digits::Overflow, Digits::Value))
}

/// `1.5` followed by `million` → 1 500 000 (`None` inside when it overflows).
fn decimal_multiple(s: &str, next: &str) -> Option<Option<u64>> {
    let (a, b) = s.split_once('.')?;
    let m = multiplier(next)?;
    let whole: u64 = a.parse().ok()?;
    if b.is_empty() || !b.bytes().all(|c| c.is_ascii_digit()) || b.len() > 9 {
        return None;
    }
    let frac: u64 = b.parse().ok()?;
    let scale = 10u64.checked_pow(u32::try_from(b.len()).ok()?)?;
    Some(
        whole
            .checked_mul(m)
            .zip(frac.checked_mul(m).map(|f| f / scale))
            .and_then(|(w, f)| w.checked_add(f)),
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

    fn parsed(text: &str) -> Option<Parsed> {
        let d = doc_of(text);
        count_at(&d, 0, d.tokens.len())
    }

    fn count(text: &str) -> Option<(u64, Option<u64>, bool)> {
        match parsed(text)? {
            Parsed::Count(c, _) => Some((c.min, c.max, c.approx)),
            Parsed::TooLarge(_) => None,
        }
    }

    #[test]
    fn qualifiers_and_words() {
        assert_eq!(count("at least 112"), Some((112, None, false)));
        assert_eq!(count("107 or more"), Some((107, None, false)));
        assert_eq!(count("up to 30"), Some((0, Some(30), false)));
        assert_eq!(count("fewer than 10"), Some((0, Some(10), false)));
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
        assert_eq!(count("half a dozen"), Some((6, Some(6), true)));
        assert_eq!(count("the"), None);
        assert_eq!(count("a man"), None);
        assert_eq!(count("tens"), None);
    }

    #[test]
    fn vague_words_scale_what_they_quantify() {
        assert_eq!(
            count("hundreds of thousands of"),
            Some((200_000, None, true))
        );
        assert_eq!(count("tens of millions"), Some((20_000_000, None, true)));
        assert_eq!(count("millions"), Some((2_000_000, None, true)));
        assert_eq!(count("several thousand"), Some((3_000, None, true)));
        assert_eq!(count("a few hundred"), Some((200, None, true)));
        assert_eq!(count("several"), Some((3, None, true)));
        // The count ends after its own `of`, before the counted noun.
        assert_eq!(
            parsed("hundreds of thousands of people"),
            Some(Parsed::Count(
                Count {
                    min: 200_000,
                    max: None,
                    approx: true
                },
                4
            ))
        );
    }

    #[test]
    fn compound_number_words() {
        assert_eq!(
            count("one hundred and twenty"),
            Some((120, Some(120), false))
        );
        assert_eq!(
            count("two thousand five hundred"),
            Some((2500, Some(2500), false))
        );
        assert_eq!(count("twelve hundred"), Some((1200, Some(1200), false)));
        assert_eq!(count("a thousand"), Some((1000, Some(1000), false)));
        // A number word after a bare number is not part of it.
        assert_eq!(
            parsed("100 and twenty").map(|p| matches!(p, Parsed::Count(_, 1))),
            Some(true)
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(count("between 20 and 30"), Some((20, Some(30), false)));
        assert_eq!(count("15 to 20"), Some((15, Some(20), false)));
        assert_eq!(count("40-50"), Some((40, Some(50), false)));
        assert_eq!(count("40 - 50"), Some((40, Some(50), false)));
        assert_eq!(count("two or three"), Some((2, Some(3), false)));
        assert_eq!(count("about 20 to 30"), Some((20, Some(30), true)));
        // Not ranges: a score, a decreasing pair, `between` with no number.
        assert_eq!(count("52 to 48"), Some((52, Some(52), false)));
        assert_eq!(count("52-48"), None);
        assert_eq!(count("between the"), None);
    }

    #[test]
    fn numbers_past_any_toll_are_rejected_not_saturated() {
        let huge = format!("1{}", "0".repeat(30));
        assert_eq!(parsed(&huge), Some(Parsed::TooLarge(1)));
        assert_eq!(parsed("99999999999999999999999"), Some(Parsed::TooLarge(1)));
        assert_eq!(parsed("10 ^ 30"), Some(Parsed::TooLarge(3)));
        assert_eq!(
            parsed("twelve hundred thousand million billion trillion"),
            Some(Parsed::TooLarge(6))
        );
        assert_eq!(parsed("20 billion"), Some(Parsed::TooLarge(2)));
        assert_eq!(parsed("at least 11,000,000,000"), Some(Parsed::TooLarge(3)));
        assert_eq!(
            parsed("between 5 and 99999999999999999999999"),
            Some(Parsed::TooLarge(4))
        );
        // The bound itself is a count.
        assert_eq!(
            count("10 billion"),
            Some((MAX_COUNT, Some(MAX_COUNT), false))
        );
    }

    #[test]
    fn compounds_and_decimals() {
        assert_eq!(word_number("twenty-three"), Some(23));
        assert_eq!(word_number("twenty-"), None);
        assert_eq!(digits("1,200"), Some(Digits::Value(1200)));
        assert_eq!(digits("12a"), None);
        assert_eq!(decimal_multiple("1.5", "million"), Some(Some(1_500_000)));
        assert_eq!(decimal_multiple("1.5", "people"), None);
    }
}
