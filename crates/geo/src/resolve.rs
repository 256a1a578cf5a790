//! Toponym resolution: which gazetteer entry each recognised toponym names.
//!
//! Each candidate gets a score, a sum of log-scale evidence:
//!
//! - **prior**: `ln` of its population, where entries the sources give no
//!   population (admin areas) get one typical of their kind — a state or
//!   governorate is as prominent as a big city, and an exact match of a
//!   country or admin1 name usually beats a village of the same name;
//! - **name**: the entry's own name beats an alternate one (`Palmyra` is an old
//!   alternate name of many American towns but the primary one of none);
//! - **article context**: countries and admin1 areas of the dateline, of the
//!   other toponyms (as currently resolved) and of demonyms (`Syrian`);
//! - **spatial minimality**: closeness to the other resolved places;
//! - **qualifier**: `Alexandria, Louisiana` — a candidate inside the named
//!   state or country wins by a wide margin;
//! - **spelling**: a candidate reached only through the folded index
//!   ([`crate::normalize::fold`]: `Anbar` for `Al Anbar`) when the name as
//!   written has exact candidates scores `folded` lower;
//! - **capital**: national capitals are named in the news far more often than
//!   their population alone suggests (as seats of government and datelines).
//!
//! A place never supports itself: when the dateline or another name in the
//! article already resolved to a candidate (`MEXICO CITY` dateline, `Mexico`
//! in the text), that place's weight is left out of the candidate's context —
//! a writer who means the same place usually repeats its name, so a different
//! name is evidence for a different place.
//!
//! One sense per article: all mentions with the same normalised name share
//! one resolution. Context is built iteratively: a first pass without
//! context, then passes in which each name sees the others' current choices
//! (never its own, so a name cannot vote for itself).

use crate::gazetteer::Gazetteer;
use crate::place::{haversine_km, Candidate, Place, PlaceId, PlaceKind};
use crate::recognize::Recognition;
use sitrep_doc::Doc;
use std::collections::HashMap;
use std::fmt::Write;

/// The resolver's choice for one toponym (same order as the recognition).
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    pub place: Option<PlaceId>,
    /// The chosen candidate's softmax share over all candidates, in `[0, 1]`.
    pub confidence: f32,
    /// Scores of the best candidates and the context behind them.
    pub explain: String,
}

/// Tunable weights of the scorer (log-scale units, see the module docs).
#[derive(Clone, Debug)]
pub struct Weights {
    pub primary: f64,
    pub country_present: f64,
    pub country_share: f64,
    pub admin1_present: f64,
    pub near: f64,
    pub near_km: f64,
    pub qualifier_admin: f64,
    pub qualifier_country: f64,
    pub dateline: f64,
    pub demonym: f64,
    pub country_bonus: f64,
    pub admin1_pop: f64,
    pub admin2_pop: f64,
    pub neighbourhood_pop: f64,
    pub other_pop: f64,
    pub passes: usize,
    pub country_mention: f64,
    /// Penalty for an admin area matched only by an alternate name (`Clinton`
    /// for `Clinton County`): the text did not say `County`.
    pub admin_alt_penalty: f64,
    /// Share of the closeness bonus given by the single closest place.
    pub near_closest: f64,
    /// Bonus of a national capital (GeoNames feature code `PPLC`).
    pub capital: f64,
    /// Share of a candidate's own context weight left out of its context:
    /// 1 means a place never supports itself, 0 turns the rule off.
    pub self_exclusion: f64,
    /// Penalty of a candidate matched only as a spelling variant while the
    /// name as written has exact candidates.
    pub folded: f64,
    /// Penalty of a second-order area without a population when a big city
    /// of the same name lies within [`SEAT_KM`]: the area is named after its
    /// seat, and the news means the city (`Gaza`, `Baltimore`).
    pub seat: f64,
}

/// How close a same-named big city must be for [`Weights::seat`].
pub const SEAT_KM: f64 = 50.0;

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            primary: 2.0,
            country_present: 2.0,
            country_share: 4.0,
            admin1_present: 3.0,
            near: 4.0,
            near_km: 250.0,
            qualifier_admin: 10.0,
            qualifier_country: 6.0,
            dateline: 3.0,
            demonym: 1.0,
            country_bonus: 1.0,
            admin1_pop: 3.0e6,
            admin2_pop: 1.0e5,
            neighbourhood_pop: 2.0e4,
            other_pop: 1.0e3,
            passes: 3,
            country_mention: 0.5,
            admin_alt_penalty: 2.0,
            near_closest: 0.5,
            capital: 2.0,
            self_exclusion: 1.0,
            folded: 2.0,
            seat: 2.0,
        }
    }
}

impl Weights {
    /// Sets a weight by its field name (for tuning from the command line);
    /// `false` if there is no such weight.
    pub fn set(&mut self, name: &str, value: f64) -> bool {
        let slot = match name {
            "primary" => &mut self.primary,
            "country_present" => &mut self.country_present,
            "country_share" => &mut self.country_share,
            "admin1_present" => &mut self.admin1_present,
            "near" => &mut self.near,
            "near_km" => &mut self.near_km,
            "qualifier_admin" => &mut self.qualifier_admin,
            "qualifier_country" => &mut self.qualifier_country,
            "dateline" => &mut self.dateline,
            "demonym" => &mut self.demonym,
            "country_bonus" => &mut self.country_bonus,
            "admin1_pop" => &mut self.admin1_pop,
            "admin2_pop" => &mut self.admin2_pop,
            "neighbourhood_pop" => &mut self.neighbourhood_pop,
            "other_pop" => &mut self.other_pop,
            "country_mention" => &mut self.country_mention,
            "admin_alt_penalty" => &mut self.admin_alt_penalty,
            "near_closest" => &mut self.near_closest,
            "capital" => &mut self.capital,
            "self_exclusion" => &mut self.self_exclusion,
            "folded" => &mut self.folded,
            "seat" => &mut self.seat,
            "passes" => {
                self.passes = value.max(1.0) as usize;
                return true;
            }
            _ => return false,
        };
        *slot = value;
        true
    }
}

/// The evidence a document gives about where it is.
#[derive(Clone, Debug, Default)]
struct Context {
    countries: HashMap<[u8; 2], f64>,
    admin1s: HashMap<([u8; 2], String), f64>,
    /// `(lat, lon, weight, geonameid)` of resolved sub-country places.
    points: Vec<(f64, f64, f64, u32)>,
    /// Weight each resolved place added, by GeoNames id, so that a candidate's
    /// own contribution can be left out (a place never supports itself).
    by_id: HashMap<u32, f64>,
    /// The dateline's name key, place and weight: a mention with the same
    /// name as the dateline may well mean the dateline's place, so that
    /// support is kept.
    dateline: Option<(String, u32, f64)>,
}

fn iso(p: &Place<'_>) -> Option<[u8; 2]> {
    match p.country.as_bytes() {
        [a, b] => Some([*a, *b]),
        _ => None,
    }
}

impl Context {
    fn add(&mut self, p: &Place<'_>, w: f64) {
        let Some(c) = iso(p) else { return };
        *self.countries.entry(c).or_default() += w;
        *self.by_id.entry(p.geonameid).or_default() += w;
        if p.kind != PlaceKind::Country {
            if !p.admin1.is_empty() {
                *self.admin1s.entry((c, p.admin1.to_string())).or_default() += w;
            }
            self.points.push((p.lat, p.lon, w, p.geonameid));
        }
    }

    /// The weight `p` itself contributed to this context under another name
    /// than `key`.
    fn own_weight(&self, p: &Place<'_>, key: &str) -> f64 {
        let all = self.by_id.get(&p.geonameid).copied().unwrap_or(0.0);
        match &self.dateline {
            Some((k, id, w)) if k == key && *id == p.geonameid => (all - w).max(0.0),
            _ => all,
        }
    }

    fn admin1_total(&self) -> f64 {
        self.admin1s.values().sum()
    }

    fn country_total(&self) -> f64 {
        self.countries.values().sum()
    }
}

/// Whether an admin area's name has a word for its type (`County`, `Parish`)
/// that the mention's key lacks: `Clinton` named, `Clinton County` offered.
fn lacks_area_word(key: &str, name: &str) -> bool {
    const AREA_WORDS: &[&str] = &["county", "parish", "borough", "district", "province"];
    let name_key = crate::normalize::key(name);
    name_key
        .split(' ')
        .any(|w| AREA_WORDS.contains(&w) && !key.split(' ').any(|k| k == w))
}

/// A group of toponyms sharing one normalised name (one sense per article).
struct Sense<'g> {
    key: String,
    members: Vec<usize>,
    candidates: &'g [Candidate],
    /// Per candidate: matched by the name as written (else only as a
    /// spelling variant of a name that has exact candidates).
    exact: Vec<bool>,
    all_caps: bool,
    /// Qualifying senses (`Alexandria, La.` → the sense of `La.`).
    qualifiers: Vec<usize>,
    /// Index of a candidate fixed by recognition (`Wichita, Kan.`).
    forced: Option<usize>,
    choice: Option<usize>,
    confidence: f64,
}

/// Which of `candidates` are in `exact`; all when `exact` is empty (a pure
/// spelling variant: nothing to prefer) or the same list.
fn exact_mask(candidates: &[Candidate], exact: &[Candidate]) -> Vec<bool> {
    if exact.is_empty() || std::ptr::eq(candidates, exact) || candidates.len() == exact.len() {
        return vec![true; candidates.len()];
    }
    let set: std::collections::HashSet<PlaceId> = exact.iter().map(|c| c.place).collect();
    candidates.iter().map(|c| set.contains(&c.place)).collect()
}

/// Resolves every toponym of `rec` in the context of `doc`, with default weights.
pub fn resolve(doc: &Doc, gaz: &Gazetteer, rec: &Recognition<'_>) -> Vec<Resolution> {
    resolve_with(doc, gaz, rec, &Weights::default())
}

/// Like [`resolve`] with explicit weights (for tuning on non-evaluation data).
pub fn resolve_with(
    doc: &Doc,
    gaz: &Gazetteer,
    rec: &Recognition<'_>,
    w: &Weights,
) -> Vec<Resolution> {
    // Group by key.
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut senses: Vec<Sense<'_>> = Vec::new();
    let mut sense_of: Vec<usize> = Vec::with_capacity(rec.toponyms.len());
    for (i, t) in rec.toponyms.iter().enumerate() {
        let s = *by_key.entry(t.key.as_str()).or_insert_with(|| {
            senses.push(Sense {
                key: t.key.clone(),
                members: Vec::new(),
                candidates: t.candidates,
                exact: exact_mask(t.candidates, t.exact),
                all_caps: false,
                qualifiers: Vec::new(),
                forced: None,
                choice: None,
                confidence: 0.0,
            });
            senses.len() - 1
        });
        if let Some(sense) = senses.get_mut(s) {
            sense.members.push(i);
            sense.all_caps |= t.all_caps;
            if let Some(f) = t.forced {
                sense.forced = sense.candidates.iter().position(|c| c.place == f);
            }
        }
        sense_of.push(s);
    }
    for (i, t) in rec.toponyms.iter().enumerate() {
        if let (Some(q), Some(&s)) = (t.qualifier, sense_of.get(i)) {
            if let Some(&qs) = sense_of.get(q) {
                if qs != s {
                    if let Some(sense) = senses.get_mut(s) {
                        sense.qualifiers.push(qs);
                    }
                }
            }
        }
    }
    // Fixed context: dateline and demonyms.
    let mut fixed = Context::default();
    let mut fixed_notes = String::new();
    if let Some(place) = doc.dateline.as_ref().and_then(|d| d.place.as_deref()) {
        if let Some(p) = gaz.places(place).next() {
            fixed.add(&p, w.dateline);
            fixed.dateline = Some((crate::normalize::key(place), p.geonameid, w.dateline));
            let _ = write!(fixed_notes, "dateline {} ({}); ", p.name, p.country);
        }
    }
    for d in &rec.demonyms {
        *fixed.countries.entry(d.country).or_default() += w.demonym;
    }
    if !rec.demonyms.is_empty() {
        let _ = write!(fixed_notes, "{} demonyms; ", rec.demonyms.len());
    }
    // Passes: the first sees only the fixed context.
    let mut explains: Vec<String> = vec![String::new(); senses.len()];
    for pass in 0..w.passes.max(1) {
        let choices: Vec<(Option<usize>, f64)> =
            senses.iter().map(|s| (s.choice, s.confidence)).collect();
        for si in 0..senses.len() {
            let mut ctx = fixed.clone();
            if pass > 0 {
                for (sj, other) in senses.iter().enumerate() {
                    if sj == si {
                        continue;
                    }
                    if let Some((Some(c), conf)) = choices.get(sj) {
                        if let Some(cand) = other.candidates.get(*c) {
                            let p = gaz.place(cand.place);
                            // A country named says less about where the other
                            // places are than a city does (`US proposals`).
                            let kind_w = if p.kind == PlaceKind::Country {
                                w.country_mention
                            } else {
                                1.0
                            };
                            let weight =
                                (other.members.len() as f64).min(3.0) * conf.max(0.2) * kind_w;
                            ctx.add(&p, weight);
                        }
                    }
                }
            }
            let Some(sense) = senses.get(si) else {
                continue;
            };
            // A qualifier's possible referents: its fixed entry, else its
            // biggest candidates.
            let quals: Vec<PlaceId> = sense
                .qualifiers
                .iter()
                .filter_map(|&q| senses.get(q))
                .flat_map(|q| match q.forced.and_then(|f| q.candidates.get(f)) {
                    Some(c) => vec![c.place],
                    None => q.candidates.iter().take(8).map(|c| c.place).collect(),
                })
                .collect();
            let (choice, conf, explain) = choose(gaz, sense, &quals, &ctx, w);
            if let Some(e) = explains.get_mut(si) {
                *e = explain;
            }
            if let Some(sense) = senses.get_mut(si) {
                sense.choice = choice;
                sense.confidence = conf;
            }
        }
    }
    rec.toponyms
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let s = sense_of.get(i).and_then(|&s| senses.get(s).map(|x| (s, x)));
            match s {
                Some((si, sense)) => Resolution {
                    place: sense
                        .choice
                        .and_then(|c| sense.candidates.get(c))
                        .map(|c| c.place),
                    confidence: sense.confidence as f32,
                    explain: format!(
                        "{}{}",
                        fixed_notes,
                        explains.get(si).map_or("", String::as_str)
                    ),
                },
                None => Resolution::default(),
            }
        })
        .collect()
}

/// The prior of a candidate: `ln` of its (effective) population.
fn prior(p: &Place<'_>, w: &Weights) -> f64 {
    let pop = p.population as f64;
    let eff = match p.kind {
        PlaceKind::Country => pop.max(w.admin1_pop),
        PlaceKind::Admin1 => pop.max(w.admin1_pop),
        PlaceKind::Admin2 => pop.max(w.admin2_pop),
        PlaceKind::Neighbourhood => pop.max(w.neighbourhood_pop),
        PlaceKind::City => pop,
        PlaceKind::Other => pop.max(w.other_pop),
    };
    let bonus = if p.kind == PlaceKind::Country {
        w.country_bonus
    } else {
        0.0
    };
    (eff + 10.0).ln() + bonus
}

/// Scores the candidates of one sense; returns the best index, its softmax
/// share and an explanation.
fn choose(
    gaz: &Gazetteer,
    sense: &Sense<'_>,
    qualifiers: &[PlaceId],
    ctx: &Context,
    w: &Weights,
) -> (Option<usize>, f64, String) {
    if let Some(f) = sense.forced {
        return (Some(f), 1.0, String::from("fixed by a state abbreviation"));
    }
    let total = ctx.country_total();
    let mut scored: Vec<(usize, f64, String)> = Vec::with_capacity(sense.candidates.len());
    for (ci, c) in sense.candidates.iter().enumerate() {
        if c.is_code() && !sense.all_caps {
            continue;
        }
        let p = gaz.place(c.place);
        let mut why = String::new();
        let mut s = prior(&p, w);
        let _ = write!(why, "prior {s:.1}");
        if c.is_primary() {
            s += w.primary;
        }
        if p.kind == PlaceKind::Admin2 && p.population == 0 && w.seat != 0.0 {
            let seat = sense.candidates.iter().take(8).any(|o| {
                let q = gaz.place(o.place);
                q.kind == PlaceKind::City
                    && q.population >= 100_000
                    && haversine_km(p.lat, p.lon, q.lat, q.lon) <= SEAT_KM
            });
            if seat {
                s -= w.seat;
                let _ = write!(why, " -seat {:.1}", w.seat);
            }
        }
        if !sense.exact.get(ci).copied().unwrap_or(true) {
            s -= w.folded;
            let _ = write!(why, " -variant {:.1}", w.folded);
        }
        if matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
            && lacks_area_word(&sense.key, p.name)
        {
            s -= w.admin_alt_penalty;
            let _ = write!(why, " -bare {:.1}", w.admin_alt_penalty);
        }
        let own = w.self_exclusion * ctx.own_weight(&p, &sense.key);
        // Only a capital of a country the article is about: a foreign capital
        // sharing a local town's name (`Athens`, `Berlin` in US local news)
        // must not win on that account.
        let in_context = || {
            iso(&p)
                .and_then(|c| ctx.countries.get(&c))
                .is_some_and(|&cw| cw - own > 1e-9)
        };
        if p.feature_code == "PPLC" && w.capital != 0.0 && in_context() {
            s += w.capital;
            let _ = write!(why, " +capital {:.1}", w.capital);
        }
        if let Some(code) = iso(&p) {
            if let Some(&cw) = ctx.countries.get(&code) {
                let cw = cw - own;
                if cw > 1e-9 {
                    let b = w.country_present + w.country_share * cw / (total - own).max(1e-9);
                    s += b;
                    let _ = write!(why, " +country {b:.1}");
                }
            }
            if !p.admin1.is_empty() && p.kind != PlaceKind::Country {
                if let Some(&aw) = ctx.admin1s.get(&(code, p.admin1.to_string())) {
                    let aw = (aw - own).max(0.0);
                    let b = w.admin1_present * (aw / (ctx.admin1_total() - own).max(1e-9)).sqrt();
                    if b > 0.05 {
                        s += b;
                        let _ = write!(why, " +admin1 {b:.1}");
                    }
                }
            }
            if p.kind != PlaceKind::Country && !ctx.points.is_empty() {
                // The weighted share of context places nearby: one stray
                // neighbour must not outvote the rest of the article.
                let (mut near, mut all) = (0.0, 0.0);
                let mut dmin = f64::INFINITY;
                for &(lat, lon, pw, id) in &ctx.points {
                    if id == p.geonameid && w.self_exclusion > 0.0 && own > 0.0 {
                        continue;
                    }
                    let d = haversine_km(p.lat, p.lon, lat, lon);
                    dmin = dmin.min(d);
                    near += pw * (-d / w.near_km).exp();
                    all += pw;
                }
                // Half the weighted share nearby, half the closest place:
                // one close neighbour is good evidence, a crowd better.
                let b = w.near
                    * ((1.0 - w.near_closest) * near / all.max(1e-9)
                        + w.near_closest * (-dmin / w.near_km).exp());
                if b > 0.05 {
                    s += b;
                    let _ = write!(why, " +near {b:.1} ({dmin:.0} km)");
                }
            }
            let mut q_best = 0.0f64;
            for &qid in qualifiers {
                {
                    let q = gaz.place(qid);
                    if q.country != p.country || q.geonameid == p.geonameid {
                        continue;
                    }
                    match q.kind {
                        PlaceKind::Admin1 if q.admin1 == p.admin1 => {
                            q_best = q_best.max(w.qualifier_admin);
                        }
                        PlaceKind::Country => q_best = q_best.max(w.qualifier_country),
                        _ => {}
                    }
                }
            }
            if q_best > 0.0 {
                s += q_best;
                let _ = write!(why, " +qualifier {q_best:.1}");
            }
        }
        scored.push((ci, s, why));
    }
    let Some(best) = scored
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|x| (x.0, x.1))
    else {
        return (None, 0.0, String::from("no acceptable candidate"));
    };
    let z: f64 = scored.iter().map(|x| (x.1 - best.1).exp()).sum();
    let conf = 1.0 / z.max(1.0);
    let mut order: Vec<&(usize, f64, String)> = scored.iter().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut explain = String::new();
    for (ci, s, why) in order.iter().take(3) {
        let Some(c) = sense.candidates.get(*ci) else {
            continue;
        };
        let p = gaz.place(c.place);
        let _ = write!(
            explain,
            "{}{} {} [{} {}/{}] {s:.1} = {why}",
            if explain.is_empty() { "" } else { "; " },
            p.geonameid,
            p.name,
            p.kind.as_str(),
            p.country,
            p.admin1
        );
    }
    if scored.len() > 3 {
        let _ = write!(explain, "; {} more", scored.len() - 3);
    }
    (Some(best.0), conf, explain)
}
