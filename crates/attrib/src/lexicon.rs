//! Attribution's own word lists: speech nouns of light-verb cues, wire
//! agencies, number words, the causes of harm and the words of cumulative
//! tolls.
//!
//! The vocabulary other stages share (speech verbs and their forms, roles,
//! titles, collectives) is in `sitrep_lexicon`.

use crate::tok::Lower;

/// Nouns that name a speech act, for light-verb cues (`made the announcement`,
/// `issued a statement`) → the lemma reported as the cue's.
pub fn speech_noun_lemma(word: &str) -> Option<&'static str> {
    Some(match Lower::new(word).as_str() {
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
    Some(match Lower::new(word).as_str() {
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
    Some(match Lower::new(word).as_str() {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// What a word says about the cause of a harm, for [`crate::casualty`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Harm {
    /// Weapons, attacks and fighting: `bomb`, `air strike`, `shelling`,
    /// `gunmen`, `clashes`, `massacre`.
    Violent,
    /// Causes with no violence: crashes and wrecks, natural hazards, fires,
    /// collapses, crowd crushes, disease, heat.
    NonViolent,
}

/// The cause a word names, if any. Context the word alone cannot settle
/// (`a fire` vs. `opened fire`, `gas explosion`) is the caller's.
pub fn harm_word(word: &str) -> Option<Harm> {
    use Harm::*;
    Some(match Lower::new(word).as_str() {
        "bomb" | "bombs" | "bombing" | "bombings" | "bomber" | "bombers" | "bombed" | "blast"
        | "blasts" | "explosion" | "explosions" | "explosive" | "explosives" | "ied" | "ieds"
        | "strike" | "strikes" | "airstrike" | "airstrikes" | "air-strike" | "raid" | "raids"
        | "attack" | "attacks" | "attacked" | "shelling" | "shelled" | "shell" | "shells"
        | "mortar" | "mortars" | "rocket" | "rockets" | "missile" | "missiles" | "artillery"
        | "bombardment" | "drone" | "drones" | "grenade" | "grenades" | "landmine"
        | "landmines" | "gunmen" | "gunman" | "gunfire" | "gunfight" | "gunshot" | "gunshots"
        | "shooting" | "shootings" | "sniper" | "snipers" | "bullets" | "ambush" | "ambushed"
        | "clashes" | "clashed" | "clash" | "fighting" | "battle" | "battles" | "offensive"
        | "assault" | "massacre" | "massacred" | "executed" | "execution" | "executions"
        | "murder" | "murdered" | "stabbing" | "stabbed" | "beheaded" | "assassinated"
        | "lynched" | "suicide" | "war" | "insurgency" | "genocide" | "violence" | "militia"
        | "abducted" | "abduction" | "kidnapped" | "kidnapping" | "shot" | "slain" | "torture"
        | "tortured" => Violent,
        "crash" | "crashes" | "crashed" | "collision" | "collided" | "accident" | "accidents"
        | "derailed" | "derailment" | "plunged" | "capsized" | "sank" | "shipwreck" | "drowned"
        | "drowning" | "flood" | "floods" | "flooding" | "flooded" | "floodwaters" | "rains"
        | "monsoon" | "storm" | "storms" | "cyclone" | "hurricane" | "typhoon" | "tornado"
        | "earthquake" | "quake" | "tsunami" | "landslide" | "landslides" | "mudslide"
        | "mudslides" | "avalanche" | "eruption" | "wildfire" | "wildfires" | "bushfire"
        | "bushfires" | "blaze" | "stampede" | "crush" | "collapse" | "collapsed"
        | "collapsing" | "heatwave" | "heatstroke" | "cholera" | "disease" | "virus"
        | "outbreak" | "epidemic" | "pandemic" | "covid" | "covid-19" | "ebola" | "measles"
        | "malaria" | "famine" | "starvation" | "roads" | "road" | "traffic" | "overdose"
        | "overdoses" => NonViolent,
        _ => return None,
    })
}

/// Nouns of a long-running conflict or crisis: a toll given for one (`the war
/// has killed`, `killed in the genocide`) is cumulative, not an incident's.
pub fn is_period_noun(word: &str) -> bool {
    matches!(
        Lower::new(word).as_str(),
        "war"
            | "conflict"
            | "insurgency"
            | "uprising"
            | "revolution"
            | "genocide"
            | "pandemic"
            | "epidemic"
    )
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
