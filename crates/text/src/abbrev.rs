//! Abbreviations: which `word.` sequences keep their period as part of the token,
//! and whether such a token may end a sentence.
//!
//! The lists were assembled from the period-final tokens of UD English EWT and GUM
//! (`U.S.`, `Mr.`, `e.g.`, `al.`, `St.`, `Inc.`, `Dr.`, `i.e.`, `D.C.`, ...) plus the
//! titles, months and military ranks common in wire copy. Matching is
//! case-sensitive on purpose: `Dec.` is a month, `dec.` is not, and `No.` only
//! counts before a number (the caller checks that).

/// How an abbreviation token behaves at a potential sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Precedes a name or a number and (practically) never ends a sentence:
    /// `Mr.`, `Dr.`, `Gen.`, `Lt.`, `No.`, `e.g.`.
    Prefix,
    /// A single capital (`J. R. R. Tolkien`): a sentence ends after it only
    /// before a typical opener other than `A` and `I` (`vitamin C. It ...`).
    Initial,
    /// May end a sentence (`in the U.S.`, `at 9 a.m.`, `Apple Inc.`); the splitter
    /// ends the sentence only when a typical sentence opener follows.
    Any,
}

/// Titles and other words written before a name or number.
const PREFIX: &[&str] = &[
    "Adm", "Amb", "Apt", "Art", "Atty", "Brig", "Capt", "Cdr", "Ch", "Cmdr", "Col", "Comdr", "Con",
    "Cpl", "Cpt", "Det", "Dr", "Drs", "Eq", "Fig", "Fr", "Ft", "Gen", "Gov", "Hon", "Hr", "Insp",
    "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Mx", "Nos", "Op",
    "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Rt", "Sen", "Sens", "Sgt", "Sr", "St",
    "Ste", "Sts", "Supt", "Vol", "approx", "ca", "cf", "ch", "eq", "fig", "nos", "op", "pp", "viz",
    "vol", "vs", "v",
];

/// Abbreviations that are as likely to end a sentence as to continue it.
const ANY: &[&str] = &[
    "Ave", "Blvd", "Bros", "Co", "Corp", "Cos", "Dept", "Esq", "Inc", "Jr", "LLC", "Ln", "Ltd",
    "Plc", "Pty", "Rd", "Univ", "al", "cent", "dept", "ed", "eds", "esp", "est", "etc", "ext",
    "inc", "incl", "mins", "misc", "pop", "sq", "yrs",
    // Months and weekdays: usually followed by a number, sometimes final.
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    // US states as written in datelines and addresses.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ont", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Latin and other abbreviations with inner periods that never end a sentence.
const INNER_PREFIX: &[&str] = &["e.g", "i.e", "E.g", "I.e", "a.k.a", "c.f"];

/// Classifies `word` (the token text *without* its final period) as an
/// abbreviation, if it is one.
///
/// `before_number` says whether a number follows (after spaces), which is what
/// makes `No.` an abbreviation rather than a sentence-final "no".
pub(crate) fn classify(word: &str, before_number: bool) -> Option<AbbrevClass> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    if PREFIX.contains(&word) {
        return Some(AbbrevClass::Prefix);
    }
    if ANY.contains(&word) {
        return Some(AbbrevClass::Any);
    }
    if matches!(word, "No" | "no" | "NO" | "p" | "Nr" | "nr" | "c") {
        return before_number.then_some(AbbrevClass::Prefix);
    }
    if INNER_PREFIX.contains(&word) {
        return Some(AbbrevClass::Prefix);
    }
    let mut chars = word.chars();
    // A single capital is an initial (`J. R. R. Tolkien`).
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (c.is_alphabetic() && c.is_uppercase()).then_some(AbbrevClass::Initial);
    }
    // Letter groups joined by periods, each short: `U.S`, `a.m`, `Ph.D`, `M.Sc`.
    if word.contains('.')
        && word
            .split('.')
            .all(|seg| !seg.is_empty() && seg.len() <= 3 && seg.chars().all(char::is_alphabetic))
    {
        return Some(AbbrevClass::Any);
    }
    None
}

/// Capitalised words that typically open a sentence: after an abbreviation that
/// may end a sentence (`U.S.`, `Inc.`, `a.m.`), one of these signals that it did.
/// Names (`U.S. Army`, `Apple Inc. Chairman`) do not.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Against",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Whether `word` is a typical sentence opener (see [`OPENERS`]).
pub(crate) fn is_opener(word: &str) -> bool {
    OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Dr", false), Some(AbbrevClass::Prefix));
        assert_eq!(classify("U.S", false), Some(AbbrevClass::Any));
        assert_eq!(classify("a.m", false), Some(AbbrevClass::Any));
        assert_eq!(classify("Ph.D", false), Some(AbbrevClass::Any));
        assert_eq!(classify("e.g", false), Some(AbbrevClass::Prefix));
        assert_eq!(classify("J", false), Some(AbbrevClass::Initial));
        assert_eq!(classify("No", false), None);
        assert_eq!(classify("No", true), Some(AbbrevClass::Prefix));
        assert_eq!(classify("said", false), None);
        assert_eq!(classify("example.com", false), None);
        assert_eq!(classify("a", false), None);
        assert!(is_opener("The") && !is_opener("Army"));
    }
}
