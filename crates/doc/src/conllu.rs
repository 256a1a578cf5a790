//! A reader for CoNLL-U treebanks (Universal Dependencies), shared by the
//! segmentation evaluation and by tagger/parser training and evaluation.
//!
//! Multiword-token lines (`3-4`) and empty nodes (`5.1`) are skipped: sitrep
//! annotates syntactic words. `# newdoc` and `# newpar` comments are kept as flags
//! on the sentence they precede so a document's running text can be rebuilt.

use std::fmt;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 1-based head index inside the sentence; 0 is the root.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// Whether `MISC` says no space follows this word in the original text.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One sentence with the comment lines that preceded it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub sent_id: Option<String>,
    /// The `# text = ...` comment, if present.
    pub text: Option<String>,
    /// A `# newdoc` comment preceded this sentence.
    pub newdoc: bool,
    /// A `# newpar` comment preceded this sentence (or `newdoc`, which implies it).
    pub newpar: bool,
    pub words: Vec<Word>,
}

/// A malformed line, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Parses a whole CoNLL-U document. Fails on the first malformed word line (wrong
/// column count, bad head) so training data is never silently truncated.
pub fn parse(input: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, raw) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment.starts_with("newdoc") {
                cur.newdoc = true;
                cur.newpar = true;
            } else if comment.starts_with("newpar") {
                cur.newpar = true;
            } else if let Some(v) = comment.strip_prefix("sent_id") {
                cur.sent_id = Some(v.trim_start_matches([' ', '=']).trim().to_string());
            } else if let Some(v) = comment.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue; // multiword token or empty node
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse::<usize>().map_err(|_| ConlluError {
                line: line_no,
                message: format!("head {:?} is not a number", cols[6]),
            })?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if let Some(w) = s.words.iter().find(|w| w.head > s.words.len()) {
            return Err(ConlluError {
                line: 0,
                message: format!(
                    "sentence {} ({:?}): head {} out of range",
                    i + 1,
                    s.sent_id,
                    w.head
                ),
            });
        }
    }
    Ok(out)
}

impl crate::Doc {
    /// A document whose segmentation, tags and parse are stated in CoNLL-U, so
    /// a stage's tests can give the exact parse they need instead of running
    /// the trained models.
    ///
    /// The text is rebuilt from the word forms: one space between words unless
    /// `MISC` has `SpaceAfter=No`, one space between sentences and a blank line
    /// before each `# newpar`/`# newdoc` after the first. Every sentence is a
    /// [`crate::Sentence`] and every word a [`crate::Token`] with its `UPOS`,
    /// `XPOS`, `LEMMA` (`_` means unset), `HEAD` and `DEPREL`; paragraphs
    /// follow `# newpar`. Multiword-token lines are skipped, as by [`parse`].
    pub fn from_conllu(input: &str) -> Result<crate::Doc, ConlluError> {
        use crate::{Deprel, Span, Token, Upos, Xpos};
        fn tag(v: &str) -> Option<&str> {
            (v != "_").then_some(v)
        }
        let mut doc = crate::Doc::default();
        let mut para_start = 0usize;
        for (si, s) in parse(input)?.iter().enumerate() {
            if si > 0 {
                if s.newpar {
                    doc.paragraphs.push(Span::new(para_start, doc.text.len()));
                    doc.text.push_str("\n\n");
                    para_start = doc.text.len();
                } else {
                    doc.text.push(' ');
                }
            }
            let first = doc.tokens.len();
            let sentence_start = doc.text.len();
            for (wi, w) in s.words.iter().enumerate() {
                let bad = |what: &str, value: &str| ConlluError {
                    line: 0,
                    message: format!(
                        "sentence {} word {}: unknown {what} {value:?}",
                        si + 1,
                        wi + 1
                    ),
                };
                let start = doc.text.len();
                doc.text.push_str(&w.form);
                let mut token = Token::new(Span::new(start, doc.text.len()));
                if let Some(u) = tag(&w.upos) {
                    token.upos = Upos::from_name(u).ok_or_else(|| bad("UPOS", u))?;
                }
                if let Some(x) = tag(&w.xpos) {
                    token.xpos = Xpos::from_name(x).ok_or_else(|| bad("XPOS", x))?;
                }
                token.lemma = tag(&w.lemma).map(Into::into);
                if let Some(d) = tag(&w.deprel) {
                    token.deprel = Deprel::from_name_or_base(d);
                    token.head = (w.head > 0).then(|| (first + w.head - 1) as u32);
                }
                doc.tokens.push(token);
                if wi + 1 < s.words.len() && !w.no_space_after() {
                    doc.text.push(' ');
                }
            }
            doc.sentences.push(crate::Sentence {
                span: Span::new(sentence_start, doc.text.len()),
                token_start: first as u32,
                token_end: doc.tokens.len() as u32,
            });
        }
        if !doc.text.is_empty() {
            doc.paragraphs.push(Span::new(para_start, doc.text.len()));
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doc_from_conllu_has_text_tokens_and_parse() {
        let doc = crate::Doc::from_conllu(SAMPLE).unwrap();
        assert_eq!(doc.text, "Do n't go. OK");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.token_text(2), "go");
        assert_eq!(doc.slice(doc.sentences[0].span), "Do n't go.");
        let go = &doc.tokens[2];
        assert_eq!((go.upos.as_str(), go.xpos.as_str()), ("VERB", "VB"));
        assert_eq!((go.head, go.deprel.as_str()), (None, "root"));
        assert_eq!(doc.tokens[0].head, Some(2), "Do ← go");
        assert_eq!(doc.tokens[4].head, None, "second sentence root");
        assert_eq!(doc.tokens[4].span.start, 11);
        let two = "# newpar\n1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n\n\
                   # newpar\n1\tB\tb\tX\tFW\t_\t0\troot\t_\t_\n";
        let d = crate::Doc::from_conllu(two).unwrap();
        assert_eq!(d.text, "A\n\nB");
        assert_eq!(d.paragraphs.len(), 2);
        assert!(crate::Doc::from_conllu("1\tx\tx\tNOPE\t_\t_\t0\troot\t_\t_\n").is_err());
    }

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = Don't go.\n\
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
# sent_id = s2\n1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn parses_sentences_and_flags() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert!(s[0].newdoc && s[0].newpar && !s[1].newpar);
        assert_eq!(s[0].words.len(), 4, "multiword range line skipped");
        assert_eq!(s[0].words[2].head, 0);
        assert!(s[0].words[2].no_space_after());
        assert_eq!(s[0].text.as_deref(), Some("Don't go."));
        assert_eq!(s[1].sent_id.as_deref(), Some("s2"));
    }

    #[test]
    fn rejects_bad_lines() {
        let e = parse("1\tx\tx\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse("1\tx\tx\tX\tX\t_\tz\tdep\t_\t_\n").is_err());
        assert!(parse("1\tx\tx\tX\tX\t_\t5\tdep\t_\t_\n").is_err());
    }
}
