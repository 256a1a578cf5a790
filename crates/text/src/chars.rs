//! Character classes shared by the tokenizer, the sentence splitter and the
//! dateline finder.
//!
//! Everything here is a pure function of one `char`, so the callers stay linear
//! and allocation-free.

/// Characters that separate tokens: every Unicode `White_Space` character, which
/// includes NBSP (U+00A0), the U+2000..U+200A spaces, U+202F, U+205F and U+3000.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Invisible characters that are dropped from a token's normalised form and never
/// split a word: soft hyphen, zero-width space/non-joiner/joiner, BOM and word
/// joiner. None of them is `White_Space`, so they never separate tokens either.
#[inline]
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{2060}'
    )
}

/// Combining marks that `char::is_alphanumeric` does not cover but that belong
/// to the word they follow (combining diacritics, their extensions and the
/// combining half marks).
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20DC | 0xFE20..=0xFE2F)
}

/// Letters, digits and combining marks: the material words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Apostrophes that may sit inside a word (`don't`, `O’Neill`, `SOHR’s`).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The normalised form of a quote character, when it differs from the original:
/// curly and low-9 double quotes become `"`, curly single quotes `'`. This is the
/// form UD English (EWT, GUM) uses for quote tokens.
#[inline]
pub(crate) fn quote_norm(c: char) -> Option<&'static str> {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some("\""),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some("'"),
        _ => None,
    }
}

/// Any character that behaves as a quotation mark.
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '«' | '»' | '‹' | '›') || quote_norm(c).is_some()
}

/// Quotes whose shape says they open a quotation.
#[inline]
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{201A}' | '«' | '‹' | '`'
    )
}

/// Quotes whose shape says they close a quotation.
#[inline]
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{2019}' | '»' | '›')
}

#[inline]
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '\u{FF08}' | '\u{3010}')
}

#[inline]
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>' | '\u{FF09}' | '\u{3011}')
}

/// Sentence-final marks (besides the ASCII `.`, which needs context): `?`, `!`,
/// and their Arabic, Devanagari, CJK and full-width counterparts.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{0964}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
    )
}

/// Pictographic symbols and emoji: each forms its own token.
#[inline]
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x2460..=0x24FF | 0x25A0..=0x27BF
        | 0x2900..=0x297F | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

/// Characters that extend the pictograph before them into one emoji: variation
/// selectors, skin-tone modifiers, the keycap mark and tag characters. The
/// zero-width joiner is handled by the caller (it must be followed by another
/// pictograph).
#[inline]
pub(crate) fn is_emoji_extender(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

/// Whether the character is a letter with case (so that "starts with an
/// uppercase letter" is meaningful) and is uppercase or titlecase.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_space('\u{A0}') && is_space('\u{202F}') && is_space('\u{3000}'));
        assert!(!is_space('\u{200B}') && !is_space('\u{FEFF}') && !is_space('\u{AD}'));
        assert!(is_ignorable('\u{AD}') && is_ignorable('\u{2060}'));
        assert!(is_word_char('é') && is_word_char('ح') && is_word_char('\u{301}'));
        assert!(!is_word_char('.') && !is_word_char('😀'));
        assert_eq!(quote_norm('“'), Some("\""));
        assert_eq!(quote_norm('’'), Some("'"));
        assert_eq!(quote_norm('"'), None);
        assert!(is_pictograph('😀') && is_pictograph('☺'));
    }
}
