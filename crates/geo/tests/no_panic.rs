//! The geoparsing stage never panics, whatever the document holds: inconsistent
//! sentence ranges, heads pointing anywhere (cycles included), empty or
//! foreign-script tokens, missing tags. Skipped without the vendored gazetteer.
use sitrep_doc::{Dateline, Deprel, Doc, Sentence, Span, Token, Upos};
use sitrep_geo::Gazetteer;

/// Heads per token, and sentence token ranges.
type Case = (Vec<Option<u32>>, Vec<(u32, u32)>);

fn doc_from(text: &str, heads: &[Option<u32>], sentences: &[(u32, u32)]) -> Doc {
    let mut doc = Doc::from_text(text);
    let mut start = 0usize;
    for (i, w) in text.split(' ').enumerate() {
        let end = start + w.len();
        if !w.is_empty() {
            let mut t = Token::new(Span::new(start, end));
            t.head = heads.get(i).copied().flatten();
            t.upos = if i % 3 == 0 {
                Upos::PROPN
            } else {
                Upos::default()
            };
            t.deprel =
                Deprel::from_name(["obl", "nsubj", "ccomp", "case"][i % 4]).unwrap_or_default();
            t.lemma = Some(w.to_lowercase().into());
            doc.tokens.push(t);
        }
        start = end + 1;
    }
    for &(a, b) in sentences {
        doc.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            token_start: a,
            token_end: b,
        });
    }
    doc
}

#[test]
fn geoparse_survives_garbage() {
    let Ok(gaz) = Gazetteer::vendored() else {
        eprintln!("note: no vendored gazetteer; skipped");
        return;
    };
    let text = "Lavrov said in Aleppo , Kan. Washington Paris US U.S. حلب Deir ez-Zor today Monday";
    let n = text.split(' ').count() as u32;
    let cases: Vec<Case> = vec![
        (vec![None; n as usize], vec![(0, n)]),
        ((0..n).map(|i| Some((i + 1) % n)).collect(), vec![(0, n)]),
        ((0..n).map(Some).collect(), vec![(0, 3), (3, n)]),
        (
            (0..n).map(|_| Some(9999)).collect(),
            vec![(0, n + 5), (7, 2)],
        ),
        (vec![], vec![]),
    ];
    for (heads, sentences) in cases {
        let mut doc = doc_from(text, &heads, &sentences);
        doc.anchor_date = sitrep_doc::Date::new(2016, 12, 12);
        doc.dateline = Some(Dateline {
            span: Span::new(0, 6),
            place: Some("Belgrade".into()),
            place_span: Some(Span::new(0, 6)),
            ..Dateline::default()
        });
        sitrep_geo::geoparse(&mut doc, &gaz);
    }
    let mut empty = Doc::from_text("");
    sitrep_geo::geoparse(&mut empty, &gaz);
    assert!(empty.places.is_empty());
}
