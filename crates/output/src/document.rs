//! The document schema: one JSON object per analysed article holding every
//! layer, and the way back from it to a [`Doc`].
//!
//! [`document_record`] is the one place the schema is defined: `documents.jsonl`
//! ([`write_jsonl`]), and anything later that stores documents, write it. Reading
//! a line back with [`read_document`] gives the same `Doc`, so writing, reading
//! and writing again is byte-identical (the round-trip test holds it).
//!
//! Layout differences from the in-memory `Doc`, all for readers of the file:
//! tokens are nested in their sentences, heads are sentence-relative and
//! 1-based (0 is the root, as in CoNLL-U), every token and sentence carries its
//! text, and the dateline its own. `anchor_date` is written only when it
//! differs from `published`.

use crate::segment::relative_head;
use serde::{Deserialize, Serialize};
use sitrep_doc::actors::ActorMention;
use sitrep_doc::casualties::Casualty;
use sitrep_doc::entities::EntityMention;
use sitrep_doc::events::Event;
use sitrep_doc::persons::PersonMention;
use sitrep_doc::places::PlaceMention;
use sitrep_doc::quotes::Quote;
use sitrep_doc::times::TimeMention;
use sitrep_doc::{Date, Dateline, Deprel, Doc, Origin, Sentence, Span, Token, Upos, Xpos};
use std::borrow::Cow;
use std::io::{self, Write};

/// One token as written: offsets, text (normalised form), tags, lemma and a
/// sentence-relative head.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TokenRecord<'a> {
    /// 1-based position in its sentence.
    pub id: usize,
    pub start: u32,
    pub end: u32,
    pub text: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upos: Option<Upos>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xpos: Option<Xpos>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lemma: Option<Cow<'a, str>>,
    /// 1-based head in the sentence, 0 for the root; absent when unparsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprel: Option<Deprel>,
}

/// One sentence with its text and tokens.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SentenceRecord<'a> {
    pub start: u32,
    pub end: u32,
    pub text: Cow<'a, str>,
    pub tokens: Vec<TokenRecord<'a>>,
}

/// The dateline with its text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DatelineRecord<'a> {
    #[serde(flatten)]
    pub dateline: Cow<'a, Dateline>,
    pub text: Cow<'a, str>,
}

/// One analysed article: the document schema (`docs/schema.md`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    pub id: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The date relative expressions were resolved against, when it is not
    /// `published` (the user's `--date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_date: Option<Date>,
    /// The input record's other fields (JSONL/CSV columns sitrep does not read).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: Cow<'a, serde_json::Map<String, serde_json::Value>>,
    /// Where the article came from: `path` or `path:record`.
    pub origin: String,
    /// The article body exactly as ingested; every offset points into it.
    pub text: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<DatelineRecord<'a>>,
    pub paragraphs: Cow<'a, [Span]>,
    pub sentences: Vec<SentenceRecord<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub entities: Cow<'a, [EntityMention]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub persons: Cow<'a, [PersonMention]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub actors: Cow<'a, [ActorMention]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub events: Cow<'a, [Event]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub places: Cow<'a, [PlaceMention]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub times: Cow<'a, [TimeMention]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub quotes: Cow<'a, [Quote]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub casualties: Cow<'a, [Casualty]>,
}

/// The document schema's view of `doc`, borrowing from it.
pub fn document_record(doc: &Doc) -> DocumentRecord<'_> {
    let sentences = doc
        .sentences
        .iter()
        .map(|s| {
            let first = s.token_start as usize;
            let tokens = doc
                .tokens
                .get(s.tokens())
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let parsed = t.deprel.is_set();
                    TokenRecord {
                        id: i + 1,
                        start: t.span.start,
                        end: t.span.end,
                        text: Cow::Borrowed(t.text(&doc.text)),
                        upos: t.upos.is_set().then_some(t.upos),
                        xpos: t.xpos.is_set().then_some(t.xpos),
                        lemma: t.lemma.as_deref().map(Cow::Borrowed),
                        head: parsed.then(|| relative_head(t, first)),
                        deprel: parsed.then_some(t.deprel),
                    }
                })
                .collect();
            SentenceRecord {
                start: s.span.start,
                end: s.span.end,
                text: Cow::Borrowed(doc.slice(s.span)),
                tokens,
            }
        })
        .collect();
    DocumentRecord {
        id: Cow::Borrowed(&doc.id),
        title: doc.title.as_deref().map(Cow::Borrowed),
        url: doc.url.as_deref().map(Cow::Borrowed),
        source: doc.source.as_deref().map(Cow::Borrowed),
        published: doc.published,
        anchor_date: doc.anchor_date.filter(|a| Some(*a) != doc.published),
        extra: Cow::Borrowed(&doc.extra),
        origin: doc.origin.to_string(),
        text: Cow::Borrowed(&doc.text),
        dateline: doc.dateline.as_ref().map(|d| DatelineRecord {
            dateline: Cow::Borrowed(d),
            text: Cow::Borrowed(doc.slice(d.span)),
        }),
        paragraphs: Cow::Borrowed(&doc.paragraphs),
        sentences,
        entities: Cow::Borrowed(&doc.entities),
        persons: Cow::Borrowed(&doc.persons),
        actors: Cow::Borrowed(&doc.actors),
        events: Cow::Borrowed(&doc.events),
        places: Cow::Borrowed(&doc.places),
        times: Cow::Borrowed(&doc.times),
        quotes: Cow::Borrowed(&doc.quotes),
        casualties: Cow::Borrowed(&doc.casualties),
    }
}

/// One JSON object per article on one line: the document schema
/// ([`document_record`]).
pub fn write_jsonl<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    serde_json::to_writer(&mut w, &document_record(doc))?;
    w.write_all(b"\n")
}

/// A document line that cannot be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a document record: {0}")]
    Json(#[from] serde_json::Error),
    /// The record parses but contradicts itself (a span outside the text, a
    /// head outside its sentence...).
    #[error("document {id:?}: {reason}")]
    Invalid { id: String, reason: String },
}

/// Reads one line of `documents.jsonl` back into the [`Doc`] it was written
/// from.
pub fn read_document(line: &str) -> Result<Doc, ReadError> {
    let record: DocumentRecord<'_> = serde_json::from_str(line)?;
    record.into_doc()
}

impl DocumentRecord<'_> {
    /// The [`Doc`] this record describes, after checking every offset against
    /// the text.
    pub fn into_doc(self) -> Result<Doc, ReadError> {
        let id = self.id.into_owned();
        let invalid = |reason: String| ReadError::Invalid {
            id: id.clone(),
            reason,
        };
        let text = self.text.into_owned();
        let check = |what: &str, span: Span| -> Result<(), ReadError> {
            if span.start > span.end || text.get(span.range()).is_none() {
                return Err(invalid(format!(
                    "{what} {}..{} is not a range of the {}-byte text",
                    span.start,
                    span.end,
                    text.len()
                )));
            }
            Ok(())
        };
        let mut tokens = Vec::new();
        let mut sentences = Vec::with_capacity(self.sentences.len());
        for (n, s) in self.sentences.into_iter().enumerate() {
            let span = Span {
                start: s.start,
                end: s.end,
            };
            check("sentence", span)?;
            let first = tokens.len();
            let count = s.tokens.len();
            for t in s.tokens {
                let span = Span {
                    start: t.start,
                    end: t.end,
                };
                check("token", span)?;
                let head = match (t.deprel, t.head) {
                    (Some(_), Some(0)) | (_, None) => None,
                    (_, Some(h)) if h <= count => Some((first + h - 1) as u32),
                    (_, Some(h)) => {
                        return Err(invalid(format!(
                            "sentence {n}: head {h} outside its {count} tokens"
                        )))
                    }
                };
                let original = span.slice(&text);
                tokens.push(Token {
                    span,
                    norm: (t.text != original).then(|| t.text.as_ref().into()),
                    upos: t.upos.unwrap_or_default(),
                    xpos: t.xpos.unwrap_or_default(),
                    lemma: t.lemma.map(|l| l.as_ref().into()),
                    head,
                    deprel: t.deprel.unwrap_or_default(),
                });
            }
            sentences.push(Sentence {
                span,
                token_start: first as u32,
                token_end: tokens.len() as u32,
            });
        }
        for &p in self.paragraphs.iter() {
            check("paragraph", p)?;
        }
        for e in self.entities.iter() {
            check("entity", e.span)?;
        }
        for p in self.persons.iter() {
            check("person mention", p.span)?;
            check("person name", p.name_span)?;
        }
        Ok(Doc {
            origin: parse_origin(&self.origin),
            title: self.title.map(Cow::into_owned),
            url: self.url.map(Cow::into_owned),
            source: self.source.map(Cow::into_owned),
            published: self.published,
            anchor_date: self.anchor_date.or(self.published),
            extra: self.extra.into_owned(),
            paragraphs: self.paragraphs.into_owned(),
            dateline: self.dateline.map(|d| d.dateline.into_owned()),
            sentences,
            tokens,
            entities: self.entities.into_owned(),
            persons: self.persons.into_owned(),
            actors: self.actors.into_owned(),
            events: self.events.into_owned(),
            places: self.places.into_owned(),
            times: self.times.into_owned(),
            quotes: self.quotes.into_owned(),
            casualties: self.casualties.into_owned(),
            id,
            text,
        })
    }
}

/// `path:record` as [`Origin`] displays it; a path that itself ends in
/// `:digits` is read as having a record number (the one ambiguity of the
/// format).
fn parse_origin(s: &str) -> Origin {
    match s.rsplit_once(':') {
        Some((path, record))
            if !record.is_empty() && record.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Origin {
                path: path.to_string(),
                record: record.parse().ok(),
            }
        }
        _ => Origin {
            path: s.to_string(),
            record: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_sentence() -> Doc {
        let mut d = Doc::from_text("Rebels fled.");
        d.id = "x".into();
        d.tokens.push(Token::new(Span::new(0, 6)));
        d.tokens.push(Token::new(Span::new(7, 11)));
        d.tokens.push(Token::new(Span::new(11, 12)));
        d.sentences.push(Sentence {
            span: Span::new(0, 12),
            token_start: 0,
            token_end: 3,
        });
        d.paragraphs.push(Span::new(0, 12));
        d
    }

    fn line(doc: &Doc) -> String {
        let mut out = Vec::new();
        write_jsonl(doc, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_hand_made_doc_reads_back() {
        let d = one_sentence();
        assert_eq!(read_document(line(&d).trim_end()).unwrap(), d);
    }

    /// The casualty fields that are written only when set (`part_of`,
    /// `scope`, `cause`) read back, and a record without them reads back
    /// without them: write, read, write is byte-identical.
    #[test]
    fn casualty_sub_counts_scope_and_cause_read_back() {
        use sitrep_doc::casualties::{Cause, Count, Scope};
        let mut d = one_sentence();
        let plain = Casualty {
            span: Span::new(0, 11),
            count: Count::exact(12),
            count_span: Span::new(0, 6),
            cue_span: Span::new(7, 11),
            ..Casualty::default()
        };
        let marked = Casualty {
            part_of: Some(0),
            scope: Scope::Cumulative,
            cause: Cause::NonViolent,
            ..plain.clone()
        };
        d.casualties = vec![plain, marked];
        let first = line(&d);
        assert_eq!(
            first.matches("\"scope\":\"cumulative\"").count(),
            1,
            "{first}"
        );
        assert_eq!(first.matches("\"cause\":\"non_violent\"").count(), 1);
        assert_eq!(first.matches("\"part_of\":0").count(), 1);
        let back = read_document(first.trim_end()).unwrap();
        assert_eq!(back, d);
        assert_eq!(line(&back), first);
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        let good = line(&one_sentence());
        for bad in [
            "",
            "{}",
            "[1,2]",
            "\u{0}\u{1}binary",
            &good[..good.len() / 2],
            &good.replace("\"end\":12", "\"end\":99"),
            &good.replace("\"start\":7", "\"start\":12"),
        ] {
            assert!(read_document(bad).is_err(), "{bad:?}");
        }
        let outside = good.replace(
            "\"tokens\":[{\"id\":1",
            "\"tokens\":[{\"head\":9,\"deprel\":\"nsubj\",\"id\":1",
        );
        assert!(matches!(
            read_document(&outside),
            Err(ReadError::Invalid { .. })
        ));
    }
}
