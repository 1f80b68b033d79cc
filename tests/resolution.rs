//! Resolution across documents on hard cases, with texts written for the tests.

use ergraph::{build_graph, Document, EntityGraph, EntityType, Node};

fn docs(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document {
            id: format!("d{i}"),
            source: format!("d{i}.txt"),
            text: t.to_string(),
            date: Default::default(),
        })
        .collect()
}

fn holders<'a>(g: &'a EntityGraph, alias: &str) -> Vec<&'a Node> {
    g.nodes()
        .filter(|n| n.aliases.iter().any(|a| a == alias))
        .collect()
}

#[test]
fn transliterations_of_one_person_merge_across_documents() {
    let g = build_graph(docs(&[
        "Russian Defence Minister Sergey Shoigu visited the base on Monday.",
        "Defence Minister Sergei Shoigu said the drills were over.",
        "Shoigu did not comment.",
    ]));
    let n = holders(&g, "Sergey Shoigu");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].entity_type, EntityType::Person);
    assert!(
        n[0].aliases.contains(&"Sergei Shoigu".to_string()),
        "{:?}",
        n[0]
    );
    assert!(n[0].aliases.contains(&"Shoigu".to_string()), "{:?}", n[0]);
    assert_eq!(n[0].documents, 3);
}

#[test]
fn acronyms_and_dotted_forms_join_the_expansion() {
    let g = build_graph(docs(&[
        "The United Nations called for a truce in the region.",
        "A U.N. spokesman said aid convoys were waiting.",
        "The UN envoy arrived on Tuesday.",
    ]));
    let n = holders(&g, "United Nations");
    assert_eq!(n.len(), 1, "{:?}", g.nodes().collect::<Vec<_>>());
    assert_eq!(n[0].label, "United Nations");
    for form in ["U.N.", "UN"] {
        assert!(n[0].aliases.iter().any(|a| a == form), "{form}: {:?}", n[0]);
    }
    assert_eq!(n[0].documents, 3);
}

#[test]
fn two_people_sharing_a_surname_stay_two_and_the_bare_surname_joins_neither() {
    let g = build_graph(docs(&[
        "Former president George Bush spoke at the library in Texas.",
        "His brother Jeb Bush campaigned in Florida the same week.",
        "Bush said the economy would recover.",
    ]));
    let george = holders(&g, "George Bush");
    let jeb = holders(&g, "Jeb Bush");
    assert_eq!(george.len(), 1);
    assert_eq!(jeb.len(), 1);
    assert_ne!(george[0].id, jeb[0].id, "two people merged into one node");
    assert!(
        !george[0].aliases.contains(&"Bush".to_string())
            && !jeb[0].aliases.contains(&"Bush".to_string())
    );
}

#[test]
fn a_surname_joins_the_one_person_in_the_corpus_who_bears_it() {
    let g = build_graph(docs(&[
        "Chancellor Olaf Scholz met business leaders in Hamburg.",
        "Scholz later flew to Paris.",
    ]));
    let n = holders(&g, "Olaf Scholz");
    assert_eq!(n.len(), 1);
    assert!(n[0].aliases.contains(&"Scholz".to_string()));
    assert_eq!(n[0].documents, 2);
}

#[test]
fn bare_organization_names_join_their_prefixed_form_only_when_unique() {
    let g = build_graph(docs(&[
        "The U.S. Treasury Department announced new sanctions on Friday.",
        "A Treasury Department official declined to comment.",
    ]));
    let n = holders(&g, "Treasury Department");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].entity_type, EntityType::Organization);
    assert_eq!(n[0].documents, 2);
}

#[test]
fn different_people_with_the_same_given_name_are_not_merged() {
    let g = build_graph(docs(&[
        "John Kerry met John Kirby in Washington.",
        "John Kirby said the talks went well.",
    ]));
    let kerry = holders(&g, "John Kerry");
    let kirby = holders(&g, "John Kirby");
    assert_eq!(kerry.len(), 1);
    assert_eq!(kirby.len(), 1);
    assert_ne!(kerry[0].id, kirby[0].id);
}

#[test]
fn a_government_of_a_country_is_not_an_armed_group_named_after_it() {
    let g = build_graph(docs(&[
        "The Islamic State of Iraq claimed the attack.",
        "The Government of Iraq condemned the attack.",
    ]));
    let isi = holders(&g, "Islamic State of Iraq");
    let gov = holders(&g, "Government of Iraq");
    assert_eq!(isi.len(), 1);
    assert_eq!(gov.len(), 1);
    assert_ne!(isi[0].id, gov[0].id, "{:?}", gov[0]);
}

#[test]
fn an_abbreviation_is_not_a_surname_written_alone() {
    let g = build_graph(docs(&[
        "North Korean leader Kim Jong Un met the envoys on Monday. Kim Jong Un said the U.N. had no say. The UN answered on Tuesday.",
    ]));
    let kim = holders(&g, "Kim Jong Un");
    assert_eq!(kim.len(), 1, "{:?}", g.nodes().collect::<Vec<_>>());
    for form in ["U.N.", "UN"] {
        assert!(!kim[0].aliases.iter().any(|a| a == form), "{:?}", kim[0]);
    }
}
