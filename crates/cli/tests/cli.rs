//! End-to-end tests of the `sitrep` binary: real files in, stdout/stderr out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("the sitrep binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh scratch directory under the target dir (no tempfile dependency).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn segment_seed_reports_dateline_and_sentences_as_jsonl() {
    let out = sitrep(&[
        "segment",
        "examples/aleppo-2016-12-12.txt",
        "--date",
        "2016-12-12",
        "--format",
        "jsonl",
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "one JSON object per article");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("valid JSON");
    let dl = &v["dateline"];
    assert_eq!(dl["place"], "Belgrade");
    assert_eq!(dl["date"], "2016-12-12");
    assert_eq!(dl["agency"], "TASS");
    assert_eq!(dl["text"], "BELGRADE, December 12. /TASS/.");
    let starts: Vec<String> = v["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().unwrap_or("").to_string())
        .collect();
    for want in [
        "SOHR: Battle for Aleppo Ended?",
        "The director of the Syrian Observatory",
        "Rami Abdulrahman, SOHR",
    ] {
        assert!(
            starts.iter().any(|s| s.starts_with(want)),
            "no sentence starts with {want:?}: {starts:#?}"
        );
    }
    // Tokens carry offsets into the original text, tags and dependencies.
    let tok = &v["sentences"][1]["tokens"][0];
    assert!(tok["start"].is_u64() && tok["upos"].is_string() && tok["deprel"].is_string());
    assert!(text(&out.stderr).contains("read 1, skipped 0"));
}

#[test]
fn bad_inputs_are_skipped_with_reasons_and_the_batch_continues() {
    let dir = scratch("bad-inputs");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(dir.join("notes.docx"), "PK").unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Title\n\nRebels shelled the town on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("lines.jsonl"),
        "{\"text\": \"Troops withdrew.\"}\nnot json\n",
    )
    .unwrap();
    std::fs::write(dir.join("cut.txt.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]).unwrap();
    let out = sitrep(&["segment", "--depth", "segment", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "stderr: {stderr}");
    assert!(
        stderr.contains("read 2, skipped 5"),
        "tally line missing: {stderr}"
    );
    assert!(
        stderr.contains("lines.jsonl:2"),
        "bad JSONL line named: {stderr}"
    );
    assert!(
        stderr.contains("notes.docx"),
        "unknown extension named: {stderr}"
    );
    assert!(
        stderr.contains("empty.txt")
            && stderr.contains("binary.txt")
            && stderr.contains("cut.txt.gz")
    );
    assert!(text(&out.stdout).contains("Rebels shelled the town on Monday."));
}

#[test]
fn nothing_readable_is_an_error() {
    let dir = scratch("nothing-readable");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let out = sitrep(&["segment", dir.join("empty.txt").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no article could be read"));
    let missing = sitrep(&["segment", "no/such/file.txt"]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("no/such/file.txt"));
}

#[test]
fn conllu_output_reads_back() {
    let out = sitrep(&[
        "segment",
        "examples/aleppo-2016-12-12.txt",
        "--format",
        "conllu",
    ]);
    assert!(out.status.success());
    let sents = sitrep_doc::conllu::parse(&text(&out.stdout)).expect("valid CoNLL-U");
    assert!(sents.len() > 10);
    assert!(sents
        .iter()
        .all(|s| s.words.iter().all(|w| w.misc.contains("Offset="))));
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["segment", "--help"],
        vec!["train", "--help"],
        vec!["eval", "--help"],
        vec!["eval", "segment", "--help"],
        vec!["eval", "tagger", "--help"],
        vec!["eval", "parser", "--help"],
        vec!["eval", "time", "--help"],
        vec!["dict", "--help"],
        vec!["gazetteer", "--help"],
        vec!["code", "--help"],
        vec!["demo", "--help"],
        vec!["eval", "geo", "--help"],
        vec!["eval", "petrarch", "--help"],
    ] {
        let out = sitrep(&args);
        assert!(
            out.status.success(),
            "{args:?} --help failed: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn demo_codes_the_bundled_examples_and_writes_results() {
    let dir = scratch("demo");
    let out = sitrep(&["demo", "--out", dir.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert!(stdout.contains("events by PLOVER type"), "{stdout}");
    assert!(stdout.contains("according to"), "{stdout}");
    assert!(
        text(&out.stderr).contains("read 8, skipped 0"),
        "{}",
        text(&out.stderr)
    );
    let events = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    assert!(events.lines().count() >= 10);
    for line in events.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        assert_eq!(v["schema_version"], "1");
        assert!(v["code"].is_string() && v["verb"]["start"].is_u64());
    }
    let gdelt = std::fs::read_to_string(dir.join("events.gdelt.tsv")).unwrap();
    assert!(
        gdelt.lines().all(|l| l.split('\t').count() == 61),
        "61 GDELT columns"
    );
    let mentions = std::fs::read_to_string(dir.join("mentions.gdelt.tsv")).unwrap();
    assert!(
        mentions.lines().count() >= gdelt.lines().count(),
        "every event has a mention"
    );
    let acled = std::fs::read_to_string(dir.join("events.csv")).unwrap();
    assert!(acled.starts_with("event_id_cnty,event_date,"));
    let acled_rows = acled.lines().count() - 1;
    assert!(
        acled_rows > 0 && acled_rows < events.lines().count(),
        "ACLED events only"
    );
    assert!(
        text(&out.stderr).contains("left out as no ACLED event type"),
        "the rest is counted: {}",
        text(&out.stderr)
    );
    assert!(dir.join("documents.jsonl").is_file());
}

/// `code --format tsv` and `--format gdelt-mentions` on the bundled article:
/// FIPS geography (Russia is FIPS `RS`, which as ISO would be Serbia), GDELT
/// names, the two tables joined by GLOBALEVENTID.
#[test]
fn code_writes_gdelt_tables_in_gdelt_vocabularies() {
    let run = |format: &str| {
        let out = sitrep(&[
            "code",
            "examples/aleppo-2016-12-12.txt",
            "--date",
            "2016-12-12",
            "--format",
            format,
        ]);
        assert!(out.status.success(), "stderr: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let events = run("tsv");
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 5);
    let mut countries = std::collections::BTreeSet::new();
    for r in &rows {
        assert_eq!(r.len(), 61);
        for geo in [37, 45, 53] {
            countries.insert(r[geo]);
        }
        assert_eq!(r[60], "", "no URL: SOURCEURL is empty, not the article id");
    }
    assert!(
        countries.contains("SY") && countries.contains("RS"),
        "{countries:?}"
    );
    assert!(
        !countries.contains("RU"),
        "ISO codes are not FIPS: {countries:?}"
    );
    let lavrov = rows
        .iter()
        .find(|r| r[5] == "RUSGOV")
        .expect("a RUSGOV actor");
    assert_eq!(lavrov[6], "SERGEY LAVROV", "the dictionary's name");
    assert_eq!(lavrov[12], "GOV", "Type1Code");
    let mentions = run("gdelt-mentions");
    let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r[0]).collect();
    for m in mentions.lines() {
        let f: Vec<&str> = m.split('\t').collect();
        assert_eq!(f.len(), 16);
        assert!(ids.contains(f[0]), "joins the event table");
        assert_eq!(f[3], "2", "no URL: a citation-only mention");
        assert_eq!(f[5], "aleppo-2016-12-12");
    }
    assert!(mentions.lines().count() >= rows.len());
}

/// `code --format csv-acled` on the bundled news: ACLED's columns and
/// vocabularies, and what is left out said on stderr.
#[test]
fn code_writes_acled_events_in_acled_vocabularies() {
    let out = sitrep(&["code", "examples/news", "--format", "csv-acled"]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    assert_eq!(
        &header[..4],
        ["event_id_cnty", "event_date", "year", "time_precision"]
    );
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let types = [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ];
    let mut n = 0;
    for line in lines {
        // Fields before `notes` hold no commas or quotes in this corpus
        // except quoted names; read the typed ones from the front.
        let f: Vec<&str> = line.split(',').collect();
        assert!(types.contains(&f[col("event_type")]), "{line}");
        assert!(
            ["1", "2", "3"].contains(&f[col("time_precision")]),
            "{line}"
        );
        n += 1;
    }
    assert!(n > 0);
    let err = text(&out.stderr);
    assert!(err.contains("left out as no ACLED event type"), "{err}");
}

fn sitrep_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir)
        .env_remove("SITREP_GAZETTEER")
        .output()
        .expect("the sitrep binary runs")
}

#[test]
fn an_installed_binary_needs_no_source_tree() {
    // A copy of the binary in a directory of its own, run from another one:
    // models, dictionaries, gazetteer and the demo's examples are built in.
    let dir = scratch("installed");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let exe = bin.join("sitrep");
    std::fs::copy(env!("CARGO_BIN_EXE_sitrep"), &exe).unwrap();
    let cwd = dir.join("elsewhere");
    std::fs::create_dir_all(&cwd).unwrap();
    let out = Command::new(&exe)
        .args(["demo", "--out", "results"])
        .current_dir(&cwd)
        .env_remove("SITREP_GAZETTEER")
        .output()
        .expect("the copied binary runs");
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "stderr: {stderr}");
    assert!(stderr.contains("read 8, skipped 0"), "{stderr}");
    assert!(cwd.join("results/examples/aleppo-2016-12-12.txt").is_file());
    let events = std::fs::read_to_string(cwd.join("results/events.jsonl")).unwrap();
    // The gazetteer is there: some event has a place.
    assert!(events.contains("\"geonameid\""), "{events}");
}

#[test]
fn a_missing_input_among_good_ones_fails_the_run_after_the_rest() {
    let dir = scratch("missing-input");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Title\n\nRebels shelled the town on Monday.\n").unwrap();
    let missing = dir.join("nope.txt");
    let out = sitrep_in(
        &dir,
        &[
            "segment",
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--format",
            "text",
        ],
    );
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(text(&out.stdout).contains("Rebels shelled the town"));
    assert!(stderr.contains("read 1, skipped 1"), "{stderr}");
    assert!(
        stderr.contains(&format!("error: input not found: {}", missing.display())),
        "{stderr}"
    );
    // The cause is said once by the skip, once by the final error; no more.
    assert_eq!(stderr.matches("nope.txt").count(), 2, "{stderr}");
}

#[test]
fn warnings_say_warning_once() {
    let dir = scratch("utf8-once");
    let p = dir.join("bad.txt");
    std::fs::write(&p, b"Title\n\nA bad byte \xff here.\n").unwrap();
    let out = sitrep_in(&dir, &["segment", p.to_str().unwrap(), "--format", "text"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("invalid UTF-8"))
        .expect("a warning");
    assert_eq!(line.matches("warning").count(), 1, "{line}");
}

#[test]
fn other_languages_and_articles_without_events_are_reported() {
    let dir = scratch("silent");
    std::fs::write(
        dir.join("in.jsonl"),
        concat!(
            r#"{"id": "es", "text": "Las fuerzas del gobierno bombardearon los barrios del este de la ciudad el lunes, según dijeron los vecinos."}"#,
            "\n",
            r#"{"id": "calm", "text": "It was a quiet and sunny day, and nothing at all happened anywhere in the area."}"#,
            "\n",
            r#"{"id": "war", "text": "Syrian troops attacked rebels in Aleppo on Monday."}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = sitrep_in(
        &dir,
        &["demo", "in.jsonl", "--out", "out", "--date", "2016-12-12"],
    );
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("in.jsonl:1: language Spanish (spa) detected; reading only eng"),
        "{stderr}"
    );
    assert!(
        stderr.contains("read 2, skipped 1 (1 other language)"),
        "{stderr}"
    );
    assert!(
        stdout.contains("1 article without events (1 no actors found)"),
        "{stdout}"
    );
    let docs = std::fs::read_to_string(dir.join("out/documents.jsonl")).unwrap();
    let docs: Vec<serde_json::Value> = docs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["extra"]["no_events"], "no actors found");
    assert_eq!(docs[0]["extra"]["language"], "eng");
    assert!(docs[1]["extra"].get("no_events").is_none(), "{}", docs[1]);
    // The same reasons close a `code` run.
    let out = sitrep_in(&dir, &["code", "in.jsonl", "--no-places"]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("events; 1 article without events (1 no actors found)"),
        "{stderr}"
    );
}

#[test]
fn users_add_dictionaries_or_replace_them_with_a_compiled_set() {
    let dir = scratch("user-dicts");
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "Blorf talks\n\nQuentin Blorf criticized the Syrian government on Monday.\n",
    )
    .unwrap();
    let actors = dir.join("my.actors.txt");
    std::fs::write(&actors, "QUENTIN_BLORF\n\t[FRAGOV]\n").unwrap();
    let a = article.to_str().unwrap();
    let base = ["code", a, "--no-places", "--date", "2016-12-12"];
    let plain = sitrep_in(&dir, &base);
    assert!(plain.status.success(), "{}", text(&plain.stderr));
    assert!(!text(&plain.stdout).contains("FRAGOV"));
    // Before the input path: the option takes one value, not the paths after it.
    let extended = sitrep_in(
        &dir,
        &[
            "code",
            "--extra-dicts",
            actors.to_str().unwrap(),
            a,
            "--no-places",
            "--date",
            "2016-12-12",
        ],
    );
    assert!(extended.status.success(), "{}", text(&extended.stderr));
    assert!(
        text(&extended.stdout).contains("\"FRAGOV\""),
        "{}",
        text(&extended.stdout)
    );

    // A compiled set from the shipped Phoenix sources codes like the built-in one.
    let sdict = dir.join("phoenix.sdict");
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let compiled = sitrep_in(
        &dir,
        &[
            "dict",
            "compile",
            "--dicts",
            &format!("{root}/data/dict/phoenix"),
            "--dicts",
            &format!("{root}/data/dict"),
            "--out",
            sdict.to_str().unwrap(),
        ],
    );
    assert!(compiled.status.success(), "{}", text(&compiled.stderr));
    let mut args = base.to_vec();
    args.extend(["--dicts", sdict.to_str().unwrap()]);
    let with_sdict = sitrep_in(&dir, &args);
    assert!(with_sdict.status.success(), "{}", text(&with_sdict.stderr));
    assert_eq!(with_sdict.stdout, plain.stdout);

    // A directory without verbs could code nothing: an error, said once.
    let no_verbs = dir.join("no-verbs");
    std::fs::create_dir_all(&no_verbs).unwrap();
    std::fs::copy(&actors, no_verbs.join("my.actors.txt")).unwrap();
    let mut args = base.to_vec();
    args.extend(["--dicts", no_verbs.to_str().unwrap()]);
    let out = sitrep_in(&dir, &args);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("no verb dictionary loaded"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn an_empty_dictionary_directory_is_a_warning_among_others() {
    let dir = scratch("empty-dict-dir");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = sitrep_in(
        &dir,
        &[
            "dict",
            "compile",
            "--dicts",
            empty.to_str().unwrap(),
            "--dicts",
            &format!("{root}/data/dict/phoenix"),
            "--out",
            dir.join("x.sdict").to_str().unwrap(),
        ],
    );
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "sitrep: warning: {}: no PETRARCH or TABARI dictionary files found",
            empty.display()
        )),
        "{stderr}"
    );
    let alone = sitrep_in(
        &dir,
        &[
            "dict",
            "compile",
            "--dicts",
            empty.to_str().unwrap(),
            "--out",
            "y.sdict",
        ],
    );
    assert!(!alone.status.success());
}

#[test]
fn a_discarded_sports_sentence_is_reported_and_the_rest_is_coded() {
    // Probe p34: a story-level discard phrase (`Manchester United`) keeps only
    // its own sentence out of coding, and says so.
    let dir = scratch("discards");
    std::fs::write(
        dir.join("in.jsonl"),
        "{\"id\": \"p34\", \"text\": \"Manchester United lost 2-1. Syrian troops attacked rebels in Homs.\"}\n",
    )
    .unwrap();
    let out = sitrep_in(
        &dir,
        &["demo", "in.jsonl", "--out", "out", "--date", "2016-12-12"],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("1 sentence not coded (discard phrases)"),
        "{stdout}"
    );
    let doc: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(dir.join("out/documents.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let discarded = &doc["extra"]["discarded"][0];
    assert_eq!(discarded["text"], "Manchester United");
    assert_eq!(discarded["story"], true);
    assert!(
        !doc["events"].as_array().unwrap().is_empty(),
        "the Homs attack is still coded"
    );
}
