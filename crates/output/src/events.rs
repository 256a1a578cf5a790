//! Event tables: one row per coded event, in three layouts.
//!
//! - [`write_events_jsonl`]: sitrep's own record (`docs/schema.md`), the full event
//!   with its evidence spans, `according_to` chain, location and casualties.
//! - [`write_events_gdelt`]: the 61 tab-separated columns of the GDELT 2.0 event
//!   table, no header (as GDELT ships it), so GDELT tooling reads sitrep output.
//!   Which columns sitrep fills, and how it departs from GDELT (ISO 3166 country
//!   codes and GeoNames feature ids), is documented in `docs/schema.md`.
//! - [`write_events_acled`]: ACLED-like CSV columns with a header row.

use serde::Serialize;
use sitrep_doc::casualties::{Casualty, CasualtyKind};
use sitrep_doc::events::{Event, EventActor};
use sitrep_doc::places::{PlacePrecision, PlaceRef};
use sitrep_doc::quotes::Source;
use sitrep_doc::{Date, Doc};
use std::io::{self, Write};

/// The version of the event record layout (`schema_version` in every record).
pub const SCHEMA_VERSION: &str = "1";

#[derive(Serialize)]
struct EventRecord<'a> {
    schema_version: &'static str,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(flatten)]
    event: &'a Event,
    /// The casualty records attached to this event, copied for convenience.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    casualty_counts: Vec<&'a Casualty>,
    sentence_text: &'a str,
}

fn attached_casualties<'a>(doc: &'a Doc, e: &Event) -> Vec<&'a Casualty> {
    e.casualties
        .iter()
        .filter_map(|&i| doc.casualties.get(i as usize))
        .collect()
}

/// One JSON object per event of `doc`, each on its own line.
pub fn write_events_jsonl<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    for e in &doc.events {
        let rec = EventRecord {
            schema_version: SCHEMA_VERSION,
            doc: &doc.id,
            url: doc.url.as_deref(),
            event: e,
            casualty_counts: attached_casualties(doc, e),
            sentence_text: doc.slice(e.sentence_span),
        };
        serde_json::to_writer(&mut w, &rec)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Fields may not contain the separator or line breaks.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The three-letter chunks of a CAMEO actor code: `SYRMIL` → country `SYR`,
/// types `[MIL]`; `---UAF` → no country, `[UAF]`. International and
/// non-state prefixes (`IGO`, `NGO`, `IMG`, `MNC`) are types, not countries.
fn split_actor_code(code: &str) -> (String, Vec<String>) {
    let chunks: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .map(str::to_string)
        .collect();
    match chunks.split_first() {
        Some((first, rest))
            if first != "---" && !matches!(first.as_str(), "IGO" | "NGO" | "IMG" | "MNC") =>
        {
            (first.clone(), rest.to_vec())
        }
        Some((first, rest)) if first == "---" => (String::new(), rest.to_vec()),
        _ => (String::new(), chunks),
    }
}

fn gdelt_actor(a: Option<&EventActor>) -> Vec<String> {
    let Some(a) = a else {
        return vec![String::new(); 10];
    };
    let code = a.code.clone().unwrap_or_default();
    let (country, types) = if code.is_empty() {
        (String::new(), Vec::new())
    } else {
        split_actor_code(&code)
    };
    let ty = |i: usize| types.get(i).cloned().unwrap_or_default();
    vec![
        clean(&code),
        clean(&a.text.to_uppercase()),
        country,
        String::new(), // KnownGroupCode
        String::new(), // EthnicCode
        String::new(), // Religion1Code
        String::new(), // Religion2Code
        ty(0),
        ty(1),
        ty(2),
    ]
}

/// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
fn gdelt_geo(p: Option<&PlaceRef>) -> Vec<String> {
    let Some(p) = p else {
        return vec![String::new(); 8];
    };
    let us = p.country == "US";
    let geo_type = match p.precision {
        PlacePrecision::Country => 1,
        PlacePrecision::Admin => {
            if us {
                2
            } else {
                5
            }
        }
        _ => {
            if us {
                3
            } else {
                4
            }
        }
    };
    let adm1 = if p.admin1.is_empty() {
        p.country.clone()
    } else {
        format!("{}{}", p.country, p.admin1)
    };
    vec![
        geo_type.to_string(),
        clean(&p.name),
        p.country.clone(),
        adm1,
        String::new(), // ADM2Code
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.geonameid.to_string(),
    ]
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Rows in the GDELT 2.0 event-table layout; `GLOBALEVENTID` is the event's
/// stable [`EventId`](sitrep_doc::events::EventId).
pub fn write_events_gdelt<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    for e in &doc.events {
        let date = e.date.or(doc.anchor_date);
        let mut f: Vec<String> = Vec::with_capacity(61);
        f.push(e.id.to_string());
        match date {
            Some(d) => {
                let doy = d.days_since_epoch()
                    - Date::new(d.year(), 1, 1).map_or(0, |j| j.days_since_epoch());
                f.push(ymd(d));
                f.push(format!("{:04}{:02}", d.year(), d.month()));
                f.push(d.year().to_string());
                f.push(format!("{:.4}", f64::from(d.year()) + doy as f64 / 365.0));
            }
            None => f.extend(std::iter::repeat_n(String::new(), 4)),
        }
        f.extend(gdelt_actor(e.source.as_ref()));
        f.extend(gdelt_actor(e.target.as_ref()));
        f.push(u8::from(e.sentence == 0).to_string()); // IsRootEvent: lead sentence
        f.push(clean(&e.code));
        f.push(clean(e.code.get(..3).unwrap_or(&e.code)));
        f.push(clean(&e.root_code));
        f.push(e.quad_class.to_string());
        f.push(format!("{:.1}", e.goldstein));
        f.extend(["1", "1", "1"].map(String::from)); // NumMentions, NumSources, NumArticles
        f.push(String::new()); // AvgTone: not computed
        f.extend(gdelt_geo(None)); // Actor1Geo: not computed
        f.extend(gdelt_geo(None)); // Actor2Geo: not computed
        f.extend(gdelt_geo(e.location.as_ref()));
        f.push(
            doc.published
                .or(date)
                .map(|d| format!("{}000000", ymd(d)))
                .unwrap_or_default(),
        );
        f.push(clean(doc.url.as_deref().unwrap_or(&doc.id)));
        debug_assert_eq!(f.len(), 61);
        writeln!(w, "{}", f.join("\t"))?;
    }
    Ok(())
}

/// The ACLED-like CSV header written by [`write_acled_header`].
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "cameo_code",
    "actor1",
    "actor1_code",
    "actor2",
    "actor2_code",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "negated",
    "modality",
    "doc",
    "url",
];

/// RFC 4180 quoting: quote fields holding a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn write_acled_header<W: Write>(mut w: W) -> io::Result<()> {
    writeln!(w, "{}", ACLED_COLUMNS.join(","))
}

fn chain(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// ACLED time precision: 1 day, 2 week or month... (ACLED uses 1 = day, 2 = week,
/// 3 = month); years count as 3.
fn time_precision(e: &Event) -> &'static str {
    use sitrep_doc::times::DatePrecision;
    match e.time.as_ref().map(|t| t.precision) {
        Some(DatePrecision::Day) | None => "1",
        Some(DatePrecision::Week) => "2",
        Some(_) => "3",
    }
}

/// Fatalities: the largest lower bound among killed counts attached to the
/// event; cumulative and non-violent counts never count (the link does not
/// attach them; a document read from elsewhere may).
fn fatalities(doc: &Doc, e: &Event) -> String {
    attached_casualties(doc, e)
        .iter()
        .filter(|c| c.kind == CasualtyKind::Killed && c.is_incident_harm())
        .map(|c| c.count.min)
        .max()
        .map(|n| n.to_string())
        .unwrap_or_else(|| "0".into())
}

/// Rows of ACLED-like columns ([`ACLED_COLUMNS`]); `event_id` is the event's
/// stable [`EventId`](sitrep_doc::events::EventId).
pub fn write_events_acled<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    for e in &doc.events {
        let date = e.date.or(doc.anchor_date);
        let loc = e.location.as_ref();
        let actor = |a: Option<&EventActor>| a.map(|a| a.text.clone()).unwrap_or_default();
        let code = |a: Option<&EventActor>| a.and_then(|a| a.code.clone()).unwrap_or_default();
        let modality = serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let fields = [
            e.id.to_string(),
            date.map(|d| d.to_string()).unwrap_or_default(),
            date.map(|d| d.year().to_string()).unwrap_or_default(),
            time_precision(e).to_string(),
            e.plover
                .as_ref()
                .map(|p| p.event.clone())
                .unwrap_or_default(),
            e.plover
                .as_ref()
                .and_then(|p| p.mode.clone())
                .unwrap_or_default(),
            e.code.clone(),
            actor(e.source.as_ref()),
            code(e.source.as_ref()),
            actor(e.target.as_ref()),
            code(e.target.as_ref()),
            loc.map(|p| p.country.clone()).unwrap_or_default(),
            loc.map(|p| p.admin1.clone()).unwrap_or_default(),
            loc.map(|p| p.name.clone()).unwrap_or_default(),
            loc.map(|p| format!("{:.4}", p.lat)).unwrap_or_default(),
            loc.map(|p| format!("{:.4}", p.lon)).unwrap_or_default(),
            loc.map(|p| p.precision.as_str().to_string())
                .unwrap_or_default(),
            chain(&e.according_to),
            doc.slice(e.sentence_span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            fatalities(doc, e),
            e.negated.to_string(),
            modality,
            doc.id.clone(),
            doc.url.clone().unwrap_or_default(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(w, "{}", row.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_country_and_types() {
        assert_eq!(
            split_actor_code("SYRMIL"),
            ("SYR".into(), vec!["MIL".into()])
        );
        assert_eq!(
            split_actor_code("---UAF"),
            (String::new(), vec!["UAF".into()])
        );
        assert_eq!(
            split_actor_code("IGOUNO"),
            (String::new(), vec!["IGO".into(), "UNO".into()])
        );
        assert_eq!(split_actor_code("USA"), ("USA".into(), vec![]));
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
