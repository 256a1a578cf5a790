//! Penn/UD-style tokenization over byte offsets of the original text.
//!
//! The text is first cut into *chunks* at whitespace (any Unicode `White_Space`,
//! so NBSP and friends separate tokens). Each chunk is then split left to right:
//!
//! - runs of letters/digits form words; a word may contain an apostrophe followed
//!   by a letter (`O'Neill`, `don't`), a period followed by a word character
//!   (`3.5`, `U.S`, `example.com`) unless the period looks like a sentence end
//!   with a missing space (`stressed.SOHR`, `Aleppo.Rami`), a comma or colon
//!   between digits (`1,200`, `10:30`), a slash between digits, `&` between
//!   letters (`AT&T`), a hyphen after a bound prefix (`e-mail`, `non-profit`,
//!   `re-elected`) or inside a phone number (`853-7906`); other hyphens are
//!   split off, as UD English does (`US - led`);
//! - a word followed by `.` keeps the period when it is an abbreviation
//!   ([`crate::abbrev`]);
//! - clitics are split as in the Penn Treebank: `do|n't`, `ca|n't`, `wo|n't`,
//!   `it|'s`, `we|'re`, `I|'m`, `can|not`, `gon|na`, and the apostrophe-less
//!   `do|nt` of informal text;
//! - URLs, e-mail addresses, `@handles` and `#hashtags` stay whole;
//! - punctuation is split off one mark per token, except runs of periods
//!   (`...`), of `?`/`!`, and of one repeated symbol (`--`, `*****`, `____`),
//!   which stay together; emoticons (`:)`, `:-(`) are one token, and so is an
//!   emoji with its modifiers and zero-width-joined parts.
//!
//! Each look-around scans at most the neighbouring segment (the letters or
//! digits next to a `.` or `-`), so every character is visited a bounded number
//! of times and tokenization is linear in the text length.
//!
//! Soft hyphens and zero-width characters never split a word and are dropped
//! from [`Token::norm`]; curly apostrophes and quotes are straightened there.
//! The token's span always cites the original bytes.

use crate::abbrev::{self, AbbrevClass};
use crate::chars::*;
use sitrep_doc::{Span, Token};
use std::ops::Range;

/// What a token is, as far as sentence splitting is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// An abbreviation that keeps its final period (`U.S.`, `Dr.`).
    Abbrev(AbbrevClass),
    /// `.`, `?`, `!` and runs of `?`/`!`.
    Terminal,
    /// `...`, `…` and longer runs of periods.
    Ellipsis,
    OpenQuote,
    CloseQuote,
    /// A straight quote standing alone between spaces.
    Quote,
    OpenBracket,
    CloseBracket,
    /// Any other punctuation or symbol.
    Punct,
}

/// Tokenizes `text[range]`, returning Penn/UD-style tokens whose spans are byte
/// offsets into `text`. An out-of-range or non-boundary `range` is clamped to the
/// nearest valid char boundaries rather than panicking.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut kinds = Vec::new();
    Tokenizer::new(text).run(range, &mut out, &mut kinds);
    out
}

/// A reusable tokenizer: keeps its per-chunk scratch buffer between calls.
pub(crate) struct Tokenizer<'t> {
    text: &'t str,
    /// `(byte offset, char)` of the current chunk, reused to avoid allocation.
    chars: Vec<(usize, char)>,
    /// Byte offset just past the current chunk.
    chunk_end: usize,
}

/// Words that take a hyphen as part of the word in UD English (`e-mail`,
/// `non-profit`, `re-elected`, `anti-American`); compared case-insensitively.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "inter", "mid", "mini", "mis", "non", "over",
    "post", "pre", "pro", "re", "semi", "sub", "vice",
];

/// Top-level domains that end a domain name rather than start a sentence
/// after a missing space (`Newsfeeds.Com`).
/// Country codes are left out: `Gaza.US officials` is a glued sentence end.
const TLDS: &[&str] = &["com", "net", "org", "gov", "edu", "mil", "info", "biz"];

/// Negations written without their apostrophe, split like `n't` (UD EWT does).
/// `cant` and `wont` are words of their own and are left alone.
const NT_WITHOUT_APOSTROPHE: &[&str] = &[
    "aint", "arent", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt",
    "shouldnt", "wasnt", "werent", "wouldnt",
];

impl<'t> Tokenizer<'t> {
    pub(crate) fn new(text: &'t str) -> Tokenizer<'t> {
        Tokenizer {
            text,
            chars: Vec::new(),
            chunk_end: 0,
        }
    }

    /// Appends the tokens of `text[range]` to `out` and their kinds to `kinds`.
    pub(crate) fn run(&mut self, range: Range<usize>, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) {
        let text = self.text;
        let mut start = range.start.min(text.len());
        let mut end = range.end.min(text.len());
        while !text.is_char_boundary(start) {
            start += 1;
        }
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if start >= end {
            return;
        }
        let mut chunk_start = None;
        for (i, c) in text[start..end].char_indices() {
            let i = start + i;
            if is_space(c) {
                if let Some(s) = chunk_start.take() {
                    self.chunk(s, i, out, kinds);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(i);
            }
        }
        if let Some(s) = chunk_start {
            self.chunk(s, end, out, kinds);
        }
    }

    fn ch(&self, i: usize) -> char {
        self.chars.get(i).map_or('\0', |&(_, c)| c)
    }

    fn off(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.chunk_end, |&(o, _)| o)
    }

    /// Splits one whitespace-free chunk `text[start..end]`.
    fn chunk(&mut self, start: usize, end: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) {
        self.chars.clear();
        self.chars.extend(
            self.text[start..end]
                .char_indices()
                .map(|(i, c)| (start + i, c)),
        );
        self.chunk_end = end;
        let n = self.chars.len();
        if let Some((a, b)) = self.special_core() {
            self.scan(0, a, out, kinds);
            self.push(a, b, Kind::Word, out, kinds);
            self.scan(b, n, out, kinds);
        } else {
            self.scan(0, n, out, kinds);
        }
    }

    /// Finds a URL, e-mail address, `@handle` or `#hashtag` in the current chunk
    /// once leading openers and trailing punctuation are set aside; returns its
    /// char-index range.
    fn special_core(&self) -> Option<(usize, usize)> {
        let n = self.chars.len();
        let mut a = 0;
        while a < n && (is_quote(self.ch(a)) || is_open_bracket(self.ch(a))) {
            a += 1;
        }
        let mut b = n;
        while b > a {
            let c = self.ch(b - 1);
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || is_quote(c) || is_close_bracket(c)
            {
                b -= 1;
            } else {
                break;
            }
        }
        if b <= a + 1 {
            return None;
        }
        let core = &self.text[self.off(a)..self.off(b)];
        let lower_starts = |p: &str| {
            core.len() > p.len() && core.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        let url = lower_starts("http://")
            || lower_starts("https://")
            || lower_starts("ftp://")
            || lower_starts("mailto:")
            || (lower_starts("www.") && core.len() > 6);
        let handle = (core.starts_with('@') || core.starts_with('#'))
            && core[1..].chars().all(|c| is_word_char(c) || c == '_')
            && core[1..].chars().next().is_some_and(char::is_alphabetic);
        let email = match core.find('@') {
            Some(at) if at > 0 => {
                let (user, host) = (&core[..at], &core[at + 1..]);
                user.chars().all(|c| is_word_char(c) || "._%+-".contains(c))
                    && host.starts_with(is_word_char)
                    && !host.ends_with('.')
                    && host
                        .chars()
                        .all(|c| is_word_char(c) || c == '.' || c == '-')
            }
            _ => false,
        };
        (url || handle || email).then_some((a, b))
    }

    /// Splits chars `i0..i1` of the chunk into tokens.
    fn scan(&mut self, i0: usize, i1: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) {
        let mut i = i0;
        while i < i1 {
            let c = self.ch(i);
            if is_ignorable(c) {
                i += 1;
            } else if is_word_char(c)
                || (is_apostrophe(c)
                    && self.ch(i + 1).is_ascii_digit()
                    && i + 1 < i1
                    && (i == 0 || !is_word_char(self.ch(i - 1))))
            {
                // `'90s` and `'73` keep their apostrophe.
                i = self.word(i, i1, out, kinds);
            } else if let Some(n) = self.detached_clitic(i, i1) {
                // `U.S.'s`, `(AP)'s`: the clitic follows punctuation, not a word.
                self.push(i, i + n, Kind::Word, out, kinds);
                i += n;
            } else if is_pictograph(c) || is_regional_indicator(c) {
                let mut j = i + 1;
                if is_regional_indicator(c) && j < i1 && is_regional_indicator(self.ch(j)) {
                    j += 1;
                }
                loop {
                    if j < i1 && is_emoji_extender(self.ch(j)) {
                        j += 1;
                    } else if j + 1 < i1
                        && self.ch(j) == '\u{200D}'
                        && is_pictograph(self.ch(j + 1))
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                self.push(i, j, Kind::Punct, out, kinds);
                i = j;
            } else {
                i = self.punct(i, i1, out, kinds);
            }
        }
    }

    /// Emits the punctuation token starting at char `i`; returns where it ends.
    fn punct(&mut self, i: usize, i1: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) -> usize {
        let c = self.ch(i);
        let run = |same: &dyn Fn(char) -> bool| {
            let mut j = i + 1;
            while j < i1 && same(self.ch(j)) {
                j += 1;
            }
            j
        };
        let (j, kind) = match c {
            '.' => {
                let j = run(&|x| x == '.');
                (
                    j,
                    if j - i >= 2 {
                        Kind::Ellipsis
                    } else {
                        Kind::Terminal
                    },
                )
            }
            '…' => (run(&|x| x == '…' || x == '.'), Kind::Ellipsis),
            // Rules and separators (`-----`, `*****`, `____`) stay one token.
            '-' | '*' | '_' | '=' | '~' | '#' | '+' | '^' => (run(&|x| x == c), Kind::Punct),
            ':' | ';' if self.emoticon_len(i, i1) > 0 => {
                (i + self.emoticon_len(i, i1), Kind::Punct)
            }
            '?' | '!' => (run(&|x| x == '?' || x == '!'), Kind::Terminal),
            _ if is_terminal(c) => (i + 1, Kind::Terminal),
            _ if is_open_bracket(c) => (i + 1, Kind::OpenBracket),
            _ if is_close_bracket(c) => (i + 1, Kind::CloseBracket),
            _ if is_quote(c) => (i + 1, self.quote_kind(i, i1)),
            _ => (i + 1, Kind::Punct),
        };
        self.push(i, j, kind, out, kinds);
        j
    }

    /// Length in chars of a clitic (`'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`) at char
    /// `i` that follows a period or closing bracket inside the chunk and ends a
    /// word; `None` otherwise.
    fn detached_clitic(&self, i: usize, i1: usize) -> Option<usize> {
        if i == 0 || !is_apostrophe(self.ch(i)) || !matches!(self.ch(i - 1), '.' | ')' | ']') {
            return None;
        }
        let lower = |k: usize| self.ch(k).to_ascii_lowercase();
        let n = match (lower(i + 1), lower(i + 2)) {
            ('s' | 'd' | 'm', _) => 2,
            ('r', 'e') | ('v', 'e') | ('l', 'l') => 3,
            _ => return None,
        };
        let ends = i + n >= i1 || !is_word_char(self.ch(i + n));
        (i + n <= i1 && ends).then_some(n)
    }

    /// Length in chars of an emoticon (`:)`, `:-(`, `;)`, `:D`, `:P`) starting at
    /// char `i`, or 0. It must end the chunk or be followed by a non-word char.
    fn emoticon_len(&self, i: usize, i1: usize) -> usize {
        let mut j = i + 1;
        if j < i1 && self.ch(j) == '-' {
            j += 1;
        }
        if j >= i1
            || !matches!(
                self.ch(j),
                ')' | '(' | 'D' | 'P' | 'p' | '/' | '|' | ']' | '['
            )
        {
            return 0;
        }
        j += 1;
        while j < i1 && matches!(self.ch(j), ')' | '(') && self.ch(j) == self.ch(j - 1) {
            j += 1;
        }
        if j < i1 && is_word_char(self.ch(j)) {
            return 0;
        }
        j - i
    }

    /// Decides whether the quote at char `i` opens or closes, from its shape and
    /// from what touches it inside the chunk.
    fn quote_kind(&self, i: usize, i1: usize) -> Kind {
        let c = self.ch(i);
        let next = (i + 1 < i1).then(|| self.ch(i + 1));
        let prev = (i > 0).then(|| self.ch(i - 1));
        let next_opens = next
            .is_some_and(|n| is_word_char(n) || is_open_bracket(n) || is_pictograph(n) || n == '$');
        // Position beats shape: a quote ending a chunk after something closes
        // (`decision.“ However` is a typo'd closing quote).
        if prev.is_some() && next.is_none() {
            return Kind::CloseQuote;
        }
        if is_opening_quote(c) && (next_opens || !prev.is_some_and(is_word_char)) {
            return Kind::OpenQuote;
        }
        if is_closing_quote(c) && !(prev.is_none() && next_opens) {
            return Kind::CloseQuote;
        }
        // A straight (or misused curly) quote: touching a word on its right and
        // not on its left, it opens; touching something on its left, it closes.
        match (prev, next_opens) {
            (None, true) => Kind::OpenQuote,
            (Some(p), true) if !is_word_char(p) && !is_apostrophe(c) => Kind::OpenQuote,
            (Some('.' | '?' | '!' | ',' | ':' | ';'), true) => Kind::OpenQuote,
            (Some(_), _) => Kind::CloseQuote,
            (None, false) => Kind::Quote,
        }
    }

    /// Scans the word starting at char `i`, emits it (with any clitic and
    /// abbreviation period) and returns the char index after it.
    fn word(&mut self, i: usize, i1: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) -> usize {
        let mut j = i + 1;
        // Start of the current period-separated segment, for `U.S` vs `said.The`.
        let mut seg = i;
        while j < i1 {
            let c = self.ch(j);
            if is_word_char(c) || is_ignorable(c) {
                j += 1;
                continue;
            }
            let prev = self.ch(j - 1);
            let next = if j + 1 < i1 { self.ch(j + 1) } else { '\0' };
            let keep = match c {
                _ if is_apostrophe(c) => next.is_alphabetic(),
                '.' => is_word_char(next) && !self.glued_boundary(seg, j, i1),
                ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '&' => prev.is_alphabetic() && next.is_alphabetic() && j + 1 < i1,
                '-' => {
                    is_word_char(next) && (self.is_hyphen_prefix(i, j) || self.phone_part(j, i1))
                }
                '_' => is_word_char(next) && is_word_char(prev),
                _ => false,
            };
            if !keep {
                break;
            }
            if c == '.' {
                seg = j + 1;
            }
            j += 1;
        }
        // Trailing period: part of the token for abbreviations.
        if self.ch(j) == '.' && j < i1 && !(j + 1 < i1 && self.ch(j + 1) == '.') {
            let word = &self.text[self.off(i)..self.off(j)];
            if let Some(class) = abbrev::classify(word, self.number_follows(j + 1, i1)) {
                self.push(i, j + 1, Kind::Abbrev(class), out, kinds);
                return j + 1;
            }
        }
        let split = self.clitic_split(i, j);
        match split {
            Some(k) => {
                self.push(i, k, Kind::Word, out, kinds);
                self.push(k, j, Kind::Word, out, kinds);
            }
            None => self.push(i, j, Kind::Word, out, kinds),
        }
        j
    }

    /// Whether the period at char `dot` ends a sentence although no space follows:
    /// the segment before it has two or more letters (not an initial as in
    /// `U.S.A`) and the segment after starts with a capital and has two or more
    /// letters (not `Ph.D`). Digits before the period also count (`2016.The`).
    fn glued_boundary(&self, seg: usize, dot: usize, i1: usize) -> bool {
        let next = self.ch(dot + 1);
        if !is_upper(next) {
            return false;
        }
        let before = (seg..dot).filter(|&k| is_word_char(self.ch(k))).count();
        let all_digits = (seg..dot).all(|k| self.ch(k).is_ascii_digit());
        if before < 2 && !(all_digits && before >= 1) {
            return false;
        }
        let mut k = dot + 1;
        while k < i1 && self.ch(k).is_alphabetic() {
            k += 1;
        }
        if k - (dot + 1) < 2 {
            return false;
        }
        // Domain names (`Newsfeeds.Com`, `Example.COM`): a top-level domain
        // ending the word.
        let tail = &self.text[self.off(dot + 1)..self.off(k)];
        let word_ends = k >= i1 || !is_word_char(self.ch(k));
        !(word_ends && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tail)))
    }

    /// Whether the hyphen at char `h` joins the parts of a phone number
    /// (`853-7906`, `732-657-3416`): three digits before, three or four after.
    fn phone_part(&self, h: usize, i1: usize) -> bool {
        let digits_before = (0..h)
            .rev()
            .take_while(|&k| self.ch(k).is_ascii_digit())
            .count();
        let boundary = h == digits_before || !is_word_char(self.ch(h - digits_before - 1));
        let after = (h + 1..i1)
            .take_while(|&k| self.ch(k).is_ascii_digit())
            .count();
        let end_ok = h + 1 + after >= i1 || !self.ch(h + 1 + after).is_alphanumeric();
        digits_before == 3
            && (after == 3 || after == 4)
            && end_ok
            && (boundary || self.ch(h - 4) == '-')
    }

    /// Whether chars `i..j` spell a prefix that keeps its hyphen.
    fn is_hyphen_prefix(&self, i: usize, j: usize) -> bool {
        let w = &self.text[self.off(i)..self.off(j)];
        w.len() <= 7
            && HYPHEN_PREFIXES
                .iter()
                .any(|p| p.len() == w.len() && p.eq_ignore_ascii_case(w))
    }

    /// Whether a number follows char `k` (skipping whitespace, possibly in the
    /// next chunk). Used for `No. 5` / `No.5`.
    fn number_follows(&self, k: usize, i1: usize) -> bool {
        if k < i1 {
            return self.ch(k).is_ascii_digit();
        }
        let rest = self.text.get(self.off(k)..).unwrap_or("");
        rest.trim_start_matches(is_space)
            .starts_with(|c: char| c.is_ascii_digit())
    }

    /// Where to split chars `i..j` into word and clitic, if anywhere.
    fn clitic_split(&self, i: usize, j: usize) -> Option<usize> {
        let n = j - i;
        if n < 2 {
            return None;
        }
        let c = |k: usize| self.ch(k).to_ascii_lowercase();
        // n't: don't -> do n't, can't -> ca n't, won't -> wo n't.
        if n >= 4 && c(j - 3) == 'n' && is_apostrophe(self.ch(j - 2)) && c(j - 1) == 't' {
            return Some(j - 3);
        }
        if n >= 3 && is_apostrophe(self.ch(j - 2)) && matches!(c(j - 1), 's' | 'd' | 'm') {
            return Some(j - 2);
        }
        if n >= 4 && is_apostrophe(self.ch(j - 3)) {
            let (a, b) = (c(j - 2), c(j - 1));
            if matches!((a, b), ('r', 'e') | ('v', 'e') | ('l', 'l')) {
                return Some(j - 3);
            }
        }
        let w = &self.text[self.off(i)..self.off(j)];
        // Apostrophe-less negations of informal text: `dont` -> `do nt`.
        if w.len() >= 4
            && w.len() <= 8
            && NT_WITHOUT_APOSTROPHE
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w))
        {
            return Some(j - 2);
        }
        if w.len() == 6 && w.eq_ignore_ascii_case("cannot") {
            return Some(i + 3);
        }
        if w.len() == 5
            && ["gonna", "wanna", "gotta"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w))
        {
            return Some(i + 3);
        }
        None
    }

    /// Emits chars `a..b` as one token, computing its normalised form.
    fn push(&self, a: usize, b: usize, kind: Kind, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) {
        if a >= b {
            return;
        }
        let (start, end) = (self.off(a), self.off(b));
        let mut tok = Token::new(Span::new(start, end));
        let s = &self.text[start..end];
        let emoji = matches!(kind, Kind::Punct) && s.chars().next().is_some_and(is_pictograph);
        let needs_norm = s
            .chars()
            .any(|c| (is_ignorable(c) && !emoji) || quote_norm(c).is_some());
        if needs_norm {
            let mut norm = String::with_capacity(s.len());
            for c in s.chars() {
                if is_ignorable(c) && !emoji {
                    continue;
                }
                match quote_norm(c) {
                    Some(q) => norm.push_str(q),
                    None => norm.push(c),
                }
            }
            if norm.is_empty() {
                // Only invisible characters: not a token at all.
                return;
            }
            tok.norm = Some(norm.into_boxed_str());
        }
        out.push(tok);
        kinds.push(kind);
    }
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s, 0..s.len())
            .iter()
            .map(|t| t.text(s).to_string())
            .collect()
    }

    fn raw(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len())
            .iter()
            .map(|t| t.span.slice(s))
            .collect()
    }

    #[test]
    fn penn_contractions() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(toks("can't won't"), ["ca", "n't", "wo", "n't"]);
        assert_eq!(toks("Don’t"), ["Do", "n't"]);
        assert_eq!(raw("Don’t"), ["Do", "n’t"]);
        assert_eq!(
            toks("it's we're they've I'll he'd I'm"),
            ["it", "'s", "we", "'re", "they", "'ve", "I", "'ll", "he", "'d", "I", "'m"]
        );
        assert_eq!(toks("SOHR’s chief"), ["SOHR", "'s", "chief"]);
        assert_eq!(toks("cannot"), ["can", "not"]);
        assert_eq!(toks("O'Neill's"), ["O'Neill", "'s"]);
        assert_eq!(toks("the parents' house"), ["the", "parents", "'", "house"]);
        assert_eq!(toks("the '90s"), ["the", "'90s"]);
        assert_eq!(toks("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
        assert_eq!(toks("'s"), ["'", "s"]);
    }

    #[test]
    fn punctuation_and_numbers() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
        assert_eq!(
            toks("$5 and 3.5% of 1,200."),
            ["$", "5", "and", "3.5", "%", "of", "1,200", "."]
        );
        assert_eq!(
            toks("at 10:30 on 12/12/2016"),
            ["at", "10:30", "on", "12/12/2016"]
        );
        assert_eq!(toks("(SOHR)"), ["(", "SOHR", ")"]);
        assert_eq!(
            toks("wait... what--no"),
            ["wait", "...", "what", "--", "no"]
        );
        assert_eq!(toks("Really?!"), ["Really", "?!"]);
        assert_eq!(toks("AT&T"), ["AT&T"]);
        assert_eq!(toks("Lavrov :US"), ["Lavrov", ":", "US"]);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(toks("the U.S. army"), ["the", "U.S.", "army"]);
        assert_eq!(toks("Dr. Smith"), ["Dr.", "Smith"]);
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("e.g. this"), ["e.g.", "this"]);
        assert_eq!(toks("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
        assert_eq!(toks("No. 5"), ["No.", "5"]);
        assert_eq!(toks("I said No."), ["I", "said", "No", "."]);
        assert_eq!(toks("a Ph.D."), ["a", "Ph.D."]);
    }

    #[test]
    fn hyphens() {
        assert_eq!(toks("US-led coalition"), ["US", "-", "led", "coalition"]);
        assert_eq!(
            toks("e-mail non-profit re-elected"),
            ["e-mail", "non-profit", "re-elected"]
        );
        assert_eq!(
            toks("Blind Alley- Aleppo"),
            ["Blind", "Alley", "-", "Aleppo"]
        );
    }

    #[test]
    fn glued_sentences() {
        assert_eq!(
            toks("stressed.SOHR: Battle"),
            ["stressed", ".", "SOHR", ":", "Battle"]
        );
        assert_eq!(toks("Aleppo.Rami"), ["Aleppo", ".", "Rami"]);
        assert_eq!(toks("Monday.\"The"), ["Monday", ".", "\"", "The"]);
        assert_eq!(toks("U.S.A"), ["U.S.A"]);
        assert_eq!(toks("Ph.D"), ["Ph.D"]);
        assert_eq!(toks("example.com"), ["example.com"]);
        assert_eq!(toks("Newsfeeds.Com"), ["Newsfeeds.Com"]);
        assert_eq!(
            toks("in Gaza.US officials"),
            ["in", "Gaza", ".", "US", "officials"]
        );
        assert_eq!(toks("No.1"), ["No.1"]);
    }

    #[test]
    fn special_tokens() {
        assert_eq!(
            toks("see https://example.com/a?b=1. Or mail me@x.org, @handle #tag"),
            [
                "see",
                "https://example.com/a?b=1",
                ".",
                "Or",
                "mail",
                "me@x.org",
                ",",
                "@handle",
                "#tag"
            ]
        );
        assert_eq!(toks("ok😀👍🏽!"), ["ok", "😀", "👍🏽", "!"]);
        assert_eq!(toks("👨\u{200D}👩\u{200D}👧"), ["👨\u{200D}👩\u{200D}👧"]);
    }

    #[test]
    fn web_text() {
        assert_eq!(
            toks("great :) see you :-("),
            ["great", ":)", "see", "you", ":-("]
        );
        assert_eq!(toks("Note:Please"), ["Note", ":", "Please"]);
        assert_eq!(
            toks("call 853-7906 or 732-657-3416"),
            ["call", "853-7906", "or", "732-657-3416"]
        );
        assert_eq!(toks("pages 10-20"), ["pages", "10", "-", "20"]);
        assert_eq!(toks("----- ***** ____"), ["-----", "*****", "____"]);
        assert_eq!(toks("i dont know"), ["i", "do", "nt", "know"]);
        assert_eq!(
            toks("John Salinardo@ENRON wrote"),
            ["John", "Salinardo@ENRON", "wrote"]
        );
        assert_eq!(toks("mailto:a@b.com"), ["mailto:a@b.com"]);
    }

    #[test]
    fn normalisation_keeps_original_offsets() {
        let s = "“Hi,” she said\u{A0}to\u{2009}them.";
        let t = tokenize(s, 0..s.len());
        let texts: Vec<&str> = t.iter().map(|t| t.text(s)).collect();
        assert_eq!(
            texts,
            ["\"", "Hi", ",", "\"", "she", "said", "to", "them", "."]
        );
        assert_eq!(t[0].span.slice(s), "“");
        assert_eq!(t[3].span.slice(s), "”");
        assert!(t[1].norm.is_none(), "norm only when it differs");

        let s = "inter\u{AD}national zero\u{200B}width \u{FEFF}word";
        let t = tokenize(s, 0..s.len());
        let texts: Vec<&str> = t.iter().map(|t| t.text(s)).collect();
        assert_eq!(texts, ["international", "zerowidth", "word"]);
        assert_eq!(t[0].span.slice(s), "inter\u{AD}national");
        assert_eq!(
            t[2].span.slice(s),
            "word",
            "leading BOM is not part of the token"
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "",
            "   ",
            "\u{AD}\u{200B}",
            "!!!...,,,;;;",
            "حلب مدينة.",
            "\u{301}x",
            "'",
            "''''",
        ] {
            let t = tokenize(s, 0..s.len());
            for tok in &t {
                assert!(!tok.span.is_empty());
                assert!(s.is_char_boundary(tok.span.start as usize));
            }
        }
        let s = "héllo";
        assert_eq!(
            tokenize(s, 2..100).len(),
            1,
            "range clamped to char boundaries"
        );
    }
}
