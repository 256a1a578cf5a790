//! The output seam: a [`Sink`] consumes finished documents, one at a time.
//!
//! A run calls [`Sink::begin`] once, [`Sink::doc`] for every analysed document
//! in input order, then [`Sink::finish`] once. Whatever state a format needs
//! across documents (a header, a summary's counts) lives in its sink, never in
//! the caller. Sinks only read a `Doc`; they never analyse.
//!
//! Every format sitrep writes is a sink here: [`EventsJsonl`], [`Gdelt`],
//! [`GdeltMentions`], [`Acled`], [`DocumentsJsonl`], [`Conllu`], [`Text`],
//! [`ActorsJsonl`] and the run [`Summary`]. A format that leaves some events
//! out (GDELT: undated ones; ACLED: those that are no ACLED event) says how
//! many and why in [`Sink::diagnostics`], which the driver prints: nothing is
//! dropped silently. Several sinks fed from one loop (what `sitrep demo` does) are
//! a `Vec<Box<dyn Sink>>`, itself a sink.

use crate::Summary;
use serde::Serialize;
use sitrep_doc::actors::ActorMention;
use sitrep_doc::Doc;
use std::io::{self, Write};

/// Consumes analysed documents.
pub trait Sink {
    /// Called once before the first document (headers go here).
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Called for every document, in input order.
    fn doc(&mut self, doc: &Doc) -> io::Result<()>;
    /// Called once after the last document: flushes what was buffered.
    fn finish(&mut self) -> io::Result<()>;
    /// What the format left out of the documents it was given, one message per
    /// reason (`"GDELT events: 2 undated events left out ..."`); empty when it
    /// wrote everything.
    fn diagnostics(&self) -> Vec<String> {
        Vec::new()
    }
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn begin(&mut self) -> io::Result<()> {
        (**self).begin()
    }
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        (**self).doc(doc)
    }
    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
    fn diagnostics(&self) -> Vec<String> {
        (**self).diagnostics()
    }
}

/// Every sink of the list gets every document, in list order.
impl<S: Sink> Sink for Vec<S> {
    fn begin(&mut self) -> io::Result<()> {
        self.iter_mut().try_for_each(|s| s.begin())
    }
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.iter_mut().try_for_each(|s| s.doc(doc))
    }
    fn finish(&mut self) -> io::Result<()> {
        self.iter_mut().try_for_each(|s| s.finish())
    }
    fn diagnostics(&self) -> Vec<String> {
        self.iter().flat_map(|s| s.diagnostics()).collect()
    }
}

/// Defines a sink over a writer whose per-document step is one function of
/// this crate.
macro_rules! writer_sink {
    ($(#[$m:meta])* $name:ident, $write:path) => {
        $(#[$m])*
        pub struct $name<W: Write> {
            out: W,
        }

        impl<W: Write> $name<W> {
            pub fn new(out: W) -> $name<W> {
                $name { out }
            }

            /// The writer, once the run is finished.
            pub fn into_inner(self) -> W {
                self.out
            }
        }

        impl<W: Write> Sink for $name<W> {
            fn doc(&mut self, doc: &Doc) -> io::Result<()> {
                $write(doc, &mut self.out)
            }
            fn finish(&mut self) -> io::Result<()> {
                self.out.flush()
            }
        }
    };
}

writer_sink!(
    /// One JSON object per event (`docs/schema.md`).
    EventsJsonl,
    crate::write_events_jsonl
);
writer_sink!(
    /// One JSON object per document: every layer (the document schema,
    /// [`crate::document_record`]).
    DocumentsJsonl,
    crate::write_jsonl
);
writer_sink!(
    /// CoNLL-U blocks, one per sentence, byte offsets in MISC.
    Conllu,
    crate::write_conllu
);
writer_sink!(
    /// A readable listing of each document's sentences and tokens.
    Text,
    crate::write_text
);

/// What a GDELT table left out: undated events (no `SQLDATE` to file them under).
fn undated_note(table: &str, undated: usize) -> Vec<String> {
    if undated == 0 {
        return Vec::new();
    }
    vec![format!(
        "{table}: {undated} undated event{} left out (no date in the text, dateline, publish date or --date)",
        if undated == 1 { "" } else { "s" }
    )]
}

/// GDELT 2.0 event-table rows ([`crate::GDELT_EVENT_COLUMNS`]): 61
/// tab-separated columns, no header, the event's stable id as
/// `GLOBALEVENTID`. Undated events are counted, not written.
pub struct Gdelt<W: Write> {
    out: W,
    undated: usize,
}

impl<W: Write> Gdelt<W> {
    pub fn new(out: W) -> Gdelt<W> {
        Gdelt { out, undated: 0 }
    }

    /// The writer, once the run is finished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for Gdelt<W> {
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.undated += crate::gdelt::write_events(doc, &mut self.out)?.undated;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn diagnostics(&self) -> Vec<String> {
        undated_note("GDELT events", self.undated)
    }
}

/// GDELT 2.0 mentions-table rows ([`crate::GDELT_MENTION_COLUMNS`]): one per
/// dated event, no header.
pub struct GdeltMentions<W: Write> {
    out: W,
    undated: usize,
}

impl<W: Write> GdeltMentions<W> {
    pub fn new(out: W) -> GdeltMentions<W> {
        GdeltMentions { out, undated: 0 }
    }

    /// The writer, once the run is finished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for GdeltMentions<W> {
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.undated += crate::gdelt::write_mentions(doc, &mut self.out)?.undated;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn diagnostics(&self) -> Vec<String> {
        undated_note("GDELT mentions", self.undated)
    }
}

/// ACLED CSV: the header ([`crate::ACLED_COLUMNS`], then
/// [`crate::SITREP_ACLED_COLUMNS`]) in `begin`, then one row per ACLED event.
/// The events it leaves out are counted by reason.
pub struct Acled<W: Write> {
    out: W,
    omitted: crate::acled::Omitted,
}

impl<W: Write> Acled<W> {
    pub fn new(out: W) -> Acled<W> {
        Acled {
            out,
            omitted: Default::default(),
        }
    }

    /// The writer, once the run is finished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for Acled<W> {
    fn begin(&mut self) -> io::Result<()> {
        crate::write_acled_header(&mut self.out)
    }
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.omitted += crate::acled::write_events(doc, &mut self.out)?;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn diagnostics(&self) -> Vec<String> {
        let o = self.omitted;
        let mut out = Vec::new();
        if o.not_acled > 0 {
            out.push(format!(
                "ACLED: {} events left out as no ACLED event type (not violence, a demonstration or a listed strategic development)",
                o.not_acled
            ));
        }
        if o.unasserted > 0 {
            out.push(format!(
                "ACLED: {} negated or unasserted (future, hypothetical, intended) events left out",
                o.unasserted
            ));
        }
        out.extend(undated_note("ACLED", o.undated));
        if o.merged > 0 {
            out.push(format!(
                "ACLED: {} further mentions of events already written merged into their rows",
                o.merged
            ));
        }
        out
    }
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    schema_version: &'static str,
    doc: &'a str,
    #[serde(flatten)]
    actor: &'a ActorMention,
}

/// One JSON object per actor mention of `doc`, tagged with its document id.
pub fn write_actors_jsonl<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    for actor in &doc.actors {
        let rec = ActorRecord {
            schema_version: crate::SCHEMA_VERSION,
            doc: &doc.id,
            actor,
        };
        serde_json::to_writer(&mut w, &rec)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

writer_sink!(
    /// One JSON object per actor mention, tagged with its document id.
    ActorsJsonl,
    write_actors_jsonl
);

/// The run summary counts every document it is given; print it when done.
impl Sink for Summary {
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.add(doc);
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::actors::ActorMention;
    use sitrep_doc::Span;

    fn doc_with_actor(id: &str) -> Doc {
        let mut d = Doc::from_text("Russia spoke.");
        d.id = id.into();
        d.actors.push(ActorMention {
            span: Span::new(0, 6),
            text: "Russia".into(),
            code: Some("RUS".into()),
            ..ActorMention::default()
        });
        d
    }

    #[test]
    fn a_list_of_sinks_feeds_each_in_order() {
        let mut actors = Vec::new();
        let mut docs = Vec::new();
        {
            let mut sinks: Vec<Box<dyn Sink + '_>> = vec![
                Box::new(ActorsJsonl::new(&mut actors)),
                Box::new(DocumentsJsonl::new(&mut docs)),
            ];
            sinks.begin().unwrap();
            sinks.doc(&doc_with_actor("a")).unwrap();
            sinks.doc(&doc_with_actor("b")).unwrap();
            sinks.finish().unwrap();
        }
        let text = String::from_utf8(actors).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("\"doc\":\"a\"") && lines[0].contains("\"code\":\"RUS\""));
        assert!(lines[1].contains("\"doc\":\"b\""));
        let docs = String::from_utf8(docs).unwrap();
        assert_eq!(docs.lines().count(), 2, "every sink saw both documents");
    }

    #[test]
    fn the_acled_header_is_written_once_by_begin() {
        let mut out = Vec::new();
        let mut sink = Acled::new(&mut out);
        sink.begin().unwrap();
        sink.doc(&doc_with_actor("a")).unwrap();
        sink.doc(&doc_with_actor("b")).unwrap();
        sink.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches("event_id_cnty,").count(), 1);
        assert_eq!(text.lines().count(), 1, "no events, header only");
    }
}
