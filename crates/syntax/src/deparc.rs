//! The parser's output for one word, in its own module so that both the parser
//! and the post-parse repairs ([`crate::repair`]) can use it without importing
//! each other.

use sitrep_doc::Deprel;

/// The head and relation of one word. `head` is a 0-based word index within the
/// sentence, `None` for the root.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DepArc {
    pub head: Option<u32>,
    pub deprel: Deprel,
}
