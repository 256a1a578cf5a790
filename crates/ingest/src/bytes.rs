//! Byte-level helpers: bounded reads, bounded lines, lossy UTF-8 decoding.

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

/// Decodes UTF-8, replacing bad sequences with U+FFFD. Returns the text and the
/// offset of the first bad byte, if any.
pub(crate) fn decode_lossy(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
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
        let (s, at) = decode_lossy(b"ab\xffcd".to_vec());
        assert_eq!(s, "ab\u{FFFD}cd");
        assert_eq!(at, Some(2));
        assert_eq!(decode_lossy(b"ok".to_vec()).1, None);
    }
}
