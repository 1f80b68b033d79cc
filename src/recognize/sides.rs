//! Sports sides from the layout of a line and from a name glued to a town.

use rustc_hash::FxHashSet;

use super::{Ctx, Piece, RawMention, CLUB_PREFIXES, TEAM_ROLE_RULE, TEAM_RULE};
use crate::lexicon::class;
use crate::lexicon::{Lexicon, SurfaceKind};
use crate::model::{EntityType, Span};
use crate::normalize::norm_key;
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
    // A name of one to four capitalised words, then its score and perhaps its
    // scorers in brackets ("Tarvik 2 ( Jan Roe 12 ) Emmen 1"); returns the
    // index after them.
    let side = |from: usize| -> Option<usize> {
        let names = tokens[from.min(tokens.len())..]
            .iter()
            .take(5)
            .take_while(|t| capital(t))
            .count();
        let at = from + names;
        if !(names > 0 && names <= 4 && tokens.get(at).is_some_and(score)) {
            return None;
        }
        let after = at + 1;
        if tokens.get(after).map(word) != Some("(") {
            return Some(after);
        }
        // The brackets close within a bounded stretch, or the side ends at the score.
        let close = tokens[after..].iter().take(40).position(|t| word(t) == ")");
        Some(close.map_or(after, |c| after + c + 1))
    };
    let Some(first) = tokens.iter().position(|t| t.kind != TokenKind::Punct) else {
        return false;
    };
    // The first side's score stands one to four tokens after its first word: most
    // sentences have no figure there.
    let score_near = tokens
        .iter()
        .skip(first + 1)
        .take(4)
        .any(|t| t.kind == TokenKind::Number);
    score_near && side(first).and_then(side).is_some()
}

/// The most words a side of a fixture has.
const FIXTURE_SIDE: usize = 4;

/// Whether a sentence is a fixture and nothing else: capitalised names on
/// both sides of "v" or "vs" ("Kelmore Athletic v Westfold United", "Norhaven
/// vs. Eastbridge"), as fixture lists print them. In a sports report (`sports`)
/// a schedule's "at" does too ("DETROIT AT TORONTO", "Dallas at Denver").
pub(super) fn is_fixture(text: &str, tokens: &[Token], sports: bool) -> bool {
    let word = |t: &Token| &text[t.span.start..t.span.end];
    let capital = |t: &Token| {
        t.kind == TokenKind::Word && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    // A side is at most four words and a mark: a later "v" leaves too long a left side.
    // The words looked for are at most three bytes long: longer ones are not sliced.
    let Some(v) = tokens.iter().take(FIXTURE_SIDE + 2).position(|t| {
        t.span.end - t.span.start <= 3
            // Their first bytes, read before a word is sliced.
            && matches!(text.as_bytes().get(t.span.start), Some(b'v' | b'a' | b'A'))
            && (matches!(word(t), "v" | "vs" | "v." | "vs.")
                || (sports && matches!(word(t), "at" | "AT")))
    }) else {
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
        (1..=FIXTURE_SIDE).contains(&side.len()) && side.iter().all(capital)
    };
    names(left) && names(right)
}

/// Team sports whose sides take their towns' names, as the slug at the head of
/// a wire report names them ("SOCCER - ...", "RUGBY UNION - ...") (sorted).
const TEAM_SPORTS: &[&str] = &[
    "american football",
    "australian rules",
    "baseball",
    "basketball",
    "cricket",
    "football",
    "hockey",
    "ice hockey",
    "nba",
    "nfl",
    "nhl",
    "rugby",
    "rugby league",
    "rugby union",
    "soccer",
];

/// Whether a document is a report on a team sport: its first line opens with
/// the sport's slug and a dash or colon ("SOCCER - NORHAVEN BEAT EASTBRIDGE",
/// "Ice hockey: ..."). Towns in it that stand with no preposition name sides.
pub(super) fn sports_report(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    let Some((slug, rest)) = first.split_once(['-', ':', '\u{2013}', '\u{2014}']) else {
        return false;
    };
    if slug.len() > 24 || !rest.starts_with(' ') {
        return false;
    }
    let slug = slug.split_whitespace().collect::<Vec<_>>().join(" ");
    super::in_sorted(TEAM_SPORTS, &slug.to_lowercase())
}

/// Verbs of a coming or played match beside a side's name in a sports report
/// ("Norhaven play Kelmore next week", "Leeds held Arsenal") (sorted).
const MATCH_VERBS: &[&str] = &[
    "entertain",
    "entertains",
    "face",
    "faces",
    "held",
    "hold",
    "holds",
    "host",
    "hosts",
    "meet",
    "meets",
    "play",
    "plays",
    "visit",
    "visits",
];

/// Whether `w` is a verb of a match ([`MATCH_VERBS`]).
pub(super) fn match_verb(w: &str) -> bool {
    listed!(MATCH_VERBS, w)
}

/// The nations of the United Kingdom, which field national sides of their own
/// (sorted keys).
const HOME_NATIONS: &[&str] = &["england", "northern ireland", "scotland", "wales"];

/// Whether a gazetteer entry is a nation whose side is a national one: a
/// country or a home nation. National sides stay places, as CoNLL-style
/// annotation has them.
pub(super) fn national(lex: &Lexicon, entry: usize) -> bool {
    lex.is_country(entry) || super::in_sorted(HOME_NATIONS, &lex.entries[entry].key)
}

/// A gazetteer place that a side may be named after: a town or region of a
/// country, not a nation ([`national`]) nor a continent or sea.
pub(super) fn town_entry(lex: &Lexicon, entry: usize) -> bool {
    let e = &lex.entries[entry];
    e.entity_type == EntityType::Location && e.country.is_some() && !national(lex, entry)
}

/// Whether the line holding `span` is a dateline: a few capitalised words and
/// a date with a year ("LEEDS 1996-08-30", "VARNHOLT , Denmark 1997-06-12").
/// The names there are places, whatever the report is about.
pub(super) fn in_dateline(text: &str, span: Span) -> bool {
    // A dateline is short: look no further than this for its ends, so a long
    // line costs no more than a short one.
    const REACH: usize = 120;
    let bytes = text.as_bytes();
    let lo = span.start.saturating_sub(REACH);
    let start = match bytes[lo..span.start].iter().rposition(|&c| c == b'\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let hi = (span.end + REACH).min(text.len());
    let end = match bytes[span.end..hi].iter().position(|&c| c == b'\n') {
        Some(i) => span.end + i,
        None if hi == text.len() => hi,
        None => return false,
    };
    let line = &text[start..end];
    let words = line.split_whitespace().count();
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    let date = last.len() >= 6
        && last
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'))
        && last.split(['-', '/', '.']).any(|part| part.len() == 4);
    date && words <= 8
        && !line
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
}

/// Words before a side's name that a place's name does not take: "played for
/// Vitrex Lodz", "a goal against", "joined".
const SIDE_BEFORE: &[&str] = &["against", "beat", "for", "joined", "v", "versus", "vs"];

/// Words after a side's name: a result verb or a player's role.
fn side_after(w: &str) -> bool {
    listed!(super::RESULT_VERBS, w) || listed!(super::TEAM_ROLES, w)
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
    let score_after = ctx.tokens.get(p.b).map(|t| t.kind) == Some(TokenKind::Number);
    if !(listed!(SIDE_BEFORE, before) || side_after(after) || score_after) {
        return false;
    }
    if prev.title_before || p.title_before || prev.forced.is_some() || p.forced.is_some() {
        return false;
    }
    let i = prev.a;
    let lower = ctx.lower[i];
    ctx.tokens[i].kind == TokenKind::Word
        && ctx.words[i].chars().count() >= 3
        && ctx.words[i].chars().any(char::is_lowercase)
        && ctx.words[i].chars().all(char::is_alphabetic)
        && !ctx.headline
        && !ctx.is_common_at(i)
        && !ctx.first_name_at(i)
        && !ctx.in_class(i, class::SURNAME)
        && !ctx.lex.particles.contains(lower)
        && !ctx.in_class(i, class::LOC_PREFIX)
        && !ctx.in_class(i, class::MISC)
        && ctx.title_len(i, i + 1) == 0
}

/// Whether the lone word at token `a` follows a scorecard's mark of a catch,
/// a bowler or a stumping ("c Marsh b Young 21", "lbw b Oakes 12", "st Cox"):
/// a cricketer's name, in a line that ends in a figure.
pub(super) fn dismissal_name(ctx: &Ctx, a: usize) -> bool {
    a > 0
        && matches!(ctx.words[a - 1], "b" | "c" | "st")
        && ctx.tokens[a].kind == TokenKind::Word
        && ctx.is_upper_initial(a)
        && ctx.tokens.last().map(|t| t.kind) == Some(TokenKind::Number)
}

/// Words that open a line listing players: "Scorers : Roe 12 , 57", "Sent off :
/// Dacre 88" (sorted).
const PLAYER_LINES: &[&str] = &[
    "booked",
    "goalscorer",
    "goalscorers",
    "scorer",
    "scorers",
    "sent",
    "sending-off",
    "sendings-off",
];

/// Whether tokens `a..b` are a scorer's name with the minute after it, in a
/// results or sports line: inside the brackets after a side's score ("Tarvik 2
/// ( Roe 12 , 57 , Dacre 34 )") or in a line of scorers ("Scorers : Roe 12").
/// A side's name stands at the head of the line or after a score instead.
pub(super) fn scorer(ctx: &Ctx, a: usize, b: usize) -> bool {
    let minute = ctx.tokens.get(b).map(|t| t.kind) == Some(TokenKind::Number)
        && ctx.words[b].len() <= 3
        && ctx.words[b].bytes().all(|c| c.is_ascii_digit());
    if !(minute && (ctx.table || ctx.results || ctx.sports)) {
        return false;
    }
    let first = ctx.first_word;
    let listing = listed!(PLAYER_LINES, ctx.lower[first]) && a > first;
    // An open bracket before the name, looking back a bounded stretch.
    let mut inside = false;
    for i in (a.saturating_sub(40)..a).rev() {
        match ctx.words[i] {
            ")" => break,
            "(" => {
                inside = true;
                break;
            }
            _ => {}
        }
    }
    listing || inside
}

/// Whether tokens `a..b` are a club in brackets after a player's name in a
/// team-sports report ("Tim Roe ( Harlequins )"): one word no gazetteer knows
/// (countries and towns are found before), right after a capitalised word.
pub(super) fn player_club(ctx: &Ctx, a: usize, b: usize) -> bool {
    let word = |i: usize| ctx.words.get(i).copied().unwrap_or("");
    ctx.sports
        && b == a + 1
        && a >= 2
        && word(a - 1) == "("
        && word(b) == ")"
        && ctx.tokens[a - 2].kind == TokenKind::Word
        && ctx.is_upper_initial(a - 2)
}

/// Whether the two words before a name say a player's or a coach's club comes
/// next: "played for", "played with", "signed for", "games for", "coached".
pub(super) fn career_cue(before2: &str, before: &str) -> bool {
    let with = matches!(
        before2,
        "appearances" | "debut" | "games" | "played" | "playing" | "plays" | "signed" | "signs"
    );
    (with && matches!(before, "for" | "with"))
        || matches!(before, "captained" | "coached" | "coaching" | "coaches")
}

/// Sports whose name may stand between a side's name and "team" (sorted).
const SPORT_WORDS: &[&str] = &[
    "baseball",
    "basketball",
    "cricket",
    "football",
    "hockey",
    "netball",
    "rugby",
    "soccer",
    "volleyball",
];

/// Whether the words after a name make it a side: a sport and "team", "club" or
/// "squad" ("Norhaven football team"), or, in a sports report, such a noun alone.
pub(super) fn team_noun_after(sports: bool, after: &str, after2: &str) -> bool {
    let noun = |w: &str| matches!(w, "club" | "squad" | "team");
    (listed!(SPORT_WORDS, after) && noun(after2)) || (sports && noun(after))
}

/// Keys of the names the document shows as sides: a side of a results line or
/// match report or with a player's role after it ("Chelsea striker"), and each word of a club's longer name ("Sporting Lena",
/// "Vitrex Braga", "Westfold United") that is no common word, but for the
/// club words ("Sporting"), which stand for the club alone.
pub(super) fn team_keys(text: &str, mentions: &[RawMention], lex: &Lexicon) -> FxHashSet<String> {
    let mut keys = FxHashSet::default();
    for m in mentions {
        if matches!(m.rule, TEAM_RULE | TEAM_ROLE_RULE) {
            keys.insert(m.key.clone());
        }
        let club = matches!(
            m.rule,
            TEAM_RULE | TEAM_ROLE_RULE | NAME_TOWN_RULE | "org.club"
        );
        if !club || m.words.len() < 2 {
            continue;
        }
        for w in &m.words {
            let key = norm_key(&text[w.start..w.end]);
            if !lex.is_common_lower(&key) || listed!(CLUB_PREFIXES, &key) {
                keys.insert(key);
            }
        }
    }
    keys
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
    fn a_side_of_four_words_still_makes_a_fixture() {
        // The "v" is looked for only where a side of four words leaves it.
        let text = "Fixtures for Saturday:\nNorth Kelmore Athletic Reserves v Phoenix\n";
        assert_eq!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
        let text = "Results today from the North Kelmore league v Phoenix\n";
        assert_ne!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
    }

    #[test]
    fn v_inside_a_sentence_makes_no_fixture() {
        let text = "The court in Denver heard the appeal v the council on Monday.";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    /// The types of every mention written `name`, in text order.
    fn types_of(text: &str, name: &str) -> Vec<EntityType> {
        found(text)
            .into_iter()
            .filter(|(s, _, _)| s == name)
            .map(|(_, t, _)| t)
            .collect()
    }

    #[test]
    fn towns_in_a_team_sports_report_are_sides_but_after_in_and_in_the_dateline() {
        let text = "SOCCER - DENVER HOLD PHOENIX .\nLONDON 1997-03-08\n\
                    Denver held Phoenix to a draw on Saturday .\n\
                    Phoenix play their next game in Denver .\n\
                    France beat Spain in the other group .\n";
        let org = EntityType::Organization;
        let loc = EntityType::Location;
        assert_eq!(
            types_of(text, "Denver"),
            vec![org, loc],
            "{:?}",
            found(text)
        );
        assert_eq!(
            types_of(text, "Phoenix"),
            vec![org, org],
            "{:?}",
            found(text)
        );
        assert_eq!(types_of(text, "LONDON"), vec![loc], "{:?}", found(text));
        // National sides stay places.
        assert_eq!(type_of(text, "France"), LOC, "{:?}", found(text));
        assert_eq!(type_of(text, "Spain"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_dateline_with_a_region_stays_a_place_in_a_sports_report() {
        let text = "CRICKET - LATE RALLY .\nDENVER , Colorado 1997-03-08\n\
                    Phoenix beat Denver by five wickets on Friday .\n";
        assert_eq!(type_of(text, "Colorado"), LOC, "{:?}", found(text));
        assert_eq!(type_of(text, "DENVER"), LOC, "{:?}", found(text));
        assert_eq!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
        // A dateline that opens the report's first sentence.
        let text = "SOCCER - LATE GOAL .\nDENVER , Colorado ( Reuters ) - Phoenix beat Denver on Friday .\n";
        assert_eq!(type_of(text, "DENVER"), LOC, "{:?}", found(text));
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
        // A side opening a line with a clause after it is no dateline.
        let text = "SOCCER - LATE GOAL .\nLONDON 1997-03-08\nDenver , who play Phoenix on Sunday , are top .\n";
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
    }

    #[test]
    fn towns_outside_a_sports_report_stay_places_without_a_score() {
        let text = "POLITICS - MAYORS MEET .\nLONDON 1997-03-08\n\
                    Denver held talks with Phoenix on water rights .\n\
                    Denver at Phoenix\n";
        assert_eq!(types_of(text, "Denver"), vec![EntityType::Location; 2]);
        assert_eq!(types_of(text, "Phoenix"), vec![EntityType::Location; 2]);
        // A slug of a sport without town sides ("GOLF") makes no sides either.
        let text = "GOLF - LATE BIRDIE .\nLONDON 1997-03-08\nDenver hosts the open next year .\n";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_schedule_line_in_a_sports_report_names_two_sides() {
        let text =
            "BASEBALL - SCHEDULE .\nNEW YORK 1997-07-01\nFriday 's games :\nDENVER AT PHOENIX\n";
        assert_eq!(type_of(text, "DENVER"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "PHOENIX"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_word_of_a_club_name_alone_is_the_club() {
        let text = "Sporting Lena won the cup final on Sunday .\n\
                    The striker scored twice for Sporting .\n\
                    Lena had lost the league game 3-1 .\n";
        assert_eq!(type_of(text, "Sporting"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "Lena"), ORG, "{:?}", found(text));
        // With no club of that name, a given name alone is a person.
        let text = "The striker scored twice on Sunday .\nLena had praised him .\n";
        assert_ne!(type_of(text, "Lena"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_club_named_town_in_a_results_line_or_after_lost_to_is_a_side() {
        let text = "Results on Saturday :\nHalbury Town 4 Stanport 2\n";
        assert_eq!(type_of(text, "Halbury Town"), ORG, "{:?}", found(text));
        let text = "Floods hit Halbury Town on Monday .";
        assert_eq!(type_of(text, "Halbury Town"), LOC, "{:?}", found(text));
        let text = "The coach was sacked after his side lost 3-0 to Denver on Sunday .";
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
        let text = "The coach was sacked and returned to Denver on Sunday .";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_results_pair_with_its_scorers_in_brackets_names_sides_and_players() {
        let text = "Summaries :\nTarvik 2 ( Jan de Voss 12 , Piet Kroon 80 ) Dovrik 1 ( Ruud Marsman 55 ) . Halftime 1-0 .\n";
        let f = found(text);
        assert_eq!(type_of(text, "Tarvik"), ORG, "{f:?}");
        assert_eq!(type_of(text, "Dovrik"), ORG, "{f:?}");
        let per = Some(EntityType::Person);
        assert_eq!(type_of(text, "Jan de Voss"), per, "{f:?}");
        assert_eq!(type_of(text, "Ruud Marsman"), per, "{f:?}");
        // Outside a report a figure after a name is a version: no name.
        let text = "The office still runs Internet Explorer 6 on old machines.";
        assert_eq!(
            type_of(text, "Internet Explorer"),
            None,
            "{:?}",
            found(text)
        );
        // "Jan" before a figure is a month.
        let text = "The deal closed on Jan 5 in Denver.";
        assert_eq!(type_of(text, "Jan"), None, "{:?}", found(text));
    }

    #[test]
    fn a_scorecard_names_the_fielder_and_the_bowler() {
        let text =
            "Norhaven first innings\nM. Elliott c Tarrow b Young 21\nG. Blewett lbw b Oakes 104\n";
        let per = Some(EntityType::Person);
        assert_eq!(type_of(text, "Young"), per, "{:?}", found(text));
        assert_eq!(type_of(text, "Tarrow"), per, "{:?}", found(text));
        assert_eq!(type_of(text, "Oakes"), per, "{:?}", found(text));
        // The letters mark a scorecard only in a line ending in a figure.
        let text = "The answer is b Young readers agreed .";
        assert_ne!(type_of(text, "Young"), per, "{:?}", found(text));
    }

    #[test]
    fn a_club_in_brackets_after_a_player_in_a_sports_report() {
        let text = "RUGBY UNION - SQUAD NAMED .\nLONDON 1997-03-08\n\
                    Squad : Tim Stamford ( Harlequins ) , Lee Dacre ( Wasps ) , Mark Rowe ( Denver )\n";
        let f = found(text);
        assert_eq!(type_of(text, "Harlequins"), ORG, "{f:?}");
        assert_eq!(type_of(text, "Wasps"), ORG, "{f:?}");
        assert_eq!(type_of(text, "Denver"), ORG, "{f:?}");
        assert_eq!(
            type_of(text, "Tim Stamford"),
            Some(EntityType::Person),
            "{f:?}"
        );
        // Elsewhere a word in brackets is not typed so.
        let text = "The chef Tim Stamford ( Harlequins ) cooked for us.";
        assert_ne!(type_of(text, "Harlequins"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_town_after_played_for_or_coached_is_a_club() {
        let text = "Tom Hale played for Denver for six seasons and later coached Phoenix .";
        assert_eq!(type_of(text, "Denver"), ORG, "{:?}", found(text));
        assert_eq!(type_of(text, "Phoenix"), ORG, "{:?}", found(text));
        // A person's name there stays a person's; a town elsewhere a place.
        let text = "The band played for Mary Tarrow before moving to Denver .";
        assert_eq!(
            type_of(text, "Mary Tarrow"),
            Some(EntityType::Person),
            "{:?}",
            found(text)
        );
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    #[test]
    fn a_name_before_a_sport_and_team_is_a_side() {
        let text = "The 2007 Kelmore Falcons football team won nine games .";
        assert_eq!(type_of(text, "Kelmore Falcons"), ORG, "{:?}", found(text));
        // "team" alone outside a sports report: the town stays a place.
        let text = "The Denver team of researchers published the data .";
        assert_eq!(type_of(text, "Denver"), LOC, "{:?}", found(text));
    }

    #[test]
    fn scorers_with_their_minutes_are_players_and_sides_stay_sides() {
        let text =
            "Results :\nNorhaven 3 ( Tarvik 12 , 57 , Dovrik 34 ) Kelmore 1 ( Ostrander 80 )\n\
                    Scorers : Tarvik 12 , Dovrik 34\nStandings :\nNorhaven 30 17 8 5 49 30 59\n";
        let per = EntityType::Person;
        assert_eq!(
            types_of(text, "Tarvik"),
            vec![per, per],
            "{:?}",
            found(text)
        );
        assert_eq!(type_of(text, "Ostrander"), Some(per), "{:?}", found(text));
        let org = EntityType::Organization;
        assert_eq!(
            types_of(text, "Norhaven"),
            vec![org, org],
            "{:?}",
            found(text)
        );
        assert_eq!(type_of(text, "Kelmore"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_name_with_a_players_role_is_the_side_elsewhere_too() {
        let text = "Chelsea , who signed two players , are third .\nChelsea striker Mark Hughes was booked .\n";
        let org = EntityType::Organization;
        assert_eq!(
            types_of(text, "Chelsea"),
            vec![org, org],
            "{:?}",
            found(text)
        );
        // Without the role the given name alone stays a person.
        let text =
            "Chelsea , who signed two players , is happy .\nThe striker Mark Hughes was booked .\n";
        assert_ne!(type_of(text, "Chelsea"), ORG, "{:?}", found(text));
    }
}
