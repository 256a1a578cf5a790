//! Verbs (and predicative adjectives) by what they make of their infinitive
//! complement: `agreed to send` states an intention, `refused to send` a
//! refusal, `tried to send` an aim; none of them says the sending happened.

/// What a verb's `to`-infinitive complement is to its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComplementClass {
    /// An intention the subject states (`agreed to`, `vowed to`): CAMEO 03x
    /// "express intent to ..." (PLOVER AGREE), the coder's intent frame.
    Intent,
    /// A threat (`threatened to`): CAMEO 13x "threaten to ..." (PLOVER THREATEN).
    Threat,
    /// A refusal (`refused to`, `declined to`): CAMEO 12x "reject ..." (PLOVER REJECT).
    Refusal,
    /// Wanted, attempted or expected, without a stated commitment (`tried
    /// to`, `wants to`, `decided to`): the act is not done, but CAMEO codes
    /// no frame for it.
    Aim,
}

impl ComplementClass {
    /// The complement is not (yet) done but intended by the subject: the
    /// `Intended` modality. Refusals are excluded: a refused act is not intended.
    pub fn intended(self) -> bool {
        self != Self::Refusal
    }
}

const VERBS: &[(&str, ComplementClass)] = {
    use ComplementClass::*;
    &[
        ("agree", Intent),
        ("offer", Intent),
        ("promise", Intent),
        ("pledge", Intent),
        ("vow", Intent),
        ("swear", Intent),
        ("plan", Intent),
        ("intend", Intent),
        ("propose", Intent),
        ("undertake", Intent),
        ("volunteer", Intent),
        ("threaten", Threat),
        ("refuse", Refusal),
        ("decline", Refusal),
        ("want", Aim),
        ("seek", Aim),
        ("aim", Aim),
        ("hope", Aim),
        ("try", Aim),
        ("attempt", Aim),
        // `prepared to` as a verb is an act of its own (preparation); as an
        // adjective (`is prepared to`) it is an intent, below.
        ("prepare", Aim),
        ("expect", Aim),
        ("wish", Aim),
        ("decide", Aim),
    ]
};

/// Predicative adjectives that state an intention (`is willing to send`):
/// the same reading as [`ComplementClass::Intent`].
const INTENT_ADJECTIVES: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "committed",
    "determined",
    "eager",
    "keen",
];

/// Nouns whose infinitive complement is proposed, planned, demanded or
/// hoped for, not done (`US proposals to declare pauses`, `calls to
/// release`, `plans to attack`): their owner did not do the act, so the
/// coder codes no event for it. Not `attempt` or `bid` (`an attempt to
/// assassinate` is CAMEO 185, an act that happened). Lowercase, singular
/// and plural.
const PROPOSAL_NOUNS: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "plans",
    "call",
    "calls",
    "offer",
    "offers",
    "hope",
    "hopes",
    "demand",
    "demands",
    "request",
    "requests",
    "appeal",
    "appeals",
    "plea",
    "pleas",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "threat",
    "threats",
    "idea",
    "ideas",
    "initiative",
    "initiatives",
    "intention",
    "intentions",
    "decision",
    "order",
    "orders",
    "readiness",
    "willingness",
    "wish",
    "right",
];

/// True for a noun (lowercase) whose infinitive complement is not done
/// (see `PROPOSAL_NOUNS`).
pub fn is_proposal_noun(word: &str) -> bool {
    PROPOSAL_NOUNS.contains(&word)
}

/// The class a verb lemma gives its infinitive complement, or `None`.
pub fn complement_class(lemma: &str) -> Option<ComplementClass> {
    VERBS.iter().find(|(l, _)| *l == lemma).map(|&(_, c)| c)
}

/// True for a predicative adjective (lowercase) stating an intention.
pub fn is_intent_adjective(word: &str) -> bool {
    INTENT_ADJECTIVES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::well_formed;

    #[test]
    fn tables_are_well_formed() {
        well_formed("complement verbs", VERBS.iter().map(|(l, _)| *l));
        well_formed("intent adjectives", INTENT_ADJECTIVES.iter().copied());
        well_formed("proposal nouns", PROPOSAL_NOUNS.iter().copied());
    }

    #[test]
    fn classes() {
        assert_eq!(complement_class("vow"), Some(ComplementClass::Intent));
        assert_eq!(complement_class("threaten"), Some(ComplementClass::Threat));
        assert_eq!(complement_class("decline"), Some(ComplementClass::Refusal));
        assert_eq!(complement_class("try"), Some(ComplementClass::Aim));
        assert_eq!(complement_class("send"), None);
        assert!(complement_class("swear").is_some_and(ComplementClass::intended));
        assert!(!complement_class("refuse").is_some_and(ComplementClass::intended));
        assert!(is_intent_adjective("willing") && !is_intent_adjective("Willing"));
    }
}
