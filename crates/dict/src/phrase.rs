//! Normalisation shared by the dictionary side and the text side of matching.
//!
//! Invariant: a dictionary phrase and a text span match iff their token sequences
//! are equal after [`normalize_word`] and hyphen splitting. Both sides therefore go
//! through this module and nothing else:
//! - lowercase (Unicode), typographic apostrophes and dashes folded to ASCII;
//! - a possessive ending (`'s`, or a bare trailing `'`) removed, so `Russia's`,
//!   `Russia 's` (Penn tokenisation) and `RUSSIA` all meet;
//! - hyphens split words (`al-Assad` = `al Assad` = `AL_ASSAD`), as TABARI 0.7.3 did,
//!   and so do underscores in text tokens (`Dol_Amroth` = `DOL_AMROTH`);
//! - in dictionaries, `_` and blanks separate words, and a leading `(` or trailing
//!   `)`/`,` is its own token, as a tokenizer would produce.

/// Normalises one word for matching. May return an empty string (for `'s`).
pub fn normalize_word(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// [`normalize_word`] into `out` (cleared first), so a caller normalising
/// every token of a sentence reuses one buffer instead of allocating.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00b4}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if out.len() > 1 && out.ends_with('\'') {
        out.pop();
    }
}

/// Splits one text token into match words (hyphen parts), normalised.
pub fn token_words(token: &str) -> impl Iterator<Item = String> + '_ {
    let mut parts: Vec<String> = Vec::new();
    let mut buf = String::new();
    for_each_token_word(token, &mut buf, |w| parts.push(w.to_string()));
    parts.into_iter()
}

/// Calls `f` on each match word of one text token, in order, as
/// [`token_words`] yields them, without allocating beyond `buf` (a scratch
/// buffer the caller reuses across tokens). Returns the number of words.
pub fn for_each_token_word(token: &str, buf: &mut String, mut f: impl FnMut(&str)) -> usize {
    normalize_into(token, buf);
    let norm = buf.as_str();
    // `_` joins words in dictionary phrases, so a text token written that way
    // (`Dol_Amroth`) is split like a hyphenated one.
    if norm.len() > 1 && norm.contains(['-', '_']) {
        let mut n = 0;
        for p in norm.split(['-', '_']).filter(|p| !p.is_empty()) {
            f(p);
            n += 1;
        }
        n
    } else if norm.is_empty() {
        0
    } else {
        f(norm);
        1
    }
}

/// Splits a dictionary phrase (`SERGEY_V._LAVROV`, `BAN_KI-MOON`, `CARAS GALADHON`)
/// into normalised match words.
pub fn phrase_words(raw: &str) -> Vec<Box<str>> {
    let mut out = Vec::new();
    for piece in raw.split(|c: char| c == '_' || c.is_whitespace()) {
        let mut piece = piece;
        let mut trailing = Vec::new();
        if let Some(rest) = piece.strip_prefix('(') {
            out.push("(".into());
            piece = rest;
        }
        while let Some(rest) = piece.strip_suffix([')', ',']) {
            trailing.push(&piece[rest.len()..]);
            piece = rest;
        }
        out.extend(token_words(piece).map(String::into_boxed_str));
        out.extend(trailing.into_iter().rev().map(Box::<str>::from));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        phrase_words(s).into_iter().map(String::from).collect()
    }

    #[test]
    fn dictionary_phrases() {
        assert_eq!(words("SERGEY_V._LAVROV_"), ["sergey", "v.", "lavrov"]);
        assert_eq!(words("BAN_KI-MOON"), ["ban", "ki", "moon"]);
        assert_eq!(words("CARAS GALADHON"), ["caras", "galadhon"]);
        assert_eq!(
            words("NATIONAL_PEOPLE'S_CONGRESS"),
            ["national", "people", "congress"]
        );
        assert_eq!(
            words("ROBINSON, BARON_(X)_"),
            ["robinson", ",", "baron", "(", "x", ")"]
        );
    }

    /// The plain char-by-char normalisation, the specification that
    /// [`normalize_into`] must agree with (and any fast path added to it).
    fn reference_normalize(word: &str) -> String {
        let mut s = String::new();
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' | '\u{00b4}' => s.push('\''),
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => s.push('-'),
                c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
                c => s.extend(c.to_lowercase()),
            }
        }
        if let Some(stem) = s.strip_suffix("'s") {
            s.truncate(stem.len());
        } else if s.len() > 1 && s.ends_with('\'') {
            s.pop();
        }
        s
    }

    #[test]
    fn buffered_forms_agree() {
        let mut buf = String::new();
        for t in [
            "Russia’s",
            "'s",
            "al-Assad",
            "-",
            "U.S.",
            "Dol_Amroth",
            "RUSSIA'",
            "`Quoted`",
            "Ünïcode–dash",
            "a",
            "'",
            "X-",
            "__",
        ] {
            let mut got = Vec::new();
            let n = for_each_token_word(t, &mut buf, |w| got.push(w.to_string()));
            assert_eq!(n, got.len());
            assert_eq!(got, token_words(t).collect::<Vec<_>>(), "{t}");
            normalize_into(t, &mut buf);
            assert_eq!(buf, normalize_word(t), "{t}");
            assert_eq!(buf, reference_normalize(t), "{t}");
        }
    }

    #[test]
    fn text_tokens() {
        assert_eq!(token_words("Russia’s").collect::<Vec<_>>(), ["russia"]);
        assert_eq!(token_words("'s").count(), 0);
        assert_eq!(token_words("al-Assad").collect::<Vec<_>>(), ["al", "assad"]);
        assert_eq!(token_words("-").collect::<Vec<_>>(), ["-"]);
        assert_eq!(token_words("U.S.").collect::<Vec<_>>(), ["u.s."]);
        assert_eq!(
            token_words("Dol_Amroth").collect::<Vec<_>>(),
            ["dol", "amroth"]
        );
    }
}
