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
//!
//! Layout: [`sentence`] runs the steps for each verb — [`may_code`] (the
//! verb filter), [`read_verb`] (code, frame, negation: `choose` and
//! `frames`), [`sides`] (pattern slots, else the parse: `sides` and
//! `heads`) and [`emit`] (`event`). Every step reads the sentence through
//! one [`SentenceCx`] (`cx`), built once per sentence; `patterns` matches
//! one verb pattern in its windows.

mod choose;
mod cx;
mod event;
mod frames;
mod heads;
mod means;
mod patterns;
mod sides;

use sitrep_doc::events::Event;
use sitrep_doc::{Deprel, Upos};

use crate::cameo;
use crate::tree::Sent;
use choose::{choose_code, gives_way, split_code, Choice};
use cx::Side;
pub(crate) use cx::{DocCx, SentenceCx};
use event::{make_event, Act};
use frames::{complement, frame_of, has_verb_complement, head_frame, modality, negated, within};
use patterns::Hit;
use sides::{expand, linear_target, np, parse_sides, speaker};

/// Codes one sentence: its events, in verb order.
pub(crate) fn sentence(cx: &SentenceCx<'_>) -> Vec<Event> {
    let mut events = Vec::new();
    // Verbs that coded an event (before the negation filter): their
    // complements belong to them.
    let mut made_event = vec![false; cx.len];
    for v in 0..cx.len {
        if !may_code(cx, v, &made_event) {
            continue;
        }
        let Some(reading) = read_verb(cx, v) else {
            continue;
        };
        let Some((src, tgt)) = sides(cx, &reading) else {
            continue;
        };
        made_event[v] = true;
        if reading.negated && !cx.options.keep_negated {
            continue;
        }
        emit(cx, &reading, (&src, &tgt), &mut events);
    }
    events
}

/// Whether token `v` may code an event at all: a verb (or a verb form the
/// tagger misread) that carries an action, outside discarded clauses, and
/// not the complement of a verb that already coded one.
fn may_code(cx: &SentenceCx<'_>, v: usize, made_event: &[bool]) -> bool {
    let sent = cx.sent;
    // A verb form the tagger read as a noun or adjective (`... lead up a
    // blind alley`) is still tried, but only a multi-word pattern counts.
    if !sent.is_verb(v) && !matches!(sent.upos[v], Upos::NOUN | Upos::ADJ | Upos::PROPN) {
        return false;
    }
    if not_an_action(sent, cx.per_token, v) {
        return false;
    }
    if cx.discarded_clauses.iter().any(|&c| within(sent, v, c)) {
        return false;
    }
    // A noun inside a prepositional phrase (`killed in Russian air
    // strikes`) is the means or circumstance of its head's act, coded
    // there, not a clause of its own.
    if !sent.is_verb(v) && sent.children_with(v, Deprel::CASE).next().is_some() {
        return false;
    }
    // An infinitive modifying a noun of proposing, planning or hoping (`US
    // proposals to declare pauses`, `plans to attack`) names an act not
    // done: the noun's owner did not declare or attack anything.
    let infinitive = sent
        .children_with(v, Deprel::MARK)
        .any(|c| sent.lower[c] == "to");
    if infinitive
        && sent.base(v) == Deprel::ACL
        && sent.head[v].is_some_and(|h| sitrep_lexicon::is_proposal_noun(&sent.lower[h]))
    {
        return false;
    }
    // A complement of a verb that already coded an event belongs to it
    // (`vowed to wage war`: VOW's patterns read the complement).
    !(complement(sent, v) && sent.head[v].is_some_and(|h| made_event.get(h) == Some(&true)))
}

/// How one verb reads: its code after the frame rules, the pattern that
/// gave it, its frame and negation.
struct Reading<'a> {
    /// Sentence-local token of the verb.
    v: usize,
    /// Tagged as a verb (else a verb form coded by a multi-word pattern).
    tagged_verb: bool,
    /// What the winning pattern matched (empty without one).
    hit: Hit,
    /// The code before framing (`042:043`: forward and reverse).
    code: &'a str,
    /// The code the frame gives the forward code (`033` for `will send
    /// aid`); it then replaces both codes.
    framed_code: Option<String>,
    pattern: Option<&'a sitrep_dict::Pattern>,
    /// The subject head the windows were cut around.
    subj_head: Option<usize>,
    frame: Option<cameo::Frame>,
    negated: bool,
}

impl Reading<'_> {
    /// The source→target code and the reverse one, after framing (a
    /// framed act is one-way: an offer to visit is no visit back).
    fn codes(&self) -> (Option<&str>, Option<&str>) {
        match &self.framed_code {
            Some(c) => (Some(c.as_str()), None),
            None => split_code(self.code),
        }
    }
}

/// Reads verb `v`: its code (pattern, default, frame), negation and frame;
/// `None` if it codes nothing.
fn read_verb<'a>(cx: &SentenceCx<'a>, v: usize) -> Option<Reading<'a>> {
    let (sent, options) = (cx.sent, cx.options);
    let Choice {
        hit,
        code,
        pattern,
        subj_head,
    } = choose_code(cx, v)?;
    // A verb that frames its complement (`agreed to send`, `refused to
    // lift`) gives way to the complement, coded in that frame (`send` →
    // 03x intent to give aid), when the complement's action has a framed
    // code: the frame verb's own code (AGREE → 050) would hide what was
    // agreed. This holds even against a pattern of the framing verb that
    // reads the complement (`vowed to wage war`): the complement's own
    // code, framed, gives the same threat (`wage war` 190 → 138).
    if options.frames && gives_way(cx, v) {
        return None;
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
    // The means named in the clause refines a generic violent code
    // (`shelled` 194, `killed in air strikes` 195, `chlorine` 2041).
    let code = match split_code(code) {
        (Some(f), None) => means::refine(cx, v, f).unwrap_or(code),
        _ => code,
    };
    let (fwd, rev) = split_code(code);
    if fwd.is_none() && rev.is_none() {
        return None;
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
    if framed_code.is_some() && frame == Some(cameo::Frame::Refusal) {
        // `will not accept` asserts a refusal: the refusal is not negated.
        negated = false;
    }
    Some(Reading {
        v,
        tagged_verb: sent.is_verb(v),
        hit,
        code,
        framed_code,
        pattern,
        subj_head,
        frame,
        negated,
    })
}

/// Source and target sides of a verb reading: from the pattern's slots,
/// else the parse, with the speaker for reported and demanded acts. `None`
/// when the options require a side that is missing.
fn sides(cx: &SentenceCx<'_>, r: &Reading<'_>) -> Option<(Vec<Side>, Vec<Side>)> {
    let (sent, options, v, hit) = (cx.sent, cx.options, r.v, &r.hit);
    let (fwd, _) = r.codes();
    let root = fwd.and_then(cameo::root_code);
    let protest = root == Some("14");
    // Sides from the pattern, else from the parse.
    let (mut src, mut tgt, evidence) = if r.tagged_verb {
        parse_sides(cx, v, protest, split_code(r.code).1.is_some(), fwd)
    } else {
        let subj = r.subj_head.map(|h| np(cx, h, 0)).unwrap_or_default();
        (subj, Vec::new(), sides::Evidence::default())
    };
    // The parse's subject, before a `$` slot replaces the source.
    let parse_src = src.clone();
    if let (Some(m), true) = (hit.source, hit.compound_after) {
        // `* WITH %` (`X agrees with Y and Z`): the subject acts on each
        // member of the compound after the verb.
        let members = cx.mention_head(m).map(|h| np(cx, h, 0)).unwrap_or_default();
        tgt = if members.iter().any(|x| x.mention == m) {
            members
        } else {
            vec![cx.side(m)]
        };
        tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
    } else if let Some(m) = hit.source {
        if hit.compound {
            // `%`: the compound subject's members act on each other.
            if !src.iter().any(|x| x.mention == m) {
                src = vec![cx.side(m)];
            }
            tgt = src.clone();
        } else {
            src = vec![cx.side(m)];
        }
    }
    if let Some(m) = hit.target {
        // `+ *`: the target is the verb's subject side; the subject found
        // by the parse beats the nearest actor the slot happened to match.
        // A complement's inherited subject (`X hosts Y to celebrate`: Y
        // by control) is a guess; a slot the pattern reached past it is
        // evidence.
        let own_subject =
            sent.children_with(v, Deprel::NSUBJ).next().is_some() || !complement(sent, v);
        let subject_side = hit.target_before
            && !parse_src.is_empty()
            && (own_subject || parse_src.iter().any(|x| x.mention == m));
        tgt = if subject_side {
            parse_src
        } else {
            vec![cx.side(m)]
        };
        if hit.target_before && hit.source.is_none() {
            src = speaker(cx, v);
        }
        tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
    }
    // A verbal act (statement, appeal, accusation, rejection, threat)
    // inside reported speech with no actor of its own is the speaker's.
    let verbal = fwd.is_some_and(|c| matches!(cameo::quad_class(c), 1 | 3));
    if src.is_empty() && verbal && r.pattern.is_some() {
        src = speaker(cx, v);
        tgt.retain(|t| !src.iter().any(|s| s.mention == t.mention));
    }
    if tgt.is_empty() && r.tagged_verb && !evidence.symmetric {
        // The parse lost the object (`contribute a million yum yennyen
        // to Gondor`): the first actor after the verb in its clause,
        // as TABARI's shallow reading finds it.
        if let Some(m) = linear_target(sent, &cx.coded, v) {
            if !src.iter().any(|x| x.mention == m) {
                tgt = vec![cx.side(m)];
            }
        }
    }
    let mut src = expand(src);
    let mut tgt = expand(tgt);
    // The parties of a clash act on each other.
    if evidence.symmetric && tgt.is_empty() {
        tgt = src.clone();
    }
    // A compound subject with no target acts on each other (`X and Y
    // agree that ...` → X→Y and Y→X), as PETRARCH codes it.
    if tgt.is_empty() && src.len() > 1 && cx.conjoined(&src) {
        tgt = src.clone();
    }
    // A demand or appeal is the speaker's, aimed at the actor that is to act.
    if r.framed_code.is_some()
        && matches!(r.frame, Some(cameo::Frame::Demand | cameo::Frame::Appeal))
    {
        let sp = speaker(cx, v);
        if !sp.is_empty() {
            tgt = expand(src.clone());
            tgt.retain(|t| !sp.iter().any(|s| s.mention == t.mention));
            src = expand(sp);
        }
    }
    // Violence by an unnamed attacker (`A car bomb killed ...`) or on
    // uncoded victims (`executed 12 prisoners`) is still an event
    // ([`CoderOptions::open_violence`]).
    let open = options.open_violence && matches!(root, Some("18" | "19" | "20"));
    let missing_source =
        src.is_empty() && options.require_source && !(open && evidence.unknown_author);
    let missing_target =
        tgt.is_empty() && options.require_target && !(open && evidence.uncoded_object);
    if missing_source || missing_target || (src.is_empty() && tgt.is_empty()) {
        return None;
    }
    Some((src, tgt))
}

/// Pushes the events of a verb reading onto `out`: one per source and
/// target pair (and the reverse code's), a source alone when no target is
/// required, never an actor acting on itself.
fn emit(
    cx: &SentenceCx<'_>,
    r: &Reading<'_>,
    (src, tgt): (&[Side], &[Side]),
    out: &mut Vec<Event>,
) {
    let (fwd, mut rev) = r.codes();
    // A clash is symmetric (`police clashed with protesters`): each side
    // attacks the other, so it is coded once per direction, as CAMEO's own
    // `190:190` patterns code `die in clashes`.
    // Only a physical clash with the verb's default code: a pattern's
    // code says itself whether it is mutual (`clashed over` 121 is not).
    let physical = fwd.and_then(cameo::root_code) == Some("19");
    if rev.is_none()
        && r.framed_code.is_none()
        && r.pattern.is_none()
        && physical
        && cx.options.open_violence
        && sitrep_lexicon::is_clash_noun(&cx.sent.lemma[r.v])
    {
        rev = fwd;
    }
    type Key = (
        String,
        Option<(usize, Option<String>)>,
        Option<(usize, Option<String>)>,
    );
    let mut done: Vec<Key> = Vec::new();
    let act = Act {
        v: r.v,
        negated: r.negated,
        modality: modality(cx.sent, r.v),
        pattern: r.pattern.map(|p| p.to_string()),
    };
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
        // The parties of a symmetric act meet twice in the pairs below.
        let side = |x: &Side| (x.mention, x.code.clone());
        let key = (code.to_string(), a.map(side), b.map(side));
        if done.contains(&key) {
            return false;
        }
        done.push(key);
        out.push(make_event(cx, &act, code, (a, b)));
        true
    };
    if src.is_empty() {
        // Only with `require_source: false` (event typing without actors).
        for b in tgt {
            if let Some(f) = fwd {
                push(f, None, Some(b));
            }
        }
    }
    for a in src {
        if tgt.is_empty() {
            if let Some(f) = fwd {
                push(f, Some(a), None);
            }
        }
        let mut pushed = false;
        for b in tgt {
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
        if !pushed && !tgt.is_empty() && !cx.options.require_target {
            if let Some(f) = fwd {
                push(f, Some(a), None);
            }
        }
    }
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
    let attributive = sent.deprel[v] == Deprel::AMOD;
    let according =
        sent.lower[v] == "according" && sent.lower.get(v + 1).is_some_and(|w| w == "to");
    inside_name || attributive || according
}

#[cfg(test)]
mod tests {
    use sitrep_doc::Doc;

    use crate::{Coder, CoderOptions};

    /// A document from a gold parse (CoNLL-U), so these tests state the parse
    /// they need instead of running the trained models.
    fn parsed(conllu: &str) -> Doc {
        Doc::from_conllu(conllu).expect("a valid parse")
    }

    /// `source code target` of every event coded in `conllu`.
    fn coded(conllu: &str, options: CoderOptions) -> Vec<String> {
        let coder = Coder::vendored().expect("vendored dictionaries");
        let mut doc = parsed(conllu);
        coder.code_with(&mut doc, options);
        doc.events
            .iter()
            .map(|e| {
                let code = |a: &Option<sitrep_doc::events::EventActor>| {
                    a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default()
                };
                format!("{} {} {}", code(&e.source), e.code, code(&e.target))
            })
            .collect()
    }

    const ACCUSED: &str = "\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_
3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    const NOT_ACCUSED: &str = "\
1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\taccuse\taccuse\tVERB\tVB\t_\t0\troot\t_\t_
5\tUkraine\tUkraine\tPROPN\tNNP\t_\t4\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

    const ATTACKED_BY: &str = "\
1\tUkraine\tUkraine\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_
2\twas\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_
3\tattacked\tattack\tVERB\tVBN\t_\t0\troot\t_\t_
4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_
5\tRussia\tRussia\tPROPN\tNNP\t_\t3\tobl:agent\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    const WILL_SEND_AID: &str = "\
1\tFrance\tFrance\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_
3\tsend\tsend\tVERB\tVB\t_\t0\troot\t_\t_
4\taid\taid\tNOUN\tNN\t_\t3\tobj\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tUkraine\tUkraine\tPROPN\tNNP\t_\t3\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    #[test]
    fn subject_and_object_are_source_and_target() {
        assert_eq!(coded(ACCUSED, CoderOptions::default()), ["RUS 112 UKR"]);
    }

    #[test]
    fn a_negated_verb_is_dropped_unless_kept() {
        assert!(coded(NOT_ACCUSED, CoderOptions::default()).is_empty());
        let keep = CoderOptions {
            keep_negated: true,
            ..CoderOptions::default()
        };
        assert_eq!(coded(NOT_ACCUSED, keep), ["RUS 112 UKR"]);
    }

    #[test]
    fn a_passive_agent_is_the_source() {
        assert_eq!(coded(ATTACKED_BY, CoderOptions::default()), ["RUS 190 UKR"]);
    }

    #[test]
    fn a_stated_intention_is_framed_unless_peer_compatible() {
        assert_eq!(
            coded(WILL_SEND_AID, CoderOptions::default()),
            ["FRA 033 UKR"]
        );
        assert_eq!(
            coded(WILL_SEND_AID, CoderOptions::peer_compatible()),
            ["FRA 070 UKR"]
        );
    }

    /// `attacked` tagged VBN and parsed as an adjective of `rebels`, the
    /// root: the tagger's reading of a headline clause.
    const HEADLINE: &str = "\
1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
2\tSyrian\tSyrian\tADJ\tJJ\t_\t3\tamod\t_\t_
3\tarmy\tarmy\tNOUN\tNN\t_\t5\tcompound\t_\t_
4\tattacked\tattack\tVERB\tVBN\t_\t5\tamod\t_\t_
5\trebels\trebel\tNOUN\tNNS\t_\t0\troot\t_\t_
6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_
7\tHoms\tHoms\tPROPN\tNNP\t_\t5\tnmod\t_\t_
8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_
";

    const KILLED_IN_STRIKES: &str = "\
1\tFour\tfour\tNUM\tCD\t_\t2\tnummod\t_\t_
2\tcivilians\tcivilian\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tkilled\tkill\tVERB\tVBN\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_
6\tRussian\tRussian\tADJ\tJJ\t_\t8\tamod\t_\t_
7\tair\tair\tNOUN\tNN\t_\t8\tcompound\t_\t_
8\tstrikes\tstrike\tNOUN\tNNS\t_\t4\tobl\t_\t_
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

    const DIED_IN_HOSPITAL: &str = "\
1\tThree\tthree\tNUM\tCD\t_\t2\tnummod\t_\t_
2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tdied\tdie\tVERB\tVBD\t_\t0\troot\t_\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\thospital\thospital\tNOUN\tNN\t_\t3\tobl\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    #[test]
    fn a_headline_participle_is_read_as_the_verb() {
        assert_eq!(
            coded(HEADLINE, CoderOptions::default()),
            ["SYRMIL 190 SYRREB"]
        );
    }

    #[test]
    fn the_author_of_the_strikes_kills_not_the_victims() {
        assert_eq!(
            coded(KILLED_IN_STRIKES, CoderOptions::default()),
            ["RUS 195 ---CVL"]
        );
    }

    #[test]
    fn a_death_without_an_attack_is_no_violence() {
        let typing = CoderOptions {
            require_source: false,
            require_target: false,
            ..CoderOptions::default()
        };
        // The dead are never the source; with no attack there is none.
        assert!(coded(DIED_IN_HOSPITAL, typing)
            .iter()
            .all(|e| !e.starts_with("---MIL")));
        assert!(coded(DIED_IN_HOSPITAL, CoderOptions::default()).is_empty());
    }

    #[test]
    fn codes_split_at_the_colon_and_drop_null_halves() {
        use super::split_code;
        assert_eq!(split_code("042:043"), (Some("042"), Some("043")));
        assert_eq!(split_code(":054"), (None, Some("054")));
        assert_eq!(split_code("190"), (Some("190"), None));
        assert_eq!(split_code("---"), (None, None));
    }
}
