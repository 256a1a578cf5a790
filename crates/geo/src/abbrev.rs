//! US state abbreviations as written after a city in American news:
//! AP style (`Kan.`, `N.Y.`, `Calif.`) and USPS codes (`KS`, `NY`).
//!
//! They are not indexed as gazetteer names because many are common words or
//! titles (`Miss.`, `Ill.`, `La`, `Wash.`): recognition only reads them in the
//! `City, Abbrev.` pattern, where they can mean nothing else. GeoNames' admin1
//! codes for US states are the USPS codes, so the value is the admin1 code.

/// AP style abbreviations (with their full stops) → USPS code.
#[rustfmt::skip]
const AP: &[(&str, &str)] = &[
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Cal.", "CA"),
    ("Colo.", "CO"), ("Conn.", "CT"), ("Del.", "DE"), ("D.C.", "DC"), ("Fla.", "FL"),
    ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"), ("Kans.", "KS"),
    ("Ky.", "KY"), ("La.", "LA"), ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"),
    ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"), ("Mont.", "MT"), ("Neb.", "NE"),
    ("Nebr.", "NE"), ("Nev.", "NV"), ("N.H.", "NH"), ("N.J.", "NJ"), ("N.M.", "NM"),
    ("N.Y.", "NY"), ("N.C.", "NC"), ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"),
    ("Oreg.", "OR"), ("Pa.", "PA"), ("Penn.", "PA"), ("R.I.", "RI"), ("S.C.", "SC"),
    ("S.D.", "SD"), ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"), ("Va.", "VA"),
    ("Wash.", "WA"), ("W.Va.", "WV"), ("W. Va.", "WV"), ("Wis.", "WI"), ("Wisc.", "WI"),
    ("Wyo.", "WY"),
];

/// USPS codes of the states, DC and territories.
#[rustfmt::skip]
const USPS: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
];

/// The USPS code (= GeoNames admin1 code) of a state abbreviation token
/// (`Kan.` or `KS` → `KS`); `None` for anything else. Public for scorers that
/// build toponyms from gold spans (oracle recognition).
pub fn us_state(token: &str) -> Option<&'static str> {
    if let Some(&(_, code)) = AP.iter().find(|(a, _)| *a == token) {
        return Some(code);
    }
    USPS.iter().find(|c| **c == token).copied()
}

/// Short capitals that name places in English news, by index key (stops
/// removed), with the ISO code of the country they stand for (`None`: a
/// city, resolved by the gazetteer's codes). Every other short all-capital
/// word is read as an acronym (`IS`, `SDF`, `TV`, `UN`, `AP`), even when it
/// is some country's ISO code (`IS` Iceland, `TV` Tuvalu).
#[rustfmt::skip]
const PLACE_ABBREVIATIONS: &[(&str, Option<&str>)] = &[
    ("us", Some("US")), ("usa", Some("US")), ("uk", Some("GB")), ("gb", Some("GB")),
    ("uae", Some("AE")), ("drc", Some("CD")), ("prc", Some("CN")), ("rok", Some("KR")),
    ("dprk", Some("KP")), ("ksa", Some("SA")), ("nyc", None), ("dc", None),
];

/// Whether a short all-capital word (as an index key: `U.S.` → `us`) is a
/// known place abbreviation; `Some(Some(iso))` when it stands for a country.
pub fn place_abbreviation(key: &str) -> Option<Option<&'static str>> {
    PLACE_ABBREVIATIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|&(_, iso)| iso)
}

#[cfg(test)]
mod tests {
    use super::{place_abbreviation, us_state};

    #[test]
    fn place_abbreviations() {
        assert_eq!(place_abbreviation("uae"), Some(Some("AE")));
        assert_eq!(place_abbreviation("nyc"), Some(None));
        assert_eq!(place_abbreviation("is"), None);
        assert_eq!(place_abbreviation("tv"), None);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(us_state("Kan."), Some("KS"));
        assert_eq!(us_state("N.Y."), Some("NY"));
        assert_eq!(us_state("TX"), Some("TX"));
        assert_eq!(us_state("Kan"), None);
        assert_eq!(us_state("Miss"), None);
    }
}
