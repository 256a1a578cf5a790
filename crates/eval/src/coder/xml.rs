//! A small, tolerant reader for the record files of the peer test suites:
//! elements, attributes (either quote, blanks around `=`), comments skipped,
//! the five predefined entities decoded. Not a general XML parser: it finds
//! elements by name and never fails; malformed parts are skipped.

/// An element's attributes and inner text (raw, children included).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element<'a> {
    /// Byte offset of the opening `<` in the searched text (for ordering
    /// elements of different names).
    pub start: usize,
    pub attrs: Vec<(String, String)>,
    pub inner: &'a str,
}

impl Element<'_> {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Removes `<!-- ... -->` comments (an unterminated one runs to the end).
pub fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        match rest[p + 4..].find("-->") {
            Some(q) => rest = &rest[p + 4 + q + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every `<name ...>...</name>` (or `<name .../>`) in `s`, in order. Names
/// match case-insensitively and must be followed by a blank, `>` or `/`.
pub fn elements<'a>(s: &'a str, name: &str) -> Vec<Element<'a>> {
    let lower = s.to_ascii_lowercase();
    let open = format!("<{}", name.to_ascii_lowercase());
    let close = format!("</{}>", name.to_ascii_lowercase());
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = lower.get(pos..).and_then(|r| r.find(&open)) {
        let start = pos + rel;
        let after_name = start + open.len();
        let next = lower.as_bytes().get(after_name).copied();
        if !matches!(next, Some(b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')) {
            pos = after_name;
            continue;
        }
        let Some(gt) = lower.get(after_name..).and_then(|r| r.find('>')) else {
            break;
        };
        let tag_end = after_name + gt;
        let head = s.get(after_name..tag_end).unwrap_or("");
        let self_closing = head.trim_end().ends_with('/');
        let attrs = parse_attrs(head.trim_end_matches('/'));
        if self_closing {
            out.push(Element {
                start,
                attrs,
                inner: "",
            });
            pos = tag_end + 1;
            continue;
        }
        let body_start = tag_end + 1;
        let (inner, end) = match lower.get(body_start..).and_then(|r| r.find(&close)) {
            Some(c) => (
                s.get(body_start..body_start + c).unwrap_or(""),
                body_start + c + close.len(),
            ),
            None => (s.get(body_start..).unwrap_or(""), s.len()),
        };
        out.push(Element {
            start,
            attrs,
            inner,
        });
        pos = end;
    }
    out
}

fn parse_attrs(head: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = head.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let ks = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' {
            i += 1;
        }
        let key = head.get(ks..i).unwrap_or("").to_string();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            if !key.is_empty() {
                out.push((key, String::new()));
            }
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let vs = i + 1;
                let ve = head
                    .get(vs..)
                    .and_then(|r| r.find(q as char))
                    .map_or(head.len(), |e| vs + e);
                i = ve + 1;
                head.get(vs..ve).unwrap_or("")
            }
            _ => {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                head.get(vs..i).unwrap_or("")
            }
        };
        if !key.is_empty() {
            out.push((key, decode(value)));
        }
    }
    out
}

/// Decodes `&lt; &gt; &amp; &quot; &apos;`.
pub fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tolerantly() {
        let s = "<A x = \"1\" y='2'>in <!-- <A> --> side</A><a/><Ab>no</Ab><A z=3>open";
        let s = strip_comments(s);
        let els = elements(&s, "a");
        assert_eq!(els.len(), 3);
        assert_eq!(els[0].attr("x"), Some("1"));
        assert_eq!(els[0].attr("Y"), Some("2"));
        assert_eq!(els[0].inner, "in  side");
        assert_eq!(els[1].inner, "");
        assert_eq!(els[2].attr("z"), Some("3"));
        assert_eq!(els[2].inner, "open");
        assert!(elements("<a", "a").is_empty());
    }
}
