//! Time for one very long article through the full pipeline (models,
//! dictionaries and gazetteer), to check that analysis stays linear in the
//! article's length.
//!
//! The article is N copies of one conflict sentence, laid out as one paragraph
//! (`one`) or as one paragraph per sentence (`para`):
//!
//! ```text
//! cargo run --release -p sitrep --example long_article -- [one|para|both] [N...]
//! ```
//!
//! Defaults: both layouts, N = 1000 4000 16000 64000. Prints one line per run
//! with the analysis time (model loading excluded) and the process's peak RSS
//! so far; for a peak per N, run one process per N, e.g.
//!
//! ```text
//! for n in 1000 4000 16000 64000; do
//!   /usr/bin/time -v target/release/examples/long_article para $n 2>&1 |
//!     grep -E 'analysed|Maximum resident'
//! done
//! ```

use sitrep::doc::{Article, Date};
use sitrep::{Pipeline, PipelineOptions};
use std::time::Instant;

const SENTENCE: &str = "Syrian government forces shelled rebel positions in Aleppo on Monday, \
                        killing 12 civilians, the Syrian Observatory for Human Rights said.";

/// How the copies of the sentence are split into paragraphs.
#[derive(Clone, Copy)]
enum Layout {
    OneParagraph,
    ParagraphPerSentence,
}

impl Layout {
    fn name(self) -> &'static str {
        match self {
            Layout::OneParagraph => "one paragraph",
            Layout::ParagraphPerSentence => "paragraph per sentence",
        }
    }

    fn article(self, n: usize) -> String {
        let sep = match self {
            Layout::OneParagraph => " ",
            Layout::ParagraphPerSentence => "\n\n",
        };
        let mut text = String::with_capacity(n * (SENTENCE.len() + sep.len()));
        for i in 0..n {
            if i > 0 {
                text.push_str(sep);
            }
            text.push_str(SENTENCE);
        }
        text
    }
}

/// The process's peak resident set (`VmHWM`), in MB, where `/proc` has it.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut layouts = vec![Layout::OneParagraph, Layout::ParagraphPerSentence];
    let mut sizes = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "one" => layouts = vec![Layout::OneParagraph],
            "para" => layouts = vec![Layout::ParagraphPerSentence],
            "both" => {}
            n => match n.parse::<usize>() {
                Ok(n) => sizes.push(n),
                Err(_) => {
                    eprintln!("usage: long_article [one|para|both] [N...]");
                    std::process::exit(2);
                }
            },
        }
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 4_000, 16_000, 64_000];
    }
    let opts = PipelineOptions {
        fallback_date: Date::new(2016, 12, 12),
        ..PipelineOptions::default()
    };
    let load = Instant::now();
    let pipeline = match Pipeline::full(&opts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("long_article: {e}");
            std::process::exit(1);
        }
    };
    println!("pipeline loaded in {:.2} s", load.elapsed().as_secs_f64());
    for &layout in &layouts {
        for &n in &sizes {
            let text = layout.article(n);
            let bytes = text.len();
            let t = Instant::now();
            let doc = pipeline.analyze(Article {
                id: format!("long-{n}"),
                text,
                ..Article::default()
            });
            let secs = t.elapsed().as_secs_f64();
            println!(
                "{n} sentences, {}: analysed in {secs:.2} s ({:.1} MB, {} events, {} places, {} times); peak RSS {} MB",
                layout.name(),
                bytes as f64 / 1e6,
                doc.events.len(),
                doc.places.len(),
                doc.times.len(),
                peak_rss_mb().map_or_else(|| "?".to_string(), |m| format!("{m:.0}")),
            );
        }
    }
}
