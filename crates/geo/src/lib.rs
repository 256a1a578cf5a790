//! sitrep-geo: see Cargo.toml description and ARCHITECTURE.md.
