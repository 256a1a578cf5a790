//! The format-independent dictionary model.
//!
//! Both PETRARCH and TABARI files load into these types; the compiled form stores
//! exactly these types. Phrases are stored as sequences of normalised match words
//! (see [`crate::phrase`]): lowercase, `_`/blank/hyphen separated.

use sitrep_doc::Date;

/// A phrase: normalised match words, never empty.
pub type Words = Vec<Box<str>>;

/// The null code `---`: the phrase is known but generates no actor or event.
pub const NULL_CODE: &str = "---";

/// One code an actor holds, optionally limited to a date range.
///
/// Both limits are inclusive, as in TABARI (`<D` and `>D` include D).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: Box<str>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Role {
    /// True if the role has a date restriction.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True if `date` lies within the restriction (always true for an undated role).
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// One actor: all its names and its (possibly dated) roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// `names[0]` is the primary phrase, the rest are `+` synonyms. Never empty.
    pub names: Vec<Words>,
    /// In file order. Dated roles are tried first, in order; the first undated
    /// role is the default (TABARI 6.5.2 rules).
    pub roles: Vec<Role>,
}

impl Actor {
    /// The role in force on `date`.
    ///
    /// With a date: the first dated role covering it, else the undated default.
    /// Without a date: the default, else the most recent dated role (latest end,
    /// open-ended first), which is what a reader of current news expects.
    pub fn role_on(&self, date: Option<Date>) -> Option<&Role> {
        let default = self.roles.iter().find(|r| !r.is_dated());
        match date {
            Some(d) => self
                .roles
                .iter()
                .find(|r| r.is_dated() && r.covers(d))
                .or(default),
            None => default.or_else(|| {
                self.roles
                    .iter()
                    .max_by_key(|r| (r.to.is_none(), r.to, r.from))
            }),
        }
    }

    /// The code in force on `date`; `None` if no role applies or it is the null code.
    pub fn code_on(&self, date: Option<Date>) -> Option<&str> {
        self.role_on(date)
            .map(|r| &*r.code)
            .filter(|c| *c != NULL_CODE)
    }

    /// The primary name, words joined by blanks.
    pub fn display_name(&self) -> String {
        self.names.first().map(|n| n.join(" ")).unwrap_or_default()
    }
}

/// Actors (`*.actors`, `Phoenix.*.actors.txt`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorDict {
    pub actors: Vec<Actor>,
}

impl ActorDict {
    /// Number of `+` synonyms (names beyond the primary).
    pub fn synonym_count(&self) -> usize {
        self.actors.iter().map(|a| a.names.len() - 1).sum()
    }
    /// Number of roles over all actors.
    pub fn role_count(&self) -> usize {
        self.actors.iter().map(|a| a.roles.len()).sum()
    }
}

/// Where an agent code goes relative to the actor code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// `[~GOV]`: appended after the actor code (`RUS` + `GOV` = `RUSGOV`).
    Suffix,
    /// `[IGO~]`: put before the actor code (`IGO` + `UNO`).
    Prefix,
}

/// A common noun that refines an actor (`FOREIGN_MINISTER [~GOV]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// The phrase as written first, then its plural and substitution forms.
    pub names: Vec<Words>,
    /// Without the `~`.
    pub code: Box<str>,
    pub placement: Placement,
}

impl Agent {
    /// Combines this agent with an actor code, TABARI-style: the agent code is
    /// not added again if the actor code already holds it on a 3-character
    /// boundary (`LKAREB` + `~REB` stays `LKAREB`).
    pub fn compose(&self, actor_code: &str) -> String {
        let present = (0..actor_code.len()).step_by(3).any(|i| {
            actor_code
                .get(i..i + self.code.len())
                .is_some_and(|s| s == &*self.code)
        });
        if present {
            return actor_code.to_string();
        }
        match self.placement {
            Placement::Suffix => format!("{actor_code}{}", self.code),
            Placement::Prefix => format!("{}{actor_code}", self.code),
        }
    }
}

/// Agents (`*.agents`, `Phoenix.agents.txt`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgentDict {
    pub agents: Vec<Agent>,
}

/// A named set of words or phrases usable in verb patterns (`&CURRENCY`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// Without the leading `&` (and without a trailing `_`).
    pub name: Box<str>,
    /// Members, with regular plurals already added unless the set or member
    /// ends in `_` in the source.
    pub members: Vec<Words>,
}

/// Bracketing groups in PETRARCH 2 patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// `{ ... }`: a noun phrase.
    Noun,
    /// `( ... )`: a prepositional phrase.
    Prep,
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    Word(Box<str>),
    /// `*`: the verb itself.
    Verb,
    /// `$`: the source actor slot.
    Source,
    /// `+`: the target actor slot.
    Target,
    /// `%`: a compound actor filling both slots.
    Compound,
    /// `^`: skip one actor.
    Skip,
    /// `&NAME`: any member of the synset (name without `&`).
    Synset(Box<str>),
    Open(Group),
    Close(Group),
    /// TABARI `{ a | b c | ... }`: any one of the alternatives.
    Alternatives(Vec<Vec<PatternElem>>),
}

/// A pattern element and its connector to the previous element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternElem {
    pub elem: Elem,
    /// `_` connector: must immediately follow the previous element.
    pub tight: bool,
}

/// `- * (TO BORDER) [154]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub elems: Vec<PatternElem>,
    /// The event code as written (`154`, `042:043`, `:054`, `---`).
    pub code: Box<str>,
}

/// A verb in a block: its base words, irregular forms and optional own code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    pub words: Words,
    /// Irregular forms from `{...}`; regular forms are generated at index time.
    pub forms: Vec<Words>,
    /// Own code, overriding the block's; `None` inherits it.
    pub code: Option<Box<str>>,
    /// TABARI root without a final `_`: matches any word starting with it.
    pub stem: bool,
}

/// A set of synonymous verbs sharing one pattern list.
///
/// PETRARCH: a `--- NAME [code] ---` block; TABARI: one verb root and the
/// patterns after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: Box<str>,
    /// The block's base code ([`NULL_CODE`] when absent: the bare verb codes nothing).
    pub code: Box<str>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
}

/// Verbs (`CAMEO.2.0.txt`, `*.verbs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbDict {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    /// PETRARCH `~` transformation rules, kept verbatim for the coder.
    pub transformations: Vec<Box<str>>,
}

impl VerbDict {
    pub fn verb_count(&self) -> usize {
        self.blocks.iter().map(|b| b.verbs.len()).sum()
    }
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

/// A discard phrase: sentences (or whole stories) containing it are not coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    pub words: Words,
    /// `+PHRASE`: discard the whole story, not just the sentence.
    pub story: bool,
}

/// Discards (`Phoenix.discards.txt`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discards {
    pub entries: Vec<Discard>,
}

/// An issue phrase and its code, one entry per expanded variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub words: Words,
    pub code: Box<str>,
}

/// Issues (`Phoenix.IssueCoding.txt`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues {
    pub entries: Vec<Issue>,
    /// `~phrase`: a sentence containing it codes no issues.
    pub ignore: Vec<Words>,
}

/// TABARI `.options`: `LABEL:` lines and other commands, kept as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `LABEL: 031=MEET` as (`031`, `MEET`).
    pub labels: Vec<(Box<str>, Box<str>)>,
    /// Other commands as (keyword, rest): (`SET`, `ACTOR USAGE = TRUE`).
    pub commands: Vec<(Box<str>, Box<str>)>,
}
