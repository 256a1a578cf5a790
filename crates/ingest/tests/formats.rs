//! Each format on good and bad input.

mod common;

use common::{collect, fixture, read, TempDir};
use sitrep_doc::Date;
use sitrep_ingest::{read_reader, Format, ReadOptions, SkipReason, WarningKind};

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

#[test]
fn seed_example_reads_as_one_article() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/aleppo-2016-12-12.txt");
    let run = read(&[path], &ReadOptions::default());
    assert_eq!(run.log, ["A aleppo-2016-12-12"]);
    let a = &run.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Lavrov: US Proposal To Declare Pause In Aleppo Lead Up Blind Alley- Aleppo Recovery 100%?")
    );
    assert!(
        a.text.starts_with("Lavrov :US proposals"),
        "{:?}",
        &a.text[..40]
    );
    assert!(a.origin.path.ends_with("aleppo-2016-12-12.txt"));
    // The file states no date inside; its name does.
    assert_eq!(a.published, Date::new(2016, 12, 12));
    assert_eq!(a.extra["published_from"], "file name");
    assert_eq!(run.tally.to_string(), "read 1, skipped 0");
}

#[test]
fn empty_binary_and_invalid_utf8_text() {
    let run = read(
        &[
            fixture("empty.txt"),
            fixture("binary.txt"),
            fixture("invalid_utf8.txt"),
        ],
        &ReadOptions::default(),
    );
    assert_eq!(run.skips.len(), 2, "{:?}", run.log);
    assert_eq!(run.skips[0].reason, SkipReason::Empty);
    assert!(run.skips[0].to_string().ends_with("empty.txt: empty"));
    assert_eq!(run.skips[1].reason, SkipReason::Binary { offset: 7 });
    assert!(run.skips[1]
        .to_string()
        .contains("binary file (NUL byte at offset 7)"));
    // The bad byte is at offset 33 of the file: a warning, then the article.
    assert_eq!(run.warnings.len(), 1);
    assert_eq!(
        run.warnings[0].kind,
        WarningKind::InvalidUtf8 { offset: 33 }
    );
    let w = run.warnings[0].to_string();
    assert!(
        w.contains("invalid_utf8.txt") && w.contains("byte offset 33"),
        "{w}"
    );
    assert_eq!(run.articles[0].title.as_deref(), Some("Title line"));
    assert_eq!(run.articles[0].text, "Body with a bad byte \u{FFFD} here.");
    assert_eq!(
        run.tally.to_string(),
        "read 1, skipped 2 (1 binary file, 1 empty), 1 warning (1 invalid UTF-8)"
    );
}

#[test]
fn jsonl_bad_lines_are_skipped_and_the_rest_read() {
    let run = read(&[fixture("mixed.jsonl")], &ReadOptions::default());
    assert_eq!(
        run.log,
        [
            "A a1",
            &format!(
                "S {}:2: invalid JSON: EOF while parsing an object at line 1 column 43",
                fixture("mixed.jsonl").display()
            ),
            &format!(
                "S {}:4: no text: field \"text\" is missing (fields: body, title)",
                fixture("mixed.jsonl").display()
            ),
            "A mixed:5",
            &format!(
                "S {}:6: not a JSON object",
                fixture("mixed.jsonl").display()
            ),
            "A 42",
        ]
    );
    let [a, b, c] = &run.articles[..] else {
        panic!()
    };
    assert_eq!(a.title.as_deref(), Some("First"));
    assert_eq!(a.url.as_deref(), Some("https://x.example/1"));
    assert_eq!(a.source.as_deref(), Some("X"));
    assert_eq!(a.published, date(2016, 12, 12));
    assert_eq!(a.extra["lang"], "en");
    assert_eq!(a.origin.record, Some(1));
    assert_eq!(b.published, date(2016, 12, 12));
    assert_eq!(b.extra["tags"][1], "aleppo");
    assert_eq!(c.published, None);
    assert_eq!(c.extra["published_raw"], "last Tuesday");
}

#[test]
fn csv_quoted_newlines_and_columns() {
    let run = read(&[fixture("quoted.csv")], &ReadOptions::default());
    // Records start on lines 2, 4, 6 (after a blank line 5) and 7.
    let shown = fixture("quoted.csv").display().to_string();
    assert_eq!(
        run.log,
        [
            "A 1".to_string(),
            "A 2".to_string(),
            format!("S {shown}:6: empty text"),
            format!("W {shown}:7: warning: record has 3 fields, header has 5"),
            "A 4".to_string(),
        ]
    );
    let a = &run.articles[0];
    assert_eq!(a.title.as_deref(), Some("Quoted, title"));
    assert_eq!(a.text, "Line one\r\nline two with \"quotes\"");
    assert_eq!(a.published, date(2016, 12, 12));
    assert_eq!(a.origin.record, Some(2));
    assert_eq!(run.articles[1].published, date(2016, 12, 12));
    assert_eq!(run.articles[1].url, None);
}

#[test]
fn csv_custom_columns_and_missing_text_column() {
    let opts = ReadOptions {
        text_column: "body".into(),
        title_column: "headline".into(),
        ..ReadOptions::default()
    };
    let run = read(&[fixture("no_text_column.csv")], &opts);
    assert_eq!(run.articles.len(), 1);
    assert_eq!(run.articles[0].title.as_deref(), Some("A"));
    assert_eq!(run.articles[0].text, "B");
    assert_eq!(run.articles[0].id, "no_text_column:2");

    let run = read(
        &[fixture("no_text_column.csv"), fixture("quoted.csv")],
        &ReadOptions::default(),
    );
    let msg = run.skips[0].to_string();
    assert!(
        msg.ends_with(
            "no_text_column.csv:1: missing text column \"text\" (header: headline, body)"
        ),
        "{msg}"
    );
    // The batch goes on with the next file.
    assert_eq!(run.articles.len(), 3);
}

#[test]
fn csv_unterminated_quote_is_reported() {
    let dir = TempDir::new("csv-quote");
    let p = dir.write("x.csv", b"text,title\n\"good\",t\n\"never closed,t\nmore\n");
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.articles.len(), 1);
    assert_eq!(
        run.skips[0].reason,
        SkipReason::UnterminatedQuote { line: 3 }
    );
}

#[test]
fn tsv_reads_with_tabs() {
    let dir = TempDir::new("tsv");
    let p = dir.write("x.tsv", b"title\ttext\nT\tSome body, with a comma\n");
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.articles[0].text, "Some body, with a comma");
}

#[test]
fn html_boilerplate_is_removed() {
    let run = read(&[fixture("boilerplate.html")], &ReadOptions::default());
    assert_eq!(run.log, ["A boilerplate"]);
    let a = &run.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Lavrov says US proposals on Aleppo lead to a blind alley")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://wire.example/world/lavrov-aleppo")
    );
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(
        a.published,
        date(2016, 12, 12),
        "meta published_time beats JSON-LD"
    );
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(
        paras,
        [
            "BELGRADE, December 12. US proposals to declare pauses in hostilities in Aleppo lead up a blind alley, the Russian Foreign Minister Sergey Lavrov said on Monday.",
            "“The US has returned to its old and dead-end position,” he said, adding that a pause of three, four and seven days & more would give militants a respite.",
            "The Syrian Observatory for Human Rights said fighting continued in the eastern districts of the city, where thousands of civilians remain trapped.",
            "Talks continue",
            "Russian and US military experts are expected to meet in Geneva this week to discuss the withdrawal of gunmen from eastern Aleppo, the minister added.",
        ]
    );
    for junk in [
        "VPN",
        "cookies",
        "Politics",
        "Related",
        "comment",
        "sidebar",
        "Copyright",
        "script",
        "tracking",
        "Share",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} leaked into {:?}", a.text);
    }
}

#[test]
fn html_metadata_fallbacks() {
    let dir = TempDir::new("html-meta");
    let page = br#"<html><head><title>Plain &amp; simple</title>
        <meta name="pubdate" content="12 December 2016">
        <meta property="og:url" content="https://news.example/a"></head>
        <body><div>Text written straight into a div, without any paragraph tags, long enough.<br>Second line.</div></body></html>"#;
    let p = dir.write("page.htm", page);
    let run = read(&[p], &ReadOptions::default());
    let a = &run.articles[0];
    assert_eq!(a.title.as_deref(), Some("Plain & simple"));
    assert_eq!(a.published, date(2016, 12, 12));
    assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(a.source.as_deref(), Some("news.example"));
    assert_eq!(
        a.text,
        "Text written straight into a div, without any paragraph tags, long enough.\nSecond line."
    );

    let p = dir.write("ld.html", br#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"datePublished":"2016-12-11T09:00:00Z"}]}</script><meta name="date" content="sometime"><p>Only one paragraph of article text that is long enough.</p>"#);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.articles[0].published, date(2016, 12, 11));

    let p = dir.write(
        "nothing.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.skips[0].reason, SkipReason::NoContent);
}

#[test]
fn html_latin1_is_decoded_without_warning() {
    let dir = TempDir::new("latin1");
    let p = dir.write(
        "l.html",
        b"<meta charset=\"iso-8859-1\"><p>Caf\xe9 \x93quoted\x94 text long enough to count as a paragraph.</p>",
    );
    let run = read(&[p], &ReadOptions::default());
    assert!(run.warnings.is_empty());
    assert_eq!(
        run.articles[0].text,
        "Café “quoted” text long enough to count as a paragraph."
    );
}

#[test]
fn stdin_like_streams_are_sniffed() {
    let opts = ReadOptions::default();
    let json = b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n".to_vec();
    let run = collect(read_reader("-", std::io::Cursor::new(json), None, &opts));
    assert_eq!(run.log, ["A stdin:1", "A stdin:2"]);
    let txt = b"A title\n\nA body.".to_vec();
    let run = collect(read_reader(
        "-",
        std::io::Cursor::new(common::gzip(&txt)),
        None,
        &opts,
    ));
    assert_eq!(run.articles[0].title.as_deref(), Some("A title"));
    let csv = b"text\nx\n".to_vec();
    let run = collect(read_reader(
        "feed",
        std::io::Cursor::new(csv),
        Some(Format::Csv),
        &opts,
    ));
    assert_eq!(run.log, ["A feed:2"]);
}

#[test]
fn formats_parse_from_names() {
    assert_eq!("jsonl".parse::<Format>(), Ok(Format::Jsonl));
    assert!("pdf"
        .parse::<Format>()
        .unwrap_err()
        .to_string()
        .contains("\"pdf\""));
}

#[test]
fn html_div_paragraphs_are_all_kept() {
    let dir = TempDir::new("divs");
    let page = br#"<html><body>
      <div class="menu-links"><a href="/1">One</a> <a href="/2">Two</a> <a href="/3">Three</a></div>
      <div class="content">
        <div>First paragraph of the story, written in a div.</div>
        <div>Second paragraph, also in a div, and a bit longer than the first one.</div>
        <div>Third one: <a href="/x">a link</a> inside prose does not make it boilerplate.</div>
      </div>
      <div class="content-more"><p>A continuation paragraph in a sibling container, long enough (80 characters) to be prose.</p></div>
      <div class="copyright">All rights reserved.</div>
    </body></html>"#;
    let p = dir.write("divs.html", page);
    let run = read(&[p], &ReadOptions::default());
    let text = &run.articles[0].text;
    assert_eq!(
        text.split("\n\n").collect::<Vec<_>>(),
        [
            "First paragraph of the story, written in a div.",
            "Second paragraph, also in a div, and a bit longer than the first one.",
            "Third one: a link inside prose does not make it boilerplate.",
            "A continuation paragraph in a sibling container, long enough (80 characters) to be prose.",
        ],
        "{text}"
    );
}

#[test]
fn utf16_tsv_exports_are_transcoded() {
    let dir = TempDir::new("utf16");
    let s = "title\ttext\nحلب\tForces entered Ḩalab on Monday.\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    let p = dir.write("export.tsv", &le);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.log, ["A export:2"], "{:?}", run.skips);
    assert_eq!(run.articles[0].title.as_deref(), Some("حلب"));
    assert_eq!(run.articles[0].text, "Forces entered Ḩalab on Monday.");
}

#[test]
fn invalid_utf8_in_records_names_line_and_offset() {
    let dir = TempDir::new("utf8-records");
    // Line 2 starts at byte 14; its bad byte is the 11th of the line.
    let j = dir.write("x.jsonl", b"{\"text\": \"a\"}\n{\"text\": \"b\xffc\"}\n");
    let c = dir.write("y.csv", b"title,text\nt,\"b\xffc\"\n");
    let run = read(&[j.clone(), c.clone()], &ReadOptions::default());
    assert_eq!(
        run.log,
        [
            "A x:1".to_string(),
            format!(
                "W {}:2: warning: invalid UTF-8 at byte offset 25, decoded lossily",
                j.display()
            ),
            "A x:2".to_string(),
            format!(
                "W {}:2: warning: invalid UTF-8 at byte offset 15, decoded lossily",
                c.display()
            ),
            "A y:2".to_string(),
        ]
    );
    assert_eq!(run.articles[1].text, "b\u{FFFD}c");
    assert_eq!(run.articles[2].text, "b\u{FFFD}c");
}

#[test]
fn html_wordpress_post() {
    let run = read(&[fixture("wordpress.html")], &ReadOptions::default());
    let a = &run.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Aleppo Recovery 100%? – The Syria Watch Blog")
    );
    assert_eq!(
        a.published,
        date(2016, 12, 12),
        "from <time class=published>"
    );
    assert_eq!(
        a.text.split("\n\n").collect::<Vec<_>>(),
        [
            "Lavrov :US proposals to declare pauses in hostilities in Aleppo lead up blind alley.",
            "BELGRADE, December 12. /TASS/. US proposals to declare pauses in hostilities for coordinating corridors for the withdrawal of gunmen and civilians from eastern Aleppo lead up a blind alley, the Russian Foreign Minister Sergey Lavrov said on Monday.",
            "Syrian government soldiers walk in a damaged street in the Old City of Aleppo. (Washington Post)",
            "“Those who want to be part of settlement must immediately join the ceasefire regime,” the ministry said.",
        ]
    );
}
