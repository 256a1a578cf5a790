//! The GDELT 2.0 layouts: the event table (61 columns, [`GDELT_EVENT_COLUMNS`])
//! and the mentions table (16 columns, [`GDELT_MENTION_COLUMNS`]), tab-separated
//! with no header, as GDELT ships them, so GDELT readers and scripts load
//! sitrep output and get the same meanings:
//!
//! - geography in **FIPS 10-4** country codes (`ActionGeo_CountryCode`,
//!   `ADM1Code` = FIPS country + GeoNames admin1 code), mapped from the place's
//!   ISO code through the vendored country table;
//! - actors in CAMEO codes split into country, known group, ethnic, religion
//!   and type columns ([`crate::actor_code`]), named by the dictionary's primary
//!   name rather than the word written (a pronoun's name is its antecedent's);
//! - `GLOBALEVENTID` the event's stable [`EventId`](sitrep_doc::events::EventId),
//!   the same number in the mentions table and in every other format.
//!
//! Several events of one article with the same code, actors, date and place
//! are mentions of one GDELT event: one event row (`NumMentions` counts them),
//! one mentions row each. Events with no date at all (no dateline, publish
//! date or `--date`) have no `SQLDATE` and are left out of both tables; the
//! sinks count them ([`crate::Sink::diagnostics`]). Column-by-column meanings and departures
//! from GDELT: `docs/schema.md`.

use crate::actor_code::{self, ActorParts};
use crate::tables;
use sitrep_doc::actors::MentionKind;
use sitrep_doc::events::{Event, EventActor};
use sitrep_doc::places::{PlacePrecision, PlaceRef};
use sitrep_doc::{Date, Doc, Span};
use std::collections::HashMap;
use std::io::{self, Write};

/// The GDELT 2.0 event-table columns, in file order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT 2.0 mentions-table columns, in file order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Fields may not contain the separator or line breaks.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The date an event is filed under in the event tables: the event's own date
/// (a date in its clause or sentence, else the dateline's), else the anchor
/// (publish date or `--date`).
pub(crate) fn event_date(doc: &Doc, e: &Event) -> Option<Date> {
    e.date.or(doc.anchor_date)
}

/// `DATEADDED`: when the article appeared (publish date, else the event date),
/// at midnight: sitrep knows days, not GDELT's 15-minute update times.
fn date_added(doc: &Doc, date: Date) -> String {
    format!("{}000000", ymd(doc.published.unwrap_or(date)))
}

/// The actor mention an event side stands for: its own mention, or for a
/// pronoun or carried-over name the mention it was resolved to. Bounded, so
/// a malformed chain of antecedents cannot loop.
pub(crate) fn resolved_mention<'a>(
    doc: &'a Doc,
    a: &EventActor,
) -> Option<&'a sitrep_doc::actors::ActorMention> {
    let mut m = doc.actors.get(a.mention? as usize)?;
    for _ in 0..8 {
        match m.kind {
            MentionKind::Coreference { antecedent } => match doc.actors.get(antecedent as usize) {
                Some(next) => m = next,
                None => break,
            },
            _ => break,
        }
    }
    Some(m)
}

/// Whether an event side was found through coreference (a pronoun or a
/// carried-over name), not written out where the event is.
fn via_coreference(doc: &Doc, a: Option<&EventActor>) -> bool {
    a.and_then(|a| doc.actors.get(a.mention? as usize))
        .is_some_and(|m| matches!(m.kind, MentionKind::Coreference { .. }))
}

/// The actor's name: the dictionary's primary name (`sergey lavrov` for
/// `he`), else the words of the mention it resolves to, blanks collapsed.
pub(crate) fn actor_name_raw(doc: &Doc, a: &EventActor) -> String {
    let name = match resolved_mention(doc, a) {
        Some(m) => m.name.as_deref().unwrap_or(&m.text),
        None => &a.text,
    };
    clean(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `Actor1Name`: [`actor_name_raw`] upper-cased, as GDELT writes names.
fn actor_name(doc: &Doc, a: &EventActor) -> String {
    actor_name_raw(doc, a).to_uppercase()
}

fn actor_columns(doc: &Doc, a: Option<&EventActor>) -> Vec<String> {
    let Some(a) = a else {
        return vec![String::new(); 10];
    };
    let code = a.code.clone().unwrap_or_default();
    let ActorParts {
        country,
        known_group,
        ethnic,
        religion: [r1, r2],
        types: [t1, t2, t3],
    } = actor_code::split(&code);
    vec![
        clean(&code),
        actor_name(doc, a),
        country,
        known_group,
        ethnic,
        r1,
        r2,
        t1,
        t2,
        t3,
    ]
}

/// One GDELT geography block (`*Geo_Type` … `*Geo_FeatureID`).
struct Geo {
    kind: u8,
    full_name: String,
    fips: String,
    adm1: String,
    lat: f64,
    lon: f64,
    feature: String,
}

impl Geo {
    /// From a resolved place. GDELT types: 1 country, 2 US state, 3 US city,
    /// 4 world city, 5 world state. For a country GDELT's ADM1Code and
    /// FeatureID are the FIPS country code; for a state, the ADM1 code.
    fn of_place(p: &PlaceRef) -> Geo {
        let country = tables::country(&p.country);
        let fips = country.map_or("", |c| c.fips).to_string();
        let country_name = country.map_or("", |c| c.name);
        let us = p.country == "US";
        let adm1 = if p.admin1.is_empty() || p.precision == PlacePrecision::Country {
            fips.clone()
        } else {
            format!("{fips}{}", p.admin1)
        };
        let admin1_name = if p.admin1.is_empty() {
            None
        } else {
            tables::admin1_name(&p.country, &p.admin1)
        };
        let join = |parts: &[&str]| {
            let mut out: Vec<&str> = Vec::new();
            for s in parts {
                if !s.is_empty() && out.last() != Some(s) {
                    out.push(s);
                }
            }
            clean(&out.join(", "))
        };
        let (kind, full_name, feature) = match p.precision {
            PlacePrecision::Country => (1, join(&[&p.name]), fips.clone()),
            PlacePrecision::Admin => (
                if us { 2 } else { 5 },
                join(&[&p.name, country_name]),
                adm1.clone(),
            ),
            PlacePrecision::City | PlacePrecision::Neighbourhood => (
                if us { 3 } else { 4 },
                join(&[&p.name, admin1_name.unwrap_or(""), country_name]),
                p.geonameid.to_string(),
            ),
        };
        Geo {
            kind,
            full_name,
            fips,
            adm1,
            lat: p.lat,
            lon: p.lon,
            feature,
        }
    }

    /// A country's centre, for an actor known only by its CAMEO country.
    fn of_country(c: &tables::Country) -> Option<Geo> {
        let (lat, lon) = c.centre?;
        Some(Geo {
            kind: 1,
            full_name: c.name.to_string(),
            fips: c.fips.to_string(),
            adm1: c.fips.to_string(),
            lat,
            lon,
            feature: c.fips.to_string(),
        })
    }

    fn columns(g: Option<Geo>) -> Vec<String> {
        let Some(g) = g else {
            return vec![String::new(); 8];
        };
        vec![
            g.kind.to_string(),
            g.full_name,
            g.fips,
            g.adm1,
            String::new(), // ADM2Code: GDELT's are GAUL codes, which sitrep lacks
            format!("{:.4}", g.lat),
            format!("{:.4}", g.lon),
            g.feature,
        ]
    }
}

/// A resolved place named by the text inside `span` (`Aleppo`, `US`), if any.
fn place_within(doc: &Doc, span: Span) -> Option<&PlaceRef> {
    let first = doc.places.partition_point(|p| p.span.end <= span.start);
    doc.places[first..]
        .iter()
        .take_while(|p| p.span.start < span.end)
        .find_map(|p| p.place.as_ref())
}

/// Where an actor is: a place its mention names (the actor *is* a place, as
/// `Aleppo` or `the US`, or is qualified by one, as `Aleppo residents`), else
/// the centre of its CAMEO country.
fn actor_geo(doc: &Doc, a: Option<&EventActor>) -> Option<Geo> {
    let a = a?;
    let span = resolved_mention(doc, a).map_or(a.span, |m| m.span);
    if let Some(p) = place_within(doc, span) {
        return Some(Geo::of_place(p));
    }
    let parts = actor_code::split(a.code.as_deref()?);
    tables::country_of_iso3(&parts.country).and_then(Geo::of_country)
}

/// Counts of what a GDELT table left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Omitted {
    pub undated: usize,
}

/// Rows in the GDELT 2.0 event-table layout ([`GDELT_EVENT_COLUMNS`]);
/// `GLOBALEVENTID` is the event's stable
/// [`EventId`](sitrep_doc::events::EventId). Undated events are left out
/// (the [`crate::Gdelt`] sink counts them).
pub fn write_events_gdelt<W: Write>(doc: &Doc, w: W) -> io::Result<()> {
    write_events(doc, w).map(|_| ())
}

/// What makes two events of one article mentions of one event (see
/// [`dated_mentions`]): code, source, target, date, place.
pub(crate) type SameEvent = (String, String, String, Date, Option<u32>);

pub(crate) fn same_event(doc: &Doc, e: &Event, date: Date) -> SameEvent {
    let side = |a: Option<&EventActor>| match a {
        Some(a) => match &a.code {
            Some(c) => c.clone(),
            None => actor_name(doc, a),
        },
        None => String::new(),
    };
    (
        e.code.clone(),
        side(e.source.as_ref()),
        side(e.target.as_ref()),
        date,
        e.location.as_ref().map(|p| p.geonameid),
    )
}

/// The dated events of `doc`, each with its date and the index (into the
/// returned list) of the first mention of the same event.
///
/// Two events of one article are mentions of one GDELT event when they have
/// the same CAMEO code, the same source and target (by actor code, else by
/// name), the same date and the same place (GeoNames id) — the fields GDELT
/// collapses on. The event is filed under its first mention: its id is the
/// GLOBALEVENTID and its row the event row; the others are further mentions.
fn dated_mentions<'a>(doc: &'a Doc, omitted: &mut Omitted) -> Vec<(&'a Event, Date, usize)> {
    let mut first: HashMap<SameEvent, usize> = HashMap::new();
    let mut out = Vec::with_capacity(doc.events.len());
    for e in &doc.events {
        let Some(d) = event_date(doc, e) else {
            omitted.undated += 1;
            continue;
        };
        let key = same_event(doc, e, d);
        let n = out.len();
        let leader = *first.entry(key).or_insert(n);
        out.push((e, d, leader));
    }
    out
}

pub(crate) fn write_events<W: Write>(doc: &Doc, mut w: W) -> io::Result<Omitted> {
    let mut omitted = Omitted::default();
    let dated = dated_mentions(doc, &mut omitted);
    let mut mentions = vec![0usize; dated.len()];
    let mut in_lead = vec![false; dated.len()];
    for &(e, _, leader) in &dated {
        mentions[leader] += 1;
        in_lead[leader] |= e.sentence == 0;
    }
    for (i, &(e, d, leader)) in dated.iter().enumerate() {
        if leader != i {
            continue;
        }
        let mut f: Vec<String> = Vec::with_capacity(61);
        f.push(e.id.to_string());
        let doy =
            d.days_since_epoch() - Date::new(d.year(), 1, 1).map_or(0, |j| j.days_since_epoch());
        f.push(ymd(d));
        f.push(format!("{:04}{:02}", d.year(), d.month()));
        f.push(d.year().to_string());
        f.push(format!("{:.4}", f64::from(d.year()) + doy as f64 / 365.0));
        f.extend(actor_columns(doc, e.source.as_ref()));
        f.extend(actor_columns(doc, e.target.as_ref()));
        // IsRootEvent: a mention in the lead sentence.
        f.push(u8::from(in_lead[i]).to_string());
        f.push(clean(&e.code));
        f.push(clean(e.code.get(..3).unwrap_or(&e.code)));
        f.push(clean(&e.root_code));
        f.push(e.quad_class.to_string());
        f.push(format!("{:.1}", e.goldstein));
        // NumMentions: the event's mentions in this article; NumSources,
        // NumArticles: one article from one source. Counts across articles
        // are the corpus layer's.
        f.push(mentions[i].to_string());
        f.extend(["1", "1"].map(String::from));
        f.push(String::new()); // AvgTone: not computed
        f.extend(Geo::columns(actor_geo(doc, e.source.as_ref())));
        f.extend(Geo::columns(actor_geo(doc, e.target.as_ref())));
        f.extend(Geo::columns(e.location.as_ref().map(Geo::of_place)));
        f.push(date_added(doc, d));
        f.push(clean(doc.url.as_deref().unwrap_or("")));
        debug_assert_eq!(f.len(), 61);
        writeln!(w, "{}", f.join("\t"))?;
    }
    Ok(omitted)
}

/// Character (not byte) offsets of `bytes` in `text`, as GDELT counts them,
/// in one pass over the text. `bytes` need not be sorted; offsets past the
/// end map to the text's length.
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let mut chars = text.char_indices().enumerate().peekable();
    let total = text.chars().count();
    for i in order {
        while chars.peek().is_some_and(|&(_, (b, _))| b < bytes[i]) {
            chars.next();
        }
        out[i] = chars.peek().map_or(total, |&(n, _)| n);
    }
    out
}

/// The host of a URL (`https://www.example.com/a` → `www.example.com`).
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Rows in the GDELT 2.0 mentions-table layout ([`GDELT_MENTION_COLUMNS`]):
/// one per event evidence span, joined to the event table by `GLOBALEVENTID`
/// (the id of the event's first mention in the article).
/// Offsets are in characters, as GDELT's; `-1` for an absent actor.
pub fn write_mentions_gdelt<W: Write>(doc: &Doc, w: W) -> io::Result<()> {
    write_mentions(doc, w).map(|_| ())
}

pub(crate) fn write_mentions<W: Write>(doc: &Doc, mut w: W) -> io::Result<Omitted> {
    let mut omitted = Omitted::default();
    let dated = dated_mentions(doc, &mut omitted);
    if dated.is_empty() {
        return Ok(omitted);
    }
    // Byte offsets of every actor and verb, converted to characters at once.
    let starts = |e: &Event| {
        [
            e.source.as_ref().map_or(0, |a| a.span.start as usize),
            e.target.as_ref().map_or(0, |a| a.span.start as usize),
            e.verb.start as usize,
        ]
    };
    let mut bytes: Vec<usize> = dated.iter().flat_map(|(e, _, _)| starts(e)).collect();
    bytes.push(doc.text.len());
    let chars = char_offsets(&doc.text, &bytes);
    let doc_len = chars[chars.len() - 1];
    let (kind, identifier) = match doc.url.as_deref() {
        Some(u) if !u.is_empty() => ("1", u), // WEB
        _ => ("2", doc.id.as_str()),          // CITATIONONLY: the article id
    };
    let source_name = doc
        .source
        .as_deref()
        .or_else(|| doc.url.as_deref().and_then(url_host))
        .unwrap_or("");
    for (i, &(e, d, leader)) in dated.iter().enumerate() {
        let at = |j: usize, present: bool| {
            if present {
                chars[3 * i + j].to_string()
            } else {
                "-1".to_string()
            }
        };
        let added = date_added(doc, d);
        let raw =
            !via_coreference(doc, e.source.as_ref()) && !via_coreference(doc, e.target.as_ref());
        let f = [
            dated[leader].0.id.to_string(),
            added.clone(),
            added,
            kind.to_string(),
            clean(source_name),
            clean(identifier),
            (e.sentence + 1).to_string(),
            at(0, e.source.is_some()),
            at(1, e.target.is_some()),
            at(2, true),
            u8::from(raw).to_string(),
            String::new(), // Confidence: sitrep has no calibrated extraction confidence
            doc_len.to_string(),
            String::new(), // MentionDocTone: not computed
            String::new(), // MentionDocTranslationInfo: the text is read as written
            // Extras: this mention's own sitrep event id (the id of its
            // record in JSON Lines), in GDELT's XML-like style.
            format!("<SITREP_EVENT_ID>{}</SITREP_EVENT_ID>", e.id),
        ];
        writeln!(w, "{}", f.join("\t"))?;
    }
    Ok(omitted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let text = "Ḩalab é x";
        // bytes: Ḩ is 3 bytes, é 2.
        let b = [
            0,
            3,
            text.find('é').unwrap(),
            text.find('x').unwrap(),
            text.len(),
        ];
        assert_eq!(char_offsets(text, &b), vec![0, 1, 6, 8, 9]);
        assert_eq!(char_offsets(text, &[8, 0]), vec![6, 0], "unsorted input");
    }

    #[test]
    fn url_hosts() {
        assert_eq!(
            url_host("https://www.example.com/a/b?c"),
            Some("www.example.com")
        );
        assert_eq!(url_host("http://user@host.org:8080/"), Some("host.org"));
        assert_eq!(url_host("not a url"), None);
    }
}
