//! Finding the web-page furniture in scraped articles: menu and widget lines
//! ("Breaking News", "Read Mode", "XS"), web addresses, and lines repeated
//! verbatim (photo captions printed twice). Found by general rules, never by a
//! list of these strings; the text itself is left untouched so offsets stay true.

use rustc_hash::FxHashSet as HashSet;

use crate::lexicon::Lexicon;
use crate::model::Span;
use crate::text::{tokenize, TokenKind};

/// Lines this long (in words) or longer are never furniture by shortness alone.
const SHORT_LINE_WORDS: usize = 5;

/// For each line, whether it is boilerplate to skip.
pub fn boilerplate_lines(text: &str, lines: &[Span], lex: &Lexicon) -> Vec<bool> {
    let mut seen: HashSet<&str> = HashSet::default();
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
            is_furniture(text, line, lex)
        })
        .collect()
}

fn is_furniture(text: &str, line: Span, lex: &Lexicon) -> bool {
    // Most lines are prose: long enough that no rule below can call them furniture.
    if text[line.start..line.end]
        .split_whitespace()
        .nth(15)
        .is_some()
    {
        return false;
    }
    let tokens = tokenize(text, line);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.span.start..t.span.end])
        .collect();
    let has_url = words.iter().any(|w| is_web_address(w));
    if has_url && words.len() < 15 {
        return true;
    }
    if words.is_empty() {
        // Only numbers and punctuation: "100%", "---".
        return true;
    }
    if words.len() >= SHORT_LINE_WORDS {
        return false;
    }
    // A lone short code on a line of its own is a widget ("XS", "LG"), whatever it spells.
    if tokens.len() == 1
        && words[0].chars().count() <= 3
        && words[0].chars().all(char::is_uppercase)
    {
        return true;
    }
    let last = text[line.start..line.end].trim_end();
    if last.ends_with(['.', '!', '?', '"', '\u{201d}']) {
        return false;
    }
    let known = |w: &str| !lex.find(w).is_empty();
    words.iter().all(|w| {
        let short_caps = w.chars().count() <= 3 && w.chars().all(|c| c.is_uppercase());
        lex.is_common(w) || (short_caps && !known(w))
    })
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
