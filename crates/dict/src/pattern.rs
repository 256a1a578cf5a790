//! Verb patterns: `- $ * (TO BORDER) &MILITARY [154]` and TABARI's
//! `- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]`.
//!
//! Connectors follow TABARI 5.5.3: a blank lets other words intervene, an
//! underscore joins two elements tightly. An underscore followed by a blank
//! (`IN_ +`) only marks the end of a whole word (no stemming) and is loose.

use std::fmt;

use crate::model::{Elem, Group, Pattern, PatternElem};
use crate::phrase::phrase_words;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// `{...}` noun phrase, `(...)` prepositional phrase.
    Petrarch,
    /// `{ a | b }` alternatives.
    Tabari,
}

/// Parses a whole pattern line (starting with `-`). Errors are messages for a warning.
pub(crate) fn parse_pattern_line(line: &str, dialect: Dialect) -> Result<Pattern, String> {
    let body = line.trim_start();
    let body = body
        .strip_prefix('-')
        .or_else(|| body.strip_prefix('_'))
        .ok_or("pattern must start with '-'")?;
    let open = body.rfind('[').ok_or("missing [CODE] at end of pattern")?;
    let close = body[open..]
        .find(']')
        .map(|c| open + c)
        .ok_or("missing ']' after pattern code")?;
    let code = body[open + 1..close].trim();
    if code.is_empty() || code.contains(char::is_whitespace) {
        return Err(format!("invalid event code [{code}]"));
    }
    let elems = parse_elems(&body[..open], dialect)?;
    if !contains_verb(&elems) {
        return Err("missing verb marker '*' in pattern".to_string());
    }
    Ok(Pattern {
        elems,
        code: code.into(),
    })
}

/// Flags an event code that mixes digits and letters (`[07X]`, `[19O]` with
/// a letter O): CAMEO event codes are digits (`190`, paired `073:071`, null
/// `---`), so such a code is usually a typo that never matches a CAMEO table
/// entry. It is a warning, not a refusal: some dictionaries use lettered
/// sub-codes on purpose (PETRARCH's validation suite expects `174K`), and the
/// line is kept as written. Codes of letters only (options, placeholders)
/// and the other punctuation TABARI uses are left to their readers.
pub(crate) fn check_event_code(code: &str) -> Result<(), String> {
    let digit = code.chars().any(|c| c.is_ascii_digit());
    let letter = code.chars().any(|c| c.is_ascii_alphabetic());
    if digit && letter {
        return Err(format!(
            "malformed event code [{code}] (CAMEO event codes are digits); kept as written"
        ));
    }
    Ok(())
}

fn contains_verb(elems: &[PatternElem]) -> bool {
    elems.iter().any(|e| match &e.elem {
        Elem::Verb => true,
        Elem::Alternatives(alts) => alts.iter().any(|a| contains_verb(a)),
        _ => false,
    })
}

/// A raw token and whether it is joined to the previous one by `_`.
#[derive(Debug)]
struct Tok<'a> {
    text: &'a str,
    tight: bool,
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    const SPECIAL: &[char] = &['*', '$', '+', '%', '^', '{', '}', '(', ')', '|'];
    let mut out = Vec::new();
    let (mut seen_ws, mut seen_us) = (false, false);
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            seen_ws = true;
            i += c.len_utf8();
            continue;
        }
        if c == '_' {
            seen_us = true;
            i += 1;
            continue;
        }
        let start = i;
        if SPECIAL.contains(&c) {
            i += 1;
            // `**` is an older spelling of the verb marker.
            if c == '*' && bytes.get(i) == Some(&b'*') {
                i += 1;
            }
        } else {
            while i < s.len() {
                let Some(d) = s[i..].chars().next() else {
                    break;
                };
                if d.is_whitespace() || d == '_' || SPECIAL.contains(&d) {
                    break;
                }
                i += d.len_utf8();
            }
        }
        out.push(Tok {
            text: &s[start..i],
            tight: !out.is_empty() && seen_us && !seen_ws,
        });
        seen_ws = false;
        seen_us = false;
    }
    out
}

/// Parses pattern elements (everything between `-` and `[CODE]`).
pub(crate) fn parse_elems(s: &str, dialect: Dialect) -> Result<Vec<PatternElem>, String> {
    let toks = tokenize(s);
    let mut pos = 0;
    let elems = parse_seq(&toks, &mut pos, dialect, 0)?;
    if pos != toks.len() {
        return Err(format!("unexpected {:?} in pattern", toks[pos].text));
    }
    Ok(elems)
}

fn parse_seq(
    toks: &[Tok<'_>],
    pos: &mut usize,
    dialect: Dialect,
    depth: usize,
) -> Result<Vec<PatternElem>, String> {
    let mut out = Vec::new();
    let mut stack: Vec<Group> = Vec::new();
    while let Some(tok) = toks.get(*pos) {
        let tight = tok.tight;
        let elem = match (tok.text, dialect) {
            ("*" | "**", _) => Elem::Verb,
            ("$", _) => Elem::Source,
            ("+", _) => Elem::Target,
            ("%", _) => Elem::Compound,
            ("^", _) => Elem::Skip,
            ("(", Dialect::Petrarch) => {
                stack.push(Group::Prep);
                Elem::Open(Group::Prep)
            }
            ("{", Dialect::Petrarch) => {
                stack.push(Group::Noun);
                Elem::Open(Group::Noun)
            }
            (")", Dialect::Petrarch) | ("}", Dialect::Petrarch) => {
                let want = if tok.text == ")" {
                    Group::Prep
                } else {
                    Group::Noun
                };
                if stack.pop() != Some(want) {
                    return Err(format!("unbalanced {:?} in pattern", tok.text));
                }
                Elem::Close(want)
            }
            ("|", Dialect::Petrarch) => {
                return Err(
                    "disjunctive sets {a | b} are not supported in PETRARCH patterns".to_string(),
                )
            }
            ("{", Dialect::Tabari) => {
                *pos += 1;
                let mut alts = Vec::new();
                loop {
                    alts.push(parse_seq(toks, pos, dialect, depth + 1)?);
                    match toks.get(*pos).map(|t| t.text) {
                        Some("|") => *pos += 1,
                        Some("}") => break,
                        _ => return Err("unterminated { ... } alternatives".to_string()),
                    }
                }
                Elem::Alternatives(alts)
            }
            ("|" | "}", Dialect::Tabari) if depth > 0 => return Ok(out),
            ("|" | "}" | "(" | ")", Dialect::Tabari) => {
                return Err(format!("unexpected {:?} in pattern", tok.text))
            }
            (word, _) => {
                *pos += 1;
                push_word(&mut out, word, tight);
                continue;
            }
        };
        *pos += 1;
        out.push(PatternElem { elem, tight });
    }
    if !stack.is_empty() {
        return Err("unclosed ( or { in pattern".to_string());
    }
    if depth > 0 {
        return Err("unterminated { ... } alternatives".to_string());
    }
    Ok(out)
}

fn push_word(out: &mut Vec<PatternElem>, word: &str, tight: bool) {
    if let Some(name) = word.strip_prefix('&') {
        out.push(PatternElem {
            elem: Elem::Synset(synset_name(name).into()),
            tight,
        });
        return;
    }
    // TABARI `BACK~`: a stem that must be followed immediately; keep the stem.
    let word = word.trim_end_matches('~');
    for (i, w) in phrase_words(word).into_iter().enumerate() {
        out.push(PatternElem {
            elem: Elem::Word(w),
            tight: tight || i > 0,
        });
    }
}

/// Canonical synset name: uppercase, no `&`, no trailing `_`.
pub(crate) fn synset_name(raw: &str) -> String {
    raw.trim_start_matches('&')
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// Synset names referenced by a pattern.
pub(crate) fn synsets_used<'a>(elems: &'a [PatternElem], out: &mut Vec<&'a str>) {
    for e in elems {
        match &e.elem {
            Elem::Synset(n) => out.push(n),
            Elem::Alternatives(alts) => alts.iter().for_each(|a| synsets_used(a, out)),
            _ => {}
        }
    }
}

/// A pattern as a dictionary line would show it (for explanations): `-`,
/// each element after its connector (` ` or `_`), words in capitals, then
/// the code in brackets (`- $ * ( TO BORDER ) [154]`). Alternatives print
/// as `{ a | b }`, so a PETRARCH line reads back as it was written up to
/// spacing.
impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("-")?;
        write_elems(f, &self.elems)?;
        write!(f, " [{}]", self.code)
    }
}

fn write_elems(f: &mut fmt::Formatter<'_>, elems: &[PatternElem]) -> fmt::Result {
    for e in elems {
        f.write_str(if e.tight { "_" } else { " " })?;
        match &e.elem {
            Elem::Word(w) => f.write_str(&w.to_uppercase())?,
            Elem::Verb => f.write_str("*")?,
            Elem::Source => f.write_str("$")?,
            Elem::Target => f.write_str("+")?,
            Elem::Compound => f.write_str("%")?,
            Elem::Skip => f.write_str("^")?,
            Elem::Synset(n) => write!(f, "&{n}")?,
            Elem::Open(Group::Noun) => f.write_str("{")?,
            Elem::Open(Group::Prep) => f.write_str("(")?,
            Elem::Close(Group::Noun) => f.write_str("}")?,
            Elem::Close(Group::Prep) => f.write_str(")")?,
            Elem::Alternatives(alts) => {
                f.write_str("{")?;
                for (i, a) in alts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" |")?;
                    }
                    write_elems(f, a)?;
                }
                f.write_str(" }")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(elems: &[PatternElem]) -> String {
        let mut s = String::new();
        for e in elems {
            s.push_str(if e.tight { "_" } else { " " });
            match &e.elem {
                Elem::Word(w) => s.push_str(w),
                Elem::Verb => s.push('*'),
                Elem::Source => s.push('$'),
                Elem::Target => s.push('+'),
                Elem::Compound => s.push('%'),
                Elem::Skip => s.push('^'),
                Elem::Synset(n) => s.push_str(&format!("&{n}")),
                Elem::Open(Group::Prep) => s.push('('),
                Elem::Close(Group::Prep) => s.push(')'),
                Elem::Open(Group::Noun) => s.push('{'),
                Elem::Close(Group::Noun) => s.push('}'),
                Elem::Alternatives(a) => {
                    let parts: Vec<String> = a.iter().map(|x| show(x)).collect();
                    s.push_str(&format!("<{}>", parts.join("|")));
                }
            }
        }
        s
    }

    #[test]
    fn petrarch_patterns() {
        let p = parse_pattern_line(
            "- $ * (TO {BANNED PARTIES}) &MILITARY  [1722]",
            Dialect::Petrarch,
        )
        .unwrap();
        assert_eq!(&*p.code, "1722");
        assert_eq!(show(&p.elems), " $ * ( to { banned parties } ) &MILITARY");
        assert!(parse_pattern_line("- * (TO [042]", Dialect::Petrarch).is_err());
        assert!(parse_pattern_line("- TO BORDER [042]", Dialect::Petrarch).is_err());
        assert!(parse_pattern_line("- * TO BORDER", Dialect::Petrarch).is_err());
    }

    #[test]
    fn tabari_patterns() {
        let p = parse_pattern_line(
            "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]",
            Dialect::Tabari,
        )
        .unwrap();
        assert_eq!(
            show(&p.elems),
            " suggested_+ * demand_< geneva| international>_conventions"
        );
        let p = parse_pattern_line("- + * BY_ $  [181]", Dialect::Tabari).unwrap();
        assert_eq!(show(&p.elems), " + * by $");
    }

    #[test]
    fn patterns_display_as_dictionary_lines() {
        let p = parse_pattern_line("- $ * (TO BORDER) &MILITARY  [154]", Dialect::Petrarch)
            .expect("a valid pattern");
        assert_eq!(p.to_string(), "- $ * ( TO BORDER ) &MILITARY [154]");
        let p = parse_pattern_line(
            "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]",
            Dialect::Tabari,
        )
        .expect("a valid pattern");
        assert_eq!(
            p.to_string(),
            "- SUGGESTED_+ * DEMAND_{ GENEVA | INTERNATIONAL }_CONVENTIONS [111]"
        );
    }
}
