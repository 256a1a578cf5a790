//! Tagging, lemmatization and parsing accuracy against gold treebank sentences
//! (`sitrep eval tagger|parser`).
//!
//! All figures count every token, punctuation included, as the CoNLL 2018 shared
//! task does for UAS/LAS. Tokenisation is gold (the treebank's words), so these
//! measure tagging and parsing alone.

use sitrep_syntax::corpus::Sent;
use sitrep_syntax::{Parser, Tag, Tagger};

/// Tagging and lemmatization counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TagScores {
    pub tokens: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
}

/// Parsing counts (with the tagging counts of the predicted tags used).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ParseScores {
    pub tags: TagScores,
    /// Tokens with the correct head.
    pub uas: usize,
    /// Correct head and full relation (`nsubj:pass` must match exactly).
    pub las: usize,
    /// Correct head and universal relation (subtypes ignored; the CoNLL 2018 LAS).
    pub las_base: usize,
}

impl TagScores {
    fn add(&mut self, s: &Sent, tags: &[(Tag, String)]) {
        for (i, (t, lemma)) in tags.iter().enumerate() {
            self.tokens += 1;
            self.upos += usize::from(t.upos == s.upos[i]);
            self.xpos += usize::from(t.xpos == s.xpos[i]);
            self.lemma += usize::from(*lemma == s.lemmas[i]);
        }
    }
}

/// Tags and lemmatizes every sentence and counts matches with the gold annotation.
pub fn tagger(tagger: &Tagger, sents: &[Sent]) -> TagScores {
    let mut sc = TagScores::default();
    for s in sents {
        let tags = tagger.analyze(&s.forms);
        sc.add(s, &tags);
    }
    sc
}

/// Tags with `tagger`, parses with `parser` and counts matches.
pub fn parser(tagger: &Tagger, parser: &Parser, sents: &[Sent]) -> ParseScores {
    let mut sc = ParseScores::default();
    for s in sents {
        let tags = tagger.analyze(&s.forms);
        sc.tags.add(s, &tags);
        let tt: Vec<Tag> = tags.iter().map(|t| t.0).collect();
        let arcs = parser.parse(&s.forms, &tt);
        for (i, a) in arcs.iter().enumerate() {
            let gold_head = s.heads[i];
            let head = a.head.map_or(0, |h| h + 1);
            if head == gold_head {
                sc.uas += 1;
                sc.las += usize::from(a.deprel == s.deprels[i]);
                sc.las_base += usize::from(a.deprel.base() == s.deprels[i].base());
            }
        }
    }
    sc
}
