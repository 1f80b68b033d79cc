//! The part of a big graph that a drawing or an interactive tool can take.
//!
//! The CSV tables always hold the whole graph. The graph files meant for drawing and
//! exploring hold, when the graph is larger than their [`Limits`], its most important
//! part: the most mentioned nodes, and among them the typed edges first, then the
//! heaviest co-mentions. Graphviz cannot lay out tens of thousands of nodes (sfdp ran
//! for more than five minutes on 51,418), and Gephi users cut such graphs first anyway.

use petgraph::visit::EdgeRef;

use crate::model::{EntityGraph, RelationKind};

/// How much of a graph a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_nodes: usize,
    pub max_edges: usize,
    /// In a graph of more nodes than this, nodes with no edge that were mentioned
    /// once are left out: they carry no structure, and a list of names would
    /// otherwise fill the file.
    pub lone_above: usize,
}

/// `graph.graphml` (and the other files for Gephi and graph libraries).
pub const GRAPH_FILE: Limits = Limits {
    max_nodes: 5_000,
    max_edges: 20_000,
    lone_above: 1_000,
};

/// `graph.dot`: what Graphviz lays out in seconds, with `dot` as well as `sfdp`.
pub const DRAWING: Limits = Limits {
    max_nodes: 150,
    max_edges: 400,
    lone_above: 1_000,
};

/// What a cut kept, to say so in the file and on standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CutNote {
    pub nodes: usize,
    pub of_nodes: usize,
    pub edges: usize,
    pub of_edges: usize,
}

impl std::fmt::Display for CutNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} most mentioned of {} nodes (none mentioned once without an edge) and \
             {} of the {} edges (typed edges first, then the heaviest)",
            self.nodes, self.of_nodes, self.edges, self.of_edges
        )
    }
}

/// The graph within `limits`, or `None` when it already fits.
pub fn cut(graph: &EntityGraph, limits: Limits) -> Option<(EntityGraph, CutNote)> {
    let g = &graph.graph;
    let drop_lone = g.node_count() > limits.lone_above;
    let lone = |n: petgraph::graph::NodeIndex| {
        drop_lone && g[n].mentions <= 1 && g.neighbors_undirected(n).next().is_none()
    };
    let any_lone = drop_lone && g.node_indices().any(lone);
    if g.node_count() <= limits.max_nodes && g.edge_count() <= limits.max_edges && !any_lone {
        return None;
    }
    let mut nodes: Vec<_> = g.node_indices().filter(|&n| !lone(n)).collect();
    first_of(&mut nodes, limits.max_nodes, |&a, &b| {
        g[b].mentions
            .cmp(&g[a].mentions)
            .then(g[b].documents.cmp(&g[a].documents))
            .then(g[a].id.cmp(&g[b].id))
            .then(a.cmp(&b))
    });
    // Stored order is by id: keep it.
    nodes.sort_unstable();
    let mut out = petgraph::Graph::new();
    // The kept nodes' places in the cut, by their place in the graph.
    let mut index = vec![None; g.node_count()];
    for &n in &nodes {
        index[n.index()] = Some(out.add_node(g[n].clone()));
    }
    let kept = |n: petgraph::graph::NodeIndex| index[n.index()];
    let mut edges: Vec<_> = g
        .edge_references()
        .filter(|e| kept(e.source()).is_some() && kept(e.target()).is_some())
        .collect();
    first_of(&mut edges, limits.max_edges, |a, b| {
        let (x, y) = (a.weight(), b.weight());
        (y.kind != RelationKind::CoMention)
            .cmp(&(x.kind != RelationKind::CoMention))
            .then(y.weight.cmp(&x.weight))
            .then(y.documents.cmp(&x.documents))
            .then(a.id().cmp(&b.id()))
    });
    edges.sort_by_key(|e| e.id());
    for e in &edges {
        if let (Some(s), Some(t)) = (kept(e.source()), kept(e.target())) {
            out.add_edge(s, t, e.weight().clone());
        }
    }
    let note = CutNote {
        nodes: out.node_count(),
        of_nodes: g.node_count(),
        edges: out.edge_count(),
        of_edges: g.edge_count(),
    };
    Some((EntityGraph { graph: out }, note))
}

/// Keeps the first `n` of `items` by `order`, a total order, in no particular order
/// (what sorting and truncating keeps, without sorting).
fn first_of<T>(items: &mut Vec<T>, n: usize, order: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    if items.len() > n {
        items.select_nth_unstable_by(n, order);
        items.truncate(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node};

    fn star(n: usize) -> EntityGraph {
        let mut g = EntityGraph::default();
        let hub = g.graph.add_node(Node {
            id: "a-hub".into(),
            mentions: 1000,
            ..Default::default()
        });
        for i in 0..n {
            let leaf = g.graph.add_node(Node {
                id: format!("n{i:04}"),
                mentions: i as u64,
                ..Default::default()
            });
            let kind = if i == 3 {
                RelationKind::Meets
            } else {
                RelationKind::CoMention
            };
            g.graph.add_edge(
                hub,
                leaf,
                Edge {
                    kind,
                    weight: i as u64 + 1,
                    ..Default::default()
                },
            );
        }
        g
    }

    #[test]
    fn lone_names_mentioned_once_leave_a_big_graph() {
        let mut g = star(5);
        for i in 0..20 {
            g.graph.add_node(Node {
                id: format!("z{i:02}"),
                mentions: 1 + (i % 2) as u64,
                ..Default::default()
            });
        }
        let limits = Limits {
            lone_above: 10,
            ..DRAWING
        };
        let (cut, note) = cut(&g, limits).unwrap();
        // The hub, its five leaves and the ten lone nodes mentioned twice.
        assert_eq!((note.nodes, note.of_nodes), (16, 26));
        assert_eq!(cut.graph.edge_count(), 5);
        assert!(cut
            .nodes()
            .all(|n| !n.id.starts_with('z') || n.mentions == 2));
        assert!(super::cut(&g, DRAWING).is_none());
    }

    #[test]
    fn a_small_graph_is_not_cut() {
        assert!(cut(&star(5), DRAWING).is_none());
    }

    #[test]
    fn a_big_graph_keeps_the_most_mentioned_nodes_and_typed_edges_first() {
        let limits = Limits {
            max_nodes: 11,
            max_edges: 4,
            lone_above: 1_000,
        };
        let (g, note) = cut(&star(100), limits).unwrap();
        assert_eq!((note.nodes, note.of_nodes), (11, 101));
        assert_eq!((note.edges, note.of_edges), (4, 100));
        let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(ids[0], "a-hub");
        assert!(ids[1..].iter().all(|id| *id >= "n0090"), "{ids:?}");
        // The typed edge's leaf (n0003) is not among the most mentioned: its edge goes.
        let weights: Vec<u64> = g.edges().map(|e| e.2.weight).collect();
        assert_eq!(weights, vec![97, 98, 99, 100]);
        // Every kept edge joins kept nodes, and stored order stays sorted by id.
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn the_first_of_a_total_order_are_those_sorting_keeps() {
        let items: Vec<(u32, u32)> = (0..500u32).map(|i| ((i * 7919) % 13, i)).collect();
        for n in [0, 1, 12, 250, 499, 500, 600] {
            let mut sorted = items.clone();
            sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            sorted.truncate(n);
            sorted.sort_unstable();
            let mut kept = items.clone();
            first_of(&mut kept, n, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            kept.sort_unstable();
            assert_eq!(kept, sorted, "{n}");
        }
    }
}
