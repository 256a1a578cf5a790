//! The simple list files: discards, issues, prepositions, and TABARI `.options`.

use crate::agents::plural_word;
use crate::error::{Diag, Error, Warning};
use crate::model::{Discard, Discards, Issue, Issues, Options, Words};
use crate::phrase::phrase_words;
use crate::source::{content_lines, decode, Comments};

fn not_a(name: &str, kind: &'static str, bad: usize, lines: usize) -> Error {
    Error::NotADictionary {
        path: name.to_string(),
        kind,
        reason: format!("no entries ({bad} of {lines} lines malformed)"),
    }
}

/// Reads a discard list: one phrase per line, `+` for story-level discards.
pub fn read_discards(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<Discards, Error> {
    let text = decode(name, bytes, "discard", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut out = Discards::default();
    let lines = content_lines(&text, Comments::ALL);
    for line in &lines {
        let s = line.text.trim();
        let (story, phrase) = match s.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, s),
        };
        if phrase.contains(['[', ']']) {
            diag.warn(line.no, "discards take no [code]; line skipped");
            continue;
        }
        let words = phrase_words(phrase);
        if words.is_empty() {
            diag.warn(line.no, "empty discard phrase; line skipped");
            continue;
        }
        out.entries.push(Discard { words, story });
    }
    if out.entries.is_empty() && !lines.is_empty() {
        return Err(not_a(name, "discard", lines.len(), lines.len()));
    }
    Ok(out)
}

/// Reads an issues file (`Phoenix.IssueCoding.txt`).
///
/// `n:word` adds the plural, `v:word` the regular verb forms, `a+b` is `a b`
/// (hyphenated forms are the same after normalisation); `~phrase` and `~~phrase`
/// are ignore phrases. A line without `[CODE]` inside `<ISSUE CATEGORY="X">`
/// takes `X` as its code.
pub fn read_issues(name: &str, bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<Issues, Error> {
    let text = decode(name, bytes, "issue", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut out = Issues::default();
    let mut category: Option<String> = None;
    let lines = content_lines(
        &text,
        Comments {
            hash: true,
            semicolon: false,
        },
    );
    let mut bad = 0;
    for line in &lines {
        let s = line.text.trim();
        if let Some(tag) = s.strip_prefix('<') {
            category = tag
                .split_once("CATEGORY=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .map(|(c, _)| c.to_string());
            continue;
        }
        if let Some(ignored) = s.strip_prefix('~') {
            let words = phrase_words(&ignored.trim_start_matches('~').replace('+', " "));
            if !words.is_empty() {
                out.ignore.push(words);
            }
            continue;
        }
        let (phrase, code) = match s.find('[') {
            Some(p) => match s[p..].find(']') {
                Some(c) => (&s[..p], s[p + 1..p + c].trim().to_string()),
                None => {
                    diag.warn(line.no, "missing ']' after issue code; line skipped");
                    bad += 1;
                    continue;
                }
            },
            None => match &category {
                Some(c) => (s, c.clone()),
                None => {
                    diag.warn(
                        line.no,
                        "issue phrase without [CODE] outside a category; line skipped",
                    );
                    bad += 1;
                    continue;
                }
            },
        };
        if code.is_empty() {
            diag.warn(line.no, "empty issue code; line skipped");
            bad += 1;
            continue;
        }
        let variants = expand_issue(phrase, line.no, &mut diag);
        if variants.is_empty() {
            diag.warn(line.no, "empty issue phrase; line skipped");
            bad += 1;
            continue;
        }
        for words in variants {
            out.entries.push(Issue {
                words,
                code: code.as_str().into(),
            });
        }
    }
    if out.entries.is_empty() && !lines.is_empty() {
        return Err(not_a(name, "issue", bad, lines.len()));
    }
    Ok(out)
}

fn expand_issue(phrase: &str, line: usize, diag: &mut Diag<'_>) -> Vec<Words> {
    let mut out: Vec<Words> = vec![Vec::new()];
    // `+` joins parts of one word group (`pre+n:school` = `pre` `school`/`schools`).
    for piece in phrase
        .split(|c: char| c.is_whitespace() || c == '+')
        .filter(|p| !p.is_empty())
    {
        let forms: Vec<String> = match piece.split_once(':') {
            Some(("n", w)) => vec![w.to_string(), plural_word(w)],
            Some(("v", w)) => verb_forms(w),
            Some((other, w)) => {
                diag.warn(
                    line,
                    format!("unknown expansion {other}: (want n: or v:); used as plain word"),
                );
                vec![w.to_string()]
            }
            None => vec![piece.to_string()],
        };
        let forms: Vec<Words> = forms.iter().map(|f| phrase_words(f)).collect();
        out = out
            .iter()
            .flat_map(|p| {
                forms.iter().map(move |f| {
                    let mut w = p.clone();
                    w.extend(f.iter().cloned());
                    w
                })
            })
            .collect();
    }
    out.retain(|w| !w.is_empty());
    out
}

/// Regular verb forms: base, 3rd person, past, gerund (final `e` and `y` handled).
pub(crate) fn verb_forms(w: &str) -> Vec<String> {
    let w = w.to_lowercase();
    let consonant_y =
        w.ends_with('y') && !w[..w.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) && w.len() > 1;
    let stem_y = if consonant_y { &w[..w.len() - 1] } else { "" };
    let third = if consonant_y {
        format!("{stem_y}ies")
    } else if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    };
    let past = if consonant_y {
        format!("{stem_y}ied")
    } else if w.ends_with('e') {
        format!("{w}d")
    } else {
        format!("{w}ed")
    };
    let gerund = match w.strip_suffix('e') {
        Some(stem) if !w.ends_with("ee") && !stem.is_empty() => format!("{stem}ing"),
        _ => format!("{w}ing"),
    };
    vec![w.clone(), third, past, gerund]
}

/// Reads a preposition list: one word per line.
pub fn read_prepositions(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Box<str>>, Error> {
    let text = decode(name, bytes, "preposition", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut out = Vec::new();
    let lines = content_lines(&text, Comments::ALL);
    for line in &lines {
        let words = phrase_words(line.text);
        match words.as_slice() {
            [w] => out.push(w.clone()),
            _ => diag.warn(line.no, "expected one preposition per line; line skipped"),
        }
    }
    if out.is_empty() && !lines.is_empty() {
        return Err(not_a(name, "preposition", lines.len(), lines.len()));
    }
    Ok(out)
}

/// Reads a TABARI `.options` file: `KEYWORD: rest` commands, `LABEL: code=text`.
pub fn read_options(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<Options, Error> {
    let text = decode(name, bytes, "options", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut out = Options::default();
    let lines = content_lines(
        &text,
        Comments {
            hash: true,
            semicolon: true,
        },
    );
    for line in &lines {
        let s = line.text.trim();
        if s.starts_with('~') {
            break; // `~~~~~` / `~FINISH`: end of the options
        }
        let Some((key, rest)) = s.split_once(':') else {
            diag.warn(line.no, "expected KEYWORD: ...; line skipped");
            continue;
        };
        let key = key.trim().to_ascii_uppercase();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphabetic()) {
            diag.warn(line.no, format!("bad option keyword {key:?}; line skipped"));
            continue;
        }
        if key == "LABEL" {
            match rest.split_once('=') {
                Some((code, label)) => out.labels.push((code.trim().into(), label.trim().into())),
                None => diag.warn(line.no, "LABEL needs code=text; line skipped"),
            }
        } else {
            out.commands.push((key.into(), rest.trim().into()));
        }
    }
    if out.labels.is_empty() && out.commands.is_empty() && !lines.is_empty() {
        return Err(not_a(name, "options", lines.len(), lines.len()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_regular() {
        assert_eq!(
            verb_forms("purge"),
            ["purge", "purges", "purged", "purging"]
        );
        assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            verb_forms("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
    }

    #[test]
    fn issue_expansion() {
        let mut w = Vec::new();
        let mut d = Diag {
            file: "x",
            warnings: &mut w,
        };
        let v = expand_issue("war n:crime", 1, &mut d);
        let s: Vec<String> = v.iter().map(|x| x.join(" ")).collect();
        assert_eq!(s, ["war crime", "war crimes"]);
        let v = expand_issue("post+secondary education", 1, &mut d);
        assert_eq!(v[0].join(" "), "post secondary education");
    }
}
