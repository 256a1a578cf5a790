//! Per-token attributes for the tagger, hashed once per token.
//!
//! Everything the tagger's feature templates need from a word form is computed
//! here in one pass, so feature extraction itself only mixes integers.

use crate::hash::{bytes, finish, mix, str_hash};
use crate::lexicon::Lexicon;

/// Capitalisation classes.
pub const CAP_NONE: u8 = 0;
pub const CAP_LOWER: u8 = 1;
pub const CAP_TITLE: u8 = 2;
pub const CAP_UPPER: u8 = 3;
pub const CAP_MIXED: u8 = 4;

/// Hashed attributes of one token. Hash fields are finished hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordFeats {
    /// Lowercased form with every ASCII digit replaced by `0`.
    pub lower: u64,
    /// The form exactly as written.
    pub exact: u64,
    /// Suffixes of 1..=4 characters of `lower` (the whole word if shorter).
    pub suf: [u64; 4],
    /// Prefixes of 1..=3 characters of `lower`.
    pub pre: [u64; 3],
    /// Collapsed word shape (`Xx`, `X.X.`, `d`, `$d.d`).
    pub shape: u64,
    /// Brill lexicon tag (1-based; 0 = unknown).
    pub lex: u8,
    /// Brill lexicon tag of the word's stem (`pauses` → `pause`, `paused` →
    /// `pause`, `pausing` → `pause`; 0 = no inflectional ending or stem unknown).
    /// The lexicon gives one tag per word; this recovers the noun/verb ambiguity of
    /// inflected forms (`pauses` is listed VBZ, `pause` NN).
    pub stem_lex: u8,
    /// Distance to the next word the lexicon lists as a verb (1..=4, 5 = none
    /// before punctuation or the sentence end). Set per sentence by
    /// [`set_next_verb`]: tells "as"/"for"/"that" + clause from + noun phrase.
    pub next_verb: u8,
    /// UPOS tags seen with this word in training (bit set; see `tagdict`).
    pub amb: u32,
    /// One of the `CAP_*` classes.
    pub cap: u8,
    /// Bit 0: has a digit; bit 1: has a hyphen; bit 2: has a period; bits 3..:
    /// length bucket (1..=4, 5-7, 8+).
    pub flags: u8,
}

/// Padding tokens before the first and after the last word.
pub const PAD_START: WordFeats = pad(0x1111);
pub const PAD_END: WordFeats = pad(0x2222);

const fn pad(v: u64) -> WordFeats {
    WordFeats {
        lower: v,
        exact: v,
        suf: [v; 4],
        pre: [v; 3],
        shape: v,
        lex: 255,
        stem_lex: 255,
        next_verb: 255,
        amb: u32::MAX,
        cap: 7,
        flags: 255,
    }
}

/// Reusable buffers so computing attributes does not allocate per token.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    norm: String,
    title: String,
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        // Scripts without case (Arabic, CJK).
        'a'
    } else {
        c
    }
}

/// Computes the attributes of `form`. `s.lower` holds the lowercased form after the call.
pub fn compute(form: &str, lex: &Lexicon, s: &mut Scratch) -> WordFeats {
    s.lower.clear();
    s.norm.clear();
    let (mut upper, mut lowerc, mut first_upper, mut n_chars) = (0u32, 0u32, false, 0usize);
    let (mut digit, mut hyphen, mut period) = (false, false, false);
    let mut shape = mix(0, 0x5A);
    let mut last_shape = '\0';
    let mut shape_len = 0;
    for c in form.chars() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= n_chars == 0;
        } else if c.is_lowercase() {
            lowerc += 1;
        }
        digit |= c.is_ascii_digit();
        hyphen |= c == '-';
        period |= c == '.';
        n_chars += 1;
        s.lower.extend(c.to_lowercase());
        let sc = shape_class(c);
        if sc != last_shape && shape_len < 12 {
            shape = mix(shape, sc as u64);
            shape_len += 1;
            last_shape = sc;
        }
    }
    let cap = match (upper, lowerc) {
        (0, 0) => CAP_NONE,
        (0, _) => CAP_LOWER,
        (1, _) if first_upper => CAP_TITLE,
        (_, 0) if upper >= 2 => CAP_UPPER,
        (_, 0) => CAP_TITLE,
        _ if first_upper && upper == 1 => CAP_TITLE,
        _ => CAP_MIXED,
    };
    let norm: &str = if digit {
        s.norm.extend(
            s.lower
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c }),
        );
        &s.norm
    } else {
        &s.lower
    };
    let mut suf = [0u64; 4];
    let mut pre = [0u64; 3];
    // Character boundaries from the end, for suffixes.
    let mut ends = [0usize; 4];
    let mut n = 0;
    for (i, _) in norm.char_indices().rev().take(4) {
        ends[n] = i;
        n += 1;
    }
    for k in 0..4 {
        let start = if k < n { ends[k] } else { 0 };
        suf[k] = finish(mix(bytes(&norm.as_bytes()[start..]), k as u64 + 10));
    }
    let mut starts = norm.char_indices().map(|(i, _)| i).skip(1);
    for (k, p) in pre.iter_mut().enumerate() {
        let end = starts.next().unwrap_or(norm.len());
        *p = finish(mix(bytes(&norm.as_bytes()[..end]), k as u64 + 20));
    }
    let len_bucket: u8 = match n_chars {
        0..=4 => n_chars as u8,
        5..=7 => 5,
        _ => 6,
    };
    let flags = u8::from(digit) | u8::from(hyphen) << 1 | u8::from(period) << 2 | len_bucket << 3;
    let exact = str_hash(form);
    let mut lexv = lex.lookup_hash(exact);
    if lexv == 0 && cap != CAP_LOWER && cap != CAP_NONE {
        lexv = lex.lookup_hash(str_hash(&s.lower));
        if lexv == 0 && cap == CAP_UPPER {
            // "SYRIA" → "Syria".
            s.title.clear();
            let mut cs = s.lower.chars();
            if let Some(c) = cs.next() {
                s.title.extend(c.to_uppercase());
            }
            s.title.extend(cs);
            lexv = lex.lookup_hash(str_hash(&s.title));
        }
    }
    let stem_lex = stem_lookup(&s.lower, lex, &mut s.title);
    WordFeats {
        lower: finish(bytes(norm.as_bytes())),
        exact,
        suf,
        pre,
        shape: finish(shape),
        lex: lexv,
        stem_lex,
        next_verb: 0,
        amb: 0,
        cap,
        flags,
    }
}

/// Lexicon tag of the first known stem of `lower` (see [`WordFeats::stem_lex`]).
fn stem_lookup(lower: &str, lex: &Lexicon, buf: &mut String) -> u8 {
    if lower.len() < 4 || !lower.is_ascii() {
        return 0;
    }
    let try_stem = |buf: &mut String, strip: usize, add: &str| -> u8 {
        buf.clear();
        buf.push_str(&lower[..lower.len() - strip]);
        buf.push_str(add);
        lex.lookup_hash(str_hash(buf))
    };
    let candidates: &[(usize, &str)] = if lower.ends_with("ies") {
        &[(3, "y"), (1, "")]
    } else if lower.ends_with("es") {
        &[(1, ""), (2, "")]
    } else if lower.ends_with('s') && !lower.ends_with("ss") {
        &[(1, "")]
    } else if lower.ends_with("ied") {
        &[(3, "y")]
    } else if lower.ends_with("ed") {
        &[(1, ""), (2, "")]
    } else if lower.ends_with("ing") {
        &[(3, ""), (3, "e")]
    } else {
        &[]
    };
    for &(strip, add) in candidates {
        let t = try_stem(buf, strip, add);
        if t != 0 {
            return t;
        }
    }
    0
}

/// Fills [`WordFeats::next_verb`] for a sentence, right to left in O(n).
pub fn set_next_verb(words: &mut [WordFeats], lex: &Lexicon) {
    let mut dist: u8 = 5;
    for w in words.iter_mut().rev() {
        w.next_verb = dist;
        if lex.is_verb(w.lex) {
            dist = 1;
        } else if w.cap == CAP_NONE && w.flags & 1 == 0 {
            // Punctuation (no letters, no digits) ends the clause.
            dist = 5;
        } else {
            dist = (dist + 1).min(5);
        }
    }
}
