//! WARC archives: HTML responses become articles, every other record a skip.
//!
//! A record is a `WARC/1.x` version line, header lines, a blank line, then exactly
//! `Content-Length` bytes of content and a blank-line trailer. Only the current
//! record is ever in memory (and only up to `max_article_bytes`).

use crate::bytes::{read_line_bounded, Line};
use crate::codec::skip_reason;
use crate::ctx::Ctx;
use crate::event::{Event, SkipReason};
use crate::html::charset_of;
use crate::page::{page_events, PageInfo};
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// Header lines longer than this are not WARC (or not a header).
const MAX_HEADER_LINE: usize = 64 << 10;

/// Yields the events of one WARC input, one record at a time.
pub(crate) struct WarcReader {
    r: Box<dyn BufRead + Send>,
    ctx: Ctx,
    /// Records started so far (1-based number of the current one).
    record: u64,
    pending: VecDeque<Event>,
    done: bool,
    /// After garbage: skip lines until the next `WARC/` version line.
    resync: bool,
}

/// A record's outcome before it becomes events.
enum Outcome {
    Events(Vec<Event>),
    Skip(SkipReason),
    /// The input cannot be read further.
    Fatal(SkipReason),
    Eof,
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parses `Name: value` lines (with folded continuations) into pairs.
fn parse_headers(lines: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in lines.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}

impl WarcReader {
    pub fn new(r: Box<dyn BufRead + Send>, ctx: Ctx) -> WarcReader {
        WarcReader {
            r,
            ctx,
            record: 0,
            pending: VecDeque::new(),
            done: false,
            resync: false,
        }
    }

    /// Discards `n` bytes of content; the number actually available.
    fn discard(&mut self, n: u64) -> io::Result<u64> {
        io::copy(&mut (&mut self.r).take(n), &mut io::sink())
    }

    fn read_record(&mut self) -> io::Result<Outcome> {
        let mut line = Vec::new();
        // The version line, after any blank trailer lines of the previous record.
        loop {
            match read_line_bounded(&mut *self.r, &mut line, MAX_HEADER_LINE)? {
                Line::Eof => return Ok(Outcome::Eof),
                Line::TooLong { .. } => {}
                Line::Ok { .. } => {
                    let l = line.trim_ascii();
                    if l.starts_with(b"WARC/") {
                        self.resync = false;
                        break;
                    }
                    if !l.is_empty() && !self.resync {
                        self.record += 1;
                        self.resync = true;
                        let got = String::from_utf8_lossy(&l[..l.len().min(40)]).into_owned();
                        let message = format!("expected a WARC/1.x version line, found {got:?}");
                        return Ok(Outcome::Skip(SkipReason::InvalidWarc { message }));
                    }
                }
            }
        }
        self.record += 1;
        let mut block = String::new();
        loop {
            match read_line_bounded(&mut *self.r, &mut line, MAX_HEADER_LINE)? {
                Line::Eof => {
                    let message = "input ends inside the record header".to_string();
                    return Ok(Outcome::Fatal(SkipReason::InvalidWarc { message }));
                }
                Line::TooLong { .. } => {
                    let message = "header line too long".to_string();
                    self.resync = true;
                    return Ok(Outcome::Skip(SkipReason::InvalidWarc { message }));
                }
                Line::Ok { .. } => {
                    if line.trim_ascii().is_empty() {
                        break;
                    }
                    block.push_str(&String::from_utf8_lossy(&line));
                    block.push('\n');
                }
            }
        }
        let headers = parse_headers(&block);
        let Some(len) = header(&headers, "Content-Length").and_then(|v| v.parse::<u64>().ok())
        else {
            self.resync = true;
            let message = "missing or invalid Content-Length".to_string();
            return Ok(Outcome::Skip(SkipReason::InvalidWarc { message }));
        };
        let warc_type = header(&headers, "WARC-Type").unwrap_or("").to_string();
        let limit = self.ctx.opts.max_article_bytes;
        let keep = warc_type.eq_ignore_ascii_case("response");
        // HTTP headers come on top of the page: allow them some room.
        if !keep || len > limit as u64 + MAX_HEADER_LINE as u64 {
            let got = self.discard(len)?;
            if got < len {
                let reason = SkipReason::TruncatedRecord { expected: len, got };
                return Ok(Outcome::Fatal(reason));
            }
            return Ok(Outcome::Skip(if keep {
                SkipReason::TooLarge { limit }
            } else {
                SkipReason::NotResponse { warc_type }
            }));
        }
        let mut content = Vec::new();
        (&mut self.r).take(len).read_to_end(&mut content)?;
        if (content.len() as u64) < len {
            let got = content.len() as u64;
            return Ok(Outcome::Fatal(SkipReason::TruncatedRecord {
                expected: len,
                got,
            }));
        }
        let id = header(&headers, "WARC-Record-ID")
            .map(|v| v.trim_matches(['<', '>']).to_string())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| self.ctx.record_id(self.record));
        let info = PageInfo {
            record: Some(self.record),
            id,
            // WARC 1.1 drafts wrote the URI in angle brackets.
            url: header(&headers, "WARC-Target-URI")
                .map(|u| u.trim_matches(['<', '>']).to_string())
                .filter(|u| !u.is_empty()),
            fallback_date: header(&headers, "WARC-Date").map(str::to_string),
            charset: None,
        };
        Ok(match http_payload(content, info, limit) {
            Ok((body, info)) => Outcome::Events(page_events(body, &self.ctx, info)),
            Err(reason) => Outcome::Skip(reason),
        })
    }
}

/// Splits an HTTP response into its HTML body, checking status and type.
fn http_payload(
    content: Vec<u8>,
    mut info: PageInfo,
    limit: usize,
) -> Result<(Vec<u8>, PageInfo), SkipReason> {
    let invalid = |m: &str| SkipReason::InvalidHttp {
        message: m.to_string(),
    };
    let (head_end, body_start) = match content.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match content.windows(2).position(|w| w == b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err(invalid("no end of headers")),
        },
    };
    let head = String::from_utf8_lossy(&content[..head_end]);
    let (status_line, rest) = head.split_once('\n').unwrap_or((&head, ""));
    let mut parts = status_line.split_whitespace();
    if !parts.next().is_some_and(|p| p.starts_with("HTTP/")) {
        return Err(invalid("no HTTP status line"));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| invalid("no status code"))?;
    if status != 200 {
        return Err(SkipReason::HttpStatus { status });
    }
    let headers = parse_headers(rest);
    let content_type = header(&headers, "Content-Type").unwrap_or("").to_string();
    let ct = content_type.to_ascii_lowercase();
    if !(ct.contains("text/html") || ct.contains("application/xhtml")) {
        return Err(SkipReason::NotHtml { content_type });
    }
    info.charset = charset_of(&content_type);
    let mut body = content[body_start..].to_vec();
    if header(&headers, "Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or_else(|| invalid("bad chunked encoding"))?;
    }
    let encoding = header(&headers, "Content-Encoding")
        .unwrap_or("")
        .to_ascii_lowercase();
    if encoding == "gzip" || encoding == "x-gzip" {
        let mut out = Vec::new();
        let dec = flate2::read::MultiGzDecoder::new(&body[..]);
        dec.take(limit as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| invalid(&format!("bad gzip content encoding: {e}")))?;
        if out.len() > limit {
            return Err(SkipReason::TooLarge { limit });
        }
        body = out;
    }
    Ok((body, info))
}

/// Decodes `Transfer-Encoding: chunked`.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = b.iter().position(|&c| c == b'\n')?;
        let size_line = std::str::from_utf8(&b[..nl]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n"))?;
    }
}

impl Iterator for WarcReader {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(e);
            }
            if self.done {
                return None;
            }
            let outcome = match self.read_record() {
                Ok(o) => o,
                Err(e) => Outcome::Fatal(skip_reason(&e)),
            };
            let n = Some(self.record.max(1));
            match outcome {
                Outcome::Eof => self.done = true,
                Outcome::Events(ev) => self.pending.extend(ev),
                Outcome::Skip(reason) => return Some(self.ctx.skip(n, reason)),
                Outcome::Fatal(reason) => {
                    self.done = true;
                    return Some(self.ctx.skip(n, reason));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dechunks() {
        assert_eq!(
            super::dechunk(b"4\r\nabcd\r\n2;x=y\r\nef\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcdef"[..])
        );
        assert_eq!(super::dechunk(b"9\r\nabc"), None);
    }
}
