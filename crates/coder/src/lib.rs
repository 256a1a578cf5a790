//! sitrep-coder: see Cargo.toml description and ARCHITECTURE.md.
