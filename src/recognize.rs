//! Recognising mentions of people, organizations and places in one document.
//!
//! Candidates are runs of capitalised words (with name particles and a few
//! joiners inside), split at titles and gazetteer names, then typed from
//! evidence: gazetteers, titles before a name, organization / place / event cue
//! words, first names and surnames, the words around the run, and finally
//! consistency across the document (once "Sergei Lavrov" is a person, "Lavrov"
//! is one too). Capitals at the start of a sentence and in title-case headlines
//! count only for words that are not common English words.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{class, longest_within, packed, GazHit, Lexicon, SurfaceKind};
use crate::model::{EntityType, Span};
use crate::normalize::{is_initialism, lowercase, norm_key};
use crate::text::{Sentence, Token, TokenKind};

pub use events::drop_named_events;

/// Whether `w` is in the sorted word list `$list` (a constant): the list's lengths
/// and first letters ([`crate::normalize::shapes`]) and its first two letters
/// ([`pairs`]), computed when compiling, tell most words apart before the binary
/// search of [`in_sorted`]. Every word of the list must open with a lower-case
/// ASCII letter and be shorter than 16 bytes.
macro_rules! listed {
    ($list:expr, $w:expr) => {{
        const SHAPES: [u32; 16] = $crate::normalize::shapes($list);
        const PAIRS: [u32; 26] = $crate::recognize::pairs($list);
        let listed = |w: &str| {
            $crate::normalize::may_be_in(&SHAPES, w)
                && $crate::recognize::may_pair(&PAIRS, w)
                && $crate::recognize::in_sorted($list, w)
        };
        listed($w)
    }};
}

/// The first two bytes of a word list: bit `s` of `pairs[f]` says that a word opens
/// with the letter `f` and then the letter `s` (bit 26: a second byte that is no
/// lower-case ASCII letter, or none). Every word must open with a lower-case ASCII
/// letter (checked when the table is built).
const fn pairs(list: &[&str]) -> [u32; 26] {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        assert!(!b.is_empty() && b[0].is_ascii_lowercase());
        table[(b[0] - b'a') as usize] |= 1 << second_letter(b);
        i += 1;
    }
    table
}

/// The bit of a word's second byte in [`pairs`]: its letter, or 26.
const fn second_letter(b: &[u8]) -> u32 {
    if b.len() > 1 && b[1].is_ascii_lowercase() {
        (b[1] - b'a') as u32
    } else {
        26
    }
}

/// Whether `w` has the first two bytes of a word of [`pairs`] (`false` means it
/// is not there); a word that opens with no lower-case ASCII letter has none.
#[inline]
fn may_pair(pairs: &[u32; 26], w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(&c) if c.is_ascii_lowercase() => {
            (pairs[(c - b'a') as usize] >> second_letter(b)) & 1 == 1
        }
        _ => false,
    }
}

mod bounds;
mod descriptors;
mod document;
mod events;
mod facilities;
pub(crate) mod junk;
mod names;
mod offices;
mod orgs;
mod sides;
mod wording;

/// A recognised mention before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawMention {
    pub span: Span,
    /// The surface form folded by [`norm_key`], computed once.
    pub key: String,
    pub sentence: usize,
    pub entity_type: EntityType,
    /// A nationality word standing for a country (`gaz` names the country).
    pub demonym: bool,
    /// The gazetteer entry it matched, if it is a known name.
    pub gaz: Option<usize>,
    /// The word spans of the name (without titles and possessives).
    pub words: Vec<Span>,
    /// Stable id of the rule that decided the type.
    pub rule: &'static str,
}

/// Weekdays and months: capitalised, never names.
const CALENDAR: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "fri",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "mon",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "sun",
    "sunday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];

/// Longer words that title case leaves in lower case.
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "about", "after", "against", "amid", "among", "an", "and", "as", "at", "before", "but",
    "by", "for", "from", "in", "into", "nor", "of", "on", "or", "over", "per", "than", "the", "to",
    "under", "upon", "via", "vs", "with", "without",
];

/// Whether `w` is in [`TITLE_CASE_LOWER`], most words told apart by their length
/// and first letter.
fn is_title_case_lower(w: &str) -> bool {
    listed!(TITLE_CASE_LOWER, w)
}

/// Time zones: capitalised acronyms that are never names ("9 p.m. ET"). The
/// two-letter CT and PT are left out (Connecticut, physical therapy).
const TIME_ZONES: &[&str] = &[
    "aedt", "aest", "bst", "cdt", "cest", "cet", "cst", "edt", "eet", "est", "et", "gmt", "ist",
    "jst", "mdt", "msk", "mst", "pdt", "pst", "utc",
];

/// Function words that never begin a name, even capitalised mid-run.
const LEADING_FUNCTION: &[&str] = &["a", "an", "the"];

/// Words before "of" that keep a name going: "Bank of England", "Gulf of Aden".
const OF_HEADS: &[&str] = &[
    "academy",
    "archipelago",
    "association",
    "bank",
    "bay",
    "board",
    "cape",
    "church",
    "city",
    "college",
    "commission",
    "committee",
    "council",
    "county",
    "court",
    "department",
    "duchy",
    "emirate",
    "federation",
    "group",
    "gulf",
    "house",
    "institute",
    "island",
    "islands",
    "isle",
    "isles",
    "kingdom",
    "lake",
    "league",
    "ministry",
    "mount",
    "museum",
    "office",
    "organisation",
    "organization",
    "party",
    "principality",
    "province",
    "republic",
    "riding",
    "school",
    "sea",
    "state",
    "states",
    "strait",
    "straits",
    "union",
    "university",
];

/// Heads before "of" that make a place: "Kingdom of Spain", "Isle of Man".
const PLACE_OF_HEADS: &[&str] = &[
    "archipelago",
    "bay",
    "cape",
    "city",
    "county",
    "duchy",
    "emirate",
    "gulf",
    "island",
    "islands",
    "isle",
    "isles",
    "kingdom",
    "lake",
    "mount",
    "principality",
    "province",
    "republic",
    "riding",
    "sea",
    "state",
    "strait",
    "straits",
];

/// Verbs of saying after a name: people say things far more often than places.
const SAY_VERBS: &[&str] = &[
    "added",
    "argued",
    "asked",
    "believes",
    "explained",
    "noted",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "wrote",
];

/// Words before a name that say it is a place: "in Aleppo", "near Homs".
const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "at", "from", "in", "into", "near", "outside", "to", "toward", "towards",
];

/// Words that begin a sports club's name ("Sporting Lena", "Dynamo Kirsk"): the
/// generic society and club words of European and Latin American football.
pub(super) const CLUB_PREFIXES: &[&str] = &[
    "atletico",
    "atlético",
    "beitar",
    "deportivo",
    "dinamo",
    "dynamo",
    "hapoel",
    "lokomotiv",
    "maccabi",
    "olympique",
    "racing",
    "rapid",
    "sporting",
    "torpedo",
];

/// Abbreviations before a town that make a club: "FC Kelmore", "SV Arnheim".
const CLUB_ABBREVIATIONS: &[&str] = &[
    "AC", "AFC", "AS", "BK", "CF", "FC", "FK", "NK", "SC", "SK", "SV", "TSV", "VfB", "VfL",
];

/// Nouns after a name that make it a team: "Norhaven coach", "Eastbridge striker".
/// Not "fans" or "supporters": a politician has them too.
const TEAM_ROLES: &[&str] = &[
    "captain",
    "coach",
    "defender",
    "goalkeeper",
    "keeper",
    "manager",
    "midfielder",
    "playmaker",
    "skipper",
    "striker",
    "winger",
];

/// Verbs after a side's name in a match report with a score: "Norhaven beat ...".
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beaten",
    "beating",
    "beats",
    "crushed",
    "defeated",
    "defeating",
    "drew",
    "edged",
    "hammered",
    "lost",
    "outclassed",
    "overcame",
    "routed",
    "thrashed",
    "trounced",
    "whipped",
];

/// Nouns that type the name right after them as an organization: "the brewer
/// Halvik", "insurer Corvane", "the law firm Brask-Tell".
const ORG_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "band",
    "bank",
    "brewer",
    "broadcaster",
    "broker",
    "carmaker",
    "carrier",
    "chain",
    "channel",
    "charity",
    "chipmaker",
    "club",
    "college",
    "company",
    "conglomerate",
    "distiller",
    "drugmaker",
    "firm",
    "foundation",
    "group",
    "institute",
    "insurer",
    "label",
    "lender",
    "magazine",
    "manufacturer",
    "militia",
    "miner",
    "movement",
    "network",
    "newspaper",
    "nonprofit",
    "operator",
    "organisation",
    "organization",
    "party",
    "publisher",
    "refiner",
    "retailer",
    "school",
    "side",
    "steelmaker",
    "supermarket",
    "team",
    "union",
    "university",
    "utility",
];

/// The rule id of a sports side named in a results line or match report.
const TEAM_RULE: &str = "org.team";

/// The rule id of a side named by a player's role after it ("Norhaven coach").
const TEAM_ROLE_RULE: &str = "org.team-role";

/// Function words that end no name: "Mary Chan In" is "Mary Chan" and the
/// first word of the next clause.
const TRAILING_FUNCTION: &[&str] = &[
    "after", "and", "as", "at", "before", "but", "by", "for", "from", "if", "in", "on", "or",
    "since", "the", "to", "when", "while", "with",
];

/// "NORHAVEN" -> "Norhaven": how a word in a capitals headline is written in the body.
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The lower-case form of each word ([`lowercase`]), all written into one
/// buffer reused from sentence to sentence; `ends` is scratch space. When the
/// text the `tokens` (the words' spans) cover is ASCII, as most is, each word is
/// a slice of `ascii_lower`, the document with its ASCII letters lowered (same
/// offsets). The words go into `out` (cleared first), whose allocation is kept.
/// `throughout`: [`lowers_by_ascii_throughout`] of the document, which makes every
/// word such a slice with no look at the sentence.
#[allow(clippy::too_many_arguments)]
fn lowered<'b>(
    text: &str,
    ascii_lower: &'b str,
    throughout: bool,
    tokens: &[Token],
    words: &[&str],
    buf: &'b mut String,
    ends: &mut Vec<usize>,
    mut out: Vec<&'b str>,
) -> Vec<&'b str> {
    buf.clear();
    ends.clear();
    out.clear();
    // Tokens are in text order.
    let start = tokens.first().map_or(0, |t| t.span.start);
    let end = tokens.last().map_or(0, |t| t.span.end);
    if throughout || text.get(start..end).is_some_and(|c| c.is_ascii()) {
        out.extend(
            tokens
                .iter()
                .map(|t| &ascii_lower[t.span.start..t.span.end]),
        );
        return out;
    }
    // Most words outside ASCII hold only marks or letters that lowering leaves
    // alone ("Trump’s", "Zoë"): they too are slices of `ascii_lower`.
    if words.iter().all(|w| lowers_by_ascii(w)) {
        out.extend(
            tokens
                .iter()
                .map(|t| &ascii_lower[t.span.start..t.span.end]),
        );
        return out;
    }
    // Those words are slices of `ascii_lower` (marked `usize::MAX` in `ends`); the
    // others are lowered into `buf`, sliced once it is complete.
    for w in words {
        if lowers_by_ascii(w) {
            ends.push(usize::MAX);
        } else {
            buf.push_str(&lowercase(w));
            ends.push(buf.len());
        }
    }
    let buf: &'b str = buf;
    let mut start = 0;
    out.extend(ends.iter().zip(tokens).map(|(&end, t)| {
        if end == usize::MAX {
            return &ascii_lower[t.span.start..t.span.end];
        }
        let w = &buf[start..end];
        start = end;
        w
    }));
    out
}

/// Whether [`lowercase`] of `w` lowers only its ASCII letters: every other
/// character is its own lower case (a mark, a caseless or lower-case letter). Then
/// it is the word's text in the document lowered by ASCII ("Σ", whose lower case
/// depends on its place, is its own lower case in no place).
fn lowers_by_ascii(w: &str) -> bool {
    w.is_ascii() || w.chars().all(|c| c.is_ascii() || is_own_lowercase(c))
}

/// Whether a character is its own lower case, alone.
fn is_own_lowercase(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// [`lowers_by_ascii`] of the whole `text` (so of each of its words): most
/// documents hold only ASCII, quotation marks, dashes and lower-case accented
/// letters. ASCII is skipped thirty-two bytes at a time (then eight, to find the
/// character); only other characters are read.
fn lowers_by_ascii_throughout(text: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Four words or'ed, one test: most stretches between quotation marks are long.
        while let Some(chunk) = bytes.get(i..i + 32) {
            let x = chunk
                .chunks_exact(8)
                .map(|eight| u64::from_le_bytes(eight.try_into().expect("eight bytes")))
                .fold(0, |x, w| x | w);
            if x & HIGH != 0 {
                break;
            }
            i += 32;
        }
        while let Some(eight) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            if x & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii() {
            i += 1;
            continue;
        }
        // `i` is on a character's first byte: only whole characters are stepped over.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        // Quotation marks and dashes (General Punctuation, which has no letter)
        // without a look at the case tables.
        if !matches!(c, '\u{2000}'..='\u{206f}') && !is_own_lowercase(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// No lower-case letter and two letters or more ("NATO", "U.S."). ASCII bytes are
/// read as they are; a word with other bytes is read by characters.
fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            return is_all_caps_chars(w);
        }
        // The lower-case test first: it stops at the second letter of most words.
        if b.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters >= 2
}

/// [`is_all_caps`] by characters.
fn is_all_caps_chars(w: &str) -> bool {
    !w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The first test of [`Ctx::cap`]: a word in the gazetteer (`known`), capitalised
/// or hyphened (searched only when the sentence holds a hyphen: `hyphens`).
#[inline]
fn may_cap(kind: TokenKind, known: bool, w: &str, hyphens: bool) -> bool {
    // Most words: lower case, no article glued to a name.
    kind == TokenKind::Word
        && (known || starts_upper(w) || (hyphens && holds_either(w.as_bytes(), b'-', b'-')))
}

/// Whether a byte of `x` (eight packed bytes, zero padding) is `a` or `b` (neither
/// zero): a byte of `x ^ pattern` is zero where it is.
#[inline]
fn packed_holds(x: u64, a: u8, b: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & (ONES << 7) != 0;
    zero(x ^ (u64::from(a) * ONES)) || zero(x ^ (u64::from(b) * ONES))
}

/// Whether `w` holds the byte `a` or the byte `b` (neither zero), eight bytes at a
/// time: most words are tested in one step.
#[inline]
fn holds_either(w: &[u8], a: u8, b: u8) -> bool {
    let mut chunks = w.chunks_exact(8);
    for eight in &mut chunks {
        if packed_holds(packed(eight), a, b) {
            return true;
        }
    }
    packed_holds(packed(chunks.remainder()), a, b)
}

/// Whether the last character of `w` is an ASCII lower-case letter.
fn ends_lower_ascii(w: &str) -> bool {
    w.chars().last().is_some_and(|c| c.is_ascii_lowercase())
}

/// Whether `w` starts with an upper-case letter (an ASCII first byte is read as is).
#[inline]
fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod lowered_tests {
    use super::*;

    #[test]
    fn lowered_words_are_each_word_lowercased() {
        for text in [
            "The U.S. Senate met Jane O'Neil.",
            "Zoë MÜLLER met İlhan Omar.",
            "Trump’s “deal” with Zoë’s café.",
            "ΣΟΦΙΑΣ and ΟΔΥΣΣΕΥΣ met Ǆemal, ǅ and Straße in Dŭng’s ＡＢＣ.",
        ] {
            let tokens = crate::text::tokenize(text, crate::model::Span::new(0, text.len()));
            let words: Vec<&str> = tokens
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect();
            let (mut buf, mut ends) = (String::new(), Vec::new());
            let ascii_lower = text.to_ascii_lowercase();
            let expected: Vec<String> = words.iter().map(|w| lowercase(w)).collect();
            let throughout = lowers_by_ascii_throughout(text);
            // Asked without the document's answer, and with it when it holds.
            for throughout in [false, throughout] {
                let lower = lowered(
                    text,
                    &ascii_lower,
                    throughout,
                    &tokens,
                    &words,
                    &mut buf,
                    &mut ends,
                    vec!["stale"],
                );
                assert_eq!(lower, expected);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn holds_either_agrees_with_a_look_at_each_byte(
            w in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            a in 1u8..,
            b in 1u8..,
        ) {
            let naive = w.iter().any(|&x| x == a || x == b);
            proptest::prop_assert_eq!(holds_either(&w, a, b), naive);
        }
    }

    #[test]
    fn words_hold_a_dot_or_a_hyphen_wherever_it_is() {
        for w in [
            "",
            "-",
            ".",
            "a",
            "ab-",
            "U.S.",
            "al-Assad",
            "Washington",
            "Jean-Pierre",
            "abcdefgh",
            "abcdefgh.",
            "abcdefghijklmnop-q",
            "Zoë",
            "\u{2010}",
            "x\u{ad}y",
        ] {
            let naive = w.bytes().any(|x| x == b'.' || x == b'-');
            assert_eq!(holds_either(w.as_bytes(), b'.', b'-'), naive, "{w}");
        }
        assert_eq!(packed(b"abc"), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
        assert_eq!(packed(b"abcdefgh"), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(packed(b"abcde"), u64::from_le_bytes(*b"abcde\0\0\0"));
    }

    #[test]
    fn general_punctuation_is_its_own_lower_case() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(is_own_lowercase(c), "{c:?}");
        }
    }

    #[test]
    fn a_text_lowers_by_ascii_throughout_when_each_character_does() {
        let texts = [
            "",
            "plain ASCII text, long enough for eight-byte steps",
            "Trump’s “deal” with Zoë’s café — in São Paulo",
            "Zoë MÜLLER met İlhan Omar.",
            "ΣΟΦΙΑΣ",
            "a long ASCII run before the capital: Élysée",
            "ǅ",
            "ＡＢＣ and ａｂｃ",
        ];
        for text in texts {
            let by_chars = text.chars().all(|c| c.is_ascii() || is_own_lowercase(c));
            assert_eq!(lowers_by_ascii_throughout(text), by_chars, "{text}");
            assert_eq!(lowers_by_ascii(text), by_chars, "{text}");
        }
        assert!(lowers_by_ascii_throughout(texts[2]));
        assert!(!lowers_by_ascii_throughout(texts[4]));
    }

    proptest::proptest! {
        #[test]
        fn long_texts_lower_by_ascii_throughout_as_their_characters_do(
            text in "[a-zA-Z .’“”éÉΣσ–İ\u{2000}-\u{206f}]{0,12}[a-z .]{20,90}[a-zA-Z .’“”éÉΣσ–İ]{0,12}",
        ) {
            let by_chars = text.chars().all(|c| c.is_ascii() || is_own_lowercase(c));
            proptest::prop_assert_eq!(lowers_by_ascii_throughout(&text), by_chars);
        }

        #[test]
        fn lowers_by_ascii_throughout_agrees_with_the_characters(text in "[a-zA-Z .’“”éÉΣσ–İ]{0,40}") {
            let by_chars = text.chars().all(|c| c.is_ascii() || is_own_lowercase(c));
            proptest::prop_assert_eq!(lowers_by_ascii_throughout(&text), by_chars);
        }
    }
}

/// Whether `w` is in `list` (sorted): a binary search whose comparisons read the
/// bytes inline, most settled by the first byte, with no call to `memcmp`.
fn in_sorted(list: &[&str], w: &str) -> bool {
    let w = w.as_bytes();
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp_bytes(list[mid].as_bytes(), w) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The order of two byte strings (that of `str`), byte by byte: the words compared
/// are short.
#[inline(always)]
fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// How a line is laid out, which says how much its capitals mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Running text: a capital mid-sentence marks a name.
    Prose,
    /// A title-case or capitals headline: a capital says little.
    Headline,
    /// A table or list line (results, standings, rankings): no lower-case word
    /// and figures in it. Its capitals are names, as in prose.
    Table,
}

/// Which lines of a document are title-case headlines (capitals there say little):
/// three or more longer words, nearly all capitalised, no lower-case word but the
/// short function words title case leaves alone, and no closing period.
pub fn headline_lines(text: &str, sentences: &[Sentence], lines: usize) -> Vec<bool> {
    line_kinds(text, sentences, lines)
        .iter()
        .map(|k| *k == LineKind::Headline)
        .collect()
}

/// The layout of each line: a line with no lower-case word is a table line when
/// it starts with a figure or holds two ("2. Pavel Sorokin ( Russia ) 24.88",
/// "Norhaven 4 Eastbridge 1"), else a headline by the rule of [`headline_lines`].
pub fn line_kinds(text: &str, sentences: &[Sentence], lines: usize) -> Vec<LineKind> {
    let mut stats = vec![LineStats::default(); lines];
    for s in sentences {
        if let Some(slot) = stats.get_mut(s.line) {
            slot.add_sentence(text, s);
        }
    }
    stats.iter().map(LineStats::kind).collect()
}

/// What [`line_kinds`] counts of a line's words.
#[derive(Clone, Copy, Default)]
struct LineStats {
    caps: usize,
    long: usize,
    lower: usize,
    /// Lower-case words of any kind, function words included.
    any_lower: usize,
    period: bool,
    numbers: usize,
    /// Commas and semicolons, and opening parentheses: a list's marks.
    separators: usize,
    parens: usize,
    starts_with_number: Option<bool>,
    /// Capitalised prepositions and conjunctions ("About", "With"): a heading's words.
    title_words: usize,
}

impl LineStats {
    /// Counts the tokens of sentence `s` of the line.
    fn add_sentence(&mut self, text: &str, s: &Sentence) {
        for (i, t) in s.tokens.iter().enumerate() {
            if self.lower > 0 {
                break; // A lower-case word makes the line prose: the rest changes nothing.
            }
            if self.starts_with_number.is_none() {
                self.starts_with_number = Some(t.kind == TokenKind::Number);
            }
            let w = &text[t.span.start..t.span.end];
            // Scores, times and ranks; a year ("2001") or an ordinal ("3rd") is no figure of a table.
            let figure = t.kind == TokenKind::Number
                && w.bytes()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b':' | b','))
                && !(w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()));
            if figure {
                self.numbers += 1;
            }
            match w {
                "," | ";" => self.separators += 1,
                "(" => self.parens += 1,
                _ => {}
            }
            // The second half of a compound ("Cease-fire") keeps its own case.
            let compound_tail = i > 0
                && !t.space_before
                && &text[s.tokens[i - 1].span.start..s.tokens[i - 1].span.end] == "-";
            if t.kind == TokenKind::Word && !compound_tail {
                self.add_word(text, s, i, w);
            }
        }
        self.period = s
            .tokens
            .last()
            .is_some_and(|t| &text[t.span.start..t.span.end] == ".");
    }

    /// Counts word `w`, token `i` of sentence `s`, by its case and length.
    #[inline]
    fn add_word(&mut self, text: &str, s: &Sentence, i: usize, w: &str) {
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        if upper && is_heading_word(w) {
            self.title_words += 1;
        }
        // Only whether a line has a lower-case word is used: one found, the rest is not looked up.
        if self.lower == 0 && !upper && !is_title_case_lower(w) && !is_possessive_s(text, s, i) {
            self.lower += 1;
        }
        if !upper {
            self.any_lower += 1;
        }
        // An ASCII word's length is its count of characters.
        if w.len() >= 4 && (w.is_ascii() || w.chars().count() >= 4) {
            self.long += 1;
            if upper {
                self.caps += 1;
            }
        }
    }

    /// The line's kind by its counts.
    fn kind(&self) -> LineKind {
        // A list of names with their countries or clubs in brackets ("Squad :
        // Tim Roe ( Bath ) , Lee Dacre ( Wasps )") is no headline either.
        let list = self.parens >= 2 || (self.parens >= 1 && self.separators >= 2);
        let table = self.any_lower == 0
            && self.caps > 0
            && (self.numbers >= 2
                || (self.starts_with_number == Some(true) && self.title_words == 0)
                || list);
        if table {
            LineKind::Table
        } else if self.long >= 3
            && self.lower == 0
            && !self.period
            && self.caps * 5 >= self.long * 4
        {
            LineKind::Headline
        } else {
            LineKind::Prose
        }
    }
}

/// A preposition or conjunction that title case capitalises ("About", "With"), other
/// than the words of names ("The", "Of", "And", "For"): a numbered line holding one
/// ("8. Christie Heckled About Hurricane Sandy") is a heading, not a table.
fn is_heading_word(w: &str) -> bool {
    if w.len() < 2 || w.len() > 7 {
        return false;
    }
    // Lowered on the stack: ASCII letters only, so the bytes stay UTF-8.
    let mut buf = [0u8; 7];
    let l = &mut buf[..w.len()];
    l.copy_from_slice(w.as_bytes());
    l.make_ascii_lowercase();
    let Ok(l) = std::str::from_utf8(l) else {
        return false;
    };
    is_title_case_lower(l) && !matches!(l, "the" | "of" | "and" | "for" | "a" | "an")
}

/// The "s" of a possessive ("Hillary's"), which title case leaves in lower case.
fn is_possessive_s(text: &str, s: &Sentence, i: usize) -> bool {
    let t = s.tokens[i];
    i > 0
        && !t.space_before
        && matches!(&text[t.span.start..t.span.end], "s" | "S")
        && matches!(
            &text[s.tokens[i - 1].span.start..s.tokens[i - 1].span.end],
            "'" | "\u{2019}"
        )
}

struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    words: Vec<&'a str>,
    lower: Vec<&'a str>,
    /// The sentence's tokens (their kinds and spans), as recognised: hyphenated
    /// names split or joined ([`hyphened_names`]).
    tokens: &'a [Token],
    headline: bool,
    /// The line is a table or list line ([`LineKind::Table`]).
    table: bool,
    /// The sentence opens with a results pair ("Cleveland 5 Detroit 3 ...").
    results: bool,
    /// The sentence is a fixture: two sides around "v" ("Kelmore v Dunmere").
    fixture: bool,
    /// The document is a report on a team sport ([`sides::sports_report`]).
    sports: bool,
    /// Whether the sentence speaks of games or music, computed on first need.
    about_games: std::cell::OnceCell<bool>,
    /// Where the sentence's match scores ("4-1", "3 – 0") start, in token order.
    scores: Vec<usize>,
    /// Where the sentence's hyphens are ([`hyphen_offsets`]); only a word holding
    /// one is searched for it.
    hyphens: Vec<usize>,
    /// No word of the sentence has a lower-case letter: capitals mark no acronym.
    caps_only: bool,
    /// Index of the first word token of the sentence.
    first_word: usize,
    /// Words written capitalised inside body sentences (not first, not in headlines).
    body_caps: &'a dyn WordSet,
    /// gaz[i] = (end token, hit) for a gazetteer name starting at token i.
    gaz: Vec<Option<(usize, GazHit)>>,
    /// caps[i]: [`Ctx::cap`] of token i, computed for all once the rest is set.
    caps: Vec<bool>,
    /// What the lexicon says of each word as a title's first word
    /// ([`Ctx::title_len`]) and as a particle ([`Ctx::particle`]), asked once; all 0
    /// (nothing asked) when the context is made.
    given: Vec<std::cell::Cell<u8>>,
    /// The lexicon's [`class`] bits of each word's lower case (given names among
    /// them: [`Ctx::first_name_at`]), with [`CLASS_KNOWN`] once looked up, and whether it is a common word, inflections included
    /// ([`Ctx::is_common_at`]); all 0 (nothing asked) when the context is made.
    class: Vec<std::cell::Cell<u16>>,
    /// The title lengths ([`Lexicon::title_lengths`]) of the words where a title
    /// starts ([`TITLE_MAY`]), as asked: (word, lengths).
    title_lengths: std::cell::RefCell<Vec<(usize, u64)>>,
}

/// Bits of [`Ctx::class`] beside the lexicon's [`class`] bits: the word's classes
/// are known; asked whether it is a common word ([`Lexicon::is_common_lower`]), and
/// the answer.
const CLASS_KNOWN: u16 = 1 << 15;
const COMMON_ASKED: u16 = 1 << 14;
const COMMON_WORD: u16 = 1 << 13;

/// Bits of [`Ctx::given`]: asked whether a title may start at the word
/// ([`Ctx::title_len`]), and the answer.
const TITLE_ASKED: u8 = 16;
const TITLE_MAY: u8 = 32;
/// Asked whether the word is a name particle ([`Ctx::particle`]), and the answer.
const PARTICLE_ASKED: u8 = 64;
const PARTICLE: u8 = 128;

impl Ctx<'_> {
    /// [`Lexicon::is_first_name`] of word `i`, looked up once per sentence (with
    /// the word's other classes).
    #[inline]
    fn first_name_at(&self, i: usize) -> bool {
        self.in_class(i, class::GIVEN)
    }

    /// [`Lexicon::is_unambiguous_first_name`] of word `i`, looked up once per sentence.
    #[inline]
    fn unambiguous_first_name_at(&self, i: usize) -> bool {
        self.in_class(i, class::UNAMBIGUOUS_GIVEN)
    }

    fn is_upper_initial(&self, i: usize) -> bool {
        starts_upper(self.words[i])
    }

    /// The lexicon's [`class`] bits of word `i` (which word sets hold its lower
    /// case), looked up once per sentence; other bits of [`Ctx::class`] may be set.
    #[inline]
    fn classes(&self, i: usize) -> u16 {
        let bits = self.class[i].get();
        if bits & CLASS_KNOWN != 0 {
            return bits;
        }
        self.classes_uncached(i, bits)
    }

    /// [`Ctx::classes`] the first time it is asked of word `i`.
    #[inline(never)]
    fn classes_uncached(&self, i: usize, bits: u16) -> u16 {
        let bits = bits | CLASS_KNOWN | self.lex.classes_of(self.lower[i]);
        self.class[i].set(bits);
        bits
    }

    /// Whether a word set of the lexicon ([`class`] bit `bit`) holds word `i`'s
    /// lower case.
    #[inline]
    fn in_class(&self, i: usize, bit: u16) -> bool {
        self.classes(i) & bit != 0
    }

    /// [`Lexicon::is_common_lower`] of word `i`, looked up once per sentence.
    #[inline]
    fn is_common_at(&self, i: usize) -> bool {
        let bits = self.class[i].get();
        if bits & COMMON_ASKED != 0 {
            return bits & COMMON_WORD != 0;
        }
        self.is_common_uncached(i)
    }

    /// [`Ctx::is_common_at`] the first time it is asked of word `i`.
    #[inline(never)]
    fn is_common_uncached(&self, i: usize) -> bool {
        let bits = self.classes(i);
        // A listed word is common; the inflections are tried only for the others.
        let answer = bits & class::COMMON != 0 || self.lex.is_common_lower(self.lower[i]);
        self.class[i].set(bits | COMMON_ASKED | if answer { COMMON_WORD } else { 0 });
        answer
    }

    fn is_all_caps(&self, i: usize) -> bool {
        is_all_caps(self.words[i])
    }

    /// "al-Assad", "el-Sisi": a lower-case article glued to a capitalised name, `w`
    /// with its first hyphen at byte `at`.
    fn is_article_at(&self, w: &str, at: usize) -> bool {
        self.lex.particles.contains(&w[..at])
            && w[at + 1..].chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether word `i` is a web address (a dot, a lower-case end) and whether it is
    /// an article name ([`Ctx::is_article_at`]), in one pass over its bytes (words are
    /// short: a memchr search would cost more).
    fn url_or_article(&self, i: usize) -> (bool, bool) {
        let w = self.words[i];
        // Most words hold neither a dot nor a hyphen: eight bytes looked at together.
        if !holds_either(w.as_bytes(), b'.', b'-') {
            return (false, false);
        }
        let (mut dot, mut hyphen) = (false, None);
        for (k, b) in w.bytes().enumerate() {
            if b == b'.' {
                dot = true;
            } else if b == b'-' && hyphen.is_none() {
                hyphen = Some(k);
            }
        }
        let url = dot && ends_lower_ascii(w);
        (
            url,
            !url && hyphen.is_some_and(|at| self.is_article_at(w, at)),
        )
    }

    /// A token that can be part of a name by its own look (computed once per token).
    #[inline]
    fn cap(&self, i: usize) -> bool {
        self.caps[i]
    }

    /// [`Ctx::cap`] of each token, once the rest of the context is set; `out` is
    /// cleared first.
    fn fill_caps(&self, out: &mut Vec<bool>) {
        out.clear();
        out.resize(self.words.len(), false);
        // The per-token vectors walked together (no index to check per vector), each
        // answer written in place.
        let hyphens = !self.hyphens.is_empty();
        let tokens = out
            .iter_mut()
            .zip(self.tokens)
            .zip(&self.gaz)
            .zip(&self.words);
        for (i, (((cap, t), gaz), &w)) in tokens.enumerate() {
            *cap = may_cap(t.kind, gaz.is_some(), w, hyphens) && self.cap_uncached(i);
        }
    }

    /// [`Ctx::cap`] of a token that passed [`may_cap`].
    fn cap_uncached(&self, i: usize) -> bool {
        let (url, article) = self.url_or_article(i);
        if url {
            return false;
        }
        if self.gaz[i].is_some() || article {
            return true;
        }
        if !self.is_upper_initial(i) {
            return false;
        }
        if self.is_calendar(i) {
            return false;
        }
        if listed!(TIME_ZONES, self.lower[i]) {
            return false;
        }
        if self.is_all_caps(i) && self.is_common_at(i) {
            return false; // FILE, UPDATE, BREAKING
        }
        if wording::never_capital_name_word(self, i) {
            return false; // "Tell Us More", "Because Of The ACA"
        }
        if self.headline {
            if self.title_case_function_word(i) {
                // "Obama And Romney", "Know About Coronavirus": title case capitalises
                // them, and the body's capitals (a quote's "And so") say nothing.
                return false;
            }
            // In a title-case headline a capital says nothing: the word needs a name
            // elsewhere in the document, or must be a known given name.
            let corroborated = self.body_caps.contains(self.words[i])
                || self.unambiguous_first_name_at(i)
                || (self.is_all_caps(i)
                    && self.body_caps.contains(title_case(self.words[i]).as_str()));
            if !corroborated {
                return false;
            }
        }
        true
    }

    /// Token `i` is a preposition, conjunction, article or pronoun ("About", "And",
    /// "The", "Us"), which title case capitalises and which is no word of a name
    /// unless a known name holds it.
    fn title_case_function_word(&self, i: usize) -> bool {
        let l = self.lower[i];
        is_title_case_lower(l) || self.in_class(i, class::FUNCTION)
    }

    /// "Friday", "Aug. 26", "Jan 5": dates, not names ("Jan Egeland" is a name).
    fn is_calendar(&self, i: usize) -> bool {
        let l = self.lower[i];
        // The trailing dots cut by bytes ("Aug." -> "aug"): no character search.
        let day = &l[..l.len() - l.bytes().rev().take_while(|&b| b == b'.').count()];
        if !listed!(CALENDAR, day) {
            return false;
        }
        let abbreviation =
            l.chars().count() <= 5 && !matches!(l, "march" | "april" | "june" | "july");
        if !abbreviation || l.ends_with('.') {
            return true;
        }
        match self.words.get(i + 1) {
            Some(&w) => {
                // "Jan de Voss", "Mar del Plata": a particle goes on with a name.
                w == "."
                    || self.tokens[i + 1].kind == TokenKind::Number
                    || !(self.words[i + 1]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                        || self.particle(i + 1))
            }
            None => true,
        }
    }

    /// A name particle written in lower case ("de", "van", "al"), looked up once
    /// per sentence.
    #[inline]
    fn particle(&self, i: usize) -> bool {
        let bits = self.given[i].get();
        if bits & PARTICLE_ASKED != 0 {
            return bits & PARTICLE != 0;
        }
        self.particle_uncached(i, bits)
    }

    /// [`Ctx::particle`] the first time it is asked of word `i` (whose bits are `bits`).
    #[inline(never)]
    fn particle_uncached(&self, i: usize, bits: u8) -> bool {
        let answer = self.tokens[i].kind == TokenKind::Word
            && self.lower[i].len() <= self.lex.particle_max_len
            && self.lex.is_particle(self.lower[i])
            && self.words[i].chars().all(char::is_lowercase);
        self.given[i].set(bits | PARTICLE_ASKED | if answer { PARTICLE } else { 0 });
        answer
    }

    /// A non-name token that may sit inside a name when followed by a name word.
    fn joiner(&self, run_last: usize, i: usize) -> bool {
        if i + 1 >= self.words.len() {
            return false;
        }
        let next_cap = self.cap(i + 1);
        match self.lower[i] {
            "of" => {
                let head = self.lower[run_last];
                let head_ok = listed!(OF_HEADS, head)
                    || self.in_class(run_last, class::ORG_CUE)
                    || self.in_class(run_last, class::TITLE_OF_HEAD);
                // "Hockey Hall of Fame": the hall is an institution, not a surname.
                let fame = head == "hall" && self.lower[i + 1] == "fame";
                (head_ok || fame)
                    && (next_cap
                        || (head == "group" && self.tokens[i + 1].kind == TokenKind::Number))
            }
            // "Center for American Progress", "Council on Foreign Relations".
            "for" | "on" => self.in_class(run_last, class::ORG_CUE) && next_cap,
            "&" => next_cap,
            "and" => self.and_in_name(run_last, i) || orgs::fields_and(self, run_last, i),
            // "Ursula von der Leyen", "Joaquin de la Pazuela": two particles.
            _ => {
                self.particle(i)
                    && (next_cap
                        || (i + 2 < self.words.len() && self.cap(i + 2) && self.particle(i + 1)))
            }
        }
    }

    /// Whether "and" at `i` joins two capitalised common words into the name of a
    /// committee or agency whose head word follows ("Ways and Means Committee",
    /// "Energy and Commerce Committee"). "Justice and State Department" stays two
    /// departments, and a name before "and" ("Trump and Means Committee") joins nothing.
    fn and_in_name(&self, run_last: usize, i: usize) -> bool {
        let plain = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.is_upper_initial(k)
                && !self.first_name_at(k)
                && !self.in_class(k, class::FUNCTION)
                && self.is_common_at(k)
        };
        let cue = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.is_upper_initial(k)
                && self.in_class(k, class::ORG_CUE)
                && !matches!(self.lower[k], "department" | "ministry")
        };
        if run_last + 1 != i || i + 2 >= self.words.len() || !plain(i - 1) || !plain(i + 1) {
            return false;
        }
        cue(i + 2) || self.and_after_cue_preposition(i, &plain, &cue)
    }

    /// "Center on Budget and Policy Priorities", "Institute for Science and
    /// International Security": after a cue word and "for", "on" or "of" in the
    /// same name, "and" joins capitalised common words up to the name's end, when
    /// none of them is a cue or a known name ("Center for Progress and Heritage
    /// Foundation" is two bodies).
    fn and_after_cue_preposition(
        &self,
        i: usize,
        plain: &dyn Fn(usize) -> bool,
        cue: &dyn Fn(usize) -> bool,
    ) -> bool {
        let opened = (i.saturating_sub(5)..i - 1)
            .rev()
            .find(|&k| matches!(self.lower[k], "for" | "on" | "of") && k > 0 && cue(k - 1));
        let Some(prep) = opened else {
            return false;
        };
        if !(prep + 1..i).all(|k| self.is_upper_initial(k) || self.lower[k] == "and") {
            return false;
        }
        let mut k = i + 1;
        while k < self.words.len()
            && self.tokens[k].kind == TokenKind::Word
            && self.is_upper_initial(k)
        {
            if !plain(k) || self.gaz[k].is_some() || self.in_class(k, class::ORG_CUE) {
                return false;
            }
            k += 1;
        }
        true
    }

    /// Whether tokens `a..b` are a country glued by a hyphen to another country
    /// ("US-Russia talks", "UK-France co-operation"): the states as political
    /// actors, so organizations; not before a place noun ("Iran-Iraq border") or
    /// inside a longer capitalised name ("UK-France Summit").
    fn country_pair(&self, a: usize, b: usize) -> bool {
        let country = |i: usize, end: usize| {
            self.gaz[i].is_some_and(|(e, h)| {
                e == end && h.kind == SurfaceKind::Name && self.lex.is_country(h.entry)
            })
        };
        if !country(a, b) {
            return false;
        }
        let glued = |h: usize| {
            h > 0
                && h + 1 < self.words.len()
                && self.tokens[h].kind == TokenKind::Punct
                && self.words[h].chars().all(is_hyphen)
                && self.tokens[h - 1].span.end == self.tokens[h].span.start
                && self.tokens[h].span.end == self.tokens[h + 1].span.start
        };
        // The partner before (its gazetteer name ends at the hyphen) or after.
        let before = a >= 2 && glued(a - 1) && (0..a - 1).rev().take(4).any(|s| country(s, a - 1));
        let pair_end = if before {
            b
        } else if glued(b) && self.gaz[b + 1].is_some_and(|(e, _)| country(b + 1, e)) {
            self.gaz[b + 1].map_or(b, |(e, _)| e)
        } else {
            return false;
        };
        match self.lower.get(pair_end) {
            Some(next) => {
                let name_goes_on = self.tokens[pair_end].kind == TokenKind::Word
                    && self.is_upper_initial(pair_end);
                !(name_goes_on || self.lex.place_nouns.contains(*next))
            }
            None => true,
        }
    }

    /// Whether tokens `a..b` name a side in a sports report: a name followed by
    /// its scores in a results or standings line ("Norhaven 4 Eastbridge 1"), by
    /// a player's role ("Norhaven coach"), or beside a result verb in a sentence
    /// with a score ("Norhaven beat Eastbridge 4-1", "drew with Kelmore").
    /// Returns the rule: [`TEAM_RULE`] for results and scores, [`TEAM_ROLE_RULE`]
    /// for a role word.
    fn team_context(&self, a: usize, b: usize) -> Option<&'static str> {
        let word = |i: usize| self.lower.get(i).copied().unwrap_or("");
        let after = word(b);
        let before = if a > 0 { word(a - 1) } else { "" };
        if self.fixture {
            return Some(TEAM_RULE);
        }
        if matches!(before, "in" | "at" | "(") || sides::scorer(self, a, b) {
            return None;
        }
        let results_line = (self.table || self.results)
            && self.tokens.get(b).map(|t| t.kind) == Some(TokenKind::Number)
            && self.words[b].len() <= 3
            && self.words[b].bytes().all(|c| c.is_ascii_digit())
            && !self.words[a..b]
                .iter()
                .any(|w| w.bytes().any(|c| c.is_ascii_digit()));
        // "Norhaven coach", "Norhaven's coach".
        let role_at = if matches!(after, "'" | "\u{2019}") && word(b + 1) == "s" {
            b + 2
        } else {
            b
        };
        let role = listed!(TEAM_ROLES, word(role_at)) && !self.is_upper_initial(role_at);
        if results_line {
            return Some(TEAM_RULE);
        }
        if role {
            return Some(TEAM_ROLE_RULE);
        }
        // A town's or an unknown name (not a person's) after "played for",
        // "coached", or before "football team".
        let town = self.gaz[a].is_some_and(|(e, _)| e == b);
        // Looked up only where it decides.
        let personal = || self.first_name_at(a) || self.in_class(b - 1, class::SURNAME);
        let before2 = if a > 1 { word(a - 2) } else { "" };
        let cued = sides::career_cue(before2, before)
            || sides::team_noun_after(self.sports, after, word(b + 1));
        if cued && (town || !personal()) {
            return Some(TEAM_RULE);
        }
        // The score stands close to the side: "beat Eastbridge 4-1", "a 2-1 win
        // over Leeds"; a poll's "49-37" far off in the sentence is no match. A
        // sports report needs no score: "Leeds held Arsenal", "Norhaven play Kelmore".
        let near_score = self
            .scores
            .iter()
            .any(|&s| (s >= b && s - b <= 5) || (s + 3 <= a && a - (s + 3) <= 4));
        if !near_score && !self.sports {
            return None;
        }
        // Without a score, a known person's name beside the verb is a player's
        // ("Greaves plays on"), unless it is a town's.
        if !near_score && !town && personal() {
            return None;
        }
        // "lost 3-0 to Ashcombe": a score between the verb and "to".
        let lost_by = a >= 5
            && before == "to"
            && self.scores.contains(&(a - 4))
            && matches!(word(a - 5), "lost" | "losing" | "lose" | "loss" | "defeat");
        let beside_verb = listed!(RESULT_VERBS, after)
            || listed!(RESULT_VERBS, before)
            || lost_by
            || (self.sports && (sides::match_verb(after) || sides::match_verb(before)))
            || matches!(before, "against" | "versus" | "vs" | "vs." | "v" | "v.")
            || (before == "with" && matches!(before2, "drew" | "draw" | "drawn" | "tied"))
            || (before == "to"
                && matches!(before2, "lost" | "lose" | "losing" | "defeat" | "loss"))
            || (before == "over" && matches!(before2, "win" | "victory" | "won"));
        beside_verb.then_some(TEAM_RULE)
    }

    /// The type an apposition or a copula right after a name gives it: "Aisby is
    /// a village", "Halvik, the Danish brewer,", "Corvane, an insurer". The first
    /// place noun or company noun within four words of the article decides.
    fn apposition_type(&self, b: usize) -> Option<(EntityType, bool, &'static str)> {
        let word = |i: usize| self.lower.get(i).copied().unwrap_or("");
        if !matches!(word(b), "," | "is" | "was") {
            return None;
        }
        let comma = word(b) == ",";
        let k = b + 1;
        if !matches!(word(k), "a" | "an" | "the") {
            return None;
        }
        // After a comma the phrase must close where its noun does ("Talmora, the
        // brewer, said", "Qarbetti, a village near Homs"): "For Vance, a quarter
        // say ..." is no apposition.
        let closed = |i: usize| !comma || closes_apposition(word(i + 1));
        // The phrase's last noun that types a name decides, up to a function
        // word or a mark: "a major Brazilian manufacturer of bicycles", "a
        // former bank manager who", "a kitplane maker founded by".
        let type_of = |i: usize| self.apposition_noun_type(i);
        let mut head = None;
        for i in k + 1..(k + 5).min(self.words.len()) {
            let stop = self.lex.function_words.contains(word(i))
                || is_title_case_lower(word(i))
                || matches!(word(i), "based" | "that" | "which" | "who" | "whose");
            if matches!(word(i), "'" | "\u{2019}") {
                // "the team's star": a possessive noun is no head.
                return None;
            }
            if self.tokens[i].kind != TokenKind::Word || stop {
                break;
            }
            if self.is_upper_initial(i) {
                // "the Danish brewer": a capitalised word is no noun of the phrase.
                continue;
            }
            if let Some(t) = type_of(i) {
                head = Some((i, t));
                if comma && closed(i) {
                    break;
                }
            }
        }
        head.filter(|(i, _)| closed(*i)).map(|(_, t)| t)
    }

    /// The type word `i` gives the name it is in apposition to: a title, a place
    /// noun or an organization noun.
    #[inline]
    fn apposition_noun_type(&self, i: usize) -> Option<Typed> {
        let w = self.lower.get(i).copied().unwrap_or("");
        if self.title_len(i, i + 1) > 0 {
            // "Vance, a former governor,", "Vance is the president".
            Some((EntityType::Person, false, "person.apposition"))
        } else if self.lex.place_nouns.contains(w) {
            Some((EntityType::Location, false, "location.apposition"))
        } else if listed!(ORG_NOUNS, w) {
            Some((EntityType::Organization, false, "org.apposition"))
        } else {
            None
        }
    }

    /// [`Lexicon::title_at`] of the words `from..to`. A title no longer than the
    /// words matches their first words wherever they end, so when no title starts
    /// the rest of the sentence (asked once per word) none starts `from..to`.
    fn title_len(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        let bits = self.given[from].get();
        let lengths = if bits & TITLE_ASKED == 0 {
            let lengths = self.lex.title_lengths(&self.lower[from..]);
            let may = lengths != 0;
            self.given[from].set(bits | TITLE_ASKED | if may { TITLE_MAY } else { 0 });
            if !may {
                return 0;
            }
            self.title_lengths.borrow_mut().push((from, lengths));
            lengths
        } else if bits & TITLE_MAY == 0 {
            return 0;
        } else {
            // Few words of a sentence start a title: a short list.
            let known = self.title_lengths.borrow();
            known
                .iter()
                .find(|&&(i, _)| i == from)
                .map_or(0, |&(_, lengths)| lengths)
        };
        longest_within(lengths, to - from)
    }

    /// [`Ctx::title_len`] as first written: the lexicon asked of `from..to`.
    #[cfg(test)]
    fn title_len_as_first_written(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        self.lex.title_at(&self.lower[from..to])
    }

    /// A title or role noun ends right before token `a` ("spokesman John Kirby").
    fn title_before(&self, a: usize) -> bool {
        let lo = a.saturating_sub(4);
        (lo..a).any(|t| self.title_len(t, a) == a - t)
    }

    fn is_sentence_initial(&self, i: usize) -> bool {
        i <= self.first_word
            || glued(self, i)
            || (i == self.first_word + 1 && wording::interview_marker(self, self.first_word))
            || (i > 0
                && matches!(
                    self.words[i - 1],
                    "\"" | "\u{201c}"
                        | "'"
                        | "\u{2018}"
                        | "("
                        | ":"
                        | "-"
                        | "\u{2013}"
                        | "\u{2014}"
                ))
                && (i < 2
                    || matches!(self.words[i - 2], "." | ":" | "-" | "\u{2013}" | "\u{2014}")
                    || i - 1 <= self.first_word)
    }
}

#[derive(Clone, Debug)]
struct Piece {
    a: usize,
    b: usize,
    gaz: Option<GazHit>,
    title_before: bool,
    /// Forced type from merging (gazetteer prefix + cue word).
    forced: Option<(EntityType, &'static str)>,
}

/// Finds the mentions of one document.
pub fn recognize(
    text: &str,
    sentences: &[Sentence],
    skip_line: &[bool],
    lex: &Lexicon,
) -> Vec<RawMention> {
    let hits = lex.find(text);
    let kinds = line_kinds(text, sentences, skip_line.len());
    let headlines: Vec<bool> = kinds.iter().map(|k| *k == LineKind::Headline).collect();
    let body_caps = BodyCaps {
        text,
        sentences,
        headlines: &headlines,
        skip_line,
        set: std::cell::OnceCell::new(),
    };
    let ascii_lower = text.to_ascii_lowercase();
    let doc = DocView {
        text,
        lex,
        sports: sides::sports_report(text),
        kinds: &kinds,
        headlines: &headlines,
        body_caps: &body_caps,
        ascii_lower: &ascii_lower,
        throughout: lowers_by_ascii_throughout(text),
    };
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    let mut bufs = Buffers::default();
    let mut hit_iter = 0;
    let (mut lower_buf, mut lower_ends) = (String::new(), Vec::new());
    for (si, s) in sentences.iter().enumerate() {
        if skip_line.get(s.line).copied().unwrap_or(false) {
            continue;
        }
        let sentence_hits = hits_within(&hits, &mut hit_iter, s.span);
        hyphen_offsets(text, &s.tokens, &mut bufs.hyphens);
        let hyphened = if !bufs.hyphens.is_empty() {
            hyphened_names(text, &s.tokens, sentence_hits, &bufs.hyphens, lex)
        } else {
            None
        };
        let tokens: &[Token] = hyphened.as_deref().unwrap_or(&s.tokens);
        let mut ctx = doc.sentence(
            s.line,
            tokens,
            sentence_hits,
            &mut bufs,
            &mut lower_buf,
            &mut lower_ends,
        );
        let mut caps = std::mem::take(&mut ctx.caps);
        ctx.fill_caps(&mut caps);
        ctx.caps = caps;
        recognize_sentence(&ctx, si, &mut scratch, &mut out);
        #[cfg(test)]
        check_title_lengths(&ctx);
        bufs = ctx.into_buffers();
    }
    out
}

/// The gazetteer hits that start inside `span`; `from` moves past those before it
/// (sentences come in text order).
#[inline]
fn hits_within<'h>(hits: &'h [GazHit], from: &mut usize, span: Span) -> &'h [GazHit] {
    while *from < hits.len() && hits[*from].span.start < span.start {
        *from += 1;
    }
    let mut end = *from;
    while end < hits.len() && hits[end].span.start < span.end {
        end += 1;
    }
    &hits[*from..end]
}

/// No word of the sentence has a lower-case letter.
#[inline]
fn is_caps_only(text: &str, tokens: &[Token]) -> bool {
    !tokens.iter().any(|t| {
        t.kind == TokenKind::Word
            && text[t.span.start..t.span.end]
                .chars()
                .any(char::is_lowercase)
    })
}

/// Fills `gaz` (one entry per token) with the gazetteer hits that start and end on
/// token boundaries: gaz[a] = (end token + 1, hit).
#[inline]
fn align_hits(
    text: &str,
    tokens: &[Token],
    hits: &[GazHit],
    caps_only: bool,
    lex: &Lexicon,
    gaz: &mut Vec<Option<(usize, GazHit)>>,
) {
    gaz.clear();
    gaz.resize(tokens.len(), None);
    for &hit in hits {
        let surface = &text[hit.span.start..hit.span.end];
        if caps_only
            && surface.chars().count() > 2
            && !surface.contains(' ')
            && lex.is_common(surface)
        {
            // "ICE HOCKEY": in a line of capitals a short name that is also a
            // common word ("ICE", "AID") is the word.
            continue;
        }
        let a = tokens.binary_search_by_key(&hit.span.start, |t| t.span.start);
        let b = tokens.binary_search_by_key(&hit.span.end, |t| t.span.end);
        if let (Ok(a), Ok(b)) = (a, b) {
            if b >= a {
                gaz[a] = Some((b + 1, hit));
            }
        }
    }
}

/// The allocation of `buf` holding `len` copies of `value`.
#[inline]
fn filled<T: Clone>(mut buf: Vec<T>, len: usize, value: T) -> Vec<T> {
    buf.clear();
    buf.resize(len, value);
    buf
}

/// The cached title lengths agree with the lexicon asked afresh (tests only).
#[cfg(test)]
fn check_title_lengths(ctx: &Ctx) {
    for from in 0..ctx.words.len().min(80) {
        for to in from..=ctx.words.len().min(80) {
            assert_eq!(
                ctx.title_len(from, to),
                ctx.title_len_as_first_written(from, to),
                "{:?}",
                &ctx.lower[from..to]
            );
        }
    }
}

/// What every sentence of one document reads beside its own tokens.
struct DocView<'d> {
    text: &'d str,
    lex: &'d Lexicon,
    /// The document is a report on a team sport ([`sides::sports_report`]).
    sports: bool,
    kinds: &'d [LineKind],
    headlines: &'d [bool],
    body_caps: &'d dyn WordSet,
    /// The document with its ASCII letters lowered ([`lowered`]).
    ascii_lower: &'d str,
    /// [`lowers_by_ascii_throughout`] of the document.
    throughout: bool,
}

impl<'d> DocView<'d> {
    /// The context of the sentence on `line` made of `tokens`, its vectors in the
    /// allocations of `bufs` (all but `caps` filled).
    #[inline]
    fn sentence<'a>(
        &self,
        line: usize,
        tokens: &'a [Token],
        hits: &[GazHit],
        bufs: &mut Buffers<'d>,
        lower_buf: &'a mut String,
        lower_ends: &mut Vec<usize>,
    ) -> Ctx<'a>
    where
        'd: 'a,
    {
        let text = self.text;
        let caps_only = is_caps_only(text, tokens);
        let mut gaz = std::mem::take(&mut bufs.gaz);
        align_hits(text, tokens, hits, caps_only, self.lex, &mut gaz);
        let words = refill(
            &mut bufs.words,
            tokens.iter().map(|t| &text[t.span.start..t.span.end]),
        );
        let lower = lowered(
            text,
            self.ascii_lower,
            self.throughout,
            tokens,
            &words,
            lower_buf,
            lower_ends,
            std::mem::take(&mut bufs.lower),
        );
        let mut title_lengths = std::mem::take(&mut bufs.title_lengths);
        title_lengths.clear();
        Ctx {
            text,
            lex: self.lex,
            lower,
            tokens,
            headline: self.headlines.get(line).copied().unwrap_or(false),
            table: self.kinds.get(line) == Some(&LineKind::Table),
            results: sides::opens_with_results_pair(text, tokens),
            fixture: sides::is_fixture(text, tokens, self.sports),
            sports: self.sports,
            about_games: std::cell::OnceCell::new(),
            scores: score_positions(text, tokens),
            caps_only,
            hyphens: std::mem::take(&mut bufs.hyphens),
            first_word: tokens
                .iter()
                .position(|t| t.kind == TokenKind::Word)
                .unwrap_or(0),
            body_caps: self.body_caps,
            caps: std::mem::take(&mut bufs.caps),
            given: filled(
                std::mem::take(&mut bufs.given),
                tokens.len(),
                Default::default(),
            ),
            class: filled(
                std::mem::take(&mut bufs.class),
                tokens.len(),
                Default::default(),
            ),
            words,
            gaz,
            title_lengths: std::cell::RefCell::new(title_lengths),
        }
    }
}

/// The words written capitalised inside body sentences (not first, not in
/// headlines or skipped lines), gathered on the first question: most documents
/// ask none (only headline words and capitals phrases are checked against them).
struct BodyCaps<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    headlines: &'a [bool],
    skip_line: &'a [bool],
    set: std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
}

/// A set of words asked whether it holds one.
trait WordSet {
    fn contains(&self, w: &str) -> bool;
}

impl WordSet for BodyCaps<'_> {
    fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.gather()).contains(w)
    }
}

impl<'a> BodyCaps<'a> {
    fn gather(&self) -> rustc_hash::FxHashSet<&'a str> {
        let text = self.text;
        // Sized once: a capitalised word is about one token in eight.
        let tokens: usize = self.sentences.iter().map(|s| s.tokens.len()).sum();
        let mut body_caps =
            rustc_hash::FxHashSet::with_capacity_and_hasher(tokens / 8, Default::default());
        for s in self.sentences {
            if self.headlines.get(s.line).copied().unwrap_or(true)
                || self.skip_line.get(s.line).copied().unwrap_or(true)
            {
                continue;
            }
            let first = s
                .tokens
                .iter()
                .position(|t| t.kind == TokenKind::Word)
                .unwrap_or(0);
            for t in &s.tokens[(first + 1).min(s.tokens.len())..] {
                // Most words open with a lower-case ASCII byte: no slice is cut for them.
                if t.kind != TokenKind::Word || text.as_bytes()[t.span.start].is_ascii_lowercase() {
                    continue;
                }
                let w = &text[t.span.start..t.span.end];
                if starts_upper(w) {
                    body_caps.insert(w);
                }
            }
        }
        body_caps
    }
}

/// The per-token vectors of a sentence's [`Ctx`], kept from sentence to sentence.
#[derive(Default)]
struct Buffers<'a> {
    words: Vec<&'a str>,
    lower: Vec<&'a str>,
    gaz: Vec<Option<(usize, GazHit)>>,
    caps: Vec<bool>,
    hyphens: Vec<usize>,
    given: Vec<std::cell::Cell<u8>>,
    class: Vec<std::cell::Cell<u16>>,
    title_lengths: Vec<(usize, u64)>,
}

impl Ctx<'_> {
    /// The context's vectors, kept for the next sentence.
    #[inline]
    fn into_buffers<'x>(self) -> Buffers<'x> {
        Buffers {
            words: emptied(self.words),
            lower: emptied(self.lower),
            gaz: self.gaz,
            caps: self.caps,
            hyphens: self.hyphens,
            given: self.given,
            class: self.class,
            title_lengths: self.title_lengths.into_inner(),
        }
    }
}

/// The allocation of `words`, empty and free of the borrow its words had (the
/// collect reuses the allocation in place).
fn emptied<'x>(mut words: Vec<&str>) -> Vec<&'x str> {
    words.clear();
    words.into_iter().map(|_| "").collect()
}

/// The allocation of `buf` (taken, left empty), holding `items`.
fn refill<T>(buf: &mut Vec<T>, items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v = std::mem::take(buf);
    v.clear();
    v.extend(items);
    v
}

/// The sentence's `tokens` with its hyphenated names split or joined
/// ([`split_name_pairs`], [`join_name_syllables`], [`split_paired_people`], in this
/// order); `None` when nothing changes. Asked only when [`may_hold_hyphen`]: most
/// sentences hold no hyphen, and one search of their text skips all three (which
/// keep the text the tokens cover, so the search holds for them all).
fn hyphened_names(
    text: &str,
    tokens: &[Token],
    hits: &[GazHit],
    hyphens: &[usize],
    lex: &Lexicon,
) -> Option<Vec<Token>> {
    // The window of the hyphens, found again only in tokens that changed.
    let window = hyphen_window(tokens, hyphens);
    let split = split_name_pairs_near(text, tokens, hits, hyphens, window.clone());
    let (after_split, window) = match split.as_deref() {
        Some(split) => (split, hyphen_window(split, hyphens)),
        None => (tokens, window),
    };
    let joined = join_name_syllables_near(text, after_split, lex, window.clone());
    let changed = joined.or(split);
    let (before_people, window) = match changed.as_deref() {
        Some(changed) => (changed, hyphen_window(changed, hyphens)),
        None => (tokens, window),
    };
    let people = split_paired_people_near(text, before_people, hyphens, lex, window);
    people.or(changed)
}

/// Splits hyphenated pairs of known names ("UK-France talks", "Iran-Iraq border")
/// into their parts, with the hyphens as punctuation: a word is split only when
/// every hyphen-separated part is capitalised and is itself a gazetteer name,
/// and the whole word is not one ("Guinea-Bissau", "Jean-Pierre" stay whole).
/// `hits` are the sentence's gazetteer hits in text order. Returns `None` when
/// nothing is split, so most sentences allocate nothing.
#[cfg(test)]
fn split_name_pairs(
    text: &str,
    tokens: &[Token],
    hits: &[GazHit],
    hyphens: &[usize],
) -> Option<Vec<Token>> {
    split_name_pairs_near(text, tokens, hits, hyphens, hyphen_window(tokens, hyphens))
}

/// [`split_name_pairs`] with the tokens' [`hyphen_window`] known.
fn split_name_pairs_near(
    text: &str,
    tokens: &[Token],
    hits: &[GazHit],
    hyphens: &[usize],
    window: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let out = split_name_pairs_in(text, tokens, hits, hyphens, window);
    #[cfg(test)]
    assert_eq!(
        out,
        split_name_pairs_in(text, tokens, hits, hyphens, 0..tokens.len())
    );
    out
}

/// [`split_name_pairs`] looking only at the tokens of `window` (those after it are
/// copied as they are): the tokens that may hold a hyphen ([`hyphen_window`]), or all.
fn split_name_pairs_in(
    text: &str,
    tokens: &[Token],
    hits: &[GazHit],
    hyphens: &[usize],
    window: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let mut out: Option<Vec<Token>> = None;
    let mut h = 0;
    // The first hyphen at or after the token's start, followed in step with the
    // tokens (both are in text order).
    let mut hy = 0;
    for (ti, t) in tokens
        .iter()
        .enumerate()
        .take(window.end)
        .skip(window.start)
    {
        while h < hits.len() && hits[h].span.start < t.span.start {
            h += 1;
        }
        while hy < hyphens.len() && hyphens[hy] < t.span.start {
            hy += 1;
        }
        // Not inside a longer name ("UK-France Summit", "Osijek-Baranja County").
        let name_follows = || {
            tokens.get(ti + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && starts_upper(&text[n.span.start..n.span.end])
            })
        };
        // Cheapest first: most words hold no hyphen.
        let candidate = t.kind == TokenKind::Word
            && hyphens.get(hy).is_some_and(|&p| p < t.span.end)
            && text[t.span.start..t.span.end].contains(is_hyphen)
            && starts_upper(&text[t.span.start..t.span.end])
            && !name_follows();
        let parts = if candidate {
            tiled_parts(text, t.span, &hits[h..])
        } else {
            0
        };
        if parts < 2 {
            if let Some(v) = out.as_mut() {
                v.push(*t);
            }
            continue;
        }
        let v = out.get_or_insert_with(|| {
            let mut v = Vec::with_capacity(tokens.len() + 2 * parts);
            v.extend_from_slice(&tokens[..ti]);
            v
        });
        let mut space_before = t.space_before;
        for (k, hit) in hits[h..h + parts].iter().enumerate() {
            if k > 0 {
                let prev_end = hits[h + k - 1].span.end;
                v.push(Token {
                    span: Span::new(prev_end, hit.span.start),
                    kind: TokenKind::Punct,
                    space_before: false,
                });
            }
            v.push(Token {
                span: hit.span,
                kind: TokenKind::Word,
                space_before,
            });
            space_before = false;
        }
    }
    if let Some(v) = out.as_mut() {
        v.extend_from_slice(&tokens[window.end..]);
    }
    out
}

/// The tokens that may hold one of the `hyphens` (byte offsets, in order): none ends
/// by the first, none starts after the last (tokens are in text order). Most
/// sentences with a hyphen hold one or two: the words around them are not looked at.
fn hyphen_window(tokens: &[Token], hyphens: &[usize]) -> std::ops::Range<usize> {
    match (hyphens.first(), hyphens.last()) {
        (Some(&first), Some(&last)) => {
            let a = tokens.partition_point(|t| t.span.end <= first);
            let b = tokens.partition_point(|t| t.span.start <= last);
            a..b.max(a)
        }
        _ => 0..0,
    }
}

/// Splits a surname hyphenated to the next person's given name, as pairs of rivals are
/// written ("the Hillary Clinton-Bernie Sanders race", "Ted Cruz-Marco Rubio feud"): a
/// word "X-Y" between a given name and a capitalised word that is no common word (not
/// "Stephanie Rawlings-Blake Resigns"), whose second part is a given
/// name that is no common word, and whose first part is a listed surname (not an article
/// or a name's prefix: "Mohamed El-Hassan Mohamed", "Abdel-Rahman"). Returns `None` when
/// nothing is split.
#[cfg(test)]
fn split_paired_people(
    text: &str,
    tokens: &[Token],
    hyphens: &[usize],
    lex: &Lexicon,
) -> Option<Vec<Token>> {
    split_paired_people_near(text, tokens, hyphens, lex, hyphen_window(tokens, hyphens))
}

/// [`split_paired_people`] with the tokens' [`hyphen_window`] known.
fn split_paired_people_near(
    text: &str,
    tokens: &[Token],
    hyphens: &[usize],
    lex: &Lexicon,
    window: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let out = split_paired_people_in(text, tokens, hyphens, lex, window);
    #[cfg(test)]
    assert_eq!(
        out,
        split_paired_people_in(text, tokens, hyphens, lex, 0..tokens.len())
    );
    out
}

/// [`split_paired_people`] looking only at the tokens of `window` (those after it
/// are copied as they are).
fn split_paired_people_in(
    text: &str,
    tokens: &[Token],
    hyphens: &[usize],
    lex: &Lexicon,
    window: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let capital = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && word(i).starts_with(|c: char| c.is_uppercase())
        })
    };
    let mut out: Option<Vec<Token>> = None;
    // The first hyphen at or after the token's start, in step with the tokens.
    let mut hy = 0;
    for (i, t) in tokens
        .iter()
        .enumerate()
        .take(window.end)
        .skip(window.start)
    {
        while hy < hyphens.len() && hyphens[hy] < t.span.start {
            hy += 1;
        }
        // Cheapest first: most words hold no hyphen, and lookups come last.
        let cut = (hyphens.get(hy).is_some_and(|&p| p < t.span.end)
            && word(i).as_bytes().contains(&b'-')
            && capital(i)
            && i > 0
            && capital(i - 1)
            && capital(i + 1)
            && lex.is_first_name(word(i - 1))
            && !lex.is_common(word(i + 1)))
        .then(|| person_pair_cut(word(i), lex))
        .flatten();
        let Some(cut) = cut else {
            if let Some(v) = out.as_mut() {
                v.push(*t);
            }
            continue;
        };
        let v = out.get_or_insert_with(|| tokens[..i].to_vec());
        let (a, h) = (t.span.start, t.span.start + cut);
        v.push(Token {
            span: Span::new(a, h),
            ..*t
        });
        v.push(Token {
            span: Span::new(h, h + 1),
            kind: TokenKind::Punct,
            space_before: false,
        });
        v.push(Token {
            span: Span::new(h + 1, t.span.end),
            kind: TokenKind::Word,
            space_before: false,
        });
    }
    if let Some(v) = out.as_mut() {
        v.extend_from_slice(&tokens[window.end..]);
    }
    out
}

/// Where "Clinton-Bernie" splits (the byte offset of its hyphen), if it is a listed
/// surname and a given name.
fn person_pair_cut(w: &str, lex: &Lexicon) -> Option<usize> {
    let cut = w.find('-')?;
    let (x, y) = (&w[..cut], &w[cut + 1..]);
    let capital = |p: &str| p.len() >= 2 && p.starts_with(|c: char| c.is_uppercase());
    let ok = capital(x)
        && capital(y)
        && !y.contains('-')
        && lex.surnames.contains(&x.to_lowercase())
        && lex.is_first_name(y)
        && !lex.is_common(y);
    ok.then_some(cut)
}

/// Joins the syllables of hyphenated given names that the tokenizer cut ("Lin
/// Wei-ming", "Kim Jong-un"): a capitalised word, a hyphen and a lower-case word
/// glued together are one word unless the tail is English ("Syria-based",
/// "Kerry-led"). Returns `None` when nothing is joined.
#[cfg(test)]
fn join_name_syllables(text: &str, tokens: &[Token], lex: &Lexicon) -> Option<Vec<Token>> {
    join_name_syllables_near(text, tokens, lex, 0..tokens.len())
}

/// [`join_name_syllables`], the first join looked for only at the tokens of `window`
/// ([`hyphen_window`]: a join's hyphen is one of them) and the token before.
fn join_name_syllables_near(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    window: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let out = join_name_syllables_from(
        text,
        tokens,
        lex,
        window.start.saturating_sub(1)..window.end,
    );
    #[cfg(test)]
    assert_eq!(
        out,
        join_name_syllables_from(text, tokens, lex, 0..tokens.len())
    );
    out
}

/// [`join_name_syllables`] with the first join looked for in `from`.
fn join_name_syllables_from(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    mut from: std::ops::Range<usize>,
) -> Option<Vec<Token>> {
    let word = |t: &Token| &text[t.span.start..t.span.end];
    // "Moon Jae-in", "Ban Ki-moon": after a family name even an English-looking
    // syllable belongs to the given name.
    let family_name_before = |i: usize| {
        let Some(f) = i.checked_sub(1).map(|k| word(&tokens[k])) else {
            return false;
        };
        tokens[i].space_before
            && tokens[i - 1].kind == TokenKind::Word
            && f.chars().count() >= 2
            && f.chars().next().is_some_and(char::is_uppercase)
            && f.chars().skip(1).all(char::is_lowercase)
            && !lex.function_words.contains(&f.to_lowercase())
    };
    let joinable = |i: usize| {
        let (Some(a), Some(h), Some(b)) = (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
        else {
            return false;
        };
        if a.kind != TokenKind::Word
            || h.kind != TokenKind::Punct
            || b.kind != TokenKind::Word
            || a.span.end != h.span.start
            || h.span.end != b.span.start
        {
            return false; // Most tokens: no words to slice.
        }
        let (wa, wb) = (word(a), word(b));
        word(h).chars().all(is_hyphen)
            && wa.chars().next().is_some_and(char::is_uppercase)
            && wa.chars().skip(1).all(char::is_lowercase)
            && wb.chars().all(char::is_lowercase)
            // Syllables of romanised names are short: "ming", "jung", "chuan".
            && wa.chars().count() <= 6
            && wb.chars().count() <= 5
            && (!lex.is_common_lower(wb) || family_name_before(i) && !english_tail(wb))
            // Not the middle of a longer compound ("Wei-ming-style").
            && tokens
                .get(i + 3)
                .map_or(true, |n| {
                    n.span.start > b.span.end || !word(n).chars().all(is_hyphen)
                })
    };
    // The hyphen's kind first, read inline: most words are followed by a word.
    let first = from.find(|&i| {
        tokens
            .get(i + 1)
            .is_some_and(|h| h.kind == TokenKind::Punct)
            && joinable(i)
    })?;
    let mut out = Vec::with_capacity(tokens.len());
    out.extend_from_slice(&tokens[..first]);
    let mut i = first;
    while i < tokens.len() {
        if joinable(i) {
            out.push(Token {
                span: Span::new(tokens[i].span.start, tokens[i + 2].span.end),
                kind: TokenKind::Word,
                space_before: tokens[i].space_before,
            });
            i += 3;
        } else {
            out.push(tokens[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Tails of English compounds after a name ("Kerry-led", "Bush-era",
/// "Syria-based"): never a syllable of a given name.
fn english_tail(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("ly")
        || matches!(
            w,
            "era"
                | "like"
                | "style"
                | "type"
                | "free"
                | "wide"
                | "run"
                | "made"
                | "born"
                | "held"
                | "old"
                | "year"
                | "day"
                | "size"
                | "class"
                | "level"
                | "term"
                | "time"
                | "way"
                | "side"
                | "led"
        )
}

/// Where a sentence's match scores start: two small figures joined by a dash
/// ("4-1", "3 – 0"), not a date ("1996-08-30") or a range of years. Empty (and
/// unallocated) for most sentences.
fn score_positions(text: &str, tokens: &[Token]) -> Vec<usize> {
    let small = |t: &Token| {
        t.kind == TokenKind::Number
            && t.span.end - t.span.start <= 2
            && text[t.span.start..t.span.end]
                .bytes()
                .all(|b| b.is_ascii_digit())
    };
    let is_score = |i: usize, w: &[Token]| {
        small(&w[0])
            && small(&w[2])
            && matches!(&text[w[1].span.start..w[1].span.end], "-" | "\u{2013}" | "\u{2014}")
            // A third figure makes a date: "96-08-30".
            && !tokens.get(i + 3).is_some_and(|n| {
                matches!(&text[n.span.start..n.span.end], "-" | "/")
                    && tokens.get(i + 4).is_some_and(|x| x.kind == TokenKind::Number)
            })
    };
    // A plain loop: most tokens are no figure, told by their kind alone.
    let mut out = Vec::new();
    for (i, w) in tokens.windows(3).enumerate() {
        if w[0].kind == TokenKind::Number && is_score(i, w) {
            out.push(i);
        }
    }
    out
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The byte offsets of the hyphens ('-', U+2010, U+2011) in the text the `tokens`
/// cover, in order, into `out` (cleared first): most sentences hold none, found by
/// one vectorised search. U+2010 and U+2011 are E2 80 90 and E2 80 91; curly quotes
/// and dashes share the first two bytes, not the third.
fn hyphen_offsets(text: &str, tokens: &[Token], out: &mut Vec<usize>) {
    out.clear();
    let (Some(a), Some(b)) = (tokens.first(), tokens.last()) else {
        return;
    };
    let Some(covered) = text.as_bytes().get(a.span.start..b.span.end) else {
        return;
    };
    for k in memchr::memchr2_iter(b'-', 0xE2, covered) {
        if covered[k] == b'-' || matches!(covered.get(k + 1..k + 3), Some([0x80, 0x90 | 0x91])) {
            out.push(a.span.start + k);
        }
    }
}

/// Whether `span` holds one of the hyphen `offsets` ([`hyphen_offsets`], sorted).
#[inline]
#[cfg(test)]
fn holds_hyphen(offsets: &[usize], span: Span) -> bool {
    if offsets.is_empty() {
        return false;
    }
    let k = offsets.partition_point(|&p| p < span.start);
    offsets.get(k).is_some_and(|&p| p < span.end)
}

/// How many of `hits` (from the first) tile `span` as capitalised names joined by
/// single hyphens; 0 when they do not.
fn tiled_parts(text: &str, span: Span, hits: &[GazHit]) -> usize {
    let mut pos = span.start;
    for (k, hit) in hits.iter().enumerate() {
        if hit.span.start != pos
            || hit.kind != SurfaceKind::Name
            || !text[hit.span.start..hit.span.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return 0;
        }
        if hit.span.end >= span.end {
            return if hit.span.end == span.end { k + 1 } else { 0 };
        }
        let mut rest = text[hit.span.end..span.end].chars();
        match rest.next() {
            Some(c) if is_hyphen(c) => pos = hit.span.end + c.len_utf8(),
            _ => return 0,
        }
    }
    0
}

/// Buffers reused from run to run and sentence to sentence.
#[derive(Default)]
struct Scratch {
    runs: Vec<(usize, usize)>,
    pieces: Vec<Piece>,
    glued: Vec<Piece>,
}

/// Finds the mentions of one sentence: its runs of capitalised words (with the
/// particles and joiners between them), each cut into pieces that are typed.
#[inline(never)]
fn recognize_sentence(ctx: &Ctx, si: usize, sc: &mut Scratch, out: &mut Vec<RawMention>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        if !ctx.caps[i] {
            // A run starts at a capitalised token or one or two tokens before one:
            // none starts before the second token ahead of the next capitalised one.
            match ctx.caps[i..].iter().position(|&c| c) {
                Some(d) if d >= 3 => i += d - 2,
                Some(_) => {}
                None => break,
            }
        }
        // cap(i + 1) is asked next anyway; the particle lookup only when it holds.
        let starts_run = ctx.cap(i)
            || (i + 1 < n && ctx.cap(i + 1) && ctx.particle(i))
            || (i + 2 < n && ctx.cap(i + 2) && ctx.particle(i + 1) && ctx.particle(i));
        if !starts_run {
            i += 1;
            continue;
        }
        let a = i;
        let j = run_end(ctx, a);
        if possessive_office(ctx, si, a, j, out) {
            i = j;
            continue;
        }
        if j == a + 1 && a == ctx.first_word && lone_word_dropped(ctx, a) {
            // "The", "But", "He": most sentences open with a word that names nothing.
            i = j;
            continue;
        }
        pieces_of_run(ctx, si, a, j, sc, out);
        i = j.max(a + 1);
    }
}

/// Where the run that starts at token `a` ends: past capitalised words, known
/// names, joiners, a first particle and nicknames.
#[inline(always)]
fn run_end(ctx: &Ctx, a: usize) -> usize {
    let n = ctx.words.len();
    let mut j = a;
    while j < n {
        if j > a && glued(ctx, j) {
            break;
        }
        if let Some((e, _)) = ctx.gaz[j] {
            j = e;
        } else if ctx.cap(j) {
            j += 1;
        } else if j > a && ctx.joiner(j - 1, j) {
            j += 1;
            if ctx.tokens[j].kind == TokenKind::Number {
                j += 1;
                break;
            }
        } else if j == a && ctx.particle(j) {
            j += 1;
        } else if let Some(k) = bounds::nickname_end(ctx, a, j) {
            // "John \"J.D.\" Dorrian": the nickname stays inside the name.
            j = k;
        } else {
            break;
        }
    }
    j
}

/// "the Multnomah County Sheriff's Office", "St. Mary's Hospital": a run that ends
/// in a possessive body is one name, in place of the pieces of the run before the
/// possessive. Whether it was.
#[inline]
fn possessive_office(ctx: &Ctx, si: usize, a: usize, j: usize, out: &mut Vec<RawMention>) -> bool {
    let office = offices::possessive_office_start(ctx, a, j)
        .map(|s| (s, EntityType::Organization, offices::RULE))
        .or_else(|| {
            facilities::saints_possessive(ctx, a, j).map(|(s, t)| (s, t, facilities::SAINTS_RULE))
        });
    let Some((start, t, rule)) = office else {
        return false;
    };
    let from = ctx.tokens[start].span.start;
    while out
        .last()
        .is_some_and(|m| m.sentence == si && m.span.start >= from)
    {
        out.pop();
    }
    let office = Piece {
        a: start,
        b: j,
        gaz: None,
        title_before: false,
        forced: Some((t, rule)),
    };
    out.extend(finish_piece(ctx, si, office));
    true
}

/// The mentions of the run `a..j`: its sub-runs, each split at an ampersand
/// between people, cut into pieces.
#[inline(always)]
fn pieces_of_run(
    ctx: &Ctx,
    si: usize,
    a: usize,
    j: usize,
    sc: &mut Scratch,
    out: &mut Vec<RawMention>,
) {
    sub_runs(ctx, a, j, &mut sc.runs);
    for r in 0..sc.runs.len() {
        let (x, y) = sc.runs[r];
        let amp = bounds::people_ampersand(ctx, x, y)
            .or_else(|| bounds::headline_surnames_ampersand(ctx, x, y));
        let halves = match amp {
            Some(amp) => [(x, amp), (amp + 1, y)],
            None => [(x, y), (y, y)],
        };
        for (x, y) in halves {
            if x >= y {
                continue;
            }
            split_run(ctx, x, y, &mut sc.pieces, &mut sc.glued);
            for piece in sc.glued.drain(..) {
                if let Some(m) = finish_piece(ctx, si, piece) {
                    out.push(m);
                }
            }
        }
    }
}

/// Whether a run of the one token `a` makes no mention: no known name starts there
/// and its only word is cut as no part of a name ([`name_start`]). Its pieces would
/// be that word alone (or none, when it is a title), which [`finish_piece`] drops.
fn lone_word_dropped(ctx: &Ctx, a: usize) -> bool {
    ctx.gaz[a].is_none() && name_start(ctx, a, a + 1) == a + 1
}

/// Token `i` is a word glued to the word before it with no space or mark between:
/// the second half of a run-together word the cleaner split ("Sanders|Some").
#[inline]
fn glued(ctx: &Ctx, i: usize) -> bool {
    // The token before may be furniture masked as one punctuation token, ending in a
    // glued word ("Dana WhitcombeSome say", the card masked).
    i > 0
        && ctx.tokens[i].kind == TokenKind::Word
        && ctx.tokens[i - 1].span.end == ctx.tokens[i].span.start
        && ctx.words[i - 1].ends_with(char::is_lowercase)
        && ctx.is_upper_initial(i)
}

/// A run of capitalised words cut where it holds several names: where a given
/// name comes again ("Bernie Sanders Bernie Sanders", "Donald Trump Donald John
/// Trump"), after a one-word name that also ends the run ("Trump Donald John
/// Trump"), and a run of five words or more that is wholly a list of given name,
/// initials and surname ("Rand Paul Ted Cruz Chris Christie"). Linear in the run.
fn sub_runs(ctx: &Ctx, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = a;
    let mut k = a + 2;
    while k + 2 <= b {
        let w = ctx.words[k];
        let repeat = ctx.tokens[k].kind == TokenKind::Word
            && ctx.is_upper_initial(k)
            && ctx.gaz[k].is_none()
            && ctx.first_name_at(k)
            && ctx.words[start.max(k.saturating_sub(6))..k].contains(&w);
        if repeat {
            out.push((start, k));
            start = k;
            k = start + 2;
        } else if wording::second_person_after_verb(ctx, start, k, b) {
            // "Kellyanne Conway Lets Jake Tapper": the verb goes with neither.
            out.push((start, k - 1));
            start = k;
            k = start + 2;
        } else {
            k += 1;
        }
    }
    // The name's first word, after titles and party words ("President Trump ...").
    let mut first = start;
    while first < b {
        let t = ctx.title_len(first, b);
        if t > 0 {
            first += t;
        } else if ctx.in_class(first, class::MISC) {
            first += 1;
        } else {
            break;
        }
    }
    let short_then_full = |f: usize| {
        b >= f + 3
            && ctx.words[b - 1] == ctx.words[f]
            && ctx.gaz[f].is_none()
            && !ctx.first_name_at(f)
            && ctx.first_name_at(f + 1)
    };
    if short_then_full(first) {
        // "President Trump Donald John Trump": the short form, then the full name.
        out.push((start, first + 1));
        start = first + 1;
    }
    let cuts = if b - start >= 5 {
        person_list(ctx, start, b)
    } else {
        None
    };
    match cuts {
        Some(cuts) => out.extend(cuts),
        None => out.push((start, b)),
    }
}

/// Tokens `a..b` as a list of two or more people, each a given name, initials and
/// one surname; `None` when they do not tile so.
fn person_list(ctx: &Ctx, a: usize, b: usize) -> Option<Vec<(usize, usize)>> {
    let initial = |i: usize| {
        let w = ctx.words[i];
        w.chars().filter(|c| c.is_alphabetic()).count() == 1 && ctx.is_upper_initial(i)
    };
    let word = |i: usize| {
        ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i) && ctx.gaz[i].is_none()
    };
    let mut names = Vec::new();
    let mut pos = a;
    while pos < b {
        if !word(pos) || !ctx.first_name_at(pos) {
            return None;
        }
        let mut q = pos + 1;
        while q < b && initial(q) {
            q += 1;
        }
        if q >= b || !word(q) || initial(q) {
            return None;
        }
        names.push((pos, q + 1));
        pos = q + 1;
    }
    (names.len() >= 2).then_some(names)
}

/// Splits a run at titles and gazetteer names, then glues gazetteer names to
/// cue words that extend them ("Russian" + "Foreign Ministry", "Lake" + "Geneva").
/// The pieces go to `out`; `pieces` is scratch space.
fn split_run(ctx: &Ctx, a: usize, b: usize, pieces: &mut Vec<Piece>, out: &mut Vec<Piece>) {
    pieces.clear();
    let mut pending_title = ctx.title_before(a);
    let mut cur = a;
    let mut k = a;
    let flush = |pieces: &mut Vec<Piece>, from: usize, to: usize, title: bool| {
        if to > from {
            pieces.push(Piece {
                a: from,
                b: to,
                gaz: None,
                title_before: title,
                forced: None,
            });
        }
    };
    while k < b {
        if names::person_after_org(ctx, cur, k, b) {
            // "the Refugee Council Enver Solomon": the organization ends here.
            flush(pieces, cur, k, pending_title);
            cur = k;
            pending_title = false;
        }
        let gaz_here = ctx.gaz[k].filter(|(e, _)| *e <= b);
        // A title word right after a given name is a surname ("Andrew Sant", "Mary King").
        let after_given_name = k > cur && ctx.unambiguous_first_name_at(k - 1);
        let tl = if gaz_here.is_some() || after_given_name {
            0
        } else {
            ctx.title_len(k, b)
        };
        // "Siemens AG": a title that is also an organization's closing word ends
        // the name before it rather than starting a person's.
        let cue_title = tl > 0 && is_cue_word(ctx, k + tl - 1) && (k > cur || tl == b - a)
            || tl == 1 && orgs::title_opens_body(ctx, k, b);
        if tl > 0 && orgs::title_after_cue_of(ctx, cur, k, k + tl, b) {
            // "Committee for Justice", "Office of Inspector General": the body's field.
            k += tl;
            continue;
        }
        if tl > 0 && !cue_title {
            flush(pieces, cur, k, pending_title);
            k += tl;
            // "Minister of Education Stefania Giannini": the title's "of" phrase.
            k += names::title_of_phrase(ctx, k, b);
            cur = k;
            pending_title = true;
            continue;
        }
        if let Some((e, hit)) = gaz_here {
            flush(pieces, cur, k, pending_title);
            pieces.push(Piece {
                a: k,
                b: e,
                gaz: Some(hit),
                title_before: pending_title && cur == k,
                forced: None,
            });
            pending_title = false;
            k = e;
            cur = k;
            continue;
        }
        k += 1;
    }
    flush(pieces, cur, b, pending_title);
    glue(ctx, pieces, out);
}

fn is_cue_word(ctx: &Ctx, i: usize) -> bool {
    ctx.in_class(i, class::ORG_CUE)
}

/// Joins each piece to the one before it where the two make one name ("Ar Raqqah",
/// "Vitrex Lodz", "Ohio Senate", "University of Pittsburgh", "Michael Jordan").
/// `pieces` are drained into `out` (cleared first).
fn glue(ctx: &Ctx, pieces: &mut Vec<Piece>, out: &mut Vec<Piece>) {
    out.clear();
    for p in pieces.drain(..) {
        if let Some(prev) = out.last_mut() {
            if bounds::article_place(ctx, prev, &p) {
                // "Ar Raqqah": the article is part of the place's name.
                if let Some(place) = article_and_place(prev, &p) {
                    out.push(place);
                }
                continue;
            }
            if let Some((a, joined)) = joined_with(ctx, prev, &p) {
                prev.a = a;
                prev.b = p.b;
                prev.gaz = None;
                prev.forced = Some(joined);
                continue;
            }
        }
        out.push(p);
    }
    orgs::glue_openers(ctx, out);
}

/// The type and rule of two pieces joined into one.
type Joined = (EntityType, &'static str);

/// The rule id of a place and its own body made one name ("Texas Supreme Court").
const PLACE_BODY_RULE: &str = "org.place-body";

/// "Near Ar" + "Raqqah": the article and the place become one place, in place of
/// `prev` when the article is all of it, else after `prev` cut before the article
/// (returned, to be pushed).
fn article_and_place(prev: &mut Piece, p: &Piece) -> Option<Piece> {
    let art = prev.b - 1;
    let place = Piece {
        a: art,
        b: p.b,
        gaz: None,
        title_before: false,
        forced: Some((EntityType::Location, "location.article")),
    };
    if art == prev.a {
        *prev = place;
        None
    } else {
        prev.b = art;
        Some(place)
    }
}

/// Whether the name `p` opens with a country's name or nationality word ("U.S.
/// Senate", "Russian Foreign Ministry"; not "Pacific Fleet").
fn opens_with_country(ctx: &Ctx, p: &Piece) -> bool {
    let first = ctx.words[p.a];
    ctx.lex.find(first).iter().any(|h| {
        h.span.start == 0
            && h.span.end == first.len()
            && (h.kind == SurfaceKind::Demonym || ctx.lex.is_country(h.entry))
    })
}

/// Whether `p` joins `prev` into one name: where the joined name starts, and its
/// type and rule.
fn joined_with(ctx: &Ctx, prev: &Piece, p: &Piece) -> Option<(usize, Joined)> {
    let adjacent = prev.b == p.a;
    if let Some(rule) = team_pair(ctx, prev, p).filter(|_| adjacent) {
        // "Vitrex Lodz 2", "Norhaven City beat ...": a sponsor or club word
        // and a town, in a results line or match report, make one side.
        return Some((prev.a, (EntityType::Organization, rule)));
    }
    if sides::name_before_town(ctx, prev, p) {
        return Some((prev.a, (EntityType::Organization, sides::NAME_TOWN_RULE)));
    }
    if adjacent {
        let place_before = prev.gaz.is_some_and(|h| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
        });
        if let Some(rule) = body_of_known(ctx, prev, p, place_before) {
            return Some((prev.a, (EntityType::Organization, rule)));
        }
        // "West Jersey" (a point of the compass and a known place) goes on
        // like the place alone: "West Jersey Railroad", "South Jutland County".
        let compass_place = prev.forced == Some((EntityType::Location, "location.cue"));
        // "Texas Department of State" goes on like the body alone: "... Health Services".
        let place_body = prev.forced == Some((EntityType::Organization, PLACE_BODY_RULE));
        let known = prev.gaz.is_some() || compass_place || place_body;
        if known && p.gaz.is_none() && !p.title_before {
            if let Some(joined) = after_known_name(ctx, prev, p, place_before) {
                return Some((prev.a, joined));
            }
        }
        if prev.gaz.is_none() {
            if let Some(joined) = known_after_unknown(ctx, prev, p) {
                return Some(joined);
            }
        }
    }
    if facilities::institution_and_town(ctx, prev, p) {
        // "Hotel Essex", "Radio Sarajevo": an institution named by its town.
        return Some((prev.a, (EntityType::Organization, "org.institution-town")));
    }
    None
}

/// A known body right after a known place or nationality word that makes it the
/// place's or nation's own ("Ohio Senate", "Swedish Riksdag"): the rule.
#[inline]
fn body_of_known(ctx: &Ctx, prev: &Piece, p: &Piece, place_before: bool) -> Option<&'static str> {
    if place_before
        && p.gaz.is_some()
        && p.b - p.a == 1
        && !p.title_before
        && ctx.in_class(p.b - 1, class::ORG_CUE)
    {
        // "Ohio Senate", "Kansas Army": a place and its own institution.
        return Some("org.prefixed-cue");
    }
    let last = ctx.lower[p.b - 1];
    // Not an acronym ("Iranian IRGC") nor a plural of members ("American Democrats"),
    // which the nationality word only describes.
    let national_body = p.gaz.is_some_and(|h| {
        h.kind == SurfaceKind::Name
            && ctx.lex.entries[h.entry].national
            && !p.title_before
            && !ctx.is_all_caps(p.b - 1)
            && !last.ends_with('s')
    });
    if national_body && prev.gaz.is_some_and(|h| h.kind == SurfaceKind::Demonym) {
        // "Swedish Riksdag", "Irish Labour Party", "Philippine Senate": a nation's own
        // parliament, army or party, as the gazetteer names "Russian Foreign Ministry".
        return Some("org.demonym-body");
    }
    if national_body && place_before && !opens_with_country(ctx, p) {
        // "U.S. Department of Agriculture", "Texas Supreme Court", "Fiji Labour Party":
        // a country's, state's or town's own department, court or party is one body.
        // A body that names its own country first ("Wisconsin U.S. Senate
        // candidate") is not the earlier place's.
        return Some(PLACE_BODY_RULE);
    }
    None
}

/// A known name right after an adjacent unknown piece that opens it ("University
/// of Pittsburgh", "Michael Jordan", "Lake Geneva"): where the name starts, its type
/// and rule.
#[inline]
fn known_after_unknown(ctx: &Ctx, prev: &Piece, p: &Piece) -> Option<(usize, Joined)> {
    if prev.forced.is_none()
        && p.gaz.is_some_and(|h| h.kind == SurfaceKind::Name)
        && !p.title_before
        && prev.b - prev.a >= 2
        && ctx.lower[prev.b - 1] == "of"
    {
        // "University of Pittsburgh", "Gulf of Aden": a head, "of" and a known name.
        let head = ctx.lower[prev.b - 2];
        let place = ctx.in_class(prev.a, class::LOC_PREFIX)
            || ctx.in_class(prev.b - 2, class::LOC_PREFIX)
            || listed!(PLACE_OF_HEADS, head);
        return Some((
            prev.a,
            if place {
                (EntityType::Location, "location.head-of")
            } else {
                (EntityType::Organization, "org.head-of")
            },
        ));
    }
    if prev.forced.is_none()
        && given_names(ctx, name_start(ctx, prev.a, prev.b), prev.b)
        && p.b - p.a == 1
        && !p.title_before
        && p.gaz.is_some_and(|h| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
        })
    {
        // "Michael Jordan", "David C. Lyons": given names before a place name.
        let a = name_start(ctx, prev.a, prev.b);
        return Some((a, (EntityType::Person, "person.first-name")));
    }
    if p.gaz.is_some() && prev.b - prev.a == 1 && ctx.in_class(prev.a, class::LOC_PREFIX) {
        // "Lake Geneva", "Mount Hermon".
        return Some((prev.a, (EntityType::Location, "location.cue")));
    }
    None
}

/// An unknown piece right after a known name (or a compass word and a known place):
/// the known name opens a body ("Florida Department of Law Enforcement"), a venue, an
/// event, a site ("Heathrow Airport"), a team or firm named after its home ("Toronto
/// Blue Jays"), or a person whose given name is also a place ("Chad Edward Gaudin").
fn after_known_name(ctx: &Ctx, prev: &Piece, p: &Piece, place_before: bool) -> Option<Joined> {
    let last = ctx.lower[p.b - 1];
    let cue_of = p.b - p.a > 2 && ctx.in_class(p.a, class::ORG_CUE) && ctx.lower[p.a + 1] == "of";
    if ctx.in_class(p.b - 1, class::ORG_CUE) || cue_of {
        // "Florida Department of Law Enforcement".
        // "US State Department", "Syria Support Group", "UN Security Council".
        // "Santa Clara Convention Center" is a venue.
        return Some(if facilities::is_venue(ctx, p.a, p.b) {
            (EntityType::Location, "location.venue")
        } else {
            (EntityType::Organization, "org.prefixed-cue")
        });
    }
    if ctx.in_class(p.b - 1, class::EVENT_CUE) {
        return Some((EntityType::Other, "other.event-cue"));
    }
    // "Heathrow Airport", "Tiyas Military Airfield".
    let named_site = p.b - p.a == 1 || !ctx.first_name_at(p.a);
    if named_site && ctx.in_class(p.b - 1, class::LOC_SUFFIX) {
        return Some((EntityType::Location, "location.cue"));
    }
    let personal = ctx.unambiguous_first_name_at(p.a)
        || ctx.in_class(p.b - 1, class::SURNAME)
        || (p.a + 1..p.b).any(|i| ctx.particle(i));
    // A plural is a team's name ("Kelmore Suns"), a common singular a
    // thing there ("London Bridge" is left to the place cues).
    let team_word = last.ends_with('s') && !last.ends_with("ss");
    // A place that is also a given name, before a known surname or one word of five
    // letters or more that is no common word or plural: a person ("Chad Pergram",
    // "Jordan Spieth"; not "Georgia Tech").
    let given = prev.b - prev.a == 1 && ctx.first_name_at(prev.a);
    let surname_like = p.b - p.a == 1
        && !team_word
        && last.chars().count() >= 5
        && !last.contains(is_hyphen)
        && !ctx.is_common_at(p.b - 1);
    let person = given && (personal || surname_like);
    // "Kentucky Republican", "Ohio Democrats": a place and a party or
    // nationality word describe a person; the place stays a place.
    let joins = place_before
        && p.forced.is_none()
        && !is_misc(ctx, p.a, p.b)
        && (person || !personal && (team_word || !ctx.is_common_at(p.b - 1)));
    // A place before a person's name stays apart ("Syria Jane Doe").
    joins.then_some(if person {
        (EntityType::Person, "person.first-name")
    } else {
        (EntityType::Organization, "org.place-prefixed")
    })
}

/// Whether two adjacent pieces, one a town and the other one word that is no
/// given name, name a sports side together; returns the rule.
fn team_pair(ctx: &Ctx, prev: &Piece, p: &Piece) -> Option<&'static str> {
    let town = |x: &Piece| {
        x.gaz.is_some_and(|h| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
                && !ctx.lex.is_country(h.entry)
        })
    };
    let word = |x: &Piece| {
        x.gaz.is_none()
            && x.b - x.a == 1
            && ctx.tokens[x.a].kind == TokenKind::Word
            && !ctx.first_name_at(x.a)
    };
    let club_word = word(prev)
        && (listed!(CLUB_PREFIXES, ctx.lower[prev.a])
            || in_sorted(CLUB_ABBREVIATIONS, ctx.words[prev.a]));
    if club_word && town(p) && !p.title_before {
        // "FC Kelmore", "Dynamo Lodz": a club word before a town names a club anywhere.
        return Some("org.club");
    }
    let shape = (town(prev) && word(p)) || (word(prev) && town(p));
    let free = !p.title_before && !prev.title_before && prev.forced.is_none() && p.forced.is_none();
    if !(shape && free) {
        return None;
    }
    ctx.team_context(prev.a, p.b)
}

/// A given name followed only by initials or more given names ("Mary Ann", "John F.").
/// The first may be one that is also something else, unless it is a common word, a
/// nationality or religion word or a known name itself: "Jim" (Jim Crow) is; "Bill",
/// "Christian", "Fox" and "Georgia" are not.
fn given_names(ctx: &Ctx, a: usize, b: usize) -> bool {
    let first = |w: &str| {
        let lower = ctx.lower[a];
        ctx.unambiguous_first_name_at(a)
            || (ctx.first_name_at(a)
                && ctx.gaz[a].is_none()
                && !ctx.lex.by_key.contains_key(lower)
                && !ctx.in_class(a, class::MISC)
                && !ctx.lex.is_common(w))
    };
    a < b
        && first(ctx.words[a])
        && (a + 1..b).all(|i| {
            let w = ctx.words[i];
            let initial = w.len() <= 3
                && w.ends_with('.')
                && w.chars().next().is_some_and(char::is_uppercase);
            initial || ctx.unambiguous_first_name_at(i)
        })
}

/// Where a name in tokens `a..b` starts: leading descriptors ("Corrupt",
/// "Kentuckian", "Senators"), function words and sentence-initial common words
/// are not part of names.
fn name_start(ctx: &Ctx, a: usize, b: usize) -> usize {
    let mut a = descriptors::skip(ctx, a, b);
    while a < b {
        let l = ctx.lower[a];
        let drop = listed!(LEADING_FUNCTION, l)
            || l == "of"
            || wording::leading_function_word(ctx, a, b)
            || wording::interview_marker(ctx, a)
            || ctx.particle(a) && b - a == 1
            || adjective_before_name(ctx, a, b)
            || wording::adjective_before_given_name(ctx, a, b)
            || (ctx.is_sentence_initial(a)
                && ctx.in_class(a, class::COMMON)
                && !ctx.unambiguous_first_name_at(a)
                && ctx.gaz[a].is_none()
                && !names::initial_given_name(ctx, a, b));
        if !drop {
            break;
        }
        a += 1;
    }
    a
}

/// "Republican Mitt Romney", "Democrat Terry Lane": a party or nationality word
/// before a given name and a surname describes the person, it is no part of the name.
fn adjective_before_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    b - a >= 3
        && ctx.in_class(a, class::MISC)
        && ctx.first_name_at(a + 1)
        && !ctx.in_class(b - 1, class::LOC_SUFFIX)
        && !ctx.in_class(b - 1, class::ORG_CUE)
}

/// Trims a piece, decides its type and makes the mention (or drops it).
fn finish_piece(ctx: &Ctx, si: usize, mut p: Piece) -> Option<RawMention> {
    trim_piece(ctx, &mut p)?;
    if offices::is_lone_head(ctx, p.a, p.b) {
        // "Office" of a title's office cut off before it names nothing alone.
        return None;
    }
    if bounds::is_ship(ctx, &p) {
        // "USS Mahan", "HMS Daring": vessels are no people, bodies or places.
        return None;
    }
    let (entity_type, demonym, rule) = classify(ctx, &p)?;
    if entity_type == EntityType::Person
        && p.gaz.is_none()
        && junk::is_caps_phrase_not_person(ctx, p.a, p.b)
    {
        // "CORONAVIRUS COVERAGE", "TRUMP IMPEACHMENT": a headline's capitals.
        return None;
    }
    if entity_type == EntityType::Organization {
        // "65th Air Division": the unit's number is part of its name.
        if let Some(n) = bounds::unit_number_start(ctx, &p) {
            p.a = n;
        }
    }
    Some(piece_mention(ctx, si, &p, (entity_type, demonym, rule)))
}

/// Cuts the words that are no part of the piece's name off its ends; `None` when
/// nothing is left that names anything.
#[inline]
fn trim_piece(ctx: &Ctx, p: &mut Piece) -> Option<()> {
    if p.forced.is_some() {
        // Glued names keep their words, but not a leading article ("The [Bank of Spain]").
        while p.b - p.a > 1 && ctx.gaz[p.a].is_none() && listed!(LEADING_FUNCTION, ctx.lower[p.a]) {
            p.a += 1;
        }
    }
    if p.gaz.is_none() && p.forced.is_none() && document::company_noun_first(ctx, p.a, p.b) {
        // "Insurer Corvane said": the noun that opens the sentence types the name.
        p.a += 1;
        p.forced = Some((EntityType::Organization, "org.noun-before"));
    }
    if p.gaz.is_some() || p.forced.is_some() {
        return Some(());
    }
    // "Minister of Transport", "Director of Exempt Organizations": the title's
    // "of" phrase names its office's field, no person; common words name nothing.
    let office = ctx.lower[p.a] == "of";
    p.title_before &= !office;
    p.a = name_start(ctx, p.a, p.b);
    if office && (p.a..p.b).all(|i| ctx.is_common_at(i)) {
        return None;
    }
    p.b = wording::end_before_auxiliary(ctx, p.a, p.b);
    while p.b > p.a
        && (ctx.particle(p.b - 1)
            || matches!(ctx.lower[p.b - 1], "of" | "for" | "&")
            || (p.b - p.a > 1 && listed!(TRAILING_FUNCTION, ctx.lower[p.b - 1])))
    {
        p.b -= 1;
    }
    if p.a >= p.b {
        return None;
    }
    if let Some((e, h)) = ctx.gaz[p.a] {
        if e == p.b {
            p.gaz = Some(h);
        }
    }
    Some(())
}

/// The mention of a trimmed and typed piece.
#[inline]
fn piece_mention(ctx: &Ctx, si: usize, p: &Piece, typed: Typed) -> RawMention {
    let (entity_type, demonym, rule) = typed;
    let span = Span::new(ctx.tokens[p.a].span.start, ctx.tokens[p.b - 1].span.end);
    // Allocated once: at most one span a token.
    let mut words = Vec::with_capacity(p.b - p.a);
    words.extend(
        (p.a..p.b)
            .filter(|&i| ctx.tokens[i].kind != TokenKind::Punct)
            .map(|i| ctx.tokens[i].span),
    );
    RawMention {
        key: norm_key(&ctx.text[span.start..span.end]),
        span,
        sentence: si,
        entity_type,
        demonym,
        // A town's club is not the town, nor "Mr. Rhodes" the island: resolved apart
        // from the gazetteer entry.
        gaz: p
            .gaz
            .map(|h| h.entry)
            .filter(|_| !matches!(rule, TEAM_RULE | TEAM_ROLE_RULE | TITLE_SURNAME_RULE)),
        words,
        rule,
    }
}

/// Whether the word after an apposition's noun closes the phrase ("Talmora, the
/// brewer, said", "Qarbetti, a village near Homs").
#[inline]
fn closes_apposition(next: &str) -> bool {
    matches!(
        next,
        "" | ","
            | "."
            | ";"
            | ")"
            | "based"
            | "created"
            | "established"
            | "formed"
            | "founded"
            | "in"
            | "led"
            | "near"
            | "of"
            | "on"
            | "owned"
            | "run"
            | "that"
            | "which"
            | "whose"
            | "with"
    )
}

/// "Disorders", "Bikes", "Studies": the plural of a common noun by a bare "s" or
/// "ies". Other inflections are left out, since surnames end in them ("Lessing",
/// "Bowles": not "bowl" + "es").
fn is_common_plural(lex: &Lexicon, w: &str) -> bool {
    if let Some(stem) = w.strip_suffix("ies") {
        return stem.len() > 1 && lex.common.contains(&format!("{stem}y"));
    }
    match w.strip_suffix('s') {
        Some(stem) => stem.len() > 2 && !stem.ends_with('s') && lex.common.contains(stem),
        None => false,
    }
}

/// A Roman numeral or a number ending a name: "II", "XIV", "11".
fn is_ordinal(lower: &str) -> bool {
    !lower.is_empty()
        && (lower.chars().all(|c| c.is_ascii_digit())
            || (lower.len() <= 5 && lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))))
}

/// Nationality, language and religion words, and doctrines ("Catholicism"):
/// CoNLL's MISC, never a person, organization or place on their own.
fn is_misc(ctx: &Ctx, a: usize, b: usize) -> bool {
    let misc = &ctx.lex.misc;
    // Doctrines and fears are ideas: "Catholicism", "Islamophobia".
    let doctrine = |w: &str| {
        w.len() > 5 && (w.ends_with("ism") || w.ends_with("isms") || w.ends_with("phobia"))
    };
    let word = |i: usize| {
        ctx.tokens[i].kind != TokenKind::Word
            || ctx.in_class(i, class::MISC)
            || doctrine(ctx.lower[i])
    };
    match b - a {
        1 => word(a),
        2 => {
            (word(a) && word(a + 1)) || {
                // Joined on the stack when short (most pairs), else in a string.
                let (x, y) = (ctx.lower[a].as_bytes(), ctx.lower[a + 1].as_bytes());
                let mut buf = [0u8; 48];
                if x.len() + 1 + y.len() <= buf.len() {
                    buf[..x.len()].copy_from_slice(x);
                    buf[x.len()] = b' ';
                    buf[x.len() + 1..x.len() + 1 + y.len()].copy_from_slice(y);
                    // Two words and a space: valid UTF-8.
                    std::str::from_utf8(&buf[..x.len() + 1 + y.len()])
                        .is_ok_and(|pair| misc.contains(pair))
                } else {
                    misc.contains(&format!("{} {}", ctx.lower[a], ctx.lower[a + 1]))
                }
            }
        }
        _ => false,
    }
}

/// Words that name nothing alone: a piece made only of pronouns, function words,
/// interjections and their contractions ("It", "No. We’re", "Oh", "Don't"), a
/// lone letter or initial ("D", "C."), or a party-and-state tag after a name
/// ("R-Ala.", "D-N.Y.", "I-Vt."). Capitals written in full ("WHO") are acronyms.
fn is_junk(ctx: &Ctx, a: usize, b: usize) -> bool {
    if b - a == 1 {
        let w = ctx.words[a];
        // Counted up to two: whether there are more than one is all that is asked.
        let letters = w.chars().filter(|c| c.is_alphanumeric()).take(2).count();
        if letters <= 1 || is_party_tag(w) {
            return true;
        }
    }
    (a..b).all(|i| {
        let w = ctx.lower[i].trim_end_matches('.');
        // A word with no closing dot is its own lower case: its classes are known.
        let function = || match w.len() == ctx.lower[i].len() {
            true => ctx.in_class(i, class::FUNCTION),
            false => ctx.lex.function_words.contains(w),
        };
        ctx.tokens[i].kind != TokenKind::Word
            || (!ctx.is_all_caps(i) && function())
            || is_contraction(ctx.lex, w)
    })
}

/// "we're", "they’ve", "don't", "it'd": a word cut at its apostrophe into a
/// pronoun or verb and the clipped end of "are", "have", "will", "am", "not", "would".
fn is_contraction(lex: &Lexicon, w: &str) -> bool {
    // Most words hold no apostrophe: a byte scan (U+2019 opens with 0xE2) before the search.
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let Some((head, tail)) = w.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    match tail {
        "re" | "ve" | "ll" | "m" => !head.is_empty(),
        "t" => head.ends_with('n'),
        "d" | "s" => lex.function_words.contains(head),
        _ => false,
    }
}

/// "R-AL", "D-Calif", "I-Vt": a party's letter joined by a hyphen to a state.
fn is_party_tag(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('R' | 'D' | 'I'), Some('-'), Some(c)) if c.is_uppercase()
    )
}

/// Legal forms of companies, which end a name but are none alone (sorted).
const LEGAL_FORMS: [&str; 8] = ["co", "corp", "gmbh", "inc", "llc", "llp", "ltd", "plc"];

/// Type of a piece; `None` drops it. `Other` pieces with no evidence are kept as
/// unknown single words for the document-level pass to settle.
/// A piece's type, whether it is a nationality word standing for its country, and
/// the rule that decided.
type Typed = (EntityType, bool, &'static str);

/// A typing stage's answer: `Some(t)` decides (`Some(None)` drops the piece),
/// `None` leaves it to the next stage.
type Verdict = Option<Option<Typed>>;

/// What the typing stages read of a piece's words.
struct Shape<'a> {
    n: usize,
    first: &'a str,
    /// The head word: the last one before an ordinal ("World War II", "Apollo 11").
    last: &'a str,
    /// The head word's token.
    head: usize,
    /// The word before the piece ("" at the start).
    before: &'a str,
    /// Every word is a common word; plurals count in longer pieces ("Mountain
    /// Bikes"), a lone word must be listed as it is ("Wales" is no plural of "wale").
    all_common: bool,
}

impl<'a> Shape<'a> {
    fn of(ctx: &Ctx<'a>, p: &Piece) -> Shape<'a> {
        let n = p.b - p.a;
        let head = if n > 1 && is_ordinal(ctx.lower[p.b - 1]) {
            p.b - 2
        } else {
            p.b - 1
        };
        let all_common = (p.a..p.b).all(|i| {
            ctx.tokens[i].kind != TokenKind::Word
                || ctx.in_class(i, class::COMMON)
                || (n > 1 && is_common_plural(ctx.lex, ctx.lower[i]))
        });
        Shape {
            n,
            first: ctx.lower[p.a],
            last: ctx.lower[head],
            head,
            before: if p.a > 0 { ctx.lower[p.a - 1] } else { "" },
            all_common,
        }
    }
}

/// Types a piece, stage by stage: what is known of it, what names nothing, the cue
/// words in and before it, its shape, then the words around it.
fn classify(ctx: &Ctx, p: &Piece) -> Option<Typed> {
    if let Some(t) = known_type(ctx, p) {
        return Some(t);
    }
    let s = Shape::of(ctx, p);
    let stages: [fn(&Ctx, &Piece, &Shape) -> Verdict; 4] = [
        nothing_or_player,
        by_cue_words,
        by_noun_or_common_words,
        by_shape,
    ];
    for stage in stages {
        if let Some(verdict) = stage(ctx, p, &s) {
            return verdict;
        }
    }
    by_neighbours(ctx, p, &s)
}

/// A forced type (a glue rule's), or the gazetteer's.
/// The rule of a one-word place name after a title ("Mr. Rhodes"): a person.
const TITLE_SURNAME_RULE: &str = "person.title-surname";

fn known_type(ctx: &Ctx, p: &Piece) -> Option<Typed> {
    if let Some((t, rule)) = p.forced {
        return Some((t, false, rule));
    }
    let hit = p.gaz?;
    let entry = &ctx.lex.entries[hit.entry];
    match hit.kind {
        SurfaceKind::Demonym => Some((EntityType::Location, true, "gazetteer.demonym")),
        SurfaceKind::Name if ctx.country_pair(p.a, p.b) => {
            Some((EntityType::Organization, false, "gazetteer.country-pair"))
        }
        // A town's club in a results line or a match report; countries stay
        // places, as CoNLL-style annotation has them.
        // "Mr. Rhodes", "Rep. Labrador": a title makes a one-word place name, other
        // than a country's, the surname of a person.
        SurfaceKind::Name
            if entry.entity_type == EntityType::Location
                && p.title_before
                && p.b - p.a == 1
                && p.a > 0
                && ctx.is_upper_initial(p.a - 1)
                && !ctx
                    .words
                    .get(p.b)
                    .is_some_and(|_| ctx.is_upper_initial(p.b))
                && !ctx.lex.is_country(hit.entry) =>
        {
            Some((EntityType::Person, false, TITLE_SURNAME_RULE))
        }
        SurfaceKind::Name
            if entry.entity_type == EntityType::Location
                && !sides::national(ctx.lex, hit.entry) =>
        {
            match ctx.team_context(p.a, p.b) {
                Some(rule) => Some((EntityType::Organization, false, rule)),
                None => Some((entry.entity_type, false, "gazetteer")),
            }
        }
        SurfaceKind::Name => Some((entry.entity_type, false, "gazetteer")),
    }
}

/// Pieces that name nothing (titles of works, junk, letters, time zones, Roman
/// numerals, legal forms, MISC words), and players in results lines.
fn nothing_or_player(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    let (n, first) = (s.n, s.first);
    if names::inside_quoted_title(ctx, p.a, p.b) {
        // "Letters for Maria": a song's or a book's title, not a person.
        return Some(None);
    }
    if is_junk(ctx, p.a, p.b) {
        return Some(None);
    }
    if first.starts_with("i'") || first.starts_with("i\u{2019}") {
        // "I've", "I’m": the pronoun, never a name.
        return Some(None);
    }
    if names::letter_label(ctx, p.a, p.b) || names::state_of_the_union(ctx, p.a, p.b) {
        return Some(None);
    }
    if bounds::is_time_zone_name(ctx, p.a, p.b) {
        return Some(None);
    }
    if n == 1 && first.len() > 1 && is_ordinal(first) {
        // "part XVII", "Chapter IV": a Roman numeral alone names nothing.
        return Some(None);
    }
    if sides::scorer(ctx, p.a, p.b) && !is_common_plural(ctx.lex, ctx.lower[p.a]) {
        // "( Roe 12 , Dacre 34 )", "Scorers : Roe 12": a player and his minute.
        return Some(Some((EntityType::Person, false, "person.scorer")));
    }
    if n == 1 && sides::dismissal_name(ctx, p.a) {
        // "c Marsh b Young 21": a fielder's or bowler's name in a scorecard.
        return Some(Some((EntityType::Person, false, "person.scorecard")));
    }
    if n == 1 && (first == "i" || listed!(&LEGAL_FORMS, first.trim_end_matches('.'))) {
        // The pronoun "I", and a legal form alone ("LLC" of a copyright line), name
        // nothing by themselves.
        return Some(None);
    }
    if is_misc(ctx, p.a, p.b) {
        return Some(None);
    }
    None
}

/// Cue words of the piece: facilities, organization, event and place words, a
/// title before it, a club prefix.
fn by_cue_words(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    let (n, first) = (s.n, s.first);
    if let Some((t, rule)) = facilities::facility_type(ctx, p.a, p.b, p.title_before) {
        return Some(Some((t, false, rule)));
    }
    if n == 2 && ctx.unambiguous_first_name_at(p.a) && ctx.in_class(s.head, class::SURNAME) {
        // "Cheryl Mills", "Dave Camp": a given name and a surname that is also a cue.
        return Some(Some((EntityType::Person, false, "person.first-name")));
    }
    if ctx.in_class(s.head, class::ORG_CUE) && (n > 1 || !ctx.is_sentence_initial(p.a)) {
        return Some(Some((EntityType::Organization, false, "org.cue")));
    }
    // "Institute of Politics", "James Martin Center for Nonproliferation Studies":
    // a cue word and its "of" phrase inside the name.
    let cue_of = |i: usize| {
        ctx.in_class(i, class::ORG_CUE) && matches!(ctx.lower[i + 1], "of" | "for" | "on")
    };
    if n > 1 && (p.a..p.b - 1).any(cue_of) {
        return Some(Some((EntityType::Organization, false, "org.cue-of")));
    }
    if n > 1 && (ctx.in_class(s.head, class::EVENT_CUE) || first == "operation") {
        // "Operation Desert Storm": military operations are events.
        return Some(Some((EntityType::Other, false, "other.event-cue")));
    }
    if n > 1 && (ctx.in_class(p.a, class::LOC_PREFIX) || ctx.in_class(s.head, class::LOC_SUFFIX)) {
        // "Halbury Town 4 Stanport 2", "Halbury Town coach": a club named as its town is.
        if let Some(rule) = ctx.team_context(p.a, p.b) {
            return Some(Some((EntityType::Organization, false, rule)));
        }
        return Some(Some((EntityType::Location, false, "location.cue")));
    }
    if p.title_before && !wording::ends_in_plural_noun(ctx, p.a, p.b) {
        return Some(Some((EntityType::Person, false, "person.title")));
    }
    if n > 1 && listed!(CLUB_PREFIXES, first) {
        return Some(Some((EntityType::Organization, false, "org.club")));
    }
    None
}

/// A company noun before the piece ("the brewer Halvik"), and pieces made only of
/// common words.
fn by_noun_or_common_words(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    let (n, before, all_common) = (s.n, s.before, s.all_common);
    // Not the tail of a compound ("Multi-party Democracy").
    let compound = p.a >= 2 && ctx.words[p.a - 2].chars().all(is_hyphen);
    let noun_before = listed!(ORG_NOUNS, before)
        && !compound
        && !ctx.words[p.a - 1].starts_with(|c: char| c.is_uppercase());
    if noun_before
        && !ctx.unambiguous_first_name_at(p.a)
        && !(all_common && orgs::cut_name(ctx, p.a, p.b))
    {
        // "the brewer Halvik", "insurer Corvane": the document says what it is.
        return Some(Some((EntityType::Organization, false, "org.noun-before")));
    }
    if orgs::noun_after(ctx, p.a, p.b) {
        return Some(Some((EntityType::Organization, false, "org.noun-after")));
    }
    if all_common && n == 2 && ctx.first_name_at(p.a) && ctx.in_class(s.head, class::SURNAME) {
        // "Bill Gates", "Mark Cuban": a given name and a surname, both also words.
        return Some(Some((EntityType::Person, false, "person.first-name")));
    }
    if all_common {
        // A lone common word capitalised inside a sentence ("Cook said") may be a
        // surname the document gives in full elsewhere: the document pass decides.
        let lone = n == 1 && !ctx.headline && !ctx.is_sentence_initial(p.a);
        return Some(lone.then_some((EntityType::Other, false, "unknown")));
    }
    None
}

/// The piece's own words (particles, given names, surnames, acronyms, figures) and
/// its appositions.
fn by_shape(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    by_name_words(ctx, p, s)
        .or_else(|| by_surroundings(ctx, p, s))
        .or_else(|| (s.n > 1).then(|| by_name_of_words(ctx, p, s)))
}

/// [`by_shape`]'s first questions: cue words in or right after the piece, given
/// names, surnames, teams and appositions.
#[inline]
fn by_name_words(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    let (n, first) = (s.n, s.first);
    if !p.title_before && bounds::ends_in_service_plural(ctx, p.b) {
        // "Reserve Airmen": a group of servicemen, no person.
        return Some(Some((
            EntityType::Organization,
            false,
            "org.service-plural",
        )));
    }
    if n > 1 && !p.title_before && facilities::after_near(ctx, p.a, p.b) {
        // "near Al Huwayjah": a place, whatever its first word.
        return Some(Some((EntityType::Location, false, "location.near")));
    }
    if n > 1 && (p.a + 1..p.b - 1).any(|i| ctx.particle(i)) {
        return Some(Some((EntityType::Person, false, "person.particle")));
    }
    if n > 1 && ctx.first_name_at(p.a) {
        let ambiguous = !ctx.unambiguous_first_name_at(p.a);
        if !ambiguous || !ctx.in_class(s.head, class::COMMON) {
            return Some(Some((EntityType::Person, false, "person.first-name")));
        }
    }
    if n > 1 && ctx.in_class(s.head, class::SURNAME) {
        return Some(Some((EntityType::Person, false, "person.surname")));
    }
    if let Some(rule) = ctx.team_context(p.a, p.b) {
        return Some(Some((EntityType::Organization, false, rule)));
    }
    // "Inexplicably, the ...": an adverb opening a sentence has no apposition.
    let adverb = n == 1 && ctx.is_sentence_initial(p.a) && first.ends_with("ly");
    if let Some(t) = ctx.apposition_type(p.b).filter(|_| !adverb) {
        return Some(Some(t));
    }
    None
}

/// [`by_shape`]'s questions on the words around the piece and on lone acronyms.
#[inline]
fn by_surroundings(ctx: &Ctx, p: &Piece, s: &Shape) -> Verdict {
    let (n, before, lex) = (s.n, s.before, ctx.lex);
    // Context around the piece.
    let after = ctx.lower.get(p.b).copied().unwrap_or("");
    let after2 = ctx.lower.get(p.b + 1).copied().unwrap_or("");
    let before2 = if p.a > 1 { ctx.lower[p.a - 2] } else { "" };
    if after == "-" && matches!(after2, "based" | "born") {
        return Some(Some((EntityType::Location, false, "location.based")));
    }
    if before == "of" && lex.place_nouns.contains(before2) {
        return Some(Some((
            EntityType::Location,
            false,
            "location.place-noun-of",
        )));
    }
    if lex.place_nouns.contains(after) && n <= 2 {
        return Some(Some((EntityType::Location, false, "location.place-noun")));
    }
    if n == 1
        && !ctx.caps_only
        && ctx.is_all_caps(p.a)
        && ctx.words[p.a].chars().filter(|c| c.is_alphabetic()).count() <= 6
    {
        if matches!(before, "a" | "an") {
            // "a UAV", "an IED": an acronym counted like a noun is a thing, not a name.
            return Some(None);
        }
        if orgs::is_code(ctx, p.a) {
            return Some(Some((EntityType::Other, false, orgs::CODE_RULE)));
        }
        return Some(Some((EntityType::Organization, false, "org.acronym")));
    }
    let personal = ctx.first_name_at(p.a) || ctx.in_class(s.head, class::SURNAME);
    if !personal && document::company_cue_after(ctx, p.b) {
        // "Halvik said its profit rose", "Halvik shares fell": a company.
        return Some(Some((EntityType::Organization, false, "org.company-cue")));
    }
    if n > 1 && listed!(SAY_VERBS, after) {
        return Some(Some((EntityType::Person, false, "person.says")));
    }
    let minute = ctx.table || ctx.results || ctx.sports;
    if n > 1 && ctx.tokens.get(p.b).map(|t| t.kind) == Some(TokenKind::Number) && !minute {
        // "Internet Explorer 6", "Falcon Heavy 2": a product and its version; in
        // a sports report the figure is a scorer's minute ("Ruud Kroon 55").
        return Some(None);
    }
    None
}

/// [`by_shape`]'s last word on a piece of several words with no other evidence.
#[inline]
fn by_name_of_words(ctx: &Ctx, p: &Piece, s: &Shape) -> Option<Typed> {
    let (last, before, lex) = (s.last, s.before, ctx.lex);
    if (p.a..p.b).any(|i| ctx.words[i].bytes().any(|b| b.is_ascii_digit())) {
        // "F-16 Fighting Falcon", "Windows 95": products and models, not names here.
        return None;
    }
    let common_last = ctx.in_class(s.head, class::COMMON)
        || is_common_plural(lex, last)
        || wording::ends_in_plural_noun(ctx, p.a, p.b);
    if before == "the" || (common_last && !ctx.in_class(s.head, class::SURNAME)) {
        // People are not "the Blue Rays", and their names rarely end in a common
        // noun ("Acme Recordings", "Shrine Auditorium"): a named group or body.
        return Some((EntityType::Organization, false, "org.default"));
    }
    if !ctx.caps_only && !ctx.headline && ctx.is_all_caps(p.a) {
        // "NAVCENT CTFs", "ANG Airmen": an acronym opening a name in running
        // text is a body's, not a person's given name.
        return Some((EntityType::Organization, false, "org.acronym-head"));
    }
    if !ctx.caps_only && !ctx.headline && acronym_tail(ctx, p.b - 1) {
        // "Crossroads GPS", "Priorities USA": people's names do not end in an
        // acronym other than a title ("Ann Lee MP") or a numeral ("John Roe III").
        return Some((EntityType::Organization, false, "org.acronym-tail"));
    }
    if matches!(before, "a" | "an") {
        // "a Civility Unicorn": a person is rarely counted with an article.
        return None;
    }
    Some((EntityType::Person, false, "person.default"))
}

/// Whether token `i` is an acronym of two to five capitals that is no title or
/// Roman numeral ("GPS", not "MP", "CEO" or "III").
fn acronym_tail(ctx: &Ctx, i: usize) -> bool {
    let letters = ctx.words[i].chars().filter(|c| c.is_alphabetic()).count();
    ctx.is_all_caps(i)
        && (2..=5).contains(&letters)
        && !ctx.words[i].contains('.')
        && !is_ordinal(ctx.lower[i])
        && ctx.lex.title_at(&ctx.lower[i..=i]) == 0
}

/// A piece no stage decided: the words around it, else a given name, else unknown
/// (settled by the document pass).
fn by_neighbours(ctx: &Ctx, p: &Piece, s: &Shape) -> Option<Typed> {
    let (before, lex) = (s.before, ctx.lex);
    let after = ctx.lower.get(p.b).copied().unwrap_or("");
    if ctx.headline {
        // "FAITH IN VANCE": a headline's wording is clipped; the word takes the
        // type the body gives it (the document pass), not its neighbours'.
        return Some((EntityType::Other, false, "unknown"));
    }
    if names::the_plural_group(ctx, p.a, p.b) {
        return Some((EntityType::Organization, false, "org.the-plural"));
    }
    if let Some(t) = names::after_direction(ctx, p.a) {
        return Some(t);
    }
    if document::business_object(ctx, p.a) {
        return Some((EntityType::Organization, false, "org.business-noun"));
    }
    if listed!(PLACE_PREPOSITIONS, before) {
        return Some((EntityType::Location, false, "location.preposition"));
    }

    if listed!(SAY_VERBS, after) {
        return Some((EntityType::Person, false, "person.says"));
    }
    // "X, Russia's ..." is a person and a country; "X, Russia," a town and its country.
    let place_follows = after == ","
        && ctx
            .gaz
            .get(p.b + 1)
            .copied()
            .flatten()
            .is_some_and(|(e, h)| {
                h.kind == SurfaceKind::Name
                    && lex.entries[h.entry].entity_type == EntityType::Location
                    && !matches!(ctx.words.get(e).copied(), Some("'" | "\u{2019}"))
            });
    if place_follows && !ctx.first_name_at(p.a) && !ctx.in_class(p.a, class::SURNAME) {
        // "Debden, England", "Mobile, Alabama": a town named with its region or country.
        return Some((EntityType::Location, false, "location.comma-place"));
    }
    if sides::player_club(ctx, p.a, p.b) {
        return Some((EntityType::Organization, false, "org.player-club"));
    }
    if !ctx.headline && !ctx.table && ctx.unambiguous_first_name_at(p.a) {
        // "his wife, Karen, ...", "Karen later wrote": a given name alone is a person
        // (a town that is also a given name is in the gazetteers, found before).
        return Some((EntityType::Person, false, "person.given-name"));
    }
    // One unknown capitalised word: settled by the document pass.
    Some((EntityType::Other, false, "unknown"))
}

/// Document-level consistency: single words take the type of the fuller names
/// they belong to, and unknown words the type they have elsewhere in the document.
pub fn settle(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    document::cut_leading_verbs(text, mentions, lex);
    sides_that_are_people(text, mentions);
    // Decided while the counts borrow the mentions' keys, then written.
    let changes = DocumentNames::gather(text, mentions, lex).retypes(text, mentions);
    for (mi, t, rule) in changes {
        let m = &mut mentions[mi];
        if rule == "person.surname-in-document" {
            m.gaz = None;
        }
        m.entity_type = t;
        m.rule = rule;
    }
    unknown_surnames_are_people(text, mentions, lex);
    coordinated(text, mentions, lex);
    document::companies_in_document(text, mentions, lex);
    teams_in_document(text, mentions, lex);
    junk::weaken_generic_heads(text, mentions);
}

/// What a document's mentions say of its words, counted for [`settle`].
struct DocumentNames<'m> {
    /// Last words of person names (and particle + last word).
    surnames: HashMap<String, usize>,
    /// First words of person names.
    first_names: HashMap<String, usize>,
    /// Keyed by the mentions' own keys: how often each type was given to the name.
    typed: HashMap<&'m str, TypeCounts>,
    /// Heads of organization names ("Nusra" of "Nusra Front").
    org_heads: HashMap<String, usize>,
}

impl<'m> DocumentNames<'m> {
    /// Counts the names of `mentions`.
    fn gather(text: &str, mentions: &'m [RawMention], lex: &Lexicon) -> Self {
        let mut names = DocumentNames {
            surnames: HashMap::default(),
            first_names: HashMap::default(),
            // Sized once: most mentions are typed, and their keys repeat.
            typed: HashMap::with_capacity_and_hasher(mentions.len(), Default::default()),
            org_heads: HashMap::default(),
        };
        for m in mentions {
            if m.entity_type == EntityType::Person && m.words.len() > 1 {
                names.count_person(text, m, lex);
            }
            if m.rule == "org.acronym-head" {
                // "NAVCENT CTFs" makes a lone "NAVCENT" the body too.
                let head = norm_key(&text[m.words[0].start..m.words[0].end]);
                *names.org_heads.entry(head).or_default() += 1;
            }
            if m.entity_type == EntityType::Organization && m.words.len() > 1 {
                names.count_org_head(text, m, lex);
            }
            if m.rule != "unknown" && !m.demonym {
                names.typed.entry(m.key.as_str()).or_default()[m.entity_type as usize] += 1;
            }
        }
        names
    }

    /// Counts the first and last words of a person's name of several words.
    fn count_person(&mut self, text: &str, m: &RawMention, lex: &Lexicon) {
        let mut words = m
            .words
            .iter()
            .map(|w| norm_key(&text[w.start..w.end]))
            .filter(|w| !w.is_empty() && !lex.particles.contains(w));
        if let Some(f) = words.next() {
            let l = words.next_back().unwrap_or_else(|| f.clone());
            *self.surnames.entry(l).or_default() += 1;
            *self.first_names.entry(f).or_default() += 1;
        }
        if let Some(last_two) = last_surname_with_particle(text, m, lex) {
            *self.surnames.entry(last_two).or_default() += 1;
        }
    }

    /// "Nusra Front" makes "Nusra" (al-Nusra) an organization.
    fn count_org_head(&mut self, text: &str, m: &RawMention, lex: &Lexicon) {
        let last =
            norm_key(&text[m.words[m.words.len() - 1].start..m.words[m.words.len() - 1].end]);
        // "Trump Administration", "Merkel government": bodies named after the
        // person who leads them do not make the person an organization.
        let led_by = matches!(
            last.as_str(),
            "administration" | "cabinet" | "campaign" | "government" | "presidency"
        );
        if lex.org_cues.contains(&last) && !led_by {
            let head = norm_key(&text[m.words[0].start..m.words[m.words.len() - 2].end]);
            if !head.is_empty() && !lex.common.contains(&head) {
                *self.org_heads.entry(head).or_default() += 1;
            }
        }
    }

    /// The single-word mentions to retype: (index, type, rule).
    fn retypes(
        &self,
        text: &str,
        mentions: &[RawMention],
    ) -> Vec<(usize, EntityType, &'static str)> {
        let mut changes = Vec::new();
        for (mi, m) in mentions.iter().enumerate() {
            if m.demonym || m.words.len() != 1 {
                continue;
            }
            let key = m.key.as_str();
            if self.surnames.contains_key(key)
                && m.entity_type != EntityType::Person
                && !is_initialism(&text[m.span.start..m.span.end])
            {
                // The gazetteer entry is dropped too (in `settle`).
                changes.push((mi, EntityType::Person, "person.surname-in-document"));
            } else if m.rule == "location.preposition" && person_elsewhere(self.typed.get(key)) {
                // "at the hands of Assad" where the document names Assad a person
                // more often than a place: the preposition was weak evidence.
                changes.push((mi, EntityType::Person, "consistency.document"));
            } else if m.rule == "unknown" {
                if let Some((t, rule)) = self.unknown_type(key) {
                    changes.push((mi, t, rule));
                }
            }
        }
        changes
    }

    /// The type of an unknown single word by its other uses in the document.
    fn unknown_type(&self, key: &str) -> Option<(EntityType, &'static str)> {
        if self.first_names.get(key) == Some(&1) {
            Some((EntityType::Person, "person.first-name-in-document"))
        } else if self.org_heads.contains_key(key) {
            Some((EntityType::Organization, "org.head-in-document"))
        } else {
            let types = self.typed.get(key)?;
            // The type given most often; of equal counts, the first in order.
            let most = ENTITY_TYPES
                .iter()
                .filter(|t| types[**t as usize] > 0)
                .max_by_key(|t| (types[**t as usize], std::cmp::Reverse(**t)))?;
            Some((*most, "consistency.document"))
        }
    }
}

/// Unknown single words left: a surname-looking word is a person; the rest stay
/// unknown for the corpus pass, which keeps them only if they name a known entity.
fn unknown_surnames_are_people(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    for m in mentions.iter_mut() {
        if m.rule == "unknown"
            && lex
                .surnames
                .contains(&text[m.span.start..m.span.end].to_lowercase())
        {
            m.entity_type = EntityType::Person;
            m.rule = "person.surname";
        }
    }
}

/// The document types a word as a person at least as often as a place, not
/// counting the mention asked about (a place by its preposition).
fn person_elsewhere(types: Option<&TypeCounts>) -> bool {
    types.is_some_and(|t| t[EntityType::Person as usize] >= t[EntityType::Location as usize])
}

/// How many mentions of a name have each type, indexed by `EntityType as usize`.
type TypeCounts = [usize; 4];

/// Every type, in the order of `EntityType` (the index of [`TypeCounts`]).
const ENTITY_TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Other,
];

/// A name the document shows as a person ("President Vance", "Mark Vance") is a
/// candidate in a poll table ("Vance 48 Orlov 45"), not a side.
fn sides_that_are_people(text: &str, mentions: &mut [RawMention]) {
    if !mentions.iter().any(|m| m.rule == TEAM_RULE) {
        return;
    }
    let people: rustc_hash::FxHashSet<String> = mentions
        .iter()
        .filter(|m| {
            m.entity_type == EntityType::Person
                && !matches!(
                    m.rule,
                    "person.default" | "person.says" | "person.given-name"
                )
        })
        .map(|m| match m.words.last() {
            Some(w) if m.words.len() > 1 => norm_key(&text[w.start..w.end]),
            _ => m.key.clone(),
        })
        .collect();
    for m in mentions.iter_mut() {
        if m.rule == TEAM_RULE && m.words.len() == 1 && people.contains(&m.key) {
            m.entity_type = EntityType::Person;
            m.rule = "person.in-document";
        }
    }
}

/// A town or given name that the document shows as a side (in a results line or
/// a match report, or as a word of a club's name: "Sporting Lena" ... "Lena") is
/// the side wherever it stands alone, but not after "in", "at" or "from", nor in
/// the dateline ("LEEDS 1996-08-30"). In a report on a team sport every town
/// standing so is a side.
fn teams_in_document(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    let sports = sides::sports_report(text);
    let teams = sides::team_keys(text, mentions, lex);
    if teams.is_empty() && !sports {
        return;
    }
    for m in mentions.iter_mut() {
        let town = m.rule == "gazetteer" && m.gaz.is_some_and(|g| sides::town_entry(lex, g));
        let open = match m.rule {
            "gazetteer" => m.gaz.is_some_and(|g| {
                lex.entries[g].entity_type == EntityType::Location && !lex.is_country(g)
            }),
            "unknown" | "person.given-name" | "consistency.document" => true,
            _ => false,
        };
        let known = teams.contains(&m.key) || (sports && town);
        if !open || m.demonym || !known {
            continue;
        }
        let before = text[..m.span.start].trim_end_matches([' ', '\t']);
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let line_start = before.is_empty() || before.ends_with('\n');
        let after = text[m.span.end..].trim_start_matches([' ', '\t']);
        // "LEEDS 1996-08-30", "LEEDS , England (Reuters) -", but not "Leeds , who".
        let region_after = after
            .strip_prefix(',')
            .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase));
        let dateline = (line_start
            && (after.starts_with(|c: char| c.is_ascii_digit()) || region_after))
            || sides::in_dateline(text, m.span);
        if listed!(PLACE_PREPOSITIONS, &prev_word) || dateline {
            continue;
        }
        m.entity_type = EntityType::Organization;
        m.gaz = None;
        m.rule = "org.team-in-document";
    }
}

/// An unknown single word listed with a typed name ("Reston and Herndon",
/// "Fairfax, Reston and Herndon") takes its type: one pass forward, one back,
/// so a whole list follows its one known member.
fn coordinated(text: &str, mentions: &mut [RawMention], lex: &Lexicon) {
    let linked = |a: &RawMention, b: &RawMention| {
        if a.sentence != b.sentence || a.span.end > b.span.start {
            return false;
        }
        let gap = text[a.span.end..b.span.start].trim();
        matches!(gap, "and" | "or" | ", and" | ", or")
    };
    let source = |m: &RawMention| {
        m.rule != "unknown"
            && !m.demonym
            && matches!(
                m.entity_type,
                EntityType::Person | EntityType::Organization | EntityType::Location
            )
    };
    let open = |m: &RawMention| {
        let w = &text[m.span.start..m.span.end];
        m.rule == "unknown"
            && m.words.len() == 1
            && w.chars().count() > 1
            && !w.ends_with('.')
            && !lex.is_common(w)
    };
    // "Department of Physics and Astronomy": the word ends the name, not a list.
    let name_of = |m: &RawMention| text[m.span.start..m.span.end].contains(" of ");
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let (prev, m) = (&before[i - 1], &mut rest[0]);
        // Cheapest first: `open` asks the lexicon; most mentions are typed.
        if source(prev) && m.rule == "unknown" && linked(prev, m) && open(m) && !name_of(prev) {
            m.entity_type = prev.entity_type;
            m.rule = "coordination";
        }
    }
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        let (head, rest) = mentions.split_at_mut(i + 1);
        let (m, next) = (&mut head[i], &rest[0]);
        if m.rule == "unknown" && source(next) && linked(m, next) && open(m) {
            m.entity_type = next.entity_type;
            m.rule = "coordination";
        }
    }
}

/// "de Mistura" for "Staffan de Mistura": the surname with its particle.
fn last_surname_with_particle(text: &str, m: &RawMention, lex: &Lexicon) -> Option<String> {
    let n = m.words.len();
    if n < 3 {
        return None;
    }
    let p = norm_key(&text[m.words[n - 2].start..m.words[n - 2].end]);
    if lex.particles.contains(&p) {
        Some(norm_key(&text[m.words[n - 2].start..m.words[n - 1].end]))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions of a text as (surface, type, rule), after the document pass.
    pub(super) fn found(text: &str) -> Vec<(String, EntityType, &'static str)> {
        use crate::text::{lines, split_sentences};
        let lex = Lexicon::builtin();
        let ls = lines(text);
        let skip = crate::clean::boilerplate_lines(text, &ls, lex);
        let mut ss = Vec::new();
        for (i, &l) in ls.iter().enumerate() {
            split_sentences(text, l, i, &mut ss);
        }
        let mut raw = recognize(text, &ss, &skip, lex);
        settle(text, &mut raw, lex);
        raw.iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    m.entity_type,
                    m.rule,
                )
            })
            .collect()
    }

    #[test]
    fn a_time_zone_after_a_clock_time_is_no_name() {
        let text =
            "The debate starts at 9 p.m. ET on Tuesday in Denver. Trading closed at 1400 GMT.";
        let names: Vec<String> = found(text).into_iter().map(|(s, _, _)| s).collect();
        assert!(names.contains(&"Denver".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n == "ET" || n == "GMT"), "{names:?}");
    }

    pub(super) fn type_of(text: &str, name: &str) -> Option<EntityType> {
        found(text)
            .into_iter()
            .find(|(s, _, _)| s == name)
            .map(|(_, t, _)| t)
    }

    #[test]
    fn a_title_word_after_a_given_name_is_a_surname() {
        let text = "We met Andrew Sant and Mary Bishop yesterday, then Bishop Desmond Tutu.";
        assert_eq!(type_of(text, "Andrew Sant"), Some(EntityType::Person));
        assert_eq!(type_of(text, "Mary Bishop"), Some(EntityType::Person));
        assert_eq!(type_of(text, "Desmond Tutu"), Some(EntityType::Person));
    }

    #[test]
    fn a_given_name_alone_inside_a_sentence_is_a_person() {
        let text = "With his second wife, Karen, he moved to a farm.\nKaren later wrote a book.";
        let f = found(text);
        assert_eq!(
            f.iter()
                .filter(|(s, t, _)| s == "Karen" && *t == EntityType::Person)
                .count(),
            2,
            "{f:?}"
        );
        // Ambiguous given names that are common words stay out: "Will" is not a person here.
        assert_ne!(
            type_of("He said that Will power matters.", "Will"),
            Some(EntityType::Person)
        );
    }

    #[test]
    fn a_town_before_a_comma_and_a_known_place_is_a_place() {
        let text =
            "The convoy left Qarbetti, Syria, at dawn. Officials met Lavrov, Russia's envoy.";
        assert_eq!(type_of(text, "Qarbetti"), Some(EntityType::Location));
        assert_ne!(type_of(text, "Lavrov"), Some(EntityType::Location));
    }

    #[test]
    fn a_closing_ordinal_does_not_hide_the_head_word() {
        let text = "Her grandfather served in World War II and met Pope Pius XII in Rome.";
        assert_eq!(type_of(text, "World War II"), Some(EntityType::Other));
        assert_eq!(type_of(text, "Pius XII"), Some(EntityType::Person));
        assert!(is_ordinal("xiv") && is_ordinal("11") && !is_ordinal("vixen") && !is_ordinal(""));
    }

    #[test]
    fn hyphenated_pairs_of_known_names_are_split() {
        let text = "Officials said the UK-France talks on the Iran-Iraq border went well.\n\
                    Later, Jean-Pierre Morel flew from Guinea-Bissau to Baden-Württemberg.";
        let f = found(text);
        let names: Vec<&str> = f.iter().map(|(s, _, _)| s.as_str()).collect();
        for n in [
            "UK",
            "France",
            "Iran",
            "Iraq",
            "Guinea-Bissau",
            "Baden-Württemberg",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        assert!(!names.contains(&"UK-France"), "{names:?}");
        assert!(!names.contains(&"Jean"), "{names:?}");
        // Part of a longer name: left whole.
        let f = found("Leaders met at the UK-France Summit in Amiens.");
        assert!(!f.iter().any(|(s, _, _)| s == "UK"), "{f:?}");
    }

    #[test]
    fn an_unknown_word_coordinated_with_a_typed_name_takes_its_type() {
        let text = "Commuters drove between Paris and Quorvelle every day.\n\
                    The Department of Physics and Astronomy opened a lab.";
        assert_eq!(type_of(text, "Quorvelle"), Some(EntityType::Location));
        let f = found(text);
        assert!(
            !f.iter()
                .any(|(s, _, r)| s == "Astronomy" && *r == "coordination"),
            "{f:?}"
        );
    }

    #[test]
    fn countries_paired_by_a_hyphen_are_governments_unless_a_place_noun_follows() {
        let text = "The ministers praised the UK-France talks and a U.S.-Iraq partnership.\n\
                    Troops massed on the Iran-Iraq border.";
        let f = found(text);
        let ty = |name: &str, nth: usize| {
            f.iter()
                .filter(|(s, _, _)| s == name)
                .nth(nth)
                .map(|(_, t, _)| *t)
        };
        assert_eq!(ty("UK", 0), Some(EntityType::Organization), "{f:?}");
        assert_eq!(ty("France", 0), Some(EntityType::Organization), "{f:?}");
        assert_eq!(ty("U.S.", 0), Some(EntityType::Organization), "{f:?}");
        assert_eq!(ty("Iraq", 0), Some(EntityType::Organization), "{f:?}");
        assert_eq!(ty("Iran", 0), Some(EntityType::Location), "{f:?}");
        assert_eq!(ty("Iraq", 1), Some(EntityType::Location), "{f:?}");
    }

    #[test]
    fn unknown_runs_after_the_or_ending_in_a_common_noun_are_not_people() {
        let text = "Tickets sold out after the Hollow Marmots played at Quorrin Theatre last week.";
        assert_eq!(
            type_of(text, "Hollow Marmots"),
            Some(EntityType::Organization)
        );
        assert_eq!(
            type_of(text, "Quorrin Theatre"),
            Some(EntityType::Organization)
        );
        assert_eq!(
            type_of(
                "The talk was given by Quorrin Vasht on Monday.",
                "Quorrin Vasht"
            ),
            Some(EntityType::Person)
        );
    }

    #[test]
    fn place_names_inside_longer_names() {
        let text = "The Toronto Quillbacks beat a team from the University of Ottawa. \
                    Later Michael Jordan met the envoy for Syria Staffan de Mistura.";
        let f = found(text);
        let has = |name: &str, t: EntityType| f.iter().any(|(s, ty, _)| s == name && *ty == t);
        assert!(has("Toronto Quillbacks", EntityType::Organization), "{f:?}");
        assert!(
            has("University of Ottawa", EntityType::Organization),
            "{f:?}"
        );
        assert!(has("Michael Jordan", EntityType::Person), "{f:?}");
        assert!(has("Syria", EntityType::Location), "{f:?}");
        assert!(has("Staffan de Mistura", EntityType::Person), "{f:?}");
        assert_eq!(
            type_of("Ferries sail to the Isle of Man daily.", "Isle of Man"),
            Some(EntityType::Location)
        );
    }

    #[test]
    fn nationality_language_and_religion_words_are_not_reported() {
        let text = "The Welsh poet wrote in Latin, a Roman Catholic convert drawn to Buddhism, \
                    and met Tamsin Orrell of the Catholic Church.";
        let f = found(text);
        for w in ["Welsh", "Latin", "Roman Catholic", "Buddhism"] {
            assert!(!f.iter().any(|(s, _, _)| s == w), "{w}: {f:?}");
        }
        assert!(f.iter().any(|(s, _, _)| s == "Catholic Church"), "{f:?}");
        assert!(f.iter().any(|(s, _, _)| s == "Tamsin Orrell"), "{f:?}");
    }

    #[test]
    fn given_names_and_initials_before_a_place_name_make_a_person() {
        let text = "Col. Maria T. Lyons briefed us. Later Lyons said the work was done.";
        let f = found(text);
        assert!(
            f.iter()
                .any(|(s, t, _)| s == "Maria T. Lyons" && *t == EntityType::Person),
            "{f:?}"
        );
        assert!(
            f.iter()
                .any(|(s, t, _)| s == "Lyons" && *t == EntityType::Person),
            "{f:?}"
        );
    }

    #[test]
    fn a_common_word_is_a_surname_when_the_document_gives_the_full_name() {
        let f = found("Press secretary Dana Cook spoke first. The talks went well, Cook said.");
        assert!(
            f.iter()
                .any(|(s, t, _)| s == "Cook" && *t == EntityType::Person),
            "{f:?}"
        );
    }

    #[test]
    fn operations_and_counted_acronyms_are_not_organizations() {
        let f =
            found("Jets flew as part of Operation Quiet Harbor and hit a UAV site run by the QRF.");
        let has = |name: &str, t: EntityType| f.iter().any(|(s, ty, _)| s == name && *ty == t);
        assert!(has("Operation Quiet Harbor", EntityType::Other), "{f:?}");
        assert!(has("QRF", EntityType::Organization), "{f:?}");
        assert!(!f.iter().any(|(s, _, _)| s == "UAV"), "{f:?}");
    }

    #[test]
    fn model_numbers_are_not_names() {
        assert_eq!(
            type_of(
                "Pilots flew the F-22 Raptor and the XR-7 Zephyr over the coast.",
                "XR-7 Zephyr"
            ),
            None
        );
    }

    #[test]
    fn fixed_tables_are_sorted() {
        for t in [
            CALENDAR,
            TITLE_CASE_LOWER,
            TIME_ZONES,
            LEADING_FUNCTION,
            OF_HEADS,
            PLACE_OF_HEADS,
            SAY_VERBS,
            PLACE_PREPOSITIONS,
            CLUB_PREFIXES,
            CLUB_ABBREVIATIONS,
            TEAM_ROLES,
            RESULT_VERBS,
            ORG_NOUNS,
            TRAILING_FUNCTION,
        ] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{t:?}");
        }
    }

    #[test]
    fn listed_agrees_with_a_search_of_the_list() {
        let probes = [
            "",
            "a",
            "ab",
            "about",
            "abouts",
            "zz",
            "the",
            "them",
            "th",
            "thé",
            "é",
            "zé",
            "in",
            "into",
            "inn",
            "sept",
            "september",
            "sep",
            "may",
            "ma",
            "wednesday",
            "wed",
            "The",
            "MAY",
            "1st",
            "a.",
            "et",
            "est",
            "ets",
            "u.s.",
            "seventeenthcentury",
            "atlético",
            "atletico",
            "ff",
            "of",
            "off",
            "she",
            "sh",
        ];
        macro_rules! check {
            ($($list:expr),*) => {$(
                for w in $list.iter().copied().chain(probes) {
                    assert_eq!(listed!($list, w), $list.contains(&w), "{w:?}");
                }
            )*};
        }
        check!(
            CALENDAR,
            TITLE_CASE_LOWER,
            TIME_ZONES,
            LEADING_FUNCTION,
            OF_HEADS,
            PLACE_OF_HEADS,
            SAY_VERBS,
            PLACE_PREPOSITIONS,
            CLUB_PREFIXES,
            TEAM_ROLES,
            RESULT_VERBS,
            ORG_NOUNS,
            TRAILING_FUNCTION
        );
    }

    #[test]
    fn pairs_hold_each_word_and_say_no_to_others() {
        let list = ["a", "an", "at", "u.s.", "ze"];
        let p = pairs(&list);
        for w in list {
            assert!(may_pair(&p, w), "{w}");
        }
        for w in ["b", "ab", "ub", "u", "zed", "z", "", "A", "Ze", "éa"] {
            let expected = matches!(w, "u" | "zed");
            assert_eq!(may_pair(&p, w), expected, "{w}");
        }
    }

    #[test]
    fn given_names_asked_by_their_lower_case_agree_with_the_lexicon() {
        let lex = Lexicon::builtin();
        let mut words: Vec<String> = lex.first_names.iter().take(300).cloned().collect();
        words.extend(lex.ambiguous_first_names.iter().take(300).cloned());
        words.extend(lex.common.iter().take(300).cloned());
        words.extend(["Zoë", "İlhan", "MARY", "Jean-Luc", "the"].map(String::from));
        for w in &words {
            for form in [w.clone(), title_case(w), w.to_uppercase()] {
                let l = lowercase(&form);
                let classes = lex.classes_of(&l);
                assert_eq!(
                    classes & class::GIVEN != 0,
                    lex.is_first_name(&form),
                    "{form}"
                );
                assert_eq!(
                    classes & class::UNAMBIGUOUS_GIVEN != 0,
                    lex.is_unambiguous_first_name(&form),
                    "{form}"
                );
            }
        }
    }

    #[test]
    fn a_title_is_found_wherever_the_words_end() {
        // Ctx::title_len asks the lexicon of the rest of the sentence first: it
        // must agree with asking of the words alone.
        let lex = Lexicon::builtin();
        for text in [
            "Secretary of State John Kerry met Vice President Joe Biden and Sen. Ann Roe.",
            "The former prime minister, Prime Minister May, said the president would go.",
            "Chief Executive Officer Tim Cook and Attorney General Bill Barr spoke.",
        ] {
            let tokens = crate::text::tokenize(text, crate::model::Span::new(0, text.len()));
            let lower: Vec<String> = tokens
                .iter()
                .map(|t| lowercase(&text[t.span.start..t.span.end]))
                .collect();
            let mut found = 0;
            for from in 0..lower.len() {
                let rest = lex.title_at(&lower[from..]);
                for to in from..=lower.len() {
                    let here = lex.title_at(&lower[from..to]);
                    found += usize::from(here > 0);
                    assert!(rest > 0 || here == 0, "{:?}", &lower[from..to]);
                }
            }
            assert!(found > 0, "{text}");
        }
    }

    #[test]
    fn a_sentence_opening_word_that_names_nothing_is_dropped_and_a_name_is_not() {
        let names = |text: &str| -> Vec<String> { found(text).into_iter().map(|m| m.0).collect() };
        assert_eq!(names("The talks went on."), Vec::<String>::new());
        assert_eq!(names("But the talks went on."), Vec::<String>::new());
        assert!(names("Obama said the talks went on.").contains(&"Obama".to_string()));
        assert!(names("Kerry went home.").contains(&"Kerry".to_string()));
    }

    #[test]
    fn in_sorted_agrees_with_a_binary_search() {
        let probes = [
            "",
            "a",
            "ab",
            "about",
            "abouts",
            "zz",
            "the",
            "them",
            "th",
            "thé",
            "é",
            "zé",
            "in",
            "into",
            "inn",
            "sept",
            "september",
            "sep",
            "may",
            "ma",
            "wednesday",
            "wed",
        ];
        let lists: [&[&str]; 6] = [
            CALENDAR,
            TITLE_CASE_LOWER,
            ORG_NOUNS,
            TRAILING_FUNCTION,
            &[],
            &["x"],
        ];
        for t in lists {
            for w in t.iter().copied().chain(probes) {
                assert_eq!(
                    in_sorted(t, w),
                    t.binary_search(&w).is_ok(),
                    "{w:?} in {t:?}"
                );
            }
        }
    }

    #[test]
    fn all_caps_by_bytes_agrees_with_the_reading_by_characters() {
        for w in [
            "", "A", "AB", "Ab", "aB", "NATO", "U.S.", "U.", "A1", "F-16", "ÉTÉ", "ÉtÉ", "É", "XÉ",
            "MÜLLER", "Müller", "'S", "42", "A.B", "ΔΣ", "Δσ",
        ] {
            assert_eq!(is_all_caps(w), is_all_caps_chars(w), "{w:?}");
        }
    }

    #[test]
    fn hyphenated_names_are_split_alike_looking_only_near_the_hyphens() {
        let lex = Lexicon::builtin();
        let texts = [
            "The UK-France talks and the Iran-Iraq border were named.",
            "He met the Hillary Clinton-Bernie Sanders race on Monday - then left.",
            "Ted Cruz-Marco Rubio feud, a well-known Guinea-Bissau story, and US-China.",
            "No hyphen here at all.",
            "A-B C-D E-F, Jean-Pierre and Kim Jong-un met in Syria-based Osijek-Baranja County.",
            "India-Pakistan",
            "-",
            "self-made Russia-Ukraine-Belarus ties \u{2010} France\u{2011}Germany talks",
        ];
        for text in texts {
            let tokens = crate::text::tokenize(text, Span::new(0, text.len()));
            let hits = lex.find(text);
            let mut hyphens = Vec::new();
            hyphen_offsets(text, &tokens, &mut hyphens);
            let all = 0..tokens.len();
            let near = hyphen_window(&tokens, &hyphens);
            assert!(near.start <= near.end && near.end <= tokens.len());
            assert_eq!(
                split_name_pairs_in(text, &tokens, &hits, &hyphens, all.clone()),
                split_name_pairs(text, &tokens, &hits, &hyphens),
                "{text}"
            );
            assert_eq!(
                split_paired_people_in(text, &tokens, &hyphens, lex, all.clone()),
                split_paired_people(text, &tokens, &hyphens, lex),
                "{text}"
            );
            assert_eq!(
                join_name_syllables(text, &tokens, lex),
                join_name_syllables_near(text, &tokens, lex, near.clone()),
                "{text}"
            );
            // Every token holding a hyphen is in the window.
            for (i, t) in tokens.iter().enumerate() {
                if hyphens.iter().any(|&p| t.span.start <= p && p < t.span.end) {
                    assert!(near.contains(&i), "{text} {i}");
                }
            }
        }
    }

    #[test]
    fn hyphen_offsets_find_every_hyphen_and_no_dash() {
        let text = "Jean-Pierre met \u{2018}Abdel\u{2010}Rahman\u{2019} \u{2014} Kim Jong\u{2011}un - twice.";
        let tokens = crate::text::tokenize(text, Span::new(0, text.len()));
        let mut offsets = vec![7];
        hyphen_offsets(text, &tokens, &mut offsets);
        let expected: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| is_hyphen(*c))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(offsets.len(), 4);
        assert_eq!(offsets, expected);
        for t in &tokens {
            let w = &text[t.span.start..t.span.end];
            assert_eq!(
                holds_hyphen(&offsets, t.span),
                w.contains(is_hyphen),
                "{w:?}"
            );
        }
        hyphen_offsets("", &[], &mut offsets);
        assert!(offsets.is_empty());
    }

    #[test]
    fn contractions_are_found_with_either_apostrophe_and_plain_words_are_not() {
        let lex = Lexicon::builtin();
        for w in [
            "we're",
            "they\u{2019}ve",
            "don't",
            "it'd",
            "i'm",
            "won\u{2019}t",
        ] {
            assert!(is_contraction(lex, w), "{w:?}");
        }
        for w in [
            "were",
            "o'neil",
            "rock'n'roll",
            "caf\u{e9}",
            "\u{201c}we",
            "",
            "'re",
        ] {
            assert!(!is_contraction(lex, w), "{w:?}");
        }
    }

    #[test]
    fn entity_types_are_listed_in_their_order() {
        for (k, t) in ENTITY_TYPES.iter().enumerate() {
            assert_eq!(*t as usize, k);
        }
    }
}
#[cfg(test)]
mod headline_tests {
    use super::*;
    use crate::text::{lines, split_sentences};

    fn headlines(text: &str) -> Vec<bool> {
        let ls = lines(text);
        let mut ss = Vec::new();
        for (i, &l) in ls.iter().enumerate() {
            split_sentences(text, l, i, &mut ss);
        }
        headline_lines(text, &ss, ls.len())
    }

    #[test]
    fn title_case_lines_are_headlines_and_sentences_are_not() {
        assert_eq!(
            headlines("Kerry, Lavrov Will Again Confer on Syrian Cease-fire\nGerman Chancellor Angela Merkel met him.\nUS, Russia Exploring Ways to Break Deadlock Over Syria"),
            vec![true, false, true]
        );
    }

    #[test]
    fn a_list_with_names_in_brackets_is_no_headline() {
        assert_eq!(
            headlines("Squad : Tim Stamford ( Bath ) , John Pelham ( Leicester ) , Lee Dacre\nNew Rules ( Draft ) Worry Local Farmers"),
            vec![false, true]
        );
    }
}

#[cfg(test)]
mod buffer_tests {
    use super::*;

    #[test]
    fn emptied_words_keep_their_allocation() {
        let text = String::from("one two three");
        let words: Vec<&str> = text.split(' ').collect();
        let capacity = words.capacity();
        let kept = emptied(words);
        assert!(kept.is_empty());
        assert_eq!(kept.capacity(), capacity);
    }

    #[test]
    fn refill_replaces_the_items() {
        let mut buf = vec![1, 2, 3];
        let v = refill(&mut buf, [7, 8].into_iter());
        assert_eq!(v, vec![7, 8]);
        assert!(buf.is_empty());
    }
}
