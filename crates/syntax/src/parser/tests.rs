//! The decoder against its definition: the to-infinitive rule, dense rows
//! equal to hashed rows, the fast path equal to scoring every feature by its
//! hash (on the vendored model and, with `train`, a freshly trained one), and
//! the dynamic oracle's exactness (with `train`).

use super::dense::DENSE_TEMPLATES;
use super::features::NO_VALENCY;
use super::state::{left, words_into, State, SHIFT};
use super::*;
use crate::corpus::{Rng, Sent};
use crate::dense::Domain;
use crate::hash::{feat1, feat2};
use sitrep_doc::Xpos;

/// The to-infinitive rule: with the rule on, s0 may not become the
/// subject of a `to`-infinitive in the buffer when a finite verb follows
/// before punctuation, unless s0 follows "for"; other left arcs stay legal.
#[test]
fn to_infinitive_subject_rule() {
    let tag = |x: &str, u: &str| Tag {
        upos: Upos::from_name(u).unwrap(),
        xpos: Xpos::from_name(x).unwrap(),
    };
    let (nsubj, mark) = (3usize, 5usize);
    let subject_labels = [nsubj as u8 + 1, 0];
    // Moves to: s0 = the word before "to", buffer = the infinitive, with
    // "to" attached to it as its leftmost child.
    let state = |forms: &[&str], tags: &[Tag], s0: usize| {
        let mut scratch = String::new();
        let mut words = Vec::new();
        words_into(forms, tags, &mut scratch, &mut words);
        let mut st = State::new(forms.len());
        st.mark_leaves(&words);
        st.forbid_infinitive_subjects(&words, subject_labels);
        while st.b < s0 {
            st.apply(SHIFT);
        }
        st.apply(SHIFT); // s0 word
        st.apply(SHIFT); // "to"
        st.apply(left(mark)); // infinitive -> "to"
        st
    };
    let n = |x| tag(x, "NOUN");
    let (to, vb, vbp) = (tag("TO", "PART"), tag("VB", "VERB"), tag("VBP", "VERB"));
    let forbidden = |st: &State| !st.moves(0).allows(left(nsubj));
    let st = state(
        &["proposals", "to", "declare", "pauses", "lead"],
        &[n("NNS"), to, vb, n("NNS"), vbp],
        1,
    );
    assert!(forbidden(&st));
    assert!(st.moves(0).allows(left(mark)));
    // No finite verb after the infinitive: a headline's clause.
    let st = state(
        &["UK", "to", "replace", "tests"],
        &[n("NNP"), to, vb, n("NNS")],
        1,
    );
    assert!(!forbidden(&st));
    // "for X to VB".
    let st = state(
        &["for", "Congress", "to", "act", "is", "vital"],
        &[
            tag("IN", "ADP"),
            n("NNP"),
            to,
            vb,
            tag("VBZ", "AUX"),
            tag("JJ", "ADJ"),
        ],
        2,
    );
    assert!(!forbidden(&st));
    // A comma ends the clause before the finite verb.
    let st = state(
        &["plans", "to", "act", ",", "officials", "say"],
        &[n("NNS"), to, vb, tag(",", "PUNCT"), n("NNS"), vbp],
        1,
    );
    assert!(!forbidden(&st));
}

/// (heads, 1-based with 0 = root) of small projective trees.
#[cfg(feature = "train")]
const TREES: &[&[u32]] = &[
    &[2, 3, 0, 6, 6, 3, 3],
    &[2, 0, 4, 2, 6, 2, 2],
    &[4, 4, 4, 0, 6, 4, 4],
    &[2, 6, 5, 5, 2, 0, 8, 6, 6],
    &[0, 1, 1, 1, 1],
    &[5, 5, 5, 5, 0],
    &[0, 3, 1, 5, 3, 1],
];

#[cfg(feature = "train")]
fn gold(heads: &[u32]) -> train::Gold {
    train::Gold {
        heads: std::iter::once(NONE).chain(heads.iter().copied()).collect(),
        labels: std::iter::once(0)
            .chain(heads.iter().map(|&h| usize::from(h != 0)))
            .collect(),
    }
}

fn fixture() -> Vec<Sent> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.conllu");
    crate::corpus::load(&[path]).unwrap()
}

fn gold_tags(s: &Sent) -> Vec<Tag> {
    s.upos
        .iter()
        .zip(&s.xpos)
        .map(|(&upos, &xpos)| Tag { upos, xpos })
        .collect()
}

/// The fixture with gold tags, odd inputs (empty, one word, punctuation
/// runs, missing tags, a word with many dependents), and random
/// sentences over the fixture's words with tags of every kind, the
/// unset one included: between them they reach every dense domain's
/// edges and values outside them.
fn exactness_inputs() -> Vec<(Vec<String>, Vec<Tag>)> {
    let sents = fixture();
    let mut out: Vec<(Vec<String>, Vec<Tag>)> = sents
        .iter()
        .map(|s| (s.forms.clone(), gold_tags(s)))
        .collect();
    let tag = |u: &str, x: &str| Tag {
        upos: Upos::from_name(u).unwrap(),
        xpos: Xpos::from_name(x).unwrap(),
    };
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    out.push((Vec::new(), Vec::new()));
    out.push((words(&["Hello"]), vec![tag("INTJ", "UH")]));
    out.push((words(&["Hello"]), Vec::new()));
    out.push((vec![",".to_string(); 300], vec![tag("PUNCT", ","); 300]));
    let mut mixed = words(&["Rebels"]);
    mixed.extend(std::iter::repeat_n(".".to_string(), 40));
    mixed.extend(words(&["withdrew", "!", "!", "?"]));
    let mut mixed_tags = vec![tag("NOUN", "NNS")];
    mixed_tags.extend(std::iter::repeat_n(tag("PUNCT", "."), 40));
    mixed_tags.extend([
        tag("VERB", "VBD"),
        tag("PUNCT", "."),
        tag("PUNCT", "."),
        tag("PUNCT", "."),
    ]);
    out.push((mixed, mixed_tags));
    out.push((
        words(&["the", "city", "withdrew", "."]),
        vec![tag("DET", "DT")],
    ));
    // Many adjectives before one noun: valencies past the dense domain.
    let mut many = vec!["big".to_string(); 30];
    many.push("city".to_string());
    let mut many_tags = vec![tag("ADJ", "JJ"); 30];
    many_tags.push(tag("NOUN", "NN"));
    out.push((many, many_tags));
    let vocab: Vec<&String> = sents.iter().flat_map(|s| &s.forms).collect();
    let mut rng = Rng::new(11);
    for _ in 0..300 {
        let len = (rng.next_u64() % 40) as usize;
        let forms: Vec<String> = (0..len)
            .map(|_| vocab[(rng.next_u64() % vocab.len() as u64) as usize].clone())
            .collect();
        let tags: Vec<Tag> = (0..len)
            .map(|_| Tag {
                upos: Upos::from_index((rng.next_u64() % Upos::NAMES.len() as u64) as usize)
                    .unwrap(),
                xpos: Xpos::from_index((rng.next_u64() % Xpos::NAMES.len() as u64) as usize)
                    .unwrap(),
            })
            .collect();
        out.push((forms, tags));
    }
    out
}

/// The fast path ([`Parser::parse_with`], one state reused across
/// sentences, and [`Parser::parse`]) gives the arcs of scoring every
/// feature by its hash.
fn assert_exact(parser: &Parser) {
    let mut ps = ParseState::default();
    for (forms, tags) in exactness_inputs() {
        let want = parser.parse_hashed(&forms, &tags);
        assert_eq!(want.len(), forms.len());
        assert_eq!(parser.parse_with(&forms, &tags, &mut ps), want, "{forms:?}");
        assert_eq!(parser.parse(&forms, &tags), want, "{forms:?}");
    }
}

#[cfg(feature = "train")]
#[test]
fn dense_parsing_is_exact_for_a_freshly_trained_model() {
    let sents = fixture();
    let items: Vec<TrainItem<'_>> = sents
        .iter()
        .map(|sent| TrainItem {
            sent,
            tags: gold_tags(sent),
        })
        .collect();
    let cfg = ParserConfig {
        iterations: 5,
        prune: 0.0,
        ..ParserConfig::default()
    };
    let parser = train(&items, &cfg).unwrap();
    assert_exact(&parser);
    // And after a save/load round trip (the other way tables are built).
    assert_exact(&Parser::from_bytes(&parser.to_bytes()).unwrap());
}

#[test]
fn dense_parsing_is_exact_for_the_vendored_model() {
    assert_exact(&Parser::vendored().unwrap());
}

/// Every row of every dense table holds the weights of its hashed
/// feature, and values outside a domain have no row.
#[test]
fn dense_rows_are_the_hashed_rows() {
    let parser = Parser::vendored().unwrap();
    let n = parser.weights.n_classes();
    let n_labels = parser.labels.len();
    let mut want: Scores = [0; 256];
    let mut non_zero = 0;
    for &(t, first, second) in DENSE_TEMPLATES {
        let (d1, d2) = (first.domain(n_labels), second.map(|k| k.domain(n_labels)));
        for a in d1.values() {
            let bs: Vec<Option<u64>> = match d2 {
                None => vec![None],
                Some(d) => d.values().map(Some).collect(),
            };
            for b in bs {
                let f = b.map_or_else(|| feat1(t, a), |b| feat2(t, a, b));
                parser.weights.score(&[f], &mut want);
                let row = parser.dense.row(t, a, b).unwrap();
                let row: Vec<i32> = row.iter().map(|&v| v.into()).collect();
                assert_eq!(row, want[..n], "template {t}");
                non_zero += usize::from(row.iter().any(|&v| v != 0));
            }
        }
        let outside = d1.hi + 1000;
        assert!(parser.dense.row(t, outside, second.map(|_| 0)).is_none());
    }
    assert!(non_zero > 100, "{non_zero}");
    assert!(parser
        .dense
        .row(36, 5, Some(Domain::VALENCY.hi + 1))
        .is_none());
    assert!(parser.dense.row(36, 5, Some(NO_VALENCY)).is_some());
    assert!(parser.dense.row(20, 5, Some(5)).is_none());
}

/// Following zero-cost moves from any reachable configuration builds a tree
/// whose loss equals the cost accumulated by the deviations: the oracle is
/// what training relies on, so it must be exact.
#[cfg(feature = "train")]
#[test]
fn dynamic_oracle_is_exact() {
    let n_labels = 2; // 0 = "x", 1 = "root"... labels only need to be distinct
    let root_label = 0;
    let mut rng = Rng::new(7);
    // Plus random projective single-rooted trees.
    let mut trees: Vec<Vec<u32>> = TREES.iter().map(|t| t.to_vec()).collect();
    while trees.len() < 300 {
        let n = 2 + (rng.next_u64() % 11) as usize;
        let root = 1 + (rng.next_u64() % n as u64) as u32;
        let heads: Vec<u32> = (1..=n as u32)
            .map(|d| {
                if d == root {
                    0
                } else {
                    loop {
                        let h = 1 + (rng.next_u64() % n as u64) as u32;
                        if h != d {
                            break h;
                        }
                    }
                }
            })
            .collect();
        let acyclic = (1..=n).all(|d| {
            let (mut a, mut steps) = (d, 0);
            while a != 0 && steps <= n {
                a = heads[a - 1] as usize;
                steps += 1;
            }
            a == 0
        });
        if acyclic && crate::projective::is_projective(&heads) {
            trees.push(heads);
        }
    }
    for heads in &trees {
        let g = gold(heads);
        // Label indices: gold uses 0 for root, 1 for others.
        for trial in 0..200 {
            let mut st = State::new(heads.len());
            let mut costs = vec![0u32; 2 + 2 * n_labels];
            let mut spent = 0;
            while !st.terminal() {
                g.costs(&st, n_labels, &mut costs);
                let legal: Vec<usize> = (0..costs.len())
                    .filter(|&c| st.legal(c, root_label))
                    .collect();
                let min = legal.iter().map(|&c| costs[c]).min().unwrap();
                let c = if trial > 0 && rng.unit() < 0.3 {
                    legal[(rng.next_u64() % legal.len() as u64) as usize]
                } else {
                    *legal.iter().find(|&&c| costs[c] == min).unwrap()
                };
                spent += costs[c] - min;
                st.apply(c);
            }
            let mut wrong = 0;
            for d in 1..=heads.len() {
                let h = if st.heads[d] == NONE {
                    NONE
                } else {
                    st.heads[d]
                };
                let gh = if heads[d - 1] == 0 { 0 } else { heads[d - 1] };
                let lab_ok = st.labels[d] as usize == g.labels[d] + 1;
                if h != gh || !lab_ok {
                    wrong += 1;
                }
            }
            if trial == 0 {
                assert_eq!(wrong, 0, "oracle path must be exact for {heads:?}");
            }
            assert_eq!(wrong, spent, "loss must equal spent cost for {heads:?}");
        }
    }
}
