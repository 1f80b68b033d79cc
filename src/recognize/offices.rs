//! Offices named after their holder: "the Multnomah County Sheriff's Office",
//! "the U.S. Attorney's Office", "the Prime Minister's Office". The possessive
//! cuts the capitalised run in two, and the title before it is no name: read
//! apart, the pieces give a lone "Office" and a place. Together they are one
//! organization.

use super::Ctx;
use crate::text::TokenKind;

/// Holders whose office is an organization of its own ("Sheriff's Office"), as
/// lower-case words (sorted).
const HOLDERS: &[&str] = &[
    "assessor",
    "attorney",
    "auditor",
    "chancellor",
    "clerk",
    "commissioner",
    "comptroller",
    "controller",
    "coroner",
    "defender",
    "examiner",
    "executive",
    "general",
    "governor",
    "inspector",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "premier",
    "prosecutor",
    "recorder",
    "registrar",
    "secretary",
    "sheriff",
    "solicitor",
    "speaker",
    "treasurer",
];

/// The closing word of such an office (sorted).
const HEADS: &[&str] = &["department", "office"];

/// The rule id of such an office.
pub(super) const RULE: &str = "org.holders-office";

/// How many capitalised words before the holder may belong to the office's name
/// ("Los Angeles County Sheriff's Department").
const MAX_BEFORE: usize = 6;

fn is_head(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i) && listed!(HEADS, ctx.lower[i])
}

/// The run `a..b` is the head word of an office after a holder's possessive
/// ("Sheriff's Office"): returns where the office's name starts, at the first
/// capitalised word of the run that ends with the holder.
pub(super) fn possessive_office_start(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    if ctx.headline || b != a + 1 || a < 3 || !is_head(ctx, a) {
        return None;
    }
    let apostrophe = matches!(ctx.words[a - 2], "'" | "\u{2019}");
    let s = ctx.words[a - 1] == "s" && ctx.tokens[a - 2].span.end == ctx.tokens[a - 1].span.start;
    let holder = a - 3;
    let holds = ctx.tokens[holder].kind == TokenKind::Word
        && ctx.is_upper_initial(holder)
        && ctx.tokens[holder].span.end == ctx.tokens[a - 2].span.start
        && listed!(HOLDERS, ctx.lower[holder]);
    if !(apostrophe && s && holds) {
        return None;
    }
    let mut start = holder;
    while start > 0 && holder - start < MAX_BEFORE && capitalised_or_dotted(ctx, start - 1) {
        start -= 1;
    }
    Some(start)
}

/// A capitalised word (a dotted abbreviation such as "U.S." is one word).
fn capitalised_or_dotted(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens[i].kind == TokenKind::Word && ctx.is_upper_initial(i)
}

/// The piece `a..b` is an office's head word alone ("Office", the office of a
/// title cut off before it), a "Center" cut from its name, or "Government"
/// capitalised in British style: it names nothing by itself.
pub(super) fn is_lone_head(ctx: &Ctx, a: usize, b: usize) -> bool {
    b == a + 1
        && ctx.tokens[a].kind == TokenKind::Word
        && ctx.is_upper_initial(a)
        && matches!(ctx.lower[a], "office" | "government" | "center" | "centre")
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [super::HOLDERS, super::HEADS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
