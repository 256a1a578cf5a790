//! Development aid: prints paragraphs, the dateline, sentences and tokens of a
//! text file (first line skipped with `--skip-title`).
//!
//! `cargo run -p sitrep-text --example show -- [--skip-title] [--tokens] FILE [YYYY-MM-DD]`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skip = args.iter().any(|a| a == "--skip-title");
    let show_tokens = args.iter().any(|a| a == "--tokens");
    let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(path) = rest.first() else {
        eprintln!("usage: show [--skip-title] [--tokens] FILE [DATE]");
        return;
    };
    let Ok(mut text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    if skip {
        text = text
            .split_once('\n')
            .map_or(String::new(), |(_, b)| b.to_string());
    }
    let mut doc = sitrep_doc::Doc::from_text(text);
    doc.anchor_date = rest.get(1).and_then(|d| d.parse().ok());
    sitrep_text::segment(&mut doc);
    println!("dateline: {:?}", doc.dateline);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("[{i}] {:?}", doc.slice(s.span));
        if show_tokens {
            let toks: Vec<&str> = s.tokens().map(|t| doc.token_text(t)).collect();
            println!("    {}", toks.join(" | "));
        }
    }
}
