//! Longest-match actor and agent lookup over a sentence's tokens, with agent
//! composition (`Syrian` + `opposition` → `SYR` + `~OPP` → `SYROPP`).
//!
//! Matching works on *match words* (see [`crate::phrase`]): each token is
//! normalised and split at hyphens, possessive `'s` tokens vanish. A match must
//! start and end on token boundaries, so its span maps back to whole tokens.

use sitrep_doc::Date;

use crate::index::{Index, Trie};
use crate::model::{ActorDict, AgentDict};
use crate::phrase::for_each_token_word;

/// An actor or agent phrase found in a sentence, with its resolved code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    /// Token range `[start, end)` in the input slice.
    pub start: usize,
    pub end: usize,
    /// The dictionary actor (index into [`ActorDict::actors`]), if an actor phrase matched.
    pub actor: Option<usize>,
    /// The agent (index into [`AgentDict::agents`]), if an agent phrase is part of the match.
    pub agent: Option<usize>,
    /// The code on the date: the actor's role, composed with the agent's code.
    /// `None` for a bare agent, or an actor with no role (or the null code) then.
    pub code: Option<String>,
}

/// One word of the prepared sentence.
#[derive(Clone, Copy, Debug)]
struct Word {
    /// Word id, `u32::MAX` if the word is in no dictionary.
    id: u32,
    /// Id of the lemma, when it differs and is known.
    lemma: u32,
    /// The lemma is the word less a regular plural ending (`polices` →
    /// `police`). Agents carry their plurals (generated, listed, or refused
    /// with `POLICE {}`), so such a lemma is not used for them.
    plural_lemma: bool,
    token: u32,
    /// First word of its token (matches may start here).
    first: bool,
    /// The token is a short all-lowercase word (`us`, `un`): as a one-word
    /// actor it is far more often the common word than the acronym (`US`, `UN`).
    lower_short: bool,
}

const UNKNOWN: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum Hit {
    Actor { start: usize, end: usize, node: u32 },
    Agent { start: usize, end: usize, node: u32 },
}

pub(crate) fn find(
    index: &Index,
    actors: &ActorDict,
    agents: &AgentDict,
    tokens: &[&str],
    lemmas: Option<&[&str]>,
    date: Option<Date>,
) -> Vec<ActorMatch> {
    let words = prepare(index, tokens, lemmas);
    // Token index just past word i's token, for boundary checks.
    let ends_token = |i: usize| words.get(i + 1).is_none_or(|n| n.first);
    let mut hits: Vec<Hit> = Vec::new();
    let mut paths = Paths::default();
    let mut i = 0;
    while i < words.len() {
        if !words[i].first {
            i += 1;
            continue;
        }
        let actor = longest(&index.actors, &words, i, &ends_token, true, &mut paths)
            .filter(|&(end, _)| !(end == i + 1 && words[i].lower_short));
        // Agents carry their plurals (see `Word::plural_lemma`): `polices`
        // is no `POLICE {}`.
        let agent = longest(&index.agents, &words, i, &ends_token, false, &mut paths);
        let hit = match (actor, agent) {
            (Some((ae, _)), Some((ge, gn))) if ge > ae => Some(Hit::Agent {
                start: i,
                end: ge,
                node: gn,
            }),
            (Some((ae, an)), _) => Some(Hit::Actor {
                start: i,
                end: ae,
                node: an,
            }),
            (None, Some((ge, gn))) => Some(Hit::Agent {
                start: i,
                end: ge,
                node: gn,
            }),
            (None, None) => None,
        };
        match hit {
            Some(h) => {
                i = match h {
                    Hit::Actor { end, .. } | Hit::Agent { end, .. } => end,
                };
                hits.push(h);
            }
            None => i += 1,
        }
    }

    let tok = |w: usize| words.get(w).map_or(tokens.len(), |x| x.token as usize);
    let span = |start: usize, end: usize| (tok(start), end_token(&words, end, tokens.len()));
    let resolve_actor = |node: u32| -> (Option<usize>, Option<&str>) {
        let ids = index.actors.values(node);
        // Several actors may share a phrase. Prefer one whose *dated* role
        // covers the date: a dated role is a more specific statement than an
        // undated default, and it is how a later dictionary (the post-2014
        // supplement, `data/dict/sitrep.actors.txt`) revises an entry that an
        // earlier one codes for all time (Taliban AFGREB → AFGGOV from
        // 2021-08-15). A dated role with the null code `---` wins too: that
        // is how the supplement withdraws a name an earlier file codes wrongly
        // (`organization` as Tanzim, MEAREB); the match then has no code. (No
        // Phoenix file has a dated null role.) Then one with any role on the
        // date, then the first.
        let actor = |a: u32| actors.actors.get(a as usize);
        let dated_on = |a: u32| {
            date.is_some_and(|d| {
                actor(a).is_some_and(|x| x.roles.iter().any(|r| r.is_dated() && r.covers(d)))
            })
        };
        let pick = ids
            .iter()
            .find(|&&a| dated_on(a))
            .or_else(|| {
                ids.iter()
                    .find(|&&a| actor(a).and_then(|x| x.code_on(date)).is_some())
            })
            .or(ids.first());
        match pick {
            Some(&a) => (
                Some(a as usize),
                actors.actors.get(a as usize).and_then(|x| x.code_on(date)),
            ),
            None => (None, None),
        }
    };
    let agent_of = |node: u32| index.agents.values(node).first().map(|&g| g as usize);

    let mut out: Vec<ActorMatch> = Vec::with_capacity(hits.len());
    let mut used = vec![false; hits.len()];
    for h in 0..hits.len() {
        let Hit::Agent { start, end, node } = hits[h] else {
            continue;
        };
        let Some(g) = agent_of(node) else { continue };
        let Some(agent) = agents.agents.get(g) else {
            continue;
        };
        // The actor the agent belongs to: directly before it ("Syrian opposition"),
        // directly after it ("Foreign Minister Lavrov"), or after OF/IN
        // ("minister of Russia").
        let before = h
            .checked_sub(1)
            .filter(|&p| !used[p])
            .filter(|&p| matches!(hits[p], Hit::Actor { end: e, .. } if e == start));
        let after = || {
            let n = h + 1;
            let Some(Hit::Actor { start: s, .. }) = hits.get(n) else {
                return None;
            };
            let gap: Vec<u32> = (end..*s).map(|w| words[w].id).collect();
            let linked = gap.is_empty() || is_linker(index, &gap);
            linked.then_some(n)
        };
        if let Some(p) = before.or_else(after) {
            if let Hit::Actor {
                start: s2,
                end: e2,
                node: n2,
            } = hits[p]
            {
                let (actor, code) = resolve_actor(n2);
                let (a, b) = span(s2.min(start), e2.max(end));
                out.push(ActorMatch {
                    start: a,
                    end: b,
                    actor,
                    agent: Some(g),
                    code: code.map(|c| agent.compose(c)),
                });
                used[p] = true;
                used[h] = true;
            }
        }
    }
    for (h, hit) in hits.iter().enumerate() {
        if used[h] {
            continue;
        }
        let m = match *hit {
            Hit::Actor { start, end, node } => {
                let (actor, code) = resolve_actor(node);
                let (a, b) = span(start, end);
                ActorMatch {
                    start: a,
                    end: b,
                    actor,
                    agent: None,
                    code: code.map(str::to_string),
                }
            }
            Hit::Agent { start, end, node } => {
                let (a, b) = span(start, end);
                ActorMatch {
                    start: a,
                    end: b,
                    actor: None,
                    agent: agent_of(node),
                    code: None,
                }
            }
        };
        out.push(m);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Non-overlapping longest occurrences of `trie` phrases in a sentence:
/// `(start token, end token, first value)`.
pub(crate) fn phrases(index: &Index, trie: &Trie, tokens: &[&str]) -> Vec<(usize, usize, u32)> {
    let words = prepare(index, tokens, None);
    let ends_token = |i: usize| words.get(i + 1).is_none_or(|n| n.first);
    let tok = |w: usize| words.get(w).map_or(tokens.len(), |x| x.token as usize);
    let mut out = Vec::new();
    let mut paths = Paths::default();
    let mut i = 0;
    while i < words.len() {
        if !words[i].first {
            i += 1;
            continue;
        }
        match longest(trie, &words, i, &ends_token, true, &mut paths) {
            Some((end, node)) => {
                if let Some(&v) = trie.values(node).first() {
                    out.push((tok(i), end_token(&words, end, tokens.len()), v));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The token just past word `end - 1`: a match's exclusive end token. Not
/// word `end`'s token, as a skipped hyphen token may lie between them
/// (`US - led`: the match `US` ends before the hyphen).
fn end_token(words: &[Word], end: usize, n_tokens: usize) -> usize {
    match end.checked_sub(1).and_then(|w| words.get(w)) {
        Some(last) => (last.token as usize + 1).min(n_tokens),
        None => 0,
    }
}

/// `of`, `in`, `of the`, `in the` between an agent and its actor.
fn is_linker(index: &Index, gap: &[u32]) -> bool {
    let id = |w: &str| index.vocab.get(w).unwrap_or(UNKNOWN - 1);
    let (of, inn, the) = (id("of"), id("in"), id("the"));
    match gap {
        [p] => *p == of || *p == inn,
        [p, t] => (*p == of || *p == inn) && *t == the,
        _ => false,
    }
}

fn prepare(index: &Index, tokens: &[&str], lemmas: Option<&[&str]>) -> Vec<Word> {
    let mut words = Vec::with_capacity(tokens.len() + 4);
    // Scratch buffers reused across tokens: normalising allocates nothing.
    let mut buf = String::new();
    let mut lemma_buf = String::new();
    let mut lemma_text = String::new();
    for (t, token) in tokens.iter().enumerate() {
        // A hyphen the tokenizer split off (`Barad - dur`) joins the words on
        // either side, as the dictionaries write them (`BARAD-DUR` = `barad
        // dur`); no dictionary phrase contains the hyphen itself.
        if matches!(*token, "-" | "\u{2010}" | "\u{2011}") {
            continue;
        }
        // The lemma counts only when it is one match word.
        let has_lemma = match lemmas.and_then(|l| l.get(t)) {
            Some(l) => {
                let n = for_each_token_word(l, &mut lemma_buf, |w| {
                    lemma_text.clear();
                    lemma_text.push_str(w);
                });
                n == 1
            }
            None => false,
        };
        let lemma_word = has_lemma.then_some(lemma_text.as_str());
        let lemma = lemma_word
            .and_then(|w| index.vocab.get(w))
            .unwrap_or(UNKNOWN);
        let lower_short = token.len() <= 3 && token.bytes().all(|b| b.is_ascii_lowercase());
        let mut first = true;
        for_each_token_word(token, &mut buf, |w| {
            let id = index.vocab.get(w).unwrap_or(UNKNOWN);
            // Without a lemma, try the regular plural as TABARI does (`Syrians`).
            let (lemma, plural_lemma) = if lemma == UNKNOWN && !w.ends_with("ss") && w.len() > 3 {
                let stem = w
                    .strip_suffix('s')
                    .and_then(|st| index.vocab.get(st))
                    .unwrap_or(UNKNOWN);
                (stem, stem != UNKNOWN)
            } else {
                let plural = lemma_word.is_some_and(|l| is_regular_plural(w, l));
                (lemma, plural)
            };
            words.push(Word {
                id,
                lemma: if lemma != id { lemma } else { UNKNOWN },
                plural_lemma,
                token: u32::try_from(t).unwrap_or(u32::MAX),
                first,
                lower_short,
            });
            first = false;
        });
    }
    words
}

/// `w` is `lemma` with a regular plural ending (`polices`, `boxes`, `parties`).
fn is_regular_plural(w: &str, lemma: &str) -> bool {
    w.strip_suffix('s').is_some_and(|st| st == lemma)
        || w.strip_suffix("es").is_some_and(|st| st == lemma)
        || w.strip_suffix("ies")
            .is_some_and(|st| lemma.strip_suffix('y') == Some(st))
}

/// The live trie paths of [`longest`], kept by the caller so the walk
/// from every word of a sentence reuses two buffers instead of allocating.
#[derive(Default)]
struct Paths {
    frontier: Vec<u32>,
    next: Vec<u32>,
}

/// The longest phrase in `trie` starting at word `i` and ending on a token
/// boundary: `(end word, node)`.
fn longest(
    trie: &Trie,
    words: &[Word],
    i: usize,
    ends_token: &dyn Fn(usize) -> bool,
    plural_lemmas: bool,
    paths: &mut Paths,
) -> Option<(usize, u32)> {
    let mut best = None;
    // Usually at most two live paths: through the word itself or its lemma.
    let Paths { frontier, next } = paths;
    frontier.clear();
    frontier.push(0);
    for (j, w) in words.iter().enumerate().skip(i) {
        next.clear();
        for &node in frontier.iter() {
            let lemma = if plural_lemmas || !w.plural_lemma {
                w.lemma
            } else {
                UNKNOWN
            };
            for id in [w.id, lemma] {
                if id == UNKNOWN {
                    continue;
                }
                if let Some(n) = trie.step(node, id) {
                    if !next.contains(&n) {
                        next.push(n);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        if ends_token(j) {
            if let Some(&n) = next.iter().find(|&&n| !trie.values(n).is_empty()) {
                best = Some((j + 1, n));
            }
        }
        std::mem::swap(frontier, next);
    }
    best
}
