//! PLOVER gold-standard records.
