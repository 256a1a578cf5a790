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
//! 1. Discards: a sentence containing a discard phrase is not coded; a story
//!    discard (`+PHRASE`) stops coding of the whole document.
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
//!
//! The supplementary patterns in `data/cameo/sitrep.verbs.txt` (generic
//! idioms such as `lead up a blind alley` → REJECT) are added by
//! [`Coder::with_supplement`]; [`Coder::vendored`] includes them.

pub mod cameo;
pub mod eval;
mod extract;
mod mentions;
mod patterns;
mod tree;

use std::collections::HashMap;
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

/// What the coder reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoderOptions {
    /// Keep negated events (flagged `negated: true`) instead of dropping them.
    pub keep_negated: bool,
    /// Code only events with both a source and a target (PETRARCH's
    /// `require_dyad`, the default); `false` also reports source-only events.
    pub require_target: bool,
    /// Code only events with a source (the default); `false` also reports
    /// events whose actor is unknown (`X was attacked`), for event typing.
    pub require_source: bool,
    /// PETRARCH's `new_actor_length`: a source or target noun phrase with no
    /// dictionary actor and at most this many words is coded as an actor by
    /// its own words (`"THE MINISTRY OF MAGIC"`); 0 (the default) turns it off.
    pub new_actor_length: usize,
}

impl Default for CoderOptions {
    fn default() -> CoderOptions {
        CoderOptions {
            keep_negated: false,
            require_target: true,
            require_source: true,
            new_actor_length: 0,
        }
    }
}

/// The event coder: dictionaries plus options. Build once, code many docs.
pub struct Coder {
    pub(crate) dicts: Dictionaries,
    pub(crate) synsets: HashMap<Box<str>, usize>,
    /// Per synset (same index): its members by first and last word.
    pub(crate) synset_ends: Vec<patterns::SynsetEnds>,
    pub(crate) options: CoderOptions,
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
        let synsets = dicts
            .verbs()
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i))
            .collect();
        let synset_ends = dicts
            .verbs()
            .synsets
            .iter()
            .map(patterns::SynsetEnds::new)
            .collect();
        Coder {
            dicts,
            synsets,
            synset_ends,
            options,
            extra_warnings: Vec::new(),
        }
    }

    /// A coder over these dictionaries plus sitrep's supplementary patterns.
    /// Loading warnings of both are kept in [`Coder::warnings`].
    pub fn with_supplement(dicts: Dictionaries, options: CoderOptions) -> Result<Coder, Error> {
        let mut warnings: Vec<Warning> = dicts.warnings().to_vec();
        let mut set = dicts.set().clone();
        set.add_bytes(
            "data/cameo/sitrep.verbs.txt",
            SUPPLEMENT.as_bytes(),
            Kind::PetrarchVerbs,
            &mut warnings,
        )?;
        let merged = Dictionaries::new(set);
        let mut coder = Coder::new(merged, options);
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
        let mut extras = Vec::new();
        let mut story_discarded = false;
        let mut sentence_discarded = vec![false; doc.sentences.len()];
        for (s, flag) in sentence_discarded.iter_mut().enumerate() {
            let words: Vec<&str> = doc
                .sentences
                .get(s)
                .map(|x| x.tokens())
                .into_iter()
                .flatten()
                .map(|t| doc.token_text(t))
                .collect();
            if let Some(d) = self.dicts.discard(&words) {
                *flag = true;
                story_discarded |= d.story;
            }
        }
        let mut per_sentence = Vec::with_capacity(doc.sentences.len());
        for s in 0..doc.sentences.len() {
            per_sentence.push(mentions::find(&self.dicts, doc, s, date, &mut extras));
        }
        if story_discarded {
            return;
        }
        let mut events = Vec::new();
        for (s, per_token) in per_sentence.iter().enumerate() {
            if sentence_discarded.get(s).copied().unwrap_or(false) {
                continue;
            }
            events
                .extend(extract::sentence(self, &options, doc, s, per_token, &extras, date).events);
        }
        doc.events = events;
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
