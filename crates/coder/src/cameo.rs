//! CAMEO code arithmetic and tables: root code, quad class, Goldstein value and
//! the PLOVER 2021 mapping (vendored in `data/cameo/cameo2plover.tsv`).
//!
//! Goldstein values: sitrep uses the *root* (two-digit) value of the CAMEO
//! Goldstein table as distributed with CAMEO-coded data sets (01 → 0.0 …
//! 20 → −10.0, listed in [`GOLDSTEIN_ROOT`]); sub-codes inherit their root's
//! value. Finer per-code values are not vendored because no verified copy of
//! the full table was available; `docs/schema.md` states this.

use sitrep_doc::events::Plover;
use std::collections::HashMap;
use std::sync::OnceLock;

static PLOVER_TSV: &str = include_str!("../../../data/cameo/cameo2plover.tsv");

/// Goldstein value per CAMEO root code `01`..`20` (index = root − 1).
pub const GOLDSTEIN_ROOT: [f32; 20] = [
    0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0,
    -9.0, -10.0, -10.0,
];

/// The two-digit root of a CAMEO code (`"1123"` → `"11"`), if it is one.
pub fn root_code(code: &str) -> Option<&str> {
    let root = code.get(..2)?;
    let n: u8 = root.parse().ok()?;
    (1..=20).contains(&n).then_some(root)
}

fn root_number(code: &str) -> Option<usize> {
    root_code(code).and_then(|r| r.parse::<usize>().ok())
}

/// 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal
/// conflict (09–13), 4 material conflict (14–20); 0 for a non-CAMEO code.
pub fn quad_class(code: &str) -> u8 {
    match root_number(code) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        Some(14..=20) => 4,
        _ => 0,
    }
}

/// The Goldstein value of a code's root; 0.0 for a non-CAMEO code.
pub fn goldstein(code: &str) -> f32 {
    root_number(code)
        .and_then(|r| GOLDSTEIN_ROOT.get(r - 1))
        .copied()
        .unwrap_or(0.0)
}

/// True if `code` looks like a CAMEO event code: 2–4 digits with a valid root
/// (PETRARCH-style letter suffixes such as `075A` are accepted).
pub fn is_event_code(code: &str) -> bool {
    root_code(code).is_some() && code.len() <= 4 && code.bytes().take(3).all(|b| b.is_ascii_digit())
}

/// How a statement frames an action: CAMEO codes a stated intention, a
/// demand, an appeal or a refusal to act as a verbal event of its own (roots
/// 03, 10, 02, 12 and 13), not as the action itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The actor says it will (or is willing to) act: cooperation → 03x
    /// "express intent to cooperate", force or coercion → 13x "threaten".
    Intent,
    /// The actor threatens to act (`threatened to ...`): force or coercion →
    /// its 13x threat, anything else → 130 "threaten, not specified".
    Threat,
    /// A speaker says another actor must act: → 10x "demand".
    Demand,
    /// A speaker says another actor should act: → 02x "appeal".
    Appeal,
    /// The actor refuses (or says it will not) act: → 12x "reject".
    Refusal,
}

/// The CAMEO 03x "express intent to cooperate" code matching a cooperative
/// action (roots 03–08); CAMEO builds 03x, 02x, 10x and 12x in parallel to
/// those roots: 031 material cooperation (06x), 032 diplomatic cooperation
/// (05x), 033 aid (07x), 034 political reform (083x), 035 yield (08x), 036
/// meet or negotiate (04x), 038/039 mediation (045).
fn intent_of_cooperation(code: &str) -> Option<String> {
    let d: String = code.chars().take_while(char::is_ascii_digit).collect();
    let sub = |n: usize| d.get(n..n + 1).unwrap_or("");
    let out = match d.get(..2)? {
        "03" => d.clone(),
        "04" => match d.get(..3) {
            Some("045") => "038".to_string(),
            _ => "036".to_string(),
        },
        "05" => "032".to_string(),
        // 061..064 economic, military, judicial, intelligence → 0311..0314.
        "06" => match sub(2) {
            x @ ("1" | "2" | "3" | "4") => format!("031{x}"),
            _ => "031".to_string(),
        },
        // 071..074 economic, military, humanitarian, peacekeeping → 0331..0334.
        "07" => match sub(2) {
            x @ ("1" | "2" | "3" | "4") => format!("033{x}"),
            _ => "033".to_string(),
        },
        "08" => match d.get(..3).unwrap_or("08") {
            "081" => "0351".to_string(),
            "082" => "0352".to_string(),
            // 0831..0834 leadership, policy, rights, institutions → 0341..0344.
            "083" => match sub(3) {
                x @ ("1" | "2" | "3" | "4") => format!("034{x}"),
                _ => "034".to_string(),
            },
            "084" => "0353".to_string(),
            "085" => "0354".to_string(),
            "086" => "0355".to_string(),
            "087" => "0356".to_string(),
            _ => "035".to_string(),
        },
        _ => return None,
    };
    Some(out)
}

/// The CAMEO 13x "threaten" code matching a coercive or violent action
/// (roots 14–20): 133 protest, 1311–1313 aid/sanctions/relations, 134–136
/// halting negotiations, mediation or involvement, 132x administrative
/// sanctions, 137 repression, 138x force (1381 blockade, 1382 occupation,
/// 1383 unconventional violence, 1384 conventional attack, 1385 WMD).
fn threat_of_force(code: &str) -> Option<String> {
    let d: String = code.chars().take_while(char::is_ascii_digit).collect();
    let three = d.get(..3).unwrap_or("");
    let out = match d.get(..2)? {
        "14" => "133",
        "15" => match three {
            "152" | "154" => "138",
            _ => "130",
        },
        "16" => match three {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            _ => "131",
        },
        "17" => match d.get(..4).unwrap_or(three) {
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            _ => match three {
                "172" | "173" | "174" => "132",
                "175" => "137",
                _ => "130",
            },
        },
        "18" => "1383",
        "19" => match three {
            "191" => "1381",
            "192" => "1382",
            "193" | "194" | "195" => "1384",
            _ => "138",
        },
        "20" => match three {
            "204" => "1385",
            _ => "1383",
        },
        _ => return None,
    };
    Some(out.to_string())
}

/// The code of `code`'s action framed by `frame`, or `None` when the frame
/// does not change it (a verbal act such as a statement or an accusation
/// keeps its code; only intent frames turn force into a threat).
pub fn framed(code: &str, frame: Frame) -> Option<String> {
    if frame == Frame::Threat {
        return match root_code(code) {
            Some("13") => Some(code.to_string()),
            Some(_) => threat_of_force(code).or_else(|| Some("130".to_string())),
            None => None,
        };
    }
    if frame == Frame::Intent {
        if let Some(t) = threat_of_force(code) {
            return Some(t);
        }
    }
    let intent = intent_of_cooperation(code)?;
    // 03x, 02x and 10x share their sub-structure digit for digit (039
    // "mediate" has no 02x/10x twin: 028/108 "mediation" take it).
    let rest = intent.get(2..).unwrap_or("");
    Some(match frame {
        Frame::Intent | Frame::Threat => intent,
        Frame::Demand => match rest {
            "9" => "108".to_string(),
            r => format!("10{r}"),
        },
        Frame::Appeal => match rest {
            "9" => "028".to_string(),
            r => format!("02{r}"),
        },
        Frame::Refusal => {
            let (head, tail) = rest.split_at(rest.len().min(1));
            match head {
                "1" => format!("121{tail}"),
                "3" => format!("122{tail}"),
                "4" => format!("123{tail}"),
                "5" => format!("124{tail}"),
                "6" => "125".to_string(),
                "7" => "127".to_string(),
                "8" | "9" => "126".to_string(),
                _ => "120".to_string(),
            }
        }
    })
}

/// One row of the CAMEO → PLOVER table.
#[derive(Clone, Debug, PartialEq)]
struct PloverRow {
    event: String,
    mode: Option<String>,
    context: Option<String>,
}

fn table() -> &'static HashMap<String, PloverRow> {
    static TABLE: OnceLock<HashMap<String, PloverRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for line in PLOVER_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(code), Some(event)) = (f.next(), f.next()) else {
                continue;
            };
            let nonempty = |s: Option<&str>| {
                s.map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let mode = nonempty(f.next());
            let context = nonempty(f.next());
            map.insert(
                code.to_string(),
                PloverRow {
                    event: event.trim().to_string(),
                    mode,
                    context,
                },
            );
        }
        map
    })
}

/// The PLOVER event, mode and context for a CAMEO code: the longest prefix of
/// the code present in the table (`0874` → `087` → `08`), with the score of
/// the PLOVER manual's table for event and mode.
pub fn plover(code: &str) -> Option<Plover> {
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    let t = table();
    let row = (2..=digits.len())
        .rev()
        .find_map(|n| digits.get(..n).and_then(|p| t.get(p)))?;
    Some(Plover {
        event: row.event.clone(),
        mode: row.mode.clone(),
        context: row.context.clone(),
        score: plover_score(&row.event, row.mode.as_deref()),
    })
}

/// Verbs of resigning: PLOVER files an official's resignation under
/// RETREAT, mode `resign` (manual, RETREAT: "RETREAT also covers
/// resignations of government officials"), where CAMEO has it as 0831
/// "accede to demands for change in leadership" (CONCEDE by the table).
const RESIGN: &[&str] = &["resign", "abdicate"];

/// [`plover`] for a code carried by the verb `lemma`: a resignation coded as
/// a concession (08x) is PLOVER RETREAT, mode `resign`; every other code
/// maps through the table.
pub fn plover_for_verb(code: &str, lemma: &str) -> Option<Plover> {
    let p = plover(code)?;
    if p.event == "CONCEDE" && RESIGN.contains(&lemma) {
        return Some(Plover {
            event: "RETREAT".to_string(),
            mode: Some("resign".to_string()),
            context: p.context,
            score: plover_score("RETREAT", Some("resign")),
        });
    }
    Some(p)
}

/// Score of the PLOVER manual's "PLOVER conflict–cooperation scores" table
/// (`PLOVER_MANUAL.tex`, tab:ploverscores): the event-and-mode value if the
/// table lists it, else the event's value.
pub fn plover_score(event: &str, mode: Option<&str>) -> f32 {
    let mode = mode.map(|m| m.to_ascii_lowercase());
    let by_mode = |pairs: &[(&str, f32)]| {
        mode.as_deref()
            .and_then(|m| pairs.iter().find(|(k, _)| *k == m).map(|(_, v)| *v))
    };
    let (base, modes): (f32, &[(&str, f32)]) = match event {
        "AGREE" => (2.5, &[]),
        "CONSULT" => (
            2.5,
            &[
                ("visit", 4.0),
                ("third-party", 1.0),
                ("multilateral", 4.0),
                ("phone", 1.5),
            ],
        ),
        "SUPPORT" => (5.0, &[]),
        "CONCEDE" => (4.5, &[]),
        "COOPERATE" => (9.5, &[]),
        "AID" => (10.0, &[]),
        "RETREAT" => (
            6.5,
            &[
                ("withdraw", 8.0),
                ("release", 6.5),
                ("disarm", 10.0),
                ("ceasefire", 7.5),
                ("access", 6.5),
                ("resign", 4.5),
            ],
        ),
        "REQUEST" => (
            0.0,
            &[
                ("assist", 0.5),
                ("change", -1.0),
                ("yield", -1.0),
                ("meet", 0.0),
            ],
        ),
        "ACCUSE" => (
            3.0,
            &[
                ("disapprove", -2.0),
                ("investigate", -3.5),
                ("allege", -3.5),
            ],
        ),
        "REJECT" => (
            -2.0,
            &[
                ("assist", -1.5),
                ("change", -2.0),
                ("yield", -2.0),
                ("meet", -2.0),
            ],
        ),
        "THREATEN" => (
            -3.5,
            &[
                ("restrict", -3.0),
                ("arrest", -3.5),
                ("relations", -3.5),
                ("expel", -3.5),
                ("territory", -4.0),
                ("violence", -3.5),
            ],
        ),
        "PROTEST" => (
            -5.0,
            &[
                ("demo", -5.0),
                ("riot", -7.0),
                ("strike", -5.0),
                ("hunger", -4.5),
                ("boycott", -4.5),
                ("obstruct", -4.5),
            ],
        ),
        "SANCTION" => (
            -6.0,
            &[
                ("convict", -6.0),
                ("expel", -5.5),
                ("withdraw", -6.0),
                ("discontinue", -6.0),
            ],
        ),
        "MOBILIZE" => (
            -5.5,
            &[
                ("troops", -6.5),
                ("weapons", -6.5),
                ("police", -5.5),
                ("militia", -6.0),
            ],
        ),
        "COERCE" => (
            -7.0,
            &[
                ("seize", -7.0),
                ("restrict", -7.0),
                ("censor", -6.5),
                ("curfew", -6.5),
                ("martial-law", -7.5),
                ("arrest", -7.0),
                ("deport", -7.0),
                ("withhold", -7.0),
                ("misinformation", -6.5),
                ("cyber", -7.0),
            ],
        ),
        "ASSAULT" => (
            -9.0,
            &[
                ("abduct", -8.5),
                ("beat", -7.5),
                ("torture", -8.5),
                ("sexual", -8.5),
                ("targeted", -9.5),
                ("destroy", -8.5),
                ("primitive", -8.0),
                ("firearms", -9.0),
                ("explosives", -9.0),
                ("suicide-attack", -9.5),
                ("aerial", -9.5),
                ("drone", -9.5),
                ("heavy-weapons", -9.5),
                ("crowd-control", -7.5),
                ("unconventional", -10.0),
            ],
        ),
        _ => (0.0, &[]),
    };
    by_mode(modes).unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_quads_goldstein() {
        assert_eq!(root_code("1123"), Some("11"));
        assert_eq!(root_code("21"), None);
        assert_eq!(root_code("x1"), None);
        assert_eq!(quad_class("064"), 2);
        assert_eq!(quad_class("120"), 3);
        assert_eq!(quad_class("190"), 4);
        assert_eq!(quad_class("042"), 1);
        assert_eq!(goldstein("190"), -10.0);
        assert_eq!(goldstein("0"), 0.0);
        assert!(is_event_code("075A"));
        assert!(!is_event_code("---"));
    }

    #[test]
    fn frames() {
        use Frame::*;
        // "X will send food aid" is intent to give humanitarian aid.
        assert_eq!(framed("0733", Intent).as_deref(), Some("0333"));
        assert_eq!(framed("073", Intent).as_deref(), Some("0333"));
        assert_eq!(framed("042", Intent).as_deref(), Some("036"));
        assert_eq!(framed("0874", Intent).as_deref(), Some("0356"));
        assert_eq!(framed("0831", Intent).as_deref(), Some("0341"));
        assert_eq!(framed("190", Intent).as_deref(), Some("138"));
        assert_eq!(framed("163", Intent).as_deref(), Some("1312"));
        assert_eq!(framed("1723", Intent).as_deref(), Some("1323"));
        // A verbal act keeps its code.
        assert_eq!(framed("112", Intent), None);
        assert_eq!(framed("010", Demand), None);
        // Demands, appeals and refusals mirror 03x.
        assert_eq!(framed("0842", Demand).as_deref(), Some("1053"));
        assert_eq!(framed("061", Demand).as_deref(), Some("1011"));
        assert_eq!(framed("030", Demand).as_deref(), Some("100"));
        assert_eq!(framed("045", Appeal).as_deref(), Some("028"));
        assert_eq!(framed("071", Appeal).as_deref(), Some("0231"));
        assert_eq!(framed("0813", Refusal).as_deref(), Some("1241"));
        assert_eq!(framed("043", Refusal).as_deref(), Some("125"));
        assert_eq!(framed("072", Refusal).as_deref(), Some("1222"));
        assert_eq!(framed("050", Refusal).as_deref(), Some("120"));
        assert_eq!(framed("172", Threat).as_deref(), Some("132"));
        assert_eq!(framed("0871", Threat).as_deref(), Some("130"));
        assert_eq!(framed("1384", Threat).as_deref(), Some("1384"));
        // Refusing to use force is no CAMEO category.
        assert_eq!(framed("190", Refusal), None);
        for code in [
            "0333", "036", "0356", "0341", "1053", "1011", "028", "1241", "125",
        ] {
            assert!(plover(code).is_some(), "{code}");
        }
    }

    #[test]
    fn plover_mapping() {
        let p = plover("0874").unwrap();
        assert_eq!(p.event, "RETREAT");
        let p = plover("112").unwrap();
        assert_eq!(p.event, "ACCUSE");
        assert_eq!(p.score, -2.0);
        assert_eq!(plover("190").unwrap().event, "ASSAULT");
        assert!(plover("99").is_none());
        // A resignation is PLOVER RETREAT, mode resign; a stated intention
        // to resign stays AGREE.
        let p = plover_for_verb("0831", "resign").unwrap();
        assert_eq!(
            (p.event.as_str(), p.mode.as_deref()),
            ("RETREAT", Some("resign"))
        );
        assert_eq!(p.score, 4.5);
        assert_eq!(plover_for_verb("0341", "resign").unwrap().event, "AGREE");
        assert_eq!(plover_for_verb("0831", "accede").unwrap().event, "CONCEDE");
        // sitrep's additions: CAMEO 02 appeals are requests, 0813 concedes.
        assert_eq!(plover("0253").unwrap().event, "REQUEST");
        assert_eq!(plover("0813").unwrap().event, "CONCEDE");
        assert_eq!(plover("0841").unwrap().event, "RETREAT");
    }
}
