//! Finding the web-page furniture in scraped articles: menu and widget lines
//! ("Breaking News", "Read Mode", "XS"), web addresses, and lines repeated
//! verbatim (photo captions printed twice). Found by general rules, never by a
//! list of these strings; the text itself is left untouched so offsets stay true.

use rustc_hash::FxHashSet as HashSet;

use crate::lexicon::Lexicon;
use crate::model::Span;
use crate::text::{tokenize_into, AsciiWords, Sentence, Token, TokenKind};

/// Lines this long (in words) or longer are never furniture by shortness alone.
const SHORT_LINE_WORDS: usize = 5;

/// For each line, whether it is boilerplate to skip.
pub fn boilerplate_lines(text: &str, lines: &[Span], lex: &Lexicon) -> Vec<bool> {
    let mut seen: HashSet<&str> = HashSet::default();
    // The tokens of the line at hand, in one buffer for all.
    let mut tokens = Vec::new();
    lines
        .iter()
        .map(|&line| {
            let s = text[line.start..line.end].trim();
            if s.is_empty() {
                return false;
            }
            if !seen.insert(s) {
                return true; // repeated verbatim
            }
            is_furniture(text, line, lex, &mut tokens)
        })
        .collect()
}

/// [`boilerplate_lines`] of a document already split into `sentences` (all of its
/// lines', in order, as [`crate::text::split_sentences`] made them, before any
/// token is split or masked): a line's tokens are those of its sentences, not read
/// again.
#[inline(never)]
pub fn boilerplate_lines_of(
    text: &str,
    lines: &[Span],
    sentences: &[Sentence],
    lex: &Lexicon,
) -> Vec<bool> {
    let mut seen: HashSet<SeenLine<'_>> =
        HashSet::with_capacity_and_hasher(lines.len(), Default::default());
    // The tokens of a line of several sentences, in one buffer for all.
    let mut joined = Vec::new();
    let mut next = 0;
    lines
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let from = next;
            while sentences.get(next).is_some_and(|s| s.line == i) {
                next += 1;
            }
            let s = text[line.start..line.end].trim();
            if s.is_empty() {
                return false;
            }
            if !seen.insert(SeenLine(s)) {
                return true; // repeated verbatim
            }
            let line_text = &text[line.start..line.end];
            let line_sentences = &sentences[from..next];
            if memchr::memchr(0xC2, line_text.as_bytes()).is_none() {
                // No whitespace inside a token: the words are read off the tokens.
                if let Some(maybe_soup) = long_line_by_tokens(text, line_sentences, 15) {
                    return maybe_soup && is_name_soup(line_text);
                }
            } else if more_words_than(line_text, 15) {
                return is_name_soup(line_text);
            }
            let tokens = match line_sentences {
                [one] => one.tokens.as_slice(),
                several => {
                    joined.clear();
                    for s in several {
                        joined.extend_from_slice(&s.tokens);
                    }
                    joined.as_slice()
                }
            };
            is_short_furniture(text, line, lex, tokens)
        })
        .collect()
}

/// A line's text in the set of lines seen by [`boilerplate_lines_of`], hashed by
/// its length and its first and last eight bytes rather than all of them: lines
/// that differ mostly differ there, and equal hashes are told apart by comparing
/// the whole texts.
#[derive(PartialEq, Eq)]
struct SeenLine<'a>(&'a str);

impl std::hash::Hash for SeenLine<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        state.write_usize(b.len());
        match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (Some(first), Some(last)) => {
                state.write_u64(u64::from_le_bytes(*first));
                state.write_u64(u64::from_le_bytes(*last));
            }
            _ => state.write(b),
        }
    }
}

/// For a line of more than `n` whitespace-separated words, whether it may be name
/// soup ([`is_name_soup`], which says for sure); `None` for a shorter line. Read off
/// the line's tokens (its `sentences`', in order), when no token holds whitespace: a
/// token opens a word when whitespace (or the line's start) comes right before it.
/// Only U+0085 and U+00A0 may stand inside a token (in a mojibake sequence), and
/// both are written with the byte 0xC2: the caller checks that the line has none.
///
/// The run [`is_name_soup`] counts is broken by every word that opens with an ASCII
/// byte other than a capital or the first letter of a joiner ("of", "the", "de",
/// "&"): such a word is neither a title word nor a joiner. Counted here are the
/// words between two such: the run is never longer.
fn long_line_by_tokens(text: &str, sentences: &[Sentence], n: usize) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut words = 0usize;
    let mut run = 0usize;
    let mut longest = 0usize;
    for s in sentences {
        for t in &s.tokens {
            if !t.space_before {
                continue;
            }
            words += 1;
            // Without a branch: the run goes on, or is cleared by a mask of zeros.
            run = (run + 1) & usize::from(MAY_RUN[usize::from(bytes[t.span.start])]).wrapping_neg();
            longest = longest.max(run);
        }
    }
    (words > n).then_some(longest >= NAME_SOUP_RUN)
}

/// Whether a word opening with each byte may be in a run of [`is_name_soup`]: not
/// an ASCII byte other than a capital or the first of a joiner ("o", "t", "d", "&").
static MAY_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] =
            !c.is_ascii() || c.is_ascii_uppercase() || matches!(c, b'o' | b't' | b'd' | b'&');
        b += 1;
    }
    table
};

fn is_furniture(text: &str, line: Span, lex: &Lexicon, tokens: &mut Vec<Token>) -> bool {
    // Most lines are prose: long enough that no rule below can call them furniture.
    let s = &text[line.start..line.end];
    if more_words_than(s, 15) {
        return is_name_soup(s);
    }
    tokens.clear();
    tokenize_into(text, line, tokens);
    is_short_furniture(text, line, lex, tokens)
}

/// [`is_furniture`] of a line of at most 15 words, given its tokens.
#[inline(never)]
fn is_short_furniture(text: &str, line: Span, lex: &Lexicon, tokens: &[Token]) -> bool {
    let words = || {
        tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &text[t.span.start..t.span.end])
    };
    let count = words().count();
    let has_url = words().any(is_web_address);
    if has_url && count < 15 {
        return true;
    }
    if count == 0 {
        // Only numbers and punctuation: "100%", "---".
        return true;
    }
    if count >= SHORT_LINE_WORDS {
        return false;
    }
    // A lone short code on a line of its own is a widget ("XS", "LG"), whatever it spells.
    let lone_code = |w: &str| w.chars().count() <= 3 && w.chars().all(char::is_uppercase);
    if tokens.len() == 1 && words().next().is_some_and(lone_code) {
        return true;
    }
    let last = text[line.start..line.end].trim_end();
    if last.ends_with(['.', '!', '?', '"', '\u{201d}']) {
        return false;
    }
    let known = |w: &str| !lex.find(w).is_empty();
    words().all(|w| {
        let short_caps = w.chars().count() <= 3 && w.chars().all(|c| c.is_uppercase());
        lex.is_common(w) || (short_caps && !known(w))
    })
}

/// The run of title words that makes a line name soup ([`is_name_soup`]).
const NAME_SOUP_RUN: usize = 25;

/// A line holding a long run of capitalised words with no punctuation between them: a
/// country picker or a menu flattened into one line ("Afghanistan Albania Algeria ...
/// Zimbabwe"), a photo gallery's credits, a list of linked headlines. Prose, even a
/// list of names or a long official name, breaks such a run with a lowercase word
/// ("and") or a comma well before 25 words; words in capitals (a transcript) break it
/// too.
#[inline(never)]
fn is_name_soup(s: &str) -> bool {
    const RUN: usize = NAME_SOUP_RUN;
    let mut run = 0usize;
    let mut words = SpaceWords::new(s);
    loop {
        if run == 0 {
            // Only a title word starts a run: the words before the next one that may
            // be one leave the run at nought.
            let Some(at) = next_capital_word(s, words.at) else {
                return false;
            };
            words.at = at;
        }
        let Some(w) = words.next() else {
            return false;
        };
        let joiner = || matches!(w, "of" | "the" | "de" | "&");
        if is_title_word(w) || (run > 0 && joiner()) {
            run += 1;
        } else {
            // Most words: the run is broken, whatever ends the word.
            run = 0;
            continue;
        }
        if run >= RUN {
            return true;
        }
        if w.ends_with([',', ';', ':', '.', '!', '?']) {
            run = 0;
        }
    }
}

/// The start of the first word at or after `from` that opens with an ASCII capital
/// or a character that is not ASCII: a title word may open so, no other may.
fn next_capital_word(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    loop {
        i = capital_or_wide(b, i)?;
        // A continuation byte starts nothing; a word starts after whitespace.
        let char_start = b[i].is_ascii() || b[i] >= 0xC0;
        let starts = char_start
            && (i == 0
                || match b[i - 1] {
                    p if p.is_ascii() => matches!(p, b' ' | b'\t'..=b'\r'),
                    _ => s[..i].chars().next_back().is_some_and(char::is_whitespace),
                });
        if starts {
            return Some(i);
        }
        i += 1;
    }
}

/// The first offset from `i` on holding an ASCII capital or a byte that is not
/// ASCII, read eight bytes at a time.
fn capital_or_wide(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, on its low seven bits (no carry crosses a byte): below `[` and
        // above `@`, with the top bit clear; or with the top bit set.
        let low = x & (ONES * 0x7F);
        let capital = (ONES * (0x7F + b'[' as u64)).wrapping_sub(low)
            & (low + ONES * (0x7F - b'@' as u64))
            & !x;
        let hit = (capital | x) & (ONES * 0x80);
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i.min(b.len())..]
        .iter()
        .position(|c| c.is_ascii_uppercase() || !c.is_ascii())
        .map(|k| i + k)
}

/// A capital and then a lowercase letter ("Albania", "Ørsted"); an ASCII first
/// letter is read without decoding.
#[inline(always)]
fn is_title_word(w: &str) -> bool {
    let mut chars = match w.as_bytes().first() {
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => return false,
        Some(c) if c.is_ascii() => w[1..].chars(),
        _ => {
            let mut chars = w.chars();
            if !chars.next().is_some_and(char::is_uppercase) {
                return false;
            }
            chars
        }
    };
    chars.next().is_some_and(char::is_lowercase)
}

/// The words of a string as `split_whitespace` gives them, read byte by byte:
/// only a non-ASCII character is decoded.
struct SpaceWords<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> SpaceWords<'a> {
    fn new(s: &'a str) -> SpaceWords<'a> {
        SpaceWords { s, at: 0 }
    }

    /// Moves past the characters at `at` that are (`space`) or are not whitespace.
    #[inline(always)]
    fn skip(&mut self, space: bool) {
        let b = self.s.as_bytes();
        let mut at = self.at;
        loop {
            if !space {
                at = plain_end(b, at);
            }
            match b.get(at) {
                None => break,
                Some(&c) if c.is_ascii() => {
                    // ASCII whitespace as `char::is_whitespace` has it (vertical tab included).
                    if matches!(c, b' ' | b'\t'..=b'\r') != space {
                        break;
                    }
                    at += 1;
                }
                Some(_) => {
                    let (is_space, len) = wide_space_at(self.s, at);
                    if is_space != space {
                        break;
                    }
                    at += len;
                }
            }
        }
        self.at = at;
    }
}

/// The first offset from `i` on, eight bytes at a time, where a byte is below `!`
/// (whitespace or a control character) or not ASCII, or where fewer than eight
/// bytes are left: the bytes before it are all printable ASCII, none whitespace.
#[inline(always)]
fn plain_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // The lowest byte flagged is the first below 0x21 (its subtraction borrows)
        // or with its top bit set; no borrow reaches it from the bytes before it.
        let stop = ((x.wrapping_sub(ONES * 0x21) & !x) | x) & (ONES * 0x80);
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// Whether the non-ASCII character at `i` is whitespace, and its length in bytes.
#[inline(never)]
fn wide_space_at(s: &str, i: usize) -> (bool, usize) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

impl<'a> Iterator for SpaceWords<'a> {
    type Item = &'a str;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        self.skip(true);
        let start = self.at;
        self.skip(false);
        (self.at > start).then(|| &self.s[start..self.at])
    }
}

/// Whether `s` has more than `n` whitespace-separated words, as `split_whitespace`
/// counts them: eight bytes at a time while they are ASCII, then character by
/// character.
#[inline(never)]
fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let mut count = 0usize;
    // Whether the byte before is whitespace (or the line starts).
    let mut space = true;
    let mut i = 0;
    while i < b.len() {
        let x = chunk_at(b, i);
        if x & HIGH != 0 {
            // A character that is not ASCII may be whitespace: the character at `i`
            // read alone, as `char::is_whitespace` has it.
            let (sp, len) = match b[i] {
                c if c.is_ascii() => (matches!(c, b' ' | b'\t'..=b'\r'), 1),
                _ => wide_space_at(s, i),
            };
            if space && !sp {
                count += 1;
                if count > n {
                    return true;
                }
            }
            space = sp;
            i += len;
            continue;
        }
        let sp = ascii_space(x);
        count += ones_in_high_bits(word_starts(sp, x, space));
        if count > n {
            return true;
        }
        space = sp >> 63 == 1;
        i += 8;
    }
    false
}

/// [`more_words_than`] as first written, word by word.
#[cfg(test)]
fn more_words_than_by_words(s: &str, n: usize) -> bool {
    SpaceWords::new(s).nth(n).is_some()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// The eight bytes of `b` from `i` as one number, the first lowest; past the end,
/// spaces (which start no word).
#[inline(always)]
fn chunk_at(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut pad = [b' '; 8];
            let rest = &b[i.min(b.len())..];
            pad[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(pad)
        }
    }
}

/// The high bit of each byte of `x` that is ASCII whitespace as `char::is_whitespace`
/// has it (space, and tab to carriage return). On the low seven bits (no carry
/// crosses a byte): a space leaves `v ^ 0x20` zero, which plus 0x7F keeps its high
/// bit clear; `v` is in `0x09..=0x0D` when `v + 0x77` has it set and `v + 0x72` not.
#[inline(always)]
fn ascii_space(x: u64) -> u64 {
    let v = x & (ONES * 0x7F);
    let blank = !((v ^ (ONES * 0x20)) + ONES * 0x7F);
    let control = (v + ONES * (0x80 - 0x09)) & !(v + ONES * (0x7F - 0x0D));
    (blank | control) & !x & HIGH
}

/// The high bit of each byte of `x` that is not whitespace (`sp`, [`ascii_space`])
/// and comes after whitespace: the bytes that start a word, when `x` is ASCII.
/// `space`: whether the byte before the first is whitespace.
#[inline(always)]
fn word_starts(sp: u64, x: u64, space: bool) -> u64 {
    let before = (sp << 8) | (u64::from(space) << 7);
    before & !sp & !x & HIGH
}

/// How many bytes of `bits` (only high bits set) have their high bit set: each as
/// one in its byte, summed into the top byte by one multiplication.
#[inline(always)]
fn ones_in_high_bits(bits: u64) -> usize {
    ((bits >> 7).wrapping_mul(ONES) >> 56) as usize
}

fn is_web_address(w: &str) -> bool {
    match w.rsplit_once('.') {
        Some((name, tld)) => {
            !name.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        }
        None => false,
    }
}

/// A run of this many capitalised words or more is a scraped menu, not names.
const MENU_WORDS: usize = 20;

/// Photo and news agencies that close a photo credit ("Jim Watson/AFP/Getty
/// Images"), as lower-case words, longest first where one begins another.
const AGENCIES: &[&[&str]] = &[
    &["getty", "images"],
    &["ap", "photo"],
    &["ap", "images"],
    &["afp"],
    &["alamy"],
    &["anadolu"],
    &["ap"],
    &["corbis"],
    &["epa"],
    &["flickr"],
    &["getty"],
    &["istock"],
    &["newscom"],
    &["nurphoto"],
    &["pool"],
    &["redux"],
    &["reuters"],
    &["shutterstock"],
    &["sipa"],
    &["tass"],
    &["upi"],
    &["wireimage"],
    &["xinhua"],
    &["zuma"],
];

/// Widgets of news pages, written in title case inside the text: image toggles,
/// gallery buttons, newsletter and video boxes.
const WIDGETS: &[&[&str]] = &[
    &["buy", "photo"],
    &["click", "here"],
    &["continue", "reading"],
    &["enlarge", "this", "image"],
    &["hide", "caption"],
    &["just", "watched"],
    &["more", "videos"],
    &["must", "watch"],
    &["previous", "next"],
    &["read", "more"],
    &["replay"],
    &["show", "caption"],
    &["sign", "up"],
    &["toggle", "caption"],
    &["view", "photo", "essay"],
];

/// Words that open a credit when a colon or "by" follows ("Photo: Jane Roe/AP",
/// "Photograph by ...", "Credit: ...").
const CREDIT_CUES: &[&str] = &[
    "caption",
    "credit",
    "image",
    "photo",
    "photograph",
    "photographer",
    "photos",
];

/// Bit `c - b'a'` of `OPENERS[n]`: a widget, credit cue or agency opens with a
/// word of `n` bytes whose first letter is `c` (any case). A word not in it opens
/// none of them: a cheap first look before comparing it with each.
const OPENERS: [u32; 16] = openers(true);

/// [`OPENERS`] of the widgets and credit cues alone, the words [`may_hold`] looks for.
const HOLDERS: [u32; 16] = openers(false);

const fn openers(agencies: bool) -> [u32; 16] {
    const fn mark(table: &mut [u32; 16], w: &str) {
        let b = w.as_bytes();
        assert!(b.len() < 16 && b[0].is_ascii_lowercase());
        table[b.len()] |= 1 << (b[0] - b'a');
    }
    let mut table = [0u32; 16];
    let mut i = 0;
    while i < WIDGETS.len() {
        mark(&mut table, WIDGETS[i][0]);
        i += 1;
    }
    i = 0;
    while agencies && i < AGENCIES.len() {
        mark(&mut table, AGENCIES[i][0]);
        i += 1;
    }
    i = 0;
    while i < CREDIT_CUES.len() {
        mark(&mut table, CREDIT_CUES[i]);
        i += 1;
    }
    table
}

/// Whether `w` may be the first word of a widget, credit cue or agency ([`OPENERS`]).
fn may_open(b: &[u8]) -> bool {
    opens(&OPENERS, b)
}

/// Whether `b` is marked in `table` ([`OPENERS`], [`HOLDERS`]) by its length and first letter.
#[inline(always)]
fn opens(table: &[u32; 16], b: &[u8]) -> bool {
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() && b.len() < table.len() => {
            (table[b.len()] >> (c.to_ascii_lowercase() - b'a')) & 1 == 1
        }
        _ => false,
    }
}

/// Replaces the agencies and cues of photo credits ("Jim Watson/AFP/Getty Images",
/// "Photo: Jane Roe (AP)") and page widgets ("Enlarge this image toggle caption",
/// "Newsletter Sign Up Continue") in each sentence's tokens by one punctuation
/// token, so that no name is read in them or glued across them ("Getty Images
/// Kevin McCarthy"). The photographer credited is a person and stays, and so does
/// the caption; the text is untouched.
#[inline(never)]
pub fn mask_furniture(text: &str, sentences: &mut [Sentence], lex: &Lexicon) {
    for s in sentences.iter_mut() {
        let (menu, hold) = first_look(text, &s.tokens);
        if menu || hold {
            mask_sentence(text, s, lex, menu);
        }
    }
}

/// [`split_run_together`] and then [`mask_furniture`] of each sentence, with one first
/// look at its tokens for both ([`first_look_both`]).
#[inline(never)]
pub fn split_and_mask(text: &str, sentences: &mut [Sentence], lex: &Lexicon) {
    for s in sentences.iter_mut() {
        let (mut menu, mut hold, glued) = first_look_both(text, &s.tokens);
        if glued {
            split_sentence_run_together(text, s);
            (menu, hold) = first_look(text, &s.tokens);
        }
        if menu || hold {
            mask_sentence(text, s, lex, menu);
        }
    }
}

/// [`first_look`] of a sentence's tokens, and whether a word in them runs into the
/// next ([`split_run_together`]), in one pass.
fn first_look_both(text: &str, tokens: &[Token]) -> (bool, bool, bool) {
    look_at(text, tokens, true)
}

/// [`mask_furniture`] of one sentence that may hold furniture, with a menu when `menu`.
fn mask_sentence(text: &str, s: &mut Sentence, lex: &Lexicon, menu: bool) {
    let view = Words::new(text, &s.tokens);
    let mut masked = vec![false; s.tokens.len()];
    if menu {
        view.mask_menus(&mut masked);
    }
    let mut i = 0;
    while i < s.tokens.len() {
        if !may_open(view.words[i].as_bytes()) {
            i += 1;
            continue;
        }
        let end = view
            .widget_at(i, lex)
            .or_else(|| view.cue_at(i))
            .or_else(|| view.agency_credit_at(i));
        match end {
            Some((a, b)) => {
                masked[a..b].iter_mut().for_each(|m| *m = true);
                i = b.max(i + 1);
            }
            None => i += 1,
        }
    }
    if masked.iter().any(|&m| m) {
        s.tokens = merge_masked(&s.tokens, &masked);
    }
}

/// [`has_menu_run`] and [`may_hold_furniture`] of a sentence's tokens, in one pass
/// that reads only the first byte of most tokens ([`LOOK`]): a menu is looked for
/// only when enough words open with a byte that may open a capital.
fn first_look(text: &str, tokens: &[Token]) -> (bool, bool) {
    let (menu, hold, _) = look_at(text, tokens, false);
    (menu, hold)
}

/// The one pass of [`first_look`] (and of [`first_look_both`] when `glue`): whether
/// the tokens hold a menu, may hold furniture, and (when `glue`) a word run into the
/// next.
#[inline(always)]
fn look_at(text: &str, tokens: &[Token], glue: bool) -> (bool, bool, bool) {
    let bytes = text.as_bytes();
    let mut capitals = 0usize;
    let mut hold = false;
    let mut glued = false;
    for (i, t) in tokens.iter().enumerate() {
        let look = LOOK[usize::from(bytes[t.span.start])];
        if look == 0 {
            // Most tokens: a lower-case letter, a digit or punctuation.
            continue;
        }
        capitals += usize::from(look & MAY_BE_CAPITAL);
        if look & MAY_HOLD != 0 && !hold {
            hold = may_hold(text, t);
        }
        if glue && look & MAY_BE_CAPITAL != 0 && !glued && may_cut_word(bytes, t) {
            glued = run_together_cut(text, tokens, i).is_some();
        }
    }
    let menu = capitals >= MENU_WORDS && has_menu_run(text, tokens);
    (menu, hold, glued)
}

/// [`LOOK`]: the token may be a capitalised word (its first byte is an ASCII capital
/// or not ASCII).
const MAY_BE_CAPITAL: u8 = 1;
/// [`LOOK`]: the token may hold furniture ([`may_hold`]: a slash, a bar or an ASCII
/// capital first).
const MAY_HOLD: u8 = 2;

/// What a token's first byte says of it, for [`first_look`].
static LOOK: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_uppercase() || !c.is_ascii() {
            table[b] |= MAY_BE_CAPITAL;
        }
        if c.is_ascii_uppercase() || c == b'/' || c == b'|' {
            table[b] |= MAY_HOLD;
        }
        b += 1;
    }
    table
};

/// A cheap first look: a slash or bar, or a capitalised widget or cue word.
#[cfg(test)]
fn may_hold_furniture(text: &str, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| may_hold(text, t))
}

/// [`may_hold_furniture`] of one token.
#[inline(always)]
fn may_hold(text: &str, t: &Token) -> bool {
    // The first byte decides for most tokens, without slicing the text.
    match text.as_bytes().get(t.span.start) {
        Some(b'/' | b'|') => return t.span.end - t.span.start == 1,
        Some(b) if b.is_ascii_uppercase() => {}
        _ => return false,
    }
    // Most capitalised words open no widget or cue: known by length and letter.
    if !opens(&HOLDERS, &text.as_bytes()[t.span.start..t.span.end]) {
        return false;
    }
    HOLD_WORDS.contains(&text.as_bytes()[t.span.start..t.span.end])
}

/// The first words of the [`WIDGETS`] and the [`CREDIT_CUES`], sorted ([`may_hold`]).
const HOLD_LIST: &[&str] = &[
    "buy",
    "caption",
    "click",
    "continue",
    "credit",
    "enlarge",
    "hide",
    "image",
    "just",
    "more",
    "must",
    "photo",
    "photograph",
    "photographer",
    "photos",
    "previous",
    "read",
    "replay",
    "show",
    "sign",
    "toggle",
    "view",
];

/// [`HOLD_LIST`], packed.
static HOLD_WORDS: AsciiWords<{ HOLD_LIST.len() }> = AsciiWords::new(HOLD_LIST);

/// A cheap first look for a menu: [`MENU_WORDS`] capitalised words in a row
/// (connectors aside), counted without allocating.
fn has_menu_run(text: &str, tokens: &[Token]) -> bool {
    if tokens.len() < MENU_WORDS {
        return false;
    }
    let bytes = text.as_bytes();
    let mut caps = 0;
    for t in tokens {
        // The first byte decides for most tokens, without slicing the text.
        let capital = t.kind == TokenKind::Word
            && match bytes[t.span.start] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text[t.span.start..].starts_with(char::is_uppercase),
            };
        if capital {
            caps += 1;
            if caps >= MENU_WORDS {
                return true;
            }
        } else if t.span.len() > 3
            || !matches!(
                &bytes[t.span.start..t.span.end],
                b"and" | b"of" | b"the" | b"&"
            )
        {
            caps = 0;
        }
    }
    false
}

/// Each masked run of tokens as one punctuation token.
fn merge_masked(tokens: &[Token], masked: &[bool]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        if masked[i] && i > 0 && masked[i - 1] {
            if let Some(last) = out.last_mut() {
                last.span.end = t.span.end;
            }
            continue;
        }
        let mut t = *t;
        if masked[i] {
            t.kind = TokenKind::Punct;
        }
        out.push(t);
    }
    out
}

/// A sentence's tokens as words, for the furniture rules.
struct Words<'a> {
    words: Vec<&'a str>,
    tokens: &'a [Token],
}

impl<'a> Words<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Words<'a> {
        Words {
            words: tokens
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect(),
            tokens,
        }
    }

    /// Masks menus scraped into the text ("Choose your country United States
    /// Afghanistan Albania ..."): runs of [`MENU_WORDS`] capitalised words or more,
    /// with nothing between them but "and", "of" or "the". A list in prose
    /// separates its names with commas.
    fn mask_menus(&self, masked: &mut [bool]) {
        let connector = |i: usize| matches!(self.words[i], "and" | "of" | "the" | "&");
        let mut i = 0;
        while i < self.words.len() {
            let mut j = i;
            let mut caps = 0;
            while j < self.words.len() && (self.capitalised(j) || (j > i && connector(j))) {
                caps += usize::from(self.capitalised(j));
                j += 1;
            }
            if caps >= MENU_WORDS {
                masked[i..j].iter_mut().for_each(|m| *m = true);
            }
            i = j.max(i + 1);
        }
    }

    fn is(&self, i: usize, lower: &str) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| w.eq_ignore_ascii_case(lower))
    }

    fn phrase_at(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, p)| self.is(i + k, p))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.words[i].starts_with(char::is_uppercase)
    }

    /// A title-case widget phrase at `i`, with the capitalised common words
    /// glued to it ("Newsletter Sign Up Continue").
    fn widget_at(&self, i: usize, lex: &Lexicon) -> Option<(usize, usize)> {
        if !self.capitalised(i) {
            return None;
        }
        let p = WIDGETS.iter().find(|p| self.phrase_at(i, p))?;
        let plain = |j: usize| self.capitalised(j) && lex.is_common(self.words[j]);
        let mut b = i + p.len();
        while b < self.words.len() && plain(b) {
            b += 1;
        }
        let mut a = i;
        while a > 0 && plain(a - 1) {
            a -= 1;
        }
        Some((a, b))
    }

    /// "Photo:", "Photograph by", "Photo credit:" after a caption: the cue of a
    /// credit (the name credited after it is a person and stays). Opening a
    /// sentence, the cue is a common word there and glues to nothing.
    fn cue_at(&self, i: usize) -> Option<(usize, usize)> {
        let opens = self.tokens[..i].iter().all(|t| t.kind != TokenKind::Word);
        if opens || !self.capitalised(i) || !CREDIT_CUES.iter().any(|c| self.is(i, c)) {
            return None;
        }
        let k = if self.is(i + 1, "credit") {
            i + 2
        } else {
            i + 1
        };
        (self.is(k, ":") || self.is(k, "by")).then_some((i, k + 1))
    }

    /// A photo agency in a credit, with the separators around it: "Getty Images"
    /// and "AP Photo" anywhere, a one-word agency beside a slash, bar, dash or
    /// bracket ("Jane Roe/AFP/Getty Images", "(AP)"), but "Reuters reported" stays.
    fn agency_credit_at(&self, i: usize) -> Option<(usize, usize)> {
        if !self.capitalised(i) {
            return None;
        }
        let k = AGENCIES.iter().find(|p| self.phrase_at(i, p))?.len();
        let sep = |j: usize| {
            self.words
                .get(j)
                .is_some_and(|w| matches!(*w, "/" | "|" | "(" | ")" | "via") || is_dash(w))
        };
        let before = i > 0 && sep(i - 1);
        let after = sep(i + k);
        if k < 2 && !before && !after {
            return None;
        }
        let a = if before { i - 1 } else { i };
        let b = if after { i + k + 1 } else { i + k };
        Some((a, b))
    }
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "\u{2013}" | "\u{2014}")
}

/// How far back (in tokens) a name must stand for a word glued to it to be split.
const RUN_TOGETHER_WINDOW: usize = 8;

/// Splits words that run a name into the next text without a space, as link
/// widgets print them ("Bernie Sanders Bernie SandersSome say", "Hillary Clinton
/// Hillary Diane Rodham Clinton2020 Democrats"): a title-case word whose first part
/// is a name written on its own a few words before, glued to a capitalised word or
/// to figures. The figures become punctuation; brand names ("YouTube",
/// "McConnell", "@FoxNews") are left alone, their first part not being such a name.
///
/// A link widget prints the person's card before the glued headline: the name again,
/// in full, then the headlines up to "MORE" ("Dana Whitcombe Dana (Dee) Marie
/// WhitcombeSenate passes bill MORE"). The card and those headlines are masked
/// ([`mask_name_card`]): they are no mention, and the headlines link nobody.
#[inline(never)]
pub fn split_run_together(text: &str, sentences: &mut [Sentence]) {
    for s in sentences.iter_mut() {
        // Most sentences: no word runs into the next, seen in one cheap pass.
        let glued = s.tokens.iter().enumerate().any(|(i, t)| {
            may_cut(text.as_bytes(), t) && run_together_cut(text, &s.tokens, i).is_some()
        });
        if glued {
            split_sentence_run_together(text, s);
        }
    }
}

/// [`split_run_together`] of one sentence.
fn split_sentence_run_together(text: &str, s: &mut Sentence) {
    let mut out: Option<Vec<Token>> = None;
    let mut glued = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        let cut = may_run_together(text, t)
            .then(|| run_together_cut(text, &s.tokens, i))
            .flatten();
        let Some((cut, figures)) = cut else {
            if let Some(v) = out.as_mut() {
                v.push(*t);
            }
            continue;
        };
        let v = out.get_or_insert_with(|| s.tokens[..i].to_vec());
        v.push(Token {
            span: Span::new(t.span.start, cut),
            ..*t
        });
        glued.push(v.len());
        v.push(Token {
            span: Span::new(cut, t.span.end),
            kind: if figures {
                TokenKind::Punct
            } else {
                TokenKind::Word
            },
            space_before: false,
        });
    }
    if let Some(v) = out {
        let mut masked = vec![false; v.len()];
        for &g in &glued {
            mask_name_card(text, &v, g, &mut masked);
        }
        s.tokens = if masked.contains(&true) {
            merge_masked(&v, &masked)
        } else {
            v
        };
    }
}

/// How far after a card its headlines may run to the "MORE" that closes them.
const CARD_HEADLINES: usize = 80;

/// Marks the card whose last word is glued to token `g`: the capitalised words
/// (and a nickname in brackets) back to the same surname written just before them,
/// "Dana Whitcombe [Dana (Dee) Marie Whitcombe]". When "MORE" closes the run of
/// headlines within [`CARD_HEADLINES`] tokens, they are marked too.
fn mask_name_card(text: &str, tokens: &[Token], g: usize, masked: &mut [bool]) {
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let last = g - 1;
    let surname = word(last);
    let mut k = last;
    let start = loop {
        if k == 0 || last - k > RUN_TOGETHER_WINDOW {
            return;
        }
        k -= 1;
        let w = word(k);
        if w == surname {
            break k + 1;
        }
        let card_word = tokens[k].kind == TokenKind::Word && w.starts_with(char::is_uppercase);
        if !(card_word || w == "(" || w == ")") {
            return;
        }
    };
    if start == last {
        return;
    }
    let more = (g..tokens.len().min(g + CARD_HEADLINES)).find(|&i| word(i) == "MORE");
    let end = more.map_or(last + 1, |m| m + 1);
    masked[start..end].iter_mut().for_each(|m| *m = true);
}

/// A cheap first look, without slicing the text: a word whose first byte is a
/// capital or not ASCII may run into the next ([`run_together_cut`]).
#[inline(always)]
fn may_run_together(text: &str, t: &Token) -> bool {
    // Most words: an ASCII first letter that is no capital.
    t.kind == TokenKind::Word
        && text
            .as_bytes()
            .get(t.span.start)
            .is_some_and(|b| !b.is_ascii() || b.is_ascii_uppercase())
}

/// A cheaper first look than [`may_run_together`], by the first byte ([`LOOK`]) and
/// then the bytes of an ASCII word: one that opens with a capital is cut
/// ([`cut_letter`]) only where a byte after its first three is no lower-case letter.
#[inline(always)]
fn may_cut(bytes: &[u8], t: &Token) -> bool {
    LOOK[usize::from(bytes[t.span.start])] & MAY_BE_CAPITAL != 0 && may_cut_word(bytes, t)
}

/// [`may_cut`] of a token whose first byte may open a capital.
#[inline(always)]
fn may_cut_word(bytes: &[u8], t: &Token) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = &bytes[t.span.start..t.span.end];
    !w[0].is_ascii()
        || w.get(3..)
            .is_some_and(|r| r.iter().any(|b| !b.is_ascii_lowercase()))
}

/// Where word `i` splits (byte offset), and whether its second part is figures.
fn run_together_cut(text: &str, tokens: &[Token], i: usize) -> Option<(usize, bool)> {
    let t = tokens[i];
    let w = &text[t.span.start..t.span.end];
    let (k, c) = cut_letter(w)?;
    let rest = &w[k..];
    let figures = rest.bytes().all(|b| b.is_ascii_digit());
    let word = c.is_uppercase() && rest.chars().nth(1).is_some_and(char::is_alphabetic);
    if k < 3 || !(figures || word) {
        return None;
    }
    let handle = i > 0
        && matches!(
            &text[tokens[i - 1].span.start..tokens[i - 1].span.end],
            "@" | "#"
        );
    let left = &w[..k];
    let said_before = tokens[i.saturating_sub(RUN_TOGETHER_WINDOW)..i]
        .iter()
        .any(|p| &text[p.span.start..p.span.end] == left);
    (said_before && !handle).then_some((t.span.start + k, figures))
}

/// Where a capitalised word may be cut ([`run_together_cut`]), and the letter there.
/// A capital within the first three letters belongs to the name ("McConnell",
/// "DeSantis"): the cut is at the first capital or figure after them. Read by bytes
/// while they are ASCII: past three lower-case ASCII letters, the first byte that is
/// none is the cut when it is ASCII.
fn cut_letter(w: &str) -> Option<(usize, char)> {
    let b = w.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() => {
            let k = 3 + b.get(3..)?.iter().position(|b| !b.is_ascii_lowercase())?;
            if b[k].is_ascii() {
                return Some((k, char::from(b[k])));
            }
        }
        Some(c) if c.is_ascii() => return None,
        _ => {}
    }
    cut_letter_by_chars(w)
}

/// [`cut_letter`] read character by character.
fn cut_letter_by_chars(w: &str) -> Option<(usize, char)> {
    let mut chars = w.char_indices();
    if !chars.next()?.1.is_uppercase() {
        return None;
    }
    chars.find(|&(i, c)| i >= 3 && !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`cut_letter`] as first written: an ASCII word read by its bytes, any other
    /// character by character.
    fn cut_letter_as_first_written(w: &str) -> Option<(usize, char)> {
        let mut chars = w.char_indices();
        if !chars.next()?.1.is_uppercase() {
            return None;
        }
        if w.is_ascii() {
            let k = 3 + w
                .as_bytes()
                .get(3..)?
                .iter()
                .position(|b| !b.is_ascii_lowercase())?;
            Some((k, char::from(w.as_bytes()[k])))
        } else {
            chars.find(|&(i, c)| i >= 3 && !c.is_lowercase())
        }
    }

    #[test]
    fn cuts_are_found_as_first_written() {
        for w in [
            "",
            "A",
            "Ab",
            "Abc",
            "Abcd",
            "SandersSome",
            "Clinton2020",
            "McConnell",
            "DeSantis",
            "A\u{e9}bcD",
            "A\u{20ac}bcD",
            "Sanders\u{c9}mile",
            "\u{c9}milieSome",
            "\u{c9}mi",
            "sandersSome",
            "1Abcd",
            "Abc-Def",
            "ABCDEF",
            "Ab\u{e9}",
            "Abcd\u{e9}",
        ] {
            assert_eq!(cut_letter(w), cut_letter_as_first_written(w), "{w:?}");
        }
    }

    #[test]
    fn a_flattened_country_picker_is_furniture_and_prose_is_not() {
        let countries = "Albania Algeria Andorra Angola Argentina Armenia Austria Bahrain \
            Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria \
            Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Croatia Cuba \
            Cyprus Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Ethiopia Fiji \
            Finland France Gabon Gambia Georgia Ghana Greece Please select your country.";
        assert!(is_name_soup(countries));
        let prose = "The ministers of Albania, Algeria, Andorra, Angola, Argentina, Armenia, \
            Austria, Bahrain, Belarus, Belgium, Belize, Benin, Bhutan and Bolivia met in \
            Geneva on Monday, and the talks went on late into the night while officials \
            from Brazil and Brunei waited outside for the final text to be agreed.";
        assert!(!is_name_soup(prose));
        let shouting = "VO: THE ATTACKS HAVE THE SENATOR ON THE DEFENSE AS VOTERS IN OHIO \
            AND MICHIGAN WEIGH THE CHARGES BROUGHT BY HIS RIVAL IN THE RACE FOR THE SEAT \
            THAT HAS BEEN HELD BY HIS PARTY FOR MORE THAN THIRTY YEARS NOW AND MAY CHANGE";
        assert!(!is_name_soup(shouting));
        let joined = "He named John Edwards and Mark Foley and Bill Clinton and Newt Gingrich \
            and Marion Barry and Gary Hart and Wilbur Mills and Buz Lukens and Kwame \
            Kilpatrick and Larry Craig and Eliot Spitzer and John Ensign and Barney Frank.";
        assert!(!is_name_soup(joined));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let lines = [
            "",
            "  ",
            "one",
            " one two\tthree\u{a0}four\u{2009}five\u{3000}six ",
            "a\u{b}b\u{c}c\r\nd",
            "caf\u{e9} na\u{ef}ve \u{201c}quoted\u{201d} \u{2014} dash",
            "x\u{85}y\u{2028}z\u{200b}w",
            // Longer than eight bytes: read eight at a time.
            "averylongword\u{1}continued\u{a0}wordwordword\u{3000}x abcdefgh\tijklmnop",
            "1234567\u{b}89abcdefgh\u{1f}xyzxyzxyz\u{2029}zz\u{7f}~~~~~~~~~ !!!!!!!!!!",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} \u{85}\u{85}abcdefghijklmnopqrstuvwxyz",
        ];
        for line in lines {
            let count = line.split_whitespace().count();
            assert!(
                SpaceWords::new(line).eq(line.split_whitespace()),
                "{line:?}"
            );
            for n in 0..8 {
                assert_eq!(more_words_than(line, n), count > n, "{line:?} {n}");
            }
        }
    }

    /// [`is_name_soup`] as first written: every word read.
    fn name_soup_reading_every_word(s: &str) -> bool {
        let mut run = 0usize;
        for w in s.split_whitespace() {
            let mut chars = w.chars();
            let title = chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase);
            let joiner = matches!(w, "of" | "the" | "de" | "&");
            run = if title || (joiner && run > 0) {
                run + 1
            } else {
                0
            };
            if run >= 25 {
                return true;
            }
            if w.ends_with([',', ';', ':', '.', '!', '?']) {
                run = 0;
            }
        }
        false
    }

    #[test]
    fn capitals_and_wide_bytes_are_found_eight_at_a_time() {
        let s = "abc, def ghi jkl mnoPqr \u{e9}tude xyz ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{";
        for from in 0..=s.len() {
            let naive = s.as_bytes()[from..]
                .iter()
                .position(|c| c.is_ascii_uppercase() || !c.is_ascii())
                .map(|k| from + k);
            assert_eq!(capital_or_wide(s.as_bytes(), from), naive, "{from}");
        }
        // A word starts after a space that is not ASCII too; inside a character or
        // right after a letter none does.
        assert_eq!(next_capital_word("and\u{a0}Oslo", 0), Some(5));
        assert_eq!(next_capital_word("caf\u{e9}\u{a0}\u{c9}ire", 0), Some(7));
        assert_eq!(next_capital_word("xA \u{e9}", 0), Some(3));
        assert_eq!(next_capital_word("xAb\u{c9}", 0), None);
    }

    #[test]
    fn hold_words_are_the_first_words_of_widgets_and_cues() {
        let mut all: Vec<&str> = WIDGETS
            .iter()
            .map(|p| p[0])
            .chain(CREDIT_CUES.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all, HOLD_LIST);
        let cased: Vec<String> = all
            .iter()
            .flat_map(|w| {
                [
                    w.to_uppercase(),
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                    format!("{}\u{e9}", &w[..w.len() - 1]),
                ]
            })
            .collect();
        for w in all
            .iter()
            .copied()
            .chain(cased.iter().map(String::as_str))
            .chain([
                "",
                "Read",
                "PHOTO",
                "Sign",
                "Signs",
                "\u{c9}",
                "photograph\0",
            ])
        {
            let old = WIDGETS.iter().any(|p| p[0].eq_ignore_ascii_case(w))
                || CREDIT_CUES.iter().any(|c| c.eq_ignore_ascii_case(w));
            assert_eq!(HOLD_WORDS.contains(w.as_bytes()), old, "{w:?}");
        }
    }

    /// [`boilerplate_lines_of`] of a text split into sentences, and
    /// [`boilerplate_lines`], which tokenizes each line again.
    fn boilerplate_both_ways(text: &str) -> (Vec<bool>, Vec<bool>) {
        let lex = Lexicon::builtin();
        let ls = crate::text::lines(text);
        let mut ss = Vec::new();
        for (i, &l) in ls.iter().enumerate() {
            crate::text::split_sentences(text, l, i, &mut ss);
        }
        (
            boilerplate_lines_of(text, &ls, &ss, lex),
            boilerplate_lines(text, &ls, lex),
        )
    }

    #[test]
    fn boilerplate_from_sentences_is_as_from_lines_tokenized_again() {
        let text = "Breaking News\nRead Mode\nXS\n\n  \nwww.example.com\n100%\n\
            He said so. She did not! Then what?\nA B. C D.\nU.S. Sen. Smith spoke. Yes.\n\
            Breaking News\nHome Page Sign Up\nDr. No. Mr. Yes? OK.\n\
            caf\u{e9}\u{a0}na\u{ef}ve\u{a0}\u{a0}. x. y\r\nlast line";
        let (of, again) = boilerplate_both_ways(text);
        assert_eq!(of, again);
        assert!(of.contains(&true) && of.contains(&false));
        // Long lines: name soup, prose, and words parted only by mojibake spaces.
        let soup = "Albania Algeria Andorra Angola ".repeat(8);
        let prose = "The ministers of Albania, Algeria and Andorra met today. ".repeat(4);
        let glued = "Albania\u{c2}\u{a0}Algeria\u{c3}\u{a0}Andorra\u{c2}\u{85}Angola ".repeat(8);
        let short = "Albania\u{c2}\u{a0}Algeria ".repeat(8);
        let text = [soup.as_str(), &prose, &glued, &short, "x"].join("\n");
        let (of, again) = boilerplate_both_ways(&text);
        assert_eq!(of, again);
        assert_eq!(of, [true, false, true, false, false]);
    }

    proptest::proptest! {
        #[test]
        fn any_word_is_cut_as_first_written(w in "[A-Za-z0-9\u{e9}\u{c9}\u{20ac}\u{1d400}'-]{0,12}") {
            proptest::prop_assert_eq!(cut_letter(&w), cut_letter_as_first_written(&w), "{:?}", w);
        }

        #[test]
        fn boilerplate_from_sentences_of_any_text_is_as_from_lines(
            lines in proptest::collection::vec(proptest::prop_oneof![
                "(Breaking News|Read Mode|XS|LG|Home|www\\.x\\.com|100%|---|Sign Up)",
                "([A-Za-z.!?'\u{a0}\u{e9}\u{201d}\"]{1,6}[ .]{0,2}){0,8}",
                "(Mr\\.|U\\.S\\.|Sept\\.|He|she|said|\\.|!|\\?|\u{a0}| |\u{2026}|\"|\\)){0,20}",
                // Long lines, runs of title words among them; mojibake that holds a
                // space that is not ASCII ("\u{c2}\u{a0}", "\u{c3}\u{a0}").
                "((Albania|Zo\u{eb}|\u{c9}ire|Mali|of|the|&|de|and|Oslo,|x|9|\\(Rome|d'Or)( |  |\u{a0}|\u{c2}\u{a0}|\u{c3}\u{a0}|\u{85}|\t)){10,45}",
            ], 0..12),
            ends in proptest::collection::vec("(\n|\r\n)", 12),
        ) {
            let text: String = lines.iter().zip(&ends).flat_map(|(l, e)| [l.as_str(), e.as_str()]).collect();
            let (of, again) = boilerplate_both_ways(&text);
            proptest::prop_assert_eq!(of, again, "{:?}", text);
        }

        #[test]
        fn tokens_after_whitespace_are_the_words_of_a_line_without_0xc2(
            s in "([a-zA-Z0-9.,'&()\u{e9}\u{c9}\u{2019}\u{2009}\u{3000}\u{2028}\u{1680}\u{205f}\u{85}\u{a0}\t\u{b}\u{1}-]|\u{c3}\u{a9}|\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{201e}\u{a2}|\u{c3}\u{a0}|\u{c2}\u{a0}| ){0,60}",
        ) {
            let mut ss = Vec::new();
            crate::text::split_sentences(&s, Span::new(0, s.len()), 0, &mut ss);
            let count = s.split_whitespace().count();
            for n in [0, 1, 5, 15] {
                let by_tokens = long_line_by_tokens(&s, &ss, n).is_some();
                if !s.as_bytes().contains(&0xC2) {
                    proptest::prop_assert_eq!(by_tokens, count > n, "{:?} {}", s, n);
                }
            }
        }

        #[test]
        fn words_passed_over_by_the_first_look_are_never_cut(
            words in proptest::collection::vec(proptest::prop_oneof![
                6 => "(Bernie|Sanders|SandersSome|Clinton2020|McConnell|DeSantis|WASHINGTON|NATO|YouTube|\u{c9}mile|\u{c9}mileZola|Zo\u{eb}Some|Abc\u{e9}D|AbcD|Abc1)",
                3 => "(and|said|the|9|@|#|\\.|,|\u{201c}|caf\u{e9})",
            ], 0..40),
            seps in proptest::collection::vec("( |  |/|\u{a0}|)", 40),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            let tokens = crate::text::tokenize(&text, Span::new(0, text.len()));
            for (i, t) in tokens.iter().enumerate() {
                let cut = may_run_together(&text, t) && run_together_cut(&text, &tokens, i).is_some();
                proptest::prop_assert!(!cut || may_cut(text.as_bytes(), t), "{:?} {}", text, i);
            }
        }

        #[test]
        fn split_and_mask_in_one_pass_is_as_one_after_the_other(
            words in proptest::collection::vec(proptest::prop_oneof![
                8 => "(Bernie|Sanders|SandersSome|Clinton2020|Hillary|Clinton|WASHINGTON|Dana|Whitcombe|WhitcombeSenate|MORE|\\(|\\)|Albania|Mali)",
                6 => "(Getty|Images|AP|Photo|Reuters|AFP|Read|More|Sign|Up|Enlarge|this|image|toggle|caption|Credit|:|by|/|\\||-|via)",
                3 => "(and|of|the|&|said|9|\\.|,|\u{201c}|\u{c9}mile)",
            ], 0..70),
            seps in proptest::collection::vec("( |  |/|)", 70),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            let lex = Lexicon::builtin();
            let mut one = Vec::new();
            crate::text::split_sentences(&text, Span::new(0, text.len()), 0, &mut one);
            let mut two = one.clone();
            split_and_mask(&text, &mut one, lex);
            split_run_together(&text, &mut two);
            mask_furniture(&text, &mut two, lex);
            proptest::prop_assert_eq!(one, two, "{:?}", text);
        }

        #[test]
        fn first_look_in_one_pass_is_as_in_two(
            words in proptest::collection::vec(proptest::prop_oneof![
                12 => "(Albania|Zo\u{eb}|\u{c9}ire|Mali|Read|Photo|Getty|Sign|AP|XS)",
                3 => "(and|of|the|&|an|ofx|theme)",
                2 => "(/|\\||//|x|said|9|3\\.5|\\.|,|\u{e9}t\u{e9}|\u{201c})",
            ], 0..60),
            seps in proptest::collection::vec("( |  |/|\u{a0})", 60),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            let tokens = crate::text::tokenize(&text, Span::new(0, text.len()));
            proptest::prop_assert_eq!(
                first_look(&text, &tokens),
                (has_menu_run(&text, &tokens), may_hold_furniture(&text, &tokens)),
                "{:?}", text
            );
        }

        #[test]
        fn name_soup_skipping_words_reads_as_every_word(
            words in proptest::collection::vec(proptest::prop_oneof![
                // Mostly title words and joiners, so that runs of 25 are made and broken.
                20 => "(Albania|\u{d8}rsted|\u{c9}ire|Zo\u{eb}|Mali)",
                4 => "(of|the|de|&)",
                1 => "(Oslo,|Rome.|and|x|ABC|\u{c9}\u{c9}|caf\u{e9}|\u{c9})",
            ], 0..80),
            seps in proptest::collection::vec("( |  |\t|\u{a0}|\u{3000}|\u{2009}|\n)", 80),
        ) {
            let s: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            proptest::prop_assert_eq!(is_name_soup(&s), name_soup_reading_every_word(&s));
            // The first look on the tokens misses no soup.
            let mut ss = Vec::new();
            for (i, l) in crate::text::lines(&s).into_iter().enumerate() {
                crate::text::split_sentences(&s, l, i, &mut ss);
                let line = &s[l.start..l.end];
                let of_line = std::mem::take(&mut ss);
                if is_name_soup(line) && !line.as_bytes().contains(&0xC2) {
                    proptest::prop_assert_eq!(long_line_by_tokens(&s, &of_line, 0), Some(true), "{:?}", line);
                }
            }
        }

        #[test]
        fn words_counted_eight_bytes_at_a_time_are_counted_word_by_word(
            s in "[ a-zA-Z.,&\t\n\u{b}\u{c}\r\u{1}\u{1f}\u{7f}\u{85}\u{a0}\u{e9}\u{2009}\u{3000}\u{200b}\u{201c}]{0,90}",
        ) {
            for n in [0, 1, 7, 8, 9, 15, 16, 30] {
                proptest::prop_assert_eq!(more_words_than(&s, n), more_words_than_by_words(&s, n), "{:?} {}", s, n);
            }
        }

        #[test]
        fn space_words_are_those_of_split_whitespace(s in "[ a-zA-Z.,\t\n\u{b}\u{1}\u{1f}\u{7f}\u{85}\u{a0}\u{e9}\u{2009}\u{3000}\u{200b}]{0,40}") {
            proptest::prop_assert!(SpaceWords::new(&s).eq(s.split_whitespace()));
        }
    }

    #[test]
    fn ascii_whitespace_is_found_eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let sp = ascii_space(u64::from_le_bytes(chunk));
                let expected = b.is_ascii() && char::from(b).is_whitespace();
                assert_eq!(sp, u64::from(expected) << (8 * at + 7), "{b:#x} at {at}");
            }
        }
        // Word starts: after whitespace, or at the start when `space` says so.
        let x = u64::from_le_bytes(*b"ab  c\td ");
        let starts = word_starts(ascii_space(x), x, true);
        assert_eq!(ones_in_high_bits(starts), 3);
        assert_eq!(ones_in_high_bits(word_starts(ascii_space(x), x, false)), 2);
        assert_eq!(chunk_at(b"abc", 0), u64::from_le_bytes(*b"abc     "));
        assert_eq!(chunk_at(b"abc", 3), u64::from_le_bytes(*b"        "));
    }

    #[test]
    fn every_furniture_word_may_open_and_others_do_not() {
        let firsts = WIDGETS.iter().chain(AGENCIES).map(|p| p[0]);
        for w in firsts.chain(CREDIT_CUES.iter().copied()) {
            assert!(
                may_open(w.as_bytes()) && may_open(w.to_uppercase().as_bytes()),
                "{w}"
            );
        }
        for w in ["The", "President", "", "/", "Éclair", "Buyer", "AFPX"] {
            assert!(!may_open(w.as_bytes()), "{w}");
        }
    }
}
