//! The sitrep facade: one entry point that runs the analysis stages in order.
//!
//! Stage crates know nothing of each other; this crate is the only place that
//! knows their order. A [`Pipeline`] is built once (loading models is the costly
//! part) and then analyses any number of articles; it is `Sync`, so callers may
//! share it across threads.
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

mod link;

pub use sitrep_attrib as attrib;
pub use sitrep_coder as coder;
pub use sitrep_doc as doc;
pub use sitrep_geo as geo;
pub use sitrep_ingest as ingest;

use sitrep_doc::{Article, Date, Doc};
use sitrep_syntax::{Parser, Tagger};
use std::path::PathBuf;

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

/// A model failed to load.
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
}

/// The analysis stages, ready to run.
pub struct Pipeline {
    tagger: Option<Tagger>,
    parser: Option<Parser>,
    fallback_date: Option<Date>,
    /// The event-coding stage, run after parsing when set.
    coder: Option<sitrep_coder::Coder>,
    /// The geoparsing stage (places and times), run after parsing when set.
    gazetteer: Option<sitrep_geo::Gazetteer>,
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

impl Pipeline {
    /// Loads the models `opts.depth` needs (vendored unless paths are given).
    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, Error> {
        let tagger = match opts.depth {
            Depth::Segment => None,
            Depth::Tag | Depth::Parse => Some(load(
                "tagger",
                &opts.tagger_model,
                |p| Tagger::load(p),
                Tagger::vendored,
            )?),
        };
        let parser = match opts.depth {
            Depth::Parse => Some(load(
                "parser",
                &opts.parser_model,
                |p| Parser::load(p),
                Parser::vendored,
            )?),
            Depth::Segment | Depth::Tag => None,
        };
        Ok(Pipeline {
            tagger,
            parser,
            fallback_date: opts.fallback_date,
            coder: None,
            gazetteer: None,
        })
    }

    /// Every stage with the vendored models, dictionaries and gazetteer: what
    /// `sitrep demo` runs. `opts.depth` is raised to [`Depth::Parse`].
    pub fn full(opts: &PipelineOptions) -> Result<Pipeline, Error> {
        let opts = PipelineOptions {
            depth: Depth::Parse,
            ..opts.clone()
        };
        let coder = Pipeline::load_coder(None, sitrep_coder::CoderOptions::default())?;
        Ok(Pipeline::new(&opts)?
            .with_coder(coder)
            .with_gazetteer(sitrep_geo::Gazetteer::vendored()?))
    }

    /// Adds the geoparsing stage: toponyms resolved against `gazetteer` and
    /// temporal expressions, and through them each event's place and date.
    pub fn with_gazetteer(mut self, gazetteer: sitrep_geo::Gazetteer) -> Pipeline {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Adds the event-coding stage (actors and events), run after parsing.
    /// Coding reads the parse: use it with [`Depth::Parse`].
    pub fn with_coder(mut self, coder: sitrep_coder::Coder) -> Pipeline {
        self.coder = Some(coder);
        self
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
        self.coder.as_ref()
    }

    /// Runs every configured stage over one article.
    pub fn analyze(&self, article: Article) -> Doc {
        let mut doc = Doc::from_article(article);
        if doc.anchor_date.is_none() {
            doc.anchor_date = self.fallback_date;
        }
        self.annotate(&mut doc);
        doc
    }

    /// Runs every configured stage over a document whose layers are still empty.
    pub fn annotate(&self, doc: &mut Doc) {
        sitrep_text::segment(doc);
        if let Some(tagger) = &self.tagger {
            sitrep_syntax::annotate(doc, tagger, self.parser.as_ref());
        }
        if let Some(coder) = &self.coder {
            coder.code(doc);
        }
        if let (Some(gaz), Some(_)) = (&self.gazetteer, &self.parser) {
            sitrep_geo::geoparse(doc, gaz);
        }
        // Times are for events and places (not for `segment`'s output), and must
        // not depend on a gazetteer: with the coder they give events their dates.
        if self.parser.is_some() && (self.coder.is_some() || self.gazetteer.is_some()) {
            sitrep_time::annotate_times(doc);
        }
        if self.parser.is_some() {
            sitrep_attrib::attribute(doc);
            link::speaker_codes(doc);
            link::event_context(doc);
        }
    }
}
