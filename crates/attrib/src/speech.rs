//! Finds speech cues and speaker mentions: for direct quotes around their marks,
//! and reported speech in the narrator's text.
//!
//! Surface patterns come first because they are predictable; the dependency
//! parse is the fallback for reported speech the patterns miss (`X said S`
//! where the parse has `S` as the `ccomp` and `X` as the `nsubj` of `said`).
//! Every search is bounded to a few tokens or one sentence, so the whole pass is
//! linear in the number of tokens.

use crate::direct::Marked;
use crate::lexicon::speech_noun_lemma;
use crate::tok::*;
use sitrep_doc::quotes::{Cue, QuoteKind};
use sitrep_doc::{Doc, Span};
use sitrep_lexicon::speech_lemma;

/// A speaker mention: tokens `first..=last`, plus an appositive that follows
/// (`Rami Abdulrahman, SOHR's chief,`): `last_appos` is the apposition's end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub appos: Option<(usize, usize)>,
}

impl Mention {
    pub fn span(&self, doc: &Doc) -> Span {
        span_of(doc, self.first, self.last)
    }
}

/// A quote or reported speech before its speaker is resolved.
#[derive(Clone, Debug)]
pub struct Found {
    pub kind: QuoteKind,
    pub content: Span,
    pub outer: Span,
    pub closed: bool,
    pub cue: Option<Cue>,
    pub speaker: Option<Mention>,
    /// The speaker was inherited from the previous quote (no cue of its own).
    pub inherited: bool,
}

/// How many tokens a cue may sit away from its quote.
const WINDOW: usize = 8;
/// How many tokens a speaker with an apposition may take after a quote.
const WINDOW_AFTER: usize = 18;
/// Longer sentences skip the parse fallback, which is quadratic in sentence length.
const MAX_PARSE_SENTENCE: usize = 150;
/// The most tokens a speaker phrase may have: bounds the backward and forward
/// walks so a run-on "sentence" (a segmentation failure) stays linear.
const MAX_NP: usize = 30;
/// The most tokens of reported content taken after a cue.
const MAX_CONTENT: usize = 400;

fn cue_at(doc: &Doc, i: usize, lemma: &str) -> Cue {
    Cue {
        span: span(doc, i),
        lemma: lemma.to_string(),
        token: u32::try_from(i).ok(),
    }
}

/// A speech verb at token `i` (not a noun use such as `the claims`).
fn speech_verb(doc: &Doc, i: usize) -> Option<&'static str> {
    let lemma = speech_lemma(word(doc, i))?;
    if passive(doc, i) {
        return None;
    }
    let u = upos(doc, i);
    // `reports of deaths`, `the alleged crime`: when tagged, only verbs are cues.
    if u.is_set() && !matches!(u.as_str(), "VERB" | "AUX") {
        return None;
    }
    Some(lemma)
}

/// A light-verb cue at `i` (`made the announcement`, `issued a statement`):
/// returns the noun's index and the cue lemma.
fn light_cue(doc: &Doc, i: usize) -> Option<(usize, &'static str)> {
    let w = word(doc, i).to_ascii_lowercase();
    if !matches!(
        w.as_str(),
        "made" | "make" | "makes" | "issued" | "issue" | "issues" | "released" | "gave"
    ) {
        return None;
    }
    for j in i + 1..(i + 3).min(doc.tokens.len()) {
        if let Some(l) = speech_noun_lemma(word(doc, j)) {
            return Some((j, l));
        }
        if !matches!(upos(doc, j).as_str(), "DET" | "ADJ") {
            return None;
        }
    }
    None
}

/// The noun phrase ending just before `end` (exclusive), not crossing `limit`.
/// Skips auxiliaries and adverbs between the phrase and `end`; recognises an
/// appositive (`NAME , ROLE ,`).
pub fn left_np(doc: &Doc, end: usize, limit: usize) -> Option<Mention> {
    let mut k = end;
    while k > limit && is_aux_or_adverb(doc, k - 1) {
        k -= 1;
    }
    if k > limit && word(doc, k - 1) == "," {
        // `NAME , APPOS-OR-ASIDE , verb`: the speaker precedes the previous comma
        // (`Rami Abdulrahman, SOHR's chief, made`; `al-Amr, in remarks to TV, said`).
        let comma = k - 1;
        let lo = comma.saturating_sub(14).max(limit);
        let prev_comma = (lo..comma).rev().find(|&j| {
            word(doc, j) == ","
                || matches!(word(doc, j), "." | "!" | "?" | ";")
                || is_quote_mark(doc, j)
        });
        if let Some(c2) = prev_comma.filter(|&j| word(doc, j) == "," && j + 1 < comma) {
            let (a, b) = np_before(doc, c2, limit)?;
            return Some(Mention {
                first: a,
                last: b,
                appos: Some((c2 + 1, comma - 1)),
            });
        }
        // `Lydia Buchtmann for Food Standards Australia, says`: a subject
        // followed by a stray comma, from the sentence start.
        let (a, b) = np_before(doc, comma, limit)?;
        return (a == limit).then_some(Mention {
            first: a,
            last: b,
            appos: None,
        });
    }
    let (a, b) = np_before(doc, k, limit)?;
    Some(Mention {
        first: a,
        last: b,
        appos: None,
    })
}

/// Token range `(first, last)` of the phrase ending before `end`.
fn np_before(doc: &Doc, end: usize, limit: usize) -> Option<(usize, usize)> {
    let limit = limit.max(end.saturating_sub(MAX_NP));
    let mut a = end;
    while a > limit {
        let i = a - 1;
        if is_quote_mark(doc, i) {
            break;
        }
        let w = word(doc, i).to_ascii_lowercase();
        let linking = matches!(w.as_str(), "of" | "for") && a < end && is_np_word(doc, a);
        if !(is_np_word(doc, i) || linking) {
            break;
        }
        a = i;
        // A pronoun is a whole phrase: `I hope they will` must not reach `I`.
        if upos(doc, i).as_str() == "PRON" && !matches!(w.as_str(), "its" | "his" | "her" | "their")
        {
            break;
        }
    }
    // Leading punctuation is not part of a name.
    while a < end && matches!(word(doc, a), "(" | ")" | "-" | "'s") {
        a += 1;
    }
    let mut b = end;
    while b > a && matches!(word(doc, b - 1), "(" | "-") {
        b -= 1;
    }
    (a < b).then(|| (a, b - 1))
}

/// The noun phrase starting at `start`, not reaching `limit`.
pub fn right_np(doc: &Doc, start: usize, limit: usize) -> Option<Mention> {
    let limit = limit.min(start + MAX_NP);
    let mut b = start;
    while b < limit {
        let w = word(doc, b).to_ascii_lowercase();
        let linking = matches!(w.as_str(), "of" | "for") && b > start && is_np_word(doc, b + 1);
        if is_quote_mark(doc, b) || !(is_np_word(doc, b) || linking) || w == "(" {
            break;
        }
        // Time words after the speaker are not part of it (`said Lavrov today`).
        if b > start && matches!(w.as_str(), "today" | "yesterday" | "on") {
            break;
        }
        b += 1;
    }
    (b > start).then(|| Mention {
        first: start,
        last: b - 1,
        appos: None,
    })
}

/// A cue and speaker after a closing quote: `," he said`, `," said Lavrov`,
/// `," the Russian minister stressed`.
fn cue_after(doc: &Doc, start: usize, limit: usize) -> Option<(Cue, Mention)> {
    let mut i = start;
    while i < limit && matches!(word(doc, i), "," | "-" | "—" | "–") {
        i += 1;
    }
    if i >= limit {
        return None;
    }
    if word(doc, i).eq_ignore_ascii_case("according") && word(doc, i + 1).eq_ignore_ascii_case("to")
    {
        let m = right_np(doc, i + 2, limit)?;
        let cue = Cue {
            span: span_of(doc, i, i + 1),
            lemma: "according to".to_string(),
            token: u32::try_from(i).ok(),
        };
        return Some((cue, m));
    }
    if let Some(lemma) = quote_cue(doc, i) {
        let m = right_np(doc, i + 1, limit)?;
        return Some((cue_at(doc, i, lemma), m));
    }
    let end = (i + WINDOW_AFTER).min(limit);
    for v in i + 1..end {
        if is_quote_mark(doc, v) || matches!(word(doc, v), "." | "!" | "?" | ";") {
            return None;
        }
        if let Some(lemma) = quote_cue(doc, v) {
            let m = left_np(doc, v, i)?;
            return (m.first == i).then(|| (cue_at(doc, v, lemma), m));
        }
        if let Some((n, lemma)) = light_cue(doc, v) {
            let m = left_np(doc, v, i)?;
            let cue = Cue {
                span: span_of(doc, v, n),
                lemma: lemma.to_string(),
                token: u32::try_from(v).ok(),
            };
            return (m.first == i).then_some((cue, m));
        }
    }
    None
}

/// A cue and speaker before an opening quote: `Lavrov said: "`, `He added, "`,
/// `he told reporters that "`.
fn cue_before(doc: &Doc, open: usize, limit: usize) -> Option<(Cue, Mention, bool)> {
    let mut k = open;
    while k > limit && matches!(word(doc, k - 1), ":" | "," | "that" | "-" | "—") {
        k -= 1;
    }
    let adjacent_at = k;
    let lo = k.saturating_sub(WINDOW).max(limit);
    let mut v = k;
    while v > lo {
        v -= 1;
        if is_quote_mark(doc, v) || matches!(word(doc, v), "." | "!" | "?" | ";") {
            return None;
        }
        if let Some(lemma) = quote_cue(doc, v) {
            let m = left_np(doc, v, limit)?;
            return Some((cue_at(doc, v, lemma), m, v + 1 == adjacent_at));
        }
    }
    None
}

/// Cues and speakers of the marked direct quotes. Quotes under four words with
/// no cue are dropped: they are scare quotes or titles, not speech.
pub fn direct(doc: &Doc, marks: &[Marked], used: &mut Vec<usize>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (qi, m) in marks.iter().enumerate() {
        let first = first_at_or_after(doc, m.outer.start);
        let after = end_before(doc, m.outer.end);
        let para_end = paragraph_of(doc, m.outer.end)
            .and_then(|p| doc.paragraphs.get(p))
            .map_or(doc.text.len() as u32, |p| p.end);
        let next_open = marks.get(qi + 1).map_or(u32::MAX, |n| n.outer.start);
        let limit = end_before(doc, para_end.min(next_open));
        let para_start = paragraph_of(doc, m.outer.start)
            .and_then(|p| doc.paragraphs.get(p))
            .map_or(0, |p| p.start);
        let prev_close = qi
            .checked_sub(1)
            .and_then(|p| marks.get(p))
            .map_or(0, |p| p.outer.end);
        let before_limit = first_at_or_after(doc, para_start.max(prev_close));
        let found = cue_after(doc, after, limit)
            .map(|(c, m)| (c, m, true))
            .or_else(|| cue_before(doc, first, before_limit))
            .filter(|(_, m, _)| plausible_speaker(doc, m));
        let words = doc.slice(m.content).split_whitespace().count();
        let mut f = Found {
            kind: QuoteKind::Direct,
            content: m.content,
            outer: m.outer,
            closed: m.closed,
            cue: None,
            speaker: None,
            inherited: false,
        };
        match found {
            Some((cue, speaker, adjacent)) => {
                // A cue far before the quote introduces reported speech that
                // merely contains the quote (`say X is "the sleeper issue"`):
                // the reported speech is kept as well.
                if let Some(t) = cue.token.filter(|_| adjacent) {
                    used.push(t as usize);
                }
                f.outer = f.outer.cover(cue.span).cover(speaker.span(doc));
                f.cue = Some(cue);
                f.speaker = Some(speaker);
            }
            None if words < 4 => continue,
            None => {}
        }
        out.push(f);
    }
    out
}

/// Reported speech in sentence `s`, skipping cue tokens already used by direct
/// quotes and tokens inside quotation marks.
pub fn indirect(doc: &Doc, s: usize, in_quote: &dyn Fn(u32) -> bool, used: &[bool]) -> Vec<Found> {
    let Some(sent) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let (start, end) = (sent.token_start as usize, sent.token_end as usize);
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if used.get(i).copied().unwrap_or(false)
            || in_quote(span(doc, i).start)
            || next_to_quote(doc, i, start, end)
        {
            i += 1;
            continue;
        }
        let found = according_to(doc, i, start, end)
            .or_else(|| reported(doc, i, start, end))
            .or_else(|| {
                (end - start <= MAX_PARSE_SENTENCE)
                    .then(|| from_parse(doc, i, start, end))
                    .flatten()
            });
        if let Some(f) = found.filter(|f| {
            f.speaker
                .as_ref()
                .is_some_and(|m| plausible_speaker(doc, m))
        }) {
            out.push(f);
        }
        i += 1;
    }
    out
}

/// Content span of tokens `a..b` (exclusive), trimmed of punctuation at both ends.
fn content(doc: &Doc, mut a: usize, mut b: usize) -> Option<Span> {
    while a < b && (is_punct(doc, a) || word(doc, a).eq_ignore_ascii_case("that")) {
        a += 1;
    }
    while b > a && is_punct(doc, b - 1) {
        b -= 1;
    }
    // Reported content must say something: three words and a verb.
    let has_verb = (a..b).any(|j| matches!(upos(doc, j).as_str(), "VERB" | "AUX" | "_"));
    // ... or be a short figure (`state media said 12`).
    let figure = b > a && b <= a + 3 && (a..b).any(|j| upos(doc, j).as_str() == "NUM");
    ((b >= a + 3 && has_verb) || figure).then(|| span_of(doc, a, b - 1))
}

/// `according to X, S` and `S, according to X`.
fn according_to(doc: &Doc, i: usize, start: usize, end: usize) -> Option<Found> {
    if !word(doc, i).eq_ignore_ascii_case("according")
        || !word(doc, i + 1).eq_ignore_ascii_case("to")
    {
        return None;
    }
    let speaker = right_np(doc, i + 2, end)?;
    let cue = Cue {
        span: span_of(doc, i, i + 1),
        lemma: "according to".to_string(),
        token: u32::try_from(i).ok(),
    };
    let content = if i == start || (i > start && word(doc, i - 1) == "," && i - 1 == start) {
        content(doc, speaker.last + 1, end)?
    } else {
        content(doc, start, i)?
    };
    Some(Found {
        kind: QuoteKind::Indirect,
        content,
        outer: span_of(doc, start, end.saturating_sub(1)),
        closed: true,
        cue: Some(cue),
        speaker: Some(speaker),
        inherited: false,
    })
}

/// Surface patterns around a speech verb at `v`:
/// `S, X said.` / `S, said X.` / `X said (that) S` / `X told reporters S` /
/// `X made the announcement ...`.
fn reported(doc: &Doc, v: usize, start: usize, end: usize) -> Option<Found> {
    let (lemma, cue_end) = match speech_verb(doc, v) {
        Some(l) => (l, v),
        None => {
            let (n, l) = light_cue(doc, v)?;
            (l, n)
        }
    };
    let cue = Cue {
        span: span_of(doc, v, cue_end),
        lemma: lemma.to_string(),
        token: u32::try_from(v).ok(),
    };
    let whole = span_of(doc, start, end.saturating_sub(1));
    let found = |content: Span, speaker: Mention| Found {
        kind: QuoteKind::Indirect,
        content,
        outer: whole,
        closed: true,
        cue: Some(cue.clone()),
        speaker: Some(speaker),
        inherited: false,
    };
    // Trailing: `S, said X.`
    // Trailing `S, said X.`: X must end the clause (`, said New Zealand's
    // flag has ...` is a leading pattern after an apposition instead).
    let appositive = left_np(doc, v, start).is_some_and(|m| m.appos.is_some());
    if v > start && word(doc, v - 1) == "," && cue_end == v && !appositive {
        let speaker = right_np(doc, v + 1, end).filter(|m| {
            !(m.last + 1..(m.last + 4).min(end))
                .any(|j| matches!(upos(doc, j).as_str(), "VERB" | "AUX"))
        });
        if let Some((speaker, body)) = speaker.zip(content(doc, start, v - 1)) {
            return Some(found(body, speaker));
        }
    }
    let speaker = left_np(doc, v, start).or_else(|| coordinated_subject(doc, v, start))?;
    let before = speaker.first;
    if before > start && word(doc, before - 1) == "," && speaker.appos.is_none() {
        // Trailing: `S, X said.`
        return Some(found(content(doc, start, before - 1)?, speaker));
    }
    // Leading: `X said (that) S`; `told` takes an object first (`told reporters`).
    let mut c = cue_end + 1;
    if matches!(lemma, "tell" | "warn" | "accuse") && lemma != "announce" {
        if let Some(obj) = right_np(doc, c, end) {
            // `told CBC News the department will ...`: a determiner or pronoun
            // after the object starts the reported clause.
            let cut = (obj.first + 1..=obj.last)
                .find(|&j| matches!(upos(doc, j).as_str(), "DET" | "PRON"))
                .unwrap_or(obj.last + 1);
            c = cut;
        }
    }
    while c < end && (is_aux_or_adverb(doc, c) || word(doc, c).eq_ignore_ascii_case("that")) {
        c += 1;
    }
    if c < end && is_quote_mark(doc, c) {
        return None;
    }
    // The content stops where another source's clause starts (`S, X said ...`).
    let end = end.min(c + MAX_CONTENT);
    let stop = (c..end)
        .find(|&k| {
            word(doc, k) == "," && (k + 1..(k + 6).min(end)).any(|j| speech_verb(doc, j).is_some())
        })
        .unwrap_or(end);
    // `Recent reports revealed that ...`: a finite verb right after the "cue"
    // means the cue word was the subject's noun, not a speech verb.
    if cue_end == v
        && c < end
        && matches!(
            doc.tokens.get(c).map(|t| t.xpos.as_str()),
            Some("VBD" | "VBZ" | "VBP")
        )
    {
        return None;
    }
    let body = content(doc, c, stop).or_else(|| (cue_end > v).then_some(whole))?;
    Some(found(body, speaker))
}

/// Parse fallback: a speech verb with an `nsubj` and a `ccomp` or `parataxis`.
fn from_parse(doc: &Doc, v: usize, start: usize, end: usize) -> Option<Found> {
    let lemma = speech_verb(doc, v)?;
    let mut subj = None;
    let mut comp = None;
    for j in start..end {
        let Some(t) = doc.tokens.get(j) else { break };
        if t.head != u32::try_from(v).ok() {
            continue;
        }
        match t.deprel.base() {
            "nsubj" => subj = Some(j),
            "ccomp" | "parataxis" => comp = Some(j),
            _ => {}
        }
    }
    let (subj, comp) = (subj?, comp?);
    // The canonical order only (`X said S`): parser errors elsewhere produce
    // speakers such as `deaths` in `no reports of deaths in ...`.
    if !(subj < v && v < comp) {
        return None;
    }
    let (sa, sb) = subtree(doc, subj, start, end);
    let (ca, cb) = subtree(doc, comp, start, end);
    Some(Found {
        kind: QuoteKind::Indirect,
        content: content(doc, ca, cb + 1)?,
        outer: span_of(doc, start, end.saturating_sub(1)),
        closed: true,
        cue: Some(cue_at(doc, v, lemma)),
        speaker: Some(trimmed(doc, sa, sb)?),
        inherited: false,
    })
}

/// The leftmost and rightmost tokens dominated by `root` within a sentence.
/// Walking heads is bounded by the sentence length, so cycles cannot hang.
fn subtree(doc: &Doc, root: usize, start: usize, end: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (root, root);
    for j in start..end {
        let mut h = j;
        for _ in 0..(end - start) {
            if h == root {
                lo = lo.min(j);
                hi = hi.max(j);
                break;
            }
            match doc.tokens.get(h).and_then(|t| t.head) {
                Some(n) => h = n as usize,
                None => break,
            }
        }
    }
    (lo, hi)
}

/// Whether the speech verb at `i` is directly attached to a quotation mark
/// (`," said X`, `said: "`): direct-quote territory, even when no speaker was
/// found there.
fn next_to_quote(doc: &Doc, i: usize, start: usize, end: usize) -> bool {
    let mut j = i + 1;
    while j < end && matches!(word(doc, j), "," | ":") {
        j += 1;
    }
    let mut k = i;
    while k > start && matches!(word(doc, k - 1), ",") {
        k -= 1;
    }
    (j < end && is_quote_mark(doc, j)) || (k > start && is_quote_mark(doc, k - 1))
}

/// Tokens `a..=b` without punctuation at either end.
fn trimmed(doc: &Doc, mut a: usize, mut b: usize) -> Option<Mention> {
    while a < b && is_punct(doc, a) {
        a += 1;
    }
    while b > a && is_punct(doc, b) {
        b -= 1;
    }
    (!is_punct(doc, a)).then_some(Mention {
        first: a,
        last: b,
        appos: None,
    })
}

/// `X tweeted to Y and said S`: the subject of the first verb of the sentence,
/// when the speech verb is coordinated with it.
fn coordinated_subject(doc: &Doc, v: usize, start: usize) -> Option<Mention> {
    if v == start || !word(doc, v - 1).eq_ignore_ascii_case("and") {
        return None;
    }
    let lo = start.max(v.saturating_sub(MAX_NP));
    let first_verb = (lo..v).find(|&j| upos(doc, j).as_str() == "VERB")?;
    left_np(doc, first_verb, start).filter(|m| m.first == start)
}

/// Whether a mention can name a speaker: it has a noun, name or personal
/// pronoun, and is not a relative pronoun (`who told him`), whose antecedent
/// this stage does not track.
fn plausible_speaker(doc: &Doc, m: &Mention) -> bool {
    let hi = m.last.min(m.first + MAX_NP);
    let relative = m.first == m.last
        && matches!(
            word(doc, m.first).to_ascii_lowercase().as_str(),
            "who" | "which" | "that" | "whom"
        );
    let contentful = (m.first..=hi).any(|j| {
        let u = upos(doc, j);
        !u.is_set() || matches!(u.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
    });
    contentful && !relative
}

/// `deaths were reported`, `it was claimed`: a passive speech verb has no
/// speaker as its subject.
fn passive(doc: &Doc, v: usize) -> bool {
    let participle = doc.tokens.get(v).is_some_and(|t| t.xpos.as_str() == "VBN");
    let mut k = v;
    while k > 0 && upos(doc, k - 1).as_str() == "ADV" {
        k -= 1;
    }
    let be = matches!(
        word(doc, k.wrapping_sub(1)).to_ascii_lowercase().as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    );
    participle && be
}

/// A cue next to quotation marks: any speech verb, plus verbs that introduce a
/// quote only when they stand right by one (`She continued: "`, `the analysis
/// concluded, "`, `the letter reads "`), which elsewhere are not speech.
fn quote_cue(doc: &Doc, i: usize) -> Option<&'static str> {
    if let Some(l) = speech_verb(doc, i) {
        return Some(l);
    }
    if passive(doc, i) {
        return None;
    }
    Some(match word(doc, i).to_ascii_lowercase().as_str() {
        "continued" | "continues" => "continue",
        "concluded" | "concludes" => "conclude",
        "reads" | "read" => "read",
        "asked" | "asks" => "ask",
        "quipped" => "quip",
        "replied" | "replies" => "reply",
        "recalled" | "recalls" => "recall",
        "wrote" | "writes" => "write",
        _ => return None,
    })
}
