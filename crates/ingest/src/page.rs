//! One HTML page (a file or a WARC payload) to an article.

use crate::ctx::Ctx;
use crate::date::parse_published;
use crate::event::{Event, SkipReason};
use crate::html::{decode_page, extract_html};
use serde_json::Value;
use sitrep_doc::Article;

/// What the container knows about a page besides its bytes.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageInfo {
    pub record: Option<u64>,
    pub id: String,
    /// The URL the page was fetched from (WARC-Target-URI); wins over the page's own.
    pub url: Option<String>,
    /// A date to use when the page states none (WARC-Date).
    pub fallback_date: Option<String>,
    /// The charset from the HTTP Content-Type.
    pub charset: Option<String>,
}

/// The host of an absolute URL (`https://www.tass.com/x` → `www.tass.com`).
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let auth = rest.split(['/', '?', '#']).next()?;
    let host = auth.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Decodes and extracts a page: yields warnings, then the article or a skip.
pub(crate) fn page_events(bytes: Vec<u8>, ctx: &Ctx, info: PageInfo) -> Vec<Event> {
    let mut events = Vec::new();
    let (html, bad) = decode_page(bytes, info.charset.as_deref());
    if let Some(bad) = bad {
        events.push(ctx.warn(info.record, bad.warning(0)));
    }
    let page = extract_html(&html);
    if page.text.is_empty() {
        events.push(ctx.skip(info.record, SkipReason::NoContent));
        return events;
    }
    let meta = page.meta;
    let mut extra = serde_json::Map::new();
    let mut published = None;
    if let Some(raw) = &meta.published {
        published = parse_published(raw);
        if published.is_none() {
            extra.insert("published_raw".into(), Value::String(raw.clone()));
        }
    }
    if published.is_none() {
        published = info.fallback_date.as_deref().and_then(parse_published);
    }
    // A page file without a stated date may still be named after its day.
    if published.is_none() && info.record.is_none() {
        published = ctx.name_date();
        if published.is_some() {
            extra.insert("published_from".into(), Value::String("file name".into()));
        }
    }
    let url = match (info.url, meta.url) {
        (Some(fetched), Some(canonical)) => {
            if canonical != fetched {
                extra.insert("canonical_url".into(), Value::String(canonical));
            }
            Some(fetched)
        }
        (fetched, canonical) => fetched.or(canonical),
    };
    let source = meta.site_name.or_else(|| url.as_deref().and_then(host));
    events.push(Event::Article(Article {
        id: info.id,
        title: meta.title,
        text: page.text,
        url,
        source,
        published,
        extra,
        origin: ctx.origin(info.record),
    }));
    events
}

#[cfg(test)]
mod tests {
    #[test]
    fn hosts() {
        assert_eq!(
            super::host("https://u:p@www.Tass.com:80/a?b").as_deref(),
            Some("www.tass.com")
        );
        assert_eq!(super::host("tass.com/a"), None);
    }
}
