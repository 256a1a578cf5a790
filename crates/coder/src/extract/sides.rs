//! An event's sides from the dependency parse: the noun phrases of the
//! verb's subject and object with their mentions, conjuncts and agents, and
//! the speaker who reports the clause.

use sitrep_dict::phrase::token_words;
use sitrep_dict::Placement;
use sitrep_doc::{Deprel, Doc, Upos, Xpos};
use sitrep_lexicon::{speech_class, SpeechClass};

use super::cx::{SentenceCx, Side};
use super::heads::subject_head;
use super::means;
use crate::mentions::Extra;
use crate::tree::Sent;

/// Splits multi-code actors (`FRO/BIL/SAM`: the Shire's three peoples) into
/// one side per code, as PETRARCH does.
pub(super) fn expand(sides: Vec<Side>) -> Vec<Side> {
    let mut out = Vec::with_capacity(sides.len());
    for s in sides {
        match s.code.as_deref() {
            Some(c) if c.contains('/') => {
                for part in c.split('/').filter(|p| !p.is_empty()) {
                    out.push(Side {
                        mention: s.mention,
                        code: Some(part.to_string()),
                        new_actor: s.new_actor,
                    });
                }
            }
            _ => out.push(s),
        }
    }
    out
}

/// Mentions of the noun phrase headed by `h`: its own (or first coded) mention
/// plus those of conjoined heads; an agent of the first composes with
/// conjoined bare actors (`ambassadors of Arnor, Osgiliath and Gondor`).
pub(super) fn np(cx: &SentenceCx<'_>, h: usize, depth: usize) -> Vec<Side> {
    let (sent, per_token, coded, extras, doc) =
        (cx.sent, cx.per_token, &cx.coded[..], cx.extras, cx.doc);
    let mut out = Vec::new();
    if depth > 8 || h >= sent.len {
        return out;
    }
    if let Some(x) = agents_of_places(cx, h, depth) {
        return x;
    }
    let primary = coded[h]
        .or_else(|| {
            let mut reach = vec![h];
            let mut k = 0;
            while k < reach.len() && reach.len() <= sent.len {
                let t = reach[k];
                for &c in sent.children(t) {
                    if matches!(
                        sent.base(c),
                        Deprel::COMPOUND
                            | Deprel::FLAT
                            | Deprel::AMOD
                            | Deprel::NMOD
                            | Deprel::APPOS
                            | Deprel::DET
                            | Deprel::NUMMOD
                            | Deprel::CASE
                            | Deprel::FIXED
                    ) {
                        reach.push(c);
                    }
                }
                k += 1;
            }
            reach.sort_unstable();
            reach.iter().find_map(|&t| coded[t])
        })
        .or(per_token[h]);
    let uncoded = primary.is_none_or(|p| doc.actors.get(p).is_none_or(|a| a.code.is_none()));
    if uncoded {
        if let Some(n) = new_actor(cx, h) {
            out.push(n);
            for c in sent.children_with(h, Deprel::CONJ).collect::<Vec<_>>() {
                out.extend(np(cx, c, depth + 1));
            }
            return out;
        }
    }
    let Some(p) = primary else {
        // No mention on the head: conjuncts may still hold actors.
        for c in sent.children_with(h, Deprel::CONJ).collect::<Vec<_>>() {
            out.extend(np(cx, c, depth + 1));
        }
        return out;
    };
    out.push(cx.side(p));
    let agent = extras.get(p).and_then(|e| e.agent.clone());
    let (ms, me) = doc
        .actors
        .get(p)
        .map_or((0, 0), |a| (a.token_start as usize, a.token_end as usize));
    let in_primary = |t: usize| (ms..me).contains(&(sent.start + t));
    let mut owners: Vec<usize> = vec![h];
    owners.extend((0..sent.len).filter(|&t| in_primary(t) && t != h));
    for o in owners {
        for c in sent.children_with(o, Deprel::CONJ).collect::<Vec<_>>() {
            let mut sub = np(cx, c, depth + 1);
            share_country(doc, extras, p, &mut sub);
            if o != h {
                if let Some((code, place)) = &agent {
                    for sd in &mut sub {
                        let bare = extras.get(sd.mention).is_some_and(|e| e.agent.is_none());
                        if bare {
                            if let Some(c0) = &sd.code {
                                sd.code = Some(compose(c0, code, *place));
                            }
                        }
                    }
                }
            }
            for sd in sub {
                if !out.iter().any(|x: &Side| x.mention == sd.mention) {
                    out.push(sd);
                }
            }
        }
    }
    out
}

/// PETRARCH's new actor: the noun phrase headed by `h` (without its
/// preposition, conjuncts, clauses or a comma-set apposition) coded by its own
/// words in capitals and quotes (`"THE MINISTRY OF MAGIC"`), if it has at most
/// [`CoderOptions::new_actor_length`] words.
fn new_actor(cx: &SentenceCx<'_>, h: usize) -> Option<Side> {
    let (sent, doc) = (cx.sent, cx.doc);
    let limit = cx.options.new_actor_length;
    if limit == 0 || h >= sent.len {
        return None;
    }
    let mut nodes = vec![h];
    let mut k = 0;
    while k < nodes.len() && nodes.len() <= sent.len {
        let t = nodes[k];
        for &c in sent.children(t) {
            let rel = sent.base(c);
            let comma_set = rel == Deprel::APPOS
                && sent
                    .children_with(c, Deprel::PUNCT)
                    .any(|p| sent.lower[p] == ",");
            let outside = matches!(
                rel,
                Deprel::CONJ
                    | Deprel::CC
                    | Deprel::ACL
                    | Deprel::ADVCL
                    | Deprel::PARATAXIS
                    | Deprel::PUNCT
                    | Deprel::CCOMP
                    | Deprel::MARK
            ) || comma_set
                || (t == h && rel == Deprel::CASE);
            if !outside {
                nodes.push(c);
            }
        }
        k += 1;
    }
    nodes.sort_unstable();
    let mut words: Vec<String> = Vec::new();
    for &t in &nodes {
        words.extend(token_words(doc.token_text(sent.start + t)));
    }
    if words.is_empty() || words.len() > limit {
        return None;
    }
    let (first, last) = (nodes.first()?, nodes.last()?);
    Some(Side {
        mention: usize::MAX - h,
        code: Some(format!("\"{}\"", words.join(" ").to_uppercase())),
        new_actor: Some(sent.span(*first).cover(sent.span(*last))),
    })
}

/// `Danish media and government`: a bare agent conjoined to a
/// country-plus-agent mention `p` shares its country.
fn share_country(doc: &Doc, extras: &[Extra], p: usize, sub: &mut [Side]) {
    let agent = extras.get(p).and_then(|e| e.agent.clone());
    let primary_actor = doc.actors.get(p).is_some_and(|a| a.actor_id.is_some());
    let (true, Some((pcode, _)), Some(pc)) = (
        primary_actor,
        &agent,
        doc.actors.get(p).and_then(|a| a.code.as_deref()),
    ) else {
        return;
    };
    let base = pc.strip_suffix(pcode.as_str()).unwrap_or(pc);
    for sd in sub {
        let bare = doc
            .actors
            .get(sd.mention)
            .is_some_and(|a| a.actor_id.is_none());
        if let (true, Some((acode, place))) =
            (bare, extras.get(sd.mention).and_then(|e| e.agent.clone()))
        {
            if !base.is_empty() && base != pc {
                sd.code = Some(compose(base, &acode, place));
            }
        }
    }
}

/// A bare agent noun with actors in a modifier (`lawmakers in Fornost and
/// Gondor`, `lawmakers and officials in X`): every agent composed with every
/// actor, as PETRARCH distributes them.
fn agents_of_places(cx: &SentenceCx<'_>, h: usize, depth: usize) -> Option<Vec<Side>> {
    let (sent, coded, extras, doc) = (cx.sent, &cx.coded[..], cx.extras, cx.doc);
    let bare_agent = |t: usize| {
        coded[t].filter(|&m| {
            doc.actors.get(m).is_some_and(|a| a.actor_id.is_none())
                && extras.get(m).is_some_and(|e| e.agent.is_some())
        })
    };
    bare_agent(h)?;
    let mut heads = vec![h];
    heads.extend(
        sent.children_with(h, Deprel::CONJ)
            .filter(|&c| bare_agent(c).is_some()),
    );
    let mut actors: Vec<Side> = Vec::new();
    for &x in &heads {
        for c in sent.children_with(x, Deprel::NMOD).collect::<Vec<_>>() {
            for sd in np(cx, c, depth + 1) {
                let plain = extras.get(sd.mention).is_some_and(|e| e.agent.is_none())
                    && doc
                        .actors
                        .get(sd.mention)
                        .is_some_and(|a| a.actor_id.is_some());
                if plain && !actors.iter().any(|a| a.mention == sd.mention) {
                    actors.push(sd);
                }
            }
        }
    }
    if actors.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for &x in &heads {
        let m = bare_agent(x)?;
        let (code, place) = extras.get(m)?.agent.clone()?;
        for a in &actors {
            let Some(ac) = &a.code else { continue };
            out.push(Side {
                mention: m,
                code: Some(compose(ac, &code, place)),
                new_actor: None,
            });
        }
    }
    Some(out)
}

fn compose(actor: &str, agent: &str, place: Placement) -> String {
    if actor.len() > 3 && actor.contains(agent) {
        return actor.to_string();
    }
    match place {
        Placement::Suffix => format!("{actor}{agent}"),
        Placement::Prefix => format!("{agent}{actor}"),
    }
}

/// What the parse says of a verb's sides beyond the actors it names.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Evidence {
    /// The act was carried out by an attack or weapon whose author is not
    /// written (`A car bomb killed ...`, `were killed in the strike`): the
    /// source is unknown, not missing.
    pub unknown_author: bool,
    /// The act has an object no dictionary codes that is a counted group
    /// (`executed 12 prisoners`) or the object of an act with a named means
    /// (`shelled the town`): its victims, not a missing target. A generic
    /// `hit`, `struck` or `destroyed` with an uncoded object is as often
    /// sport or weather, and needs a coded target.
    pub uncoded_object: bool,
    /// The sources are the parties of a clash (`died in clashes between
    /// police and protesters`), each acting on the others.
    pub symmetric: bool,
}

/// Verbs of dying: their subject is the dead, never the source of the
/// violence; the source is the attack or clash they died in.
fn death_verb(lemma: &str) -> bool {
    matches!(lemma, "die" | "perish")
}

/// The cause of a death or of a passive killing: an oblique attack or
/// clash noun (`in Russian air strikes`, `in clashes between ...`) and
/// what it says of the sides: `Some((sources, evidence))`.
fn cause(cx: &SentenceCx<'_>, v: usize) -> Option<(Vec<Side>, Evidence)> {
    let sent = cx.sent;
    for c in sent.children_with(v, Deprel::OBL) {
        let parties = means::clash_parties(cx, c);
        if !parties.is_empty() {
            let ev = Evidence {
                symmetric: true,
                ..Evidence::default()
            };
            return Some((parties, ev));
        }
        if means::is_attack(sent, c) {
            let mut src: Vec<Side> = np(cx, c, 0)
                .into_iter()
                .filter(|s| s.code.is_some())
                .collect();
            if src.is_empty() {
                src = means::attack_authors(cx, c);
            }
            let ev = Evidence {
                unknown_author: src.is_empty(),
                ..Evidence::default()
            };
            return Some((src, ev));
        }
    }
    None
}

/// Source and target of verb `v` from the parse, with what the parse says
/// of them beyond the actors (see [`Evidence`]).
///
/// `protest`: the act is a protest (CAMEO 14), whose target is what it is
/// against before the place it is held in (`protested in Khartoum against
/// the military`). `reverse_coded`: the verb's code has a reverse part
/// (`[:184]`), whose dictionary reads the subject of a death verb as the
/// victim already. `code`: the verb's forward code.
pub(super) fn parse_sides(
    cx: &SentenceCx<'_>,
    v: usize,
    protest: bool,
    reverse_coded: bool,
    code: Option<&str>,
) -> (Vec<Side>, Vec<Side>, Evidence) {
    let (sent, coded) = (cx.sent, &cx.coded[..]);
    let npm = |h: usize| np(cx, h, 0);
    // `Four people died in clashes ...`: the dead are victims.
    if death_verb(&sent.lemma[v]) {
        let victims = subject(cx, v, 0);
        match cause(cx, v) {
            Some((parties, ev)) if ev.symmetric => return (parties, Vec::new(), ev),
            _ if reverse_coded => {}
            Some((src, ev)) => return (src, victims, ev),
            None => return (Vec::new(), victims, Evidence::default()),
        }
    }
    // A passive subject beside an active one is a conjunct the parse
    // mislabelled (`X's death and injury toll has risen`): the verb is active.
    let active_subj = sent
        .children_with(v, Deprel::NSUBJ)
        .any(|c| sent.deprel[c] == Deprel::NSUBJ);
    let passive_subj = sent
        .children_with(v, Deprel::NSUBJ)
        .find(|&c| sent.deprel[c] == Deprel::NSUBJ_PASS)
        .filter(|_| !active_subj);
    let passive_aux = sent
        .children(v)
        .iter()
        .any(|&c| sent.deprel[c] == Deprel::AUX_PASS);
    // A bare participle with its agent (`Rebuked by Eriador, ...`) is passive too.
    let passive_aux = passive_aux
        || (sent.xpos[v] == Xpos::VBN
            && sent
                .children_with(v, Deprel::OBL)
                .any(|c| sent.deprel[c] == Deprel::OBL_AGENT || has_case(sent, c, "by")));
    if passive_subj.is_some() || passive_aux {
        // Without its own subject, a passive shares only a conjoined verb's
        // (`X was attacked and was wounded`), not a governing clause's.
        let tgt = match passive_subj {
            Some(ps) => npm(ps),
            None if sent.deprel[v] == Deprel::CONJ => subject(cx, v, 0),
            None => Vec::new(),
        };
        let agent = sent
            .children_with(v, Deprel::OBL)
            .find(|&c| sent.deprel[c] == Deprel::OBL_AGENT || has_case(sent, c, "by"));
        let src = match agent {
            Some(a) => npm(a),
            None => Vec::new(),
        };
        if src.is_empty() {
            // `Four civilians were killed in Russian air strikes`: the
            // strikes' author is the source, the victims never are.
            match cause(cx, v) {
                Some((parties, ev)) if ev.symmetric => return (parties, Vec::new(), ev),
                Some((src, ev)) => return (src, tgt, ev),
                None => {}
            }
        }
        return (src, tgt, Evidence::default());
    }
    let mut ev = Evidence::default();
    let mut src = subject(cx, v, 0);
    // `A rocket fired by rebels killed ...`: an attack in subject position
    // stands for its author, written or not.
    if let Some(h) = subject_head(sent, v, 0).filter(|&h| means::is_attack(sent, h)) {
        if src.iter().all(|s| s.code.is_none()) {
            src = means::attack_authors(cx, h);
            ev.unknown_author = src.is_empty();
        }
    }
    let mut tgt = object(cx, v, 0, protest);
    tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
    let same_actor = |t: &Side| {
        src.iter()
            .any(|s| s.mention == t.mention || (s.code.is_some() && s.code == t.code))
    };
    if tgt.iter().all(same_actor) {
        // `X began to question whether he has a future with Y`: a clausal
        // complement whose subject is the source itself aims the act at the
        // first other actor inside it.
        for c in sent.children_with(v, Deprel::CCOMP).collect::<Vec<_>>() {
            let m =
                first_in_subtree_except(sent, coded, c, &src).filter(|&m| !same_actor(&cx.side(m)));
            if let Some(m) = m {
                tgt = vec![cx.side(m)];
                break;
            }
        }
    }
    if tgt.is_empty() {
        // The weapon fired (`fired rockets`) is no victim.
        ev.uncoded_object = sent.children_with(v, Deprel::OBJ).any(|o| {
            matches!(sent.upos[o], Upos::NOUN | Upos::PROPN)
                && !means::is_attack(sent, o)
                && sitrep_lexicon::means_of(None, &sent.lower[o]).is_none()
                && (sent.children_with(o, Deprel::NUMMOD).next().is_some() || means::specific(code))
        });
    }
    (src, tgt, ev)
}

fn has_case(sent: &Sent<'_>, n: usize, word: &str) -> bool {
    sent.children_with(n, Deprel::CASE)
        .any(|c| sent.lower[c] == word)
}

fn subject(cx: &SentenceCx<'_>, v: usize, depth: usize) -> Vec<Side> {
    let (sent, coded, extras, doc) = (cx.sent, &cx.coded[..], cx.extras, cx.doc);
    let Some(h) = subject_head(sent, v, depth) else {
        return Vec::new();
    };
    let mut x = np(cx, h, 0);
    // Several subjects of one verb are a coordination the parse split
    // (`Lions, tigers, and Gondor welcomed`): each one's actors count.
    if sent.head[h] == Some(v) {
        let first = x.first().map(|s| s.mention);
        for o in sent.children_with(v, Deprel::NSUBJ).filter(|&o| o != h) {
            let mut sub = np(cx, o, 0);
            if let Some(p) = first.filter(|_| o > h) {
                share_country(doc, extras, p, &mut sub);
            }
            for sd in sub {
                if !x.iter().any(|y| y.mention == sd.mention) {
                    x.push(sd);
                }
            }
        }
        if x.iter().any(|s| s.code.is_some()) {
            x.retain(|s| s.code.is_some());
        }
    }
    if x.iter().all(|s| s.code.is_none()) {
        // `the official news agency WFNA said` parsed with the name alone as
        // subject: a common-noun phrase right before an uncoded name is one
        // noun phrase with it, and its actor is the subject's.
        if let Some(p) = h.checked_sub(1).filter(|&p| {
            sent.upos[p] == Upos::NOUN
                && sent.upos[h] == Upos::PROPN
                && sent.children_with(p, Deprel::CASE).next().is_none()
        }) {
            let y = np(cx, p, 0);
            if y.iter().any(|s| s.code.is_some()) {
                return y;
            }
        }
    }
    if !x.is_empty() {
        return x;
    }
    // `the Assad regime army and its allies force ...` parsed with only the
    // last conjunct as subject: the actor right before its `and` is the
    // left conjunct.
    let cc = sent
        .children_with(h, Deprel::CC)
        .next()
        .or_else(|| sent.children_with(v, Deprel::CC).find(|&c| c < h));
    if let Some(cc) = cc {
        if let Some(m) = cc
            .checked_sub(1)
            .and_then(|t| coded.get(t).copied().flatten())
        {
            return vec![cx.side(m)];
        }
    }
    Vec::new()
}

/// The first coded mention after `v`, before the clause ends (punctuation,
/// a subordinator, or another verb with a subject of its own).
pub(super) fn linear_target(sent: &Sent<'_>, coded: &[Option<usize>], v: usize) -> Option<usize> {
    for t in v + 1..sent.len {
        if let Some(m) = coded.get(t).copied().flatten() {
            return Some(m);
        }
        let ends = matches!(sent.upos[t], Upos::PUNCT | Upos::SCONJ)
            || (sent.is_verb(t) && sent.children_with(t, Deprel::NSUBJ).next().is_some());
        if ends {
            return None;
        }
    }
    None
}

/// The tokens of `h`'s subtree in text order (bounded by the sentence length,
/// so a malformed tree with a cycle still ends).
fn subtree_in_order(sent: &Sent<'_>, h: usize) -> Vec<usize> {
    let mut nodes = vec![h];
    let mut k = 0;
    while k < nodes.len() && nodes.len() <= sent.len {
        nodes.extend(sent.children(nodes[k]).iter().copied());
        k += 1;
    }
    nodes.sort_unstable();
    nodes
}

/// The first coded mention (in text order) inside `h`'s subtree.
fn first_in_subtree(sent: &Sent<'_>, coded: &[Option<usize>], h: usize) -> Option<usize> {
    first_in_subtree_except(sent, coded, h, &[])
}

/// The first coded mention (in text order) inside `h`'s subtree that is
/// none of `not`.
fn first_in_subtree_except(
    sent: &Sent<'_>,
    coded: &[Option<usize>],
    h: usize,
    not: &[Side],
) -> Option<usize> {
    subtree_in_order(sent, h)
        .iter()
        .filter_map(|&t| coded.get(t).copied().flatten())
        .find(|&m| !not.iter().any(|s| s.mention == m))
}

/// Prepositions of place: an oblique they introduce says where the act
/// happened.
fn locative(sent: &Sent<'_>, n: usize) -> bool {
    sent.children_with(n, Deprel::CASE).any(|k| {
        matches!(
            sent.lower[k].as_ref(),
            "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
        )
    })
}

fn object(cx: &SentenceCx<'_>, v: usize, depth: usize, protest: bool) -> Vec<Side> {
    let (sent, coded) = (cx.sent, &cx.coded[..]);
    let npm = |h: usize| np(cx, h, 0);
    for rel in [Deprel::OBJ, Deprel::IOBJ] {
        for c in sent.children_with(v, rel).collect::<Vec<_>>() {
            let x = npm(c);
            if !x.is_empty() {
                return x;
            }
            // `welcomed memos sent by Bree`: an actor deeper in the object
            // phrase (a modifying clause) is still what the act is aimed at.
            if let Some(m) = first_in_subtree(sent, coded, c) {
                return vec![cx.side(m)];
            }
        }
    }
    let obliques: Vec<usize> = sent
        .children_with(v, Deprel::OBL)
        .filter(|&c| sent.deprel[c] != Deprel::OBL_AGENT)
        .collect();
    // What a protest is against (`protested in Khartoum against the
    // military`) beats the place it is held in, which is its target only
    // when nothing else is named (CAMEO codes the state where a protest is
    // held as its target then: `rioted at a jail in Israel`).
    let (places, others): (Vec<usize>, Vec<usize>) = obliques
        .into_iter()
        .partition(|&c| protest && locative(sent, c));
    for c in others.into_iter().chain(places) {
        let x = npm(c);
        if !x.is_empty() {
            return x;
        }
    }
    // `X believes Y can cope`, `X allowed that Y ...`: the complement
    // clause's subject is the target, as PETRARCH codes it.
    for c in sent.children_with(v, Deprel::CCOMP).collect::<Vec<_>>() {
        if let Some(sj) = sent.children_with(c, Deprel::NSUBJ).next() {
            let x = npm(sj);
            if !x.is_empty() {
                return x;
            }
        }
    }
    if depth < 3 {
        for c in sent.children_with(v, Deprel::XCOMP).collect::<Vec<_>>() {
            let x = object(cx, c, depth + 1, protest);
            if !x.is_empty() {
                return x;
            }
        }
    }
    Vec::new()
}

/// The speaker reporting the clause of `v`: the subject of a verb of saying
/// that governs it (`Lavrov said that ...`) or hangs off it (`..., Lavrov said`).
pub(super) fn speaker(cx: &SentenceCx<'_>, v: usize) -> Vec<Side> {
    let sent = cx.sent;
    // Verbs whose subject is the speaker of the clause they govern
    // ([`SpeechClass::names_speaker`]: not `accuse`, an event of its own).
    // They take a clause, not an object (`declare pauses` is no report).
    let is_speech = |t: usize| {
        speech_class(&sent.lemma[t]).is_some_and(SpeechClass::names_speaker)
            && sent.children_with(t, Deprel::OBJ).next().is_none()
    };
    let mut cur = v;
    for _ in 0..6 {
        for &c in sent.children(cur) {
            if matches!(
                sent.base(c),
                Deprel::PARATAXIS | Deprel::CCOMP | Deprel::ADVCL
            ) && is_speech(c)
            {
                let x = subject(cx, c, 0);
                if !x.is_empty() {
                    return x;
                }
            }
        }
        let Some(h) = sent.head[cur] else { break };
        for &c in sent.children(h) {
            if c != cur
                && matches!(sent.base(c), Deprel::PARATAXIS | Deprel::CONJ)
                && is_speech(c)
                && sent.children_with(c, Deprel::NSUBJ).next().is_some()
            {
                let x = subject(cx, c, 0);
                if !x.is_empty() {
                    return x;
                }
            }
        }
        if is_speech(h) {
            let x = subject(cx, h, 0);
            if !x.is_empty() {
                return x;
            }
        }
        cur = h;
    }
    // The parse may hang the reporting clause anywhere: take the nearest
    // verb of saying after `v` that has a subject of its own.
    let mut cands: Vec<usize> = (0..sent.len)
        .filter(|&t| {
            t != v && is_speech(t) && sent.children_with(t, Deprel::NSUBJ).next().is_some()
        })
        .collect();
    cands.sort_by_key(|&t| (t < v, t.abs_diff(v)));
    for t in cands {
        let x = subject(cx, t, 0);
        if !x.is_empty() {
            return x;
        }
    }
    Vec::new()
}
