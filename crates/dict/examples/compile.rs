//! Compiles dictionary files into the compact binary form.
//!
//! `cargo run -p sitrep-dict --example compile -- OUT FILE_OR_DIR...`
//! (the same as `sitrep dict compile`, usable before the CLI links this crate).

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let Some((out, inputs)) = args.split_first() else {
        return Err("usage: compile OUT FILE_OR_DIR...".into());
    };
    let mut files: Vec<(PathBuf, Option<sitrep_dict::Kind>)> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            files.extend(
                sitrep_dict::scan_dir(input)?
                    .into_iter()
                    .map(|(p, k)| (p, Some(k))),
            );
        } else {
            files.push((input.clone(), None));
        }
    }
    let t = std::time::Instant::now();
    let dicts =
        sitrep_dict::Dictionaries::load_files(files.iter().map(|(p, k)| (p.as_path(), *k)))?;
    let parse = t.elapsed();
    for w in dicts.warnings() {
        eprintln!("warning: {w}");
    }
    let bytes = dicts.to_compiled();
    std::fs::write(out, &bytes)?;
    eprintln!(
        "{}\n{} warnings; parsed in {:.0} ms; wrote {} ({} bytes)",
        dicts.set().stats(),
        dicts.warnings().len(),
        parse.as_secs_f64() * 1e3,
        Path::new(out).display(),
        bytes.len()
    );
    Ok(())
}
