//! sitrep-coder: the event coder. From a parsed [`Doc`] it fills
//! [`Doc::actors`] (dictionary actors with roles on the sentence date, agents,
//! unknown names, carried-over references) and [`Doc::events`] (source —
//! action — target with CAMEO code, quad class, Goldstein value and PLOVER
//! event/mode/context), every field cited by byte spans of the text.
//!
//! ```no_run
//! # fn parsed() -> sitrep_doc::Doc { unimplemented!() }
//! let coder = sitrep_coder::Coder::vendored()?;
//! let mut doc = parsed(); // segmented, tagged and parsed (e.g. by the facade)
//! coder.code(&mut doc);
//! for e in &doc.events {
//!     println!("{} {} {:?}", e.code, doc.slice(e.verb), e.source);
//! }
//! # Ok::<(), sitrep_coder::Error>(())
//! ```
//!
//! # Method
//!
//! 1. Discards: a story discard (`+PHRASE`, `Manchester United`) stops
//!    coding of its own sentence, a sentence-level discard phrase (`in 1988`,
//!    `two years ago`) that of its clause and the clauses inside it
//!    ([`CoderOptions::clause_discards`]; PETRARCH drops the whole sentence,
//!    and the whole story for a story discard).
//! 2. Actors ([`mentions`](crate)): longest dictionary match with roles on the
//!    sentence date (dateline date, else [`Doc::anchor_date`]); PROPN runs in no
//!    dictionary are `Unknown` mentions without code; `he`/`she` and
//!    `they`/`those`/`the rest` refer to the latest compatible coded mention
//!    (person or plural group) of the last few sentences; a bare surname to the
//!    earlier mention it ends, or to the one dictionary actor with that surname.
//! 3. Events: each verb whose lemma is in the verb dictionary has its blocks'
//!    patterns matched in its clause; the most specific pattern's code wins,
//!    else the verb's (or block's) code; `---` codes nothing. Sides come from
//!    pattern slots, else from the dependency parse (see `extract`).
//! 4. Negated verbs (`did not attack`) are flagged and, like PETRARCH, not
//!    coded unless [`CoderOptions::keep_negated`]; modal, future, intended and
//!    conditional verbs are coded with their [`Modality`](sitrep_doc::events::Modality).
//! 5. Frames ([`CoderOptions::frames`]): CAMEO codes a *stated* intention,
//!    demand, appeal or refusal as a verbal event of its own, so a cooperative
//!    action (roots 03–08) under `will`/`shall`, reported or conditional
//!    `would`, conditional `may`/`might`/`could`, or the infinitive of
//!    `agree`/`offer`/`promise`/`vow`/`plan`/… or of `willing`/`ready`/
//!    `prepared`/… becomes the matching 03x code (force and coercion, roots
//!    14–20, the matching 13x threat, as under `threaten to` or with an
//!    `unless` condition); under `must` the 10x demand and under reported
//!    `should` the 02x appeal, with the speaker as source and the actor that
//!    is to act as target; under `will not`, `refuse to` or `decline to` the
//!    12x rejection (see [`cameo::framed`]). The framing verb (`agreed`, or
//!    `said` before a framed clause) then gives way to its complement's
//!    event. `docs/schema.md` (*Frames*) lists the cues and codes.
//!
//! 6. Violence (`extract/means.rs`): the weapon or attack named in the clause
//!    refines CAMEO's generic 180/183/190 (194 shelling, 195 air strikes,
//!    183x bombings, 193 firearms) and turns killing into 2041 with chemical
//!    agents; an attack noun as subject or cause stands for its author
//!    (`A rocket fired by rebels`, `killed in Russian air strikes`), the dead
//!    and the victims of a passive are never the source, clashes are coded
//!    in both directions, and with [`CoderOptions::open_violence`] an act by
//!    an unnamed weapon or on uncoded victims is still coded.
//! 7. Parse repairs in the coder's own view of the tree (`tree.rs`): a
//!    headline clause tagged as a noun phrase (`The Syrian army attacked
//!    rebels`, `attacked` an adjective) and a `that`-less complement after a
//!    verb of saying read as object plus conjunct.
//!
//! The closed word classes these rules read come from `sitrep_lexicon`, shared
//! with the geoparser and attribution: the framing verbs and adjectives are
//! its `ComplementClass`es, the verbs whose subject is the speaker of a clause
//! are `SpeechClass::names_speaker` (not `accuse`/`deny`, which are events of
//! their own), the verbs that report a framed clause are
//! `SpeechClass::reports`, and `Mr`/`Mrs`/`Ms`/`Dr` are the courtesy titles
//! that never start a name.
//!
//! The supplementary patterns in `data/cameo/sitrep.verbs.txt` (generic
//! idioms such as `lead up a blind alley` → REJECT) are added by
//! [`Coder::with_supplement`]; [`Coder::vendored`] includes them.

pub mod cameo;
mod compiled;
mod extract;
mod mentions;
mod stage;
mod tree;

use std::path::Path;

use sitrep_dict::{Dictionaries, Kind, Warning};
use sitrep_doc::Doc;

pub use sitrep_dict;

/// sitrep's own vetted supplementary verb patterns (PETRARCH verb format).
pub static SUPPLEMENT: &str = include_str!("../../../data/cameo/sitrep.verbs.txt");

/// Loading dictionaries failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("dictionaries: {0}")]
    Dict(#[from] sitrep_dict::Error),
    #[error("{path}: {message}")]
    Eval { path: String, message: String },
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// A discard phrase found in a document (see [`Coder::discards`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Discarded {
    /// The sentence it is in.
    pub sentence: usize,
    /// The phrase in the text.
    pub span: sitrep_doc::Span,
    /// A story discard (its sentence is not coded); else a sentence-level
    /// one (its clause is not coded).
    pub story: bool,
}

/// What the coder reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoderOptions {
    /// Keep negated events (flagged `negated: true`) instead of dropping them.
    pub keep_negated: bool,
    /// Code only events with both a source and a target (PETRARCH's
    /// `require_dyad`, the default); `false` also reports source-only events,
    /// including an act whose only target is its source (`Kenyan students
    /// marched in Nairobi`, both KEN).
    pub require_target: bool,
    /// Code only events with a source (the default); `false` also reports
    /// events whose actor is unknown (`X was attacked`), for event typing.
    pub require_source: bool,
    /// PETRARCH's `new_actor_length`: a source or target noun phrase with no
    /// dictionary actor and at most this many words is coded as an actor by
    /// its own words (`"THE MINISTRY OF MAGIC"`); 0 (the default) turns it off.
    pub new_actor_length: usize,
    /// Code stated intentions, demands, appeals and refusals as CAMEO does
    /// (`will send aid` → 033 "express intent to provide aid", `must release`
    /// → 1053 demand, `refused to lift` → 1241), the default. `false` codes
    /// the action whatever its modality, as PETRARCH and TABARI do (their
    /// validation suites expect `will contribute` → 071).
    pub frames: bool,
    /// Scope a sentence-level discard phrase to its clause (the default): a
    /// clause holding `in 1988` or `two years ago` is about the past and is
    /// not coded, nor are clauses inside it, but the rest of the sentence is
    /// (`Sweden offered to mediate between factions that fought in 1994`).
    /// A story discard phrase (`Manchester United`) drops its sentence only.
    /// `false` drops the whole sentence (the whole story for a story
    /// discard), as PETRARCH does.
    pub clause_discards: bool,
    /// Code violence (CAMEO roots 18–20) whose attacker is an unnamed
    /// weapon or attack (`A car bomb killed 14 people`: no source) or whose
    /// victims no dictionary codes (`executed 12 prisoners`: no target), the
    /// default; `false` requires both sides as PETRARCH does.
    pub open_violence: bool,
}

impl CoderOptions {
    /// The defaults with the peer coders' conventions: the action coded
    /// whatever its modality (`frames: false`) and a discard phrase dropping
    /// its whole sentence (`clause_discards: false`), for their validation
    /// suites.
    pub fn peer_compatible() -> CoderOptions {
        CoderOptions {
            frames: false,
            clause_discards: false,
            open_violence: false,
            ..CoderOptions::default()
        }
    }
}

impl Default for CoderOptions {
    fn default() -> CoderOptions {
        CoderOptions {
            keep_negated: false,
            require_target: true,
            require_source: true,
            frames: true,
            clause_discards: true,
            open_violence: true,
            new_actor_length: 0,
        }
    }
}

/// The event coder: dictionaries plus options. Build once, code many docs.
pub struct Coder {
    pub(crate) dicts: Dictionaries,
    /// The verb dictionary's patterns and synsets, interned for matching.
    pub(crate) compiled: compiled::Compiled,
    pub(crate) options: CoderOptions,
    /// Index of the first verb block of sitrep's supplement (`usize::MAX`
    /// without one): a verb the supplement lists with a code of its own
    /// takes that code as its default (see `extract`).
    pub(crate) supplement_from: usize,
    extra_warnings: Vec<Warning>,
}

impl std::fmt::Debug for Coder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Coder")
            .field("stats", &self.dicts.set().stats())
            .field("options", &self.options)
            .finish()
    }
}

impl Coder {
    /// A coder over these dictionaries as they are.
    pub fn new(dicts: Dictionaries, options: CoderOptions) -> Coder {
        let compiled = compiled::Compiled::new(dicts.verbs());
        Coder {
            dicts,
            compiled,
            options,
            supplement_from: usize::MAX,
            extra_warnings: Vec::new(),
        }
    }

    /// A coder over these dictionaries plus sitrep's supplementary patterns.
    /// Loading warnings of both are kept in [`Coder::warnings`].
    pub fn with_supplement(dicts: Dictionaries, options: CoderOptions) -> Result<Coder, Error> {
        let mut warnings: Vec<Warning> = dicts.warnings().to_vec();
        let before = dicts.verbs().blocks.len();
        let mut set = dicts.set().clone();
        set.add_bytes(
            "data/cameo/sitrep.verbs.txt",
            SUPPLEMENT.as_bytes(),
            Kind::PetrarchVerbs,
            &mut warnings,
        )?;
        let merged = Dictionaries::new(set);
        let mut coder = Coder::new(merged, options);
        coder.supplement_from = before;
        coder.extra_warnings = warnings;
        Ok(coder)
    }

    /// The vendored Phoenix dictionaries plus the supplement.
    pub fn vendored() -> Result<Coder, Error> {
        Coder::with_supplement(Dictionaries::vendored()?, CoderOptions::default())
    }

    /// Dictionaries from a directory (PETRARCH or TABARI files) plus the supplement.
    pub fn from_dir(dir: &Path, options: CoderOptions) -> Result<Coder, Error> {
        Coder::with_supplement(Dictionaries::load_dir(dir)?, options)
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    pub fn options(&self) -> CoderOptions {
        self.options
    }

    /// Warnings from loading dictionary text files (`file:line: message`).
    pub fn warnings(&self) -> &[Warning] {
        if self.extra_warnings.is_empty() {
            self.dicts.warnings()
        } else {
            &self.extra_warnings
        }
    }

    /// Fills `doc.actors` and `doc.events` (replacing what they held). The doc
    /// must be segmented; without tags and parse only actors are found.
    pub fn code(&self, doc: &mut Doc) {
        self.code_with(doc, self.options);
    }

    /// [`Coder::code`] with other options for this document (evaluation
    /// suites change settings between records).
    pub fn code_with(&self, doc: &mut Doc, options: CoderOptions) {
        doc.actors.clear();
        doc.events.clear();
        let date = doc
            .dateline
            .as_ref()
            .and_then(|d| d.date)
            .or(doc.anchor_date);
        let mut story_discarded = false;
        let mut sentence_discarded = vec![false; doc.sentences.len()];
        // Per sentence: local tokens of sentence-level discard phrases, when
        // they are scoped to their clause.
        let mut discard_tokens: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
        for (s, flag) in sentence_discarded.iter_mut().enumerate() {
            let words: Vec<&str> = doc
                .sentences
                .get(s)
                .map(|x| x.tokens())
                .into_iter()
                .flatten()
                .map(|t| doc.token_text(t))
                .collect();
            if !options.clause_discards {
                // PETRARCH: the first discard phrase drops the sentence (or story).
                if let Some(d) = self.dicts.discard(&words) {
                    *flag = true;
                    story_discarded |= d.story;
                }
                continue;
            }
            for (a, b, d) in self.dicts.discards_in(&words) {
                if d.story {
                    // A story discard (`Manchester United`, `Wimbledon`)
                    // marks its own sentence as off-topic, never the whole
                    // article: a sports line in a conflict report must not
                    // cost the report its events.
                    *flag = true;
                    continue;
                }
                if let Some(toks) = discard_tokens.get_mut(s) {
                    toks.extend(a..b);
                }
            }
        }
        // One tree per sentence, shared by actor finding and extraction: it
        // borrows the text and tokens only, so actors can be appended
        // meanwhile.
        let sents: Vec<tree::Sent<'_>> = (0..doc.sentences.len())
            .map(|s| tree::Sent::new(&doc.text, &doc.tokens, &doc.sentences, s))
            .collect();
        let mut per_sentence = Vec::with_capacity(sents.len());
        let mut known = mentions::Known::new(&mut doc.actors);
        for (s, sent) in sents.iter().enumerate() {
            let scope = mentions::Scope {
                dicts: &self.dicts,
                sent,
                s,
                date,
                persons: &doc.persons,
            };
            per_sentence.push(mentions::find(scope, &mut known));
        }
        let extras = known.into_extras();
        if story_discarded {
            return;
        }
        let mut events = Vec::new();
        let dcx = extract::DocCx {
            coder: self,
            options: &options,
            doc,
            extras: &extras,
            date,
        };
        for (s, per_token) in per_sentence.iter().enumerate() {
            if sentence_discarded.get(s).copied().unwrap_or(false) {
                continue;
            }
            let discards = discard_tokens.get(s).map_or(&[][..], |d| &d[..]);
            let Some(sent) = sents.get(s) else { continue };
            let cx = extract::SentenceCx::new(&dcx, s, sent, per_token, discards);
            events.extend(extract::sentence(&cx));
        }
        sitrep_doc::events::assign_ids(&doc.id, &mut events);
        doc.events = events;
    }

    /// What the discard phrases of the dictionaries take out of coding, one
    /// entry per phrase found, in text order: the sentence, the phrase's
    /// span, and whether it is a story discard (`Manchester United`: its
    /// sentence is not coded) or a sentence-level one (`in 1988`: its clause
    /// is not coded). The diagnostic a summary or document record reports,
    /// so nothing is dropped without a word.
    pub fn discards(&self, doc: &Doc) -> Vec<Discarded> {
        let mut out = Vec::new();
        for (s, sent) in doc.sentences.iter().enumerate() {
            let range = sent.tokens();
            let words: Vec<&str> = range.clone().map(|t| doc.token_text(t)).collect();
            for (a, b, d) in self.dicts.discards_in(&words) {
                let (Some(first), Some(last)) = (
                    doc.tokens.get(range.start + a),
                    doc.tokens.get((range.start + b).saturating_sub(1)),
                ) else {
                    continue;
                };
                out.push(Discarded {
                    sentence: s,
                    span: first.span.cover(last.span),
                    story: d.story,
                });
            }
        }
        out
    }

    /// Whether the document contains a discard phrase (sentence or story).
    pub fn discarded(&self, doc: &Doc) -> Option<bool> {
        let mut found = None;
        for s in &doc.sentences {
            let words: Vec<&str> = s.tokens().map(|t| doc.token_text(t)).collect();
            if let Some(d) = self.dicts.discard(&words) {
                found = Some(found.unwrap_or(false) || d.story);
            }
        }
        found
    }
}
