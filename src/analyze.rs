//! One document's analysis, as a self-contained record.
//!
//! [`analyze`] runs the per-document stages (boilerplate, sentences, mentions,
//! in-document entities, relations, co-mentions) and keeps only what the corpus
//! pass needs: the document's local entities with their surface forms and counts,
//! its mentions and links by local entity number, and the text of the sentences
//! that support a link. The record holds no reference into the document, the
//! lexicon aside (gazetteer entries by index), so analyses can be made anywhere
//! (threads today, shards on other machines later) and merged in input order.
//!
//! Co-mentions are bounded per sentence: each entity is linked to the next
//! [`COMENTION_WINDOW`] distinct entities of its sentence, and a sentence that
//! is a list of names (more than [`LIST_ENTITIES`] distinct entities, names
//! covering most of its words) links none. Typed relations are sought only in
//! sentences of at most [`RELATION_MENTIONS`] mentions. So one sentence of n
//! names gives at most `COMENTION_WINDOW * n` links, and no input is quadratic.

use std::borrow::Cow;

use crate::clean::{boilerplate_lines_of, split_and_mask};
use crate::lexicon::Lexicon;
use crate::model::{Day, Document, EntityType, RelationKind, Span};
use crate::recognize::{drop_named_events, recognize, settle, RawMention};
use crate::relations::{extract, rules, DocContext, FoundRelation, SentenceMention};
use crate::resolve::{resolve_document, LocalEntity};
use crate::text::{lines, split_sentences, Sentence};

/// Each entity co-occurs with at most this many distinct entities after it in a
/// sentence (in order of first mention); sentences of up to six entities keep
/// every pair.
pub const COMENTION_WINDOW: usize = 3;

/// A sentence of more distinct entities than this, mostly names, is a list or a
/// table: its entities are not linked to each other.
pub const LIST_ENTITIES: usize = 8;

/// Typed relations are sought only in sentences with at most this many mentions;
/// past it a "sentence" is a list, a table or text without punctuation.
pub const RELATION_MENTIONS: usize = 40;

/// What is kept of one document after analysis.
#[derive(Clone, Debug, Default)]
pub struct DocAnalysis {
    pub id: String,
    pub date: Option<Day>,
    /// Its entities, numbered by their place here (`LocalMention::entity`, links).
    pub entities: Vec<LocalEntity>,
    /// Its mentions in text order (nationality words left out).
    pub mentions: Vec<LocalMention>,
    /// Links in sentence order.
    pub links: Vec<LocalLink>,
    /// The sentences that support a link, by index.
    pub sentences: Vec<SentenceRecord>,
}

/// A mention, with character (code point) offsets into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: usize,
    pub entity_type: EntityType,
    /// A nationality word ("German") listed as a mention of its country: no name of the
    /// place, but a typed relation may end at it.
    pub nationality: bool,
    pub sentence: usize,
}

/// A co-mention or typed relation between two local entities in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalLink {
    pub kind: RelationKind,
    pub source: usize,
    pub target: usize,
    pub role: Option<String>,
    /// Stable id of the rule (`co-mention` for co-mentions).
    pub rule: Cow<'static, str>,
    pub sentence: usize,
}

/// A sentence that supports a link: its index, character offsets and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceRecord {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Analyses one document.
pub fn analyze(doc: &Document, lex: &Lexicon) -> DocAnalysis {
    let text = doc.text.as_str();
    let line_spans = lines(text);
    let mut sentences = Vec::new();
    for (i, &l) in line_spans.iter().enumerate() {
        split_sentences(text, l, i, &mut sentences);
    }
    // Before any sentence's tokens are split or masked: a line's tokens are its sentences'.
    let skip = boilerplate_lines_of(text, &line_spans, &sentences, lex);
    split_and_mask(text, &mut sentences, lex);
    let mut raw = recognize(text, &sentences, &skip, lex);
    drop_named_events(text, &mut raw);
    settle(text, &mut raw, lex);
    if !lex.stop.is_empty() {
        raw.retain(|m| !lex.stop.contains(&m.key));
    }
    let (entities, assignment) = resolve_document(text, &mut raw, lex);
    let mut chars = CharCounter::new(text);
    let mentions = local_mentions(text, &raw, &assignment, &mut chars);
    let links = doc_links(text, &sentences, &raw, &assignment, &entities, lex);
    let typed = typed_entities(&raw, &assignment, entities.len());
    let (entities, mentions, links) = without_other(entities, &typed, mentions, links);
    let sentences = sentence_records(text, &sentences, &links, &mut chars);
    DocAnalysis {
        id: doc.id.clone(),
        date: doc.date,
        entities,
        mentions,
        links,
        sentences,
    }
}

/// The kept mentions with their entities, at character offsets.
fn local_mentions(
    text: &str,
    raw: &[RawMention],
    assignment: &[usize],
    chars: &mut CharCounter,
) -> Vec<LocalMention> {
    raw.iter()
        .zip(assignment)
        .map(|(m, &e)| {
            let name = &text[m.span.start..m.span.end];
            let start = chars.offset(m.span.start);
            LocalMention {
                start,
                end: chars.offset(m.span.end),
                text: name.to_string(),
                entity: e,
                entity_type: m.entity_type,
                nationality: m.demonym,
                sentence: m.sentence,
            }
        })
        .collect()
}

/// Character (code point) offsets of byte offsets asked in text order: each is
/// counted on from the one before (mentions and sentences come in order), so a
/// document's characters are counted about once, and an ASCII text not at all.
struct CharCounter<'a> {
    text: &'a str,
    ascii: bool,
    /// The last byte offset asked for, and its character offset.
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// Back to the text's start, counting again from there.
    fn rewind(&mut self) {
        self.byte = 0;
        self.chars = 0;
    }

    /// The character offset of `byte` (a character boundary of the text, or past its
    /// end: the text's length in characters).
    fn offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// Typed relations and co-mentions, sentence by sentence.
fn doc_links(
    text: &str,
    sentences: &[Sentence],
    raw: &[RawMention],
    assignment: &[usize],
    entities: &[LocalEntity],
    lex: &Lexicon,
) -> Vec<LocalLink> {
    // About one link per mention: grown rarely.
    let mut links = Vec::with_capacity(raw.len());
    let refs = doc_context(text, sentences, raw, assignment);
    // Per entity, the last sentence (plus one) whose co-mentions counted it.
    let mut seen = vec![0; entities.len()];
    let mut named = Vec::new();
    // The relation rules' view of one sentence's mentions, made again for each.
    let mut view = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let si = raw[i].sentence;
        let j = i + raw[i..].iter().take_while(|m| m.sentence == si).count();
        let sentence = SentenceView {
            text,
            sentence: &sentences[si],
            mentions: &raw[i..j],
            entities: &assignment[i..j],
            refs: &refs, // rel
        };
        sentence.relations(entities, lex, &mut view, &mut links);
        sentence.co_mentions(&mut seen, &mut named, &mut links);
        i = j;
    }
    links
}

/// rel: references ("she", "the company") resolved once per document; relations::DocContext.
fn doc_context(
    text: &str,
    sentences: &[Sentence],
    raw: &[RawMention],
    assignment: &[usize],
) -> DocContext {
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    DocContext::new(
        text,
        &spans,
        raw.iter()
            .zip(assignment)
            .map(|(m, &e)| (m.sentence, m.span, e, m.entity_type, m.demonym)),
    )
}

/// Per entity, whether any of its mentions has a type other than `Other`.
fn typed_entities(raw: &[RawMention], assignment: &[usize], entities: usize) -> Vec<bool> {
    let mut typed = vec![false; entities];
    for (m, &e) in raw.iter().zip(assignment) {
        typed[e] |= m.entity_type != EntityType::Other;
    }
    typed
}

/// The sentences that support a link, in order, at character offsets.
fn sentence_records(
    text: &str,
    sentences: &[Sentence],
    links: &[LocalLink],
    chars: &mut CharCounter,
) -> Vec<SentenceRecord> {
    // Counted again from the start: the sentences come in order too.
    chars.rewind();
    let mut used: Vec<usize> = links.iter().map(|l| l.sentence).collect();
    used.dedup();
    used.into_iter()
        .map(|si| {
            let sp = sentences[si].span;
            SentenceRecord {
                index: si,
                start: chars.offset(sp.start),
                end: chars.offset(sp.end),
                text: text[sp.start..sp.end].to_string(),
            }
        })
        .collect()
}

/// Leaves out the entities typed `Other` with evidence of their own (laws,
/// programmes, events, works, holidays: "Affordable Care Act", "Election Day"),
/// with their mentions and links, and renumbers the rest. They were recognised,
/// so they kept their words from wrong partial names ("Care Act"), but the graph
/// holds people, organizations and places. Lone unknown words (tentative) stay,
/// and so does an entity one of whose mentions is `typed` otherwise: the corpus
/// pass decides what they name.
fn without_other(
    entities: Vec<LocalEntity>,
    typed: &[bool],
    mentions: Vec<LocalMention>,
    links: Vec<LocalLink>,
) -> (Vec<LocalEntity>, Vec<LocalMention>, Vec<LocalLink>) {
    let mut number = Vec::with_capacity(entities.len());
    let mut kept = Vec::with_capacity(entities.len());
    for (e, &typed) in entities.into_iter().zip(typed) {
        if e.entity_type == EntityType::Other && !e.tentative && !typed {
            number.push(None);
        } else {
            number.push(Some(kept.len()));
            kept.push(e);
        }
    }
    if kept.len() == number.len() {
        return (kept, mentions, links);
    }
    let mentions = mentions
        .into_iter()
        .filter_map(|mut m| {
            m.entity = number[m.entity]?;
            Some(m)
        })
        .collect();
    let links = links
        .into_iter()
        .filter_map(|mut l| {
            l.source = number[l.source]?;
            l.target = number[l.target]?;
            Some(l)
        })
        .collect();
    (kept, mentions, links)
}

/// The mentions of one sentence with the local entity of each.
struct SentenceView<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    mentions: &'a [RawMention],
    entities: &'a [usize],
    /// rel: the document's references, added to the sentence's mentions.
    refs: &'a DocContext,
}

/// A located_in edge found by `rule` from `source` to `target`, its ends in the order
/// the gazetteers' facts give, or `None` when the facts say it is no such edge.
fn place_order(
    rule: &str,
    source: usize,
    target: usize,
    entities: &[LocalEntity],
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    // Facts outrank word order: a country or continent is never inside a
    // city, nor inside another country ("Iran, Saudi Arabia" is a list). A
    // city the gazetteers place in a country may still be inside a district
    // they do not know ("Belmopan is located in Cayo District"), so only a
    // country turns the edge round, except in "the A district of B", whose
    // word order says nothing ("the Damascus district of Jobar", "the Pudu
    // district of Kuala Lumpur"): there a known city holds an unknown place.
    let (rs, rt) = (
        place_rank(&entities[source], lex),
        place_rank(&entities[target], lex),
    );
    if rs == PlaceRank::Country && rt == PlaceRank::Country {
        return None;
    }
    let of_noun = rule == rules::LOCATED_OF_NOUN;
    // "the Embassy of the United States in Cairo": "in" attached to the wrong
    // phrase; turned round it would say nothing the sentence does.
    if rs == PlaceRank::Country && rule == rules::LOCATED_IN {
        return None;
    }
    // "to isolate Raqqa, Syria, before": without a preposition "A, B" is
    // a place in a country only when the gazetteers say B is one.
    if rule == rules::LOCATED_COMMA_BARE && !(rt == PlaceRank::Country && rs != PlaceRank::Country)
    {
        return None;
    }
    if rs == PlaceRank::Country || (of_noun && rs > rt) {
        Some((target, source))
    } else {
        Some((source, target))
    }
}

impl SentenceView<'_> {
    fn index(&self) -> usize {
        self.mentions[0].sentence
    }

    /// Typed relations, with places ordered by the gazetteers' facts.
    fn relations(
        &self,
        entities: &[LocalEntity],
        lex: &Lexicon,
        view: &mut Vec<SentenceMention>,
        links: &mut Vec<LocalLink>,
    ) {
        // rel: one name may pair with a reference ("She joined Acme").
        let alone = self.mentions.len() < 2 && !self.refs.has_references(self.index());
        if alone || self.mentions.len() > RELATION_MENTIONS {
            return;
        }
        self.fill_view(view);
        let view: &[SentenceMention] = view;
        let base = self.sentence.span.start;
        let sentence_text = &self.text[base..self.sentence.span.end];
        let found = extract(sentence_text, view);
        if found.is_empty() {
            return;
        }
        let listed = listed_places(&found, view, entities, lex);
        for r in found {
            let (Some(a), Some(b)) = (view.get(r.source), view.get(r.target)) else {
                continue;
            };
            let chained = matches!(
                r.rule,
                rules::LOCATED_COMMA | rules::LOCATED_COMMA_BARE | rules::LOCATED_TRANSITIVE
            );
            if chained && (listed.contains(&r.source) || listed.contains(&r.target)) {
                continue;
            }
            let (mut source, mut target) = (a.entity, b.entity);
            if r.kind == RelationKind::LocatedIn {
                let Some(ends) = place_order(r.rule, source, target, entities, lex) else {
                    continue;
                };
                (source, target) = ends;
            }
            if source != target {
                links.push(LocalLink {
                    kind: r.kind,
                    source,
                    target,
                    role: r.role,
                    rule: Cow::Borrowed(r.rule),
                    sentence: self.index(),
                });
            }
        }
    }

    /// Puts the sentence's mentions, offsets within the sentence, and its references in
    /// `view`.
    fn fill_view(&self, view: &mut Vec<SentenceMention>) {
        let base = self.sentence.span.start;
        view.clear();
        view.extend(
            self.mentions
                .iter()
                .zip(self.entities)
                .map(|(m, &e)| SentenceMention {
                    span: Span::new(m.span.start - base, m.span.end - base),
                    entity: e,
                    entity_type: m.entity_type,
                    demonym: m.demonym,
                    reference: false, // rel
                }),
        );
        self.refs.annotate(self.index(), view); // rel: references
    }

    /// Co-mentions between named entities, each with the next few after it. `seen` holds
    /// per entity the last sentence index plus one that counted it (no entity is counted
    /// twice in a sentence); `named` is room for the sentence's entities.
    fn co_mentions(&self, seen: &mut [usize], named: &mut Vec<usize>, links: &mut Vec<LocalLink>) {
        // Distinct named entities in order of first mention.
        let stamp = self.index() + 1;
        named.clear();
        let mut name_bytes = 0;
        for (m, &e) in self.mentions.iter().zip(self.entities) {
            name_bytes += m.span.len();
            if m.demonym || m.entity_type == EntityType::Other {
                continue;
            }
            if seen[e] != stamp {
                seen[e] = stamp;
                named.push(e);
            }
        }
        if named.len() > LIST_ENTITIES && self.is_list(name_bytes) {
            return;
        }
        for (x, &a) in named.iter().enumerate() {
            for &b in named[x + 1..].iter().take(COMENTION_WINDOW) {
                let (source, target) = if a < b { (a, b) } else { (b, a) };
                links.push(LocalLink {
                    kind: RelationKind::CoMention,
                    source,
                    target,
                    role: None,
                    rule: Cow::Borrowed("co-mention"),
                    sentence: self.index(),
                });
            }
        }
    }

    /// Names take at least half of the sentence's letters and digits.
    fn is_list(&self, name_bytes: usize) -> bool {
        let sp = self.sentence.span;
        let letters = self.text[sp.start..sp.end]
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && !b.is_ascii_punctuation())
            .count();
        name_bytes * 2 >= letters
    }
}

/// The mentions of places that a comma chain puts one inside another against the
/// gazetteers: two countries ("the ministers of Iran, Saudi Arabia, Emirates, Turkey"),
/// two states or provinces of one country ("Iowa, New Hampshire"), or places of two
/// different countries ("from Paris, Berlin, London, Prague"). Such a chain is a list,
/// and no place in it is inside any other.
fn listed_places(
    found: &[FoundRelation],
    view: &[SentenceMention],
    entities: &[LocalEntity],
    lex: &Lexicon,
) -> Vec<usize> {
    let entry = |m: usize| {
        view.get(m)
            .and_then(|m| entities[m.entity].gaz)
            .filter(|&g| lex.entries[g].entity_type == EntityType::Location)
    };
    // The country a known place is in, or is.
    let country_of = |g: usize| match &lex.entries[g].country {
        Some(c) => Some(c.as_str()),
        None if lex.is_country(g) => Some(lex.entries[g].name.as_str()),
        None => None,
    };
    let mut listed = Vec::new();
    let mut apart = Vec::new();
    for r in found {
        if r.kind != RelationKind::LocatedIn || r.rule != rules::LOCATED_COMMA {
            continue;
        }
        let (Some(a), Some(b)) = (entry(r.source), entry(r.target)) else {
            continue;
        };
        let (ea, eb) = (&lex.entries[a], &lex.entries[b]);
        let same_country = ea.country.is_some() && ea.country == eb.country;
        let peers = (lex.is_country(a) && lex.is_country(b))
            || (ea.division && eb.division && same_country);
        if peers {
            listed.extend([r.source, r.target]);
        } else if !lex.is_country(b)
            && matches!((country_of(a), country_of(b)), (Some(x), Some(y)) if x != y)
        {
            apart.extend([r.source, r.target]);
        }
    }
    // One such pair is a writer naming a town after its state ("Dublin, Ohio": the
    // gazetteers know the Irish one); two or more are a list of towns.
    if apart.len() >= 4 {
        listed.extend(apart);
    }
    listed
}

/// How large a place is known to be, from the gazetteers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PlaceRank {
    /// Not in the gazetteers: a neighbourhood, a village, a base.
    Unknown,
    /// A city, region or province the gazetteers place in a country.
    InCountry,
    /// A country, continent or sea.
    Country,
}

fn place_rank(e: &LocalEntity, lex: &Lexicon) -> PlaceRank {
    match e.gaz.map(|g| &lex.entries[g]) {
        Some(entry) if entry.entity_type == EntityType::Location => {
            if entry.country.is_some() {
                PlaceRank::InCountry
            } else {
                PlaceRank::Country
            }
        }
        _ => PlaceRank::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            id: "d".into(),
            source: "d.txt".into(),
            text: text.into(),
            date: None,
        }
    }

    fn co_mentions(a: &DocAnalysis) -> usize {
        a.links
            .iter()
            .filter(|l| l.kind == RelationKind::CoMention)
            .count()
    }

    proptest::proptest! {
        #[test]
        fn counted_char_offsets_are_the_indexed_ones(
            text in "[a-z \u{e9}\u{2019}\u{1f600}]{0,200}",
            picks in proptest::collection::vec(0usize..400, 0..20),
        ) {
            let index = crate::text::CharIndex::new(&text);
            let mut counter = CharCounter::new(&text);
            let bounds: Vec<usize> = (0..=text.len() + 3)
                .filter(|&b| b > text.len() || text.is_char_boundary(b))
                .collect();
            for (n, p) in picks.into_iter().enumerate() {
                if n == 7 {
                    counter.rewind();
                }
                let b = bounds[p % bounds.len()];
                proptest::prop_assert_eq!(counter.offset(b), index.char_offset(b));
            }
        }
    }

    #[test]
    fn a_short_sentence_links_every_pair() {
        let a = analyze(
            &doc("Angela Merkel met Emmanuel Macron and Justin Trudeau in Berlin on Monday."),
            Lexicon::builtin(),
        );
        let named = a.entities.len();
        assert!(named >= 4, "{:?}", a.entities);
        assert_eq!(co_mentions(&a), named * (named - 1) / 2);
        assert_eq!(a.sentences.len(), 1);
        assert_eq!(a.sentences[0].start, 0);
    }

    #[test]
    fn a_list_of_names_links_none_and_stays_linear() {
        let given = [
            "John", "Maria", "Peter", "Anna", "David", "Laura", "Michael", "Sarah",
        ];
        let family = [
            "Kowalczyk",
            "Brennan",
            "Okafor",
            "Lindqvist",
            "Moreau",
            "Tanaka",
            "Herrera",
            "Novak",
            "Fischer",
            "Adeyemi",
        ];
        let names: Vec<String> = (0..400)
            .map(|i| format!("{} {}", given[i % 8], family[(i / 8) % 10]))
            .collect();
        let text = format!("{}.", names.join(", "));
        let a = analyze(&doc(&text), Lexicon::builtin());
        assert!(a.mentions.len() > 100, "{}", a.mentions.len());
        assert_eq!(co_mentions(&a), 0);
    }

    #[test]
    fn a_long_sentence_of_prose_is_bounded_by_the_window() {
        let parts: Vec<String> = (0..60)
            .map(|i| format!("the envoy Karel Zvonek{i} spoke with officials about the plan"))
            .collect();
        let text = format!("{}.", parts.join(" and "));
        let a = analyze(&doc(&text), Lexicon::builtin());
        let n = a.entities.len();
        assert!(n > 20, "{n}");
        assert!(co_mentions(&a) <= COMENTION_WINDOW * n);
        assert!(co_mentions(&a) > 0);
    }

    /// The typed `located_in` links as "smaller > larger" labels.
    fn located(a: &DocAnalysis) -> Vec<String> {
        let mut out: Vec<String> = a
            .links
            .iter()
            .filter(|l| l.kind == RelationKind::LocatedIn)
            .map(|l| {
                let name = |e: usize| a.entities[e].fullest().unwrap_or("").to_string();
                format!("{} > {}", name(l.source), name(l.target))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_known_city_may_lie_in_an_unknown_district() {
        let a = analyze(
            &doc("Lyon is located in Marden District, far from the coast."),
            Lexicon::builtin(),
        );
        assert_eq!(located(&a), ["Lyon > Marden District"]);
        // In "the A district of B" facts decide: a known city holds the unknown place.
        let a = analyze(
            &doc("Shells fell on the Lyon district of Velonne on Monday."),
            Lexicon::builtin(),
        );
        assert_eq!(located(&a), ["Velonne > Lyon"]);
    }

    #[test]
    fn a_bare_comma_pair_needs_a_known_country() {
        let a = analyze(
            &doc("Rebels began to encircle Lyon, France, on Monday."),
            Lexicon::builtin(),
        );
        assert_eq!(located(&a), ["Lyon > France"]);
        // Without a preposition, "A, B" of two cities may be a list.
        let a = analyze(
            &doc("Rebels began to encircle Lyon, Marseille, on Monday."),
            Lexicon::builtin(),
        );
        assert!(located(&a).is_empty(), "{:?}", located(&a));
    }

    #[test]
    fn a_country_in_a_city_is_a_misread_in() {
        // "in Geneva" tells where the talks were, not where France is.
        let a = analyze(
            &doc("Talks with France in Geneva began on Monday."),
            Lexicon::builtin(),
        );
        assert!(located(&a).is_empty(), "{:?}", located(&a));
        let a = analyze(&doc("She was born in Lyon in France."), Lexicon::builtin());
        assert_eq!(located(&a), ["Lyon > France"]);
    }

    #[test]
    fn a_comma_chain_holding_two_countries_is_a_list() {
        let a = analyze(
            &doc("She phoned the envoys of Peru, Chile, Wakanda, Norway, Kenya before noon."),
            Lexicon::builtin(),
        );
        assert!(located(&a).is_empty(), "{:?}", located(&a));
        let a = analyze(
            &doc("He was born in Lyon, France, and moved away in 1990."),
            Lexicon::builtin(),
        );
        assert_eq!(located(&a), ["Lyon > France"]);
        // Towns of different countries are a list too; a town and its country are not.
        let a = analyze(
            &doc("Crowds marched from Paris, Berlin, London, Prague and beyond."),
            Lexicon::builtin(),
        );
        assert!(located(&a).is_empty(), "{:?}", located(&a));
        let a = analyze(
            &doc("The talks were held in Geneva, Switzerland, on Monday."),
            Lexicon::builtin(),
        );
        assert_eq!(located(&a), ["Geneva > Switzerland"]);
        let a = analyze(
            &doc("Voters in Iowa, New Hampshire, Nevada and Ohio went to the polls."),
            Lexicon::builtin(),
        );
        assert!(located(&a).is_empty(), "{:?}", located(&a));
        // A town named after its state, against the gazetteers' town of that name.
        let a = analyze(
            &doc("The company moved to Dublin, Ohio, in 2004."),
            Lexicon::builtin(),
        );
        assert!(
            located(&a).contains(&"Dublin > Ohio".to_string()),
            "{:?}",
            located(&a)
        );
    }
}
