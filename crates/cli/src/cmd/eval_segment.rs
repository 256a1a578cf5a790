//! `sitrep eval segment --treebank FILE...`: sentence-boundary precision, recall
//! and F1 (plus token agreement) against CoNLL-U treebanks.
//!
//! Each document's running text is rebuilt from the treebank (see
//! `sitrep_eval::segment`), segmented, and scored on the byte offsets where
//! sentences end. The last line of output is always `sentence F1: 0.xxx`, for
//! scripts.
use anyhow::{Context, Result};
use sitrep_eval::segment::{read_treebank, score_doc, Layout, Score};
use sitrep_eval::Counts;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files whose sentences are re-joined and re-split.
    #[arg(long, num_args = 1.., required = true)]
    pub treebank: Vec<PathBuf>,
    /// Print counts for every file.
    #[arg(long)]
    pub verbose: bool,
    /// Join all sentences of a file with spaces, ignoring `# newpar`/`# newdoc`
    /// (for treebanks without paragraph marks, such as PUD).
    #[arg(long)]
    pub no_paragraphs: bool,
}

pub fn run(args: Args) -> Result<()> {
    let layout = if args.no_paragraphs {
        Layout::Spaces
    } else {
        Layout::Paragraphs
    };
    let mut total = Score::default();
    let mut docs = 0usize;
    for path in &args.treebank {
        let input =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path.display().to_string();
        let mut file = Score::default();
        for gold in read_treebank(&name, &input, layout) {
            file.add(score_doc(&gold));
            docs += 1;
        }
        if args.verbose {
            println!("{name}: {}", line(file.sentences));
        }
        total.add(file);
    }
    println!("files: {}  documents: {docs}", args.treebank.len());
    println!("sentences: {}", line(total.sentences));
    println!("tokens:    {}", line(total.tokens));
    println!("token F1: {:.3}", total.tokens.f1());
    println!("sentence F1: {:.3}", total.sentences.f1());
    Ok(())
}

fn line(c: Counts) -> String {
    format!(
        "gold {} predicted {} correct {}  P {:.4} R {:.4} F1 {:.4}",
        c.gold(),
        c.predicted(),
        c.true_pos,
        c.precision(),
        c.recall(),
        c.f1()
    )
}
