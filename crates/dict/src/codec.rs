//! The compiled dictionary format (version 1).
//!
//! ```text
//! b"SITREPDICT"  u16 LE version  u32 LE payload length  deflate(payload)
//! payload = string table, then sections
//! string table = n, then n × (len, UTF-8 bytes)      (all integers LEB128 varints)
//! ```
//!
//! Sections, in order: sources, actors, agents, verbs (synsets, blocks,
//! transformations), discards, issues, prepositions, options. Strings are
//! written as ids into the table, so each distinct word is stored once; a date
//! is `yyyymmdd` (0 = none); an optional string is `id + 1` (0 = none).
//! Pattern elements are a tag byte whose high bit is the tight connector.
//!
//! Every read is bounds-checked: corrupt input is an [`Error::Compiled`].

use std::collections::HashMap;

use sitrep_doc::Date;

use crate::error::Error;
use crate::model::*;
use crate::DictSet;

const MAGIC: &[u8] = b"SITREPDICT";
/// Bumped whenever the payload layout changes; readers refuse other versions.
pub const VERSION: u16 = 1;
/// Refuse to inflate beyond this (a corrupt length must not exhaust memory).
const MAX_PAYLOAD: usize = 256 << 20;

/// Serialises a dictionary set.
pub fn encode(set: &DictSet) -> Vec<u8> {
    let mut e = Enc::default();
    e.strs(&set.sources);
    e.len(set.actors.actors.len());
    for a in &set.actors.actors {
        e.phrases(&a.names);
        e.len(a.roles.len());
        for r in &a.roles {
            e.str(&r.code);
            e.date(r.from);
            e.date(r.to);
        }
    }
    e.len(set.agents.agents.len());
    for g in &set.agents.agents {
        e.phrases(&g.names);
        e.str(&g.code);
        e.byte(match g.placement {
            Placement::Suffix => 0,
            Placement::Prefix => 1,
        });
    }
    e.len(set.verbs.synsets.len());
    for s in &set.verbs.synsets {
        e.str(&s.name);
        e.phrases(&s.members);
    }
    e.len(set.verbs.blocks.len());
    for b in &set.verbs.blocks {
        e.str(&b.name);
        e.str(&b.code);
        e.len(b.verbs.len());
        for v in &b.verbs {
            e.words(&v.words);
            e.phrases(&v.forms);
            e.opt_str(v.code.as_deref());
            e.byte(u8::from(v.stem));
        }
        e.len(b.patterns.len());
        for p in &b.patterns {
            e.elems(&p.elems);
            e.str(&p.code);
        }
    }
    e.strs(&set.verbs.transformations);
    e.len(set.discards.entries.len());
    for d in &set.discards.entries {
        e.words(&d.words);
        e.byte(u8::from(d.story));
    }
    e.len(set.issues.entries.len());
    for i in &set.issues.entries {
        e.words(&i.words);
        e.str(&i.code);
    }
    e.phrases(&set.issues.ignore);
    e.strs(&set.prepositions);
    for pairs in [&set.options.labels, &set.options.commands] {
        e.len(pairs.len());
        for (a, b) in pairs {
            e.str(a);
            e.str(b);
        }
    }

    let mut payload = Vec::with_capacity(e.body.len() + e.table.len() * 8);
    put_varint(&mut payload, e.table.len() as u64);
    for s in &e.table {
        put_varint(&mut payload, s.len() as u64);
        payload.extend_from_slice(s.as_bytes());
    }
    payload.extend_from_slice(&e.body);

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(payload.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&payload, 9));
    out
}

/// Deserialises a dictionary set written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<DictSet, Error> {
    let bad = |m: &str| Error::Compiled(m.to_string());
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| bad("not a compiled sitrep dictionary (bad magic)"))?;
    let (version, rest) = rest
        .split_first_chunk::<2>()
        .ok_or_else(|| bad("truncated header"))?;
    let version = u16::from_le_bytes(*version);
    if version != VERSION {
        return Err(Error::Compiled(format!(
            "format version {version}, this build reads version {VERSION}: recompile the dictionary"
        )));
    }
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| bad("truncated header"))?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > MAX_PAYLOAD {
        return Err(bad("payload length out of range"));
    }
    let payload = miniz_oxide::inflate::decompress_to_vec_with_limit(rest, len)
        .map_err(|e| Error::Compiled(format!("corrupt compressed data: {e:?}")))?;
    if payload.len() != len {
        return Err(bad("payload length mismatch"));
    }
    let mut d = Dec {
        data: &payload,
        pos: 0,
        table: Vec::new(),
    };
    let n = d.len()?;
    let mut table = Vec::with_capacity(n);
    for _ in 0..n {
        let l = d.len()?;
        let raw = d.take(l)?;
        let s = std::str::from_utf8(raw).map_err(|_| bad("string table is not UTF-8"))?;
        table.push(Box::<str>::from(s));
    }
    d.table = table;

    let mut set = DictSet {
        sources: d.strs()?,
        ..DictSet::default()
    };
    let n = d.len()?;
    for _ in 0..n {
        let names = d.phrases()?;
        let roles = d.list(|d| {
            Ok(Role {
                code: d.str()?,
                from: d.date()?,
                to: d.date()?,
            })
        })?;
        if names.is_empty() {
            return Err(bad("actor without a name"));
        }
        set.actors.actors.push(Actor { names, roles });
    }
    set.agents.agents = d.list(|d| {
        let names = d.phrases()?;
        let code = d.str()?;
        let placement = match d.byte()? {
            0 => Placement::Suffix,
            1 => Placement::Prefix,
            _ => return Err(Error::Compiled("bad agent placement".into())),
        };
        Ok(Agent {
            names,
            code,
            placement,
        })
    })?;
    set.verbs.synsets = d.list(|d| {
        Ok(Synset {
            name: d.str()?,
            members: d.phrases()?,
        })
    })?;
    set.verbs.blocks = d.list(|d| {
        let name = d.str()?;
        let code = d.str()?;
        let verbs = d.list(|d| {
            Ok(Verb {
                words: d.words()?,
                forms: d.phrases()?,
                code: d.opt_str()?,
                stem: d.byte()? != 0,
            })
        })?;
        let patterns = d.list(|d| {
            Ok(Pattern {
                elems: d.elems(0)?,
                code: d.str()?,
            })
        })?;
        Ok(VerbBlock {
            name,
            code,
            verbs,
            patterns,
        })
    })?;
    set.verbs.transformations = d.strs()?;
    set.discards.entries = d.list(|d| {
        Ok(Discard {
            words: d.words()?,
            story: d.byte()? != 0,
        })
    })?;
    set.issues.entries = d.list(|d| {
        Ok(Issue {
            words: d.words()?,
            code: d.str()?,
        })
    })?;
    set.issues.ignore = d.phrases()?;
    set.prepositions = d.strs()?;
    set.options.labels = d.list(|d| Ok((d.str()?, d.str()?)))?;
    set.options.commands = d.list(|d| Ok((d.str()?, d.str()?)))?;
    if d.pos != d.data.len() {
        return Err(bad("trailing data after the last section"));
    }
    Ok(set)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[derive(Default)]
struct Enc {
    ids: HashMap<Box<str>, u32>,
    table: Vec<Box<str>>,
    body: Vec<u8>,
}

impl Enc {
    fn byte(&mut self, b: u8) {
        self.body.push(b);
    }
    fn len(&mut self, n: usize) {
        put_varint(&mut self.body, n as u64);
    }
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.table.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.into(), id);
        self.table.push(s.into());
        id
    }
    fn str(&mut self, s: &str) {
        let id = self.id(s);
        put_varint(&mut self.body, u64::from(id));
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                let id = self.id(s);
                put_varint(&mut self.body, u64::from(id) + 1);
            }
            None => self.body.push(0),
        }
    }
    fn strs(&mut self, v: &[Box<str>]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn words(&mut self, w: &[Box<str>]) {
        self.strs(w);
    }
    fn phrases(&mut self, p: &[Words]) {
        self.len(p.len());
        for w in p {
            self.words(w);
        }
    }
    fn date(&mut self, d: Option<Date>) {
        let v = d.map_or(0, |d| {
            u64::try_from(d.year()).unwrap_or(0) * 10_000
                + u64::from(d.month()) * 100
                + u64::from(d.day())
        });
        put_varint(&mut self.body, v);
    }
    fn elems(&mut self, elems: &[PatternElem]) {
        self.len(elems.len());
        for e in elems {
            let tight = if e.tight { 0x80 } else { 0 };
            let tag = match &e.elem {
                Elem::Word(_) => 0,
                Elem::Verb => 1,
                Elem::Source => 2,
                Elem::Target => 3,
                Elem::Compound => 4,
                Elem::Skip => 5,
                Elem::Synset(_) => 6,
                Elem::Open(Group::Noun) => 7,
                Elem::Open(Group::Prep) => 8,
                Elem::Close(Group::Noun) => 9,
                Elem::Close(Group::Prep) => 10,
                Elem::Alternatives(_) => 11,
            };
            self.byte(tag | tight);
            match &e.elem {
                Elem::Word(w) | Elem::Synset(w) => self.str(w),
                Elem::Alternatives(alts) => {
                    self.len(alts.len());
                    for a in alts {
                        self.elems(a);
                    }
                }
                _ => {}
            }
        }
    }
}

struct Dec<'a> {
    data: &'a [u8],
    pos: usize,
    table: Vec<Box<str>>,
}

impl Dec<'_> {
    fn err(&self, what: &str) -> Error {
        Error::Compiled(format!("{what} at payload offset {}", self.pos))
    }
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self
            .data
            .get(self.pos)
            .ok_or_else(|| self.err("truncated data"))?;
        self.pos += 1;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or_else(|| self.err("truncated data"))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.err("overlong varint"))
    }
    /// A count; never more than the bytes left, so corrupt counts cannot
    /// trigger huge allocations.
    fn len(&mut self) -> Result<usize, Error> {
        let n = self.varint()?;
        let left = (self.data.len() - self.pos) as u64;
        if n > left {
            return Err(self.err("count exceeds remaining data"));
        }
        Ok(n as usize)
    }
    fn str(&mut self) -> Result<Box<str>, Error> {
        let id = self.varint()?;
        usize::try_from(id)
            .ok()
            .and_then(|i| self.table.get(i))
            .cloned()
            .ok_or_else(|| self.err("string id out of range"))
    }
    fn opt_str(&mut self) -> Result<Option<Box<str>>, Error> {
        let id = self.varint()?;
        if id == 0 {
            return Ok(None);
        }
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| self.table.get(i))
            .cloned()
            .map(Some)
            .ok_or_else(|| self.err("string id out of range"))
    }
    fn list<T>(
        &mut self,
        mut f: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(f(self)?);
        }
        Ok(v)
    }
    fn strs(&mut self) -> Result<Vec<Box<str>>, Error> {
        self.list(|d| d.str())
    }
    fn words(&mut self) -> Result<Words, Error> {
        self.strs()
    }
    fn phrases(&mut self) -> Result<Vec<Words>, Error> {
        self.list(|d| d.words())
    }
    fn date(&mut self) -> Result<Option<Date>, Error> {
        let v = self.varint()?;
        if v == 0 {
            return Ok(None);
        }
        let (y, m, d) = (v / 10_000, (v / 100) % 100, v % 100);
        let date = i32::try_from(y)
            .ok()
            .and_then(|y| Date::new(y, m as u8, d as u8))
            .ok_or_else(|| self.err("invalid date"))?;
        Ok(Some(date))
    }
    fn elems(&mut self, depth: usize) -> Result<Vec<PatternElem>, Error> {
        if depth > 16 {
            return Err(self.err("pattern nesting too deep"));
        }
        self.list(|d| {
            let b = d.byte()?;
            let tight = b & 0x80 != 0;
            let elem = match b & 0x7f {
                0 => Elem::Word(d.str()?),
                1 => Elem::Verb,
                2 => Elem::Source,
                3 => Elem::Target,
                4 => Elem::Compound,
                5 => Elem::Skip,
                6 => Elem::Synset(d.str()?),
                7 => Elem::Open(Group::Noun),
                8 => Elem::Open(Group::Prep),
                9 => Elem::Close(Group::Noun),
                10 => Elem::Close(Group::Prep),
                11 => {
                    let n = d.len()?;
                    let mut alts = Vec::with_capacity(n);
                    for _ in 0..n {
                        alts.push(d.elems(depth + 1)?);
                    }
                    Elem::Alternatives(alts)
                }
                _ => return Err(d.err("bad pattern element tag")),
            };
            Ok(PatternElem { elem, tight })
        })
    }
}
