//! Segmentation against CoNLL-U treebanks: sentence-boundary and token
//! agreement (`sitrep eval segment`).
//!
//! A treebank document's running text is rebuilt from its sentences' `# text`
//! comments (or their surface tokens and `SpaceAfter=No` when a sentence has no
//! `# text`): sentences are joined by one space, by nothing after a final token
//! marked `SpaceAfter=No`, and by a blank line before a `# newpar`/`# newdoc`
//! (with [`Layout::Paragraphs`]). The text is then segmented by
//! [`sitrep_text::segment`] and scored:
//!
//! - **sentences**: a boundary is the byte offset where a sentence ends (its last
//!   non-space character); precision/recall/F1 compare the predicted and gold
//!   sets of boundaries, so the score is independent of tokenization. Every
//!   sentence end counts, the document's last one included.
//! - **tokens**: predicted token spans against the gold syntactic words located
//!   in the text (exact start and end).
//!
//! Counts add up over documents (micro-averaging).

use sitrep_doc::{Doc, Span};

use crate::metrics::Counts;

/// How sentences are joined when the text is rebuilt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `# newpar` and `# newdoc` become blank lines; each `# newdoc` starts a new
    /// document.
    Paragraphs,
    /// The whole file is one document of sentences joined by spaces (for
    /// treebanks without paragraph marks, such as PUD).
    Spaces,
}

/// A document rebuilt from a treebank, with its gold annotation as offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldDoc {
    /// `# newdoc id`, or the file-level name given to [`read_treebank`].
    pub name: String,
    pub text: String,
    /// Byte offsets just past each sentence's last non-space character.
    pub sentence_ends: Vec<usize>,
    /// Spans of the gold syntactic words that could be located in `text`.
    pub tokens: Vec<Span>,
    /// Gold words that could not be located (they still count as gold tokens).
    pub unaligned_tokens: usize,
}

/// Sentence-boundary and token counts for one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub sentences: Counts,
    pub tokens: Counts,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.sentences.add(other.sentences);
        self.tokens.add(other.tokens);
    }
}

/// One sentence as read from CoNLL-U.
#[derive(Default)]
struct RawSentence {
    newdoc: Option<String>,
    newpar: bool,
    text: Option<String>,
    /// Syntactic word forms.
    words: Vec<String>,
    /// Surface tokens (multiword tokens whole) with their `SpaceAfter=No` flag.
    surface: Vec<(String, bool)>,
}

impl RawSentence {
    fn text(&self) -> String {
        if let Some(t) = &self.text {
            return t.trim().to_string();
        }
        let mut s = String::new();
        for (i, (form, no_space)) in self.surface.iter().enumerate() {
            s.push_str(form);
            if !no_space && i + 1 < self.surface.len() {
                s.push(' ');
            }
        }
        s
    }

    fn no_space_after(&self) -> bool {
        self.surface.last().is_some_and(|(_, ns)| *ns)
    }
}

/// Reads CoNLL-U leniently: malformed lines are skipped, since only forms,
/// `MISC` and comments matter here.
fn read_sentences(input: &str) -> Vec<RawSentence> {
    let mut out = Vec::new();
    let mut cur = RawSentence::default();
    // End of the multiword token range being read, if any.
    let mut mwt_end = 0usize;
    for line in input.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            mwt_end = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(id) = c.strip_prefix("newdoc") {
                let id = id.trim_start();
                let id = id.strip_prefix("id").unwrap_or(id).trim_start();
                cur.newdoc = Some(id.trim_start_matches('=').trim().to_string());
                cur.newpar = true;
            } else if c == "newpar" || c.starts_with("newpar ") || c.starts_with("newpar=") {
                cur.newpar = true;
            } else if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            continue;
        }
        let no_space = cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = cols[0].split_once('-') {
            if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                cur.surface.push((cols[1].to_string(), no_space));
                mwt_end = b;
            }
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().unwrap_or(0);
        cur.words.push(cols[1].to_string());
        if id > mwt_end {
            cur.surface.push((cols[1].to_string(), no_space));
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Rebuilds the documents of a CoNLL-U file. `name` labels documents without a
/// `# newdoc id` (and the single document of [`Layout::Spaces`]).
pub fn read_treebank(name: &str, input: &str, layout: Layout) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut glue = false;
    for s in read_sentences(input) {
        let new_doc = docs.is_empty() || (layout == Layout::Paragraphs && s.newdoc.is_some());
        if new_doc {
            let doc_name = match (&s.newdoc, layout) {
                (Some(id), Layout::Paragraphs) if !id.is_empty() => id.clone(),
                _ => name.to_string(),
            };
            docs.push(GoldDoc {
                name: doc_name,
                ..GoldDoc::default()
            });
        }
        let Some(doc) = docs.last_mut() else {
            continue;
        };
        if !doc.text.is_empty() {
            let sep = if layout == Layout::Paragraphs && s.newpar {
                "\n\n"
            } else if glue {
                ""
            } else {
                " "
            };
            doc.text.push_str(sep);
        }
        let start = doc.text.len();
        doc.text.push_str(&s.text());
        let end = doc.text.len();
        if end > start {
            doc.sentence_ends.push(end);
        }
        align_words(doc, start, &s.words);
        // `SpaceAfter=No` on the last token glues the next sentence on.
        glue = s.no_space_after();
    }
    docs
}

/// Locates each word form in `doc.text[from..]`, in order, recording the spans.
fn align_words(doc: &mut GoldDoc, from: usize, words: &[String]) {
    let mut cur = from;
    for w in words {
        let rest = doc.text.get(cur..).unwrap_or("");
        let skip = rest.len() - rest.trim_start().len();
        let at = cur + skip;
        let here = doc.text.get(at..).unwrap_or("");
        if !w.is_empty() && here.starts_with(w.as_str()) {
            doc.tokens.push(Span::new(at, at + w.len()));
            cur = at + w.len();
        } else {
            doc.unaligned_tokens += 1;
        }
    }
}

/// Segments a rebuilt document and scores it against its gold annotation.
pub fn score_doc(gold: &GoldDoc) -> Score {
    let mut doc = Doc::from_text(gold.text.clone());
    sitrep_text::segment(&mut doc);
    let pred_ends: Vec<usize> = doc.sentences.iter().map(|s| s.span.end as usize).collect();
    let pred_tokens: Vec<Span> = doc.tokens.iter().map(|t| t.span).collect();
    Score {
        sentences: Counts::from_totals(
            gold.sentence_ends.len(),
            pred_ends.len(),
            count_common(&gold.sentence_ends, &pred_ends),
        ),
        tokens: Counts::from_totals(
            gold.tokens.len() + gold.unaligned_tokens,
            pred_tokens.len(),
            count_common(&gold.tokens, &pred_tokens),
        ),
    }
}

/// Size of the intersection of two sorted lists.
fn count_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar\n# text = Don't go.\n\
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tSpaceAfter=No\n\n\
# text = \"Why?\"\n1\t\"\t\"\tPUNCT\t``\t_\t2\tpunct\t_\tSpaceAfter=No\n\
2\tWhy\twhy\tADV\tWRB\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t?\t?\tPUNCT\t.\t_\t2\tpunct\t_\tSpaceAfter=No\n\
4\t\"\t\"\tPUNCT\t''\t_\t2\tpunct\t_\t_\n\n\
# newpar\n# text = OK\n1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn rebuilds_text_with_spacing_and_paragraphs() {
        let docs = read_treebank("f", SAMPLE, Layout::Paragraphs);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.name, "d1");
        assert_eq!(d.text, "Don't go.\"Why?\"\n\nOK");
        assert_eq!(d.sentence_ends, vec![9, 15, 19]);
        let words: Vec<&str> = d.tokens.iter().map(|s| s.slice(&d.text)).collect();
        assert_eq!(
            words,
            ["Do", "n't", "go", ".", "\"", "Why", "?", "\"", "OK"]
        );
        let spaced = read_treebank("f", SAMPLE, Layout::Spaces);
        assert_eq!(spaced[0].text, "Don't go.\"Why?\" OK");
    }

    #[test]
    fn scores() {
        let docs = read_treebank("f", SAMPLE, Layout::Paragraphs);
        let s = score_doc(&docs[0]);
        assert_eq!(s.sentences.gold(), 3);
        assert_eq!(s.tokens.gold(), 9);
        assert!(s.tokens.f1() > 0.99, "{s:?}");
        assert!(s.sentences.f1() > 0.99, "{s:?}");
    }
}
