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

#[cfg(test)]
mod tests {
    use super::*;

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
