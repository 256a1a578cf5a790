//! The geoparsing stage: recognition, then resolution, written to `doc.places`.

use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceKind};
use crate::recognize::recognize;
use crate::resolve::{resolve_with, Weights};
use sitrep_doc::places::{PlaceMention, PlacePrecision, PlaceRef};
use sitrep_doc::{Doc, Span};

/// Recognises and resolves the toponyms of a tagged and parsed `doc`, replacing
/// `doc.places` (in text order, non-overlapping). Never panics.
pub fn geoparse(doc: &mut Doc, gaz: &Gazetteer) {
    geoparse_with(doc, gaz, &Weights::default());
}

/// [`geoparse`] with explicit resolver weights (for tuning).
pub fn geoparse_with(doc: &mut Doc, gaz: &Gazetteer, weights: &Weights) {
    let rec = recognize(doc, gaz);
    let res = resolve_with(doc, gaz, &rec, weights);
    let mut places: Vec<PlaceMention> = dateline_place(doc, gaz).into_iter().collect();
    let found = rec
        .toponyms
        .iter()
        .zip(res)
        .map(|(t, r)| PlaceMention {
            span: t.span,
            text: doc.slice(t.span).to_string(),
            tokens: (t.tokens.start as u32, t.tokens.end as u32),
            place: r.place.map(|id| place_ref(&gaz.place(id), t.span)),
            confidence: r.confidence,
            explain: r.explain,
        })
        .collect::<Vec<_>>();
    places.extend(found);
    places.sort_by_key(|p| p.span);
    doc.places = places;
}

/// The dateline's place as a mention (it lies outside every sentence, so
/// recognition never sees it). Its token range is empty.
///
/// Datelines name the reporting city, so a city (or capital) reading is
/// preferred to an admin area of the same name.
fn dateline_place(doc: &Doc, gaz: &Gazetteer) -> Option<PlaceMention> {
    let d = doc.dateline.as_ref()?;
    let name = d.place.as_deref()?;
    let span = d.place_span?;
    let cands = gaz.lookup(name);
    let best = cands
        .iter()
        .map(|c| gaz.place(c.place))
        .max_by_key(|p| (p.kind == PlaceKind::City, p.population))?;
    Some(PlaceMention {
        span,
        text: doc.slice(span).to_string(),
        tokens: (0, 0),
        place: Some(place_ref(&best, span)),
        confidence: 1.0,
        explain: format!("dateline place; biggest city named {name:?}"),
    })
}

/// The precision an entry's kind allows.
pub fn precision_of(kind: PlaceKind) -> PlacePrecision {
    match kind {
        PlaceKind::Country => PlacePrecision::Country,
        PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Other => PlacePrecision::Admin,
        PlaceKind::City => PlacePrecision::City,
        PlaceKind::Neighbourhood => PlacePrecision::Neighbourhood,
    }
}

/// A gazetteer entry as a layer-independent [`PlaceRef`] citing `evidence`.
pub fn place_ref(p: &Place<'_>, evidence: Span) -> PlaceRef {
    PlaceRef {
        name: p.name.to_string(),
        geonameid: p.geonameid,
        lat: p.lat,
        lon: p.lon,
        country: p.country.to_string(),
        admin1: p.admin1.to_string(),
        precision: precision_of(p.kind),
        evidence,
        inferred: false,
    }
}
