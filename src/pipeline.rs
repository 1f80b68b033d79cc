//! The whole job: documents in, one resolved entity graph out.
//!
//! Each document is analysed on its own (in parallel): boilerplate, sentences,
//! mentions, in-document entities, relations. Only the analysis is kept, not
//! the text, so a corpus streams through in batches. The corpus pass then merges
//! entities across documents and aggregates edges; it is linear in the number of
//! mentions and sentence-level pairs.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::clean::boilerplate_lines;
use crate::lexicon::Lexicon;
use crate::model::{
    Document, Edge, EntityGraph, EntityType, Evidence, MentionRecord, Node, RelationKind, Span,
};
use crate::recognize::{recognize, settle};
use crate::relations::{extract, DocContext, SentenceMention};
use crate::resolve::{resolve_corpus, resolve_document, LocalEntity, DROPPED};
use crate::text::{lines, split_sentences, CharIndex};

/// What is kept of one document after analysis.
#[derive(Clone, Debug)]
pub struct DocAnalysis {
    pub id: String,
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<LocalMention>,
    pub links: Vec<LocalLink>,
    /// Sentences that support a link: index -> (char start, char end, text).
    pub sentences: BTreeMap<usize, (usize, usize, std::sync::Arc<str>)>,
}

#[derive(Clone, Debug)]
pub struct LocalMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: usize,
    pub entity_type: EntityType,
    pub sentence: usize,
}

/// A co-mention or typed relation between two local entities in one sentence.
#[derive(Clone, Debug)]
pub struct LocalLink {
    pub kind: RelationKind,
    pub source: usize,
    pub target: usize,
    pub role: Option<String>,
    pub rule: &'static str,
    pub sentence: usize,
}

/// Analyses one document.
pub fn analyze(doc: &Document, lex: &Lexicon) -> DocAnalysis {
    let text = doc.text.as_str();
    let line_spans = lines(text);
    let skip = boilerplate_lines(text, &line_spans, lex);
    let mut sentences = Vec::new();
    for (i, &l) in line_spans.iter().enumerate() {
        split_sentences(text, l, i, &mut sentences);
    }
    let mut raw = recognize(text, &sentences, &skip, lex);
    settle(text, &mut raw, lex);
    if !lex.stop.is_empty() {
        raw.retain(|m| !lex.stop.contains(&m.key));
    }
    let (entities, assignment) = resolve_document(text, &raw, lex);
    let chars = CharIndex::new(text);

    let mentions = raw
        .iter()
        .zip(&assignment)
        .filter(|(m, _)| !m.demonym)
        .map(|(m, &e)| LocalMention {
            start: chars.char_offset(m.span.start),
            end: chars.char_offset(m.span.end),
            text: text[m.span.start..m.span.end].to_string(),
            entity: e,
            entity_type: m.entity_type,
            sentence: m.sentence,
        })
        .collect();

    let mut links = Vec::new();
    let mut used = BTreeSet::new();
    // rel: references ("she", "the company") resolved once per document; relations::DocContext.
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    let refs = DocContext::new(
        text,
        &spans,
        raw.iter()
            .zip(&assignment)
            .map(|(m, &e)| (m.sentence, m.span, e, m.entity_type, m.demonym)),
    );
    let mut i = 0;
    while i < raw.len() {
        let si = raw[i].sentence;
        let mut j = i;
        while j < raw.len() && raw[j].sentence == si {
            j += 1;
        }
        let group = &raw[i..j];
        let ents = &assignment[i..j];
        let distinct: BTreeSet<usize> = ents.iter().copied().collect();
        if !distinct.is_empty() {
            let s = &sentences[si];
            let mut view: Vec<SentenceMention> = group
                .iter()
                .zip(ents)
                .map(|(m, &e)| SentenceMention {
                    span: Span::new(m.span.start - s.span.start, m.span.end - s.span.start),
                    entity: e,
                    entity_type: m.entity_type,
                    demonym: m.demonym,
                    reference: false, // rel
                })
                .collect();
            refs.annotate(si, &mut view); // rel: references
            let before = links.len();
            for r in extract(&text[s.span.start..s.span.end], &view) {
                let (Some(a), Some(b)) = (view.get(r.source), view.get(r.target)) else {
                    continue;
                };
                let (mut source, mut target) = (a.entity, b.entity);
                if r.kind == RelationKind::LocatedIn {
                    // Facts outrank word order: a country or continent is never inside a
                    // city, nor inside another country ("Iran, Saudi Arabia" is a list).
                    let (rs, rt) = (
                        place_rank(&entities[source], lex),
                        place_rank(&entities[target], lex),
                    );
                    if rs == PlaceRank::Country && rt == PlaceRank::Country {
                        continue;
                    }
                    if rs > rt {
                        std::mem::swap(&mut source, &mut target);
                    }
                }
                if source != target {
                    links.push(LocalLink {
                        kind: r.kind,
                        source,
                        target,
                        role: r.role,
                        rule: r.rule,
                        sentence: si,
                    });
                }
            }
            let named: BTreeSet<usize> = group
                .iter()
                .zip(ents)
                .filter(|(m, _)| !m.demonym)
                .map(|(_, &e)| e)
                .collect();
            let named: Vec<usize> = named.into_iter().collect();
            for (x, &a) in named.iter().enumerate() {
                for &b in &named[x + 1..] {
                    links.push(LocalLink {
                        kind: RelationKind::CoMention,
                        source: a,
                        target: b,
                        role: None,
                        rule: "co-mention",
                        sentence: si,
                    });
                }
            }
            if links.len() > before {
                used.insert(si);
            }
        }
        i = j;
    }
    let sentences = used
        .into_iter()
        .map(|si| {
            let sp = sentences[si].span;
            (
                si,
                (
                    chars.char_offset(sp.start),
                    chars.char_offset(sp.end),
                    std::sync::Arc::from(&text[sp.start..sp.end]),
                ),
            )
        })
        .collect();
    DocAnalysis {
        id: doc.id.clone(),
        entities,
        mentions,
        links,
        sentences,
    }
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

/// Collects document analyses, in input order, and builds the graph at the end.
pub struct GraphBuilder<'a> {
    lex: &'a Lexicon,
    docs: Vec<DocAnalysis>,
}

impl<'a> GraphBuilder<'a> {
    pub fn new(lex: &'a Lexicon) -> GraphBuilder<'a> {
        GraphBuilder {
            lex,
            docs: Vec::new(),
        }
    }

    /// Analyses a batch of documents in parallel and keeps their analyses.
    pub fn add_batch(&mut self, batch: &[Document]) {
        let lex = self.lex;
        let mut analysed: Vec<DocAnalysis> = batch.par_iter().map(|d| analyze(d, lex)).collect();
        self.docs.append(&mut analysed);
    }

    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    pub fn finish(self) -> EntityGraph {
        assemble(self.docs, self.lex)
    }
}

/// Builds the entity graph of `docs` with the built-in lexicon.
pub fn build_graph(docs: Vec<Document>) -> EntityGraph {
    let mut b = GraphBuilder::new(Lexicon::builtin());
    b.add_batch(&docs);
    drop(docs); // only the analyses are needed from here on
    b.finish()
}

/// A readable ASCII id: "Staffan de Mistura" -> "staffan-de-mistura".
pub fn slug(label: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut dash = false;
    for c in label.nfkd() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '.'
            || c == '\''
            || c == '\u{2019}'
            || unicode_normalization::char::is_combining_mark(c)
        {
            // U.S. -> us, O'Brien -> obrien
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

struct EdgeAcc {
    evidence: Vec<Evidence>,
    /// (document, sentence) of the last row, to keep one row per sentence.
    last: Option<(usize, usize)>,
    roles: BTreeMap<String, usize>,
}

fn assemble(mut docs: Vec<DocAnalysis>, lex: &Lexicon) -> EntityGraph {
    let locals: Vec<Vec<LocalEntity>> = docs
        .iter_mut()
        .map(|d| std::mem::take(&mut d.entities))
        .collect();
    let (entities, maps) = resolve_corpus(&locals, lex);

    // Ids: slug of the label; a clash gets the type, then a number.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    let slugs: Vec<String> = entities.iter().map(|e| slug(&e.label)).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        (
            &slugs[a],
            std::cmp::Reverse(x.mentions),
            x.entity_type,
            &x.label,
        )
            .cmp(&(
                &slugs[b],
                std::cmp::Reverse(y.mentions),
                y.entity_type,
                &y.label,
            ))
    });
    let mut ids: Vec<std::sync::Arc<str>> = vec![std::sync::Arc::from(""); entities.len()];
    let mut taken: HashMap<String, usize> = HashMap::default();
    for &g in &order {
        let base = slugs[g].clone();
        let mut id = base.clone();
        if taken.contains_key(&id) {
            id = format!("{base}-{}", entities[g].entity_type);
            let mut n = 2;
            while taken.contains_key(&id) {
                id = format!("{base}-{}-{n}", entities[g].entity_type);
                n += 1;
            }
        }
        ids[g] = std::sync::Arc::from(id.as_str());
        taken.insert(id, g);
    }

    // Edges.
    let mut edges: HashMap<(usize, usize, RelationKind), EdgeAcc> = HashMap::default();
    let mut mentions = Vec::new();
    // Each document's analysis is dropped as soon as it is folded in.
    for (d, doc) in docs.into_iter().enumerate() {
        let doc_id: std::sync::Arc<str> = std::sync::Arc::from(doc.id.as_str());
        for m in doc.mentions {
            let g = maps[d][m.entity];
            if g == DROPPED {
                continue;
            }
            mentions.push(MentionRecord {
                doc: doc_id.clone(),
                start: m.start,
                end: m.end,
                text: m.text,
                entity: ids[g].clone(),
                entity_type: m.entity_type,
                sentence: m.sentence,
            });
        }
        for l in doc.links {
            let (a, b) = (maps[d][l.source], maps[d][l.target]);
            if a == b || a == DROPPED || b == DROPPED {
                continue;
            }
            let (mut s, mut t) = (a, b);
            if !l.kind.is_directed() && ids[s] > ids[t] {
                std::mem::swap(&mut s, &mut t);
            }
            let Some(sent) = doc.sentences.get(&l.sentence) else {
                continue;
            };
            let acc = edges.entry((s, t, l.kind)).or_insert_with(|| EdgeAcc {
                evidence: Vec::new(),
                last: None,
                roles: BTreeMap::new(),
            });
            // Links come in document and sentence order: one row per sentence.
            if acc.last != Some((d, l.sentence)) {
                acc.last = Some((d, l.sentence));
                acc.evidence.push(Evidence {
                    doc: doc_id.clone(),
                    start: sent.0,
                    end: sent.1,
                    rule: std::borrow::Cow::Borrowed(l.rule),
                    sentence: sent.2.clone(),
                });
            }
            if let Some(r) = l.role {
                *acc.roles.entry(r).or_default() += 1;
            }
        }
    }

    let mut graph = petgraph::Graph::new();
    let mut index = HashMap::default();
    // A country reached only through nationality words is a node only if an edge needs it.
    let mut needed = vec![false; entities.len()];
    for &(a, b, _) in edges.keys() {
        needed[a] = true;
        needed[b] = true;
    }
    let mut by_id: Vec<usize> = (0..entities.len())
        .filter(|&g| entities[g].mentions > 0 || needed[g])
        .collect();
    by_id.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    for g in by_id {
        let e = &entities[g];
        let node = graph.add_node(Node {
            id: ids[g].to_string(),
            label: e.label.clone(),
            entity_type: e.entity_type,
            mentions: e.mentions,
            documents: e.documents,
            aliases: e.forms.keys().cloned().collect(),
            timeline: Default::default(),
        });
        index.insert(g, node);
    }
    let mut edges: Vec<((usize, usize, RelationKind), EdgeAcc)> = edges.into_iter().collect();
    edges.sort_unstable_by(|x, y| {
        (&ids[x.0 .0], &ids[x.0 .1], x.0 .2).cmp(&(&ids[y.0 .0], &ids[y.0 .1], y.0 .2))
    });
    for ((s, t, kind), acc) in edges {
        let docs: BTreeSet<&str> = acc.evidence.iter().map(|e| &*e.doc).collect();
        let role = acc
            .roles
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(r, _)| r.clone())
            .unwrap_or_default();
        let edge = Edge {
            kind,
            weight: acc.evidence.len() as u64,
            documents: docs.len() as u64,
            role,
            evidence: acc.evidence,
            timeline: Default::default(),
        };
        graph.add_edge(index[&s], index[&t], edge);
    }
    EntityGraph { graph, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Staffan de Mistura"), "staffan-de-mistura");
        assert_eq!(slug("U.S. State Department"), "us-state-department");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("al-Qaeda"), "al-qaeda");
        assert_eq!(slug("???"), "entity");
    }
}
