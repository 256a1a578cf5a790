//! Which code a verb takes: its dictionary entries (phrasal, multi-word,
//! surface form, lemma), its patterns matched in the verb's clause windows,
//! and whether a framing verb gives way to its complement.

use sitrep_doc::{Deprel, Upos};

use super::cx::SentenceCx;
use super::frames::{complement, frame_of, head_frame, negated, reporting};
use super::heads::{first_np, subject_head};
use super::patterns::{match_pattern, Hit, Windows};
use crate::cameo;
use crate::tree::Sent;
use crate::Coder;

/// The code a verb takes: its best pattern's, else its dictionary default.
pub(super) struct Choice<'c> {
    /// What the winning pattern matched (empty without one).
    pub hit: Hit,
    pub code: &'c str,
    /// The winning pattern, if one matched.
    pub pattern: Option<&'c sitrep_dict::Pattern>,
    /// The subject head the windows were cut around.
    pub subj_head: Option<usize>,
}

/// Matches the verb at `v` against its blocks' patterns (see the module doc).
pub(super) fn choose_code<'a>(cx: &SentenceCx<'a>, v: usize) -> Option<Choice<'a>> {
    let (coder, sent, words) = (cx.coder, cx.sent, &cx.words[..]);
    let tagged_verb = sent.is_verb(v);
    let cands = candidates(coder, sent, v);
    if cands.is_empty() {
        return None;
    }
    let subj_head = if tagged_verb {
        subject_head(sent, v, 0)
    } else {
        first_np(sent, v)
    };
    let (before, after) = if tagged_verb {
        windows(cx, v, subj_head)
    } else {
        linear_windows(cx, v)
    };
    let win = Windows::new(words, before, after);
    let mut best: Option<(Hit, &sitrep_dict::Pattern)> = None;
    // Whether `best` comes from sitrep's supplement.
    let mut best_supplement = false;
    let mut default_code: Option<&str> = None;
    for &(b, vi) in &cands {
        let Some(block) = coder.dicts.verbs().blocks.get(b) else {
            continue;
        };
        if default_code.is_none() {
            default_code = block
                .verbs
                .get(vi)
                .and_then(|x| x.code.as_deref())
                .or(Some(&*block.code));
        }
        // `[+++]` marks a pattern PETRARCH's tests expect to be passed
        // over (a deliberately misspelt phrase): it never wins. On a tie
        // the supplement's pattern wins over the base dictionary's:
        // it is the vetted refinement (`EXPEL DIPLOMATS [161]`, as the base
        // codes the singular, where the base has 174 for the plural).
        let supplement = b >= coder.supplement_from;
        let compiled = coder.compiled.patterns(b);
        for (p, cp) in block.patterns.iter().zip(compiled) {
            if &*p.code == "+++" {
                continue;
            }
            if let Some(hit) = match_pattern(cx, cp, &win) {
                let better = best.as_ref().is_none_or(|(h, _)| {
                    hit.score > h.score || (hit.score == h.score && supplement && !best_supplement)
                });
                if better {
                    best = Some((hit, p));
                    best_supplement = supplement;
                }
            }
        }
    }
    // A verb sitrep's supplement lists with a code of its own overrides the
    // base dictionary's default (`SURRENDER [0874]` where CAMEO 2.0 has 080);
    // the last such entry wins, as later supplement lines refine earlier ones.
    let supplement_default = cands
        .iter()
        .rev()
        .filter(|&&(b, _)| b >= coder.supplement_from)
        .filter_map(|&(b, vi)| {
            coder
                .dicts
                .verbs()
                .blocks
                .get(b)?
                .verbs
                .get(vi)?
                .code
                .as_deref()
        })
        .next();
    let (hit, code, pattern) = match best {
        Some((h, p)) => (h, &*p.code, Some(p)),
        None => (
            Hit::default(),
            supplement_default.or(default_code).unwrap_or("---"),
            None,
        ),
    };
    if !tagged_verb && hit.score < 4 {
        return None;
    }
    Some(Choice {
        hit,
        code,
        pattern,
        subj_head,
    })
}

/// True if `v` gives way to a complement framed by it or by its own modal:
/// a framing verb (`agreed to send`, see [`head_frame`]) or a verb of saying
/// whose clause states a framed act (`announced it will withdraw`, `said X
/// must release`: the statement is the intent or demand, coded on the
/// complement with the speaker as actor) — when the complement's action has
/// a code in that frame (see [`cameo::framed`]).
pub(super) fn gives_way(cx: &SentenceCx<'_>, v: usize) -> bool {
    let sent = cx.sent;
    let frames_in = |c: usize, frame: cameo::Frame| {
        choose_code(cx, c).is_some_and(|ch| {
            split_code(ch.code)
                .0
                .is_some_and(|f| cameo::framed(f, frame).is_some())
        })
    };
    // A negated frame verb (`did not agree to send`) is a refusal (handled
    // on the complement), so it gives way too.
    if let Some(frame) = head_frame(sent, v) {
        if sent
            .children_with(v, Deprel::XCOMP)
            .filter(|&c| sent.is_verb(c))
            .any(|c| frames_in(c, frame))
        {
            return true;
        }
    }
    // A claim (`WaPo is claiming the rebels are retreating`) attributes
    // the act it reports: the event is the claimed act, according to the
    // claimant, not an accusation by the claimant.
    let claim =
        sitrep_lexicon::speech_class(&sent.lemma[v]) == Some(sitrep_lexicon::SpeechClass::Claim);
    if claim
        && sent
            .children_with(v, Deprel::CCOMP)
            .filter(|&c| sent.is_verb(c))
            .any(|c| {
                // A claimed conflict by another (`claims the Church
                // imprisoned her`) is an allegation, CAMEO's 112 accuse:
                // only a claimed act of another kind gives way.
                choose_code(cx, c).is_some_and(|ch| {
                    split_code(ch.code).0.is_some_and(|f| {
                        cameo::root_code(f).is_some_and(|r| r != "01")
                            && !matches!(cameo::quad_class(f), 3 | 4)
                    })
                })
            })
    {
        return true;
    }
    if !reporting(&sent.lemma[v]) {
        return false;
    }
    sent.children_with(v, Deprel::CCOMP)
        .filter(|&c| sent.is_verb(c))
        .any(|c| frame_of(sent, c, negated(sent, c)).is_some_and(|f| frames_in(c, f)))
}

/// `042:043` → (`042`, `043`): the source→target code and the reverse one.
pub(super) fn split_code(code: &str) -> (Option<&str>, Option<&str>) {
    let mut parts = code.splitn(2, ':');
    fn ok(c: &str) -> Option<&str> {
        let c = c.trim();
        (!c.is_empty() && c != "---").then_some(c)
    }
    let f = parts.next().and_then(ok);
    let r = parts.next().and_then(ok);
    (f, r)
}

/// `(block, verb)` entries for the verb at `v`, most specific first: phrasal
/// form (`rule out`), a multi-word verb ending in it (`wire tapped`), the
/// surface form (a dictionary listing `LEFT` apart from `LEAVE` means it),
/// then the lemma.
fn candidates(coder: &Coder, sent: &Sent<'_>, v: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut add = |phrase: &[&str]| {
        for c in coder.dicts.verbs_for_words(phrase) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    };
    for prt in sent.children_with(v, Deprel::COMPOUND) {
        if sent.deprel[prt] == Deprel::COMPOUND_PRT {
            add(&[&sent.lemma[v], &sent.lower[prt]]);
        }
    }
    // Only a word tagged as a verb heads a multi-word verb ending in it; the
    // lemma is looked up only where it differs (each lookup costs).
    let same_lemma = sent.lemma[v] == sent.lower[v];
    if let Some(p) = v
        .checked_sub(1)
        .filter(|&p| sent.is_verb(v) && sent.upos[p] != Upos::PUNCT)
    {
        add(&[&sent.lower[p], &sent.lower[v]]);
        if !same_lemma {
            add(&[&sent.lower[p], &sent.lemma[v]]);
        }
    }
    add(&[&sent.lower[v]]);
    if !same_lemma {
        add(&[&sent.lemma[v]]);
    }
    out
}

/// Word indexes before (nearest first) and after (nearest first) the verb,
/// limited to the verb's clause: its subtree without conjoined verbs,
/// parataxis and adverbial clauses, which are other events.
fn windows(cx: &SentenceCx<'_>, v: usize, subj: Option<usize>) -> (Vec<usize>, Vec<usize>) {
    let (sent, words, first_word) = (cx.sent, &cx.words[..], &cx.first_word[..]);
    let mut inside = vec![false; sent.len];
    // What a speaker says (`said the rebels attacked the army`) is a clause
    // with its own subject and event, coded on its own verb: a pattern of
    // the verb of saying (`REPORT * ATTACK [190]`) must not read it.
    let speech = sitrep_lexicon::speech_class(&sent.lemma[v])
        .is_some_and(sitrep_lexicon::SpeechClass::names_speaker);
    // The (possibly inherited) subject belongs to the clause too.
    let mut stack = vec![v];
    stack.extend(subj);
    while let Some(t) = stack.pop() {
        if inside[t] {
            continue;
        }
        inside[t] = true;
        for &c in sent.children(t) {
            let other_clause = (matches!(sent.base(c), Deprel::PARATAXIS | Deprel::ADVCL)
                && !complement(sent, c))
                || (sent.base(c) == Deprel::CONJ && sent.is_verb(c))
                || (c == v && t != v)
                || (speech
                    && t == v
                    && sent.base(c) == Deprel::CCOMP
                    && sent.is_verb(c)
                    && sent.children_with(c, Deprel::NSUBJ).next().is_some());
            if !other_clause {
                stack.push(c);
            }
        }
    }
    // The governing verb and what lies between belong to the pattern's view
    // of a complement or following adverbial clause (`- INDICATED WOULD *
    // NOW`, `+ HOSTING * ...` for `X is hosting Y to celebrate ...`), and
    // so do that verb's auxiliaries, negation and subject (`X will not wire
    // tap`, where the parse made `wire` the head).
    if let Some(h) = sent.head[v] {
        if h < v
            && matches!(
                sent.base(v),
                Deprel::CCOMP | Deprel::XCOMP | Deprel::PARATAXIS | Deprel::ADVCL
            )
        {
            inside.iter_mut().take(v).skip(h).for_each(|x| *x = true);
            let mut group: Vec<usize> = sent
                .children(h)
                .iter()
                .copied()
                .filter(|&c| {
                    c < h
                        && (matches!(sent.base(c), Deprel::AUX | Deprel::COP | Deprel::NSUBJ)
                            || matches!(sent.lower[c].as_ref(), "not" | "n't" | "never"))
                })
                .collect();
            while let Some(t) = group.pop() {
                if let Some(x) = inside.get_mut(t) {
                    if !*x {
                        *x = true;
                        group.extend(sent.children(t).iter().copied());
                    }
                }
            }
        }
    }
    // A demonstrative subject (`all this suggests`) sums up what precedes it.
    if subj.is_some_and(|h| matches!(sent.lower[h].as_ref(), "this" | "that" | "these" | "those")) {
        inside.iter_mut().take(v).for_each(|x| *x = true);
    }
    let vw = first_word.get(v).copied().unwrap_or(0);
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !inside.get(w.tok).copied().unwrap_or(false) || w.tok == v {
            continue;
        }
        if i < vw {
            before.push(i);
        } else {
            after.push(i);
        }
    }
    before.reverse();
    // A verb with nothing after it in its subtree lost its complements to a
    // parse error (`all this suggests, and I hope ..., that it was ...`): it
    // reads on to the end of the sentence instead.
    let reported_clause = speech
        && sent
            .children_with(v, Deprel::CCOMP)
            .any(|c| sent.is_verb(c) && sent.children_with(c, Deprel::NSUBJ).next().is_some());
    if after.is_empty() && !reported_clause && sent.children_with(v, Deprel::NSUBJ).next().is_some()
    {
        after = (vw..words.len()).filter(|&i| words[i].tok != v).collect();
    }
    (before, after)
}

/// Linear windows for a verb the parse does not treat as one: the sentence
/// before it, and after it up to the next comma or end.
fn linear_windows(cx: &SentenceCx<'_>, v: usize) -> (Vec<usize>, Vec<usize>) {
    let (sent, words, first_word) = (cx.sent, &cx.words[..], &cx.first_word[..]);
    let vw = first_word.get(v).copied().unwrap_or(0);
    let mut before: Vec<usize> = (0..vw).collect();
    before.reverse();
    let after: Vec<usize> = (vw..words.len())
        .filter(|&i| words[i].tok != v)
        .take_while(|&i| !matches!(sent.lower[words[i].tok].as_ref(), "," | ";" | "."))
        .collect();
    (before, after)
}
