//! JSON Lines: one article object per line, read lazily.

use crate::bytes::{decode_lossy, find_nul, read_line_bounded, Line};
use crate::codec::skip_reason;
use crate::ctx::Ctx;
use crate::event::{Event, SkipReason};
use crate::record::build_article;
use serde_json::Value;
use std::io::BufRead;

/// Yields the events of one JSONL input, one line at a time. Blank lines are not
/// records and yield nothing; every other line yields an article or a skip.
pub(crate) struct JsonlReader {
    r: Box<dyn BufRead + Send>,
    ctx: Ctx,
    /// Lines read so far (the 1-based number of the last line).
    line: u64,
    /// Byte offset of the next line in the decompressed input.
    offset: u64,
    buf: Vec<u8>,
    pending: Option<Event>,
    done: bool,
}

impl JsonlReader {
    pub fn new(r: Box<dyn BufRead + Send>, ctx: Ctx) -> JsonlReader {
        JsonlReader {
            r,
            ctx,
            line: 0,
            offset: 0,
            buf: Vec::new(),
            pending: None,
            done: false,
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(e) = self.pending.take() {
            return Some(e);
        }
        while !self.done {
            let limit = self.ctx.opts.max_article_bytes;
            let start = self.offset;
            let got = read_line_bounded(&mut *self.r, &mut self.buf, limit);
            self.line += 1;
            let n = Some(self.line);
            let consumed = match got {
                Err(e) => {
                    self.done = true;
                    return Some(self.ctx.skip(n, skip_reason(&e)));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong { consumed }) => {
                    self.offset += consumed;
                    return Some(self.ctx.skip(n, SkipReason::TooLarge { limit }));
                }
                Ok(Line::Ok { consumed }) => consumed,
            };
            self.offset += consumed;
            if let Some(at) = find_nul(&self.buf) {
                let offset = start + at as u64;
                return Some(self.ctx.skip(n, SkipReason::NulByte { offset }));
            }
            let bytes = std::mem::take(&mut self.buf);
            let (text, bad) = decode_lossy(bytes);
            let line = text.strip_prefix('\u{FEFF}').unwrap_or(&text).trim();
            if line.is_empty() {
                continue;
            }
            let event = match serde_json::from_str::<Value>(line) {
                Err(e) => self.ctx.skip(
                    n,
                    SkipReason::InvalidJson {
                        message: e.to_string(),
                    },
                ),
                Ok(Value::Object(map)) => {
                    let origin = self.ctx.origin(n);
                    match build_article(map, &self.ctx.opts, origin, self.ctx.record_id(self.line))
                    {
                        Ok(a) => Event::Article(a),
                        Err(reason) => self.ctx.skip(n, reason),
                    }
                }
                Ok(_) => self.ctx.skip(n, SkipReason::NotAnObject),
            };
            return Some(match bad {
                Some(bad) => {
                    self.pending = Some(event);
                    self.ctx.warn(n, bad.warning(start))
                }
                None => event,
            });
        }
        None
    }
}
