//! The seam every analysis stage shares: [`Stage`], and the [`Layers`] a stage
//! requires, uses and provides.
//!
//! A stage is one `Doc → Doc` step (segmentation, tagging, coding, ...). It
//! declares which layers it needs filled before it runs and which it fills, so a
//! pipeline can be checked when it is *built*: a stage whose requirement no
//! earlier stage provides is an error then, never a silent skip at run time.
//!
//! This module is deliberately tiny (like ripgrep's `grep-matcher`): stage crates
//! implement the trait, the facade orders and checks them, and neither needs to
//! know the other's types.

use crate::Doc;
use std::fmt;

/// A set of [`Doc`] layers, as a small bitset.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Layers(u16);

impl Layers {
    /// No layer.
    pub const NONE: Layers = Layers(0);
    /// `paragraphs`, `dateline`, `sentences` and `tokens` (segmentation).
    pub const SEGMENTS: Layers = Layers(1 << 0);
    /// Token `upos`, `xpos` and `lemma` (tagging).
    pub const TAGS: Layers = Layers(1 << 1);
    /// Token `head` and `deprel` (dependency parsing).
    pub const PARSE: Layers = Layers(1 << 2);
    /// `actors`: coded actor mentions.
    pub const ACTORS: Layers = Layers(1 << 3);
    /// `events`: coded events (their own fields only, not their context).
    pub const EVENTS: Layers = Layers(1 << 4);
    /// `places`: resolved toponyms.
    pub const PLACES: Layers = Layers(1 << 5);
    /// `times`: resolved temporal expressions.
    pub const TIMES: Layers = Layers(1 << 6);
    /// `quotes`: quotes and reported speech with their speakers.
    pub const QUOTES: Layers = Layers(1 << 7);
    /// `casualties`: casualty counts.
    pub const CASUALTIES: Layers = Layers(1 << 8);
    /// The joins across stages (the facade's link): each event's place, time,
    /// sources and casualties, and each quote speaker's actor code.
    pub const LINKS: Layers = Layers(1 << 9);
    /// `entities`: named-entity mentions (person, organisation, place, other).
    pub const ENTITIES: Layers = Layers(1 << 10);
    /// `persons`: the people the text names and the mentions that refer to
    /// them (names, titles, pronouns), found once for every later stage.
    pub const PERSONS: Layers = Layers(1 << 11);

    const NAMES: [&'static str; 12] = [
        "segments",
        "tags",
        "parse",
        "actors",
        "events",
        "places",
        "times",
        "quotes",
        "casualties",
        "links",
        "entities",
        "persons",
    ];

    /// The union of two sets.
    pub const fn with(self, other: Layers) -> Layers {
        Layers(self.0 | other.0)
    }

    /// The layers of `self` that are not in `other`.
    pub const fn without(self, other: Layers) -> Layers {
        Layers(self.0 & !other.0)
    }

    /// Whether every layer of `other` is in `self`.
    pub const fn contains(self, other: Layers) -> bool {
        self.0 & other.0 == other.0
    }

    /// The layers in both sets.
    pub const fn intersection(self, other: Layers) -> Layers {
        Layers(self.0 & other.0)
    }

    /// Whether the two sets share a layer.
    pub const fn intersects(self, other: Layers) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The names of the layers in the set, in pipeline order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Layers::NAMES
            .iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| *n)
    }
}

impl std::ops::BitOr for Layers {
    type Output = Layers;
    fn bitor(self, rhs: Layers) -> Layers {
        self.with(rhs)
    }
}

impl fmt::Debug for Layers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Layers(")?;
        fmt::Display::fmt(self, f)?;
        write!(f, ")")
    }
}

/// Names joined by `+` (`segments+tags`), or `none`.
impl fmt::Display for Layers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (i, n) in self.names().enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(n)?;
        }
        Ok(())
    }
}

/// One analysis step over a [`Doc`].
///
/// Invariants a stage keeps:
/// - it writes only the layers in [`Stage::provides`] (and reads any);
/// - it never panics on input-derived data: text it cannot analyse yields empty
///   layers, not an error;
/// - `run` is deterministic: the same `Doc` in gives the same `Doc` out.
///
/// Stages are `Send + Sync` so one pipeline can serve many threads.
pub trait Stage: Send + Sync {
    /// A short name for errors and `explain` output (`"tagger"`, `"geoparser"`).
    fn name(&self) -> &'static str;
    /// Layers that must be filled before this stage runs.
    fn requires(&self) -> Layers;
    /// Layers this stage reads when present but can do without. A stage that
    /// provides one of them must come earlier in the pipeline, or not at all.
    fn uses(&self) -> Layers {
        Layers::NONE
    }
    /// Layers this stage fills.
    fn provides(&self) -> Layers;
    /// Analyses `doc`, filling [`Stage::provides`].
    fn run(&self, doc: &mut Doc);
}

/// A shared stage is a stage: one loaded model can serve several pipelines.
impl<S: Stage + ?Sized> Stage for std::sync::Arc<S> {
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn requires(&self) -> Layers {
        (**self).requires()
    }
    fn uses(&self) -> Layers {
        (**self).uses()
    }
    fn provides(&self) -> Layers {
        (**self).provides()
    }
    fn run(&self, doc: &mut Doc) {
        (**self).run(doc)
    }
}

/// Why an ordered list of stages cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// `stage` requires `missing`, which no earlier stage provides.
    Missing {
        stage: &'static str,
        missing: Layers,
    },
    /// `stage` uses `layers`, which the later stage `provider` fills: the order
    /// is wrong.
    Order {
        stage: &'static str,
        layers: Layers,
        provider: &'static str,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Missing { stage, missing } => write!(
                f,
                "stage `{stage}` requires {missing}, which no earlier stage provides"
            ),
            PlanError::Order {
                stage,
                layers,
                provider,
            } => write!(
                f,
                "stage `{stage}` reads {layers}, which the later stage `{provider}` provides: put `{provider}` first"
            ),
        }
    }
}

impl std::error::Error for PlanError {}

/// Checks that `stages`, run in order over a document whose layers are
/// `initial`, each find what they require, and that no stage reads a layer a later
/// one fills. Returns the layers filled at the end.
pub fn check_plan(initial: Layers, stages: &[&dyn Stage]) -> Result<Layers, PlanError> {
    let mut have = initial;
    for (i, stage) in stages.iter().enumerate() {
        let missing = stage.requires().without(have);
        if !missing.is_empty() {
            return Err(PlanError::Missing {
                stage: stage.name(),
                missing,
            });
        }
        let wanted = stage.uses().without(have);
        if let Some(later) = stages[i + 1..]
            .iter()
            .find(|s| s.provides().intersects(wanted))
        {
            return Err(PlanError::Order {
                stage: stage.name(),
                layers: later.provides().intersection(wanted),
                provider: later.name(),
            });
        }
        have = have.with(stage.provides());
    }
    Ok(have)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, Layers, Layers, Layers);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> Layers {
            self.1
        }
        fn uses(&self) -> Layers {
            self.2
        }
        fn provides(&self) -> Layers {
            self.3
        }
        fn run(&self, _: &mut Doc) {}
    }

    const N: Layers = Layers::NONE;

    #[test]
    fn a_complete_plan_reports_what_it_fills() {
        let seg = Fake("seg", N, N, Layers::SEGMENTS);
        let tag = Fake("tag", Layers::SEGMENTS, N, Layers::TAGS);
        let have = check_plan(N, &[&seg, &tag]).unwrap();
        assert_eq!(have, Layers::SEGMENTS | Layers::TAGS);
        assert_eq!(have.to_string(), "segments+tags");
    }

    #[test]
    fn a_missing_requirement_names_stage_and_layer() {
        let seg = Fake("seg", N, N, Layers::SEGMENTS);
        let code = Fake("coder", Layers::PARSE, N, Layers::EVENTS);
        let err = check_plan(N, &[&seg, &code]).unwrap_err();
        assert_eq!(
            err,
            PlanError::Missing {
                stage: "coder",
                missing: Layers::PARSE
            }
        );
        assert!(err.to_string().contains("`coder` requires parse"));
    }

    #[test]
    fn an_optional_layer_filled_later_is_an_order_error() {
        let link = Fake("link", N, Layers::PLACES, Layers::LINKS);
        let geo = Fake("geo", N, N, Layers::PLACES);
        assert!(matches!(
            check_plan(N, &[&link, &geo]),
            Err(PlanError::Order {
                stage: "link",
                provider: "geo",
                ..
            })
        ));
        // Absent altogether is fine: the layer is optional.
        assert!(check_plan(N, &[&link]).is_ok());
        assert!(check_plan(N, &[&geo, &link]).is_ok());
    }

    #[test]
    fn layer_set_algebra() {
        let a = Layers::TAGS | Layers::PARSE;
        assert!(a.contains(Layers::TAGS));
        assert!(!a.contains(Layers::TAGS | Layers::EVENTS));
        assert_eq!(a.without(Layers::TAGS), Layers::PARSE);
        assert_eq!(Layers::NONE.to_string(), "none");
        assert_eq!(format!("{a:?}"), "Layers(tags+parse)");
    }
}
