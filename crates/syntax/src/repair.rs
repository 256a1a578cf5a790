//! Post-parse repairs: two attachments that UD's own guidelines decide and
//! that a greedy transition parser trained on ~120k words often gets wrong.
//!
//! 1. **Object control.** `forced the opposition to withdraw`: the
//!    infinitive is an `xcomp` of the control verb, not an `acl` of its
//!    object. The training data has both shapes (`a plan to withdraw` is a
//!    real `acl`), so the parser cannot tell them apart without knowing the
//!    verb; a short lexicon of object-control and ECM verbs (`force`, `ask`,
//!    `urge`, `allow`, `order`...) can.
//! 2. **One subject per predicate.** UD gives a predicate at most one `nsubj`
//!    (coordinated subjects hang off the first as `conj`). When the parser
//!    leaves two bare `nsubj` on one verb and the first is an adjective or
//!    name immediately before the second's phrase (`the Russian Foreign
//!    Minister Sergey Lavrov said`), the first is a modifier inside the
//!    second's noun phrase: re-attached there as `amod` (adjective) or
//!    `compound` (name).
//!
//! Repairs only move a dependent to another head that keeps the tree a tree
//! (the new head is never inside the moved subtree) and never touch the root.
//! Their effect on held-out treebanks is recorded in `data/models/README.md`.

use crate::deparc::DepArc;
use crate::tagger::Tag;
use sitrep_doc::Deprel;

/// Verbs whose object is the understood subject of a following
/// `to`-infinitive (stems: matched against the lower-cased verb form, so
/// `forc` covers force/forces/forced/forcing).
const CONTROL_STEMS: &[&str] = &[
    "forc", "compel", "oblig", "ask", "urg", "order", "allow", "permit", "persuad", "convinc",
    "tell", "told", "encourag", "invit", "requir", "enabl", "pressur", "instruct", "advis", "warn",
    "remind", "authoriz", "authoris", "direct", "command", "beg", "implor", "prompt", "caus",
    "teach", "taught", "train", "inspir", "challeng", "mandat", "empower", "lead", "led",
];
// Not `want`, `need`, `expect`, `help`: their objects often carry a real
// `acl` (`want a way to get there`, `helping efforts to tackle debt`).

fn is_control_verb(form: &str) -> bool {
    let lower = form.to_lowercase();
    CONTROL_STEMS.iter().any(|s| {
        lower.strip_prefix(s).is_some_and(|rest| {
            // Only inflectional endings after the stem (`ask`, `asks`, `asked`,
            // `asking`; `forc`+`e`, `es`, `ed`, `ing`), not another word
            // (`asking` yes, `askance` no; `lead` yes, `leader` is a noun anyway).
            matches!(
                rest,
                "" | "s" | "ed" | "ing" | "e" | "es" | "d" | "ged" | "ging" | "s'"
            )
        })
    })
}

/// Whether `d` is `h` or one of its descendants.
fn dominates(arcs: &[DepArc], h: usize, d: usize) -> bool {
    let mut cur = d;
    for _ in 0..=arcs.len() {
        if cur == h {
            return true;
        }
        match arcs.get(cur).and_then(|a| a.head) {
            Some(p) => cur = p as usize,
            None => return false,
        }
    }
    false
}

fn label(name: &str) -> Deprel {
    Deprel::from_name_or_base(name)
}

/// Applies the repairs to one parsed sentence in place.
pub(crate) fn repair(forms: &[impl AsRef<str>], tags: &[Tag], arcs: &mut [DepArc]) {
    let n = arcs.len().min(forms.len()).min(tags.len());
    let rel = |arcs: &[DepArc], i: usize| arcs.get(i).map_or("", |a| a.deprel.as_str());
    let head = |arcs: &[DepArc], i: usize| arcs.get(i).and_then(|a| a.head).map(|h| h as usize);
    let is_verb = |i: usize| tags.get(i).is_some_and(|t| t.upos.as_str() == "VERB");
    // Linear-time bookkeeping (a 10,000-token "sentence" must stay cheap):
    // which words have a `to` marker, and any children at all.
    let mut to_marked = vec![false; n];
    for (c, form) in forms.iter().enumerate().take(n) {
        if let Some(h) = head(arcs, c).filter(|&h| h < n) {
            if rel(arcs, c) == "mark" && form.as_ref().eq_ignore_ascii_case("to") {
                to_marked[h] = true;
            }
        }
    }
    // 1. Object control: X --acl--> obj --obj--> V(control) with `to` marking X.
    for x in 0..n {
        if rel(arcs, x) != "acl" || !is_verb(x) {
            continue;
        }
        let Some(o) = head(arcs, x) else { continue };
        if o >= x || rel(arcs, o) != "obj" {
            continue;
        }
        let Some(v) = head(arcs, o) else { continue };
        if v >= o || !is_verb(v) || !is_control_verb(forms[v].as_ref()) {
            continue;
        }
        if !to_marked[x] || dominates(arcs, x, v) {
            continue;
        }
        arcs[x] = DepArc {
            head: Some(v as u32),
            deprel: label("xcomp"),
        };
    }
    // 2. One subject: an adjective or name `nsubj` right before another
    //    `nsubj` phrase of the same verb belongs inside that phrase.
    // Each word's `nsubj` children (in order, up to three: only exactly two
    // matter) and whether it has any children.
    let mut subjects: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_child = vec![false; n];
    for i in 0..n {
        if let Some(h) = head(arcs, i).filter(|&h| h < n) {
            has_child[h] = true;
            if rel(arcs, i) == "nsubj" && subjects[h].len() < 3 {
                subjects[h].push(i);
            }
        }
    }
    for subj in &subjects {
        let [first, second] = subj[..] else {
            continue;
        };
        let upos = tags[first].upos.as_str();
        let xpos = tags[first].xpos.as_str();
        let adjective = upos == "ADJ" || xpos == "JJ";
        let name = upos == "PROPN";
        if !(adjective || name) || first >= second {
            continue;
        }
        // Only inside a bare nominal run (`Russian Foreign Minister Sergey
        // Lavrov`); a determiner or pronoun means two phrases (`Louis the
        // German`, `Wintour herself`).
        let nominal = |i: usize| matches!(tags[i].upos.as_str(), "NOUN" | "PROPN");
        if !nominal(second)
            || !(first + 1..second).all(|i| nominal(i) || tags[i].upos.as_str() == "ADJ")
        {
            continue;
        }
        // The first's own subtree is just itself, and everything between it
        // and the second subject belongs to the second's phrase.
        if has_child[first] {
            continue;
        }
        if !(first + 1..second).all(|i| dominates(arcs, second, i)) {
            continue;
        }
        // Attach to the first word of the second's phrase that is a noun
        // (its leftmost nominal): `Russian` → `Minister`, not `Lavrov`.
        let target = (first + 1..=second)
            .find(|&i| matches!(tags[i].upos.as_str(), "NOUN" | "PROPN"))
            .unwrap_or(second);
        // The modifier attaches to the nominal heading that stretch.
        let mut t = target;
        while let Some(h) = head(arcs, t) {
            if h <= first || h >= second || !matches!(tags[h].upos.as_str(), "NOUN" | "PROPN") {
                break;
            }
            t = h;
        }
        if dominates(arcs, first, t) {
            continue;
        }
        arcs[first] = DepArc {
            head: Some(t as u32),
            deprel: label(if adjective { "amod" } else { "compound" }),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_verb_forms() {
        for f in [
            "force", "forced", "Forces", "forcing", "asked", "told", "urges",
        ] {
            assert!(is_control_verb(f), "{f}");
        }
        for f in ["forceful", "askance", "leader", "ordinary"] {
            assert!(!is_control_verb(f), "{f}");
        }
    }

    fn tag(upos: &str, xpos: &str) -> Tag {
        Tag {
            upos: sitrep_doc::Upos::from_name(upos).unwrap_or_default(),
            xpos: sitrep_doc::Xpos::from_name(xpos).unwrap_or_default(),
        }
    }

    fn arc(head: Option<u32>, rel: &str) -> DepArc {
        DepArc {
            head,
            deprel: label(rel),
        }
    }

    #[test]
    fn object_control_infinitive_becomes_xcomp() {
        // Rebels forced the army to retreat
        let forms = ["Rebels", "forced", "the", "army", "to", "retreat"];
        let tags = [
            tag("NOUN", "NNS"),
            tag("VERB", "VBD"),
            tag("DET", "DT"),
            tag("NOUN", "NN"),
            tag("PART", "TO"),
            tag("VERB", "VB"),
        ];
        let mut arcs = vec![
            arc(Some(1), "nsubj"),
            arc(None, "root"),
            arc(Some(3), "det"),
            arc(Some(1), "obj"),
            arc(Some(5), "mark"),
            arc(Some(3), "acl"),
        ];
        repair(&forms, &tags, &mut arcs);
        assert_eq!(arcs[5].head, Some(1));
        assert_eq!(arcs[5].deprel.as_str(), "xcomp");
        // A noun's own infinitive after a non-control verb stays an `acl`.
        let forms = ["Rebels", "rejected", "the", "plan", "to", "retreat"];
        arcs[5] = arc(Some(3), "acl");
        repair(&forms, &tags, &mut arcs);
        assert_eq!(arcs[5].deprel.as_str(), "acl");
    }

    #[test]
    fn a_modifier_left_as_second_subject_joins_the_subject_phrase() {
        // the Russian Foreign Minister Sergey said
        let forms = ["the", "Russian", "Foreign", "Minister", "Sergey", "said"];
        let tags = [
            tag("DET", "DT"),
            tag("ADJ", "JJ"),
            tag("PROPN", "NNP"),
            tag("PROPN", "NNP"),
            tag("PROPN", "NNP"),
            tag("VERB", "VBD"),
        ];
        let mut arcs = vec![
            arc(Some(3), "det"),
            arc(Some(5), "nsubj"),
            arc(Some(3), "compound"),
            arc(Some(4), "nmod:desc"),
            arc(Some(5), "nsubj"),
            arc(None, "root"),
        ];
        repair(&forms, &tags, &mut arcs);
        assert_eq!(arcs[1].head, Some(3));
        assert_eq!(arcs[1].deprel.as_str(), "amod");
        assert_eq!(arcs[4].deprel.as_str(), "nsubj");
    }
}
