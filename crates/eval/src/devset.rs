//! The real-news development set (`sitrep eval devset`): events a careful
//! coder records in Wikinews sentences, annotated by the guide in
//! `docs/devset-guide.md`, against what the full pipeline codes.
//!
//! # Data
//!
//! `data/devset/sentences.tsv` lists every sentence of each document with its
//! paragraph, whether it is scored and the document's date; `events.tsv` one
//! gold event per line (see [`GoldEvent`]). Both are built into this crate
//! ([`Devset::bundled`]); [`Devset::read_dir`] reads another copy.
//!
//! # Scoring
//!
//! Each document is rebuilt (sentences of a paragraph joined by a blank,
//! paragraphs by an empty line), run through the pipeline as one article
//! published on its date, and each coded event is assigned to the sentence that
//! holds its verb. Only events with a PLOVER type that are not negated are
//! predictions: CAMEO 01x statements have no PLOVER type and the guide records
//! none; they are counted apart ([`Report::statements`]).
//!
//! A predicted event is **right** when it lies in the gold event's sentence and
//! its source, target and PLOVER type match (one prediction per gold event,
//! gold events in file order, each taking the first unmatched prediction that
//! fits). Codes match by [`code_matches`]: same country, and same primary role
//! if the gold code has one. On right events the CAMEO root, the location and
//! the fatalities are scored as accuracies.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use sitrep::Pipeline;
use sitrep_doc::casualties::CasualtyKind;
use sitrep_doc::events::Event;
use sitrep_doc::{Article, Date, Doc};

use crate::metrics::{percent, Counts};
use crate::Error;

const SENTENCES: &str = include_str!("../data/devset/sentences.tsv");
const EVENTS: &str = include_str!("../data/devset/events.tsv");

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub id: String,
    pub doc: String,
    pub paragraph: u32,
    /// In the set (a document's date line is context only).
    pub scored: bool,
    pub date: Option<Date>,
    pub text: String,
}

/// One gold event. Every field but `sentence` and `root` may list
/// alternatives a careful coder could defensibly choose, separated by `|`
/// in the file; `-` means "none" (no actor, no place, no stated toll).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldEvent {
    pub sentence: String,
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub plover: Vec<String>,
    /// CAMEO root, two digits.
    pub root: String,
    /// Place names as written; empty if the sentence names none.
    pub location: Vec<String>,
    /// People killed by this act; `None` if the sentence does not say.
    pub fatalities: Option<u64>,
    pub note: String,
}

/// The sentences and their gold events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Devset {
    pub sentences: Vec<Sentence>,
    pub events: Vec<GoldEvent>,
    /// Lines skipped as malformed: `(file, line number, reason)`.
    pub skipped: Vec<(String, usize, String)>,
}

impl Devset {
    /// The set built into this crate.
    pub fn bundled() -> Devset {
        Devset::parse(SENTENCES, EVENTS)
    }

    /// Reads `sentences.tsv` and `events.tsv` from `dir`.
    pub fn read_dir(dir: &Path) -> Result<Devset, Error> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
        };
        Ok(Devset::parse(&read("sentences.tsv")?, &read("events.tsv")?))
    }

    /// Parses the two files' text. Malformed lines (wrong column count, an
    /// event naming no known sentence) are skipped and listed in `skipped`.
    pub fn parse(sentences: &str, events: &str) -> Devset {
        let mut set = Devset::default();
        for (no, line) in data_lines(sentences) {
            let f: Vec<&str> = line.split('\t').collect();
            let [id, doc, par, scored, date, text] = f[..] else {
                set.skip("sentences.tsv", no, "want 6 columns");
                continue;
            };
            let Ok(paragraph) = par.parse() else {
                set.skip("sentences.tsv", no, "bad paragraph number");
                continue;
            };
            set.sentences.push(Sentence {
                id: id.to_string(),
                doc: doc.to_string(),
                paragraph,
                scored: scored == "1",
                date: date.parse().ok(),
                text: text.to_string(),
            });
        }
        for (no, line) in data_lines(events) {
            let f: Vec<&str> = line.split('\t').collect();
            let [sentence, source, target, plover, root, location, fatalities, note] = f[..] else {
                set.skip("events.tsv", no, "want 8 columns");
                continue;
            };
            if !set.sentences.iter().any(|s| s.id == sentence && s.scored) {
                set.skip("events.tsv", no, "no such scored sentence");
                continue;
            }
            let fatalities = match fatalities {
                "-" => None,
                n => match n.parse() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        set.skip("events.tsv", no, "bad fatalities");
                        continue;
                    }
                },
            };
            set.events.push(GoldEvent {
                sentence: sentence.to_string(),
                source: alternatives(source),
                target: alternatives(target),
                plover: alternatives(plover),
                root: root.to_string(),
                location: alternatives(location)
                    .into_iter()
                    .filter(|l| l != "-")
                    .collect(),
                fatalities,
                note: note.to_string(),
            });
        }
        set
    }

    fn skip(&mut self, file: &str, line: usize, why: &str) {
        self.skipped.push((file.to_string(), line, why.to_string()));
    }

    /// Sentences in the set.
    pub fn scored(&self) -> usize {
        self.sentences.iter().filter(|s| s.scored).count()
    }
}

/// Non-empty lines after the header, with 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
}

fn alternatives(field: &str) -> Vec<String> {
    field.split('|').map(|s| s.trim().to_string()).collect()
}

/// Whether a predicted actor code matches one gold code: gold `-` (no actor)
/// matches only no code; otherwise the country (first three letters) must be
/// equal and, if the gold code has a primary role (letters 4–6), the role
/// too. Further letters are ignored (`SYRREBMUS` matches gold `SYRREB`, any
/// `KOR...` matches gold `KOR`, but `KOR` does not match gold `KORMIL`).
pub fn code_matches(gold: &str, predicted: Option<&str>) -> bool {
    let predicted = predicted.filter(|p| !p.is_empty());
    if gold == "-" {
        return predicted.is_none();
    }
    let Some(p) = predicted else {
        return false;
    };
    let part = |c: &str, r: std::ops::Range<usize>| c.get(r).unwrap_or("").to_string();
    let (gc, gr) = (
        part(gold, 0..3),
        gold.get(3..6).or(gold.get(3..)).unwrap_or(""),
    );
    let (pc, pr) = (part(p, 0..3), p.get(3..6).or(p.get(3..)).unwrap_or(""));
    gc == pc && (gr.is_empty() || gr == pr)
}

fn any_matches(gold: &[String], predicted: Option<&str>) -> bool {
    gold.iter().any(|g| code_matches(g, predicted))
}

/// A prediction as scored: the event and what the scorer reads from it.
#[derive(Clone, Debug)]
pub struct Predicted {
    pub sentence: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub plover: String,
    pub code: String,
    pub location: Option<String>,
    /// The location's text as written.
    pub location_text: Option<String>,
    pub fatalities: Option<u64>,
    pub verb: String,
}

impl Predicted {
    fn of(doc: &Doc, e: &Event, sentence: &str) -> Predicted {
        let killed: Vec<u64> = e
            .casualties
            .iter()
            .filter_map(|&i| doc.casualties.get(i as usize))
            .filter(|c| c.kind == CasualtyKind::Killed)
            .map(|c| c.count.min)
            .collect();
        Predicted {
            sentence: sentence.to_string(),
            source: e.source.as_ref().and_then(|a| a.code.clone()),
            target: e.target.as_ref().and_then(|a| a.code.clone()),
            plover: e
                .plover
                .as_ref()
                .map(|p| p.event.clone())
                .unwrap_or_default(),
            code: e.code.clone(),
            location: e.location.as_ref().map(|l| l.name.clone()),
            location_text: e.location.as_ref().and_then(|l| {
                doc.text
                    .get(l.evidence.start as usize..l.evidence.end as usize)
                    .map(str::to_string)
            }),
            fatalities: (!killed.is_empty()).then(|| killed.iter().sum()),
            verb: e.verb_text.clone(),
        }
    }

    fn fits(&self, g: &GoldEvent) -> bool {
        self.sentence == g.sentence
            && g.plover.contains(&self.plover)
            && any_matches(&g.source, self.source.as_deref())
            && any_matches(&g.target, self.target.as_deref())
    }

    fn describe(&self) -> String {
        format!(
            "{} -> {} {} {} ({})",
            self.source.as_deref().unwrap_or("-"),
            self.target.as_deref().unwrap_or("-"),
            self.plover,
            self.code,
            self.verb
        )
    }
}

/// Right answers out of those scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }
    pub fn percent(&self) -> f64 {
        percent(self.correct, self.total)
    }
}

/// The figures of one run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub sentences: usize,
    pub gold_events: usize,
    /// Source, target and PLOVER type right.
    pub overall: Counts,
    /// Per PLOVER type (gold type for misses, predicted type for spurious events).
    pub per_type: BTreeMap<String, Counts>,
    /// Sentence and PLOVER type right, actors ignored (a diagnostic).
    pub type_only: Counts,
    /// On right events.
    pub root: Accuracy,
    pub location: Accuracy,
    pub fatalities: Accuracy,
    /// Coded events without a PLOVER type (CAMEO 01x), not scored.
    pub statements: usize,
    /// Negated events, not scored.
    pub negated: usize,
    /// Gold events not found: `(gold, predictions in its sentence)`.
    pub misses: Vec<(GoldEvent, Vec<String>)>,
    /// Predictions matching no gold event, with their sentence's text.
    pub spurious: Vec<(Predicted, String)>,
}

/// A sentence's byte range `start..end` in its document's text.
type Placed<'a> = (usize, usize, &'a Sentence);

/// Builds one article per document: its text and each sentence's byte range.
fn documents(set: &Devset) -> Vec<(Article, Vec<Placed<'_>>)> {
    let mut docs: Vec<(Article, Vec<Placed<'_>>)> = Vec::new();
    let mut last_par = None;
    for s in &set.sentences {
        if docs.last().is_none_or(|(a, _)| a.id != s.doc) {
            docs.push((
                Article {
                    id: s.doc.clone(),
                    published: s.date,
                    ..Article::default()
                },
                Vec::new(),
            ));
            last_par = None;
        }
        let Some((article, ranges)) = docs.last_mut() else {
            continue;
        };
        if !article.text.is_empty() {
            article.text.push_str(if last_par == Some(s.paragraph) {
                " "
            } else {
                "\n\n"
            });
        }
        last_par = Some(s.paragraph);
        let start = article.text.len();
        article.text.push_str(&s.text);
        ranges.push((start, article.text.len(), s));
    }
    docs
}

/// Runs `pipeline` (the full pipeline: coder, geoparser, attribution, link)
/// on every document and scores the events.
pub fn score(set: &Devset, pipeline: &Pipeline) -> Report {
    let mut report = Report {
        sentences: set.scored(),
        gold_events: set.events.len(),
        ..Report::default()
    };
    let mut predicted: Vec<Predicted> = Vec::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for (article, ranges) in documents(set) {
        for (_, _, s) in &ranges {
            texts.insert(s.id.clone(), s.text.clone());
        }
        let doc = pipeline.analyze(article);
        for e in &doc.events {
            let at = e.verb.start as usize;
            let Some((_, _, s)) = ranges.iter().find(|(a, b, _)| (*a..*b).contains(&at)) else {
                continue;
            };
            if !s.scored {
                continue;
            }
            if e.negated {
                report.negated += 1;
            } else if e.plover.as_ref().is_none_or(|p| p.event.is_empty()) {
                report.statements += 1;
            } else {
                predicted.push(Predicted::of(&doc, e, &s.id));
            }
        }
    }

    let mut used = vec![false; predicted.len()];
    let mut used_by_type = vec![false; predicted.len()];
    for g in &set.events {
        let gold_type = g.plover.first().cloned().unwrap_or_default();
        let hit = (0..predicted.len()).find(|&i| !used[i] && predicted[i].fits(g));
        let typed = (0..predicted.len()).find(|&i| {
            !used_by_type[i]
                && predicted[i].sentence == g.sentence
                && g.plover.contains(&predicted[i].plover)
        });
        if let Some(i) = typed {
            used_by_type[i] = true;
            report.type_only.true_pos += 1;
        } else {
            report.type_only.false_neg += 1;
        }
        let counts = report.per_type.entry(gold_type).or_default();
        match hit {
            Some(i) => {
                used[i] = true;
                counts.true_pos += 1;
                report.overall.true_pos += 1;
                let p = &predicted[i];
                report.root.add(p.code.get(..2) == Some(g.root.as_str()));
                report.location.add(location_right(g, p));
                report
                    .fatalities
                    .add(p.fatalities.unwrap_or(0) == g.fatalities.unwrap_or(0));
            }
            None => {
                counts.false_neg += 1;
                report.overall.false_neg += 1;
                let near = predicted
                    .iter()
                    .filter(|p| p.sentence == g.sentence)
                    .map(Predicted::describe)
                    .collect();
                report.misses.push((g.clone(), near));
            }
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        if !used_by_type[i] {
            report.type_only.false_pos += 1;
        }
        if !used[i] {
            report.overall.false_pos += 1;
            report
                .per_type
                .entry(p.plover.clone())
                .or_default()
                .false_pos += 1;
            let text = texts.get(&p.sentence).cloned().unwrap_or_default();
            report.spurious.push((p.clone(), text));
        }
    }
    report
}

/// Gold names none: right if none predicted. Else the predicted place's
/// gazetteer name or its text as written equals a gold name (ignoring case).
fn location_right(g: &GoldEvent, p: &Predicted) -> bool {
    if g.location.is_empty() {
        return p.location.is_none();
    }
    let eq = |a: &Option<String>| {
        a.as_deref()
            .is_some_and(|a| g.location.iter().any(|l| l.eq_ignore_ascii_case(a)))
    };
    eq(&p.location) || eq(&p.location_text)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.overall;
        writeln!(
            f,
            "devset: {} sentences, {} gold events, {} predicted",
            self.sentences,
            self.gold_events,
            c.predicted()
        )?;
        writeln!(
            f,
            "events (source, target, PLOVER type): P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_pos,
            c.false_pos,
            c.false_neg
        )?;
        let t = &self.type_only;
        writeln!(
            f,
            "type only (sentence, PLOVER type): P {:.3} R {:.3} F1 {:.3}",
            t.precision(),
            t.recall(),
            t.f1()
        )?;
        writeln!(f, "per PLOVER type:")?;
        for (ty, c) in &self.per_type {
            writeln!(
                f,
                "  {:<10} gold {:>3} pred {:>3}  P {:.3} R {:.3} F1 {:.3}",
                ty,
                c.gold(),
                c.predicted(),
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        writeln!(
            f,
            "on right events: CAMEO root {}/{} ({:.1}%), location {}/{} ({:.1}%), fatalities {}/{} ({:.1}%)",
            self.root.correct,
            self.root.total,
            self.root.percent(),
            self.location.correct,
            self.location.total,
            self.location.percent(),
            self.fatalities.correct,
            self.fatalities.total,
            self.fatalities.percent()
        )?;
        write!(
            f,
            "not scored: {} statements (01x, no PLOVER type), {} negated",
            self.statements, self.negated
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_on_country_and_primary_role() {
        assert!(code_matches("SYRREB", Some("SYRREBMUS")));
        assert!(code_matches("KOR", Some("KORMIL")));
        assert!(!code_matches("KORMIL", Some("KOR")));
        assert!(!code_matches("KORMIL", Some("PRKMIL")));
        assert!(code_matches("IGOUNO", Some("IGOUNOWFP")));
        assert!(code_matches("---", Some("---CRM")));
        assert!(code_matches("-", None));
        assert!(code_matches("-", Some("")));
        assert!(!code_matches("-", Some("USA")));
        assert!(!code_matches("USA", None));
    }

    #[test]
    fn bundled_set_reads_without_skips() {
        let set = Devset::bundled();
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        assert!(set.scored() >= 300, "{}", set.scored());
        assert!(set.events.len() >= 90);
        // Every gold PLOVER type is one of PLOVER's 16 and every root two digits.
        const TYPES: [&str; 16] = [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "COOPERATE",
            "AID",
            "CONCEDE",
            "RETREAT",
            "ACCUSE",
            "REQUEST",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "MOBILIZE",
            "SANCTION",
            "COERCE",
            "ASSAULT",
        ];
        for e in &set.events {
            assert!(
                e.plover.iter().all(|t| TYPES.contains(&t.as_str())),
                "{e:?}"
            );
            assert!(
                e.root.len() == 2 && e.root.bytes().all(|b| b.is_ascii_digit()),
                "{e:?}"
            );
        }
    }

    #[test]
    fn documents_rebuild_paragraphs_and_ranges() {
        let set = Devset::parse(
            "h\na-1\tA\t1\t1\t2015-08-21\tTitle\na-2\tA\t2\t1\t2015-08-21\tOne.\na-3\tA\t2\t1\t2015-08-21\tTwo.\nb-1\tB\t1\t1\t-\tOther",
            "h\na-2\tPRK\tKOR\tASSAULT\t19\t-\t-\tx\nzz\tPRK\tKOR\tASSAULT\t19\t-\t-\tx",
        );
        assert_eq!(set.skipped.len(), 1);
        let docs = documents(&set);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].0.text, "Title\n\nOne. Two.");
        let (a, b, _) = docs[0].1[2];
        assert_eq!(&docs[0].0.text[a..b], "Two.");
        assert_eq!(docs[1].0.published, None);
    }
}
