//! Batch behaviour: compression, directories, huge inputs, WARC.

mod common;

use common::{gzip, read, zstd, TempDir};
use sitrep_doc::Date;
use sitrep_ingest::{Codec, ReadOptions, SkipReason};

fn jsonl_lines(n: usize) -> Vec<u8> {
    (1..=n)
        .map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"Article number {i}, with some filler text to compress.\"}}\n"))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn compressed_variants_read() {
    let dir = TempDir::new("codecs");
    let a = dir.write("a.jsonl.gz", &gzip(&jsonl_lines(3)));
    let b = dir.write("b.txt.zst", &zstd(b"Zstd title\n\nZstd body."));
    // Two zstd frames back to back are one stream.
    let mut two = zstd(&jsonl_lines(2));
    two.extend(zstd(b"{\"text\": \"third frame\"}\n"));
    let c = dir.write("c.jsonl.zst", &two);
    // Gzip without a .gz name is still recognised by its magic bytes.
    let d = dir.write("d.txt", &gzip(b"Hidden gzip\n\nbody"));
    let run = read(&[a, b, c, d], &ReadOptions::default());
    assert_eq!(
        run.log,
        ["A n1", "A n2", "A n3", "A b", "A n1", "A n2", "A c:3", "A d"],
        "{:?}",
        run.skips
    );
    assert_eq!(run.articles[3].title.as_deref(), Some("Zstd title"));
    assert_eq!(run.articles[7].text, "body");
}

#[test]
fn truncated_gzip_is_reported_and_the_batch_continues() {
    let dir = TempDir::new("truncated");
    let full = gzip(&jsonl_lines(2000));
    let cut = dir.write("cut.jsonl.gz", &full[..full.len() / 2]);
    let next = dir.write("next.txt", b"Next\n\nStill read.");
    let run = read(&[cut, next], &ReadOptions::default());
    // All but the last article come from the cut file.
    let n = run.articles.len() - 1;
    assert!(n > 100 && n < 2000, "read {n} before the cut");
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    let s = &run.skips[0];
    assert_eq!(s.reason, SkipReason::Truncated { codec: Codec::Gzip });
    // The skip names the line where reading stopped.
    assert_eq!(s.origin.record, Some(n as u64 + 1), "{s}");
    assert_eq!(run.articles.last().map(|a| a.id.as_str()), Some("next"));
    assert!(
        run.tally
            .to_string()
            .ends_with("skipped 1 (1 truncated gzip)"),
        "{}",
        run.tally
    );

    let bad = dir.write("bad.txt.zst", &zstd(b"some text that is long enough")[..8]);
    let run = read(&[bad], &ReadOptions::default());
    assert!(
        matches!(
            run.skips[0].reason,
            SkipReason::Truncated { codec: Codec::Zstd }
                | SkipReason::Corrupt {
                    codec: Codec::Zstd,
                    ..
                }
        ),
        "{:?}",
        run.skips
    );
}

#[test]
fn directories_are_walked_sorted_and_unknown_files_skipped() {
    let dir = TempDir::new("walk");
    dir.write("b.txt", b"B\n\nbody b");
    dir.write("a/z.txt", b"Z\n\nbody z");
    dir.write("a/notes.pdf", b"%PDF-1.4");
    dir.write("a/README", b"no extension");
    dir.write(".git/config", b"[core]");
    dir.write("c/b.txt", b"Other B\n\nsame file name, other directory");
    let run = read(std::slice::from_ref(&dir.0), &ReadOptions::default());
    let root = dir.0.display().to_string();
    assert_eq!(
        run.log,
        [
            format!("S {root}/.git: hidden file or directory (name starts with '.')"),
            format!("S {root}/a/README: unknown extension \"\" (known: txt, jsonl, ndjson, json, csv, tsv, html, htm, warc, optionally .gz/.zst)"),
            format!("S {root}/a/notes.pdf: unknown extension \"pdf\" (known: txt, jsonl, ndjson, json, csv, tsv, html, htm, warc, optionally .gz/.zst)"),
            "A a/z".to_string(),
            "A b".to_string(),
            "A c/b".to_string(),
        ]
    );
    assert_eq!(
        run.tally.to_string(),
        "read 3, skipped 3 (2 unknown extension, 1 hidden)"
    );

    // Named explicitly, an extension-less file is sniffed instead.
    let run = read(&[dir.0.join("a/README")], &ReadOptions::default());
    assert_eq!(run.articles[0].text, "no extension");
    let missing = read(&[dir.0.join("nope.txt")], &ReadOptions::default());
    assert!(
        missing.skips[0].to_string().contains("cannot open"),
        "{:?}",
        missing.skips
    );
}

#[test]
fn huge_single_line_inputs_fail_clearly_without_buffering() {
    let dir = TempDir::new("huge");
    let line = vec![b'x'; 20 << 20];
    let txt = dir.write("huge.txt", &line);
    let mut jsonl = b"{\"text\": \"before\"}\n{\"text\": \"".to_vec();
    jsonl.extend_from_slice(&line);
    jsonl.extend_from_slice(b"\"}\n{\"text\": \"after\"}\n");
    let json = dir.write("huge.jsonl", &jsonl);
    let mut csv = b"text\n\"".to_vec();
    csv.extend_from_slice(&line);
    csv.extend_from_slice(b"\"\nafter\n");
    let csv = dir.write("huge.csv", &csv);
    let opts = ReadOptions {
        max_article_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    let run = read(&[txt, json, csv], &opts);
    let too_large = SkipReason::TooLarge { limit: 1 << 20 };
    let reasons: Vec<_> = run
        .skips
        .iter()
        .map(|s| (s.origin.record, s.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (None, too_large.clone()),
            (Some(2), too_large.clone()),
            (Some(2), too_large)
        ]
    );
    let texts: Vec<_> = run.articles.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["before", "after", "after"]);
    assert!(run.skips[0]
        .to_string()
        .contains("too large: more than 1048576 bytes"));
}

/// One WARC record with a correct Content-Length.
fn warc_record(kind: &str, uri: &str, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nWARC-Date: 2016-12-12T11:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        content.len(),
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

const PAGE: &str = "<html><head><title>Aleppo talks</title><meta property=\"og:site_name\" content=\"Wire\"></head><body><nav>Home | World</nav><article><p>Government forces advanced in eastern Aleppo on Monday, a monitoring group said.</p><p>Talks in Geneva, the group added, were stalled.</p></article></body></html>";

fn warc_records() -> Vec<Vec<u8>> {
    vec![
        warc_record("warcinfo", "", b"software: test\r\n"),
        warc_record(
            "request",
            "https://wire.example/a",
            b"GET /a HTTP/1.1\r\nHost: wire.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://wire.example/logo.png",
            &http("200 OK", "image/png", "\u{1}PNG"),
        ),
        warc_record(
            "response",
            "https://wire.example/gone",
            &http("404 Not Found", "text/html", "<p>Not found</p>"),
        ),
        warc_record(
            "response",
            "https://wire.example/a",
            &http("200 OK", "text/html; charset=utf-8", PAGE),
        ),
    ]
}

fn check_warc(run: &common::Run, shown: &str) {
    assert_eq!(
        run.log,
        [
            format!("S {shown}:1: WARC record of type \"warcinfo\", not \"response\""),
            format!("S {shown}:2: WARC record of type \"request\", not \"response\""),
            format!("S {shown}:3: not HTML: Content-Type \"image/png\""),
            format!("S {shown}:4: HTTP status 404"),
            format!(
                "A urn:uuid:response-{}",
                http("200 OK", "text/html; charset=utf-8", PAGE).len()
            ),
            format!("S {shown}:6: truncated WARC record: Content-Length 500, only 20 bytes"),
        ]
    );
    let a = &run.articles[0];
    assert_eq!(a.url.as_deref(), Some("https://wire.example/a"));
    assert_eq!(a.title.as_deref(), Some("Aleppo talks"));
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(
        a.published,
        Date::new(2016, 12, 12),
        "WARC-Date is the fallback"
    );
    assert_eq!(
        a.text,
        "Government forces advanced in eastern Aleppo on Monday, a monitoring group said.\n\nTalks in Geneva, the group added, were stalled."
    );
    assert_eq!(a.origin.record, Some(5));
    assert_eq!(
        run.tally.to_string(),
        "read 1, skipped 5 (2 non-response record, 1 HTTP status not 200, 1 non-HTML record, 1 truncated record)"
    );
}

fn truncated_tail() -> Vec<u8> {
    let mut cut = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\n".to_vec();
    cut.extend_from_slice(&[b'y'; 20]);
    cut
}

#[test]
fn warc_keeps_only_html_200_responses() {
    let dir = TempDir::new("warc");
    let mut plain: Vec<u8> = warc_records().concat();
    plain.extend(truncated_tail());
    let p = dir.write("crawl.warc", &plain);
    check_warc(
        &read(std::slice::from_ref(&p), &ReadOptions::default()),
        &p.display().to_string(),
    );

    // CC-News style: one gzip member per record, the last member cut short.
    let mut gz: Vec<u8> = warc_records().iter().flat_map(|r| gzip(r)).collect();
    gz.extend(gzip(&truncated_tail()));
    let p = dir.write("crawl.warc.gz", &gz);
    check_warc(
        &read(std::slice::from_ref(&p), &ReadOptions::default()),
        &p.display().to_string(),
    );
}

#[test]
fn warc_resyncs_after_garbage_and_handles_chunked_gzip_payloads() {
    let dir = TempDir::new("warc2");
    let gz_body = gzip(PAGE.as_bytes());
    let mut payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    payload.extend(format!("{:x}\r\n", gz_body.len()).as_bytes());
    payload.extend(&gz_body);
    payload.extend(b"\r\n0\r\n\r\n");
    let mut data = b"garbage line\r\nmore garbage\r\n".to_vec();
    data.extend(warc_record("response", "https://wire.example/c", &payload));
    let p = dir.write("x.warc", &data);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.skips.len(), 1, "{:?}", run.log);
    assert!(matches!(
        run.skips[0].reason,
        SkipReason::InvalidWarc { .. }
    ));
    assert!(run.articles[0].text.starts_with("Government forces"));
}

#[test]
fn zstd_cut_mid_stream_is_truncated() {
    let dir = TempDir::new("zstd-cut");
    let full = zstd(&jsonl_lines(3000));
    let p = dir.write("cut.jsonl.zst", &full[..full.len() * 2 / 3]);
    let run = read(&[p], &ReadOptions::default());
    // ruzstd releases output only past its window, so a frame cut short may
    // yield no line at all: what matters is the reason.
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    assert_eq!(
        run.skips[0].reason,
        SkipReason::Truncated { codec: Codec::Zstd }
    );
}

/// Random bytes biased towards the characters the parsers care about.
fn garbage(seed: u64, len: usize) -> Vec<u8> {
    const PIECES: &[&[u8]] = &[
        b"<",
        b">",
        b"</p>",
        b"<p class=ad>",
        b"<!--",
        b"\"",
        b",",
        b"\n",
        b"\r\n",
        b"{",
        b"}",
        b"WARC/1.0\r\n",
        b"Content-Length: 9\r\n",
        b"\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n",
        b"&amp",
        b"&#x",
        b"\xff",
        b"\xc3",
        b"text",
        b" ",
        b"\t",
        b"<script>",
        b"=",
        b"'",
    ];
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = Vec::new();
    while out.len() < len {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.extend_from_slice(PIECES[(x >> 33) as usize % PIECES.len()]);
    }
    out
}

#[test]
fn garbage_never_panics_and_single_article_formats_always_report() {
    use sitrep_ingest::{read_reader, Format};
    let opts = ReadOptions {
        max_article_bytes: 1500,
        ..ReadOptions::default()
    };
    for seed in 0..300u64 {
        let data = garbage(seed, (seed as usize * 7) % 3000 + 1);
        for format in [
            Format::Txt,
            Format::Jsonl,
            Format::Json,
            Format::Csv,
            Format::Html,
            Format::Warc,
        ] {
            let cursor = std::io::Cursor::new(data.clone());
            let run = common::collect(read_reader("g", cursor, Some(format), &opts));
            if matches!(format, Format::Txt | Format::Html) {
                assert!(
                    run.articles.len() + run.skips.len() == 1,
                    "{format} seed {seed}: {:?}",
                    run.log
                );
            }
        }
    }
}

#[test]
fn small_gzip_missing_its_trailer_keeps_every_complete_record() {
    let dir = TempDir::new("gzip-trailer");
    let full = gzip(&jsonl_lines(3));
    // The 8-byte trailer is CRC32 and size: without it every record decodes
    // (as `zcat` shows), and only the missing check is to report.
    let p = dir.write("cut.jsonl.gz", &full[..full.len() - 8]);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.articles.len(), 3, "{:?}", run.log);
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    assert_eq!(
        run.skips[0].reason,
        SkipReason::Truncated { codec: Codec::Gzip }
    );
    assert_eq!(run.skips[0].origin.record, Some(4));
    assert_eq!(
        run.tally.to_string(),
        "read 3, skipped 1 (1 truncated gzip)"
    );
}

#[test]
fn small_gzip_cut_inside_a_line_keeps_the_lines_before() {
    let dir = TempDir::new("gzip-midline");
    let data = jsonl_lines(3);
    let full = gzip(&data);
    // Cut the trailer and a few bytes of the deflate stream: the last line is
    // incomplete, so it is the truncation, never a half record.
    let p = dir.write("cut.jsonl.gz", &full[..full.len() - 12]);
    let run = read(&[p], &ReadOptions::default());
    assert!(run.articles.len() <= 3, "{:?}", run.log);
    for a in &run.articles {
        assert!(a.text.ends_with("compress."), "{}", a.text);
    }
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    assert_eq!(
        run.skips[0].reason,
        SkipReason::Truncated { codec: Codec::Gzip }
    );
}

#[test]
fn small_zstd_missing_its_end_keeps_every_complete_record() {
    let dir = TempDir::new("zstd-trailer");
    // One frame as the `zstd` tool writes it, with a content checksum: header
    // (single segment, checksum flag, 1-byte content size), one raw last block,
    // then the 4-byte checksum, which is what is cut off.
    let data = jsonl_lines(3);
    let len = u8::try_from(data.len()).unwrap();
    let mut frame = vec![0x28, 0xb5, 0x2f, 0xfd, 0x24, len];
    let block = (u32::from(len) << 3) | 1;
    frame.extend(&block.to_le_bytes()[..3]);
    frame.extend(&data);
    let p = dir.write("cut.jsonl.zst", &frame);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.articles.len(), 3, "{:?}", run.log);
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    assert_eq!(
        run.skips[0].reason,
        SkipReason::Truncated { codec: Codec::Zstd }
    );
    assert_eq!(run.skips[0].origin.record, Some(4));
}

#[test]
fn a_nul_byte_skips_only_its_line_or_record() {
    let dir = TempDir::new("nul-lines");
    let mut jsonl = jsonl_lines(2);
    jsonl.extend(b"{\"id\": \"bad\", \"text\": \"broken \x00 line\"}\n");
    jsonl.extend(jsonl_lines(3).split(|&b| b == b'\n').nth(2).unwrap());
    jsonl.push(b'\n');
    let j = dir.write("a.jsonl", &jsonl);
    let csv = b"id,text\nc1,first\nc2,\"bro\x00ken\"\nc3,third\n";
    let c = dir.write("b.csv", csv);
    let run = read(&[j, c], &ReadOptions::default());
    assert_eq!(run.articles.len(), 5, "{:?}", run.log);
    assert_eq!(run.skips.len(), 2, "{:?}", run.skips);
    let offset = jsonl.iter().position(|&b| b == 0).unwrap() as u64;
    assert_eq!(run.skips[0].reason, SkipReason::NulByte { offset });
    assert_eq!(run.skips[0].origin.record, Some(3));
    let offset = csv.iter().position(|&b| b == 0).unwrap() as u64;
    assert_eq!(run.skips[1].reason, SkipReason::NulByte { offset });
    assert_eq!(run.skips[1].origin.record, Some(3));
    assert_eq!(run.tally.to_string(), "read 5, skipped 2 (2 NUL byte)");
}

#[test]
fn a_binary_file_named_jsonl_is_still_one_skip() {
    let dir = TempDir::new("nul-binary");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i % 7) as u8).collect();
    let p = dir.write("x.jsonl", &bytes);
    let run = read(&[p], &ReadOptions::default());
    assert_eq!(run.skips.len(), 1, "{:?}", run.skips);
    assert_eq!(run.skips[0].reason, SkipReason::Binary { offset: 0 });
}

#[test]
fn json_arrays_read_like_jsonl() {
    let dir = TempDir::new("json-array");
    let array = br#"[
  {"id": "j1", "title": "One", "text": "First article.", "published": "2024-05-01"},
  {"text": "Second article."},
  {"title": "no text here"}
]"#;
    let a = dir.write("a.json", array);
    let b = dir.write(
        "b.json.gz",
        &gzip(
            br#"{"text": "pretty",
  "id": "p1"}"#,
        ),
    );
    let run = read(&[a, b], &ReadOptions::default());
    assert_eq!(run.log.len(), 4, "{:?}", run.log);
    assert_eq!(run.log[0], "A j1");
    assert_eq!(run.log[1], "A a:2");
    assert!(run.log[2].contains("a.json:3: no text"), "{:?}", run.log);
    assert_eq!(run.log[3], "A p1");
    assert_eq!(run.articles[0].published, Date::new(2024, 5, 1));
    assert_eq!(run.articles[0].title.as_deref(), Some("One"));
}

#[test]
fn windows_1252_text_is_decoded_with_a_warning_naming_the_file() {
    let dir = TempDir::new("cp1252");
    let txt = dir.write(
        "a.txt",
        b"Caf\xe9 title\n\nThe minister\x92s \x93plan\x94 in Bogot\xe1.",
    );
    let jsonl = dir.write(
        "b.jsonl",
        b"{\"id\": \"b1\", \"text\": \"S\xe3o Paulo\"}\n{\"id\": \"b2\", \"text\": \"plain\"}\n",
    );
    // ASCII for the first 8 KiB: the later line is recognised on its own.
    let mut late = jsonl_lines(120);
    late.extend(b"{\"id\": \"late\", \"text\": \"Qu\xe9bec\"}\n");
    let late = dir.write("c.jsonl", &late);
    // UTF-8 with one damaged byte stays UTF-8, decoded lossily.
    let mut damaged = "Bogotá\n\nGood é then bad ".as_bytes().to_vec();
    damaged.push(0xe9);
    let utf8 = dir.write("d.txt", &damaged);
    let run = read(
        &[txt.clone(), jsonl.clone(), late, utf8],
        &ReadOptions::default(),
    );
    assert_eq!(run.articles[0].title.as_deref(), Some("Café title"));
    assert_eq!(
        run.articles[0].text,
        "The minister\u{2019}s \u{201C}plan\u{201D} in Bogotá."
    );
    assert_eq!(run.articles[1].text, "São Paulo");
    let late_article = run.articles.iter().find(|a| a.id == "late").unwrap();
    assert_eq!(late_article.text, "Québec");
    let d = run.articles.last().unwrap();
    assert!(d.text.ends_with("bad \u{FFFD}"), "{}", d.text);
    let w: Vec<String> = run.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!(
        w[0],
        format!(
            "{}: warning: not UTF-8: decoded as Windows-1252 (Latin-1)",
            txt.display()
        )
    );
    assert_eq!(
        w[1],
        format!(
            "{}: warning: not UTF-8: decoded as Windows-1252 (Latin-1)",
            jsonl.display()
        )
    );
    assert!(w[2].contains("c.jsonl:121: warning: not UTF-8"), "{w:?}");
    assert!(w[3].contains("d.txt: warning: invalid UTF-8"), "{w:?}");
    assert!(
        run.tally
            .to_string()
            .ends_with("4 warnings (3 decoded as Windows-1252, 1 invalid UTF-8)"),
        "{}",
        run.tally
    );
}

#[test]
fn other_languages_are_skipped_with_their_language_and_recorded() {
    let dir = TempDir::new("languages");
    let lines = concat!(
        r#"{"id": "en", "text": "Government forces shelled the eastern districts of the city on Monday, residents said, as talks on a ceasefire stalled."}"#,
        "\n",
        r#"{"id": "es", "text": "Las fuerzas del gobierno bombardearon los barrios del este de la ciudad el lunes, según dijeron los vecinos."}"#,
        "\n",
        r#"{"id": "ar", "text": "قصفت القوات الحكومية الأحياء الشرقية من المدينة يوم الاثنين بحسب ما قال السكان"}"#,
        "\n",
        r#"{"id": "stated", "language": "es", "text": "Stated by the record, kept as given."}"#,
        "\n",
    );
    let p = dir.write("mixed.jsonl", lines.as_bytes());
    let all = read(std::slice::from_ref(&p), &ReadOptions::default());
    let langs: Vec<&str> = all
        .articles
        .iter()
        .map(|a| a.extra["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["eng", "spa", "ara", "es"]);
    let english = ReadOptions {
        languages: Some(vec!["eng".into()]),
        ..ReadOptions::default()
    };
    let run = read(&[p], &english);
    assert_eq!(run.log.len(), 4, "{:?}", run.log);
    assert_eq!(run.log[0], "A en");
    assert!(
        run.log[1].ends_with("mixed.jsonl:2: language Spanish (spa) detected; reading only eng"),
        "{:?}",
        run.log
    );
    assert!(run.log[2].contains("Arabic (ara)"), "{:?}", run.log);
    assert_eq!(run.log[3], "A stated");
    assert_eq!(
        run.tally.to_string(),
        "read 2, skipped 2 (2 other language)"
    );
}
