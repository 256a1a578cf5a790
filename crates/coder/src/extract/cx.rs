//! What extraction reads: [`DocCx`], the same for every sentence of a
//! document, and [`SentenceCx`], one sentence's parse, mentions and match
//! words, built once per sentence and handed to every step.

use sitrep_dict::phrase::{for_each_token_word, normalize_into};
use sitrep_doc::{Date, Doc, Span, Upos};

use super::frames::clause_of;
use super::patterns::{is_negation, Word};
use crate::compiled::NO_WORD;
use crate::mentions::Extra;
use crate::tree::Sent;
use crate::{Coder, CoderOptions};

/// What every sentence of one document is coded with.
#[derive(Clone, Copy)]
pub(crate) struct DocCx<'a> {
    pub coder: &'a Coder,
    pub options: &'a CoderOptions,
    /// The document, with its actor layer already filled.
    pub doc: &'a Doc,
    /// What the coder keeps about each mention of `doc.actors`, by index.
    pub extras: &'a [Extra],
    /// The article's date, for dated actor roles.
    pub date: Option<Date>,
}

/// One sentence as extraction reads it.
///
/// Invariants: `coded` and `per_token` have an entry for every local token
/// `0..len` and `first_word` one for each exactly; words are in token
/// order, and token `t`'s words start at `words[first_word[t]]`.
pub(crate) struct SentenceCx<'a> {
    pub(super) coder: &'a Coder,
    pub(super) options: &'a CoderOptions,
    pub(super) doc: &'a Doc,
    pub(super) extras: &'a [Extra],
    pub(super) date: Option<Date>,
    /// The sentence's index in the document.
    pub(super) s: usize,
    /// The sentence's tokens and tree (shared with actor finding).
    pub(super) sent: &'a Sent<'a>,
    /// The number of local tokens coded (the tree's and the mention
    /// table's common length).
    pub(super) len: usize,
    /// Local token → mention index in `doc.actors`.
    pub(super) per_token: &'a [Option<usize>],
    /// Local token → mention index, for coded mentions only: what pattern
    /// slots and sides take.
    pub(super) coded: Vec<Option<usize>>,
    /// The sentence's match words (see [`Word`]).
    pub(super) words: Vec<Word>,
    /// Local token → index of its first match word (for a token with no
    /// words, the index of the next token's first one).
    pub(super) first_word: Vec<usize>,
    /// Heads of the clauses a discard phrase puts out of scope (see
    /// [`CoderOptions::clause_discards`]).
    pub(super) discarded_clauses: Vec<usize>,
}

/// One side of an event before it becomes an
/// [`EventActor`](sitrep_doc::events::EventActor).
#[derive(Clone, Debug)]
pub(super) struct Side {
    /// Index into `doc.actors`; for a new actor (no mention), a value past
    /// every index, distinct per phrase head.
    pub(super) mention: usize,
    /// The code, possibly composed with a conjoined agent.
    pub(super) code: Option<String>,
    /// A new actor's phrase (see [`CoderOptions::new_actor_length`]).
    pub(super) new_actor: Option<Span>,
}

impl<'a> SentenceCx<'a> {
    /// Sentence `s` (`sent`), whose local tokens hold mentions `per_token`
    /// and discard phrases at local tokens `discards`.
    pub(crate) fn new(
        dcx: &DocCx<'a>,
        s: usize,
        sent: &'a Sent<'a>,
        per_token: &'a [Option<usize>],
        discards: &[usize],
    ) -> SentenceCx<'a> {
        let DocCx {
            coder,
            options,
            doc,
            extras,
            date,
        } = *dcx;
        let discarded_clauses: Vec<usize> = discards
            .iter()
            .filter(|&&t| t < sent.len)
            .map(|&t| clause_of(sent, t))
            .collect();
        let len = sent.len.min(per_token.len());
        let coded: Vec<Option<usize>> = per_token
            .iter()
            .map(|m| m.filter(|&m| doc.actors.get(m).is_some_and(|a| a.code.is_some())))
            .collect();
        let (words, first_word) = match_words(coder, doc, sent, len);
        SentenceCx {
            coder,
            options,
            doc,
            extras,
            date,
            s,
            sent,
            len,
            per_token,
            coded,
            words,
            first_word,
            discarded_clauses,
        }
    }

    /// The side of mention `m` with its own code.
    pub(super) fn side(&self, m: usize) -> Side {
        Side {
            mention: m,
            code: self.doc.actors.get(m).and_then(|a| a.code.clone()),
            new_actor: None,
        }
    }

    /// The sentence-local head token of mention `m`: its token whose head
    /// lies outside the mention.
    pub(super) fn mention_head(&self, m: usize) -> Option<usize> {
        let sent = self.sent;
        let a = self.doc.actors.get(m)?;
        let start = (a.token_start as usize).checked_sub(sent.start)?;
        let end = (a.token_end as usize)
            .checked_sub(sent.start)?
            .min(sent.len);
        (start..end)
            .find(|&t| sent.head[t].is_none_or(|h| !(start..end).contains(&h)))
            .or((start < end).then_some(start))
    }

    /// True if a coordinating conjunction lies between the first and the
    /// last of these mentions (a real compound, not mentions gathered
    /// otherwise).
    pub(super) fn conjoined(&self, sides: &[Side]) -> bool {
        let sent = self.sent;
        let tok = |s: &Side| {
            self.doc
                .actors
                .get(s.mention)
                .map(|a| a.token_start as usize)
        };
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
                    .is_some_and(|&u| u == Upos::CCONJ)
        })
    }
}

/// The match words of the first `len` tokens of `sent`, and each token's
/// first word.
fn match_words(coder: &Coder, doc: &Doc, sent: &Sent<'_>, len: usize) -> (Vec<Word>, Vec<usize>) {
    let mut words: Vec<Word> = Vec::with_capacity(len);
    let mut first_word = vec![usize::MAX; len];
    let compiled = &coder.compiled;
    // One scratch buffer for every token's normalised form.
    let mut buf = String::new();
    for (t, first) in first_word.iter_mut().enumerate() {
        let text = doc.token_text(sent.start + t);
        // Plain pattern words match the surface form, as in PETRARCH (its
        // dictionaries list noun plurals themselves); verbs also match by
        // lemma, since patterns name one inflection (`WERE ABLE TO *`).
        let lemma = if matches!(sent.upos[t], Upos::VERB | Upos::AUX) {
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
            sent.upos[t],
            Upos::DET | Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM
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
    (words, first_word)
}
