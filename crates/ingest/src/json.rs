//! JSON files (`.json`): an array of article objects, or a sequence of
//! top-level values (one object per line as in JSONL, or pretty-printed objects
//! one after another). Read lazily, one value at a time.
//!
//! A small structural scanner (strings, escapes, bracket depth) cuts the input
//! into values without parsing it whole, so memory stays bounded by
//! `max_article_bytes` however large the array is, and a bad element is one
//! skip: the scanner finds the next element where the bad one ends.

use crate::bytes::{decode_lossy, find_nul};
use crate::codec::skip_reason;
use crate::ctx::Ctx;
use crate::event::{Event, SkipReason};
use crate::record::build_article;
use serde_json::Value;
use std::io::{self, BufRead};

/// Where the scanner stands between values.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Nothing but whitespace seen yet.
    Start,
    /// Inside the top-level array: values are its elements.
    Array,
    /// Values are top-level values.
    Top,
}

/// One value's bytes.
struct RawValue {
    bytes: Vec<u8>,
    /// Offset of the value's first byte in the decompressed input.
    start: u64,
    too_large: bool,
    /// The input ended inside the value (an open string, object or array).
    unterminated: bool,
}

/// Yields the events of one JSON input: each element (or top-level value)
/// yields an article or a skip; records are numbered from 1 in input order.
pub(crate) struct JsonReader {
    r: Box<dyn BufRead + Send>,
    ctx: Ctx,
    mode: Mode,
    /// Values read so far (the 1-based number of the last one).
    index: u64,
    /// Offset of the next unread byte in the decompressed input.
    offset: u64,
    pending: Option<Event>,
    done: bool,
}

impl JsonReader {
    pub fn new(r: Box<dyn BufRead + Send>, ctx: Ctx) -> JsonReader {
        JsonReader {
            r,
            ctx,
            mode: Mode::Start,
            index: 0,
            offset: 0,
            pending: None,
            done: false,
        }
    }

    /// Skips separators up to the next value's first byte (left unconsumed).
    /// `false` at end of input.
    fn seek_value(&mut self) -> io::Result<bool> {
        loop {
            let chunk = match self.r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(false);
            }
            let mut used = 0;
            let mut found = false;
            for &b in chunk {
                let bom = self.offset + used as u64 <= 2 && matches!(b, 0xEF | 0xBB | 0xBF);
                match (self.mode, b) {
                    _ if b.is_ascii_whitespace() || bom => {}
                    (Mode::Start, b'[') => self.mode = Mode::Array,
                    (Mode::Array, b',') => {}
                    // The array is closed; anything after it is read as further
                    // top-level values rather than dropped.
                    (Mode::Array, b']') => self.mode = Mode::Top,
                    (Mode::Start, _) => {
                        self.mode = Mode::Top;
                        found = true;
                        break;
                    }
                    _ => {
                        found = true;
                        break;
                    }
                }
                used += 1;
            }
            self.r.consume(used);
            self.offset += used as u64;
            if found {
                return Ok(true);
            }
        }
    }

    /// Reads one value: an object or array to its matching close, a scalar to
    /// the next separator.
    fn value(&mut self) -> io::Result<Option<RawValue>> {
        if !self.seek_value()? {
            return Ok(None);
        }
        let limit = self.ctx.opts.max_article_bytes;
        let mut v = RawValue {
            bytes: Vec::new(),
            start: self.offset,
            too_large: false,
            unterminated: false,
        };
        let (mut depth, mut in_string, mut escape) = (0usize, false, false);
        let mut first = None;
        let mut seen = 0usize;
        loop {
            let chunk = match self.r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                v.unterminated = in_string || depth > 0;
                return Ok(Some(v));
            }
            let mut used = 0;
            let mut complete = false;
            for &b in chunk {
                let opener = *first.get_or_insert(b);
                let scalar = !matches!(opener, b'{' | b'[' | b'"');
                if scalar && seen > 0 && !in_string {
                    // A scalar ends at the first separator, left unconsumed.
                    if b.is_ascii_whitespace() || matches!(b, b',' | b']' | b'}' | b'[' | b'{') {
                        complete = true;
                        break;
                    }
                }
                used += 1;
                seen += 1;
                if v.bytes.len() < limit {
                    v.bytes.push(b);
                } else {
                    v.too_large = true;
                }
                if in_string {
                    match b {
                        _ if escape => escape = false,
                        b'\\' => escape = true,
                        b'"' => {
                            in_string = false;
                            if depth == 0 {
                                complete = true;
                                break;
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            complete = true;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            self.r.consume(used);
            self.offset += used as u64;
            if complete {
                return Ok(Some(v));
            }
        }
    }

    fn event(&mut self, v: RawValue) -> Event {
        let n = Some(self.index);
        if v.too_large {
            let limit = self.ctx.opts.max_article_bytes;
            return self.ctx.skip(n, SkipReason::TooLarge { limit });
        }
        if v.unterminated {
            // The scanner cannot resynchronise inside an open string or object.
            self.done = true;
            let message = "input ends inside this value".to_string();
            return self.ctx.skip(n, SkipReason::InvalidJson { message });
        }
        if let Some(at) = find_nul(&v.bytes) {
            let offset = v.start + at as u64;
            return self.ctx.skip(n, SkipReason::NulByte { offset });
        }
        let (text, bad) = decode_lossy(v.bytes);
        let event = match serde_json::from_str::<Value>(&text) {
            Err(e) => self.ctx.skip(
                n,
                SkipReason::InvalidJson {
                    message: e.to_string(),
                },
            ),
            Ok(Value::Object(map)) => {
                let origin = self.ctx.origin(n);
                let id = self.ctx.record_id(self.index);
                match build_article(map, &self.ctx.opts, origin, id) {
                    Ok(a) => Event::Article(a),
                    Err(reason) => self.ctx.skip(n, reason),
                }
            }
            Ok(_) => self.ctx.skip(n, SkipReason::NotAnObject),
        };
        match bad {
            Some(bad) => {
                self.pending = Some(event);
                self.ctx.warn(n, bad.warning(v.start))
            }
            None => event,
        }
    }
}

impl Iterator for JsonReader {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(e) = self.pending.take() {
            return Some(e);
        }
        if self.done {
            return None;
        }
        match self.value() {
            Err(e) => {
                self.done = true;
                Some(self.ctx.skip(Some(self.index + 1), skip_reason(&e)))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Ok(Some(v)) => {
                self.index += 1;
                Some(self.event(v))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::ReadOptions;
    use std::sync::Arc;

    fn events(input: &str) -> Vec<String> {
        let ctx = Ctx {
            path: "x.json".into(),
            id_base: "x".into(),
            opts: Arc::new(ReadOptions::default()),
        };
        let r = Box::new(io::BufReader::with_capacity(
            3,
            io::Cursor::new(input.to_string()),
        ));
        JsonReader::new(r, ctx)
            .map(|e| match e {
                Event::Article(a) => format!("A {} {}", a.id, a.text),
                Event::Skipped(s) => format!("S {s}"),
                Event::Warning(w) => format!("W {w}"),
            })
            .collect()
    }

    #[test]
    fn arrays_of_objects() {
        let got = events(
            "\u{FEFF} [ {\"id\": \"a\", \"text\": \"one [x] {y}\"},\n {\"text\": \"t\\\"wo\"}, 7, [1] ]",
        );
        assert_eq!(
            got,
            [
                "A a one [x] {y}",
                "A x:2 t\"wo",
                "S x.json:3: not a JSON object",
                "S x.json:4: not a JSON object"
            ]
        );
    }

    #[test]
    fn concatenated_and_pretty_printed_objects() {
        let got = events("{\"text\": \"a\"}\n{\n  \"text\": \"b\"\n}\n\n{\"text\": \"c\"}");
        assert_eq!(got, ["A x:1 a", "A x:2 b", "A x:3 c"]);
    }

    #[test]
    fn a_bad_element_is_one_skip_and_a_cut_one_ends_the_input() {
        let got = events("[{\"text\": \"a\"}, {\"text\": tru}, {\"text\": \"c\"}, {\"text\": \"d");
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "A x:1 a");
        assert!(got[1].starts_with("S x.json:2: invalid JSON"), "{got:?}");
        assert_eq!(got[2], "A x:3 c");
        assert_eq!(
            got[3],
            "S x.json:4: invalid JSON: input ends inside this value"
        );
    }
}
