//! Closed tag sets stored as one byte per token.
//!
//! Tag names are interned into static tables so a token table stays small and
//! comparisons are integer compares; names round-trip through `as_str`/`from_name`
//! and serialize as the plain strings users know (`NOUN`, `NNP`, `nsubj:pass`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! interned_tag {
    ($(#[$doc:meta])* $name:ident, $table:ident, [$($s:literal),* $(,)?]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u8);

        const $table: &[&str] = &[$($s),*];

        impl $name {
            /// Every name in the table, in index order; index 0 is the "unset" value.
            pub const NAMES: &'static [&'static str] = $table;

            /// The tag with this name, if the table knows it.
            pub fn from_name(name: &str) -> Option<$name> {
                $table.iter().position(|t| *t == name).map(|i| $name(i as u8))
            }
            /// The tag with this table index, if in range.
            pub fn from_index(i: usize) -> Option<$name> {
                (i < $table.len()).then_some($name(i as u8))
            }
            pub fn index(self) -> usize {
                self.0 as usize
            }
            pub fn as_str(self) -> &'static str {
                $table[self.0 as usize]
            }
            /// Whether a stage has assigned this tag (index 0 means not yet).
            pub fn is_set(self) -> bool {
                self.0 != 0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        /// Reads a name of the table; an unknown name is an error, not "unset".
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let name = std::borrow::Cow::<str>::deserialize(d)?;
                $name::from_name(&name).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", stringify!($name), " {:?}"),
                        name
                    ))
                })
            }
        }
    };
}

interned_tag!(
    /// Universal POS tag (UD v2). Index 0 (`_`) means "not tagged yet".
    Upos,
    UPOS_NAMES,
    [
        "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ]
);

interned_tag!(
    /// Penn Treebank tag as used by UD English (`XPOS`), including the UD additions
    /// `HYPH`, `NFP`, `ADD`, `GW`, `AFX`. Index 0 (`_`) means "not tagged yet".
    Xpos,
    XPOS_NAMES,
    [
        "_", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS",
        "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH",
        "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ".", ",", ":", "``",
        "''", "-LRB-", "-RRB-", "$", "#", "HYPH", "NFP", "ADD", "GW", "AFX", "XX",
    ]
);

interned_tag!(
    /// Universal dependency relation with the English subtypes found in UD EWT and
    /// GUM. Index 0 (`_`) means "not parsed yet".
    Deprel,
    DEPREL_NAMES,
    [
        "_", "root", "punct", "case", "det", "nsubj", "amod", "obl", "advmod", "nmod", "obj",
        "compound", "conj", "cc", "mark", "aux", "cop", "nmod:poss", "advcl", "flat", "xcomp",
        "acl:relcl", "aux:pass", "acl", "nsubj:pass", "appos", "ccomp", "nummod", "parataxis",
        "nmod:unmarked", "dep", "obl:unmarked", "discourse", "expl", "fixed", "list",
        "compound:prt", "obl:agent", "iobj", "nmod:desc", "csubj", "reparandum", "nsubj:outer",
        "advcl:relcl", "det:predet", "vocative", "cc:preconj", "orphan", "goeswith",
        "dislocated", "csubj:pass", "csubj:outer", "nmod:tmod", "nmod:npmod", "obl:tmod",
        "obl:npmod", "flat:foreign", "flat:name", "det:poss", "expl:pv", "clf", "compound:lvc",
    ]
);

impl Upos {
    pub const NOUN: Upos = Upos(8);
    pub const PROPN: Upos = Upos(12);
    pub const PRON: Upos = Upos(11);
    pub const VERB: Upos = Upos(16);
    pub const AUX: Upos = Upos(4);
    pub const PUNCT: Upos = Upos(13);
}

impl Xpos {
    pub const MD: Xpos = Xpos(11);
    pub const TO: Xpos = Xpos(25);
    pub const VB: Xpos = Xpos(27);
    pub const VBD: Xpos = Xpos(28);
    pub const VBP: Xpos = Xpos(31);
    pub const VBZ: Xpos = Xpos(32);
    pub const WDT: Xpos = Xpos(33);
    pub const WP: Xpos = Xpos(34);
    pub const WRB: Xpos = Xpos(36);
    pub const COMMA: Xpos = Xpos(38);
    pub const COLON: Xpos = Xpos(39);

    /// A finite verb or modal (`VBZ`, `VBD`, `VBP`, `MD`).
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Xpos::VBZ | Xpos::VBD | Xpos::VBP | Xpos::MD)
    }
}

impl Deprel {
    /// The part before `:` (`nsubj:pass` → `nsubj`).
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// Looks up `name`, falling back to its base relation (`obl:foo` → `obl`) and
    /// finally to `dep`, so a parser trained on a newer treebank never loses an arc.
    pub fn from_name_or_base(name: &str) -> Deprel {
        Deprel::from_name(name)
            .or_else(|| Deprel::from_name(name.split(':').next().unwrap_or(name)))
            .or_else(|| Deprel::from_name("dep"))
            .unwrap_or_default()
    }
}

/// The index of `name` in a tag table, at compile time: a constant naming a
/// tag the table lacks fails to build instead of naming another tag.
const fn tag_index(table: &[&str], name: &str) -> u8 {
    let mut i = 0;
    while i < table.len() {
        let (a, b) = (table[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i as u8;
            }
        }
        i += 1;
    }
    panic!("tag not in its table")
}

// Typed constants for the tags the event coder tests, so it compares tags
// as integers rather than by name.
impl Upos {
    pub const ADJ: Upos = Upos(tag_index(UPOS_NAMES, "ADJ"));
    pub const ADP: Upos = Upos(tag_index(UPOS_NAMES, "ADP"));
    pub const ADV: Upos = Upos(tag_index(UPOS_NAMES, "ADV"));
    pub const CCONJ: Upos = Upos(tag_index(UPOS_NAMES, "CCONJ"));
    pub const DET: Upos = Upos(tag_index(UPOS_NAMES, "DET"));
    pub const NUM: Upos = Upos(tag_index(UPOS_NAMES, "NUM"));
    pub const PART: Upos = Upos(tag_index(UPOS_NAMES, "PART"));
    pub const SCONJ: Upos = Upos(tag_index(UPOS_NAMES, "SCONJ"));
}

impl Xpos {
    pub const NNS: Xpos = Xpos(tag_index(XPOS_NAMES, "NNS"));
    pub const NNPS: Xpos = Xpos(tag_index(XPOS_NAMES, "NNPS"));
    pub const VBN: Xpos = Xpos(tag_index(XPOS_NAMES, "VBN"));
}

impl Deprel {
    pub const ACL: Deprel = Deprel(tag_index(DEPREL_NAMES, "acl"));
    pub const ACL_RELCL: Deprel = Deprel(tag_index(DEPREL_NAMES, "acl:relcl"));
    pub const ADVCL: Deprel = Deprel(tag_index(DEPREL_NAMES, "advcl"));
    pub const ADVMOD: Deprel = Deprel(tag_index(DEPREL_NAMES, "advmod"));
    pub const AMOD: Deprel = Deprel(tag_index(DEPREL_NAMES, "amod"));
    pub const APPOS: Deprel = Deprel(tag_index(DEPREL_NAMES, "appos"));
    pub const AUX: Deprel = Deprel(tag_index(DEPREL_NAMES, "aux"));
    pub const AUX_PASS: Deprel = Deprel(tag_index(DEPREL_NAMES, "aux:pass"));
    pub const CASE: Deprel = Deprel(tag_index(DEPREL_NAMES, "case"));
    pub const CC: Deprel = Deprel(tag_index(DEPREL_NAMES, "cc"));
    pub const CCOMP: Deprel = Deprel(tag_index(DEPREL_NAMES, "ccomp"));
    pub const COMPOUND: Deprel = Deprel(tag_index(DEPREL_NAMES, "compound"));
    pub const COMPOUND_PRT: Deprel = Deprel(tag_index(DEPREL_NAMES, "compound:prt"));
    pub const CONJ: Deprel = Deprel(tag_index(DEPREL_NAMES, "conj"));
    pub const COP: Deprel = Deprel(tag_index(DEPREL_NAMES, "cop"));
    pub const CSUBJ: Deprel = Deprel(tag_index(DEPREL_NAMES, "csubj"));
    pub const DET: Deprel = Deprel(tag_index(DEPREL_NAMES, "det"));
    pub const FIXED: Deprel = Deprel(tag_index(DEPREL_NAMES, "fixed"));
    pub const FLAT: Deprel = Deprel(tag_index(DEPREL_NAMES, "flat"));
    pub const IOBJ: Deprel = Deprel(tag_index(DEPREL_NAMES, "iobj"));
    pub const MARK: Deprel = Deprel(tag_index(DEPREL_NAMES, "mark"));
    pub const NMOD: Deprel = Deprel(tag_index(DEPREL_NAMES, "nmod"));
    pub const NMOD_POSS: Deprel = Deprel(tag_index(DEPREL_NAMES, "nmod:poss"));
    pub const NSUBJ: Deprel = Deprel(tag_index(DEPREL_NAMES, "nsubj"));
    pub const NSUBJ_PASS: Deprel = Deprel(tag_index(DEPREL_NAMES, "nsubj:pass"));
    pub const NUMMOD: Deprel = Deprel(tag_index(DEPREL_NAMES, "nummod"));
    pub const OBJ: Deprel = Deprel(tag_index(DEPREL_NAMES, "obj"));
    pub const OBL: Deprel = Deprel(tag_index(DEPREL_NAMES, "obl"));
    pub const OBL_AGENT: Deprel = Deprel(tag_index(DEPREL_NAMES, "obl:agent"));
    pub const PARATAXIS: Deprel = Deprel(tag_index(DEPREL_NAMES, "parataxis"));
    pub const PUNCT: Deprel = Deprel(tag_index(DEPREL_NAMES, "punct"));
    pub const ROOT: Deprel = Deprel(tag_index(DEPREL_NAMES, "root"));
    pub const XCOMP: Deprel = Deprel(tag_index(DEPREL_NAMES, "xcomp"));

    /// The base relation as a tag (`nsubj` for `nsubj:pass`); every base of
    /// the table is in the table, else the relation itself.
    pub fn base_rel(self) -> Deprel {
        Deprel::from_name(self.base()).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_names() {
        for (i, n) in Upos::NAMES.iter().enumerate() {
            assert_eq!(Upos::from_name(n).map(Upos::index), Some(i));
        }
        assert_eq!(Upos::from_name("NOUN"), Some(Upos::NOUN));
        assert_eq!(Upos::from_name("PROPN"), Some(Upos::PROPN));
        assert_eq!(Upos::from_name("PRON"), Some(Upos::PRON));
        assert_eq!(Upos::from_name("VERB"), Some(Upos::VERB));
        assert_eq!(Upos::from_name("AUX"), Some(Upos::AUX));
        assert_eq!(Upos::from_name("PUNCT"), Some(Upos::PUNCT));
        assert_eq!(Xpos::from_name("PRP$").map(|x| x.as_str()), Some("PRP$"));
        for (x, name) in [
            (Xpos::MD, "MD"),
            (Xpos::TO, "TO"),
            (Xpos::VB, "VB"),
            (Xpos::VBD, "VBD"),
            (Xpos::VBP, "VBP"),
            (Xpos::VBZ, "VBZ"),
            (Xpos::WDT, "WDT"),
            (Xpos::WP, "WP"),
            (Xpos::WRB, "WRB"),
            (Xpos::COMMA, ","),
            (Xpos::COLON, ":"),
        ] {
            assert_eq!(Xpos::from_name(name), Some(x));
        }
        assert!(!Upos::default().is_set());
        assert!(Xpos::NAMES.len() < 256 && Deprel::NAMES.len() < 256);
    }

    #[test]
    fn deprel_fallbacks() {
        assert_eq!(
            Deprel::from_name_or_base("nsubj:pass").as_str(),
            "nsubj:pass"
        );
        assert_eq!(Deprel::from_name_or_base("obl:xyz").as_str(), "obl");
        assert_eq!(Deprel::from_name_or_base("weird").as_str(), "dep");
        assert_eq!(
            Deprel::from_name("acl:relcl").map(Deprel::base),
            Some("acl")
        );
    }
}
