//! A readable digest of a run: what happened, who did it, where, and who says so.

use sitrep_doc::casualties::{CasualtyKind, Scope};
use sitrep_doc::Doc;
use std::collections::BTreeMap;
use std::fmt;

/// The `Doc::extra` key holding why a coded document has no events (`"no
/// actors found"`, `"story discarded"`...). Set by the driver that knows the
/// pipeline; documents.jsonl carries it with the rest of `extra`.
pub const NO_EVENTS_KEY: &str = "no_events";

/// The `Doc::extra` key listing what the dictionaries' discard phrases kept
/// out of coding: an array of `{sentence, start, end, text, story}`, one per
/// phrase (`story: true`: its sentence was not coded; else only its clause).
pub const DISCARDED_KEY: &str = "discarded";

/// The `Doc::extra` key holding the document's language (ISO 639-3, `und` when
/// undetermined), recorded by ingest.
pub const LANGUAGE_KEY: &str = "language";

/// Counts accumulated over every analysed document of a run.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub events: u64,
    pub quotes: u64,
    /// PLOVER event type → events.
    pub by_plover: BTreeMap<String, u64>,
    /// CAMEO root code → events.
    pub by_root: BTreeMap<String, u64>,
    /// Actor code (or `text` for uncoded actors) → mentions as source or target.
    pub actors: BTreeMap<String, u64>,
    /// Event location name (with GeoNames id) → events.
    pub places: BTreeMap<String, u64>,
    /// Name in an `according_to` chain → events vouched for.
    pub sources: BTreeMap<String, u64>,
    /// Quote speaker → quotes.
    pub speakers: BTreeMap<String, u64>,
    /// Sum of the lower bounds of killed and wounded counts.
    pub killed: u64,
    pub wounded: u64,
    /// A few one-line event descriptions, in input order.
    pub samples: Vec<String>,
    /// Reason ([`NO_EVENTS_KEY`]) → documents without events.
    pub no_events: BTreeMap<String, u64>,
    /// Language ([`LANGUAGE_KEY`]) → documents.
    pub languages: BTreeMap<String, u64>,
    /// Discard phrases found ([`DISCARDED_KEY`]): story-level (sentence not
    /// coded) and sentence-level (clause not coded).
    pub discarded_story: u64,
    pub discarded_clause: u64,
}

/// How many sample lines [`Summary`] keeps.
const SAMPLES: usize = 12;

fn bump(map: &mut BTreeMap<String, u64>, key: impl Into<String>) {
    *map.entry(key.into()).or_default() += 1;
}

impl Summary {
    pub fn add(&mut self, doc: &Doc) {
        self.articles += 1;
        self.sentences += doc.sentences.len() as u64;
        self.tokens += doc.tokens.len() as u64;
        self.quotes += doc.quotes.len() as u64;
        if let Some(reason) = doc.extra.get(NO_EVENTS_KEY).and_then(|v| v.as_str()) {
            bump(&mut self.no_events, reason);
        }
        if let Some(lang) = doc.extra.get(LANGUAGE_KEY).and_then(|v| v.as_str()) {
            bump(&mut self.languages, lang);
        }
        if let Some(list) = doc.extra.get(DISCARDED_KEY).and_then(|v| v.as_array()) {
            for d in list {
                if d.get("story").and_then(|v| v.as_bool()) == Some(true) {
                    self.discarded_story += 1;
                } else {
                    self.discarded_clause += 1;
                }
            }
        }
        for q in &doc.quotes {
            if let Some(s) = &q.speaker {
                let who = match &s.code {
                    Some(c) => format!("{} ({c})", s.name),
                    None => s.name.clone(),
                };
                bump(&mut self.speakers, who);
            }
        }
        // Sub-counts are inside their head count, and cumulative totals are
        // not this article's incidents: neither is summed.
        for c in doc
            .casualties
            .iter()
            .filter(|c| c.part_of.is_none() && c.scope == Scope::Incident)
        {
            match c.kind {
                CasualtyKind::Killed => self.killed += c.count.min,
                CasualtyKind::Wounded => self.wounded += c.count.min,
                _ => {}
            }
        }
        for e in &doc.events {
            self.events += 1;
            bump(
                &mut self.by_plover,
                e.plover.as_ref().map_or("(none)", |p| p.event.as_str()),
            );
            bump(&mut self.by_root, e.root_code.as_str());
            for a in [&e.source, &e.target].into_iter().flatten() {
                bump(
                    &mut self.actors,
                    a.code.clone().unwrap_or_else(|| format!("\"{}\"", a.text)),
                );
            }
            if let Some(p) = &e.location {
                bump(&mut self.places, format!("{} ({})", p.name, p.geonameid));
            }
            for s in &e.according_to {
                bump(&mut self.sources, s.name.as_str());
            }
            if self.samples.len() < SAMPLES {
                let side = |a: &Option<sitrep_doc::events::EventActor>| {
                    a.as_ref().map_or("-".to_string(), |a| match &a.code {
                        Some(c) => format!("{} [{c}]", a.text),
                        None => a.text.clone(),
                    })
                };
                let mut line = format!(
                    "{} {} —{}{}→ {}",
                    e.date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "----------".into()),
                    side(&e.source),
                    e.code,
                    e.plover
                        .as_ref()
                        .map(|p| format!(" {}", p.event))
                        .unwrap_or_default(),
                    side(&e.target),
                );
                if let Some(p) = &e.location {
                    line.push_str(&format!(" @ {}", p.name));
                }
                if !e.according_to.is_empty() {
                    let chain: Vec<&str> = e.according_to.iter().map(|s| s.name.as_str()).collect();
                    line.push_str(&format!("  (according to {})", chain.join(" > ")));
                }
                self.samples.push(line);
            }
        }
    }
}

/// `2 no actors found, 1 story discarded`: counts by reason, largest first.
fn counts(map: &BTreeMap<String, u64>) -> String {
    let mut v: Vec<(&String, &u64)> = map.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = v.into_iter().map(|(k, n)| format!("{n} {k}")).collect();
    parts.join(", ")
}

impl Summary {
    /// `3 articles without events (2 no actors found, 1 story discarded)`, or
    /// `None` when every document had events (or none was coded).
    pub fn no_events_line(&self) -> Option<String> {
        let n: u64 = self.no_events.values().sum();
        (n > 0).then(|| {
            let s = if n == 1 { "" } else { "s" };
            format!(
                "{n} article{s} without events ({})",
                counts(&self.no_events)
            )
        })
    }
}

impl Summary {
    /// `2 sentences and 1 clause not coded (discard phrases)`, or `None`.
    pub fn discards_line(&self) -> Option<String> {
        let (s, c) = (self.discarded_story, self.discarded_clause);
        let plural = |n: u64, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        match (s, c) {
            (0, 0) => None,
            (s, 0) => Some(format!(
                "{} not coded (discard phrases)",
                plural(s, "sentence")
            )),
            (0, c) => Some(format!(
                "{} not coded (discard phrases)",
                plural(c, "clause")
            )),
            (s, c) => Some(format!(
                "{} and {} not coded (discard phrases)",
                plural(s, "sentence"),
                plural(c, "clause")
            )),
        }
    }
}

fn top(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    map: &BTreeMap<String, u64>,
    n: usize,
) -> fmt::Result {
    if map.is_empty() {
        return Ok(());
    }
    let mut v: Vec<(&String, &u64)> = map.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    writeln!(f, "{title}:")?;
    for (k, c) in v.into_iter().take(n) {
        writeln!(f, "  {c:>5}  {k}")?;
    }
    Ok(())
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} articles, {} sentences, {} tokens → {} events, {} quotes",
            self.articles, self.sentences, self.tokens, self.events, self.quotes
        )?;
        if let Some(line) = self.no_events_line() {
            writeln!(f, "{line}")?;
        }
        if let Some(line) = self.discards_line() {
            writeln!(f, "{line}")?;
        }
        if self.languages.len() > 1 {
            writeln!(f, "languages: {}", counts(&self.languages))?;
        }
        if self.killed + self.wounded > 0 {
            writeln!(
                f,
                "casualties reported (sum of lower bounds): {} killed, {} wounded",
                self.killed, self.wounded
            )?;
        }
        top(f, "events by PLOVER type", &self.by_plover, 16)?;
        top(f, "events by CAMEO root", &self.by_root, 20)?;
        top(f, "actors (source or target)", &self.actors, 12)?;
        top(f, "event locations", &self.places, 10)?;
        top(f, "according to", &self.sources, 10)?;
        top(f, "quote speakers", &self.speakers, 10)?;
        if !self.samples.is_empty() {
            writeln!(f, "sample events:")?;
            for s in &self.samples {
                writeln!(f, "  {s}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discard_phrases_are_counted_by_kind() {
        let mut s = Summary::default();
        assert_eq!(s.discards_line(), None);
        let mut doc = Doc::default();
        doc.extra.insert(
            DISCARDED_KEY.into(),
            serde_json::json!([{"story": true}, {"story": false}, {"story": true}]),
        );
        s.add(&doc);
        assert_eq!(
            s.discards_line().as_deref(),
            Some("2 sentences and 1 clause not coded (discard phrases)")
        );
    }

    #[test]
    fn reasons_for_no_events_are_counted() {
        let mut s = Summary::default();
        assert_eq!(s.no_events_line(), None);
        for reason in ["no actors found", "story discarded", "no actors found"] {
            let mut doc = Doc::default();
            doc.extra.insert(NO_EVENTS_KEY.into(), reason.into());
            doc.extra.insert(LANGUAGE_KEY.into(), "eng".into());
            s.add(&doc);
        }
        assert_eq!(
            s.no_events_line().as_deref(),
            Some("3 articles without events (2 no actors found, 1 story discarded)")
        );
        assert_eq!(s.languages["eng"], 3);
        assert!(s.to_string().contains("3 articles without events"));
    }
}
