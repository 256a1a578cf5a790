//! A sentence's dependency tree in sentence-local indices, with the few
//! queries the coder needs. Built once per sentence.
//!
//! Invariant: every index is `< len`; a head outside the sentence (a parser
//! bug) is treated as the root, so walks always terminate.

use std::borrow::Cow;

use sitrep_doc::{Deprel, Sentence, Token, Upos, Xpos};

/// `s` in lower case, borrowed when it already is (most tokens and lemmas):
/// this runs for every token of every sentence.
fn lowercase(s: &str) -> Cow<'_, str> {
    // ASCII (nearly every token): byte tests, and ASCII lowercasing is what
    // `to_lowercase` does to ASCII text.
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        };
    }
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// One sentence's tokens, words and tree.
///
/// It borrows the document's text and tokens only (not the whole `Doc`), so
/// one `Sent` per sentence serves both actor finding, which appends to
/// `Doc::actors`, and event extraction.
pub(crate) struct Sent<'d> {
    /// The document text (token and mention spans index it).
    pub text: &'d str,
    /// The document's tokens (indexed from [`Sent::start`]).
    tokens: &'d [Token],
    /// Document-wide index of the first token.
    pub start: usize,
    pub len: usize,
    /// Lowercased token text.
    pub lower: Vec<Cow<'d, str>>,
    /// Lowercased lemma (token text if none).
    pub lemma: Vec<Cow<'d, str>>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
    pub deprel: Vec<Deprel>,
    /// Base relation per token (see [`Sent::base`]), computed once: the
    /// coder asks for it in nearly every tree walk.
    base: Vec<Deprel>,
    pub head: Vec<Option<usize>>,
    /// Dependents of every token in one vector, grouped by head in token
    /// order and each group in token order: token `i`'s are
    /// `child_list[child_start[i]..child_start[i + 1]]` (see
    /// [`Sent::children`]). One allocation instead of one per head.
    child_list: Vec<usize>,
    child_start: Vec<usize>,
}

impl<'d> Sent<'d> {
    /// Sentence `s` of a document with this text, tokens and sentences.
    pub fn new(text: &'d str, tokens: &'d [Token], sentences: &[Sentence], s: usize) -> Sent<'d> {
        let range = sentences.get(s).map_or(0..0, |x| x.tokens());
        let start = range.start;
        let toks = tokens.get(range).unwrap_or(&[]);
        let len = toks.len();
        let mut sent = Sent {
            text,
            tokens,
            start,
            len,
            lower: Vec::with_capacity(len),
            lemma: Vec::with_capacity(len),
            upos: Vec::with_capacity(len),
            xpos: Vec::with_capacity(len),
            deprel: Vec::with_capacity(len),
            base: Vec::with_capacity(len),
            head: Vec::with_capacity(len),
            child_list: Vec::new(),
            child_start: Vec::new(),
        };
        for t in toks {
            let text = t.text(text);
            let lower = lowercase(text);
            let lemma = t
                .lemma
                .as_deref()
                .map(lowercase)
                .unwrap_or_else(|| lower.clone());
            sent.lower.push(lower);
            sent.lemma.push(lemma);
            sent.upos.push(t.upos);
            sent.xpos.push(t.xpos);
            sent.deprel.push(t.deprel);
            sent.base.push(t.deprel.base_rel());
            let h = t
                .head
                .and_then(|h| (h as usize).checked_sub(start))
                .filter(|&h| h < len);
            sent.head.push(h);
        }
        // Cycles would make walks loop; drop any head that leads back to itself.
        for i in 0..len {
            let mut seen = 0;
            let mut cur = sent.head[i];
            while let Some(h) = cur {
                seen += 1;
                if h == i || seen > len {
                    sent.head[i] = None;
                    break;
                }
                cur = sent.head[h];
            }
        }
        sent.repair_headline_verb();
        sent.repair_bare_complement();
        // Counting sort of the tokens by head: each head's dependents stay
        // in token order.
        let mut start = vec![0usize; len + 1];
        for &h in sent.head.iter().flatten() {
            start[h + 1] += 1;
        }
        for i in 0..len {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut list = vec![0usize; start[len]];
        for (i, h) in sent.head.iter().enumerate() {
            if let Some(h) = *h {
                list[fill[h]] = i;
                fill[h] += 1;
            }
        }
        sent.child_list = list;
        sent.child_start = start;
        sent
    }

    /// Headline-style clauses the tagger read as one noun phrase: in `The
    /// Syrian army attacked rebels in Homs` it tags `attacked` VBN and the
    /// parser makes it an adjective of `rebels`, the root. A sentence with
    /// no finite verb whose root is a noun, with a participle right after
    /// a noun of the root's own phrase (`army attacked`), is read as the
    /// clause it is: the participle is the root verb (past tense), the noun
    /// before it its subject, the root noun its object, and the root's
    /// prepositional modifiers after it the verb's obliques.
    ///
    /// Only the coder's view changes (the document's parse is untouched).
    /// An attributive participle after a determiner or adjective (`the
    /// occupied territories`) has no noun before it and is left alone.
    fn repair_headline_verb(&mut self) {
        let n = self.len;
        let finite = (0..n).any(|t| {
            self.xpos[t].is_finite_verb() && matches!(self.upos[t], Upos::VERB | Upos::AUX)
        });
        if finite {
            return;
        }
        let Some(r) = (0..n).find(|&t| self.head[t].is_none()) else {
            return;
        };
        if !matches!(self.upos[r], Upos::NOUN | Upos::PROPN) {
            return;
        }
        let nominal = |u: Upos| matches!(u, Upos::NOUN | Upos::PROPN);
        let Some(v) = (1..r).find(|&v| {
            self.upos[v] == Upos::VERB
                && matches!(self.xpos[v], Xpos::VBN | Xpos::VBD)
                && self.head[v] == Some(r)
                && nominal(self.upos[v - 1])
                && self.head[v - 1] == Some(r)
                && !(0..n).any(|c| self.head[c] == Some(v))
        }) else {
            return;
        };
        let subj = v - 1;
        for t in 0..n {
            if self.head[t] == Some(r) && t > r && self.upos[t] != Upos::PUNCT {
                // `in Homs`, `on Monday`: the verb's obliques.
                let prepositional =
                    (0..n).any(|c| self.head[c] == Some(t) && self.deprel[c] == Deprel::CASE);
                if prepositional && self.deprel[t] == Deprel::NMOD {
                    self.set(t, Some(v), Deprel::OBL);
                }
            } else if self.head[t] == Some(r) && self.upos[t] == Upos::PUNCT {
                self.set(t, Some(v), Deprel::PUNCT);
            }
        }
        self.set(subj, Some(v), Deprel::NSUBJ);
        self.set(r, Some(v), Deprel::OBJ);
        self.set(v, None, Deprel::ROOT);
        self.xpos[v] = Xpos::VBD;
    }

    /// A complement clause without `that` after a verb of saying, parsed
    /// as the verb's object plus a conjoined verb: in `WaPo is claiming the
    /// rebels are retreating` the parser makes `rebels` the object of
    /// `claiming` and `retreating` its conjunct. A conjunct with no `and`
    /// or comma before it, no subject of its own and an auxiliary right
    /// after the object is that object's clause: the object becomes its
    /// subject and the clause the verb's complement (`ccomp`).
    fn repair_bare_complement(&mut self) {
        let n = self.len;
        for v in 0..n {
            if self.upos[v] != Upos::VERB || sitrep_lexicon::speech_class(&self.lemma[v]).is_none()
            {
                continue;
            }
            let kids: Vec<usize> = (0..n).filter(|&c| self.head[c] == Some(v)).collect();
            let Some(&o) = kids.iter().find(|&&c| self.deprel[c] == Deprel::OBJ) else {
                continue;
            };
            let Some(&c) = kids
                .iter()
                .find(|&&c| c > o && self.deprel[c] == Deprel::CONJ && self.upos[c] == Upos::VERB)
            else {
                continue;
            };
            let own = |rel: Deprel| (0..n).any(|k| self.head[k] == Some(c) && self.base[k] == rel);
            let aux_after_object = (o + 1..c)
                .any(|k| self.head[k] == Some(c) && self.upos[k] == Upos::AUX)
                && (o + 1..c).all(|k| self.upos[k] != Upos::PUNCT && self.upos[k] != Upos::CCONJ);
            if own(Deprel::NSUBJ) || own(Deprel::CC) || !aux_after_object {
                continue;
            }
            self.set(o, Some(c), Deprel::NSUBJ);
            self.set(c, Some(v), Deprel::CCOMP);
        }
    }

    fn set(&mut self, t: usize, head: Option<usize>, rel: Deprel) {
        self.head[t] = head;
        self.deprel[t] = rel;
        self.base[t] = rel.base_rel();
    }

    /// The base relation (`obl` for `obl:agent`); unset out of range.
    pub fn base(&self, i: usize) -> Deprel {
        self.base.get(i).copied().unwrap_or_default()
    }

    /// The dependents of token `i`, in token order (empty out of range).
    pub fn children(&self, i: usize) -> &[usize] {
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.child_list.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The dependents of token `i` attached by `rel` or by a subtype of it
    /// (`nsubj` also yields `nsubj:pass`), in token order.
    pub fn children_with(&self, i: usize, rel: Deprel) -> impl Iterator<Item = usize> + '_ {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| self.deprel[c] == rel || self.base(c) == rel)
    }

    pub fn is_verb(&self, i: usize) -> bool {
        self.upos.get(i).is_some_and(|&u| u == Upos::VERB)
    }

    pub fn span(&self, i: usize) -> sitrep_doc::Span {
        self.tokens
            .get(self.start + i)
            .map(|t| t.span)
            .unwrap_or_default()
    }

    /// The (normalised) text of local token `i`, as `Doc::token_text`.
    pub fn token_text(&self, i: usize) -> &'d str {
        self.tokens
            .get(self.start + i)
            .map_or("", |t| t.text(self.text))
    }

    /// The lemma of local token `i` as tagged (not lowercased), if any.
    pub fn tagged_lemma(&self, i: usize) -> Option<&'d str> {
        self.tokens
            .get(self.start + i)
            .and_then(|t| t.lemma.as_deref())
    }
}
