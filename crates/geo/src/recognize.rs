//! Toponym recognition: which token sequences of a parsed [`Doc`] name places.
//!
//! A candidate is a gazetteer name ([`Gazetteer::longest_match`], multi-word,
//! diacritics-insensitive) over capitalised tokens. Candidates are then filtered
//! by rules over the tagger's and parser's output, because in news most
//! collisions are people and organisations named like places:
//!
//! - a title ([`sitrep_lexicon::is_title`]) or a first name before a
//!   single-word match makes it a person
//!   (`President Bashar Al-Assad`, `Michael Jordan`, `George Washington`), and
//!   the surname is remembered for the rest of the article (one sense per
//!   discourse: a later bare `Assad` is the person too);
//! - a city-sized match that is the subject of a verb of speaking, thinking or
//!   deciding ([`sitrep_lexicon::SpeechClass::has_agent_subject`]) is a
//!   government or a person (`Washington said`), unless it is a country, whose
//!   metonymic use still locates the actor;
//! - capitalised common words (sentence-initial `March`, `Police`) need the
//!   tagger to call them proper nouns, or a strong candidate (a country);
//! - all-capital short tokens (`AP`, `SOHR`, `IS`, `TV`) count only when they
//!   are known place abbreviations ([`crate::abbrev::place_abbreviation`]:
//!   `US`, `UK`, `UAE`, `DRC`) or a big place's own name in capitals (`IRAN`);
//! - a name another stage already knows is not a place
//!   ([`crate::names::TakenNames`]): a dictionary actor that is not named after
//!   a place (`Hamas`, the `Al` of `Al Qaeda`), a person, an organisation;
//! - a spelling variant found only through the folded index
//!   ([`crate::normalize::fold`]: `Deir Ezzor`, `Raqa`) must be a proper noun,
//!   and a single word needs a strong candidate or a locative before it;
//! - an apostrophe-less possessive of a country or big place before another
//!   name (`in Syrias Homs`) is read as the place it possesses;
//! - demonyms and adjectives (`Syrian`) are not mentions but are kept as
//!   evidence of a country for the resolver.
//!
//! Invariant of the output: toponyms are in text order, do not overlap, and
//! each covers whole tokens of one sentence.

use crate::gazetteer::Gazetteer;
use crate::place::{Candidate, PlaceKind};
use sitrep_doc::persons::{in_tokens, PersonMentionKind};
use sitrep_doc::{Doc, Span, Upos};
use sitrep_lexicon::{is_capitalised, is_title, speech_class, SpeechClass};
use std::collections::HashSet;
use std::ops::Range;

/// Names in GeoNames rarely exceed this many words.
const MAX_NAME_TOKENS: usize = 6;

/// A recognised toponym with its gazetteer candidates.
#[derive(Clone, Debug)]
pub struct Toponym<'g> {
    /// Document-wide token range.
    pub tokens: Range<usize>,
    /// Byte span in `doc.text`.
    pub span: Span,
    /// Candidates, biggest first (see [`Candidate`]): those of the folded key,
    /// a superset of `exact`.
    pub candidates: &'g [Candidate],
    /// Candidates of the name as written (exact key); empty when only a
    /// spelling variant matched. The resolver scores the others lower.
    pub exact: &'g [Candidate],
    /// The normalised key (one sense per article is kept per key).
    pub key: String,
    /// Written in capitals (`US`, `UAE`): code candidates are acceptable.
    pub all_caps: bool,
    /// Index (in the same list) of a toponym that qualifies this one as
    /// `City, State` or `City, Country`.
    pub qualifier: Option<usize>,
    /// Index of the sentence.
    pub sentence: usize,
    /// An entry fixed by the pattern that recognised it (`Wichita, Kan.` →
    /// Kansas); the resolver takes it as is.
    pub forced: Option<crate::place::PlaceId>,
}

/// A demonym or country adjective (`Syrian`): evidence of a country.
#[derive(Clone, Copy, Debug)]
pub struct DemonymHit {
    pub token: usize,
    /// ISO code of the country.
    pub country: [u8; 2],
}

/// A gazetteer name recognition did not take as a toponym, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Document-wide token range.
    pub tokens: Range<usize>,
    pub span: Span,
    pub reason: String,
}

/// What recognition found in a document.
#[derive(Clone, Debug, Default)]
pub struct Recognition<'g> {
    pub toponyms: Vec<Toponym<'g>>,
    pub demonyms: Vec<DemonymHit>,
    /// Gazetteer names rejected as toponyms, with the reason (for `explain`
    /// listings and evaluation diagnostics), in text order.
    pub rejected: Vec<Rejected>,
}

/// Words before a name that are part of a place description, not a first name.
const PLACE_MODIFIERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "downtown",
    "upper",
    "lower",
    "greater",
    "metro",
    "old",
    "rural",
    "suburban",
    "coastal",
    "inner",
    "outer",
    "mid",
    "uptown",
    "midtown",
    "nearby",
    "neighboring",
    "neighbouring",
    "occupied",
    "besieged",
    "rebel-held",
    "government-held",
    "regime-held",
    "war-torn",
    "the",
];

/// Capitalised words that are not place names in running text even when a
/// village somewhere bears them (besides month and weekday names,
/// [`sitrep_doc::is_calendar_word`], and titles, [`sitrep_lexicon::is_title`]).
const NOT_PLACES: &[&str] = &[
    "god",
    "i",
    "a",
    "an",
    "the",
    "this",
    "that",
    "he",
    "she",
    "it",
    "we",
    "they",
    "you",
    "his",
    "her",
    "its",
    "our",
    "their",
    "st",
    "police",
    "government",
    "state",
    "city",
    "county",
    "university",
    "church",
    "news",
    "post",
    "times",
    "said",
    "says",
    "but",
    "and",
    "or",
    "if",
    "when",
    "after",
    "before",
    "while",
    "as",
    "at",
    "in",
    "on",
    "of",
    "for",
    "to",
    "from",
    "with",
    "by",
    "no",
    "yes",
    "one",
    "two",
    "three",
    "union",
    "center",
    "centre",
    "park",
    "school",
    "hospital",
    "page",
    "christmas",
    "easter",
    "islam",
    "allah",
    "internet",
    "web",
    "email",
    "photo",
    "video",
    // Generic heads of longer names (streets, routes, holidays, services):
    // alone they are a fragment of `Main Street`, `Route 9`, `Memorial Day`,
    // `Air Force`, never the hamlet that bears the word.
    "street",
    "road",
    "way",
    "avenue",
    "lane",
    "drive",
    "court",
    "route",
    "loop",
    "walk",
    "boulevard",
    "square",
    "bridge",
    "hall",
    "region",
    "day",
    "air",
    "force",
    "army",
    "navy",
    "house",
    "office",
    "first",
    "metro",
];

/// Lowercase words allowed inside a multi-word name (`Bosnia and Herzegovina`,
/// `Trinidad and Tobago`, `Isle of Man`, `Deir al-Zor`).
const CONNECTORS: &[&str] = &[
    "of", "and", "de", "del", "la", "le", "du", "des", "al", "el", "the", "on", "upon", "sur",
    "am", "an", "der", "di", "da", "do", "dos", "das", "y", "en", "-", "ez", "ed", "es", "ar",
    "ash", "as", "at", "ad", "az", "bin", "ibn", "bani", "beni", "abu",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Every letter is a capital and there are at least two letters (`US`, `U.S.`).
fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn is_connector(s: &str) -> bool {
    let l = lower(s);
    // An attached article (`al-`, `el-`) is a connector too.
    let l = l.trim_end_matches('-');
    CONNECTORS.contains(&l)
}

/// Recognises toponyms and demonyms in a tagged (ideally parsed) document.
///
/// Works without tags too (then every capitalised gazetteer name counts), but
/// precision depends on them. Never panics, whatever the document holds.
pub fn recognize<'g>(doc: &Doc, gaz: &'g Gazetteer) -> Recognition<'g> {
    let texts: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    let mut out = Recognition::default();
    let mut mem = Memory {
        persons: HashSet::new(),
        vocabulary: HashSet::new(),
    };
    let taken = crate::names::TakenNames::of(doc, gaz);
    // Words the article also writes in lower case are common words here
    // (`the day`, `a court`), so their capitalised use is a name part.
    mem.vocabulary = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
        .map(|t| t.to_string())
        .collect();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens();
        let Some(sent) = texts.get(range.clone()) else {
            continue;
        };
        let base = range.start;
        // Person names introduced in this sentence, for one sense per discourse.
        note_persons(doc, range.clone(), gaz, &mut mem.persons);
        let mut i = 0;
        while i < sent.len() {
            let tok = sent[i];
            if !is_capitalised(tok) {
                i += 1;
                continue;
            }
            if let Some(t) = state_abbreviation(doc, gaz, &texts, base + i, si, &out.toponyms) {
                out.toponyms.push(t);
                i += 1;
                continue;
            }
            let m = gaz.longest_match(sent, i, MAX_NAME_TOKENS);
            let Some(m) = m else {
                if let Some(t) = possessive(doc, gaz, &texts, base + i, si, &taken) {
                    out.toponyms.push(t);
                } else if let Some(c) = demonym(gaz, doc, base + i, tok) {
                    out.demonyms.push(c);
                }
                i += 1;
                continue;
            };
            // Trim the match to end on a capitalised token.
            let mut len = m.len;
            let (mut cands, mut exact) = (m.candidates, m.exact);
            while len > 1 && !is_capitalised(sent[i + len - 1]) {
                len -= 1;
                let prefix = &sent[i..i + len];
                let none: (&[Candidate], &[Candidate]) = (&[], &[]);
                (cands, exact) = gaz.longest_match(prefix, 0, len).map_or(none, |m| {
                    if m.len == len {
                        (m.candidates, m.exact)
                    } else {
                        none
                    }
                });
            }
            let inner_ok = sent[i..i + len]
                .iter()
                .all(|t| is_capitalised(t) || is_connector(t));
            let g = base + i;
            let tokens = g..g + len;
            if cands.is_empty() || !inner_ok {
                i += 1;
                continue;
            }
            if let Some(c) = demonym(gaz, doc, g, tok).filter(|_| len == 1) {
                out.demonyms.push(c);
                i += 1;
                continue;
            }
            let span = match (doc.tokens.get(g), doc.tokens.get(g + len - 1)) {
                (Some(a), Some(b)) => Span {
                    start: a.span.start,
                    end: b.span.end,
                },
                _ => break,
            };
            let verdict = match taken.taken(tokens.clone()) {
                Some(why) if !outweighs(gaz, why, exact) => Err(why.reason()),
                _ => accept(
                    doc,
                    &texts,
                    tokens.clone(),
                    i == 0,
                    (cands, exact),
                    gaz,
                    &mut mem,
                )
                .map_err(str::to_string),
            };
            match verdict {
                Ok(Accepted { all_caps, forced }) => {
                    let words: Vec<&str> = texts[tokens.clone()].to_vec();
                    let key = crate::normalize::key(&words.join(" "));
                    out.toponyms.push(Toponym {
                        tokens,
                        span,
                        candidates: cands,
                        exact,
                        key,
                        all_caps,
                        qualifier: None,
                        sentence: si,
                        forced,
                    });
                    i += len;
                }
                Err(reason) => {
                    out.rejected.push(Rejected {
                        tokens,
                        span,
                        reason,
                    });
                    // A rejected spelling variant may have swallowed the start
                    // of an exact name (`An Albany`): try the next token.
                    i += if exact.is_empty() { 1 } else { len };
                }
            }
        }
    }
    link_qualifiers(&texts, &mut out.toponyms);
    out
}

/// A US state abbreviation right after `Toponym,` (`Wichita, Kan.`), as a
/// toponym fixed to the state.
fn state_abbreviation<'g>(
    doc: &Doc,
    gaz: &'g Gazetteer,
    texts: &[&str],
    i: usize,
    sentence: usize,
    found: &[Toponym<'g>],
) -> Option<Toponym<'g>> {
    let code = crate::abbrev::us_state(texts.get(i)?)?;
    // `Wichita, Kan.`: a capitalised word (usually a recognised toponym) and a
    // comma before; for a bare USPS code the toponym must have been recognised.
    if i < 2 || texts.get(i - 1) != Some(&",") {
        return None;
    }
    let after_toponym = found.last().is_some_and(|t| t.tokens.end == i - 1);
    let after_capital = texts.get(i - 2).is_some_and(|t| is_capitalised(t));
    let dotted = texts.get(i).is_some_and(|t| t.ends_with('.'));
    if !(after_toponym || (dotted && after_capital)) {
        return None;
    }
    let state = gaz.admin1("US", code)?;
    let candidates = gaz.lookup(state.name);
    let span = doc.tokens.get(i)?.span;
    Some(Toponym {
        tokens: i..i + 1,
        span,
        candidates,
        exact: candidates,
        key: crate::normalize::key(state.name),
        all_caps: false,
        qualifier: None,
        sentence,
        forced: Some(state.id),
    })
}

/// Whether a place outweighs a partial actor-name mark (`Henderson` for
/// `vince henderson`): its name as written is a country's, a first-order
/// area's or a big city's own name. A full actor name (`Hamas`, an alternate
/// name of Hamm) is never outweighed.
fn outweighs(gaz: &Gazetteer, why: &crate::names::Taken, exact: &[Candidate]) -> bool {
    if !matches!(why, crate::names::Taken::Actor { partial: true, .. }) {
        return false;
    }
    exact.iter().any(|c| {
        let p = gaz.place(c.place);
        !c.is_code()
            && c.is_primary()
            && (matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1) || p.population >= 100_000)
    })
}

/// An apostrophe-less possessive (`in Syrias Homs`, common in scraped copy):
/// a word that is a country's or first-order area's name plus `s`, before a
/// capitalised gazetteer name. The toponym covers the whole token and names
/// the possessor.
fn possessive<'g>(
    doc: &Doc,
    gaz: &'g Gazetteer,
    texts: &[&str],
    i: usize,
    sentence: usize,
    taken: &crate::names::TakenNames,
) -> Option<Toponym<'g>> {
    let word = *texts.get(i)?;
    let stem = word.strip_suffix('s')?;
    let next = *texts.get(i + 1)?;
    if stem.chars().count() < 3 || !is_capitalised(next) || taken.taken(i..i + 2).is_some() {
        return None;
    }
    if doc.sentence_of_token(i + 1) != Some(sentence) {
        return None;
    }
    let candidates = gaz.lookup(stem);
    let big = candidates.iter().any(|c| {
        let p = gaz.place(c.place);
        !c.is_code() && matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1)
    });
    if !big || gaz.longest_match(texts, i + 1, MAX_NAME_TOKENS).is_none() {
        return None;
    }
    Some(Toponym {
        tokens: i..i + 1,
        span: doc.tokens.get(i)?.span,
        candidates,
        exact: candidates,
        key: crate::normalize::key(stem),
        all_caps: false,
        qualifier: None,
        sentence,
        forced: None,
    })
}

/// A demonym or country adjective at token `i`, if it is one.
fn demonym(gaz: &Gazetteer, doc: &Doc, i: usize, text: &str) -> Option<DemonymHit> {
    // Only adjectives and nouns: `Jordan` (the name) is not a demonym.
    let t = doc.tokens.get(i)?;
    if t.upos.is_set() && !matches!(t.upos.as_str(), "ADJ" | "PROPN" | "NOUN" | "X") {
        return None;
    }
    let p = gaz.demonym(text)?;
    let c = p.country.as_bytes();
    match c {
        [a, b] => Some(DemonymHit {
            token: i,
            country: [*a, *b],
        }),
        _ => None,
    }
}

/// Records the surnames of the people the `persons` layer names in the tokens
/// `range` (`President Bashar Al-Assad` → `al assad`, `assad`), so a later
/// bare `Assad` is no place either (one sense per discourse). A name whose
/// last word is a country or first-level division (`President of Syria` is
/// a position, not a person) is not recorded.
fn note_persons(doc: &Doc, range: Range<usize>, gaz: &Gazetteer, persons: &mut HashSet<String>) {
    let (Ok(lo), Ok(hi)) = (u32::try_from(range.start), u32::try_from(range.end)) else {
        return;
    };
    for p in in_tokens(&doc.persons, lo..hi)
        .iter()
        .filter(|p| p.kind != PersonMentionKind::Pronoun)
    {
        let Some(last) = doc.slice(p.span).split_whitespace().next_back() else {
            continue;
        };
        let big = gaz
            .places(last)
            .next()
            .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1));
        if big {
            continue;
        }
        let k = crate::normalize::key(last);
        if let Some(stripped) = k.strip_prefix("al ") {
            persons.insert(stripped.to_string());
        }
        persons.insert(k);
    }
}

/// What recognition remembers across an article's sentences.
struct Memory {
    /// Keys of person names seen (one sense per discourse).
    persons: HashSet<String>,
    /// Words the article writes in lower case somewhere.
    vocabulary: HashSet<String>,
}

/// An accepted gazetteer match.
struct Accepted {
    /// Written in capitals (`US`): code candidates are acceptable.
    all_caps: bool,
    /// The entry a known abbreviation stands for (`DRC` → DR Congo).
    forced: Option<crate::place::PlaceId>,
}

/// Decides whether a gazetteer match (its folded and exact candidates) is a
/// toponym, or why not.
fn accept(
    doc: &Doc,
    texts: &[&str],
    tokens: Range<usize>,
    sentence_initial: bool,
    (folded, exact): (&[Candidate], &[Candidate]),
    gaz: &Gazetteer,
    mem: &mut Memory,
) -> Result<Accepted, &'static str> {
    // The rules judge the name as written; a spelling variant (no exact
    // candidate) is judged by its folded candidates, and asked more of below.
    let variant = exact.is_empty();
    let cands = if variant { folded } else { exact };
    let Memory {
        persons,
        vocabulary,
    } = mem;
    let first = tokens.start;
    let len = tokens.len();
    let words = texts.get(tokens.clone()).ok_or("no tokens")?;
    let joined = words.join(" ");
    let all_caps = is_all_caps(&joined);
    // The biggest candidate the name can mean as written: a code candidate
    // (`KIM`, Kimberley's airport code) only counts for a word in capitals.
    let top = cands
        .iter()
        .find(|c| all_caps || !c.is_code())
        .or(cands.first())
        .ok_or("no candidate")?;
    let top = gaz.place(top.place);
    let strong =
        matches!(top.kind, PlaceKind::Country | PlaceKind::Admin1) || top.population >= 100_000;
    if len == 1 {
        let word = lower(words[0]);
        let word = word.trim_end_matches('.');
        if NOT_PLACES.contains(&word) || sitrep_doc::is_calendar_word(word) || is_title(words[0]) {
            return Err("common word or title");
        }
        if words[0].ends_with('.') && is_calendar_abbreviation(word) {
            return Err("an abbreviated month or weekday");
        }
    }
    if len == 1 && !strong && !all_caps && vocabulary.contains(&lower(words[0])) {
        return Err("written in lower case elsewhere in the article");
    }
    let mut forced = None;
    // Short all-capital words are acronyms (`IS`, `SDF`, `TV`, `AP`) unless
    // they are known place abbreviations or a big place's own name written
    // in capitals (`IRAN` in a headline).
    if all_caps && joined.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        let key = crate::normalize::key(&joined);
        // A dotted state abbreviation (`N.Y.`, `S.C.`) cannot be an acronym.
        let dotted_state = (len == 1 && joined.contains('.'))
            .then(|| crate::abbrev::us_state(&joined))
            .flatten()
            .and_then(|code| gaz.admin1("US", code));
        match crate::abbrev::place_abbreviation(&key) {
            Some(Some(iso)) => forced = gaz.country(iso).map(|p| p.id),
            Some(None) => {}
            None if dotted_state.is_some() => forced = dotted_state.map(|p| p.id),
            None => {
                let own_name = cands.iter().any(|c| {
                    let p = gaz.place(c.place);
                    !c.is_code()
                        && c.is_primary()
                        && (matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1)
                            || p.population >= 100_000)
                });
                if !own_name {
                    return Err("short capitals: an acronym, not a place abbreviation");
                }
            }
        }
    } else if cands.iter().all(|c| c.is_code()) {
        // `Us` as a word is not the code `US`.
        return Err("a code written as a word");
    }
    let tok = doc.tokens.get(first).ok_or("no token")?;
    let last_tok = doc.tokens.get(tokens.end - 1).ok_or("no token")?;
    if variant {
        // A spelling variant is only as good as the evidence that a place is
        // meant: a proper noun, and for one word a strong place or a locative.
        let propn = !tok.upos.is_set() || tok.upos == Upos::PROPN;
        let short = len == 1 && joined.chars().filter(|c| c.is_alphabetic()).count() < 4;
        if !propn || short || (len == 1 && !strong && !after_locative(texts, first)) {
            return Err("spelling variant without place evidence");
        }
    }
    let tagged = tok.upos.is_set();
    if tagged && len == 1 && !all_caps {
        let propn = tok.upos == Upos::PROPN;
        if !propn {
            let nounish = matches!(tok.upos.as_str(), "NOUN" | "ADJ" | "X" | "NUM");
            if sentence_initial || !nounish || !strong {
                return Err("not a proper noun");
            }
        }
    }
    let key = crate::normalize::key(&joined);
    if persons.contains(&key) && !matches!(top.kind, PlaceKind::Country) {
        return Err("a person named earlier");
    }
    // A title or first name before a single-word match: a person.
    if len == 1 && first > 0 {
        let prev = texts.get(first - 1).copied().unwrap_or("");
        let same_sentence = doc.sentence_of_token(first - 1) == doc.sentence_of_token(first);
        if same_sentence && is_title(prev) {
            persons.insert(crate::normalize::key(&joined));
            return Err("a person (after a title)");
        }
        if same_sentence && is_capitalised(prev) && !is_all_caps(prev) {
            let l = lower(prev);
            let modifier = PLACE_MODIFIERS.contains(&l.as_str());
            let prev_tok = doc.tokens.get(first - 1);
            let prev_propn = prev_tok.is_some_and(|t| t.upos == Upos::PROPN);
            let big = |p: crate::place::Place<'_>| {
                matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1) || p.population >= 50_000
            };
            // `Syrias Homs`: a possessive of a place (see [`possessive`]).
            let prev_place = gaz.places(prev).next().is_some_and(big)
                || prev
                    .strip_suffix('s')
                    .is_some_and(|stem| gaz.places(stem).next().is_some_and(big));
            let prev_initial = doc.sentence_of_token(first - 1).is_some_and(|s| {
                doc.sentences
                    .get(s)
                    .is_some_and(|s| s.token_start as usize == first - 1)
            });
            let exempt = modifier || prev_place || (prev_initial && strong);
            if prev_propn && !exempt {
                // `John Kelly`: later a bare `Kelly` is the same person.
                persons.insert(crate::normalize::key(&joined));
                return Err("a person (after a first name)");
            }
        }
    }
    if len == 1 && !strong && !after_locative(texts, first) {
        // A weak name followed by another capitalised word that is not a place:
        // a first name (`Rami Abdulrahman`) or part of an organisation
        // (`Human Rights`).
        if let Some(next) = texts.get(first + 1) {
            let same = doc.sentence_of_token(first + 1) == doc.sentence_of_token(first);
            if same && is_capitalised(next) && !is_all_caps(next) && gaz.lookup(next).is_empty() {
                return Err("a first name or part of a longer name");
            }
        }
    }
    // In a title-cased line (`Battle for Aleppo Ended?`) capitals say nothing:
    // only countries and big cities, or names after a locative, count.
    if len == 1
        && top.kind != PlaceKind::Country
        && top.population < 100_000
        && !after_locative(texts, first)
        && title_cased(doc, texts, first)
    {
        return Err("weak name in a title-cased line");
    }
    // `Washington said`: a city as the subject of an agent's verb is its government.
    if !matches!(top.kind, PlaceKind::Country) {
        let is_subj = last_tok.deprel.as_str().starts_with("nsubj");
        if is_subj {
            if let Some(h) = last_tok.head.and_then(|h| doc.tokens.get(h as usize)) {
                let lemma = h.lemma.as_deref().unwrap_or("");
                if speech_class(lemma).is_some_and(SpeechClass::has_agent_subject) {
                    return Err("a city as the subject of an agent's verb");
                }
            }
        }
    }
    Ok(Accepted { all_caps, forced })
}

/// `jan`, `nov`, `sept`, `tues` (written `Jan.`, `Nov.`): the first three or
/// more letters of a month or weekday name.
fn is_calendar_abbreviation(word: &str) -> bool {
    word.len() >= 3
        && sitrep_doc::MONTH_NAMES
            .iter()
            .chain(sitrep_doc::WEEKDAY_NAMES.iter())
            .any(|n| n.starts_with(word))
}

/// Prepositions that announce a location (`in`, `near`, `outside`, `north of`).
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "outside",
    "of",
    "from",
    "at",
    "to",
    "into",
    "across",
    "around",
    "inside",
    "towards",
    "toward",
    "through",
    "throughout",
    "via",
    "between",
    "within",
    "nearby",
];

/// Whether the token before `i` is a locative preposition.
fn after_locative(texts: &[&str], i: usize) -> bool {
    i > 0
        && texts
            .get(i - 1)
            .is_some_and(|t| LOCATIVES.contains(&lower(t).as_str()))
}

/// Whether the sentence of token `i` is title-cased: most of its longer words
/// are capitalised, as in headlines.
fn title_cased(doc: &Doc, texts: &[&str], i: usize) -> bool {
    let Some(s) = doc.sentence_of_token(i).and_then(|s| doc.sentences.get(s)) else {
        return false;
    };
    // Only the line of token `i`: a headline may share a sentence with the body.
    let r = s.tokens();
    let gap_has_newline = |a: usize, b: usize| -> bool {
        match (doc.tokens.get(a), doc.tokens.get(b)) {
            (Some(x), Some(y)) => doc
                .text
                .get(x.span.end as usize..y.span.start as usize)
                .is_some_and(|g| g.contains('\n')),
            _ => true,
        }
    };
    let mut lo = i;
    while lo > r.start && !gap_has_newline(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = i + 1;
    while hi < r.end && !gap_has_newline(hi - 1, hi) {
        hi += 1;
    }
    let (mut caps, mut words) = (0usize, 0usize);
    for t in texts.get(lo..hi).unwrap_or(&[]) {
        if t.chars().count() > 3 && t.chars().all(char::is_alphabetic) {
            words += 1;
            caps += usize::from(is_capitalised(t));
        }
    }
    words >= 3 && caps * 10 >= words * 6
}

/// Links `City, State` pairs: a toponym followed by a comma and another toponym
/// takes the second as its qualifier.
fn link_qualifiers(texts: &[&str], toponyms: &mut [Toponym<'_>]) {
    for i in 1..toponyms.len() {
        let (a, b) = (&toponyms[i - 1], &toponyms[i]);
        if a.sentence == b.sentence
            && b.tokens.start == a.tokens.end + 1
            && texts.get(a.tokens.end).is_some_and(|t| *t == ",")
        {
            toponyms[i - 1].qualifier = Some(i);
        }
    }
}
