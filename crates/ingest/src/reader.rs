//! The batch driver: walks inputs lazily and dispatches to the format readers.

use crate::bytes::{
    find_nul, is_cp1252, looks_binary, read_all_bounded, read_prefix, Bounded, Cp1252Reader, Replay,
};
use crate::codec::{self, skip_reason};
use crate::csv::CsvReader;
use crate::ctx::Ctx;
use crate::event::{Codec, Event, Skip, SkipReason, WarningKind};
use crate::json::JsonReader;
use crate::jsonl::JsonlReader;
use crate::lang;
use crate::options::{Format, ReadOptions};
use crate::page::{page_events, PageInfo};
use crate::txt;
use crate::utf16;
use crate::warc::WarcReader;
use sitrep_doc::Origin;
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many leading bytes are checked for NUL (binary) and sniffed for a format.
const SNIFF_BYTES: usize = 8 << 10;

/// Reads the sniffing prefix of `stream`. When decoding fails after some bytes,
/// `stream` becomes a [`Replay`] of the failure, so the prefix is read as usual
/// and the failure (a truncation, most often) is reported where the data ends.
/// Fails only when not a single byte could be read.
fn sniff_prefix(stream: &mut Box<dyn Read + Send>) -> io::Result<Vec<u8>> {
    match read_prefix(stream, SNIFF_BYTES) {
        (p, None) => Ok(p),
        (p, Some(e)) if p.is_empty() => Err(e),
        (p, Some(e)) => {
            *stream = Box::new(Replay(Some(e)));
            Ok(p)
        }
    }
}

/// One input waiting to be read.
enum Input {
    Path {
        path: PathBuf,
        /// Path as shown in origins.
        shown: String,
        /// For files found by walking a directory: the path below it, used for ids
        /// (so `a/x.txt` and `b/x.txt` get different ids).
        below: Option<String>,
    },
    Reader {
        name: String,
        reader: Box<dyn Read + Send>,
        format: Option<Format>,
    },
    /// A skip decided while walking a directory.
    Skipped(Skip),
}

/// The lazy event stream of a batch read; see the crate documentation.
///
/// Inputs are opened one at a time, when the previous one is exhausted;
/// directories are listed when reached. The iterator is `Send`, so a driver can
/// move it to a worker thread.
pub struct Events {
    queue: VecDeque<Input>,
    current: Option<Box<dyn Iterator<Item = Event> + Send>>,
    opts: Arc<ReadOptions>,
    /// Canonical directories already walked (symbolic-link loops).
    walked: HashSet<PathBuf>,
}

impl fmt::Debug for Events {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events")
            .field("queued_inputs", &self.queue.len())
            .finish_non_exhaustive()
    }
}

/// Reads files, directories (recursively, entries sorted by name) and `-`
/// (standard input), in the order given.
///
/// Formats come from extensions (`.txt`, `.jsonl`, `.json`, `.csv`, `.html`, `.warc`,
/// each optionally followed by `.gz` or `.zst`). Inside directories, files with
/// other extensions and hidden entries are skipped; files named explicitly, and
/// standard input, have their format sniffed when the extension does not say.
pub fn read_paths<P: AsRef<Path>>(paths: &[P], opts: &ReadOptions) -> Events {
    let queue = paths
        .iter()
        .map(|p| {
            let path = p.as_ref();
            if path == Path::new("-") {
                Input::Reader {
                    name: "-".into(),
                    reader: Box::new(io::stdin()),
                    format: opts.format,
                }
            } else {
                Input::Path {
                    path: path.to_path_buf(),
                    shown: path.display().to_string(),
                    below: None,
                }
            }
        })
        .collect();
    Events::new(queue, opts)
}

/// Reads one stream (standard input, a socket, an in-memory buffer). `name`
/// appears in origins and ids; the format is `format`, else `opts.format`, else
/// sniffed. Compression is detected from magic bytes.
pub fn read_reader<R: Read + Send + 'static>(
    name: &str,
    reader: R,
    format: Option<Format>,
    opts: &ReadOptions,
) -> Events {
    let input = Input::Reader {
        name: name.to_string(),
        reader: Box::new(reader),
        format: format.or(opts.format),
    };
    Events::new(VecDeque::from([input]), opts)
}

/// Splits a file name into its id stem, format extension and codec:
/// `x.jsonl.gz` → (`x`, `jsonl`, gzip).
fn split_name(name: &str) -> (&str, Option<&str>, Option<Codec>) {
    let (mut stem, mut codec) = (name, None);
    let lower = name.to_ascii_lowercase();
    for (ext, c) in [
        (".gz", Codec::Gzip),
        (".zst", Codec::Zstd),
        (".zstd", Codec::Zstd),
    ] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            stem = &name[..name.len() - ext.len()];
            codec = Some(c);
            break;
        }
    }
    match stem.rsplit_once('.') {
        Some((base, ext)) if !base.is_empty() => (base, Some(ext), codec),
        _ => (stem, None, codec),
    }
}

impl Events {
    fn new(queue: VecDeque<Input>, opts: &ReadOptions) -> Events {
        Events {
            queue,
            current: None,
            opts: Arc::new(opts.clone()),
            walked: HashSet::new(),
        }
    }

    fn skip(path: &str, reason: SkipReason) -> Event {
        Event::Skipped(Skip {
            origin: Origin {
                path: path.to_string(),
                record: None,
            },
            reason,
        })
    }

    /// Lists a directory into the front of the queue, sorted by name.
    fn walk(&mut self, dir: &Path, shown: &str, below: Option<&str>) -> Option<Event> {
        if let Ok(canonical) = fs::canonicalize(dir) {
            if !self.walked.insert(canonical) {
                // Reached again through a symbolic link: already read once.
                return None;
            }
        }
        let entries = match fs::read_dir(dir).and_then(|rd| rd.collect::<io::Result<Vec<_>>>()) {
            Ok(e) => e,
            Err(e) => {
                let reason = SkipReason::Io {
                    message: format!("cannot list directory: {e}"),
                };
                return Some(Events::skip(shown, reason));
            }
        };
        let mut entries: Vec<_> = entries.into_iter().map(|e| e.file_name()).collect();
        entries.sort();
        for name in entries.into_iter().rev() {
            let name_s = name.to_string_lossy().into_owned();
            let path = dir.join(&name);
            let shown = Path::new(shown).join(&name).display().to_string();
            let below = match below {
                Some(b) => format!("{b}/{name_s}"),
                None => name_s.clone(),
            };
            let input = if name_s.starts_with('.') {
                Input::Skipped(Skip {
                    origin: Origin {
                        path: shown,
                        record: None,
                    },
                    reason: SkipReason::Hidden,
                })
            } else {
                Input::Path {
                    path,
                    shown,
                    below: Some(below),
                }
            };
            self.queue.push_front(input);
        }
        None
    }

    /// Opens a path: a directory is walked, a file starts a reader.
    fn open_path(&mut self, path: PathBuf, shown: String, below: Option<String>) -> Option<Event> {
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let message = format!("cannot open: {e}");
                return Some(Events::skip(&shown, SkipReason::Io { message }));
            }
        };
        if meta.is_dir() {
            return self.walk(&path, &shown, below.as_deref());
        }
        if !meta.is_file() {
            return Some(Events::skip(&shown, SkipReason::NotAFile));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (stem, ext, _) = split_name(&name);
        let by_ext = ext.and_then(Format::from_extension);
        let format = self.opts.format.or(by_ext);
        if format.is_none() && below.is_some() {
            let ext = ext.unwrap_or("").to_string();
            return Some(Events::skip(&shown, SkipReason::UnknownExtension { ext }));
        }
        // Only strip an extension that names a format: `report.2016` keeps its dot.
        let stem = if by_ext.is_some() {
            stem
        } else {
            name.as_str()
        };
        let id_base = match below.as_deref().and_then(|b| b.rsplit_once('/')) {
            Some((dir, _)) => format!("{dir}/{stem}"),
            None => stem.to_string(),
        };
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                let message = format!("cannot open: {e}");
                return Some(Events::skip(&shown, SkipReason::Io { message }));
            }
        };
        let ctx = Ctx {
            path: shown,
            id_base,
            opts: Arc::clone(&self.opts),
        };
        self.start(Box::new(file), format, ctx)
    }

    /// Starts reading a stream: removes compression, checks for binary content,
    /// picks the format and installs its reader. Returns an event when the
    /// stream is skipped whole.
    fn start(
        &mut self,
        mut raw: Box<dyn Read + Send>,
        format: Option<Format>,
        ctx: Ctx,
    ) -> Option<Event> {
        let magic = match read_prefix(&mut raw, 4) {
            (_, Some(e)) => return Some(ctx.skip(None, skip_reason(&e))),
            (m, None) => m,
        };
        if magic.is_empty() {
            return Some(ctx.skip(None, SkipReason::Empty));
        }
        let codec = codec::sniff(&magic);
        let mut stream: Box<dyn Read + Send> = Box::new(io::Cursor::new(magic).chain(raw));
        if let Some(c) = codec {
            stream = codec::decoder(c, stream);
        }
        let mut prefix = match sniff_prefix(&mut stream) {
            Ok(p) => p,
            Err(e) => return Some(ctx.skip(None, skip_reason(&e))),
        };
        if let Some(endian) = utf16::sniff_bom(&prefix) {
            let rest = io::Cursor::new(prefix.split_off(2)).chain(stream);
            stream = Box::new(utf16::Utf16Reader::new(rest, endian));
            prefix = match sniff_prefix(&mut stream) {
                Ok(p) => p,
                Err(e) => return Some(ctx.skip(None, skip_reason(&e))),
            };
        }
        if prefix.is_empty() {
            return Some(ctx.skip(None, SkipReason::Empty));
        }
        let format = format.unwrap_or_else(|| Format::sniff(&prefix));
        // WARC records may carry images and other binary payloads legitimately;
        // a record format skips only the lines holding a NUL unless the whole
        // prefix looks binary; a single-article format is one unit anyway.
        let binary = match format {
            Format::Warc => None,
            Format::Jsonl | Format::Json | Format::Csv | Format::Tsv => looks_binary(&prefix),
            Format::Txt | Format::Html => find_nul(&prefix),
        };
        if let Some(at) = binary {
            return Some(ctx.skip(None, SkipReason::Binary { offset: at as u64 }));
        }
        // Windows-1252 (Latin-1) text is transcoded for the whole input, with one
        // warning naming the file. HTML says its charset (the page decoder reads
        // it) and WARC records are decoded one by one, so both keep their bytes.
        // An input whose first 8 KiB are ASCII is still decoded per unit.
        let mut notes = Vec::new();
        if !matches!(format, Format::Html | Format::Warc) && is_cp1252(&prefix) {
            let rest = io::Cursor::new(std::mem::take(&mut prefix)).chain(stream);
            stream = Box::new(Cp1252Reader::new(rest));
            prefix = match sniff_prefix(&mut stream) {
                Ok(p) => p,
                Err(e) => return Some(ctx.skip(None, skip_reason(&e))),
            };
            notes.push(ctx.warn(None, WarningKind::Windows1252));
        }
        let stream = io::Cursor::new(prefix).chain(stream);
        let buffered = Box::new(BufReader::with_capacity(64 << 10, stream));
        let reader: Box<dyn Iterator<Item = Event> + Send> = match format {
            Format::Jsonl => Box::new(JsonlReader::new(buffered, ctx)),
            Format::Json => Box::new(JsonReader::new(buffered, ctx)),
            Format::Csv => Box::new(CsvReader::new(buffered, ctx, b',')),
            Format::Tsv => Box::new(CsvReader::new(buffered, ctx, b'\t')),
            Format::Warc => Box::new(WarcReader::new(buffered, ctx)),
            Format::Txt | Format::Html => {
                let mut buffered = buffered;
                let limit = ctx.opts.max_article_bytes;
                let events = match read_all_bounded(&mut buffered, limit) {
                    Err(e) => vec![ctx.skip(None, skip_reason(&e))],
                    Ok(Bounded::TooLarge) => vec![ctx.skip(None, SkipReason::TooLarge { limit })],
                    Ok(Bounded::Fits(bytes)) if format == Format::Txt => txt::read(bytes, &ctx),
                    Ok(Bounded::Fits(bytes)) => {
                        let info = PageInfo {
                            id: ctx.id_base.clone(),
                            ..PageInfo::default()
                        };
                        page_events(bytes, &ctx, info)
                    }
                };
                Box::new(events.into_iter())
            }
        };
        self.current = Some(match notes.is_empty() {
            true => reader,
            false => Box::new(notes.into_iter().chain(reader)),
        });
        None
    }
}

impl Iterator for Events {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(e) = cur.next() {
                    return Some(match e {
                        Event::Article(mut a) => match lang::check(&mut a, &self.opts) {
                            None => Event::Article(a),
                            Some(reason) => Event::Skipped(Skip {
                                origin: a.origin,
                                reason,
                            }),
                        },
                        other => other,
                    });
                }
                self.current = None;
            }
            let event = match self.queue.pop_front()? {
                Input::Skipped(s) => Some(Event::Skipped(s)),
                Input::Path { path, shown, below } => self.open_path(path, shown, below),
                Input::Reader {
                    name,
                    reader,
                    format,
                } => {
                    let id_base = if name == "-" {
                        "stdin".to_string()
                    } else {
                        name.clone()
                    };
                    let ctx = Ctx {
                        path: name,
                        id_base,
                        opts: Arc::clone(&self.opts),
                    };
                    self.start(reader, format, ctx)
                }
            };
            if event.is_some() {
                return event;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_name;
    use crate::event::Codec;

    #[test]
    fn names() {
        assert_eq!(
            split_name("x.jsonl.gz"),
            ("x", Some("jsonl"), Some(Codec::Gzip))
        );
        assert_eq!(
            split_name("a.b.TXT.zst"),
            ("a.b", Some("TXT"), Some(Codec::Zstd))
        );
        assert_eq!(split_name("README"), ("README", None, None));
        assert_eq!(split_name(".gz"), (".gz", None, None));
    }
}
