//! Golden test on the bundled seed article (a scraped blog post with a TASS
//! wire glued to its title and sentences run together without spaces).
use sitrep_doc::{Date, Doc};

const SEED: &str = include_str!("../../../examples/aleppo-2016-12-12.txt");

/// The body: the seed's first line is the title, the body follows the blank line.
fn body() -> String {
    SEED.split_once('\n')
        .map_or("", |(_, b)| b)
        .trim_start_matches(['\n', '\r'])
        .to_string()
}

fn segmented() -> Doc {
    let mut doc = Doc::from_text(body());
    doc.anchor_date = Date::new(2016, 12, 12);
    sitrep_text::segment(&mut doc);
    doc
}

fn sentences(doc: &Doc) -> Vec<&str> {
    doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
}

#[test]
fn tass_dateline_glued_to_title() {
    let doc = segmented();
    let dl = doc.dateline.clone().expect("dateline");
    assert_eq!(doc.slice(dl.span), "BELGRADE, December 12. /TASS/.");
    assert_eq!(dl.place.as_deref(), Some("Belgrade"));
    assert_eq!(dl.place_span.map(|s| doc.slice(s)), Some("BELGRADE"));
    assert_eq!(dl.date, Date::new(2016, 12, 12));
    assert_eq!(dl.date_span.map(|s| doc.slice(s)), Some("December 12"));
    assert_eq!(dl.agency.as_deref(), Some("TASS"));
    assert_eq!(dl.agency_span.map(|s| doc.slice(s)), Some("TASS"));
    for s in &doc.sentences {
        assert!(!s.span.overlaps(dl.span), "sentence overlaps the dateline");
    }
    for t in &doc.tokens {
        assert!(!t.span.overlaps(dl.span), "token overlaps the dateline");
    }
    let s = sentences(&doc);
    assert_eq!(
        s[0],
        "Lavrov :US proposals to declare pauses in hostilities in Aleppo lead up blind alley"
    );
    assert!(s[1].starts_with("US proposals to declare pauses"));
    assert!(s[1].ends_with("Sergey Lavrov said on Monday."));
}

#[test]
fn glued_sentences_start_their_own_sentence() {
    let doc = segmented();
    let s = sentences(&doc);
    let starting = |prefix: &str| s.iter().filter(|x| x.starts_with(prefix)).count();
    assert_eq!(starting("\"The US has returned to its old"), 1, "{s:#?}");
    assert_eq!(starting("SOHR: Battle for Aleppo Ended?"), 1, "{s:#?}");
    assert_eq!(
        starting("The director of the Syrian Observatory"),
        1,
        "{s:#?}"
    );
    assert_eq!(starting("Rami Abdulrahman, SOHR’s chief,"), 1, "{s:#?}");
    assert!(s.contains(&"SOHR: Battle for Aleppo Ended?"), "{s:#?}");
    // Quotes keep their attribution.
    let quote = s
        .iter()
        .find(|x| x.starts_with("\"The US has returned"))
        .copied()
        .unwrap_or_default();
    assert!(quote.ends_with("must be declared,\" he said."), "{quote:?}");
    assert!(s.iter().any(|x| x.ends_with("population,\" he added.")));
    assert!(s
        .iter()
        .any(|x| x.ends_with("\" the Russian minister stressed.")));
    // Headlines without final punctuation end at their paragraph.
    assert!(s.contains(&"WaPo image- Looks like final retreat"));
    assert!(s.contains(&"From Earlier:"));
}

#[test]
fn invariants_hold() {
    let doc = segmented();
    let mut next = 0;
    for s in &doc.sentences {
        assert_eq!(s.token_start as usize, next, "sentences partition tokens");
        assert!(s.token_end > s.token_start);
        next = s.token_end as usize;
        let p = doc.paragraphs.iter().filter(|p| p.contains(s.span)).count();
        assert_eq!(p, 1, "sentence inside exactly one paragraph");
    }
    assert_eq!(next, doc.tokens.len());
    for w in doc.tokens.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for t in &doc.tokens {
        assert!(!t.span.is_empty());
        assert!(!doc.slice(t.span).chars().any(char::is_whitespace));
    }
    // Normalisation cites the original bytes.
    let i = doc
        .tokens
        .iter()
        .position(|t| doc.slice(t.span) == "’s")
        .expect("curly clitic");
    assert_eq!(doc.token_text(i), "'s");
    assert_eq!(doc.token_text(i - 1), "State");
}
