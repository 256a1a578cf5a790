//! Training entry points used by `sitrep train` (feature `train`).

use crate::corpus::Sent;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::parser::{self, Parser, ParserConfig, TrainItem};
use crate::tagger::{self, Tag, Tagger, TaggerConfig};
use std::path::Path;

/// Reads the Brill lexicon text file.
pub fn load_lexicon(path: impl AsRef<Path>) -> Result<Lexicon> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Lexicon::parse(&text)
}

/// Trains the tagger + lemmatizer; `lexicon` is vendored into the model.
pub fn tagger(sents: &[Sent], lexicon: Lexicon, cfg: &TaggerConfig) -> Result<Tagger> {
    tagger::train(sents, lexicon, cfg)
}

/// Which POS tags the parser sees during training.
pub enum TagSource<'a> {
    /// Gold tags (fast, but the parser then over-trusts tags at runtime).
    Gold,
    /// Jackknifing: split the data into `folds`, tag each fold with a tagger
    /// trained on the others, so training tags are as noisy as runtime tags.
    Jackknife {
        folds: usize,
        lexicon: &'a Lexicon,
        cfg: TaggerConfig,
    },
    /// Tags predicted by an existing model (which may have seen this data).
    Model(&'a Tagger),
}

/// Trains the parser on `sents`, with tags from `tags`.
pub fn parser(sents: &[Sent], tags: TagSource<'_>, cfg: &ParserConfig) -> Result<Parser> {
    let predicted: Vec<Vec<Tag>> = match tags {
        TagSource::Gold => sents
            .iter()
            .map(|s| {
                s.upos
                    .iter()
                    .zip(&s.xpos)
                    .map(|(&upos, &xpos)| Tag { upos, xpos })
                    .collect()
            })
            .collect(),
        TagSource::Model(t) => sents.iter().map(|s| t.tag(&s.forms)).collect(),
        TagSource::Jackknife {
            folds,
            lexicon,
            cfg: tcfg,
        } => {
            let folds = folds.max(2);
            let mut out: Vec<Vec<Tag>> = vec![Vec::new(); sents.len()];
            for f in 0..folds {
                let train: Vec<Sent> = sents
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != f)
                    .map(|(_, s)| s.clone())
                    .collect();
                let t = tagger::train(&train, lexicon.clone(), &tcfg)?;
                for (i, s) in sents.iter().enumerate() {
                    if i % folds == f {
                        out[i] = t.tag(&s.forms);
                    }
                }
            }
            out
        }
    };
    let items: Vec<TrainItem<'_>> = sents
        .iter()
        .zip(predicted)
        .filter(|(s, _)| !s.is_empty())
        .map(|(sent, tags)| TrainItem { sent, tags })
        .collect();
    parser::train(&items, cfg)
}
