//! What the grammar of English says about a run of capitalised words: an
//! auxiliary or modal verb is no word of a name ("Senator Vance Should Resign"),
//! an interview's "Q." and "A." open a paragraph and are no initials, and a
//! name ending in a plural of an abstract or group noun ("Charitable
//! Deductions", "Democracy Advocates") names no person.

use super::Ctx;
use crate::lexicon::class;
use crate::text::TokenKind;

/// Auxiliary and modal verbs that title case capitalises inside a quoted title or
/// a headline ("Trump Should be Removed", "Vance Is Back"): no word of a name.
/// Left out: "Will", "May", "Might", "Can" and "Said", which are also names.
const AUXILIARIES: &[&str] = &[
    "are", "cannot", "could", "did", "does", "had", "has", "have", "is", "must", "shall", "should",
    "was", "were", "would",
];

/// Where a name in tokens `a..b` must end: before its first auxiliary verb after
/// the first word (`b` when there is none).
pub(super) fn end_before_auxiliary(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a + 1..b)
        .find(|&i| ctx.tokens[i].kind == TokenKind::Word && listed!(AUXILIARIES, ctx.lower[i]))
        .unwrap_or(b)
}

/// Token `i` is the "Q." or "A." that opens a question or an answer of an
/// interview ("A. The House votes next"), not a person's initial: it opens the
/// sentence and the next word is a common or function word.
pub(super) fn interview_marker(ctx: &Ctx, i: usize) -> bool {
    i == ctx.first_word
        && matches!(ctx.words[i], "Q." | "A." | "Q:" | "A:")
        && ctx.words.get(i + 1).is_some_and(|_| {
            ctx.tokens[i + 1].kind == TokenKind::Word
                && (ctx.in_class(i + 1, class::FUNCTION) || ctx.is_common_at(i + 1))
                && !ctx.in_class(i + 1, class::SURNAME)
                && !ctx.first_name_at(i + 1)
        })
}

/// Endings of plural nouns of acts, things and groups that no surname has:
/// "Deductions", "Payments", "Amenities", "Nationalists", "Liquidators",
/// "Libertarians" (not "-sions": Sessions).
const GROUP_PLURAL_ENDINGS: &[&str] = &["ators", "ians", "ists", "ities", "ments", "tions"];

/// The last word of tokens `a..b` is a plural noun, which no person's name ends in:
/// a plural of a common noun or one of [`GROUP_PLURAL_ENDINGS`], and no surname.
pub(super) fn ends_in_plural_noun(ctx: &Ctx, a: usize, b: usize) -> bool {
    let last = ctx.lower[b - 1];
    b - a >= 2
        && ctx.tokens[b - 1].kind == TokenKind::Word
        && (GROUP_PLURAL_ENDINGS.iter().any(|e| last.ends_with(e))
            || super::is_common_plural(ctx.lex, last))
        && !ctx.in_class(b - 1, class::SURNAME)
}

/// Prepositions, conjunctions and question words that open no name
/// ("About Coronavirus", "With Biden", "And Obama", "What Putin"): a capitalised
/// one opening a run is title case or a clause's first word (sorted). Left out:
/// "Per", "Under" and "Via", which open names ("Per Olsen", "Under Armour").
const NO_NAME_OPENERS: &[&str] = &[
    "about", "after", "against", "amid", "among", "and", "as", "at", "before", "but", "by", "for",
    "from", "if", "in", "into", "nor", "on", "or", "over", "than", "to", "upon", "vs", "what",
    "when", "with", "without",
];

/// Token `a` opens the name in tokens `a..b` with a word of [`NO_NAME_OPENERS`]
/// (in title case or lower case, not in capitals), before more words, and no
/// known name starts there.
pub(super) fn leading_function_word(ctx: &Ctx, a: usize, b: usize) -> bool {
    b - a >= 2
        && ctx.tokens[a].kind == TokenKind::Word
        && ctx.gaz[a].is_none()
        && !ctx.is_all_caps(a)
        && listed!(NO_NAME_OPENERS, ctx.lower[a])
}

/// Words that title case capitalises and no name holds unless a known name or a
/// joining rule does: personal pronouns ("Tell Us More", "Ties To It") and the
/// "Of", "The" and "And" of a title-case phrase ("Because Of The ACA"), which
/// join a name only as its "of" or "and" do ("Bank Of Spain") (sorted). Not "I"
/// (a numeral: "World War I"), "He" (a Chinese surname: "Liu He"), "We" ("United
/// We Dream") or the possessives ("Our Revolution").
const NEVER_CAPITAL_NAME_WORDS: &[&str] = &[
    "and", "him", "it", "me", "of", "she", "the", "them", "they", "us", "you",
];

/// Token `i` is a word of [`NEVER_CAPITAL_NAME_WORDS`] in title case ("Us", not
/// "US"), after the sentence's first word: its capital makes it no name word.
/// A "The" after a given name opens a nickname ("Dwayne The Rock Johnson").
pub(super) fn never_capital_name_word(ctx: &Ctx, i: usize) -> bool {
    i > ctx.first_word
        && listed!(NEVER_CAPITAL_NAME_WORDS, ctx.lower[i])
        && !ctx.is_all_caps(i)
        && !(ctx.lower[i] == "the" && ctx.first_name_at(i - 1))
}

/// Token `i` is a capitalised common word that is no name word beside a
/// person's name: no given name, surname, title, cue or known name ("Lets",
/// "Slams", "Exhausted").
fn plain_common_word(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens[i].kind == TokenKind::Word
        && ctx.is_upper_initial(i)
        && !ctx.is_all_caps(i)
        && ctx.gaz[i].is_none()
        && ctx.is_common_at(i)
        && !ctx.in_class(i, class::FUNCTION)
        && !ctx.first_name_at(i)
        && !ctx.in_class(i, class::SURNAME)
        && !ctx.in_class(i, class::ORG_CUE)
        && ctx.title_len(i, i + 1) == 0
}

/// Token `k` opens a second person's name inside a run that began at `start`: a
/// known given name and a capitalised word after it (before `b`), after a
/// common word that follows a name ("Kellyanne Conway Lets Jake Tapper": a
/// headline's verb between two people), not in a body's "of", "for" or "on"
/// phrase ("Institute for Legislative Action Chris Cox").
pub(super) fn second_person_after_verb(ctx: &Ctx, start: usize, k: usize, b: usize) -> bool {
    k >= start + 2
        && k + 1 < b
        && ctx.gaz[k].is_none()
        && ctx.unambiguous_first_name_at(k)
        && ctx.is_upper_initial(k + 1)
        && ctx.is_upper_initial(k - 2)
        && plain_common_word(ctx, k - 1)
        && !in_known_name(ctx, start, k - 1)
        && !(start..k).any(|j| matches!(ctx.lower[j], "of" | "for" | "on"))
}

/// Token `i` is inside a known name that starts after `start` ("Nations" of
/// "United Nations Susan Rice"); known names are short, so six tokens back.
fn in_known_name(ctx: &Ctx, start: usize, i: usize) -> bool {
    (start.max(i.saturating_sub(6))..i).any(|j| ctx.gaz[j].is_some_and(|(e, _)| e > i))
}

/// Token `a` is a common word before a known given name and a surname
/// ("Exhausted Kellyanne Conway", "Embattled Mary Tarrow"): a description, no
/// word of the name. Not before a cue or a common word closing a place or body
/// named after a person ("Port Isabel Detention Center", "Bar Ilan University").
pub(super) fn adjective_before_given_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    b - a >= 3
        && !ctx.in_class(b - 1, class::ORG_CUE)
        && !ctx.in_class(b - 1, class::LOC_SUFFIX)
        && !ctx.is_common_at(b - 1)
        && plain_common_word(ctx, a)
        && ctx.gaz[a + 1].is_none()
        && ctx.unambiguous_first_name_at(a + 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::{AUXILIARIES, NEVER_CAPITAL_NAME_WORDS, NO_NAME_OPENERS};
    use crate::model::EntityType;

    #[test]
    fn auxiliaries_are_sorted() {
        assert!(AUXILIARIES.windows(2).all(|w| w[0] < w[1]));
        assert!(NO_NAME_OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(NEVER_CAPITAL_NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn a_capitalised_preposition_opens_no_name() {
        let n = names("Voters were asked: With Halbrook Gone, Who Leads? Few knew.");
        assert!(n.iter().any(|s| s.starts_with("Halbrook")), "{n:?}");
        assert!(!n.iter().any(|s| s.starts_with("With")), "{n:?}");
        let n = names("The memo was titled About Dorvan Plans and leaked on Monday.");
        assert!(!n.iter().any(|s| s.starts_with("About")), "{n:?}");
        // Names that open with such a word stay whole: a given name, a known name.
        let f = found("He met Per Halvorsen in Oslo and flew to The Hague.");
        assert!(
            f.iter()
                .any(|(s, t, _)| s == "Per Halvorsen" && *t == EntityType::Person),
            "{f:?}"
        );
        assert!(f.iter().any(|(s, _, _)| s == "The Hague"), "{f:?}");
    }

    #[test]
    fn a_capitalised_pronoun_or_title_case_of_the_is_no_name_word() {
        let n = names("Readers wrote in. Send Us Your Dorvan Stories, the page said.");
        assert!(!n.iter().any(|s| s.contains("Us")), "{n:?}");
        let n = names("The blog asked: Is Pelmar Safe Because Of The Tarvik Plan? Nobody knew.");
        assert!(!n.iter().any(|s| s.contains("Of The")), "{n:?}");
        assert!(
            n.iter().any(|s| s == "Tarvik Plan" || s == "Tarvik"),
            "{n:?}"
        );
        // Capitals, a known name and an "of" after an institution's head stay.
        let n = names("She moved to the US and met officials of the Bank Of Spain in The Hague.");
        assert!(n.iter().any(|s| s == "US"), "{n:?}");
        assert!(n.iter().any(|s| s == "Bank Of Spain"), "{n:?}");
        assert!(n.iter().any(|s| s == "The Hague"), "{n:?}");
        let n = names("Fans cheered when Edward The Hammer Tolvik walked in.");
        assert!(n.iter().any(|s| s == "Edward The Hammer Tolvik"), "{n:?}");
    }

    #[test]
    fn a_verb_between_two_people_cuts_the_run() {
        let f = found("Watch: A Tired Kevin Marlow Hands Susan Tredd a Win on Live TV.");
        let n: Vec<&str> = f.iter().map(|(s, _, _)| s.as_str()).collect();
        assert!(n.contains(&"Kevin Marlow"), "{f:?}");
        assert!(n.contains(&"Susan Tredd"), "{f:?}");
        // A person's full name with no common word inside stays whole, and so does
        // a description that is a title.
        let n = names("The award went to Mary Anne Tredd and General Paul Dorrit.");
        assert!(n.contains(&"Mary Anne Tredd".to_string()), "{n:?}");
        assert!(n.contains(&"Paul Dorrit".to_string()), "{n:?}");
        let n = names(
            "She spoke at Bar Ilan University and later at the United Nations Susan Tredd chaired.",
        );
        assert!(n.contains(&"Bar Ilan University".to_string()), "{n:?}");
        assert!(n.contains(&"United Nations".to_string()), "{n:?}");
    }
}
