//! Turning a field map (a JSONL object, a CSV record) into an [`Article`].

use crate::date::parse_published;
use crate::event::SkipReason;
use crate::options::ReadOptions;
use serde_json::{Map, Value};
use sitrep_doc::{Article, Origin};

/// A scalar field as a trimmed, non-empty string; numbers and booleans are
/// rendered, null, empty strings, arrays and objects are absent.
fn scalar(v: Option<Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    let t = s.trim();
    if t.is_empty() {
        None
    } else if t.len() == s.len() {
        Some(s)
    } else {
        Some(t.to_string())
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Builds an article from `fields`, consuming the fields it interprets; the rest
/// go to [`Article::extra`]. `default_id` is used when the record has no id.
///
/// A date that does not parse is kept verbatim as `extra["published_raw"]`.
pub(crate) fn build_article(
    mut fields: Map<String, Value>,
    opts: &ReadOptions,
    origin: Origin,
    default_id: String,
) -> Result<Article, SkipReason> {
    let text = match fields.remove(&opts.text_column) {
        Some(Value::String(s)) => s,
        other => {
            return Err(SkipReason::NoText {
                field: opts.text_column.clone(),
                found: other.as_ref().map_or("missing", json_kind),
                fields: {
                    // Sorted: the map's order depends on serde_json features.
                    let mut k: Vec<String> = fields.keys().cloned().collect();
                    k.sort();
                    k
                },
            });
        }
    };
    if text.trim().is_empty() {
        return Err(SkipReason::EmptyText);
    }
    let title = scalar(fields.remove(&opts.title_column));
    let id = scalar(fields.remove(&opts.id_column)).unwrap_or(default_id);
    let url = scalar(fields.remove(&opts.url_column));
    let source = scalar(fields.remove(&opts.source_column));
    let raw_date = match &opts.date_column {
        Some(c) => scalar(fields.remove(c)),
        None => {
            let p = scalar(fields.remove("published"));
            match p {
                Some(p) => Some(p),
                None => scalar(fields.remove("date")),
            }
        }
    };
    let published = raw_date.as_deref().and_then(parse_published);
    if let (Some(raw), None) = (raw_date, published) {
        fields.insert("published_raw".into(), Value::String(raw));
    }
    Ok(Article {
        id,
        title,
        text,
        url,
        source,
        published,
        extra: fields,
        origin,
    })
}
