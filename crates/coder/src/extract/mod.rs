//! Event extraction for one sentence: verbs looked up in the verb dictionary,
//! their patterns matched around them, source and target taken from the
//! pattern's slots or the dependency parse, negation and modality read off the
//! verb's dependents.
//!
//! Grammar used (UD relations): `nsubj` → source and `obj`/`iobj`/`obl` →
//! target; passive `nsubj:pass` → target with `obl:agent` (or a `by` phrase)
//! as the source; a verb without subject inherits it through `conj`, `xcomp`
//! (the matrix object first: `forced X to withdraw`), `advcl` and `acl`;
//! conjoined actors give one event each. A `+` slot matched before the verb
//! means the verb's subject side is the target, and the source is the speaker
//! who reports the clause (`..., Lavrov said`).
//!
//! Parse errors repaired on the way: several `nsubj` of one verb (or an
//! `nsubj:pass` beside an `nsubj`) are one split coordination; a noun phrase
//! right before a verb is its subject even when the verb was made a
//! conjunct; a common-noun phrase right before an uncoded name
//! (`the official news agency WFNA`) is one phrase with it; a subjectless
//! `to`-infinitive attached as `advcl` is the verb's complement. A `%` slot
//! after the verb (`* WITH %`) makes the compound the subject's targets.

use sitrep_dict::phrase::{for_each_token_word, normalize_into, token_words};
use sitrep_dict::Placement;
use sitrep_doc::events::{Event, EventActor, Modality};
use sitrep_doc::{Date, Doc};

use crate::cameo;
use crate::compiled::NO_WORD;
use crate::mentions::Extra;
use crate::patterns::{is_negation, match_pattern, Ctx, Hit, Windows, Word};
use crate::tree::Sent;
use crate::{Coder, CoderOptions};

/// Verbs of saying whose subject is the speaker of their complement clause.
const SPEECH: &[&str] = &[
    "say",
    "add",
    "stress",
    "tell",
    "state",
    "declare",
    "announce",
    "claim",
    "note",
    "insist",
    "warn",
    "report",
    "explain",
    "write",
    "emphasize",
    "emphasise",
    "argue",
    "assert",
];

/// Verbs whose `xcomp` is intended, not done.
const INTEND: &[&str] = &[
    "plan", "intend", "want", "seek", "aim", "hope", "try", "attempt", "prepare", "threaten",
    "vow", "pledge", "promise", "expect", "wish", "offer", "propose", "decide", "agree",
];

/// What finding an event's sides reads: one sentence's parse, its mentions
/// (all, and coded ones only) and the coding options.
#[derive(Clone, Copy)]
struct Cx<'a> {
    sent: &'a Sent<'a>,
    per_token: &'a [Option<usize>],
    coded: &'a [Option<usize>],
    extras: &'a [Extra],
    doc: &'a Doc,
    options: &'a CoderOptions,
}

/// One side of an event before it becomes an [`EventActor`].
#[derive(Clone, Debug)]
struct Side {
    /// Index into `doc.actors`; for a new actor (no mention), a value past
    /// every index, distinct per phrase head.
    mention: usize,
    /// The code, possibly composed with a conjoined agent.
    code: Option<String>,
    /// A new actor's phrase (see [`CoderOptions::new_actor_length`]).
    new_actor: Option<sitrep_doc::Span>,
}

pub(crate) struct Extracted {
    pub events: Vec<Event>,
}

/// What the coder found in one sentence before extraction.
pub(crate) struct SentenceInput<'a> {
    /// The sentence's tokens and tree (built once, shared with actor finding).
    pub sent: &'a Sent<'a>,
    /// Local token → mention index in `doc.actors`.
    pub per_token: &'a [Option<usize>],
    /// Actors carried over from earlier sentences (coreference).
    pub extras: &'a [Extra],
    /// The article's date, for dated actor roles.
    pub date: Option<Date>,
    /// Local tokens of discard phrases scoped to their clause.
    pub discards: &'a [usize],
}

/// Codes sentence `s`.
pub(crate) fn sentence(
    coder: &Coder,
    options: &CoderOptions,
    doc: &Doc,
    s: usize,
    input: SentenceInput<'_>,
) -> Extracted {
    let SentenceInput {
        sent,
        per_token,
        extras,
        date,
        discards,
    } = input;
    // Clauses a discard phrase puts out of scope (see `CoderOptions::clause_discards`).
    let discarded_clauses: Vec<usize> = discards
        .iter()
        .filter(|&&t| t < sent.len)
        .map(|&t| clause_of(sent, t))
        .collect();
    let mut out = Extracted { events: Vec::new() };
    let n = sent.len.min(per_token.len());
    if n == 0 {
        return out;
    }
    let coded: Vec<Option<usize>> = per_token
        .iter()
        .map(|m| m.filter(|&m| doc.actors.get(m).is_some_and(|a| a.code.is_some())))
        .collect();
    let mut words: Vec<Word> = Vec::with_capacity(n);
    let mut first_word = vec![usize::MAX; n];
    let compiled = &coder.compiled;
    // One scratch buffer for every token's normalised form.
    let mut buf = String::new();
    for (t, first) in first_word.iter_mut().enumerate() {
        let text = doc.token_text(sent.start + t);
        // Plain pattern words match the surface form, as in PETRARCH (its
        // dictionaries list noun plurals themselves); verbs also match by
        // lemma, since patterns name one inflection (`WERE ABLE TO *`).
        let lemma = if matches!(sent.upos[t].as_str(), "VERB" | "AUX") {
            normalize_into(&sent.lemma[t], &mut buf);
            if buf.is_empty() {
                NO_WORD
            } else {
                compiled.word_id(&buf)
            }
        } else {
            NO_WORD
        };
        *first = words.len();
        let nominal = matches!(
            sent.upos[t].as_str(),
            "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM"
        );
        for_each_token_word(text, &mut buf, |w| {
            words.push(Word {
                id: compiled.word_id(w),
                lemma,
                tok: t,
                nominal,
                negation: is_negation(w),
            });
        });
    }
    let ctx = Ctx {
        words: &words,
        mention_at: &coded,
        compiled,
    };
    let cx = Cx {
        sent,
        per_token,
        coded: &coded,
        extras,
        doc,
        options,
    };
    let mut made_event = vec![false; n];
    for v in 0..n {
        // A verb form the tagger read as a noun or adjective (`... lead up a
        // blind alley`) is still tried, but only a multi-word pattern counts.
        let tagged_verb = sent.is_verb(v);
        if !tagged_verb && !matches!(sent.upos[v].as_str(), "NOUN" | "ADJ" | "PROPN") {
            continue;
        }
        if not_an_action(sent, per_token, v) {
            continue;
        }
        if discarded_clauses.iter().any(|&c| within(sent, v, c)) {
            continue;
        }
        // A complement of a verb that already coded an event belongs to it
        // (`vowed to wage war`: VOW's patterns read the complement).
        if complement(sent, v) && sent.head[v].is_some_and(|h| made_event[h]) {
            continue;
        }
        let Some(Choice {
            hit,
            code,
            pattern,
            subj_head,
        }) = choose_code(coder, &ctx, sent, &words, &first_word, v)
        else {
            continue;
        };
        // A verb that frames its complement (`agreed to send`, `refused to
        // lift`) gives way to the complement, coded in that frame (`send` →
        // 03x intent to give aid), when the complement's action has a framed
        // code: the frame verb's own code (AGREE → 050) would hide what was
        // agreed. This holds even against a pattern of the framing verb that
        // reads the complement (`vowed to wage war`): the complement's own
        // code, framed, gives the same threat (`wage war` 190 → 138).
        if options.frames && gives_way(coder, &ctx, sent, &words, &first_word, v) {
            continue;
        }
        // A framing verb whose complement has no code of its own states the
        // intention (refusal, threat) itself: CAMEO's unspecified 030 (120,
        // 130) rather than the verb's default (AGREE → 050).
        let code = match (options.frames, pattern, head_frame(sent, v)) {
            (true, None, Some(f)) if has_verb_complement(sent, v) => {
                let root = cameo::root_code(code).unwrap_or("");
                match f {
                    cameo::Frame::Intent if !matches!(root, "03" | "13") => "030",
                    cameo::Frame::Threat if root != "13" => "130",
                    cameo::Frame::Refusal if root != "12" => "120",
                    _ => code,
                }
            }
            _ => code,
        };
        let (fwd, rev) = split_code(code);
        if fwd.is_none() && rev.is_none() {
            continue;
        }
        // A pattern that spells the negation out (`&NEGATVAUXVRB *`) codes
        // the negative act itself; only an unmatched negation negates.
        let mut negated = negated(sent, v) && !hit.negation_matched;
        // Stated intent, demands, appeals and refusals are coded as such
        // (CAMEO 03x/13x, 10x, 02x, 12x), not as the action itself.
        let frame = if options.frames {
            frame_of(sent, v, negated)
        } else {
            None
        };
        let framed_code = match (frame, fwd) {
            (Some(f), Some(c)) => cameo::framed(c, f),
            _ => None,
        };
        let (fwd, rev) = match &framed_code {
            // A framed act is one-way (an offer to visit is no visit back).
            Some(c) => (Some(c.as_str()), None),
            None => (fwd, rev),
        };
        if framed_code.is_some() && frame == Some(cameo::Frame::Refusal) {
            // `will not accept` asserts a refusal: the refusal is not negated.
            negated = false;
        }
        // Sides from the pattern, else from the parse.
        let (mut src, mut tgt) = if tagged_verb {
            parse_sides(&cx, v)
        } else {
            let subj = subj_head.map(|h| np(&cx, h, 0)).unwrap_or_default();
            (subj, Vec::new())
        };
        // The parse's subject, before a `$` slot replaces the source.
        let parse_src = src.clone();
        if let (Some(m), true) = (hit.source, hit.compound_after) {
            // `* WITH %` (`X agrees with Y and Z`): the subject acts on each
            // member of the compound after the verb.
            let members = mention_head(doc, sent, m)
                .map(|h| np(&cx, h, 0))
                .unwrap_or_default();
            tgt = if members.iter().any(|x| x.mention == m) {
                members
            } else {
                vec![side(doc, m)]
            };
            tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
        } else if let Some(m) = hit.source {
            if hit.compound {
                // `%`: the compound subject's members act on each other.
                if !src.iter().any(|x| x.mention == m) {
                    src = vec![side(doc, m)];
                }
                tgt = src.clone();
            } else {
                src = vec![side(doc, m)];
            }
        }
        if let Some(m) = hit.target {
            // `+ *`: the target is the verb's subject side; the subject found
            // by the parse beats the nearest actor the slot happened to match.
            // A complement's inherited subject (`X hosts Y to celebrate`: Y
            // by control) is a guess; a slot the pattern reached past it is
            // evidence.
            let own_subject =
                sent.children_with(v, "nsubj").next().is_some() || !complement(sent, v);
            let subject_side = hit.target_before
                && !parse_src.is_empty()
                && (own_subject || parse_src.iter().any(|x| x.mention == m));
            tgt = if subject_side {
                parse_src
            } else {
                vec![side(doc, m)]
            };
            if hit.target_before && hit.source.is_none() {
                src = speaker(&cx, v);
            }
            tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
        }
        // A verbal act (statement, appeal, accusation, rejection, threat)
        // inside reported speech with no actor of its own is the speaker's.
        let verbal = fwd.is_some_and(|c| matches!(cameo::quad_class(c), 1 | 3));
        if src.is_empty() && verbal && pattern.is_some() {
            src = speaker(&cx, v);
            tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
        }
        if tgt.is_empty() && tagged_verb {
            // The parse lost the object (`contribute a million yum yennyen
            // to Gondor`): the first actor after the verb in its clause,
            // as TABARI's shallow reading finds it.
            if let Some(m) = linear_target(sent, &coded, v) {
                if !src.iter().any(|x| x.mention == m) {
                    tgt = vec![side(doc, m)];
                }
            }
        }
        let mut src = expand(src);
        let mut tgt = expand(tgt);
        // A compound subject with no target acts on each other (`X and Y
        // agree that ...` → X→Y and Y→X), as PETRARCH codes it.
        if tgt.is_empty() && src.len() > 1 && conjoined(sent, doc, &src) {
            tgt = src.clone();
        }
        // A demand or appeal is the speaker's, aimed at the actor that is to act.
        if framed_code.is_some()
            && matches!(frame, Some(cameo::Frame::Demand | cameo::Frame::Appeal))
        {
            let sp = speaker(&cx, v);
            if !sp.is_empty() {
                tgt = expand(src.clone());
                tgt.retain(|t| !sp.iter().any(|s| s.mention == t.mention));
                src = expand(sp);
            }
        }
        let missing_source = src.is_empty() && options.require_source;
        let missing_target = tgt.is_empty() && options.require_target;
        if missing_source || missing_target || (src.is_empty() && tgt.is_empty()) {
            continue;
        }
        let modality = modality(sent, v);
        made_event[v] = true;
        if negated && !options.keep_negated {
            continue;
        }
        let pattern_text = pattern.map(pattern_string);
        let mut push = |code: &str, a: Option<&Side>, b: Option<&Side>| -> bool {
            if let (Some(a), Some(b)) = (a, b) {
                if b.mention == a.mention || (b.code.is_some() && b.code == a.code) {
                    return false;
                }
            }
            // Any code but the null one: validation dictionaries use
            // non-CAMEO (WEIS-era) codes too.
            if code.is_empty() || code == "---" {
                return false;
            }
            out.events.push(make_event(
                doc,
                sent,
                s,
                v,
                date,
                code,
                a,
                b,
                negated,
                modality,
                pattern_text.clone(),
            ));
            true
        };
        if src.is_empty() {
            // Only with `require_source: false` (event typing without actors).
            for b in &tgt {
                if let Some(f) = fwd {
                    push(f, None, Some(b));
                }
            }
        }
        for a in &src {
            if tgt.is_empty() {
                if let Some(f) = fwd {
                    push(f, Some(a), None);
                }
            }
            let mut pushed = false;
            for b in &tgt {
                if let Some(f) = fwd {
                    pushed |= push(f, Some(a), Some(b));
                }
                if let Some(r) = rev {
                    pushed |= push(r, Some(b), Some(a));
                }
            }
            // Every target was the source itself (`Kenyan students marched
            // in Nairobi`, both KEN): without a dyad rule the act is still
            // reported, source only.
            if !pushed && !tgt.is_empty() && !options.require_target {
                if let Some(f) = fwd {
                    push(f, Some(a), None);
                }
            }
        }
    }
    out
}

/// An infinitive complement of its head verb: `xcomp`, or a subjectless
/// `to`-infinitive the parse attached as an adverbial clause (`vowed on
/// Thursday to wage war`), which PETRARCH reads as the verb's complement.
fn complement(sent: &Sent<'_>, v: usize) -> bool {
    match sent.base(v) {
        "xcomp" => true,
        "advcl" => {
            sent.children_with(v, "mark").any(|c| sent.lower[c] == "to")
                && sent.children_with(v, "nsubj").next().is_none()
                && sent.head[v].is_some_and(|h| h < v)
        }
        _ => false,
    }
}

/// The head of the clause token `t` belongs to: the nearest ancestor (or
/// `t` itself) attached as a clause (root, complement, adverbial or
/// relative clause, parataxis, conjoined verb).
fn clause_of(sent: &Sent<'_>, t: usize) -> usize {
    let mut cur = t;
    for _ in 0..sent.len {
        let clause = matches!(
            sent.base(cur),
            "root" | "ccomp" | "xcomp" | "advcl" | "acl" | "parataxis" | "csubj"
        ) || (sent.base(cur) == "conj" && sent.is_verb(cur));
        match sent.head[cur] {
            Some(h) if !clause => cur = h,
            _ => return cur,
        }
    }
    cur
}

/// True if `t` is `c` or lies in its subtree.
fn within(sent: &Sent<'_>, t: usize, c: usize) -> bool {
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

/// The code a verb takes: its best pattern's, else its dictionary default.
struct Choice<'c> {
    hit: Hit,
    code: &'c str,
    pattern: Option<&'c sitrep_dict::Pattern>,
    subj_head: Option<usize>,
}

/// Matches the verb at `v` against its blocks' patterns (see the module doc).
fn choose_code<'c>(
    coder: &'c Coder,
    ctx: &Ctx<'_>,
    sent: &Sent<'_>,
    words: &[Word],
    first_word: &[usize],
    v: usize,
) -> Option<Choice<'c>> {
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
        windows(sent, words, first_word, v, subj_head)
    } else {
        linear_windows(sent, words, first_word, v)
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
            if let Some(hit) = match_pattern(ctx, cp, &win) {
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

/// Verbs whose infinitive complement is an intention stated by the subject
/// (CAMEO 03x "express intent to ...", 13x "threaten to ...").
const INTENT_VERBS: &[&str] = &[
    "agree",
    "offer",
    "promise",
    "pledge",
    "vow",
    "swear",
    "plan",
    "intend",
    "propose",
    "undertake",
    "volunteer",
];

/// Predicative adjectives with the same reading (`is willing to send`).
const INTENT_ADJECTIVES: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "committed",
    "determined",
    "eager",
    "keen",
];

/// Verbs whose infinitive complement is refused (CAMEO 12x).
const REFUSAL_VERBS: &[&str] = &["refuse", "decline"];

/// True if `v` has an infinitive verb complement (`agreed to postpone`).
fn has_verb_complement(sent: &Sent<'_>, v: usize) -> bool {
    sent.children_with(v, "xcomp").any(|c| sent.is_verb(c))
}

/// Tokens the tagger may read as verbs that carry no action: a word inside
/// an actor's name (`United` in `United Nations`), an attributive
/// participle (`the occupied territories`) and the preposition `according
/// to`.
fn not_an_action(sent: &Sent<'_>, per_token: &[Option<usize>], v: usize) -> bool {
    if !sent.is_verb(v) {
        return false;
    }
    let inside_name = per_token.get(v).copied().flatten().is_some();
    let attributive = sent.deprel[v] == "amod";
    let according =
        sent.lower[v] == "according" && sent.lower.get(v + 1).is_some_and(|w| w == "to");
    inside_name || attributive || according
}

/// The frame a governing word puts on its `xcomp` complement.
fn head_frame(sent: &Sent<'_>, h: usize) -> Option<cameo::Frame> {
    let lemma = sent.lemma[h].as_ref();
    if sent.is_verb(h) && lemma == "threaten" {
        return Some(cameo::Frame::Threat);
    }
    if sent.is_verb(h) && INTENT_VERBS.contains(&lemma) {
        return Some(cameo::Frame::Intent);
    }
    if sent.is_verb(h) && REFUSAL_VERBS.contains(&lemma) {
        return Some(cameo::Frame::Refusal);
    }
    // `is prepared to` (adjective), not `prepared to` (a verb: preparation
    // is an act of its own).
    let adjective = sent.upos[h].as_str() == "ADJ"
        || (sent.xpos[h] == "VBN"
            && sent
                .children(h)
                .iter()
                .any(|&c| matches!(sent.deprel[c], "cop" | "aux:pass")));
    if adjective && INTENT_ADJECTIVES.contains(&sent.lower[h].as_ref()) {
        return Some(cameo::Frame::Intent);
    }
    None
}

/// True if `v` gives way to a complement framed by it or by its own modal:
/// a framing verb (`agreed to send`, see [`head_frame`]) or a verb of saying
/// whose clause states a framed act (`announced it will withdraw`, `said X
/// must release`: the statement is the intent or demand, coded on the
/// complement with the speaker as actor) — when the complement's action has
/// a code in that frame (see [`cameo::framed`]).
fn gives_way(
    coder: &Coder,
    ctx: &Ctx<'_>,
    sent: &Sent<'_>,
    words: &[Word],
    first_word: &[usize],
    v: usize,
) -> bool {
    let frames_in = |c: usize, frame: cameo::Frame| {
        choose_code(coder, ctx, sent, words, first_word, c).is_some_and(|ch| {
            split_code(ch.code)
                .0
                .is_some_and(|f| cameo::framed(f, frame).is_some())
        })
    };
    // A negated frame verb (`did not agree to send`) is a refusal (handled
    // on the complement), so it gives way too.
    if let Some(frame) = head_frame(sent, v) {
        if sent
            .children_with(v, "xcomp")
            .filter(|&c| sent.is_verb(c))
            .any(|c| frames_in(c, frame))
        {
            return true;
        }
    }
    if !REPORTING.contains(&sent.lemma[v].as_ref()) {
        return false;
    }
    sent.children_with(v, "ccomp")
        .filter(|&c| sent.is_verb(c))
        .any(|c| frame_of(sent, c, negated(sent, c)).is_some_and(|f| frames_in(c, f)))
}

/// Verbs of saying that report a framed act of their complement clause.
const REPORTING: &[&str] = &[
    "say",
    "announce",
    "declare",
    "state",
    "confirm",
    "reiterate",
    "tell",
    "add",
    "insist",
    "stress",
    "indicate",
    "report",
];

/// True if the sentence has a verb of saying besides `v`: the reporting
/// clause may govern `v` (`said it would`) or hang off it (`..., X said`),
/// and parsers often attach it wrongly, so its place is not checked.
fn reported(sent: &Sent<'_>, v: usize) -> bool {
    (0..sent.len).any(|t| t != v && sent.is_verb(t) && REPORTING.contains(&sent.lemma[t].as_ref()))
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
            sent.children_with(a, "mark")
                .any(|m| matches!(sent.lower[m].as_ref(), "if" | "unless"))
        })
    };
    for c in sent.children_with(t, "aux") {
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
fn frame_of(sent: &Sent<'_>, v: usize, negated: bool) -> Option<cameo::Frame> {
    use cameo::Frame;
    let unless = |x: usize| {
        sent.children(x).iter().any(|&a| {
            sent.children_with(a, "mark")
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
    if sent.base(v) == "conj" {
        holders.extend(sent.head[v]);
    }
    for &t in &holders {
        if let Some(f) = aux_frame(sent, t, v) {
            return adjust(f, t);
        }
    }
    let h = sent.head[v]?;
    if sent.base(v) != "xcomp" {
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

/// `042:043` → (`042`, `043`): the source→target code and the reverse one.
fn split_code(code: &str) -> (Option<&str>, Option<&str>) {
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
    for prt in sent.children_with(v, "compound") {
        if sent.deprel[prt] == "compound:prt" {
            add(&[&sent.lemma[v], &sent.lower[prt]]);
        }
    }
    // Only a word tagged as a verb heads a multi-word verb ending in it; the
    // lemma is looked up only where it differs (each lookup costs).
    let same_lemma = sent.lemma[v] == sent.lower[v];
    if let Some(p) = v
        .checked_sub(1)
        .filter(|&p| sent.is_verb(v) && sent.upos[p].as_str() != "PUNCT")
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
fn windows(
    sent: &Sent<'_>,
    words: &[Word],
    first_word: &[usize],
    v: usize,
    subj: Option<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let mut inside = vec![false; sent.len];
    // The (possibly inherited) subject belongs to the clause too.
    let mut stack = vec![v];
    stack.extend(subj);
    while let Some(t) = stack.pop() {
        if inside[t] {
            continue;
        }
        inside[t] = true;
        for &c in sent.children(t) {
            let other_clause = (matches!(sent.base(c), "parataxis" | "advcl")
                && !complement(sent, c))
                || (sent.base(c) == "conj" && sent.is_verb(c))
                || (c == v && t != v);
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
        if h < v && matches!(sent.base(v), "ccomp" | "xcomp" | "parataxis" | "advcl") {
            inside.iter_mut().take(v).skip(h).for_each(|x| *x = true);
            let mut group: Vec<usize> = sent
                .children(h)
                .iter()
                .copied()
                .filter(|&c| {
                    c < h
                        && (matches!(sent.base(c), "aux" | "cop" | "nsubj")
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
    if after.is_empty() && sent.children_with(v, "nsubj").next().is_some() {
        after = (vw..words.len()).filter(|&i| words[i].tok != v).collect();
    }
    (before, after)
}

/// The sentence-local head token of mention `m`: its token whose head lies
/// outside the mention.
fn mention_head(doc: &Doc, sent: &Sent<'_>, m: usize) -> Option<usize> {
    let a = doc.actors.get(m)?;
    let start = (a.token_start as usize).checked_sub(sent.start)?;
    let end = (a.token_end as usize)
        .checked_sub(sent.start)?
        .min(sent.len);
    (start..end)
        .find(|&t| sent.head[t].is_none_or(|h| !(start..end).contains(&h)))
        .or((start < end).then_some(start))
}

fn side(doc: &Doc, m: usize) -> Side {
    Side {
        mention: m,
        code: doc.actors.get(m).and_then(|a| a.code.clone()),
        new_actor: None,
    }
}

/// PETRARCH's new actor: the noun phrase headed by `h` (without its
/// preposition, conjuncts, clauses or a comma-set apposition) coded by its own
/// words in capitals and quotes (`"THE MINISTRY OF MAGIC"`), if it has at most
/// [`CoderOptions::new_actor_length`] words.
fn new_actor(cx: &Cx<'_>, h: usize) -> Option<Side> {
    let Cx { sent, doc, .. } = *cx;
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
            let comma_set =
                rel == "appos" && sent.children_with(c, "punct").any(|p| sent.lower[p] == ",");
            let outside = matches!(
                rel,
                "conj" | "cc" | "acl" | "advcl" | "parataxis" | "punct" | "ccomp" | "mark"
            ) || comma_set
                || (t == h && rel == "case");
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

/// True if a coordinating conjunction lies between the first and the last
/// of these mentions (a real compound, not mentions gathered otherwise).
fn conjoined(sent: &Sent<'_>, doc: &Doc, sides: &[Side]) -> bool {
    let tok = |s: &Side| doc.actors.get(s.mention).map(|a| a.token_start as usize);
    let (Some(a), Some(b)) = (
        sides.iter().filter_map(tok).min(),
        sides.iter().filter_map(tok).max(),
    ) else {
        return false;
    };
    (a..b).any(|t| {
        t >= sent.start
            && sent
                .upos
                .get(t - sent.start)
                .is_some_and(|u| u.as_str() == "CCONJ")
    })
}

/// Splits multi-code actors (`FRO/BIL/SAM`: the Shire's three peoples) into
/// one side per code, as PETRARCH does.
fn expand(sides: Vec<Side>) -> Vec<Side> {
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
fn np(cx: &Cx<'_>, h: usize, depth: usize) -> Vec<Side> {
    let Cx {
        sent,
        per_token,
        coded,
        extras,
        doc,
        ..
    } = *cx;
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
                        "compound"
                            | "flat"
                            | "amod"
                            | "nmod"
                            | "appos"
                            | "det"
                            | "nummod"
                            | "case"
                            | "fixed"
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
            for c in sent.children_with(h, "conj").collect::<Vec<_>>() {
                out.extend(np(cx, c, depth + 1));
            }
            return out;
        }
    }
    let Some(p) = primary else {
        // No mention on the head: conjuncts may still hold actors.
        for c in sent.children_with(h, "conj").collect::<Vec<_>>() {
            out.extend(np(cx, c, depth + 1));
        }
        return out;
    };
    out.push(side(doc, p));
    let agent = extras.get(p).and_then(|e| e.agent.clone());
    let (ms, me) = doc
        .actors
        .get(p)
        .map_or((0, 0), |a| (a.token_start as usize, a.token_end as usize));
    let in_primary = |t: usize| (ms..me).contains(&(sent.start + t));
    let mut owners: Vec<usize> = vec![h];
    owners.extend((0..sent.len).filter(|&t| in_primary(t) && t != h));
    for o in owners {
        for c in sent.children_with(o, "conj").collect::<Vec<_>>() {
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
fn agents_of_places(cx: &Cx<'_>, h: usize, depth: usize) -> Option<Vec<Side>> {
    let Cx {
        sent,
        coded,
        extras,
        doc,
        ..
    } = *cx;
    let bare_agent = |t: usize| {
        coded[t].filter(|&m| {
            doc.actors.get(m).is_some_and(|a| a.actor_id.is_none())
                && extras.get(m).is_some_and(|e| e.agent.is_some())
        })
    };
    bare_agent(h)?;
    let mut heads = vec![h];
    heads.extend(
        sent.children_with(h, "conj")
            .filter(|&c| bare_agent(c).is_some()),
    );
    let mut actors: Vec<Side> = Vec::new();
    for &x in &heads {
        for c in sent.children_with(x, "nmod").collect::<Vec<_>>() {
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

/// Source and target of verb `v` from the parse.
fn parse_sides(cx: &Cx<'_>, v: usize) -> (Vec<Side>, Vec<Side>) {
    let Cx {
        sent, coded, doc, ..
    } = *cx;
    let npm = |h: usize| np(cx, h, 0);
    // A passive subject beside an active one is a conjunct the parse
    // mislabelled (`X's death and injury toll has risen`): the verb is active.
    let active_subj = sent
        .children_with(v, "nsubj")
        .any(|c| sent.deprel[c] == "nsubj");
    let passive_subj = sent
        .children_with(v, "nsubj")
        .find(|&c| sent.deprel[c] == "nsubj:pass")
        .filter(|_| !active_subj);
    let passive_aux = sent
        .children(v)
        .iter()
        .any(|&c| sent.deprel[c] == "aux:pass");
    // A bare participle with its agent (`Rebuked by Eriador, ...`) is passive too.
    let passive_aux = passive_aux
        || (sent.xpos[v] == "VBN"
            && sent
                .children_with(v, "obl")
                .any(|c| sent.deprel[c] == "obl:agent" || has_case(sent, c, "by")));
    if passive_subj.is_some() || passive_aux {
        // Without its own subject, a passive shares only a conjoined verb's
        // (`X was attacked and was wounded`), not a governing clause's.
        let tgt = match passive_subj {
            Some(ps) => npm(ps),
            None if sent.deprel[v] == "conj" => subject(cx, v, 0),
            None => Vec::new(),
        };
        let agent = sent
            .children_with(v, "obl")
            .find(|&c| sent.deprel[c] == "obl:agent" || has_case(sent, c, "by"));
        let src = match agent {
            Some(a) => npm(a),
            None => Vec::new(),
        };
        return (src, tgt);
    }
    let src = subject(cx, v, 0);
    let mut tgt = object(cx, v, 0);
    tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
    let same_actor = |t: &Side| {
        src.iter()
            .any(|s| s.mention == t.mention || (s.code.is_some() && s.code == t.code))
    };
    if tgt.iter().all(same_actor) {
        // `X began to question whether he has a future with Y`: a clausal
        // complement whose subject is the source itself aims the act at the
        // first other actor inside it.
        for c in sent.children_with(v, "ccomp").collect::<Vec<_>>() {
            let m = first_in_subtree_except(sent, coded, c, &src)
                .filter(|&m| !same_actor(&side(doc, m)));
            if let Some(m) = m {
                tgt = vec![side(doc, m)];
                break;
            }
        }
    }
    (src, tgt)
}

fn has_case(sent: &Sent<'_>, n: usize, word: &str) -> bool {
    sent.children_with(n, "case").any(|c| sent.lower[c] == word)
}

/// The head of the verb's subject noun phrase, inherited as in [`subject`],
/// else the noun phrase that immediately precedes the verb (bad parses often
/// attach `X forces Y` wrongly, but adjacency is strong evidence).
fn subject_head(sent: &Sent<'_>, v: usize, depth: usize) -> Option<usize> {
    if depth > 6 {
        return None;
    }
    if let Some(c) = sent.children_with(v, "nsubj").next() {
        return Some(c);
    }
    if sent.deprel[v] != "conj" {
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
    let infinitive = sent.children_with(v, "mark").any(|c| sent.lower[c] == "to");
    let rel = if infinitive && matches!(sent.base(v), "parataxis" | "ccomp") {
        "xcomp"
    } else {
        sent.deprel[v]
    };
    match rel {
        "xcomp" => sent
            .children_with(h, "obj")
            .next()
            .or_else(|| subject_head(sent, h, depth + 1)),
        "conj" | "advcl" | "acl" => subject_head(sent, h, depth + 1),
        "acl:relcl" => Some(h),
        _ => None,
    }
}

/// Linear windows for a verb the parse does not treat as one: the sentence
/// before it, and after it up to the next comma or end.
fn linear_windows(
    sent: &Sent<'_>,
    words: &[Word],
    first_word: &[usize],
    v: usize,
) -> (Vec<usize>, Vec<usize>) {
    let vw = first_word.get(v).copied().unwrap_or(0);
    let mut before: Vec<usize> = (0..vw).collect();
    before.reverse();
    let after: Vec<usize> = (vw..words.len())
        .filter(|&i| words[i].tok != v)
        .take_while(|&i| !matches!(sent.lower[words[i].tok].as_ref(), "," | ";" | "."))
        .collect();
    (before, after)
}

/// The head of the sentence's first noun phrase before `v`.
fn first_np(sent: &Sent<'_>, v: usize) -> Option<usize> {
    use sitrep_doc::Upos;
    let t0 = (0..v).find(|&t| {
        let u = sent.upos[t];
        (u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON)
            && !matches!(sent.lower[t].as_ref(), "who" | "which" | "that")
    })?;
    let mut h = t0;
    for _ in 0..4 {
        match (sent.base(h), sent.head[h]) {
            ("compound" | "flat" | "amod" | "det", Some(p)) if p < v => h = p,
            _ => break,
        }
    }
    Some(h)
}

/// For the first finite verb of a sentence left without a subject by the
/// parse, the sentence's first noun phrase: long subjects with embedded
/// phrases (`US proposals to declare pauses in ... lead up ...`) are where
/// parsers fail, and English puts the subject first.
fn first_np_subject(sent: &Sent<'_>, v: usize) -> Option<usize> {
    use sitrep_doc::Upos;
    let finite = |t: usize| matches!(sent.xpos[t], "VBP" | "VBZ" | "VBD" | "MD");
    if !finite(v) || (0..v).any(finite) {
        return None;
    }
    let t0 = (0..v).find(|&t| {
        let u = sent.upos[t];
        (u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON)
            && !matches!(sent.lower[t].as_ref(), "who" | "which" | "that")
    })?;
    // Climb to the head of the first phrase through noun-internal relations.
    let mut h = t0;
    for _ in 0..4 {
        match (sent.base(h), sent.head[h]) {
            ("compound" | "flat" | "amod" | "nmod:poss" | "det", Some(p)) if p < v && p != v => {
                h = p
            }
            _ => break,
        }
    }
    if sent.deprel[h] == "nmod:poss" {
        return None;
    }
    Some(h)
}

/// The head of a noun phrase ending right before `v` (adverbs, auxiliaries
/// and `to` skipped), if there is one and it is not inside the verb's subtree.
fn adjacent_np(sent: &Sent<'_>, v: usize) -> Option<usize> {
    use sitrep_doc::Upos;
    let mut t = v.checked_sub(1)?;
    loop {
        let u = sent.upos[t];
        if u == Upos::AUX || u.as_str() == "ADV" || u.as_str() == "PART" {
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
            ("conj" | "compound" | "flat" | "amod" | "nmod" | "appos", Some(p)) if p != v => h = p,
            _ => break,
        }
    }
    // A prepositional phrase (`after crowds trashed ...`) is never a subject.
    if sent.children_with(h, "case").next().is_some() {
        return None;
    }
    Some(h)
}

fn subject(cx: &Cx<'_>, v: usize, depth: usize) -> Vec<Side> {
    let Cx {
        sent,
        coded,
        extras,
        doc,
        ..
    } = *cx;
    let Some(h) = subject_head(sent, v, depth) else {
        return Vec::new();
    };
    let mut x = np(cx, h, 0);
    // Several subjects of one verb are a coordination the parse split
    // (`Lions, tigers, and Gondor welcomed`): each one's actors count.
    if sent.head[h] == Some(v) {
        let first = x.first().map(|s| s.mention);
        for o in sent.children_with(v, "nsubj").filter(|&o| o != h) {
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
            sent.upos[p] == sitrep_doc::Upos::NOUN
                && sent.upos[h] == sitrep_doc::Upos::PROPN
                && sent.children_with(p, "case").next().is_none()
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
        .children_with(h, "cc")
        .next()
        .or_else(|| sent.children_with(v, "cc").find(|&c| c < h));
    if let Some(cc) = cc {
        if let Some(m) = cc
            .checked_sub(1)
            .and_then(|t| coded.get(t).copied().flatten())
        {
            return vec![side(doc, m)];
        }
    }
    Vec::new()
}

/// The first coded mention after `v`, before the clause ends (punctuation,
/// a subordinator, or another verb with a subject of its own).
fn linear_target(sent: &Sent<'_>, coded: &[Option<usize>], v: usize) -> Option<usize> {
    for t in v + 1..sent.len {
        if let Some(m) = coded.get(t).copied().flatten() {
            return Some(m);
        }
        let u = sent.upos[t].as_str();
        let ends = matches!(u, "PUNCT" | "SCONJ")
            || (sent.is_verb(t) && sent.children_with(t, "nsubj").next().is_some());
        if ends {
            return None;
        }
    }
    None
}

/// The first coded mention (in text order) inside `h`'s subtree.
fn first_in_subtree(sent: &Sent<'_>, coded: &[Option<usize>], h: usize) -> Option<usize> {
    let mut nodes = vec![h];
    let mut k = 0;
    while k < nodes.len() && nodes.len() <= sent.len {
        nodes.extend(sent.children(nodes[k]).iter().copied());
        k += 1;
    }
    nodes.sort_unstable();
    nodes.iter().find_map(|&t| coded.get(t).copied().flatten())
}

/// The first coded mention (in text order) inside `h`'s subtree that is
/// none of `not`.
fn first_in_subtree_except(
    sent: &Sent<'_>,
    coded: &[Option<usize>],
    h: usize,
    not: &[Side],
) -> Option<usize> {
    let mut nodes = vec![h];
    let mut k = 0;
    while k < nodes.len() && nodes.len() <= sent.len {
        nodes.extend(sent.children(nodes[k]).iter().copied());
        k += 1;
    }
    nodes.sort_unstable();
    nodes
        .iter()
        .filter_map(|&t| coded.get(t).copied().flatten())
        .find(|&m| !not.iter().any(|s| s.mention == m))
}

fn object(cx: &Cx<'_>, v: usize, depth: usize) -> Vec<Side> {
    let Cx {
        sent, coded, doc, ..
    } = *cx;
    let npm = |h: usize| np(cx, h, 0);
    for rel in ["obj", "iobj"] {
        for c in sent.children_with(v, rel).collect::<Vec<_>>() {
            let x = npm(c);
            if !x.is_empty() {
                return x;
            }
            // `welcomed memos sent by Bree`: an actor deeper in the object
            // phrase (a modifying clause) is still what the act is aimed at.
            if let Some(m) = first_in_subtree(sent, coded, c) {
                return vec![side(doc, m)];
            }
        }
    }
    for c in sent.children_with(v, "obl").collect::<Vec<_>>() {
        if sent.deprel[c] == "obl:agent" {
            continue;
        }
        let x = npm(c);
        if !x.is_empty() {
            return x;
        }
    }
    // `X believes Y can cope`, `X allowed that Y ...`: the complement
    // clause's subject is the target, as PETRARCH codes it.
    for c in sent.children_with(v, "ccomp").collect::<Vec<_>>() {
        if let Some(sj) = sent.children_with(c, "nsubj").next() {
            let x = npm(sj);
            if !x.is_empty() {
                return x;
            }
        }
    }
    if depth < 3 {
        for c in sent.children_with(v, "xcomp").collect::<Vec<_>>() {
            let x = object(cx, c, depth + 1);
            if !x.is_empty() {
                return x;
            }
        }
    }
    Vec::new()
}

/// The speaker reporting the clause of `v`: the subject of a verb of saying
/// that governs it (`Lavrov said that ...`) or hangs off it (`..., Lavrov said`).
fn speaker(cx: &Cx<'_>, v: usize) -> Vec<Side> {
    let Cx { sent, .. } = *cx;
    // Reporting verbs take a clause, not an object (`declare pauses` is no report).
    let is_speech = |t: usize| {
        SPEECH.contains(&sent.lemma[t].as_ref()) && sent.children_with(t, "obj").next().is_none()
    };
    let mut cur = v;
    for _ in 0..6 {
        for &c in sent.children(cur) {
            if matches!(sent.base(c), "parataxis" | "ccomp" | "advcl") && is_speech(c) {
                let x = subject(cx, c, 0);
                if !x.is_empty() {
                    return x;
                }
            }
        }
        let Some(h) = sent.head[cur] else { break };
        for &c in sent.children(h) {
            if c != cur
                && matches!(sent.base(c), "parataxis" | "conj")
                && is_speech(c)
                && sent.children_with(c, "nsubj").next().is_some()
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
        .filter(|&t| t != v && is_speech(t) && sent.children_with(t, "nsubj").next().is_some())
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

fn negated(sent: &Sent<'_>, v: usize) -> bool {
    let neg = |t: usize| {
        sent.children(t).iter().any(|&c| {
            matches!(sent.lower[c].as_ref(), "not" | "n't" | "never")
                && matches!(sent.base(c), "advmod" | "neg" | "aux")
        })
    };
    neg(v) || (sent.base(v) == "xcomp" && sent.head[v].is_some_and(neg))
}

fn modality(sent: &Sent<'_>, v: usize) -> Modality {
    let auxes = |t: usize| -> Option<Modality> {
        let mut m = None;
        for &c in sent.children(t) {
            if sent.base(c) != "aux" {
                if sent.base(c) == "mark" && matches!(sent.lower[c].as_ref(), "if" | "unless") {
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
            "xcomp" => {
                if INTEND.contains(&sent.lemma[h].as_ref()) {
                    return Modality::Intended;
                }
                if sent.lower[h] == "about" || sent.lemma[h] == "go" {
                    return Modality::Future;
                }
                if let Some(m) = auxes(h) {
                    return m;
                }
            }
            "conj" => {
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

#[allow(clippy::too_many_arguments)]
fn make_event(
    doc: &Doc,
    sent: &Sent<'_>,
    s: usize,
    v: usize,
    date: Option<Date>,
    code: &str,
    a: Option<&Side>,
    b: Option<&Side>,
    negated: bool,
    modality: Modality,
    pattern: Option<String>,
) -> Event {
    let actor = |x: &Side| {
        if let Some(span) = x.new_actor {
            return EventActor {
                text: doc.slice(span).to_string(),
                code: x.code.clone(),
                span,
                mention: None,
            };
        }
        let m = doc.actors.get(x.mention);
        EventActor {
            text: m.map(|m| m.text.clone()).unwrap_or_default(),
            code: x.code.clone(),
            span: m.map(|m| m.span).unwrap_or_default(),
            mention: u32::try_from(x.mention).ok(),
        }
    };
    let verb = sent.span(v);
    let source = a.map(actor);
    let target = b.map(actor);
    let mut span = verb;
    if let Some(t) = &source {
        span = span.cover(t.span);
    }
    if let Some(t) = &target {
        span = span.cover(t.span);
    }
    let sentence_span = doc.sentences.get(s).map(|x| x.span).unwrap_or_default();
    Event {
        span,
        sentence: u32::try_from(s).unwrap_or(u32::MAX),
        sentence_span,
        date,
        source,
        target,
        verb,
        verb_text: doc.slice(verb).to_string(),
        code: code.to_string(),
        root_code: cameo::root_code(code).unwrap_or("").to_string(),
        quad_class: cameo::quad_class(code),
        goldstein: cameo::goldstein(code),
        plover: cameo::plover_for_verb(code, &sent.lemma[v]),
        negated,
        modality,
        pattern,
        // Context (place, time, sources, casualties) is joined by the facade.
        ..Event::default()
    }
}

/// A pattern as a dictionary line would show it (for explanations).
fn pattern_string(p: &sitrep_dict::Pattern) -> String {
    use sitrep_dict::{Elem, Group};
    let mut s = String::from("-");
    fn push(s: &mut String, elems: &[sitrep_dict::PatternElem]) {
        for e in elems {
            s.push(if e.tight { '_' } else { ' ' });
            match &e.elem {
                Elem::Word(w) => s.push_str(&w.to_uppercase()),
                Elem::Verb => s.push('*'),
                Elem::Source => s.push('$'),
                Elem::Target => s.push('+'),
                Elem::Compound => s.push('%'),
                Elem::Skip => s.push('^'),
                Elem::Synset(n) => {
                    s.push('&');
                    s.push_str(n);
                }
                Elem::Open(Group::Noun) => s.push('{'),
                Elem::Open(Group::Prep) => s.push('('),
                Elem::Close(Group::Noun) => s.push('}'),
                Elem::Close(Group::Prep) => s.push(')'),
                Elem::Alternatives(alts) => {
                    s.push('{');
                    for (i, a) in alts.iter().enumerate() {
                        if i > 0 {
                            s.push_str(" |");
                        }
                        push(s, a);
                    }
                    s.push_str(" }");
                }
            }
        }
    }
    push(&mut s, &p.elems);
    s.push_str(&format!(" [{}]", p.code));
    s
}
