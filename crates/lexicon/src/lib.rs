//! One vocabulary for the stages: the closed word classes the coder, the
//! geoparser and attribution each used to decide with a private list.
//!
//! Before this crate "is this a verb of saying?" had five answers (58
//! lemmas, 8 in all five lists) and "is this a title before a name?" four.
//! Here every fact is stated once, as a word → class table, and a consumer
//! that needs a narrower notion than "speech" selects classes (for example
//! [`SpeechClass::names_speaker`]) instead of keeping its own list.
//!
//! Invariants every table keeps (checked by the unit tests):
//! - entries are lowercase, ASCII, without a trailing `.`;
//! - a word occurs at most once in a table, so it has one class;
//! - lookups take any case and ignore one trailing `.` only where the
//!   function says so (titles and roles, which are abbreviated: `Dr.`).
//!
//! A word may be in two *different* tables: `threaten` is a speech verb
//! (what it says of its subject) and a complement verb (what it says of
//! its infinitive, [`complement_class`]). Those are two facts.
//!
//! The event-coding classes cite the CAMEO manual (Schrodt 2012, CAMEO
//! Conflict and Mediation Event Observations Codebook v1.1b3) by code, and
//! PLOVER (Halterman et al. 2023) by category name.
//!
//! Data only and dependency-free, so any stage crate may depend on it (the
//! same rule as for `sitrep-doc`).

mod complement;
mod means;
mod persons;
mod speech;

pub use complement::{complement_class, is_intent_adjective, is_proposal_noun, ComplementClass};
pub use means::{is_attack_noun, is_clash_noun, means_of, Means};
pub use persons::{
    is_collective, is_courtesy_abbreviation, is_organisation_head, is_role, is_role_head, is_title,
    title_class, TitleClass,
};
pub use speech::{speech_class, speech_lemma, SpeechClass};

/// Starts with an uppercase letter (`Aleppo`, `US`; not `al-Bab`, `9th`).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercases `word` and drops one trailing `.` (`Dr.` → `dr`), the key
/// the title and role tables are written in.
fn abbreviation_key(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    if w.ends_with('.') {
        w.pop();
    }
    w
}

#[cfg(test)]
pub(crate) mod check {
    /// Every entry lowercase ASCII without a trailing `.`, and no entry twice.
    pub fn well_formed<'a>(name: &str, words: impl IntoIterator<Item = &'a str>) {
        let mut seen = std::collections::HashSet::new();
        for w in words {
            assert!(!w.is_empty(), "{name}: empty entry");
            assert_eq!(w, w.to_ascii_lowercase(), "{name}: {w} is not lowercase");
            assert!(w.is_ascii(), "{name}: {w} is not ASCII");
            assert!(!w.ends_with('.'), "{name}: {w} ends in a full stop");
            assert!(seen.insert(w), "{name}: {w} listed twice");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised() {
        assert!(is_capitalised("Aleppo"));
        assert!(is_capitalised("ÉLYSÉE"));
        assert!(!is_capitalised("al-Bab"));
        assert!(!is_capitalised("9th"));
        assert!(!is_capitalised(""));
    }

    #[test]
    fn abbreviation_keys() {
        assert_eq!(abbreviation_key("Dr."), "dr");
        assert_eq!(abbreviation_key("MINISTER"), "minister");
    }
}
