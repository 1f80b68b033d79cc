//! In-document references: a personal pronoun ("he", "her") or a description ("the
//! company", "the Russian diplomat") that stands for a named entity of the sentences before.
//!
//! A reference is resolved only when the document leaves one reading: the nearest earlier
//! sentence (at most [`LOOK_BACK`] back) that names an entity of the wanted type names
//! exactly one, and the sentence itself names none of that type before the reference.
//! "Jane Roe is an American actress. She joined Acme in 2001." gives "She" = Jane Roe;
//! "Jane Roe met John Doe. She joined Acme." gives nothing. Gender is not checked: the
//! single candidate is what makes the reading safe. An edge through a reference keeps its
//! sentence as evidence and its rule id ends in `.ref`.

use super::found::SentenceMention;
use super::lexicon::{class, Lexicon};
use crate::model::{EntityType, Span};

/// How many sentences back a reference may find its entity.
pub const LOOK_BACK: usize = 2;

/// References looked for in one sentence, at most: sentences are bounded, so is the work.
const MAX_PER_SENTENCE: usize = 8;

/// The entity of a pronoun left unresolved.
const UNKNOWN: usize = usize::MAX;

/// Pronouns that stand for a person.
const PERSON_PRONOUNS: [&str; 7] = ["he", "she", "him", "his", "her", "himself", "herself"];

/// The references of one document, found once, sentence by sentence.
#[derive(Default)]
pub struct DocContext {
    /// Per sentence: the references it makes, spans relative to the sentence.
    found: Vec<Vec<SentenceMention>>,
}

/// A mention of the document as the resolver sees it.
struct Named {
    sentence: usize,
    span: Span,
    entity: usize,
    ty: EntityType,
    demonym: bool,
}

/// Per sentence so far: the entities it names or refers to, in order of first appearance;
/// one sentence's list after another.
#[derive(Default)]
struct Seen {
    entities: Vec<(usize, EntityType)>,
    /// Where each sentence's list starts in `entities`.
    starts: Vec<usize>,
}

impl Seen {
    fn len(&self) -> usize {
        self.starts.len()
    }

    fn get(&self, i: usize) -> &[(usize, EntityType)] {
        let end = self
            .starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.entities.len());
        &self.entities[self.starts[i]..end]
    }

    /// Adds the next sentence's list: the entities of `order` ((offset, entity, type) of
    /// its names and references, sorted here) by first appearance, then, when a person
    /// pronoun was left `unresolved`, someone unknown.
    fn push_sentence(&mut self, order: &mut [(usize, usize, EntityType)], unresolved: bool) {
        order.sort_by_key(|&(at, _, _)| at);
        let from = self.entities.len();
        self.starts.push(from);
        for &(_, e, t) in order.iter() {
            if !self.entities[from..].iter().any(|&(x, _)| x == e) {
                self.entities.push((e, t));
            }
        }
        // A pronoun left unresolved stands for someone unknown: a later "he" must not
        // skip over it to the one name of this sentence.
        if unresolved && !self.entities[from..].iter().any(|&(e, _)| e == UNKNOWN) {
            self.entities.push((UNKNOWN, EntityType::Person));
        }
    }
}

impl DocContext {
    /// Resolves the references of a document: `text`, its sentence spans, and for each
    /// recognised mention (in sentence order) its sentence index, byte span in `text`,
    /// entity, type and whether it is a nationality word.
    pub fn new(
        text: &str,
        sentences: &[Span],
        mentions: impl IntoIterator<Item = (usize, Span, usize, EntityType, bool)>,
    ) -> DocContext {
        let mentions = mentions.into_iter();
        let mut all: Vec<Named> = Vec::with_capacity(mentions.size_hint().0);
        all.extend(mentions.filter(|&(si, ..)| si < sentences.len()).map(
            |(sentence, span, entity, ty, demonym)| Named {
                sentence,
                span,
                entity,
                ty,
                demonym,
            },
        ));
        all.sort_by_key(|m| (m.sentence, m.span.start, m.span.end));
        let lex = Lexicon::get();
        let mut seen = Seen {
            entities: Vec::with_capacity(all.len()),
            starts: Vec::with_capacity(sentences.len()),
        };
        let mut found = Vec::with_capacity(sentences.len());
        let mut order: Vec<(usize, usize, EntityType)> = Vec::new();
        let mut next = 0;
        for (si, sp) in sentences.iter().enumerate() {
            let first = next;
            while all.get(next).is_some_and(|m| m.sentence == si) {
                next += 1;
            }
            let named = &all[first..next];
            let Some(sentence) = text.get(sp.start..sp.end) else {
                seen.starts.push(seen.entities.len());
                found.push(Vec::new());
                continue;
            };
            // A reference is an end of a relation only beside a name of its sentence.
            let (refs, unresolved) = if named.iter().any(|m| !m.demonym) {
                let before = Before {
                    text,
                    spans: &sentences[..si],
                };
                resolve(sentence, sp.start, named, &seen, before, lex)
            } else {
                (Vec::new(), false)
            };
            order.clear();
            order.extend(
                named
                    .iter()
                    .filter(|m| !m.demonym)
                    .map(|m| (m.span.start - sp.start, m.entity, m.ty))
                    .chain(refs.iter().map(|r| (r.span.start, r.entity, r.entity_type))),
            );
            seen.push_sentence(&mut order, unresolved);
            found.push(refs);
        }
        DocContext { found }
    }

    /// Whether sentence `si` makes a reference.
    pub fn has_references(&self, si: usize) -> bool {
        self.found.get(si).is_some_and(|r| !r.is_empty())
    }

    /// Adds to `view` (the mentions of sentence `si`, spans relative to the sentence) the
    /// references the sentence makes; keeps `view` sorted by span.
    pub fn annotate(&self, si: usize, view: &mut Vec<SentenceMention>) {
        let Some(refs) = self.found.get(si).filter(|r| !r.is_empty()) else {
            return;
        };
        // A nationality word inside a description is part of the reference now.
        view.retain(|m| {
            !(m.demonym
                && refs
                    .iter()
                    .any(|r| r.span.start < m.span.end && m.span.start < r.span.end))
        });
        view.extend(refs.iter().cloned());
        view.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// The sentences before the one being resolved.
#[derive(Clone, Copy)]
struct Before<'a> {
    text: &'a str,
    spans: &'a [Span],
}

impl<'a> Before<'a> {
    /// The text of the sentence `back` sentences before.
    fn text(&self, back: usize) -> Option<&'a str> {
        let sp = self.spans.get(self.spans.len().checked_sub(back)?)?;
        Some(self.text.get(sp.start..sp.end).unwrap_or(""))
    }
}

/// The references of one sentence, given what the sentences before it name, and whether a
/// person pronoun was left unresolved.
fn resolve(
    sentence: &str,
    offset: usize,
    named: &[Named],
    seen: &Seen,
    before: Before,
    lex: &Lexicon,
) -> (Vec<SentenceMention>, bool) {
    let mut out = Vec::new();
    let mut unresolved = false;
    // Where the first name of each type starts: a reference after it is not resolved.
    let first = |ty: EntityType| {
        named
            .iter()
            .find(|m| !m.demonym && m.ty == ty)
            .map_or(usize::MAX, |m| m.span.start)
    };
    let (first_person, first_org) = (first(EntityType::Person), first(EntityType::Organization));
    // What the sentences before offer does not change within the sentence: read once.
    let (person, org) = (
        antecedent(seen, EntityType::Person),
        antecedent(seen, EntityType::Organization),
    );
    for (span, ty) in candidates(sentence, offset, named, lex) {
        if out.len() >= MAX_PER_SENTENCE {
            break;
        }
        let (first_of_type, found) = if ty == EntityType::Person {
            (first_person, person)
        } else {
            (first_org, org)
        };
        let named_before = first_of_type < span.start + offset;
        let entity = if named_before {
            None
        } else {
            found.filter(|&(_, back)| fits(&sentence[span.start..span.end], before, back))
        }
        .map(|(e, _)| e);
        match entity {
            Some(entity) => out.push(SentenceMention {
                span,
                entity,
                entity_type: ty,
                demonym: false,
                reference: true,
            }),
            None => unresolved |= ty == EntityType::Person,
        }
        // With nothing before to refer to, no later candidate resolves, and one person
        // left unresolved already says all that the rest could.
        if unresolved && person.is_none() && org.is_none() {
            break;
        }
    }
    (out, unresolved)
}

/// Whether the reference `phrase` fits an antecedent `back` sentences before: "the
/// company" needs a company and "the president" a president, and the sentence of the
/// antecedent says so ("President Obama ... The president"); a pronoun fits any.
fn fits(phrase: &str, before: Before, back: usize) -> bool {
    let noun = phrase.rsplit(' ').next().unwrap_or(phrase);
    PERSON_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(noun))
        || before.text(back).is_some_and(|t| has_word(t, noun))
}

/// The one entity of type `ty` named or referred to in the nearest earlier sentence that
/// has any (`seen` holds the sentences before, in order).
/// With how many sentences back it was found.
fn antecedent(seen: &Seen, ty: EntityType) -> Option<(usize, usize)> {
    for (back, i) in (0..seen.len()).rev().take(LOOK_BACK).enumerate() {
        let mut of_type = seen.get(i).iter().filter(|&&(_, t)| t == ty);
        if let Some(&(first, _)) = of_type.next() {
            return (first != UNKNOWN && of_type.next().is_none()).then_some((first, back + 1));
        }
    }
    None
}

/// Whether `word` stands in `text` as a whole word (a run of word bytes), in any case.
/// Only the places where its first byte stands are read, found by a vector search.
fn has_word(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    // A word is a run of word bytes: nothing else can equal one.
    let Some(&first) = w.first() else {
        return false;
    };
    if !w.iter().all(|&b| word_byte(b)) {
        return false;
    }
    let whole = |at: usize| {
        (at == 0 || !word_byte(t[at - 1]))
            && t.get(at..at + w.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(w))
            && t.get(at + w.len()).map_or(true, |&b| !word_byte(b))
    };
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lo, up, t).any(whole)
}

/// The words that may start a reference: person pronouns and "the" (read by
/// [`trigger_of`]).
#[cfg(test)]
const TRIGGERS: [&str; 8] = [
    "he", "she", "him", "his", "her", "himself", "herself", "the",
];

/// The bytes of words: any non-ASCII byte (so a word never splits a character), ASCII
/// letters and digits, the hyphen; as a table.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c >= 0x80 || c.is_ascii_alphanumeric() || c == b'-';
        b += 1;
    }
    t
};

/// The byte spans of the words of `bytes` (runs of [`word_byte`]) that are one of the
/// [`TRIGGERS`] in any case, in order. These are the whole-word occurrences of the
/// triggers: an occurrence inside a longer run of word bytes is none.
///
/// Every trigger has an "h" first ("he", "his", ...) or second ("she", "the"), so only
/// the words at an "h" found by a vector search are read, not every byte of the text.
#[cfg(test)]
fn trigger_words(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    trigger_words_read(bytes).map(|(s, e, _)| (s, e))
}

/// What a word of 2 to 7 bytes is as a trigger, in any case: `Some(true)` for "the",
/// `Some(false)` for a person pronoun, `None` for no trigger.
fn trigger_of(w: &[u8]) -> Option<bool> {
    let mut buf = [0u8; 7];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    match &*lower {
        b"the" => Some(true),
        b"he" | b"she" | b"him" | b"his" | b"her" | b"himself" | b"herself" => Some(false),
        _ => None,
    }
}

/// The trigger words of `bytes` as [`trigger_words`] finds them, each with whether it
/// is "the".
fn trigger_words_read(bytes: &[u8]) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let n = bytes.len();
    let is_word = |k: usize| WORD_BYTES[usize::from(bytes[k])];
    let mut hits = memchr::memchr2_iter(b'h', b'H', bytes);
    // Where the last word read ends: hits before it lie in that word.
    let mut done = 0;
    std::iter::from_fn(move || {
        for h in hits.by_ref() {
            if h < done {
                continue;
            }
            let s = if h == 0 || !is_word(h - 1) {
                h
            } else if matches!(bytes[h - 1] | 0x20, b's' | b't') && (h == 1 || !is_word(h - 2)) {
                h - 1
            } else {
                // Inside a word that starts two or more bytes before: no trigger.
                continue;
            };
            let mut e = h + 1;
            while e < n && is_word(e) {
                e += 1;
            }
            done = e;
            if let Some(the) = trigger_of(&bytes[s..e]) {
                return Some((s, e, the));
            }
        }
        None
    })
}

/// Whether `b` is part of a word: any non-ASCII byte, an ASCII letter or digit, a hyphen
/// (read from [`WORD_BYTES`]: a load, where the three tests cost a dozen instructions).
#[inline]
fn word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// The words of `sentence` outside the mentions that may refer back: person pronouns,
/// and "the [modifiers] NOUN" with a title or organization noun not followed by a name.
/// Only the words at and after a trigger are read (one scan over the bytes finds the triggers).
fn candidates<'s>(
    sentence: &'s str,
    offset: usize,
    named: &'s [Named],
    lex: &'s Lexicon,
) -> impl Iterator<Item = (Span, EntityType)> + 's {
    trigger_words_read(sentence.as_bytes())
        .filter_map(move |(s, e, the)| {
            if flag_at(named, offset, s, e) != InWord::Free {
                return None;
            }
            if !the {
                return Some((Span::new(s, e), EntityType::Person));
            }
            description_after(sentence, e, offset, named, lex)
        })
        .take(2 * MAX_PER_SENTENCE)
}

/// "the [modifiers] NOUN" after "the" ending at byte `from`: up to three modifiers (or one
/// nationality word), a title or organization noun, not followed by a name or "of".
fn description_after(
    sentence: &str,
    from: usize,
    offset: usize,
    named: &[Named],
    lex: &Lexicon,
) -> Option<(Span, EntityType)> {
    let bytes = sentence.as_bytes();
    let mut at = from;
    let mut words = std::iter::from_fn(|| {
        let (s, e) = next_word(bytes, at)?;
        at = e;
        Some((s, e))
    });
    let mut start = None;
    for _ in 0..4 {
        let (s, e) = words.next()?;
        let flag = flag_at(named, offset, s, e);
        let w = &sentence[s..e];
        let lower = flag == InWord::Free && w.starts_with(|c: char| c.is_lowercase());
        if flag == InWord::Demonym {
            // "the Russian diplomat": the reference takes the nationality word in.
            start = start.or(Some(s));
            continue;
        }
        if !lower {
            return None;
        }
        let c = lex.class(w);
        let ty = noun_type(c);
        let from_here = start.unwrap_or(s);
        if let Some(ty) = ty {
            // "the company Acme", "the head of", "the party leader": not a reference.
            let stop = words.next().is_some_and(|(ns, ne)| {
                let nw = &sentence[ns..ne];
                flag_at(named, offset, ns, ne) != InWord::Free
                    || nw.starts_with(|c: char| c.is_uppercase())
                    || nw == "of"
                    || (nw.starts_with(|c: char| c.is_lowercase())
                        && lex.is(nw, class::HEAD | class::ORG_NOUN | class::GROUP))
            });
            return (!stop).then(|| (Span::new(from_here, e), ty));
        }
        if !modifier(w, c) {
            return None;
        }
        start = Some(from_here);
    }
    None
}

/// The type of entity a noun of classes `c` refers to: a person for a title's head
/// ("the president"), an organization for an organization's or group's noun.
fn noun_type(c: u64) -> Option<EntityType> {
    if c & class::HEAD != 0 {
        Some(EntityType::Person)
    } else if c & (class::ORG_NOUN | class::GROUP) != 0 {
        Some(EntityType::Organization)
    } else {
        None
    }
}

/// Whether the word `w` (of classes `c`) may modify the noun of a reference: letters
/// and hyphens, and no function word or cue.
fn modifier(w: &str, c: u64) -> bool {
    // The class first: it is known already, the letters must be read.
    c & (class::FUNCTION | class::CUE) == 0
        && if w.is_ascii() {
            w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        } else {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
        }
}

/// The byte span of the first word of `bytes` at or after `at`: a run of word bytes.
fn next_word(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while bytes.get(at).is_some_and(|&b| !word_byte(b)) {
        at += 1;
    }
    let s = at;
    while bytes.get(at).is_some_and(|&b| word_byte(b)) {
        at += 1;
    }
    (at > s).then_some((s, at))
}

/// Whether the word at bytes `s..e` of the sentence lies in a mention (`named` sorted).
fn flag_at(named: &[Named], offset: usize, s: usize, e: usize) -> InWord {
    let p = named.partition_point(|m| m.span.end <= s + offset);
    match named.get(p) {
        Some(m) if m.span.start < e + offset => {
            if m.demonym {
                InWord::Demonym
            } else {
                InWord::Name
            }
        }
        _ => InWord::Free,
    }
}

/// Whether a word lies in a mention.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InWord {
    Free,
    Name,
    Demonym,
}

/// Byte spans of the words of `text`: runs of ASCII letters, digits, hyphens and any
/// non-ASCII bytes (so a word never splits a character); one pass over the bytes.
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    text.bytes()
        .chain(std::iter::once(b' '))
        .enumerate()
        .filter_map(move |(i, b)| match (start, word_byte(b)) {
            (None, true) => {
                start = Some(i);
                None
            }
            (Some(s), false) => {
                start = None;
                Some((s, i))
            }
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The triggers as first found: any case, leftmost longest, then kept only where no
    /// word byte touches them on either side.
    fn triggers_by_automaton(text: &str) -> Vec<(usize, usize)> {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(TRIGGERS)
            .unwrap();
        let bytes = text.as_bytes();
        ac.find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, e)| {
                (s == 0 || !word_byte(bytes[s - 1]))
                    && bytes.get(e).map_or(true, |&b| !word_byte(b))
            })
            .collect()
    }

    #[test]
    fn triggers_are_told_as_the_list_tells_them() {
        for w in [
            "he",
            "HE",
            "She",
            "the",
            "THE",
            "tHe",
            "herself",
            "Himself",
            "hers",
            "th",
            "h",
            "",
            "theirs",
            "heh",
            "the\u{e9}",
            "himselfs",
            "she-",
        ] {
            let listed = TRIGGERS.iter().any(|t| t.eq_ignore_ascii_case(w));
            assert_eq!(trigger_of(w.as_bytes()).is_some(), listed, "{w}");
            assert_eq!(
                trigger_of(w.as_bytes()),
                listed.then(|| w.eq_ignore_ascii_case("the")),
                "{w}"
            );
        }
    }

    #[test]
    fn the_scan_finds_the_triggers_the_automaton_found() {
        for text in [
            "",
            "he",
            "The man. HE said she-wolf, herself; hers? Him: HIS her theHe the-the 'the' Thé the",
            "Whether they hit himself, then herselfs or himselF\u{e9}he",
            "the2 2the the\u{2019}s he\u{a0}she",
            "she said she, SHE and She; shes ashe she-",
            "Then Rob heard that she was cheating on him.",
            "\u{e9}he \u{2019}he x-the the- thhe sshe hhe h",
        ] {
            let got: Vec<_> = trigger_words(text.as_bytes()).collect();
            assert_eq!(got, triggers_by_automaton(text), "{text}");
        }
        for b in 0..=255u8 {
            let by_rule = b >= 0x80 || b.is_ascii_alphanumeric() || b == b'-';
            assert_eq!(word_byte(b), by_rule, "{b}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_scans_as_the_automaton_reads_it(
            text in "(he|she|the|him|his|her|self|[tThHeEsSimlfrM\\- .,'2]|\u{e9}|\u{2019}|\u{a0}){0,40}"
        ) {
            let got: Vec<_> = trigger_words(text.as_bytes()).collect();
            proptest::prop_assert_eq!(got, triggers_by_automaton(&text));
        }
    }

    /// [`has_word`] as first written: every word of the text compared.
    fn has_word_by_words(text: &str, word: &str) -> bool {
        words(text).any(|(s, e)| text[s..e].eq_ignore_ascii_case(word))
    }

    #[test]
    fn has_word_finds_whole_words_in_any_case() {
        let text = "The Company's chief, a co-founder of Acme-Corp, said (company) Zo\u{eb}.";
        for (word, want) in [
            ("company", true),
            ("COMPANY", true),
            ("co", false),
            ("founder", false),
            ("co-founder", true),
            ("acme", false),
            ("acme-corp", true),
            ("zo\u{eb}", true),
            ("zo", false),
            ("s", true),
            ("", false),
            ("company's", false),
        ] {
            assert_eq!(has_word(text, word), want, "{word}");
            assert_eq!(has_word_by_words(text, word), want, "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn has_word_agrees_with_the_word_scan(
            text in "([aAbB\\- .,']|ab|\u{e9}|\u{2019}){0,30}",
            word in "([aAbB\\-.']|\u{e9}){0,4}",
        ) {
            proptest::prop_assert_eq!(has_word(&text, &word), has_word_by_words(&text, &word));
        }
    }

    #[test]
    fn next_word_reads_the_words_that_words_reads() {
        for text in [
            "",
            "  ",
            "the U.S.-backed Zoë rebels, in 2016!",
            "end-",
            "a",
            "«x» y",
        ] {
            let mut at = 0;
            let mut got = Vec::new();
            while let Some((s, e)) = next_word(text.as_bytes(), at) {
                got.push((s, e));
                at = e;
            }
            assert_eq!(got, words(text).collect::<Vec<_>>(), "{text}");
        }
        assert_eq!(next_word(b"the company said", 3), Some((4, 11)));
    }

    /// `resolve` as first written: the antecedent looked up again for every candidate,
    /// every candidate read.
    fn resolve_first(
        sentence: &str,
        offset: usize,
        named: &[Named],
        seen: &Seen,
        before: Before,
        lex: &Lexicon,
    ) -> (Vec<SentenceMention>, bool) {
        let mut out = Vec::new();
        let mut unresolved = false;
        let first = |ty: EntityType| {
            named
                .iter()
                .find(|m| !m.demonym && m.ty == ty)
                .map_or(usize::MAX, |m| m.span.start)
        };
        let (first_person, first_org) =
            (first(EntityType::Person), first(EntityType::Organization));
        for (span, ty) in candidates(sentence, offset, named, lex) {
            if out.len() >= MAX_PER_SENTENCE {
                break;
            }
            let first_of_type = if ty == EntityType::Person {
                first_person
            } else {
                first_org
            };
            let named_before = first_of_type < span.start + offset;
            let entity = if named_before {
                None
            } else {
                antecedent(seen, ty).filter(|&(_, back)| {
                    let phrase = &sentence[span.start..span.end];
                    let noun = phrase.rsplit(' ').next().unwrap_or(phrase);
                    PERSON_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(noun))
                        || before.text(back).is_some_and(|t| has_word(t, noun))
                })
            }
            .map(|(e, _)| e);
            match entity {
                Some(entity) => out.push(SentenceMention {
                    span,
                    entity,
                    entity_type: ty,
                    demonym: false,
                    reference: true,
                }),
                None => unresolved |= ty == EntityType::Person,
            }
        }
        (out, unresolved)
    }

    const VOCAB: [&str; 14] = [
        "he",
        "She",
        "his",
        "the",
        "The",
        "company",
        "president",
        "Russian",
        "new",
        "Acme",
        "said",
        "of",
        ",",
        "her",
    ];

    proptest::proptest! {
        #[test]
        fn resolve_agrees_with_the_first_resolver(
            words in proptest::collection::vec(0usize..VOCAB.len(), 0..30),
            names in proptest::collection::vec((0usize..30, 0usize..3, 0usize..3), 0..4),
            earlier in proptest::collection::vec(proptest::collection::vec((0usize..4, 0usize..3), 0..3), 0..3),
        ) {
            let lex = Lexicon::get();
            let prev = "The president of the company met Acme.";
            let mut text = format!("{prev} ");
            let offset = text.len();
            let mut starts = Vec::new();
            for &w in &words {
                starts.push(text.len());
                text.push_str(VOCAB[w]);
                text.push(' ');
            }
            let types = [EntityType::Person, EntityType::Organization, EntityType::Location];
            let mut named: Vec<Named> = names
                .iter()
                .filter_map(|&(w, ty, e)| {
                    let start = *starts.get(w)?;
                    Some(Named {
                        sentence: 1,
                        span: Span::new(start, start + VOCAB[words[w]].len()),
                        entity: e,
                        ty: types[ty],
                        demonym: VOCAB[words[w]] == "Russian",
                    })
                })
                .collect();
            named.sort_by_key(|m| m.span.start);
            named.dedup_by_key(|m| m.span.start);
            let mut seen = Seen::default();
            for list in &earlier {
                seen.starts.push(seen.entities.len());
                for &(e, ty) in list {
                    let e = if e == 3 { UNKNOWN } else { e };
                    seen.entities.push((e, types[ty]));
                }
            }
            let spans = [Span::new(0, prev.len())];
            let before = Before { text: &text, spans: &spans };
            let sentence = &text[offset..];
            let new = resolve(sentence, offset, &named, &seen, before, lex);
            let old = resolve_first(sentence, offset, &named, &seen, before, lex);
            proptest::prop_assert_eq!(new, old);
        }
    }
}
