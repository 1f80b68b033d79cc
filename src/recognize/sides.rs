//! Sports sides from the layout of a line and from a name glued to a town.

use super::{Ctx, Piece};
use crate::lexicon::SurfaceKind;
use crate::model::EntityType;
use crate::text::{Token, TokenKind};

/// The rule id of a brand or sponsor word and a town read as one name
/// ("Vitrex Lodz", "Halvik Aarhus").
pub(super) const NAME_TOWN_RULE: &str = "org.name-town";

/// Whether a sentence opens with a results pair: a name, its score, another
/// name and its score ("Cleveland 5 Detroit 3 ( 10 innings )", "Norhaven 2
/// Eastbridge 2 ( Kerr 34 ) ."). Lower-case words may follow the pair, so the
/// line need not be a table. Scores are plain figures of one to three digits.
pub(super) fn opens_with_results_pair(text: &str, tokens: &[Token]) -> bool {
    let word = |t: &Token| &text[t.span.start..t.span.end];
    let capital = |t: &Token| {
        t.kind == TokenKind::Word && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    let score = |t: &Token| {
        t.kind == TokenKind::Number
            && (1..=3).contains(&word(t).len())
            && word(t).bytes().all(|b| b.is_ascii_digit())
    };
    // A name of one to four capitalised words, then its score; returns the
    // index after the score.
    let side = |from: usize| -> Option<usize> {
        let names = tokens[from.min(tokens.len())..]
            .iter()
            .take(5)
            .take_while(|t| capital(t))
            .count();
        let at = from + names;
        (names > 0 && names <= 4 && tokens.get(at).is_some_and(score)).then_some(at + 1)
    };
    let Some(first) = tokens.iter().position(|t| t.kind != TokenKind::Punct) else {
        return false;
    };
    side(first).and_then(side).is_some()
}

/// Whether a sentence is a fixture and nothing else: capitalised names on
/// both sides of "v" or "vs" ("Kelmore Athletic v Westfold United", "Norhaven
/// vs. Eastbridge"), as fixture lists print them.
pub(super) fn is_fixture(text: &str, tokens: &[Token]) -> bool {
    let word = |t: &Token| &text[t.span.start..t.span.end];
    let capital = |t: &Token| {
        t.kind == TokenKind::Word && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    let Some(v) = tokens
        .iter()
        .position(|t| matches!(word(t), "v" | "vs" | "v." | "vs."))
    else {
        return false;
    };
    let (left, right) = (&tokens[..v], &tokens[v + 1..]);
    // "vs." may come as "vs" and a period.
    let right = match right.first() {
        Some(t) if word(t) == "." => &right[1..],
        _ => right,
    };
    let names = |side: &[Token]| {
        let side = match side.last() {
            Some(t) if t.kind == TokenKind::Punct => &side[..side.len() - 1],
            _ => side,
        };
        (1..=4).contains(&side.len()) && side.iter().all(capital)
    };
    names(left) && names(right)
}

/// Words before a side's name that a place's name does not take: "played for
/// Vitrex Lodz", "a goal against", "joined".
const SIDE_BEFORE: &[&str] = &["against", "beat", "for", "joined", "v", "versus", "vs"];

/// Words after a side's name: a result verb or a player's role.
fn side_after(w: &str) -> bool {
    super::in_sorted(super::RESULT_VERBS, w) || super::in_sorted(super::TEAM_ROLES, w)
}

/// "Vitrex Lodz", "Halvik Aarhus": one capitalised word that is no English
/// word, given name, surname or known name, right before a town of a country,
/// names a sponsor's club where a side's words stand around it ("played for
/// Vitrex Lodz", "Vitrex Lodz coach"); elsewhere the word may qualify the place
/// ("Metro Toronto", "Kreis Flensburg").
pub(super) fn name_before_town(ctx: &Ctx, prev: &Piece, p: &Piece) -> bool {
    let town = p.gaz.is_some_and(|h| {
        let e = &ctx.lex.entries[h.entry];
        h.kind == SurfaceKind::Name
            && e.entity_type == EntityType::Location
            && e.country.is_some()
            && !ctx.lex.is_country(h.entry)
    });
    if !town || prev.gaz.is_some() || prev.b - prev.a != 1 || prev.b != p.a {
        return false;
    }
    let word = |i: usize| ctx.lower.get(i).copied().unwrap_or("");
    let before = if prev.a > 0 { word(prev.a - 1) } else { "" };
    let after = word(p.b);
    let score_after = ctx.kinds.get(p.b) == Some(&TokenKind::Number);
    if !(super::in_sorted(SIDE_BEFORE, before) || side_after(after) || score_after) {
        return false;
    }
    if prev.title_before || p.title_before || prev.forced.is_some() || p.forced.is_some() {
        return false;
    }
    let i = prev.a;
    let lower = ctx.lower[i];
    ctx.kinds[i] == TokenKind::Word
        && ctx.words[i].chars().count() >= 3
        && ctx.words[i].chars().any(char::is_lowercase)
        && ctx.words[i].chars().all(char::is_alphabetic)
        && !ctx.headline
        && !ctx.lex.is_common_lower(lower)
        && !ctx.lex.is_first_name(ctx.words[i])
        && !ctx.lex.surnames.contains(lower)
        && !ctx.lex.particles.contains(lower)
        && !ctx.lex.loc_prefix.contains(lower)
        && !ctx.lex.misc.contains(lower)
        && ctx.title_len(i, i + 1) == 0
}

#[cfg(test)]
mod tests {
    use super::super::tests::{found, type_of};
    use crate::model::EntityType;

    const ORG: Option<EntityType> = Some(EntityType::Organization);
    const LOC: Option<EntityType> = Some(EntityType::Location);

    #[test]
    fn a_results_pair_with_words_after_it_names_two_sides() {
        let text =
            "BASEBALL - LEAGUE RESULTS.\nTuesday's games:\nPhoenix 7 Denver 4 ( 11 innings )\n";
        assert_eq!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
    }

    #[test]
    fn figures_in_a_prose_sentence_are_no_results_pair() {
        // One name and its figure, then words: no second side.
        let text = "Flights from Denver 4 times a week reach Phoenix now.";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
        let text = "The storm left Denver 40 miles of flooded roads on Monday.";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_sponsor_word_before_a_town_names_a_club_where_a_side_stands() {
        let text = "Marek Wolny played for Zentrix Warsaw for two seasons.";
        assert_eq!(type_of(text, "Zentrix Warsaw"), ORG, "{:?}", found(text));
        let text = "Zentrix Warsaw coach Piotr Nowak was sacked.";
        assert_eq!(type_of(text, "Zentrix Warsaw"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_word_before_a_town_elsewhere_leaves_the_town_a_place() {
        let text = "Floods hit Kreis Hamburg and Metro Toronto last week.";
        let f = found(text);
        assert!(
            !f.iter().any(|(s, _, _)| s.contains("Kreis Hamburg")),
            "{f:?}"
        );
        assert_eq!(type_of(text, "Toronto"), LOC, "{f:?}");
        // A given name before a town is a person's name, not a club.
        let text = "The prize went to Maria Lima for her novel.";
        assert_ne!(type_of(text, "Maria Lima"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_fixture_line_names_two_sides() {
        let text = "Fixtures for Saturday:\nKelmore Athletic v Westfold United\nDenver v Phoenix\n";
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
    }

    #[test]
    fn v_inside_a_sentence_makes_no_fixture() {
        let text = "The court in Denver heard the appeal v the council on Monday.";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }
}
