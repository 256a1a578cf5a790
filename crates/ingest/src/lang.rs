//! The language of an article: detected from its text, recorded in
//! `extra["language"]`, and checked against [`ReadOptions::languages`].
//!
//! Detection uses `whatlang` (character trigrams and scripts, no data files) on
//! the title and the start of the text. Codes are ISO 639-3 (`eng`, `spa`,
//! `ara`...); a detection `whatlang` itself calls unreliable (short or mixed
//! text) is recorded as `und` (ISO 639-2 "undetermined") and never skips.

use crate::event::SkipReason;
use crate::options::ReadOptions;
use serde_json::Value;
use sitrep_doc::Article;

/// How much of the text is looked at: a paragraph or two is ample for
/// trigram statistics, and detection stays cheap (at 4 KiB it took 2–3% of
/// a full pipeline run).
const SAMPLE_BYTES: usize = 1024;

/// The key of `Article::extra` that holds the language.
pub(crate) const KEY: &str = "language";

/// A detected language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Detected {
    /// ISO 639-3 code, or `und` when the detection is not reliable.
    pub code: &'static str,
    /// English name of the language ("undetermined" for `und`).
    pub name: &'static str,
}

/// Detects the language of `text`.
pub(crate) fn detect(text: &str) -> Detected {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) if info.is_reliable() => Detected {
            code: info.lang().code(),
            name: info.lang().eng_name(),
        },
        _ => Detected {
            code: "und",
            name: "undetermined",
        },
    }
}

/// Records the article's language and says whether it is to be skipped.
///
/// A language stated by the input (a `language` field of a JSONL/CSV record) is
/// kept as given and not second-guessed; only detected languages skip.
pub(crate) fn check(article: &mut Article, opts: &ReadOptions) -> Option<SkipReason> {
    if article.extra.contains_key(KEY) {
        return None;
    }
    let sample = match &article.title {
        Some(t) if article.text.len() < SAMPLE_BYTES => format!("{t}\n{}", article.text),
        _ => article.text.clone(),
    };
    let found = detect(&sample);
    article
        .extra
        .insert(KEY.into(), Value::String(found.code.to_string()));
    let keep = opts.languages.as_ref()?;
    if found.code == "und" || keep.iter().any(|k| k == found.code) {
        return None;
    }
    Some(SkipReason::Language {
        code: found.code.to_string(),
        name: found.name.to_string(),
        read: keep.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_text_languages() {
        let en = "Government forces shelled the eastern districts of the city on Monday, \
                  residents said, as talks on a ceasefire stalled in Geneva.";
        let es = "Las fuerzas del gobierno bombardearon los barrios del este de la ciudad \
                  el lunes, según dijeron los vecinos, mientras se estancaban las conversaciones.";
        let ar = "قصفت القوات الحكومية الأحياء الشرقية من المدينة يوم الاثنين بحسب ما قال السكان";
        assert_eq!(detect(en).code, "eng");
        assert_eq!(detect(es).code, "spa");
        assert_eq!(detect(ar).name, "Arabic");
        assert_eq!(detect("ok").code, "und");
    }
}
