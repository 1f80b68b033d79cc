//! Splitting a document into lines, sentences and tokens, with byte offsets.
//!
//! Every line break ends a sentence (scraped news puts headlines, captions and
//! paragraphs on lines of their own); inside a line, `.`, `!` and `?` end one
//! unless they close an abbreviation ("U.S.", "Mr.", "Sept.") or an initial.

use crate::model::Span;
use crate::normalize::{is_mojibake_lead, mojibake_at};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits, inner apostrophes and hyphens, or a dotted abbreviation.
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace (or the start of the line) comes right before it.
    pub space_before: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Index of the line the sentence is on.
    pub line: usize,
}

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "dept", "dr", "feb",
    "fig", "fr", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "rep", "reps", "rev", "sen",
    "sens", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// Words after which a dotted abbreviation ("the U.S. The ...") does end a sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "an",
    "as",
    "at",
    "but",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "when",
    "while",
    "you",
];

pub fn is_abbreviation(word_without_dot: &str) -> bool {
    let lower = word_without_dot.to_ascii_lowercase();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

/// The longest of [`ABBREVIATIONS`], in bytes.
const ABBREVIATION_MAX: usize = 6;

/// Whether characters `start..end` are an initial ("W") or one of the
/// [`ABBREVIATIONS`] in any case ([`is_abbreviation`]), lowered on the stack.
fn abbreviation_at<C: CharSeq + ?Sized>(chars: &C, start: usize, end: usize) -> bool {
    let len = end - start;
    if len == 1 && chars.ch(start).is_uppercase() {
        return true;
    }
    if len > ABBREVIATION_MAX {
        return false;
    }
    let mut lower = [0u8; ABBREVIATION_MAX];
    for (k, slot) in lower[..len].iter_mut().enumerate() {
        match u8::try_from(chars.ch(start + k)) {
            Ok(b) if b.is_ascii() => *slot = b.to_ascii_lowercase(),
            // The list is ASCII.
            _ => return false,
        }
    }
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(&lower[..len]))
        .is_ok()
}

/// Byte spans of the lines of `text` (without their line breaks).
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // A char pattern is found with memchr, not byte by byte.
    for (i, _) in text.match_indices('\n') {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(Span::new(start, end));
        start = i + 1;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (accents written as separate code points) stay in the word.
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// `s.char_indices()` collected, sized for the worst case up front (collecting
/// would grow it step by step); ASCII characters, most of them, are copied byte
/// by byte without decoding.
pub fn char_indices(s: &str) -> Vec<(usize, char)> {
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII, most of even a line with a curly quote, copied without decoding.
        let run = bytes[i..].iter().position(|b| !b.is_ascii());
        let end = run.map_or(bytes.len(), |r| i + r);
        let ascii = bytes[i..end].iter().enumerate();
        chars.extend(ascii.map(|(k, &b)| (i + k, char::from(b))));
        i = end;
        if let Some(c) = s[i..].chars().next() {
            chars.push((i, c));
            i += c.len_utf8();
        }
    }
    chars
}

/// The characters of a string by index, with their byte offsets: ASCII text is
/// read byte by byte in place, other text from its collected [`char_indices`].
pub trait CharSeq {
    /// Every character is ASCII.
    const ASCII: bool = false;
    fn count(&self) -> usize;
    /// The `i`th character (`i < count()`).
    fn ch(&self, i: usize) -> char;
    /// Byte offset of the `i`th character (`i < count()`).
    fn off(&self, i: usize) -> usize;
    fn get(&self, i: usize) -> Option<char> {
        (i < self.count()).then(|| self.ch(i))
    }
}

/// The bytes of an ASCII string as its characters.
pub struct AsciiChars<'a>(pub &'a [u8]);

impl CharSeq for AsciiChars<'_> {
    const ASCII: bool = true;
    #[inline]
    fn count(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn ch(&self, i: usize) -> char {
        char::from(self.0[i])
    }
    #[inline]
    fn off(&self, i: usize) -> usize {
        i
    }
}

impl CharSeq for [(usize, char)] {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }
    #[inline]
    fn ch(&self, i: usize) -> char {
        self[i].1
    }
    #[inline]
    fn off(&self, i: usize) -> usize {
        self[i].0
    }
}

/// Tokens of `text[span]`, offsets relative to `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.start..span.end];
    if s.is_ascii() {
        tokens_of(&AsciiChars(s.as_bytes()), s.len(), span.start)
    } else {
        tokens_of(char_indices(s).as_slice(), s.len(), span.start)
    }
}

/// [`tokenize`] over the characters of a string of `len` bytes starting at `base`.
fn tokens_of<C: CharSeq + ?Sized>(chars: &C, len: usize, base: usize) -> Vec<Token> {
    // About one token in five bytes of news: sized so that most sentences never regrow it.
    let mut tokens = Vec::with_capacity(len / 4 + 1);
    let n = chars.count();
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let c = chars.ch(i);
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = chars.off(i);
        let (end_idx, kind) = if let Some((k, false)) = mojibake(chars, i) {
            // "Ã¢â‚¬â„¢" for "’": one punctuation mark, as the writer meant it.
            (i + k, TokenKind::Punct)
        } else if c.is_ascii_digit() {
            (scan_number(chars, i), TokenKind::Number)
        } else if is_word_char(c) {
            (scan_word(chars, i), TokenKind::Word)
        } else {
            (i + 1, TokenKind::Punct)
        };
        let end = if end_idx < n { chars.off(end_idx) } else { len };
        tokens.push(Token {
            span: Span::new(base + start, base + end),
            kind,
            space_before,
        });
        space_before = false;
        i = end_idx;
    }
    tokens
}

/// A mojibake sequence at `chars[i]` (UTF-8 read as cp1252, see
/// [`mojibake_at`]): its length in characters and whether it stands for a letter
/// or digit. Only tried at the few characters that can open one.
#[inline(always)]
fn mojibake<C: CharSeq + ?Sized>(chars: &C, i: usize) -> Option<(usize, bool)> {
    // Checked first: called at every character, and almost none opens a sequence.
    if !is_mojibake_lead(chars.ch(i)) {
        return None;
    }
    mojibake_after_lead(chars, i)
}

/// [`mojibake`] at a lead character.
fn mojibake_after_lead<C: CharSeq + ?Sized>(chars: &C, i: usize) -> Option<(usize, bool)> {
    // Every byte after a lead is a continuation byte, never ASCII: "é" in "café" stops here.
    let next = chars.get(i + 1)?;
    if next.is_ascii() {
        return None;
    }
    let window: Vec<char> = (i..chars.count().min(i + 64))
        .map(|k| chars.ch(k))
        .collect();
    mojibake_at(&window).map(|(k, c)| (k, is_word_char(c)))
}

fn scan_number<C: CharSeq + ?Sized>(chars: &C, mut i: usize) -> usize {
    let n = chars.count();
    while i < n {
        let c = chars.ch(i);
        // Digits and letters run together (10th, 1990s); separators only between digits
        // (1,000 / 3.5 / 10:00 / 5/1); a hyphen splits (48-hour).
        let inner_separator = matches!(c, ',' | '.' | ':' | '/')
            && i + 1 < n
            && chars.ch(i + 1).is_ascii_digit()
            && i > 0
            && chars.ch(i - 1).is_ascii_digit();
        if c.is_ascii_digit() || c.is_alphabetic() || inner_separator {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The end of a dotted abbreviation (U.S., U.N., D.C., U.S.A.: letter, dot, letter,
/// dot ...) starting at `start`, if one does.
fn dotted_end<C: CharSeq + ?Sized>(chars: &C, start: usize) -> Option<usize> {
    let n = chars.count();
    if !(chars.ch(start).is_alphabetic()
        && start + 2 < n
        && chars.ch(start + 1) == '.'
        && chars.ch(start + 2).is_alphabetic())
    {
        return None;
    }
    let mut j = start;
    while j + 1 < n && chars.ch(j).is_alphabetic() && chars.ch(j + 1) == '.' {
        j += 2;
        if !(j < n && chars.ch(j).is_alphabetic()) {
            break;
        }
        if j + 1 < n && is_word_char(chars.ch(j + 1)) {
            // "U.Something": not an abbreviation chain after all.
            break;
        }
    }
    (j > start + 2 && (j >= n || !is_word_char(chars.ch(j)))).then_some(j)
}

fn scan_word<C: CharSeq + ?Sized>(chars: &C, start: usize) -> usize {
    if let Some(j) = dotted_end(chars, start) {
        return j;
    }
    let n = chars.count();
    let mut i = start;
    while i < n {
        let c = chars.ch(i);
        if c.is_ascii_alphanumeric() {
            // Most of a word: no mojibake lead, a word character.
            i += 1;
            continue;
        }
        match mojibake(chars, i) {
            // "PelÃ©" is one word, "ObamaÃ¢â‚¬â„¢s" a word and an apostrophe.
            Some((k, true)) => {
                i += k;
                continue;
            }
            Some((_, false)) if i > start => break,
            _ => {}
        }
        if is_word_char(c) {
            i += 1;
            continue;
        }
        let next = chars.get(i + 1);
        if is_apostrophe(c) {
            // Inner apostrophe (O'Brien, don't) but not a possessive 's / s'.
            match next {
                Some(nc) if nc.is_alphabetic() => {
                    let after = chars.get(i + 2);
                    let possessive = (nc == 's' || nc == 'S') && !after.is_some_and(is_word_char);
                    if possessive {
                        break;
                    }
                    i += 1;
                    continue;
                }
                _ => break,
            }
        }
        if is_hyphen(c) {
            // Keep cease-fire and al-Assad whole; split US-backed and Syria-rebel.
            match next {
                Some(nc) if is_word_char(nc) => {
                    let left_has_upper = (start..i).any(|k| chars.ch(k).is_uppercase());
                    if nc.is_lowercase() && left_has_upper {
                        break;
                    }
                    i += 1;
                    continue;
                }
                _ => break,
            }
        }
        if c == '.' {
            if let Some(end) = web_address_end(chars, start, i) {
                i = end;
                continue;
            }
            // Abbreviation or initial: Mr. / Sept. / W.
            if abbreviation_at(chars, start, i) {
                return i + 1;
            }
        }
        break;
    }
    i
}

/// The end of a web address's top-level domain after the dot at `dot` (JioSaavn.com).
fn web_address_end<C: CharSeq + ?Sized>(chars: &C, start: usize, dot: usize) -> Option<usize> {
    let n = chars.count();
    let nc = chars.get(dot + 1)?;
    if !(nc.is_ascii_lowercase() && dot > start) {
        return None;
    }
    let mut j = dot + 1;
    while j < n && chars.ch(j).is_ascii_alphanumeric() {
        j += 1;
    }
    let tld_len = j - (dot + 1);
    ((2..=4).contains(&tld_len) && (j >= n || !is_word_char(chars.ch(j)))).then_some(j)
}

/// Splits `text[line]` into sentences.
pub fn split_sentences(text: &str, line: Span, line_index: usize, out: &mut Vec<Sentence>) {
    let tokens = tokenize(text, line);
    if tokens.is_empty() {
        return;
    }
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let word = &text[t.span.start..t.span.end];
        let terminal = match t.kind {
            TokenKind::Punct => matches!(word, "." | "!" | "?" | "\u{2026}"),
            TokenKind::Word => word.ends_with('.') && is_dotted_caps(word),
            TokenKind::Number => false,
        };
        if terminal {
            // Closing quotes and brackets belong to the sentence they close.
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && is_closer(&text[tokens[j].span.start..tokens[j].span.end])
            {
                j += 1;
            }
            let next = tokens.get(j);
            let ends = match next {
                None => true,
                Some(n) if !n.space_before => false,
                Some(n) => {
                    let w = &text[n.span.start..n.span.end];
                    if t.kind == TokenKind::Word {
                        // "the U.S. The President": only before a typical sentence opener.
                        SENTENCE_STARTERS
                            .binary_search(&w.to_lowercase().as_str())
                            .is_ok()
                            && w.chars().next().is_some_and(char::is_uppercase)
                    } else {
                        !w.chars().next().is_some_and(char::is_lowercase)
                    }
                }
            };
            if ends {
                push_sentence(text, &tokens[begin..j], line_index, out);
                begin = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if begin < tokens.len() {
        push_sentence(text, &tokens[begin..], line_index, out);
    }
}

fn is_dotted_caps(word: &str) -> bool {
    word.len() >= 4 && word.matches('.').count() >= 2
}

fn is_closer(p: &str) -> bool {
    matches!(
        p,
        "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}" | "\u{bb}"
    )
}

fn push_sentence(_text: &str, tokens: &[Token], line: usize, out: &mut Vec<Sentence>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        out.push(Sentence {
            span: Span::new(first.span.start, last.span.end),
            tokens: tokens.to_vec(),
            line,
        });
    }
}

/// Maps byte offsets of one text to character (code point) offsets.
///
/// Keeps the character count at every 64th byte (a sixteenth of the text's size in
/// memory) and counts the rest of the way: a character starts at every byte that
/// is not a UTF-8 continuation byte.
pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// Characters before byte `64 * i`; empty when the text is ASCII.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

fn starts(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32
}

/// [`starts`] of a whole block, eight bytes at a time: a continuation byte has its
/// top bit set and the next one clear.
fn block_starts(block: &[u8; BLOCK]) -> u32 {
    let mut continuations = 0;
    for word in block.chunks_exact(8) {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        continuations += (x & !(x << 1) & 0x8080_8080_8080_8080).count_ones();
    }
    BLOCK as u32 - continuations
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharIndex {
                bytes,
                blocks: Vec::new(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += match chunk.try_into() {
                Ok(block) => block_starts(block),
                Err(_) => starts(chunk),
            };
        }
        blocks.push(count);
        CharIndex { bytes, blocks }
    }

    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.blocks.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        (self.blocks[block] + starts(&self.bytes[block * BLOCK..byte])) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_indices_are_those_of_the_str() {
        for s in ["Plain ASCII, 10:00.", "Café – naïve “quotes”", ""] {
            assert_eq!(char_indices(s), s.char_indices().collect::<Vec<_>>());
        }
    }

    #[test]
    fn char_offsets_match_counting_every_character() {
        let text = "Zoë Ørsted – «São Paulo» 😀 ".repeat(40) + "end";
        let index = CharIndex::new(&text);
        for b in 0..=text.len() {
            let naive = text.char_indices().take_while(|&(i, _)| i < b).count();
            assert_eq!(index.char_offset(b), naive, "byte {b}");
        }
        assert_eq!(CharIndex::new("plain").char_offset(3), 3);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (i, l) in lines(text).into_iter().enumerate() {
            split_sentences(text, l, i, &mut out);
        }
        out.iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn abbreviation_tables_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(ABBREVIATION_MAX)
        );
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens_keep_names_and_split_possessives_and_compounds() {
        assert_eq!(
            words("U.S.-backed rebels, Syria's al-Assad and al-Qaeda-linked O'Brien."),
            vec![
                "U.S.", "-", "backed", "rebels", ",", "Syria", "'", "s", "al-Assad", "and",
                "al-Qaeda", "-", "linked", "O'Brien", "."
            ]
        );
        assert_eq!(
            words("Mr. Kerry, 48-hour cease-fire"),
            vec!["Mr.", "Kerry", ",", "48", "-", "hour", "cease-fire"]
        );
        assert_eq!(
            words("on JioSaavn.com now"),
            vec!["on", "JioSaavn.com", "now"]
        );
        assert_eq!(words("Kerry,Sergei"), vec!["Kerry", ",", "Sergei"]);
    }

    #[test]
    fn mojibake_marks_are_punctuation_and_mojibake_letters_stay_in_words() {
        // "Orlov’s" and "Pelé" read as cp1252.
        assert_eq!(
            words("Orlov\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2}s plan"),
            vec![
                "Orlov",
                "\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2}",
                "s",
                "plan"
            ]
        );
        assert_eq!(words("Pel\u{c3}\u{a9} won"), vec!["Pel\u{c3}\u{a9}", "won"]);
        assert_eq!(words("S\u{e3}o Paulo"), vec!["S\u{e3}o", "Paulo"]);
    }

    #[test]
    fn senators_and_representatives_abbreviated_end_no_sentence() {
        assert_eq!(
            sentences("Sens. Ana Ruiz and Lou Brandt and Reps. Ray Ostrow spoke."),
            vec!["Sens. Ana Ruiz and Lou Brandt and Reps. Ray Ostrow spoke."]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_lines() {
        assert_eq!(
            sentences("Mr. Kerry met U.S. officials in Sept. 2016. Then he left.\nHeadline here"),
            vec![
                "Mr. Kerry met U.S. officials in Sept. 2016.",
                "Then he left.",
                "Headline here"
            ]
        );
        assert_eq!(
            sentences("He went to the U.S. The trip was long."),
            vec!["He went to the U.S.", "The trip was long."]
        );
        assert_eq!(
            sentences("\u{201c}We agree.\u{201d} Lavrov said."),
            vec!["\u{201c}We agree.\u{201d}", "Lavrov said."]
        );
        assert_eq!(
            sentences("George W. Bush spoke."),
            vec!["George W. Bush spoke."]
        );
    }

    #[test]
    fn char_offsets_on_non_ascii_text() {
        let text = "Erdoğan met Zoë.";
        let idx = CharIndex::new(text);
        let b = text.find("Zoë").unwrap();
        assert_eq!(idx.char_offset(b), 12);
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }
}
