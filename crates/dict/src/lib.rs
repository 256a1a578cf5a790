//! sitrep-dict: see Cargo.toml description and ARCHITECTURE.md.
