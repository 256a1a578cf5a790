//! A tolerant reader for Gritta et al.'s geoparsing corpora (LGL, GeoWebNews).
//!
//! Both are XML: `<article>` elements with a `<text>` (plain or CDATA) and
//! `<toponym>` elements holding `<start>`/`<end>` *character* offsets into the
//! text, the phrase (`<phrase>` in LGL, `<extractedName>` in GeoWebNews), and,
//! when resolved, coordinates (`<lat>`/`<lon>` or `<latitude>`/`<longitude>`)
//! and a GeoNames id (`<gaztag geonameid="…">` or `<geonamesID>`). GeoWebNews
//! also types each toponym (`<type>Literal</type>`, `Demonym`, ...).
//!
//! The reader scans for tags rather than validating XML: malformed articles
//! or toponyms are skipped and counted, never fatal. Offsets are converted to
//! byte offsets; a toponym whose offsets do not fit its text is skipped.

/// One gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldToponym {
    /// Byte offsets into [`GoldArticle::text`].
    pub start: usize,
    pub end: usize,
    pub phrase: String,
    pub geonameid: Option<u32>,
    /// `(lat, lon)` when the annotators resolved it.
    pub coords: Option<(f64, f64)>,
    /// GeoWebNews' type (`Literal`, `Metonymic`, ...); empty for LGL.
    pub kind: String,
    /// GeoWebNews' modifier type (`Adjective`, `Noun`) of modifier toponyms;
    /// empty otherwise. Adjectives are demonyms (`Chinese`), which sitrep keeps
    /// as evidence rather than as mentions.
    pub modifier: String,
}

/// One article with its gold toponyms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// The articles of a corpus plus what could not be read.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<GoldArticle>,
    pub skipped_articles: usize,
    pub skipped_toponyms: usize,
}

/// Reads a corpus from its XML text.
pub fn parse(xml: &str) -> Corpus {
    let mut corpus = Corpus::default();
    let mut rest = xml;
    let mut n = 0usize;
    while let Some(open) = find_open(rest, "article") {
        let after = &rest[open..];
        let Some(close) = after.find("</article>") else {
            corpus.skipped_articles += 1;
            break;
        };
        let body = &after[..close];
        rest = &after[close + "</article>".len()..];
        n += 1;
        let id = attr(body, "docid")
            .or_else(|| attr(body, "file"))
            .map_or_else(|| n.to_string(), str::to_string);
        let Some(raw) = element(body, "text") else {
            corpus.skipped_articles += 1;
            continue;
        };
        let text = decode(raw);
        // Character offset → byte offset (the corpora count characters).
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let mut toponyms = Vec::new();
        let mut trest = body;
        while let Some(o) = find_open(trest, "toponym") {
            let t_after = &trest[o..];
            let Some(c) = t_after.find("</toponym>") else {
                break;
            };
            let t = &t_after[..c];
            trest = &t_after[c + "</toponym>".len()..];
            match toponym(t, &byte_at) {
                Some(g) => toponyms.push(g),
                None => corpus.skipped_toponyms += 1,
            }
        }
        corpus.articles.push(GoldArticle { id, text, toponyms });
    }
    corpus
}

fn toponym(t: &str, byte_at: &[usize]) -> Option<GoldToponym> {
    let num = |name: &str| -> Option<usize> { element(t, name)?.trim().parse().ok() };
    let (s, e) = (num("start")?, num("end")?);
    if s >= e {
        return None;
    }
    let (start, end) = (*byte_at.get(s)?, *byte_at.get(e)?);
    let phrase = element(t, "phrase")
        .or_else(|| element(t, "extractedName"))
        .map(decode)
        .unwrap_or_default();
    let float = |a: &str, b: &str| -> Option<f64> {
        element(t, a).or_else(|| element(t, b))?.trim().parse().ok()
    };
    let coords = match (float("lat", "latitude"), float("lon", "longitude")) {
        (Some(la), Some(lo)) if la.abs() <= 90.0 && lo.abs() <= 180.0 => Some((la, lo)),
        _ => None,
    };
    let geonameid = attr(t, "geonameid")
        .or_else(|| element(t, "geonamesID"))
        .and_then(|v| v.trim().parse().ok());
    let kind = element(t, "type").map(decode).unwrap_or_default();
    let modifier = element(t, "modifierType").map(decode).unwrap_or_default();
    Some(GoldToponym {
        start,
        end,
        phrase,
        geonameid,
        coords,
        kind,
        modifier,
    })
}

/// Offset of the next `<name` start tag (followed by `>`, `/` or whitespace).
fn find_open(s: &str, name: &str) -> Option<usize> {
    let pat = format!("<{name}");
    let mut from = 0;
    while let Some(i) = s.get(from..)?.find(&pat) {
        let at = from + i;
        match s.as_bytes().get(at + pat.len()) {
            Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') => return Some(at),
            _ => from = at + pat.len(),
        }
    }
    None
}

/// The raw content of the first `<name ...>…</name>` in `s` (`""` for `<name/>`).
fn element<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let o = find_open(s, name)?;
    let after = s.get(o..)?;
    let gt = after.find('>')?;
    if after.get(..gt)?.ends_with('/') {
        return Some("");
    }
    let content = after.get(gt + 1..)?;
    let close = content.find(&format!("</{name}>"))?;
    content.get(..close)
}

/// The value of attribute `name` in the first start tag that has it.
fn attr<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!(" {name}=\"");
    let i = s.find(&pat)? + pat.len();
    let rest = s.get(i..)?;
    rest.get(..rest.find('"')?)
}

/// Unwraps CDATA and decodes the five XML entities and numeric references.
pub fn decode(raw: &str) -> String {
    let raw = raw.trim_start_matches(['\n', '\r']);
    if let Some(inner) = raw
        .trim()
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
    {
        return inner.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let ent = end.and_then(|e| tail.get(1..e));
        let ch = match ent {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("apos") => Some('\''),
            Some(e) if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (ch, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_dialects() {
        let xml = r#"<articles><article docid="7"><text><![CDATA[Élan in Paris, Texas.]]></text>
<toponyms><toponym><start>8</start><end>13</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
<toponym><start>99</start><end>100</end><phrase>bad</phrase></toponym></toponyms></article>
<article file="1"><text>A &amp; B in Rome</text><toponyms><toponym><extractedName>Rome</extractedName>
<type>Literal</type><start>9</start><end>13</end><geonamesID/><latitude>41.9</latitude>
<longitude>12.5</longitude></toponym></toponyms></article><article><text>broken"#;
        let c = parse(xml);
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.skipped_toponyms, 1);
        assert_eq!(c.skipped_articles, 1);
        let a = &c.articles[0];
        assert_eq!(a.id, "7");
        let t = &a.toponyms[0];
        // Character offsets 8..13 are bytes 9..14 after the two-byte `É`.
        assert_eq!(&a.text[t.start..t.end], "Paris");
        assert_eq!(t.geonameid, Some(4717560));
        assert_eq!(t.coords, Some((33.66, -95.55)));
        let b = &c.articles[1];
        assert_eq!(b.text, "A & B in Rome");
        assert_eq!(&b.text[b.toponyms[0].start..b.toponyms[0].end], "Rome");
        assert_eq!(b.toponyms[0].kind, "Literal");
        assert_eq!(b.toponyms[0].geonameid, None);
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in [
            "<article",
            "<article><text>&#xZZ;&",
            "<article><text>x</text><toponym><start>0</start><end>9</end></toponym></article>",
        ] {
            let _ = parse(s);
        }
        assert_eq!(decode("a &#233; &bogus; &"), "a é &bogus; &");
    }
}
