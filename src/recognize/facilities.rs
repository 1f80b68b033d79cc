//! Facilities, landmarks and places named by the words around them, typed as
//! CoNLL-style news annotation has them: a building or ground people go to
//! (stadium, airport, convention centre, memorial hall) is a place; an
//! institution housed in one (museum, university, hospital) is an organization
//! by its own cue word. Countries stay places whatever they do.

use super::{names, Ctx, Piece};
use crate::lexicon::class;
use crate::lexicon::SurfaceKind;
use crate::model::EntityType;

/// Words before "Center" or "Centre" that make a venue, not a body: "Santa
/// Clara Convention Center", "Kennedy Space Center" (sorted).
const CENTRE_WORDS: &[&str] = &[
    "civic",
    "conference",
    "convention",
    "events",
    "exhibition",
    "leisure",
    "shopping",
    "space",
    "sports",
    "trade",
    "visitor",
    "visitors",
];

/// Words before "Hall" that make a venue, not a surname: "City Hall",
/// "Carnegie Concert Hall", "Lincoln Memorial Hall" (sorted).
const HALL_WORDS: &[&str] = &[
    "assembly",
    "city",
    "concert",
    "constitution",
    "exhibition",
    "festival",
    "memorial",
    "music",
    "town",
];

/// Words right before a name that place it: "near Ayn Isa", "outside Al Qaim"
/// (sorted). Not "at", "from" or "to", which come before people and companies.
const NEAR_WORDS: &[&str] = &["near", "outside", "toward", "towards"];

/// A venue named "<...> Convention Center", "<...> Space Centre", "<...>
/// Memorial Hall": a place.
pub(super) fn is_venue(ctx: &Ctx, a: usize, b: usize) -> bool {
    let words = match ctx.lower[b - 1] {
        "center" | "centre" => CENTRE_WORDS,
        "hall" => HALL_WORDS,
        _ => return false,
    };
    b - a >= 2 && super::in_sorted(words, ctx.lower[b - 2])
}

/// Compass adjectives before a region: "northern Syria", "central Iraq" (sorted).
const COMPASS_ADJECTIVES: &[&str] = &[
    "central",
    "eastern",
    "northeastern",
    "northern",
    "northwestern",
    "southeastern",
    "southern",
    "southwestern",
    "western",
];

/// Tokens `a..b` stand right after "near", "outside" or "north of", or after
/// "in" with a known place (or a compass adjective and one) after a comma ("in
/// Urem al-Kubra, northern Syria"): a place, even when its first word is also
/// a given name ("near Al Huwayjah").
pub(super) fn after_near(ctx: &Ctx, a: usize, b: usize) -> bool {
    let before = |k: usize| a.checked_sub(k).map_or("", |i| ctx.lower[i]);
    let place_at = |i: usize| {
        ctx.gaz.get(i).copied().flatten().is_some_and(|(e, h)| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
                && !matches!(ctx.words.get(e).copied(), Some("'" | "\u{2019}"))
        })
    };
    let comma_place = ctx.words.get(b) == Some(&",")
        && (place_at(b + 1)
            || ctx
                .lower
                .get(b + 1)
                .is_some_and(|w| listed!(COMPASS_ADJECTIVES, w) && place_at(b + 2)));
    listed!(NEAR_WORDS, before(1))
        || (before(1) == "of" && listed!(names::DIRECTIONS, before(2)))
        || (before(1) == "in" && comma_place)
}

/// "Jane Park said", "Stuart Hall wrote", "professor Marc Lamont Hill": a given
/// name and a surname that is also a place's closing word ("Park", "Hall",
/// "Hill") make a person, unless a place word comes before ("at Albert Hall",
/// "in Victoria Park", "the ..."). With a middle name the title before it must
/// say so: a park is often named after a whole person ("Cal Anderson Park").
pub(super) fn person_named_like_place(ctx: &Ctx, a: usize, b: usize, title: bool) -> bool {
    let before = a.checked_sub(1).map_or("", |i| ctx.lower[i]);
    let middle_ok = b - a == 2
        || (b - a == 3
            && title
            && (ctx.unambiguous_first_name_at(a + 1) || ctx.in_class(a + 1, class::SURNAME)));
    middle_ok
        && ctx.unambiguous_first_name_at(a)
        && ctx.in_class(b - 1, class::SURNAME)
        && ctx.in_class(b - 1, class::LOC_SUFFIX)
        && !listed!(super::PLACE_PREPOSITIONS, before)
        && !matches!(before, "the" | "on" | "of")
}

/// The type of a piece by the facility rules above, if one applies. A school
/// district is the body that runs schools ("Dunmere Unified School District").
pub(super) fn facility_type(
    ctx: &Ctx,
    a: usize,
    b: usize,
    title: bool,
) -> Option<(EntityType, &'static str)> {
    if b - a >= 2 && ctx.lower[b - 1] == "district" && ctx.lower[b - 2] == "school" {
        return Some((EntityType::Organization, "org.school-district"));
    }
    if is_venue(ctx, a, b) {
        return Some((EntityType::Location, "location.venue"));
    }
    if person_named_like_place(ctx, a, b, title) {
        return Some((EntityType::Person, "person.place-surname"));
    }
    if !title && named_hall(ctx, a, b) {
        return Some((EntityType::Location, "location.venue"));
    }
    None
}

/// Words right before a hall's name that make it a building: "at Carnegie Hall",
/// "the Benaroya Hall stage" (sorted).
const HALL_BEFORE: &[&str] = &["at", "in", "inside", "into", "near", "outside", "the"];

/// "at Carnegie Hall", "New York's Carnegie Hall": a hall named by one word that is
/// no given name, after a place's preposition, "the" or a possessive (a person
/// whose given name is not known is seldom "at" or "the" himself).
fn named_hall(ctx: &Ctx, a: usize, b: usize) -> bool {
    let before = |k: usize| a.checked_sub(k).map_or("", |i| ctx.lower[i]);
    let possessive = before(1) == "s" && matches!(before(2), "'" | "\u{2019}");
    b - a == 2
        && ctx.lower[b - 1] == "hall"
        && !ctx.first_name_at(a)
        && (listed!(HALL_BEFORE, before(1)) || possessive)
}

/// Words of institutions that open a name and take a town after them: "Hotel
/// Essex", "Radio Sarajevo", "Bank Leumi" (sorted).
const INSTITUTION_WORDS: &[&str] = &["bank", "club", "hospital", "hotel", "museum", "radio"];

/// An institution's word alone, then a known place: one organization ("Hotel
/// Essex", "Radio Sarajevo").
pub(super) fn institution_and_town(ctx: &Ctx, prev: &Piece, p: &Piece) -> bool {
    prev.b == p.a
        && prev.b - prev.a == 1
        && prev.gaz.is_none()
        && prev.forced.is_none()
        && !p.title_before
        && listed!(INSTITUTION_WORDS, ctx.lower[prev.a])
        && p.gaz.is_some_and(|h| {
            h.kind == SurfaceKind::Name
                && ctx.lex.entries[h.entry].entity_type == EntityType::Location
        })
}
/// The rule id of a place or body named after a saint ("St. Mary's Hospital").
pub(super) const SAINTS_RULE: &str = "saints-possessive";

/// The run `a..b` is the head of a name after a saint's possessive ("St. Mary's
/// Hospital", "Saint Paul's College", "St. Patrick's Day"): returns where the name
/// starts (at "St." or "Saint") and its type, which the head's last word gives
/// (an organization's, a place's or an event's cue word); `None` otherwise.
pub(super) fn saints_possessive(ctx: &Ctx, a: usize, b: usize) -> Option<(usize, EntityType)> {
    if ctx.headline || a < 4 || b <= a {
        return None;
    }
    let glued = |i: usize| ctx.tokens[i].span.end == ctx.tokens[i + 1].span.start;
    let apostrophe = matches!(ctx.words[a - 2], "'" | "\u{2019}") && ctx.words[a - 1] == "s";
    let holder = a - 3;
    if !(apostrophe && glued(holder) && glued(a - 2) && ctx.is_upper_initial(holder)) {
        return None;
    }
    let start = match ctx.words[holder - 1] {
        "St." | "Saint" => holder - 1,
        "." if holder >= 2 && ctx.words[holder - 2] == "St" => holder - 2,
        _ => return None,
    };
    let last = b - 1;
    let t = if ctx.in_class(last, class::ORG_CUE) {
        EntityType::Organization
    } else if ctx.in_class(last, class::LOC_SUFFIX) || ctx.in_class(last, class::PLACE_NOUN) {
        EntityType::Location
    } else if ctx.in_class(last, class::EVENT_CUE) {
        EntityType::Other
    } else {
        return None;
    };
    Some((start, t))
}
