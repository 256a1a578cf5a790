//! The sitrep facade: one entry point that runs the analysis stages in order.
//!
//! A [`Pipeline`] is an ordered list of [`Stage`]s, checked when it is built: a
//! stage whose required layers no earlier stage provides is an error then
//! ([`Error::Plan`]), never a silent skip at run time. Stage crates know nothing
//! of each other; this crate knows their canonical order and owns the one stage
//! that joins their outputs (the link). A pipeline is built once (loading models
//! is the costly part) and then analyses any number of articles; it is `Sync`,
//! so callers may share it across threads.
//!
//! ```no_run
//! use sitrep::{Pipeline, PipelineOptions};
//! use sitrep::doc::Article;
//!
//! let pipeline = Pipeline::new(&PipelineOptions::default())?;
//! let doc = pipeline.analyze(Article { text: "Lavrov said on Monday.".into(), ..Article::default() });
//! assert_eq!(doc.sentences.len(), 1);
//! # Ok::<(), sitrep::Error>(())
//! ```
//!
//! Any list of stages, in any valid order:
//!
//! ```no_run
//! use sitrep::{Pipeline, stages};
//!
//! let pipeline = Pipeline::builder()
//!     .stage(stages::Segmenter)
//!     .stage(stages::Tagger::vendored()?)
//!     .stage(stages::TimeResolver)
//!     .build()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod link;
pub mod names;
pub mod stages;

pub use sitrep_attrib as attrib;
pub use sitrep_coder as coder;
pub use sitrep_doc as doc;
pub use sitrep_geo as geo;
pub use sitrep_ingest as ingest;
pub use sitrep_ner as ner;
pub use sitrep_time as time;

pub use sitrep_doc::{Layers, PlanError, Stage};
pub use stages::{Link, TimeResolver};

use sitrep_doc::{Article, Date, Doc};
use sitrep_syntax::{Parser, Tagger};
use std::path::PathBuf;
use std::sync::Arc;

/// How far syntactic analysis goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Depth {
    /// Segmentation and tokenization only.
    Segment,
    /// Plus part-of-speech tags and lemmas.
    Tag,
    /// Plus dependency parses (the default: event coding needs them).
    #[default]
    Parse,
}

/// What a [`Pipeline`] does and with which models.
#[derive(Clone, Debug, Default)]
pub struct PipelineOptions {
    pub depth: Depth,
    /// The date relative expressions and dateline years resolve against when an
    /// article states no publish date (the CLI's `--date`).
    pub fallback_date: Option<Date>,
    /// A tagger model file to use instead of the vendored one.
    pub tagger_model: Option<PathBuf>,
    /// A parser model file to use instead of the vendored one.
    pub parser_model: Option<PathBuf>,
}

/// A pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("loading the {which} model{}: {source}", path.as_ref().map(|p| format!(" {}", p.display())).unwrap_or_default())]
    Model {
        which: &'static str,
        path: Option<PathBuf>,
        #[source]
        source: sitrep_syntax::Error,
    },
    /// The event coder's dictionaries failed to load.
    #[error(transparent)]
    Coder(#[from] sitrep_coder::Error),
    /// The gazetteer failed to load.
    #[error("loading the gazetteer: {0}")]
    Gazetteer(#[from] sitrep_geo::Error),
    /// The entity recognizer's model failed to load.
    #[error("loading the entity recognizer: {0}")]
    Ner(#[from] sitrep_ner::Error),
    /// The stages, in the order given, cannot run.
    #[error("invalid pipeline: {0}")]
    Plan(#[from] PlanError),
}

/// The analysis stages, ready to run.
pub struct Pipeline {
    /// In run order; [`check_plan`](sitrep_doc::check_plan) accepted them.
    stages: Vec<Arc<dyn Stage>>,
    /// What the stages fill, together.
    layers: Layers,
    fallback_date: Option<Date>,
    /// The coding stage, also kept typed for [`Pipeline::coder`].
    coder: Option<Arc<sitrep_coder::Coder>>,
    /// The geoparsing stage, kept typed so the recognizer can share its
    /// gazetteer.
    geoparser: Option<Arc<sitrep_geo::Geoparser>>,
    /// The standard entity recognizer, before its name lists are attached.
    recognizer: Option<sitrep_ner::Recognizer>,
}

/// Builds a [`Pipeline`] from stages in the order given.
#[derive(Default)]
pub struct PipelineBuilder {
    stages: Vec<Arc<dyn Stage>>,
    fallback_date: Option<Date>,
    coder: Option<Arc<sitrep_coder::Coder>>,
}

impl PipelineBuilder {
    /// Appends a stage.
    pub fn stage(mut self, stage: impl Stage + 'static) -> PipelineBuilder {
        self.stages.push(Arc::new(stage));
        self
    }

    /// Appends the event coder (kept reachable through [`Pipeline::coder`]).
    pub fn coder(mut self, coder: sitrep_coder::Coder) -> PipelineBuilder {
        let coder = Arc::new(coder);
        self.stages.push(coder.clone());
        self.coder = Some(coder);
        self
    }

    /// The date articles without a publish date are anchored to.
    pub fn fallback_date(mut self, date: Option<Date>) -> PipelineBuilder {
        self.fallback_date = date;
        self
    }

    /// Checks the order (every stage finds the layers it requires, and no stage
    /// reads a layer a later stage fills) and returns the pipeline.
    pub fn build(self) -> Result<Pipeline, Error> {
        let layers = plan(&self.stages)?;
        Ok(Pipeline {
            stages: self.stages,
            layers,
            fallback_date: self.fallback_date,
            coder: self.coder,
            geoparser: None,
            recognizer: None,
        })
    }
}

/// Checks that `stages` can run in this order on a fresh document; the layers
/// they fill together.
fn plan(stages: &[Arc<dyn Stage>]) -> Result<Layers, PlanError> {
    let refs: Vec<&dyn Stage> = stages.iter().map(|s| s.as_ref()).collect();
    sitrep_doc::check_plan(Layers::NONE, &refs)
}

fn load<T>(
    which: &'static str,
    path: &Option<PathBuf>,
    from_file: impl Fn(&PathBuf) -> sitrep_syntax::Result<T>,
    vendored: impl Fn() -> sitrep_syntax::Result<T>,
) -> Result<T, Error> {
    match path {
        Some(p) => from_file(p),
        None => vendored(),
    }
    .map_err(|source| Error::Model {
        which,
        path: path.clone(),
        source,
    })
}

/// The canonical position of each standard stage: [`Pipeline::with_coder`] and
/// [`Pipeline::with_gazetteer`] insert theirs where it belongs.
const CANONICAL_ORDER: [&str; 10] = [
    "segmenter",
    "tagger",
    "parser",
    "entity recognizer",
    "person finder",
    "coder",
    "geoparser",
    "time resolver",
    "attribution",
    "link",
];

fn rank(stage: &dyn Stage) -> usize {
    CANONICAL_ORDER
        .iter()
        .position(|n| *n == stage.name())
        .unwrap_or(CANONICAL_ORDER.len())
}

impl Pipeline {
    /// A builder for any ordered list of stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Segmentation and the syntax `opts.depth` asks for (vendored models unless
    /// paths are given). Nothing else: add coding and places with
    /// [`Pipeline::with_coder`] and [`Pipeline::with_gazetteer`].
    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, Error> {
        let mut b = Pipeline::builder()
            .fallback_date(opts.fallback_date)
            .stage(sitrep_text::Segmenter);
        if matches!(opts.depth, Depth::Tag | Depth::Parse) {
            b = b.stage(load(
                "tagger",
                &opts.tagger_model,
                |p| Tagger::load(p),
                Tagger::vendored,
            )?);
        }
        if opts.depth == Depth::Parse {
            b = b.stage(load(
                "parser",
                &opts.parser_model,
                |p| Parser::load(p),
                Parser::vendored,
            )?);
        }
        b.build()
    }

    /// Every stage with the vendored models, dictionaries and gazetteer: what
    /// `sitrep demo` runs. `opts.depth` is raised to [`Depth::Parse`].
    pub fn full(opts: &PipelineOptions) -> Result<Pipeline, Error> {
        let opts = PipelineOptions {
            depth: Depth::Parse,
            ..opts.clone()
        };
        let coder = Pipeline::load_coder(None, sitrep_coder::CoderOptions::default())?;
        Pipeline::new(&opts)?
            .with_coder(coder)?
            .with_gazetteer(sitrep_geo::Gazetteer::vendored()?)
    }

    /// Adds the geoparsing stage: toponyms resolved against `gazetteer`, and
    /// through them each event's place. Fails if the pipeline has no segmenter.
    pub fn with_gazetteer(mut self, gazetteer: sitrep_geo::Gazetteer) -> Result<Pipeline, Error> {
        let geoparser = Arc::new(sitrep_geo::Geoparser::new(gazetteer));
        self.geoparser = Some(geoparser.clone());
        let mut added: Vec<Arc<dyn Stage>> = vec![Arc::new(sitrep_attrib::PersonFinder), geoparser];
        added.extend(self.recognizer_stage());
        self.with_standard(added)
    }

    /// Adds event coding and everything an event's context needs: actors and
    /// events, temporal expressions, attribution (quotes, sources, casualties)
    /// and the link that joins them to each event. Coding reads the parse: use
    /// it with [`Depth::Parse`]. Fails if the pipeline has no segmenter.
    ///
    /// When the pipeline tags, the vendored entity recognizer comes too (the
    /// layer later stages read to tell people and organisations from
    /// places), consulting the coder's actor dictionary and, once added, the
    /// gazetteer ([`names::NameLists`]).
    pub fn with_coder(mut self, coder: sitrep_coder::Coder) -> Result<Pipeline, Error> {
        let coder = Arc::new(coder);
        self.coder = Some(coder.clone());
        let has_own = self.stage_names().contains(&"entity recognizer");
        if self.recognizer.is_none() && !has_own && self.layers.contains(Layers::TAGS) {
            self.recognizer = Some(sitrep_ner::Recognizer::vendored()?);
        }
        let mut added: Vec<Arc<dyn Stage>> = vec![
            Arc::new(sitrep_attrib::PersonFinder),
            coder,
            Arc::new(TimeResolver),
            Arc::new(sitrep_attrib::Attributor),
            Arc::new(Link),
        ];
        added.extend(self.recognizer_stage());
        self.with_standard(added)
    }

    /// The standard recognizer with the name lists of this pipeline's coder
    /// and geoparser, if the pipeline has one.
    fn recognizer_stage(&self) -> Option<Arc<dyn Stage>> {
        let lists = names::NameLists {
            coder: self.coder.clone(),
            geoparser: self.geoparser.clone(),
        };
        let rec = self.recognizer.clone()?.with_lexicon(Arc::new(lists));
        Some(Arc::new(rec))
    }

    /// Inserts (or replaces) standard stages at their canonical positions, then
    /// checks the plan again.
    fn with_standard(mut self, added: Vec<Arc<dyn Stage>>) -> Result<Pipeline, Error> {
        for stage in added {
            self.stages.retain(|s| s.name() != stage.name());
            let at = self
                .stages
                .iter()
                .position(|s| rank(s.as_ref()) > rank(stage.as_ref()))
                .unwrap_or(self.stages.len());
            self.stages.insert(at, stage);
        }
        self.layers = plan(&self.stages)?;
        Ok(self)
    }

    /// Loads an event coder: the vendored Phoenix dictionaries, or every
    /// dictionary file in `dicts`, plus sitrep's supplementary patterns.
    pub fn load_coder(
        dicts: Option<&std::path::Path>,
        options: sitrep_coder::CoderOptions,
    ) -> Result<sitrep_coder::Coder, Error> {
        Ok(match dicts {
            Some(dir) => sitrep_coder::Coder::from_dir(dir, options)?,
            None => sitrep_coder::Coder::with_supplement(
                sitrep_coder::sitrep_dict::Dictionaries::vendored()
                    .map_err(sitrep_coder::Error::from)?,
                options,
            )?,
        })
    }

    /// The event-coding stage, if configured.
    pub fn coder(&self) -> Option<&sitrep_coder::Coder> {
        self.coder.as_deref()
    }

    /// The stages' names, in run order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The layers the stages fill, together.
    pub fn layers(&self) -> Layers {
        self.layers
    }

    /// Runs every stage over one article.
    pub fn analyze(&self, article: Article) -> Doc {
        let mut doc = Doc::from_article(article);
        if doc.anchor_date.is_none() {
            doc.anchor_date = self.fallback_date;
        }
        self.annotate(&mut doc);
        doc
    }

    /// Runs every stage, in order, over a document whose layers are still empty.
    pub fn annotate(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.run(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in with a standard stage's name and declarations.
    struct Named(&'static str, Layers, Layers);
    impl Stage for Named {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> Layers {
            self.1
        }
        fn provides(&self) -> Layers {
            self.2
        }
        fn run(&self, _: &mut Doc) {}
    }

    fn bare() -> Pipeline {
        Pipeline::builder()
            .stage(sitrep_text::Segmenter)
            .build()
            .unwrap()
    }

    #[test]
    fn standard_stages_land_in_canonical_order() {
        let l = Layers::SEGMENTS;
        let stage =
            |name, requires, provides| Arc::new(Named(name, requires, provides)) as Arc<dyn Stage>;
        // Added in any order, the stages land in canonical order.
        let p = bare()
            .with_standard(vec![
                Arc::new(Link),
                stage("geoparser", l, Layers::PLACES),
                Arc::new(sitrep_attrib::Attributor),
                stage("parser", l | Layers::TAGS, Layers::PARSE),
                stage("coder", l, Layers::ACTORS | Layers::EVENTS),
                Arc::new(TimeResolver),
                stage("tagger", l, Layers::TAGS),
                stage("entity recognizer", l | Layers::TAGS, Layers::ENTITIES),
                Arc::new(sitrep_attrib::PersonFinder),
            ])
            .unwrap();
        assert_eq!(p.stage_names(), CANONICAL_ORDER);
        let p = bare()
            .with_standard(vec![stage("geoparser", l, Layers::PLACES)])
            .unwrap()
            .with_standard(vec![stage("tagger", l, Layers::TAGS)])
            .unwrap();
        assert_eq!(p.stage_names(), ["segmenter", "tagger", "geoparser"]);
        assert_eq!(p.layers(), l | Layers::TAGS | Layers::PLACES);
    }

    #[test]
    fn adding_to_a_pipeline_without_segmenter_is_an_error() {
        let empty = Pipeline::builder().build().unwrap();
        let err = empty.with_standard(vec![Arc::new(TimeResolver)]).err();
        assert!(
            matches!(
                err,
                Some(Error::Plan(PlanError::Missing {
                    stage: "time resolver",
                    ..
                }))
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_parser_without_a_tagger_is_refused_when_built() {
        let err = Pipeline::builder()
            .stage(sitrep_text::Segmenter)
            .stage(Named(
                "parser",
                Layers::SEGMENTS | Layers::TAGS,
                Layers::PARSE,
            ))
            .build()
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("invalid pipeline: stage `parser` requires tags, which no earlier stage provides")
        );
    }

    #[test]
    fn the_link_before_the_geoparser_is_refused() {
        let err = Pipeline::builder()
            .stage(sitrep_text::Segmenter)
            .stage(Named("coder", Layers::SEGMENTS, Layers::EVENTS))
            .stage(Link)
            .stage(Named("geoparser", Layers::SEGMENTS, Layers::PLACES))
            .build()
            .err();
        assert!(
            matches!(
                err,
                Some(Error::Plan(PlanError::Order { stage: "link", .. }))
            ),
            "{err:?}"
        );
    }
}
