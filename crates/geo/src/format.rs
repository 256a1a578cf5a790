//! The on-disk layout of a compiled gazetteer (`gazetteer.bin`), version 2
//! (version 1 files, without the folded index, still load).
//!
//! All integers are little-endian.
//!
//! ```text
//! header, 32 bytes:
//!   0  magic   b"SRGAZ\0\0\0"
//!   8  u32     format version (2; 1 is read too)
//!  12  u32     body compression: 0 = stored, 1 = deflate (zlib framing)
//!  16  u64     body length once decompressed
//!  24  u64     reserved (0)
//! body:
//!   0  u32 × 6 counts: places, postings, strings bytes, names-fst bytes,
//!              demonyms-fst bytes, folded-fst bytes (0 in version 1)
//!  24  places    n × 40-byte records (below), sorted by GeoNames id
//!      postings  n × 5 bytes: u32 place index, u8 candidate flags
//!      strings   NUL-terminated UTF-8 strings, referenced by byte offset
//!      names     fst map: normalised key → (postings offset << 32 | count)
//!      demonyms  fst map: normalised adjective → country place index
//!      folded    fst map: folded key (`normalize::fold`) → postings range, like
//!                `names`; a folded key several names share points at merged
//!                postings appended after the names' own
//! place record, 40 bytes:
//!   0 u32 geonameid    4 i32 lat × 1e5    8 i32 lon × 1e5   12 u32 population
//!  16 u32 name        20 u32 ascii name  24 u32 feature code 28 u32 admin1 code
//!     (string offsets)
//!  32 [u8; 2] country code   34 u8 kind   35 u8 feature class   36 u8 flags
//!  37 3 bytes padding
//! ```
//!
//! Why this shape: one read plus one inflate gives the whole body; the fixed-size
//! records decode in a single pass, and the fst maps are used in place (they are
//! their own index). Deflate rather than xz because inflating ~30 MB takes tens of
//! milliseconds, which keeps loading under the 0.3 s budget.

use crate::error::Error;
use std::path::Path;

pub const MAGIC: &[u8; 8] = b"SRGAZ\0\0\0";
pub const VERSION: u32 = 2;
/// The oldest version still read (it has no folded index).
pub const MIN_VERSION: u32 = 1;
pub const HEADER_LEN: usize = 32;
pub const BODY_COUNTS_LEN: usize = 24;
pub const RECORD_LEN: usize = 40;
pub const POSTING_LEN: usize = 5;

/// Place-record flag: coordinates are estimated (see [`crate::Place::approximate`]).
pub const FLAG_APPROX: u8 = 1;

/// Coordinates are stored as integers of 1e-5 degree.
pub const COORD_SCALE: f64 = 100_000.0;

/// One decoded place record (string fields are offsets into the string table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub geonameid: u32,
    pub lat: i32,
    pub lon: i32,
    pub population: u32,
    pub name: u32,
    pub ascii: u32,
    pub code: u32,
    pub admin1: u32,
    pub country: [u8; 2],
    pub kind: u8,
    pub class: u8,
    pub flags: u8,
}

impl Record {
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.geonameid.to_le_bytes());
        out.extend_from_slice(&self.lat.to_le_bytes());
        out.extend_from_slice(&self.lon.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.name.to_le_bytes());
        out.extend_from_slice(&self.ascii.to_le_bytes());
        out.extend_from_slice(&self.code.to_le_bytes());
        out.extend_from_slice(&self.admin1.to_le_bytes());
        out.extend_from_slice(&self.country);
        out.extend_from_slice(&[self.kind, self.class, self.flags, 0, 0, 0]);
    }

    /// Decodes a 40-byte record. `b` shorter than that decodes missing fields as 0
    /// (the loader checks section lengths first, so this does not happen).
    pub fn decode(b: &[u8]) -> Record {
        Record {
            geonameid: u32_at(b, 0),
            lat: u32_at(b, 4) as i32,
            lon: u32_at(b, 8) as i32,
            population: u32_at(b, 12),
            name: u32_at(b, 16),
            ascii: u32_at(b, 20),
            code: u32_at(b, 24),
            admin1: u32_at(b, 28),
            country: [byte_at(b, 32), byte_at(b, 33)],
            kind: byte_at(b, 34),
            class: byte_at(b, 35),
            flags: byte_at(b, 36),
        }
    }
}

fn byte_at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// Reads a little-endian u32 at `i`, 0 if out of bounds.
pub fn u32_at(b: &[u8], i: usize) -> u32 {
    match b.get(i..i + 4) {
        Some(&[a, b1, c, d]) => u32::from_le_bytes([a, b1, c, d]),
        _ => 0,
    }
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from(u32_at(b, i)) | (u64::from(u32_at(b, i + 4)) << 32)
}

/// The sections of a body, as byte ranges.
pub struct Sections<'a> {
    pub places: &'a [u8],
    pub postings: &'a [u8],
    pub strings: &'a [u8],
    pub names: &'a [u8],
    pub demonyms: &'a [u8],
    pub folded: &'a [u8],
}

/// Assembles a complete file from its sections, compressing the body if asked.
pub fn write_file(s: &Sections<'_>, compress: bool) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::with_capacity(
        BODY_COUNTS_LEN
            + s.places.len()
            + s.postings.len()
            + s.strings.len()
            + s.names.len()
            + s.demonyms.len()
            + s.folded.len(),
    );
    let counts = [
        s.places.len() / RECORD_LEN,
        s.postings.len() / POSTING_LEN,
        s.strings.len(),
        s.names.len(),
        s.demonyms.len(),
        s.folded.len(),
    ];
    for c in counts {
        let c = u32::try_from(c).map_err(|_| std::io::Error::other("section too large"))?;
        body.extend_from_slice(&c.to_le_bytes());
    }
    for part in [
        s.places, s.postings, s.strings, s.names, s.demonyms, s.folded,
    ] {
        body.extend_from_slice(part);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&u32::from(compress).to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&0u64.to_le_bytes());
    if compress {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(out, flate2::Compression::best());
        enc.write_all(&body)?;
        out = enc.finish()?;
    } else {
        out.extend_from_slice(&body);
    }
    Ok(out)
}

/// Checks the header and returns the decompressed body.
pub fn read_body(path: &Path, file: &[u8]) -> Result<Vec<u8>, Error> {
    if file.len() < HEADER_LEN
        || &file[..8] != MAGIC
        || !(MIN_VERSION..=VERSION).contains(&u32_at(file, 8))
    {
        return Err(Error::BadMagic {
            path: path.to_path_buf(),
        });
    }
    let compression = u32_at(file, 12);
    let body_len = usize::try_from(u64_at(file, 16)).map_err(|_| corrupt(path, "body length"))?;
    let raw = &file[HEADER_LEN..];
    match compression {
        0 => Ok(raw.to_vec()),
        1 => {
            use std::io::Read;
            // Cap the allocation by what the header claims, but never trust it for
            // more than a generous ratio of the compressed size.
            let cap = body_len.min(raw.len().saturating_mul(64));
            let mut body = Vec::with_capacity(cap);
            flate2::read::ZlibDecoder::new(raw)
                .read_to_end(&mut body)
                .map_err(|e| Error::Decompress {
                    path: path.to_path_buf(),
                    what: e.to_string(),
                })?;
            if body.len() != body_len {
                return Err(corrupt(path, "decompressed length differs from header"));
            }
            Ok(body)
        }
        _ => Err(corrupt(path, "unknown compression")),
    }
}

/// Splits a body into its sections, checking every length.
pub fn split_body<'a>(path: &Path, body: &'a [u8]) -> Result<Sections<'a>, Error> {
    if body.len() < BODY_COUNTS_LEN {
        return Err(corrupt(path, "body too short"));
    }
    let n = |i: usize| u32_at(body, i * 4) as usize;
    let lens = [
        n(0).checked_mul(RECORD_LEN),
        n(1).checked_mul(POSTING_LEN),
        Some(n(2)),
        Some(n(3)),
        Some(n(4)),
        Some(n(5)),
    ];
    let mut at = BODY_COUNTS_LEN;
    let mut parts: Vec<&'a [u8]> = Vec::with_capacity(6);
    for len in lens {
        let len = len.ok_or_else(|| corrupt(path, "section length overflows"))?;
        let end = at
            .checked_add(len)
            .ok_or_else(|| corrupt(path, "section length overflows"))?;
        let part = body
            .get(at..end)
            .ok_or_else(|| corrupt(path, "truncated section"))?;
        parts.push(part);
        at = end;
    }
    if at != body.len() {
        return Err(corrupt(path, "trailing bytes after the last section"));
    }
    match parts.as_slice() {
        [places, postings, strings, names, demonyms, folded] => Ok(Sections {
            places,
            postings,
            strings,
            names,
            demonyms,
            folded,
        }),
        _ => Err(corrupt(path, "section table")),
    }
}

pub fn corrupt(path: &Path, what: &str) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        what: what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_round_trips() {
        let r = Record {
            geonameid: 170063,
            lat: 3_620_124,
            lon: -3_716_117,
            population: 2_098_210,
            name: 7,
            ascii: 9,
            code: 11,
            admin1: 13,
            country: *b"SY",
            kind: 3,
            class: b'P',
            flags: FLAG_APPROX,
        };
        let mut buf = Vec::new();
        r.encode(&mut buf);
        assert_eq!(buf.len(), RECORD_LEN);
        assert_eq!(Record::decode(&buf), r);
    }

    #[test]
    fn rejects_truncated_and_foreign_files() {
        let p = Path::new("x");
        assert!(matches!(
            read_body(p, b"hello"),
            Err(Error::BadMagic { .. })
        ));
        let s = Sections {
            places: &[],
            postings: &[],
            strings: b"a\0",
            names: &[],
            demonyms: &[],
            folded: &[],
        };
        for compress in [false, true] {
            let file = write_file(&s, compress).unwrap();
            let body = read_body(p, &file).unwrap();
            assert_eq!(split_body(p, &body).unwrap().strings, b"a\0");
            let cut = &file[..file.len() - 1];
            let bad = read_body(p, cut).and_then(|b| split_body(p, &b).map(|_| ()));
            assert!(bad.is_err());
        }
    }
}
