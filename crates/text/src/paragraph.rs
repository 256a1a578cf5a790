//! Paragraphs: blocks of text separated by blank lines.

use crate::chars::{is_ignorable, is_space};
use sitrep_doc::Span;

/// Splits `text` into paragraphs: maximal runs of lines that contain something
/// other than whitespace (and invisible characters), separated by one or more
/// blank lines (`\n\s*\n`).
///
/// Each span is trimmed of surrounding whitespace, so it starts and ends on a
/// visible character; spans are in text order, non-empty and non-overlapping.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Start of the current paragraph's first visible character, and the end of
    // its last visible character so far.
    let mut cur: Option<(usize, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let visible = line
            .char_indices()
            .filter(|&(_, c)| !is_space(c) && !is_ignorable(c));
        let mut first = None;
        let mut last = None;
        for (i, c) in visible {
            if first.is_none() {
                first = Some(i);
            }
            last = Some(i + c.len_utf8());
        }
        match (first, last) {
            (Some(f), Some(l)) => {
                let (f, l) = (line_start + f, line_start + l);
                cur = Some(match cur {
                    Some((s, _)) => (s, l),
                    None => (f, l),
                });
            }
            _ => {
                if let Some((s, e)) = cur.take() {
                    out.push(Span::new(s, e));
                }
            }
        }
        line_start += line.len();
    }
    if let Some((s, e)) = cur {
        out.push(Span::new(s, e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<&str> {
        paragraphs(s).iter().map(|p| p.slice(s)).collect()
    }

    #[test]
    fn blank_lines_separate() {
        assert_eq!(
            paras("Title\n\nBody one.\nStill one.\n \t\n\nTwo."),
            ["Title", "Body one.\nStill one.", "Two."]
        );
        assert_eq!(paras("  lead\r\n\r\n  next  "), ["lead", "next"]);
        assert_eq!(paras("a\n\u{A0}\nb"), ["a", "b"], "NBSP-only line is blank");
        assert!(paras("").is_empty());
        assert!(paras(" \n\n \u{200B}\n").is_empty());
    }
}
