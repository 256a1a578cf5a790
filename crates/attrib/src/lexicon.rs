//! Word lists: speech verbs, role nouns, collective sources, number words.
//!
//! Lists hold lowercase surface forms so attribution works even when the
//! lemmatizer has not run or guessed wrong; each inflected form maps to its lemma.

/// Speech and claim verbs, every inflection → lemma. Kept as one sorted table so
/// a lookup is a binary search.
const SPEECH: &[(&str, &str)] = &[
    ("accuse", "accuse"),
    ("accused", "accuse"),
    ("accuses", "accuse"),
    ("accusing", "accuse"),
    ("add", "add"),
    ("added", "add"),
    ("adding", "add"),
    ("adds", "add"),
    ("admit", "admit"),
    ("admits", "admit"),
    ("admitted", "admit"),
    ("allege", "allege"),
    ("alleged", "allege"),
    ("alleges", "allege"),
    ("alleging", "allege"),
    ("announce", "announce"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("announcing", "announce"),
    ("argue", "argue"),
    ("argued", "argue"),
    ("argues", "argue"),
    ("assert", "assert"),
    ("asserted", "assert"),
    ("asserts", "assert"),
    ("claim", "claim"),
    ("claimed", "claim"),
    ("claiming", "claim"),
    ("claims", "claim"),
    ("comment", "comment"),
    ("commented", "comment"),
    ("confirm", "confirm"),
    ("confirmed", "confirm"),
    ("confirming", "confirm"),
    ("confirms", "confirm"),
    ("declare", "declare"),
    ("declared", "declare"),
    ("declares", "declare"),
    ("declaring", "declare"),
    ("denied", "deny"),
    ("denies", "deny"),
    ("deny", "deny"),
    ("denying", "deny"),
    ("estimate", "estimate"),
    ("estimated", "estimate"),
    ("estimates", "estimate"),
    ("explain", "explain"),
    ("explained", "explain"),
    ("explaining", "explain"),
    ("explains", "explain"),
    ("insist", "insist"),
    ("insisted", "insist"),
    ("insisting", "insist"),
    ("insists", "insist"),
    ("maintain", "maintain"),
    ("maintained", "maintain"),
    ("note", "note"),
    ("noted", "note"),
    ("notes", "note"),
    ("noting", "note"),
    ("reiterate", "reiterate"),
    ("reiterated", "reiterate"),
    ("remark", "remark"),
    ("remarked", "remark"),
    ("replied", "reply"),
    ("reply", "reply"),
    ("report", "report"),
    ("reported", "report"),
    ("reporting", "report"),
    ("reports", "report"),
    ("said", "say"),
    ("say", "say"),
    ("saying", "say"),
    ("says", "say"),
    ("state", "state"),
    ("stated", "state"),
    ("states", "state"),
    ("stating", "state"),
    ("stress", "stress"),
    ("stressed", "stress"),
    ("stresses", "stress"),
    ("stressing", "stress"),
    ("suggest", "suggest"),
    ("suggested", "suggest"),
    ("suggests", "suggest"),
    ("tell", "tell"),
    ("telling", "tell"),
    ("tells", "tell"),
    ("told", "tell"),
    ("tweet", "tweet"),
    ("tweeted", "tweet"),
    ("tweeting", "tweet"),
    ("tweets", "tweet"),
    ("warn", "warn"),
    ("warned", "warn"),
    ("warning", "warn"),
    ("warns", "warn"),
    ("write", "write"),
    ("writes", "write"),
    ("wrote", "write"),
];

/// The lemma of a speech verb form (`stressed` → `stress`), if it is one.
pub fn speech_lemma(word: &str) -> Option<&'static str> {
    let w = word.to_ascii_lowercase();
    SPEECH
        .binary_search_by(|(f, _)| (*f).cmp(w.as_str()))
        .ok()
        .map(|i| SPEECH[i].1)
}

/// Nouns that name a speech act, for light-verb cues (`made the announcement`,
/// `issued a statement`) → the lemma reported as the cue's.
pub fn speech_noun_lemma(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "announcement" => "announce",
        "statement" => "state",
        "claim" => "claim",
        "warning" => "warn",
        "remarks" | "comments" => "say",
        _ => return None,
    })
}

/// Role and title nouns: they describe a person (`minister`, `director`).
pub fn is_role(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "minister"
            | "president"
            | "director"
            | "chief"
            | "head"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "general"
            | "commander"
            | "ambassador"
            | "envoy"
            | "official"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "governor"
            | "mayor"
            | "premier"
            | "prime"
            | "foreign"
            | "defence"
            | "defense"
            | "deputy"
            | "senator"
            | "king"
            | "queen"
            | "prince"
            | "colonel"
            | "captain"
            | "lieutenant"
            | "major"
            | "sheikh"
            | "founder"
            | "analyst"
            | "professor"
            | "dr"
            | "dr."
            | "mr"
            | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "witness"
            | "resident"
            | "doctor"
            | "correspondent"
            | "reporter"
            | "editor"
            | "ceo"
            | "coordinator"
            | "representative"
            | "manager"
            | "officer"
            | "activist"
            | "expert"
            | "administrator"
            | "co-founder"
            | "researcher"
            | "member"
            | "mp"
            | "lawyer"
            | "judge"
    )
}

/// Role nouns that are the head of a person description (`the director`), as
/// opposed to modifiers that only occur inside titles (`foreign`, `prime`).
pub fn is_role_head(word: &str) -> bool {
    is_role(word)
        && !matches!(
            word.to_ascii_lowercase().as_str(),
            "prime"
                | "foreign"
                | "defence"
                | "defense"
                | "deputy"
                | "general"
                | "mr"
                | "mr."
                | "mrs"
                | "mrs."
                | "ms"
                | "ms."
                | "dr"
                | "dr."
        )
}

/// Collective or institutional sources that speak without a person's name:
/// they make a `NamedSource`, not a `Speaker`.
pub fn is_collective(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "media"
            | "activists"
            | "officials"
            | "sources"
            | "witnesses"
            | "residents"
            | "observatory"
            | "ministry"
            | "agency"
            | "government"
            | "army"
            | "military"
            | "police"
            | "group"
            | "organization"
            | "organisation"
            | "office"
            | "council"
            | "committee"
            | "news"
            | "television"
            | "tv"
            | "radio"
            | "times"
            | "post"
            | "journal"
            | "press"
            | "coalition"
            | "rebels"
            | "opposition"
            | "doctors"
            | "medics"
            | "authorities"
            | "spokesmen"
            | "statement"
            | "report"
            | "reports"
            | "un"
            | "nations"
            | "kremlin"
            | "pentagon"
            | "department"
            | "service"
            | "newspaper"
            | "authority"
            | "institute"
            | "university"
            | "centre"
            | "center"
            | "association"
            | "union"
            | "party"
            | "board"
            | "commission"
            | "gazette"
            | "herald"
    )
}

/// Known wire agencies, as written in credits (`(Reuters)`, `AFP`).
pub fn agency_name(word: &str) -> Option<&'static str> {
    Some(match word {
        "Reuters" | "REUTERS" => "Reuters",
        "AFP" => "AFP",
        "AP" => "AP",
        "TASS" | "ITAR-TASS" => "TASS",
        "RIA" => "RIA Novosti",
        "Interfax" => "Interfax",
        "Xinhua" => "Xinhua",
        "SANA" => "SANA",
        "IRNA" => "IRNA",
        "Anadolu" => "Anadolu",
        "DPA" | "dpa" => "DPA",
        "UPI" => "UPI",
        "EFE" => "EFE",
        _ => return None,
    })
}

/// Value of a number word up to the tens (`seven` → 7, `twenty` → 20).
pub fn small_number(word: &str) -> Option<u64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "zero" => 0,
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Multipliers written as words.
pub fn multiplier(word: &str) -> Option<u64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_table_is_sorted_and_found() {
        assert!(SPEECH.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(speech_lemma("Stressed"), Some("stress"));
        assert_eq!(speech_lemma("told"), Some("tell"));
        assert_eq!(speech_lemma("killed"), None);
    }
}
