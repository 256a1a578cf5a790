//! The model container: a tiny versioned binary format.
//!
//! Layout: `MAGIC` (8 bytes), format version (`u32`), model kind (`u8`), the
//! payload (little-endian primitives and length-prefixed arrays), then a 64-bit
//! FNV-1a checksum of every preceding byte. [`Reader`] checks the magic, version,
//! kind and checksum up front, and every read is bounds-checked, so a truncated or
//! corrupt file is an [`Error::Corrupt`], never a panic.

use crate::error::{Error, Result};
use std::path::Path;

pub const MAGIC: &[u8; 8] = b"SITRPSYN";
pub const VERSION: u32 = 2;

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    h
}

/// Serialises a model payload.
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new(kind: u8) -> Writer {
        let mut buf = Vec::with_capacity(1 << 20);
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&VERSION.to_le_bytes());
        buf.push(kind);
        Writer { buf }
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[impl AsRef<str>]) {
        self.len(v.len());
        for s in v {
            self.str(s.as_ref());
        }
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.buf.extend_from_slice(v);
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            self.u32(x);
        }
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        for &x in v {
            self.u64(x);
        }
    }
    pub fn i16s(&mut self, v: &[i16]) {
        self.len(v.len());
        for &x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    /// Appends the checksum and returns the finished file contents.
    pub fn finish(mut self) -> Vec<u8> {
        let sum = fnv1a(&self.buf);
        self.buf.extend_from_slice(&sum.to_le_bytes());
        self.buf
    }
}

/// Bounds-checked reader over a verified model file.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Verifies header and checksum; `kind` must match the writer's.
    pub fn new(data: &'a [u8], kind: u8) -> Result<Reader<'a>> {
        if data.len() < MAGIC.len() + 4 + 1 + 8 || &data[..8] != MAGIC {
            return Err(Error::corrupt("not a sitrep syntax model (bad magic)"));
        }
        let body_len = data.len() - 8;
        let (body, tail) = data.split_at(body_len);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        if fnv1a(body) != u64::from_le_bytes(sum) {
            return Err(Error::corrupt(
                "checksum mismatch (truncated or damaged file)",
            ));
        }
        let mut r = Reader { data: body, pos: 8 };
        let version = r.u32()?;
        if version != VERSION {
            return Err(Error::corrupt(format!(
                "format version {version}, this build reads {VERSION}"
            )));
        }
        let k = r.u8()?;
        if k != kind {
            return Err(Error::corrupt(format!(
                "model kind {:?}, expected {:?}",
                k as char, kind as char
            )));
        }
        Ok(r)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| Error::corrupt("unexpected end of model data"))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    /// A length, checked against the bytes left (each element is at least
    /// `elem` bytes), so a corrupt length cannot trigger a huge allocation.
    pub fn len(&mut self, elem: usize) -> Result<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| Error::corrupt("length overflow"))?;
        if n.saturating_mul(elem.max(1)) > self.data.len() - self.pos {
            return Err(Error::corrupt("array length exceeds file size"));
        }
        Ok(n)
    }
    pub fn str(&mut self) -> Result<String> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| Error::corrupt("invalid UTF-8 string"))
    }
    pub fn strs(&mut self) -> Result<Vec<String>> {
        let n = self.len(8)?;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn bytes(&mut self) -> Result<Vec<u8>> {
        let n = self.len(1)?;
        Ok(self.take(n)?.to_vec())
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>> {
        let n = self.len(8)?;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            })
            .collect())
    }
    pub fn i16s(&mut self) -> Result<Vec<i16>> {
        let n = self.len(2)?;
        let b = self.take(n * 2)?;
        Ok(b.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect())
    }
    /// Fails unless every payload byte was consumed.
    /// Whether the whole payload has been read: lets a reader accept files
    /// written before an optional trailing section was added.
    pub fn at_end(&self) -> bool {
        self.pos == self.data.len()
    }

    pub fn end(&self) -> Result<()> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err(Error::corrupt("trailing bytes after model payload"))
        }
    }
}

/// Reads a whole model file; an I/O failure names the path.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes a whole model file; an I/O failure names the path.
pub fn write_file(path: &Path, data: &[u8]) -> Result<()> {
    std::fs::write(path, data).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let mut w = Writer::new(b'T');
        w.u32(7);
        w.str("héllo");
        w.i16s(&[-3, 4]);
        let data = w.finish();
        let mut r = Reader::new(&data, b'T').unwrap();
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.str().unwrap(), "héllo");
        assert_eq!(r.i16s().unwrap(), vec![-3, 4]);
        r.end().unwrap();
        assert!(Reader::new(&data, b'P').is_err());
        assert!(Reader::new(&data[..data.len() - 1], b'T').is_err());
        let mut bad = data.clone();
        bad[14] ^= 1;
        assert!(Reader::new(&bad, b'T').is_err());
        assert!(Reader::new(b"", b'T').is_err());
    }
}
