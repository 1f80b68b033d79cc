//! Pure string normalising: the keys that recognition, the lexicon and resolution
//! compare names by. Below all three, so that none imports another for a helper.

use unicode_normalization::UnicodeNormalization;

/// Folds a surface form for comparison: accents, case, dots, hyphens, a leading
/// "the", a trailing possessive and the Arabic article ("al-Assad" = "Assad").
pub fn norm_key(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
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
    if s.is_ascii() {
        s.chars().for_each(&mut push);
    } else {
        s.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .for_each(&mut push);
    }
    let mut s = folded.trim();
    for suffix in ["'s", "'"] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x;
        }
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "al" | "el"))
        .collect();
    let kept = if kept.is_empty() { words } else { kept };
    let mut out = String::with_capacity(s.len());
    for (i, w) in kept.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(w.chars().filter(|&c| c != '\''));
    }
    out
}

/// Folds spelling variants of transliterated names: Sergey/Sergei, Aleksei/Alexei.
/// Takes a word already folded by [`norm_key`].
pub fn translit(word: &str) -> String {
    let mut w = word.to_string();
    for (a, b) in [
        ("ks", "x"),
        ("kh", "h"),
        ("ph", "f"),
        ("ou", "u"),
        ("y", "i"),
    ] {
        w = w.replace(a, b);
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

/// Words of a surface form, hyphenated parts counted apart ("Jean-Pierre" is two).
pub fn word_count(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_articles_and_possessives() {
        assert_eq!(norm_key("The Vale Trust"), "vale trust");
        assert_eq!(norm_key("Ørsby's"), "ørsby");
        assert_eq!(norm_key("Éloi Marçan"), "eloi marcan");
        assert_eq!(norm_key("al-Ramadi Group"), "ramadi group");
        assert_eq!(norm_key("the"), "the");
    }

    #[test]
    fn word_count_splits_hyphens() {
        assert_eq!(word_count("Anna-Lena Brask"), 3);
        assert_eq!(word_count("  "), 0);
    }
}
