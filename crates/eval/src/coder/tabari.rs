//! TABARI validation files, run through a `.project` file (TABARI manual,
//! chapters 4–6).
//!
//! `.project`: lines `<tag> filename`; only the first two letters of the tag
//! count (`<ac>`tors, `<ag>`ents, `<ve>`rbs, `<op>`tions, `<te>`xt, `<is>`sues);
//! other lines are comments. File names are relative to the project file.
//!
//! Records in a text file: a line `YYMMDD ID`, the text lines, then a
//! `/* ... */` comment whose `{ SRC / TGT / CODE }` groups are the expected
//! events (`{+++}`: none). A record is correct when the set of coded
//! `(source, target, code)` triples equals the expected set. Two-digit years
//! are 19YY above 30, else 20YY.

use std::path::{Path, PathBuf};

use sitrep_dict::Kind;
use sitrep_doc::Date;

use sitrep_coder::Coder;

use super::{score_cases, Analyze, Case, Report, Triple};
use crate::Error;

/// The files a `.project` names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Project {
    /// Dictionaries with their kinds, in file order.
    pub dictionaries: Vec<(PathBuf, Kind)>,
    /// Text (validation record) files.
    pub texts: Vec<PathBuf>,
}

/// Parses a `.project` file's text; `dir` resolves relative names.
pub fn read_project(text: &str, dir: &Path) -> Project {
    let mut p = Project::default();
    for line in text.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix('<') else {
            continue;
        };
        let Some(close) = rest.find('>') else {
            continue;
        };
        let tag = rest[..close].to_ascii_lowercase();
        let value = rest[close + 1..]
            .split("</")
            .next()
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("");
        if value.is_empty() {
            continue;
        }
        let path = dir.join(value);
        match tag.get(..2) {
            Some("ac") => p.dictionaries.push((path, Kind::Actors)),
            Some("ag") => p.dictionaries.push((path, Kind::Agents)),
            Some("ve") => p.dictionaries.push((path, Kind::TabariVerbs)),
            Some("op") => p.dictionaries.push((path, Kind::Options)),
            Some("is") => p.dictionaries.push((path, Kind::Issues)),
            Some("te") => p.texts.push(path),
            _ => {}
        }
    }
    p
}

/// One validation record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub date: Option<Date>,
    pub text: String,
    pub expected: Vec<Triple>,
    /// The comment held no `{...}` group: nothing to score against.
    pub unscored: bool,
}

fn header(line: &str) -> Option<(Option<Date>, String)> {
    let mut parts = line.split_whitespace();
    let d = parts.next()?;
    let id = parts.next()?;
    if d.len() != 6 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = d.get(..2)?.parse().ok()?;
    let year = if yy > 30 { 1900 + yy } else { 2000 + yy };
    let date = Date::new(year, d.get(2..4)?.parse().ok()?, d.get(4..6)?.parse().ok()?);
    Some((date, id.to_string()))
}

/// Reads validation records (tolerantly: text outside records is skipped).
pub fn read_records(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let Some((date, id)) = header(lines[i]) else {
            i += 1;
            continue;
        };
        i += 1;
        let mut body = Vec::new();
        while i < lines.len()
            && !lines[i].trim_start().starts_with("/*")
            && header(lines[i]).is_none()
        {
            if !lines[i].trim().is_empty() {
                body.push(lines[i].trim());
            }
            i += 1;
        }
        let mut comment = String::new();
        if i < lines.len() && lines[i].trim_start().starts_with("/*") {
            while i < lines.len() {
                comment.push_str(lines[i]);
                comment.push('\n');
                let done = lines[i].contains("*/");
                i += 1;
                if done {
                    break;
                }
            }
        }
        let (expected, groups) = expected_events(&comment);
        out.push(Record {
            id,
            date,
            text: body.join(" "),
            expected,
            unscored: groups == 0,
        });
    }
    out
}

/// The `{ SRC / TGT / CODE }` groups of a comment, and how many groups (of
/// any form, `{+++}` included) it holds.
fn expected_events(comment: &str) -> (Vec<Triple>, usize) {
    let mut out = Vec::new();
    let mut groups = 0;
    let mut rest = comment;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        groups += 1;
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        if let [s, t, c] = parts.as_slice() {
            if !s.is_empty() && !c.is_empty() {
                out.push((s.to_string(), t.to_string(), c.to_string()));
            }
        }
    }
    out.sort();
    out.dedup();
    (out, groups)
}

/// Loads the project's dictionaries (warnings returned) and its records.
#[allow(clippy::type_complexity)]
pub fn load(
    project_path: &Path,
) -> Result<
    (
        sitrep_dict::Dictionaries,
        Vec<sitrep_dict::Warning>,
        Vec<Record>,
    ),
    Error,
> {
    let io = |p: &Path| {
        let path = p.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let text = std::fs::read_to_string(project_path).map_err(io(project_path))?;
    let dir = project_path.parent().unwrap_or(Path::new("."));
    let project = read_project(&text, dir);
    if project.dictionaries.is_empty() {
        return Err(Error::NoDictionary {
            project: project_path.to_path_buf(),
        });
    }
    let mut set = sitrep_dict::DictSet::default();
    let mut warnings = Vec::new();
    for (path, kind) in &project.dictionaries {
        set.add_file(path, Some(*kind), &mut warnings)?;
    }
    let mut records = Vec::new();
    for t in &project.texts {
        let text = std::fs::read(t).map_err(io(t))?;
        records.extend(read_records(&String::from_utf8_lossy(&text)));
    }
    Ok((sitrep_dict::Dictionaries::new(set), warnings, records))
}

/// Codes every record and compares; a record's category is its id up to the
/// first `-` or `_`.
pub fn score(records: &[Record], coder: &Coder, analyze: &dyn Analyze) -> Report {
    let cases = records.iter().map(|r| Case {
        id: &r.id,
        category: r.id.split(['-', '_']).next().unwrap_or(""),
        date: r.date,
        text: &r.text,
        expected: &r.expected,
        skipped: r.unscored.then(|| "no expected-event comment".to_string()),
        options: coder.options(),
    });
    score_cases(cases, coder, analyze)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_and_records() {
        let p = read_project(
            "# c\n<actorfile> a.actors\n<AGENTFILE>b.agents</agentfile>\n<verbfile> v.verbs\n<textfile> t.txt\nx <ve> no\n",
            Path::new("/d"),
        );
        assert_eq!(p.dictionaries.len(), 3);
        assert_eq!(
            p.dictionaries[1],
            (PathBuf::from("/d/b.agents"), Kind::Agents)
        );
        assert_eq!(p.texts, vec![PathBuf::from("/d/t.txt")]);
        let r = read_records(
            "950101 DEMO-01\nArnor met\nGondor.\n/* note { ARN / GON / 040 }\n{GON/ARN/040} */\n\n950102 DEMO-02\nNothing.\n/* {+++} */\n990101 X\nNo comment.\n",
        );
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].text, "Arnor met Gondor.");
        assert_eq!(r[0].date, Date::new(1995, 1, 1));
        assert_eq!(r[0].expected.len(), 2);
        assert!(r[1].expected.is_empty() && !r[1].unscored);
        assert!(r[2].unscored);
    }
}
