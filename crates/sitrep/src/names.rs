//! The entity recognizer's name lists ([`sitrep_ner::NameLexicon`]) over the
//! gazetteer and the actor dictionary: the facade wires them so that
//! `sitrep-ner` depends on neither.
//!
//! A *place* is a gazetteer name with a candidate that is a country, a
//! first-order division or a place of at least [`MIN_POPULATION`] people
//! (GeoNames names nearly every capitalised word somewhere — "Gordon",
//! "Kim" — so small places would make the feature noise); a name that is a
//! code (`US`, `BEG`) counts only when written in capitals. An *actor* is an
//! exact actor name or synonym in the coder's dictionaries (which list
//! countries as actors too; the recognizer learns what both together mean).

use sitrep_coder::Coder;
use sitrep_geo::{Geoparser, PlaceKind};
use sitrep_ner::NameLexicon;
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
                || p.population >= MIN_POPULATION
        })
    }

    fn is_actor(&self, words: &[&str]) -> bool {
        self.coder
            .as_ref()
            .is_some_and(|c| c.dictionaries().is_actor_name(&words.join(" ")))
    }
}
