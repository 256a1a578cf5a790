//! Where a verb's subject phrase is when the parse does not say: inherited
//! through the clause structure, the noun phrase right before the verb, or
//! the sentence's first noun phrase.

use sitrep_doc::{Deprel, Upos};

use crate::tree::Sent;

/// The head of the verb's subject noun phrase, inherited as in [`subject`],
/// else the noun phrase that immediately precedes the verb (bad parses often
/// attach `X forces Y` wrongly, but adjacency is strong evidence).
pub(super) fn subject_head(sent: &Sent<'_>, v: usize, depth: usize) -> Option<usize> {
    if depth > 6 {
        return None;
    }
    if let Some(c) = sent.children_with(v, Deprel::NSUBJ).next() {
        return Some(c);
    }
    if sent.deprel[v] != Deprel::CONJ {
        if let Some(f) = first_np_subject(sent, v) {
            return Some(f);
        }
    }
    // A noun phrase right before the verb is its subject even when the parse
    // made the verb a conjunct (`..., a senior official said`): a real second
    // conjunct has `and` or a comma before it, never a noun.
    if let Some(a) = adjacent_np(sent, v) {
        return Some(a);
    }
    let h = sent.head[v]?;
    // An infinitive (`are about to restore`, however attached) takes its
    // controller's subject.
    let infinitive = sent
        .children_with(v, Deprel::MARK)
        .any(|c| sent.lower[c] == "to");
    let rel = if infinitive && matches!(sent.base(v), Deprel::PARATAXIS | Deprel::CCOMP) {
        Deprel::XCOMP
    } else {
        sent.deprel[v]
    };
    match rel {
        Deprel::XCOMP => sent
            .children_with(h, Deprel::OBJ)
            .next()
            .or_else(|| subject_head(sent, h, depth + 1)),
        Deprel::CONJ | Deprel::ADVCL | Deprel::ACL => subject_head(sent, h, depth + 1),
        Deprel::ACL_RELCL => Some(h),
        _ => None,
    }
}

/// The head of the sentence's first noun phrase before `v`: its first
/// noun, name or pronoun (not a relative pronoun), climbed to its head
/// through noun-internal relations that stay before `v`.
pub(super) fn first_np(sent: &Sent<'_>, v: usize) -> Option<usize> {
    let t0 = (0..v).find(|&t| {
        let u = sent.upos[t];
        (u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON)
            && !matches!(sent.lower[t].as_ref(), "who" | "which" | "that")
    })?;
    let mut h = t0;
    for _ in 0..4 {
        match (sent.base(h), sent.head[h]) {
            (Deprel::COMPOUND | Deprel::FLAT | Deprel::AMOD | Deprel::DET, Some(p)) if p < v => {
                h = p
            }
            _ => break,
        }
    }
    Some(h)
}

/// For the first finite verb of a sentence left without a subject by the
/// parse, the sentence's first noun phrase ([`first_np`]) unless it is a
/// possessor: long subjects with embedded phrases (`US proposals to declare
/// pauses in ... lead up ...`) are where parsers fail, and English puts the
/// subject first.
fn first_np_subject(sent: &Sent<'_>, v: usize) -> Option<usize> {
    let finite = |t: usize| sent.xpos[t].is_finite_verb();
    if !finite(v) || (0..v).any(finite) {
        return None;
    }
    first_np(sent, v).filter(|&h| sent.deprel[h] != Deprel::NMOD_POSS)
}

/// The head of a noun phrase ending right before `v` (adverbs, auxiliaries
/// and `to` skipped), if there is one and it is not inside the verb's subtree.
fn adjacent_np(sent: &Sent<'_>, v: usize) -> Option<usize> {
    let mut t = v.checked_sub(1)?;
    loop {
        let u = sent.upos[t];
        if u == Upos::AUX || u == Upos::ADV || u == Upos::PART {
            t = t.checked_sub(1)?;
            continue;
        }
        break;
    }
    let u = sent.upos[t];
    if !(u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON) || sent.head[t] == Some(v) {
        return None;
    }
    if sent.lower[t] == "who" || sent.lower[t] == "which" || sent.lower[t] == "that" {
        return None;
    }
    // Climb to the phrase head through noun-internal relations.
    let mut h = t;
    for _ in 0..6 {
        match (sent.base(h), sent.head[h]) {
            (
                Deprel::CONJ
                | Deprel::COMPOUND
                | Deprel::FLAT
                | Deprel::AMOD
                | Deprel::NMOD
                | Deprel::APPOS,
                Some(p),
            ) if p != v => h = p,
            _ => break,
        }
    }
    // A prepositional phrase (`after crowds trashed ...`) is never a subject.
    if sent.children_with(h, Deprel::CASE).next().is_some() {
        return None;
    }
    Some(h)
}
