//! GUM's `Entity=` annotations as named-entity training data.
//!
//! GUM marks every mention (names, common nouns, pronouns) with brackets in
//! the MISC column: `(8-organization-new-…-University_of_Portsmouth` opens
//! mention 8 on a word, `8)` closes it on a later word, `(7-abstract-…)` is a
//! one-word mention, and several may stack on one word (nested mentions).
//! [`brackets`] reads one word's value; [`mentions`] pairs them over a
//! sentence.
//!
//! **Which mentions are names** ([`named_spans`]), the rule this crate is
//! trained on:
//! 1. the mention's syntactic head (its first word whose head lies outside
//!    the mention) is a proper noun (`PROPN`): "the University of
//!    Portsmouth", "Kim", but not "the Obama administration" or "Spanish art";
//! 2. its entity type is not `time` (dates and month names are temporal
//!    expressions, the time resolver's job);
//! 3. the name is the head's part of the mention: from the head, left and
//!    right over capitalised words that are not determiners, pronouns,
//!    adpositions or conjunctions, and across a lowercase connector (`of`,
//!    `de`, `al`, `&`, ...) only when a capitalised word of the mention
//!    follows it. "the United Kingdom" → "United Kingdom"; "Kim, who …" →
//!    "Kim"; "Bank of England" stays whole;
//! 4. a person's name does not cross a connector ("Gordon of
//!    Auchleuchries" is a person, then a place), leading titles are not part
//!    of it ("Professor Eastman" → "Eastman", as in CoNLL-2003), and a title
//!    or role alone ("the Director") is not a name;
//! 5. names do not overlap: a longer name wins over the names inside it
//!    ("University of Portsmouth" over "Portsmouth"), and of two crossing
//!    names the earlier wins.
//!
//! Types: `person` → person, `organization` → organization, `place` →
//! place, every other GUM type (`abstract`, `event`, `object`, `animal`,
//! `plant`, `substance`) → other.

use crate::error::{Error, Result};
use crate::label::TokenSpan;
use sitrep_doc::conllu;
use sitrep_doc::entities::EntityKind;
use sitrep_doc::{Upos, Xpos};
use std::path::{Path, PathBuf};

/// One bracket of a word's `Entity=` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bracket<'a> {
    /// `(id-type-…` : a mention starts here.
    Open { id: &'a str, etype: &'a str },
    /// `(id-type-…)` : a one-word mention.
    Single { id: &'a str, etype: &'a str },
    /// `id)` : mention `id` ends here.
    Close { id: &'a str },
}

/// The `Entity=` value of a MISC column, if any.
pub fn entity_field(misc: &str) -> Option<&str> {
    misc.split('|').find_map(|f| f.strip_prefix("Entity="))
}

/// Reads one `Entity=` value into its brackets, in order.
pub fn brackets(value: &str) -> Result<Vec<Bracket<'_>>> {
    let bad = |why: &str| Error::Data(format!("Entity={value}: {why}"));
    let b = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'(' && b[j] != b')' {
                j += 1;
            }
            let body = &value[start..j];
            let mut parts = body.split('-');
            let id = parts
                .next()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| bad("no id"))?;
            let etype = parts.next().ok_or_else(|| bad("no entity type"))?;
            if j < b.len() && b[j] == b')' {
                out.push(Bracket::Single { id, etype });
                i = j + 1;
            } else {
                out.push(Bracket::Open { id, etype });
                i = j;
            }
        } else if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i] != b')' {
                i += 1;
            }
            if i == b.len() {
                return Err(bad("unterminated closing bracket"));
            }
            out.push(Bracket::Close {
                id: &value[start..i],
            });
            i += 1;
        } else {
            return Err(bad("unexpected character"));
        }
    }
    Ok(out)
}

/// One mention: words `start..end` of its sentence and its GUM type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub etype: String,
}

/// Every mention of a sentence, in order of their closing. A closing bracket
/// ends the innermost open mention with its id; a mention still open at the
/// sentence's end is dropped (GUM mentions never cross sentences).
pub fn mentions(words: &[conllu::Word]) -> Result<Vec<Mention>> {
    let mut open: Vec<(&str, &str, usize)> = Vec::new();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(v) = entity_field(&w.misc) else {
            continue;
        };
        for br in brackets(v)? {
            match br {
                Bracket::Open { id, etype } => open.push((id, etype, i)),
                Bracket::Single { etype, .. } => out.push(Mention {
                    start: i,
                    end: i + 1,
                    etype: etype.to_string(),
                }),
                Bracket::Close { id } => {
                    let k = open.iter().rposition(|(o, _, _)| *o == id).ok_or_else(|| {
                        Error::Data(format!("Entity: {id}) closes no open mention"))
                    })?;
                    let (_, etype, start) = open.remove(k);
                    out.push(Mention {
                        start,
                        end: i + 1,
                        etype: etype.to_string(),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// The entity kind of a GUM type; `None` for types that are never names
/// (`time`).
pub fn kind_of(etype: &str) -> Option<EntityKind> {
    match etype {
        "person" => Some(EntityKind::Person),
        "organization" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        "time" => None,
        _ => Some(EntityKind::Other),
    }
}

/// Lowercase words that may join two capitalised parts of one name.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "de"
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
            | "bin"
            | "ibn"
            | "&"
            | "-"
            | "'s"
    )
}

fn name_word(w: &conllu::Word) -> bool {
    let closed = matches!(
        w.upos.as_str(),
        "DET" | "PRON" | "ADP" | "CCONJ" | "SCONJ" | "PUNCT" | "AUX" | "PART"
    );
    !closed && (sitrep_lexicon::is_capitalised(&w.form) || w.upos == "PROPN")
}

fn is_title_word(w: &str) -> bool {
    sitrep_lexicon::is_title(w) || sitrep_lexicon::is_courtesy_abbreviation(&w.to_lowercase())
}

/// The names among a sentence's mentions (the rule in the module docs).
pub fn named_spans(words: &[conllu::Word], mentions: &[Mention]) -> Vec<TokenSpan> {
    let mut cands: Vec<TokenSpan> = Vec::new();
    for m in mentions {
        let Some(kind) = kind_of(&m.etype) else {
            continue;
        };
        if m.end > words.len() || m.start >= m.end {
            continue;
        }
        let inside = |h: usize| h > m.start && h <= m.end; // 1-based heads
        let Some(head) = (m.start..m.end).find(|&i| !inside(words[i].head)) else {
            continue;
        };
        if words[head].upos != "PROPN" {
            continue;
        }
        let (mut s, mut e) = (head, head + 1);
        while s > m.start && name_word(&words[s - 1]) {
            s -= 1;
        }
        // A person's name never runs across a connector: "Gordon of
        // Auchleuchries" is a person and a place.
        let person = kind == EntityKind::Person;
        loop {
            if e < m.end && name_word(&words[e]) {
                e += 1;
            } else if !person
                && e + 1 < m.end
                && is_connector(&words[e].form.to_lowercase())
                && name_word(&words[e + 1])
            {
                e += 2;
            } else {
                break;
            }
        }
        if person {
            // Titles are not part of the name ("Professor Eastman"), and a
            // title or role alone ("the Director") names no one.
            while s < e && is_title_word(&words[s].form) {
                s += 1;
            }
            if s == e || (e - s == 1 && sitrep_lexicon::is_role(&words[s].form)) {
                continue;
            }
        }
        cands.push(TokenSpan {
            start: s,
            end: e,
            kind,
        });
    }
    // Longer first, then earlier: outer names win over the names inside.
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut kept: Vec<TokenSpan> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|k| k.start);
    kept
}

/// One sentence with gold tags and names.
#[derive(Clone, Debug, Default)]
pub struct GumSent {
    pub forms: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
    pub names: Vec<TokenSpan>,
}

/// One GUM document (one file).
#[derive(Clone, Debug, Default)]
pub struct GumDoc {
    /// The file name without `.conllu` (`GUM_news_korea`).
    pub name: String,
    pub sents: Vec<GumSent>,
}

/// Reads one GUM CoNLL-U file.
pub fn read_doc(path: &Path) -> Result<GumDoc> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let parsed =
        conllu::parse(&text).map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    let mut doc = GumDoc {
        name,
        sents: Vec::new(),
    };
    for s in &parsed {
        let ms = mentions(&s.words).map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
        doc.sents.push(GumSent {
            forms: s.words.iter().map(|w| w.form.clone()).collect(),
            upos: s
                .words
                .iter()
                .map(|w| Upos::from_name(&w.upos).unwrap_or_default())
                .collect(),
            xpos: s
                .words
                .iter()
                .map(|w| Xpos::from_name(&w.xpos).unwrap_or_default())
                .collect(),
            names: named_spans(&s.words, &ms),
        });
    }
    Ok(doc)
}

/// Whether a document is held out from training: every fifth file of the
/// corpus sorted by name (positions 4, 9, 14, ... counting from 0). With the
/// 108 shared GUM files that is 21 documents, 5 of them news.
pub fn is_held_out(position_in_sorted_corpus: usize) -> bool {
    position_in_sorted_corpus % 5 == 4
}

/// The `.conllu` files of `dir` sorted by name, split into (training,
/// held-out) by [`is_held_out`].
pub fn split(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for (i, f) in files.into_iter().enumerate() {
        if is_held_out(i) {
            held.push(f);
        } else {
            train.push(f);
        }
    }
    Ok((train, held))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_nested_single_and_closing() {
        let v = "(13-organization-new-nnnnn-cf4-1,4,5-coref-Durham_University(14-place-new-nnnnn-cf5-1-coref-Durham%2C_England)";
        assert_eq!(
            brackets(v).unwrap(),
            [
                Bracket::Open {
                    id: "13",
                    etype: "organization"
                },
                Bracket::Single {
                    id: "14",
                    etype: "place"
                }
            ]
        );
        assert_eq!(
            brackets("10)9)8)").unwrap(),
            [
                Bracket::Close { id: "10" },
                Bracket::Close { id: "9" },
                Bracket::Close { id: "8" }
            ]
        );
        assert_eq!(
            brackets("4)(5-person-giv:act-cf1*-1-coref-Kim").unwrap(),
            [
                Bracket::Close { id: "4" },
                Bracket::Open {
                    id: "5",
                    etype: "person"
                }
            ]
        );
        assert!(brackets("(").is_err());
        assert!(brackets("12").is_err());
        assert!(brackets("(3").is_err());
        assert_eq!(entity_field("MSeg=a|Entity=1)|SpaceAfter=No"), Some("1)"));
    }

    /// `the University of Portsmouth , United Kingdom` with GUM's nesting.
    const SENT: &str = "\
1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(8-organization-new-x-University_of_Portsmouth
2\tUniversity\tUniversity\tPROPN\tNNP\t_\t0\troot\t_\t_
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_
4\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(9-place-new-x-Portsmouth
5\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_
6\tUnited\tUnite\tVERB\tNNP\t_\t7\tamod\t_\tEntity=(10-place-new-x-United_Kingdom
7\tKingdom\tKingdom\tPROPN\tNNP\t_\t4\tappos\t_\tEntity=10)9)8)
8\tresearchers\tresearcher\tNOUN\tNNS\t_\t2\tdep\t_\tEntity=(11-person-new-x)
";

    #[test]
    fn mentions_pair_nested_brackets() {
        let words = &conllu::parse(SENT).unwrap()[0].words;
        let ms = mentions(words).unwrap();
        let got: Vec<(usize, usize, &str)> = ms
            .iter()
            .map(|m| (m.start, m.end, m.etype.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (5, 7, "place"),
                (3, 7, "place"),
                (0, 7, "organization"),
                (7, 8, "person")
            ]
        );
    }

    #[test]
    fn named_spans_trim_and_prefer_the_outer_name() {
        let words = &conllu::parse(SENT).unwrap()[0].words;
        let ms = mentions(words).unwrap();
        // The organisation's name is "University of Portsmouth" (no "the",
        // and it stops at the comma); it contains the place "Portsmouth";
        // "United Kingdom" lies outside it and survives; "researchers" is
        // not a name.
        assert_eq!(
            named_spans(words, &ms),
            [
                TokenSpan {
                    start: 1,
                    end: 4,
                    kind: EntityKind::Organization
                },
                TokenSpan {
                    start: 5,
                    end: 7,
                    kind: EntityKind::Place
                }
            ]
        );
    }

    #[test]
    fn an_unopened_closing_bracket_is_an_error() {
        let s = "1\tx\tx\tNOUN\tNN\t_\t0\troot\t_\tEntity=3)\n";
        let words = &conllu::parse(s).unwrap()[0].words;
        assert!(mentions(words).is_err());
    }

    #[test]
    fn the_split_is_every_fifth_file() {
        let held: Vec<usize> = (0..15).filter(|&i| is_held_out(i)).collect();
        assert_eq!(held, [4, 9, 14]);
    }
}
