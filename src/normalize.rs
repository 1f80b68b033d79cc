//! Pure string normalising: the keys that recognition, the lexicon and resolution
//! compare names by. Below all three, so that none imports another for a helper.

use unicode_normalization::UnicodeNormalization;

/// The shapes of a word list: bit `c - b'a'` of `shapes[n]` says that a word of
/// `n` bytes opens with the letter `c`. Every word must be shorter than 16 bytes
/// and open with a lower-case ASCII letter (checked when the table is built).
pub const fn shapes(list: &[&str]) -> [u32; 16] {
    let mut table = [0u32; 16];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        assert!(b.len() < 16 && b[0].is_ascii_lowercase());
        table[b.len()] |= 1 << (b[0] - b'a');
        i += 1;
    }
    table
}

/// Whether `w` has the length and first letter of a word of [`shapes`]: a cheap
/// first look before searching the list itself (`false` means it is not there).
#[inline]
pub fn may_be_in(shapes: &[u32; 16], w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&c) if c.is_ascii_lowercase() && w.len() < 16 => {
            (shapes[w.len()] >> (c - b'a')) & 1 == 1
        }
        _ => false,
    }
}

/// Byte classes for [`norm_key`]'s first look: a byte that is not ASCII.
const WIDE: u8 = 1;
/// An ASCII byte the fold replaces or drops: `.`, `` ` ``, `-`, `_`.
const FOLDED: u8 = 2;
const UPPER: u8 = 4;
/// An apostrophe or a control whitespace (tab to carriage return): no plain key.
const ODD: u8 = 8;

/// The class bits of each byte.
static KEY_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            WIDE
        } else if matches!(c, b'.' | b'`' | b'-' | b'_') {
            FOLDED
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if matches!(c, b'\'' | b'\t'..=b'\r') {
            ODD
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Folds a surface form for comparison: accents, case, dots, hyphens, a leading
/// "the", a trailing possessive and the Arabic article ("al-Assad" = "Assad").
pub fn norm_key(s: &str) -> String {
    let b = s.as_bytes();
    // One look at every byte: its class, and the word checks of [`is_plain_key`] (no
    // empty word, no article) made on the bytes before the case is folded.
    let mut class = 0;
    let mut words_plain = true;
    let mut word_start = 0;
    for (i, &c) in b.iter().enumerate() {
        class |= KEY_CLASS[usize::from(c)];
        if c == b' ' {
            // An empty word is a leading or a doubled space.
            words_plain &= i > word_start && !is_article_any_case(&b[word_start..i]);
            word_start = i + 1;
        }
    }
    if class & (WIDE | FOLDED) == 0 {
        // Most names: nothing to replace, only the case to fold.
        let mut folded = s.to_owned();
        if class & UPPER != 0 {
            folded.make_ascii_lowercase();
        }
        let plain = class & ODD == 0
            && words_plain
            && b.last() != Some(&b' ')
            && !is_article_any_case(&b[word_start..])
            && !starts_with_the_any_case(b);
        if plain {
            return folded;
        }
        return key_words(&folded);
    }
    norm_key_replacing(s, class & WIDE != 0)
}

/// [`norm_key`] of a form with characters to replace or drop (dots, dashes,
/// accents): apart, so that the common case stays small.
#[inline(never)]
fn norm_key_replacing(s: &str, wide: bool) -> String {
    let mut folded = String::with_capacity(s.len());
    if !wide {
        // One pass over the bytes, no case tables.
        for b in s.bytes() {
            match b {
                b'.' => {}
                b'`' => folded.push('\''),
                b'-' | b'_' => folded.push(' '),
                b => folded.push(b.to_ascii_lowercase() as char),
            }
        }
    } else if only_caseless_marks(s) {
        // ASCII and the quotes and dashes of news text ("Trump\u{2019}s"): no case
        // tables, no decomposition.
        fold_marks(s, &mut folded);
    } else {
        fold_wide(s, &mut folded);
    }
    if is_plain_key(&folded) {
        return folded;
    }
    key_words(&folded)
}

/// Whether the ASCII bytes `w` are "al" or "el" in any case: `| 0x20` folds exactly
/// the two cases of the letters a, e and l onto the lower one, and no other byte.
#[inline]
fn is_article_any_case(w: &[u8]) -> bool {
    matches!(w, [a, l] if matches!(a | 0x20, b'a' | b'e') && l | 0x20 == b'l')
}

/// Whether `b` opens with "the " in any case (`| 0x20` as in [`is_article_any_case`]).
#[inline]
fn starts_with_the_any_case(b: &[u8]) -> bool {
    matches!(b, [t, h, e, b' ', ..] if t | 0x20 == b't' && h | 0x20 == b'h' && e | 0x20 == b'e')
}

/// The characters other than ASCII that [`fold_marks`] folds: quotes and dashes, each
/// written E2 80 and a third byte, none decomposed, none with a case, none opening
/// mojibake (no byte 0xC3).
fn is_caseless_mark(c: char) -> bool {
    matches!(
        c,
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}'
    )
}

/// Whether every character of `s` is ASCII or a mark of [`is_caseless_mark`]: the
/// forms [`fold_marks`] folds as [`fold_wide`] would.
fn only_caseless_marks(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii() || is_caseless_mark(c))
}

/// [`fold_wide`] of a form of ASCII and [`is_caseless_mark`] characters: the
/// same fold, without decomposing or the case tables. (U+2011 decomposes to
/// U+2010; both are dashes.)
fn fold_marks(s: &str, folded: &mut String) {
    for c in s.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' | '`' => folded.push('\''),
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' => folded.push(' '),
            c => folded.push(c.to_ascii_lowercase()),
        }
    }
}

/// [`norm_key`]'s fold of a form with characters that are not ASCII: mojibake
/// repaired, accents dropped, case folded, dots dropped, dashes made spaces.
fn fold_wide(s: &str, folded: &mut String) {
    let repaired = repair_mojibake(s);
    let s = repaired.as_ref();
    let mut push = |c: char| {
        for l in c.to_lowercase() {
            match l {
                '.' => {}
                '\u{2019}' | '\u{2018}' | '`' => folded.push('\''),
                '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' => folded.push(' '),
                c => folded.push(c),
            }
        }
    };
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .for_each(&mut push);
}

/// The key of a folded form that is not plain: trimmed, without a trailing
/// possessive, a leading "the" or the Arabic article, one space between words.
fn key_words(folded: &str) -> String {
    if folded.is_ascii() {
        return key_words_ascii(folded);
    }
    key_words_any(folded)
}

/// Whether a byte is white space as [`char::is_whitespace`] has it (tab to carriage
/// return, space): the only ASCII white space.
#[inline]
fn is_space_byte(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// [`key_words`] of an ASCII form, on its bytes.
fn key_words_ascii(folded: &str) -> String {
    let mut s = folded.trim().as_bytes();
    for suffix in [&b"'s"[..], b"'"] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x;
        }
    }
    let words = s.split(|&c| is_space_byte(c)).filter(|w| !w.is_empty());
    let skip = usize::from(words.clone().nth(1).is_some() && words.clone().next() == Some(b"the"));
    let article = |w: &[u8]| w == b"al" || w == b"el";
    let keep_articles = words.clone().skip(skip).all(article);
    let mut out = Vec::with_capacity(s.len());
    for (i, w) in words
        .skip(skip)
        .filter(|w| keep_articles || !article(w))
        .enumerate()
    {
        if i > 0 {
            out.push(b' ');
        }
        out.extend(w.iter().filter(|&&c| c != b'\''));
    }
    String::from_utf8(out).expect("ASCII bytes")
}

/// [`key_words`] of any folded form.
fn key_words_any(folded: &str) -> String {
    let mut s = folded.trim();
    for suffix in ["'s", "'"] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x;
        }
    }
    // Words without a leading "the" (unless it is the only word) and without the
    // Arabic article (unless nothing else is left), joined by one space.
    let words = || s.split_whitespace();
    let skip = usize::from(words().nth(1).is_some() && words().next() == Some("the"));
    let article = |w: &str| w == "al" || w == "el";
    let keep_articles = words().skip(skip).all(article);
    let mut out = String::with_capacity(s.len());
    for (i, w) in words()
        .skip(skip)
        .filter(|w| keep_articles || !article(w))
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.extend(w.chars().filter(|&c| c != '\''));
    }
    out
}

/// Whether a folded ASCII form is its own key: words of letters without
/// apostrophes, one space apart, without a leading "the" or an Arabic article.
fn is_plain_key(folded: &str) -> bool {
    let b = folded.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || folded.starts_with("the ") {
        return false;
    }
    // One pass over the bytes: each word is checked at the space that ends it.
    let article = |w: &[u8]| w == b"al" || w == b"el";
    let mut word_start = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\'' | b'\t'..=b'\r' | 0x80.. => return false,
            b' ' if b[i - 1] == b' ' || article(&b[word_start..i]) => return false,
            b' ' => word_start = i + 1,
            _ => {}
        }
    }
    !article(&b[word_start..])
}

/// `word.to_lowercase()`, without the Unicode tables for ASCII characters and for
/// the punctuation of news text (curly quotes, dashes), which has no case.
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    // A capital sigma lowers by its place in the word: the library's rule.
    if word.contains('\u{3a3}') {
        return word.to_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_caseless_punctuation(c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// General Punctuation (U+2000 to U+206F: spaces, dashes, quotes, bullets): no
/// character there has a lower case.
#[inline]
fn is_caseless_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// Whether `w` contains the two-byte `pair` (a byte scan: no substring searcher).
fn has_pair(w: &str, pair: &str) -> bool {
    let (a, b) = (pair.as_bytes()[0], pair.as_bytes()[1]);
    w.as_bytes().windows(2).any(|p| p[0] == a && p[1] == b)
}

/// Folds spelling variants of transliterated names: Sergey/Sergei, Aleksei/Alexei.
/// Takes a word already folded by [`norm_key`].
pub fn translit(word: &str) -> String {
    if is_translit_plain(word) {
        return word.to_string();
    }
    if word.is_ascii() {
        return translit_ascii(word.as_bytes());
    }
    let mut w = word.to_string();
    for (a, b) in TRANSLIT_PAIRS {
        if has_pair(&w, a) {
            w = w.replace(a, b);
        }
    }
    if w.contains('y') {
        w = w.replace('y', "i");
    }
    let mut out = String::with_capacity(w.len());
    let mut prev = None;
    for c in w.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// The pairs [`translit`] replaces, in turn.
const TRANSLIT_PAIRS: [(&str, &str); 4] = [("ks", "x"), ("kh", "h"), ("ph", "f"), ("ou", "u")];

/// [`translit`] of an ASCII word, in one buffer: each pair replaced in turn, left to
/// right as `str::replace` does, then "y" made "i" and each run of a letter made one.
fn translit_ascii(word: &[u8]) -> String {
    let mut w = word.to_vec();
    for (a, b) in TRANSLIT_PAIRS {
        let (a, b) = (a.as_bytes(), b.as_bytes()[0]);
        // Most words hold none of the pair: a look before any write, and the bytes
        // before the first pair stay where they are.
        let Some(first) = w.windows(2).position(|p| p[0] == a[0] && p[1] == a[1]) else {
            continue;
        };
        let (mut read, mut write) = (first, first);
        while read < w.len() {
            if w[read] == a[0] && w.get(read + 1) == Some(&a[1]) {
                w[write] = b;
                read += 2;
            } else {
                w[write] = w[read];
                read += 1;
            }
            write += 1;
        }
        w.truncate(write);
    }
    // "y" made "i", then each run of a letter made one, into the string itself.
    let mut out = String::with_capacity(w.len());
    let mut prev = None;
    for &c in &w {
        let c = if c == b'y' { b'i' } else { c };
        if prev != Some(c) {
            out.push(char::from(c));
        }
        prev = Some(c);
    }
    out
}

/// [`translit`] of an owned word: a word it leaves as it is comes back without a copy.
pub fn translit_owned(word: String) -> String {
    if is_translit_plain(&word) {
        return word;
    }
    translit(&word)
}

/// An ASCII word that [`translit`] leaves as it is: none of its pairs, no "y", no
/// letter written twice in a row.
pub fn is_translit_plain(word: &str) -> bool {
    // One pass, each byte against the one before it (before the first, a byte that is
    // no ASCII: the first turns a word down only for what it is).
    let mut prev = 0xFF_u8;
    for &c in word.as_bytes() {
        let pair = matches!((prev, c), (b'k', b's' | b'h') | (b'p', b'h') | (b'o', b'u'));
        if c >= 0x80 || c == b'y' || c == prev || pair {
            return false;
        }
        prev = c;
    }
    true
}

/// "U.N.", "UN", "AP": a dotted form or a run of two or three capitals is an
/// abbreviation, never a surname written alone ("Kim Jong Un" is not the "UN").
pub fn is_initialism(surface: &str) -> bool {
    if surface.is_ascii() {
        // On the bytes: ASCII letters are the only ASCII alphabetic characters.
        let b = surface.as_bytes();
        if b.contains(&b'.') {
            return true;
        }
        if b.contains(&b' ') {
            return false;
        }
        let mut letters = 0;
        for &c in b.iter().filter(|c| c.is_ascii_alphabetic()) {
            if !c.is_ascii_uppercase() || letters == 3 {
                return false;
            }
            letters += 1;
        }
        return letters >= 2;
    }
    if surface.contains('.') {
        return true;
    }
    if surface.contains(' ') {
        return false;
    }
    let mut letters = 0;
    for c in surface.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() || letters == 3 {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Words of a surface form, hyphenated parts counted apart ("Jean-Pierre" is two).
pub fn word_count(s: &str) -> usize {
    // ASCII forms (most) eight bytes at a time: a word starts at each byte that is
    // neither white space nor a hyphen, after one that is (or at the start).
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` (ASCII) that equals `c`.
    let equal = |x: u64, c: u8| {
        let t = x ^ (ONES * u64::from(c));
        !((t & !HIGH).wrapping_add(!HIGH) | t) & HIGH
    };
    let mut words = 0;
    // The high bit of the byte before the word's first: the start counts as apart.
    let mut before = 0x80u64;
    for chunk in s.as_bytes().chunks(8) {
        // A short last chunk is filled with spaces, which start no word.
        let mut bytes = [b' '; 8];
        bytes[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(bytes);
        if x & HIGH != 0 {
            return word_count_any(s);
        }
        // Tab to carriage return: at least 9 and below 14 (no byte carries: all < 0x80).
        let control =
            x.wrapping_add(ONES * (0x80 - 9)) & !x.wrapping_add(ONES * (0x80 - 14)) & HIGH;
        let apart = equal(x, b' ') | equal(x, b'-') | control;
        let starts = !apart & HIGH & ((apart << 8) | before);
        words += ((starts >> 7).wrapping_mul(ONES) >> 56) as usize;
        before = apart >> 56;
    }
    words
}

/// [`word_count`] of any form.
fn word_count_any(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .count()
}

/// The byte a character stands for when UTF-8 text was read as Windows-1252 (or
/// Latin-1, whose C1 controls fill cp1252's five holes): the way mojibake is made.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    let b = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// Whether `c` can open a mojibake sequence: the lead byte of a multi-byte UTF-8
/// character read as cp1252 ("Ã", "â", "Â"). A cheap test before [`mojibake_at`].
#[inline]
pub fn is_mojibake_lead(c: char) -> bool {
    ('\u{C2}'..='\u{F4}').contains(&c)
}

/// One character encoded `depth` times over at the start of `chars`: how many
/// characters it takes and what it is. Depth 0 is the character itself.
fn decode(chars: &[char], depth: u8) -> Option<(usize, char)> {
    if depth == 0 {
        return chars.first().map(|&c| (1, c));
    }
    let (mut used, lead) = decode(chars, depth - 1)?;
    let lead = cp1252_byte(lead)?;
    let more = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    for slot in bytes.iter_mut().skip(1).take(more) {
        let (k, c) = decode(chars.get(used..)?, depth - 1)?;
        *slot = cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
        used += k;
    }
    let decoded = std::str::from_utf8(&bytes[..=more]).ok()?.chars().next()?;
    Some((used, decoded))
}

/// The mojibake sequence at the start of `chars`, if there is one: UTF-8 read as
/// cp1252 once, twice or three times ("Ã©" is "é", "â€™" and "Ã¢â‚¬â„¢" are "’").
/// Returns the characters it takes and the character it stands for.
pub fn mojibake_at(chars: &[char]) -> Option<(usize, char)> {
    if !chars.first().is_some_and(|&c| is_mojibake_lead(c)) {
        return None;
    }
    (1..=3).rev().find_map(|depth| decode(chars, depth))
}

/// `s` with its mojibake sequences replaced by the characters they stand for;
/// borrowed when there is none (nearly always).
pub fn repair_mojibake(s: &str) -> std::borrow::Cow<'_, str> {
    // Every lead (U+00C2 to U+00F4) is written 0xC3 and a second byte: a text without
    // that byte has none, known without decoding its characters.
    if !s.as_bytes().contains(&0xC3) || !s.chars().any(is_mojibake_lead) {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        // A sequence is at most 4 bytes, each up to 3 levels deep: 64 characters.
        let window = &chars[i..chars.len().min(i + 64)];
        match mojibake_at(window) {
            Some((k, c)) => {
                out.push(c);
                i += k;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_without_the_lead_byte_is_borrowed_and_mojibake_is_repaired() {
        use std::borrow::Cow;
        // Characters written with 0xC3 that open no sequence, and others written without it.
        for s in ["plain", "", "\u{c0}\u{c1} \u{f5}", "\u{100}x \u{2019}s"] {
            assert!(
                matches!(super::repair_mojibake(s), Cow::Borrowed(_)),
                "{s:?}"
            );
        }
        // A lead that opens no sequence stays as it is.
        for s in ["caf\u{e9}", "\u{d8}rsted"] {
            assert_eq!(super::repair_mojibake(s), s);
        }
        assert_eq!(super::repair_mojibake("Pel\u{c3}\u{a9}"), "Pel\u{e9}");
    }

    use super::*;

    /// [`translit`] as first written, for the tests.
    fn translit_reference(word: &str) -> String {
        let mut w = word.to_string();
        for (a, b) in [("ks", "x"), ("kh", "h"), ("ph", "f"), ("ou", "u")] {
            w = w.replace(a, b);
        }
        w = w.replace('y', "i");
        let mut out = String::new();
        let mut prev = None;
        for c in w.chars() {
            if Some(c) != prev {
                out.push(c);
            }
            prev = Some(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn transliteration_folds_as_first_written(w in "[kshpouyaxf\u{e9}]{0,12}") {
            proptest::prop_assert_eq!(translit(&w), translit_reference(&w));
        }

    }

    #[test]
    fn transliteration_replaces_pairs_in_turn() {
        for w in [
            "pkh",
            "kksh",
            "kss",
            "phh",
            "ouu",
            "yy",
            "aleksey",
            "khodorkovsky",
            "moussa",
            "x",
        ] {
            assert_eq!(translit(w), translit_reference(w), "{w}");
        }
        assert_eq!(translit("pkh"), "f");
    }

    /// [`norm_key`] as it was first written, for the tests.
    fn norm_key_reference(s: &str) -> String {
        let mut folded = String::with_capacity(s.len());
        if s.is_ascii() && !s.bytes().any(|b| matches!(b, b'.' | b'`' | b'-' | b'_')) {
            folded.push_str(s);
            folded.make_ascii_lowercase();
        } else if s.is_ascii() {
            for b in s.bytes() {
                match b {
                    b'.' => {}
                    b'`' => folded.push('\''),
                    b'-' | b'_' => folded.push(' '),
                    b => folded.push(b.to_ascii_lowercase() as char),
                }
            }
        } else {
            fold_wide(s, &mut folded);
        }
        if is_plain_key(&folded) {
            return folded;
        }
        key_words(&folded)
    }

    /// [`is_initialism`] as first written, for the tests.
    fn initialism_reference(surface: &str) -> bool {
        if surface.contains('.') {
            return true;
        }
        if surface.contains(' ') {
            return false;
        }
        let mut letters = 0;
        for c in surface.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() || letters == 3 {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }

    #[test]
    fn possessives_with_curly_quotes_fold_without_the_tables() {
        assert!(only_caseless_marks("Trump\u{2019}s"));
        assert!(!only_caseless_marks("Erdo\u{11f}an\u{2019}s"));
        assert_eq!(norm_key("Trump\u{2019}s"), "trump");
        assert_eq!(norm_key("Jean\u{2011}Pierre"), "jean pierre");
        assert_eq!(norm_key("the White House\u{2019}"), "white house");
        for s in [
            "Trump\u{2019}s",
            "O\u{2018}Neill",
            "A\u{2013}B",
            "Al\u{2014}Nusra",
            "x\u{2010}y",
        ] {
            assert_eq!(norm_key(s), norm_key_reference(s), "{s:?}");
        }
    }

    #[test]
    fn keys_of_odd_forms_are_those_first_written() {
        for s in [
            "",
            " ",
            "al",
            "Al",
            "el",
            "the",
            "The",
            "the al",
            "The Kremlin",
            "al Nusra",
            "Al-Nusra Front",
            "x  y",
            " x",
            "x ",
            "O'Brien",
            "Bush's",
            "U.N.",
            "a\tb",
            "a\u{b}b",
            "Erdo\u{11f}an's",
            "AL EL",
            "al el",
            "theX",
            "the  x",
            "x al",
            "x el y",
            "ABC_D",
            "a`b",
            "Pel\u{c3}\u{a9}",
            "x\ry",
        ] {
            assert_eq!(norm_key(s), norm_key_reference(s), "{s:?}");
        }
    }

    #[test]
    fn articles_and_the_are_found_in_any_case_and_nothing_else() {
        for a in 0..=127u8 {
            for b in 0..=127u8 {
                let w = [a, b];
                let lower = w.to_ascii_lowercase();
                assert_eq!(
                    is_article_any_case(&w),
                    lower == *b"al" || lower == *b"el",
                    "{w:?}"
                );
                let the = [b't', a, b'e', b' ', b];
                assert_eq!(
                    starts_with_the_any_case(&the),
                    the.to_ascii_lowercase().starts_with(b"the "),
                    "{the:?}"
                );
            }
        }
        for s in [
            "EL PASO", "Paso El", "THE X", "tHe x", "The", "Al", "x  AL", " Al",
        ] {
            assert_eq!(norm_key(s), norm_key_reference(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn keys_are_those_first_written(s in "[ aAlLeEtThHxX.`_'\\-\t\r\u{b}\u{e9}]{0,14}") {
            proptest::prop_assert_eq!(norm_key(&s), norm_key_reference(&s));
        }

        #[test]
        fn keys_with_quotes_and_dashes_are_those_first_written(s in "[ aAlLeEtThHsS.`_'\\-\t\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{e9}]{0,14}") {
            proptest::prop_assert_eq!(norm_key(&s), norm_key_reference(&s));
        }

        #[test]
        fn word_counts_are_those_first_written(s in "[ aB\\-\t\r\u{8}\u{b}\u{c}\u{e}\u{1c}\u{7f}\u{a0}\u{2003}\u{e9}]{0,30}") {
            let reference = s
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .count();
            proptest::prop_assert_eq!(word_count(&s), reference);
        }

        #[test]
        fn initialisms_are_those_first_written(s in "[ aBZ.\\-\u{c9}\u{e9}\u{3a3}1]{0,6}") {
            proptest::prop_assert_eq!(is_initialism(&s), initialism_reference(&s));
        }

        #[test]
        fn ascii_key_words_are_those_first_written(s in "[ '\t\u{b}\u{c}\r\nalethsx]{0,16}") {
            proptest::prop_assert_eq!(key_words_ascii(&s), key_words_any(&s));
        }

        #[test]
        fn keys_of_any_letters_are_those_first_written(s in "[ a-zA-Z0-9@\\[`{.,_'\\-\t\u{e9}\u{c9}\u{2019}\u{c3}\u{a9}]{0,20}") {
            proptest::prop_assert_eq!(norm_key(&s), norm_key_reference(&s));
        }
    }

    #[test]
    fn shapes_pass_every_listed_word_and_stop_others() {
        const LIST: &[&str] = &["est", "friday", "jan"];
        const SHAPES: [u32; 16] = shapes(LIST);
        assert!(LIST.iter().all(|w| may_be_in(&SHAPES, w)));
        // Same length and first letter: passes the first look, the list decides.
        assert!(may_be_in(&SHAPES, "eat"));
        for w in [
            "east",
            "es",
            "monday",
            "Est",
            "",
            "éé",
            "a-very-long-word-indeed",
        ] {
            assert!(!may_be_in(&SHAPES, w), "{w}");
        }
    }

    #[test]
    fn keys_fold_case_accents_articles_and_possessives() {
        assert_eq!(norm_key("The Vale Trust"), "vale trust");
        assert_eq!(norm_key("Ørsby's"), "ørsby");
        assert_eq!(norm_key("Éloi Marçan"), "eloi marcan");
        assert_eq!(norm_key("al-Ramadi Group"), "ramadi group");
        assert_eq!(norm_key("the"), "the");
    }

    #[test]
    fn mojibake_once_twice_or_thrice_is_repaired_and_real_text_is_not() {
        // UTF-8 read as cp1252 once ("Ã©", "â€™") and twice ("Ã¢â‚¬â„¢").
        assert_eq!(repair_mojibake("Pel\u{c3}\u{a9}"), "Pel\u{e9}");
        assert_eq!(repair_mojibake("it\u{e2}\u{20ac}\u{2122}s"), "it\u{2019}s");
        assert_eq!(
            repair_mojibake("Orlov\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2}s"),
            "Orlov\u{2019}s"
        );
        assert_eq!(
            norm_key("Jos\u{c3}\u{a9} Orlov"),
            norm_key("Jos\u{e9} Orlov")
        );
        // Latin-1 letters that are no UTF-8 sequence stay as written.
        for real in [
            "S\u{e3}o Paulo",
            "caf\u{e9}",
            "Zo\u{eb} \u{c3}rsted",
            "\u{c2}ngel",
            "plain",
        ] {
            assert_eq!(repair_mojibake(real), real);
        }
    }

    #[test]
    fn initialisms_are_dotted_or_two_or_three_capitals() {
        assert!(is_initialism("U.N."));
        assert!(is_initialism("UN"));
        assert!(is_initialism("AP"));
        assert!(!is_initialism("OBAMA"));
        assert!(!is_initialism("Un"));
        assert!(!is_initialism("Kim"));
        assert!(!is_initialism("NATO"));
        assert!(!is_initialism("U N"));
        assert!(!is_initialism("A"));
        assert!(is_initialism("USA"));
    }

    #[test]
    fn plain_keys_are_their_own_key_and_the_rest_takes_the_full_fold() {
        assert!(is_plain_key("vale trust"));
        assert!(is_plain_key(""));
        assert!(is_plain_key("ela alba theo"));
        for not_plain in [
            "the vale",
            "ana  lund",
            " ana",
            "ana ",
            "o'neill",
            "el paso",
            "ana\tlund",
            "paso el",
            "ana al lund",
            "caf\u{e9}",
        ] {
            assert!(!is_plain_key(not_plain), "{not_plain}");
        }
        // Both ways give the same keys.
        assert_eq!(norm_key("Ana  Lund"), "ana lund");
        assert_eq!(norm_key("Ana\tLund "), "ana lund");
        assert_eq!(norm_key("O'Neill"), "oneill");
        assert_eq!(norm_key("El Paso"), "paso");
        assert_eq!(norm_key("Vale-Trust"), "vale trust");
        assert_eq!(norm_key("Jos\u{e9} Orlov"), "jose orlov");
    }

    #[test]
    fn translit_folds_pairs_in_order_and_doubled_letters() {
        assert_eq!(translit("aleksei"), "alexei");
        assert_eq!(translit("mikhail"), "mihail");
        assert_eq!(translit("sergey"), "sergei");
        assert_eq!(translit("youssef"), "iusef");
        // "kh" then "ph": the second fold sees the first one's result.
        assert_eq!(translit("pkhil"), "fil");
        assert_eq!(translit("anna"), "ana");
        assert_eq!(translit("k"), "k");
        for w in ["aleksei", "obama", "youssef", ""] {
            assert_eq!(translit_owned(w.to_string()), translit(w));
        }
    }

    #[test]
    fn only_words_without_pairs_doubles_or_y_are_plain() {
        for w in ["obama", "merkel", "", "k", "sko", "pah", "uo"] {
            assert!(is_translit_plain(w), "{w}");
            assert_eq!(translit(w), w);
        }
        for (w, folded) in [
            ("kassem", "kasem"),
            ("aksel", "axel"),
            ("khan", "han"),
            ("joseph", "josef"),
            ("louis", "luis"),
            ("yuri", "iuri"),
            ("zo\u{eb}\u{eb}", "zo\u{eb}"),
        ] {
            assert!(!is_translit_plain(w), "{w}");
            assert_eq!(translit(w), folded);
        }
    }

    #[test]
    fn lowercase_agrees_with_to_lowercase() {
        for w in [
            "NATO",
            "Ärzte",
            "McCain",
            "İstanbul",
            "",
            "x",
            "Trump\u{2019}s",
            "\u{201c}The",
            "ΟΔΥΣΣΕΥΣ",
            "Σ",
            "AΣ\u{2019}",
        ] {
            assert_eq!(lowercase(w), w.to_lowercase());
        }
        for c in '\u{2000}'..='\u{206f}' {
            assert!(is_caseless_punctuation(c));
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        assert!(!is_caseless_punctuation('\u{1ff}') && !is_caseless_punctuation('\u{2070}'));
    }

    proptest::proptest! {
        #[test]
        fn lowercase_agrees_with_the_library(w in "[a-zA-Z\u{c0}-\u{24f}\u{391}-\u{3c9}\u{2000}-\u{2070}\u{130}']{0,12}") {
            proptest::prop_assert_eq!(lowercase(&w), w.to_lowercase());
        }

        #[test]
        fn translit_plain_is_as_first_written(w in "[kshpouyaxf\u{e9}]{0,12}") {
            let b = w.as_bytes();
            let reference = w.is_ascii()
                && !b.contains(&b'y')
                && b.windows(2).all(|p| {
                    p[0] != p[1] && !matches!(p, [b'k', b's' | b'h'] | [b'p', b'h'] | [b'o', b'u'])
                });
            proptest::prop_assert_eq!(is_translit_plain(&w), reference);
        }
    }

    #[test]
    fn word_count_splits_hyphens() {
        assert_eq!(word_count("Anna-Lena Brask"), 3);
        assert_eq!(word_count("  "), 0);
        for s in [
            "",
            "a",
            "-a-",
            "Jean-Pierre Brask",
            "a\u{b}b\u{c}c\td\re\nf",
            "a\u{1c}b",
            "abcdefgh ijklmnop",
            "abcdefg hijklmno p",
            "        x",
            "x       -       y",
            "caf\u{e9} au lait",
        ] {
            let reference = s
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .count();
            assert_eq!(word_count(s), reference, "{s:?}");
        }
    }
}
