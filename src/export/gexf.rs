//! `graph.gexf`: GEXF 1.3, Gephi's own format, with colours, sizes and time.
//!
//! - Nodes are coloured by entity type and sized by mentions (the `viz` namespace), so
//!   the graph opens in Gephi looking like the other views; edges are coloured by kind.
//! - Attributes are declared with their types (`long` counts, `string` text), so Gephi's
//!   filters and NetworkX see numbers as numbers.
//! - Time: when any document was dated, the graph is `dynamic` with `timeformat="date"`
//!   and every node and edge carries `<spells>`, one closed interval per run of
//!   consecutive days on which it was mentioned or supported (at most twelve: past
//!   that the shortest gaps are closed), so Gephi's timeline plays the graph. An undated graph is `static` and has no time at all.
//!
//! # Direction
//!
//! The graph mixes directed kinds (supports, opposes, ...) with undirected ones
//! (co-mention, meets, linked_to). A mixed graph says `defaultedgetype="directed"`;
//! directed kinds are `type="directed"` and undirected kinds `type="mutual"` (GEXF's "both
//! ways"). Per-edge `type="undirected"` in a directed graph would be the literal mixed
//! form, but NetworkX's `read_gexf` raises on it (it refuses mixed graphs); `mutual`
//! loads everywhere: graphology reads it as an undirected edge of a mixed graph, NetworkX
//! as an edge each way, Gephi as a mutual edge. Each edge also carries its `kind`.
//!
//! graphology-gexf guesses the graph's type from the first edge and fails when that one
//! is `mutual`, so directed edges are written first (ids `e0, e1, ...` still follow
//! `edges.csv` order). A graph with one direction only is written as plainly
//! `directed` or `undirected`.

use std::io::{self, Write};

use super::graphml::attr;
use crate::model::{Day, EntityGraph, EntityType, RelationKind, Timeline};

/// Node colour by entity type (RGB), shared by the GEXF, JSON and HTML views.
pub fn type_rgb(ty: EntityType) -> (u8, u8, u8) {
    match ty {
        EntityType::Person => (0x3b, 0x75, 0xaf),
        EntityType::Organization => (0xef, 0x85, 0x36),
        EntityType::Location => (0x51, 0x9e, 0x3e),
        EntityType::Other => (0x8d, 0x8d, 0x8d),
    }
}

/// Edge colour by kind (RGB); the same hues as `graph.dot`.
pub fn kind_rgb(kind: RelationKind) -> (u8, u8, u8) {
    match kind {
        RelationKind::CoMention => (0xc8, 0xc8, 0xc8),
        RelationKind::Meets => (0x1f, 0x77, 0xb4),
        RelationKind::Supports => (0x2c, 0xa0, 0x2c),
        RelationKind::Opposes => (0xd6, 0x27, 0x28),
        RelationKind::AffiliatedWith => (0x94, 0x67, 0xbd),
        RelationKind::LinkedTo => (0xff, 0x7f, 0x0e),
        RelationKind::LocatedIn => (0x8c, 0x56, 0x4b),
    }
}

/// `#rrggbb`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Node size by mentions: logarithmic, so a node mentioned 1,000 times is not 1,000
/// times larger than one mentioned once. Two decimals, for stable bytes.
pub fn node_size(mentions: u64) -> String {
    format!("{:.2}", 4.0 + 6.0 * (1.0 + mentions as f64).ln())
}

/// [`node_size`] of each small mention count, each made once: most nodes are
/// mentioned a few times, and formatting a float is slow.
#[derive(Default)]
pub struct Sizes {
    small: Vec<Option<Box<str>>>,
    other: String,
}

impl Sizes {
    const SMALL: usize = 1024;

    /// [`node_size`]`(mentions)`.
    pub fn get(&mut self, mentions: u64) -> &str {
        let Some(at) = usize::try_from(mentions).ok().filter(|&m| m < Self::SMALL) else {
            self.other = node_size(mentions);
            return &self.other;
        };
        if self.small.is_empty() {
            self.small.resize(Self::SMALL, None);
        }
        self.small[at].get_or_insert_with(|| node_size(mentions).into())
    }
}

/// Runs of consecutive days of a timeline, as closed `[first, last]` intervals.
pub fn day_runs(timeline: &Timeline) -> Vec<(Day, Day)> {
    let mut runs: Vec<(Day, Day)> = Vec::new();
    for &(day, _) in &timeline.0 {
        match runs.last_mut() {
            Some((_, last)) if last.0 + 1 == day.0 => *last = day,
            _ => runs.push((day, day)),
        }
    }
    runs
}

/// `(id, title, type)` of the node attributes, in file order.
pub(super) const NODE_ATTRIBUTES: [(&str, &str, &str); 6] = [
    ("entity_type", "entity_type", "string"),
    ("mentions", "mentions", "long"),
    ("documents", "documents", "long"),
    ("aliases", "aliases", "string"),
    ("first_seen", "first_seen", "string"),
    ("last_seen", "last_seen", "string"),
];

/// `(id, title, type)` of the edge attributes, in file order.
pub(super) const EDGE_ATTRIBUTES: [(&str, &str, &str); 6] = [
    ("kind", "kind", "string"),
    ("documents", "documents", "long"),
    ("role", "role", "string"),
    ("evidence", "evidence", "string"),
    ("first_seen", "first_seen", "string"),
    ("last_seen", "last_seen", "string"),
];

/// Writes the whole graph as GEXF 1.3.
pub fn write_gexf<W: Write>(mut out: W, graph: &EntityGraph) -> io::Result<()> {
    write_head(&mut out, graph)?;
    write_nodes(&mut out, graph)?;
    write_edges(&mut out, graph)?;
    writeln!(out, "  </graph>\n</gexf>")?;
    out.flush()
}

/// The file up to its nodes: the XML declaration, the meta block, the `<graph>` tag
/// (its default edge type, and whether it is dated) and the attribute declarations.
fn write_head<W: Write>(out: &mut W, graph: &EntityGraph) -> io::Result<()> {
    let dated = graph.nodes().any(|n| !n.timeline.is_empty())
        || graph.graph.edge_weights().any(|e| !e.timeline.is_empty());
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
          xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n\
          \x20 <meta>\n    <creator>ergraph</creator>\n    \
          <description>Entities named in news articles and how they are connected</description>\n  \
          </meta>\n",
    )?;
    let all_undirected =
        graph.graph.edge_count() > 0 && graph.graph.edge_weights().all(|e| !e.kind.is_directed());
    let default = if all_undirected {
        "undirected"
    } else {
        "directed"
    };
    let time = if dated {
        " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\""
    } else {
        " mode=\"static\""
    };
    writeln!(out, "  <graph defaultedgetype=\"{default}\"{time}>")?;
    for (class, attributes) in [("node", &NODE_ATTRIBUTES), ("edge", &EDGE_ATTRIBUTES)] {
        writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">")?;
        for (id, title, ty) in attributes {
            writeln!(
                out,
                "      <attribute id=\"{id}\" title=\"{title}\" type=\"{ty}\"/>"
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    Ok(())
}

/// The `<nodes>` block, each node with its attributes, spells, colour and size.
fn write_nodes<W: Write>(out: &mut W, graph: &EntityGraph) -> io::Result<()> {
    writeln!(out, "    <nodes>")?;
    // Each node and edge is put together as bytes and written at once: the formatting
    // machinery costs more than the escaping it wraps.
    let mut line: Vec<u8> = Vec::with_capacity(1 << 12);
    let (mut aliases, mut first, mut last) = (String::new(), String::new(), String::new());
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    let mut sizes = Sizes::default();
    for node in graph.nodes() {
        line.clear();
        line.extend_from_slice(b"      <node id=\"");
        line.extend_from_slice(attr(&node.id).as_bytes());
        line.extend_from_slice(b"\" label=\"");
        line.extend_from_slice(attr(&node.label).as_bytes());
        line.extend_from_slice(b"\">\n");
        seen(&node.timeline, &mut first, &mut last);
        super::csv::join_aliases(&mut aliases, &node.aliases);
        let values = [
            ("entity_type", node.entity_type.as_str()),
            ("mentions", a.format(node.mentions)),
            ("documents", b.format(node.documents)),
            ("aliases", &aliases),
            ("first_seen", &first),
            ("last_seen", &last),
        ];
        attvalues(&mut line, &values);
        spells(&mut line, &node.timeline);
        color(&mut line, type_rgb(node.entity_type));
        line.extend_from_slice(b"        <viz:size value=\"");
        line.extend_from_slice(sizes.get(node.mentions).as_bytes());
        line.extend_from_slice(b"\"/>\n      </node>\n");
        out.write_all(&line)?;
    }
    writeln!(out, "    </nodes>")
}

/// The `<edges>` block, directed edges first (see the module doc), each with its
/// attributes, spells and colour.
fn write_edges<W: Write>(out: &mut W, graph: &EntityGraph) -> io::Result<()> {
    writeln!(out, "    <edges>")?;
    let mixed = graph.is_mixed();
    let mut line: Vec<u8> = Vec::with_capacity(1 << 12);
    let (mut first, mut last) = (String::new(), String::new());
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    let edges: Vec<_> = graph.edges().enumerate().collect();
    let directed_first = edges
        .iter()
        .filter(|(_, (_, _, e))| e.kind.is_directed())
        .chain(edges.iter().filter(|(_, (_, _, e))| !e.kind.is_directed()));
    for &(i, (source, target, edge)) in directed_first {
        let ty: &[u8] = match (mixed, edge.kind.is_directed()) {
            (false, _) => b"",
            (true, true) => b" type=\"directed\"",
            (true, false) => b" type=\"mutual\"",
        };
        line.clear();
        line.extend_from_slice(b"      <edge id=\"e");
        line.extend_from_slice(a.format(i).as_bytes());
        line.extend_from_slice(b"\" source=\"");
        line.extend_from_slice(attr(&source.id).as_bytes());
        line.extend_from_slice(b"\" target=\"");
        line.extend_from_slice(attr(&target.id).as_bytes());
        line.push(b'"');
        line.extend_from_slice(ty);
        line.extend_from_slice(b" label=\"");
        line.extend_from_slice(edge.kind.as_str().as_bytes());
        line.extend_from_slice(b"\" weight=\"");
        line.extend_from_slice(a.format(edge.weight).as_bytes());
        line.extend_from_slice(b"\">\n");
        seen(&edge.timeline, &mut first, &mut last);
        let values = [
            ("kind", edge.kind.as_str()),
            ("documents", b.format(edge.documents)),
            ("role", &edge.role),
            ("evidence", edge.example()),
            ("first_seen", &first),
            ("last_seen", &last),
        ];
        attvalues(&mut line, &values);
        spells(&mut line, &edge.timeline);
        color(&mut line, kind_rgb(edge.kind));
        line.extend_from_slice(b"      </edge>\n");
        out.write_all(&line)?;
    }
    writeln!(out, "    </edges>")
}

/// First and last day as text in `first` and `last`, or both empty for an undated
/// timeline.
fn seen(timeline: &Timeline, first: &mut String, last: &mut String) {
    first.clear();
    last.clear();
    if let (Some(a), Some(b)) = (timeline.first(), timeline.last()) {
        super::json::push_day(first, a);
        super::json::push_day(last, b);
    }
}

/// The `<viz:color>` line of `rgb`.
fn color(line: &mut Vec<u8>, (r, g, b): (u8, u8, u8)) {
    let mut n = itoa::Buffer::new();
    line.extend_from_slice(b"        <viz:color r=\"");
    line.extend_from_slice(n.format(r).as_bytes());
    line.extend_from_slice(b"\" g=\"");
    line.extend_from_slice(n.format(g).as_bytes());
    line.extend_from_slice(b"\" b=\"");
    line.extend_from_slice(n.format(b).as_bytes());
    line.extend_from_slice(b"\" a=\"1.0\"/>\n");
}

/// Empty values are left out (a missing value, as in `graph.graphml`). The values of
/// one element share a line: a big archive's file is a fifth smaller without the
/// indentation of one line per value, and Gephi reads either.
fn attvalues(line: &mut Vec<u8>, values: &[(&str, &str)]) {
    if values.iter().all(|(_, v)| v.is_empty()) {
        return;
    }
    line.extend_from_slice(b"        <attvalues>");
    for (id, value) in values {
        if !value.is_empty() {
            line.extend_from_slice(b"<attvalue for=\"");
            line.extend_from_slice(id.as_bytes());
            line.extend_from_slice(b"\" value=\"");
            line.extend_from_slice(attr(value).as_bytes());
            line.extend_from_slice(b"\"/>");
        }
    }
    line.extend_from_slice(b"</attvalues>\n");
}

/// A node or edge holds at most this many spells: past it, the shortest gaps between
/// runs are closed, so a name in the news for years stays a few dozen elements (and
/// the file stays proportional to the graph, not to the days of the archive).
pub(super) const MAX_SPELLS: usize = 12;

/// [`day_runs`], with the shortest gaps closed until at most `max` runs remain.
pub fn coarse_runs(timeline: &Timeline, max: usize) -> Vec<(Day, Day)> {
    let runs = day_runs(timeline);
    if runs.len() <= max.max(1) {
        return runs;
    }
    let mut gaps: Vec<(i32, usize)> = runs
        .windows(2)
        .enumerate()
        .map(|(i, w)| (w[1].0 .0 - w[0].1 .0, i))
        .collect();
    gaps.sort_unstable();
    let mut close = vec![false; runs.len()];
    for &(_, i) in &gaps[..runs.len() - max.max(1)] {
        close[i] = true;
    }
    let mut out: Vec<(Day, Day)> = Vec::with_capacity(max);
    let mut merging = false;
    for (i, &(start, end)) in runs.iter().enumerate() {
        match out.last_mut() {
            Some(last) if merging => last.1 = end,
            _ => out.push((start, end)),
        }
        merging = close[i];
    }
    out
}

fn spells(line: &mut Vec<u8>, timeline: &Timeline) {
    let runs = coarse_runs(timeline, MAX_SPELLS);
    if runs.is_empty() {
        return;
    }
    let mut day = String::with_capacity(10);
    let mut push_day = |line: &mut Vec<u8>, d: Day| {
        day.clear();
        super::json::push_day(&mut day, d);
        line.extend_from_slice(day.as_bytes());
    };
    line.extend_from_slice(b"        <spells>");
    for (start, end) in runs {
        line.extend_from_slice(b"<spell start=\"");
        push_day(line, start);
        line.extend_from_slice(b"\" end=\"");
        push_day(line, end);
        line.extend_from_slice(b"\"/>");
    }
    line.extend_from_slice(b"</spells>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline(days: &[&str]) -> Timeline {
        let mut t = Timeline::default();
        for d in days {
            t.add(Day::parse(d).unwrap(), 1);
        }
        t
    }

    #[test]
    fn long_timelines_close_their_shortest_gaps() {
        let t = timeline(&[
            "2016-01-01",
            "2016-01-03",
            "2016-01-10",
            "2016-03-01",
            "2016-03-02",
            "2017-01-01",
        ]);
        let show = |runs: Vec<(Day, Day)>| {
            runs.iter()
                .map(|(a, b)| format!("{a}/{b}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(day_runs(&t).len(), 5);
        assert_eq!(
            show(coarse_runs(&t, 3)),
            [
                "2016-01-01/2016-01-10",
                "2016-03-01/2016-03-02",
                "2017-01-01/2017-01-01"
            ]
        );
        assert_eq!(show(coarse_runs(&t, 1)), ["2016-01-01/2017-01-01"]);
        assert_eq!(coarse_runs(&t, 9), day_runs(&t));
    }

    #[test]
    fn consecutive_days_make_one_spell() {
        let t = timeline(&[
            "2016-09-09",
            "2016-09-10",
            "2016-09-12",
            "2016-12-31",
            "2017-01-01",
        ]);
        let runs: Vec<String> = day_runs(&t)
            .into_iter()
            .map(|(a, b)| format!("{a}..{b}"))
            .collect();
        assert_eq!(
            runs,
            [
                "2016-09-09..2016-09-10",
                "2016-09-12..2016-09-12",
                "2016-12-31..2017-01-01"
            ]
        );
        assert!(day_runs(&Timeline::default()).is_empty());
    }

    #[test]
    fn sizes_grow_slowly_and_print_stably() {
        assert_eq!(node_size(0), "4.00");
        assert_eq!(node_size(1), "8.16");
        let big: f64 = node_size(1000).parse().unwrap();
        assert!((40.0..50.0).contains(&big), "{big}");
    }
}
