//! Where a name's span begins and ends when the words around it are no plain
//! capitalised run: a nickname in quotes inside a person's name, the number of a
//! military unit, an Arabic article before a place, a ship's prefix, two people
//! joined by "&".

use super::{Ctx, Piece};
use crate::lexicon::class;
use crate::lexicon::SurfaceKind;
use crate::model::EntityType;
use crate::text::TokenKind;

/// Prefixes of ships' names ("USS Mahan", "HMS Daring"): a vessel is no person,
/// organization or place (CoNLL's MISC). Not "SS", which is also a body.
const SHIP_PREFIXES: &[&str] = &[
    "ARA", "FS", "HMAS", "HMC", "HMCS", "HMNZS", "HMS", "INS", "MV", "RFA", "RMS", "USNS", "USS",
];

/// Closing words of military units, which take the unit's number ("65th Air
/// Division", "3 Commando Brigade") as part of the name (sorted).
const UNIT_HEADS: &[&str] = &[
    "airborne",
    "army",
    "battalion",
    "battery",
    "brigade",
    "command",
    "corps",
    "division",
    "fleet",
    "flotilla",
    "force",
    "group",
    "regiment",
    "squadron",
    "wing",
];

/// Arabic articles written as a capitalised word before a place ("Ar Raqqah",
/// "As Sulaymaniyah", "Al Anbar") (sorted).
const ARABIC_ARTICLES: &[&str] = &["ad", "al", "an", "ar", "as", "ash", "at", "az", "el"];

/// Token `i` is a ship's prefix.
pub(super) fn is_ship_prefix(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.words[i];
    // Every prefix is two to five capitals: most words are not searched for.
    ctx.tokens[i].kind == TokenKind::Word
        && (2..=5).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && super::in_sorted(SHIP_PREFIXES, w)
}

/// The piece names a ship: it opens with a ship's prefix followed by a name, or
/// the prefix stands right before it.
pub(super) fn is_ship(ctx: &Ctx, p: &Piece) -> bool {
    (p.b - p.a >= 2 && is_ship_prefix(ctx, p.a)) || (p.a > 0 && is_ship_prefix(ctx, p.a - 1))
}

/// Where a quoted nickname inside a person's name ends: at `j` an opening quote,
/// one or two capitalised words, the closing quote and a capitalised surname
/// ("John \"J.D.\" Dorrian", "Thomas 'Tip' O'Neill"), after a run `a..j` that
/// holds a given name. Returns the index of the surname.
pub(super) fn nickname_end(ctx: &Ctx, a: usize, j: usize) -> Option<usize> {
    let open = |w: &str| matches!(w, "\"" | "\u{201c}" | "'" | "\u{2018}");
    let close = |w: &str| matches!(w, "\"" | "\u{201d}" | "'" | "\u{2019}");
    if j == a || j - a > 4 || !open(ctx.words.get(j)?) {
        return None;
    }
    let given = (a..j).any(|i| ctx.first_name_at(i));
    if !given || !ctx.is_upper_initial(j - 1) {
        return None;
    }
    let q = (j + 1..(j + 4).min(ctx.words.len())).find(|&i| close(ctx.words[i]))?;
    let inner_ok = q > j + 1
        && (j + 1..q).all(|i| ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i));
    let surname = q + 1;
    let surname_ok = surname < ctx.words.len()
        && ctx.tokens[surname].kind == TokenKind::Word
        && ctx.is_upper_initial(surname)
        && ctx.cap(surname);
    (inner_ok && surname_ok).then_some(surname)
}

/// Ordinals written as words before a unit ("Fourth Air Force", "Fifth Fleet").
const ORDINAL_WORDS: &[&str] = &[
    "eighth", "eleventh", "fifth", "first", "fourth", "ninth", "second", "seventh", "sixth",
    "tenth", "third", "twelfth",
];

/// The number before a military unit's name that belongs to it: "65th" of
/// "65th Air Division", "3" of "3 Commando Brigade", "Fourth" of "Fourth Air
/// Force", "93d" of "93d PVI" (an ordinal before a regiment's initials).
/// Returns the token to start the piece at.
pub(super) fn unit_number_start(ctx: &Ctx, p: &Piece) -> Option<usize> {
    let n = p.a.checked_sub(1)?;
    if ctx.tokens[n].span.end >= ctx.tokens[p.a].span.start {
        return None;
    }
    let head = ctx.lower[p.b - 1];
    let unit = listed!(UNIT_HEADS, head);
    if ctx.tokens[n].kind == TokenKind::Word {
        let word = listed!(ORDINAL_WORDS, ctx.lower[n]) && ctx.is_upper_initial(n);
        return (unit && word).then_some(n);
    }
    if ctx.tokens[n].kind != TokenKind::Number {
        return None;
    }
    let w = ctx.lower[n];
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th" | "d");
    let plain = suffix.is_empty() && digits.len() <= 3;
    let initials = p.b - p.a == 1 && ctx.is_all_caps(p.a);
    let numeral = !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit());
    (numeral && ((unit && (ordinal || plain)) || (initials && ordinal))).then_some(n)
}

/// "Ar Raqqah", "Al Anbar": an Arabic article written as a capitalised word of
/// its own, then a known place, is one place name. The article is the last
/// word of `prev` ("Near Ar" + "Raqqah"). A sentence's first word is English
/// ("As Baghdad burned").
pub(super) fn article_place(ctx: &Ctx, prev: &Piece, p: &Piece) -> bool {
    let art = prev.b - 1;
    prev.b == p.a
        && prev.gaz.is_none()
        && prev.forced.is_none()
        && listed!(ARABIC_ARTICLES, ctx.lower[art])
        && ctx.is_upper_initial(art)
        && !ctx.is_sentence_initial(art)
        && !p.title_before
        && p.gaz.is_some_and(|h| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
        })
}

/// Where a run of two people joined by "&" splits ("David Ross & Lee Tate"):
/// a given name and a surname on each side of the "&", one given name known for
/// certain. Company names with "&" ("Marks & Spencer", "Simon & Schuster") have
/// one word on a side.
pub(super) fn people_ampersand(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let amp = (a + 2..b.saturating_sub(2)).find(|&i| ctx.words[i] == "&")?;
    let person = |x: usize, y: usize| {
        y - x >= 2
            && ctx.first_name_at(x)
            && (x..y).all(|i| ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i))
    };
    let known = ctx.unambiguous_first_name_at(a) || ctx.unambiguous_first_name_at(amp + 1);
    (known && person(a, amp) && person(amp + 1, b)).then_some(amp)
}

/// Where a headline's "&" between two surnames splits ("Obama & Romney:"): a run
/// of one word, "&" and one word, both listed surnames, different, and neither a
/// known name. Companies named after two founders ("Marks & Spencer", "Procter &
/// Gamble") are in the gazetteer; in the body the "&" stays inside the name.
pub(super) fn headline_surnames_ampersand(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let surname = |i: usize| {
        ctx.tokens[i].kind == TokenKind::Word
            && ctx.gaz[i].is_none()
            && ctx.is_upper_initial(i)
            && ctx.in_class(i, class::SURNAME)
    };
    let split = ctx.headline
        && b == a + 3
        && ctx.words[a + 1] == "&"
        && ctx.lower[a] != ctx.lower[a + 2]
        && surname(a)
        && surname(a + 2);
    split.then_some(a + 1)
}

/// "Greenwich Mean Time", "Eastern Standard Time", "British Summer Time": the
/// name of a time zone, a clock reading's label and no place or body.
pub(super) fn is_time_zone_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    b - a >= 2
        && ctx.lower[b - 1] == "time"
        && matches!(
            ctx.lower[b - 2],
            "mean" | "standard" | "summer" | "daylight"
        )
}

/// Plurals of service people ("Reserve Airmen", "Citizen Guardsmen"): a name
/// ending in one is a group of them, never one person (sorted).
const SERVICE_PLURALS: &[&str] = &[
    "airmen",
    "guardsmen",
    "militiamen",
    "reservists",
    "sailors",
    "seamen",
    "servicemen",
    "soldiers",
    "troops",
];

/// The piece's last word is a plural of service people.
pub(super) fn ends_in_service_plural(ctx: &Ctx, b: usize) -> bool {
    listed!(SERVICE_PLURALS, ctx.lower[b - 1])
}

#[cfg(test)]
mod tests {
    use super::SHIP_PREFIXES;

    #[test]
    fn ship_prefixes_are_sorted_short_capitals() {
        assert!(SHIP_PREFIXES.windows(2).all(|w| w[0] < w[1]));
        for p in SHIP_PREFIXES {
            assert!((2..=5).contains(&p.len()), "{p}");
            assert!(p.bytes().all(|b| b.is_ascii_uppercase()), "{p}");
        }
    }
}
