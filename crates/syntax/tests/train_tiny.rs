//! End-to-end training on a tiny hand-written fixture: proves `train` → `save` →
//! `load` → tag/parse works, and that corrupt model files are errors.

use sitrep_syntax::train::{self, TagSource};
use sitrep_syntax::{corpus, eval, Lexicon, Parser, ParserConfig, Tagger, TaggerConfig};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");

const LEXICON: &str = ";;; tiny lexicon for tests\nrebels NNS\nwithdrew VBD\nthe DT\nfled VBD\n";

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
    let t = eval::tagger(&tagger, &sents);
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
    let p = eval::parser(&tagger, &parser, &sents);
    assert!(
        p.uas * 100 >= p.tags.tokens * 90,
        "training-set UAS too low: {p:?}"
    );
    assert!(
        p.las * 100 >= p.tags.tokens * 85,
        "training-set LAS too low: {p:?}"
    );

    // Round trip through the binary format gives the same model.
    let tagger2 = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    let parser2 = Parser::from_bytes(&parser.to_bytes()).unwrap();
    assert_eq!(eval::parser(&tagger2, &parser2, &sents), p);

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
