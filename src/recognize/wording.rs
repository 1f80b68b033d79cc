//! What the grammar of English says about a run of capitalised words: an
//! auxiliary or modal verb is no word of a name ("Senator Vance Should Resign"),
//! an interview's "Q." and "A." open a paragraph and are no initials, and a
//! name ending in a plural of an abstract or group noun ("Charitable
//! Deductions", "Democracy Advocates") names no person.

use super::Ctx;
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
        .find(|&i| ctx.kinds[i] == TokenKind::Word && super::in_sorted(AUXILIARIES, ctx.lower[i]))
        .unwrap_or(b)
}

/// Token `i` is the "Q." or "A." that opens a question or an answer of an
/// interview ("A. The House votes next"), not a person's initial: it opens the
/// sentence and the next word is a common or function word.
pub(super) fn interview_marker(ctx: &Ctx, i: usize) -> bool {
    i == ctx.first_word
        && matches!(ctx.words[i], "Q." | "A." | "Q:" | "A:")
        && ctx.words.get(i + 1).is_some_and(|_| {
            let next = ctx.lower[i + 1];
            ctx.kinds[i + 1] == TokenKind::Word
                && (ctx.lex.function_words.contains(next) || ctx.lex.is_common_lower(next))
                && !ctx.lex.surnames.contains(next)
                && !ctx.lex.is_first_name(ctx.words[i + 1])
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
        && ctx.kinds[b - 1] == TokenKind::Word
        && (GROUP_PLURAL_ENDINGS.iter().any(|e| last.ends_with(e))
            || super::is_common_plural(ctx.lex, last))
        && !ctx.lex.surnames.contains(last)
}

#[cfg(test)]
mod tests {
    use super::AUXILIARIES;

    #[test]
    fn auxiliaries_are_sorted() {
        assert!(AUXILIARIES.windows(2).all(|w| w[0] < w[1]));
    }
}
