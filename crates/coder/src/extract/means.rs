//! The means of a violent act, read off its clause: the weapon or kind of
//! attack refines a generic CAMEO code (`shelled` 194, `killed in air
//! strikes` 195, `barrels filled with chlorine` 2041), and an attack noun
//! in subject or cause position stands for whoever carried the attack out
//! (`A rocket fired by rebels killed ...`: the rebels).
//!
//! The word classes are `sitrep_lexicon::Means` and its attack and clash
//! nouns; the codes and their sources in the CAMEO manual are listed there.

use sitrep_doc::{Deprel, Upos};
use sitrep_lexicon::{means_of, Means};

use super::cx::{SentenceCx, Side};
use super::sides::np;
use crate::tree::Sent;

/// Whether `means` refines `code`: chemical, biological and radiological
/// weapons turn any killing or fighting into CAMEO 2041; the other means
/// refine only CAMEO's unspecified violent codes (180 "use unconventional
/// violence", 183 "bombing", 190 "use conventional military force"), so a
/// code a pattern chose on purpose (181 abduct, 186 assassinate) stays.
fn refines(means: Means, code: &str) -> bool {
    use Means::*;
    match means {
        Cbr => matches!(
            code,
            "180" | "182" | "1823" | "183" | "190" | "193" | "194" | "195"
        ),
        SuicideBombing | VehicleBombing | RoadsideBombing => matches!(code, "180" | "183" | "190"),
        // Bombs dropped from aircraft are aerial, not CAMEO's non-military
        // 183 bombing.
        Drone | Aerial | Artillery => matches!(code, "180" | "183" | "190"),
        Bombing | Firearms => matches!(code, "180" | "190"),
    }
}

/// The code a violent act at `v` takes from the means its clause names, if
/// that refines `code` (a one-way code; `190:190` pairs are left alone).
pub(super) fn refine(cx: &SentenceCx<'_>, v: usize, code: &str) -> Option<&'static str> {
    if code.contains(':') || !matches!(code.get(..2), Some("18" | "19")) {
        return None;
    }
    let sent = cx.sent;
    let mut best: Option<Means> = None;
    for t in clause_tokens(sent, v) {
        let prev = t.checked_sub(1).map(|p| sent.lower[p].as_ref());
        let mut found = means_of(prev, &sent.lower[t]);
        if found.is_none() && sent.is_verb(t) {
            found = means_of(None, &sent.lemma[t]);
        }
        if let Some(m) = found {
            if best.is_none_or(|b| m.rank() < b.rank()) {
                best = Some(m);
            }
        }
    }
    best.filter(|&m| refines(m, code)).map(Means::cameo)
}

/// A violent code that names its means or manner (183x bombings, 1823
/// killing by physical assault, 193–195 by weapon, 204x CBRN): an act
/// that is violence whatever its object.
pub(super) fn specific(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        c.starts_with("183")
            || c.starts_with("193")
            || c.starts_with("194")
            || c.starts_with("195")
            || c.starts_with("204")
            || c == "1823"
    })
}

/// The tokens of the clause of `v` (its subtree without other clauses) and,
/// for a participle or conjunct continuing another verb's clause (`shelled
/// the town, killing 12`), that verb's clause too: the means named there is
/// the means of the killing.
fn clause_tokens(sent: &Sent<'_>, v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut seen = vec![false; sent.len];
    let mut roots = vec![v];
    if matches!(
        sent.base(v),
        Deprel::ADVCL | Deprel::XCOMP | Deprel::CONJ | Deprel::ACL
    ) {
        roots.extend(sent.head[v]);
    }
    for r in roots {
        let mut stack = vec![r];
        while let Some(t) = stack.pop() {
            if t >= sent.len || seen[t] {
                continue;
            }
            seen[t] = true;
            out.push(t);
            for &c in sent.children(t) {
                let other_clause = matches!(
                    sent.base(c),
                    Deprel::PARATAXIS | Deprel::CCOMP | Deprel::CSUBJ
                ) || (matches!(sent.base(c), Deprel::CONJ | Deprel::ADVCL)
                    && sent.is_verb(c)
                    && c != v);
                if !other_clause {
                    stack.push(c);
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// The actors an attack noun at `n` names as carrying it out: a coded
/// modifier (`Russian air strikes`, `regime shelling`), a `by` phrase
/// (`strikes by the coalition`), or the agent of a participle (`a rocket
/// fired by rebels`). Empty when the attack's author is not written.
pub(super) fn attack_authors(cx: &SentenceCx<'_>, n: usize) -> Vec<Side> {
    let sent = cx.sent;
    if n >= sent.len {
        return Vec::new();
    }
    for &c in sent.children(n) {
        let by = sent
            .children_with(c, Deprel::CASE)
            .any(|k| sent.lower[k] == "by");
        let rel = sent.base(c);
        let found = if matches!(rel, Deprel::AMOD | Deprel::COMPOUND)
            || sent.deprel[c] == Deprel::NMOD_POSS
            || (rel == Deprel::NMOD && by)
        {
            np(cx, c, 0)
        } else if rel == Deprel::ACL && sent.is_verb(c) {
            sent.children_with(c, Deprel::OBL)
                .find(|&a| {
                    sent.deprel[a] == Deprel::OBL_AGENT
                        || sent
                            .children_with(a, Deprel::CASE)
                            .any(|k| sent.lower[k] == "by")
                })
                .map(|a| np(cx, a, 0))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let found: Vec<Side> = found.into_iter().filter(|s| s.code.is_some()).collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The head of a noun phrase that is an attack (`strike`, `rocket`, `a car
/// bomb`): its head noun is an attack noun, or is modified by a means word
/// (`car bomb`).
pub(super) fn is_attack(sent: &Sent<'_>, n: usize) -> bool {
    n < sent.len
        && matches!(sent.upos[n], Upos::NOUN | Upos::PROPN)
        && sitrep_lexicon::is_attack_noun(&sent.lower[n])
}

/// The parties of a clash noun at `n` (`clashes between police and
/// protesters`): the actors of its `between` phrase.
pub(super) fn clash_parties(cx: &SentenceCx<'_>, n: usize) -> Vec<Side> {
    let sent = cx.sent;
    if n >= sent.len || !sitrep_lexicon::is_clash_noun(&sent.lower[n]) {
        return Vec::new();
    }
    for c in sent.children_with(n, Deprel::NMOD) {
        let between = sent
            .children_with(c, Deprel::CASE)
            .any(|k| sent.lower[k] == "between");
        if between {
            let x: Vec<Side> = np(cx, c, 0)
                .into_iter()
                .filter(|s| s.code.is_some())
                .collect();
            if x.len() > 1 {
                return x;
            }
        }
    }
    Vec::new()
}
