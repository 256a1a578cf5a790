//! The output seam: a [`Sink`] consumes finished documents, one at a time.
//!
//! A run calls [`Sink::begin`] once, [`Sink::doc`] for every analysed document
//! in input order, then [`Sink::finish`] once. Whatever state a format needs
//! across documents (a header, a summary's counts) lives in its sink, never in
//! the caller. Sinks only read a `Doc`; they never analyse.
//!
//! Every format sitrep writes is a sink here: [`EventsJsonl`], [`Gdelt`],
//! [`Acled`], [`DocumentsJsonl`], [`Conllu`], [`Text`], [`ActorsJsonl`] and the
//! run [`Summary`]. Several sinks fed from one loop (what `sitrep demo` does) are
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
    /// GDELT 2.0 event-table rows: 61 tab-separated columns, no header, the
    /// event's stable id as `GLOBALEVENTID`.
    Gdelt,
    crate::write_events_gdelt
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

/// ACLED-like CSV: the header ([`crate::ACLED_COLUMNS`]) in `begin`, then one
/// row per event.
pub struct Acled<W: Write> {
    out: W,
}

impl<W: Write> Acled<W> {
    pub fn new(out: W) -> Acled<W> {
        Acled { out }
    }
}

impl<W: Write> Sink for Acled<W> {
    fn begin(&mut self) -> io::Result<()> {
        crate::write_acled_header(&mut self.out)
    }
    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        crate::write_events_acled(doc, &mut self.out)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
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
        assert_eq!(text.matches("event_id,").count(), 1);
        assert_eq!(text.lines().count(), 1, "no events, header only");
    }
}
