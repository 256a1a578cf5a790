//! Agent dictionaries, PETRARCH (`Phoenix.agents.txt`) and TABARI (`.agents`).
//!
//! ```text
//! !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES   substitution set
//! FOREIGN_!MINIST! [~GOV]                                one entry per member
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]            explicit plural
//! POLICE {} [~COP]                                       no plural
//! FARMER [~AGR]                                          regular plural added
//! HUMAN_RIGHTS_BODY [NGO~]                               code goes before the actor's
//! ```

use crate::error::{Diag, Error, Warning};
use crate::model::{Agent, AgentDict, Placement, Words};
use crate::phrase::phrase_words;
use crate::source::{content_lines, decode, Comments};
use std::collections::HashSet;

/// Reads an agent dictionary. Malformed lines become warnings and are skipped.
pub fn read_agents(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<AgentDict, Error> {
    let text = decode(name, bytes, "agent", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut dict = AgentDict::default();
    let mut markers: Vec<(String, Vec<String>)> = Vec::new();
    let (mut lines, mut bad) = (0usize, 0usize);

    for line in content_lines(&text, Comments::ALL) {
        let s = line.text.trim();
        if crate::source::is_finish(s) {
            break;
        }
        lines += 1;
        if s.starts_with('!') && s.contains('=') && !s.contains('[') {
            match parse_marker(s) {
                Some(m) => markers.push(m),
                None => {
                    diag.warn(
                        line.no,
                        "bad substitution marker (want !NAME! = A, B); line skipped",
                    );
                    bad += 1;
                }
            }
            continue;
        }
        match parse_entry(s, &markers) {
            Ok(agent) => dict.agents.push(agent),
            Err(msg) => {
                diag.warn(line.no, format!("{msg}; line skipped"));
                bad += 1;
            }
        }
    }
    if dict.agents.is_empty() && lines > 0 {
        return Err(Error::NotADictionary {
            path: name.to_string(),
            kind: "agent",
            reason: format!("no agent entries ({bad} of {lines} lines malformed)"),
        });
    }
    Ok(dict)
}

fn parse_marker(s: &str) -> Option<(String, Vec<String>)> {
    let (lhs, rhs) = s.split_once('=')?;
    let name = lhs.trim().strip_prefix('!')?.strip_suffix('!')?;
    if name.is_empty() || name.contains('!') {
        return None;
    }
    let items: Vec<String> = rhs
        .split(',')
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect();
    (!items.is_empty()).then(|| (name.to_string(), items))
}

fn parse_entry(s: &str, markers: &[(String, Vec<String>)]) -> Result<Agent, String> {
    let open = s.find('[').ok_or("missing [CODE]")?;
    let close = s[open..]
        .find(']')
        .map(|c| open + c)
        .ok_or("missing ']' after code")?;
    let code = s[open + 1..close].trim();
    let (code, placement) = if let Some(c) = code.strip_prefix('~') {
        (c, Placement::Suffix)
    } else if let Some(c) = code.strip_suffix('~') {
        (c, Placement::Prefix)
    } else {
        return Err(format!(
            "agent code {code:?} needs a leading or trailing '~'"
        ));
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("invalid agent code {code:?}"));
    }
    let head = &s[..open];
    let (phrase, plural) = match (head.find('{'), head.find('}')) {
        (Some(a), Some(b)) if a < b => (&head[..a], Some(head[a + 1..b].trim())),
        (None, None) => (head, None),
        _ => return Err("unbalanced {...} plural".to_string()),
    };
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return Err("missing agent phrase".to_string());
    }
    let mut names: Vec<Words> = Vec::new();
    let mut seen: HashSet<Words> = HashSet::new();
    let mut push = |w: Words| {
        if !w.is_empty() && seen.insert(w.clone()) {
            names.push(w);
        }
    };
    if phrase.contains('!') {
        // Substitution: every member replaces the marker (all combinations when
        // a phrase has several); no plural formation.
        for expanded in substitute(phrase, markers)? {
            push(phrase_words(&expanded));
        }
    } else {
        let words = phrase_words(phrase);
        match plural {
            Some("") => push(words),
            Some(p) => {
                push(words);
                for form in p.split_whitespace() {
                    push(phrase_words(form));
                }
            }
            None => {
                let plural = pluralize(&words);
                push(words);
                push(plural);
            }
        }
    }
    if names.is_empty() {
        return Err("missing agent phrase".to_string());
    }
    Ok(Agent {
        names,
        code: code.into(),
        placement,
    })
}

/// Most forms one agent line may expand to through `!MARKER!` substitution
/// (the product of its markers' sizes). Phoenix's largest expands to a few
/// dozen, a one-marker line as many as its marker has values; past this a
/// line is a mistake or an attack (two markers of 20,000
/// values would be 400 million forms) and is skipped with a warning.
pub const MAX_AGENT_FORMS: usize = 100_000;

/// How many forms `phrase` expands to, saturating; errors as [`substitute`].
fn expansion_size(phrase: &str, markers: &[(String, Vec<String>)]) -> Result<usize, String> {
    let mut total = 1usize;
    let mut rest = phrase;
    while let Some(start) = rest.find('!') {
        let after = &rest[start + 1..];
        let end = after.find('!').ok_or("unterminated !MARKER!")?;
        let marker = &after[..end];
        let (_, items) = markers
            .iter()
            .find(|(m, _)| m == marker)
            .ok_or_else(|| format!("substitution marker !{marker}! not defined"))?;
        total = total.saturating_mul(items.len());
        rest = &after[end + 1..];
    }
    Ok(total)
}

/// Expands every `!MARKER!` in `phrase`, at most [`MAX_AGENT_FORMS`] forms.
fn substitute(phrase: &str, markers: &[(String, Vec<String>)]) -> Result<Vec<String>, String> {
    let n = expansion_size(phrase, markers)?;
    if n > MAX_AGENT_FORMS {
        return Err(format!(
            "!MARKER! substitution expands to {n} forms, more than the limit of {MAX_AGENT_FORMS}"
        ));
    }
    substitute_all(phrase, markers)
}

fn substitute_all(phrase: &str, markers: &[(String, Vec<String>)]) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let end = phrase[start + 1..]
        .find('!')
        .map(|e| start + 1 + e)
        .ok_or("unterminated !MARKER!")?;
    let marker = &phrase[start + 1..end];
    let (_, items) = markers
        .iter()
        .find(|(m, _)| m == marker)
        .ok_or_else(|| format!("substitution marker !{marker}! not defined"))?;
    let mut out = Vec::new();
    for rest in substitute_all(&phrase[end + 1..], markers)? {
        for item in items {
            out.push(format!("{}{item}{rest}", &phrase[..start]));
        }
    }
    Ok(out)
}

/// Regular English plural of the last word (PETRARCH adds S, IES after a
/// consonant + Y, ES after S/X/CH/SH).
pub(crate) fn pluralize(words: &[Box<str>]) -> Words {
    let mut out: Words = words.to_vec();
    if let Some(last) = out.last_mut() {
        *last = plural_word(last).into();
    }
    out
}

pub(crate) fn plural_word(w: &str) -> String {
    let vowel_before_y = |s: &str| {
        s.strip_suffix('y')
            .and_then(|r| r.chars().last())
            .is_some_and(|c| "aeiou".contains(c))
    };
    if w.ends_with('y') && !vowel_before_y(w) && w.len() > 1 {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(a: &Agent) -> Vec<String> {
        a.names.iter().map(|n| n.join(" ")).collect()
    }

    #[test]
    fn entries() {
        let m = vec![(
            "MINIST".to_string(),
            vec!["MINISTER".to_string(), "MINISTRY".to_string()],
        )];
        let a = parse_entry("FOREIGN_!MINIST! [~GOV]", &m).unwrap();
        assert_eq!(names(&a), ["foreign minister", "foreign ministry"]);
        let a = parse_entry("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]", &m).unwrap();
        assert_eq!(names(&a), ["attorney general", "attorneys general"]);
        let a = parse_entry("POLICE {} [ ~COP]", &m).unwrap();
        assert_eq!(names(&a), ["police"]);
        let a = parse_entry("ARMY [~MIL]", &m).unwrap();
        assert_eq!(names(&a), ["army", "armies"]);
        let a = parse_entry("HUMAN_RIGHTS_BODY [NGO~]", &m).unwrap();
        assert_eq!(a.placement, Placement::Prefix);
        assert!(parse_entry("DEPARMENT_OF_ENVIRONMENT [~ENV}", &m).is_err());
        assert!(parse_entry("!NOPE!_X [~GOV]", &m).is_err());
    }
}
