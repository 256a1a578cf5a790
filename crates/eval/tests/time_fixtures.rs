//! The shipped time-expression fixtures: every case must hold (they document
//! the grammar's behaviour), and there must be at least 60.
use sitrep_eval::time as eval;

#[test]
fn time_fixtures_pass() {
    let text = include_str!("../../time/tests/fixtures/time.tsv");
    let cases = eval::parse(text).expect("fixture parses");
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let report = eval::evaluate(cases);
    let failures: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| !o.correct)
        .map(|o| {
            let got = o
                .found
                .as_ref()
                .map_or("nothing".to_string(), |t| t.to_string());
            format!("line {}: {:?}: got {got}", o.case.line, o.case.sentence)
        })
        .collect();
    println!(
        "time accuracy: {:.3} ({}/{})",
        report.accuracy(),
        report.correct,
        report.total()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn bad_fixture_lines_are_reported() {
    assert!(eval::parse("2016-12-12\tonly three\tcols").is_err());
    assert!(eval::parse("2016-13-12\tx\t-\t-\t-").is_err());
    assert!(eval::parse("2016-12-12\tOn Monday.\tTuesday\t2016-12-06\tday").is_err());
    assert!(eval::parse("2016-12-12\tOn Monday.\tMonday\t2016-12-12\tfortnight").is_err());
    let cases = eval::parse("# c\n2016-12-12\tOn Monday.\tMonday\t2016-12-12\tday\n").unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].line, 2);
}

/// Held-out cases, not tuned on: reported, and guarded only against collapse.
#[test]
fn held_out_time_fixtures() {
    for (name, text) in [
        (
            "time-heldout.tsv",
            include_str!("../../time/tests/fixtures/time-heldout.tsv"),
        ),
        (
            "time-heldout2.tsv",
            include_str!("../../time/tests/fixtures/time-heldout2.tsv"),
        ),
    ] {
        let cases = eval::parse(text).expect("fixture parses");
        let report = eval::evaluate(cases);
        for o in report.outcomes.iter().filter(|o| !o.correct) {
            let got = o
                .found
                .as_ref()
                .map_or("nothing".to_string(), |t| t.to_string());
            println!(
                "{name}: miss line {}: {:?}: got {got}",
                o.case.line, o.case.sentence
            );
        }
        println!(
            "{name}: time accuracy: {:.3} ({}/{})",
            report.accuracy(),
            report.correct,
            report.total()
        );
        assert!(report.accuracy() >= 0.6, "{name}: accuracy collapsed");
    }
}
