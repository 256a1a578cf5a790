//! CAMEO actor codes split into their parts, as GDELT's actor columns hold them.
//!
//! A CAMEO actor code is a run of three-letter chunks (CAMEO manual, chapter on
//! actor codes): a country or region (`SYR`, `MEA`), then role and sector types
//! (`GOV`, `MIL`, `REB`, `CVL`), religions (`MUS`, `SUN`), ethnic groups (`KUR`)
//! and, for organisations with a code of their own, that code (`UNO`, `ALQ`).
//! International actors start with their kind instead of a country (`IGO`, `NGO`,
//! `IMG`, `MNC`), which GDELT files as a *type*. The algorithm ([`split`]):
//!
//! 1. A code that is not a run of three-letter chunks of `A–Z` and `-` keeps
//!    only its full form; `---` stands for "no country".
//! 2. The first chunk is a type when it is one (`IGOUNO`), a religion or
//!    ethnic code when it is one and no ISO country code (`MUSREB`; but `SHN`
//!    is Saint Helena), else the country (any other chunk: CAMEO has country
//!    codes ISO lacks, such as `KSV`, `USR`, `YUG`).
//! 3. Every later chunk, in order, is the next type (up to three), else the
//!    next religion (up to two), else the ethnic code (the first), else the
//!    country when none is set yet and it is a country or region code
//!    (`IGOEUREEC` → country `EUR`), else — when a country is already set and
//!    it is one — a sub-national territory (`GBRFLK`) left in the full code only,
//!    else a known-group code. When several chunks are known groups the last,
//!    most specific one is kept (`IGOUNOKID`, UNICEF within the UN → `KID`).
//!
//! So `IMGMUSALQ` is type `IMG`, religion `MUS`, known group `ALQ`; `SYRGOVMIL`
//! is country `SYR`, types `GOV`, `MIL`.

use crate::tables;

/// CAMEO role and sector codes (GDELT's `Type` columns): the domestic roles,
/// the sectors, the international kinds and the few special codes (`MOD`,
/// `RAD`, `UIS`, `SET`). `PTY`, `REL` and `PPL` are used as roles by the
/// vendored Phoenix dictionaries (`SDNGOVPTY`, `NGOREL`; `PPL` is the agent
/// code of `people`, `men`, `persons`).
const TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", // roles
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
    "REF", "MOD", "RAD", "PTY", "REL", "PPL", // sectors
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "SET", // international, special
];

/// CAMEO religion codes, first and second level (`MUS` and its `SUN`/`SHI`,
/// `CHR` and its `CTH`/`PRO`/`ORT`...). `MOS` is the older Muslim code the
/// Phoenix dictionaries still give Islamic organisations (`NGOMOS`).
const RELIGIONS: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NRM", "ORT", "PAG", "PRO", "SFI",
    "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
];

/// CAMEO ethnic codes found in the vendored dictionaries and common in news
/// (Arab, Kurd, Uighur, Tamil, Pashtun, Baluch, Berber). Not the whole CAMEO
/// ethnic list: a code outside it reads as a known group.
const ETHNIC: &[&str] = &["ARB", "KUR", "UIG", "TAM", "PAS", "BAL", "BER"];

/// CAMEO region codes (not countries), CAMEO country codes that ISO 3166
/// lacks or has changed, and the territory codes the vendored dictionaries use
/// after a country (`PSEGZA` Gaza, `GBRIMY` Isle of Man, `IMGKASMUS` Kashmir);
/// with the ISO alpha-3 codes of the country table they are what a later chunk
/// may be read as a country (or territory) from, never a known group.
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU",
    "KSV", "TMP", "USR", "YUG", "DDR", "CSK", "ROM", "GZA", "IMY", "KAS",
];

/// The parts of one actor code (empty strings where the code has none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorParts {
    pub country: String,
    pub known_group: String,
    pub ethnic: String,
    pub religion: [String; 2],
    pub types: [String; 3],
}

impl ActorParts {
    /// Whether `t` is one of the code's types.
    pub fn has_type(&self, t: &str) -> bool {
        self.types.iter().any(|x| x == t)
    }
}

fn is_country_or_region(chunk: &str) -> bool {
    REGIONS.contains(&chunk) || tables::country_of_iso3(chunk).is_some()
}

/// Splits a CAMEO actor code (see the module docs for the algorithm).
pub fn split(code: &str) -> ActorParts {
    let mut p = ActorParts::default();
    let well_formed = !code.is_empty()
        && code.len().is_multiple_of(3)
        && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    if !well_formed {
        return p;
    }
    let (mut n_types, mut n_religions) = (0, 0);
    for (i, chunk) in code.as_bytes().chunks(3).enumerate() {
        // Chunks are ASCII (checked above), so this never fails.
        let chunk = std::str::from_utf8(chunk).unwrap_or_default();
        if chunk == "---" {
            continue;
        }
        if TYPES.contains(&chunk) {
            if n_types < 3 {
                p.types[n_types] = chunk.to_string();
                n_types += 1;
            }
            continue;
        }
        // In first position an ISO country code wins over a religion or
        // ethnic code of the same letters (`SHN` Saint Helena, not Shinto).
        let may_be_group = i > 0 || tables::country_of_iso3(chunk).is_none();
        if RELIGIONS.contains(&chunk) && may_be_group {
            if n_religions < 2 {
                p.religion[n_religions] = chunk.to_string();
                n_religions += 1;
            }
        } else if ETHNIC.contains(&chunk) && may_be_group && p.ethnic.is_empty() {
            p.ethnic = chunk.to_string();
        } else if i == 0 {
            p.country = chunk.to_string();
        } else if is_country_or_region(chunk) {
            if p.country.is_empty() {
                p.country = chunk.to_string();
            }
        } else {
            p.known_group = chunk.to_string();
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(code: &str) -> (String, String, String, Vec<String>, Vec<String>) {
        let p = split(code);
        let nonempty = |v: &[String]| v.iter().filter(|s| !s.is_empty()).cloned().collect();
        (
            p.country.clone(),
            p.known_group.clone(),
            p.ethnic.clone(),
            nonempty(&p.religion),
            nonempty(&p.types),
        )
    }

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn known_groups_religions_and_types_go_to_their_own_columns() {
        // Issue 15: `IMGMUSALQ` used to put ALQ in Type3.
        assert_eq!(
            parts("IMGMUSALQ"),
            ("".into(), "ALQ".into(), "".into(), v(&["MUS"]), v(&["IMG"]))
        );
        assert_eq!(
            parts("SYRGOVMIL"),
            (
                "SYR".into(),
                "".into(),
                "".into(),
                v(&[]),
                v(&["GOV", "MIL"])
            )
        );
        assert_eq!(
            parts("IGOUNO"),
            ("".into(), "UNO".into(), "".into(), v(&[]), v(&["IGO"]))
        );
        assert_eq!(
            parts("IGOEUREEC"),
            ("EUR".into(), "EEC".into(), "".into(), v(&[]), v(&["IGO"]))
        );
        assert_eq!(
            parts("NGOUSAARBMOS"),
            (
                "USA".into(),
                "".into(),
                "ARB".into(),
                v(&["MOS"]),
                v(&["NGO"])
            )
        );
        assert_eq!(parts("IGOUNOKID").1, "KID", "the most specific group");
        assert_eq!(
            parts("---UAF"),
            ("".into(), "".into(), "".into(), v(&[]), v(&["UAF"]))
        );
        assert_eq!(parts("USA").0, "USA");
        assert_eq!(parts("KSV").0, "KSV", "CAMEO country codes ISO lacks");
        assert_eq!(parts("GBRFLK").0, "GBR");
        assert_eq!(parts("GBRFLK").1, "", "a territory is not a group");
        assert_eq!(parts("PSEGZA").1, "");
        assert_eq!(
            parts("SHNGOV").0,
            "SHN",
            "first chunk: Saint Helena, not Shinto"
        );
    }

    #[test]
    fn malformed_codes_split_into_nothing() {
        for c in ["", "SY", "SYRG", "syr", "SY1GOV", "\"THE RIVER COUNCIL\""] {
            assert_eq!(split(c), ActorParts::default(), "{c}");
        }
    }
}
