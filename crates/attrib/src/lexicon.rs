//! Attribution's own word lists: speech nouns of light-verb cues, wire
//! agencies, number words.
//!
//! The vocabulary other stages share (speech verbs and their forms, roles,
//! titles, collectives) is in `sitrep_lexicon`.

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
    fn speech_nouns_name_cue_lemmas() {
        // The noun's lemma is reported as a cue's, so it must be a cue verb.
        for noun in [
            "announcement",
            "statement",
            "claim",
            "warning",
            "remarks",
            "comments",
        ] {
            let lemma = speech_noun_lemma(noun);
            let class = lemma.and_then(sitrep_lexicon::speech_class);
            assert!(
                class.is_some_and(sitrep_lexicon::SpeechClass::cues_quote),
                "{noun}"
            );
        }
    }
}
