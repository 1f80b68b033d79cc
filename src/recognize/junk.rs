//! Spans that look like names but are page wording: a headline's or kicker's
//! words in capitals typed as a person ("CORONAVIRUS COVERAGE", "TRUMP
//! IMPEACHMENT"), and a bare generic head noun standing alone as a body
//! ("the Committee", "the Court") with no full name in the document.

use super::{Ctx, RawMention};
use crate::lexicon::class;
use crate::model::EntityType;

/// Heads of bodies' names that name no one body alone ("the Committee", "the
/// Court", "the Party"): only the full name ("Senate Judiciary Committee") does
/// (sorted). Not "Senate", "Congress", "Army", "Cabinet" and the like, which
/// name their country's one body, nor "Union", which names states.
const GENERIC_HEADS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "assembly",
    "association",
    "authority",
    "board",
    "bureau",
    "campaign",
    "centre",
    "church",
    "college",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "division",
    "federation",
    "foundation",
    "gang",
    "group",
    "hospital",
    "institute",
    "institution",
    "league",
    "ministry",
    "organisation",
    "organization",
    "party",
    "police",
    "press",
    "project",
    "school",
    "society",
    "team",
    "university",
];

/// Whether `key` (a mention's folded key) is a generic head of a body's name.
pub(crate) fn is_generic_head(key: &str) -> bool {
    GENERIC_HEADS.binary_search(&key).is_ok()
}

/// A name of two words or more, all in capitals and none an initial ("CLINTON
/// SANDERS", "TRUMP IMPEACHMENT"): a headline's or section's words, not a person,
/// unless the document writes the same words in ordinary case ("KIRSTJEN
/// NIELSEN" ... "Kirstjen Nielsen") or they read as a given name and a surname
/// ("CHUCK BURTON", "CHRISTINE BLASEY FORD").
pub(super) fn is_caps_phrase_not_person(ctx: &Ctx, a: usize, b: usize) -> bool {
    let mut words = 0;
    let mut last = a;
    for i in a..b {
        if ctx.tokens[i].kind == crate::text::TokenKind::Punct {
            continue;
        }
        if !ctx.is_all_caps(i) || ctx.words[i].contains('.') {
            // A lower-case letter, or an initial ("J.", "V.P."): a name's writing.
            return false;
        }
        words += 1;
        last = i;
    }
    if words < 2 {
        return false;
    }
    // A given name that is a surname too ("CLINTON SANDERS") reads as the surname
    // when the body writes it capitalised: two people's surnames side by side.
    let given = ctx.first_name_at(a)
        && !(ctx.in_class(a, class::SURNAME)
            && ctx
                .body_caps
                .contains(super::title_case(ctx.words[a]).as_str()));
    if given && (words == 2 || ctx.in_class(last, class::SURNAME)) {
        return false;
    }
    let mut plain = String::with_capacity(ctx.tokens[b - 1].span.end - ctx.tokens[a].span.start);
    for i in (a..b).filter(|&i| ctx.tokens[i].kind != crate::text::TokenKind::Punct) {
        if !plain.is_empty() {
            plain.push(' ');
        }
        plain.push_str(&super::title_case(ctx.words[i]));
    }
    !ctx.text.contains(plain.as_str())
}

/// Gives a lone generic head typed as an organization the weak "unknown" rule
/// when the document names no body with that head word in full: it then stays
/// only if it names something known. Beside its full name ("Supreme Court" ...
/// "the Court", "Church of Scientology" ... "the Church") it is left as it is.
pub(super) fn weaken_generic_heads(text: &str, mentions: &mut [RawMention]) {
    let lone = |m: &RawMention| {
        m.entity_type == EntityType::Organization
            && m.gaz.is_none()
            && !m.demonym
            && m.words.len() == 1
            && is_generic_head(&m.key)
    };
    if !mentions.iter().any(lone) {
        return;
    }
    // The generic heads among the words of the document's longer bodies' names.
    let mut named: Vec<String> = Vec::new();
    for m in mentions.iter() {
        if m.words.len() > 1 {
            for w in &m.words {
                let key = crate::normalize::norm_key(&text[w.start..w.end]);
                if is_generic_head(&key) && !named.contains(&key) {
                    named.push(key);
                }
            }
        }
    }
    for m in mentions.iter_mut() {
        if lone(m) && !named.contains(&m.key) && !name_goes_on(text, m.span.end) {
            m.rule = "unknown";
        }
    }
}

/// Words that join a body's head to the rest of its name ("Council on
/// American-Islamic Relations", "School of the Art Institute").
const NAME_JOINERS: &[&str] = &["against", "for", "of", "on", "to"];

/// Whether the text at byte `end` goes on with a joining word and a capitalised
/// word, maybe after "the": the head opens a longer name cut off before it.
pub(crate) fn name_goes_on(text: &str, end: usize) -> bool {
    let mut rest = text[end..].split_ascii_whitespace();
    if !rest.next().is_some_and(|w| NAME_JOINERS.contains(&w)) {
        return false;
    }
    let next = match rest.next() {
        Some("the") => rest.next(),
        w => w,
    };
    next.and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_head_before_a_joined_name_goes_on() {
        let t = "the Council on Foreign Relations; the Council said; the School of the Arts";
        assert!(super::name_goes_on(t, 11));
        assert!(!super::name_goes_on(t, 45));
        assert!(super::name_goes_on(t, 63));
    }

    use super::super::tests::found;
    use super::*;

    fn people(text: &str) -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(_, t, _)| *t == EntityType::Person)
            .map(|(s, _, _)| s)
            .collect()
    }

    #[test]
    fn a_headline_in_capitals_is_no_person() {
        let text = "Most voters oppose impeachment, Tim Malloy noted.\n\n\
                    THE LATEST FROM FOX NEWS ON TRUMP IMPEACHMENT DEVELOPMENTS\n\n\
                    D.C. DEMOCRATS DISRUPT OBAMA, REID - Eleanor Holmes Norton spoke.\n\n\
                    And the surveys from Quinnipiac and Monmouth agreed with Trump.";
        let p = people(text);
        assert!(!p.iter().any(|n| n.contains("IMPEACHMENT")), "{p:?}");
        assert!(!p.iter().any(|n| n.contains("DISRUPT")), "{p:?}");
        assert!(p.contains(&"Eleanor Holmes Norton".to_string()), "{p:?}");
    }

    #[test]
    fn a_name_in_capitals_stays_a_person() {
        // A given name and a surname, and a name the body writes in ordinary case.
        let text = "Photo by CHUCK BURTON of the crowd outside on Tuesday.\n\
                    The statement came from KIRSTJEN NIELSEN late on Sunday.\n\
                    Kirstjen Nielsen resigned later that week.";
        let p = people(text);
        assert!(p.contains(&"CHUCK BURTON".to_string()), "{p:?}");
        assert!(p.contains(&"KIRSTJEN NIELSEN".to_string()), "{p:?}");
    }

    #[test]
    fn two_surnames_in_capitals_are_no_person() {
        let text = "Hillary Clinton and Bernie Sanders debated on Tuesday.\n\
                    The poll table read CLINTON SANDERS across the top of the page.";
        let p = people(text);
        assert!(!p.contains(&"CLINTON SANDERS".to_string()), "{p:?}");
    }

    #[test]
    fn a_lone_generic_head_is_weak_unless_its_full_name_is_in_the_document() {
        let f = found(
            "The Senate Judiciary Committee met on Tuesday. Later the Committee voted, \
             and the Court agreed. The Party said nothing. The Council on Foreign \
             Relations wrote.",
        );
        let rule = |name: &str| f.iter().find(|(s, _, _)| s == name).map(|m| m.2);
        assert_eq!(rule("Court"), Some("unknown"), "{f:?}");
        assert_eq!(rule("Party"), Some("unknown"), "{f:?}");
        assert!(
            !f.iter().any(|m| m.0 == "Council" && m.2 == "unknown"),
            "{f:?}"
        );
        let full = rule("Senate Judiciary Committee");
        assert!(full.is_some_and(|r| r != "unknown"), "{f:?}");
        assert!(rule("Committee").is_some_and(|r| r != "unknown"), "{f:?}");
    }

    #[test]
    fn generic_heads_are_sorted_and_found() {
        assert!(GENERIC_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_generic_head("committee"));
        assert!(is_generic_head("court"));
        assert!(!is_generic_head("senate"));
        assert!(!is_generic_head("congress"));
    }
}
