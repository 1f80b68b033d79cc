//! Words written before a person's name that describe the person and are no
//! part of the name: an epithet or occupation ("Corrupt Joe Biden", "Businesswoman
//! Jane Roe"), a demonym ("Kentuckian Jane Roe", "Cuban-American Jane Roe"), a
//! plural title ("Senators Jane Roe and ..."), and, in a title-case headline,
//! any common word ("Why Jane Roe", "Is Roe").

use super::Ctx;
use crate::lexicon::class;
use crate::lexicon::SurfaceKind;
use crate::model::EntityType;
use crate::text::TokenKind;

/// Where the name in tokens `a..b` starts once leading descriptors are cut: `a`
/// when there are none, or when what follows them does not look like a person's
/// name (a given name and a surname; in a headline, or after a demonym, party
/// word or plural title, a known surname alone). One pass over the run.
pub(super) fn skip(ctx: &Ctx, a: usize, b: usize) -> usize {
    if b <= a + 1 {
        return a; // One word: nothing is left to name after a descriptor.
    }
    let mut k = a;
    let mut strong = false;
    while k < b {
        if k > a && ctx.tokens[k].kind == TokenKind::Punct && is_hyphen_word(ctx.words[k]) {
            k += 1; // "Cuban-American"
            continue;
        }
        match descriptor(ctx, k) {
            Some(s) => strong |= s,
            // "Will Never Vote For Jane Roe": a given name that is also a common
            // word, before another descriptor, is that word.
            None if ambiguous_word(ctx, k) && k + 1 < b && descriptor(ctx, k + 1).is_some() => {}
            None => break,
        }
        k += 1;
    }
    if k == a || k >= b {
        return a;
    }
    let lone = (strong || ctx.headline) && lone_surname(ctx, k, b);
    let surnamed = strong && b - k <= 3 && ends_in_surname(ctx, k, b);
    if full_name(ctx, k, b) || lone || surnamed {
        k
    } else {
        a
    }
}

fn is_hyphen_word(w: &str) -> bool {
    matches!(w, "-" | "\u{2010}" | "\u{2011}")
}

/// `Some(strong)` when token `k` may describe the person named after it: a
/// common word (weak), or a party or nationality word, a demonym or a plural
/// title (strong). Given names, surnames, organization words, particles and
/// gazetteer names never do.
fn descriptor(ctx: &Ctx, k: usize) -> Option<bool> {
    if ctx.tokens[k].kind != TokenKind::Word || ctx.gaz[k].is_some() || ctx.particle(k) {
        return None;
    }
    let l = ctx.lower[k];
    let w = ctx.words[k];
    // An organization's word opening the run keeps it whole ("Bank Julius Baer").
    if ctx.first_name_at(k) || ctx.in_class(k, class::SURNAME) || ctx.in_class(k, class::ORG_CUE) {
        return None;
    }
    if ctx.in_class(k, class::MISC) || nationalities(ctx, w) {
        return Some(true);
    }
    if is_plural_title(ctx, l) || is_demonym(ctx, l) {
        return Some(true);
    }
    ctx.is_common_at(k).then_some(false)
}

/// "Cuban-American", "Irish-Catholic": a compound of nationality, party and
/// religion words.
fn nationalities(ctx: &Ctx, w: &str) -> bool {
    if !w.contains('-') {
        return false;
    }
    let hits = ctx.lex.find(w);
    let mut start = 0;
    w.split('-').all(|part| {
        let span = (start, start + part.len());
        start += part.len() + 1;
        ctx.lex.misc.contains(part.to_lowercase().as_str())
            || hits
                .iter()
                .any(|h| h.kind == SurfaceKind::Demonym && (h.span.start, h.span.end) == span)
    })
}

/// "senators", "governors": a title word with a plural "s".
fn is_plural_title(ctx: &Ctx, l: &str) -> bool {
    l.strip_suffix('s')
        .is_some_and(|stem| stem.len() > 2 && ctx.lex.title_at(&[stem]) == 1)
}

/// "kentuckian", "arizonan", "texan", "londoner", "vermonter": a known place's
/// name with a demonym ending.
fn is_demonym(ctx: &Ctx, l: &str) -> bool {
    const FORMS: &[(&str, &[&str])] = &[
        ("ian", &["a", "y", "ia", "", "e"]),
        ("an", &["a", "as", ""]),
        ("er", &["", "e"]),
        ("ite", &["", "e"]),
    ];
    if !l.bytes().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    // One buffer for every stem tried, not a string each.
    let mut place = String::new();
    FORMS.iter().any(|(ending, adds)| {
        l.strip_suffix(ending).is_some_and(|stem| {
            stem.len() >= 3
                && adds.iter().any(|add| {
                    place.clear();
                    place.push_str(stem);
                    place.push_str(add);
                    ctx.lex
                        .by_key
                        .get(place.as_str())
                        .is_some_and(|&e| ctx.lex.entries[e].entity_type == EntityType::Location)
                })
        })
    })
}

/// Tokens `k..b` are a given name and a surname, with initials or more names
/// between, and no word that would make them an organization, event or place.
fn full_name(ctx: &Ctx, k: usize, b: usize) -> bool {
    if b - k < 2 || !ctx.first_name_at(k) {
        return false;
    }
    let words_ok = (k + 1..b).all(|i| {
        ctx.tokens[i].kind != TokenKind::Word || ctx.is_upper_initial(i) || ctx.particle(i)
    });
    words_ok
        && ctx.tokens[b - 1].kind == TokenKind::Word
        && !ctx.in_class(b - 1, class::ORG_CUE)
        && !ctx.in_class(b - 1, class::EVENT_CUE)
        && !ctx.in_class(b - 1, class::LOC_SUFFIX)
        && (!ctx.is_common_at(b - 1) || ctx.in_class(b - 1, class::SURNAME))
}

/// A given name that is also a common word ("Will", "Mark").
fn ambiguous_word(ctx: &Ctx, k: usize) -> bool {
    ctx.tokens[k].kind == TokenKind::Word
        && ctx.gaz[k].is_none()
        && ctx.lex.ambiguous_first_names.contains(ctx.lower[k])
        && ctx.is_common_at(k)
}

/// Tokens `k..b` are capitalised words ending in a known surname ("Jeb Roe").
fn ends_in_surname(ctx: &Ctx, k: usize, b: usize) -> bool {
    (k..b).all(|i| ctx.tokens[i].kind != TokenKind::Word || ctx.is_upper_initial(i))
        && ctx.tokens[b - 1].kind == TokenKind::Word
        && ctx.in_class(b - 1, class::SURNAME)
}

/// Token `k` alone ends the run and is a known surname ("Is Roe").
fn lone_surname(ctx: &Ctx, k: usize, b: usize) -> bool {
    b - k == 1
        && ctx.tokens[k].kind == TokenKind::Word
        && ctx.is_upper_initial(k)
        && ctx.in_class(k, class::SURNAME)
}
