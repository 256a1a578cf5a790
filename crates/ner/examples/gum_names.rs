//! Prints the names the GUM rule (`sitrep_ner::gum`) finds in CoNLL-U files,
//! one `kind<TAB>name` line each: a check of the training labels.
//!
//! `cargo run -p sitrep-ner --features train --example gum_names -- FILE...`
fn main() {
    for path in std::env::args().skip(1) {
        let doc = match sitrep_ner::gum::read_doc(std::path::Path::new(&path)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        for s in &doc.sents {
            for n in &s.names {
                println!("{}\t{}", n.kind.as_str(), s.forms[n.start..n.end].join(" "));
            }
        }
    }
}
