//! sitrep-text: see Cargo.toml description and ARCHITECTURE.md.
