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
    span: Span,
    entity: usize,
    ty: EntityType,
    demonym: bool,
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
        let mut by_sentence: Vec<Vec<Named>> = Vec::new();
        by_sentence.resize_with(sentences.len(), Vec::new);
        for (si, span, entity, ty, demonym) in mentions {
            if let Some(list) = by_sentence.get_mut(si) {
                list.push(Named {
                    span,
                    entity,
                    ty,
                    demonym,
                });
            }
        }
        let lex = Lexicon::get();
        let texts: Vec<&str> = sentences
            .iter()
            .map(|sp| text.get(sp.start..sp.end).unwrap_or(""))
            .collect();
        // Per sentence: the entities it names or refers to, in order of first appearance.
        let mut seen: Vec<Vec<(usize, EntityType)>> = Vec::with_capacity(sentences.len());
        let mut found = Vec::with_capacity(sentences.len());
        for (si, sp) in sentences.iter().enumerate() {
            let Some(sentence) = text.get(sp.start..sp.end) else {
                seen.push(Vec::new());
                found.push(Vec::new());
                continue;
            };
            let named = &by_sentence[si];
            let (refs, unresolved) = resolve(sentence, sp.start, named, &seen, &texts[..si], lex);
            let mut order: Vec<(usize, usize, EntityType)> = named
                .iter()
                .filter(|m| !m.demonym)
                .map(|m| (m.span.start - sp.start, m.entity, m.ty))
                .chain(refs.iter().map(|r| (r.span.start, r.entity, r.entity_type)))
                .collect();
            order.sort_by_key(|&(at, _, _)| at);
            let mut ents: Vec<(usize, EntityType)> = Vec::new();
            for (_, e, t) in order {
                if !ents.iter().any(|&(x, _)| x == e) {
                    ents.push((e, t));
                }
            }
            // A pronoun left unresolved stands for someone unknown: a later "he" must not
            // skip over it to the one name of this sentence.
            if unresolved && !ents.iter().any(|&(e, _)| e == UNKNOWN) {
                ents.push((UNKNOWN, EntityType::Person));
            }
            seen.push(ents);
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
        view.extend(refs.iter().cloned());
        view.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// The references of one sentence, given what the sentences before it name, and whether a
/// person pronoun was left unresolved.
fn resolve(
    sentence: &str,
    offset: usize,
    named: &[Named],
    seen: &[Vec<(usize, EntityType)>],
    before: &[&str],
    lex: &Lexicon,
) -> (Vec<SentenceMention>, bool) {
    let mut out = Vec::new();
    let mut unresolved = false;
    for (span, ty) in candidates(sentence, offset, named, lex) {
        if out.len() >= MAX_PER_SENTENCE {
            break;
        }
        let named_before = named
            .iter()
            .any(|m| m.span.start < span.start + offset && !m.demonym && m.ty == ty);
        let entity = if named_before {
            None
        } else {
            antecedent(seen, ty).filter(|&(_, back)| {
                // "the company" needs a company: the sentence of its antecedent says so.
                let noun = &sentence[span.start..span.end];
                ty == EntityType::Person
                    || PERSON_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(noun))
                    || before
                        .len()
                        .checked_sub(back)
                        .and_then(|i| before.get(i))
                        .is_some_and(|t| has_word(t, noun))
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

/// The one entity of type `ty` named or referred to in the nearest earlier sentence that
/// has any (`seen` holds the sentences before, in order).
/// With how many sentences back it was found.
fn antecedent(seen: &[Vec<(usize, EntityType)>], ty: EntityType) -> Option<(usize, usize)> {
    for (back, prev) in seen.iter().rev().take(LOOK_BACK).enumerate() {
        let mut of_type = prev.iter().filter(|&&(_, t)| t == ty);
        if let Some(&(first, _)) = of_type.next() {
            return (first != UNKNOWN && of_type.next().is_none()).then_some((first, back + 1));
        }
    }
    None
}

/// Whether `word` stands in `text` as a whole word, in any case.
fn has_word(text: &str, word: &str) -> bool {
    words(text)
        .iter()
        .any(|&(s, e)| text[s..e].eq_ignore_ascii_case(word))
}

/// The words of `sentence` outside the mentions that may refer back: person pronouns,
/// and "the [modifiers] NOUN" with a title or organization noun not followed by a name.
fn candidates(
    sentence: &str,
    offset: usize,
    named: &[Named],
    lex: &Lexicon,
) -> Vec<(Span, EntityType)> {
    let inside = |s: usize, e: usize| {
        named
            .iter()
            .any(|m| m.span.start < e + offset && s + offset < m.span.end)
    };
    let words = words(sentence);
    let mut out = Vec::new();
    for (n, &(s, e)) in words.iter().enumerate() {
        let w = &sentence[s..e];
        let pronoun = PERSON_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w));
        let lower = w.starts_with(|c: char| c.is_lowercase());
        if (!pronoun && !lower) || inside(s, e) {
            continue;
        }
        if pronoun {
            out.push((Span::new(s, e), EntityType::Person));
            continue;
        }
        let ty = if lex.is(w, class::HEAD) {
            EntityType::Person
        } else if lex.is(w, class::ORG_NOUN | class::GROUP) {
            EntityType::Organization
        } else {
            continue;
        };
        let Some(start) = definite(sentence, offset, &words, n, named, lex) else {
            continue;
        };
        // "the minister Sergei Lavrov", "the company Acme", "the head of Acme": a title
        // of a name, not a reference.
        let next = words
            .get(n + 1)
            .map(|&(ns, ne)| (ns, ne, &sentence[ns..ne]));
        let stop = next.is_some_and(|(ns, ne, nw)| {
            inside(ns, ne) || nw.starts_with(|c: char| c.is_uppercase()) || nw == "of"
        });
        if !stop {
            out.push((Span::new(start, e), ty));
        }
    }
    out
}

/// Where the reference ends at word `n` starts, when it closes "the (modifiers) NOUN":
/// lowercase words or one nationality word back to "the", at most three. The reference
/// covers the modifiers after "the" (or after the nationality word, a mention itself).
fn definite(
    sentence: &str,
    offset: usize,
    words: &[(usize, usize)],
    n: usize,
    named: &[Named],
    lex: &Lexicon,
) -> Option<usize> {
    let mut k = n;
    let mut start = words.get(n)?.0;
    let mut after_demonym = false;
    for _ in 0..4 {
        let j = k.checked_sub(1)?;
        let (s, e) = words[j];
        let w = &sentence[s..e];
        if w.eq_ignore_ascii_case("the") {
            return Some(start);
        }
        let demonym = named
            .iter()
            .any(|m| m.demonym && m.span.start <= s + offset && e + offset <= m.span.end);
        let modifier = w.starts_with(|c: char| c.is_lowercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lex.is(w, class::FUNCTION | class::CUE);
        if demonym {
            after_demonym = true;
        } else if !modifier {
            return None;
        } else if !after_demonym {
            start = s;
        }
        k = j;
    }
    None
}

/// Byte spans of the words of `text`: runs of letters, digits, hyphens and apostrophes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '-';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}
