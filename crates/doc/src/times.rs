//! Temporal expressions normalised against the document's anchor date, owned by
//! the temporal resolver (`sitrep-time`).
//!
//! This module is the layer's data model only; the stage that fills it lives in
//! its own crate. Every position is a [`Span`] into [`crate::Doc::text`].
//! [`TimeRef`] is meant to be embedded by other layers (an event's date).

use crate::{Date, Span};
use serde::{Deserialize, Serialize};

/// How exact a date is; the date is the first day of the period.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    #[default]
    Day,
    /// An ISO week; the date is its Monday.
    Week,
    Month,
    Year,
}

impl DatePrecision {
    /// The name used in JSON output and fixture files: `day`, `week`, `month`, `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }

    /// The inverse of [`DatePrecision::as_str`] (surrounding blanks ignored).
    pub fn parse(s: &str) -> Option<DatePrecision> {
        Some(match s.trim() {
            "day" => DatePrecision::Day,
            "week" => DatePrecision::Week,
            "month" => DatePrecision::Month,
            "year" => DatePrecision::Year,
            _ => return None,
        })
    }
}

/// What an expression says about its period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// At (some day of) the period.
    #[default]
    Point,
    /// From the period on (`since 2011`).
    RangeStart,
    /// Up to the period (`until Friday`).
    RangeEnd,
    /// From `date` to `end` inclusive (`the past three days`).
    Range,
}

/// A temporal expression found in the text.
///
/// Invariant: mentions are in text order and do not overlap; `span` lies inside
/// one sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeMention {
    /// The evidence in the original text.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// First day of the period.
    pub date: Option<Date>,
    /// Last day, for [`TimeKind::Range`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub precision: DatePrecision,
    pub kind: TimeKind,
    /// The ISO 8601 value: `2016-12-12`, `2016-W49`, `2016-12`, `2016`, ranges `A/B`.
    pub value: String,
}

/// Where a clause's date came from, from most to least direct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// A time expression attached to the verb or its clause.
    #[default]
    Clause,
    /// A time expression elsewhere in the same sentence.
    Sentence,
    /// The dateline's date.
    Dateline,
    /// The publication (or `--date`) anchor: the event happened on or before it.
    Anchor,
}

/// The date assigned to a clause's action.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeRef {
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub precision: DatePrecision,
    pub kind: TimeKind,
    /// The ISO 8601 value (see [`TimeMention::value`]).
    pub value: String,
    pub source: TimeSource,
    /// The expression's span; `None` when the date comes from the anchor date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}
