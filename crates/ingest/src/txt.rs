//! Plain text: the first line is the title, the rest the body.

use crate::bytes::decode_lossy;
use crate::ctx::Ctx;
use crate::event::{Event, SkipReason};
use sitrep_doc::Article;

/// Reads one whole (already size-checked) text file.
///
/// Line ends are normalised to `\n`; the title is the trimmed first line and the
/// body starts at the first non-blank line after it. A file of a single line is a
/// body without a title (the text is what analysis needs most). A `YYYY-MM-DD`
/// in the file name is the publication date (`extra["published_from"]` says so).
pub(crate) fn read(bytes: Vec<u8>, ctx: &Ctx) -> Vec<Event> {
    let mut events = Vec::new();
    let (s, bad) = decode_lossy(bytes);
    if let Some(bad) = bad {
        events.push(ctx.warn(None, bad.warning(0)));
    }
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(&s);
    let s = s.replace("\r\n", "\n");
    let s = s.trim_start_matches(|c: char| c.is_whitespace());
    if s.trim().is_empty() {
        events.push(ctx.skip(None, SkipReason::Empty));
        return events;
    }
    let (first, rest) = s.split_once('\n').unwrap_or((s, ""));
    let body = rest.trim();
    let (title, text) = if body.is_empty() {
        (None, first.trim().to_string())
    } else {
        (Some(first.trim().to_string()), body.to_string())
    };
    let published = ctx.name_date();
    let mut extra = serde_json::Map::new();
    if published.is_some() {
        extra.insert("published_from".into(), "file name".into());
    }
    events.push(Event::Article(Article {
        id: ctx.id_base.clone(),
        title,
        text,
        published,
        extra,
        origin: ctx.origin(None),
        ..Article::default()
    }));
    events
}
