//! Properties of `relations::extract` on generated sentences: it never panics, and what
//! it returns is well formed whatever the text and the mention spans.

use ergraph::relations::{extract, SentenceMention};
use ergraph::{EntityType, RelationKind, Span};
use proptest::prelude::*;

/// Words that exercise the rules: cues, titles, negators, punctuation, non-ASCII.
const WORDS: &[&str] = &[
    "met",
    "meets",
    "with",
    "and",
    "his",
    "counterpart",
    "talks",
    "between",
    "backed",
    "by",
    "is",
    "an",
    "ally",
    "of",
    "'s",
    "accused",
    "not",
    "if",
    "will",
    "Foreign",
    "Minister",
    "President",
    "spokesman",
    "for",
    "the",
    "city",
    "suburb",
    "linked",
    "to",
    "which",
    "views",
    "as",
    "group",
    "-",
    ",",
    ";",
    ".",
    "?",
    "(",
    "left",
    ")",
    "—",
    "“",
    "”",
    "Çavuşoğlu",
    "İzmir",
    "U.S.",
    "fighting",
    "against",
    "part",
    "Syrian",
    "forces",
    "formerly",
    "known",
    "held",
];

const NAMES: &[(&str, EntityType, bool)] = &[
    ("Kerry", EntityType::Person, false),
    ("Lavrov", EntityType::Person, false),
    ("Russia", EntityType::Location, false),
    ("Russian", EntityType::Location, true),
    ("Geneva", EntityType::Location, false),
    ("UN", EntityType::Organization, false),
    ("al-Qaeda", EntityType::Organization, false),
    ("Nusra", EntityType::Organization, false),
    ("Ankara", EntityType::Location, false),
    ("Erdoğan", EntityType::Person, false),
];

/// A sentence of words and names, with the names as mentions.
fn sentence() -> impl Strategy<Value = (String, Vec<SentenceMention>)> {
    prop::collection::vec((any::<bool>(), 0usize..64), 0..30).prop_map(|parts| {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for (is_name, i) in parts {
            if !text.is_empty() {
                text.push(' ');
            }
            if is_name {
                let (name, ty, demonym) = NAMES[i % NAMES.len()];
                let start = text.len();
                text.push_str(name);
                mentions.push(SentenceMention {
                    span: Span::new(start, text.len()),
                    entity: i % NAMES.len(),
                    entity_type: ty,
                    demonym,
                    reference: false,
                });
            } else {
                text.push_str(WORDS[i % WORDS.len()]);
            }
        }
        (text, mentions)
    })
}

fn check(text: &str, mentions: &[SentenceMention]) {
    for r in extract(text, mentions) {
        let (s, t) = (&mentions[r.source], &mentions[r.target]);
        assert_ne!(s.entity, t.entity, "{text:?}: {r:?}");
        assert_ne!(r.kind, RelationKind::CoMention);
        if !r.kind.is_directed() {
            assert!(
                r.source < r.target,
                "{text:?}: undirected pair not ordered: {r:?}"
            );
        }
        match r.kind {
            RelationKind::AffiliatedWith => {
                assert_eq!(s.entity_type, EntityType::Person, "{text:?}: {r:?}");
                assert!(r
                    .role
                    .as_deref()
                    .map_or(true, |role| !role.trim().is_empty()));
            }
            RelationKind::LinkedTo => {
                assert_eq!(
                    (s.entity_type, t.entity_type),
                    (EntityType::Organization, EntityType::Organization)
                );
            }
            RelationKind::LocatedIn => {
                assert_eq!(
                    (s.entity_type, t.entity_type),
                    (EntityType::Location, EntityType::Location)
                );
            }
            _ => assert!(r.role.is_none()),
        }
        let prefix = r.rule.split('.').next().unwrap_or("");
        assert!(r.kind.as_str().starts_with(prefix), "{r:?}");
    }
}

proptest! {
    #[test]
    fn generated_sentences_give_well_formed_relations((text, mentions) in sentence()) {
        check(&text, &mentions);
    }

    #[test]
    fn arbitrary_text_and_spans_never_panic(
        text in "\\PC{0,80}",
        spans in prop::collection::vec((0usize..100, 0usize..20, 0usize..4, 0usize..3), 0..8),
    ) {
        let mut mentions: Vec<SentenceMention> = spans
            .iter()
            .map(|&(start, len, e, ty)| SentenceMention {
                span: Span::new(start, start + len),
                entity: e,
                entity_type: [EntityType::Person, EntityType::Organization, EntityType::Location][ty],
                demonym: e == 3,
                reference: false,
            })
            .collect();
        mentions.sort_by_key(|m| m.span);
        let found = extract(&text, &mentions);
        for r in found {
            prop_assert!(r.source < mentions.len() && r.target < mentions.len());
        }
    }
}
