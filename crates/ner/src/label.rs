//! BIO labels over tokens, and the spans they encode.
//!
//! A sentence's entities are written as one label per token: `O` outside any
//! name, `B-k` on a name's first token, `I-k` on each later one. Invariant of
//! every label sequence the decoder produces: an `I-k` follows a `B-k` or an
//! `I-k` of the same kind ([`Label::may_follow`]), so spans read back
//! unambiguously. [`spans`] still reads an ill-formed sequence (an `I-k`
//! after `O` starts a span, as CoNLL's scorer does) so hand-made sequences
//! never panic.

use sitrep_doc::entities::EntityKind;

/// The entity kinds in class order.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Other,
];

/// Number of classes: `O`, then `B-k`, `I-k` for each kind.
pub const N_CLASSES: usize = 1 + 2 * KINDS.len();

/// One token's label, stored as its class index (`0` = `O`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Label(u8);

impl Label {
    pub const O: Label = Label(0);

    /// `B-kind`.
    pub fn begin(kind: EntityKind) -> Label {
        Label(1 + 2 * kind_index(kind) as u8)
    }

    /// `I-kind`.
    pub fn inside(kind: EntityKind) -> Label {
        Label(2 + 2 * kind_index(kind) as u8)
    }

    /// The label with class index `i`, if there is one.
    pub fn from_index(i: usize) -> Option<Label> {
        (i < N_CLASSES).then_some(Label(i as u8))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The kind of a `B`/`I` label; `None` for `O`.
    pub fn kind(self) -> Option<EntityKind> {
        match self.0 {
            0 => None,
            c => KINDS.get((c as usize - 1) / 2).copied(),
        }
    }

    pub fn is_begin(self) -> bool {
        !self.0.is_multiple_of(2)
    }

    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }

    /// Whether `self` may come right after `prev` (`None`: sentence start).
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        if !self.is_inside() {
            return true;
        }
        prev.is_some_and(|p| p.0 != 0 && p.kind() == self.kind())
    }

    /// `O`, `B-person`, `I-place`, ...
    pub fn name(self) -> String {
        match self.kind() {
            None => "O".to_string(),
            Some(k) => format!("{}-{}", if self.is_begin() { "B" } else { "I" }, k.as_str()),
        }
    }
}

fn kind_index(kind: EntityKind) -> usize {
    KINDS
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(KINDS.len() - 1)
}

/// One entity as a token range of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// The spans a label sequence encodes, in order.
pub fn spans(labels: &[Label]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<TokenSpan> = None;
    for (i, l) in labels.iter().enumerate() {
        let continues = l.is_inside() && open.is_some_and(|s| Some(s.kind) == l.kind());
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if let Some(kind) = l.kind() {
            open = Some(TokenSpan {
                start: i,
                end: i + 1,
                kind,
            });
        }
    }
    out.extend(open);
    out
}

/// The labels of `n` tokens carrying `spans` (which must not overlap; a later
/// overlapping span is ignored).
pub fn labels(n: usize, spans: &[TokenSpan]) -> Vec<Label> {
    let mut out = vec![Label::O; n];
    for s in spans {
        if s.start >= s.end || s.end > n || out[s.start..s.end].iter().any(|l| *l != Label::O) {
            continue;
        }
        out[s.start] = Label::begin(s.kind);
        for l in &mut out[s.start + 1..s.end] {
            *l = Label::inside(s.kind);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn span(start: usize, end: usize, kind: EntityKind) -> TokenSpan {
        TokenSpan { start, end, kind }
    }

    #[test]
    fn labels_and_spans_round_trip() {
        let s = vec![
            span(0, 2, Person),
            span(2, 3, Organization),
            span(5, 8, Place),
        ];
        let l = labels(9, &s);
        assert_eq!(l[0], Label::begin(Person));
        assert_eq!(l[1], Label::inside(Person));
        assert_eq!(l[2], Label::begin(Organization));
        assert_eq!(l[3], Label::O);
        assert_eq!(spans(&l), s);
    }

    #[test]
    fn an_inside_label_of_another_kind_starts_a_new_span() {
        let l = [
            Label::begin(Person),
            Label::inside(Place),
            Label::inside(Place),
            Label::O,
            Label::inside(Other),
        ];
        assert_eq!(
            spans(&l),
            [span(0, 1, Person), span(1, 3, Place), span(4, 5, Other)]
        );
    }

    #[test]
    fn transitions() {
        let (b, i) = (Label::begin(Place), Label::inside(Place));
        assert!(i.may_follow(Some(b)) && i.may_follow(Some(i)));
        assert!(!i.may_follow(None) && !i.may_follow(Some(Label::O)));
        assert!(!i.may_follow(Some(Label::begin(Person))));
        assert!(b.may_follow(None) && Label::O.may_follow(Some(i)));
        for c in 0..N_CLASSES {
            let l = Label::from_index(c).unwrap();
            assert_eq!(l.index(), c);
            assert_eq!(l.kind().is_none(), c == 0, "{}", l.name());
        }
        assert_eq!(Label::from_index(N_CLASSES), None);
    }

    #[test]
    fn overlapping_spans_keep_the_first() {
        let l = labels(4, &[span(0, 3, Organization), span(2, 4, Place)]);
        assert_eq!(spans(&l), [span(0, 3, Organization)]);
    }
}
