//! One module per subcommand.
pub mod code;
pub mod demo;
pub mod dict;
pub mod dicts;
pub mod eval;
pub mod eval_code;
pub mod eval_geo;
pub mod eval_segment;
pub mod eval_syntax;
pub mod eval_time;
pub mod gazetteer;
pub mod input;
pub mod outcome;
pub mod segment;
pub mod train;
pub mod vendored;
