//! The data every pipeline stage hands to the next: documents, spans, mentions,
//! entities, relations and the final graph that the exporters write.

use std::fmt;

/// A byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One input document: its id (unique in a run), where it came from, and its text.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    /// The path (or `-`, or `file.jsonl:LINE`) to name in messages.
    pub source: String,
    pub text: String,
}

/// What kind of thing an entity is. `Other` covers events, works and nationalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Other,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityType::Person),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            "location" | "loc" | "place" => Some(EntityType::Location),
            "other" | "misc" => Some(EntityType::Other),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The relation an edge stands for (the `Kind` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    CoMention,
    Meets,
    Supports,
    Opposes,
    AffiliatedWith,
    LinkedTo,
    LocatedIn,
}

impl RelationKind {
    pub const ALL: [RelationKind; 7] = [
        RelationKind::CoMention,
        RelationKind::Meets,
        RelationKind::Supports,
        RelationKind::Opposes,
        RelationKind::AffiliatedWith,
        RelationKind::LinkedTo,
        RelationKind::LocatedIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::CoMention => "co-mention",
            RelationKind::Meets => "meets",
            RelationKind::Supports => "supports",
            RelationKind::Opposes => "opposes",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::LinkedTo => "linked_to",
            RelationKind::LocatedIn => "located_in",
        }
    }

    /// Directed kinds keep their Source -> Target order; undirected ones are stored
    /// with Source < Target.
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            RelationKind::Supports
                | RelationKind::Opposes
                | RelationKind::AffiliatedWith
                | RelationKind::LocatedIn
        )
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node of the exported graph: one real-world entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable readable ASCII id (`john-kerry`).
    pub id: String,
    /// The fullest proper form (`John Kerry`).
    pub label: String,
    pub entity_type: EntityType,
    pub mentions: u64,
    pub documents: u64,
    /// Every distinct surface form, sorted.
    pub aliases: Vec<String>,
}

/// One sentence that supports an edge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// The document id (shared by all rows of that document).
    pub doc: std::sync::Arc<str>,
    /// Character (code point) offsets of the sentence in the document.
    pub start: usize,
    pub end: usize,
    /// Stable id of the rule that produced the edge (`co-mention` for co-mentions).
    pub rule: std::borrow::Cow<'static, str>,
    /// The sentence, verbatim; shared by every edge it supports.
    pub sentence: std::sync::Arc<str>,
}

/// An edge of the exported graph, aggregated over all supporting sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub kind: RelationKind,
    /// Number of supporting sentences.
    pub weight: u64,
    /// Number of distinct supporting documents.
    pub documents: u64,
    /// The title for `affiliated_with` (`Secretary of State`), else empty.
    pub role: String,
    /// Every supporting sentence, sorted by (doc, start); never empty.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// The sentence shown in `edges.csv`: the first supporting one.
    pub fn example(&self) -> &str {
        self.evidence.first().map(|e| &*e.sentence).unwrap_or("")
    }
}

/// A mention as written to `mentions.csv`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MentionRecord {
    pub doc: std::sync::Arc<str>,
    /// Character (code point) offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The node id it resolved to (shared with the node's other mentions).
    pub entity: std::sync::Arc<str>,
    pub entity_type: EntityType,
    /// 0-based sentence index in the document.
    pub sentence: usize,
}

/// The finished graph: nodes sorted by id, edges sorted by (source, target, kind),
/// mentions sorted by (doc order, start). Exporters write it as it is.
#[derive(Clone, Debug, Default)]
pub struct EntityGraph {
    pub graph: petgraph::Graph<Node, Edge, petgraph::Directed>,
    pub mentions: Vec<MentionRecord>,
}

impl EntityGraph {
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges with their endpoint nodes, in storage order (already sorted).
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        use petgraph::visit::EdgeRef;
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Whether typed (directed) and undirected edges are both present.
    pub fn is_mixed(&self) -> bool {
        let mut directed = false;
        let mut undirected = false;
        for e in self.graph.edge_weights() {
            if e.kind.is_directed() {
                directed = true
            } else {
                undirected = true
            }
        }
        directed && undirected
    }
}
