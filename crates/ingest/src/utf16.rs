//! UTF-16 input (with a byte-order mark), transcoded to UTF-8 on the fly.
//!
//! Spreadsheet "Unicode text" exports are UTF-16; without this they would look
//! binary (every other byte is NUL). Unpaired surrogates and a dangling odd byte
//! become a `0xFF` byte, which is invalid UTF-8: the readers then decode it
//! lossily *and report it* like any other bad byte, so nothing is lost silently.

use std::io::{self, Read};

/// Byte order of a UTF-16 stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endian {
    Little,
    Big,
}

/// The byte order a BOM at the start of `prefix` announces.
pub(crate) fn sniff_bom(prefix: &[u8]) -> Option<Endian> {
    match prefix {
        [0xFF, 0xFE, ..] => Some(Endian::Little),
        [0xFE, 0xFF, ..] => Some(Endian::Big),
        _ => None,
    }
}

/// Reads UTF-16 from `inner` (BOM already consumed) and yields UTF-8.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    endian: Endian,
    /// Raw input not yet decoded (0 or 1 byte, or a lone high surrogate's 2).
    raw: Vec<u8>,
    /// Encoded output not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Utf16Reader<R> {
    pub fn new(inner: R, endian: Endian) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            endian,
            raw: Vec::new(),
            out: Vec::new(),
            pos: 0,
            eof: false,
        }
    }

    fn unit(&self, b: &[u8]) -> u16 {
        match self.endian {
            Endian::Little => u16::from_le_bytes([b[0], b[1]]),
            Endian::Big => u16::from_be_bytes([b[0], b[1]]),
        }
    }

    /// Decodes what `raw` holds into `out`, keeping an incomplete tail.
    fn decode(&mut self) {
        let mut i = 0;
        let mut buf = [0u8; 4];
        while i + 2 <= self.raw.len() {
            let u = self.unit(&self.raw[i..i + 2]);
            if (0xD800..0xDC00).contains(&u) {
                if i + 4 > self.raw.len() {
                    if !self.eof {
                        break; // wait for the low surrogate
                    }
                    self.out.push(0xFF);
                    i += 2;
                    continue;
                }
                let lo = self.unit(&self.raw[i + 2..i + 4]);
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
                    let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
                    self.out
                        .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    i += 4;
                } else {
                    self.out.push(0xFF);
                    i += 2;
                }
                continue;
            }
            match char::from_u32(u32::from(u)) {
                Some(ch) => self
                    .out
                    .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
                None => self.out.push(0xFF), // a lone low surrogate
            }
            i += 2;
        }
        self.raw.drain(..i);
        if self.eof && !self.raw.is_empty() {
            self.raw.clear();
            self.out.push(0xFF);
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.out.clear();
            self.pos = 0;
            let mut chunk = [0u8; 8192];
            let n = self.inner.read(&mut chunk)?;
            if n == 0 {
                self.eof = true;
            }
            self.raw.extend_from_slice(&chunk[..n]);
            self.decode();
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcode(bytes: &[u8], endian: Endian) -> Vec<u8> {
        let mut out = Vec::new();
        Utf16Reader::new(bytes, endian)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn both_orders_and_surrogates() {
        let s = "Halab حلب 😀";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(transcode(&le, Endian::Little), s.as_bytes());
        assert_eq!(transcode(&be, Endian::Big), s.as_bytes());
        // A lone high surrogate, then an odd trailing byte.
        assert_eq!(
            transcode(&[0x41, 0, 0x00, 0xD8, 0x42, 0, 7], Endian::Little),
            b"A\xffB\xff"
        );
    }
}
