//! Prints a parsed document and its attribution layers: `cargo run -p sitrep --example attrib_dump FILE`.

use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE [--parse]");
        return;
    };
    let show_parse = std::env::args().any(|a| a == "--parse");
    let json = std::env::args().any(|a| a == "--json");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let opts = PipelineOptions {
        fallback_date: Date::new(2016, 12, 12),
        ..PipelineOptions::default()
    };
    let pipeline = match Pipeline::new(&opts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let mut doc = pipeline.analyze(Article {
        text,
        ..Article::default()
    });
    doc.persons = sitrep_attrib::persons::find(&doc);
    sitrep_attrib::attribute(&mut doc);
    if json {
        for q in &doc.quotes {
            println!("{}", serde_json::to_string(q).unwrap_or_default());
        }
        for c in &doc.casualties {
            println!("{}", serde_json::to_string(c).unwrap_or_default());
        }
        return;
    }
    for q in &doc.quotes {
        println!(
            "QUOTE {:?} {:?}\n  cue {:?}\n  speaker {:?} -> {:?} ({})\n  chain {:?}",
            q.kind,
            doc.slice(q.content),
            q.cue
                .as_ref()
                .map(|c| (doc.slice(c.span), c.lemma.as_str())),
            q.speaker.as_ref().map(|s| doc.slice(s.span)),
            q.speaker.as_ref().map(|s| s.name.as_str()),
            q.speaker.as_ref().map_or("", |s| s.explanation.as_str()),
            q.sources
                .iter()
                .map(|s| format!("{:?}:{}", s.kind, s.name))
                .collect::<Vec<_>>()
        );
    }
    for c in &doc.casualties {
        println!("CASUALTY {}", serde_json::to_string(c).unwrap_or_default());
    }
    println!("paragraphs: {:?}", doc.paragraphs);
    println!("dateline: {:?}", doc.dateline);
    for (si, s) in doc.sentences.iter().enumerate() {
        println!("S{si} {:?} {:?}", s.span, doc.slice(s.span));
        if show_parse {
            for i in s.tokens() {
                let t = &doc.tokens[i];
                println!(
                    "  {i}\t{}\t{}\t{}\t{}\t{:?}\t{}",
                    doc.token_text(i),
                    t.upos,
                    t.xpos,
                    t.lemma.as_deref().unwrap_or("_"),
                    t.head,
                    t.deprel
                );
            }
        }
    }
}
