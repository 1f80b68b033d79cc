//! Properties of `relations::extract` on generated sentences: it never panics, and what
//! it returns is well formed whatever the text and the mention spans.

use ergraph::relations::{extract, DocContext, SentenceMention};
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
                // A place in a place, or an organization in a place ("based in").
                assert!(
                    matches!(
                        s.entity_type,
                        EntityType::Location | EntityType::Organization
                    ) && t.entity_type == EntityType::Location,
                    "{text:?}: {r:?}"
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

// Hand-written sentences for the patterns of issue 8, with invented names. A spec lists
// the names in sentence order; `*` marks a nationality word; equal texts share an entity.

const PER: EntityType = EntityType::Person;
const ORG: EntityType = EntityType::Organization;

/// A sentence, its names, and the one line wanted.
type Case<'a> = (&'a str, &'a [(&'a str, EntityType)], &'a str);
const LOC: EntityType = EntityType::Location;

/// The mentions of `spec` in `sentence`, each looked for after the previous one; entity
/// ids come from `names`, shared across the sentences of a document.
fn mentions_in(
    sentence: &str,
    spec: &[(&str, EntityType)],
    names: &mut Vec<String>,
) -> Vec<SentenceMention> {
    let mut out = Vec::new();
    let mut from = 0;
    for &(text, ty) in spec {
        let (text, demonym) = match text.strip_prefix('*') {
            Some(t) => (t, true),
            None => (text, false),
        };
        let start = from
            + sentence[from..]
                .find(text)
                .unwrap_or_else(|| panic!("{text:?} not in {sentence:?}"));
        let entity = match names.iter().position(|n| n == text) {
            Some(e) => e,
            None => {
                names.push(text.to_string());
                names.len() - 1
            }
        };
        from = start + text.len();
        out.push(SentenceMention {
            span: Span::new(start, from),
            entity,
            entity_type: ty,
            demonym,
            reference: false,
        });
    }
    out
}

/// The relations of a view as lines "kind Source -> Target (role) [rule]".
fn lines(sentence: &str, view: &[SentenceMention]) -> Vec<String> {
    let text = |m: &SentenceMention| sentence[m.span.start..m.span.end].to_string();
    extract(sentence, view)
        .iter()
        .map(|r| {
            let role = r
                .role
                .as_ref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            format!(
                "{} {} -> {}{role} [{}]",
                r.kind,
                text(&view[r.source]),
                text(&view[r.target]),
                r.rule
            )
        })
        .collect()
}

fn rels(sentence: &str, spec: &[(&str, EntityType)]) -> Vec<String> {
    lines(sentence, &mentions_in(sentence, spec, &mut Vec::new()))
}

/// Only the lines of relation `kind`.
fn of_kind(sentence: &str, spec: &[(&str, EntityType)], kind: &str) -> Vec<String> {
    rels(sentence, spec)
        .into_iter()
        .filter(|l| l.starts_with(&format!("{kind} ")))
        .collect()
}

/// The relations of a document of several sentences, run as the pipeline runs them:
/// references resolved over the document, then each sentence on its own.
fn doc(sentences: &[(&str, &[(&str, EntityType)])]) -> Vec<String> {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut names = Vec::new();
    let mut views = Vec::new();
    for (sentence, spec) in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentence);
        spans.push(Span::new(start, text.len()));
        views.push(mentions_in(sentence, spec, &mut names));
    }
    let all = views.iter().enumerate().flat_map(|(si, v)| {
        let start = spans[si].start;
        v.iter().map(move |m| {
            let span = Span::new(m.span.start + start, m.span.end + start);
            (si, span, m.entity, m.entity_type, m.demonym)
        })
    });
    let context = DocContext::new(&text, &spans, all.collect::<Vec<_>>());
    let mut out = Vec::new();
    for (si, (sentence, _)) in sentences.iter().enumerate() {
        let mut view = views[si].clone();
        context.annotate(si, &mut view);
        out.extend(lines(sentence, &view));
    }
    out
}

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|l| l == want)
}

#[test]
fn place_chains_give_every_containing_place() {
    let s = "The mill stands in Dunmore, Kelso County, Vandalia, near the river.";
    let got = of_kind(
        s,
        &[("Dunmore", LOC), ("Kelso County", LOC), ("Vandalia", LOC)],
        "located_in",
    );
    assert_eq!(
        got,
        [
            "located_in Dunmore -> Kelso County [located.comma]",
            "located_in Dunmore -> Vandalia [located.comma]",
            "located_in Kelso County -> Vandalia [located.comma]",
        ]
    );
    // Continued by ", in the (direction) X".
    let s = "The mill stands in Dunmore, Kelso County, in the southern Vandalia.";
    let got = of_kind(
        s,
        &[("Dunmore", LOC), ("Kelso County", LOC), ("Vandalia", LOC)],
        "located_in",
    );
    assert!(
        has(&got, "located_in Dunmore -> Vandalia [located.comma]"),
        "{got:?}"
    );
}

#[test]
fn place_lists_are_not_chains() {
    let s = "The firm has mills in Dunmore, Kelso, and Vandalia.";
    assert_eq!(
        of_kind(
            s,
            &[("Dunmore", LOC), ("Kelso", LOC), ("Vandalia", LOC)],
            "located_in"
        ),
        Vec::<String>::new()
    );
    let s = "The firm has mills in Dunmore, Kelso, Vandalia and Brisk.";
    assert_eq!(
        of_kind(
            s,
            &[
                ("Dunmore", LOC),
                ("Kelso", LOC),
                ("Vandalia", LOC),
                ("Brisk", LOC)
            ],
            "located_in"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn described_places_are_in_what_the_description_says() {
    let spec = [("Dunmore", LOC), ("Kelso County", LOC), ("Vandalia", LOC)];
    let got = of_kind(
        "Dunmore is a hamlet in northern Kelso County, Vandalia.",
        &spec,
        "located_in",
    );
    assert!(
        has(
            &got,
            "located_in Dunmore -> Kelso County [located.description]"
        ),
        "{got:?}"
    );
    assert!(
        has(&got, "located_in Dunmore -> Vandalia [located.description]"),
        "{got:?}"
    );
    let got = of_kind(
        "Brask Road is a freeway in Dunmore.",
        &[("Brask Road", LOC), ("Dunmore", LOC)],
        "located_in",
    );
    assert_eq!(
        got,
        ["located_in Brask Road -> Dunmore [located.description]"]
    );
    let got = of_kind(
        "Dunmore is the capital of Vandalia.",
        &[("Dunmore", LOC), ("Vandalia", LOC)],
        "located_in",
    );
    assert_eq!(
        got,
        ["located_in Dunmore -> Vandalia [located.description]"]
    );
}

#[test]
fn described_places_negative() {
    let spec = [("Dunmore", LOC), ("Kelso County", LOC)];
    for s in [
        "Dunmore is not a hamlet in Kelso County.",
        "Dunmore might be a hamlet in Kelso County.",
        "Dunmore is a hamlet near Kelso County.",
        // A list, not an apposition.
        "Visitors came from Brisk, Dunmore, a hamlet in Kelso County.",
    ] {
        let spec: Vec<_> = if s.contains("Brisk") {
            vec![("Brisk", LOC), ("Dunmore", LOC), ("Kelso County", LOC)]
        } else {
            spec.to_vec()
        };
        let got = of_kind(s, &spec, "located_in");
        assert!(
            !got.iter().any(|l| l.contains("located.description")),
            "{s}: {got:?}"
        );
    }
    // "of" needs a place noun: a member of a club is not in it.
    let got = of_kind("Dunmore is a member of Kelso County.", &spec, "located_in");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn organizations_are_where_they_are_based() {
    let spec = [("Zentrix", ORG), ("Dunmore", LOC)];
    for s in [
        "Zentrix is headquartered in Dunmore.",
        "Zentrix, a software company based in Dunmore, hired staff.",
        "Zentrix is a software company located in Dunmore.",
    ] {
        assert_eq!(
            of_kind(s, &spec, "located_in"),
            ["located_in Zentrix -> Dunmore [located.description]"],
            "{s}"
        );
    }
    assert_eq!(
        of_kind("Zentrix is a Dunmore-based company.", &spec, "located_in"),
        ["located_in Zentrix -> Dunmore [located.based]"]
    );
    assert_eq!(
        of_kind("Zentrix is a rock band from Dunmore.", &spec, "located_in"),
        ["located_in Zentrix -> Dunmore [located.description]"]
    );
}

#[test]
fn organizations_negative() {
    let spec = [("Zentrix", ORG), ("Dunmore", LOC)];
    for s in [
        "Zentrix is not based in Dunmore.",
        "Zentrix was founded in Dunmore.",
        "Zentrix could be based in Dunmore.",
        // "from" for an organization's origin needs an organization noun.
        "Zentrix is a song from Dunmore.",
    ] {
        assert_eq!(of_kind(s, &spec, "located_in"), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn nationality_words_describe_people_and_organizations() {
    assert_eq!(
        of_kind(
            "Ana Welt (born 1950) is a Vandalian painter.",
            &[("Ana Welt", PER), ("*Vandalian", LOC)],
            "affiliated_with"
        ),
        ["affiliated_with Ana Welt -> Vandalian (citizen) [affiliated.demonym]"]
    );
    assert_eq!(
        of_kind(
            "Critics praised Vandalian painter and sculptor Ana Welt and Tom Brask.",
            &[("*Vandalian", LOC), ("Ana Welt", PER), ("Tom Brask", PER)],
            "affiliated_with"
        ),
        [
            "affiliated_with Ana Welt -> Vandalian (citizen) [affiliated.demonym]",
            "affiliated_with Tom Brask -> Vandalian (citizen) [affiliated.demonym]",
        ]
    );
    assert_eq!(
        of_kind(
            "Zentrix is a Vandalian software company.",
            &[("Zentrix", ORG), ("*Vandalian", LOC)],
            "located_in"
        ),
        ["located_in Zentrix -> Vandalian [located.demonym]"]
    );
}

#[test]
fn nationality_words_negative() {
    for (s, spec) in [
        // Birth and descent are not nationality.
        (
            "Ana Welt is a Vandalian-born painter.",
            vec![("Ana Welt", PER), ("*Vandalian", LOC)],
        ),
        (
            "Vandalian-born painter Ana Welt spoke.",
            vec![("*Vandalian", LOC), ("Ana Welt", PER)],
        ),
        (
            "Ana Welt is not a Vandalian painter.",
            vec![("Ana Welt", PER), ("*Vandalian", LOC)],
        ),
        // Not a person noun: the name is misread, not a person's nationality.
        (
            "Ana Welt is a Vandalian telenovela.",
            vec![("Ana Welt", PER), ("*Vandalian", LOC)],
        ),
        (
            "Ana Welt is a Vandalian company.",
            vec![("Ana Welt", PER), ("*Vandalian", LOC)],
        ),
    ] {
        assert_eq!(
            of_kind(s, &spec, "affiliated_with"),
            Vec::<String>::new(),
            "{s}"
        );
    }
}

#[test]
fn named_divisions_of_a_place() {
    let spec = [("Tarn Province", LOC), ("Vandalia", LOC)];
    assert_eq!(
        of_kind(
            "Kelso lies in the Tarn Province of northern Vandalia.",
            &spec,
            "located_in"
        ),
        ["located_in Tarn Province -> Vandalia [located.of]"]
    );
    // Without a direction, "X of Y" may be one name split in two.
    assert_eq!(
        of_kind(
            "Kelso lies in the Tarn Province of Vandalia.",
            &spec,
            "located_in"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn membership_employment_and_teams() {
    let cases: [Case; 6] = [
        (
            "Ana Welt is a member of the Green League.",
            &[("Ana Welt", PER), ("Green League", ORG)],
            "affiliated_with Ana Welt -> Green League [affiliated.member]",
        ),
        (
            "Ana Welt is a founder of the Green League.",
            &[("Ana Welt", PER), ("Green League", ORG)],
            "affiliated_with Ana Welt -> Green League [affiliated.member]",
        ),
        (
            "Tom Brask joined Zentrix in 2001.",
            &[("Tom Brask", PER), ("Zentrix", ORG)],
            "affiliated_with Tom Brask -> Zentrix [affiliated.verb]",
        ),
        (
            "Tom Brask plays for Kelso Rovers.",
            &[("Tom Brask", PER), ("Kelso Rovers", ORG)],
            "affiliated_with Tom Brask -> Kelso Rovers [affiliated.verb]",
        ),
        (
            "Tom Brask, who works for Zentrix, resigned.",
            &[("Tom Brask", PER), ("Zentrix", ORG)],
            "affiliated_with Tom Brask -> Zentrix [affiliated.verb]",
        ),
        (
            "Zentrix's chief executive Tom Brask resigned.",
            &[("Zentrix", ORG), ("Tom Brask", PER)],
            "affiliated_with Tom Brask -> Zentrix (chief executive) [affiliated.title]",
        ),
    ];
    for (s, spec, want) in cases {
        assert_eq!(of_kind(s, spec, "affiliated_with"), [want], "{s}");
    }
}

#[test]
fn membership_negative() {
    let cases: [(&str, &[(&str, EntityType)]); 5] = [
        (
            "Ana Welt is not a member of the Green League.",
            &[("Ana Welt", PER), ("Green League", ORG)],
        ),
        (
            "Ana Welt could be a member of the Green League.",
            &[("Ana Welt", PER), ("Green League", ORG)],
        ),
        (
            "Tom Brask refused to join Zentrix.",
            &[("Tom Brask", PER), ("Zentrix", ORG)],
        ),
        (
            "Tom Brask wants to play for Kelso Rovers.",
            &[("Tom Brask", PER), ("Kelso Rovers", ORG)],
        ),
        // Joining a person is no affiliation.
        (
            "Tom Brask joined Ana Welt on stage.",
            &[("Tom Brask", PER), ("Ana Welt", PER)],
        ),
    ];
    for (s, spec) in cases {
        assert_eq!(
            of_kind(s, spec, "affiliated_with"),
            Vec::<String>::new(),
            "{s}"
        );
    }
}

#[test]
fn linked_organizations() {
    let spec = [("Calder Bank", ORG), ("Orbis Holdings", ORG)];
    for s in [
        "Calder Bank is owned by Orbis Holdings.",
        "Calder Bank is a subsidiary of Orbis Holdings.",
        "Calder Bank, a unit of Orbis Holdings, reported losses.",
    ] {
        let got = of_kind(s, &spec, "linked_to");
        assert_eq!(got.len(), 1, "{s}: {got:?}");
    }
    let got = of_kind(
        "Orbis Holdings acquired Calder Bank in 2010.",
        &[("Orbis Holdings", ORG), ("Calder Bank", ORG)],
        "linked_to",
    );
    assert_eq!(
        got,
        ["linked_to Orbis Holdings -> Calder Bank [linked.verb]"]
    );
    for s in [
        "Orbis Holdings might acquire Calder Bank.",
        "Orbis Holdings denied that it owns Calder Bank.",
        "Orbis Holdings failed to acquire Calder Bank.",
    ] {
        let spec = [("Orbis Holdings", ORG), ("Calder Bank", ORG)];
        assert_eq!(of_kind(s, &spec, "linked_to"), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn cross_clause_subjects() {
    let s = "Tom Brask met Ana Welt on Monday and later accused Dan Rolt of lying.";
    let got = rels(
        s,
        &[("Tom Brask", PER), ("Ana Welt", PER), ("Dan Rolt", PER)],
    );
    assert!(
        has(&got, "meets Tom Brask -> Ana Welt [meets.verb]"),
        "{got:?}"
    );
    assert!(
        has(&got, "opposes Tom Brask -> Dan Rolt [opposes.verb]"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|l| l.starts_with("opposes Ana Welt")),
        "{got:?}"
    );
}

#[test]
fn pronouns_stand_for_the_one_person_before() {
    let got = doc(&[
        (
            "Ana Welt is a Vandalian painter.",
            &[("Ana Welt", PER), ("*Vandalian", LOC)],
        ),
        (
            "She joined the Green League in 1990.",
            &[("Green League", ORG)],
        ),
    ]);
    assert!(
        has(
            &got,
            "affiliated_with She -> Green League [affiliated.verb.ref]"
        ),
        "{got:?}"
    );
}

#[test]
fn pronouns_negative() {
    // Two people before: "she" is not resolved.
    let got = doc(&[
        (
            "Ana Welt met Tom Brask.",
            &[("Ana Welt", PER), ("Tom Brask", PER)],
        ),
        (
            "She joined the Green League in 1990.",
            &[("Green League", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
    // An unresolved "he" stands for someone: the next "she" does not skip it.
    let got = doc(&[
        (
            "Ana Welt met Tom Brask.",
            &[("Ana Welt", PER), ("Tom Brask", PER)],
        ),
        ("He spoke with Dan Rolt.", &[("Dan Rolt", PER)]),
        (
            "She joined the Green League in 1990.",
            &[("Green League", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
    // A person named earlier in the same sentence comes first.
    let got = doc(&[
        ("Ana Welt spoke on Monday.", &[("Ana Welt", PER)]),
        (
            "Tom Brask said she joined the Green League.",
            &[("Tom Brask", PER), ("Green League", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
    // Too far back.
    let got = doc(&[
        ("Ana Welt spoke on Monday.", &[("Ana Welt", PER)]),
        ("It rained.", &[]),
        ("The weather was mild.", &[]),
        ("She joined the Green League.", &[("Green League", ORG)]),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
}

#[test]
fn descriptions_stand_for_the_one_entity_before() {
    let got = doc(&[
        (
            "Zentrix is a Vandalian software company.",
            &[("Zentrix", ORG), ("*Vandalian", LOC)],
        ),
        (
            "The company is owned by Orbis Holdings.",
            &[("Orbis Holdings", ORG)],
        ),
    ]);
    assert!(
        has(
            &got,
            "linked_to company -> Orbis Holdings [linked.verb.ref]"
        ),
        "{got:?}"
    );
    let got = doc(&[
        ("Tom Brask arrived on Monday.", &[("Tom Brask", PER)]),
        (
            "The veteran diplomat joined Zentrix in 2001.",
            &[("Zentrix", ORG)],
        ),
    ]);
    assert!(
        has(
            &got,
            "affiliated_with veteran diplomat -> Zentrix [affiliated.verb.ref]"
        ),
        "{got:?}"
    );
}

#[test]
fn descriptions_negative() {
    // Nothing said the antecedent is a company.
    let got = doc(&[
        ("Zentrix signed a deal.", &[("Zentrix", ORG)]),
        (
            "The company is owned by Orbis Holdings.",
            &[("Orbis Holdings", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
    // Two organizations before: ambiguous.
    let got = doc(&[
        (
            "Zentrix, a company, sued Calder Bank.",
            &[("Zentrix", ORG), ("Calder Bank", ORG)],
        ),
        (
            "The company is owned by Orbis Holdings.",
            &[("Orbis Holdings", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
    // A title before a name is no reference.
    let got = doc(&[
        ("Tom Brask arrived on Monday.", &[("Tom Brask", PER)]),
        (
            "The diplomat Dan Rolt joined Zentrix.",
            &[("Dan Rolt", PER), ("Zentrix", ORG)],
        ),
    ]);
    assert!(!got.iter().any(|l| l.contains(".ref")), "{got:?}");
}

#[test]
fn places_and_institutions_in_a_place() {
    let got = of_kind(
        "He was born in Brisk in Kelso County, Vandalia.",
        &[("Brisk", LOC), ("Kelso County", LOC), ("Vandalia", LOC)],
        "located_in",
    );
    assert!(
        has(&got, "located_in Brisk -> Kelso County [located.in]"),
        "{got:?}"
    );
    assert!(
        has(&got, "located_in Brisk -> Vandalia [located.in]"),
        "{got:?}"
    );
    let got = of_kind(
        "She studied at the Tarn Conservatory in Dunmore.",
        &[("Tarn Conservatory", ORG), ("Dunmore", LOC)],
        "located_in",
    );
    assert_eq!(
        got,
        ["located_in Tarn Conservatory -> Dunmore [located.in]"]
    );
}

#[test]
fn places_and_institutions_in_a_place_negative() {
    // An organization acting somewhere is not located there.
    let got = of_kind(
        "The presence of Zentrix in Dunmore worried residents.",
        &[("Zentrix", ORG), ("Dunmore", LOC)],
        "located_in",
    );
    assert!(got.is_empty(), "{got:?}");
    // A list after "in": no single container.
    let got = of_kind(
        "He lived in Brisk in Dunmore and Kelso.",
        &[("Brisk", LOC), ("Dunmore", LOC), ("Kelso", LOC)],
        "located_in",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_place_pair_closed_by_a_clause_or_a_name() {
    let first = [("Brisk", LOC), ("Vandalia", LOC), ("Ana Welt", PER)];
    let last = [("Ana Welt", PER), ("Brisk", LOC), ("Vandalia", LOC)];
    for (s, spec) in [
        ("Born in Brisk, Vandalia, Ana Welt began painting.", &first),
        (
            "Ana Welt moved to Brisk, Vandalia and settled there.",
            &last,
        ),
        (
            "Ana Welt moved to Brisk, Vandalia, and settled there.",
            &last,
        ),
        (
            "The prize (Brisk, Vandalia, 1990) went to Ana Welt.",
            &first,
        ),
    ] {
        assert_eq!(
            of_kind(s, spec, "located_in"),
            ["located_in Brisk -> Vandalia [located.comma]"],
            "{s}"
        );
    }
    // A list goes on after the comma.
    let got = of_kind(
        "Storms hit Brisk, Vandalia, and other towns.",
        &[("Brisk", LOC), ("Vandalia", LOC)],
        "located_in",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn people_of_organizations_and_transfers() {
    assert_eq!(
        of_kind(
            "Fans cheered Rob Tarn of the Kelso Rovers on Sunday.",
            &[("Rob Tarn", PER), ("Kelso Rovers", ORG)],
            "affiliated_with"
        ),
        ["affiliated_with Rob Tarn -> Kelso Rovers [affiliated.of]"]
    );
    assert_eq!(
        of_kind(
            "Rob Tarn was traded to the Kelso Rovers in 2004.",
            &[("Rob Tarn", PER), ("Kelso Rovers", ORG)],
            "affiliated_with"
        ),
        ["affiliated_with Rob Tarn -> Kelso Rovers [affiliated.verb]"]
    );
    // A place after "of" is no organization; a possessive names something else.
    assert!(of_kind(
        "Rob Tarn of Dunmore spoke.",
        &[("Rob Tarn", PER), ("Dunmore", LOC)],
        "affiliated_with"
    )
    .is_empty());
    assert!(of_kind(
        "A portrait of Rob Tarn of the Kelso Rovers' rival club hung there.",
        &[("Rob Tarn", PER), ("Kelso Rovers", ORG)],
        "affiliated_with"
    )
    .iter()
    .all(|l| !l.contains("affiliated.of") || l.contains("Kelso Rovers")));
}

#[test]
fn parents_in_apposition() {
    let got = of_kind(
        "Zentrix merged with Orbis Holdings, parent of Calder Bank, in 2005.",
        &[
            ("Zentrix", ORG),
            ("Orbis Holdings", ORG),
            ("Calder Bank", ORG),
        ],
        "linked_to",
    );
    assert!(
        has(
            &got,
            "linked_to Orbis Holdings -> Calder Bank [linked.relnoun]"
        ),
        "{got:?}"
    );
    let got = of_kind(
        "Orbis Holdings, the Vandalian parent of Calder Bank, grew.",
        &[
            ("Orbis Holdings", ORG),
            ("*Vandalian", LOC),
            ("Calder Bank", ORG),
        ],
        "linked_to",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    let got = of_kind(
        "Orbis Holdings is not the parent of Calder Bank.",
        &[("Orbis Holdings", ORG), ("Calder Bank", ORG)],
        "linked_to",
    );
    assert!(got.is_empty(), "{got:?}");
}
