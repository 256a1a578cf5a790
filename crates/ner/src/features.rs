//! Feature templates: what the model sees of each token.
//!
//! Every feature is a 64-bit hash of a template number and its arguments
//! ([`Hasher`]); features are never stored as strings. Static features (those
//! that do not depend on earlier predictions) are computed once per sentence
//! ([`Featurizer::sentence`]); the decoder adds the previous labels'
//! features ([`dynamic`]) as it goes.
//!
//! Invariant: the templates, their numbers and the hash are part of the model
//! format. Changing any of them requires retraining and bumping
//! [`crate::model::FORMAT_VERSION`].

use crate::label::Label;
use crate::lexicon::{ActorKind, NameLexicon};
use sitrep_doc::{Upos, Xpos};

/// One token as the recognizer reads it: its normalised text and tags.
#[derive(Clone, Copy, Debug)]
pub struct TokenIn<'a> {
    pub form: &'a str,
    pub upos: Upos,
    pub xpos: Xpos,
}

/// A feature hash: the template number and arguments combined one word at
/// a time (rotate, xor, multiply, as FxHash does), finished with a
/// SplitMix64 mix. Strings enter as their [`str_hash`], computed once per
/// token and reused by every template that reads the word.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const COMBINE: u64 = 0x517c_c1b7_2722_0a95;

/// FNV-1a of a string's bytes, with a terminator so that ("ab", "c") and
/// ("a", "bc") differ when combined.
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    (h ^ 0xff).wrapping_mul(FNV_PRIME)
}

impl Hasher {
    pub fn new(template: u32) -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325).u(template as u64)
    }
    pub fn u(mut self, x: u64) -> Hasher {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(COMBINE);
        self
    }
    pub fn s(self, s: &str) -> Hasher {
        self.u(str_hash(s))
    }
    pub fn finish(self) -> u64 {
        let mut z = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Capitalisation class: 0 lowercase or no letter, 1 Title case, 2 ALL CAPS
/// (two or more letters), 3 mixed (`McCain`, `iPhone`).
fn cap_class(w: &str) -> u64 {
    let mut letters = 0;
    let mut upper = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    match (letters, upper) {
        (0, _) | (_, 0) => 0,
        (l, u) if l == u && l >= 2 => 2,
        (_, 1) if first_upper => 1,
        _ => 3,
    }
}

/// A collapsed word shape: `Lavrov` → `Xx`, `U.S.` → `X.X.`, `2016` → `d`,
/// `al-Bab` → `x-Xx`; at most 8 symbols.
fn shape(w: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
            if out.len() >= 8 {
                break;
            }
        }
    }
}

fn lower(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// The first `n` characters of `s` (all of it when shorter).
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    let mut it = s.char_indices().rev();
    match it.nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ => s,
    }
}

/// Tokens that may sit inside a multi-word name between capitalised words
/// (`Bank of England`, `Abu Bakr al-Baghdadi`), for lexicon look-ups.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "the"
            | "de"
            | "del"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "y"
            | "al"
            | "el"
            | "ez"
            | "az"
            | "ad"
            | "as"
            | "ash"
            | "bin"
            | "ibn"
            | "&"
            | "-"
    )
}

/// The longest match a lexicon gives starting at a capitalised token is
/// marked on its tokens as begin/inside/last/unit (1..=4; 0 none; actor
/// marks add 4 for a group).
const MAX_LEXICON_WORDS: usize = 4;

/// Per-sentence work buffers, reused across sentences.
#[derive(Default)]
pub struct Featurizer {
    lower: Vec<String>,
    shapes: Vec<String>,
    /// Hashes of the lowercase forms, forms and shapes, with two sentinel
    /// positions on each side (index `i + 2` is token `i`).
    h_lower: Vec<u64>,
    h_form: Vec<u64>,
    h_shape: Vec<u64>,
    caps: Vec<u64>,
    place: Vec<u8>,
    actor: Vec<u8>,
    /// Lexicon answers already asked for (by a hash of the question): names
    /// and sentence-initial words recur, and a look-up costs far more than a
    /// feature. Answers are pure functions of the words and the lexicon, so
    /// the memo never changes a result as long as it is cleared
    /// ([`Featurizer::clear_memo`]) when the lexicon changes, which
    /// `Recognizer::sentence` does.
    memo: std::collections::HashMap<u64, Option<u8>>,
    /// Per token: the shared lexicon's title class (0 none, else class + 1)
    /// and whether it is a role word; memoised by form hash (the lexicon's
    /// tables are scanned linearly).
    title: Vec<u64>,
    role: Vec<u64>,
    /// Per token in a capitalised run: the run's first and last token
    /// (`usize::MAX` outside runs).
    run_first: Vec<usize>,
    run_last: Vec<usize>,
    word_memo: std::collections::HashMap<u64, (u64, u64)>,
}

/// The memo is dropped when it grows past this many answers.
const MEMO_LIMIT: usize = 1 << 16;

const START: &str = "<s>";
const END: &str = "</s>";

impl Featurizer {
    /// Appends the static features of every token of `toks` to `feats`;
    /// token `i`'s are `feats[starts[i]..starts[i + 1]]` (`starts` gets
    /// `toks.len() + 1` entries).
    pub fn sentence(
        &mut self,
        toks: &[TokenIn],
        lex: &dyn NameLexicon,
        feats: &mut Vec<u64>,
        starts: &mut Vec<u32>,
    ) {
        let n = toks.len();
        feats.clear();
        starts.clear();
        self.lower.resize_with(n.max(self.lower.len()), String::new);
        self.shapes
            .resize_with(n.max(self.shapes.len()), String::new);
        self.caps.clear();
        for (i, t) in toks.iter().enumerate() {
            lower(t.form, &mut self.lower[i]);
            shape(t.form, &mut self.shapes[i]);
            self.caps.push(cap_class(t.form));
        }
        self.membership(toks, lex);
        let (start, end) = (str_hash(START), str_hash(END));
        for v in [&mut self.h_lower, &mut self.h_form, &mut self.h_shape] {
            v.clear();
            v.extend([start, start]);
        }
        for (i, t) in toks.iter().enumerate() {
            self.h_lower.push(str_hash(&self.lower[i]));
            self.h_form.push(str_hash(t.form));
            self.h_shape.push(str_hash(&self.shapes[i]));
        }
        for v in [&mut self.h_lower, &mut self.h_form, &mut self.h_shape] {
            v.extend([end, end]);
        }
        self.title.clear();
        self.role.clear();
        for (i, t) in toks.iter().enumerate() {
            let key = self.h_form[i + 2];
            let (title, role) = match self.word_memo.get(&key) {
                Some(v) => *v,
                None => {
                    let v = (
                        sitrep_lexicon::title_class(t.form).map_or(0, |c| c as u64 + 1),
                        sitrep_lexicon::is_role(t.form) as u64,
                    );
                    if self.word_memo.len() >= MEMO_LIMIT {
                        self.word_memo.clear();
                    }
                    self.word_memo.insert(key, v);
                    v
                }
            };
            self.title.push(title);
            self.role.push(role);
        }
        // Capitalised runs (with connectors inside): each token of a run
        // sees the run's first and last word, where a name's type often
        // shows ("... Party", "... River", "University of ...").
        self.run_first.clear();
        self.run_last.clear();
        self.run_first.resize(n, usize::MAX);
        self.run_last.resize(n, usize::MAX);
        let mut i = 0;
        while i < n {
            if self.caps[i] == 0 {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            loop {
                if e < n && self.caps[e] != 0 {
                    e += 1;
                } else if e + 1 < n && is_connector(&self.lower[e]) && self.caps[e + 1] != 0 {
                    e += 2;
                } else {
                    break;
                }
            }
            for k in i..e {
                self.run_first[k] = i;
                self.run_last[k] = e - 1;
            }
            i = e;
        }
        let (hl, hs) = (&self.h_lower, &self.h_shape);
        let lw = |i: isize| hl[(i + 2) as usize];
        let sh = |i: isize| hs[(i + 2) as usize];
        let up = |i: isize| -> u64 {
            if i < 0 || i as usize >= n {
                99
            } else {
                toks[i as usize].upos.index() as u64
            }
        };
        let xp = |i: isize| -> u64 {
            if i < 0 || i as usize >= n {
                999
            } else {
                toks[i as usize].xpos.index() as u64
            }
        };
        // Sentence-initial: nothing but punctuation (quotes, dashes) before.
        let mut initial = true;
        for (i, t) in toks.iter().enumerate() {
            starts.push(feats.len() as u32);
            let j = i as isize;
            let w = lw(j);
            let word = self.lower[i].as_str();
            let mut f = |h: Hasher| feats.push(h.finish());
            f(Hasher::new(0));
            f(Hasher::new(1).u(w));
            f(Hasher::new(2).u(self.h_form[i + 2]));
            f(Hasher::new(3).u(lw(j - 1)));
            f(Hasher::new(4).u(lw(j + 1)));
            f(Hasher::new(5).u(lw(j - 2)));
            f(Hasher::new(6).u(lw(j + 2)));
            f(Hasher::new(7).u(sh(j)));
            f(Hasher::new(8).u(sh(j - 1)));
            f(Hasher::new(9).u(sh(j + 1)));
            for k in 1..=3 {
                f(Hasher::new(10).u(k as u64).s(prefix(word, k)));
            }
            for k in 1..=4 {
                f(Hasher::new(11).u(k as u64).s(suffix(word, k)));
            }
            f(Hasher::new(12).u(up(j)));
            f(Hasher::new(13).u(up(j - 1)));
            f(Hasher::new(14).u(up(j + 1)));
            f(Hasher::new(15).u(xp(j)));
            f(Hasher::new(16).u(up(j - 1)).u(up(j)));
            f(Hasher::new(17).u(up(j)).u(up(j + 1)));
            f(Hasher::new(18).u(xp(j - 1)).u(xp(j)));
            f(Hasher::new(19).u(xp(j)).u(xp(j + 1)));
            let cap = self.caps[i];
            f(Hasher::new(20).u(cap).u(initial as u64));
            f(Hasher::new(21).u(cap).u(initial as u64).u(up(j)));
            f(Hasher::new(22).u(lw(j - 1)).u(w));
            f(Hasher::new(23).u(w).u(lw(j + 1)));
            f(Hasher::new(24).u(sh(j - 1)).u(sh(j)).u(sh(j + 1)));
            // Words the shared lexicon knows before a person's name.
            let prev_title = if i > 0 { self.title[i - 1] } else { 0 };
            let prev_role = if i > 0 { self.role[i - 1] } else { 0 };
            let next_role = self.role.get(i + 1).copied().unwrap_or(0);
            f(Hasher::new(25).u(prev_title).u(cap));
            f(Hasher::new(26)
                .u((self.title[i] != 0) as u64)
                .u(self.role[i])
                .u(cap));
            f(Hasher::new(27).u(prev_role).u(next_role).u(cap));
            f(Hasher::new(28).u(w).u(up(j)));
            if self.run_first[i] != usize::MAX {
                let (a, b) = (self.run_first[i], self.run_last[i]);
                let pos = (i == a) as u64 * 2 + (i == b) as u64;
                f(Hasher::new(35).u(hl[b + 2]).u(pos));
                f(Hasher::new(36).u(hl[a + 2]).u(pos));
                f(Hasher::new(37)
                    .u((b - a + 1).min(5) as u64)
                    .u(pos)
                    .u(initial as u64));
            }
            if self.place[i] != 0 {
                f(Hasher::new(30).u(self.place[i] as u64));
                f(Hasher::new(31).u(self.place[i] as u64).u(initial as u64));
            }
            if self.actor[i] != 0 {
                f(Hasher::new(32).u(self.actor[i] as u64));
                f(Hasher::new(33).u(self.actor[i] as u64).u(initial as u64));
            }
            if self.place[i] != 0 && self.actor[i] != 0 {
                f(Hasher::new(34)
                    .u(self.place[i] as u64)
                    .u(self.actor[i] as u64));
            }
            if !t.form.chars().all(|c| c.is_ascii_punctuation()) {
                initial = false;
            }
        }
        starts.push(feats.len() as u32);
    }

    /// Marks the longest place and actor names the lexicon knows, each
    /// starting at a capitalised token.
    fn membership(&mut self, toks: &[TokenIn], lex: &dyn NameLexicon) {
        let n = toks.len();
        self.place.clear();
        self.place.resize(n, 0);
        self.actor.clear();
        self.actor.resize(n, 0);
        if !lex.enabled() {
            return;
        }
        let mut words: Vec<&str> = Vec::with_capacity(MAX_LEXICON_WORDS);
        for i in 0..n {
            if self.caps[i] == 0 {
                continue;
            }
            // Candidate end points: runs of capitalised tokens and connectors
            // that end on a capitalised token.
            let mut ends = [0usize; MAX_LEXICON_WORDS];
            let mut n_ends = 0;
            for (k, j) in (i..n.min(i + MAX_LEXICON_WORDS)).enumerate() {
                if self.caps[j] != 0 {
                    ends[n_ends] = j + 1;
                    n_ends += 1;
                } else if k == 0 || !is_connector(&self.lower[j]) {
                    break;
                }
            }
            let ends = &ends[..n_ends];
            for (is_place, marks) in [(true, &mut self.place), (false, &mut self.actor)] {
                if marks[i] != 0 {
                    continue; // inside an earlier, longer match
                }
                for &end in ends.iter().rev() {
                    // Actor marks carry the actor's kind: 1..=4 person,
                    // 5..=8 group.
                    let hit = lookup(&mut self.memo, lex, &toks[i..end], is_place, &mut words);
                    if let Some(base) = hit {
                        if end - i == 1 {
                            marks[i] = base + 4;
                        } else {
                            marks[i] = base + 1;
                            for m in &mut marks[i + 1..end - 1] {
                                *m = base + 2;
                            }
                            marks[end - 1] = base + 3;
                        }
                        break;
                    }
                }
            }
        }
    }

    /// The [`str_hash`] of token `i`'s shape in the last sentence (for
    /// [`dynamic`]).
    pub fn shape_hash(&self, i: usize) -> u64 {
        self.h_shape.get(i + 2).copied().unwrap_or(0)
    }
}

/// A memoised lexicon question about `toks` as a name: for a place, `Some(0)`
/// if it is one; for an actor, `Some(0)` for a person and `Some(4)` for a
/// group.
fn lookup<'a>(
    memo: &mut std::collections::HashMap<u64, Option<u8>>,
    lex: &dyn NameLexicon,
    toks: &[TokenIn<'a>],
    is_place: bool,
    words: &mut Vec<&'a str>,
) -> Option<u8> {
    let mut key = Hasher::new(50).u(is_place as u64);
    for t in toks {
        key = key.s(t.form);
    }
    let key = key.finish();
    if let Some(h) = memo.get(&key) {
        return *h;
    }
    words.clear();
    words.extend(toks.iter().map(|t| t.form));
    let h = if is_place {
        lex.is_place(words).then_some(0)
    } else {
        lex.actor(words).map(|k| match k {
            ActorKind::Person => 0,
            ActorKind::Group => 4,
        })
    };
    if memo.len() >= MEMO_LIMIT {
        memo.clear();
    }
    memo.insert(key, h);
    h
}

impl Featurizer {
    /// Forgets the lexicon answers (before using another lexicon).
    pub fn clear_memo(&mut self) {
        self.memo.clear();
    }

    /// Whether `toks` is a known place (memoised).
    pub fn is_place(&mut self, lex: &dyn NameLexicon, toks: &[TokenIn]) -> bool {
        let mut words = Vec::new();
        lookup(&mut self.memo, lex, toks, true, &mut words).is_some()
    }

    /// The actor kind of `toks` (memoised).
    pub fn actor(&mut self, lex: &dyn NameLexicon, toks: &[TokenIn]) -> Option<ActorKind> {
        let mut words = Vec::new();
        lookup(&mut self.memo, lex, toks, false, &mut words).map(|b| {
            if b == 0 {
                ActorKind::Person
            } else {
                ActorKind::Group
            }
        })
    }
}

/// The features of the two previous predicted labels with the token's shape
/// (its [`Featurizer::shape_hash`]).
pub fn dynamic(prev: Option<Label>, prev2: Option<Label>, shape: u64) -> [u64; 3] {
    let p = prev.map_or(99, |l| l.index() as u64);
    let p2 = prev2.map_or(99, |l| l.index() as u64);
    [
        Hasher::new(40).u(p).finish(),
        Hasher::new(41).u(p).u(p2).finish(),
        Hasher::new(42).u(p).u(shape).finish(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_caps() {
        let mut s = String::new();
        for (w, want) in [
            ("Lavrov", "Xx"),
            ("U.S.", "X.X."),
            ("2016", "d"),
            ("al-Bab", "x-Xx"),
        ] {
            shape(w, &mut s);
            assert_eq!(s, want, "{w}");
        }
        assert_eq!(cap_class("Hamas"), 1);
        assert_eq!(cap_class("SDF"), 2);
        assert_eq!(cap_class("McCain"), 3);
        assert_eq!(cap_class("said"), 0);
        assert_eq!(cap_class("2016"), 0);
        assert_eq!(prefix("Ål", 1), "Å");
        assert_eq!(suffix("Homs", 2), "ms");
        assert_eq!(suffix("a", 3), "a");
    }

    struct Places;
    impl NameLexicon for Places {
        fn is_place(&self, words: &[&str]) -> bool {
            words == ["Deir", "ez", "Zor"] || words == ["Cairo"]
        }
        fn actor(&self, words: &[&str]) -> Option<ActorKind> {
            (words == ["Hamas"]).then_some(ActorKind::Group)
        }
    }

    #[test]
    fn membership_marks_the_longest_match() {
        let forms = ["Hamas", "left", "Deir", "ez", "Zor", "for", "Cairo"];
        let toks: Vec<TokenIn> = forms
            .iter()
            .map(|f| TokenIn {
                form: f,
                upos: Upos::default(),
                xpos: Xpos::default(),
            })
            .collect();
        let mut fz = Featurizer::default();
        let (mut feats, mut starts) = (Vec::new(), Vec::new());
        fz.sentence(&toks, &Places, &mut feats, &mut starts);
        assert_eq!(fz.place, [0, 0, 1, 2, 3, 0, 4]);
        assert_eq!(fz.actor, [8, 0, 0, 0, 0, 0, 0]);
        assert_eq!(starts.len(), forms.len() + 1);
    }
}
