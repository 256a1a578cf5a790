//! A small, explainable speaker resolution.
//!
//! The people come from the `persons` layer ([`crate::persons`], filled once
//! before coding): names the text vouches for as people, their surnames, and
//! the pronouns that refer to them. A speaker mention then resolves by:
//! 1. a name inside the mention → that name (a lone surname → the name the
//!    persons layer links it to, else an earlier speaker or full name with it);
//! 2. `he`/`she` → the persons layer's antecedent (the same answer the coder
//!    gives); when the layer has none (no person named before), the most
//!    recent person speaker within [`RECENT`] sentences — a speaker the text
//!    names without vouching for (`John Smith said`) or describes;
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

use crate::persons::{is_place_word, is_title, skip_det};
use crate::speech::Mention;
use crate::tok::*;
use sitrep_doc::persons::{overlapping, PersonMention, PersonMentionKind};
use sitrep_doc::{Doc, Span};
use sitrep_lexicon::{is_collective, is_role, is_role_head};

/// Sentences back a pronoun looks for a previous speaker.
pub use crate::persons::RECENT;
/// Sentences ahead a description may find its named person.
pub const AHEAD: usize = 3;
/// How many recent persons and previous speakers a mention is compared with.
const CANDIDATES: usize = 64;

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

/// Resolves mention `m` given the persons named in the text (the name mentions
/// of `doc.persons`, in text order) and the speakers resolved before it.
pub fn resolve(doc: &Doc, persons: &[&PersonMention], prior: &[Prior], m: Mention) -> Resolved {
    // Only the most recent candidates are considered (both lists are in text
    // order), so resolving every quote of a huge article stays linear.
    let prior = &prior[prior.len().saturating_sub(CANDIDATES)..];
    let upto = persons.partition_point(|p| (p.token_start as usize) <= m.last + 200);
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
        if let Some(r) = by_surname(doc, persons, prior, word(doc, j), j, m.first) {
            return r;
        }
    }
    if let Some(p) = persons
        .iter()
        .find(|p| (p.token_start as usize) >= m.first && (p.token_start as usize) <= hi)
    {
        return Resolved {
            name: p.name.clone(),
            name_span: p.name_span,
            person: true,
            explanation: format!("names the speaker '{}'", p.name),
            org: org_in_mention.or_else(|| p.orgs.first().map(|o| (o.name.clone(), o.span))),
        };
    }
    // 2. Pronouns.
    if m.first == m.last {
        if let Some(plural) = pronoun_plural(word(doc, m.first)) {
            let w = word(doc, m.first).to_string();
            if !plural {
                // The persons layer's answer first: the coder reads the same one.
                let linked = overlapping(&doc.persons, span(doc, m.first))
                    .filter(|p| p.kind == PersonMentionKind::Pronoun)
                    .and_then(|p| p.antecedent)
                    .and_then(|a| doc.persons.get(a as usize));
                if let Some(p) = linked {
                    return Resolved {
                        name: p.name.clone(),
                        name_span: p.name_span,
                        person: true,
                        explanation: format!(
                            "pronoun '{w}' → '{}' (sentence {}), the persons layer's antecedent",
                            p.name,
                            p.sentence + 1
                        ),
                        org: p.orgs.first().map(|o| (o.name.clone(), o.span)),
                    };
                }
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
        let fits = |p: &&PersonMention| {
            let has_role = p.roles.iter().any(|r| same_role(r, &role));
            let org_words: Vec<String> = p
                .orgs
                .iter()
                .flat_map(|o| {
                    o.name
                        .split_whitespace()
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
        let back = persons
            .iter()
            .rev()
            .find(|p| (p.token_start as usize) < m.first && fits(p));
        let ahead = || {
            persons.iter().find(|p| {
                (p.token_start as usize) > hi
                    && sent(p.token_start as usize) <= here + AHEAD
                    && fits(p)
            })
        };
        if let Some((p, dir)) = back
            .map(|p| (p, "earlier"))
            .or_else(|| ahead().map(|p| (p, "later")))
        {
            return Resolved {
                name: p.name.clone(),
                name_span: p.name_span,
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
                org: org_in_mention.or_else(|| p.orgs.first().map(|o| (o.name.clone(), o.span))),
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
    persons: &[&PersonMention],
    prior: &[Prior],
    surname: &str,
    at: usize,
    before: usize,
) -> Option<Resolved> {
    let matches = |name: &str| {
        let mut words = name.split_whitespace();
        let n = words.clone().count();
        n >= 2 && words.next_back().is_some_and(|w| w == surname)
    };
    // The persons layer's link first: the coder reads the same one.
    let linked = overlapping(&doc.persons, span(doc, at))
        .filter(|p| p.kind == PersonMentionKind::Surname)
        .and_then(|p| p.antecedent)
        .and_then(|a| doc.persons.get(a as usize));
    if let Some(p) = linked {
        return Some(Resolved {
            name: p.name.clone(),
            name_span: p.name_span,
            person: true,
            explanation: format!("surname '{surname}' → '{}' named earlier", p.name),
            org: p.orgs.first().map(|o| (o.name.clone(), o.span)),
        });
    }
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
        .find(|p| (p.token_start as usize) < before && matches(&p.name))
    else {
        return earlier_full_name(doc, surname, before);
    };
    Some(Resolved {
        name: p.name.clone(),
        name_span: p.name_span,
        person: true,
        explanation: format!("surname '{surname}' → '{}' named earlier", p.name),
        org: p.orgs.first().map(|o| (o.name.clone(), o.span)),
    })
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
