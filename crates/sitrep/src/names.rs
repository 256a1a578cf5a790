//! The entity recognizer's name lists ([`sitrep_ner::NameLexicon`]) over the
//! gazetteer and the actor dictionary: the facade wires them so that
//! `sitrep-ner` depends on neither.
//!
//! A *place* is a gazetteer name with a candidate that is a country or a
//! first-order division (any of its names), or a place of at least
//! [`MIN_POPULATION`] people under its own name (GeoNames names nearly every
//! capitalised word somewhere, often as an alternate name: "Gordon", "Kim",
//! "Hamas" → Hamm; small places and alternate names of cities would make the
//! feature noise); a name that is a code (`US`, `BEG`) counts only when
//! written in capitals. An *actor* is an exact actor name or synonym in the
//! coder's dictionaries that is not a country: Phoenix lists countries as
//! actors with a bare three-letter code (`EGY`), and those are places here.
//! An actor is a *person* when the dictionary dates its roles (CAMEO
//! dictionaries date the offices an individual held: `DEUGOV 2005-11-22..`)
//! or names it with a title (`chancellor merkel`), else a *group*.

use sitrep_coder::Coder;
use sitrep_geo::{Geoparser, PlaceKind};
use sitrep_ner::{ActorKind, NameLexicon};
use std::sync::Arc;

/// Places smaller than this are not "known places" for the recognizer.
pub const MIN_POPULATION: u64 = 50_000;

/// The gazetteer and the actor dictionary of a pipeline's own stages (no
/// second copy is loaded).
#[derive(Clone, Default)]
pub struct NameLists {
    pub coder: Option<Arc<Coder>>,
    pub geoparser: Option<Arc<Geoparser>>,
}

impl NameLists {
    /// The vendored dictionaries and gazetteer (for training and evaluation;
    /// a pipeline shares its own stages').
    pub fn vendored() -> Result<NameLists, crate::Error> {
        let coder = crate::Pipeline::load_coder(None, sitrep_coder::CoderOptions::default())?;
        Ok(NameLists {
            coder: Some(Arc::new(coder)),
            geoparser: Some(Arc::new(Geoparser::new(sitrep_geo::Gazetteer::vendored()?))),
        })
    }
}

impl NameLexicon for NameLists {
    fn enabled(&self) -> bool {
        self.coder.is_some() || self.geoparser.is_some()
    }

    fn is_place(&self, words: &[&str]) -> bool {
        let Some(g) = &self.geoparser else {
            return false;
        };
        let name = words.join(" ");
        let caps = name.chars().all(|c| !c.is_lowercase());
        let gaz = g.gazetteer();
        gaz.lookup(&name).iter().any(|c| {
            if c.is_code() && !caps {
                return false;
            }
            let p = gaz.place(c.place);
            matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1)
                || (c.is_primary() && p.population >= MIN_POPULATION)
        })
    }

    fn actor(&self, words: &[&str]) -> Option<ActorKind> {
        let coder = self.coder.as_ref()?;
        let dicts = coder.dictionaries();
        let actors = &dicts.actors().actors;
        let mut found = None;
        for i in dicts.actors_named(&words.join(" ")) {
            let Some(a) = actors.get(i as usize) else {
                continue;
            };
            let country = a
                .roles
                .iter()
                .any(|r| r.code.len() == 3 && r.code.bytes().all(|b| b.is_ascii_uppercase()));
            if country {
                continue;
            }
            let titled = a
                .names
                .iter()
                .any(|n| n.first().is_some_and(|w| sitrep_lexicon::is_title(w)));
            if titled || a.roles.iter().any(|r| r.is_dated()) {
                return Some(ActorKind::Person);
            }
            found = Some(ActorKind::Group);
        }
        found
    }
}
