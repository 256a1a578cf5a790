//! Peer test suites: PETRARCH unit-test records, TABARI validation files and
//! the PLOVER gold-standard records, scored from raw text.
