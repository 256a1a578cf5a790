use sitrep_doc::{Doc, Token};
use std::io::{self, Write};

/// Sentence-relative, 1-based head of token `t` (document index) in a sentence
/// starting at document token `first`; 0 for the root or an unparsed token.
pub(crate) fn relative_head(tok: &Token, first: usize) -> usize {
    tok.head
        .map_or(0, |h| (h as usize).saturating_sub(first) + 1)
}

/// A readable listing: header, dateline, then each sentence with its span and a
/// token table.
pub fn write_text<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    writeln!(w, "# article {} ({})", doc.id, doc.origin)?;
    if let Some(title) = &doc.title {
        writeln!(w, "title: {title}")?;
    }
    if let Some(d) = doc.published {
        writeln!(w, "published: {d}")?;
    }
    if let Some(dl) = &doc.dateline {
        write!(
            w,
            "dateline [{}..{}] {:?}:",
            dl.span.start,
            dl.span.end,
            doc.slice(dl.span)
        )?;
        if let Some(p) = &dl.place {
            write!(w, " place={p}")?;
        }
        if let Some(d) = dl.date {
            write!(w, " date={d}")?;
        }
        if let Some(a) = &dl.agency {
            write!(w, " agency={a}")?;
        }
        writeln!(w)?;
    }
    writeln!(
        w,
        "paragraphs: {}, sentences: {}, tokens: {}",
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.tokens.len()
    )?;
    for (n, s) in doc.sentences.iter().enumerate() {
        writeln!(w)?;
        writeln!(
            w,
            "sentence {} [{}..{}]: {}",
            n + 1,
            s.span.start,
            s.span.end,
            doc.slice(s.span).replace('\n', " ")
        )?;
        let first = s.token_start as usize;
        for (i, t) in doc.tokens.get(s.tokens()).unwrap_or(&[]).iter().enumerate() {
            write!(
                w,
                "  {:>3} {:>6}..{:<6} {:<16}",
                i + 1,
                t.span.start,
                t.span.end,
                t.text(&doc.text)
            )?;
            if t.upos.is_set() {
                write!(
                    w,
                    " {:<6} {:<5} {:<14}",
                    t.upos,
                    t.xpos,
                    t.lemma.as_deref().unwrap_or("_")
                )?;
            }
            if t.deprel.is_set() {
                write!(w, " {:>3} {}", relative_head(t, first), t.deprel)?;
            }
            writeln!(w)?;
        }
    }
    writeln!(w)
}

/// CoNLL-U, one block per sentence. `# doc_id`, `# sent_id` and `# text` comments;
/// MISC carries `Offset=start-end` (bytes into the article text) and
/// `SpaceAfter=No` where no whitespace follows the token in the original.
pub fn write_conllu<W: Write>(doc: &Doc, mut w: W) -> io::Result<()> {
    writeln!(w, "# newdoc id = {}", doc.id)?;
    for (n, s) in doc.sentences.iter().enumerate() {
        writeln!(w, "# sent_id = {}-{}", doc.id, n + 1)?;
        writeln!(
            w,
            "# text = {}",
            doc.slice(s.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )?;
        let first = s.token_start as usize;
        let toks = doc.tokens.get(s.tokens()).unwrap_or(&[]);
        for (i, t) in toks.iter().enumerate() {
            let field = |v: &str| {
                if v.is_empty() || v == "_" {
                    "_".to_string()
                } else {
                    v.replace(['\t', '\n'], " ")
                }
            };
            let next_start = toks.get(i + 1).map_or(s.span.end, |n| n.span.start);
            let space_after = doc
                .text
                .get(t.span.end as usize..next_start as usize)
                .is_some_and(|g| !g.is_empty());
            let mut misc = format!("Offset={}-{}", t.span.start, t.span.end);
            if !space_after && i + 1 < toks.len() {
                misc.push_str("|SpaceAfter=No");
            }
            let (head, deprel) = if t.deprel.is_set() {
                (relative_head(t, first).to_string(), t.deprel.as_str())
            } else {
                ("_".to_string(), "_")
            };
            writeln!(
                w,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                field(t.text(&doc.text)),
                field(t.lemma.as_deref().unwrap_or("_")),
                t.upos,
                t.xpos,
                head,
                deprel,
                misc
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write_jsonl;
    use sitrep_doc::{Deprel, Sentence, Span, Upos};

    fn parsed_doc() -> Doc {
        let mut d = Doc::from_text("Lavrov said.");
        d.id = "seed".into();
        for (a, b) in [(0, 6), (7, 11), (11, 12)] {
            d.tokens.push(Token::new(Span::new(a, b)));
        }
        d.tokens[0].upos = Upos::PROPN;
        d.tokens[0].head = Some(1);
        d.tokens[0].deprel = Deprel::from_name("nsubj").unwrap_or_default();
        d.tokens[1].upos = Upos::VERB;
        d.tokens[1].lemma = Some("say".into());
        d.tokens[1].deprel = Deprel::from_name("root").unwrap_or_default();
        d.tokens[2].head = Some(1);
        d.tokens[2].deprel = Deprel::from_name("punct").unwrap_or_default();
        d.sentences.push(Sentence {
            span: Span::new(0, 12),
            token_start: 0,
            token_end: 3,
        });
        d
    }

    #[test]
    fn jsonl_has_relative_heads_and_offsets() {
        let mut out = Vec::new();
        write_jsonl(&parsed_doc(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let toks = &v["sentences"][0]["tokens"];
        assert_eq!(toks[0]["text"], "Lavrov");
        assert_eq!(toks[0]["head"], 2);
        assert_eq!(toks[0]["deprel"], "nsubj");
        assert_eq!(toks[1]["head"], 0);
        assert_eq!(toks[1]["lemma"], "say");
        assert_eq!(toks[2]["start"], 11);
        assert!(out.ends_with(b"\n") && out.iter().filter(|&&b| b == b'\n').count() == 1);
    }

    #[test]
    fn conllu_round_trips_through_the_reader() {
        let mut out = Vec::new();
        write_conllu(&parsed_doc(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let sents = sitrep_doc::conllu::parse(&text).unwrap();
        assert_eq!(sents.len(), 1);
        let w = &sents[0].words;
        assert_eq!(
            (w[0].form.as_str(), w[0].head, w[0].deprel.as_str()),
            ("Lavrov", 2, "nsubj")
        );
        assert!(w[1].no_space_after(), "no space between 'said' and '.'");
        assert!(w[0].misc.contains("Offset=0-6"));
    }

    #[test]
    fn text_lists_sentences() {
        let mut out = Vec::new();
        write_text(&parsed_doc(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("sentence 1 [0..12]: Lavrov said."));
        assert!(text.contains("nsubj"));
    }
}
