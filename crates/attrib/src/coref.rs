//! A small, explainable speaker resolution.
//!
//! Person entities come from names the text vouches for as people: a name after
//! a role (`the Russian Foreign Minister Sergey Lavrov`, `President Assad`), a
//! name with a role in apposition (`Rami Abdulrahman, SOHR's chief,`), or a name
//! that is the subject of a speech verb. A speaker mention then resolves by:
//! 1. a name inside the mention → that name;
//! 2. `he`/`she` → the most recent person speaker within [`RECENT`] sentences
//!    (subject preference), else the most recent person entity before it;
//!    `they` → the most recent collective source;
//! 3. a description (`the Russian minister`, `the director of SOHR`) → the most
//!    recent person whose roles share its role noun (chief ≈ director ≈ head)
//!    and, if it names any, one of its proper words; failing that, a person
//!    named within the next [`AHEAD`] sentences (news often names the speaker
//!    in apposition a sentence later);
//! 4. otherwise the mention itself: an organisation, outlet or collective.
//!
//! Gender is not modelled (no reliable signal without a name list), so `he`
//! and `she` resolve alike.

use crate::speech::Mention;
use crate::tok::*;
use sitrep_doc::{Doc, Span};
use sitrep_lexicon::{is_collective, is_role, is_role_head, title_class, TitleClass};

/// Sentences back a pronoun looks for a previous speaker.
pub const RECENT: usize = 8;
/// Sentences ahead a description may find its named person.
pub const AHEAD: usize = 3;
/// How many recent persons and previous speakers a mention is compared with.
const CANDIDATES: usize = 64;

/// A person the text names.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub span: Span,
    /// Token index of the name's first token.
    pub token: usize,
    /// Lowercased role and modifier words (`russian`, `foreign`, `minister`).
    pub roles: Vec<String>,
    /// Organisations the person speaks for (`SOHR` from `SOHR's chief`).
    pub orgs: Vec<(String, Span)>,
}

/// The outcome of resolving one speaker mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub name_span: Span,
    pub person: bool,
    pub explanation: String,
    /// The organisation the speaker speaks for, when the text says.
    pub org: Option<(String, Span)>,
}

fn lower(doc: &Doc, i: usize) -> String {
    word(doc, i).to_lowercase()
}

fn text_of(doc: &Doc, a: usize, b: usize) -> String {
    doc.slice(span_of(doc, a, b)).to_string()
}

/// Finds person entities in text order.
pub fn persons(doc: &Doc) -> Vec<Person> {
    let n = doc.tokens.len();
    let mut out: Vec<Person> = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_proper(doc, i) {
            i += 1;
            continue;
        }
        // A run of proper words, allowing hyphens inside (`Al-Assad`).
        let a = i;
        let mut b = i;
        while b + 1 < n
            && (is_proper(doc, b + 1)
                || (word(doc, b + 1) == "-" && is_proper(doc, b + 2) && b + 2 < n))
        {
            b += 1;
        }
        i = b + 1;
        let mut roles: Vec<String> = Vec::new();
        let mut k = a;
        while k > 0
            && a - k < 6
            && (is_role(word(doc, k - 1)) || upos(doc, k - 1).as_str() == "ADJ")
        {
            k -= 1;
            roles.push(lower(doc, k));
        }
        // Only titles split a run (`Foreign Minister | Sergey Lavrov`);
        // modifiers such as `Defense` in `Civil Defense Authority` do not.
        let split = (a..=b)
            .rev()
            .find(|&j| is_role_head(word(doc, j)) || is_title(word(doc, j)));
        let name_start = split.map_or(a, |r| r + 1);
        if name_start > b {
            continue;
        }
        roles.extend((a..name_start).map(|j| lower(doc, j)));
        let mut orgs = Vec::new();
        // Apposition: `NAME , [ORG 's] ROLE [of ORG] ,`
        if word(doc, b + 1) == "," {
            let mut j = b + 2;
            let stop = (b + 12).min(n);
            let mut has_role = false;
            let mut org_start = None;
            while j < stop && word(doc, j) != "," && !is_punct_end(doc, j) {
                if is_role(word(doc, j)) {
                    has_role = true;
                    roles.push(lower(doc, j));
                }
                if word(doc, j) == "'s" && j > b + 2 {
                    let o = org_start.unwrap_or(b + 2);
                    orgs.push((text_of(doc, o, j - 1), span_of(doc, o, j - 1)));
                }
                if word(doc, j).eq_ignore_ascii_case("of") {
                    org_start = Some(j + 1);
                }
                j += 1;
            }
            if let Some(o) = org_start.filter(|&o| o < j) {
                let o = skip_det(doc, o, j);
                if o < j {
                    orgs.push((text_of(doc, o, j - 1), span_of(doc, o, j - 1)));
                }
            }
            if !has_role {
                orgs.clear();
            }
        }
        let name_len = b + 1 - name_start;
        let vouched = !roles.iter().all(|r| !is_role(r));
        let has_collective = (name_start..=b).any(|j| is_collective(word(doc, j)));
        if vouched && !has_collective && (name_len >= 2 || split.is_some() || k < a) {
            out.push(Person {
                name: text_of(doc, name_start, b),
                span: span_of(doc, name_start, b),
                token: name_start,
                roles,
                orgs,
            });
        }
    }
    out
}

fn is_punct_end(doc: &Doc, i: usize) -> bool {
    matches!(word(doc, i), "." | "!" | "?" | ";" | "\"")
}

fn skip_det(doc: &Doc, mut a: usize, end: usize) -> usize {
    while a < end && upos(doc, a).as_str() == "DET" {
        a += 1;
    }
    a
}

/// Role nouns that describe the same position.
fn same_role(a: &str, b: &str) -> bool {
    const HEADS: &[&str] = &["director", "chief", "head", "leader", "chairman", "founder"];
    a == b || (HEADS.contains(&a) && HEADS.contains(&b))
}

/// A previous speaker, for pronoun resolution.
#[derive(Clone, Debug)]
pub struct Prior {
    pub token: usize,
    pub resolved: Resolved,
}

/// Resolves mention `m` given the persons and the speakers resolved before it.
pub fn resolve(doc: &Doc, persons: &[Person], prior: &[Prior], m: Mention) -> Resolved {
    // Only the most recent candidates are considered (both lists are in text
    // order), so resolving every quote of a huge article stays linear.
    let prior = &prior[prior.len().saturating_sub(CANDIDATES)..];
    let upto = persons.partition_point(|p| p.token <= m.last + 200);
    let persons = &persons[upto.saturating_sub(CANDIDATES)..upto];
    let mention_span = m.span(doc);
    let mention_text = doc.slice(mention_span).to_string();
    let sent = |t: usize| doc.sentence_of_token(t).unwrap_or(0);
    let here = sent(m.first);
    let org_in_mention = org_of_mention(doc, m);
    // 1. A named person inside the mention (or its apposition).
    let hi = m.appos.map_or(m.last, |(_, b)| b);
    // A lone surname (`Eastman said`, `Professor Eastman says`) names the
    // person introduced earlier with a full name.
    let propers: Vec<usize> = (m.first..=m.last)
        .filter(|&j| is_proper(doc, j) && !is_role(word(doc, j)))
        .collect();
    if let [j] = propers[..] {
        if let Some(r) = by_surname(doc, persons, prior, word(doc, j), m.first) {
            return r;
        }
    }
    if let Some(p) = persons.iter().find(|p| p.token >= m.first && p.token <= hi) {
        return Resolved {
            name: p.name.clone(),
            name_span: p.span,
            person: true,
            explanation: format!("names the speaker '{}'", p.name),
            org: org_in_mention.or_else(|| p.orgs.first().cloned()),
        };
    }
    // 2. Pronouns.
    if m.first == m.last {
        if let Some(plural) = pronoun_plural(word(doc, m.first)) {
            let w = word(doc, m.first).to_string();
            if !plural {
                let recent = prior.iter().rev().find(|p| {
                    p.resolved.person
                        && p.token < m.first
                        && here.saturating_sub(sent(p.token)) <= RECENT
                });
                if let Some(p) = recent {
                    return Resolved {
                        explanation: format!(
                            "pronoun '{w}' → most recent person speaker '{}' (sentence {})",
                            p.resolved.name,
                            sent(p.token) + 1
                        ),
                        ..p.resolved.clone()
                    };
                }
                if let Some(p) = persons.iter().rev().find(|p| p.token < m.first) {
                    return Resolved {
                        name: p.name.clone(),
                        name_span: p.span,
                        person: true,
                        explanation: format!(
                            "pronoun '{w}' → most recent person named '{}' (sentence {})",
                            p.name,
                            sent(p.token) + 1
                        ),
                        org: p.orgs.first().cloned(),
                    };
                }
            } else if let Some(p) = prior.iter().rev().find(|p| {
                !p.resolved.person
                    && p.token < m.first
                    && here.saturating_sub(sent(p.token)) <= RECENT
            }) {
                return Resolved {
                    explanation: format!(
                        "pronoun '{w}' → most recent collective source '{}' (sentence {})",
                        p.resolved.name,
                        sent(p.token) + 1
                    ),
                    ..p.resolved.clone()
                };
            }
            return Resolved {
                name: mention_text,
                name_span: mention_span,
                person: !plural,
                explanation: format!("pronoun '{w}' unresolved: no earlier candidate"),
                org: None,
            };
        }
    }
    // The mention without a leading article, for names built from it.
    let bare = {
        let a = skip_det(doc, m.first, m.last);
        (text_of(doc, a, m.last), span_of(doc, a, m.last))
    };
    // 3. Descriptions with a role noun.
    let words: Vec<usize> = (m.first..=hi).collect();
    let role = words
        .iter()
        .rev()
        .map(|&j| lower(doc, j))
        .find(|w| is_role_head(w));
    let has_proper_name = words
        .iter()
        .filter(|&&j| is_proper(doc, j) && !is_role(word(doc, j)))
        .count();
    if let Some(role) = role {
        let propers: Vec<String> = words
            .iter()
            .filter(|&&j| is_capitalised(word(doc, j)) && upos(doc, j).as_str() != "DET")
            .map(|&j| lower(doc, j))
            .filter(|w| !is_role(w))
            .collect();
        let fits = |p: &Person| {
            let has_role = p.roles.iter().any(|r| same_role(r, &role));
            let org_words: Vec<String> = p
                .orgs
                .iter()
                .flat_map(|(o, _)| {
                    o.split_whitespace()
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .collect();
            let overlap = propers.is_empty()
                || propers.iter().any(|w| {
                    p.roles.contains(w)
                        || org_words.iter().any(|o| {
                            o.trim_matches(|c: char| !c.is_alphanumeric())
                                == w.trim_matches(|c: char| !c.is_alphanumeric())
                        })
                });
            has_role && overlap
        };
        let back = persons.iter().rev().find(|p| p.token < m.first && fits(p));
        let ahead = || {
            persons
                .iter()
                .find(|p| p.token > hi && sent(p.token) <= here + AHEAD && fits(p))
        };
        if let Some((p, dir)) = back
            .map(|p| (p, "earlier"))
            .or_else(|| ahead().map(|p| (p, "later")))
        {
            return Resolved {
                name: p.name.clone(),
                name_span: p.span,
                person: true,
                explanation: format!(
                    "description '{}' → '{}' named {dir} with role '{}'{}",
                    mention_text.trim(),
                    p.name,
                    role,
                    if propers.is_empty() {
                        String::new()
                    } else {
                        format!(" and '{}'", propers.join(" "))
                    }
                ),
                org: org_in_mention.or_else(|| p.orgs.first().cloned()),
            };
        }
        if has_proper_name == 0 || org_in_mention.is_some() {
            // `Governor of Washington Chris Gregoire`: the name closing the
            // description, when there is one.
            let named = name_run(doc, m.first, m.last).map(|(a, b)| after_preposition(doc, a, b));
            let (name, name_span, explanation) = match named {
                Some((a, b)) if b > a => (
                    text_of(doc, a, b),
                    span_of(doc, a, b),
                    "names the speaker after a description",
                ),
                _ => (
                    bare.0.clone(),
                    bare.1,
                    "description with a role, no named person matches",
                ),
            };
            return Resolved {
                name,
                name_span,
                person: true,
                explanation: explanation.to_string(),
                org: org_in_mention,
            };
        }
    }
    // 4. The mention names its source itself: a person by the first run of
    // two or more name words (`team member Rodaba Noori` → `Rodaba Noori`).
    let person = has_proper_name >= 2 && !(m.first..=m.last).any(|j| is_collective(word(doc, j)));
    let run = person
        .then(|| name_run(doc, m.first, m.last))
        .flatten()
        .map(|(a, b)| after_preposition(doc, a, b))
        .filter(|&(a, b)| !(a..=b).any(|j| is_place_word(word(doc, j))));
    let person = run.is_some();
    let (name, name_span) = match run {
        Some((a, b)) => (text_of(doc, a, b), span_of(doc, a, b)),
        None => bare,
    };
    Resolved {
        name,
        name_span,
        person,
        explanation: if person {
            "names the speaker".to_string()
        } else {
            "names a source (organisation, outlet or collective)".to_string()
        },
        org: None,
    }
}

/// `the director of ORG`, `ORG's chief` → ORG.
fn org_of_mention(doc: &Doc, m: Mention) -> Option<(String, Span)> {
    let hi = m.appos.map_or(m.last, |(_, b)| b);
    for j in m.first..=hi {
        if word(doc, j).eq_ignore_ascii_case("of") && j < hi {
            let o = skip_det(doc, j + 1, hi + 1);
            if o <= hi && is_proper(doc, o) {
                return Some((text_of(doc, o, hi), span_of(doc, o, hi)));
            }
        }
        if word(doc, j) == "'s" && j > m.first {
            let o = skip_det(doc, m.first, j);
            let o = if let Some((a, _)) = m.appos.filter(|(a, _)| *a < j) {
                a
            } else {
                o
            };
            if o < j && is_proper(doc, o) {
                return Some((text_of(doc, o, j - 1), span_of(doc, o, j - 1)));
            }
        }
    }
    None
}

/// The person, named earlier with two or more words, whose last word is `surname`:
/// previous speakers first, then persons in the text.
fn by_surname(
    doc: &Doc,
    persons: &[Person],
    prior: &[Prior],
    surname: &str,
    before: usize,
) -> Option<Resolved> {
    let matches = |name: &str| {
        let mut words = name.split_whitespace();
        let n = words.clone().count();
        n >= 2 && words.next_back().is_some_and(|w| w == surname)
    };
    if let Some(p) = prior
        .iter()
        .rev()
        .find(|p| p.token < before && p.resolved.person && matches(&p.resolved.name))
    {
        return Some(Resolved {
            explanation: format!(
                "surname '{surname}' → earlier speaker '{}'",
                p.resolved.name
            ),
            ..p.resolved.clone()
        });
    }
    let Some(p) = persons
        .iter()
        .rev()
        .find(|p| p.token < before && matches(&p.name))
    else {
        return earlier_full_name(doc, surname, before);
    };
    Some(Resolved {
        name: p.name.clone(),
        name_span: p.span,
        person: true,
        explanation: format!("surname '{surname}' → '{}' named earlier", p.name),
        org: p.orgs.first().cloned(),
    })
}

/// Titles that precede a name as part of addressing the person (`Mr`,
/// `Dr`, `General`, `Sgt.`): forms of address and ranks. Offices
/// (`President`) are role nouns ([`is_role`]) here. Posts (`Sheriff`) are
/// not titles: they follow a jurisdiction (`Anderson County Sheriff Greg
/// Taylor`), and splitting the name run there leaves the county as the
/// first name run ([`name_run`]).
fn is_title(w: &str) -> bool {
    matches!(
        title_class(w),
        Some(TitleClass::Courtesy | TitleClass::Rank)
    )
}

/// The first run of two or more name words (not roles) in `a..=b`.
fn name_run(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let name_word = |j: usize| {
        (is_proper(doc, j) && !is_role(word(doc, j)) && !is_title(word(doc, j)))
            || (word(doc, j) == "-" && j > a && j < b)
    };
    let mut j = a;
    while j <= b {
        if name_word(j) {
            let s = j;
            while j < b && name_word(j + 1) {
                j += 1;
            }
            if j > s {
                return Some((s, j));
            }
        }
        j += 1;
    }
    None
}

/// How far back (in tokens) a lone surname looks for a full name in the text.
const SURNAME_LOOKBACK: usize = 3000;

/// The last multi-word proper name before `before` ending with `surname`
/// (`Amneh Jafari` for `Jafari`), even if nothing vouched for it as a person.
fn earlier_full_name(doc: &Doc, surname: &str, before: usize) -> Option<Resolved> {
    let lo = before.saturating_sub(SURNAME_LOOKBACK);
    let j = (lo..before).rev().find(|&j| {
        word(doc, j) == surname && j > 0 && is_proper(doc, j - 1) && !is_role(word(doc, j - 1))
    })?;
    // Given name + surname only: longer runs before a surname are more often
    // an organisation or place glued to the name (`Texas Arlington Amneh Jafari`).
    let a = j - 1;
    Some(Resolved {
        name: text_of(doc, a, j),
        name_span: span_of(doc, a, j),
        person: true,
        explanation: format!(
            "surname '{surname}' → full name '{}' earlier",
            text_of(doc, a, j)
        ),
        org: None,
    })
}

/// Words that make a two-word proper name a country or region rather than a
/// person (`South Korea`, `United States`): without a gazetteer in this crate,
/// a short list covers the names speech verbs most often take as subjects.
fn is_place_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "north"
            | "south"
            | "east"
            | "west"
            | "united"
            | "korea"
            | "states"
            | "kingdom"
            | "arabia"
            | "republic"
            | "zealand"
            | "africa"
            | "america"
            | "emirates"
            | "city"
            | "island"
            | "islands"
            | "strip"
            | "bank"
            | "state"
    )
}

/// A name run right after a preposition often starts with the organisation the
/// preposition governs (`of the Council on American-Islamic Relations Alia
/// Salem`): from three words on, keep the last two (given name and surname).
fn after_preposition(doc: &Doc, a: usize, b: usize) -> (usize, usize) {
    let mut p = a;
    while p > 0 && upos(doc, p - 1).as_str() == "DET" {
        p -= 1;
    }
    let after_adp = p > 0 && upos(doc, p - 1).as_str() == "ADP";
    if after_adp && b >= a + 2 && word(doc, b - 1) != "-" {
        (b - 1, b)
    } else {
        (a, b)
    }
}
