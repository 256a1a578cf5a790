//! Event-coder test helpers: events described for assertion messages.

use sitrep_doc::events::{Event, EventActor};

/// An event side's actor code, `""` when absent or uncoded.
pub fn code_of(a: &Option<EventActor>) -> &str {
    a.as_ref().and_then(|a| a.code.as_deref()).unwrap_or("")
}

/// One line per event (`SRC code PLOVER TGT (verb)`), for assertion messages.
pub fn describe(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {} ({})",
                code_of(&e.source),
                e.code,
                e.plover.as_ref().map_or("-", |p| p.event.as_str()),
                code_of(&e.target),
                e.verb_text
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
