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

/// The longest word an [`AsciiWords`] holds.
pub const LOWERED_MAX: usize = 16;

/// A sorted list of lower-case ASCII words of up to [`LOWERED_MAX`] bytes, each packed
/// into a `u128` (its bytes big-endian, zero after them), so that a lookup compares
/// integers: packed so, the words keep their order. Built at compile time, which
/// checks that the list is sorted and each word fits.
pub struct AsciiWords<const N: usize> {
    keys: [u128; N],
    lens: [u8; N],
    /// Bit `c - b'a'` of `firsts[n]`: a word of `n` bytes opens with the letter `c`;
    /// bit 26, with another byte. A word not in it is none of the words: a cheap first
    /// look before the search.
    firsts: [u32; LOWERED_MAX + 1],
}

/// The bit of [`AsciiWords`]' `firsts` for a word opening with byte `b`, in any case.
#[inline(always)]
const fn first_bit(b: u8) -> u32 {
    let c = b | 0x20;
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        1 << 26
    }
}

impl<const N: usize> AsciiWords<N> {
    pub const fn new(words: &[&str]) -> AsciiWords<N> {
        assert!(words.len() == N);
        let mut keys = [0u128; N];
        let mut lens = [0u8; N];
        let mut firsts = [0u32; LOWERED_MAX + 1];
        let mut i = 0;
        while i < N {
            let b = words[i].as_bytes();
            assert!(!b.is_empty() && b.len() <= LOWERED_MAX);
            let mut key = 0u128;
            let mut j = 0;
            while j < LOWERED_MAX {
                key <<= 8;
                if j < b.len() {
                    assert!(b[j].is_ascii() && b[j] != 0 && !b[j].is_ascii_uppercase());
                    key |= b[j] as u128;
                }
                j += 1;
            }
            assert!(i == 0 || keys[i - 1] < key, "sorted, each word once");
            keys[i] = key;
            lens[i] = b.len() as u8;
            firsts[b.len()] |= first_bit(b[0]);
            i += 1;
        }
        AsciiWords { keys, lens, firsts }
    }

    /// Whether the ASCII `word` is one of the words in any case, lowered on the stack;
    /// a word longer than [`LOWERED_MAX`] is none of them.
    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&b)
                if word.len() <= LOWERED_MAX && self.firsts[word.len()] & first_bit(b) != 0 => {}
            _ => return false,
        }
        let mut lower = [0u8; LOWERED_MAX];
        lower[..word.len()].copy_from_slice(word);
        lower.make_ascii_lowercase();
        // A NUL byte packs as the padding does: the length tells "mr\0" from "mr".
        self.keys
            .binary_search(&u128::from_be_bytes(lower))
            .is_ok_and(|i| usize::from(self.lens[i]) == word.len())
    }
}

/// [`ABBREVIATIONS`], packed.
static ABBREVIATION_WORDS: AsciiWords<{ ABBREVIATIONS.len() }> = AsciiWords::new(ABBREVIATIONS);

/// [`SENTENCE_STARTERS`], packed.
static STARTER_WORDS: AsciiWords<{ SENTENCE_STARTERS.len() }> = AsciiWords::new(SENTENCE_STARTERS);

/// Whether the characters of `line[start..end]` are an initial ("W") or one of the
/// [`ABBREVIATIONS`] in any case ([`is_abbreviation`]), lowered on the stack.
fn abbreviation_at(line: &str, start: usize, end: usize) -> bool {
    let w = &line.as_bytes()[start..end];
    if !w[0].is_ascii() {
        // The list is ASCII: only an initial may open with another character.
        let mut chars = line[start..end].chars();
        return chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    }
    if w.len() == 1 && w[0].is_ascii_uppercase() {
        return true;
    }
    w.is_ascii() && ABBREVIATION_WORDS.contains(w)
}

/// Byte spans of the lines of `text` (without their line breaks).
#[inline(never)]
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // Found with the memchr crate's vector search (the standard library's reads a
    // word at a time).
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
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

#[inline]
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1: the letters from U+00C0 on but the two signs, and the feminine and
        // masculine ordinals, micro sign, superscripts and fractions before them.
        0x80..=0xFF => {
            matches!(c as u32, 0xC0..=0xFF | 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9..=0xBE)
                && !matches!(c, '\u{D7}' | '\u{F7}' | '\u{BB}')
        }
        // General Punctuation (dashes, curly quotes, ellipsis, spaces): no letter,
        // digit or mark, known without the slow lookups of the Unicode tables.
        0x2000..=0x206F => false,
        _ => is_word_char_slow(c),
    }
}

#[inline(never)]
fn is_word_char_slow(c: char) -> bool {
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

/// The characters of a string read in place by byte offset: an ASCII byte is its
/// own character, only the others are decoded. Offsets given to it are character
/// boundaries.
#[derive(Clone, Copy)]
pub struct Chars<'a> {
    pub s: &'a str,
}

impl<'a> Chars<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        self.s.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// The byte at `i`.
    #[inline]
    pub fn byte(&self, i: usize) -> u8 {
        self.s.as_bytes()[i]
    }

    /// The character at `i` (`i < len()`).
    #[inline]
    pub fn ch(&self, i: usize) -> char {
        let b = self.byte(i);
        if b.is_ascii() {
            char::from(b)
        } else {
            decode_at(self.s, i)
        }
    }

    /// The character at `i`, if `i < len()`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<char> {
        (i < self.len()).then(|| self.ch(i))
    }

    /// The offset of the character after the one at `i` (`i < len()`).
    #[inline]
    pub fn next(&self, i: usize) -> usize {
        i + match self.byte(i) {
            0..=0xBF => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
    }

    /// The offset of the character before the one at `i` (`0 < i <= len()`).
    #[inline]
    pub fn prev(&self, i: usize) -> usize {
        let mut j = i - 1;
        while self.byte(j) & 0xC0 == 0x80 {
            j -= 1;
        }
        j
    }
}

/// The non-ASCII character at byte `i` of `s`.
#[inline(never)]
fn decode_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Tokens of `text[span]`, offsets relative to `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    // About one token in five bytes of news: sized so that most lines never regrow it.
    let mut tokens = Vec::with_capacity(span.len() / 4 + 1);
    tokenize_into(text, span, &mut tokens);
    tokens
}

/// [`tokenize`], appending to `tokens`.
pub fn tokenize_into(text: &str, span: Span, tokens: &mut Vec<Token>) {
    tokenize_marking::<false>(text, span, tokens, &mut Ends::new());
}

/// At most this many tokens that may end a sentence are noted per line; a line of
/// more is read token by token.
const ENDS: usize = 32;

/// The indices (in the token list) of the tokens that may end a sentence, noted
/// while tokenizing: every token whose last byte is a full stop, a mark or the last
/// byte of an ellipsis, but the words and numbers that end in a letter or digit.
struct Ends {
    at: [u32; ENDS],
    len: usize,
    overflow: bool,
}

impl Ends {
    fn new() -> Ends {
        Ends {
            at: [0; ENDS],
            len: 0,
            overflow: false,
        }
    }

    #[inline(always)]
    fn note(&mut self, index: usize) {
        match self.at.get_mut(self.len) {
            Some(slot) => {
                *slot = index as u32;
                self.len += 1;
            }
            None => self.overflow = true,
        }
    }

    fn as_slice(&self) -> &[u32] {
        &self.at[..self.len]
    }
}

/// Whether a token ending in byte `b` may end a sentence (see [`sentence_end`]).
#[inline(always)]
fn may_end(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | 0xA6)
}

/// [`tokenize_into`]; with `MARK`, the tokens that may end a sentence are noted in
/// `ends` ([`Ends`]). A word or number read by [`plain_run`] ends in a letter or
/// digit and never ends one; nor does a number.
#[inline(never)]
fn tokenize_marking<const MARK: bool>(
    text: &str,
    span: Span,
    tokens: &mut Vec<Token>,
    ends: &mut Ends,
) {
    let line = Chars {
        s: &text[span.start..span.end],
    };
    // Pushed to a list of its own, whose length may stay in a register, and put back.
    let mut out = std::mem::take(tokens);
    let n = line.len();
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let b = line.byte(i);
        let (end, kind) = if (b | 0x20).wrapping_sub(b'a') < 26 {
            // Most tokens open with an ASCII letter (`| 0x20` folds the capitals onto
            // the lower-case letters, and no other byte onto them): tried first.
            let end = letter_word(line, i, |end| {
                if MARK && may_end(line.byte(end - 1)) {
                    ends.note(out.len());
                }
            });
            (end, TokenKind::Word)
        } else if b.is_ascii() {
            // The other ASCII characters: classified by their byte.
            match b {
                b' ' | b'\t'..=b'\r' => {
                    space_before = true;
                    i += 1;
                    continue;
                }
                b'0'..=b'9' => match plain_run(line, i, b",.:/") {
                    Ok(end) => (end, TokenKind::Number),
                    Err(_) => (scan_number(line, i), TokenKind::Number),
                },
                _ => {
                    if MARK && may_end(b) {
                        ends.note(out.len());
                    }
                    (i + 1, TokenKind::Punct)
                }
            }
        } else {
            let c = line.ch(i);
            if c.is_whitespace() {
                space_before = true;
                i = line.next(i);
                continue;
            }
            let (end, kind) = wide_token(line, i, c);
            if MARK && may_end(line.byte(end - 1)) {
                ends.note(out.len());
            }
            (end, kind)
        };
        out.push(Token {
            span: Span::new(span.start + i, span.start + end),
            kind,
            space_before,
        });
        i = end;
        // Most tokens are followed by a single space: passed here, not dispatched.
        space_before = line.s.as_bytes().get(i) == Some(&b' ');
        i += usize::from(space_before);
    }
    *tokens = out;
}

/// The end of the word at `i`, which opens with an ASCII letter; `run_on` is told the
/// end of a word that goes on past its letters and digits (only such a word may end a
/// sentence).
#[inline(always)]
fn letter_word(line: Chars<'_>, i: usize, run_on: impl FnOnce(usize)) -> usize {
    match plain_run(line, i, b"'-.") {
        Ok(end) => end,
        Err(run_end) => {
            let end = scan_word_after(line, i, run_end);
            run_on(end);
            end
        }
    }
}

/// The end and kind of the token at `i`, which opens with `c`, a character that is
/// neither ASCII nor whitespace.
#[inline(always)]
fn wide_token(line: Chars<'_>, i: usize, c: char) -> (usize, TokenKind) {
    if let Some((end, false)) = mojibake(line, i) {
        // "Ã¢â‚¬â„¢" for "’": one punctuation mark, as the writer meant it.
        (end, TokenKind::Punct)
    } else if is_word_char(c) {
        (scan_word(line, i), TokenKind::Word)
    } else {
        (line.next(i), TokenKind::Punct)
    }
}

/// Whether each byte is an ASCII letter or digit: one load, where
/// `u8::is_ascii_alphanumeric` compares three ranges.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// [`u8::is_ascii_alphanumeric`], by table.
#[inline(always)]
pub fn is_alnum_byte(b: u8) -> bool {
    ALNUM[usize::from(b)]
}

/// The end of the run of ASCII letters and digits at `i`, when the byte after it
/// ends the token whatever came before: ASCII, and none of the `joiners` that may
/// carry a word or number on ("O'Brien", "cease-fire", "Mr.", "3.5"). A dotted
/// abbreviation ("U.S.") has a period after its first letter: never taken here.
/// Otherwise, the end of the run as an error: the token goes on past it.
#[inline(always)]
fn plain_run(line: Chars<'_>, i: usize, joiners: &[u8]) -> Result<usize, usize> {
    let bytes = line.s.as_bytes();
    let j = alnum_end(bytes, i + 1);
    match bytes.get(j) {
        Some(b) if !b.is_ascii() || joiners.contains(b) => Err(j),
        _ => Ok(j),
    }
}

/// The end of the run of ASCII letters and digits at `j`, read eight bytes at a
/// time while eight are left, then byte by byte.
#[inline(always)]
fn alnum_end(bytes: &[u8], mut j: usize) -> usize {
    // One comparison a chunk: `j <= last` keeps `j + 8` within the bytes.
    if let Some(last) = bytes.len().checked_sub(8) {
        while j <= last {
            let chunk = bytes[j..j + 8].try_into().expect("eight bytes");
            let stop = not_alnum(u64::from_le_bytes(chunk));
            if stop != 0 {
                return j + (stop.trailing_zeros() / 8) as usize;
            }
            j += 8;
        }
    }
    while j < bytes.len() && is_alnum_byte(bytes[j]) {
        j += 1;
    }
    j
}

/// The high bit of each byte of `x` that is no ASCII letter or digit. On the low
/// seven bits of each byte (no carry crosses a byte), a value `v` is in `lo..=hi`
/// when `v + (0x80 - lo)` has its high bit set and `v + (0x7F - hi)` has it clear;
/// a letter is a lower-case letter with bit 0x20 set. A byte with its own high bit
/// set is no ASCII.
#[inline(always)]
fn not_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let v = x & (ONES * 0x7F);
    let digit = (v + ONES * (0x80 - 0x30)) & !(v + ONES * (0x7F - 0x39));
    let l = v | (ONES * 0x20);
    let letter = (l + ONES * (0x80 - 0x61)) & !(l + ONES * (0x7F - 0x7A));
    !((digit | letter) & !x) & HIGH
}

/// A mojibake sequence at `i` (UTF-8 read as cp1252, see [`mojibake_at`]): the
/// offset after it and whether it stands for a letter or digit. Only tried at the
/// few characters that can open one.
#[inline(always)]
fn mojibake(line: Chars<'_>, i: usize) -> Option<(usize, bool)> {
    // Checked first: called at every character, and almost none opens a sequence.
    if !is_mojibake_lead(line.ch(i)) {
        return None;
    }
    mojibake_after_lead(line, i)
}

/// [`mojibake`] at a lead character.
fn mojibake_after_lead(line: Chars<'_>, i: usize) -> Option<(usize, bool)> {
    // Every byte after a lead is a continuation byte, never ASCII: "é" in "café" stops here.
    let next = line.get(line.next(i))?;
    if next.is_ascii() {
        return None;
    }
    let window: Vec<char> = line.s[i..].chars().take(64).collect();
    let (k, c) = mojibake_at(&window)?;
    let end = i + window[..k].iter().map(|c| c.len_utf8()).sum::<usize>();
    Some((end, is_word_char(c)))
}

fn scan_number(line: Chars<'_>, mut i: usize) -> usize {
    let n = line.len();
    while i < n {
        let b = line.byte(i);
        if is_alnum_byte(b) {
            i += 1;
            continue;
        }
        // Digits and letters run together (10th, 1990s); separators only between digits
        // (1,000 / 3.5 / 10:00 / 5/1); a hyphen splits (48-hour).
        let inner_separator = matches!(b, b',' | b'.' | b':' | b'/')
            && i + 1 < n
            && line.byte(i + 1).is_ascii_digit()
            && i > 0
            && line.byte(i - 1).is_ascii_digit();
        if inner_separator {
            i += 1;
        } else if !b.is_ascii() && line.ch(i).is_alphabetic() {
            i = line.next(i);
        } else {
            break;
        }
    }
    i
}

/// The end of a dotted abbreviation (U.S., U.N., D.C., U.S.A.: letter, dot, letter,
/// dot ...) starting at `start`, if one does.
fn dotted_end(line: Chars<'_>, start: usize) -> Option<usize> {
    let n = line.len();
    // Letter and dot pairs read: a chain has two or more.
    let mut pairs = 0;
    let mut j = start;
    while j < n && line.ch(j).is_alphabetic() {
        let dot = line.next(j);
        if !(dot < n && line.byte(dot) == b'.') {
            break;
        }
        j = dot + 1;
        pairs += 1;
        if !(j < n && line.ch(j).is_alphabetic()) {
            break;
        }
        if line.get(line.next(j)).is_some_and(is_word_char) {
            // "U.Something": not an abbreviation chain after all.
            break;
        }
    }
    (pairs > 1 && (j >= n || !is_word_char(line.ch(j)))).then_some(j)
}

fn scan_word(line: Chars<'_>, start: usize) -> usize {
    if let Some(j) = dotted_end(line, start) {
        return j;
    }
    scan_word_from(line, start, start)
}

/// [`scan_word`] of a word that opens with the ASCII letters and digits up to
/// `run_end` ([`plain_run`]): read on from there. A run of two or more opens no
/// dotted abbreviation ([`dotted_end`] wants a period after the first letter).
#[inline(always)]
fn scan_word_after(line: Chars<'_>, start: usize, run_end: usize) -> usize {
    if run_end <= start + 1 {
        return scan_word(line, start);
    }
    scan_word_from(line, start, run_end)
}

/// [`scan_word`] after its dotted abbreviations, from `i` (the bytes of the word
/// from `start` to `i` are ASCII letters and digits).
fn scan_word_from(line: Chars<'_>, start: usize, mut i: usize) -> usize {
    let n = line.len();
    while i < n {
        if is_alnum_byte(line.byte(i)) {
            // Most of a word: no mojibake lead, a word character.
            i += 1;
            continue;
        }
        let c = line.ch(i);
        match mojibake(line, i) {
            // "PelÃ©" is one word, "ObamaÃ¢â‚¬â„¢s" a word and an apostrophe.
            Some((end, true)) => {
                i = end;
                continue;
            }
            Some((_, false)) if i > start => break,
            _ => {}
        }
        let after_c = line.next(i);
        if is_word_char(c) {
            i = after_c;
            continue;
        }
        match joiner(line, start, i, c, after_c) {
            Step::On(j) => i = j,
            Step::End(j) => return j,
        }
    }
    i
}

/// How a word goes on at a character that is no word character.
enum Step {
    /// The word goes on from here.
    On(usize),
    /// The word ends here.
    End(usize),
}

/// What the character `c` at `i` (no word character; `after_c` the offset after it)
/// does to the word from `start`: an inner apostrophe, a hyphen between words, a dot
/// of a web address carry it on; the dot of an abbreviation ends it after the dot;
/// anything else ends it before `c`.
#[inline(always)]
fn joiner(line: Chars<'_>, start: usize, i: usize, c: char, after_c: usize) -> Step {
    let next = line.get(after_c);
    if is_apostrophe(c) {
        // Inner apostrophe (O'Brien, don't) but not a possessive 's / s'.
        return match next {
            Some(nc) if nc.is_alphabetic() => {
                let after = line.get(line.next(after_c));
                let possessive = (nc == 's' || nc == 'S') && !after.is_some_and(is_word_char);
                if possessive {
                    Step::End(i)
                } else {
                    Step::On(after_c)
                }
            }
            _ => Step::End(i),
        };
    }
    if is_hyphen(c) {
        // Keep cease-fire and al-Assad whole; split US-backed and Syria-rebel.
        return match next {
            Some(nc) if is_word_char(nc) => {
                let left_has_upper = line.s[start..i].chars().any(char::is_uppercase);
                if nc.is_lowercase() && left_has_upper {
                    Step::End(i)
                } else {
                    Step::On(after_c)
                }
            }
            _ => Step::End(i),
        };
    }
    if c == '.' {
        if let Some(end) = web_address_end(line, start, i) {
            return Step::On(end);
        }
        // Abbreviation or initial: Mr. / Sept. / W.
        if abbreviation_at(line.s, start, i) {
            return Step::End(i + 1);
        }
    }
    Step::End(i)
}

/// The end of a web address's top-level domain after the dot at `dot` (JioSaavn.com).
fn web_address_end(line: Chars<'_>, start: usize, dot: usize) -> Option<usize> {
    let n = line.len();
    if !(dot + 1 < n && line.byte(dot + 1).is_ascii_lowercase() && dot > start) {
        return None;
    }
    let mut j = dot + 1;
    while j < n && line.byte(j).is_ascii_alphanumeric() {
        j += 1;
    }
    let tld_len = j - (dot + 1);
    ((2..=4).contains(&tld_len) && (j >= n || !is_word_char(line.ch(j)))).then_some(j)
}

/// Splits `text[line]` into sentences.
#[inline(never)]
pub fn split_sentences(text: &str, line: Span, line_index: usize, out: &mut Vec<Sentence>) {
    // About one token in five bytes of news: sized so that most lines never regrow it.
    let mut tokens = Vec::with_capacity(line.len() / 4 + 1);
    let mut ends = Ends::new();
    tokenize_marking::<true>(text, line, &mut tokens, &mut ends);
    let mut begin = 0;
    if ends.overflow {
        // Many stops on one line: every token read.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < tokens.len() {
            // A cheap first look: every full stop, mark or ellipsis ("…" ends in 0xA6)
            // that may end a sentence ends in one of these bytes.
            if !may_end(bytes[tokens[i].span.end - 1]) {
                i += 1;
                continue;
            }
            match sentence_end(text, &tokens, i) {
                Some(j) if j < tokens.len() => {
                    push_sentence(tokens[begin..j].to_vec(), line_index, out);
                    begin = j;
                    i = j;
                }
                // The line's last sentence, pushed below.
                Some(_) => break,
                None => i += 1,
            }
        }
    } else {
        // Only the tokens noted: the others end no sentence.
        for &e in ends.as_slice() {
            let i = e as usize;
            if i < begin {
                // Inside the closers of the sentence just ended.
                continue;
            }
            match sentence_end(text, &tokens, i) {
                Some(j) if j < tokens.len() => {
                    push_sentence(tokens[begin..j].to_vec(), line_index, out);
                    begin = j;
                }
                Some(_) => break,
                None => {}
            }
        }
    }
    if begin < tokens.len() {
        // The last sentence keeps the line's tokens, without copying them.
        tokens.drain(..begin);
        push_sentence(tokens, line_index, out);
    }
}

/// Where the sentence ends when token `i` is a full stop, a question or exclamation
/// mark, an ellipsis or a dotted abbreviation that closes one: after the quotes and
/// brackets that close it too.
fn sentence_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens[i];
    let word = &text[t.span.start..t.span.end];
    let terminal = match t.kind {
        TokenKind::Punct => matches!(word, "." | "!" | "?" | "\u{2026}"),
        TokenKind::Word => word.ends_with('.') && is_dotted_caps(word),
        TokenKind::Number => false,
    };
    if !terminal {
        return None;
    }
    // Closing quotes and brackets belong to the sentence they close.
    let mut j = i + 1;
    while j < tokens.len()
        && !tokens[j].space_before
        && is_closer(&text[tokens[j].span.start..tokens[j].span.end])
    {
        j += 1;
    }
    let ends = match tokens.get(j) {
        None => true,
        Some(n) if !n.space_before => false,
        Some(n) => {
            let w = &text[n.span.start..n.span.end];
            if t.kind == TokenKind::Word {
                // "the U.S. The President": only before a typical sentence opener.
                is_sentence_starter(w) && w.chars().next().is_some_and(char::is_uppercase)
            } else {
                !w.chars().next().is_some_and(char::is_lowercase)
            }
        }
    };
    ends.then_some(j)
}

/// Whether `w` is one of [`SENTENCE_STARTERS`] in any case; an ASCII word is
/// lowered on the stack.
fn is_sentence_starter(w: &str) -> bool {
    if !w.is_ascii() {
        return SENTENCE_STARTERS
            .binary_search(&w.to_lowercase().as_str())
            .is_ok();
    }
    STARTER_WORDS.contains(w.as_bytes())
}

fn is_dotted_caps(word: &str) -> bool {
    word.len() >= 4 && word.bytes().filter(|&b| b == b'.').count() >= 2
}

fn is_closer(p: &str) -> bool {
    matches!(
        p,
        "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}" | "\u{bb}"
    )
}

#[inline(never)]
fn push_sentence(tokens: Vec<Token>, line: usize, out: &mut Vec<Sentence>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        out.push(Sentence {
            span: Span::new(first.span.start, last.span.end),
            tokens,
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
    // Each byte of `sum` counts the continuation bytes at its place in the eight
    // words (eight at most: no carry), summed across its bytes by one multiplication
    // (no popcount instruction on the baseline target).
    let mut sum = 0u64;
    for word in block.chunks_exact(8) {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        sum += (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
    }
    let continuations = (sum.wrapping_mul(0x0101_0101_0101_0101) >> 56) as u32;
    BLOCK as u32 - continuations
}

impl<'a> CharIndex<'a> {
    #[inline(never)]
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
    fn word_chars_are_found_as_by_the_unicode_tables_for_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_word_char_slow(c), "{:#x}", c as u32);
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

    /// [`split_sentences`] as first written: every token's last byte read.
    fn split_reading_every_token(
        text: &str,
        line: Span,
        line_index: usize,
        out: &mut Vec<Sentence>,
    ) {
        let mut tokens = tokenize(text, line);
        let bytes = text.as_bytes();
        let mut begin = 0;
        let mut i = 0;
        while i < tokens.len() {
            let last = bytes[tokens[i].span.end - 1];
            if !matches!(last, b'.' | b'!' | b'?' | 0xA6) {
                i += 1;
                continue;
            }
            match sentence_end(text, &tokens, i) {
                Some(j) if j < tokens.len() => {
                    push_sentence(tokens[begin..j].to_vec(), line_index, out);
                    begin = j;
                    i = j;
                }
                Some(_) => break,
                None => i += 1,
            }
        }
        if begin < tokens.len() {
            tokens.drain(..begin);
            push_sentence(tokens, line_index, out);
        }
    }

    fn split_both_ways(text: &str) -> (Vec<Sentence>, Vec<Sentence>) {
        let (mut new, mut old) = (Vec::new(), Vec::new());
        for (i, l) in lines(text).into_iter().enumerate() {
            split_sentences(text, l, i, &mut new);
            split_reading_every_token(text, l, i, &mut old);
        }
        (new, old)
    }

    #[test]
    fn sentences_split_on_the_noted_stops_as_on_every_token() {
        let many = "Yes. No! Why? U.S. The end\u{2026} ".repeat(30);
        let texts = [
            "Mr. Kerry met U.S. officials in Sept. 2016. Then he left.\nHeadline here",
            "\u{201c}We agree.\u{201d} Lavrov said. (Really.) \"So?\" he asked.",
            "Wait\u{2026} What? On JioSaavn.com. At 3.5 p.m. The end.",
            "Pel\u{c3}\u{a9} won. Orlov\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{c2}\u{a6} No.",
            many.as_str(),
            "",
            ".",
            "!?!?",
        ];
        for text in texts {
            let (new, old) = split_both_ways(text);
            assert_eq!(new, old, "{text:?}");
        }
        // More stops on a line than are noted: read token by token.
        assert!(split_both_ways(&many).0.len() > ENDS);
    }

    proptest::proptest! {
        #[test]
        fn each_byte_of_a_chunk_is_classed_alone(chunk in proptest::array::uniform8(0u8..)) {
            let stop = not_alnum(u64::from_le_bytes(chunk));
            for (k, &b) in chunk.iter().enumerate() {
                proptest::prop_assert_eq!((stop >> (8 * k + 7)) & 1 == 1, !is_alnum_byte(b));
            }
        }

        #[test]
        fn any_text_splits_as_on_every_token(
            parts in proptest::collection::vec(proptest::prop_oneof![
                6 => "(Kerry|the|U\\.S\\.|Mr\\.|Sept\\.|W\\.|a\\.b\\.c|JioSaavn\\.com|3\\.5|O'Brien|Pel\u{c3}\u{a9}|caf\u{e9})",
                4 => "(\\.|!|\\?|\u{2026}|\u{201d}|\"|'|\\)|\\]|\u{bb}|\u{2019}|,|\u{c2}\u{a6}|\u{e2}\u{80}\u{a6})",
                3 => "( |  |\n|\t|\u{a0})",
                2 => "(The|He|However|Then|They)",
            ], 0..120),
        ) {
            let text: String = parts.concat();
            let (new, old) = split_both_ways(&text);
            proptest::prop_assert_eq!(new, old, "{:?}", text);
        }
    }

    /// [`tokenize`] as first written: each run of letters read byte by byte, and a
    /// word that goes on past it read again from its start.
    fn tokenize_as_first_written(text: &str, span: Span) -> Vec<Token> {
        fn plain(line: Chars<'_>, i: usize, joiners: &[u8]) -> Option<usize> {
            let bytes = line.s.as_bytes();
            let mut j = i + 1;
            while j < bytes.len() && is_alnum_byte(bytes[j]) {
                j += 1;
            }
            match bytes.get(j) {
                Some(b) if !b.is_ascii() || joiners.contains(b) => None,
                _ => Some(j),
            }
        }
        let mut tokens = Vec::new();
        let line = Chars {
            s: &text[span.start..span.end],
        };
        let n = line.len();
        let mut i = 0;
        let mut space_before = true;
        while i < n {
            let b = line.byte(i);
            let (end, kind) = if b.is_ascii() {
                match b {
                    b' ' | b'\t'..=b'\r' => {
                        space_before = true;
                        i += 1;
                        continue;
                    }
                    b'0'..=b'9' => match plain(line, i, b",.:/") {
                        Some(end) => (end, TokenKind::Number),
                        None => (scan_number(line, i), TokenKind::Number),
                    },
                    b'a'..=b'z' | b'A'..=b'Z' => match plain(line, i, b"'-.") {
                        Some(end) => (end, TokenKind::Word),
                        None => (scan_word(line, i), TokenKind::Word),
                    },
                    _ => (i + 1, TokenKind::Punct),
                }
            } else {
                let c = line.ch(i);
                if c.is_whitespace() {
                    space_before = true;
                    i = line.next(i);
                    continue;
                }
                if let Some((end, false)) = mojibake(line, i) {
                    (end, TokenKind::Punct)
                } else if is_word_char(c) {
                    (scan_word(line, i), TokenKind::Word)
                } else {
                    (line.next(i), TokenKind::Punct)
                }
            };
            tokens.push(Token {
                span: Span::new(span.start + i, span.start + end),
                kind,
                space_before,
            });
            space_before = false;
            i = end;
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn any_text_tokenizes_as_first_written(
            parts in proptest::collection::vec(proptest::prop_oneof![
                6 => "[a-zA-Z0-9]{1,12}",
                5 => "(\\.|'|-|,|:|/|\u{2019}|\u{2010}|s|S|com|\u{e9}|\u{301}|\u{c3}\u{a9}|\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2})",
                3 => "( |\t|\n|\u{a0}|\u{2009})",
                2 => "(U\\.S\\.|Mr\\.|O'Brien|al-Assad|US-backed|JioSaavn\\.com|3\\.5|1,000|10th|W\\.)",
            ], 0..40),
        ) {
            let text: String = parts.concat();
            let span = Span::new(0, text.len());
            proptest::prop_assert_eq!(tokenize(&text, span), tokenize_as_first_written(&text, span), "{:?}", text);
        }
    }

    #[test]
    fn lines_are_split_as_by_match_indices() {
        let first = |text: &str| {
            let mut out = Vec::new();
            let mut start = 0;
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
        };
        let long = "a line of some length\r\n".repeat(20);
        for text in [
            "",
            "\n",
            "\r\n",
            "a",
            "a\nb",
            "a\r\nb\r",
            "\n\n\r\n\u{e9}\n",
            long.as_str(),
        ] {
            assert_eq!(lines(text), first(text), "{text:?}");
        }
    }

    #[test]
    fn letters_and_digits_are_found_eight_at_a_time_as_one_by_one() {
        // Every byte at every place of a chunk, among letters.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let stop = not_alnum(u64::from_le_bytes(chunk));
                let first = chunk.iter().position(|&c| !is_alnum_byte(c));
                assert_eq!(
                    (stop != 0).then(|| (stop.trailing_zeros() / 8) as usize),
                    first,
                    "{b:#x} at {at}"
                );
            }
        }
        let s = "Zz09azAZ@[`{/:\u{e9}xyz0123456789 abcdefghijklmnopqrstuvwxyz";
        for from in 0..=s.len() {
            let naive = from
                + s.as_bytes()[from..]
                    .iter()
                    .take_while(|&&c| is_alnum_byte(c))
                    .count();
            assert_eq!(alnum_end(s.as_bytes(), from), naive, "{from}");
        }
    }

    #[test]
    fn packed_words_are_found_as_the_sorted_list_finds_them() {
        let slow =
            |list: &[&str], w: &str| list.binary_search(&w.to_ascii_lowercase().as_str()).is_ok();
        let mut tries = vec![
            "",
            "m",
            "mr",
            "MR",
            "Mr",
            "mrs",
            "mr\0",
            "\0",
            "mrx",
            "sept",
            "Sept",
            "sep",
            "se",
            "vs",
            "vsx",
            "a",
            "A",
            "the",
            "THE",
            "thee",
            "meanwhile",
            "meanwhilee",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "zzzzzzzzzzzzzzzz",
            "{",
            "@",
        ];
        let cased: Vec<String> = ABBREVIATIONS
            .iter()
            .chain(SENTENCE_STARTERS)
            .flat_map(|w| {
                [
                    w.to_uppercase(),
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                ]
            })
            .collect();
        tries.extend(cased.iter().map(String::as_str));
        for w in tries {
            let b = w.as_bytes();
            assert_eq!(
                ABBREVIATION_WORDS.contains(b),
                slow(ABBREVIATIONS, w),
                "{w:?}"
            );
            assert_eq!(
                STARTER_WORDS.contains(b),
                slow(SENTENCE_STARTERS, w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn abbreviation_tables_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LOWERED_MAX));
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
        for w in ["The", "MEANWHILE", "according", "i"] {
            assert!(is_sentence_starter(w), "{w}");
        }
        for w in ["Thereafter", "Th\u{e9}", "", "Accordingly"] {
            assert!(!is_sentence_starter(w), "{w}");
        }
        assert!(SENTENCE_STARTERS.iter().all(|a| a.len() <= LOWERED_MAX));
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
    fn continuations_of_a_block_are_counted_as_one_by_one() {
        let mut block = [0u8; BLOCK];
        for fill in [0x00u8, 0x41, 0x80, 0xBF, 0xC3, 0xFF] {
            block.fill(fill);
            assert_eq!(block_starts(&block), starts(&block), "{fill:#x}");
        }
        // Every mix of a lead and continuation bytes.
        let text = "\u{e9}\u{4e2d}\u{1f600}a\u{bf}".repeat(20);
        for at in 0..text.len() - BLOCK {
            let block: &[u8; BLOCK] = text.as_bytes()[at..at + BLOCK].try_into().unwrap();
            assert_eq!(block_starts(block), starts(block), "{at}");
        }
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
