//! Reads inputs and prints one JSON article per line; skips, warnings and the
//! tally go to stderr. A manual test bed for the readers:
//!
//! ```text
//! cargo run -p sitrep-ingest --example ingest -- [--text-column C] [--max-bytes N] PATH...
//! ```

use sitrep_ingest::{read_paths, Event, ReadOptions, Tally};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = ReadOptions::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--text-column" => {
                opts.text_column = args.next().ok_or("--text-column needs a value")?
            }
            "--title-column" => {
                opts.title_column = args.next().ok_or("--title-column needs a value")?
            }
            "--date-column" => {
                opts.date_column = Some(args.next().ok_or("--date-column needs a value")?)
            }
            "--format" => opts.format = Some(args.next().ok_or("--format needs a value")?.parse()?),
            "--max-bytes" => {
                opts.max_article_bytes = args.next().ok_or("--max-bytes needs a value")?.parse()?
            }
            _ => paths.push(a),
        }
    }
    let mut tally = Tally::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for event in read_paths(&paths, &opts) {
        tally.add(&event);
        match event {
            Event::Article(a) => {
                serde_json::to_writer(&mut out, &a)?;
                out.write_all(b"\n")?;
            }
            Event::Skipped(s) => eprintln!("skipped {s}"),
            Event::Warning(w) => eprintln!("{w}"),
        }
    }
    out.flush()?;
    eprintln!("{tally}");
    Ok(())
}
