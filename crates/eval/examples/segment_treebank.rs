//! Development aid: prints sentence-boundary and token agreement for CoNLL-U
//! files, and with `--misses` the gold/predicted boundaries that disagree.
//!
//! `cargo run -p sitrep-eval --example segment_treebank -- [--spaces] [--misses] FILE...`
use sitrep_eval::segment::{read_treebank, score_doc, Layout, Score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let layout = if args.iter().any(|a| a == "--spaces") {
        Layout::Spaces
    } else {
        Layout::Paragraphs
    };
    let misses = args.iter().any(|a| a == "--misses");
    let token_misses = args.iter().any(|a| a == "--token-misses");
    let mut total = Score::default();
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let Ok(input) = std::fs::read_to_string(path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        for gold in read_treebank(path, &input, layout) {
            let s = score_doc(&gold);
            total.add(s);
            if token_misses {
                let mut doc = sitrep_doc::Doc::from_text(gold.text.clone());
                sitrep_text::segment(&mut doc);
                let pred: std::collections::HashSet<_> =
                    doc.tokens.iter().map(|t| t.span).collect();
                let gold_set: std::collections::HashSet<_> = gold.tokens.iter().copied().collect();
                for g in &gold.tokens {
                    if !pred.contains(g) {
                        println!("GOLD {:?}", g.slice(&gold.text));
                    }
                }
                for t in &doc.tokens {
                    if !gold_set.contains(&t.span) {
                        println!("PRED {:?}", t.span.slice(&gold.text));
                    }
                }
            }
            if misses {
                let mut doc = sitrep_doc::Doc::from_text(gold.text.clone());
                sitrep_text::segment(&mut doc);
                let pred: Vec<usize> = doc.sentences.iter().map(|s| s.span.end as usize).collect();
                let ctx = |o: usize| {
                    let t = &gold.text;
                    let mut a = o.saturating_sub(40);
                    while !t.is_char_boundary(a) {
                        a -= 1;
                    }
                    let mut b = (o + 40).min(t.len());
                    while !t.is_char_boundary(b) {
                        b += 1;
                    }
                    format!("{}|{}", &t[a..o], &t[o..b]).replace('\n', "¶")
                };
                for g in &gold.sentence_ends {
                    if !pred.contains(g) {
                        println!("MISS  {}", ctx(*g));
                    }
                }
                for p in &pred {
                    if !gold.sentence_ends.contains(p) {
                        println!("EXTRA {}", ctx(*p));
                    }
                }
            }
        }
    }
    let (s, t) = (total.sentences, total.tokens);
    println!(
        "sentences gold {} pred {} correct {} P {:.4} R {:.4} F1 {:.4}",
        s.gold(),
        s.predicted(),
        s.true_pos,
        s.precision(),
        s.recall(),
        s.f1()
    );
    println!(
        "tokens gold {} pred {} correct {} P {:.4} R {:.4} F1 {:.4}",
        t.gold(),
        t.predicted(),
        t.true_pos,
        t.precision(),
        t.recall(),
        t.f1()
    );
}
