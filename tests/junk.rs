//! What is no entity in scraped news: pronouns and interjections, lone letters and
//! party tags, party adjectives, laws and events (type other), photo credits and
//! page widgets, mojibake, names run together by link widgets, lists and menus.
//! Every text is written for these tests; the people in them are invented.

use ergraph::analyze::{analyze, DocAnalysis};
use ergraph::lexicon::Lexicon;
use ergraph::recognize::headline_lines;
use ergraph::text::{lines, split_sentences};
use ergraph::{Document, EntityType};

fn analysis(text: &str) -> DocAnalysis {
    let doc = Document {
        id: "t".into(),
        source: "t.txt".into(),
        text: text.to_string(),
        date: Default::default(),
    };
    analyze(&doc, Lexicon::builtin())
}

/// Every mention's text, in text order.
fn surfaces(text: &str) -> Vec<String> {
    analysis(text)
        .mentions
        .iter()
        .map(|m| m.text.clone())
        .collect()
}

fn has(found: &[String], s: &str) -> bool {
    found.iter().any(|f| f == s)
}

fn count(found: &[String], s: &str) -> usize {
    found.iter().filter(|f| *f == s).count()
}

#[test]
fn pronouns_contractions_and_interjections_name_nothing() {
    let f = surfaces(
        "The aide said, adding, \u{201c}It\u{2019}s over. They\u{2019}re gone.\u{201d} \
         Asked again, she said: \u{201c}Oh, we\u{2019}re fine. No. We\u{2019}ve won.\u{201d} \
         Then Marta O'Brien told the press that This was wrong.",
    );
    for junk in [
        "It",
        "They\u{2019}re",
        "Oh",
        "No. We\u{2019}ve",
        "We\u{2019}ve",
        "No.",
        "This",
    ] {
        assert!(!has(&f, junk), "{junk}: {f:?}");
    }
    // An apostrophe inside a name is no contraction.
    assert!(has(&f, "Marta O'Brien"), "{f:?}");
}

#[test]
fn lone_letters_and_party_tags_name_nothing() {
    let f = surfaces(
        "Sen. Dana Whitcombe, R-Ala., and Rep. Lou Brandt (D) spoke, \
         and so did Gov. Ray Ostrow, D-N.Y., at the M4 motorway.",
    );
    for junk in ["R-Ala", "R-Ala.", "D", "D-N", "Y."] {
        assert!(!has(&f, junk), "{junk}: {f:?}");
    }
    for name in ["Dana Whitcombe", "Lou Brandt", "Ray Ostrow"] {
        assert!(has(&f, name), "{name}: {f:?}");
    }
}

#[test]
fn party_and_compass_adjectives_are_no_names() {
    let f = surfaces(
        "Republican lawmakers and Democratic leaders met Congressional aides from the West. \
         Republican Dana Whitcombe left the Republican Party.",
    );
    for junk in ["Republican", "Democratic", "Congressional", "West"] {
        assert!(!has(&f, junk), "{junk}: {f:?}");
    }
    assert!(has(&f, "Dana Whitcombe"), "{f:?}");
    assert!(!has(&f, "Republican Dana Whitcombe"), "{f:?}");
    assert!(has(&f, "Republican Party"), "{f:?}");
}

#[test]
fn laws_and_events_are_recognised_but_no_nodes() {
    let a = analysis("The Affordable Care Act took effect after Election Day, Lou Brandt said.");
    let f: Vec<String> = a.mentions.iter().map(|m| m.text.clone()).collect();
    assert!(!f.iter().any(|s| s.contains("Care Act")), "{f:?}");
    assert!(!has(&f, "Election Day"), "{f:?}");
    assert!(has(&f, "Lou Brandt"), "{f:?}");
    assert!(
        a.entities
            .iter()
            .all(|e| e.entity_type != EntityType::Other || e.tentative),
        "{:?}",
        a.entities
    );
    // Links and mentions point at the renumbered entities.
    assert!(a.mentions.iter().all(|m| m.entity < a.entities.len()));
}

#[test]
fn photo_credits_and_widgets_glue_to_no_name() {
    let text = "Enlarge this image toggle caption Jim Watson/AFP/Getty Images Jim Watson/AFP/Getty Images\n\
                Newsletter Sign Up Continue reading the main story\n\
                Senator Dana Whitcombe Image: Lou Brandt\n\
                The book was written by Tom Ellery. Image: Mark Ravenscroft.\n\
                Reuters reported that Ray Ostrow had left, and Dana Whitcombe met Lou Brandt.";
    let f = surfaces(text);
    assert!(
        !f.iter()
            .any(|s| s.contains("Getty") || s.contains("Enlarge") || s.contains("Sign Up")),
        "{f:?}"
    );
    assert_eq!(count(&f, "Jim Watson"), 2, "{f:?}");
    assert_eq!(count(&f, "Dana Whitcombe"), 2, "{f:?}");
    assert_eq!(count(&f, "Lou Brandt"), 2, "{f:?}");
    // A credit cue opening a sentence leaves the name credited whole.
    assert!(has(&f, "Mark Ravenscroft"), "{f:?}");
    // An agency's name in prose is the agency.
    assert!(has(&f, "Reuters"), "{f:?}");
}

#[test]
fn mojibake_is_read_as_meant_and_offsets_stay_on_the_text() {
    let text = "Dana Whitcombe\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2}s plan met Jos\u{c3}\u{a9} Ostrow.";
    let a = analysis(text);
    let chars: Vec<char> = text.chars().collect();
    for m in &a.mentions {
        let slice: String = chars[m.start..m.end].iter().collect();
        assert_eq!(slice, m.text);
    }
    let f: Vec<&str> = a.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(f.contains(&"Dana Whitcombe"), "{f:?}");
    let labels: Vec<&str> = a
        .entities
        .iter()
        .flat_map(|e| e.forms.keys().map(String::as_str))
        .collect();
    assert!(labels.contains(&"Jos\u{e9} Ostrow"), "{labels:?}");
}

#[test]
fn names_run_together_by_widgets_are_split() {
    let f = surfaces(
        "The vote went to Senator Dana Whitcombe Dana WhitcombeSome critics say the plan fails.\n\
         It helped Lou Brandt Lou Brandt2020 Democrats push for more.\n\
         Officials at YouTube praised Senator Kevin McAllister on Monday.",
    );
    // The name written again before the glued text is the widget's card: one mention.
    assert_eq!(count(&f, "Dana Whitcombe"), 1, "{f:?}");
    assert_eq!(count(&f, "Lou Brandt"), 1, "{f:?}");
    assert!(
        !f.iter().any(|s| s.contains("Some") || s.contains("2020")),
        "{f:?}"
    );
    assert!(has(&f, "Kevin McAllister"), "{f:?}");
}

#[test]
fn a_person_card_and_its_headlines_are_furniture() {
    let a = analysis(
        "Senator Dana Whitcombe Dana (Dee) Marie WhitcombeBudget talks stall as Lou Brandt \
         quits: report Ray Ostrow joins race MORE said on Monday that she would vote no.",
    );
    let f: Vec<String> = a.mentions.iter().map(|m| m.text.clone()).collect();
    assert_eq!(f, ["Dana Whitcombe"], "{f:?}");
    // A surname with a capital inside is cut after it.
    let f = surfaces(
        "Senator Lou McVale Louis (Lou) Ray McValeBudget talks stall: report MORE said no.",
    );
    assert_eq!(f, ["Lou McVale"], "{f:?}");
    // No "MORE": the card goes, the glued text stays.
    let f = surfaces("Senator Dana Whitcombe Dana (Dee) Marie WhitcombeLou Brandt talks.");
    assert_eq!(
        count(&f, "Dana Whitcombe") + count(&f, "Senator Dana Whitcombe"),
        1,
        "{f:?}"
    );
    assert!(!f.iter().any(|s| s.contains("Marie")), "{f:?}");
    // A surname glued to a word after the name itself is no card.
    let f = surfaces("Critics of Dana Whitcombe call it WhitcombeCare in speeches.");
    assert!(has(&f, "Dana Whitcombe"), "{f:?}");
}

#[test]
fn a_short_form_then_the_full_name_are_two_mentions() {
    let f = surfaces("It was handed to President Whitcombe Dana Marie Whitcombe on Monday.");
    assert!(has(&f, "Whitcombe"), "{f:?}");
    assert!(has(&f, "Dana Marie Whitcombe"), "{f:?}");
    // A name repeating its given name stays whole.
    let f = surfaces("The prize went to Mohamed El-Hassan Mohamed on Monday.");
    assert!(has(&f, "Mohamed El-Hassan Mohamed"), "{f:?}");
}

#[test]
fn a_run_of_several_people_is_a_list() {
    let f = surfaces("The rally heard Dana Whitcombe Lou Brandt Ray Ostrow Ana Ruiz before noon.");
    for name in ["Dana Whitcombe", "Lou Brandt", "Ray Ostrow", "Ana Ruiz"] {
        assert!(has(&f, name), "{name}: {f:?}");
    }
    let f = surfaces("The rally heard George Herbert Walker Bush before noon.");
    assert!(has(&f, "George Herbert Walker Bush"), "{f:?}");
}

#[test]
fn a_menu_of_names_is_furniture_and_a_list_in_prose_is_not() {
    let countries = "Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia \
                     Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium \
                     Belize Benin Bhutan Bolivia Botswana Brazil Bulgaria Burundi";
    let f = surfaces(&format!(
        "Sign in to read more. Choose your country {countries} Please enter your email."
    ));
    assert!(!has(&f, "Albania") && !has(&f, "Brazil"), "{f:?}");
    let f = surfaces("Envoys from Albania, Brazil, Belgium and Bolivia met in Geneva.");
    assert!(has(&f, "Albania") && has(&f, "Brazil"), "{f:?}");
}

fn headlines(text: &str) -> Vec<bool> {
    let ls = lines(text);
    let mut ss = Vec::new();
    for (i, &l) in ls.iter().enumerate() {
        split_sentences(text, l, i, &mut ss);
    }
    headline_lines(text, &ss, ls.len())
}

#[test]
fn title_case_headlines_with_possessives_or_mojibake_are_headlines() {
    assert_eq!(
        headlines(
            "Voters Face Questions Ahead Of Whitcombe's Campaign Launch\n\
             Whitcombe Says Ostrow Would \u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{cb}\u{153}Make Things Worse\n\
             The senator's staff met Whitcombe's aides on Monday"
        ),
        vec![true, true, false]
    );
}

#[test]
fn religions_and_diseases_alone_are_no_entities() {
    let f =
        surfaces("Scholars of Islam met doctors fighting Ebola and HIV in Monrovia with Ana Ruiz.");
    for junk in ["Islam", "Ebola", "HIV"] {
        assert!(!has(&f, junk), "{junk}: {f:?}");
    }
    assert!(has(&f, "Monrovia") && has(&f, "Ana Ruiz"), "{f:?}");
}

#[test]
fn descriptors_before_a_name_are_no_part_of_it() {
    let f = surfaces(
        "The vote was close. Fellow Kentuckian Marta Kowalski said so, and Corrupt Dario \
         Fenwick replied. Senators Marta Kowalski and Dario Fenwick met Businesswoman Lena \
         Oduya. A Cuban-American Lena Oduya spoke. Then Libertarian Dario Fenwick ran, and \
         Texan Lena Oduya followed.",
    );
    for glued in [
        "Kentuckian Marta Kowalski",
        "Corrupt Dario Fenwick",
        "Senators Marta Kowalski",
        "Businesswoman Lena Oduya",
        "Cuban-American Lena Oduya",
        "Libertarian Dario Fenwick",
        "Texan Lena Oduya",
    ] {
        assert!(!has(&f, glued), "{glued}: {f:?}");
    }
    assert_eq!(count(&f, "Marta Kowalski"), 2, "{f:?}");
    assert_eq!(count(&f, "Dario Fenwick"), 3, "{f:?}");
    assert_eq!(count(&f, "Lena Oduya"), 3, "{f:?}");
}

#[test]
fn words_before_a_given_name_stay_when_the_rest_is_no_person() {
    // A common word before a given name alone, or before a given name and an
    // organization or event word, is part of a place or thing's name.
    let f = surfaces(
        "Ships docked at Port Elizabeth on Monday. Leaders signed the Camp David Accords \
         long ago. Pupils toured the Golden Charles Museum. The Christian Science Herald \
         reported it.",
    );
    for kept in [
        "Port Elizabeth",
        "Golden Charles Museum",
        "Christian Science Herald",
    ] {
        assert!(has(&f, kept), "{kept}: {f:?}");
    }
    assert!(!f.iter().any(|m| m.starts_with("David")), "{f:?}");
}

#[test]
fn headline_words_before_a_name_are_cut() {
    let f = surfaces(
        "Why Marta Kowalski Is Wrong About Farm Subsidies\n\
         Is Kowalski Ready For The Job\n\
         I Will Never Vote For Dario Fenwick Again\n\
         Reporters met Marta Kowalski and Dario Fenwick in Lisbon on Monday.",
    );
    for glued in [
        "Why Marta Kowalski",
        "Is Kowalski",
        "Will Never Vote For Dario Fenwick",
        "Never Vote For Dario Fenwick",
    ] {
        assert!(!f.iter().any(|m| m.starts_with(glued)), "{glued}: {f:?}");
    }
    assert!(count(&f, "Marta Kowalski") >= 2, "{f:?}");
    assert!(count(&f, "Dario Fenwick") >= 2, "{f:?}");
}

#[test]
fn a_given_name_that_is_also_a_particle_is_a_given_name() {
    // "Ben" is a given name here, not the "ben" of "Yosef ben Matan": the bare
    // surname joins the full name. A lower-case particle still drops out.
    for (full, short) in [("Ben Tarrow", "Tarrow"), ("Omar bin Kareem", "Kareem")] {
        let text = format!(
            "{full} spoke in Dunmere on Monday. {short} said the plan would work. \
             Voters cheered {short}."
        );
        let a = analysis(&text);
        let entity_of = |s: &str| {
            a.mentions
                .iter()
                .filter(|m| m.text == s)
                .map(|m| m.entity)
                .collect::<Vec<_>>()
        };
        let whole = entity_of(full);
        assert_eq!(whole.len(), 1, "{full}: {:?}", a.mentions);
        assert_eq!(
            entity_of(short),
            vec![whole[0]; 2],
            "{short}: {:?}",
            a.mentions
        );
    }
}

/// Common-noun abbreviations in capitals name a thing, not an organization; the
/// names beside them stay.
#[test]
fn common_noun_abbreviations_are_no_names() {
    let s = surfaces(
        "The GDP grew 3 percent last year, the Commerce Department said.\n\n\
         Veterans in Ohio reported PTSD more often, and a super PAC paid for the ads.\n\n\
         An SUV hit a barrier near the ICU entrance of Mercy Hospital in Toledo.\n\n\
         Ohio requires voters to show ID at the polls.",
    );
    for junk in ["GDP", "PTSD", "PAC", "SUV", "ICU", "ID"] {
        assert!(!s.iter().any(|m| m == junk), "{junk} in {s:?}");
    }
    for name in ["Commerce Department", "Ohio", "Mercy Hospital", "Toledo"] {
        assert!(s.iter().any(|m| m == name), "{name} missing from {s:?}");
    }
}

/// Title abbreviations, adherents of a faith, fears and a capitalised "Government"
/// name no one by themselves; the person after them stays.
#[test]
fn title_abbreviations_faiths_and_fears_are_no_names() {
    let s = surfaces(
        "POTUS spoke to Scientologist Dara Venn about Islamophobia on Monday. \
         The Government said VIP guests would meet in Ohio.",
    );
    for junk in [
        "POTUS",
        "Scientologist Dara Venn",
        "Islamophobia",
        "Government",
        "VIP",
    ] {
        assert!(!s.iter().any(|m| m == junk), "{junk} in {s:?}");
    }
    for name in ["Dara Venn", "Ohio"] {
        assert!(s.iter().any(|m| m == name), "{name} missing from {s:?}");
    }
}

/// A Roman numeral alone names nothing; after a name it stays part of it.
#[test]
fn a_roman_numeral_alone_is_no_name() {
    let s = surfaces("He posted part XVII of the series. Henry VIII ruled England.");
    assert!(!s.iter().any(|m| m == "XVII"), "{s:?}");
    assert!(s.iter().any(|m| m == "Henry VIII"), "{s:?}");
}

/// The State of the Union is an address: its "Union" is no organization, while the
/// European Union stays one.
#[test]
fn the_state_of_the_union_names_no_union() {
    let s = surfaces(
        "Varga gave his State of the Union address in Washington. \
         The European Union welcomed it.",
    );
    assert!(!s.iter().any(|m| m == "Union"), "{s:?}");
    assert!(s.iter().any(|m| m == "European Union"), "{s:?}");
}
