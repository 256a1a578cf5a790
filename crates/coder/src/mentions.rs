//! Actor recognition for one sentence: dictionary actors and agents (longest
//! match, dated roles), unknown capitalised names, and carry-over references
//! (`he`, `they`, a bare surname) to earlier mentions of the article.
//!
//! Who `he` or a bare surname is comes from the `persons` layer (filled once
//! before coding; attribution reads the same answers): a person pronoun takes
//! the coder's mention of the name the layer links it to. Only where the
//! layer has no person (`he` after `the minister`, or `they`, `it`) does the
//! coder fall back to its own most recent compatible coded mention.
//!
//! Invariants: mentions of one sentence never overlap and are pushed to
//! `doc.actors` in text order; a [`MentionKind::Coreference`] always points at
//! an earlier mention whose code it copies.

use std::collections::HashMap;

use sitrep_dict::{Dictionaries, Placement};
use sitrep_doc::actors::{ActorMention, MentionKind};
use sitrep_doc::persons::{overlapping, starting_at, PersonMention, PersonMentionKind};
use sitrep_doc::{Date, Span, Upos, Xpos};

use crate::tree::Sent;

/// What the coder keeps about a mention beyond the public layer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extra {
    /// The agent's code and placement, to compose with conjoined actors
    /// (`the ambassadors of Arnor, Osgiliath and Gondor`).
    pub agent: Option<(String, Placement)>,
    /// A person (singular name or singular agent noun with a country).
    pub person: bool,
    /// A plural group (`militants`, `rebels`).
    pub plural: bool,
}

/// The document's mentions found so far, with what coreference looks up in
/// them.
///
/// Invariants: `extras[k]` belongs to `actors[k]`; `by_last_word` maps the
/// lowercased last word of every coded mention of two or more tokens to the
/// latest such mention, so a bare surname finds its antecedent in one
/// lookup instead of a scan of every earlier mention (which made long
/// articles quadratic). Mentions are only added through [`Known::push`].
pub(crate) struct Known<'d> {
    actors: &'d mut Vec<ActorMention>,
    extras: Vec<Extra>,
    by_last_word: HashMap<String, usize>,
}

impl<'d> Known<'d> {
    /// Starts from an empty actor layer (`actors` is cleared).
    pub fn new(actors: &'d mut Vec<ActorMention>) -> Known<'d> {
        actors.clear();
        Known {
            actors,
            extras: Vec::new(),
            by_last_word: HashMap::new(),
        }
    }

    /// The extras, one per mention of the actor layer.
    pub fn into_extras(self) -> Vec<Extra> {
        self.extras
    }

    fn push(&mut self, m: ActorMention, e: Extra) {
        let k = self.actors.len();
        if m.code.is_some() && m.token_end > m.token_start + 1 {
            if let Some(w) = m.text.split_whitespace().next_back() {
                self.by_last_word.insert(w.to_lowercase(), k);
            }
        }
        self.actors.push(m);
        self.extras.push(e);
    }

    /// The latest mention overlapping `span` (mentions are in text order, so
    /// a binary search finds the candidates).
    fn covering(&self, span: Span) -> Option<usize> {
        let upto = self.actors.partition_point(|m| m.span.start < span.end);
        self.actors[..upto]
            .iter()
            .rposition(|m| m.span.overlaps(span))
    }

    /// The latest coded mention of two or more tokens whose last word is
    /// `lower` (already lowercased): `Sergey Lavrov` for `lavrov`.
    fn ending_in(&self, lower: &str) -> Option<usize> {
        self.by_last_word.get(lower).copied()
    }
}

/// Capitalised words that never start an actor's name: `Mr`, `Mrs`, `Ms`,
/// `Dr` ([`sitrep_lexicon::is_courtesy_abbreviation`]: `Mr Lavrov` is
/// `Lavrov`), the pronoun `I` (taggers call it PROPN), and month and weekday
/// names ([`sitrep_doc::is_calendar_word`]).
///
/// Not the other courtesy titles, nor `Mr.` with its full stop: a one-word
/// name is looked up as a surname in the actor dictionary, and dropping
/// those titles from names lost or recoded events on the test corpus
/// (`Miss Cordiner said`, `met Ms. Shelby`) without fixing any.
fn never_starts_name(lower: &str) -> bool {
    lower == "i"
        || sitrep_lexicon::is_courtesy_abbreviation(lower)
        || sitrep_doc::is_calendar_word(lower)
}

/// What actor finding reads for one sentence.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub dicts: &'a Dictionaries,
    /// The sentence's tokens and tree.
    pub sent: &'a Sent<'a>,
    /// The sentence's index in the document.
    pub s: usize,
    /// The date actor roles are read on.
    pub date: Option<Date>,
    /// The document's `persons` layer.
    pub persons: &'a [PersonMention],
}

/// Finds the mentions of the sentence of `scope` and appends them to
/// `known`, the document's mentions so far. Returns, per local token, the
/// mention index.
pub(crate) fn find(scope: Scope<'_>, known: &mut Known<'_>) -> Vec<Option<usize>> {
    let mut covered = vec![false; scope.sent.len];
    let found = dictionary_mentions(scope, &mut covered);
    let found = merge_titles(scope.sent, found);
    let mut found = merge_modifier_actors(scope.sent, found);
    let anaphors = names(scope, known, &mut covered, &mut found);
    for (m, e) in found.iter_mut() {
        // A name the persons layer vouches for is a person's, whatever the
        // dictionary knows of it (a group is never one person).
        if !e.plural && names_person(scope.persons, m.span) {
            e.person = true;
        }
    }
    found.sort_by_key(|(m, _)| m.token_start);
    let resolved = pronouns(scope, known, &found, anaphors);
    append(scope.sent, known, found, resolved)
}

/// The sentence's longest dictionary matches that overlap no earlier one
/// (marked in `covered`), with their extras.
fn dictionary_mentions(scope: Scope<'_>, covered: &mut [bool]) -> Vec<(ActorMention, Extra)> {
    let Scope {
        dicts, sent, date, ..
    } = scope;
    let n = sent.len;
    let texts: Vec<&str> = (0..n).map(|i| sent.token_text(i)).collect();
    let lemmas: Vec<&str> = (0..n)
        .map(|i| sent.tagged_lemma(i).unwrap_or(texts[i]))
        .collect();
    let matches = dicts.find_actors(&texts, Some(&lemmas), date);
    let mut found: Vec<(ActorMention, Extra)> = Vec::new();
    for m in matches {
        if m.start >= m.end || m.end > n || covered[m.start..m.end].iter().any(|&c| c) {
            continue;
        }
        // Page boilerplate (`Date of publication 3 May 2016`, `time of
        // issue`): a bare agent noun labelled by `date of`/`time of` is a
        // field name, not an actor.
        let label = m.actor.is_none()
            && m.start >= 2
            && sent.lower[m.start - 1] == "of"
            && matches!(sent.lower[m.start - 2].as_ref(), "date" | "time");
        if label {
            continue;
        }
        covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
        let agent = m
            .agent
            .and_then(|a| dicts.agents().agents.get(a))
            .map(|a| (a.code.to_string(), a.placement));
        let last = m.end - 1;
        // Plural groups are common nouns (`militants`), not `United States`.
        let plural =
            sent.xpos[last] == Xpos::NNS || (sent.xpos[last] == Xpos::NNPS && agent.is_some());
        // A bare agent (`militants`, `officials`) is coded by its agent code
        // after PETRARCH's null actor (`---UAF`, `---GOV`).
        let code = m.code.clone().or_else(|| {
            agent
                .as_ref()
                .filter(|_| m.actor.is_none())
                .map(|(c, place)| match place {
                    Placement::Suffix => format!("---{c}"),
                    Placement::Prefix => format!("{c}---"),
                })
        });
        // A person: a coded name of two or more words or a title with a
        // country (`Russian Foreign Minister`); not a name ending in an
        // organisation's head noun (`Islamic State`, `Nusra Front`).
        let person = !plural
            && code.as_ref().is_some_and(|c| c.len() > 3)
            && if m.actor.is_some() {
                agent.is_some()
                    || (m.end - m.start >= 2
                        && sent.upos[last] == Upos::PROPN
                        && !sitrep_lexicon::is_organisation_head(texts[last]))
            } else {
                // Bare agents (`official`, `population`) are too vague for
                // `he`/`she` to carry over.
                false
            };
        let name = m
            .actor
            .and_then(|a| dicts.actors().actors.get(a))
            .map(|a| a.display_name());
        let kind = if m.actor.is_some() {
            MentionKind::Dictionary
        } else {
            MentionKind::Agent
        };
        found.push((
            scope.mention(m.start, m.end, code, kind, |x| {
                x.actor_id = m.actor.and_then(|a| u32::try_from(a).ok());
                x.name = name;
                x.agent = agent.as_ref().map(|(c, _)| c.clone());
            }),
            Extra {
                agent,
                person,
                plural,
            },
        ));
    }
    found
}

/// A title and the name it introduces are one actor, coded by the title
/// (`Bree Prime Minister` + `Romendacil` → BREGOV), as PETRARCH reads them.
/// Returns the mentions in text order.
fn merge_titles(
    sent: &Sent<'_>,
    mut found: Vec<(ActorMention, Extra)>,
) -> Vec<(ActorMention, Extra)> {
    found.sort_by_key(|(m, _)| m.token_start);
    let mut merged: Vec<(ActorMention, Extra)> = Vec::with_capacity(found.len());
    for (m, e) in found {
        if let Some((prev, pe)) = merged.last_mut() {
            let adjacent = prev.token_end == m.token_start;
            let title = pe.agent.is_some() && prev.code.is_some();
            let name = m.kind == MentionKind::Dictionary && e.agent.is_none() && m.code.is_some();
            if adjacent && title && name {
                prev.span = prev.span.cover(m.span);
                prev.token_end = m.token_end;
                prev.text = prev.span.slice(sent.text).to_string();
                if prev.actor_id.is_none() {
                    prev.actor_id = m.actor_id;
                    prev.name = m.name;
                }
                pe.person = true;
                continue;
            }
        }
        merged.push((m, e));
    }
    merged
}

/// An actor written as a modifier of a bare agent noun is that agent's
/// owner: `Syrian regime` (SYRGOV) + `forces` (`---MIL`) is one mention,
/// `Syrian regime forces`, coded SYRGOVMIL, as the dictionary codes a
/// country and agent it finds together (`Syrian forces` → SYRMIL). The
/// actor must modify the agent in the parse (its last token attached inside
/// the agent's phrase) and name no person (`Obama aides` is about Obama's
/// staff, but a person's agents are not coded as the person's). Mentions
/// are in text order and stay so.
fn merge_modifier_actors(
    sent: &Sent<'_>,
    found: Vec<(ActorMention, Extra)>,
) -> Vec<(ActorMention, Extra)> {
    let mut merged: Vec<(ActorMention, Extra)> = Vec::with_capacity(found.len());
    for (m, e) in found {
        if let Some((prev, pe)) = merged.last_mut() {
            let adjacent = prev.token_end == m.token_start;
            // A plain actor (country, group) or a government (`Syrian
            // regime`) owns forces; a named person, or an actor with
            // another agent (`reporter in the Danish` + `parliament`),
            // does not.
            let plain_or_government = match &pe.agent {
                None => !pe.person,
                Some((a, _)) => a == "GOV",
            };
            let owner = prev.actor_id.is_some() && plain_or_government && prev.code.is_some();
            let no_preposition = (prev.token_start..prev.token_end).all(|t| {
                (t as usize)
                    .checked_sub(sent.start)
                    .and_then(|l| sent.upos.get(l))
                    .is_some_and(|&u| u != Upos::ADP)
            });
            let owner = owner && no_preposition;
            let bare_agent = m.kind == MentionKind::Agent && m.actor_id.is_none();
            let local = |t: u32| (t as usize).checked_sub(sent.start);
            let modifies = match (
                prev.token_end.checked_sub(1).and_then(local),
                local(m.token_start),
                local(m.token_end),
            ) {
                (Some(last), Some(a), Some(b)) => sent
                    .head
                    .get(last)
                    .copied()
                    .flatten()
                    .is_some_and(|h| (a..b).contains(&h)),
                _ => false,
            };
            if let (true, true, true, true, Some((acode, place)), Some(pcode)) = (
                adjacent,
                owner,
                bare_agent,
                modifies,
                e.agent.clone(),
                prev.code.clone(),
            ) {
                let code = if pcode.len() > 3 && pcode.ends_with(acode.as_str()) {
                    pcode
                } else {
                    match place {
                        Placement::Suffix => format!("{pcode}{acode}"),
                        Placement::Prefix => format!("{acode}{pcode}"),
                    }
                };
                prev.span = prev.span.cover(m.span);
                prev.token_end = m.token_end;
                prev.text = prev.span.slice(sent.text).to_string();
                prev.code = Some(code);
                prev.agent = Some(acode.clone());
                pe.agent = Some((acode, place));
                pe.plural = e.plural;
                continue;
            }
        }
        merged.push((m, e));
    }
    merged
}

/// Adds the PROPN runs no dictionary covers to `found` (unknown names and
/// bare surnames, see [`name_mention`]) and returns the pronouns met on
/// the way, by local token.
fn names(
    scope: Scope<'_>,
    known: &Known<'_>,
    covered: &mut [bool],
    found: &mut Vec<(ActorMention, Extra)>,
) -> Vec<(usize, Anaphor)> {
    let sent = scope.sent;
    let n = sent.len;
    let mut anaphors: Vec<(usize, Anaphor)> = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] {
            i += 1;
            continue;
        }
        if sent.upos[i] == Upos::PROPN && !never_starts_name(&sent.lower[i]) {
            let mut j = i + 1;
            while j < n && !covered[j] && sent.upos[j] == Upos::PROPN {
                j += 1;
            }
            let (m, e) = name_mention(scope, known, i, j);
            found.push((m, e));
            covered[i..j].iter_mut().for_each(|c| *c = true);
            i = j;
            continue;
        }
        if let Some(kind) = anaphor(&sent.lower[i], sent.upos[i]) {
            anaphors.push((i, kind));
        }
        i += 1;
    }
    anaphors
}

/// Pronouns resolved to the latest compatible coded mention before them,
/// in this sentence first (`found`, in text order), then in the last few
/// sentences; unresolved ones are no mentions.
fn pronouns(
    scope: Scope<'_>,
    known: &Known<'_>,
    found: &[(ActorMention, Extra)],
    anaphors: Vec<(usize, Anaphor)>,
) -> Vec<(ActorMention, Extra, Ante)> {
    let sent = scope.sent;
    let mut resolved: Vec<(ActorMention, Extra, Ante)> = Vec::new();
    for (i, kind) in anaphors {
        let pos = u32::try_from(sent.start + i).unwrap_or(u32::MAX);
        if kind == Anaphor::Person {
            if let Some(name) = linked(scope.persons, sent.start + i, PersonMentionKind::Pronoun) {
                // The layer knows who: the mention written at that name (an
                // uncoded person is still not the last coded one).
                let ante = found
                    .iter()
                    .position(|(m, _)| m.span.overlaps(name))
                    .map(|k| (Ante::Local(k), found[k].0.code.clone(), found[k].1.clone()))
                    .or_else(|| {
                        known.covering(name).map(|a| {
                            (
                                Ante::Global(a),
                                known.actors.get(a).and_then(|m| m.code.clone()),
                                known.extras.get(a).cloned().unwrap_or_default(),
                            )
                        })
                    });
                // As everywhere in the coder, a pronoun is a mention only
                // when its antecedent is coded: an unknown person's `he` adds
                // an actor no event can use.
                if let Some((ante, Some(code), extra)) = ante {
                    let m = scope.mention(i, i + 1, Some(code), MentionKind::Dictionary, |_| {});
                    resolved.push((m, extra, ante));
                }
                continue;
            }
        }
        let local = found
            .iter()
            .enumerate()
            .rev()
            .find(|(_, (m, e))| m.token_end <= pos && kind.fits(m, e))
            .map(|(k, (m, e))| (Ante::Local(k), m.code.clone(), e.clone()));
        let ante = local.or_else(|| {
            resolve(known, kind).map(|(a, code)| {
                (
                    Ante::Global(a),
                    code,
                    known.extras.get(a).cloned().unwrap_or_default(),
                )
            })
        });
        if let Some((ante, code, extra)) = ante {
            let m = scope.mention(i, i + 1, code, MentionKind::Dictionary, |_| {});
            resolved.push((m, extra, ante));
        }
    }
    resolved
}

/// Appends this sentence's mentions to `known` in text order, pointing
/// each pronoun at its antecedent's final index, and returns per local
/// token the mention there.
fn append(
    sent: &Sent<'_>,
    known: &mut Known<'_>,
    found: Vec<(ActorMention, Extra)>,
    resolved: Vec<(ActorMention, Extra, Ante)>,
) -> Vec<Option<usize>> {
    let n = sent.len;
    let base = known.actors.len();
    // Final order: text order; local antecedents get their final indexes.
    let mut all: Vec<(ActorMention, Extra, Option<Ante>)> =
        found.into_iter().map(|(m, e)| (m, e, None)).collect();
    all.extend(resolved.into_iter().map(|(m, e, k)| (m, e, Some(k))));
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&k| all[k].0.token_start);
    let mut final_index = vec![0usize; all.len()];
    for (pos, &k) in order.iter().enumerate() {
        final_index[k] = base + pos;
    }
    let start = sent.start;
    let mut per_token = vec![None; n];
    let mut slots: Vec<Option<(ActorMention, Extra)>> = Vec::with_capacity(all.len());
    for (mut m, e, ante) in all {
        if let Some(a) = ante {
            let antecedent = match a {
                Ante::Local(k) => final_index.get(k).copied().unwrap_or(0),
                Ante::Global(a) => a,
            };
            m.kind = MentionKind::Coreference {
                antecedent: u32::try_from(antecedent).unwrap_or(u32::MAX),
            };
        }
        slots.push(Some((m, e)));
    }
    for k in order {
        let Some((m, e)) = slots.get_mut(k).and_then(Option::take) else {
            continue;
        };
        let idx = known.actors.len();
        let a = (m.token_start as usize).saturating_sub(start);
        let b = (m.token_end as usize).saturating_sub(start).min(n);
        for slot in per_token.iter_mut().take(b).skip(a) {
            *slot = Some(idx);
        }
        known.push(m, e);
    }
    per_token
}

/// Where a pronoun's antecedent is: among this sentence's mentions (by
/// position in the sorted list) or already in `doc.actors`.
enum Ante {
    Local(usize),
    Global(usize),
}

/// What a pronoun may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anaphor {
    /// `he`, `she`: a person.
    Person,
    /// `they`, `those`, `the rest`: a plural group.
    Group,
    /// `it`: a country or organisation (neither person nor plural group).
    Thing,
}

impl Anaphor {
    fn fits(self, m: &ActorMention, e: &Extra) -> bool {
        m.code.is_some()
            && match self {
                Anaphor::Person => e.person,
                Anaphor::Group => e.plural,
                Anaphor::Thing => !e.person && !e.plural && e.agent.is_none(),
            }
    }
}

/// Where the name of the person the layer links the `kind` mention at
/// document token `t` to is written.
fn linked(persons: &[PersonMention], t: usize, kind: PersonMentionKind) -> Option<Span> {
    let p = starting_at(persons, u32::try_from(t).ok()?).filter(|p| p.kind == kind)?;
    p.antecedent?;
    Some(p.name_span)
}

/// Whether `span` is a person's name the `persons` layer vouches for.
fn names_person(persons: &[PersonMention], span: Span) -> bool {
    overlapping(persons, span).is_some_and(|p| p.kind == PersonMentionKind::Name)
}

fn anaphor(lower: &str, upos: Upos) -> Option<Anaphor> {
    match lower {
        "he" | "she" | "him" | "her" => Some(Anaphor::Person),
        "they" | "them" | "those" => Some(Anaphor::Group),
        "rest" | "others" if upos != Upos::PROPN => Some(Anaphor::Group),
        "it" => Some(Anaphor::Thing),
        _ => None,
    }
}

impl Scope<'_> {
    /// The mention of local tokens `a..b` of this sentence; `fill` sets the
    /// fields a dictionary match adds.
    fn mention(
        &self,
        a: usize,
        b: usize,
        code: Option<String>,
        kind: MentionKind,
        fill: impl FnOnce(&mut ActorMention),
    ) -> ActorMention {
        let sent = self.sent;
        let span = Span {
            start: sent.span(a).start,
            end: sent.span(b.saturating_sub(1)).end,
        };
        let mut m = ActorMention {
            span,
            sentence: u32::try_from(self.s).unwrap_or(u32::MAX),
            token_start: u32::try_from(sent.start + a).unwrap_or(u32::MAX),
            token_end: u32::try_from(sent.start + b).unwrap_or(u32::MAX),
            text: span.slice(sent.text).to_string(),
            code,
            kind,
            ..ActorMention::default()
        };
        fill(&mut m);
        m
    }
}

/// A PROPN run in no dictionary phrase (local tokens `i..j`): a surname of
/// an earlier mention (carry-over), a surname the dictionary knows
/// unambiguously, or unknown.
fn name_mention(scope: Scope<'_>, known: &Known<'_>, i: usize, j: usize) -> (ActorMention, Extra) {
    let Scope {
        dicts, sent, date, ..
    } = scope;
    if j == i + 1 {
        let word = &sent.lower[i];
        // The person the layer links this surname to, at the mention written
        // there; else an earlier coded mention ending in this word: `Lavrov`
        // after `Sergey Lavrov`.
        let earlier = linked(scope.persons, sent.start + i, PersonMentionKind::Surname)
            .and_then(|name| known.covering(name))
            .filter(|&a| known.actors.get(a).is_some_and(|m| m.code.is_some()))
            .or_else(|| known.ending_in(word))
            .and_then(|a| known.actors.get(a).map(|m| (a, m)));
        if let Some((a, m)) = earlier {
            let kind = MentionKind::Coreference {
                antecedent: u32::try_from(a).unwrap_or(u32::MAX),
            };
            let extra = known.extras.get(a).cloned().unwrap_or_default();
            return (scope.mention(i, j, m.code.clone(), kind, |_| {}), extra);
        }
        let cands = dicts.actors_by_last_name(word);
        if let [only] = cands {
            if let Some(actor) = dicts.actors().actors.get(*only as usize) {
                if let Some(code) = actor.code_on(date) {
                    let name = actor.display_name();
                    let code = code.to_string();
                    return (
                        scope.mention(i, j, Some(code), MentionKind::Dictionary, |m| {
                            m.actor_id = Some(*only);
                            m.name = Some(name);
                        }),
                        Extra {
                            person: true,
                            ..Extra::default()
                        },
                    );
                }
            }
        }
    }
    (
        scope.mention(i, j, None, MentionKind::Unknown, |_| {}),
        Extra::default(),
    )
}

/// The most recent compatible coded mention of the last few sentences (so
/// stale actors are not revived). The walk back stops at the window's
/// start, so it reads only the mentions of those sentences.
fn resolve(known: &Known<'_>, kind: Anaphor) -> Option<(usize, Option<String>)> {
    let actors = &known.actors[..];
    let last_sentence = actors.last().map_or(0, |m| m.sentence);
    // A person pronoun gets here only when the persons layer names no one
    // before it; then only a coded person of the last sentence or so (`the
    // minister ... he`) is a safe antecedent, not any coded person far back.
    let window = if kind == Anaphor::Person { 1 } else { 4 };
    actors
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, m)| m.sentence + window >= last_sentence)
        .find(|(i, m)| known.extras.get(*i).is_some_and(|e| kind.fits(m, e)))
        .map(|(i, m)| (i, m.code.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, tokens: (u32, u32), code: Option<&str>) -> ActorMention {
        ActorMention {
            text: text.to_string(),
            token_start: tokens.0,
            token_end: tokens.1,
            code: code.map(str::to_string),
            ..ActorMention::default()
        }
    }

    #[test]
    fn a_surname_finds_the_latest_coded_name_it_ends() {
        let mut actors = Vec::new();
        let mut known = Known::new(&mut actors);
        known.push(
            mention("Sergey Lavrov", (0, 2), Some("RUSGOV")),
            Extra::default(),
        );
        // One word, or no code: never an antecedent.
        known.push(mention("Lavrov", (5, 6), Some("RUSGOV")), Extra::default());
        known.push(mention("Anna Lavrov", (7, 9), None), Extra::default());
        assert_eq!(known.ending_in("lavrov"), Some(0));
        known.push(
            mention("Mr. LAVROV", (10, 12), Some("RUS")),
            Extra::default(),
        );
        assert_eq!(known.ending_in("lavrov"), Some(3));
        assert_eq!(known.ending_in("sergey"), None);
        assert_eq!(known.into_extras().len(), 4);
        assert_eq!(actors.len(), 4);
    }
}
