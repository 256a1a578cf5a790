//! A loaded gazetteer and its queries.

use crate::error::Error;
use crate::format::{self, Record, COORD_SCALE, FLAG_APPROX, POSTING_LEN, RECORD_LEN};
use crate::normalize;
use crate::place::{Candidate, Place, PlaceId, PlaceKind};
use fst::{IntoStreamer, Streamer};
use std::path::{Path, PathBuf};

/// Path of the vendored gazetteer, relative to the workspace root.
pub const VENDORED_RELATIVE: &str = "data/geo/gazetteer.bin";

/// An in-memory gazetteer: entries, a name index and a demonym index.
///
/// Invariants (checked at load): every posting points at an existing entry, every
/// entry's coordinates are in range, entries are sorted by GeoNames id.
pub struct Gazetteer {
    records: Vec<Record>,
    strings: String,
    postings: Vec<Candidate>,
    names: fst::Map<Vec<u8>>,
    demonyms: fst::Map<Vec<u8>>,
    /// Folded keys ([`normalize::fold`]) → postings; `None` in version 1 files.
    folded: Option<fst::Map<Vec<u8>>>,
    /// `(iso2, place)` for every country entry, sorted by code.
    countries: Vec<([u8; 2], PlaceId)>,
    /// `(iso2, admin1 code, place)` for every first-order area, sorted.
    admin1s: Vec<([u8; 2], u32, PlaceId)>,
}

/// A multi-word name found by [`Gazetteer::longest_match`].
#[derive(Clone, Copy, Debug)]
pub struct NameMatch<'g> {
    /// Number of tokens the name spans, starting at the position asked for.
    pub len: usize,
    /// Every candidate of the matched tokens' folded key (a superset of
    /// `exact`, since an exact key folds into its folded key), biggest first;
    /// the exact candidates when the gazetteer has no folded index.
    pub candidates: &'g [Candidate],
    /// The candidates of the exact key; empty when the name matched only as a
    /// spelling variant (`Deir Ezzor`). The resolver scores a candidate not in
    /// here below one that is.
    pub exact: &'g [Candidate],
}

impl NameMatch<'_> {
    /// Matched only through the folded index.
    pub fn is_folded(&self) -> bool {
        self.exact.is_empty()
    }
}

impl Gazetteer {
    /// Loads a gazetteer file written by [`crate::build::Builder`].
    pub fn load(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        let path = path.as_ref();
        let file = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Gazetteer::from_bytes(path, &file)
    }

    /// Loads the gazetteer vendored with sitrep (`data/geo/gazetteer.bin` of the
    /// workspace). `SITREP_GAZETTEER` overrides the path, for installed binaries.
    ///
    /// The file is found at run time rather than embedded with `include_bytes!`:
    /// it is tens of megabytes, which would bloat every binary and test.
    pub fn vendored() -> Result<Gazetteer, Error> {
        let path = Gazetteer::vendored_path();
        if !path.exists() {
            return Err(Error::NoVendored { path });
        }
        Gazetteer::load(path)
    }

    /// Where [`Gazetteer::vendored`] looks.
    pub fn vendored_path() -> PathBuf {
        if let Some(p) = std::env::var_os("SITREP_GAZETTEER") {
            return PathBuf::from(p);
        }
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(VENDORED_RELATIVE)
    }

    /// Decodes a gazetteer from the bytes of a file (`path` is for messages).
    pub fn from_bytes(path: &Path, file: &[u8]) -> Result<Gazetteer, Error> {
        let body = format::read_body(path, file)?;
        let s = format::split_body(path, &body)?;
        let strings = std::str::from_utf8(s.strings)
            .map_err(|_| format::corrupt(path, "string table is not UTF-8"))?
            .to_string();
        let records: Vec<Record> = s
            .places
            .chunks_exact(RECORD_LEN)
            .map(Record::decode)
            .collect();
        let lat_max = (90.0 * COORD_SCALE) as i32;
        let lon_max = (180.0 * COORD_SCALE) as i32;
        for pair in records.windows(2) {
            if let [a, b] = pair {
                if a.geonameid >= b.geonameid {
                    return Err(format::corrupt(path, "entries not sorted by id"));
                }
            }
        }
        if records
            .iter()
            .any(|r| r.lat.abs() > lat_max || r.lon.abs() > lon_max)
        {
            return Err(format::corrupt(path, "coordinates out of range"));
        }
        let n = records.len() as u32;
        let mut postings = Vec::with_capacity(s.postings.len() / POSTING_LEN);
        for p in s.postings.chunks_exact(POSTING_LEN) {
            let place = format::u32_at(p, 0);
            if place >= n {
                return Err(format::corrupt(path, "posting points past the entries"));
            }
            let flags = p.get(4).copied().unwrap_or(0);
            postings.push(Candidate {
                place: PlaceId(place),
                flags,
            });
        }
        let fst_err = |source| Error::Fst {
            path: path.to_path_buf(),
            source,
        };
        let names = fst::Map::new(s.names.to_vec()).map_err(fst_err)?;
        let demonyms = fst::Map::new(s.demonyms.to_vec()).map_err(fst_err)?;
        let folded = if s.folded.is_empty() {
            None
        } else {
            Some(fst::Map::new(s.folded.to_vec()).map_err(fst_err)?)
        };
        let mut countries: Vec<([u8; 2], PlaceId)> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == PlaceKind::Country as u8)
            .map(|(i, r)| (r.country, PlaceId(i as u32)))
            .collect();
        countries.sort();
        let mut admin1s: Vec<([u8; 2], u32, PlaceId)> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == PlaceKind::Admin1 as u8)
            .map(|(i, r)| (r.country, r.admin1, PlaceId(i as u32)))
            .collect();
        admin1s.sort();
        let mut g = Gazetteer {
            records,
            strings,
            postings,
            names,
            demonyms,
            folded,
            countries,
            admin1s: Vec::new(),
        };
        // Sort by the code's text, not its string-table offset, so that
        // `admin1()` can binary-search by text.
        admin1s.sort_by(|a, b| (a.0, g.string(a.1)).cmp(&(b.0, g.string(b.1))));
        g.admin1s = admin1s;
        // Names' postings ranges are not checked here (that would walk the whole
        // index, a third of the load time): `posting_range` checks on each lookup.
        let mut stream = g.demonyms.stream();
        while let Some((_, v)) = stream.next() {
            if v >= u64::from(n) {
                return Err(format::corrupt(path, "demonym points past the entries"));
            }
        }
        Ok(g)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Number of distinct normalised names in the index.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Number of (name, entry) pairs in the index.
    pub fn posting_count(&self) -> usize {
        self.postings.len()
    }

    /// Number of demonyms.
    pub fn demonym_count(&self) -> usize {
        self.demonyms.len()
    }

    fn posting_range(&self, v: u64) -> Option<&[Candidate]> {
        let start = usize::try_from(v >> 32).ok()?;
        let len = usize::try_from(v & 0xffff_ffff).ok()?;
        self.postings.get(start..start.checked_add(len)?)
    }

    /// The candidates for a name, in any spelling that normalises to the same key
    /// (see [`crate::normalize`]); empty if unknown. Sorted biggest first.
    pub fn lookup(&self, name: &str) -> &[Candidate] {
        self.lookup_key(&normalize::key(name))
    }

    /// Like [`Gazetteer::lookup`] for an already normalised key.
    pub fn lookup_key(&self, key: &str) -> &[Candidate] {
        if key.is_empty() {
            return &[];
        }
        self.names
            .get(key)
            .and_then(|v| self.posting_range(v))
            .unwrap_or(&[])
    }

    /// The candidates of every name whose folded key ([`normalize::fold`]) is
    /// `folded` (`Raqa` meets `Ar Raqqah`); empty if none or the file has no
    /// folded index. Sorted biggest first.
    pub fn lookup_folded(&self, folded: &str) -> &[Candidate] {
        if folded.is_empty() {
            return &[];
        }
        self.folded
            .as_ref()
            .and_then(|m| m.get(folded))
            .and_then(|v| self.posting_range(v))
            .unwrap_or(&[])
    }

    /// [`Gazetteer::lookup`], falling back to the folded index: the
    /// candidates and whether they came from it.
    pub fn lookup_loose(&self, name: &str) -> (&[Candidate], bool) {
        let k = normalize::key(name);
        let exact = self.lookup_key(&k);
        if !exact.is_empty() {
            return (exact, false);
        }
        if !normalize::foldable(&k) {
            return (exact, false);
        }
        let f = self.lookup_folded(&normalize::fold(&k));
        (f, !f.is_empty())
    }

    /// The candidates of a name as places, biggest first.
    pub fn places<'g>(&'g self, name: &str) -> impl Iterator<Item = Place<'g>> + 'g {
        self.lookup(name).iter().map(move |c| self.place(c.place))
    }

    /// The entry behind an id from this gazetteer. An id from another gazetteer
    /// that is out of range yields an empty placeholder entry rather than a panic.
    pub fn place(&self, id: PlaceId) -> Place<'_> {
        let r = self.records.get(id.0 as usize).copied().unwrap_or_default();
        self.view(id, r)
    }

    fn view(&self, id: PlaceId, r: Record) -> Place<'_> {
        Place {
            id,
            geonameid: r.geonameid,
            name: self.string(r.name),
            ascii_name: self.string(r.ascii),
            lat: f64::from(r.lat) / COORD_SCALE,
            lon: f64::from(r.lon) / COORD_SCALE,
            kind: PlaceKind::from_u8(r.kind),
            feature_class: char::from(r.class),
            feature_code: self.string(r.code),
            country: self
                .records
                .get(id.0 as usize)
                .and_then(|r| std::str::from_utf8(&r.country).ok())
                .unwrap_or(""),
            admin1: self.string(r.admin1),
            population: u64::from(r.population),
            approximate: r.flags & FLAG_APPROX != 0,
        }
    }

    fn string(&self, off: u32) -> &str {
        let rest = self.strings.get(off as usize..).unwrap_or("");
        rest.split('\0').next().unwrap_or("")
    }

    /// The entry with a GeoNames id.
    pub fn get(&self, geonameid: u32) -> Option<Place<'_>> {
        let i = self
            .records
            .binary_search_by_key(&geonameid, |r| r.geonameid)
            .ok()?;
        Some(self.place(PlaceId(i as u32)))
    }

    /// The country entry for an ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<Place<'_>> {
        let b = iso2.as_bytes();
        let code = match b {
            [a, c] => [a.to_ascii_uppercase(), c.to_ascii_uppercase()],
            _ => return None,
        };
        let i = self
            .countries
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()?;
        self.countries.get(i).map(|&(_, id)| self.place(id))
    }

    /// The first-order admin area with a GeoNames admin1 code in a country
    /// (`("SY", "09")` → Aleppo governorate): the context a city sits in.
    pub fn admin1(&self, iso2: &str, admin1: &str) -> Option<Place<'_>> {
        let code = match iso2.as_bytes() {
            [a, c] => [a.to_ascii_uppercase(), c.to_ascii_uppercase()],
            _ => return None,
        };
        let i = self
            .admin1s
            .binary_search_by(|(c, a, _)| (*c, self.string(*a)).cmp(&(code, admin1)))
            .ok()?;
        self.admin1s.get(i).map(|&(_, _, id)| self.place(id))
    }

    /// All country entries, by ISO code.
    pub fn countries(&self) -> impl Iterator<Item = Place<'_>> + '_ {
        self.countries.iter().map(|&(_, id)| self.place(id))
    }

    /// The country a demonym or adjective refers to (`Syrian`, `syrians` → SY).
    /// A plural `-s` is tried when the word itself is not known. Demonyms are a
    /// separate index because they are evidence of a country in the text, not
    /// mentions of a place: `Syrian troops` does not locate an event in Syria.
    pub fn demonym(&self, word: &str) -> Option<Place<'_>> {
        let key = normalize::key(word);
        let hit = self.demonyms.get(&key).or_else(|| {
            key.strip_suffix('s')
                .and_then(|singular| self.demonyms.get(singular))
        })?;
        Some(self.place(PlaceId(u32::try_from(hit).ok()?)))
    }

    /// Every indexed key with its candidates, in key order.
    pub fn iter_names(&self) -> NameIter<'_> {
        NameIter {
            gaz: self,
            stream: self.names.stream(),
        }
    }

    /// Whether some indexed name starts with `prefix_key` followed by a space, i.e.
    /// a longer multi-word name could still match.
    pub fn has_longer(&self, prefix_key: &str) -> bool {
        has_longer_in(&self.names, prefix_key)
    }

    /// The longest name that starts at `tokens[start]` and spans whole tokens,
    /// up to `max_tokens` of them (names in GeoNames rarely exceed 6 words).
    ///
    /// Tokens are folded like names, so a token `ez-Zor` counts as two words and
    /// `Deir ez-Zor` (two tokens) matches. A token with nothing indexable (pure
    /// punctuation, another script) ends the search. The folded index
    /// ([`normalize::fold`]) is searched alongside: its match is taken only
    /// when longer than the exact one (`Deir Ezzor` rather than `Deir`), and is
    /// flagged [`NameMatch::folded`]. Returns `None` if not even the first
    /// token is a name.
    pub fn longest_match<S: AsRef<str>>(
        &self,
        tokens: &[S],
        start: usize,
        max_tokens: usize,
    ) -> Option<NameMatch<'_>> {
        let mut words: Vec<String> = Vec::new();
        // (length, candidates) of the longest exact and folded matches.
        let mut exact: Option<(usize, &[Candidate])> = None;
        let mut loose: Option<(usize, &[Candidate])> = None;
        let (mut exact_open, mut folded_open) = (true, self.folded.is_some());
        let end = tokens.len().min(start.saturating_add(max_tokens));
        for (i, tok) in tokens.get(start..end)?.iter().enumerate() {
            if !normalize::token_words(tok.as_ref(), &mut words) {
                break;
            }
            let key = normalize::join_words(&words);
            // An article is rewritten to `al` only when a word follows it, so the
            // prefix check must use the form a longer name would have.
            let mut prefix = words.clone();
            prefix.push(String::from("x"));
            let longer_key = normalize::join_words(&prefix);
            let stem = longer_key.strip_suffix(" x").unwrap_or(&longer_key);
            if exact_open {
                let hits = self.lookup_key(&key);
                if !hits.is_empty() {
                    exact = Some((i + 1, hits));
                }
                exact_open = self.has_longer(stem);
            }
            if let (true, Some(fm)) = (folded_open, self.folded.as_ref()) {
                let hits = if normalize::foldable(&key) {
                    self.lookup_folded(&normalize::fold(&key))
                } else {
                    &[]
                };
                if !hits.is_empty() {
                    loose = Some((i + 1, hits));
                }
                let folded_longer = normalize::fold(&longer_key);
                let folded_stem = folded_longer.strip_suffix(" x").unwrap_or(&folded_longer);
                folded_open = has_longer_in(fm, folded_stem);
            }
            if !exact_open && !folded_open {
                break;
            }
        }
        match (exact, loose) {
            (Some((n, e)), Some((m, f))) if m == n => Some(NameMatch {
                len: n,
                candidates: f,
                exact: e,
            }),
            (Some((n, _)), Some((m, f))) if m > n => Some(NameMatch {
                len: m,
                candidates: f,
                exact: &[],
            }),
            (Some((n, e)), _) => Some(NameMatch {
                len: n,
                candidates: e,
                exact: e,
            }),
            (None, Some((m, f))) => Some(NameMatch {
                len: m,
                candidates: f,
                exact: &[],
            }),
            (None, None) => None,
        }
    }
}

/// Whether `map` has a key starting with `prefix_key` and a space.
fn has_longer_in(map: &fst::Map<Vec<u8>>, prefix_key: &str) -> bool {
    let mut lo = prefix_key.as_bytes().to_vec();
    lo.push(b' ');
    let mut hi = prefix_key.as_bytes().to_vec();
    hi.push(b' ' + 1);
    let mut s = map.range().ge(&lo).lt(&hi).into_stream();
    s.next().is_some()
}

/// Iterator over `(key, candidates)` of the name index; see [`Gazetteer::iter_names`].
pub struct NameIter<'g> {
    gaz: &'g Gazetteer,
    stream: fst::map::Stream<'g>,
}

impl<'g> NameIter<'g> {
    /// The next key and its candidates. (Not `Iterator`: fst streams lend keys.)
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<(String, &'g [Candidate])> {
        let (k, v) = self.stream.next()?;
        let key = String::from_utf8_lossy(k).into_owned();
        Some((key, self.gaz.posting_range(v).unwrap_or(&[])))
    }
}
