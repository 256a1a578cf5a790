//! sitrep-ner: a named-entity recognizer trained here.
//!
//! Finds the names in tagged text and says what each names: a person, an
//! organisation, a place (geopolitical entity, location or facility) or
//! something else, as [`EntityMention`](sitrep_doc::entities::EntityMention)s
//! in `Doc.entities`. Later stages read them to decide what a capitalised
//! word *is* (a person is never a place).
//!
//! - [`model`]: an averaged perceptron over BIO labels with greedy
//!   left-to-right decoding constrained to well-formed label sequences;
//!   weights in a compact versioned binary file with a checksum.
//! - [`features`]: word, lowercase, shape, prefixes and suffixes, a
//!   two-word context window, UPOS/XPOS tags, capitalisation together with
//!   sentence-initial position, the shared lexicon's titles and roles
//!   (`sitrep-lexicon`), the first and last word of the capitalised run a
//!   token is in, and membership in place and actor name lists.
//! - [`lexicon`]: [`NameLexicon`], the name lists supplied at run time. This
//!   crate knows no gazetteer and no actor dictionary; the facade implements
//!   the trait over them.
//! - [`Recognizer`]: the pipeline stage "entity recognizer" (requires
//!   segments and tags, provides entities).
//!
//! Invariants: the recognizer writes only `Doc.entities`; every mention
//! covers whole tokens of one sentence, mentions are in text order and
//! never overlap; a corrupt model file is an [`Error`], never a panic; the
//! same document gives the same mentions.
//!
//! The vendored model (`data/models/ner.bin`, see `data/README.md` for its
//! provenance, training command and held-out figures) is trained on GUM's
//! `Entity=` annotations with the names chosen by the rule in [`gum`].
//!
//! # Cargo features
//!
//! - `train` (off by default): the GUM reader ([`gum`]) and the trainer
//!   ([`train`]). `sitrep train ner` and `sitrep eval ner` use them.

mod error;
pub mod features;
#[cfg(feature = "train")]
pub mod gum;
pub mod label;
pub mod lexicon;
pub mod model;
mod stage;
#[cfg(feature = "train")]
pub mod train;

pub use error::{Error, Result};
pub use features::TokenIn;
pub use label::{Label, TokenSpan};
pub use lexicon::{ActorKind, NameLexicon, NoLexicon};
pub use model::Model;

use sitrep_doc::Doc;
use std::sync::Arc;

static VENDORED_MODEL: &[u8] = include_bytes!("../../../data/models/ner.bin");

/// A model plus the name lists it consults: the "entity recognizer" stage.
#[derive(Clone)]
pub struct Recognizer {
    model: Arc<Model>,
    lexicon: Arc<dyn NameLexicon>,
    /// Unique per model-and-lexicon pairing: a [`model::DecodeState`]'s memo
    /// of lexicon answers is valid only for the lexicon that gave them.
    id: u64,
}

fn fresh_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Recognizer {
    /// A recognizer with a loaded model and no name lists.
    pub fn new(model: Model) -> Recognizer {
        Recognizer {
            model: Arc::new(model),
            lexicon: Arc::new(NoLexicon),
            id: fresh_id(),
        }
    }

    /// The model compiled into the binary (`data/models/ner.bin`).
    pub fn vendored() -> Result<Recognizer> {
        Ok(Recognizer::new(Model::from_bytes(VENDORED_MODEL)?))
    }

    /// Reads a model file.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Recognizer> {
        Ok(Recognizer::new(Model::load(path)?))
    }

    /// The same model consulting `lexicon` for membership features.
    pub fn with_lexicon(mut self, lexicon: Arc<dyn NameLexicon>) -> Recognizer {
        self.lexicon = lexicon;
        self.id = fresh_id();
        self
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn lexicon(&self) -> &dyn NameLexicon {
        self.lexicon.as_ref()
    }

    /// The names of one sentence with their confidences (the lowest of
    /// their tokens' label probabilities), in order.
    ///
    /// After decoding, a name that is exactly an actor-dictionary entry and
    /// not a known place takes the actor's kind (a person, or an
    /// organisation for a group): the dictionary is curated for news actors
    /// and GUM, with about 1,000 organisation names to learn from, teaches
    /// the model little about armed groups and parties ("Hamas").
    pub fn sentence(
        &self,
        toks: &[TokenIn],
        st: &mut model::DecodeState,
        out: &mut Vec<(TokenSpan, f32)>,
    ) {
        out.clear();
        if st.owner != self.id {
            st.featurizer.clear_memo();
            st.owner = self.id;
        }
        // Taken out of the state for the call, put back after: the
        // buffers are reused across sentences.
        let mut labels = std::mem::take(&mut st.labels);
        let mut conf = std::mem::take(&mut st.confidence);
        self.model
            .predict_into(toks, self.lexicon.as_ref(), st, &mut labels, &mut conf);
        let lex = self.lexicon.as_ref();
        for mut sp in label::spans(&labels) {
            let c = conf[sp.start..sp.end].iter().copied().fold(1.0, f32::min);
            if lex.enabled() {
                let name = &toks[sp.start..sp.end];
                if let Some(k) = st.featurizer.actor(lex, name) {
                    if !st.featurizer.is_place(lex, name) {
                        sp.kind = match k {
                            ActorKind::Person => sitrep_doc::entities::EntityKind::Person,
                            ActorKind::Group => sitrep_doc::entities::EntityKind::Organization,
                        };
                    }
                }
            }
            out.push((sp, c));
        }
        st.labels = labels;
        st.confidence = conf;
    }

    /// Fills `doc.entities` (replacing any) from its sentences and tags.
    pub fn recognize(&self, doc: &mut Doc) {
        stage::recognize(doc, self);
    }
}
