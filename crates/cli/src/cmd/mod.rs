//! One module per subcommand.
pub mod eval;
pub mod eval_segment;
pub mod eval_syntax;
pub mod segment;
pub mod train;
