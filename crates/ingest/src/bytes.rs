//! Byte-level helpers: bounded reads, bounded lines, lossy UTF-8 decoding.

use crate::event::WarningKind;
use crate::html::CP1252_HIGH;
use std::io::{self, BufRead, Read};

/// Reads up to `n` bytes (fewer only at end of input or on an error).
///
/// An error met after some bytes comes back *with* them: a small compressed file
/// cut before its trailer decodes in full and only then fails, and its complete
/// records must not be lost with the error (the caller replays the error after
/// the bytes, see [`Replay`]).
pub(crate) fn read_prefix(r: &mut dyn Read, n: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut buf = vec![0u8; n];
    let mut len = 0;
    while len < n {
        match r.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(k) => len += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(len);
                return (buf, Some(e));
            }
        }
    }
    buf.truncate(len);
    (buf, None)
}

/// A reader that fails once with a stored error, then reports end of input: the
/// rest of a stream whose decoder already failed. Readers stop at the first error,
/// so the error is seen exactly where the decodable data ends.
pub(crate) struct Replay(pub Option<io::Error>);

impl Read for Replay {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Outcome of [`read_all_bounded`].
pub(crate) enum Bounded {
    Fits(Vec<u8>),
    /// The input holds more than the limit; nothing beyond `limit + 1` was read.
    TooLarge,
}

/// Reads the rest of `r` if it holds at most `limit` bytes. Never buffers more than
/// `limit + 1` bytes, so a 200 MB single-line file costs at most the limit.
pub(crate) fn read_all_bounded(r: &mut dyn Read, limit: usize) -> io::Result<Bounded> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > limit {
        Ok(Bounded::TooLarge)
    } else {
        Ok(Bounded::Fits(buf))
    }
}

/// Outcome of [`read_line_bounded`].
#[derive(Debug, PartialEq)]
pub(crate) enum Line {
    Eof,
    /// A line (without its `\n`) is in the buffer; `len` counts the bytes consumed.
    Ok {
        consumed: u64,
    },
    /// The line was longer than the limit: it was consumed but not kept.
    TooLong {
        consumed: u64,
    },
}

/// Reads one `\n`-terminated line into `buf` (cleared first, newline dropped),
/// keeping at most `limit` bytes in memory: longer lines are consumed and discarded.
pub(crate) fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut consumed: u64 = 0;
    let mut too_long = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        let used = if done { take + 1 } else { take };
        r.consume(used);
        consumed += used as u64;
        if done {
            break;
        }
    }
    Ok(if consumed == 0 {
        Line::Eof
    } else if too_long {
        Line::TooLong { consumed }
    } else {
        Line::Ok { consumed }
    })
}

/// How a unit's bytes were decoded, when not as plain valid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Bad {
    /// Invalid UTF-8 decoded lossily (bad sequences became U+FFFD); the offset of
    /// the first bad byte, relative to the unit.
    Lossy(usize),
    /// Not UTF-8 but Windows-1252 (Latin-1) text, decoded as such: see [`is_cp1252`].
    Cp1252,
}

impl Bad {
    /// The warning for a unit whose first byte is at `start` in the input.
    pub fn warning(self, start: u64) -> WarningKind {
        match self {
            Bad::Lossy(at) => WarningKind::InvalidUtf8 {
                offset: start + at as u64,
            },
            Bad::Cp1252 => WarningKind::Windows1252,
        }
    }
}

/// Decodes a unit's bytes. Valid UTF-8 is taken as is; bytes that look like
/// Windows-1252 ([`is_cp1252`]) are decoded as such; anything else is decoded as
/// UTF-8 with bad sequences replaced by U+FFFD.
pub(crate) fn decode_lossy(bytes: Vec<u8>) -> (String, Option<Bad>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) if is_cp1252(e.as_bytes()) => (decode_cp1252(e.as_bytes()), Some(Bad::Cp1252)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (s, Some(Bad::Lossy(at)))
        }
    }
}

/// Whether `bytes` read as Windows-1252 (or its subset Latin-1) rather than as
/// damaged UTF-8: some sequences are invalid UTF-8 and none is a valid
/// multi-byte one. Real UTF-8 text with accents is full of valid multi-byte
/// sequences; single-byte text almost never forms one by chance (it would take
/// an accented capital followed by a C1 symbol, "Ã©"-style mojibake), so the
/// test is strict on purpose: a file mixing both is decoded as UTF-8 and the
/// bad bytes reported.
///
/// The bytes themselves must also look like the encoding: none of the five
/// bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), and at
/// least one letter or typographic byte other than 0xFE/0xFF (þ, ÿ: rare in
/// text, common as stray garbage). A multi-byte sequence cut by the end of
/// `bytes` (a sniffing prefix may end mid-character) does not count as invalid.
pub(crate) fn is_cp1252(bytes: &[u8]) -> bool {
    let undefined = |b: &u8| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D);
    let evidence = |b: &u8| matches!(b, 0x80..=0xFD);
    if bytes.iter().any(undefined) || !bytes.iter().any(evidence) {
        return false;
    }
    let (mut invalid, mut multi) = (0usize, 0usize);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let bad = chunk.invalid();
        let at_end = chunks.peek().is_none();
        let cut_sequence = at_end && !bad.is_empty() && bad.len() < 4 && bad[0] >= 0xC2;
        if !bad.is_empty() && !cut_sequence {
            invalid += 1;
        }
    }
    invalid > 0 && multi == 0
}

/// Decodes Windows-1252 bytes (Latin-1 with printable characters in 0x80–0x9F,
/// as browsers and the WHATWG encoding standard read `latin1` too).
pub(crate) fn decode_cp1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252_char(b)).collect()
}

fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Transcodes a Windows-1252 stream to UTF-8 on the fly: each input byte is one
/// character, so no state crosses reads.
pub(crate) struct Cp1252Reader<R> {
    inner: R,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
}

impl<R: Read> Cp1252Reader<R> {
    pub fn new(inner: R) -> Cp1252Reader<R> {
        Cp1252Reader {
            inner,
            raw: vec![0; 16 << 10],
            out: Vec::new(),
            pos: 0,
        }
    }
}

impl<R: Read> Read for Cp1252Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.out.len() {
            let n = self.inner.read(&mut self.raw)?;
            if n == 0 {
                return Ok(0);
            }
            self.out.clear();
            self.pos = 0;
            let mut utf8 = [0u8; 4];
            for &b in &self.raw[..n] {
                let c = cp1252_char(b);
                self.out
                    .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Offset of the first NUL byte, the mark of binary data.
pub(crate) fn find_nul(prefix: &[u8]) -> Option<usize> {
    prefix.iter().position(|&b| b == 0)
}

/// Offset of the first NUL byte when `prefix` looks like a binary file rather
/// than text with a stray NUL: most of its lines hold a NUL (an image, an
/// executable, BOM-less UTF-16 all do). Record formats (JSONL, CSV) use this,
/// so one corrupted line skips that line, not the file's good records.
pub(crate) fn looks_binary(prefix: &[u8]) -> Option<usize> {
    let first = find_nul(prefix)?;
    let (mut lines, mut with_nul) = (0usize, 0usize);
    for line in prefix.split(|&b| b == b'\n') {
        lines += 1;
        with_nul += usize::from(line.contains(&0));
    }
    (with_nul * 2 > lines).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let data = b"short\nthis line is long\nend".to_vec();
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            Line::Ok { consumed: 6 }
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            Line::TooLong { consumed: 18 }
        );
        assert!(buf.is_empty());
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            Line::Ok { consumed: 3 }
        );
        assert_eq!(buf, b"end");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), Line::Eof);
    }

    #[test]
    fn lossy_offset() {
        // A valid multi-byte sequence says UTF-8: the bad byte is damage.
        let (s, at) = decode_lossy(b"\xc3\xa9 ab\xffcd".to_vec());
        assert_eq!(s, "é ab\u{FFFD}cd");
        assert_eq!(at, Some(Bad::Lossy(5)));
        assert_eq!(decode_lossy(b"ok".to_vec()).1, None);
    }

    #[test]
    fn windows_1252_is_recognised_and_decoded() {
        let (s, bad) = decode_lossy(b"Caf\xe9 \x93quoted\x94 \x80 5".to_vec());
        assert_eq!(s, "Café \u{201C}quoted\u{201D} € 5");
        assert_eq!(bad, Some(Bad::Cp1252));
        // A UTF-8 character cut by the end of a prefix is not evidence.
        assert!(!is_cp1252("caf\u{e9}".as_bytes().split_last().unwrap().1));
        assert!(is_cp1252(b"Bogot\xe1, \xe9"));
        assert!(!is_cp1252("Bogotá".as_bytes()));
        let mut out = String::new();
        let mut r = Cp1252Reader::new(&b"S\xe3o Paulo \x96 ok"[..]);
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "São Paulo \u{2013} ok");
    }
}
