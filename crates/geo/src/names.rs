//! Names that are not places: which tokens other stages already know as an
//! actor, a person or an organisation.
//!
//! The geoparser runs after the event coder and reads what it and the name
//! finders left in the document:
//!
//! - **actor mentions** (`doc.actors`) matched in the actor dictionaries. A
//!   dictionary actor whose name is not itself a place name (`Hamas`,
//!   `Taliban`, `Al Qaeda`, `Boko Haram`, a politician) blocks the tokens of
//!   its mention that spell its name, so neither `Hamas` (an alternate name of
//!   Hamm, Germany) nor the `Al` of `Al Qaeda` (Ål, Norway) becomes a place.
//!   An actor named by a country or city (`Israel`, `Gaza`, a mention coded
//!   from `police in Kandahar`) blocks nothing: its place is still a place;
//! - **person mentions** (`doc.persons`, names and surnames) and **person or
//!   organisation entities** (`doc.entities`) block every token they cover.
//!
//! The result is one mark per token, so recognition asks "is this token
//! taken?" in O(1); building it is linear in the document.

use crate::gazetteer::Gazetteer;
use crate::place::PlaceKind;
use sitrep_doc::actors::MentionKind;
use sitrep_doc::entities::EntityKind;
use sitrep_doc::persons::PersonMentionKind;
use sitrep_doc::Doc;

/// Smallest population of a city whose name an actor may carry and still be
/// read as a place (`Gaza`): below it a same-named village (`Taliban`,
/// Turkey) is a coincidence, not the actor's origin.
const ACTOR_CITY_POPULATION: u64 = 50_000;

/// An entity mention below this confidence does not block a place.
const MIN_ENTITY_CONFIDENCE: f32 = 0.5;

/// Prepositions that, inside an actor mention, introduce a place of the actor
/// (`police post in Kandahar`): tokens after one are never blocked.
const MENTION_LOCATIVES: &[&str] = &["in", "of", "from", "at", "near", "outside", "inside"];

/// Why a token is not part of a place name.
#[derive(Clone, Debug, PartialEq)]
pub enum Taken {
    /// In the name of a dictionary actor that is not a place (`hamas`, code).
    /// `partial`: the mention spells only part of the name (`Henderson` for
    /// `vince henderson`): weaker evidence, which a strong place outweighs.
    Actor {
        name: String,
        code: String,
        partial: bool,
    },
    /// In a person mention.
    Person,
    /// In a person or organisation entity.
    Entity(EntityKind),
}

impl Taken {
    /// A reason for `explain` and rejection lists.
    pub fn reason(&self) -> String {
        match self {
            Taken::Actor { name, code, .. } => format!("actor name {name:?} ({code})"),
            Taken::Person => String::from("person name"),
            Taken::Entity(k) => format!("{} entity", k.as_str()),
        }
    }
}

/// Per-token marks of names that are not places.
#[derive(Debug, Default)]
pub struct TakenNames {
    /// `marks[token]`: 0 = free, else 1 + index in `why`.
    marks: Vec<u32>,
    why: Vec<Taken>,
}

impl TakenNames {
    /// Reads `doc.actors`, `doc.persons` and `doc.entities` (any may be empty).
    pub fn of(doc: &Doc, gaz: &Gazetteer) -> TakenNames {
        let mut t = TakenNames {
            marks: vec![0; doc.tokens.len()],
            why: Vec::new(),
        };
        for m in &doc.persons {
            if matches!(m.kind, PersonMentionKind::Name | PersonMentionKind::Surname) {
                t.mark(m.token_start as usize..m.token_end as usize, Taken::Person);
            }
        }
        for e in &doc.entities {
            if matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                && e.confidence >= MIN_ENTITY_CONFIDENCE
            {
                t.mark(
                    e.token_start as usize..e.token_end as usize,
                    Taken::Entity(e.kind),
                );
            }
        }
        for m in &doc.actors {
            if m.kind != MentionKind::Dictionary {
                continue;
            }
            let (Some(name), Some(code)) = (m.name.as_deref(), m.code.as_deref()) else {
                continue;
            };
            if names_a_place(gaz, name) {
                continue;
            }
            let name_words: Vec<String> = crate::normalize::key(name)
                .split(' ')
                .map(crate::normalize::fold)
                .collect();
            let range = m.token_start as usize..m.token_end as usize;
            // The tokens spelling the actor's name, before any locative inside
            // the mention. A mention that spells none of it (the dictionary
            // matched a synonym or a title: `U.S. Sens.` for the Senate) marks
            // nothing: its capitalised words may well be places.
            let mut spelled = Vec::new();
            for i in range {
                let text = doc.token_text(i);
                if MENTION_LOCATIVES.contains(&text.to_lowercase().as_str()) {
                    break;
                }
                let k = crate::normalize::key(text);
                let in_name = !k.is_empty()
                    && k.split(' ')
                        .all(|w| name_words.contains(&crate::normalize::fold(w)));
                if in_name {
                    spelled.push(i);
                }
            }
            // Content words of the name (articles aside) the mention spells.
            let content: Vec<&String> = name_words.iter().filter(|w| w.as_str() != "al").collect();
            let spelled_words: Vec<String> = spelled
                .iter()
                .flat_map(|&i| {
                    crate::normalize::key(doc.token_text(i))
                        .split(' ')
                        .map(crate::normalize::fold)
                        .collect::<Vec<_>>()
                })
                .collect();
            let partial = !spelled.is_empty() && content.iter().any(|w| !spelled_words.contains(w));
            let why = Taken::Actor {
                name: name.to_string(),
                code: code.to_string(),
                partial,
            };
            if !spelled.is_empty() {
                t.mark(spelled, why);
            }
        }
        t
    }

    /// Marks `tokens` with one reason (one id, so [`TakenNames::taken`] can
    /// tell that a name's tokens are all one actor's).
    fn mark(&mut self, tokens: impl IntoIterator<Item = usize>, why: Taken) {
        self.why.push(why);
        let id = self.why.len() as u32;
        for i in tokens {
            if let Some(slot) = self.marks.get_mut(i) {
                if *slot == 0 {
                    *slot = id;
                }
            }
        }
    }

    /// Why `tokens` are taken: a person or entity mark on any of them, or an
    /// actor's name on all of them (`New London` is a place even if `New`
    /// spells part of an actor's name; `Boko` of `Boko Haram` is not).
    pub fn taken(&self, tokens: std::ops::Range<usize>) -> Option<&Taken> {
        let marks: Vec<u32> = tokens.filter_map(|i| self.marks.get(i).copied()).collect();
        let why = |m: u32| self.why.get((m as usize).checked_sub(1)?);
        if let Some(t) = marks
            .iter()
            .filter_map(|&m| why(m))
            .find(|t| !matches!(t, Taken::Actor { .. }))
        {
            return Some(t);
        }
        let first = *marks.first()?;
        if first != 0 && marks.iter().all(|&m| m == first) {
            return why(first);
        }
        None
    }
}

/// Whether a dictionary actor's name is a place name: a country or first-order
/// area (by any name), or a city of some size by its own name (`Gaza`). An
/// alternate name alone does not count: `Hamas` is one of Hamm's.
fn names_a_place(gaz: &Gazetteer, name: &str) -> bool {
    let key = crate::normalize::key(name);
    gaz.lookup_key(&key).iter().any(|c| {
        let p = gaz.place(c.place);
        match p.kind {
            PlaceKind::Country | PlaceKind::Admin1 => true,
            PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Other => {
                c.is_primary() && p.population >= ACTOR_CITY_POPULATION
            }
            PlaceKind::Neighbourhood => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::actors::ActorMention;
    use sitrep_doc::{Article, Doc};

    fn gaz() -> Option<Gazetteer> {
        Gazetteer::vendored().ok()
    }

    fn doc(text: &str) -> Doc {
        let mut d = Doc::from_article(Article {
            id: "t".into(),
            text: text.into(),
            ..Article::default()
        });
        // Whitespace tokens are enough here.
        let mut at = 0;
        for w in text.split(' ') {
            let start = at as u32;
            let end = (at + w.len()) as u32;
            d.tokens
                .push(sitrep_doc::Token::new(sitrep_doc::Span { start, end }));
            at += w.len() + 1;
        }
        d
    }

    fn actor(d: &mut Doc, tokens: std::ops::Range<u32>, name: &str, code: &str) {
        d.actors.push(ActorMention {
            token_start: tokens.start,
            token_end: tokens.end,
            name: Some(name.into()),
            code: Some(code.into()),
            kind: MentionKind::Dictionary,
            ..ActorMention::default()
        });
    }

    #[test]
    fn actor_names_block_their_tokens_only() {
        let Some(g) = gaz() else { return };
        let mut d = doc("Hamas militants in Gaza fired at Israel");
        actor(&mut d, 0..4, "hamas", "PSEREBHMS");
        actor(&mut d, 6..7, "israel", "ISR");
        let t = TakenNames::of(&d, &g);
        assert!(matches!(t.taken(0..1), Some(Taken::Actor { .. })));
        assert_eq!(t.taken(3..4), None, "after a locative inside the mention");
        assert_eq!(t.taken(6..7), None, "a country-named actor is a place");
        let mut d = doc("Al Qaeda claimed it");
        actor(&mut d, 0..2, "al qa'ida", "IMGMUSALQ");
        let t = TakenNames::of(&d, &g);
        assert!(t.taken(0..1).is_some(), "the Al of Al Qaeda");
        assert!(
            t.taken(0..2).is_some(),
            "Al Qaeda, spelled Qaeda for Qa'ida"
        );
        // A surname alone spells part of a person actor's name.
        let mut d = doc("Henderson and New London");
        actor(&mut d, 0..1, "vince henderson", "DMAGOV");
        actor(&mut d, 2..3, "quest cap corp new", "MNCCAN");
        let t = TakenNames::of(&d, &g);
        assert!(matches!(
            t.taken(0..1),
            Some(Taken::Actor { partial: true, .. })
        ));
        assert_eq!(t.taken(2..4), None, "London is no part of the actor");
    }

    #[test]
    fn persons_and_entities_block() {
        let Some(g) = gaz() else { return };
        let mut d = doc("Kim met Bush in Homs");
        d.persons.push(sitrep_doc::persons::PersonMention {
            token_start: 0,
            token_end: 1,
            ..Default::default()
        });
        d.entities.push(sitrep_doc::entities::EntityMention {
            token_start: 2,
            token_end: 3,
            kind: EntityKind::Person,
            confidence: 0.9,
            ..Default::default()
        });
        let t = TakenNames::of(&d, &g);
        assert_eq!(t.taken(0..1), Some(&Taken::Person));
        assert_eq!(t.taken(2..3), Some(&Taken::Entity(EntityKind::Person)));
        assert_eq!(t.taken(4..5), None);
    }
}
