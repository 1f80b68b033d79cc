//! A small tokenizer for the text between mentions: each mention stays one token, the
//! text around it is split into words and punctuation.

use std::borrow::Cow;

use super::found::SentenceMention;
use crate::text::{is_alnum_byte, AsciiWords, Chars};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct,
    /// Index into the mentions given to `extract`.
    Mention(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub kind: TokKind,
    /// Byte offsets into the sentence.
    pub start: usize,
    pub end: usize,
    /// Lowercase text with typographic apostrophes made plain; empty for mentions.
    /// Borrowed from the sentence when it is lowercase ASCII already.
    pub lower: Cow<'a, str>,
    /// Whether whitespace (or the sentence start) comes right before.
    pub space_before: bool,
}

/// Abbreviations that keep their final period ("Mr.", "Gen.", "Aug."), sorted.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "dr", "feb", "gen",
    "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms", "no",
    "nov", "oct", "prof", "rep", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// [`ABBREVIATIONS`], packed.
static ABBREVIATION_WORDS: AsciiWords<{ ABBREVIATIONS.len() }> = AsciiWords::new(ABBREVIATIONS);

fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        // None of the marks below is ASCII.
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.to_ascii_lowercase());
    }
    s.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‐' | '‑' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .into()
}

/// Zero-width and direction marks that web text leaves between words: read as a space.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// [`char::is_alphanumeric`], answered without a table for ASCII and for the marks of
/// the General Punctuation block that news is full of (dashes, curly quotes, the
/// ellipsis: U+2010 to U+2027, none a letter or digit).
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2010}'..='\u{2027}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits `text` into tokens; mentions that overlap an earlier one, are empty or do not
/// fall on character boundaries are left out (their text is then tokenized as words).
/// `ascii_lower` is `text.to_ascii_lowercase()`: ASCII words borrow their lower case
/// from it.
pub(crate) fn tokenize<'a>(
    text: &'a str,
    ascii_lower: &'a str,
    mentions: &[SentenceMention],
) -> Vec<Tok<'a>> {
    // About one token in five bytes of news: sized so that most sentences never regrow it.
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut pos = 0;
    for (i, m) in mentions.iter().enumerate() {
        let (start, end) = (m.span.start, m.span.end);
        if start < pos
            || end > text.len()
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        split_gap(text, ascii_lower, pos, start, &mut toks);
        toks.push(Tok {
            kind: TokKind::Mention(i),
            start,
            end,
            lower: Cow::Borrowed(""),
            space_before: space_before(text, start),
        });
        pos = end;
    }
    split_gap(text, ascii_lower, pos, text.len(), &mut toks);
    toks
}

fn space_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .map_or(true, |c| c.is_whitespace() || is_invisible(c))
}

/// Splits `text[a..b]` into tokens, read in place: ASCII characters by their byte.
fn split_gap<'a>(text: &'a str, ascii_lower: &'a str, a: usize, b: usize, toks: &mut Vec<Tok<'a>>) {
    let bytes = text.as_bytes();
    let mut space = space_before(text, a);
    let mut at = a;
    loop {
        let first = toks.len();
        // Most of a gap is ASCII: read by its bytes up to the first character that is not.
        let Some(p) = split_ascii_gap(text, ascii_lower, at, b, space, toks) else {
            return;
        };
        // No token reaches across ASCII whitespace or looks past it (it is no letter, digit
        // or apostrophe): the tokens before the last one before `p` stand, the words
        // from there to the next ASCII whitespace are read as characters, and the bytes
        // take over again at that whitespace.
        let from = bytes[at..p]
            .iter()
            .rposition(|&c| is_ascii_space(c))
            .map_or(at, |k| at + k);
        let keep = toks[first..]
            .iter()
            .position(|t| t.start >= from)
            .map_or(toks.len(), |k| first + k);
        toks.truncate(keep);
        let to = bytes[p..b]
            .iter()
            .position(|&c| is_ascii_space(c))
            .map_or(b, |k| p + k);
        split_wide_gap(text, ascii_lower, from, to, space || from > at, toks);
        if to == b {
            return;
        }
        at = to;
        space = true;
    }
}

/// ASCII whitespace as `char::is_whitespace` has it.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t'..=b'\r')
}

/// [`split_gap`] of a gap that holds a character that is not ASCII.
fn split_wide_gap<'a>(
    text: &'a str,
    ascii_lower: &'a str,
    a: usize,
    b: usize,
    mut space: bool,
    toks: &mut Vec<Tok<'a>>,
) {
    let gap = Chars { s: &text[a..b] };
    let n = gap.len();
    let ch = |i: usize| gap.get(i);
    let alnum = |i: usize| ch(i).is_some_and(is_alnum);
    let mut i = 0;
    while i < n {
        let c = gap.ch(i);
        if c.is_whitespace() || is_invisible(c) {
            space = true;
            i = gap.next(i);
            continue;
        }
        let (kind, end) = if is_alnum(c) {
            (TokKind::Word, word_end(gap, i))
        } else if is_apostrophe(c) && !space {
            let prev_s = text[..a + i]
                .chars()
                .next_back()
                .is_some_and(|p| p == 's' || p == 'S');
            let next = gap.next(i);
            if matches!(ch(next), Some('s' | 'S')) && !alnum(next + 1) {
                (TokKind::Word, next + 1)
            } else if prev_s && !alnum(next) {
                // "Damascus' fight": a possessive without the s.
                (TokKind::Word, next)
            } else {
                (TokKind::Punct, next)
            }
        } else {
            (TokKind::Punct, gap.next(i))
        };
        let raw = &gap.s[i..end];
        let lower = if kind == TokKind::Word && is_apostrophe(c) {
            Cow::Borrowed("'s")
        } else if raw.is_ascii() {
            Cow::Borrowed(&ascii_lower[a + i..a + end])
        } else {
            normalize(raw)
        };
        toks.push(Tok {
            kind,
            start: a + i,
            end: a + end,
            lower,
            space_before: space,
        });
        space = false;
        i = end;
    }
}

/// [`split_gap`] of a gap `text[a..b]`, read by its bytes: the same tokens, without
/// decoding a character (`space`: whitespace comes right before the gap), up to the
/// first byte that is not ASCII, whose offset it returns (`None` when there is none).
fn split_ascii_gap<'a>(
    text: &'a str,
    ascii_lower: &'a str,
    a: usize,
    b: usize,
    mut space: bool,
    toks: &mut Vec<Tok<'a>>,
) -> Option<usize> {
    let gap = Chars { s: &text[a..b] };
    let bytes = gap.s.as_bytes();
    let n = bytes.len();
    let alnum = |i: usize| i < n && is_alnum_byte(bytes[i]);
    let mut i = 0;
    while i < n {
        let c = bytes[i];
        let (kind, end) = match c {
            // ASCII whitespace as `char::is_whitespace` has it.
            b' ' | b'\t'..=b'\r' => {
                space = true;
                i += 1;
                while i < n && matches!(bytes[i], b' ' | b'\t'..=b'\r') {
                    i += 1;
                }
                continue;
            }
            _ if is_alnum_byte(c) => (TokKind::Word, ascii_word_end(gap.s, i)),
            b'\'' if !space => {
                // The byte before an ASCII byte is a whole character.
                let prev_s = a + i > 0 && matches!(text.as_bytes()[a + i - 1], b's' | b'S');
                let next = i + 1;
                if next < n && matches!(bytes[next], b's' | b'S') && !alnum(next + 1) {
                    (TokKind::Word, next + 1)
                } else if prev_s && !alnum(next) {
                    // "Damascus' fight": a possessive without the s.
                    (TokKind::Word, next)
                } else {
                    (TokKind::Punct, next)
                }
            }
            _ if !c.is_ascii() => return Some(a + i),
            _ => (TokKind::Punct, i + 1),
        };
        let lower = if kind == TokKind::Word && c == b'\'' {
            Cow::Borrowed("'s")
        } else {
            Cow::Borrowed(&ascii_lower[a + i..a + end])
        };
        toks.push(Tok {
            kind,
            start: a + i,
            end: a + end,
            lower,
            space_before: space,
        });
        space = false;
        i = end;
    }
    None
}

/// [`word_end`] in an ASCII gap, read by its bytes.
fn ascii_word_end(gap: &str, i: usize) -> usize {
    let bytes = gap.as_bytes();
    let n = bytes.len();
    let alnum = |k: usize| k < n && is_alnum_byte(bytes[k]);
    let mut j = i + 1;
    while j < n {
        // The run of letters and digits, then what may carry the word on.
        j += bytes[j..]
            .iter()
            .position(|&c| !is_alnum_byte(c))
            .unwrap_or(n - j);
        let Some(&c) = bytes.get(j) else { break };
        let next = j + 1;
        match c {
            b'\'' => {
                // Stop before a possessive 's; keep "don't", "O'Brien".
                let possessive = next < n && matches!(bytes[next], b's' | b'S') && !alnum(next + 1);
                if possessive || !alnum(next) {
                    break;
                }
            }
            // "8,000": one number.
            b',' if bytes[j - 1].is_ascii_digit() && next < n && bytes[next].is_ascii_digit() => {}
            b'-' | b'.' if alnum(next) => {}
            _ => break,
        }
        j = next;
    }
    if j < n && bytes[j] == b'.' && ascii_keeps_period(&bytes[i..j]) {
        j += 1;
    }
    j
}

/// The longest of the [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = 4;

/// [`keeps_period`] of an ASCII word, read by its bytes.
fn ascii_keeps_period(word: &[u8]) -> bool {
    if word.contains(&b'.') {
        return true;
    }
    match word {
        [c] => c.is_ascii_alphabetic(),
        _ => word.len() <= ABBREVIATION_MAX && ABBREVIATION_WORDS.contains(word),
    }
}

/// The end of the word that starts with the letter or digit at `i`.
fn word_end(gap: Chars<'_>, i: usize) -> usize {
    let n = gap.len();
    let alnum = |i: usize| gap.get(i).is_some_and(is_alnum);
    let mut j = gap.next(i);
    while j < n {
        if is_alnum_byte(gap.byte(j)) {
            j += 1;
            continue;
        }
        let cj = gap.ch(j);
        let next = gap.next(j);
        if is_alnum(cj) {
            j = next;
        } else if is_apostrophe(cj) {
            // Stop before a possessive 's; keep "don't", "O'Brien".
            let possessive = matches!(gap.get(next), Some('s' | 'S')) && !alnum(next + 1);
            if !possessive && alnum(next) {
                j = next;
            } else {
                break;
            }
        } else if cj == ','
            && gap.byte(j - 1).is_ascii_digit()
            && next < n
            && gap.byte(next).is_ascii_digit()
        {
            // "8,000": one number.
            j = next;
        } else if matches!(cj, '-' | '.' | '‐' | '‑') && alnum(next) {
            j = next;
        } else {
            break;
        }
    }
    if j < n && gap.byte(j) == b'.' && keeps_period(&gap.s[i..j]) {
        j += 1;
    }
    j
}

/// Whether `word`, followed by a period, keeps it: a dotted abbreviation, an initial
/// or one of the [`ABBREVIATIONS`].
fn keeps_period(word: &str) -> bool {
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    if !word.is_ascii() {
        return ABBREVIATIONS
            .binary_search(&word.to_lowercase().as_str())
            .is_ok();
    }
    ABBREVIATION_WORDS.contains(word.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Span};
    use crate::text::LOWERED_MAX;

    fn words(text: &str, mentions: &[SentenceMention]) -> Vec<String> {
        tokenize(text, &text.to_ascii_lowercase(), mentions)
            .iter()
            .map(|t| match t.kind {
                TokKind::Mention(i) => format!("<{i}>"),
                _ => t.lower.to_string(),
            })
            .collect()
    }

    fn mention(text: &str, what: &str) -> SentenceMention {
        let start = text.find(what).unwrap();
        SentenceMention {
            span: Span::new(start, start + what.len()),
            entity: 0,
            entity_type: EntityType::Location,
            demonym: false,
            reference: false,
        }
    }

    #[test]
    fn abbreviations_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        for w in ["Sept", "MR", "U.S", "W", "\u{c9}"] {
            assert!(keeps_period(w), "{w}");
        }
        for w in ["Septe", "Kerry", "10", "caf\u{e9}"] {
            assert!(!keeps_period(w), "{w}");
        }
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LOWERED_MAX));
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(ABBREVIATION_MAX)
        );
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_keep_their_period_as_any_word_does(w in "([aAsStT.1]|no|Mr|Sept|Gen){0,4}") {
            proptest::prop_assert_eq!(ascii_keeps_period(w.as_bytes()), keeps_period(&w));
        }
    }

    #[test]
    fn possessives_compounds_and_abbreviations() {
        let t = "The U.S. and Russia’s Mr. Smith don't back al-Qaeda-linked groups.";
        assert_eq!(
            words(t, &[]),
            [
                "the",
                "u.s.",
                "and",
                "russia",
                "'s",
                "mr.",
                "smith",
                "don't",
                "back",
                "al-qaeda-linked",
                "groups",
                "."
            ]
        );
        let t = "US-backed rebels in Damascus’ suburbs";
        let ms = [mention(t, "US"), mention(t, "Damascus")];
        assert_eq!(
            words(t, &ms),
            ["<0>", "-", "backed", "rebels", "in", "<1>", "'s", "suburbs"]
        );
        let lower = t.to_ascii_lowercase();
        let toks = tokenize(t, &lower, &ms);
        assert!(!toks[1].space_before && !toks[2].space_before);
    }

    #[test]
    fn non_ascii_offsets_stay_on_boundaries() {
        let t = "Erdoğan met Çavuşoğlu — in Ankara.";
        let ms = [mention(t, "Çavuşoğlu")];
        let lower = t.to_ascii_lowercase();
        let toks = tokenize(t, &lower, &ms);
        for tok in &toks {
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
        }
        assert_eq!(&t[toks[2].start..toks[2].end], "Çavuşoğlu");
        assert_eq!(toks[3].lower, "—");
    }

    fn gap_tokens(text: &str, wide: bool) -> Vec<(TokKind, usize, usize, String, bool)> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        let a = text.len().min(2);
        let space = space_before(text, a);
        if wide {
            split_wide_gap(text, &lower, a, text.len(), space, &mut toks);
        } else {
            let stop = split_ascii_gap(text, &lower, a, text.len(), space, &mut toks);
            assert_eq!(stop, None);
        }
        toks.iter()
            .map(|t| (t.kind, t.start, t.end, t.lower.to_string(), t.space_before))
            .collect()
    }

    #[test]
    fn ascii_gaps_read_by_bytes_split_as_characters_do() {
        for t in [
            "s' Damascus' fight, 8,000 U.S. don't US-backed Mr. Smith's 'quote' it's",
            "A  'S' x's ''s ,s S'x 3.5. No. Gen.\tvs. e-mail -x- x. y.z. al-'",
        ] {
            assert_eq!(gap_tokens(t, false), gap_tokens(t, true), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_ascii_gap_splits_as_characters_do(t in "[ aAsSzZ019'.,\\-\t\n\u{b}\u{1f}!]{0,40}") {
            proptest::prop_assert_eq!(gap_tokens(&t, false), gap_tokens(&t, true));
        }
    }

    /// The tokenizer as first written, character by character: the reference that the
    /// faster one must agree with.
    mod first {
        use super::*;

        /// Splits `text` into tokens; mentions that overlap an earlier one, are empty or do not
        /// fall on character boundaries are left out (their text is then tokenized as words).
        /// `ascii_lower` is `text.to_ascii_lowercase()`: ASCII words borrow their lower case
        /// from it.
        pub(super) fn tokenize<'a>(
            text: &'a str,
            ascii_lower: &'a str,
            mentions: &[SentenceMention],
        ) -> Vec<Tok<'a>> {
            // About one token in five bytes of news: sized so that most sentences never regrow it.
            let mut toks = Vec::with_capacity(text.len() / 4 + 1);
            let mut pos = 0;
            for (i, m) in mentions.iter().enumerate() {
                let (start, end) = (m.span.start, m.span.end);
                if start < pos
                    || end > text.len()
                    || start >= end
                    || !text.is_char_boundary(start)
                    || !text.is_char_boundary(end)
                {
                    continue;
                }
                split_gap(text, ascii_lower, pos, start, &mut toks);
                toks.push(Tok {
                    kind: TokKind::Mention(i),
                    start,
                    end,
                    lower: Cow::Borrowed(""),
                    space_before: space_before(text, start),
                });
                pos = end;
            }
            split_gap(text, ascii_lower, pos, text.len(), &mut toks);
            toks
        }

        /// Splits `text[a..b]` into tokens, read in place: ASCII characters by their byte.
        fn split_gap<'a>(
            text: &'a str,
            ascii_lower: &'a str,
            a: usize,
            b: usize,
            toks: &mut Vec<Tok<'a>>,
        ) {
            let space = space_before(text, a);
            // Most gaps: then every token is ASCII, read by its bytes.
            if text.as_bytes()[a..b].is_ascii() {
                split_ascii_gap(text, ascii_lower, a, b, space, toks);
            } else {
                split_wide_gap(text, ascii_lower, a, b, space, toks);
            }
        }

        /// [`split_gap`] of a gap that holds a character that is not ASCII.
        fn split_wide_gap<'a>(
            text: &'a str,
            ascii_lower: &'a str,
            a: usize,
            b: usize,
            mut space: bool,
            toks: &mut Vec<Tok<'a>>,
        ) {
            let gap = Chars { s: &text[a..b] };
            let n = gap.len();
            let ch = |i: usize| gap.get(i);
            let alnum = |i: usize| ch(i).is_some_and(char::is_alphanumeric);
            let mut i = 0;
            while i < n {
                let c = gap.ch(i);
                if c.is_whitespace() || is_invisible(c) {
                    space = true;
                    i = gap.next(i);
                    continue;
                }
                let (kind, end) = if c.is_alphanumeric() {
                    (TokKind::Word, word_end(gap, i))
                } else if is_apostrophe(c) && !space {
                    let prev_s = text[..a + i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p == 's' || p == 'S');
                    let next = gap.next(i);
                    if matches!(ch(next), Some('s' | 'S')) && !alnum(next + 1) {
                        (TokKind::Word, next + 1)
                    } else if prev_s && !alnum(next) {
                        // "Damascus' fight": a possessive without the s.
                        (TokKind::Word, next)
                    } else {
                        (TokKind::Punct, next)
                    }
                } else {
                    (TokKind::Punct, gap.next(i))
                };
                let raw = &gap.s[i..end];
                let lower = if kind == TokKind::Word && is_apostrophe(c) {
                    Cow::Borrowed("'s")
                } else if raw.is_ascii() {
                    Cow::Borrowed(&ascii_lower[a + i..a + end])
                } else {
                    normalize(raw)
                };
                toks.push(Tok {
                    kind,
                    start: a + i,
                    end: a + end,
                    lower,
                    space_before: space,
                });
                space = false;
                i = end;
            }
        }

        /// [`split_gap`] of an ASCII gap `text[a..b]`, read by its bytes: the same tokens,
        /// without decoding a character (`space`: whitespace comes right before the gap).
        fn split_ascii_gap<'a>(
            text: &'a str,
            ascii_lower: &'a str,
            a: usize,
            b: usize,
            mut space: bool,
            toks: &mut Vec<Tok<'a>>,
        ) {
            let gap = Chars { s: &text[a..b] };
            let bytes = gap.s.as_bytes();
            let n = bytes.len();
            let alnum = |i: usize| i < n && is_alnum_byte(bytes[i]);
            let mut i = 0;
            while i < n {
                let c = bytes[i];
                let (kind, end) = match c {
                    // ASCII whitespace as `char::is_whitespace` has it.
                    b' ' | b'\t'..=b'\r' => {
                        space = true;
                        i += 1;
                        continue;
                    }
                    _ if is_alnum_byte(c) => (TokKind::Word, ascii_word_end(gap.s, i)),
                    b'\'' if !space => {
                        // The byte before an ASCII byte is a whole character.
                        let prev_s = a + i > 0 && matches!(text.as_bytes()[a + i - 1], b's' | b'S');
                        let next = i + 1;
                        if next < n && matches!(bytes[next], b's' | b'S') && !alnum(next + 1) {
                            (TokKind::Word, next + 1)
                        } else if prev_s && !alnum(next) {
                            // "Damascus' fight": a possessive without the s.
                            (TokKind::Word, next)
                        } else {
                            (TokKind::Punct, next)
                        }
                    }
                    _ => (TokKind::Punct, i + 1),
                };
                let lower = if kind == TokKind::Word && c == b'\'' {
                    Cow::Borrowed("'s")
                } else {
                    Cow::Borrowed(&ascii_lower[a + i..a + end])
                };
                toks.push(Tok {
                    kind,
                    start: a + i,
                    end: a + end,
                    lower,
                    space_before: space,
                });
                space = false;
                i = end;
            }
        }

        /// [`word_end`] in an ASCII gap, read by its bytes.
        fn ascii_word_end(gap: &str, i: usize) -> usize {
            let bytes = gap.as_bytes();
            let n = bytes.len();
            let alnum = |k: usize| k < n && is_alnum_byte(bytes[k]);
            let mut j = i + 1;
            while j < n {
                let c = bytes[j];
                if is_alnum_byte(c) {
                    j += 1;
                    continue;
                }
                let next = j + 1;
                match c {
                    b'\'' => {
                        // Stop before a possessive 's; keep "don't", "O'Brien".
                        let possessive =
                            next < n && matches!(bytes[next], b's' | b'S') && !alnum(next + 1);
                        if possessive || !alnum(next) {
                            break;
                        }
                    }
                    // "8,000": one number.
                    b',' if bytes[j - 1].is_ascii_digit()
                        && next < n
                        && bytes[next].is_ascii_digit() => {}
                    b'-' | b'.' if alnum(next) => {}
                    _ => break,
                }
                j = next;
            }
            if j < n && bytes[j] == b'.' && keeps_period(&gap[i..j]) {
                j += 1;
            }
            j
        }

        /// The end of the word that starts with the letter or digit at `i`.
        fn word_end(gap: Chars<'_>, i: usize) -> usize {
            let n = gap.len();
            let alnum = |i: usize| gap.get(i).is_some_and(char::is_alphanumeric);
            let mut j = gap.next(i);
            while j < n {
                if is_alnum_byte(gap.byte(j)) {
                    j += 1;
                    continue;
                }
                let cj = gap.ch(j);
                let next = gap.next(j);
                if cj.is_alphanumeric() {
                    j = next;
                } else if is_apostrophe(cj) {
                    // Stop before a possessive 's; keep "don't", "O'Brien".
                    let possessive = matches!(gap.get(next), Some('s' | 'S')) && !alnum(next + 1);
                    if !possessive && alnum(next) {
                        j = next;
                    } else {
                        break;
                    }
                } else if cj == ','
                    && gap.byte(j - 1).is_ascii_digit()
                    && next < n
                    && gap.byte(next).is_ascii_digit()
                {
                    // "8,000": one number.
                    j = next;
                } else if matches!(cj, '-' | '.' | '‐' | '‑') && alnum(next) {
                    j = next;
                } else {
                    break;
                }
            }
            if j < n && gap.byte(j) == b'.' && keeps_period(&gap.s[i..j]) {
                j += 1;
            }
            j
        }
    }

    fn all_tokens(
        t: &str,
        ms: &[SentenceMention],
        first: bool,
    ) -> Vec<(TokKind, usize, usize, String, bool)> {
        let lower = t.to_ascii_lowercase();
        let toks = if first {
            self::first::tokenize(t, &lower, ms)
        } else {
            tokenize(t, &lower, ms)
        };
        toks.iter()
            .map(|t| (t.kind, t.start, t.end, t.lower.to_string(), t.space_before))
            .collect()
    }

    #[test]
    fn general_punctuation_is_no_letter_or_digit() {
        for c in '\u{2010}'..='\u{2027}' {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(!is_alnum(c));
        }
        for c in [
            'a', 'Z', '7', '\u{e9}', '\u{11f}', '\u{2160}', '\u{2028}', '\u{2030}', '-', ' ',
        ] {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn sentences_split_as_the_first_tokenizer_split_them() {
        let t = "\u{201c}Russia\u{2019}s  Mr. Lavrov \u{2014} who met 8,000 U.S.-backed rebels\u{2026} \u{2018}Erdo\u{11f}an\u{2019} said.";
        let ms = [
            mention(t, "Russia"),
            mention(t, "Lavrov"),
            mention(t, "rebels"),
        ];
        assert_eq!(all_tokens(t, &ms, false), all_tokens(t, &ms, true));
    }

    proptest::proptest! {
        #[test]
        fn any_sentence_splits_as_the_first_tokenizer_split_it(
            t in "([ aAsSzZ019'.,\\-\t!]|\u{2019}|\u{201c}|\u{2014}|\u{e9}|\u{200b}|\u{a0}|\u{2028}|\u{2011}|\u{2160}|no|Mr|U\\.S\\.){0,40}",
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let mut cuts = cuts;
            cuts.sort_unstable();
            let ms: Vec<SentenceMention> = cuts
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| SentenceMention {
                    span: Span::new(c[0], c[1]),
                    entity: 0,
                    entity_type: EntityType::Person,
                    demonym: false,
                    reference: false,
                })
                .collect();
            proptest::prop_assert_eq!(all_tokens(&t, &ms, false), all_tokens(&t, &ms, true));
        }
    }

    #[test]
    fn gaps_with_wide_characters_split_as_the_first_tokenizer_split_them() {
        for t in [
            "\u{201c}We\u{2019}re here,\u{201d} said O\u{2019}Brien\u{2014}the Damascus\u{2019} x",
            "a\u{a0}b c\u{200b} d \u{2018}s\u{2019} Caf\u{e9}s' 8,000\u{2011}odd U.S.\u{2026} Mr.\u{2019}",
            "\u{e9} \u{e9}\u{e9}  x's\u{2019}s ' s\u{2019} \t\u{2019}s U.S.-\u{e9} 8,\u{e9} it'\u{e9}",
            "Paris-\u{e9}t\u{e9} no.\u{e9} s'\u{e9} x's\u{e9} 'S\u{2019}",
        ] {
            let ms: Vec<SentenceMention> = ["here", "Brien", " x"]
                .iter()
                .filter(|w| t.contains(*w))
                .map(|w| mention(t, w))
                .collect();
            assert_eq!(all_tokens(t, &[], false), all_tokens(t, &[], true), "{t}");
            assert_eq!(all_tokens(t, &ms, false), all_tokens(t, &ms, true), "{t}");
        }
    }

    #[test]
    fn bytes_take_over_again_after_each_wide_stretch() {
        for t in [
            "\u{201c}We\u{2019}re here,\u{201d} he said. \u{201c}It\u{2019}s Russia\u{2019}s call\u{2014}and Mr. O\u{2019}Brien\u{2019}s.\u{201d} 8,000 U.S.-backed",
            "Caf\u{e9}s' x's\u{a0}y  z\u{200b} w's \u{e9}t\u{e9} S' s\u{2019} 'tis",
        ] {
            let ms: Vec<SentenceMention> = ["Russia", "Brien", "w's"]
                .iter()
                .filter(|w| t.contains(*w))
                .map(|w| mention(t, w))
                .collect();
            assert_eq!(all_tokens(t, &[], false), all_tokens(t, &[], true), "{t}");
            assert_eq!(all_tokens(t, &ms, false), all_tokens(t, &ms, true), "{t}");
        }
    }

    #[test]
    fn bad_spans_are_skipped() {
        let t = "Kerry met Lavrov";
        let mut bad = mention(t, "Kerry");
        bad.span = Span::new(3, 100);
        assert_eq!(words(t, &[bad]), ["kerry", "met", "lavrov"]);
    }
}
