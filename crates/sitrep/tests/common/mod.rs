//! Helpers shared by the facade's integration tests, one module per stage
//! under test.
// Each test binary compiles this whole module but uses only some helpers.
#![allow(dead_code)]

pub mod attrib;
pub mod coder;
