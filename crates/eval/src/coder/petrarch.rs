//! PETRARCH unit-test records (`PETR.UnitTest.records.xml`) scored from their
//! `<Text>` only (the hand-made `<Parse>` is ignored).
//!
//! A record is correct when the set of coded `(source, target, code)` triples
//! equals the expected set. Expected markers, handled explicitly:
//! - `noevents="True"`: no event expected;
//! - `error="storydiscard"` / `"sentencediscard"`: discarded, so no event;
//! - `error="dateline"`: PETRARCH refuses irregular (dateline-led) input, so
//!   no event;
//! - `error="bad_input_parse"`: the record tests PETRARCH's checks of its
//!   bracketed parse input, which sitrep never reads: reported as skipped.
//!
//! `<Config option=... value=...>` elements between records change PETRARCH's
//! settings for the records that follow; the ones that change what is coded
//! are honoured ([`Settings`]). With `require_dyad` off, an event without a
//! target is expected as `(source, "---", code)`.

use std::path::{Path, PathBuf};

use sitrep_doc::Date;

use sitrep_coder::{Coder, CoderOptions};

use super::xml::{decode, elements, strip_comments};
use super::{score_cases, Analyze, Case, Report, Triple};

/// What a record expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Events(Vec<Triple>),
    /// An error marker (`storydiscard`, `dateline`, ...).
    Error(String),
}

/// PETRARCH settings in force for a record (set by `<Config>` elements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `require_dyad`: code only events with both sides (default true).
    pub require_dyad: bool,
    /// `new_actor_length`: see [`CoderOptions::new_actor_length`] (default 0).
    pub new_actor_length: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            require_dyad: true,
            new_actor_length: 0,
        }
    }
}

impl Settings {
    /// Applies one `<Config option=... value=...>`; unknown options (comma
    /// clause deletion, `stop_on_error`...) are ignored.
    fn apply(&mut self, option: &str, value: &str) {
        let flag = |v: &str| match v.trim().to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        };
        if option.eq_ignore_ascii_case("require_dyad") {
            if let Some(b) = flag(value) {
                self.require_dyad = b;
            }
        } else if option.eq_ignore_ascii_case("new_actor_length") {
            if let Ok(n) = value.trim().parse() {
                self.new_actor_length = n;
            }
        }
    }

    /// The coder options these settings mean, on top of `base`.
    pub fn options(&self, base: CoderOptions) -> CoderOptions {
        CoderOptions {
            require_target: self.require_dyad,
            new_actor_length: self.new_actor_length,
            ..base
        }
    }
}

/// One unit-test record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<Date>,
    pub text: String,
    pub expected: Expected,
    pub settings: Settings,
}

/// `19950101` → a date.
pub fn parse_compact_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(
        s.get(..4)?.parse().ok()?,
        s.get(4..6)?.parse().ok()?,
        s.get(6..8)?.parse().ok()?,
    )
}

/// Reads the records (tolerantly: a record without `<Text>` is left out).
pub fn read_records(xml: &str) -> Vec<Record> {
    let xml = strip_comments(xml);
    let mut out = Vec::new();
    let configs = elements(&xml, "Config");
    let mut next_config = 0;
    let mut settings = Settings::default();
    for s in elements(&xml, "Sentence") {
        // Configs take effect from where they stand in the file.
        while let Some(c) = configs.get(next_config).filter(|c| c.start < s.start) {
            if let (Some(o), Some(v)) = (c.attr("option"), c.attr("value")) {
                settings.apply(o, v);
            }
            next_config += 1;
        }
        let Some(text) = elements(s.inner, "Text").first().map(|t| decode(t.inner)) else {
            continue;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut events = Vec::new();
        let mut error = None;
        for ec in elements(s.inner, "EventCoding") {
            if let Some(e) = ec.attr("error") {
                error = Some(e.to_string());
            } else if ec.attr("noevents").is_some() {
                // No event expected.
            } else if let (Some(a), Some(b), Some(c)) = (
                ec.attr("sourcecode"),
                ec.attr("targetcode"),
                ec.attr("eventcode"),
            ) {
                events.push((a.to_string(), b.to_string(), c.to_string()));
            }
        }
        events.sort();
        events.dedup();
        out.push(Record {
            id: s.attr("id").unwrap_or("").to_string(),
            category: s.attr("category").unwrap_or("").to_string(),
            date: s.attr("date").and_then(parse_compact_date),
            text,
            expected: match error {
                Some(e) => Expected::Error(e),
                None => Expected::Events(events),
            },
            settings,
        });
    }
    out
}

/// The dictionary files the `<Environment>` names (`<Verbfile>` etc.),
/// resolved next to the records file.
pub fn environment_files(xml: &str, records: &Path) -> Vec<PathBuf> {
    let dir = records.parent().unwrap_or(Path::new("."));
    let xml = strip_comments(xml);
    let mut out = Vec::new();
    for env in elements(&xml, "Environment") {
        for tag in ["Verbfile", "Actorfile", "Agentfile", "Discardfile"] {
            for e in elements(env.inner, tag) {
                let name = e.inner.trim();
                if !name.is_empty() {
                    out.push(dir.join(name));
                }
            }
        }
    }
    out
}

/// Codes every record (with the settings in force for it) and compares.
pub fn score(records: &[Record], coder: &Coder, analyze: &dyn Analyze) -> Report {
    let cases = records.iter().map(|r| {
        let (expected, skipped): (&[Triple], _) = match &r.expected {
            Expected::Events(e) => (e, None),
            Expected::Error(e) if e == "bad_input_parse" => (
                &[],
                Some("tests PETRARCH's parse-tree input checks (sitrep reads text only)".into()),
            ),
            Expected::Error(_) => (&[], None),
        };
        Case {
            id: &r.id,
            category: &r.category,
            date: r.date,
            text: &r.text,
            expected,
            skipped,
            options: r.settings.options(coder.options()),
        }
    });
    score_cases(cases, coder, analyze)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markers() {
        let xml = r#"<Sentences><!-- c --><Sentence date = "19950101" id ="A-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor  restored
ties.</Text><Parse>(ROOT)</Parse></Sentence>
<Sentence id="B" category="ERROR"><EventCoding error="storydiscard"></EventCoding><Text>x</Text></Sentence>
<Sentence id="C" category="X"><EventCoding noevents = "True"></EventCoding><Text>y</Text></Sentence>
<Sentence id="D"><EventCoding noevents = "True"></EventCoding></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Config option="new_actor_length" value="4"></Config>
<Sentence id="E"><EventCoding sourcecode="ARN" targetcode="---" eventcode="010"></EventCoding><Text>z</Text></Sentence>
</Sentences>"#;
        let r = read_records(xml);
        assert_eq!(r.len(), 4);
        assert!(r[2].settings.require_dyad);
        assert!(!r[3].settings.require_dyad);
        assert!(
            !r[3]
                .settings
                .options(CoderOptions::default())
                .require_target
        );
        assert_eq!(r[0].text, "Arnor restored ties.");
        assert_eq!(r[0].date, Date::new(1995, 1, 1));
        assert_eq!(
            r[0].expected,
            Expected::Events(vec![("ARN".into(), "GON".into(), "064".into())])
        );
        assert_eq!(r[1].expected, Expected::Error("storydiscard".into()));
        assert_eq!(r[2].expected, Expected::Events(vec![]));
    }
}
