//! Name lists the recognizer consults at run time: [`NameLexicon`].
//!
//! The recognizer does not know where place or actor names come from. The
//! facade implements this trait over the gazetteer and the actor dictionary,
//! so this crate depends on neither (dependencies point one way).
//!
//! Invariant: a model is trained with one lexicon and should run with the
//! same one. With [`NoLexicon`] the membership features are simply absent,
//! so any model still runs; it then loses what those features taught it.

/// Which word sequences are known names.
///
/// `words` are a candidate name's tokens as written (`["Deir", "ez", "Zor"]`),
/// at most four, starting at a capitalised token. Implementations must be
/// cheap (the recognizer asks up to eight times per capitalised token) and
/// deterministic.
pub trait NameLexicon: Send + Sync {
    /// Whether the lexicon answers at all: `false` skips every look-up.
    fn enabled(&self) -> bool {
        true
    }
    /// A known place name (a gazetteer entry, in any of its spellings).
    fn is_place(&self, words: &[&str]) -> bool;
    /// A known actor name (a person, organisation or group in an actor
    /// dictionary), and which of the two it is.
    fn actor(&self, words: &[&str]) -> Option<ActorKind>;
}

/// What an actor-dictionary entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    /// An organisation, armed group, party, government body...
    Group,
}

/// No lists: every membership feature is off.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoLexicon;

impl NameLexicon for NoLexicon {
    fn enabled(&self) -> bool {
        false
    }
    fn is_place(&self, _: &[&str]) -> bool {
        false
    }
    fn actor(&self, _: &[&str]) -> Option<ActorKind> {
        None
    }
}
