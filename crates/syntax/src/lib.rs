//! sitrep-syntax: see Cargo.toml description and ARCHITECTURE.md.
