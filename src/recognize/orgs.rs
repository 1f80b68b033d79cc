//! Boundaries of organizations' names where the generic rules cut them short:
//! an adjective that opens an official name ("Royal Thai Government", "Imperial
//! Japanese Army", "Metropolitan Transportation Authority", "Overseas Private
//! Investment Corporation") and a list of fields after "of" ("Department of
//! Physics and Astronomy", "American College of Obstetricians and
//! Gynecologists"). Every test is a few set lookups on tokens already read.

use super::{in_sorted, Ctx, Piece};
use crate::lexicon::class;
use crate::model::EntityType;
use crate::text::TokenKind;

/// Adjectives that open the official names of states' bodies, courts, forces and
/// firms ("Royal Navy", "Imperial College", "Federal Reserve", "Supreme Court",
/// "Metropolitan Police"), as lower-case words (sorted). Some are also title
/// words ("Private", "General") or common words.
const OPENERS: &[&str] = &[
    "federal",
    "general",
    "imperial",
    "metropolitan",
    "national",
    "private",
    "royal",
    "supreme",
];

/// Whether the title word at `k` (one word) opens the name of a body that goes on
/// to `b` rather than standing before a person: it is an opening adjective, and the
/// words after it are capitalised, none a given name or surname only, and end in
/// an organization's head word ("Metropolitan Transportation Authority", "Private
/// Investment Corporation"; not "General Jane Roe", "Private Ryan").
pub(super) fn title_opens_body(ctx: &Ctx, k: usize, b: usize) -> bool {
    if b < k + 2 || !listed!(OPENERS, ctx.lower[k]) {
        return false;
    }
    if ctx.tokens[b - 1].kind != TokenKind::Word || !ctx.in_class(b - 1, class::ORG_CUE) {
        return false;
    }
    (k + 1..b).all(|i| {
        ctx.tokens[i].kind == TokenKind::Word
            && ctx.is_upper_initial(i)
            && ctx.title_len(i, i + 1) == 0
            && (ctx.is_common_at(i)
                || ctx.in_class(i, class::ORG_CUE)
                || !(ctx.first_name_at(i) || ctx.in_class(i, class::SURNAME)))
    })
}

/// Whether the title word(s) `k..e` name the field of a body rather than a person's
/// office: they follow an organization's head word and "for", "of" or "on" in the
/// piece that began at `cur`, and end the run or come before a common word ("Committee
/// for Justice", "Bureau of Justice Statistics", "Office of Inspector General"; not
/// "Committee for President Lena Ortiz", "Alliance for President Obama").
pub(super) fn title_after_cue_of(ctx: &Ctx, cur: usize, k: usize, e: usize, b: usize) -> bool {
    k >= cur + 2
        && matches!(ctx.lower[k - 1], "for" | "of" | "on")
        && ctx.in_class(k - 2, class::ORG_CUE)
        && (e == b || ctx.is_common_at(e) && !ctx.first_name_at(e))
}

/// Whether `prev`, one unknown opening adjective, goes with the organization `p`
/// right after it, whose last word is an organization's head word: "Royal" +
/// "Thai Government", "Imperial" + "Japanese Army"; not "National" + "Republicans".
pub(super) fn opener_before_body(ctx: &Ctx, prev: &Piece, p: &Piece) -> bool {
    let org = p.forced.is_some_and(|(t, _)| t == EntityType::Organization)
        || p.gaz
            .is_some_and(|h| ctx.lex.entries[h.entry].entity_type == EntityType::Organization);
    org && prev.b == p.a
        && ctx.in_class(p.b - 1, class::ORG_CUE)
        && prev.b - prev.a == 1
        && prev.gaz.is_none()
        && prev.forced.is_none()
        && !p.title_before
        && ctx.tokens[prev.a].kind == TokenKind::Word
        && ctx.is_upper_initial(prev.a)
        && listed!(OPENERS, ctx.lower[prev.a])
}

/// Whether "and" at `i`, right after the run's last word, joins a list of fields
/// inside one name: the name opened with a head word and "of", "for" or "on"
/// ("Department of Physics and Astronomy", "Ministry of Health and Family
/// Welfare", "College of Obstetricians and Gynecologists"), the words between are
/// capitalised and no known name, and what follows "and" up to the end of the
/// capitals is one to three field words: no known name, head word, given name or
/// surname. "University of Michigan and Ohio State", "Bank of America and
/// Citigroup" and "Ministry of Defence and Foreign Ministry" stay apart.
pub(super) fn fields_and(ctx: &Ctx, run_last: usize, i: usize) -> bool {
    let n = ctx.words.len();
    if ctx.headline || run_last + 1 != i || i < 3 || i + 1 >= n {
        return false;
    }
    let Some(prep) = (i.saturating_sub(4).max(1)..i - 1)
        .rev()
        .find(|&k| matches!(ctx.lower[k], "of" | "for" | "on"))
    else {
        return false;
    };
    let head = prep - 1;
    if !ctx.is_upper_initial(head) || !ctx.in_class(head, class::ORG_CUE) {
        return false;
    }
    let plain = |k: usize| {
        ctx.tokens[k].kind == TokenKind::Word && ctx.is_upper_initial(k) && ctx.gaz[k].is_none()
    };
    if !(prep + 1..i).all(plain) {
        return false;
    }
    let field = |k: usize| {
        let l = ctx.lower[k];
        plain(k)
            && !ctx.in_class(k, class::ORG_CUE)
            && !ctx.in_class(k, class::FUNCTION)
            && ctx.title_len(k, k + 1) == 0
            && !ctx.words[k].chars().skip(1).any(char::is_uppercase)
            && !ctx.lex.by_key.contains_key(l)
            && (ctx.is_common_at(k)
                || field_ending(l) && !(ctx.first_name_at(k) || ctx.in_class(k, class::SURNAME)))
    };
    let mut k = i + 1;
    while k < n && ctx.tokens[k].kind == TokenKind::Word && ctx.is_upper_initial(k) {
        if !field(k) || k > i + 3 {
            return false;
        }
        k += 1;
    }
    // "Royal College of Paediatrics and Children's Health": the possessive opens a
    // name of its own, which the field list does not reach.
    let possessive = k < n && matches!(ctx.words[k], "'s" | "\u{2019}s" | "'" | "\u{2019}");
    k > i + 1 && !possessive
}

/// Endings of English nouns of fields, studies and members ("Astronomy",
/// "Gynecologists", "Counterterrorism", "Inclusion") and of the adjectives
/// before them ("Infectious", "Environmental"), which a word that is no
/// common one must have to be read as a field: an unknown name ("Kremsky") has none.
const FIELD_ENDINGS: &[&str] = &[
    "ance", "ances", "ence", "ences", "ery", "ial", "ians", "ical", "ics", "ism", "ists", "ities",
    "ity", "ive", "logy", "ment", "ments", "nal", "ness", "nomy", "ory", "ous", "phy", "ral",
    "sion", "sions", "tal", "tion", "tions", "ure", "ures",
];

fn field_ending(l: &str) -> bool {
    l.len() > 5 && FIELD_ENDINGS.iter().any(|e| l.ends_with(e))
}

/// The rule of an opening adjective glued to the body after it.
pub(super) const OPENER_RULE: &str = "org.opener";

/// Glues each opening adjective in `out` (one capitalised run's pieces) to the
/// body right after it ([`opener_before_body`]), once the run's other joins are
/// made ("National" + "Border Patrol Council").
pub(super) fn glue_openers(ctx: &Ctx, out: &mut Vec<Piece>) {
    if out.len() < 2 {
        return;
    }
    let mut i = 1;
    while i < out.len() {
        if opener_before_body(ctx, &out[i - 1], &out[i]) {
            let p = out.remove(i);
            let prev = &mut out[i - 1];
            prev.b = p.b;
            prev.gaz = None;
            prev.forced = Some((EntityType::Organization, OPENER_RULE));
        }
        i += 1;
    }
}

/// Broadcast networks whose local stations are named by network and channel
/// ("CBS11", "FOX26", "BBC2", "MTV2"), in capitals (sorted).
const NETWORKS: &[&str] = &["ABC", "BBC", "CBS", "CW", "FOX", "ITV", "MTV", "NBC", "PBS"];

/// The rule of a code of capitals and figures, which names no organization.
pub(super) const CODE_RULE: &str = "other.code";

/// Whether the word at `i`, written in capitals, is a code of capitals and figures
/// that is no known name: a model ("AR-15", "KN95"), a visa ("H-1B"), a district
/// ("TX-28"), a strain or a compound ("COVID19", "CO2"). Such a code names a thing,
/// not an organization. A broadcaster's call sign with its channel ("WUSA9",
/// "KDKA-2", "KGW8-TV") and a network's channel ("CBS11", "BBC2", "MTV2") stay
/// organizations.
pub(super) fn is_code(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.words[i];
    if ctx.gaz[i].is_some() || !w.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !w
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-')
    {
        return false;
    }
    let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = w[letters..].trim_start_matches('-');
    let rest = rest.strip_suffix("-TV").unwrap_or(rest);
    let channel = !rest.is_empty() && rest.bytes().all(|c| c.is_ascii_digit());
    if channel {
        let head = &w[..letters];
        let call_sign = (3..=4).contains(&letters) && matches!(head.as_bytes()[0], b'K' | b'W');
        let network = in_sorted(NETWORKS, head);
        if call_sign || network {
            return false;
        }
    }
    true
}

/// Nouns after "the" and a name that say the name is a body's: "the Fox network",
/// "the Likud party", "the Houthi movement" (sorted).
const NOUNS_AFTER: &[&str] = &[
    "channel",
    "militia",
    "movement",
    "network",
    "newspaper",
    "party",
];

/// Whether tokens `a..b`, after "the", stand before a noun that names a body
/// ("the Fox network", "the Likud party"): an organization, though the name may
/// also be a given name or surname. Not a known place ("the Ohio party") nor a
/// given name that is nothing else.
pub(super) fn noun_after(ctx: &Ctx, a: usize, b: usize) -> bool {
    a > 0
        && b < ctx.words.len()
        && b - a <= 3
        && ctx.lower[a - 1] == "the"
        && ctx.tokens[b].kind == TokenKind::Word
        && !ctx.is_upper_initial(b)
        && listed!(NOUNS_AFTER, ctx.lower[b])
        && !ctx.unambiguous_first_name_at(a)
        && (a..b).all(|i| {
            !ctx.gaz[i].is_some_and(|(_, h)| {
                ctx.lex.entries[h.entry].entity_type != EntityType::Organization
            })
        })
}

/// Whether the one word at `a..b` is only the start of a name the run did not
/// keep whole: a capitalised word or "for", "of" follows ("the organization
/// Farmers for Free Trade", "the nonprofit Feeding America"). A noun before it
/// then types the whole name, not this word.
pub(super) fn cut_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    b == a + 1
        && b < ctx.words.len()
        && (ctx.is_upper_initial(b) || matches!(ctx.lower[b], "for" | "of"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use crate::model::EntityType;

    fn org(text: &str, name: &str) -> bool {
        found(text)
            .iter()
            .any(|(s, t, _)| s == name && *t == EntityType::Organization)
    }

    fn surfaces(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn openers_are_sorted_for_binary_search() {
        assert!(super::OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_opening_adjective_stays_with_the_body_after_it() {
        let t = "He surrendered to the Imperial Japanese Army in 1942. A spokesman for the \
                 Royal Thai Government said so.";
        assert!(org(t, "Imperial Japanese Army"), "{:?}", found(t));
        assert!(org(t, "Royal Thai Government"), "{:?}", found(t));
        let t = "George Roe, president of the National Border Patrol Council, spoke.";
        assert!(org(t, "National Border Patrol Council"), "{:?}", found(t));
    }

    #[test]
    fn an_opener_before_a_party_plural_stays_out() {
        let t = "Officials said National Republicans were angry on Monday.";
        assert!(
            !surfaces(t).iter().any(|s| s == "National Republicans"),
            "{:?}",
            found(t)
        );
    }

    #[test]
    fn a_title_word_that_opens_a_body_is_part_of_its_name() {
        let t = "The Metropolitan Transportation Authority raised fares. He worked for the \
                 Overseas Private Investment Corporation until May.";
        assert!(
            org(t, "Metropolitan Transportation Authority"),
            "{:?}",
            found(t)
        );
        assert!(
            org(t, "Overseas Private Investment Corporation"),
            "{:?}",
            found(t)
        );
        // Before a person the title stays a title.
        let t = "He thanked General John Smith on Monday.";
        assert!(
            surfaces(t).iter().any(|s| s == "John Smith"),
            "{:?}",
            found(t)
        );
    }

    #[test]
    fn fields_joined_by_and_stay_in_one_name() {
        let t = "She teaches in the Department of Physics and Astronomy at the school. A \
                 statement came from the American College of Obstetricians and Gynecologists.";
        assert!(
            org(t, "Department of Physics and Astronomy"),
            "{:?}",
            found(t)
        );
        assert!(
            org(t, "American College of Obstetricians and Gynecologists"),
            "{:?}",
            found(t)
        );
        assert!(
            !surfaces(t).iter().any(|s| s == "Astronomy"),
            "{:?}",
            found(t)
        );
        let t = "A scientist at the National Institute of Allergy and Infectious Diseases spoke.";
        assert!(
            org(t, "National Institute of Allergy and Infectious Diseases"),
            "{:?}",
            found(t)
        );
    }

    #[test]
    fn field_endings_and_networks_are_sorted() {
        assert!(super::FIELD_ENDINGS.windows(2).all(|w| w[0] < w[1]));
        assert!(super::NETWORKS.windows(2).all(|w| w[0] < w[1]));
        assert!(super::NOUNS_AFTER.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_after_and_stays_apart() {
        let t = "The Club for Growth and FreedomWorks sued. The company works with the \
                 Department of Justice and Google on the case.";
        let s = surfaces(t);
        assert!(s.iter().any(|x| x == "Club for Growth"), "{s:?}");
        // An unknown word with no ending of a field's noun is a name of its own.
        let t = "She met the Council on Trade and Varnowski in Oslo.";
        assert!(
            !surfaces(t).iter().any(|x| x.contains("and Varnowski")),
            "{:?}",
            found(t)
        );
        assert!(s.iter().any(|x| x == "Department of Justice"), "{s:?}");
        assert!(s.iter().any(|x| x == "Google"), "{s:?}");
        // A possessive after the last field opens a name of its own.
        let t = "He spoke at the Royal College of Paediatrics and Children's Health today.";
        assert!(
            !surfaces(t).iter().any(|x| x.ends_with("and Children")),
            "{:?}",
            found(t)
        );
    }

    #[test]
    fn company_closing_words() {
        let t = "Shares of Tyson Foods fell. Officials at Boeing Co said nothing. Scientists \
                 at the Jet Propulsion Laboratory agreed.";
        assert!(org(t, "Tyson Foods"), "{:?}", found(t));
        assert!(org(t, "Boeing Co"), "{:?}", found(t));
        assert!(org(t, "Jet Propulsion Laboratory"), "{:?}", found(t));
        // "Co" of "Co-founder" alone names nothing.
        let t = "Tom Bevan, Co-founder of the site, tweeted.";
        assert!(!surfaces(t).iter().any(|x| x == "Co"), "{:?}", found(t));
    }

    #[test]
    fn codes_of_capitals_and_figures_are_no_organizations() {
        let t = "Police said the AR-15 rifle and the KN95 masks were found. He holds an H-1B \
                 visa. WUSA9 reported the story first.";
        let f = found(t);
        for code in ["AR-15", "KN95", "H-1B"] {
            assert!(
                !f.iter()
                    .any(|(s, ty, _)| s == code && *ty == EntityType::Organization),
                "{code}: {f:?}"
            );
        }
        assert!(org(t, "WUSA9"), "{f:?}");
        let t = "The report aired on FOX26 and on KGW8-TV on Sunday, and BBC2 showed it.";
        assert!(org(t, "FOX26"), "{:?}", found(t));
        assert!(org(t, "BBC2"), "{:?}", found(t));
        // A known name with figures stays what it is.
        let t = "Leaders of the G20 met in Osaka.";
        assert!(org(t, "G20"), "{:?}", found(t));
    }

    #[test]
    fn a_body_noun_after_the_name_types_it() {
        let t = "The show aired on the Fox network on Sunday. She joined Refuse Fascism, an \
                 organization founded in 2016.";
        assert!(org(t, "Fox"), "{:?}", found(t));
        assert!(org(t, "Refuse Fascism"), "{:?}", found(t));
        // A place before the noun stays a place.
        let t = "He spoke to the Ohio party on Monday.";
        assert!(!org(t, "Ohio"), "{:?}", found(t));
    }

    #[test]
    fn a_body_noun_in_an_apposition_types_the_name() {
        let t = "Instituto Gonzaga, a catholic school in Milan, was fined. She joined Refuse \
                 Fascism, an organization founded in 2016.";
        assert!(org(t, "Instituto Gonzaga"), "{:?}", found(t));
        assert!(org(t, "Refuse Fascism"), "{:?}", found(t));
    }

    #[test]
    fn a_noun_before_a_cut_name_types_no_common_word() {
        let t = "Tim Roe, head of the organization Farmers for Free Trade, spoke.";
        assert!(!org(t, "Farmers"), "{:?}", found(t));
    }
}
