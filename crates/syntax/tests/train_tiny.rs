//! End-to-end training on a tiny hand-written fixture: proves `train` → `save` →
//! `load` → tag/parse works, and that corrupt model files are errors.

use sitrep_syntax::train::{self, TagSource};
use sitrep_syntax::{corpus, DepArc, Lexicon, Parser, ParserConfig, Tag, Tagger, TaggerConfig};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");

const LEXICON: &str = ";;; tiny lexicon for tests\nrebels NNS\nwithdrew VBD\nthe DT\nfled VBD\n";

/// Matches with the gold of the training sentences. Only a sanity floor for
/// training: the accuracy figures themselves are `sitrep_eval::syntax`'s.
#[derive(Debug, Default, PartialEq)]
struct Matches {
    tokens: usize,
    upos: usize,
    lemma: usize,
    /// Correct head, and correct head and relation.
    uas: usize,
    las: usize,
}

/// One sentence's tags and lemmas, and arcs (none without a parser).
type Output = (Vec<(Tag, String)>, Vec<DepArc>);

/// Tags (and, with a parser, parses) every sentence; returns the counts with
/// the outputs, so two models can be compared output for output.
fn run(tagger: &Tagger, parser: Option<&Parser>, sents: &[corpus::Sent]) -> (Matches, Vec<Output>) {
    let mut m = Matches::default();
    let mut outputs = Vec::new();
    for s in sents {
        let tags = tagger.analyze(&s.forms);
        let tt: Vec<Tag> = tags.iter().map(|t| t.0).collect();
        let arcs = parser.map_or_else(Vec::new, |p| p.parse(&s.forms, &tt));
        for (i, (t, lemma)) in tags.iter().enumerate() {
            m.tokens += 1;
            m.upos += usize::from(t.upos == s.upos[i]);
            m.lemma += usize::from(*lemma == s.lemmas[i]);
        }
        for (i, a) in arcs.iter().enumerate() {
            if a.head.map_or(0, |h| h + 1) == s.heads[i] {
                m.uas += 1;
                m.las += usize::from(a.deprel == s.deprels[i]);
            }
        }
        outputs.push((tags, arcs));
    }
    (m, outputs)
}

#[test]
fn trains_tagger_and_parser_end_to_end() {
    let sents = corpus::load(&[FIXTURE]).unwrap();
    assert_eq!(sents.len(), 10);
    let lex = Lexicon::parse(LEXICON).unwrap();
    assert_eq!(lex.len(), 4);
    let tcfg = TaggerConfig {
        iterations: 8,
        augment: 0.0,
        prune: 0.0,
        ..TaggerConfig::default()
    };
    let tagger = train::tagger(&sents, lex, &tcfg).unwrap();
    let (t, _) = run(&tagger, None, &sents);
    assert_eq!(t.tokens, 69, "{t:?}");
    assert!(
        t.upos * 100 >= t.tokens * 95,
        "training-set UPOS too low: {t:?}"
    );
    assert!(
        t.lemma * 100 >= t.tokens * 90,
        "training-set lemmas too low: {t:?}"
    );

    let pcfg = ParserConfig {
        iterations: 10,
        // The default pruning is sized for ~100k-token treebanks.
        prune: 0.0,
        ..ParserConfig::default()
    };
    let parser = train::parser(&sents, TagSource::Model(&tagger), &pcfg).unwrap();
    let (p, outputs) = run(&tagger, Some(&parser), &sents);
    assert!(
        p.uas * 100 >= p.tokens * 90,
        "training-set UAS too low: {p:?}"
    );
    assert!(
        p.las * 100 >= p.tokens * 85,
        "training-set LAS too low: {p:?}"
    );

    // Round trip through the binary format gives the same model.
    let tagger2 = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    let parser2 = Parser::from_bytes(&parser.to_bytes()).unwrap();
    assert_eq!(run(&tagger2, Some(&parser2), &sents).1, outputs);

    // Same seed, same model.
    let again = train::tagger(&sents, Lexicon::parse(LEXICON).unwrap(), &tcfg).unwrap();
    assert_eq!(again.to_bytes(), tagger.to_bytes());

    // Corruption is an error, not a panic.
    let bytes = parser.to_bytes();
    for cut in [0, 7, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(Parser::from_bytes(&bytes[..cut]).is_err());
    }
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 3] ^= 0x40;
    assert!(Parser::from_bytes(&flipped).is_err());
    assert!(
        Tagger::from_bytes(&bytes).is_err(),
        "parser file is not a tagger"
    );
}
