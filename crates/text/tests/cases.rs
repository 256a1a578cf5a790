//! Sentence, token and dateline cases through the public `segment` entry point,
//! plus garbage input that must neither panic nor go quadratic.
use sitrep_doc::{Date, Doc};
use sitrep_text::{segment, MAX_SENTENCE_TOKENS};

fn doc(text: &str) -> Doc {
    let mut d = Doc::from_text(text);
    d.anchor_date = Date::new(2016, 12, 12);
    segment(&mut d);
    check_invariants(&d);
    d
}

fn sents(text: &str) -> Vec<String> {
    let d = doc(text);
    d.sentences
        .iter()
        .map(|s| d.slice(s.span).to_string())
        .collect()
}

fn toks(text: &str) -> Vec<String> {
    let d = doc(text);
    (0..d.tokens.len())
        .map(|i| d.token_text(i).to_string())
        .collect()
}

/// The invariants every segmentation must keep, whatever the input.
fn check_invariants(d: &Doc) {
    let mut next = 0usize;
    for s in &d.sentences {
        assert_eq!(s.token_start as usize, next);
        assert!(s.token_end > s.token_start);
        next = s.token_end as usize;
        assert!(d.paragraphs.iter().any(|p| p.contains(s.span)));
    }
    assert_eq!(next, d.tokens.len(), "sentences partition tokens");
    let mut prev_end = 0;
    for t in &d.tokens {
        let r = t.span.range();
        assert!(r.start < r.end && r.start >= prev_end);
        assert!(d.text.is_char_boundary(r.start) && d.text.is_char_boundary(r.end));
        prev_end = r.end;
        if let Some(dl) = &d.dateline {
            assert!(!t.span.overlaps(dl.span));
        }
    }
}

#[test]
fn abbreviations_do_not_end_sentences() {
    for text in [
        "The U.S. military said so.",
        "Dr. Smith met Mr. Jones on Dec. 12 in Washington.",
        "Lt. Col. John Smith and Gen. Petraeus arrived.",
        "He lives at No. 5 Downing Street.",
        "The meeting began at 9 a.m. local time on Monday.",
        "The books of J. R. R. Tolkien are long.",
        "Some cities, e.g. Aleppo and Homs, were hit.",
        "Prices rose 3.5 percent to 1,200 dollars.",
        "She holds a Ph.D. in physics.",
    ] {
        assert_eq!(sents(text), [text], "{text:?}");
    }
}

#[test]
fn sentence_final_abbreviation() {
    assert_eq!(
        sents("Troops left the U.S. The war ended."),
        ["Troops left the U.S.", "The war ended."]
    );
    assert_eq!(
        sents("They need vitamin C. It helps."),
        ["They need vitamin C.", "It helps."]
    );
    assert_eq!(sents("George W. Bush spoke."), ["George W. Bush spoke."]);
    assert_eq!(
        sents("They met at 9 a.m. He spoke first."),
        ["They met at 9 a.m.", "He spoke first."]
    );
}

#[test]
fn quotes_and_brackets() {
    assert_eq!(
        sents("\"We will win,\" he said. \"Go!\" she shouted."),
        ["\"We will win,\" he said.", "\"Go!\" she shouted."]
    );
    assert_eq!(
        sents("He said: \"Go.\" Then he left."),
        ["He said: \"Go.\"", "Then he left."]
    );
    assert_eq!(
        sents("“It is over.” The rebels left."),
        ["“It is over.”", "The rebels left."]
    );
    assert_eq!(
        sents("Fighting continued (see map.) Rebels fled."),
        ["Fighting continued (see map.)", "Rebels fled."]
    );
    assert_eq!(
        sents("\"Why?\" asked the minister."),
        ["\"Why?\" asked the minister."]
    );
}

#[test]
fn ellipses_and_questions() {
    assert_eq!(
        sents("Wait... Then it fell. Really?! Yes."),
        ["Wait...", "Then it fell.", "Really?!", "Yes."]
    );
    assert_eq!(
        sents("It went on and on... until dawn."),
        ["It went on and on... until dawn."]
    );
}

#[test]
fn missing_spaces_in_scraped_text() {
    assert_eq!(
        sents("the minister stressed.SOHR: Battle for Aleppo Ended?"),
        ["the minister stressed.", "SOHR: Battle for Aleppo Ended?"]
    );
    assert_eq!(
        sents("in east Aleppo.Rami Abdulrahman spoke."),
        ["in east Aleppo.", "Rami Abdulrahman spoke."]
    );
    assert_eq!(
        sents("said on Monday.\"The US has returned,\" he said."),
        ["said on Monday.", "\"The US has returned,\" he said."]
    );
    for text in [
        "He moved to the U.S.A in 2010.",
        "She got her Ph.D in 2001.",
        "See example.com for more.",
        "It was No.1 in the charts.",
        "Visit www.Example.org today.",
    ] {
        assert_eq!(sents(text), [text], "{text:?}");
    }
}

#[test]
fn paragraphs_and_headlines() {
    assert_eq!(
        sents("Aleppo Falls\n\nRebels left the city. Troops moved in.\n\nMore soon"),
        [
            "Aleppo Falls",
            "Rebels left the city.",
            "Troops moved in.",
            "More soon"
        ]
    );
    // A short line ends its sentence; a hard-wrapped long line does not.
    assert_eq!(
        sents("By John Smith\nRebels left the city."),
        ["By John Smith", "Rebels left the city."]
    );
    let wrapped = "The Russian Foreign Minister Sergey Lavrov said on Monday that the\nUnited States had returned to its old position.";
    assert_eq!(sents(wrapped), [wrapped]);
}

#[test]
fn datelines_through_segment() {
    let cases = [
        (
            "BELGRADE, December 12. /TASS/. US proposals failed.",
            "BELGRADE, December 12. /TASS/.",
            "US proposals failed.",
        ),
        (
            "DAMASCUS (Reuters) - Troops advanced.",
            "DAMASCUS (Reuters) -",
            "Troops advanced.",
        ),
        (
            "ALEPPO, Syria, Dec 13 (AP) — Rebels fled.",
            "ALEPPO, Syria, Dec 13 (AP) —",
            "Rebels fled.",
        ),
        (
            "BEIRUT, Dec 12 (Reuters) - Rebels fled.",
            "BEIRUT, Dec 12 (Reuters) -",
            "Rebels fled.",
        ),
        (
            "MOSCOW, December 12 (RIA Novosti) Lavrov spoke.",
            "MOSCOW, December 12 (RIA Novosti)",
            "Lavrov spoke.",
        ),
        (
            "WASHINGTON — The senate voted.",
            "WASHINGTON —",
            "The senate voted.",
        ),
        ("(AFP) - Clashes erupted.", "(AFP) -", "Clashes erupted."),
        (
            "Title here alleyBELGRADE, December 12. /TASS/. US proposals failed.",
            "BELGRADE, December 12. /TASS/.",
            "US proposals failed.",
        ),
    ];
    for (text, dateline, first) in cases {
        let d = doc(text);
        let dl = d
            .dateline
            .clone()
            .unwrap_or_else(|| panic!("no dateline: {text:?}"));
        assert_eq!(d.slice(dl.span), dateline);
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert!(s.contains(&first), "{text:?} -> {s:?}");
    }
    let d = doc("KABUL, Dec 30 - Text.");
    assert_eq!(d.dateline.and_then(|x| x.date), Date::new(2015, 12, 30));
    // Only the first part of a paragraph, and not ordinary capitals.
    assert!(doc("The NATO summit - in BRUSSELS - ended.")
        .dateline
        .is_none());
    assert!(doc("SOHR: Battle for Aleppo Ended?").dateline.is_none());
}

#[test]
fn penn_tokens() {
    assert_eq!(toks("I don't know."), ["I", "do", "n't", "know", "."]);
    assert_eq!(
        toks("We can't, won't."),
        ["We", "ca", "n't", ",", "wo", "n't", "."]
    );
    assert_eq!(
        toks("They're sure he'll say we've lost, I'd guess, I'm told."),
        [
            "They", "'re", "sure", "he", "'ll", "say", "we", "'ve", "lost", ",", "I", "'d",
            "guess", ",", "I", "'m", "told", "."
        ]
    );
    assert_eq!(toks("Assad's army"), ["Assad", "'s", "army"]);
    assert_eq!(toks("It cost $5."), ["It", "cost", "$", "5", "."]);
    assert_eq!(
        toks("the US-led coalition"),
        ["the", "US", "-", "led", "coalition"]
    );
    assert_eq!(toks("by e-mail"), ["by", "e-mail"]);
    assert_eq!(toks("Mail a@b.com now"), ["Mail", "a@b.com", "now"]);
    assert_eq!(toks("See http://x.org/a."), ["See", "http://x.org/a", "."]);
    assert_eq!(toks("@SOHR says -- wait"), ["@SOHR", "says", "--", "wait"]);
}

#[test]
fn normalisation_cites_original_bytes() {
    let text = "“Don’t go,” he said\u{A0}to the\u{2009}press.";
    let d = doc(text);
    let norm: Vec<&str> = (0..d.tokens.len()).map(|i| d.token_text(i)).collect();
    assert_eq!(
        norm,
        ["\"", "Do", "n't", "go", ",", "\"", "he", "said", "to", "the", "press", "."]
    );
    let raw: Vec<&str> = d.tokens.iter().map(|t| d.slice(t.span)).collect();
    assert_eq!(
        raw,
        ["“", "Do", "n’t", "go", ",", "”", "he", "said", "to", "the", "press", "."]
    );
    assert!(d.tokens[1].norm.is_none());

    let text = "an inter\u{AD}national zero\u{200B}width\u{2060}joined word";
    let d = doc(text);
    assert_eq!(d.token_text(1), "international");
    assert_eq!(d.slice(d.tokens[1].span), "inter\u{AD}national");
    assert_eq!(d.token_text(2), "zerowidthjoined");
    assert_eq!(d.tokens.len(), 4);
}

#[test]
fn garbage_does_not_panic() {
    let inputs = [
        String::new(),
        " \n\t\u{A0}\u{3000}\n\n ".to_string(),
        "!?.,;:()[]{}\"'“”‘’«»—–-…".repeat(50),
        "😀👍🏽🇸🇾 👨\u{200D}👩\u{200D}👧 ok. 😀".to_string(),
        "قال المرصد السوري إن المعارك انتهت. حلب سقطت؟ نعم.".to_string(),
        "\u{AD}\u{200B}\u{FEFF}\u{2060}".repeat(100),
        "a\u{301}\u{301}\u{301}. \u{301}X".to_string(),
        "'''\"\"\"``''".to_string(),
        "U.S.A.B.C.D.E.F.".repeat(20),
        "BELGRADE, December".to_string(),
        "BELGRADE, Feb 30. /TASS/. Text".to_string(),
        "(Reuters".to_string(),
        "X.".repeat(1000),
        "\u{FFFD}\u{0}\u{1}\u{7F}".repeat(10),
    ];
    for text in &inputs {
        let d = doc(text);
        if text.trim().is_empty() {
            assert!(d.sentences.is_empty() && d.tokens.is_empty());
        }
    }
}

#[test]
fn one_megabyte_without_punctuation_is_linear_and_capped() {
    let text = "word ".repeat(200_000);
    let t = std::time::Instant::now();
    let d = doc(&text);
    let elapsed = t.elapsed();
    assert_eq!(d.tokens.len(), 200_000);
    assert_eq!(d.sentences.len(), 200_000 / MAX_SENTENCE_TOKENS);
    assert!(d
        .sentences
        .iter()
        .all(|s| s.tokens().len() <= MAX_SENTENCE_TOKENS));
    // Generous bound (debug builds, shared machine): quadratic behaviour would
    // take minutes.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");

    // One megabyte with no whitespace at all: a single token.
    let text = "a".repeat(1 << 20);
    let d = doc(&text);
    assert_eq!(d.tokens.len(), 1);
    // Terminals and closers alternating: bounded look-ahead keeps it linear.
    let text = ".) ".repeat(300_000);
    let t = std::time::Instant::now();
    let d = doc(&text);
    assert_eq!(d.tokens.len(), 600_000);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    let text = ".)".repeat(300_000);
    let t = std::time::Instant::now();
    let _ = doc(&text);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    let text = format!("X {}", "Ab. ".repeat(100_000));
    let _ = doc(&text);
    let text = format!("{} - text", "A".repeat(1 << 20));
    assert!(doc(&text).dateline.is_none());
    let text = "\".\"".repeat(300_000);
    let _ = doc(&text);
    // A megabyte of periods-and-letters without spaces.
    let text = "ab.".repeat(350_000);
    let d = doc(&text);
    assert!(!d.tokens.is_empty());
}

#[test]
fn informal_and_reference_text() {
    // A bare period before a lowercase word ends a sentence in informal text.
    assert_eq!(
        sents("i was too tired. enron is blowing up."),
        ["i was too tired.", "enron is blowing up."]
    );
    // Brand names in camel case open sentences.
    assert_eq!(
        sents("It was called eHow. wikiHow is different."),
        ["It was called eHow.", "wikiHow is different."]
    );
    // Citations stay with the sentence they support; list numbers are not sentences.
    assert_eq!(
        sents("He studied at Harrow. [17] Then he left."),
        ["He studied at Harrow. [17]", "Then he left."]
    );
    assert_eq!(
        sents("2.1. Results are clear."),
        ["2.1. Results are clear."]
    );
    // A dash after a quote introduces its attribution.
    assert_eq!(
        sents("\"It is over.\" — Rick Santorum"),
        ["\"It is over.\" — Rick Santorum"]
    );
    assert_eq!(
        sents("Born c. 1818 in London."),
        ["Born c. 1818 in London."]
    );
}

/// Random strings over an alphabet of the characters the rules look at: no
/// panic, invariants hold. A fixed-seed xorshift keeps the test deterministic.
#[test]
fn random_inputs_keep_invariants() {
    const ALPHABET: &[&str] = &[
        "a",
        "Z",
        "é",
        "ح",
        "1",
        "0",
        ".",
        ".",
        ",",
        "?",
        "!",
        ";",
        ":",
        "-",
        "—",
        "'",
        "’",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "[",
        "]",
        "/",
        "@",
        "#",
        "$",
        "&",
        "_",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\u{A0}",
        "\u{AD}",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "😀",
        "\u{1F3FD}",
        "\u{FE0F}",
        "\u{301}",
        "U.S.",
        "Dr.",
        "No.",
        "n't",
        "’s",
        "BELGRADE",
        ", December 12",
        " (Reuters) -",
        "/TASS/",
        " — ",
        "http://",
        "www.",
        "…",
        ":)",
        "e-mail",
        "3.5",
        "1,200",
        "\u{1F1F8}",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 60) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(ALPHABET[(next() % ALPHABET.len() as u64) as usize]);
        }
        let d = doc(&s);
        for t in &d.tokens {
            assert!(!t.text(&d.text).is_empty(), "{s:?}");
        }
    }
}
