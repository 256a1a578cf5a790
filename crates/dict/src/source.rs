//! Reading dictionary text: binary detection, decoding and comment removal.
//!
//! All loaders share one notion of a *content line*: the file is split into lines
//! (`\n` or `\r\n`), `<!-- ... -->` comments (possibly spanning lines) are removed,
//! everything after `#` or `;` (PETRARCH and KEDS/TABARI comment markers) is dropped,
//! and lines that are then blank are skipped. Leading whitespace is *kept*, because
//! in actor files a line that starts with a tab or space is a date-restricted role.

use std::borrow::Cow;

use crate::error::{Error, Warning};

/// One content line: 1-based number and the text with comments removed (not trimmed).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// Decodes a dictionary file, refusing binary data.
///
/// Dictionaries are plain text; a NUL byte, or many control characters, means the
/// caller handed us something else (a compiled file, an archive, an image), and the
/// error says so rather than producing a flood of per-line warnings. Text that is
/// not UTF-8 is read as Latin-1, the encoding of older KEDS/TABARI files, with
/// one warning giving the line of the first byte that is not UTF-8.
pub(crate) fn decode<'a>(
    name: &str,
    bytes: &'a [u8],
    kind: &'static str,
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'a, str>, Error> {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Err(Error::NotADictionary {
            path: name.to_string(),
            kind,
            reason: "binary data (NUL or control bytes), expected plain text".to_string(),
        });
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            warnings.push(Warning {
                file: name.to_string(),
                line,
                message: format!("not UTF-8 (byte offset {at}): file read as Latin-1"),
            });
            Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())
        }
    })
}

/// Which end-of-line comment markers a format uses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Comments {
    pub hash: bool,
    pub semicolon: bool,
}

impl Comments {
    pub const ALL: Comments = Comments {
        hash: true,
        semicolon: true,
    };
}

/// Splits `text` into content lines (see the module docs).
pub(crate) fn content_lines(text: &str, comments: Comments) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut line = raw;
        if in_xml_comment {
            match line.find("-->") {
                Some(end) => {
                    in_xml_comment = false;
                    line = &line[end + 3..];
                }
                None => continue,
            }
        }
        // Only a comment at the start or end of a line is supported, as in PETRARCH:
        // text between two comments on one line is not a case the files use.
        if let Some((start, open)) = comment_open(line) {
            match line[start + open..].find("-->") {
                // A whole-line comment, possibly followed by content.
                Some(len) if line[..start].trim().is_empty() => {
                    line = &line[start + open + len + 3..]
                }
                // Content followed by a comment.
                Some(_) => line = &line[..start],
                None => {
                    in_xml_comment = true;
                    line = &line[..start];
                }
            }
        }
        // TABARI: a line beginning with `/` is a comment.
        if line.starts_with('/') {
            continue;
        }
        let line = line[..comment_start(line, comments)].trim_end();
        if !line.trim_start().is_empty() {
            out.push(Line {
                no: i + 1,
                text: line,
            });
        }
    }
    out
}

/// Where an XML comment opens in `line` and how long its opener is: `<!--`,
/// or the malformed `<! --` (blanks after `<!`) that PETRARCH's validation
/// actors use and PETRARCH reads as a comment. Without this, the `<! ...>`
/// line would look like a TABARI `<SECTION>` marker and hide what follows.
fn comment_open(line: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = line[from..].find("<!") {
        let start = from + i;
        let rest = &line[start + 2..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[blanks..].starts_with("--") {
            return Some((start, 2 + blanks + 2));
        }
        from = start + 2;
    }
    None
}

/// Where an end-of-line comment starts (`line.len()` if none). A `#` or `;`
/// inside `[...]` is part of a code (TABARI's discard code `[###]`), not a comment.
fn comment_start(line: &str, comments: Comments) -> usize {
    let mut depth = 0usize;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'#' if comments.hash && depth == 0 => return i,
            b';' if comments.semicolon && depth == 0 => return i,
            _ => {}
        }
    }
    line.len()
}

/// True for TABARI's end-of-file mark `~FINISH` / `~~FINISH ...`.
pub(crate) fn is_finish(trimmed: &str) -> bool {
    trimmed.starts_with('~') && trimmed.trim_start_matches('~').starts_with("FINISH")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_and_keeps_indent() {
        let text = "<!-- head -->\nA [X] # c\n<!-- multi\nstill\n-->\n\t[Y] ; old\n\n// tabari\nB [###] #c\n";
        let lines = content_lines(text, Comments::ALL);
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(got, vec![(2, "A [X]"), (6, "\t[Y]"), (9, "B [###]")]);
    }

    #[test]
    fn spaced_comment_opener_is_a_comment() {
        let text = "<! -- new actors -->\nA [X]\n<!  -- two\nlines -->\nB [Y]\n<NOUN>\n";
        let lines = content_lines(text, Comments::ALL);
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(got, vec![(2, "A [X]"), (5, "B [Y]"), (6, "<NOUN>")]);
    }

    #[test]
    fn refuses_binary() {
        let err = decode("x.bin", b"\x7fELF\x00\x01\x02", "actor", &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn latin1_fallback() {
        let mut warnings = Vec::new();
        let s = decode("x", b"# ok\nCAF\xc9 [FRA]", "actor", &mut warnings).unwrap();
        assert_eq!(s, "# ok\nCAF\u{c9} [FRA]");
        let w: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w, ["x:2: not UTF-8 (byte offset 8): file read as Latin-1"]);
        let mut none = Vec::new();
        decode("y", "CAFÉ [FRA]".as_bytes(), "actor", &mut none).unwrap();
        assert!(none.is_empty());
    }
}
