//! Transparent decompression (gzip, zstd) with errors that say which codec failed.
//!
//! Decoder errors travel through `std::io::Error` (readers only see `Read`), so they
//! are wrapped in [`CodecError`] and recognised again by [`skip_reason`].

use crate::event::{Codec, SkipReason};
use std::io::{self, BufRead, BufReader, Read};

/// A decompression failure, carried inside an `io::Error`.
#[derive(Debug, thiserror::Error)]
#[error("{codec}: {message}")]
pub(crate) struct CodecError {
    codec: Codec,
    truncated: bool,
    message: String,
}

/// Maps an I/O error met while reading an input to the reason for skipping the
/// rest of it.
pub(crate) fn skip_reason(err: &io::Error) -> SkipReason {
    if let Some(c) = err.get_ref().and_then(|e| e.downcast_ref::<CodecError>()) {
        return if c.truncated {
            SkipReason::Truncated { codec: c.codec }
        } else {
            SkipReason::Corrupt {
                codec: c.codec,
                message: c.message.clone(),
            }
        };
    }
    SkipReason::Io {
        message: err.to_string(),
    }
}

/// The codec whose magic number starts `prefix`, if any.
pub(crate) fn sniff(prefix: &[u8]) -> Option<Codec> {
    if prefix.starts_with(&[0x1f, 0x8b]) {
        Some(Codec::Gzip)
    } else if prefix.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(Codec::Zstd)
    } else {
        None
    }
}

/// Wraps `inner` in a decoder for `codec`. Gzip input may hold several members
/// (as `.warc.gz` does, one per record); zstd input may hold several frames.
pub(crate) fn decoder(codec: Codec, inner: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
    match codec {
        Codec::Gzip => Box::new(Tagged {
            codec,
            inner: flate2::read::MultiGzDecoder::new(BufReader::new(inner)),
        }),
        Codec::Zstd => Box::new(Tagged {
            codec,
            inner: ZstdFrames::new(BufReader::new(inner)),
        }),
    }
}

/// Tags the errors of a decoder with its codec.
struct Tagged<R> {
    codec: Codec,
    inner: R,
}

impl<R: Read> Read for Tagged<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            // Already tagged (a nested layer): keep the innermost description.
            if e.get_ref().is_some_and(|i| i.is::<CodecError>()) {
                return e;
            }
            let truncated = e.kind() == io::ErrorKind::UnexpectedEof;
            io::Error::other(CodecError {
                codec: self.codec,
                truncated,
                message: e.to_string(),
            })
        })
    }
}

type Frame<R> = ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>;

/// A zstd decoder for concatenated frames (`ruzstd`'s decoder reads one frame).
struct ZstdFrames<R: BufRead> {
    state: ZState<R>,
}

enum ZState<R: BufRead> {
    /// Between frames: the source, positioned at a frame header or at EOF.
    Between(R),
    // Boxed: the frame decoder's state is large, the other variants tiny.
    Frame(Box<Frame<R>>),
    /// The frame failed: hand out what it decoded before the failure, then the
    /// error. A frame missing only its checksum has decoded every byte.
    Draining(Box<Frame<R>>, io::Error),
    Done,
}

impl<R: BufRead> ZstdFrames<R> {
    fn new(source: R) -> ZstdFrames<R> {
        ZstdFrames {
            state: ZState::Between(source),
        }
    }
}

/// Whether a `ruzstd` error message describes input that ended early. Its errors
/// wrap the underlying `io::Error` as text only, so the text is all there is:
/// "...EOF..." from its own checks, std's `UnexpectedEof` message from
/// `read_exact` (a missing checksum).
fn says_eof(msg: &str) -> bool {
    msg.to_ascii_lowercase().contains("eof") || msg.contains("failed to fill whole buffer")
}

fn zstd_error(msg: String, truncated: bool) -> io::Error {
    let kind = if truncated {
        io::ErrorKind::UnexpectedEof
    } else {
        io::ErrorKind::InvalidData
    };
    io::Error::new(kind, msg)
}

impl<R: BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, ZState::Done) {
                ZState::Done => return Ok(0),
                ZState::Between(mut src) => {
                    if src.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    match Frame::new(src) {
                        Ok(f) => self.state = ZState::Frame(Box::new(f)),
                        Err(e) => {
                            let msg = e.to_string();
                            // A header cut short is a truncation, not corruption.
                            let truncated = says_eof(&msg);
                            return Err(zstd_error(msg, truncated));
                        }
                    }
                }
                ZState::Frame(mut f) => match f.read(buf) {
                    Ok(0) => {
                        if !f.decoder.is_finished() {
                            return Err(zstd_error("frame ends early".into(), true));
                        }
                        self.state = ZState::Between(f.into_inner());
                    }
                    Ok(n) => {
                        self.state = ZState::Frame(f);
                        return Ok(n);
                    }
                    Err(e) => {
                        let truncated =
                            e.kind() == io::ErrorKind::UnexpectedEof || says_eof(&e.to_string());
                        self.state = ZState::Draining(f, zstd_error(e.to_string(), truncated));
                    }
                },
                ZState::Draining(mut f, err) => {
                    // `FrameDecoder::read` hands out the decoded bytes no
                    // longer needed as a window: all of them once the last
                    // block is decoded.
                    match f.decoder.read(buf) {
                        Ok(n) if n > 0 => {
                            self.state = ZState::Draining(f, err);
                            return Ok(n);
                        }
                        _ => return Err(err),
                    }
                }
            }
        }
    }
}
