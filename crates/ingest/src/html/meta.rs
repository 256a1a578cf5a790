//! Page metadata: title, publication date, site name, canonical URL.

use super::dom::{Data, Dom};
use serde_json::Value;

/// What the page says about itself. All strings are trimmed and non-empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// `og:title` (free of the " | Site" suffixes `<title>` tends to carry), else
    /// `<title>`, else the JSON-LD `headline`.
    pub title: Option<String>,
    /// The raw publication date as written, from the most specific source found.
    pub published: Option<String>,
    /// `og:site_name`, else the JSON-LD publisher's name.
    pub site_name: Option<String>,
    /// `<link rel=canonical>`, else `og:url`.
    pub url: Option<String>,
    /// The declared character set (`<meta charset>` or `http-equiv`), lowercase.
    pub charset: Option<String>,
}

/// Meta names that carry a publication date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "og:pubdate",
];

fn nonempty(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Searches JSON-LD for `datePublished`, `publisher.name` and `headline`,
/// descending into arrays and `@graph`.
fn json_ld(
    v: &Value,
    date: &mut Option<String>,
    publisher: &mut Option<String>,
    headline: &mut Option<String>,
) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| json_ld(x, date, publisher, headline)),
        Value::Object(o) => {
            if date.is_none() {
                *date = o
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .and_then(nonempty);
            }
            if headline.is_none() {
                *headline = o.get("headline").and_then(Value::as_str).and_then(nonempty);
            }
            if publisher.is_none() {
                *publisher = o
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                    .and_then(nonempty);
            }
            if let Some(g) = o.get("@graph") {
                json_ld(g, date, publisher, headline);
            }
        }
        _ => {}
    }
}

/// Collects the metadata of a parsed page.
pub(crate) fn collect(dom: &Dom) -> Meta {
    let mut title = None;
    let mut og_title = None;
    let mut dates: Vec<(usize, String)> = Vec::new();
    let mut site_name = None;
    let mut canonical = None;
    let mut og_url = None;
    let mut charset = None;
    let (mut ld_date, mut ld_publisher, mut ld_headline) = (None, None, None);
    for (id, node) in dom.nodes.iter().enumerate() {
        let Data::Element { name, .. } = &node.data else {
            continue;
        };
        let attr = |k: &str| dom.attr(id, k);
        match name.as_str() {
            "title" if title.is_none() => title = nonempty(&dom.text(id)),
            "meta" => {
                if let Some(c) = attr("charset") {
                    charset = Some(c.trim().to_ascii_lowercase());
                }
                let content = attr("content").unwrap_or("");
                if attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type")) {
                    if let Some(c) = charset_of(content) {
                        charset = Some(c);
                    }
                }
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let Some(value) = nonempty(content) else {
                    continue;
                };
                match key.as_str() {
                    "og:title" => og_title = og_title.or(Some(value)),
                    "og:site_name" => site_name = site_name.or(Some(value)),
                    "og:url" => og_url = og_url.or(Some(value)),
                    k => {
                        if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
                            dates.push((rank, value));
                        }
                    }
                }
            }
            "link" => {
                let rel = attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = attr("href").and_then(nonempty);
                }
            }
            "script" => {
                let ty = attr("type").unwrap_or("").trim().to_ascii_lowercase();
                if ty == "application/ld+json" {
                    if let Ok(v) = serde_json::from_str::<Value>(dom.text(id).trim()) {
                        json_ld(&v, &mut ld_date, &mut ld_publisher, &mut ld_headline);
                    }
                }
            }
            "time" => {
                // `<time pubdate>`, microdata, or a theme's class (WordPress:
                // `<time class="entry-date published">`).
                let class_says = attr("class").is_some_and(|c| {
                    c.split(|ch: char| !ch.is_ascii_alphanumeric())
                        .any(|w| matches!(w.to_ascii_lowercase().as_str(), "published" | "pubdate"))
                });
                let marked = attr("pubdate").is_some()
                    || class_says
                    || attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                if marked {
                    if let Some(d) = attr("datetime").and_then(nonempty) {
                        dates.push((DATE_KEYS.len() + 1, d));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(d) = ld_date {
        // JSON-LD is as specific as a published_time meta tag.
        dates.push((1, d));
    }
    dates.sort_by_key(|(rank, _)| *rank);
    Meta {
        title: og_title.or(title).or(ld_headline),
        published: dates.into_iter().next().map(|(_, d)| d),
        site_name: site_name.or(ld_publisher),
        url: canonical.or(og_url),
        charset,
    }
}

/// The `charset=` parameter of a Content-Type value, lowercase.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let v: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!v.is_empty()).then_some(v)
}
