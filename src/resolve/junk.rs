//! Mentions that name nothing on their own, settled once a document's names are
//! grouped: a lone head word ("the Committee", "the Court", "News") and a
//! headline's words typed as a person ("More About Coronavirus", "Media Buzz").
//!
//! News writes a body's name in full once and then its head word alone: "the
//! House Intelligence Committee ... the Committee said". The head word stands for
//! the document's one body with that head (or, beside several, the one the
//! article is about: named at least twice as often as any other); beside none,
//! or beside several named as often, it names no one body and is dropped.

use super::{roots_into, Dsu, Key};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Span};
use crate::recognize::junk::{is_generic_head, name_goes_on};
use crate::recognize::RawMention;
use rustc_hash::FxHashMap as HashMap;

/// Heads that name no one body alone, besides the recognizer's generic heads:
/// newspapers' and broadcasters' ("News", "Daily", "Media", "Network") and other
/// bodies' ("the Embassy", "the Office") (sorted). Not "Coalition" or "Alliance",
/// which war news writes for one alliance of states.
const MORE_HEADS: &[&str] = &[
    "daily", "embassy", "forum", "fund", "media", "museum", "network", "news", "office", "service",
];

/// Words that join a body's head to the rest of its name: the head is the last
/// word before them ("Committee on Foreign Relations", "Court of Appeals").
const JOINERS: &[&str] = &["against", "at", "for", "from", "in", "of", "on", "to"];

/// Prepositions and determiners: no part of a person's name, capitalised they
/// mark a headline's words ("More About Coronavirus", "Why Some Ohioans") (sorted).
const NOT_NAME_WORDS: &[&str] = &[
    "about", "across", "after", "against", "among", "around", "before", "behind", "beneath",
    "beside", "between", "beyond", "despite", "during", "from", "inside", "into", "onto", "our",
    "over", "their", "these", "this", "those", "through", "toward", "towards", "under", "until",
    "upon", "what", "where", "which", "why", "with", "within", "without", "your",
];

/// Whether a mention's key is a head word that names no one body alone.
fn is_head_word(key: &str) -> bool {
    is_generic_head(key) || MORE_HEADS.binary_search(&key).is_ok()
}

/// The head of a body's name, from its key: the last word before a joining word.
fn head_of(key: &str) -> Option<&str> {
    key.split(' ').take_while(|w| !JOINERS.contains(w)).last()
}

/// A one-word organization (or untyped word) that is a head word and nothing known.
pub(super) fn is_lone_head(m: &RawMention) -> bool {
    matches!(m.entity_type, EntityType::Organization | EntityType::Other)
        && m.gaz.is_none()
        && !m.demonym
        && m.words.len() == 1
        && is_head_word(&m.key)
}

/// Each body named in full (a key of two words or more: "Harvard" is the
/// gazetteer's "Harvard University"): its head and its mention, sorted.
fn named_heads<'k>(mentions: &[RawMention], keys: &[Key<'k>]) -> Vec<(&'k str, usize)> {
    let mut named: Vec<(&str, usize)> = (0..mentions.len())
        .filter(|&i| mentions[i].entity_type == EntityType::Organization && !mentions[i].demonym)
        .filter(|&i| keys[i].key.contains(' '))
        .filter_map(|i| head_of(keys[i].key).map(|h| (h, i)))
        .collect();
    named.sort_unstable();
    named
}

/// The mentions [`named_heads`] lists under head `h`.
fn named_with<'n>(named: &'n [(&str, usize)], h: &str) -> impl Iterator<Item = usize> + 'n {
    let first = named.partition_point(|&(k, _)| k < h);
    let last = first + named[first..].partition_point(|&(k, _)| k == h);
    named[first..last].iter().map(|&(_, j)| j)
}

/// Per set (by its root), whether it names a body in full: it holds a mention
/// other than a lone head, or a head cut off before the rest of its name ("the
/// Committee against the White Terror", the name not recognised whole).
fn joined_sets(text: &str, mentions: &[RawMention], dsu: &mut Dsu) -> Vec<bool> {
    let mut joined = vec![false; mentions.len()];
    for (j, m) in mentions.iter().enumerate() {
        if !is_lone_head(m) || name_goes_on(text, m.span.end) {
            joined[dsu.find(j)] = true;
        }
    }
    joined
}

/// What the lone heads of a document are settled against: the bodies named in
/// full by head ([`named_heads`]), which sets name a body ([`joined_sets`]), and
/// once asked for, per set (by its root) how many of its mentions are no lone
/// head ([`Bodies::counts`]), kept as lone heads join their bodies.
struct Bodies<'k> {
    named: Vec<(&'k str, usize)>,
    joined: Vec<bool>,
    counts: Option<Vec<usize>>,
}

impl<'k> Bodies<'k> {
    fn new(text: &str, mentions: &[RawMention], keys: &[Key<'k>], dsu: &mut Dsu) -> Bodies<'k> {
        Bodies {
            named: named_heads(mentions, keys),
            joined: joined_sets(text, mentions, dsu),
            counts: None,
        }
    }

    /// Per set (by its root), how many of its mentions are no lone head.
    fn counts(&mut self, mentions: &[RawMention], dsu: &mut Dsu) -> &[usize] {
        self.counts.get_or_insert_with(|| {
            let mut counts = vec![0; mentions.len()];
            for (j, m) in mentions.iter().enumerate() {
                if !is_lone_head(m) {
                    counts[dsu.find(j)] += 1;
                }
            }
            counts
        })
    }

    /// Joins lone head `i`'s set to set `r`, counts and all.
    fn join(&mut self, dsu: &mut Dsu, r: usize, i: usize) {
        let (ra, rb) = (dsu.find(r), dsu.find(i));
        if ra != rb {
            if let Some(counts) = &mut self.counts {
                counts[ra] += counts[rb];
            }
            dsu.union(ra, rb);
        }
    }
}

/// Lone head words: an organization's joins the one body it stands for
/// ([`body_of`]); else it is dropped, and so is an untyped one ("Court
/// documents show"). Returns which mentions are dropped (empty when none is).
/// The mentions of one key are one set: the body is looked for once per key, so
/// a head written a thousand times beside a thousand bodies costs no more than
/// once.
pub(super) fn settle_lone_heads(
    text: &str,
    mentions: &[RawMention],
    keys: &[Key],
    dsu: &mut Dsu,
) -> Vec<bool> {
    if !mentions.iter().any(is_lone_head) {
        return Vec::new();
    }
    let mut bodies = Bodies::new(text, mentions, keys, dsu);
    let mut dropped = vec![false; mentions.len()];
    let mut settled: HashMap<Key, Option<usize>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| is_lone_head(m)) {
        let body = *settled
            .entry(keys[i])
            .or_insert_with(|| body_of(i, mentions, &mut bodies, dsu));
        match body {
            Some(r) if m.entity_type == EntityType::Organization => bodies.join(dsu, r, i),
            _ => dropped[i] = true,
        }
    }
    dropped
}

/// The set of the one body lone head `i` stands for: the document's one body
/// named in full with that head (or the head's own set, cut off before the rest
/// of its name), else the dominant one of several ([`dominant_set`]).
fn body_of(i: usize, mentions: &[RawMention], bodies: &mut Bodies, dsu: &mut Dsu) -> Option<usize> {
    let own = dsu.find(i);
    let mut cands: Vec<usize> = named_with(&bodies.named, &mentions[i].key).collect();
    if bodies.joined[own] {
        cands.push(i);
    }
    let mut found = Vec::new();
    roots_into(dsu, &cands, &mut found);
    let r = match found.len() {
        0 => return None,
        1 => found[0],
        _ => dominant_set(bodies.counts(mentions, dsu), &found)?,
    };
    // A head cut off before its own name glues no other body to it.
    (r == own || !bodies.joined[own]).then_some(r)
}

/// Among several bodies with one head (`roots`, sets by their roots), the one
/// the document names at least twice as often as any other (lone heads not
/// counted: `counts` per root): the article's own body, which its short form
/// stands for ("the League" in an article on one league that names two others
/// once).
fn dominant_set(counts: &[usize], roots: &[usize]) -> Option<usize> {
    let best = (0..roots.len()).max_by_key(|&k| counts[roots[k]])?;
    let second = (0..roots.len())
        .filter(|&k| k != best)
        .map(|k| counts[roots[k]])
        .max()?;
    (counts[roots[best]] >= 2 * second.max(1)).then_some(roots[best])
}

/// A word of a name as written, without a possessive.
fn bare_word<'t>(text: &'t str, w: &Span) -> &'t str {
    let word = &text[w.start..w.end];
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// Whether a word may be a name's though it looks like common wording.
fn is_name_word(lex: &Lexicon, lower: &str) -> bool {
    lex.is_first_name(lower) || lex.surnames.contains(lower)
}

/// Whether a word is a preposition or determiner and no name (compared in
/// lower case without a string of its own: most words are none).
fn is_not_name_word(word: &str, lex: &Lexicon) -> bool {
    // Their lengths and first letters: most name words are turned away here.
    let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
    let may = matches!(
        first,
        Some(b'a' | b'b' | b'd' | b'f' | b'i' | b'o' | b't' | b'u' | b'w' | b'y')
    );
    if !may || !(3..=7).contains(&word.len()) {
        return false;
    }
    let lower = |n: &&str| n.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase()));
    NOT_NAME_WORDS.binary_search_by(lower).is_ok() && !is_name_word(lex, &word.to_lowercase())
}

/// Two words the first of which is a body's head and a common word, and no
/// name ("Media Buzz", "Team Obama").
fn is_cue_phrase(first: &str, lex: &Lexicon) -> bool {
    // Head words are short ASCII words: others are no such phrase.
    if first.len() > 16 || !first.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..first.len()];
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or(first);
    lex.org_cues.contains(lower) && lex.common.contains(lower) && !is_name_word(lex, lower)
}

/// A person's form of two or more words that reads as a headline's or a
/// column's words: a preposition or determiner among them ("More About
/// Coronavirus"; not in a short name opened by a given name, "Marie With
/// Bonnevie", where it is a family name), or a head-and-common-word pair
/// ([`is_cue_phrase`]).
fn is_wording(text: &str, m: &RawMention, lex: &Lexicon) -> bool {
    if m.entity_type != EntityType::Person || m.gaz.is_some() || m.words.len() < 2 {
        return false;
    }
    let first = bare_word(text, &m.words[0]);
    if m.words.len() == 2 && is_cue_phrase(first, lex) {
        return true;
    }
    let function_word = m
        .words
        .iter()
        .any(|w| is_not_name_word(bare_word(text, w), lex));
    function_word && !(m.words.len() <= 3 && lex.is_first_name(first))
}

/// Drops (in `dropped`, made when needed) the mentions of every entity all of
/// whose mentions are a person's forms that read as wording ([`is_wording`]).
pub(super) fn drop_wording(
    text: &str,
    mentions: &[RawMention],
    lex: &Lexicon,
    dsu: &mut Dsu,
    dropped: &mut Vec<bool>,
) {
    let wording: Vec<bool> = mentions.iter().map(|m| is_wording(text, m, lex)).collect();
    if !wording.contains(&true) {
        return;
    }
    // Per set (its root), whether any of its mentions is more than wording.
    let mut named = vec![false; mentions.len()];
    for (i, &w) in wording.iter().enumerate() {
        named[dsu.find(i)] |= !w;
    }
    dropped.resize(mentions.len(), false);
    for (i, &w) in wording.iter().enumerate() {
        dropped[i] |= w && !named[dsu.find(i)];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_found_by_their_head() {
        let named = [
            ("committee", 4),
            ("committee", 7),
            ("court", 2),
            ("league", 1),
        ];
        for h in ["committee", "court", "league", "board", "a", "zzz"] {
            let want: Vec<usize> = (named.iter().filter(|(k, _)| *k == h))
                .map(|&(_, j)| j)
                .collect();
            assert_eq!(named_with(&named, h).collect::<Vec<_>>(), want, "{h}");
        }
    }

    #[test]
    fn the_dominant_body_is_named_twice_as_often_as_any_other() {
        let counts = [0, 4, 0, 2, 1, 0];
        assert_eq!(dominant_set(&counts, &[1, 3]), Some(1));
        assert_eq!(dominant_set(&counts, &[1, 3, 4]), Some(1));
        assert_eq!(dominant_set(&counts, &[3, 4]), Some(3));
        assert_eq!(dominant_set(&counts, &[0, 2]), None);
        assert_eq!(dominant_set(&counts, &[1, 3, 5]), Some(1));
        assert_eq!(dominant_set(&[0, 3, 3], &[1, 2]), None);
    }

    #[test]
    fn counts_follow_lone_heads_into_their_bodies() {
        let mut dsu = Dsu::new(4);
        let mut bodies = Bodies {
            named: Vec::new(),
            joined: vec![true; 4],
            counts: Some(vec![2, 1, 0, 0]),
        };
        bodies.join(&mut dsu, 0, 1);
        bodies.join(&mut dsu, 1, 0);
        bodies.join(&mut dsu, 3, 2);
        assert_eq!(bodies.counts, Some(vec![3, 1, 0, 0]));
        assert_eq!((dsu.find(1), dsu.find(2)), (0, 3));
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(MORE_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_preposition_passes_the_quick_test() {
        let lex = Lexicon::builtin();
        for w in NOT_NAME_WORDS {
            let title = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            assert!(is_not_name_word(w, lex) || is_name_word(lex, w), "{w}");
            assert_eq!(
                is_not_name_word(w, lex),
                is_not_name_word(&title, lex),
                "{w}"
            );
        }
    }

    #[test]
    fn a_name_s_head_is_its_last_word_before_a_joining_word() {
        assert_eq!(head_of("house intelligence committee"), Some("committee"));
        assert_eq!(head_of("committee for justice"), Some("committee"));
        assert_eq!(head_of("us court of appeals"), Some("court"));
        assert_eq!(
            head_of("senate select committee on intelligence"),
            Some("committee")
        );
        assert_eq!(head_of("fox news"), Some("news"));
        assert_eq!(head_of("daily mail"), Some("mail"));
    }

    #[test]
    fn prepositions_and_head_pairs_are_found_in_any_case() {
        let lex = Lexicon::builtin();
        for yes in ["About", "about", "ABOUT", "Without", "Why"] {
            assert!(is_not_name_word(yes, lex), "{yes}");
        }
        for no in ["Obama", "Abou", "Aboutt", "", "Über"] {
            assert!(!is_not_name_word(no, lex), "{no}");
        }
        assert!(is_cue_phrase("Media", lex));
        assert!(is_cue_phrase("TEAM", lex));
        for no in ["Barack", "Mark", "Übermedia", "Organizationsandsuch"] {
            assert!(!is_cue_phrase(no, lex), "{no}");
        }
    }

    #[test]
    fn head_words_are_generic_heads_and_mastheads() {
        for yes in ["committee", "court", "administration", "news", "daily"] {
            assert!(is_head_word(yes), "{yes}");
        }
        for no in [
            "senate",
            "army",
            "treasury",
            "times",
            "coalition",
            "alliance",
        ] {
            assert!(!is_head_word(no), "{no}");
        }
    }
}
