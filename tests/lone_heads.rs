//! A body's head word alone ("the Committee", "the Court") stands for the one
//! body the document names in full with that head, and names nothing beside none
//! or several; a headline's or column's words are no person. Every text is
//! written for these tests; the people and most bodies in them are invented.

use ergraph::analyze::{analyze, DocAnalysis};
use ergraph::lexicon::Lexicon;
use ergraph::Document;

fn analysis(text: &str) -> DocAnalysis {
    let doc = Document {
        id: "t".into(),
        source: "t.txt".into(),
        text: text.to_string(),
        date: Default::default(),
    };
    analyze(&doc, Lexicon::builtin())
}

/// The entity of the first mention written `s`, if any.
fn entity_of(a: &DocAnalysis, s: &str) -> Option<usize> {
    a.mentions.iter().find(|m| m.text == s).map(|m| m.entity)
}

fn mentioned(a: &DocAnalysis, s: &str) -> bool {
    entity_of(a, s).is_some()
}

#[test]
fn a_lone_head_joins_the_one_body_named_with_it() {
    let a = analysis(
        "The House Intelligence Committee met on Tuesday in Washington. \
         Later that day the Committee voted to release the memo, Marta Quellman said.",
    );
    let full = entity_of(&a, "House Intelligence Committee");
    assert!(full.is_some(), "{:?}", a.mentions);
    assert_eq!(entity_of(&a, "Committee"), full, "{:?}", a.mentions);
}

#[test]
fn beside_several_bodies_a_lone_head_joins_the_one_the_article_is_about() {
    let a = analysis(
        "The Vellmark League of Anglers met on Tuesday. The Vellmark League of \
         Anglers has 400 members, and the Vellmark League of Anglers wants a ban. \
         A rival, the Dorran League of Fishers, disagreed. The League voted on it.",
    );
    let main = entity_of(&a, "Vellmark League of Anglers");
    assert!(main.is_some(), "{:?}", a.mentions);
    assert_eq!(entity_of(&a, "League"), main, "{:?}", a.mentions);
}

#[test]
fn a_head_before_its_joined_words_is_the_head() {
    let a = analysis(
        "The Vellmark Committee on Coastal Fisheries met in Boston on Friday. \
         In a statement the Committee said the report was wrong.",
    );
    let full = entity_of(&a, "Vellmark Committee on Coastal Fisheries");
    assert!(full.is_some(), "{:?}", a.mentions);
    assert_eq!(entity_of(&a, "Committee"), full, "{:?}", a.mentions);
}

#[test]
fn a_lone_head_beside_no_full_name_or_two_names_nothing() {
    let none = analysis(
        "Officials said on Monday that the Court would rule soon, and the \
         Administration declined to comment, Marta Quellman said.",
    );
    assert!(!mentioned(&none, "Court"), "{:?}", none.mentions);
    assert!(!mentioned(&none, "Administration"), "{:?}", none.mentions);
    let two = analysis(
        "The Senate Judiciary Committee and the House Intelligence Committee both \
         met on Tuesday. The Committee voted late that night, Marta Quellman said.",
    );
    assert!(
        mentioned(&two, "Senate Judiciary Committee"),
        "{:?}",
        two.mentions
    );
    assert!(!mentioned(&two, "Committee"), "{:?}", two.mentions);
}

#[test]
fn a_head_cut_off_before_the_rest_of_its_name_stays() {
    let a = analysis(
        "Marta Quellman founded the Committee for the Vellmark Fisheries in 1921. \
         By 1930 the Committee had branches in every port, she said.",
    );
    assert!(mentioned(&a, "Committee"), "{:?}", a.mentions);
}

#[test]
fn a_name_of_its_own_stays_beside_no_full_name() {
    let a = analysis(
        "The Senate voted on Tuesday after the Army asked for more money, \
         and the Coalition struck targets near the border, Marta Quellman said.",
    );
    assert!(mentioned(&a, "Coalition"), "{:?}", a.mentions);
    assert!(mentioned(&a, "Senate"), "{:?}", a.mentions);
    assert!(mentioned(&a, "Army"), "{:?}", a.mentions);
}

#[test]
fn a_head_joined_to_one_name_does_not_glue_a_second() {
    // "University" may stand for either: it joins neither, and they stay apart.
    let a = analysis(
        "A poll by Harvard found the effect, and Kate Quellman, a sociologist at \
         the University at Albany, State University of New York, studied it.",
    );
    let harvard = entity_of(&a, "Harvard");
    let suny = entity_of(&a, "State University of New York");
    assert!(harvard.is_some() && suny.is_some(), "{:?}", a.mentions);
    assert_ne!(harvard, suny, "{:?}", a.mentions);
    assert!(!mentioned(&a, "University"), "{:?}", a.mentions);
}

#[test]
fn masthead_words_alone_are_no_organization() {
    let a = analysis(
        "The senator spoke to Fox News on Sunday about the budget.\n\n\
         Sign up for Daily Newsletters from the paper, Marta Quellman said.",
    );
    assert!(mentioned(&a, "Fox News"), "{:?}", a.mentions);
    assert!(!mentioned(&a, "Daily"), "{:?}", a.mentions);
}

#[test]
fn headline_and_column_words_are_no_person() {
    let a = analysis(
        "Marta Quellman said the clinic had closed on Friday.\n\n\
         Tell Us More About Coronavirus Are you a public health worker?\n\n\
         Click for more from Media Buzz.",
    );
    assert!(mentioned(&a, "Marta Quellman"), "{:?}", a.mentions);
    assert!(
        !a.mentions.iter().any(|m| m.text.contains("About")),
        "{:?}",
        a.mentions
    );
    assert!(!mentioned(&a, "Media Buzz"), "{:?}", a.mentions);
}

#[test]
fn names_with_particles_and_common_words_stay_people() {
    let a = analysis(
        "Rep. Jeff Van Drew spoke on Monday, and Mark Kelly and Bill Quellman \
         answered him in the afternoon. Anders Lysholm and his wife Marie With \
         Quellman (1830 - 1904) lived in Oslo.",
    );
    for name in [
        "Jeff Van Drew",
        "Mark Kelly",
        "Bill Quellman",
        "Marie With Quellman",
    ] {
        assert!(mentioned(&a, name), "{name}: {:?}", a.mentions);
    }
}
