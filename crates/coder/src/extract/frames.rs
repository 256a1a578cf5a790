//! The verb's frame, negation and modality, read off its dependents and
//! its governing word: what CAMEO codes as a stated intention, demand,
//! appeal or refusal (see `cameo::framed`), and the clause structure the
//! discards and give-way rules walk.

use sitrep_doc::events::Modality;
use sitrep_doc::{Deprel, Upos, Xpos};

use sitrep_lexicon::{
    complement_class, is_intent_adjective, speech_class, ComplementClass, SpeechClass,
};

use crate::cameo;
use crate::tree::Sent;

/// A verb of saying that reports a framed act of its complement clause
/// (`said it would send`): [`SpeechClass::reports`].
pub(super) fn reporting(lemma: &str) -> bool {
    speech_class(lemma).is_some_and(SpeechClass::reports)
}

/// An infinitive complement of its head verb: `xcomp`, or a subjectless
/// `to`-infinitive the parse attached as an adverbial clause (`vowed on
/// Thursday to wage war`), which PETRARCH reads as the verb's complement.
pub(super) fn complement(sent: &Sent<'_>, v: usize) -> bool {
    match sent.base(v) {
        Deprel::XCOMP => true,
        Deprel::ADVCL => {
            sent.children_with(v, Deprel::MARK)
                .any(|c| sent.lower[c] == "to")
                && sent.children_with(v, Deprel::NSUBJ).next().is_none()
                && sent.head[v].is_some_and(|h| h < v)
        }
        _ => false,
    }
}

/// The head of the clause token `t` belongs to: the nearest ancestor (or
/// `t` itself) attached as a clause (root, complement, adverbial or
/// relative clause, parataxis, conjoined verb).
pub(super) fn clause_of(sent: &Sent<'_>, t: usize) -> usize {
    let mut cur = t;
    for _ in 0..sent.len {
        let clause = matches!(
            sent.base(cur),
            Deprel::ROOT
                | Deprel::CCOMP
                | Deprel::XCOMP
                | Deprel::ADVCL
                | Deprel::ACL
                | Deprel::PARATAXIS
                | Deprel::CSUBJ
        ) || (sent.base(cur) == Deprel::CONJ && sent.is_verb(cur));
        match sent.head[cur] {
            Some(h) if !clause => cur = h,
            _ => return cur,
        }
    }
    cur
}

/// True if `t` is `c` or lies in its subtree.
pub(super) fn within(sent: &Sent<'_>, t: usize, c: usize) -> bool {
    let mut cur = t;
    for _ in 0..=sent.len {
        if cur == c {
            return true;
        }
        match sent.head[cur] {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// True if `v` has an infinitive verb complement (`agreed to postpone`).
pub(super) fn has_verb_complement(sent: &Sent<'_>, v: usize) -> bool {
    sent.children_with(v, Deprel::XCOMP)
        .any(|c| sent.is_verb(c))
}

/// The frame a governing word puts on its `xcomp` complement.
pub(super) fn head_frame(sent: &Sent<'_>, h: usize) -> Option<cameo::Frame> {
    if sent.is_verb(h) {
        match complement_class(&sent.lemma[h]) {
            Some(ComplementClass::Threat) => return Some(cameo::Frame::Threat),
            Some(ComplementClass::Intent) => return Some(cameo::Frame::Intent),
            Some(ComplementClass::Refusal) => return Some(cameo::Frame::Refusal),
            Some(ComplementClass::Aim) | None => {}
        }
    }
    // `is prepared to` (adjective), not `prepared to` (a verb: preparation
    // is an act of its own).
    let adjective = sent.upos[h] == Upos::ADJ
        || (sent.xpos[h] == Xpos::VBN
            && sent
                .children(h)
                .iter()
                .any(|&c| matches!(sent.deprel[c], Deprel::COP | Deprel::AUX_PASS)));
    if adjective && is_intent_adjective(&sent.lower[h]) {
        return Some(cameo::Frame::Intent);
    }
    None
}

/// True if the sentence has a verb of saying besides `v`: the reporting
/// clause may govern `v` (`said it would`) or hang off it (`..., X said`),
/// and parsers often attach it wrongly, so its place is not checked.
fn reported(sent: &Sent<'_>, v: usize) -> bool {
    (0..sent.len).any(|t| t != v && sent.is_verb(t) && reporting(&sent.lemma[t]))
}

/// The frame the auxiliaries of `t` put on it: `will`/`shall` intent;
/// reported `would` intent; `may`/`might`/`could` intent only with a
/// condition (`may suspend talks if ...`: a conditional statement of what
/// the actor will do); `must` demand; reported `should` appeal.
fn aux_frame(sent: &Sent<'_>, t: usize, v: usize) -> Option<cameo::Frame> {
    use cameo::Frame;
    // Any dependent introduced by `if`/`unless` (parsers attach conditional
    // clauses as `advcl`, but also as `obl` or `ccomp`).
    let conditional = |x: usize| {
        sent.children(x).iter().any(|&a| {
            sent.children_with(a, Deprel::MARK)
                .any(|m| matches!(sent.lower[m].as_ref(), "if" | "unless"))
        })
    };
    for c in sent.children_with(t, Deprel::AUX) {
        let frame = match sent.lower[c].as_ref() {
            "will" | "shall" | "'ll" | "wo" => Some(Frame::Intent),
            "would" | "'d" if reported(sent, v) || conditional(t) => Some(Frame::Intent),
            "may" | "might" | "could" if conditional(t) => Some(Frame::Intent),
            "must" => Some(Frame::Demand),
            "should" if reported(sent, v) => Some(Frame::Appeal),
            _ => None,
        };
        if frame.is_some() {
            return frame;
        }
    }
    None
}

/// The frame of the verb at `v`: a modal of its own (`will send` intent,
/// `must release` demand, `should talk` appeal in reported speech, `will
/// not accept` refusal), else the frame its governing word puts on it. An
/// intention stated on a condition the other side must meet (`will cut
/// its aid unless ...`) is a threat.
pub(super) fn frame_of(sent: &Sent<'_>, v: usize, negated: bool) -> Option<cameo::Frame> {
    use cameo::Frame;
    let unless = |x: usize| {
        sent.children(x).iter().any(|&a| {
            sent.children_with(a, Deprel::MARK)
                .any(|m| sent.lower[m] == "unless")
        })
    };
    let adjust = |f: Frame, x: usize| match (f, negated) {
        (Frame::Intent | Frame::Threat, true) => Some(Frame::Refusal),
        (_, true) => None,
        (Frame::Intent, false) if unless(x) => Some(Frame::Threat),
        (f, false) => Some(f),
    };
    // Auxiliaries of the verb, or of the verb it is conjoined to
    // (`will return weapons and release hostages`).
    let mut holders = vec![v];
    if sent.base(v) == Deprel::CONJ {
        holders.extend(sent.head[v]);
    }
    for &t in &holders {
        if let Some(f) = aux_frame(sent, t, v) {
            return adjust(f, t);
        }
    }
    let h = sent.head[v]?;
    if sent.base(v) != Deprel::XCOMP {
        return None;
    }
    let f = head_frame(sent, h)?;
    // `must be willing to negotiate` is demanded, not offered.
    if f == Frame::Intent {
        if let Some(g @ (Frame::Demand | Frame::Appeal)) = aux_frame(sent, h, v) {
            return adjust(g, h);
        }
    }
    adjust(f, h)
}

pub(super) fn negated(sent: &Sent<'_>, v: usize) -> bool {
    let neg = |t: usize| {
        sent.children(t).iter().any(|&c| {
            matches!(sent.lower[c].as_ref(), "not" | "n't" | "never")
                && matches!(sent.base(c), Deprel::ADVMOD | Deprel::AUX)
        })
    };
    neg(v) || (sent.base(v) == Deprel::XCOMP && sent.head[v].is_some_and(neg))
}

pub(super) fn modality(sent: &Sent<'_>, v: usize) -> Modality {
    let auxes = |t: usize| -> Option<Modality> {
        let mut m = None;
        for &c in sent.children(t) {
            if sent.base(c) != Deprel::AUX {
                if sent.base(c) == Deprel::MARK && matches!(sent.lower[c].as_ref(), "if" | "unless")
                {
                    return Some(Modality::Hypothetical);
                }
                continue;
            }
            match sent.lower[c].as_ref() {
                "would" | "could" | "might" | "may" | "should" | "'d" => {
                    return Some(Modality::Hypothetical)
                }
                "will" | "shall" | "'ll" | "wo" => m = Some(Modality::Future),
                _ => {}
            }
        }
        m
    };
    if let Some(m) = auxes(v) {
        return m;
    }
    let mut cur = v;
    for _ in 0..4 {
        let Some(h) = sent.head[cur] else { break };
        match sent.base(cur) {
            Deprel::XCOMP => {
                if complement_class(&sent.lemma[h]).is_some_and(ComplementClass::intended) {
                    return Modality::Intended;
                }
                if sent.lower[h] == "about" || sent.lemma[h] == "go" {
                    return Modality::Future;
                }
                if let Some(m) = auxes(h) {
                    return m;
                }
            }
            Deprel::CONJ => {
                if let Some(m) = auxes(h) {
                    return m;
                }
            }
            _ => break,
        }
        cur = h;
    }
    Modality::Asserted
}
