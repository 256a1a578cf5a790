//! sitrep-geo: an offline GeoNames gazetteer and a geoparser (toponym
//! recognition and resolution). Temporal expressions live in `sitrep-time`;
//! joining places to events' clauses is the facade's link.
//!
//! # Gazetteer
//!
//! [`Gazetteer`] answers "which places can this name refer to?" from a compiled
//! file (`data/geo/gazetteer.bin`, built by `sitrep gazetteer build` with
//! [`build::Builder`]). Each [`Place`] exposes what a resolver scores by:
//! coordinates, [`PlaceKind`] and GeoNames feature class/code, country, admin1
//! code and population; [`haversine_km`] measures distances.
//!
//! ## Normalisation key
//!
//! Names are indexed by a key (see [`normalize`]): NFKD with combining marks
//! dropped, lowercase ASCII, apostrophes and full stops deleted (`Dar'a` =
//! `Dara`, `U.S.` = `US`), every other non-alphanumeric character a word
//! separator, and Arabic article variants (`el`, `ez`, `ash`, `ad`...) before
//! another word rewritten to `al`. So `Ḩalab` → `halab`, and `Deir ez-Zor`,
//! `Deir al-Zor`, `Deir el Zor` share `deir al zor` (spellings that differ in
//! more than the article — `Dayr az Zawr` — are found because GeoNames lists
//! them as alternate names). Names in other scripts are not indexed.
//!
//! ## File format
//!
//! See [`format`](mod@format): a 32-byte header, then a deflate-compressed body with
//! fixed-size place records (sorted by GeoNames id), a postings array, a string
//! table and two `fst` maps (name key → postings range; demonym → country).
//! Loading is one read, one inflate and one decoding pass.
//!
//! ## Building
//!
//! [`build::Builder`] reads the GeoNames-derived files of `shared/data/geonames`
//! (`cities500.json.xz`, `countries.json`, `countryinfo.json`, `countries.tsv`,
//! `subdivisions.tsv`, `us-admin-centroids.tsv`) or standard GeoNames dumps
//! (`allCountries.txt`/`cities500.txt` with 19 columns, `alternateNamesV2.txt`),
//! plus supplements: tab-separated `id, name, alternate names (|), lat, lon,
//! kind, country, admin1, population, note` (see
//! [`build::Builder::add_supplement`]). Bad rows (wrong column count, bad or
//! out-of-range coordinates, duplicate ids) become [`build::Warning`]s with file
//! and line; the build goes on and never writes an out-of-range coordinate.
//! Admin areas without a point get an estimated one, flagged
//! [`Place::approximate`] (see [`build`] for the rule).
//!
//! Demonyms (`Syrian` → SY) live in their own index ([`Gazetteer::demonym`]):
//! they are evidence of a country, not mentions of a place.
//!
//! # Geoparsing
//!
//! [`geoparse()`] fills `doc.places` ([`sitrep_doc::places::PlaceMention`]): the
//! [`recognize`] module finds toponyms (gazetteer names over capitalised
//! tokens, filtered by tags, the parse and person/organisation rules, whose
//! titles and speech verbs are `sitrep_lexicon`'s; demonyms kept as evidence), the [`resolve`] module picks one entry per name and
//! article (population prior by feature type, article context, spatial
//! closeness, `City, State` qualifiers), each with an `explain` string. The
//! dateline's place becomes a mention too.
//!
//! ## Wiring (for the facade)
//!
//! ```no_run
//! # use sitrep_doc::Doc;
//! # fn after_parsing(doc: &mut Doc) -> Result<(), sitrep_geo::Error> {
//! // Once, when the pipeline is built (0.2 s, ~100 MB):
//! let gaz = sitrep_geo::Gazetteer::vendored()?;
//! // Per document, after segmentation, tagging and parsing:
//! sitrep_geo::geoparse(doc, &gaz);
//! # Ok(()) }
//! ```
//!
//! [`eval`] reads Gritta et al.'s geoparsing corpora and computes the standard
//! measures (`sitrep eval geo`).

mod abbrev;
#[cfg(feature = "build")]
pub mod build;
mod error;
pub mod format;
mod gazetteer;
pub mod geoparse;
pub mod names;
pub mod normalize;
mod place;
pub mod recognize;
pub mod resolve;
mod stage;

pub use abbrev::us_state;
pub use error::Error;
pub use gazetteer::{Gazetteer, NameIter, NameMatch, VENDORED_RELATIVE};
pub use geoparse::{geoparse, geoparse_with, place_ref, precision_of};
pub use place::{haversine_km, Candidate, Place, PlaceId, PlaceKind, EARTH_RADIUS_KM};
pub use stage::Geoparser;
