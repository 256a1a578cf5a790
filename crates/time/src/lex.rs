//! Splits a sentence into the tokens the date grammar looks at.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Letters (with inner apostrophes: `Monday's` is one word, see [`Tok::possessive`]).
    Word,
    /// Digits, possibly with an ordinal suffix (`12th`) or date separators
    /// between digit groups (`12/12/2016`, `2016-12-12`).
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

/// A token: byte offsets into the text plus a lowercase form.
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lowercase, without a possessive `'s` and without an ordinal suffix.
    pub lower: String,
    pub class: Class,
    /// `Monday's`: the `'s` was dropped from `lower`.
    pub possessive: bool,
}

impl Tok<'_> {
    /// Starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The value of a plain digit group (`12`, `12th`); `None` for `12/12/2016`.
    pub fn number(&self) -> Option<u32> {
        if self.class != Class::Number {
            return None;
        }
        self.lower.parse().ok()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenises `text`. Never fails; offsets are on character boundaries.
pub fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let class;
        if c.is_alphabetic() {
            class = Class::Word;
            while let Some(&(_, d)) = chars.get(j) {
                let next_alpha = chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphabetic());
                if d.is_alphabetic() || (is_apostrophe(d) && next_alpha) {
                    j += 1;
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            class = Class::Number;
            while let Some(&(_, d)) = chars.get(j) {
                let next_digit = chars.get(j + 1).is_some_and(|&(_, e)| e.is_ascii_digit());
                if d.is_ascii_digit() || ((d == '/' || d == '-' || d == '.') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            // An ordinal suffix: `12th`, `1st`, `22nd`, `3rd`.
            let suffix: String = chars
                .get(j..(j + 2).min(chars.len()))
                .unwrap_or(&[])
                .iter()
                .map(|&(_, c)| c.to_ascii_lowercase())
                .collect();
            let after_alpha = chars.get(j + 2).is_some_and(|&(_, e)| e.is_alphanumeric());
            if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") && !after_alpha {
                j += 2;
            }
        } else {
            class = Class::Punct;
        }
        let end = end_of(j);
        let raw = text.get(start..end).unwrap_or("");
        let mut lower = raw.to_lowercase();
        let mut possessive = false;
        if class == Class::Word {
            for s in ["'s", "’s"] {
                if let Some(stem) = lower.strip_suffix(s) {
                    lower = stem.to_string();
                    possessive = true;
                    break;
                }
            }
        } else if class == Class::Number {
            let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            lower = digits.to_string();
        }
        out.push(Tok {
            start,
            end,
            text: raw,
            lower,
            class,
            possessive,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = tokens("On Monday's raid, Dec. 12th 12/12/2016 — x");
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "on",
                "monday",
                "raid",
                ",",
                "dec",
                ".",
                "12",
                "12/12/2016",
                "—",
                "x"
            ]
        );
        assert!(t[1].possessive);
        assert_eq!(t[6].number(), Some(12));
        assert_eq!(&"On Monday's raid, Dec. 12th"[t[6].start..t[6].end], "12th");
    }
}
