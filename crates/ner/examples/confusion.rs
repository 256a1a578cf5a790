//! Error classes of a model on the held-out GUM documents, with gold tags:
//! per gold kind, how many were found exactly, found with another kind,
//! found with other boundaries, or missed; and what spurious predictions are.
//!
//! `cargo run -p sitrep-ner --features train --example confusion -- GUM_DIR MODEL`
use sitrep_ner::label::spans;
use sitrep_ner::model::DecodeState;
use sitrep_ner::{gum, Model, NoLexicon};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(model)) = (args.first(), args.get(1)) else {
        eprintln!("usage: confusion GUM_DIR MODEL");
        return;
    };
    let model = Model::load(model).expect("model");
    let (_, held) = gum::split(std::path::Path::new(dir)).expect("split");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut st = DecodeState::default();
    let (mut l, mut c) = (Vec::new(), Vec::new());
    for p in held {
        let doc = gum::read_doc(&p).expect("doc");
        for s in &doc.sents {
            let toks: Vec<sitrep_ner::TokenIn> = (0..s.forms.len())
                .map(|i| sitrep_ner::TokenIn {
                    form: &s.forms[i],
                    upos: s.upos[i],
                    xpos: s.xpos[i],
                })
                .collect();
            model.predict_into(&toks, &NoLexicon, &mut st, &mut l, &mut c);
            let pred = spans(&l);
            for g in &s.names {
                let class = if pred.contains(g) {
                    "exact".to_string()
                } else if let Some(p) = pred.iter().find(|p| p.start == g.start && p.end == g.end) {
                    format!("as {}", p.kind.as_str())
                } else if pred.iter().any(|p| p.start < g.end && g.start < p.end) {
                    "boundary".to_string()
                } else {
                    "missed".to_string()
                };
                *counts
                    .entry(format!("gold {} {class}", g.kind.as_str()))
                    .or_default() += 1;
            }
            for p in &pred {
                if !s.names.iter().any(|g| g.start < p.end && p.start < g.end) {
                    *counts
                        .entry(format!("spurious {}", p.kind.as_str()))
                        .or_default() += 1;
                }
            }
        }
    }
    for (k, v) in counts {
        println!("{v:>5}  {k}");
    }
}
