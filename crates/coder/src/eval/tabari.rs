//! TABARI validation files (see `run`).
