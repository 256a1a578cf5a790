//! The vendored country and admin1 tables the GDELT and ACLED layouts need
//! (`data/output/`, built by `scripts/build-output-tables.py` from GeoNames;
//! provenance in `data/output/README.md`).
//!
//! Compiled into the crate with `include_str!` and parsed once on first use:
//! no file is read at run time. A malformed row is skipped (the tables are
//! checked by this module's tests, not at run time).

use std::collections::HashMap;
use std::sync::OnceLock;

static COUNTRIES_TSV: &str = include_str!("../../../data/output/countries.tsv");
static ADMIN1_TSV: &str = include_str!("../../../data/output/admin1.tsv");

/// One country of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (`SY`).
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3, which is also the CAMEO country code (`SYR`).
    pub iso3: &'static str,
    /// ISO 3166-1 numeric (`760`); Kosovo, which has none, is 0 as in ACLED.
    pub numeric: u16,
    /// FIPS 10-4 country code as GDELT uses it (`SY`; `""` for the few
    /// territories FIPS does not list).
    pub fips: &'static str,
    /// GeoNames English name (`Syria`).
    pub name: &'static str,
    /// ACLED region (`Middle East`).
    pub region: &'static str,
    /// Country centre point, when known.
    pub centre: Option<(f64, f64)>,
}

struct Tables {
    by_iso2: HashMap<&'static str, Country>,
    iso3_to_iso2: HashMap<&'static str, &'static str>,
    admin1: HashMap<(&'static str, &'static str), &'static str>,
}

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut by_iso2 = HashMap::new();
        let mut iso3_to_iso2 = HashMap::new();
        for f in rows(COUNTRIES_TSV) {
            let [iso2, iso3, numeric, fips, name, _continent, region, lat, lon] = f[..] else {
                continue;
            };
            let centre = match (lat.parse::<f64>(), lon.parse::<f64>()) {
                (Ok(a), Ok(b)) => Some((a, b)),
                _ => None,
            };
            by_iso2.insert(
                iso2,
                Country {
                    iso2,
                    iso3,
                    numeric: numeric.parse().unwrap_or(0),
                    fips,
                    name,
                    region,
                    centre,
                },
            );
            iso3_to_iso2.insert(iso3, iso2);
        }
        let admin1 = rows(ADMIN1_TSV)
            .filter_map(|f| match f[..] {
                [cc, code, name] => Some(((cc, code), name)),
                _ => None,
            })
            .collect();
        Tables {
            by_iso2,
            iso3_to_iso2,
            admin1,
        }
    })
}

/// The country with ISO alpha-2 code `iso2`.
pub fn country(iso2: &str) -> Option<&'static Country> {
    tables().by_iso2.get(iso2)
}

/// The country whose ISO alpha-3 (CAMEO) code is `iso3`.
pub fn country_of_iso3(iso3: &str) -> Option<&'static Country> {
    let t = tables();
    t.iso3_to_iso2.get(iso3).and_then(|c| t.by_iso2.get(c))
}

/// The GeoNames name of admin1 area `code` of country `iso2` (`SY`, `09` → `Ḩalab`).
pub fn admin1_name(iso2: &str, code: &str) -> Option<&'static str> {
    tables().admin1.get(&(iso2, code)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_codes_differ_from_iso_where_gdelt_readers_would_misread_them() {
        // The cases issue 15 names: ISO PS is FIPS Palau, AU is FIPS Austria, CH
        // is FIPS China. The FIPS column keeps them apart.
        assert_eq!(country("PS").unwrap().fips, "WE");
        assert_eq!(country("AU").unwrap().fips, "AS");
        assert_eq!(country("CH").unwrap().fips, "SZ");
        assert_eq!(country("US").unwrap().fips, "US");
        assert_eq!(country("SY").unwrap().fips, "SY");
        assert_eq!(country("XK").unwrap().numeric, 0);
    }

    #[test]
    fn tables_are_complete_enough_to_rely_on() {
        let t = tables();
        assert!(t.by_iso2.len() >= 250, "{}", t.by_iso2.len());
        assert!(t.admin1.len() >= 3500, "{}", t.admin1.len());
        for c in t.by_iso2.values() {
            assert_eq!(c.iso2.len(), 2, "{c:?}");
            assert_eq!(c.iso3.len(), 3, "{c:?}");
            assert!(!c.name.is_empty() && !c.region.is_empty(), "{c:?}");
            assert!(c.fips.is_empty() || c.fips.len() == 2, "{c:?}");
        }
        let syria = country_of_iso3("SYR").unwrap();
        assert_eq!(
            (syria.name, syria.region, syria.numeric),
            ("Syria", "Middle East", 760)
        );
        assert!(syria.centre.is_some());
        assert_eq!(admin1_name("US", "TX"), Some("Texas"));
        assert_eq!(admin1_name("SY", "09"), Some("Ḩalab"));
    }
}
