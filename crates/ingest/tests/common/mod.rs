//! Helpers shared by the integration tests (included with `mod common`).
#![allow(dead_code)]

use sitrep_doc::Article;
use sitrep_ingest::{read_paths, Event, ReadOptions, Skip, Tally, Warning};
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh directory under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sitrep-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// All events of a read, split by kind, plus the tally.
#[derive(Debug, Default)]
pub struct Run {
    pub articles: Vec<Article>,
    pub skips: Vec<Skip>,
    pub warnings: Vec<Warning>,
    pub tally: Tally,
    /// Every event rendered, in order (`A id`, `S origin: reason`, `W ...`).
    pub log: Vec<String>,
}

pub fn collect(events: impl Iterator<Item = Event>) -> Run {
    let mut run = Run::default();
    for e in events {
        run.tally.add(&e);
        match e {
            Event::Article(a) => {
                run.log.push(format!("A {}", a.id));
                run.articles.push(a);
            }
            Event::Skipped(s) => {
                run.log.push(format!("S {s}"));
                run.skips.push(s);
            }
            Event::Warning(w) => {
                run.log.push(format!("W {w}"));
                run.warnings.push(w);
            }
        }
    }
    run
}

pub fn read(paths: &[PathBuf], opts: &ReadOptions) -> Run {
    collect(read_paths(paths, opts))
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

pub fn zstd(bytes: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(bytes, ruzstd::encoding::CompressionLevel::Fastest)
}
