//! The person finder: every mention of a person the article names, found once
//! for every later stage (the `persons` layer, [`sitrep_doc::persons`]).
//!
//! 1. **Names** the text vouches for as people: a name after a role or title
//!    (`the Russian Foreign Minister Sergey Lavrov`, `President Assad`), with
//!    a role in apposition (`Rami Abdulrahman, SOHR's chief,`), or a name of
//!    two or more words that is the subject of a speech verb (`John Smith
//!    said`; not `South Korea said`). Titles split a capitalised run
//!    (`Foreign Minister | Sergey Lavrov`); modifiers do not.
//! 2. **Surnames**: a one-word proper name that is the last word of an earlier
//!    name of two or more words (`Lavrov` after `Sergey Lavrov`) refers to the
//!    latest such name.
//! 3. **Pronouns** `he`/`she`/`him`/`her` refer to the most recent person
//!    mention that was a clause subject within [`RECENT`] sentences (subject
//!    preference: news names its speakers and agents as subjects), else to the
//!    most recent person named before them; with no earlier person they stay
//!    unresolved (`antecedent: None`), so a later stage may fall back to its
//!    own, non-person antecedents.
//!
//! Gender is not modelled (no reliable signal without a name list), so `he`
//! and `she` resolve alike. Everything is linear in the document: names are
//! kept in text order and looked up by last word in a hash map.

use crate::tok::*;
use sitrep_doc::persons::{PersonMention, PersonMentionKind, PersonOrg};
use sitrep_doc::{Deprel, Doc, Upos};
use sitrep_lexicon::{is_collective, is_role, is_role_head, title_class, TitleClass};
use std::collections::HashMap;

/// Sentences back a pronoun looks for a subject antecedent.
pub const RECENT: usize = 8;

/// The `persons` layer of `doc`, in text order.
pub fn find(doc: &Doc) -> Vec<PersonMention> {
    let names = names(doc);
    let mut out: Vec<PersonMention> = Vec::with_capacity(names.len());
    // Latest name mention (index in `out`) by lowercased last word, for names
    // of two or more words.
    let mut by_last: HashMap<String, u32> = HashMap::new();
    // Latest person mention of any kind, and latest subject one.
    let mut latest: Option<u32> = None;
    let mut latest_subject: Option<u32> = None;
    let mut next_name = names.into_iter().peekable();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if next_name
            .peek()
            .is_some_and(|m| m.token_start as usize == i)
        {
            let Some(m) = next_name.next() else { break };
            i = m.token_end as usize;
            let k = index(&out);
            let words: Vec<&str> = m.name.split_whitespace().collect();
            if words.len() >= 2 {
                if let Some(w) = words.last() {
                    by_last.insert(w.to_lowercase(), k);
                }
            }
            note(&mut latest, &mut latest_subject, k, &m);
            out.push(m);
            continue;
        }
        let mention = if is_person_pronoun(doc, i) {
            let sentence = doc.sentence_of_token(i).unwrap_or(0);
            let recent_subject = latest_subject.filter(|&k| {
                out.get(k as usize)
                    .is_some_and(|m| sentence.saturating_sub(m.sentence as usize) <= RECENT)
            });
            Some((
                PersonMentionKind::Pronoun,
                recent_subject.or(latest).map(|k| root(&out, k)),
            ))
        } else if may_be_surname(doc, i) && !is_proper(doc, i + 1) && !continues_name(doc, i) {
            by_last
                .get(&word(doc, i).to_lowercase())
                .copied()
                .map(|a| (PersonMentionKind::Surname, Some(a)))
        } else {
            None
        };
        if let Some((kind, antecedent)) = mention {
            let m = referring(doc, &out, i, kind, antecedent);
            let k = index(&out);
            if m.antecedent.is_some() {
                note(&mut latest, &mut latest_subject, k, &m);
            }
            out.push(m);
        }
        i += 1;
    }
    out
}

fn index(out: &[PersonMention]) -> u32 {
    u32::try_from(out.len()).unwrap_or(u32::MAX)
}

/// The name mention a mention refers to (itself for names).
fn root(out: &[PersonMention], k: u32) -> u32 {
    out.get(k as usize).and_then(|m| m.antecedent).unwrap_or(k)
}

fn note(latest: &mut Option<u32>, latest_subject: &mut Option<u32>, k: u32, m: &PersonMention) {
    *latest = Some(k);
    if m.subject {
        *latest_subject = Some(k);
    }
}

/// A surname or pronoun mention at token `i`.
fn referring(
    doc: &Doc,
    out: &[PersonMention],
    i: usize,
    kind: PersonMentionKind,
    antecedent: Option<u32>,
) -> PersonMention {
    let span = span(doc, i);
    let (name, name_span) = antecedent.and_then(|a| out.get(a as usize)).map_or_else(
        || (doc.slice(span).to_string(), span),
        |a| (a.name.clone(), a.name_span),
    );
    PersonMention {
        span,
        sentence: sentence_index(doc, i),
        token_start: tok(i),
        token_end: tok(i + 1),
        kind,
        name,
        name_span,
        subject: is_subject(doc, i, i),
        antecedent,
        ..PersonMention::default()
    }
}

fn tok(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn sentence_index(doc: &Doc, i: usize) -> u32 {
    u32::try_from(doc.sentence_of_token(i).unwrap_or(0)).unwrap_or(u32::MAX)
}

/// `he`, `she`, `him`, `her` (as pronouns when tagged).
fn is_person_pronoun(doc: &Doc, i: usize) -> bool {
    let u = upos(doc, i);
    (!u.is_set() || u == Upos::PRON)
        && matches!(
            word(doc, i).to_ascii_lowercase().as_str(),
            "he" | "she" | "him" | "her"
        )
}

/// Whether token `i` may be a bare surname: a proper noun, or a capitalised
/// noun (taggers often read a sentence-initial surname, `Homs added`, as a
/// common noun); matching an earlier full name is what makes it one.
fn may_be_surname(doc: &Doc, i: usize) -> bool {
    is_proper(doc, i) || (is_capitalised(word(doc, i)) && upos(doc, i) == Upos::NOUN)
}

/// Whether a one-word proper name at `i` is glued to a name before it
/// (`Al-Assad`'s second half is no surname mention of its own).
fn continues_name(doc: &Doc, i: usize) -> bool {
    i > 0 && (is_proper(doc, i - 1) || word(doc, i - 1) == "-")
}

/// Whether tokens `a..=b` are the subject of their clause: the phrase's head
/// (the token whose head lies outside it) is an `nsubj`. Unparsed text has no
/// subjects, so pronouns then take the most recent person.
fn is_subject(doc: &Doc, a: usize, b: usize) -> bool {
    (a..=b).any(|j| {
        doc.tokens.get(j).is_some_and(|t| {
            let outside = t.head.is_none_or(|h| (h as usize) < a || (h as usize) > b);
            outside && matches!(t.deprel, Deprel::NSUBJ | Deprel::NSUBJ_PASS)
        })
    })
}

/// Whether tokens `a..=b` are the subject of a speech verb (`said`, `told`).
fn speech_subject(doc: &Doc, a: usize, b: usize) -> bool {
    (a..=b).any(|j| {
        doc.tokens.get(j).is_some_and(|t| {
            t.deprel == Deprel::NSUBJ
                && t.head.is_some_and(|h| {
                    let h = h as usize;
                    (h < a || h > b) && sitrep_lexicon::speech_lemma(word(doc, h)).is_some()
                })
        })
    })
}

/// Words that make a two-word proper name a country or region rather than a
/// person (`South Korea`, `United States`): without a gazetteer in this crate,
/// a short list covers the names speech verbs most often take as subjects.
pub(crate) fn is_place_word(w: &str) -> bool {
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

/// Names the text vouches for as people, in text order.
fn names(doc: &Doc) -> Vec<PersonMention> {
    let n = doc.tokens.len();
    let mut out: Vec<PersonMention> = Vec::new();
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
        let orgs = apposition(doc, b, &mut roles);
        let name_len = b + 1 - name_start;
        let vouched = roles.iter().any(|r| is_role(r));
        let has_collective = (name_start..=b).any(|j| is_collective(word(doc, j)));
        let titled = vouched && (name_len >= 2 || split.is_some() || k < a);
        // `John Smith said`: two or more name words the text makes a speaker
        // are a person's, unless they read as a country or region.
        let speaker = name_len >= 2
            && split.is_none()
            && speech_subject(doc, name_start, b)
            && !(name_start..=b).any(|j| is_place_word(word(doc, j)));
        if (titled || speaker) && !has_collective {
            let span = span_of(doc, name_start, b);
            out.push(PersonMention {
                span,
                sentence: sentence_index(doc, name_start),
                token_start: tok(name_start),
                token_end: tok(b + 1),
                kind: PersonMentionKind::Name,
                name: doc.slice(span).to_string(),
                name_span: span,
                roles,
                orgs,
                // The whole titled phrase is what heads the clause.
                subject: is_subject(doc, k.min(name_start), b),
                antecedent: None,
            });
        }
    }
    out
}

/// Roles and organisations in an apposition after a name ending at `b`:
/// `NAME , [ORG 's] ROLE [of ORG] ,`. Roles are added to `roles`; the
/// organisations are returned (none unless the apposition has a role).
fn apposition(doc: &Doc, b: usize, roles: &mut Vec<String>) -> Vec<PersonOrg> {
    let n = doc.tokens.len();
    let mut orgs = Vec::new();
    if word(doc, b + 1) != "," {
        return orgs;
    }
    let org = |a: usize, z: usize| PersonOrg {
        name: doc.slice(span_of(doc, a, z)).to_string(),
        span: span_of(doc, a, z),
    };
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
            orgs.push(org(org_start.unwrap_or(b + 2), j - 1));
        }
        if word(doc, j).eq_ignore_ascii_case("of") {
            org_start = Some(j + 1);
        }
        j += 1;
    }
    if let Some(o) = org_start.filter(|&o| o < j) {
        let o = skip_det(doc, o, j);
        if o < j {
            orgs.push(org(o, j - 1));
        }
    }
    if !has_role {
        orgs.clear();
    }
    orgs
}

fn lower(doc: &Doc, i: usize) -> String {
    word(doc, i).to_lowercase()
}

fn is_punct_end(doc: &Doc, i: usize) -> bool {
    matches!(word(doc, i), "." | "!" | "?" | ";" | "\"")
}

/// Index of the first non-determiner token in `a..end`.
pub(crate) fn skip_det(doc: &Doc, mut a: usize, end: usize) -> usize {
    while a < end && upos(doc, a).as_str() == "DET" {
        a += 1;
    }
    a
}

/// Titles that precede a name as part of addressing the person (`Mr`,
/// `Dr`, `General`, `Sgt.`): forms of address and ranks. Offices
/// (`President`) are role nouns ([`is_role`]) here. Posts (`Sheriff`) are
/// not titles: they follow a jurisdiction (`Anderson County Sheriff Greg
/// Taylor`), and splitting the name run there leaves the county as the
/// first name run.
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        title_class(w),
        Some(TitleClass::Courtesy | TitleClass::Rank)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{Span, Token};

    /// A document over `text` split on spaces, with no tags: proper names are
    /// recognised by capitals.
    fn doc(text: &str) -> Doc {
        let mut d = Doc::from_text(text);
        let mut at = 0u32;
        for w in text.split(' ') {
            let end = at + w.len() as u32;
            d.tokens.push(Token::new(Span { start: at, end }));
            at = end + 1;
        }
        d.sentences.push(sitrep_doc::Sentence {
            span: Span {
                start: 0,
                end: text.len() as u32,
            },
            token_start: 0,
            token_end: d.tokens.len() as u32,
        });
        d
    }

    #[test]
    fn names_surnames_and_pronouns_form_one_chain() {
        let d = doc("Foreign Minister Sergey Lavrov arrived . Lavrov said he would stay .");
        let p = find(&d);
        let kinds: Vec<_> = p.iter().map(|m| (m.kind, m.antecedent)).collect();
        assert_eq!(
            kinds,
            vec![
                (PersonMentionKind::Name, None),
                (PersonMentionKind::Surname, Some(0)),
                (PersonMentionKind::Pronoun, Some(0)),
            ]
        );
        assert!(p.iter().all(|m| m.name == "Sergey Lavrov"));
        assert_eq!(p[0].roles, vec!["foreign", "minister"]);
    }

    #[test]
    fn a_pronoun_with_no_person_before_it_stays_unresolved() {
        let d = doc("He said the talks failed .");
        let p = find(&d);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, PersonMentionKind::Pronoun);
        assert_eq!(p[0].antecedent, None);
    }

    #[test]
    fn an_unvouched_name_is_no_person() {
        // No role or title: a capitalised run alone may be a place or group.
        let d = doc("Deir Ezzor was shelled .");
        assert!(find(&d).is_empty());
    }
}
