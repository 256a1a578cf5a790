//! CSV/TSV with a header row (RFC 4180 quoting), read one record at a time.
//!
//! Written here rather than taken from a crate so that a record's memory is
//! bounded by `max_article_bytes` even when a quote is never closed, and so that
//! every record knows the line it starts on.

use crate::bytes::{decode_lossy, find_nul};
use crate::codec::skip_reason;
use crate::ctx::Ctx;
use crate::event::{Event, SkipReason, WarningKind};
use crate::record::build_article;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::io::{self, BufRead};

/// One record as raw bytes.
struct RawRecord {
    fields: Vec<Vec<u8>>,
    /// Byte offset (in the decompressed input) where each field's content starts.
    starts: Vec<u64>,
    /// 1-based line the record starts on.
    line: u64,
    /// More than the byte limit: fields were truncated and must not be used.
    too_large: bool,
    /// Input ended inside a quoted field.
    unterminated: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: an escaped `""` or the closing quote.
    QuoteSeen,
}

/// Yields the events of one CSV input: the header is read first; a header
/// without the text column skips the whole file; each later record yields an
/// article or a skip. Empty lines are not records and yield nothing.
pub(crate) struct CsvReader {
    r: Box<dyn BufRead + Send>,
    ctx: Ctx,
    delim: u8,
    header: Option<Vec<String>>,
    /// Current 1-based line.
    line: u64,
    offset: u64,
    pending: VecDeque<Event>,
    done: bool,
}

impl CsvReader {
    pub fn new(r: Box<dyn BufRead + Send>, ctx: Ctx, delim: u8) -> CsvReader {
        CsvReader {
            r,
            ctx,
            delim,
            header: None,
            line: 1,
            offset: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    /// Reads the next non-empty record, or `None` at end of input.
    fn record(&mut self) -> io::Result<Option<RawRecord>> {
        let limit = self.ctx.opts.max_article_bytes;
        loop {
            let mut rec = RawRecord {
                fields: Vec::new(),
                starts: Vec::new(),
                line: self.line,
                too_large: false,
                unterminated: false,
            };
            let mut field = Vec::new();
            let mut field_start = self.offset;
            let mut size = 0usize;
            let mut state = State::FieldStart;
            let mut any = false;
            let mut ended = false;
            while !ended {
                let chunk = match self.r.fill_buf() {
                    Ok(c) => c,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if chunk.is_empty() {
                    if !any {
                        return Ok(None);
                    }
                    rec.unterminated = state == State::Quoted;
                    break;
                }
                any = true;
                let mut i = 0;
                while i < chunk.len() {
                    let b = chunk[i];
                    i += 1;
                    let at = self.offset;
                    self.offset += 1;
                    if b == b'\n' {
                        self.line += 1;
                    }
                    let mut keep = |byte: u8, field: &mut Vec<u8>| {
                        if size >= limit {
                            rec.too_large = true;
                        } else {
                            field.push(byte);
                            size += 1;
                        }
                    };
                    match state {
                        State::FieldStart | State::Unquoted | State::QuoteSeen
                            if b == self.delim =>
                        {
                            // Fields cost memory even when empty: count each
                            // as a byte so a line of commas stays bounded too.
                            if size >= limit {
                                rec.too_large = true;
                                field.clear();
                            } else {
                                size += 1;
                                rec.fields.push(std::mem::take(&mut field));
                                rec.starts.push(field_start);
                            }
                            field_start = at + 1;
                            state = State::FieldStart;
                        }
                        State::FieldStart | State::Unquoted | State::QuoteSeen if b == b'\n' => {
                            ended = true;
                            break;
                        }
                        // A CR outside quotes belongs to a CRLF line end.
                        State::FieldStart | State::Unquoted | State::QuoteSeen if b == b'\r' => {}
                        State::FieldStart if b == b'"' => {
                            state = State::Quoted;
                            field_start = at + 1;
                        }
                        State::Quoted if b == b'"' => state = State::QuoteSeen,
                        State::QuoteSeen if b == b'"' => {
                            keep(b'"', &mut field);
                            state = State::Quoted;
                        }
                        State::Quoted => keep(b, &mut field),
                        // Text after a closing quote, or a bare field: kept as is.
                        State::FieldStart | State::Unquoted | State::QuoteSeen => {
                            keep(b, &mut field);
                            state = State::Unquoted;
                        }
                    }
                }
                self.r.consume(i);
            }
            rec.fields.push(field);
            rec.starts.push(field_start);
            let blank = rec.fields.len() == 1 && rec.fields[0].is_empty();
            if blank && !rec.unterminated && !rec.too_large {
                continue;
            }
            return Ok(Some(rec));
        }
    }

    /// Decodes a record's fields, queueing a warning for invalid UTF-8.
    fn decode(&mut self, rec: RawRecord) -> Vec<String> {
        let mut out = Vec::with_capacity(rec.fields.len());
        let mut warned = false;
        for (bytes, start) in rec.fields.into_iter().zip(rec.starts) {
            let (s, bad) = decode_lossy(bytes);
            if let (Some(bad), false) = (bad, warned) {
                warned = true;
                let w = self.ctx.warn(Some(rec.line), bad.warning(start));
                self.pending.push_back(w);
            }
            out.push(s);
        }
        out
    }

    /// Handles one record; returns the event unless the reader is finished.
    fn step(&mut self) -> Option<Event> {
        let rec = match self.record() {
            Err(e) => {
                self.done = true;
                return Some(self.ctx.skip(Some(self.line), skip_reason(&e)));
            }
            Ok(None) => {
                self.done = true;
                return None;
            }
            Ok(Some(rec)) => rec,
        };
        let line = Some(rec.line);
        if rec.unterminated {
            self.done = true;
            let reason = SkipReason::UnterminatedQuote { line: rec.line };
            return Some(self.ctx.skip(line, reason));
        }
        if rec.too_large {
            let limit = self.ctx.opts.max_article_bytes;
            if self.header.is_none() {
                self.done = true;
            }
            return Some(self.ctx.skip(line, SkipReason::TooLarge { limit }));
        }
        let nul = rec
            .fields
            .iter()
            .zip(&rec.starts)
            .find_map(|(f, &start)| find_nul(f).map(|at| start + at as u64));
        if let Some(offset) = nul {
            if self.header.is_none() {
                self.done = true;
            }
            return Some(self.ctx.skip(line, SkipReason::NulByte { offset }));
        }
        let n_fields = rec.fields.len();
        let mut values = self.decode(rec);
        let header = match &self.header {
            None => {
                if let Some(first) = values.first_mut() {
                    if let Some(s) = first.strip_prefix('\u{FEFF}') {
                        *first = s.to_string();
                    }
                }
                let names: Vec<String> = values.iter().map(|s| s.trim().to_string()).collect();
                let text = &self.ctx.opts.text_column;
                if !names.iter().any(|n| n == text) {
                    self.done = true;
                    let reason = SkipReason::MissingColumn {
                        column: text.clone(),
                        header: names,
                    };
                    return Some(self.ctx.skip(line, reason));
                }
                self.header = Some(names);
                return self.pending.pop_front().or_else(|| self.step());
            }
            Some(h) => h,
        };
        if n_fields != header.len() {
            let kind = WarningKind::FieldCount {
                expected: header.len(),
                found: n_fields,
            };
            let w = self.ctx.warn(line, kind);
            self.pending.push_back(w);
        }
        let mut map = Map::new();
        let extra: Vec<Value> = values
            .drain(header.len().min(values.len())..)
            .map(Value::String)
            .collect();
        for (name, value) in header.iter().zip(values) {
            map.insert(name.clone(), Value::String(value));
        }
        if !extra.is_empty() {
            map.insert("extra_fields".into(), Value::Array(extra));
        }
        let origin = self.ctx.origin(line);
        let id = self.ctx.record_id(origin.record.unwrap_or(0));
        let event = match build_article(map, &self.ctx.opts, origin, id) {
            Ok(a) => Event::Article(a),
            Err(reason) => self.ctx.skip(line, reason),
        };
        self.pending.push_back(event);
        self.pending.pop_front()
    }
}

impl Iterator for CsvReader {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(e) = self.pending.pop_front() {
            return Some(e);
        }
        if self.done {
            return None;
        }
        self.step()
    }
}
