//! sitrep-dict: event-coding dictionaries (actors, agents, verbs, discards,
//! issues) in the formats of PETRARCH and TABARI, one format-independent model,
//! a compact compiled form, and the fast phrase matcher the event coder uses.
//!
//! # Model
//!
//! - [`ActorDict`]: actors, each with names (a primary phrase and `+` synonyms)
//!   and [`Role`]s `(code, from, to)`; [`Actor::code_on`] resolves the role for a
//!   date (dated roles first, in file order, then the undated default).
//! - [`AgentDict`]: common nouns refining an actor (`FOREIGN_MINISTER [~GOV]`),
//!   with their [`Placement`] (`~GOV` suffix, `IGO~` prefix) and plural forms.
//! - [`VerbDict`]: verb blocks (synonymous verbs sharing a base code and a list
//!   of [`Pattern`]s of [`Elem`]s: words, `*` verb, `$` source, `+` target,
//!   `%` compound, `^` skip, `&SYNSET`s, PETRARCH `(...)`/`{...}` groups and
//!   TABARI `{ a | b }` alternatives), the [`Synset`]s and `~` transformations.
//! - [`Discards`], [`Issues`], prepositions, TABARI [`Options`].
//!
//! Every phrase is stored as *match words* (lowercase, split at `_`, blanks and
//! hyphens, possessive `'s` removed; see [`phrase`]), the same normalisation the
//! matcher applies to text, so `al-Assad`, `Al Assad` and `AL_ASSAD` meet.
//!
//! # Formats read
//!
//! PETRARCH: `CAMEO.2.0.txt` verbs, `Phoenix.*.actors.txt`, `Phoenix.agents.txt`
//! (with `!MARKER!` substitutions and `{plural}` rules), `Phoenix.discards.txt`,
//! `Phoenix.IssueCoding.txt` (`n:`/`v:` expansions), `Phoenix.prepositions.txt`.
//! TABARI 0.8: `.actors` (single-line `[CODE <DATE]` lists or multi-line form,
//! `<NOUN>`/`<ADJECTIVE>` sections skipped), `.agents`, `.verbs` (`<SYNSETS>`,
//! `{ forms }` lines, stems), `.options`. Comments: `#`, `;`, `<!-- -->`.
//!
//! A malformed line is skipped with a [`Warning`] naming `file:line`; a file that
//! is binary, or in which no line parses, is an [`Error::NotADictionary`].
//!
//! # Compiled form
//!
//! [`Dictionaries::to_compiled`] writes the model (not the indexes, which are
//! rebuilt in a few tens of milliseconds) as: the magic `SITREPDICT`, a format
//! version (`u16`, little-endian), the uncompressed length (`u32`), then a
//! deflate stream of a string table and varint-coded records (see [`codec`]).
//! Invariants: loading a compiled file yields a model equal to the one written;
//! an unknown version or truncated data is an [`Error::Compiled`], never a panic.
//! The Phoenix dictionaries ship compiled in `data/dict/` and are built into the
//! library: [`Dictionaries::vendored`].
//!
//! # Matching
//!
//! [`Dictionaries::find_actors`] finds the longest actor or agent phrase at each
//! token of a sentence (a word-id trie, one hash lookup per word, a few
//! microseconds per sentence) and composes agents with an adjacent actor:
//! `Syrian opposition` → `SYROPP`, `Russian Foreign Minister` → `RUSGOV`,
//! `minister of Russia` → `RUSGOV`, `Russia's foreign minister` → `RUSGOV`.
//! Matching is case-insensitive, spans whole tokens only, ignores possessive
//! `'s`, treats hyphens as word breaks, tries a token's lemma (if given) or its
//! regular singular (`Syrians`) where the token itself does not continue a
//! phrase, and does not read a short lowercase word (`us`, `un`) as a one-word
//! actor. [`Dictionaries::actors_by_last_name`] lists actors by surname for the
//! coder's own person-name resolution; [`Dictionaries::discard`] and
//! [`Dictionaries::issues_in`] apply the discard and issue lists.
//!
//! Not modelled: TABARI stems in actor and agent phrases (names match as whole
//! words; verb roots keep a [`Verb::stem`] flag), and the PETRARCH agent rule
//! that a blank (not `_`) between words allows intervening words (all phrase
//! words must be consecutive here).

pub mod codec;
mod error;
mod index;
mod load;
mod matcher;
mod model;
pub mod phrase;
mod source;

mod actors;
mod agents;
mod lists;
mod pattern;
mod verbs;

use std::path::Path;

use sitrep_doc::Date;

pub use agents::MAX_AGENT_FORMS;
pub use error::{Error, Warning};
pub use index::FxHasher;
pub use load::{scan_dir, Kind};
pub use matcher::ActorMatch;
pub use model::*;

/// Parsers for single files, for callers that want one dictionary only.
pub mod read {
    pub use crate::actors::read_actors;
    pub use crate::agents::read_agents;
    pub use crate::lists::{read_discards, read_issues, read_options, read_prepositions};
    pub use crate::verbs::{read_petrarch_verbs, read_tabari_verbs};
}

/// The dictionary model: everything that the compiled form stores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DictSet {
    pub actors: ActorDict,
    pub agents: AgentDict,
    pub verbs: VerbDict,
    pub discards: Discards,
    pub issues: Issues,
    pub prepositions: Vec<Box<str>>,
    pub options: Options,
    /// File names the set was read from, in load order.
    pub sources: Vec<Box<str>>,
}

impl DictSet {
    /// Reads one file into the set; `kind: None` detects it from the name.
    pub fn add_file(
        &mut self,
        path: &Path,
        kind: Option<Kind>,
        warnings: &mut Vec<Warning>,
    ) -> Result<Kind, Error> {
        load::add_file(self, path, kind, warnings)
    }

    /// Parses in-memory text as a dictionary of `kind` (`name` is used in messages).
    pub fn add_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        kind: Kind,
        warnings: &mut Vec<Warning>,
    ) -> Result<(), Error> {
        load::add_bytes(self, name, bytes, kind, warnings)
    }

    /// Summary counts.
    pub fn stats(&self) -> Stats {
        Stats {
            actors: self.actors.actors.len(),
            actor_synonyms: self.actors.synonym_count(),
            roles: self.actors.role_count(),
            agents: self.agents.agents.len(),
            agent_forms: self.agents.agents.iter().map(|a| a.names.len()).sum(),
            verb_blocks: self.verbs.blocks.len(),
            verbs: self.verbs.verb_count(),
            patterns: self.verbs.pattern_count(),
            synsets: self.verbs.synsets.len(),
            discards: self.discards.entries.len(),
            issues: self.issues.entries.len(),
            prepositions: self.prepositions.len(),
        }
    }
}

/// Entry counts of a [`DictSet`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub actors: usize,
    pub actor_synonyms: usize,
    pub roles: usize,
    pub agents: usize,
    pub agent_forms: usize,
    pub verb_blocks: usize,
    pub verbs: usize,
    pub patterns: usize,
    pub synsets: usize,
    pub discards: usize,
    pub issues: usize,
    pub prepositions: usize,
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "actors {} (synonyms {}, roles {}), agents {} ({} forms), verb blocks {} (verbs {}, patterns {}, synsets {}), discards {}, issues {}, prepositions {}",
            self.actors, self.actor_synonyms, self.roles, self.agents, self.agent_forms,
            self.verb_blocks, self.verbs, self.patterns, self.synsets, self.discards,
            self.issues, self.prepositions
        )
    }
}

/// A loaded dictionary set with its lookup indexes.
#[derive(Debug)]
pub struct Dictionaries {
    set: DictSet,
    index: index::Index,
    warnings: Vec<Warning>,
}

/// Everything a phrase matches, for analysts (`sitrep dict lookup`).
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    /// Actors with exactly this phrase as a name.
    pub actors: Vec<usize>,
    /// Agents with exactly this phrase as a form.
    pub agents: Vec<usize>,
    /// `(block, verb)` whose forms (irregular or regular) include the phrase.
    pub verbs: Vec<(usize, usize)>,
    /// Actors whose multi-word names end in this (single) word.
    pub last_name: Vec<usize>,
    /// The phrase read as a sentence: longest matches with composed codes.
    pub matches: Vec<ActorMatch>,
}

/// The compiled Phoenix dictionaries (plus sitrep's additions), built in.
static VENDORED: &[u8] = include_bytes!("../../../data/dict/phoenix.sdict");

impl Dictionaries {
    /// Indexes a model.
    pub fn new(set: DictSet) -> Dictionaries {
        Dictionaries::with_warnings(set, Vec::new())
    }

    fn with_warnings(set: DictSet, warnings: Vec<Warning>) -> Dictionaries {
        let index = index::Index::build(&set);
        Dictionaries {
            set,
            index,
            warnings,
        }
    }

    /// Loads every dictionary file in `dir` (kinds detected from file names).
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Dictionaries, Error> {
        let files = scan_dir(dir.as_ref())?;
        Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), Some(*k))))
    }

    /// Loads the given files; a `None` kind is detected from the name.
    pub fn load_files<'a>(
        files: impl IntoIterator<Item = (&'a Path, Option<Kind>)>,
    ) -> Result<Dictionaries, Error> {
        let mut set = DictSet::default();
        let mut warnings = Vec::new();
        for (path, kind) in files {
            set.add_file(path, kind, &mut warnings)?;
        }
        Ok(Dictionaries::with_warnings(set, warnings))
    }

    /// These dictionaries plus the given files (a `None` kind is detected from
    /// the name): a user's actors, agents or verbs added to a loaded set, the
    /// vendored one most often. Indexes are rebuilt; warnings are kept.
    pub fn with_files<'a>(
        self,
        files: impl IntoIterator<Item = (&'a Path, Option<Kind>)>,
    ) -> Result<Dictionaries, Error> {
        let Dictionaries {
            mut set,
            mut warnings,
            ..
        } = self;
        for (path, kind) in files {
            set.add_file(path, kind, &mut warnings)?;
        }
        Ok(Dictionaries::with_warnings(set, warnings))
    }

    /// Loads a compiled dictionary file.
    pub fn load_compiled(path: impl AsRef<Path>) -> Result<Dictionaries, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Dictionaries::from_compiled(&bytes).map_err(|e| match e {
            Error::Compiled(message) => Error::CompiledFile {
                path: path.to_path_buf(),
                message,
            },
            e => e,
        })
    }

    /// Loads a compiled dictionary from memory.
    pub fn from_compiled(bytes: &[u8]) -> Result<Dictionaries, Error> {
        Ok(Dictionaries::new(codec::decode(bytes)?))
    }

    /// The built-in compiled Phoenix dictionaries (works offline, no files needed).
    pub fn vendored() -> Result<Dictionaries, Error> {
        Dictionaries::from_compiled(VENDORED)
    }

    /// The built-in compiled bytes.
    pub fn vendored_bytes() -> &'static [u8] {
        VENDORED
    }

    /// The compiled form of this set.
    pub fn to_compiled(&self) -> Vec<u8> {
        codec::encode(&self.set)
    }

    /// The model.
    pub fn set(&self) -> &DictSet {
        &self.set
    }
    pub fn actors(&self) -> &ActorDict {
        &self.set.actors
    }
    pub fn agents(&self) -> &AgentDict {
        &self.set.agents
    }
    pub fn verbs(&self) -> &VerbDict {
        &self.set.verbs
    }
    pub fn discards(&self) -> &Discards {
        &self.set.discards
    }
    pub fn issues(&self) -> &Issues {
        &self.set.issues
    }

    /// Warnings from loading text files (empty for compiled ones).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Finds actors and agents in a sentence's tokens (longest match, agents
    /// composed with adjacent actors), codes resolved on `date`.
    ///
    /// `lemmas`, if given, is parallel to `tokens` and is tried where the token
    /// itself does not continue a phrase (`ministers` → `minister`).
    pub fn find_actors(
        &self,
        tokens: &[&str],
        lemmas: Option<&[&str]>,
        date: Option<Date>,
    ) -> Vec<ActorMatch> {
        matcher::find(
            &self.index,
            &self.set.actors,
            &self.set.agents,
            tokens,
            lemmas,
            date,
        )
    }

    /// The actors (indexes into [`Dictionaries::actors`]) that have
    /// `phrase` exactly as a name or synonym (`Hamas`, `Sergey Lavrov`), in
    /// any case; agents do not count.
    pub fn actors_named(&self, phrase: &str) -> Vec<u32> {
        self.exact(&self.index.actors, phrase)
    }

    /// Actors whose multi-word names end in `word` (`Lavrov` → Sergey Lavrov).
    /// Many surnames are ambiguous; the caller decides (e.g. only for PERSON
    /// mentions, or only if one candidate has a role on the date).
    pub fn actors_by_last_name(&self, word: &str) -> &[u32] {
        let mut words = phrase::token_words(word);
        match (words.next(), words.next()) {
            (Some(w), None) => self
                .index
                .vocab
                .get(&w)
                .and_then(|id| self.index.last_names.get(&id))
                .map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }

    /// Verb blocks whose verbs have `phrase` as a form: `(block, verb)` indexes.
    pub fn verbs_for(&self, phrase: &str) -> Vec<(usize, usize)> {
        self.exact(&self.index.verbs, phrase)
            .iter()
            .filter_map(|&r| self.index.verb_refs.get(r as usize).copied())
            .collect()
    }

    /// [`Dictionaries::verbs_for`] of `words` joined by blanks (`["rule",
    /// "out"]` for `rule out`). Words already in normalised form (ASCII
    /// without capitals, blanks, apostrophes or the characters phrase
    /// splitting reads: `_ - ( ) ,`) are looked up directly, with no phrase
    /// string built or split: the coder asks this for every candidate verb.
    /// Anything else takes the general path, so the answer is the same.
    pub fn verbs_for_words(&self, words: &[&str]) -> Vec<(usize, usize)> {
        let plain = |w: &str| {
            !w.is_empty()
                && w.bytes().all(|b| {
                    b.is_ascii_graphic()
                        && !b.is_ascii_uppercase()
                        && !matches!(b, b'_' | b'-' | b'(' | b')' | b',' | b'\'' | b'`')
                })
        };
        const MAX: usize = 4;
        if words.is_empty() || words.len() > MAX || !words.iter().all(|w| plain(w)) {
            return self.verbs_for(&words.join(" "));
        }
        let mut ids = [0u32; MAX];
        for (id, w) in ids.iter_mut().zip(words) {
            match self.index.vocab.get(w) {
                Some(x) => *id = x,
                None => return Vec::new(),
            }
        }
        self.index
            .verbs
            .get(&ids[..words.len()])
            .iter()
            .filter_map(|&r| self.index.verb_refs.get(r as usize).copied())
            .collect()
    }

    fn exact(&self, trie: &index::Trie, phrase: &str) -> Vec<u32> {
        // One plain word (the common case: a verb form) needs no phrase
        // splitting; the coder asks this for every verb of every sentence.
        if !phrase.contains(|c: char| {
            c == '_' || c == '-' || c == '(' || c == ')' || c == ',' || c.is_whitespace()
        }) {
            let w = phrase::normalize_word(phrase);
            // (A folded dash or an emptied word takes the general path.)
            if !w.is_empty() && !w.contains('-') {
                return match self.index.vocab.get(&w) {
                    Some(id) => trie.get(&[id]).to_vec(),
                    None => Vec::new(),
                };
            }
        }
        let words = phrase::phrase_words(phrase);
        match self.index.ids(&words) {
            Some(ids) => trie.get(&ids).to_vec(),
            None => Vec::new(),
        }
    }

    /// The first discard phrase in a sentence: if `Some`, the sentence (or, for
    /// a story-level discard, the whole story) is not coded.
    pub fn discard(&self, tokens: &[&str]) -> Option<&Discard> {
        matcher::phrases(&self.index, &self.index.discards, tokens)
            .first()
            .and_then(|&(_, _, d)| self.set.discards.entries.get(d as usize))
    }

    /// Every discard phrase in a sentence: `(first token, end token, entry)`,
    /// token indexes into `tokens`, end exclusive.
    pub fn discards_in(&self, tokens: &[&str]) -> Vec<(usize, usize, &Discard)> {
        matcher::phrases(&self.index, &self.index.discards, tokens)
            .into_iter()
            .filter_map(|(a, b, d)| Some((a, b, self.set.discards.entries.get(d as usize)?)))
            .collect()
    }

    /// Issue codes in a sentence with their phrase counts, in first-seen order;
    /// empty if an ignore phrase (`~...`) occurs, as in PETRARCH.
    pub fn issues_in(&self, tokens: &[&str]) -> Vec<(&str, usize)> {
        if !matcher::phrases(&self.index, &self.index.issue_ignore, tokens).is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(&str, usize)> = Vec::new();
        for (_, _, i) in matcher::phrases(&self.index, &self.index.issues, tokens) {
            let Some(issue) = self.set.issues.entries.get(i as usize) else {
                continue;
            };
            match out.iter_mut().find(|(c, _)| *c == &*issue.code) {
                Some((_, n)) => *n += 1,
                None => out.push((&issue.code, 1)),
            }
        }
        out
    }

    /// Everything `phrase` matches (analyst lookup).
    pub fn lookup(&self, phrase: &str, date: Option<Date>) -> Lookup {
        let tokens: Vec<&str> = phrase.split_whitespace().collect();
        Lookup {
            actors: self
                .exact(&self.index.actors, phrase)
                .into_iter()
                .map(|a| a as usize)
                .collect(),
            agents: self
                .exact(&self.index.agents, phrase)
                .into_iter()
                .map(|a| a as usize)
                .collect(),
            verbs: self.verbs_for(phrase),
            last_name: self
                .actors_by_last_name(phrase)
                .iter()
                .map(|&a| a as usize)
                .collect(),
            matches: self.find_actors(&tokens, None, date),
        }
    }
}
