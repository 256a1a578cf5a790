//! HTML pages: metadata and main-content extraction.

mod content;
mod dom;
mod entities;
mod meta;

use crate::bytes::{decode_cp1252, decode_lossy, Bad};
use dom::Dom;
pub(crate) use entities::CP1252_HIGH;
pub use meta::Meta;

/// What sitrep takes from one HTML page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlPage {
    pub meta: Meta,
    /// The main article text: paragraphs and headings separated by blank lines,
    /// whitespace collapsed, character references decoded. Empty if none was found.
    pub text: String,
}

/// Extracts metadata and main text from a decoded page. Never fails.
pub fn extract_html(html: &str) -> HtmlPage {
    let dom = Dom::parse(html);
    HtmlPage {
        meta: meta::collect(&dom),
        text: content::extract(&dom),
    }
}

/// Charsets that are decoded as Windows-1252 (a superset of Latin-1 and ASCII, as
/// browsers treat them).
const SINGLE_BYTE: &[&str] = &[
    "windows-1252",
    "cp1252",
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "latin-1",
    "us-ascii",
    "ascii",
];

/// Decodes page bytes. Valid UTF-8 is taken as is; otherwise a declared
/// Latin-1/Windows-1252 charset (from `http_charset` or a `charset=` in the first
/// 4 KB) is honoured; anything else is decoded as [`decode_lossy`] does
/// (undeclared Windows-1252 recognised, else lossy UTF-8), and how is returned
/// for a warning.
pub(crate) fn decode_page(bytes: Vec<u8>, http_charset: Option<&str>) -> (String, Option<Bad>) {
    if std::str::from_utf8(&bytes).is_ok() {
        return decode_lossy(bytes);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let declared = http_charset
        .map(str::to_string)
        .or_else(|| meta::charset_of(&head));
    if declared.is_some_and(|c| SINGLE_BYTE.contains(&c.as_str())) {
        return (decode_cp1252(&bytes), None);
    }
    decode_lossy(bytes)
}

/// The charset parameter of an HTTP Content-Type.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    meta::charset_of(content_type)
}
