//! The means of violence: words naming a weapon or a kind of attack, by the
//! CAMEO code the means refines a violent act to.
//!
//! CAMEO (Schrodt 2012, codebook v1.1b3) splits its violent roots by means:
//! 183 "conduct suicide, car, or other non-military bombing" (1831 suicide,
//! 1832 vehicular, 1833 roadside bombing), 193 "fight with small arms and
//! light weapons", 194 "fight with artillery and tanks", 195 "employ aerial
//! weapons" (1952 remotely piloted aerial munitions), 2041 "use chemical,
//! biological, or radiological weapons". CAMEO 2.0's own verb dictionary
//! codes the same way from words beside the verb (`SHELLING * [194]`, `{AIR
//! STRIKE} * [195]`, `{SUICIDE &WEAPON} * [1831]`, `{&CAR &WEAPON} *
//! [1832]`); PLOVER keeps the means as the ASSAULT mode (`firearms`,
//! `heavy-weapons`, `explosives`, `suicide-attack`, `unconventional`).
//!
//! A means is read from one word, or from two adjacent words where the first
//! alone says nothing (`car bomb`, `air strike`); [`means_of`] answers both.

/// A means of violence, most specific first in [`Means::rank`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Means {
    /// Chemical, biological or radiological agents: CAMEO 2041.
    Cbr,
    /// A suicide attack or bomber: CAMEO 1831.
    SuicideBombing,
    /// A car, truck or other vehicle bomb: CAMEO 1832.
    VehicleBombing,
    /// A roadside bomb or improvised explosive device: CAMEO 1833.
    RoadsideBombing,
    /// Remotely piloted aircraft: CAMEO 1952.
    Drone,
    /// Aircraft, air strikes, barrel bombs: CAMEO 195.
    Aerial,
    /// Shelling, artillery, mortars, rockets, tanks: CAMEO 194.
    Artillery,
    /// Bombs and explosives not said to be dropped from the air: CAMEO 183.
    Bombing,
    /// Guns and gunfire: CAMEO 193.
    Firearms,
}

impl Means {
    /// The CAMEO code this means gives a violent act.
    pub fn cameo(self) -> &'static str {
        match self {
            Means::Cbr => "2041",
            Means::SuicideBombing => "1831",
            Means::VehicleBombing => "1832",
            Means::RoadsideBombing => "1833",
            Means::Drone => "1952",
            Means::Aerial => "195",
            Means::Artillery => "194",
            Means::Bombing => "183",
            Means::Firearms => "193",
        }
    }

    /// Precedence when a clause names several means (`helicopters dropped
    /// barrels of chlorine`: the chlorine is what CAMEO codes; `a suicide
    /// car bomb`: suicide): lower wins.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

/// Single words (lowercase) and their means.
const WORDS: &[(&str, Means)] = {
    use Means::*;
    &[
        ("chlorine", Cbr),
        ("sarin", Cbr),
        ("tabun", Cbr),
        ("vx", Cbr),
        ("novichok", Cbr),
        ("ricin", Cbr),
        ("anthrax", Cbr),
        ("chemical", Cbr),
        ("chemicals", Cbr),
        ("suicide", SuicideBombing),
        ("carbomb", VehicleBombing),
        ("vbied", VehicleBombing),
        ("ied", RoadsideBombing),
        ("ieds", RoadsideBombing),
        ("roadside", RoadsideBombing),
        ("drone", Drone),
        ("drones", Drone),
        ("airstrike", Aerial),
        ("airstrikes", Aerial),
        ("air-strike", Aerial),
        ("air-strikes", Aerial),
        ("airstrike-hit", Aerial),
        ("warplane", Aerial),
        ("warplanes", Aerial),
        ("jets", Aerial),
        ("helicopter", Aerial),
        ("helicopters", Aerial),
        ("gunship", Aerial),
        ("gunships", Aerial),
        ("aircraft", Aerial),
        ("aerial", Aerial),
        ("bombard", Artillery),
        ("bombarded", Artillery),
        ("bombardment", Artillery),
        ("bombardments", Artillery),
        ("shell", Artillery),
        ("shells", Artillery),
        ("shelled", Artillery),
        ("shelling", Artillery),
        ("artillery", Artillery),
        ("mortar", Artillery),
        ("mortars", Artillery),
        ("howitzer", Artillery),
        ("howitzers", Artillery),
        ("rocket", Artillery),
        ("rockets", Artillery),
        ("katyusha", Artillery),
        ("tank", Artillery),
        ("tanks", Artillery),
        ("bomb", Bombing),
        ("bombs", Bombing),
        ("bombing", Bombing),
        ("bombings", Bombing),
        ("explosive", Bombing),
        ("explosives", Bombing),
        ("grenade", Bombing),
        ("grenades", Bombing),
        ("gunfire", Firearms),
        ("gunman", Firearms),
        ("gunmen", Firearms),
        ("gun", Firearms),
        ("guns", Firearms),
        ("rifle", Firearms),
        ("rifles", Firearms),
        ("sniper", Firearms),
        ("snipers", Firearms),
        ("bullet", Firearms),
        ("bullets", Firearms),
        ("firearm", Firearms),
        ("firearms", Firearms),
        ("shooting", Firearms),
        ("shot", Firearms),
    ]
};

/// Two-word means (`car bomb`, `air strike`): first word, second word.
const PAIRS: &[(&str, &str, Means)] = {
    use Means::*;
    &[
        ("nerve", "agent", Cbr),
        ("nerve", "gas", Cbr),
        ("mustard", "gas", Cbr),
        ("poison", "gas", Cbr),
        ("toxic", "gas", Cbr),
        ("car", "bomb", VehicleBombing),
        ("car", "bombs", VehicleBombing),
        ("car", "bombing", VehicleBombing),
        ("truck", "bomb", VehicleBombing),
        ("truck", "bombing", VehicleBombing),
        ("vehicle", "bomb", VehicleBombing),
        ("air", "strike", Aerial),
        ("air", "strikes", Aerial),
        ("air", "raid", Aerial),
        ("air", "raids", Aerial),
        ("air", "attack", Aerial),
        ("air", "attacks", Aerial),
        ("bombing", "raid", Aerial),
        ("bombing", "raids", Aerial),
        ("barrel", "bomb", Aerial),
        ("barrel", "bombs", Aerial),
        ("fighter", "jets", Aerial),
        ("tank", "fire", Artillery),
        ("heavy", "weapons", Artillery),
        ("opened", "fire", Firearms),
        ("open", "fire", Firearms),
    ]
};

/// The means named by `word` (lowercase), read as the second of a pair
/// when `previous` (the word before it, lowercase) makes one: `bomb` after
/// `car` is a vehicle bombing, after nothing a bombing.
pub fn means_of(previous: Option<&str>, word: &str) -> Option<Means> {
    if let Some(p) = previous {
        if let Some(&(_, _, m)) = PAIRS.iter().find(|&&(a, b, _)| a == p && b == word) {
            return Some(m);
        }
    }
    WORDS.iter().find(|&&(w, _)| w == word).map(|&(_, m)| m)
}

/// Nouns naming an attack or its instrument (`rocket`, `strike`, `blast`;
/// not `fire`, which as often burns a house down):
/// as the subject of a killing (`A rocket fired by rebels killed ...`) or
/// its cause (`killed in air strikes`) they are no actor, and the actor is
/// whoever the phrase names as firing or carrying it out. Lowercase.
pub fn is_attack_noun(word: &str) -> bool {
    ATTACK_NOUNS.binary_search(&word).is_ok()
}

/// Sorted (checked by a test).
const ATTACK_NOUNS: &[&str] = &[
    "airstrike",
    "airstrikes",
    "ambush",
    "assault",
    "attack",
    "attacks",
    "blast",
    "blasts",
    "bomb",
    "bombardment",
    "bombing",
    "bombings",
    "bombs",
    "bullet",
    "bullets",
    "explosion",
    "explosions",
    "grenade",
    "gunfire",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "offensive",
    "raid",
    "raids",
    "rocket",
    "rockets",
    "shell",
    "shelling",
    "shells",
    "shot",
    "shots",
    "strike",
    "strikes",
];

/// Nouns naming a fight between two sides (`clashes between police and
/// protesters`): a symmetric act, whose parties are named in a `between`
/// or `with` phrase. Lowercase.
pub fn is_clash_noun(word: &str) -> bool {
    matches!(
        word,
        "clash"
            | "clashes"
            | "fighting"
            | "battle"
            | "battles"
            | "skirmish"
            | "skirmishes"
            | "firefight"
            | "gunbattle"
            | "gunfight"
            | "confrontation"
            | "confrontations"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_well_formed() {
        crate::check::well_formed("means", WORDS.iter().map(|&(w, _)| w));
        crate::check::well_formed("attack nouns", ATTACK_NOUNS.iter().copied());
        let mut sorted = ATTACK_NOUNS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ATTACK_NOUNS);
    }

    #[test]
    fn a_pair_beats_its_second_word() {
        assert_eq!(means_of(Some("car"), "bomb"), Some(Means::VehicleBombing));
        assert_eq!(means_of(Some("a"), "bomb"), Some(Means::Bombing));
        assert_eq!(means_of(Some("air"), "strikes"), Some(Means::Aerial));
        assert_eq!(means_of(None, "strikes"), None);
        assert_eq!(means_of(None, "sarin").map(Means::cameo), Some("2041"));
    }
}
