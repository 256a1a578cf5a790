//! Actor dictionaries, PETRARCH (`Phoenix.*.actors.txt`) and TABARI (`.actors`).
//!
//! The two formats are one grammar (TABARI 0.7.5 introduced the multi-line form
//! PETRARCH kept):
//!
//! ```text
//! PRIMARY_PHRASE  [CODE] [CODE <DATE] ...   ; or # comment
//! +SYNONYM_PHRASE
//! <tab>[CODE >YYYYMMDD]
//! <tab>[CODE YYMMDD-YYMMDD]
//! ```
//!
//! A primary phrase without a code, followed directly by another primary phrase,
//! is joined to it (PETRARCH shares one code list between them), so `U.N._` on a
//! line of its own before `UN_SECRETARY_GENERAL ... [IGOUNO]` gets `IGOUNO`.
//! TABARI's `<NOUN>` and `<ADJECTIVE>` sections carry no codes and are skipped.

use sitrep_doc::Date;

use crate::error::{Diag, Error, Warning};
use crate::model::{Actor, ActorDict, Role, Words};
use crate::phrase::phrase_words;
use crate::source::{content_lines, decode, Comments};
use std::collections::HashSet;

/// Reads an actor dictionary. Malformed lines become warnings and are skipped.
pub fn read_actors(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<ActorDict, Error> {
    let text = decode(name, bytes, "actor", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut dict = ActorDict::default();
    let mut current: Option<(usize, Actor)> = None;
    // The current actor's names, for duplicate checks.
    let mut names_seen: HashSet<Words> = HashSet::new();
    let mut section: Option<String> = None;
    let mut bad_lines = 0usize;
    let mut lines = 0usize;

    for line in content_lines(&text, Comments::ALL) {
        let trimmed = line.text.trim();
        if crate::source::is_finish(trimmed) || trimmed.starts_with("---STOP---") {
            break;
        }
        lines += 1;
        if let Some(tag) = trimmed.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            if let Some(end) = tag.strip_prefix('/') {
                if section.as_deref() != Some(end) {
                    diag.warn(line.no, format!("unmatched section end <{tag}>"));
                }
                section = None;
            } else {
                section = Some(tag.to_string());
            }
            continue;
        }
        if section.is_some() {
            continue; // <NOUN>/<ADJECTIVE> words: parsing hints, no codes
        }
        // An indented line is a date restriction; an indented name (a stray
        // leading blank) is read as a name, as the text intends.
        let indented = line.text.starts_with([' ', '\t']) && trimmed.starts_with('[');
        if indented {
            let Some((_, actor)) = current.as_mut() else {
                diag.warn(line.no, "date restriction before any actor; line skipped");
                bad_lines += 1;
                continue;
            };
            if !parse_roles(trimmed, &mut actor.roles, line.no, &mut diag) {
                bad_lines += 1;
            }
            continue;
        }
        let (is_synonym, body) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let (phrase, codes) = match body.find('[') {
            Some(p) => (&body[..p], &body[p..]),
            None => (body, ""),
        };
        let words = phrase_words(phrase);
        if words.is_empty() {
            diag.warn(line.no, "missing actor phrase; line skipped");
            bad_lines += 1;
            continue;
        }
        let mut roles = Vec::new();
        if !codes.is_empty()
            && !parse_roles(codes, &mut roles, line.no, &mut diag)
            && roles.is_empty()
        {
            bad_lines += 1;
            continue;
        }
        match current.as_mut() {
            // A synonym, or a code-less primary chained onto a code-less actor.
            Some((_, actor)) if is_synonym || actor.roles.is_empty() => {
                // A hash set, not `names.contains`: an actor with 80,000
                // synonyms must load in linear time.
                if names_seen.insert(words.clone()) {
                    actor.names.push(words);
                }
                actor.roles.extend(roles);
            }
            _ if is_synonym => {
                diag.warn(line.no, "synonym before any actor; line skipped");
                bad_lines += 1;
            }
            _ => {
                finish(current.take(), &mut dict, &mut diag);
                names_seen.clear();
                names_seen.insert(words.clone());
                current = Some((
                    line.no,
                    Actor {
                        names: vec![words],
                        roles,
                    },
                ));
            }
        }
    }
    finish(current.take(), &mut dict, &mut diag);
    if dict.actors.is_empty() && lines > 0 {
        return Err(Error::NotADictionary {
            path: name.to_string(),
            kind: "actor",
            reason: format!(
                "no actor with a code in {lines} lines ({bad_lines} malformed, the rest without [CODE])"
            ),
        });
    }
    Ok(dict)
}

fn finish(current: Option<(usize, Actor)>, dict: &mut ActorDict, diag: &mut Diag<'_>) {
    if let Some((line, actor)) = current {
        if actor.roles.is_empty() {
            diag.warn(
                line,
                format!("actor {:?} has no code; skipped", actor.display_name()),
            );
        } else {
            dict.actors.push(actor);
        }
    }
}

/// Parses every `[CODE restriction]` block in `s` into `roles`. Returns false if
/// any block was malformed (a warning was issued and that block skipped).
pub(crate) fn parse_roles(
    s: &str,
    roles: &mut Vec<Role>,
    line: usize,
    diag: &mut Diag<'_>,
) -> bool {
    let mut ok = true;
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            diag.warn(
                line,
                format!("missing ']' in {:?}; code skipped", rest.trim()),
            );
            return false;
        };
        match parse_role(&after[..close]) {
            Ok(role) => roles.push(role),
            Err(msg) => {
                diag.warn(
                    line,
                    format!("{msg} in [{}]; code skipped", &after[..close]),
                );
                ok = false;
            }
        }
        rest = &after[close + 1..];
    }
    ok
}

/// `CODE`, `CODE <DATE`, `CODE >DATE` or `CODE DATE-DATE` (blanks allowed around
/// the operators).
fn parse_role(s: &str) -> Result<Role, String> {
    let s = s.trim();
    let (code, restriction) = match s.find(char::is_whitespace) {
        Some(p) => (&s[..p], s[p..].trim()),
        None => (s, ""),
    };
    if code.is_empty() {
        return Err("empty code".to_string());
    }
    if code.starts_with(|c: char| c.is_ascii_digit() || c == '<' || c == '>') && code.len() >= 6 {
        return Err("date restriction without a code".to_string());
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '#' | '~' | '+' | '*'))
    {
        return Err(format!("invalid code {code:?}"));
    }
    let (from, to) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, Some(parse_date(d)?))
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(parse_date(d)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        let (a, b) = (parse_date(a)?, parse_date(b)?);
        if b < a {
            return Err("interval ends before it starts".to_string());
        }
        (Some(a), Some(b))
    } else {
        return Err(format!("unreadable date restriction {restriction:?}"));
    };
    Ok(Role {
        code: code.into(),
        from,
        to,
    })
}

/// `YYYYMMDD` or `YYMMDD`; two-digit years 00–30 are 2000–2030, the rest 19xx
/// (TABARI manual 6.5.2).
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let bad = || format!("bad date {s:?} (want YYYYMMDD or YYMMDD)");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i32>().ok());
    let (y, m, d) = match s.len() {
        8 => (num(0..4), num(4..6), num(6..8)),
        6 => {
            let yy = num(0..2);
            (
                yy.map(|y| if y <= 30 { 2000 + y } else { 1900 + y }),
                num(2..4),
                num(4..6),
            )
        }
        _ => return Err(bad()),
    };
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => Date::new(
            y,
            u8::try_from(m).unwrap_or(0),
            u8::try_from(d).unwrap_or(0),
        )
        .ok_or_else(bad),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn roles_and_dates() {
        let r = parse_role("RUSGOV >20040309").unwrap();
        assert_eq!((r.from, r.to), (Some(date("2004-03-09")), None));
        let r = parse_role("HOBGOV 950601 - 990815").unwrap();
        assert_eq!(
            (r.from, r.to),
            (Some(date("1995-06-01")), Some(date("1999-08-15")))
        );
        let r = parse_role("EGYGOV < 140608").unwrap();
        assert_eq!(r.to, Some(date("2014-06-08")));
        assert!(parse_role("KORGOVBUS 2004017-20061201").is_err());
        assert!(parse_role("950601-990815").is_err());
        assert!(parse_role("X 20010230").is_err());
    }
}
