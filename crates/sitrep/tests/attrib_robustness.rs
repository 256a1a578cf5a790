//! Hostile inputs: unbalanced quotes, a quote spanning the whole article, many
//! quotes, unsegmented documents, garbage. Nothing may panic; output stays sensible.

mod common;

use sitrep::doc::{Doc, Span};
use std::time::Instant;

#[test]
fn unbalanced_quotes_end_at_their_paragraph() {
    let doc = common::attrib::analyze(
        "The minister said \"this is never closed and goes on for a while.\n\n\
         Then the narrator speaks again. Officials said \"another one\n\n\
         Last paragraph without marks.",
    );
    let direct: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == sitrep::doc::quotes::QuoteKind::Direct)
        .collect();
    assert!(!direct.is_empty());
    for q in &direct {
        assert!(!q.closed);
        let para = doc.paragraphs.iter().find(|p| p.contains(q.content));
        assert!(para.is_some(), "quote stays inside one paragraph");
    }
    let first = direct[0];
    assert_eq!(
        doc.slice(first.content),
        "this is never closed and goes on for a while."
    );
    assert_eq!(
        first.speaker.as_ref().map(|s| s.name.as_str()),
        Some("minister")
    );
}

#[test]
fn quote_spanning_the_whole_article() {
    let mut text = String::from("\"It starts here and it does not stop.");
    for i in 0..20 {
        text.push_str(&format!(
            "\n\n\"Paragraph {i} of the same long statement goes on."
        ));
    }
    text.push_str("\n\n\"And it ends here.\"");
    let doc = common::attrib::analyze(&text);
    let direct: Vec<_> = doc.quotes.iter().filter(|q| q.closed).collect();
    assert_eq!(direct.len(), 1, "{:?}", doc.quotes);
    assert_eq!(direct[0].content.start, 1);
    assert_eq!(direct[0].content.end as usize, text.len() - 1);
}

#[test]
fn five_hundred_quotes() {
    let mut text = String::from("Foreign Minister Sergey Lavrov spoke to reporters on Monday.\n\n");
    for i in 0..500 {
        text.push_str(&format!(
            "\"Point number {i} is an important one,\" he said. "
        ));
        if i % 10 == 9 {
            text.push_str("\n\n");
        }
    }
    let mut doc = common::attrib::pipeline().analyze(sitrep::doc::Article {
        text,
        ..Default::default()
    });
    let t = Instant::now();
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    let took = t.elapsed();
    println!("500 quotes attributed in {took:?}");
    assert_eq!(doc.quotes.len(), 500);
    assert!(doc.quotes.iter().all(|q| q
        .speaker
        .as_ref()
        .is_some_and(|s| s.name == "Sergey Lavrov")));
    // Not a benchmark: a generous bound that only a quadratic blow-up breaks.
    assert!(took.as_secs() < 5, "{took:?}");
}

#[test]
fn unsegmented_and_garbage_inputs_do_not_panic() {
    let samples = [
        "",
        "\"",
        "“”",
        "\"\"\"\"\"",
        "” closing first “ then opening",
        "said said said, said \"said\" according to according to",
        "at least killed dozens of wounded 1,2,3,, million million twenty- -three",
        "no one no nobody none killed",
        "«Guillemets» et “curly ‘nested’ quotes” [with brackets",
        "The toll rose to at 12 to 13, 99999999999999999999999 killed.",
        "1.5 million displaced; 3.x million; .5 million killed",
    ];
    for s in samples {
        // Bare document: no tokens or sentences at all.
        let mut bare = Doc::from_text(s);
        bare.paragraphs.push(Span::new(0, s.len()));
        bare.persons = sitrep_attrib::persons::find(&bare);
        sitrep_attrib::attribute(&mut bare);
        // Fully analysed.
        let doc = common::attrib::analyze(s);
        for q in &doc.quotes {
            assert!(q.span.contains(q.content) || q.content.is_empty());
            assert!(doc.text.get(q.content.range()).is_some());
        }
        let _ = sitrep_attrib::according_to(&doc, Span::new(0, s.len()));
        let _ = sitrep_attrib::according_to(
            &doc,
            Span {
                start: 5000,
                end: 9000,
            },
        );
    }
}

#[test]
fn run_on_sentence_stays_fast() {
    // No full stops: one enormous "sentence" full of cues and counts.
    let text = "officials said that troops killed 12 people and activists claimed ".repeat(1500);
    let mut doc = common::attrib::pipeline().analyze(sitrep::doc::Article {
        text,
        ..Default::default()
    });
    let t = Instant::now();
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    let took = t.elapsed();
    println!(
        "{} tokens, {} quotes, {} casualties in {took:?}",
        doc.tokens.len(),
        doc.quotes.len(),
        doc.casualties.len()
    );
    assert!(!doc.casualties.is_empty());
    assert!(took.as_secs() < 5, "{took:?}");
}
