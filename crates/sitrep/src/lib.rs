//! The sitrep facade: one entry point that runs the pipeline stages in order.
pub use sitrep_doc as doc;
