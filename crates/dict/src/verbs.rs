//! Verb dictionaries: PETRARCH (`CAMEO.2.0.txt`) and TABARI (`.verbs`).
//!
//! PETRARCH groups synonymous verbs in `--- NAME [CODE] ---` blocks that share
//! one pattern list; synsets (`&NAME` + `+MEMBER` lines) may appear anywhere and
//! `~` lines are transformation rules. TABARI lists one root per line
//! (`ABANDON [345]`), optionally followed by a `{ FORMS }` line and its patterns,
//! with synsets in a `<SYNSETS>` section; other sections (`<TIME>`, `<NOUN>`...)
//! are not used by sitrep and skipped.

use crate::agents::pluralize;
use crate::error::{Diag, Error, Warning};
use crate::model::{Pattern, Synset, Verb, VerbBlock, VerbDict, Words, NULL_CODE};
use crate::pattern::{parse_pattern_line, synset_name, synsets_used, Dialect};
use crate::phrase::phrase_words;
use crate::source::{content_lines, decode, Comments};

/// Reads a PETRARCH verb dictionary.
pub fn read_petrarch_verbs(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<VerbDict, Error> {
    let text = decode(name, bytes, "verb", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut b = Builder::default();
    let mut in_synset = false;
    for line in content_lines(&text, Comments::ALL) {
        let s = line.text.trim();
        b.lines += 1;
        if let Some(set) = s.strip_prefix('&') {
            b.start_synset(set, line.no, &mut diag);
            in_synset = true;
            continue;
        }
        if let Some(member) = s.strip_prefix('+') {
            if in_synset {
                b.add_member(member);
                continue;
            }
            // Inside a verb block, `+` marks a multi-word verb (`+CALL_OFF [160]`).
            match (
                b.dict.blocks.last_mut(),
                parse_verb_line(&member.replace('+', "")),
            ) {
                (Some(block), Ok(verb)) => block.verbs.push(verb),
                (None, _) => b.bad(
                    &mut diag,
                    line.no,
                    "synset member or multi-word verb outside a synset or block",
                ),
                (_, Err(msg)) => b.bad(&mut diag, line.no, &msg),
            }
            continue;
        }
        in_synset = false;
        if s.starts_with("---") {
            match parse_header(s) {
                Some((block, code)) => b.start_block(block, code),
                None => b.bad(
                    &mut diag,
                    line.no,
                    "bad verb block header (want --- NAME [CODE] ---)",
                ),
            }
        } else if s.starts_with('-') {
            b.add_pattern(s, Dialect::Petrarch, line.no, &mut diag);
        } else if s.starts_with('~') {
            b.dict.transformations.push(s.into());
        } else {
            match parse_verb_line(s) {
                Ok(verb) => match b.dict.blocks.last_mut() {
                    Some(block) => {
                        warn_code(&mut diag, line.no, verb.code.as_deref());
                        block.verbs.push(verb);
                    }
                    None => b.bad(&mut diag, line.no, "verb before any --- block header"),
                },
                Err(msg) => b.bad(&mut diag, line.no, &msg),
            }
        }
    }
    b.finish(name, &mut diag)
}

/// Reads a TABARI `.verbs` dictionary.
pub fn read_tabari_verbs(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<VerbDict, Error> {
    let text = decode(name, bytes, "verb", warnings)?;
    let mut diag = Diag {
        file: name,
        warnings,
    };
    let mut b = Builder::default();
    let mut section: Option<String> = None;
    for line in content_lines(&text, Comments::ALL) {
        let s = line.text.trim();
        if crate::source::is_finish(s) {
            break;
        }
        b.lines += 1;
        if let Some(tag) = s.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            section = if tag.starts_with('/') {
                None
            } else {
                Some(tag.to_ascii_uppercase())
            };
            continue;
        }
        match section.as_deref() {
            Some("SYNSETS" | "SYNSET") => {
                if let Some(set) = s.strip_prefix('&') {
                    b.start_synset(set, line.no, &mut diag);
                } else if let Some(member) = s.strip_prefix('+') {
                    b.add_member(member);
                } else {
                    b.bad(
                        &mut diag,
                        line.no,
                        "expected &SYNSET or +member in <SYNSETS>",
                    );
                }
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if s.starts_with('-') || (s.starts_with('_') && s.contains('*')) {
            b.add_pattern(s, Dialect::Tabari, line.no, &mut diag);
        } else if let Some(forms) = s.strip_prefix('{') {
            let Some(forms) = forms.strip_suffix('}') else {
                b.bad(&mut diag, line.no, "unterminated { verb forms }");
                continue;
            };
            match b.dict.blocks.last_mut().and_then(|bl| bl.verbs.last_mut()) {
                Some(verb) => verb
                    .forms
                    .extend(forms.split_whitespace().map(phrase_words)),
                None => b.bad(&mut diag, line.no, "verb forms before any verb"),
            }
        } else {
            match parse_verb_line(s) {
                Ok(mut verb) => {
                    warn_code(&mut diag, line.no, verb.code.as_deref());
                    let code = verb.code.take().unwrap_or_else(|| NULL_CODE.into());
                    b.start_block(verb.words.join(" ").to_ascii_uppercase(), code);
                    if let Some(block) = b.dict.blocks.last_mut() {
                        block.verbs.push(verb);
                    }
                }
                Err(msg) => b.bad(&mut diag, line.no, &msg),
            }
        }
    }
    b.finish(name, &mut diag)
}

#[derive(Default)]
struct Builder {
    dict: VerbDict,
    /// Raw members of each synset, with the set's no-plural flag, expanded at the end.
    raw_synsets: Vec<(String, bool, Vec<String>)>,
    /// Source line of each pattern, parallel to the blocks' pattern lists.
    pattern_lines: Vec<Vec<usize>>,
    lines: usize,
    bad: usize,
}

impl Builder {
    fn bad(&mut self, diag: &mut Diag<'_>, line: usize, msg: &str) {
        self.bad += 1;
        diag.warn(line, format!("{msg}; line skipped"));
    }

    fn start_synset(&mut self, raw: &str, line: usize, diag: &mut Diag<'_>) {
        let raw = raw.split_whitespace().next().unwrap_or("");
        if raw.is_empty() {
            self.bad(diag, line, "empty synset name");
            return;
        }
        self.raw_synsets
            .push((synset_name(raw), raw.ends_with('_'), Vec::new()));
    }

    fn add_member(&mut self, raw: &str) {
        if let Some((_, _, members)) = self.raw_synsets.last_mut() {
            members.push(raw.trim().to_string());
        }
    }

    fn start_block(&mut self, name: String, code: Box<str>) {
        self.dict.blocks.push(VerbBlock {
            name: name.into(),
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
        });
        self.pattern_lines.push(Vec::new());
    }

    fn add_pattern(&mut self, s: &str, dialect: Dialect, line: usize, diag: &mut Diag<'_>) {
        match parse_pattern_line(s, dialect) {
            Ok(p) => match (self.dict.blocks.last_mut(), self.pattern_lines.last_mut()) {
                (Some(block), Some(lines)) => {
                    warn_code(diag, line, Some(&p.code));
                    block.patterns.push(p);
                    lines.push(line);
                }
                _ => self.bad(diag, line, "pattern before any verb"),
            },
            Err(msg) => self.bad(diag, line, &msg),
        }
    }

    fn finish(mut self, name: &str, diag: &mut Diag<'_>) -> Result<VerbDict, Error> {
        self.expand_synsets();
        // PETRARCH ignores a pattern naming an undefined synset; say which.
        let known: std::collections::HashSet<&str> =
            self.dict.synsets.iter().map(|s| &*s.name).collect();
        for (block, lines) in self.dict.blocks.iter_mut().zip(&self.pattern_lines) {
            let mut kept: Vec<Pattern> = Vec::with_capacity(block.patterns.len());
            for (p, &line) in block.patterns.drain(..).zip(lines) {
                let mut used = Vec::new();
                synsets_used(&p.elems, &mut used);
                match used.iter().find(|u| !known.contains(*u)) {
                    Some(missing) => {
                        diag.warn(
                            line,
                            format!("undefined synset &{missing}; pattern skipped"),
                        );
                    }
                    None => kept.push(p),
                }
            }
            block.patterns = kept;
        }
        if self.dict.blocks.is_empty() && self.lines > 0 {
            return Err(Error::NotADictionary {
                path: name.to_string(),
                kind: "verb",
                reason: format!(
                    "no verb entries ({} of {} lines malformed)",
                    self.bad, self.lines
                ),
            });
        }
        Ok(self.dict)
    }

    /// Turns raw members into word lists: regular plurals unless the set or the
    /// member ends in `_`; references to earlier synsets (`&TIETYPES_MEMOS`,
    /// TABARI) are expanded.
    fn expand_synsets(&mut self) {
        for (name, no_plural, raws) in std::mem::take(&mut self.raw_synsets) {
            let mut members: Vec<Words> = Vec::new();
            // Duplicate checks by hash: a synset of n members loads in O(n).
            let mut seen: std::collections::HashSet<Words> = Default::default();
            let mut add = |w: Words, members: &mut Vec<Words>| {
                if seen.insert(w.clone()) {
                    members.push(w);
                }
            };
            for raw in &raws {
                for words in expand_refs(raw, &self.dict.synsets) {
                    let plural = !no_plural && !raw.ends_with('_') && !raw.contains('&');
                    if plural {
                        let p = pluralize(&words);
                        add(words, &mut members);
                        add(p, &mut members);
                    } else {
                        add(words, &mut members);
                    }
                }
            }
            self.dict.synsets.push(Synset {
                name: name.into(),
                members,
            });
        }
    }
}

/// Expands `&NAME` pieces of a synset member with the members of earlier synsets.
fn expand_refs(raw: &str, known: &[Synset]) -> Vec<Words> {
    let mut out: Vec<Words> = vec![Vec::new()];
    for piece in raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let alternatives: Vec<Words> = match piece.strip_prefix('&') {
            Some(r) => match known.iter().find(|s| *s.name == *synset_name(r)) {
                Some(set) => set.members.clone(),
                None => vec![phrase_words(piece)],
            },
            None => vec![phrase_words(piece)],
        };
        out = out
            .iter()
            .flat_map(|prefix| {
                alternatives.iter().map(move |alt| {
                    let mut w = prefix.clone();
                    w.extend(alt.iter().cloned());
                    w
                })
            })
            .collect();
    }
    out.retain(|w| !w.is_empty());
    out
}

/// `--- ACCELERATE [---] ---` → (`ACCELERATE`, `---`).
fn parse_header(s: &str) -> Option<(String, Box<str>)> {
    let inner = s
        .trim_start_matches('-')
        .trim_end()
        .trim_end_matches('-')
        .trim();
    let (name, code) = match inner.find('[') {
        Some(p) => {
            let close = inner[p..].find(']')? + p;
            (inner[..p].trim(), inner[p + 1..close].trim())
        }
        None => (inner, NULL_CODE),
    };
    if name.is_empty() {
        return None;
    }
    let code = if code.is_empty() { NULL_CODE } else { code };
    Some((name.to_string(), code.into()))
}

/// Warns about a malformed event code ([`crate::pattern::check_event_code`]).
fn warn_code(diag: &mut Diag<'_>, line: usize, code: Option<&str>) {
    if let Some(Err(msg)) = code.map(crate::pattern::check_event_code) {
        diag.warn(line, msg);
    }
}

/// `SPEED {SPEEDING SPEEDS SPED } [042]`; TABARI `BAN= [191]`, `ACT_ [100]`.
fn parse_verb_line(s: &str) -> Result<Verb, String> {
    let end = s.find(['{', '[']).unwrap_or(s.len());
    let head = s[..end].trim();
    if head.is_empty() {
        return Err("missing verb".to_string());
    }
    let mut rest = &s[end..];
    let mut forms = Vec::new();
    if let Some(r) = rest.strip_prefix('{') {
        let close = r.find('}').ok_or("unterminated { verb forms }")?;
        forms = r[..close].split_whitespace().map(phrase_words).collect();
        rest = r[close + 1..].trim_start();
    }
    let code = match rest.strip_prefix('[') {
        Some(r) => {
            let close = r.find(']').ok_or("missing ']' after verb code")?;
            let code = r[..close].trim();
            if code.is_empty() {
                return Err("empty verb code".to_string());
            }
            Some(code.into())
        }
        None if rest.trim().is_empty() => None,
        None => return Err(format!("unexpected {:?} after verb", rest.trim())),
    };
    let stem = !head.ends_with(['_', '=']);
    let words = phrase_words(head.trim_end_matches('='));
    if words.is_empty() {
        return Err("missing verb".to_string());
    }
    Ok(Verb {
        words,
        forms,
        code,
        stem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_verbs() {
        assert_eq!(
            parse_header("---  ACCELERATE   [---]  ---"),
            Some(("ACCELERATE".into(), "---".into()))
        );
        assert_eq!(
            parse_header("--- EXPLAIN_VERBAL [010] ---"),
            Some(("EXPLAIN_VERBAL".into(), "010".into()))
        );
        let v = parse_verb_line("SPEED {SPEEDING SPEEDS SPED } [042]").unwrap();
        assert_eq!(v.forms.len(), 3);
        assert_eq!(v.code.as_deref(), Some("042"));
        assert!(parse_verb_line("SPEED {SPEEDING").is_err());
        assert!(!parse_verb_line("BAN= [191]").unwrap().stem);
    }
}
