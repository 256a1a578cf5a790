//! Finds direct quotes by their quotation marks, on the raw text.
//!
//! Rules, in order of precedence:
//! - curly marks are unambiguous: `“` opens, `”` closes (also `„`/`«`/`»`);
//! - a straight `"` closes an open quote and opens otherwise, except that its
//!   shape can overrule: `"` with a space before and a letter after opens even
//!   when a quote is open (the open one was unbalanced and ends there), and `"`
//!   with a letter before and a space after never opens (a stray closer);
//! - single quotes (`'`, `‘`, `’`) are never outer marks: nested quotes and
//!   apostrophes stay inside the content;
//! - a curly mark typed the wrong way round is read by its shape when that
//!   contradicts its direction (`decision.“ However` closes);
//! - an open quote at a paragraph's end continues into the next paragraph if
//!   that paragraph starts with an opening mark (the newspaper convention for
//!   multi-paragraph quotes) or if its first mark is closer-shaped (the quote
//!   simply goes on across the break); otherwise it ends, unclosed, at the
//!   paragraph end.
//!
//! The scan is one pass over the text: linear time whatever the marks.

use sitrep_doc::Span;

/// A quotation found by its marks, before cue and speaker are looked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    /// From the opening mark to the closing mark (or the content's end).
    pub outer: Span,
    /// Inside the marks.
    pub content: Span,
    pub closed: bool,
}

fn is_opener_char(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_closer_char(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Every quotation in `text`, in order. `paragraphs` are the document's
/// paragraph spans; if empty, the whole text is one paragraph.
pub fn scan(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let whole = [Span::new(0, text.len())];
    let paragraphs = if paragraphs.is_empty() {
        &whole[..]
    } else {
        paragraphs
    };
    let mut out = Vec::new();
    // (opening mark start, content start)
    let mut open: Option<(usize, usize)> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let Some(ptext) = text.get(para.range()) else {
            continue;
        };
        let base = para.start as usize;
        let mut skip_first_opener = open.is_some();
        let mut prev: Option<char> = None;
        let mut chars = ptext.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let at = base + off;
            let next = chars.peek().map(|&(_, n)| n);
            let end = at + c.len_utf8();
            if skip_first_opener && !c.is_whitespace() {
                skip_first_opener = false;
                if is_opener_char(c) || c == '"' {
                    prev = Some(c);
                    continue;
                }
            }
            let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
            let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n));
            let opener_only = space_before && !space_after;
            let closer_only = !space_before && space_after;
            // A curly mark typed the wrong way round (`decision.“ However`) is
            // read by its shape when that contradicts its direction.
            let c = match c {
                '“' if open.is_some() && closer_only => '”',
                '”' if open.is_none() && opener_only => '“',
                _ => c,
            };
            if is_opener_char(c) {
                if let Some((o, cs)) = open.take() {
                    // A new opener while one is open: the earlier was unbalanced.
                    out.push(unclosed(text, o, cs, at));
                }
                open = Some((at, end));
            } else if is_closer_char(c) {
                if let Some((o, cs)) = open.take() {
                    out.push(Marked {
                        outer: Span::new(o, end),
                        content: Span::new(cs, at),
                        closed: true,
                    });
                }
            } else if c == '"' {
                match open.take() {
                    Some((o, cs)) if opener_only && at > cs => {
                        out.push(unclosed(text, o, cs, at));
                        open = Some((at, end));
                    }
                    Some((o, cs)) => out.push(Marked {
                        outer: Span::new(o, end),
                        content: Span::new(cs, at),
                        closed: true,
                    }),
                    None if closer_only => {}
                    None => open = Some((at, end)),
                }
            }
            prev = Some(c);
        }
        if let Some((o, cs)) = open {
            let continues = paragraphs.get(pi + 1).is_some_and(|next| {
                text.get(next.range()).is_some_and(|t| {
                    let opens = t
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(|c| is_opener_char(c) || c == '"');
                    opens || first_mark_closes(t)
                })
            });
            if !continues {
                out.push(unclosed(text, o, cs, para.end as usize));
                open = None;
            }
        }
    }
    if let Some((o, cs)) = open {
        out.push(unclosed(text, o, cs, text.len()));
    }
    out
}

/// Whether the first quotation mark of a paragraph is closer-shaped (a letter or
/// punctuation before it, space or the end after): the paragraph continues a
/// quote left open by the one before (`said, "I think ...` ¶ `... better."`).
fn first_mark_closes(t: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut it = t.char_indices().peekable();
    while let Some((_, c)) = it.next() {
        if c == '"' || is_opener_char(c) || is_closer_char(c) {
            let next = it.peek().map(|&(_, n)| n);
            let tight_before = prev.is_some_and(|p| !p.is_whitespace());
            let loose_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)".contains(n));
            return is_closer_char(c) || (c == '"' && tight_before && loose_after);
        }
        prev = Some(c);
    }
    false
}

/// An unclosed quote ending at `end`, trailing whitespace excluded.
fn unclosed(text: &str, open: usize, content_start: usize, end: usize) -> Marked {
    let trimmed = text
        .get(content_start..end)
        .map_or(content_start, |t| content_start + t.trim_end().len());
    Marked {
        outer: Span::new(open, trimmed),
        content: Span::new(content_start, trimmed),
        closed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str, paras: &[Span]) -> Vec<(String, bool)> {
        scan(text, paras)
            .into_iter()
            .map(|m| (m.content.slice(text).to_string(), m.closed))
            .collect()
    }

    fn paragraphs(t: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in t.match_indices("\n\n") {
            out.push(Span::new(start, i));
            start = i + 2;
        }
        out.push(Span::new(start, t.len()));
        out
    }

    #[test]
    fn straight_and_curly() {
        let t = "He said \"go now,\" and “stay ‘here’ [sic]” too.";
        assert_eq!(
            contents(t, &[]),
            vec![
                ("go now,".to_string(), true),
                ("stay ‘here’ [sic]".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_paragraph_closing_an_open_quote_continues_it() {
        let t = "He said, \"I think we learned a lot.\n\nIt was emotional.\" Then he left.";
        let c = contents(t, &paragraphs(t));
        assert_eq!(
            c,
            vec![(
                "I think we learned a lot.\n\nIt was emotional.".to_string(),
                true
            )]
        );
    }

    #[test]
    fn wrong_way_curly_marks_follow_their_shape() {
        let t = "“It is an affront.“ However, the JSC will get seats.";
        let c = contents(t, &[]);
        assert_eq!(c, vec![("It is an affront.".to_string(), true)]);
    }

    #[test]
    fn glued_quotes_toggle() {
        let t = "on Monday.\"The US has returned,\" he said.\"We have gone.\"";
        let c = contents(t, &[]);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].0, "The US has returned,");
        assert_eq!(c[1].0, "We have gone.");
    }

    #[test]
    fn multi_paragraph_and_unbalanced() {
        let t = "“First part.\n\n“Second part,” he said.\n\nBroken \"quote here\n\nNext.";
        let c = contents(t, &paragraphs(t));
        assert_eq!(c[0].0, "First part.\n\n“Second part,");
        assert!(c[0].1);
        assert_eq!(c[1], ("quote here".to_string(), false));
        assert_eq!(c.len(), 2);
    }
}
