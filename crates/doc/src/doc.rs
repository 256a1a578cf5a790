use crate::entities::EntityMention;
use crate::persons::PersonMention;
use crate::{
    actors::ActorMention, casualties::Casualty, events::Event, places::PlaceMention, quotes::Quote,
    times::TimeMention, Article, Date, Deprel, Origin, Span, Upos, Xpos,
};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One token: a span of the original text plus the annotations later stages add.
///
/// Invariants: `span` is non-empty and lies inside its sentence's span; tokens are
/// stored in text order and never overlap. `head`, when set, is the index of another
/// token of the **same sentence** in [`Doc::tokens`] (document-wide index).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Token {
    pub span: Span,
    /// The normalised form when it differs from the original bytes: straight quotes
    /// for curly ones, `n't` for `n’t`, soft hyphens and zero-width characters removed.
    /// `None` means the token reads exactly as `text[span]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<Box<str>>,
    #[serde(skip_serializing_if = "is_unset_upos")]
    pub upos: Upos,
    #[serde(skip_serializing_if = "is_unset_xpos")]
    pub xpos: Xpos,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lemma: Option<Box<str>>,
    /// Document-wide index of the syntactic head; `None` for the root or when unparsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<u32>,
    #[serde(skip_serializing_if = "is_unset_deprel")]
    pub deprel: Deprel,
}

fn is_unset_upos(t: &Upos) -> bool {
    !t.is_set()
}
fn is_unset_xpos(t: &Xpos) -> bool {
    !t.is_set()
}
fn is_unset_deprel(t: &Deprel) -> bool {
    !t.is_set()
}

impl Token {
    pub fn new(span: Span) -> Token {
        Token {
            span,
            ..Token::default()
        }
    }

    /// The token's normalised text: [`Token::norm`] if set, else the original bytes.
    pub fn text<'a>(&'a self, doc_text: &'a str) -> &'a str {
        match &self.norm {
            Some(n) => n,
            None => self.span.slice(doc_text),
        }
    }
}

/// A sentence: its span and the range of its tokens in [`Doc::tokens`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sentence {
    pub span: Span,
    pub token_start: u32,
    pub token_end: u32,
}

impl Sentence {
    pub fn tokens(&self) -> Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// A wire-service dateline such as `BELGRADE, December 12. /TASS/.`.
///
/// The dateline's bytes are excluded from every sentence; its parts are kept here
/// with their own spans so place, date and agency remain citable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dateline {
    /// The whole dateline, including trailing punctuation and dash.
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place_span: Option<Span>,
    /// The date, with the year resolved from the article's publish date (or the
    /// user's `--date`) when the dateline omits it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_span: Option<Span>,
}

/// An article under analysis: its metadata, its original text, and the annotation
/// layers filled by the pipeline's stages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Doc {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The date analysis anchors relative expressions to when the text gives none:
    /// the publish date, or the user's `--date` override.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_date: Option<Date>,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub origin: Origin,
    /// The original body text, byte for byte as ingested. Never modified.
    pub text: String,
    /// Paragraph spans (blank-line separated blocks), in order, non-overlapping.
    pub paragraphs: Vec<Span>,
    /// The first wire dateline found, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Sentences in text order; their token ranges partition [`Doc::tokens`].
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Named-entity mentions (entity recognizer), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityMention>,
    /// Person mentions (person finder), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<PersonMention>,
    /// Actor mentions (event coder), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorMention>,
    /// Coded events (event coder), in text order of their verbs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Toponym mentions (geoparser), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceMention>,
    /// Temporal expressions (temporal resolver), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeMention>,
    /// Direct quotes and reported speech (attribution), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Casualty counts (attribution), in text order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub casualties: Vec<Casualty>,
}

impl Doc {
    /// Starts analysis of an article; `anchor_date` defaults to its publish date.
    pub fn from_article(a: Article) -> Doc {
        Doc {
            id: a.id,
            title: a.title,
            url: a.url,
            source: a.source,
            published: a.published,
            anchor_date: a.published,
            extra: a.extra,
            origin: a.origin,
            text: a.text,
            ..Doc::default()
        }
    }

    /// A document over bare text (tests, examples, the library API).
    pub fn from_text(text: impl Into<String>) -> Doc {
        Doc {
            text: text.into(),
            ..Doc::default()
        }
    }

    /// The original text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The normalised text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(&self.text))
    }

    /// The tokens of sentence `s` (empty if out of range).
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        self.sentences
            .get(s)
            .and_then(|s| self.tokens.get(s.tokens()))
            .unwrap_or(&[])
    }

    /// Index of the sentence containing token `t`, by binary search.
    pub fn sentence_of_token(&self, t: usize) -> Option<usize> {
        let t = u32::try_from(t).ok()?;
        let i = self.sentences.partition_point(|s| s.token_end <= t);
        self.sentences
            .get(i)
            .filter(|s| s.token_start <= t && t < s.token_end)
            .map(|_| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_sentences() -> Doc {
        let mut d = Doc::from_text("He said. “Go”");
        for (a, b) in [(0, 2), (3, 7), (7, 8), (9, 12), (12, 14), (14, 17)] {
            d.tokens.push(Token::new(Span::new(a, b)));
        }
        d.tokens[3].norm = Some("\"".into());
        d.tokens[5].norm = Some("\"".into());
        d.sentences.push(Sentence {
            span: Span::new(0, 8),
            token_start: 0,
            token_end: 3,
        });
        d.sentences.push(Sentence {
            span: Span::new(9, 17),
            token_start: 3,
            token_end: 6,
        });
        d
    }

    #[test]
    fn token_text_prefers_norm_but_span_cites_original() {
        let d = two_sentences();
        assert_eq!(d.token_text(3), "\"");
        assert_eq!(d.slice(d.tokens[3].span), "“");
        assert_eq!(d.token_text(4), "Go");
        assert_eq!(d.token_text(99), "");
    }

    #[test]
    fn sentence_lookup() {
        let d = two_sentences();
        assert_eq!(d.sentence_tokens(1).len(), 3);
        assert_eq!(d.sentence_of_token(2), Some(0));
        assert_eq!(d.sentence_of_token(3), Some(1));
        assert_eq!(d.sentence_of_token(6), None);
    }

    #[test]
    fn from_article_keeps_metadata() {
        let a = Article {
            id: "x".into(),
            text: "Body.".into(),
            published: Date::new(2016, 12, 12),
            ..Article::default()
        };
        let d = Doc::from_article(a);
        assert_eq!(d.text, "Body.");
        assert_eq!(d.anchor_date, Date::new(2016, 12, 12));
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains("\"published\":\"2016-12-12\""));
    }
}
