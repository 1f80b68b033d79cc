//! Lone names typed by their own shape or the words around them, and runs cut
//! where one name ends and another begins.

use super::Ctx;
use crate::lexicon::class;
use crate::model::EntityType;
use crate::text::TokenKind;

/// Plurals after "the" that name no team or band: party followers and events
/// (sorted). Nations and faiths are MISC words, dropped before.
const PLURAL_NOT_GROUPS: &[&str] = &[
    "commonwealth",
    "communists",
    "conservatives",
    "democrats",
    "emmys",
    "games",
    "grammys",
    "greens",
    "liberals",
    "olympics",
    "oscars",
    "paralympics",
    "republicans",
    "socialists",
    "tories",
];

/// Words of games and music in a sentence that make "the Patriots" a side or a
/// band rather than a people ("the Goths") or a family (sorted).
const GROUP_WORDS: &[&str] = &[
    "album",
    "beat",
    "champions",
    "championship",
    "coach",
    "concert",
    "cup",
    "cups",
    "defeated",
    "drafted",
    "game",
    "games",
    "league",
    "lost",
    "manager",
    "match",
    "played",
    "playoffs",
    "roster",
    "season",
    "signed",
    "single",
    "tour",
    "traded",
    "win",
    "winning",
    "won",
];

/// "the Patriots", "the Bruins", "the Eels": one capitalised plural after a
/// lower-case "the", in a sentence about games or music, names a team or a
/// band. Not a family ("the Kennedys": the singular is a surname), nor party
/// followers or events.
pub(super) fn the_plural_group(ctx: &Ctx, a: usize, b: usize) -> bool {
    if b != a + 1 || a == 0 || ctx.words[a - 1] != "the" {
        return false;
    }
    // Once per sentence, however many plurals it holds.
    let about_games = *ctx
        .about_games
        .get_or_init(|| ctx.lower.iter().any(|w| listed!(GROUP_WORDS, w)));
    if !about_games {
        return false;
    }
    let w = ctx.lower[a];
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    let stem = stem
        .strip_suffix('e')
        .filter(|s| s.ends_with("ch"))
        .unwrap_or(stem);
    ctx.tokens[a].kind == TokenKind::Word
        && w.chars().count() >= 4
        && !stem.ends_with('s')
        && !ctx.is_all_caps(a)
        && w.chars().all(char::is_alphabetic)
        && !ctx.lex.surnames.contains(stem)
        && !ctx.lex.is_first_name(&super::title_case(stem))
        && !ctx.in_class(a, class::EVENT_CUE)
        && !ctx.in_class(a, class::PLACE_NOUN)
        && !listed!(PLURAL_NOT_GROUPS, w)
        // "the Protocols of ...": a longer title, left alone; so is "the
        // Ratepayers' Association", a name that goes on after the apostrophe.
        && !matches!(ctx.lower.get(b).copied(), Some("of"))
        && !(matches!(ctx.words.get(b).copied(), Some("'" | "\u{2019}"))
            && ctx.words.get(b + 1).is_some_and(|_| ctx.is_upper_initial(b + 1)))
}

/// Nouns before a quoted name that make it a body, not a work: "the daily
/// \"Kommersant\"", "the band \"Ashfall\"" (sorted, beside [`super::ORG_NOUNS`]).
const QUOTED_BODY_NOUNS: &[&str] = &[
    "agency",
    "daily",
    "group",
    "movement",
    "organisation",
    "organization",
    "party",
    "site",
    "weekly",
    "website",
];

/// How far a quoted title may reach on either side of a name, in tokens.
const QUOTE_REACH: usize = 8;

/// Whether tokens `a..b` sit inside a quoted title of a work: "Buddha for
/// Mary", "Miss Murder" between quotation marks, every word capitalised but the
/// short ones title case leaves alone, two words or more. Songs, books and films
/// are no people; quoted speech has lower-case words. A quoted name after a
/// newspaper's or a group's noun is the body's name and is kept.
pub(super) fn inside_quoted_title(ctx: &Ctx, a: usize, b: usize) -> bool {
    let quote = |i: usize| matches!(ctx.words[i], "\"" | "\u{201c}" | "\u{201d}");
    let title_word = |i: usize| {
        ctx.tokens[i].kind == TokenKind::Word
            && (ctx.is_upper_initial(i) || super::is_title_case_lower(ctx.lower[i]))
    };
    let inside = |i: usize| title_word(i) || matches!(ctx.words[i], "," | ":" | "'" | "-");
    // Most names have no quote near them: two cheap scans before the word tests
    // (the closing quote may follow a stop at the end of the reach).
    let (lo, hi) = (
        a.saturating_sub(QUOTE_REACH),
        (b + QUOTE_REACH + 1).min(ctx.words.len()),
    );
    if !(lo..a).any(quote) || !(b..hi).any(quote) {
        return false;
    }
    let Some(open) = (a.saturating_sub(QUOTE_REACH)..a)
        .rev()
        .find(|&i| !inside(i))
        .filter(|&i| quote(i))
    else {
        return false;
    };
    // A title that ends its sentence closes with its stop inside the quotes:
    // "on NBC's \u{201c}Meet the Press.\u{201d}"
    let stop_then_quote = |i: usize| {
        matches!(ctx.words[i], "." | "?" | "!") && i + 1 < ctx.words.len() && quote(i + 1)
    };
    let Some(close) = (b..(b + QUOTE_REACH).min(ctx.words.len()))
        .find(|&i| !inside(i))
        .filter(|&i| quote(i) || stop_then_quote(i))
    else {
        return false;
    };
    let words = (open + 1..close)
        .filter(|&i| ctx.tokens[i].kind == TokenKind::Word)
        .count();
    let noun = open.checked_sub(1).map_or("", |i| ctx.lower[i]);
    // A quoted name that is all there is and ends in a cue word is the
    // body's or the place's own: "\"Cary Town Center\"", "\"Cold Spring Harbor\"".
    let cue = ctx.in_class(b - 1, class::ORG_CUE) || ctx.in_class(b - 1, class::LOC_SUFFIX);
    let whole = open + 1 == a && close == b;
    let own_name = whole && cue;
    words >= 2 && !own_name && !listed!(super::ORG_NOUNS, noun) && !listed!(QUOTED_BODY_NOUNS, noun)
}

/// "G" of "Group G", "Plan B", "Vitamin C": one letter alone, or a common word
/// and one letter, labels a thing in a series and names nothing ("Malcolm X",
/// a given name and a letter, stays).
pub(super) fn letter_label(ctx: &Ctx, a: usize, b: usize) -> bool {
    let letter = |i: usize| ctx.words[i].chars().count() == 1;
    match b - a {
        1 => letter(a),
        2 => letter(a + 1) && ctx.is_common_at(a) && !ctx.first_name_at(a),
        _ => false,
    }
}

/// Points of the compass before "of" and a place: "20 km north of Hornsea" (sorted).
pub(super) const DIRECTIONS: &[&str] = &[
    "east",
    "north",
    "northeast",
    "northwest",
    "south",
    "southeast",
    "southwest",
    "west",
];

/// A lone name after a point of the compass and "of" is a place.
pub(super) fn after_direction(ctx: &Ctx, a: usize) -> Option<(EntityType, bool, &'static str)> {
    let direction = a >= 2 && ctx.lower[a - 1] == "of" && listed!(DIRECTIONS, ctx.lower[a - 2]);
    direction.then_some((EntityType::Location, false, "location.direction-of"))
}

/// Where a person's name starts right after an organization's closing word in
/// one capitalised run ("the Refugee Council Enver Solomon said"): a known
/// given name after a cue word that is not the run's first, with one or two
/// more words to end the run. Returns the index of the given name.
pub(super) fn person_after_org(ctx: &Ctx, cur: usize, k: usize, b: usize) -> bool {
    k >= cur + 2
        && b - k >= 2
        && b - k <= 3
        && ctx.in_class(k - 1, class::ORG_CUE)
        && ctx.gaz[k].is_none()
        && ctx.unambiguous_first_name_at(k)
        && (k + 1..b).all(|i| ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i))
}

/// How many words after a title are its "of" phrase ("Minister of Education
/// Stefania Giannini", "Secretary of Health Ana Ruiz"): "of" and capitalised
/// words up to a known given name, which starts the person's name. Zero when no
/// given name follows in the run.
pub(super) fn title_of_phrase(ctx: &Ctx, end: usize, b: usize) -> usize {
    if end + 2 >= b || ctx.lower[end] != "of" {
        return 0;
    }
    if !ctx.in_class(end - 1, class::TITLE_OF_HEAD) {
        return 0;
    }
    for i in end + 1..b.min(end + 5) {
        if ctx.unambiguous_first_name_at(i) && i > end + 1 && i + 1 < b {
            return i - end;
        }
        if ctx.tokens[i].kind != TokenKind::Word || !ctx.is_upper_initial(i) {
            return 0;
        }
    }
    0
}

/// "Bill Clinton said", "Mark Warner met": a given name that is also a common word,
/// opening the sentence before one capitalised word that is a known surname or no
/// common word, is the person's given name, not a word capitalised by its place.
/// Not the modal verbs ("Will Trump sign?") nor months ("June Primary").
pub(super) fn initial_given_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    let s = a + 1;
    b == a + 2
        && ctx.lex.ambiguous_first_names.contains(ctx.lower[a])
        && !matches!(ctx.lower[a], "will" | "may" | "can")
        && !ctx.is_calendar(a)
        && ctx.tokens[s].kind == TokenKind::Word
        && ctx.is_upper_initial(s)
        && !ctx.is_all_caps(s)
        && (ctx.in_class(s, class::SURNAME) || !ctx.is_common_at(s))
}

/// "the State of the Union": the president's yearly address, an event; its "Union"
/// names no organization.
pub(super) fn state_of_the_union(ctx: &Ctx, a: usize, b: usize) -> bool {
    b == a + 1
        && a >= 3
        && ctx.lower[a] == "union"
        && ctx.lower[a - 1] == "the"
        && ctx.lower[a - 2] == "of"
        && ctx.lower[a - 3] == "state"
}

#[cfg(test)]
mod tests {
    use super::super::tests::{found, type_of};
    use crate::model::EntityType;

    const ORG: Option<EntityType> = Some(EntityType::Organization);
    const LOC: Option<EntityType> = Some(EntityType::Location);
    const PER: Option<EntityType> = Some(EntityType::Person);

    #[test]
    fn a_plural_after_the_in_a_report_on_games_is_a_team() {
        let text = "He played two seasons for the Brakewings before a knee injury.";
        assert_eq!(type_of(text, "Brakewings"), ORG, "{:?}", found(text));
        let text = "The band toured Europe with the Quillmates on their album tour.";
        assert_eq!(type_of(text, "Quillmates"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_plural_after_the_elsewhere_is_no_team() {
        // A people in a history, a family, a name going on after the apostrophe.
        let text = "The Franks pushed the Varrigoths across the river.";
        assert_ne!(type_of(text, "Varrigoths"), ORG, "{:?}", found(text));
        let text = "He won the seat, as the Kennedys had before him.";
        assert_ne!(type_of(text, "Kennedys"), ORG, "{:?}", found(text));
        let text = "He won the darts game at the Quillmates' Rest in May.";
        assert_ne!(type_of(text, "Quillmates"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_hall_of_fame_is_one_name() {
        let text = "He was inducted into the Curling Hall of Fame in 1990.";
        assert_eq!(
            type_of(text, "Curling Hall of Fame"),
            ORG,
            "{:?}",
            found(text)
        );
        // Another "of" after a person named Hall is no institution.
        let text = "Reporters asked Stuart Hall of Wessex Radio about it.";
        assert_eq!(type_of(text, "Stuart Hall"), PER, "{:?}", found(text));
    }

    #[test]
    fn a_name_after_a_point_of_the_compass_and_of_is_a_place() {
        let text = "The village lies two miles north of Brackwold on the coast road.";
        assert_eq!(type_of(text, "Brackwold"), LOC, "{:?}", found(text));
        let text = "The report came out of Brackwold on Monday.";
        assert_ne!(type_of(text, "Brackwold"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_person_after_an_organization_in_one_run_is_cut_off() {
        let text = "The head of the Tenants Council Maria Okafor told reporters.";
        assert_eq!(type_of(text, "Tenants Council"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "Maria Okafor"), PER, "{:?}", found(text));
        // A cue word that opens the run keeps the run whole ("Bank Julius ...").
        let text = "Shares of Bank Maria Okafor rose.";
        assert!(!found(text).iter().any(|(s, _, _)| s == "Maria Okafor"));
    }

    #[test]
    fn a_title_keeps_its_of_phrase() {
        let text = "Minister of Transport Helena Strand said trains would run.";
        assert_eq!(type_of(text, "Helena Strand"), PER, "{:?}", found(text));
        // No given name after the phrase: the title takes nothing more.
        let text = "The Minister of Transport said trains would run.";
        assert!(!found(text).iter().any(|(s, _, _)| s == "Transport"));
    }

    #[test]
    fn a_name_inside_a_quoted_title_is_no_person() {
        let text = "The band's second single \"Letters for Maria\" reached number 4.";
        assert!(
            !found(text).iter().any(|(s, _, _)| s == "Maria"),
            "{:?}",
            found(text)
        );
        let text = "Her novel \u{201c}Waiting for Tom Kerr\u{201d} sold well.";
        assert!(
            !found(text).iter().any(|(s, _, _)| s == "Tom Kerr"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_name_in_quoted_speech_or_after_a_paper_is_kept() {
        let text = "\"We will miss Maria Lopez,\" the coach said.";
        assert_eq!(type_of(text, "Maria Lopez"), PER, "{:?}", found(text));
        let text = "They met at the \"Brackwold Museum\" on Monday.";
        assert!(
            found(text).iter().any(|(s, _, _)| s == "Brackwold Museum"),
            "{:?}",
            found(text)
        );
        let text = "He told the daily \"Nordic Courier\" that talks had failed.";
        assert!(
            found(text).iter().any(|(s, _, _)| s == "Nordic Courier"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_letter_alone_or_after_a_common_word_is_no_name() {
        let text = "Group G \u{2014} Norway 3 \u{2013} 0 Iceland\nIn the end, Plan B failed.\n";
        let f = found(text);
        assert!(
            !f.iter()
                .any(|(s, _, _)| s.ends_with('G') || s.ends_with('B')),
            "{f:?}"
        );
        assert!(f.iter().any(|(s, _, _)| s == "Norway"), "{f:?}");
        let text = "A film about Malcolm X opened on Friday.";
        assert_eq!(type_of(text, "Malcolm X"), PER, "{:?}", found(text));
    }
}
