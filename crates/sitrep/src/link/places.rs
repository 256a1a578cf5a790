//! Where the action of a clause happened, and where it was said.
//!
//! The rule distinguishes **where something happened** from **where it was
//! said**: for a speech verb (`said`, `told`, `announced`), a place attached to
//! the verb itself (`said in Belgrade`) or else the dateline is `said_at`, and
//! the subject-matter location comes from the reported clause. For any verb the
//! location is, in order: a place in the verb's own clause (locative
//! `in`/`near`/`outside`... first, then finer places), a place in the sentence,
//! the nearest earlier place in the paragraph, the dateline's place at one level
//! coarser precision (the reporter's city locates the story loosely). The last
//! two are flagged [`PlaceRef::inferred`]: the event's own sentence names no
//! place. A name recognition rejected (an actor, a person) is no place
//! mention, so it never locates an event.

use super::index::EventContext;
use sitrep_doc::places::{PlaceAssignment, PlacePrecision, PlaceRef};
use sitrep_doc::{Doc, Span};

/// Case markers that make an oblique a location.
const LOCATIVE_CASES: &[&str] = &[
    "in",
    "near",
    "outside",
    "at",
    "inside",
    "around",
    "across",
    "throughout",
    "on",
    "into",
    "within",
    "north",
    "south",
    "east",
    "west",
    "from",
    "nearby",
];

/// Whether `verb` is a speech verb by its lemma (or form when unlemmatised).
pub fn is_speech_verb(doc: &Doc, verb: usize) -> bool {
    let Some(t) = doc.tokens.get(verb) else {
        return false;
    };
    let lemma = t
        .lemma
        .as_deref()
        .map_or_else(|| doc.token_text(verb).to_lowercase(), str::to_lowercase);
    // A statement of fact or position: where it was made (`said in Belgrade`)
    // is not where the reported matter happened.
    sitrep_lexicon::speech_class(&lemma).is_some_and(sitrep_lexicon::SpeechClass::is_statement)
}

fn coarser(p: PlacePrecision) -> PlacePrecision {
    match p {
        PlacePrecision::Neighbourhood => PlacePrecision::City,
        PlacePrecision::City => PlacePrecision::Admin,
        PlacePrecision::Admin | PlacePrecision::Country => PlacePrecision::Country,
    }
}

impl EventContext<'_> {
    /// Whether the mention headed by `head` is introduced by a locative case
    /// marker (one of its parse children).
    fn is_locative(&self, head: usize) -> bool {
        let doc = self.doc;
        self.children(head).any(|i| {
            doc.tokens
                .get(i)
                .is_some_and(|t| t.deprel.as_str() == "case")
                && LOCATIVE_CASES.contains(&doc.token_text(i).to_lowercase().as_str())
        })
    }

    /// Where the action of the clause headed by `verb_token` happened, and, for a
    /// speech verb, where it was said. See the module docs for the rule. Reads
    /// `doc.places` (empty without a gazetteer: then both are `None`).
    /// Returns an empty assignment for an out-of-range token; never panics.
    pub fn place_for_clause(&self, verb_token: usize) -> PlaceAssignment {
        let doc = self.doc;
        let Some(s) = doc.sentence_of_token(verb_token) else {
            return PlaceAssignment::default();
        };
        let span = doc.sentences.get(s).map_or(Span::default(), |s| s.span);
        let speech = is_speech_verb(doc, verb_token);
        // Every resolved place of the sentence, ranked by a key (smaller wins):
        // (an argument rather than a setting, clause tier, not locative,
        // coarser precision, text order).
        struct Cand<'a> {
            i: usize,
            r: &'a PlaceRef,
            loc: bool,
            actor: bool,
            tier: u8,
            direct: bool,
        }
        let mut cands: Vec<Cand<'_>> = Vec::new();
        for i in self.places.within(span) {
            let Some(m) = doc.places.get(i) else { continue };
            let Some(r) = m.place.as_ref() else { continue };
            let Some(h) = self.head_of(m.tokens) else {
                continue;
            };
            let loc = self.is_locative(h);
            // `US proposals`, `Russia said`: the place names an actor. (An object
            // is kept: `shelled Aleppo` locates the action.)
            let actor = doc.tokens.get(h).is_some_and(|t| {
                matches!(
                    t.deprel.as_str(),
                    "nsubj" | "nsubj:pass" | "compound" | "nmod:poss"
                )
            });
            let path = self.path_to(h, verb_token);
            // Speech verbs: the reported clause first; others: the verb's own clause.
            let tier = match (speech, path) {
                (true, Some(true)) | (false, Some(false)) => 0,
                (false, Some(true)) => 1,
                (true, None) | (false, None) => 2,
                (true, Some(false)) => 3,
            };
            cands.push(Cand {
                i,
                r,
                loc,
                actor,
                tier,
                direct: path == Some(false),
            });
        }
        let mut said_at = None;
        if speech {
            said_at = cands
                .iter()
                .filter(|c| c.direct && c.loc)
                .min_by_key(|c| c.i)
                .map(|c| c.r.clone())
                .or_else(|| self.dateline_place.cloned());
        }
        let said_span = said_at.as_ref().map(|r| r.evidence);
        let location = cands
            .iter()
            .filter(|c| Some(c.r.evidence) != said_span)
            .min_by_key(|c| (c.actor, c.tier, !c.loc, c.r.precision, c.i))
            .map(|c| c.r.clone());
        let location = location
            .or_else(|| {
                self.earlier_in_paragraph(verb_token).map(|r| PlaceRef {
                    inferred: true,
                    ..r
                })
            })
            .or_else(|| {
                self.dateline_place.map(|r| PlaceRef {
                    precision: coarser(r.precision),
                    inferred: true,
                    ..r.clone()
                })
            });
        PlaceAssignment { location, said_at }
    }

    /// The nearest resolved place before `verb` in the same paragraph.
    fn earlier_in_paragraph(&self, verb: usize) -> Option<PlaceRef> {
        let doc = self.doc;
        let at = doc.tokens.get(verb)?.span;
        let para = self.paragraph_containing(at).unwrap_or(Span {
            start: 0,
            end: at.end,
        });
        let i = self.places.last_within_ending_by(para, at.start)?;
        doc.places.get(i)?.place.clone()
    }
}
