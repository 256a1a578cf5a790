//! The ACLED layout: ACLED's own columns and vocabularies ([`ACLED_COLUMNS`]),
//! then sitrep's ([`SITREP_ACLED_COLUMNS`]), one row per *ACLED event*.
//!
//! ACLED records political violence, demonstrations and a few strategic
//! developments; a CAMEO event that is none of these (a statement, a visit, an
//! agreement) is no ACLED event and gets no row, nor does a negated or
//! unasserted one or one with no date at all. The [`crate::Acled`] sink counts
//! what it left out, by reason.
//!
//! The mapping, CAMEO code (+ the actors' ACLED kinds) → disorder type, event
//! type, sub-event type, is [`classify`]; the actor kinds (ACLED's `inter`
//! codes) are [`inter_code`]. Both are documented in `docs/schema.md`, with
//! the ACLED codebook definitions they follow.

use crate::actor_code::{self, ActorParts};
use crate::gdelt::{actor_name_raw, event_date};
use crate::tables::{self, Country};
use sitrep_doc::casualties::{Casualty, CasualtyKind, Category};
use sitrep_doc::events::{Event, EventActor, Modality};
use sitrep_doc::places::PlacePrecision;
use sitrep_doc::quotes::SourceKind;
use sitrep_doc::times::{DatePrecision, TimeKind, TimeSource};
use sitrep_doc::Doc;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// ACLED's columns, in ACLED's export order.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// sitrep's columns, after ACLED's.
pub const SITREP_ACLED_COLUMNS: &[&str] = &[
    "event_id",
    "cameo_code",
    "plover_event",
    "plover_mode",
    "actor1_code",
    "actor2_code",
    "time_source",
    "doc",
    "url",
];

/// ACLED's actor kinds (`inter1`, `inter2`).
pub mod inter {
    pub const NONE: u8 = 0;
    pub const STATE: u8 = 1;
    pub const REBEL: u8 = 2;
    pub const POLITICAL_MILITIA: u8 = 3;
    pub const IDENTITY_MILITIA: u8 = 4;
    pub const RIOTERS: u8 = 5;
    pub const PROTESTERS: u8 = 6;
    pub const CIVILIANS: u8 = 7;
    pub const EXTERNAL: u8 = 8;
}

fn armed(k: u8) -> bool {
    matches!(k, 1..=4 | 8)
}

/// Roles and sectors whose members are civilians when violence meets them:
/// ACLED's "civilians" are people not armed or organised for violence.
const UNARMED: &[&str] = &[
    "CVL", "OPP", "AGR", "BUS", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "JUD",
    "MED", "REF", "REL", "PTY", "NGO", "NGM", "MNC", "SET",
];

/// The ACLED actor kind of a CAMEO actor code, as ACLED defines them (codebook,
/// "Actor types"): state forces (military, police, intelligence, government),
/// or external forces when their country is not the country of the event and
/// for intergovernmental organisations; rebels (rebels, insurgents,
/// separatists, and transnational militant groups, CAMEO `IMG`); political
/// militias (unaligned armed forces, criminal groups), identity militias when
/// an ethnic code marks them; civilians (every unarmed role and sector);
/// a country alone (`RUS`) acting as a state is its state forces. 0 when the
/// code says nothing ACLED classifies.
pub fn inter_code(parts: &ActorParts, event_country: Option<&str>) -> u8 {
    let has = |ts: &[&str]| ts.iter().any(|t| parts.has_type(t));
    let foreign = || {
        tables::country_of_iso3(&parts.country)
            .zip(event_country)
            .is_some_and(|(c, ev)| c.iso2 != ev)
    };
    let no_types = parts.types.iter().all(String::is_empty);
    if has(&["IGO"]) {
        inter::EXTERNAL
    } else if has(&["REB", "INS", "SEP", "IMG"]) {
        inter::REBEL
    } else if has(&["UAF", "CRM"]) {
        if parts.ethnic.is_empty() {
            inter::POLITICAL_MILITIA
        } else {
            inter::IDENTITY_MILITIA
        }
    } else if has(&["MIL", "COP", "SPY", "GOV"])
        || (no_types && parts.known_group.is_empty() && !parts.country.is_empty())
    {
        if foreign() {
            inter::EXTERNAL
        } else {
            inter::STATE
        }
    } else if has(UNARMED)
        || (no_types && (!parts.religion[0].is_empty() || !parts.ethnic.is_empty()))
    {
        inter::CIVILIANS
    } else {
        inter::NONE
    }
}

/// An ACLED classification: disorder type, event type, sub-event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AcledType {
    pub disorder: &'static str,
    pub event: &'static str,
    pub sub_event: &'static str,
}

const PV: &str = "Political violence";
const DEMO: &str = "Demonstrations";
const SD: &str = "Strategic developments";
const BATTLES: &str = "Battles";
const ERV: &str = "Explosions/Remote violence";
const VAC: &str = "Violence against civilians";

fn t(disorder: &'static str, event: &'static str, sub_event: &'static str) -> Option<AcledType> {
    Some(AcledType {
        disorder,
        event,
        sub_event,
    })
}

/// What the classification needs to know about an event's sides.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sides {
    pub inter1: u8,
    pub inter2: u8,
    /// The target is civilians (by its code, or, with no coded target, by the
    /// category of the people the event killed).
    pub civilians: bool,
    /// The target took part in a demonstration the article reports (it is the
    /// source of a CAMEO 14x event of the document).
    pub protesters: bool,
    /// The event killed someone.
    pub fatal: bool,
}

/// The ACLED type of a CAMEO event, or `None` when it is no ACLED event.
///
/// | CAMEO | ACLED |
/// |---|---|
/// | 14x but 145 (demonstrate, strike, obstruct) | Protests · Peaceful protest |
/// | 145x (protest violently, riot) | Riots · Violent demonstration |
/// | 173, 175 against protesters | Protests · Protest with intervention |
/// | 18x–20x against protesters, or 173/175 that kill | Protests · Excessive force against protesters |
/// | 171x (seize or destroy property) by an armed actor | Strategic developments · Looting/property destruction |
/// | 173 (arrest, detain) by state forces | Strategic developments · Arrests |
/// | 181x (abduct, take hostage) | Violence against civilians · Abduction/forced disappearance |
/// | 1821 (sexual assault) | Violence against civilians · Sexual violence |
/// | 1831 (suicide bombing) | Explosions/Remote violence · Suicide bomb |
/// | other 183x (bombings) | Explosions/Remote violence · Remote explosive/landmine/IED |
/// | 194x (artillery, tanks) | Explosions/Remote violence · Shelling/artillery/missile attack |
/// | 195x (aerial weapons) | Explosions/Remote violence · Air/drone strike |
/// | 2041 (chemical, biological, radiological weapons) | Explosions/Remote violence · Chemical weapon |
/// | 192 (occupy territory) | Battles · Government regains territory (state or external forces) / Non-state actor overtakes territory |
/// | other 18x–20x against civilians | Violence against civilians · Attack |
/// | other 19x, and 18x/20x against armed actors | Battles · Armed clash |
/// | other 18x/20x | Violence against civilians · Attack |
///
/// 191 (blockade), 201 (mass expulsion) and 2042 (nuclear weapons) have no
/// ACLED type; nor has anything outside roots 14 and 17–20, nor violence
/// whose source is coded unarmed (civilians, sectors: inter 7).
pub fn classify(code: &str, s: &Sides) -> Option<AcledType> {
    let p = |prefix: &str| code.starts_with(prefix);
    let root = code.get(..2).unwrap_or("");
    let violent = matches!(root, "18" | "19" | "20");
    if root == "14" {
        return if p("145") {
            t(DEMO, "Riots", "Violent demonstration")
        } else {
            t(DEMO, "Protests", "Peaceful protest")
        };
    }
    // Violence by someone coded unarmed (a civilian, a journalist, a
    // business) is not organised political violence: ACLED records it only
    // as mob violence, which no CAMEO code says.
    if s.inter1 == inter::CIVILIANS {
        return None;
    }
    if (p("173") || p("175")) && s.protesters {
        return if s.fatal {
            t(
                "Political violence; Demonstrations",
                "Protests",
                "Excessive force against protesters",
            )
        } else {
            t(DEMO, "Protests", "Protest with intervention")
        };
    }
    if violent && s.protesters {
        return t(
            "Political violence; Demonstrations",
            "Protests",
            "Excessive force against protesters",
        );
    }
    if p("171") {
        // ACLED's looting and destruction are armed actors' (or rioters');
        // a company or a government office that "seizes" is not one.
        return armed(s.inter1).then_some(AcledType {
            disorder: SD,
            event: SD,
            sub_event: "Looting/property destruction",
        });
    }
    if p("173") {
        return (s.inter1 == inter::STATE).then_some(AcledType {
            disorder: SD,
            event: SD,
            sub_event: "Arrests",
        });
    }
    if !violent || p("191") || p("201") || p("2042") {
        return None;
    }
    if p("181") {
        return t(PV, VAC, "Abduction/forced disappearance");
    }
    if p("1821") {
        return t(PV, VAC, "Sexual violence");
    }
    if p("1831") {
        return t(PV, ERV, "Suicide bomb");
    }
    if p("183") {
        return t(PV, ERV, "Remote explosive/landmine/IED");
    }
    if p("194") {
        return t(PV, ERV, "Shelling/artillery/missile attack");
    }
    if p("195") {
        return t(PV, ERV, "Air/drone strike");
    }
    if p("2041") {
        return t(PV, ERV, "Chemical weapon");
    }
    if p("192") {
        return match s.inter1 {
            inter::STATE | inter::EXTERNAL => t(PV, BATTLES, "Government regains territory"),
            inter::REBEL | inter::POLITICAL_MILITIA | inter::IDENTITY_MILITIA => {
                t(PV, BATTLES, "Non-state actor overtakes territory")
            }
            _ => t(PV, BATTLES, "Armed clash"),
        };
    }
    if s.civilians {
        return t(PV, VAC, "Attack");
    }
    if root == "19" || armed(s.inter2) {
        return t(PV, BATTLES, "Armed clash");
    }
    t(PV, VAC, "Attack")
}

/// ACLED time precision: 1 the day is known, 2 within a week or a few days,
/// 3 only the month (or longer). A date written in the event's clause or
/// sentence gives its own precision; a dateline date says when the wire filed
/// the story (the event happened then or shortly before: 2); the anchor date
/// (publish date or `--date`) only bounds the event from above (3).
pub fn time_precision(e: &Event) -> u8 {
    let Some(t) = e.time.as_ref() else {
        return 3;
    };
    match t.source {
        TimeSource::Dateline => 2,
        TimeSource::Anchor => 3,
        TimeSource::Clause | TimeSource::Sentence => match (t.kind, t.precision) {
            (TimeKind::Point, DatePrecision::Day) => 1,
            (TimeKind::Point, DatePrecision::Week) => 2,
            (TimeKind::Range, _) => match (t.date, t.end) {
                (Some(a), Some(b)) if b.days_since_epoch() - a.days_since_epoch() <= 7 => 2,
                _ => 3,
            },
            _ => 3,
        },
    }
}

fn attached_casualties<'a>(doc: &'a Doc, e: &'a Event) -> impl Iterator<Item = &'a Casualty> {
    e.casualties
        .iter()
        .filter_map(|&i| doc.casualties.get(i as usize))
}

/// Fatalities: the largest lower bound among the *killed* counts attached to
/// the event (counts of one incident overlap: `12 killed, including 5
/// children`), 0 if none. Cumulative and non-violent counts never count (the
/// link does not attach them; a document read from elsewhere may).
fn fatalities(doc: &Doc, e: &Event) -> u64 {
    attached_casualties(doc, e)
        .filter(|c| c.kind == CasualtyKind::Killed && c.is_incident_harm())
        .map(|c| c.count.min)
        .max()
        .unwrap_or(0)
}

fn civilian_casualties(doc: &Doc, e: &Event) -> bool {
    attached_casualties(doc, e).any(|c| {
        matches!(
            c.category,
            Some(Category::Civilians | Category::Children | Category::Women)
        )
    })
}

/// Names as ACLED writes them: lower-case words (the dictionaries' primary
/// names are lower case) capitalised, short function words not; a word with
/// capitals (`US`, `McDonald`) is kept as written.
fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["of", "the", "and", "for", "in", "on", "al", "de"];
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if w.chars().any(char::is_uppercase) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// ACLED's name for an actor of kind `kind` (its naming conventions:
/// `Military Forces of Syria`, `Civilians (Syria)`, `Protesters (Kenya)`,
/// `Unidentified Armed Group (Syria)`), with sitrep's name for it as the
/// associated actor where ACLED's name is generic.
fn acled_actor(
    doc: &Doc,
    a: Option<&EventActor>,
    parts: &ActorParts,
    kind: u8,
    event_country: Option<&Country>,
) -> (String, String) {
    let country = tables::country_of_iso3(&parts.country)
        .or(event_country)
        .map(|c| c.name);
    let within = |label: &str| match country {
        Some(c) => format!("{label} ({c})"),
        None => label.to_string(),
    };
    let of = |label: &str| match country {
        Some(c) => format!("{label} of {c}"),
        None => label.to_string(),
    };
    let named = a.and_then(|a| {
        let m = crate::gdelt::resolved_mention(doc, a);
        m.and_then(|m| m.name.clone())
    });
    let name = a
        .map(|a| title_case(&actor_name_raw(doc, a)))
        .unwrap_or_default();
    match kind {
        inter::STATE | inter::EXTERNAL
            if parts.known_group.is_empty() && !parts.has_type("IGO") =>
        {
            let label = if parts.has_type("COP") {
                of("Police Forces")
            } else if parts.has_type("MIL") || parts.has_type("SPY") {
                of("Military Forces")
            } else if parts.has_type("GOV") {
                of("Government")
            } else {
                of("Military Forces")
            };
            (label, String::new())
        }
        inter::PROTESTERS => (
            within("Protesters"),
            generic_or(name, &["Protesters", "Protester", "Demonstrators"]),
        ),
        inter::RIOTERS => (
            within("Rioters"),
            generic_or(name, &["Rioters", "Protesters", "Demonstrators"]),
        ),
        inter::CIVILIANS => (
            within("Civilians"),
            generic_or(name, &["Civilians", "Civilian", "People"]),
        ),
        inter::REBEL | inter::POLITICAL_MILITIA | inter::IDENTITY_MILITIA if named.is_none() => {
            (within("Unidentified Armed Group"), name)
        }
        _ => (name, String::new()),
    }
}

/// `name` as an associated actor, unless it only repeats ACLED's generic label.
fn generic_or(name: String, generic: &[&str]) -> String {
    if generic.iter().any(|g| g.eq_ignore_ascii_case(&name)) {
        String::new()
    } else {
        name
    }
}

/// RFC 4180 quoting: quote fields holding a comma, quote or line break.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header: [`ACLED_COLUMNS`] then [`SITREP_ACLED_COLUMNS`].
pub fn write_acled_header<W: Write>(mut w: W) -> io::Result<()> {
    let all: Vec<&str> = ACLED_COLUMNS
        .iter()
        .chain(SITREP_ACLED_COLUMNS)
        .copied()
        .collect();
    writeln!(w, "{}", all.join(","))
}

/// Counts of the events an ACLED table left out, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Omitted {
    /// Negated, or not asserted (future, hypothetical, intended).
    pub unasserted: usize,
    /// No ACLED event type (statements, visits, agreements...).
    pub not_acled: usize,
    /// No date at all.
    pub undated: usize,
    /// Further mentions of an event already written (same code, actors, date
    /// and place), merged into its row.
    pub merged: usize,
}

impl std::ops::AddAssign for Omitted {
    fn add_assign(&mut self, o: Omitted) {
        self.unasserted += o.unasserted;
        self.not_acled += o.not_acled;
        self.undated += o.undated;
        self.merged += o.merged;
    }
}

/// ACLED rows ([`ACLED_COLUMNS`], then [`SITREP_ACLED_COLUMNS`]) for the
/// ACLED events of `doc`; the others are left out (see the module docs).
pub fn write_events_acled<W: Write>(doc: &Doc, w: W) -> io::Result<()> {
    write_events(doc, w).map(|_| ())
}

/// The resolved mention index of an event side (its antecedent for a pronoun).
fn mention_key(
    doc: &Doc,
    a: Option<&EventActor>,
) -> Option<*const sitrep_doc::actors::ActorMention> {
    a.and_then(|a| crate::gdelt::resolved_mention(doc, a))
        .map(|m| m as *const _)
}

/// Column positions the merging of mentions updates.
const TIME_PRECISION: usize = 3;
const FATALITIES: usize = 28;

pub(crate) fn write_events<W: Write>(doc: &Doc, mut w: W) -> io::Result<Omitted> {
    let mut omitted = Omitted::default();
    // One row per event: a further mention of the same event in the article
    // (same code, actors, date and place) adds its evidence to the first
    // one's row (the best time precision, the largest toll) rather than
    // counting the event twice.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut seen: HashMap<crate::gdelt::SameEvent, usize> = HashMap::new();
    // The actors who demonstrate in this article: force used against them is
    // force against protesters.
    let protesters: HashSet<_> = doc
        .events
        .iter()
        .filter(|e| e.root_code == "14" && !e.negated)
        .filter_map(|e| mention_key(doc, e.source.as_ref()))
        .collect();
    for e in &doc.events {
        if e.negated || e.modality != Modality::Asserted {
            omitted.unasserted += 1;
            continue;
        }
        let loc = e.location.as_ref();
        let country = loc.and_then(|p| tables::country(&p.country));
        let iso2 = country.map(|c| c.iso2);
        let code = |a: Option<&EventActor>| a.and_then(|a| a.code.clone()).unwrap_or_default();
        let (code1, code2) = (code(e.source.as_ref()), code(e.target.as_ref()));
        let (parts1, parts2) = (actor_code::split(&code1), actor_code::split(&code2));
        let (k1, k2) = (inter_code(&parts1, iso2), inter_code(&parts2, iso2));
        let fatal = fatalities(doc, e);
        let sides = Sides {
            inter1: k1,
            inter2: k2,
            civilians: k2 == inter::CIVILIANS || (k2 == inter::NONE && civilian_casualties(doc, e)),
            protesters: mention_key(doc, e.target.as_ref())
                .is_some_and(|m| protesters.contains(&m)),
            fatal: fatal > 0,
        };
        let Some(ty) = classify(&e.code, &sides) else {
            omitted.not_acled += 1;
            continue;
        };
        // Checked last, so that the count is of ACLED events without a date.
        let Some(date) = event_date(doc, e) else {
            omitted.undated += 1;
            continue;
        };
        // ACLED's own actor kinds for the event's role: the people who
        // demonstrate are protesters (rioters), whoever they are; the target
        // of violence against civilians is civilians; force against a
        // demonstration has the protesters as actor 1.
        let (mut a1, mut p1, mut i1) = (e.source.as_ref(), &parts1, k1);
        let (mut a2, mut p2, mut i2) = (e.target.as_ref(), &parts2, k2);
        if ty.event == "Protests" && sides.protesters {
            std::mem::swap(&mut a1, &mut a2);
            std::mem::swap(&mut p1, &mut p2);
            std::mem::swap(&mut i1, &mut i2);
            i1 = inter::PROTESTERS;
        } else if ty.event == "Protests" || ty.event == "Riots" {
            // What a demonstration is against is not its actor 2 in ACLED.
            i1 = if ty.event == "Riots" {
                inter::RIOTERS
            } else {
                inter::PROTESTERS
            };
            (a2, i2) = (None, inter::NONE);
        }
        if ty.event == VAC && !armed(i2) {
            i2 = inter::CIVILIANS;
        }
        // ACLED files a perpetrator it cannot identify as an unidentified
        // armed group; so does sitrep for a side it cannot classify.
        if ty.disorder.starts_with(PV) {
            if i1 == inter::NONE {
                i1 = inter::POLITICAL_MILITIA;
            }
            if i2 == inter::NONE && a2.is_some() {
                i2 = inter::POLITICAL_MILITIA;
            }
        }
        let (actor1, assoc1) = acled_actor(doc, a1, p1, i1, country);
        let (actor2, assoc2) = if a2.is_some() || i2 != inter::NONE {
            acled_actor(doc, a2, p2, i2, country)
        } else {
            (String::new(), String::new())
        };
        let interaction = if i2 == inter::NONE {
            u16::from(i1) * 10
        } else {
            u16::from(i1.min(i2)) * 10 + u16::from(i1.max(i2))
        };
        let civilian_targeting = if ty.disorder.starts_with(PV) && i2 == inter::CIVILIANS {
            "Civilian targeting"
        } else {
            ""
        };
        let admin1 = loc
            .filter(|p| !p.admin1.is_empty())
            .and_then(|p| tables::admin1_name(&p.country, &p.admin1))
            .unwrap_or("");
        let geo_precision = loc.map(|p| match p.precision {
            PlacePrecision::Neighbourhood | PlacePrecision::City => "1",
            PlacePrecision::Admin | PlacePrecision::Country => "3",
        });
        let sources: Vec<&str> = e
            .according_to
            .iter()
            .filter(|s| s.kind != SourceKind::Speaker)
            .map(|s| s.name.as_str())
            .collect();
        let added = doc.published.unwrap_or(date);
        let time_source = e.time.as_ref().map_or("", |t| match t.source {
            TimeSource::Clause => "clause",
            TimeSource::Sentence => "sentence",
            TimeSource::Dateline => "dateline",
            TimeSource::Anchor => "anchor",
        });
        let fields: Vec<String> = vec![
            format!("{}{}", country.map_or("", |c| c.iso3), e.id),
            date.to_string(),
            date.year().to_string(),
            time_precision(e).to_string(),
            ty.disorder.into(),
            ty.event.into(),
            ty.sub_event.into(),
            actor1,
            assoc1,
            i1.to_string(),
            actor2,
            assoc2,
            i2.to_string(),
            interaction.to_string(),
            civilian_targeting.into(),
            country.map(|c| c.numeric.to_string()).unwrap_or_default(),
            country.map_or("", |c| c.region).into(),
            country.map_or("", |c| c.name).into(),
            admin1.into(),
            String::new(), // admin2: places carry no admin2 code
            String::new(), // admin3
            loc.map(|p| p.name.clone()).unwrap_or_default(),
            loc.map(|p| format!("{:.4}", p.lat)).unwrap_or_default(),
            loc.map(|p| format!("{:.4}", p.lon)).unwrap_or_default(),
            geo_precision.unwrap_or("").into(),
            sources.join("; "),
            String::new(), // source_scale: sitrep does not know outlets' reach
            doc.slice(e.sentence_span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            fatal.to_string(),
            String::new(), // tags
            (added.days_since_epoch() * 86_400).to_string(),
            // sitrep's columns
            e.id.to_string(),
            e.code.clone(),
            e.plover
                .as_ref()
                .map(|p| p.event.clone())
                .unwrap_or_default(),
            e.plover
                .as_ref()
                .and_then(|p| p.mode.clone())
                .unwrap_or_default(),
            code1.clone(),
            code2.clone(),
            time_source.into(),
            doc.id.clone(),
            doc.url.clone().unwrap_or_default(),
        ];
        debug_assert_eq!(
            fields.len(),
            ACLED_COLUMNS.len() + SITREP_ACLED_COLUMNS.len()
        );
        debug_assert_eq!(ACLED_COLUMNS[TIME_PRECISION], "time_precision");
        debug_assert_eq!(ACLED_COLUMNS[FATALITIES], "fatalities");
        match seen.entry(crate::gdelt::same_event(doc, e, date)) {
            Entry::Occupied(o) => {
                let row = &mut rows[*o.get()];
                let best = row[TIME_PRECISION]
                    .as_str()
                    .min(fields[TIME_PRECISION].as_str());
                row[TIME_PRECISION] = best.to_string();
                let toll = |f: &str| f.parse::<u64>().unwrap_or(0);
                let most = toll(&row[FATALITIES]).max(toll(&fields[FATALITIES]));
                row[FATALITIES] = most.to_string();
                omitted.merged += 1;
            }
            Entry::Vacant(v) => {
                v.insert(rows.len());
                rows.push(fields);
            }
        }
    }
    for fields in rows {
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(w, "{}", row.join(","))?;
    }
    Ok(omitted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Date;

    fn sides(inter1: u8, inter2: u8) -> Sides {
        Sides {
            inter1,
            inter2,
            civilians: inter2 == inter::CIVILIANS,
            ..Sides::default()
        }
    }

    fn sub(code: &str, s: &Sides) -> Option<&'static str> {
        classify(code, s).map(|t| t.sub_event)
    }

    #[test]
    fn cameo_codes_map_to_acled_types() {
        let armed = sides(inter::STATE, inter::REBEL);
        let civ = sides(inter::STATE, inter::CIVILIANS);
        assert_eq!(sub("195", &armed), Some("Air/drone strike"));
        assert_eq!(
            sub("1951", &civ),
            Some("Air/drone strike"),
            "E/RV whoever the target"
        );
        assert_eq!(
            sub("194", &armed),
            Some("Shelling/artillery/missile attack")
        );
        assert_eq!(sub("1831", &civ), Some("Suicide bomb"));
        assert_eq!(sub("1833", &civ), Some("Remote explosive/landmine/IED"));
        assert_eq!(sub("190", &armed), Some("Armed clash"));
        assert_eq!(classify("190", &armed).unwrap().event, BATTLES);
        assert_eq!(classify("190", &civ).unwrap().event, VAC);
        assert_eq!(sub("181", &civ), Some("Abduction/forced disappearance"));
        assert_eq!(sub("1821", &civ), Some("Sexual violence"));
        assert_eq!(sub("182", &civ), Some("Attack"));
        assert_eq!(
            sub("192", &sides(inter::REBEL, 0)),
            Some("Non-state actor overtakes territory")
        );
        assert_eq!(
            sub("192", &sides(inter::STATE, 0)),
            Some("Government regains territory")
        );
        assert_eq!(sub("141", &sides(0, 0)), Some("Peaceful protest"));
        assert_eq!(classify("1451", &sides(0, 0)).unwrap().event, "Riots");
        let mut at_protest = sides(inter::STATE, inter::CIVILIANS);
        at_protest.protesters = true;
        assert_eq!(sub("175", &at_protest), Some("Protest with intervention"));
        at_protest.fatal = true;
        assert_eq!(
            sub("175", &at_protest),
            Some("Excessive force against protesters")
        );
        assert_eq!(
            sub("173", &sides(inter::STATE, inter::CIVILIANS)),
            Some("Arrests")
        );
        assert_eq!(sub("173", &sides(inter::REBEL, inter::CIVILIANS)), None);
        assert_eq!(sub("1712", &armed), Some("Looting/property destruction"));
        assert_eq!(
            sub("171", &sides(inter::CIVILIANS, 0)),
            None,
            "a company seizing"
        );
        assert_eq!(sub("190", &sides(inter::CIVILIANS, inter::CIVILIANS)), None);
        assert_eq!(
            sub("141", &sides(inter::CIVILIANS, 0)),
            Some("Peaceful protest")
        );
        for not_acled in [
            "010", "042", "057", "0871", "112", "138", "191", "201", "2042", "", "x",
        ] {
            assert_eq!(classify(not_acled, &armed), None, "{not_acled}");
        }
    }

    #[test]
    fn inter_codes_from_actor_codes() {
        let k = |code: &str, at: Option<&str>| inter_code(&actor_code::split(code), at);
        assert_eq!(k("SYRMIL", Some("SY")), inter::STATE);
        assert_eq!(k("RUSMIL", Some("SY")), inter::EXTERNAL, "foreign forces");
        assert_eq!(k("RUS", Some("SY")), inter::EXTERNAL);
        assert_eq!(k("SYR", Some("SY")), inter::STATE);
        assert_eq!(k("SYRREB", None), inter::REBEL);
        assert_eq!(k("IMGMUSALQ", None), inter::REBEL);
        assert_eq!(k("---UAF", None), inter::POLITICAL_MILITIA);
        assert_eq!(k("IRQKURUAF", None), inter::IDENTITY_MILITIA);
        assert_eq!(k("---CVL", None), inter::CIVILIANS);
        assert_eq!(k("SYRMED", None), inter::CIVILIANS);
        assert_eq!(k("IGOUNO", None), inter::EXTERNAL);
        assert_eq!(k("", None), inter::NONE);
    }

    #[test]
    fn time_precision_is_honest_about_fallback_dates() {
        use sitrep_doc::times::TimeRef;
        let at = |source, precision, kind| Event {
            time: Some(TimeRef {
                date: Date::new(2016, 12, 12),
                precision,
                kind,
                source,
                ..TimeRef::default()
            }),
            ..Event::default()
        };
        use DatePrecision::*;
        assert_eq!(
            time_precision(&at(TimeSource::Clause, Day, TimeKind::Point)),
            1
        );
        assert_eq!(
            time_precision(&at(TimeSource::Sentence, Week, TimeKind::Point)),
            2
        );
        assert_eq!(
            time_precision(&at(TimeSource::Clause, Month, TimeKind::Point)),
            3
        );
        assert_eq!(
            time_precision(&at(TimeSource::Dateline, Day, TimeKind::Point)),
            2
        );
        assert_eq!(
            time_precision(&at(TimeSource::Anchor, Day, TimeKind::RangeEnd)),
            3
        );
        assert_eq!(time_precision(&Event::default()), 3);
    }

    #[test]
    fn titles_and_quoting() {
        assert_eq!(
            title_case("united states of america"),
            "United States of America"
        );
        assert_eq!(title_case("the US"), "The US");
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
