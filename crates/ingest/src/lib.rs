//! sitrep-ingest: see Cargo.toml description and ARCHITECTURE.md.
