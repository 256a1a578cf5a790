//! Verbs of saying (and of stating a position), by what their subject and
//! their complement are.
//!
//! The stages ask different questions of these verbs, each answered by a
//! method on [`SpeechClass`]:
//! - attribution: does the verb introduce a quote? ([`SpeechClass::cues_quote`]);
//! - the coder: is its subject the speaker of the clause it governs, the verb
//!   adding no event of its own? ([`SpeechClass::names_speaker`]); does a modal
//!   in its complement frame the speaker's act (`said it would`)?
//!   ([`SpeechClass::reports`]);
//! - the geoparser: is its subject an agent, so a city there is a government
//!   (`Washington said`)? ([`SpeechClass::has_agent_subject`]).

/// What kind of speech (or position-taking) act a verb names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeechClass {
    /// Neutral verbs of saying: they report what was said and add no act of
    /// their own, so the event, if any, is in the reported clause. Alone they
    /// are CAMEO 010 "make statement, not specified below" (PLOVER: no event).
    Say,
    /// Asserting something as fact that others may dispute (`claimed`,
    /// `alleged`, `estimated`), or only hedging it (`suggested`): still the
    /// speaker's statement, not an event, but not a neutral report either,
    /// so modals under it are not read as the speaker's frame.
    Claim,
    /// Warning of a danger. Not a CAMEO event by itself (a conditional
    /// warning is coded from its complement as a threat, 13x), so the
    /// warner is a speaker like any other.
    Warn,
    /// Statements about guilt or responsibility, which CAMEO codes as events
    /// of their own: 112 "accuse", 015 "acknowledge or claim responsibility",
    /// 016 "deny responsibility" (PLOVER ACCUSE for 112; the 01x statements
    /// have no PLOVER event). They introduce quotes, but their subject is the
    /// source of *that* event, not a neutral reporter of the clause.
    Dispute,
    /// Asking another actor to act: CAMEO 02 "appeal" (020-028) and 10
    /// "demand" (100-108); PLOVER REQUEST for both.
    Direct,
    /// Approval and disapproval: CAMEO 051 "praise or endorse" and 111
    /// "criticize or denounce"; PLOVER SUPPORT and ACCUSE (mode disapprove).
    Evaluate,
    /// Committing or refusing to act: CAMEO 03 "express intent to
    /// cooperate", 12 "reject", 13 "threaten"; PLOVER AGREE, REJECT, THREATEN.
    /// (Their infinitive complements are classed in [`crate::ComplementClass`].)
    Commit,
    /// Holding a belief or wish (`believes`, `wants`): no speech, but a
    /// stated position, so the subject is an agent.
    Think,
    /// Deciding as an institution: voting, signing, vetoing (CAMEO 057
    /// "sign formal agreement" for `sign`; the others take their code from
    /// what is decided).
    Decide,
    /// Pointing to evidence (`indicated that`, `reports indicate`): a
    /// report of its complement like `Say` (`indicated it would` states an
    /// intent), but its subject is as often a document as a speaker, so it
    /// names no speaker and cues no quote (measured: as a cue it mostly
    /// made `guidelines`, `records` and `reports` the source).
    Evidential,
    /// Responding: speech only sometimes. In news it is as often an act
    /// (`officers responded to the scene`), so no consumer takes its subject
    /// for a speaker or a quote's source; the subject is still an agent.
    Respond,
    /// Passing on another's words (`quoted him as saying`): the subject is
    /// the reporter, not the speaker, so no consumer treats it as speech of
    /// its subject.
    Relay,
}

impl SpeechClass {
    /// The verb introduces a quote or reported speech, whose source is its
    /// subject (attribution's cue verbs).
    pub fn cues_quote(self) -> bool {
        matches!(self, Self::Say | Self::Claim | Self::Warn | Self::Dispute)
    }

    /// The verb's subject is the speaker of the clause the verb governs and
    /// the verb is no event of its own: the coder's speaker rule. `Dispute`
    /// verbs are left out because they are coded events (`accused X of ...`
    /// is a 112 by its subject, not a neutral report of the clause).
    pub fn names_speaker(self) -> bool {
        matches!(self, Self::Say | Self::Claim | Self::Warn)
    }

    /// The verb reports its complement clause neutrally, so a modal there is
    /// the subject's stated frame (`said it would send` intent, `said they
    /// should talk` appeal): CAMEO's 03x/02x readings of reported modals.
    pub fn reports(self) -> bool {
        matches!(self, Self::Say | Self::Evidential)
    }

    /// The verb reports a statement (not a thought, a decision or a coded
    /// appeal, evaluation or commitment): a place attached to it is where it
    /// was said, and the event's own place is in the reported clause. The
    /// link's `said_at` rule (`crates/sitrep/src/link/places.rs`) asks this.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Self::Say
                | Self::Claim
                | Self::Warn
                | Self::Dispute
                | Self::Evidential
                | Self::Respond
                | Self::Relay
        )
    }

    /// The subject speaks, thinks or decides (or, for `Evidential`, is a
    /// source of evidence): not a location, so a city written there stands
    /// for its government or a person (`Washington said`, `Bruce indicated`).
    pub fn has_agent_subject(self) -> bool {
        self != Self::Relay
    }
}

/// Every speech lemma and its class. Why each is where it is: see the
/// class docs; the comments note the borderline cases.
const LEMMAS: &[(&str, SpeechClass)] = {
    use SpeechClass::*;
    &[
        // The eight verbs every stage already agreed on.
        ("say", Say),
        ("tell", Say),
        ("add", Say),
        ("state", Say),
        ("announce", Say),
        ("declare", Say),
        ("stress", Say),
        ("insist", Say),
        ("note", Say),
        ("explain", Say),
        ("emphasize", Say),
        ("emphasise", Say),
        ("report", Say),
        ("write", Say),
        ("assert", Say),
        ("argue", Say),
        ("remark", Say),
        ("comment", Say),
        // Repeating or confirming a statement is still only a statement.
        ("reiterate", Say),
        ("confirm", Say),
        ("reply", Say),
        ("maintain", Say),
        ("tweet", Say),
        ("claim", Claim),
        ("allege", Claim),
        ("estimate", Claim),
        // A hedged statement (`suggested that talks could resume`), not a
        // proposal (CAMEO's 03x "propose" is `propose`, below). Not `Say`:
        // a `could`/`would` under it is a possibility, not the speaker's
        // stated intent (`suggested ... it would ruin the school`).
        ("suggest", Claim),
        ("warn", Warn),
        ("accuse", Dispute),
        ("deny", Dispute),
        ("admit", Dispute),
        ("acknowledge", Dispute),
        ("urge", Direct),
        ("call", Direct),
        ("ask", Direct),
        ("demand", Direct),
        ("condemn", Evaluate),
        ("criticize", Evaluate),
        ("criticise", Evaluate),
        ("praise", Evaluate),
        ("welcome", Evaluate),
        ("promise", Commit),
        ("threaten", Commit),
        ("propose", Commit),
        ("reject", Commit),
        ("refuse", Commit),
        ("believe", Think),
        ("think", Think),
        ("hope", Think),
        ("want", Think),
        ("decide", Decide),
        ("agree", Decide),
        ("vote", Decide),
        ("sign", Decide),
        ("veto", Decide),
        ("indicate", Evidential),
        ("respond", Respond),
        ("quote", Relay),
    ]
};

/// The class of a speech lemma (`say` → `Say`), or `None`. Takes a lemma as
/// the tagger writes it (lowercase); use [`speech_lemma`] for a surface form.
pub fn speech_class(lemma: &str) -> Option<SpeechClass> {
    LEMMAS.iter().find(|(l, _)| *l == lemma).map(|&(_, c)| c)
}

/// Inflected forms of the quote-cue lemmas → lemma, sorted for binary search.
/// Attribution reads surface forms so it works when the lemmatizer has not
/// run or guessed wrong; forms a verb has only as a noun in news (`remarks`,
/// `comments`) are left out, so they cannot be read as cues.
const FORMS: &[(&str, &str)] = &[
    ("accuse", "accuse"),
    ("accused", "accuse"),
    ("accuses", "accuse"),
    ("accusing", "accuse"),
    ("acknowledge", "acknowledge"),
    ("acknowledged", "acknowledge"),
    ("acknowledges", "acknowledge"),
    ("acknowledging", "acknowledge"),
    ("add", "add"),
    ("added", "add"),
    ("adding", "add"),
    ("adds", "add"),
    ("admit", "admit"),
    ("admits", "admit"),
    ("admitted", "admit"),
    ("allege", "allege"),
    ("alleged", "allege"),
    ("alleges", "allege"),
    ("alleging", "allege"),
    ("announce", "announce"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("announcing", "announce"),
    ("argue", "argue"),
    ("argued", "argue"),
    ("argues", "argue"),
    ("assert", "assert"),
    ("asserted", "assert"),
    ("asserts", "assert"),
    ("claim", "claim"),
    ("claimed", "claim"),
    ("claiming", "claim"),
    ("claims", "claim"),
    ("comment", "comment"),
    ("commented", "comment"),
    ("confirm", "confirm"),
    ("confirmed", "confirm"),
    ("confirming", "confirm"),
    ("confirms", "confirm"),
    ("declare", "declare"),
    ("declared", "declare"),
    ("declares", "declare"),
    ("declaring", "declare"),
    ("denied", "deny"),
    ("denies", "deny"),
    ("deny", "deny"),
    ("denying", "deny"),
    ("emphasise", "emphasise"),
    ("emphasised", "emphasise"),
    ("emphasises", "emphasise"),
    ("emphasising", "emphasise"),
    ("emphasize", "emphasize"),
    ("emphasized", "emphasize"),
    ("emphasizes", "emphasize"),
    ("emphasizing", "emphasize"),
    ("estimate", "estimate"),
    ("estimated", "estimate"),
    ("estimates", "estimate"),
    ("explain", "explain"),
    ("explained", "explain"),
    ("explaining", "explain"),
    ("explains", "explain"),
    ("insist", "insist"),
    ("insisted", "insist"),
    ("insisting", "insist"),
    ("insists", "insist"),
    ("maintain", "maintain"),
    ("maintained", "maintain"),
    ("note", "note"),
    ("noted", "note"),
    ("notes", "note"),
    ("noting", "note"),
    ("reiterate", "reiterate"),
    ("reiterated", "reiterate"),
    ("remark", "remark"),
    ("remarked", "remark"),
    ("replied", "reply"),
    ("reply", "reply"),
    ("report", "report"),
    ("reported", "report"),
    ("reporting", "report"),
    ("reports", "report"),
    ("said", "say"),
    ("say", "say"),
    ("saying", "say"),
    ("says", "say"),
    ("state", "state"),
    ("stated", "state"),
    ("states", "state"),
    ("stating", "state"),
    ("stress", "stress"),
    ("stressed", "stress"),
    ("stresses", "stress"),
    ("stressing", "stress"),
    ("suggest", "suggest"),
    ("suggested", "suggest"),
    ("suggests", "suggest"),
    ("tell", "tell"),
    ("telling", "tell"),
    ("tells", "tell"),
    ("told", "tell"),
    ("tweet", "tweet"),
    ("tweeted", "tweet"),
    ("tweeting", "tweet"),
    ("tweets", "tweet"),
    ("warn", "warn"),
    ("warned", "warn"),
    ("warning", "warn"),
    ("warns", "warn"),
    ("write", "write"),
    ("writes", "write"),
    ("wrote", "write"),
];

/// The lemma of a quote-cue verb form, any case (`Stressed` → `stress`).
/// Only forms of [`SpeechClass::cues_quote`] lemmas are listed.
pub fn speech_lemma(form: &str) -> Option<&'static str> {
    let w = form.to_ascii_lowercase();
    FORMS
        .binary_search_by(|(f, _)| (*f).cmp(w.as_str()))
        .ok()
        .map(|i| FORMS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::well_formed;

    #[test]
    fn tables_are_well_formed() {
        well_formed("speech lemmas", LEMMAS.iter().map(|(l, _)| *l));
        well_formed("speech forms", FORMS.iter().map(|(f, _)| *f));
        assert!(FORMS.windows(2).all(|w| w[0].0 < w[1].0), "FORMS unsorted");
    }

    #[test]
    fn every_form_is_of_a_cue_lemma_and_every_cue_lemma_has_forms() {
        for (form, lemma) in FORMS {
            let class = speech_class(lemma);
            assert!(
                class.is_some_and(SpeechClass::cues_quote),
                "{form} → {lemma}"
            );
        }
        for (lemma, class) in LEMMAS {
            if class.cues_quote() {
                assert!(
                    FORMS.iter().any(|(_, l)| l == lemma),
                    "{lemma} has no forms"
                );
            }
        }
    }

    #[test]
    fn classes() {
        assert_eq!(speech_class("say"), Some(SpeechClass::Say));
        assert_eq!(speech_class("accuse"), Some(SpeechClass::Dispute));
        assert_eq!(speech_class("veto"), Some(SpeechClass::Decide));
        assert_eq!(speech_class("kill"), None);
        assert_eq!(speech_class("Say"), None, "lemmas are lowercase");
    }

    #[test]
    fn consumers_questions() {
        let yes = |l: &str, q: fn(SpeechClass) -> bool| speech_class(l).is_some_and(q);
        // Attribution and the coder agree that confirming and tweeting are
        // speech, and disagree on accusing only because it is an event.
        for l in ["confirm", "reiterate", "tweet"] {
            assert!(yes(l, SpeechClass::cues_quote) && yes(l, SpeechClass::names_speaker));
        }
        for l in ["accuse", "deny"] {
            assert!(yes(l, SpeechClass::cues_quote) && !yes(l, SpeechClass::names_speaker));
        }
        assert!(yes("claim", SpeechClass::names_speaker) && !yes("claim", SpeechClass::reports));
        assert!(
            yes("vote", SpeechClass::has_agent_subject) && !yes("vote", SpeechClass::cues_quote)
        );
        assert!(!yes("quote", SpeechClass::has_agent_subject));
        assert!(yes("quote", SpeechClass::is_statement) && !yes("urge", SpeechClass::is_statement));
        assert!(yes("indicate", SpeechClass::reports) && !yes("indicate", SpeechClass::cues_quote));
        assert!(
            !yes("respond", SpeechClass::cues_quote)
                && yes("respond", SpeechClass::has_agent_subject)
        );
    }

    #[test]
    fn surface_forms() {
        assert_eq!(speech_lemma("Stressed"), Some("stress"));
        assert_eq!(speech_lemma("told"), Some("tell"));
        assert_eq!(speech_lemma("killed"), None);
        assert_eq!(speech_lemma("remarks"), None, "a noun in news");
    }
}
