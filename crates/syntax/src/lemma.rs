//! Lemmatizer: exceptions learned per (form, XPOS), then suffix rewrite rules.
//!
//! A lemma is described by an edit [`Rule`] relative to its form: optionally
//! lowercase the form, strip `strip` characters from its end, append a string. The
//! lowercase flag is set whenever the training lemma has no uppercase letter, so a
//! rule learned from "withdrew → withdraw" also lemmatizes "WITHDREW" correctly.
//!
//! Lookup order: the most frequent rule of the lowercased (form, XPOS) in training;
//! else the most frequent rule of the longest known (XPOS, form suffix) with enough
//! support; else identity (proper nouns) or lowercase.

use crate::binio::{Reader, Writer};
use crate::error::{Error, Result};
use crate::hash::{feat2, str_hash, IdMap};
#[cfg(feature = "train")]
use std::collections::HashMap;

const MAX_SUFFIX: usize = 6;
/// A suffix rule needs this many training tokens to be trusted.
#[cfg(feature = "train")]
const MIN_SUFFIX_COUNT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Rule {
    lower: bool,
    strip: u8,
    append: String,
}

impl Rule {
    #[cfg(feature = "train")]
    fn learn(form: &str, lemma: &str) -> Rule {
        let lower = !lemma.chars().any(char::is_uppercase);
        let base: Vec<char> = if lower {
            form.chars().flat_map(char::to_lowercase).collect()
        } else {
            form.chars().collect()
        };
        let lem: Vec<char> = lemma.chars().collect();
        let common = base.iter().zip(&lem).take_while(|(a, b)| a == b).count();
        let strip = (base.len() - common).min(255) as u8;
        Rule {
            lower,
            strip,
            append: lem[common..].iter().collect(),
        }
    }

    /// Applies the rule, or `None` if the form is too short for it.
    fn apply(&self, form: &str, out: &mut String) -> bool {
        out.clear();
        if self.lower {
            out.extend(form.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(form);
        }
        for _ in 0..self.strip {
            if out.pop().is_none() {
                return false;
            }
        }
        out.push_str(&self.append);
        !out.is_empty()
    }
}

/// See the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// hash(lowercase form, xpos) → rule.
    exceptions: IdMap<u16>,
    /// hash(suffix, xpos) → rule, for suffixes of 0..=MAX_SUFFIX characters.
    suffixes: IdMap<u16>,
}

fn key(s: &str, xpos: u8) -> u64 {
    feat2(1, str_hash(s), u64::from(xpos))
}

fn suffix_key(s: &str, xpos: u8) -> u64 {
    feat2(2, str_hash(s), u64::from(xpos))
}

fn is_proper(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

impl Lemmatizer {
    /// Learns from `(form, xpos index, lemma)` triples.
    #[cfg(feature = "train")]
    pub fn train<'a>(items: impl Iterator<Item = (&'a str, u8, &'a str)>) -> Lemmatizer {
        let mut rules: Vec<Rule> = Vec::new();
        let mut rule_ids: HashMap<Rule, u16> = HashMap::new();
        let mut exc: HashMap<u64, HashMap<u16, u32>> = HashMap::new();
        let mut suf: HashMap<u64, HashMap<u16, u32>> = HashMap::new();
        for (form, xpos, lemma) in items {
            if lemma.is_empty() || lemma == "_" || form.is_empty() {
                continue;
            }
            let rule = Rule::learn(form, lemma);
            let id = *rule_ids.entry(rule.clone()).or_insert_with(|| {
                rules.push(rule);
                (rules.len() - 1) as u16
            });
            if rules.len() >= u16::MAX as usize {
                break;
            }
            let lower = form.to_lowercase();
            *exc.entry(key(&lower, xpos))
                .or_default()
                .entry(id)
                .or_default() += 1;
            let chars: Vec<(usize, char)> = lower.char_indices().collect();
            for k in 0..=MAX_SUFFIX.min(chars.len()) {
                let start = if k == 0 {
                    lower.len()
                } else {
                    chars[chars.len() - k].0
                };
                *suf.entry(suffix_key(&lower[start..], xpos))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        // Most frequent rule; ties to the lower rule id for determinism.
        let best = |m: &HashMap<u16, u32>| -> (u16, u32) {
            let total = m.values().sum();
            let id = m
                .iter()
                .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
                .map_or(0, |(id, _)| *id);
            (id, total)
        };
        let exceptions = exc.iter().map(|(k, m)| (*k, best(m).0)).collect();
        let suffixes = suf
            .iter()
            .filter_map(|(k, m)| {
                let (id, total) = best(m);
                (total >= MIN_SUFFIX_COUNT).then_some((*k, id))
            })
            .collect();
        Lemmatizer {
            rules,
            exceptions,
            suffixes,
        }
    }

    /// Writes the lemma of `form` tagged `xpos` (index and name) into `out`.
    /// `lower` must be `form` lowercased (callers have it already).
    pub fn lemma_into(&self, form: &str, lower: &str, xpos: u8, xpos_name: &str, out: &mut String) {
        if let Some(&r) = self.exceptions.get(&key(lower, xpos)) {
            if self.rules[r as usize].apply(form, out) {
                return;
            }
        }
        // Suffix starts, longest first, without allocating.
        let mut ends = [lower.len(); MAX_SUFFIX + 1];
        let mut n = 0;
        for (i, _) in lower.char_indices().rev().take(MAX_SUFFIX) {
            ends[n] = i;
            n += 1;
        }
        ends[..n].reverse();
        for &start in &ends[..=n] {
            if let Some(&r) = self.suffixes.get(&suffix_key(&lower[start..], xpos)) {
                if self.rules[r as usize].apply(form, out) {
                    return;
                }
            }
        }
        out.clear();
        if is_proper(xpos_name) {
            out.push_str(form);
        } else {
            out.push_str(lower);
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.len(self.rules.len());
        for r in &self.rules {
            w.u8(u8::from(r.lower));
            w.u8(r.strip);
            w.str(&r.append);
        }
        for map in [&self.exceptions, &self.suffixes] {
            let mut e: Vec<(u64, u16)> = map.iter().map(|(k, v)| (*k, *v)).collect();
            e.sort_unstable();
            w.u64s(&e.iter().map(|x| x.0).collect::<Vec<_>>());
            w.u32s(&e.iter().map(|x| u32::from(x.1)).collect::<Vec<_>>());
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Lemmatizer> {
        let n = r.len(10)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            let append = r.str()?;
            rules.push(Rule {
                lower,
                strip,
                append,
            });
        }
        let mut maps = Vec::new();
        for _ in 0..2 {
            let keys = r.u64s()?;
            let vals = r.u32s()?;
            if keys.len() != vals.len() || vals.iter().any(|&v| v as usize >= rules.len()) {
                return Err(Error::corrupt("lemmatizer: bad table"));
            }
            let m: IdMap<u16> = keys
                .into_iter()
                .zip(vals.into_iter().map(|v| v as u16))
                .collect();
            maps.push(m);
        }
        let suffixes = maps.pop().unwrap_or_default();
        let exceptions = maps.pop().unwrap_or_default();
        Ok(Lemmatizer {
            rules,
            exceptions,
            suffixes,
        })
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn rules_and_fallbacks() {
        let data = [
            ("withdrew", 28u8, "withdraw"),
            ("walked", 28, "walk"),
            ("talked", 28, "talk"),
            ("The", 3, "the"),
            ("Aleppo", 14, "Aleppo"),
            ("forces", 13, "force"),
            ("houses", 13, "house"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        let mut out = String::new();
        l.lemma_into("WITHDREW", "withdrew", 28, "VBD", &mut out);
        assert_eq!(out, "withdraw");
        l.lemma_into("jumped", "jumped", 28, "VBD", &mut out);
        assert_eq!(out, "jump", "suffix rule");
        l.lemma_into("Idlib", "idlib", 14, "NNP", &mut out);
        assert_eq!(out, "Idlib");
        l.lemma_into("x", "x", 13, "NNS", &mut out);
        assert_eq!(out, "x");
    }
}
