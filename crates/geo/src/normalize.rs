//! The name-index key: one normalised form shared by the builder and by lookups.
//!
//! A key is a sequence of words over `[a-z0-9]`, separated by single spaces. It is
//! computed as follows (the order matters):
//!
//! 1. Unicode compatibility decomposition (NFKD); combining marks are dropped, so
//!    `Ḩalab` → `halab`, `Alèp` → `alep`. A few letters that do not decompose are
//!    mapped by hand (`ø`→`o`, `ß`→`ss`, `ł`→`l`, `æ`→`ae`, `ı`→`i`...).
//! 2. Lowercase.
//! 3. Apostrophes of every kind (`'`, `’`, `ʿ`, `ʾ`, `ʻ`, backtick) and full stops are
//!    *deleted*, not turned into separators: transliterated Arabic marks `ayn` and
//!    `hamza` with them (`Dar'a` = `Dara`), and abbreviations use stops
//!    (`U.S.` = `US`; `St. Louis` = `St Louis` because of the following space).
//! 4. Any other character that is not an ASCII letter or digit (spaces, hyphens,
//!    commas, slashes) separates words.
//! 5. Arabic definite-article variants are canonicalised to `al` when they are a
//!    whole word and another word follows: `el`, `ez`, `az`, `as`, `ash`, `ad`, `adh`,
//!    `ar`, `at`, `ath`, `an`, `es`, `ed`, `er`, `et`, `en`, `ul`, `ud`, `us`, `uz`.
//!    So `Deir ez-Zor`, `Deir el Zor` and `Deir al-Zor` share the key `deir al zor`,
//!    and `ash-Shaar` = `al-Shaar`. The article *attached* without a separator
//!    (`Azzor`) is left alone: it is rare and ambiguous.
//!
//! A key is empty when the name has no Latin letter or digit left (Arabic, Cyrillic
//! or CJK script): such names are not indexed, since sitrep reads English news.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words that are transliterations of the Arabic article `al-` (with sun-letter
/// assimilation, or in Levantine/Turkish spelling).
const ARTICLES: &[&str] = &[
    "el", "ez", "az", "as", "ash", "ad", "adh", "ar", "at", "ath", "an", "es", "ed", "er", "et",
    "en", "ul", "ud", "us", "uz", "al",
];

/// Whether `word` (already a normalised word) is an Arabic article variant.
pub fn is_article(word: &str) -> bool {
    ARTICLES.contains(&word)
}

/// Folds one character to lowercase ASCII, pushing the result to `out`.
/// Returns what the character is: part of a word, deleted, or a separator.
fn fold_char(c: char, out: &mut String) -> Fold {
    match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            Fold::Word
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            Fold::Word
        }
        '\'' | '’' | '‘' | '`' | '´' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | 'ʹ' | '.' => Fold::Delete,
        _ if c.is_ascii() => Fold::Separator,
        _ => {
            let before = out.len();
            for d in c.nfkd() {
                if is_combining_mark(d) {
                    continue;
                }
                let mapped: &str = match d {
                    'ø' | 'Ø' => "o",
                    'ß' => "ss",
                    'ł' | 'Ł' => "l",
                    'đ' | 'Đ' | 'ð' | 'Ð' => "d",
                    'æ' | 'Æ' => "ae",
                    'œ' | 'Œ' => "oe",
                    'þ' | 'Þ' => "th",
                    'ı' => "i",
                    'ħ' | 'Ħ' => "h",
                    'ŧ' | 'Ŧ' => "t",
                    'ƒ' => "f",
                    _ if d.is_ascii_alphanumeric() => {
                        out.push(d.to_ascii_lowercase());
                        continue;
                    }
                    '\'' | '’' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' => continue,
                    _ => "",
                };
                out.push_str(mapped);
            }
            if out.len() > before {
                Fold::Word
            } else if c.is_alphabetic() {
                // A letter of another script: the whole name is unusable, but we
                // still separate so that mixed names keep their Latin words apart.
                Fold::Foreign
            } else {
                Fold::Separator
            }
        }
    }
}

enum Fold {
    Word,
    Delete,
    Separator,
    Foreign,
}

/// Computes the index key of `name` (see the module docs). Returns an empty
/// string if the name contains letters of a non-Latin script or nothing usable.
pub fn key(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in name.chars() {
        match fold_char(c, &mut cur) {
            Fold::Word | Fold::Delete => {}
            Fold::Separator => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            Fold::Foreign => return String::new(),
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    join_words(&words)
}

/// Joins already-folded words into a key, canonicalising articles (rule 5).
pub fn join_words<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if i + 1 < words.len() && is_article(w) {
            out.push_str("al");
        } else {
            out.push_str(w);
        }
    }
    out
}

/// Folds a single token (no separators expected) to its key word(s); used by the
/// longest-match helper, which sees text already split into tokens. A token with
/// internal hyphens (`ez-Zor`) yields several words.
pub fn token_words(token: &str, out: &mut Vec<String>) -> bool {
    let k = key(token);
    if k.is_empty() {
        return false;
    }
    out.extend(k.split(' ').map(str::to_string));
    true
}

/// Sun letters of Arabic transliteration: an article before a word starting
/// with one assimilates (`ar-Raqqa`, `ez-Zor`), and an attached one doubles it
/// (`Ezzor`, `Assad`).
const SUN_STARTS: &[&str] = &["sh", "th", "dh", "t", "d", "r", "z", "s", "n"];

/// The transliteration-folded form of a key (see [`key`]): the looser index
/// the gazetteer keeps alongside exact keys, so spellings of one Arabic (or
/// Persian, Pashto...) name meet. Applied to whole keys, word by word:
///
/// 1. article words (`al`, after [`key`]'s canonicalisation) are dropped when
///    a word follows (`Al Qamishli` = `Qamishli`, `Deir al-Zour` = `Deir Zour`);
///    an article *attached* before a doubled sun letter is dropped too
///    (`Ezzor` = `Zor`, `Arraqqa` = `Raqqa`), but only in a word after another
///    word, where a name's first word is not at stake (`Assad` stays);
/// 2. `q` → `k`, `ck` → `k`, `ph` → `f`, `kh` → `k`, `gh` → `g`;
/// 3. vowel variants: `ou`/`oo`/`aw`/`o` → `u`, `ee`/`ie`/`ii` → `i`,
///    `ei`/`ey`/`ay`/`ai`/`ae` → `e`, and a final `ah`/`eh`/`a`/`e` → `a`
///    (`Hassakeh` = `Hasakah`, `Dayr` = `Deir`, `Zawr` = `Zour` = `Zor`);
/// 4. doubled letters collapse (`Raqqa` = `Raqa`, `Hassakeh` = `Hasakeh`).
///
/// Folding only ever merges keys; the gazetteer scores a folded match below
/// an exact one (recognition asks more of it, see `recognize`).
pub fn fold(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(key.len());
    for (i, w) in words.iter().enumerate() {
        if *w == "al" && i + 1 < words.len() {
            continue;
        }
        let w = if i > 0 { strip_attached_article(w) } else { w };
        if !out.is_empty() {
            out.push(' ');
        }
        fold_word(w, &mut out);
    }
    out
}

/// Whether a name (as a key) is long enough to be looked up by its folded
/// form: under four letters, folding merges too much (`Air` would meet
/// `Ayr`, `USA` `Ussa`), and such names are usually codes or words.
pub fn foldable(key: &str) -> bool {
    key.bytes().filter(u8::is_ascii_alphabetic).count() >= 4
}

/// `ezzor` → `zor`, `arraqqa` → `raqqa`: a vowel, an optional `l`, then a
/// doubled sun letter and at least two more letters.
fn strip_attached_article(w: &str) -> &str {
    let b = w.as_bytes();
    if b.len() < 5 || !matches!(b[0], b'a' | b'e') {
        return w;
    }
    let rest = if b[1] == b'l' { &w[2..] } else { &w[1..] };
    for s in SUN_STARTS {
        if let Some(after) = rest.strip_prefix(s) {
            if after.starts_with(s) && after.len() >= s.len() + 2 {
                return after;
            }
        }
    }
    w
}

/// Folds one word (rules 2–4 of [`fold`]) onto `out`.
fn fold_word(w: &str, out: &mut String) {
    let b = w.as_bytes();
    let mut tmp: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let pair = next.map(|n| [c, n]);
        let (emit, used): (&[u8], usize) = match pair.as_ref().map(|p| &p[..]) {
            Some(b"ck") | Some(b"kh") => (b"k", 2),
            Some(b"ph") => (b"f", 2),
            Some(b"gh") => (b"g", 2),
            Some(b"ou") | Some(b"oo") | Some(b"aw") => (b"u", 2),
            Some(b"ee") | Some(b"ie") | Some(b"ii") => (b"i", 2),
            Some(b"ei") | Some(b"ey") | Some(b"ay") | Some(b"ai") | Some(b"ae") => (b"e", 2),
            _ => match c {
                b'q' => (b"k", 1),
                b'o' => (b"u", 1),
                _ => (std::slice::from_ref(&b[i]), 1),
            },
        };
        tmp.extend_from_slice(emit);
        i += used;
    }
    // A final `ah`/`eh` or `e` is the feminine ending `-a`.
    if tmp.len() > 3 && (tmp.ends_with(b"ah") || tmp.ends_with(b"eh")) {
        tmp.truncate(tmp.len() - 2);
        tmp.push(b'a');
    } else if tmp.len() > 3 && tmp.ends_with(b"e") {
        tmp.pop();
        tmp.push(b'a');
    }
    tmp.dedup();
    out.extend(tmp.into_iter().map(char::from));
}

#[cfg(test)]
mod tests {
    use super::{fold, key};

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(key("Ḩalab"), "halab");
        assert_eq!(key("Alèp"), "alep");
        assert_eq!(key("Nándorfehérvár"), "nandorfehervar");
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("Straße"), "strasse");
    }

    #[test]
    fn canonicalises_arabic_articles() {
        let k = key("Deir ez-Zor");
        assert_eq!(k, "deir al zor");
        assert_eq!(key("Deir al-Zor"), k);
        assert_eq!(key("Deir el Zor"), k);
        assert_eq!(key("ash-Shaar"), key("al-Shaar"));
        // A trailing article-like word is a word, not an article.
        assert_eq!(key("Pas de Calais as"), "pas de calais as");
    }

    #[test]
    fn apostrophes_and_stops_are_deleted() {
        assert_eq!(key("Dar'a"), "dara");
        assert_eq!(key("Dar‘ā"), "dara");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("St. Louis"), "st louis");
        assert_eq!(key("Washington, D.C."), "washington dc");
    }

    #[test]
    fn folds_transliteration_variants() {
        let f = |n: &str| fold(&key(n));
        let deir = f("Deir ez-Zor");
        for n in [
            "Deir Ezzor",
            "Dayr az Zawr",
            "Deir al-Zour",
            "Deir el-Zor",
            "Dayr al Zur",
        ] {
            assert_eq!(f(n), deir, "{n}");
        }
        assert_eq!(f("Raqa"), f("Ar Raqqah"));
        assert_eq!(f("Raqqa"), f("Raqa"));
        assert_eq!(f("Hassakeh"), f("Al-Hasakah"));
        assert_eq!(f("Qamishli"), f("Al Qamishli"));
        // Distinct names stay apart; a name's first word keeps its `As`.
        assert_ne!(f("Homs"), f("Hama"));
        assert_ne!(f("Assad"), f("Sad"));
        assert_ne!(f("Riga"), f("Raqa"));
    }

    #[test]
    fn foreign_scripts_give_empty_keys() {
        assert_eq!(key("حلب"), "");
        assert_eq!(key("Москва"), "");
        assert_eq!(key(" - "), "");
    }
}
