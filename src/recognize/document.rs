//! Names the document itself types: a company's short name after the full one
//! ("Tarsk Resources" ... "Tarsk said"), and a lone unknown name beside the
//! noun the document uses for it ("Halvik ... the brewer said").

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Ctx, RawMention};
use crate::lexicon::class;
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::normalize::norm_key;
use crate::text::TokenKind;

/// Nouns that stand for a company already named ("the brewer said", "the
/// insurer's shares"): the business words of company news (sorted). Not
/// "club", "side" or "band", which stand for teams and groups whose members
/// are named alone too.
const COMPANY_NOUNS: &[&str] = &[
    "airline",
    "automaker",
    "brewer",
    "carmaker",
    "chipmaker",
    "company",
    "conglomerate",
    "distiller",
    "drugmaker",
    "firm",
    "insurer",
    "lender",
    "manufacturer",
    "miner",
    "refiner",
    "retailer",
    "steelmaker",
];

/// Words that close a company's name ("Tarsk Resources", "Halvik Brewing Co"):
/// its line of business and legal forms (sorted).
const COMPANY_WORDS: &[&str] = &[
    "ag",
    "airlines",
    "airways",
    "bank",
    "brewing",
    "brewery",
    "co",
    "corp",
    "corporation",
    "energy",
    "group",
    "holding",
    "holdings",
    "inc",
    "industries",
    "insurance",
    "ltd",
    "mining",
    "motors",
    "nv",
    "oil",
    "petroleum",
    "pharmaceuticals",
    "plc",
    "resources",
    "sa",
    "spa",
    "steel",
    "technologies",
    "telecom",
];

/// Nouns of a company's business before "at" and its name: "profits at
/// Corvane", "jobs at", "dealers at" (sorted).
const BUSINESS_NOUNS: &[&str] = &[
    "analysts",
    "dealers",
    "earnings",
    "economists",
    "executives",
    "investment",
    "jobs",
    "lawyers",
    "losses",
    "profit",
    "profits",
    "sales",
    "shares",
    "staff",
    "stake",
    "strategists",
    "traders",
    "workers",
];

/// Whether the name at token `a` is the company of a business noun before "in"
/// or "at" ("shares in Corvane", "profits at Halvik"): not a place. So is a
/// name after "a spokesman for" that is no known given name or surname ("a
/// spokeswoman for Norcap"; "a spokesman for Clinton" is left to the people).
pub(super) fn business_object(ctx: &Ctx, a: usize) -> bool {
    if a < 2 {
        return false;
    }
    let (before, before2) = (ctx.lower[a - 1], ctx.lower[a - 2]);
    // "in" only after what one holds in a company: "jobs in Dunmere" is a town's.
    let business = match before {
        "at" => listed!(BUSINESS_NOUNS, before2),
        "in" => matches!(before2, "investment" | "shares" | "stake"),
        _ => false,
    };
    let speaker = before == "for"
        && matches!(before2, "spokesman" | "spokeswoman" | "spokesperson")
        && !ctx.in_class(a, class::SURNAME)
        && !ctx.first_name_at(a);
    business || speaker
}

/// "Insurer Corvane said", "Brewer Halvik cut jobs": a company noun capitalised
/// only because it opens the sentence, then a name that is no given name. Not
/// "company", "firm" or "airline", which begin names ("Airline Partners").
pub(super) fn company_noun_first(ctx: &Ctx, a: usize, b: usize) -> bool {
    let l = ctx.lower[a];
    b - a >= 2
        && ctx.tokens[a].kind == TokenKind::Word
        && ctx.gaz[a].is_none()
        && ctx.is_sentence_initial(a)
        && listed!(COMPANY_NOUNS, l)
        && !matches!(l, "airline" | "company" | "firm")
        && ctx.tokens[a + 1].kind == TokenKind::Word
        && ctx.is_upper_initial(a + 1)
        && !ctx.first_name_at(a + 1)
}

/// Whether the words after a name (ending at token `b`) speak of a company:
/// its shares ("Halvik shares fell", "Halvik's shares"), or "its" after its
/// saying ("Halvik said on Monday its profit rose"), which a person's would not
/// take.
pub(super) fn company_cue_after(ctx: &Ctx, b: usize) -> bool {
    let word = |i: usize| ctx.lower.get(i).copied().unwrap_or("");
    let stock = |w: &str| matches!(w, "shares" | "stock");
    if stock(word(b))
        || (matches!(word(b), "'" | "\u{2019}") && word(b + 1) == "s" && stock(word(b + 2)))
    {
        return true;
    }
    if !matches!(word(b), "said" | "says") {
        return false;
    }
    (b + 1..b + 7)
        .map(word)
        .take_while(|w| !matches!(*w, "" | "," | "." | ";" | "\"" | "he" | "she" | "they"))
        .any(|w| w == "its")
}

/// How far (in characters) a company noun may stand from a lone name it types:
/// about two sentences.
const NOUN_REACH: usize = 300;

/// Rules that type a lone word by its neighbours only: the document's own
/// company names outrank them.
fn weak(rule: &str) -> bool {
    matches!(
        rule,
        "unknown" | "person.says" | "location.preposition" | super::orgs::CODE_RULE
    )
}

/// Lone words typed weakly (or not at all) that the document names as a
/// company elsewhere become organizations: the first word of a company's name
/// whose other words are common ("Tarsk Resources", "Halvik Brewing Co"), or a
/// word typed an organization by its own apposition or noun ("Corvane, the
/// insurer"). A word with no type near "the brewer", "the insurer" becomes one.
pub(super) fn companies_in_document(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    let (typed, heads) = company_keys(text, mentions, lex);
    let nouns = company_noun_offsets(text);
    if typed.is_empty() && heads.is_empty() && nouns.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.words.len() != 1 || m.demonym || m.gaz.is_some() || !weak(m.rule) {
            continue;
        }
        // A head may be a town's name ("Norhaven Police"): "in Norhaven" stays a place.
        let head = heads.contains(&m.key) && m.rule != "location.preposition";
        if typed.contains(&m.key) || head {
            m.entity_type = EntityType::Organization;
            m.rule = "org.company-in-document";
            continue;
        }
        let surface = &text[m.span.start..m.span.end];
        // The noun comes back to a company named before it (offsets are sorted:
        // one binary search per name).
        let next_noun = nouns.get(nouns.partition_point(|&o| o <= m.span.start));
        let near = next_noun.is_some_and(|&o| o - m.span.start <= NOUN_REACH);
        if m.rule == "unknown"
            && surface.chars().count() > 2
            && surface.chars().any(char::is_lowercase)
            && near
            && !lex.is_common(surface)
        {
            m.entity_type = EntityType::Organization;
            m.rule = "org.company-noun-in-document";
        }
    }
}

/// A capitalised verb in "-ing" that opens a longer name ("Denouncing Obama",
/// "Accompanying Trump" of a headline): a word in "-ing" that is no listed given
/// name, surname, club prefix or known name ("Sterling", "Manning", "Sporting",
/// "Reading", "Beijing").
fn leading_verb<'t>(text: &'t str, m: &RawMention, lex: &Lexicon) -> Option<&'t str> {
    let first = m.words.first()?;
    let w = &text[first.start..first.end];
    let bytes = w.as_bytes();
    // Cheap byte tests first: most mentions open with no capitalised word in "-ing".
    let shape = m.words.len() >= 2
        && m.gaz.is_none()
        && bytes.len() >= 6
        && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"ing")
        && w.starts_with(|c: char| c.is_uppercase());
    if !shape {
        return None;
    }
    let lower = w.to_lowercase();
    let verb = !lex.by_key.contains_key(&lower)
        && !listed!(super::CLUB_PREFIXES, &lower)
        && !lex.surnames.contains(&lower)
        && !lex.is_first_name(w);
    // "Persevering Front", "Sentencing Project": a name ending in a cue word is
    // the body's whole name.
    let last = m.words.last()?;
    let cue = lex
        .org_cues
        .contains(&text[last.start..last.end].to_lowercase());
    (verb && !cue).then(|| &text[m.words[1].start..m.span.end])
}

/// "Denouncing Obama" where the document also names "Obama" alone: the verb is
/// cut off and the rest is typed as the name it repeats. Without that
/// evidence the name stays whole ("Rolling Thunder", "Sentencing Project").
pub(super) fn cut_leading_verbs(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    let verbs: Vec<(usize, &str)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| leading_verb(text, m, lex).map(|rest| (i, rest)))
        .collect();
    if verbs.is_empty() {
        return;
    }
    let mut plain: HashMap<&str, EntityType> = HashMap::default();
    let mut next = verbs.iter().map(|&(i, _)| i).peekable();
    for (i, m) in mentions.iter().enumerate() {
        if next.next_if_eq(&i).is_none() {
            plain.entry(m.key.as_str()).or_insert(m.entity_type);
        }
    }
    let mut cuts = Vec::new();
    for &(i, rest) in &verbs {
        let key = norm_key(rest);
        if let Some(&t) = plain.get(key.as_str()) {
            cuts.push((i, key, t));
        }
    }
    for (i, key, t) in cuts {
        let m = &mut mentions[i];
        m.words.remove(0);
        m.span.start = m.words[0].start;
        m.key = key;
        // The rest takes the repeated name's type, or keeps its own when the
        // repeat is still untyped.
        if t != EntityType::Other {
            m.entity_type = t;
        }
        m.rule = "consistency.verb-cut";
    }
}

/// Keys of the lone company names the document types by an apposition or a
/// noun, and of the first words of longer company names.
fn company_keys(
    text: &str,
    mentions: &[RawMention],
    lex: &Lexicon,
) -> (HashSet<String>, HashSet<String>) {
    let mut typed = HashSet::default();
    let mut heads = HashSet::default();
    for m in mentions {
        if m.entity_type != EntityType::Organization {
            continue;
        }
        if m.words.len() == 1 && matches!(m.rule, "org.apposition" | "org.noun-before") {
            typed.insert(m.key.clone());
        }
        if m.words.len() < 2 || m.gaz.is_some() {
            continue;
        }
        let word = |i: usize| norm_key(&text[m.words[i].start..m.words[i].end]);
        let head = word(0);
        let rest_common = (1..m.words.len()).all(|i| listed!(COMPANY_WORDS, word(i).as_str()));
        if rest_common && !lex.is_common_lower(&head) && !lex.surnames.contains(&head) {
            heads.insert(head);
        }
    }
    (typed, heads)
}

/// Where the document says "the brewer", "the insurer" for a company it has
/// named: the noun after "the", not followed by a capitalised name ("the
/// brewer Halvik" types its name directly).
fn company_noun_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    // "he " cannot overlap itself: every occurrence, found by a vectorised search.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"he ") {
        let article = at > 0 && matches!(text.as_bytes()[at - 1], b't' | b'T');
        let word_start = at == 1 || (at > 1 && !text.as_bytes()[at - 2].is_ascii_alphanumeric());
        if !(article && word_start) {
            continue;
        }
        let rest = &text[at + 3..];
        // The first byte that is no lower-case ASCII letter starts a character.
        let noun_len = rest
            .bytes()
            .position(|b| !b.is_ascii_lowercase())
            .unwrap_or(rest.len());
        let noun = &rest[..noun_len];
        if !listed!(COMPANY_NOUNS, noun) {
            continue;
        }
        let next = rest[noun_len..].trim_start_matches([' ', '\'', '\u{2019}']);
        if !next.starts_with(|c: char| c.is_uppercase()) {
            out.push(at + 3);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{found, type_of};
    use crate::model::EntityType;

    const ORG: Option<EntityType> = Some(EntityType::Organization);

    #[test]
    fn a_company_short_name_follows_its_full_name() {
        let text = "Brontel Resources said output rose. Brontel said it would sell a mine.";
        let f = found(text);
        let short = f.iter().find(|(s, _, _)| s == "Brontel");
        assert_eq!(short.map(|x| x.1), ORG, "{f:?}");
        // Apposition types the name; "in" after it does not make it a place.
        let text = "Quorvia, the insurer, said losses rose. Shares in Quorvia fell.";
        let f = found(text);
        assert_eq!(
            f.iter()
                .filter(|(s, t, _)| s == "Quorvia" && *t == EntityType::Organization)
                .count(),
            2,
            "{f:?}"
        );
    }

    #[test]
    fn a_town_heading_a_body_stays_a_place_after_in() {
        // "Police" is no company word: "in Varnholt" stays a place.
        let text = "Varnholt Police said the road was shut. The crash happened in Varnholt.";
        assert_ne!(
            found(text)
                .iter()
                .rev()
                .find(|(s, _, _)| s == "Varnholt")
                .map(|x| x.1),
            ORG
        );
    }

    #[test]
    fn a_lone_name_before_the_company_noun_is_the_company() {
        let text = "Earlier, Skelbrand cut 40 jobs. The brewer said sales were weak.";
        assert_eq!(type_of(text, "Skelbrand"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_lone_name_without_a_company_noun_after_it_stays_untyped() {
        // The noun comes before the name, and another noun is no company word.
        let text = "The brewer closed. Months later, Skelbrand opened a gallery.";
        assert_ne!(type_of(text, "Skelbrand"), ORG, "{:?}", found(text));
        let text = "Earlier, Skelbrand cut 40 jobs. The museum said sales were weak.";
        assert_ne!(type_of(text, "Skelbrand"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_business_noun_before_in_or_at_names_a_company() {
        let text = "Investors bought shares in Pellmark on Monday.";
        assert_eq!(type_of(text, "Pellmark"), ORG, "{:?}", found(text));
        let text = "The rally will not last, economists at Pellmark said.";
        assert_eq!(type_of(text, "Pellmark"), ORG, "{:?}", found(text));
        let text = "Workers protested in Pellmark on Monday.";
        assert_ne!(type_of(text, "Pellmark"), ORG, "{:?}", found(text));
        let text = "The plant cut 300 jobs in Pellmark on Monday.";
        assert_ne!(type_of(text, "Pellmark"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_name_after_a_spokesman_for_is_an_organization() {
        let text = "A spokesman for Norcap declined to comment.";
        assert_eq!(type_of(text, "Norcap"), ORG, "{:?}", found(text));
        // A known surname there is a person's.
        let text = "A spokesman for Clinton declined to comment.";
        assert_ne!(type_of(text, "Clinton"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_company_noun_opening_a_sentence_types_the_name_after_it() {
        let text = "Shares fell on Monday. Insurer Quorvia said losses rose.";
        let f = found(text);
        assert!(
            f.iter()
                .any(|(s, t, _)| s == "Quorvia" && *t == EntityType::Organization),
            "{f:?}"
        );
        assert!(!f.iter().any(|(s, _, _)| s.contains("Insurer")), "{f:?}");
        // A given name after the noun is a person's: "Miner" stays out of it.
        let text = "The pit closed. Miner John Hale said he would move.";
        assert_ne!(type_of(text, "John Hale"), ORG, "{:?}", found(text));
    }

    #[test]
    fn an_apposition_is_typed_by_its_last_noun() {
        let text = "Quorvia is a major Danish manufacturer of pumps.";
        assert_eq!(type_of(text, "Quorvia"), ORG, "{:?}", found(text));
        let text = "Talbrin is a former bank manager who lives in Denver.";
        assert_ne!(type_of(text, "Talbrin"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_name_whose_shares_or_its_saying_follow_is_a_company() {
        let text = "Earlier, Vornex said on Monday its profit rose.";
        assert_eq!(type_of(text, "Vornex"), ORG, "{:?}", found(text));
        let text = "In Oslo, Vornex shares fell 3 percent.";
        assert_eq!(type_of(text, "Vornex"), ORG, "{:?}", found(text));
        // A person's saying, or "it" with no "its", types no company.
        let text = "Earlier, Vornex said it was a fair result.";
        assert_ne!(type_of(text, "Vornex"), ORG, "{:?}", found(text));
        let text = "Earlier, Mary Tarrow said its roof leaked.";
        assert_ne!(type_of(text, "Mary Tarrow"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_group_noun_before_a_name_types_it_but_not_in_a_compound() {
        let text = "The finals saw the team Vornex beat the group Talbrin Seven.";
        assert_eq!(type_of(text, "Vornex"), ORG, "{:?}", found(text));
        let text = "He led the Movement for Multi-party Rights in the vote.";
        assert_ne!(type_of(text, "Rights"), ORG, "{:?}", found(text));
    }

    #[test]
    fn a_possessive_noun_in_an_apposition_types_nothing() {
        let text = "In the final, Talbrin was the team's best player.";
        assert_ne!(type_of(text, "Talbrin"), ORG, "{:?}", found(text));
    }
}
