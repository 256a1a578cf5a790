//! Words that describe or introduce a person, or stand for a group: titles
//! before names, role nouns, collective sources.

use crate::abbreviation_key;

/// What a title before a name says about the person (`President`, `Dr.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TitleClass {
    /// Forms of address (`Mr`, `Dr.`, `Sir`, `Professor`): never a name, and
    /// no office either.
    Courtesy,
    /// Political, judicial and royal offices (`President`, `Judge`, `King`).
    Office,
    /// Military and police ranks (`General`, `Sgt.`, `Lt.`), written
    /// straight before the name like a form of address.
    Rank,
    /// Posts written as a title, mostly in policing and local government
    /// (`Sheriff`, `Detective`, `Superintendent`), often after the
    /// jurisdiction (`Anderson County Sheriff Greg Taylor`).
    Post,
    /// Religious titles (`Pope`, `Rev.`, `Imam`).
    Clergy,
    /// Occupations written as a title in news (`Coach`, `actor`, `spokesman`).
    Occupation,
}

const TITLES: &[(&str, TitleClass)] = {
    use TitleClass::*;
    &[
        ("mr", Courtesy),
        ("mrs", Courtesy),
        ("ms", Courtesy),
        ("miss", Courtesy),
        ("dr", Courtesy),
        ("prof", Courtesy),
        ("professor", Courtesy),
        ("sir", Courtesy),
        ("lord", Courtesy),
        ("lady", Courtesy),
        ("dame", Courtesy),
        ("president", Office),
        ("president-elect", Office),
        ("premier", Office),
        ("minister", Office),
        ("chancellor", Office),
        ("secretary", Office),
        ("senator", Office),
        ("sen", Office),
        // AP style plurals: `Sens. John McCain and Lindsey Graham`.
        ("sens", Office),
        ("representative", Office),
        ("rep", Office),
        ("reps", Office),
        ("governor", Office),
        ("gov", Office),
        ("mayor", Office),
        ("commissioner", Office),
        ("councilman", Office),
        ("councilwoman", Office),
        ("chairman", Office),
        ("judge", Office),
        ("justice", Office),
        ("attorney", Office),
        ("king", Office),
        ("queen", Office),
        ("prince", Office),
        ("princess", Office),
        ("sultan", Office),
        ("emir", Office),
        ("general", Rank),
        ("gen", Rank),
        ("colonel", Rank),
        ("col", Rank),
        ("captain", Rank),
        ("capt", Rank),
        ("sergeant", Rank),
        ("sgt", Rank),
        ("lieutenant", Rank),
        ("lt", Rank),
        ("major", Rank),
        ("officer", Post),
        ("trooper", Post),
        ("sheriff", Post),
        ("detective", Post),
        ("deputy", Post),
        ("agent", Post),
        ("chief", Post),
        ("superintendent", Post),
        ("pope", Clergy),
        ("reverend", Clergy),
        ("rev", Clergy),
        ("pastor", Clergy),
        ("father", Clergy),
        ("cardinal", Clergy),
        ("bishop", Clergy),
        ("imam", Clergy),
        ("ayatollah", Clergy),
        ("sheikh", Clergy),
        ("coach", Occupation),
        ("dean", Occupation),
        ("spokesman", Occupation),
        ("spokeswoman", Occupation),
        ("actor", Occupation),
        ("actress", Occupation),
        ("singer", Occupation),
        ("player", Occupation),
    ]
};

/// The class of a title that may precede a person's name, any case, one
/// trailing `.` ignored (`Dr.` → `Courtesy`).
pub fn title_class(word: &str) -> Option<TitleClass> {
    let w = abbreviation_key(word);
    TITLES.iter().find(|(t, _)| *t == w).map(|&(_, c)| c)
}

/// True for any title before a name ([`title_class`] is `Some`).
pub fn is_title(word: &str) -> bool {
    title_class(word).is_some()
}

/// Nouns that head a description of a person (`the minister`, `a witness`).
const ROLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "director",
    "chief",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "commander",
    "ambassador",
    "envoy",
    "official",
    "leader",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "premier",
    "senator",
    "king",
    "queen",
    "prince",
    "colonel",
    "captain",
    "lieutenant",
    "major",
    "sheikh",
    "founder",
    "analyst",
    "professor",
    "witness",
    "resident",
    "doctor",
    "correspondent",
    "reporter",
    "editor",
    "ceo",
    "coordinator",
    "representative",
    "manager",
    "officer",
    "activist",
    "expert",
    "administrator",
    "co-founder",
    "researcher",
    "member",
    "mp",
    "lawyer",
    "judge",
];

/// Words that occur inside a role but do not head one (`Prime Minister`,
/// `Deputy Foreign Minister`, `Secretary General`).
const ROLE_MODIFIERS: &[&str] = &[
    "prime", "foreign", "defence", "defense", "deputy", "general",
];

/// The abbreviated courtesy titles (a subset of [`TitleClass::Courtesy`]):
/// the ones so common before names that attribution counts them as part of
/// a role description and the coder never starts a name with them.
const COURTESY_ABBREVIATIONS: &[&str] = &["mr", "mrs", "ms", "dr"];

/// True for `mr`, `mrs`, `ms`, `dr` exactly: lowercase and without a full
/// stop. (Callers that want `Dr.` too strip it first; the coder does not,
/// see its `mentions` module.)
pub fn is_courtesy_abbreviation(lower: &str) -> bool {
    COURTESY_ABBREVIATIONS.contains(&lower)
}

/// A word of a person description: a role head, a role modifier, or an
/// abbreviated courtesy title (`Mr`, `Dr.`). Any case.
pub fn is_role(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    // Only the courtesy titles are written with a full stop (`Dr.`): a
    // `minister.` is a sentence end the tokenizer left attached.
    if let Some(abbreviated) = w.strip_suffix('.') {
        return COURTESY_ABBREVIATIONS.contains(&abbreviated);
    }
    ROLE_HEADS.contains(&w.as_str())
        || ROLE_MODIFIERS.contains(&w.as_str())
        || COURTESY_ABBREVIATIONS.contains(&w.as_str())
}

/// A role noun that heads a person description (`the director`), not a
/// modifier or courtesy title that only occurs inside one.
pub fn is_role_head(word: &str) -> bool {
    ROLE_HEADS.contains(&word.to_ascii_lowercase().as_str())
}

/// Collective or institutional sources that speak without a person's name
/// (`officials said`, `the ministry said`): attribution makes them a named
/// source, not a speaker, and never a person.
const COLLECTIVES: &[&str] = &[
    "media",
    "activists",
    "officials",
    "sources",
    "witnesses",
    "residents",
    "observatory",
    "ministry",
    "agency",
    "government",
    "army",
    "military",
    "police",
    "group",
    "organization",
    "organisation",
    "office",
    "council",
    "committee",
    "news",
    "television",
    "tv",
    "radio",
    "times",
    "post",
    "journal",
    "press",
    "coalition",
    "rebels",
    "opposition",
    "doctors",
    "medics",
    "authorities",
    "spokesmen",
    "statement",
    "report",
    "reports",
    "un",
    "nations",
    "kremlin",
    "pentagon",
    "department",
    "service",
    "newspaper",
    "authority",
    "institute",
    "university",
    "centre",
    "center",
    "association",
    "union",
    "party",
    "board",
    "commission",
    "gazette",
    "herald",
];

/// True for a collective source word, any case.
pub fn is_collective(word: &str) -> bool {
    COLLECTIVES.contains(&word.to_ascii_lowercase().as_str())
}

/// Head nouns that end the names of organisations and armed groups
/// (`Islamic State`, `Syrian Democratic Forces`, `Nusra Front`), beyond the
/// collectives: a name ending in one is not a person, so `he`/`she` never
/// takes it as antecedent. Only the last word counts (`Secretary of State
/// John Kerry` ends in a surname).
const ORGANISATION_HEADS: &[&str] = &[
    "state",
    "forces",
    "front",
    "movement",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "units",
    "militia",
    "network",
    "alliance",
    "league",
    "church",
    "navy",
    "corps",
    "emirate",
    "caliphate",
    "company",
];

/// True for a word that, ending a name, makes it an organisation's: a
/// collective ([`is_collective`]) or an organisation head noun. Any case.
pub fn is_organisation_head(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    COLLECTIVES.contains(&w.as_str()) || ORGANISATION_HEADS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::well_formed;

    #[test]
    fn tables_are_well_formed() {
        well_formed("titles", TITLES.iter().map(|(t, _)| *t));
        well_formed("role heads", ROLE_HEADS.iter().copied());
        well_formed("role modifiers", ROLE_MODIFIERS.iter().copied());
        well_formed("collectives", COLLECTIVES.iter().copied());
        well_formed("organisation heads", ORGANISATION_HEADS.iter().copied());
        assert!(is_organisation_head("State") && is_organisation_head("Forces"));
        assert!(is_organisation_head("ministry") && !is_organisation_head("Kerry"));
        for w in ROLE_MODIFIERS {
            assert!(!ROLE_HEADS.contains(w), "{w} is a head and a modifier");
        }
        for w in COURTESY_ABBREVIATIONS {
            assert_eq!(title_class(w), Some(TitleClass::Courtesy), "{w}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(title_class("Dr."), Some(TitleClass::Courtesy));
        assert_eq!(title_class("PRESIDENT"), Some(TitleClass::Office));
        assert_eq!(title_class("Sgt."), Some(TitleClass::Rank));
        assert_eq!(title_class("Sheriff"), Some(TitleClass::Post));
        assert_eq!(title_class("Imam"), Some(TitleClass::Clergy));
        assert!(is_title("coach") && !is_title("Aleppo"));
    }

    #[test]
    fn roles() {
        assert!(is_role("Minister") && is_role("Dr.") && is_role("prime"));
        assert!(
            !is_role("minister."),
            "only courtesy titles take a full stop"
        );
        assert!(is_role_head("Minister") && !is_role_head("prime") && !is_role_head("dr"));
        assert!(is_collective("Officials") && !is_collective("official"));
        assert!(is_courtesy_abbreviation("mr") && !is_courtesy_abbreviation("mr."));
        assert!(!is_courtesy_abbreviation("Mr"), "takes a lowercased word");
    }
}
