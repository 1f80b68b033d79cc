//! `graph.html`: one page that opens from disk, with no server and no network, and lets
//! an analyst explore the graph: drawn with sigma.js on graphology (their released
//! minified files, vendored under `assets/` with their licences and inlined here),
//! search by name, a click on a node for its aliases, counts and neighbours, a click on
//! an edge for its evidence sentences, filters by kind and type, and a date slider when
//! the graph is dated.
//!
//! Big graphs open on a cut, stated on the page: the [`MAX_NODES`] most mentioned
//! entities and, among them, at most [`MAX_EDGES`] edges (typed relations first, then
//! the heaviest co-mentions). `ergraph filter` makes other cuts.
//!
//! Node positions are computed here, by a deterministic force layout
//! (Fruchterman-Reingold from a fixed spiral), so the same graph gives the same page.
//! Every text from the data reaches the page as JSON inside a `<script
//! type="application/json">` element with `<`, `>` and `&` escaped, and is put into the
//! page with `textContent`, never as markup.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

use super::gexf::{hex, kind_rgb, type_rgb};
use super::json::{push_hex, push_string, push_timeline};
use crate::export::clip_example;
use crate::model::{Edge, EntityGraph, EntityType, Node, RelationKind};

/// Nodes drawn at most: the most mentioned.
pub const MAX_NODES: usize = 300;
/// Edges drawn at most among those nodes.
pub const MAX_EDGES: usize = 3000;
/// Evidence sentences shown per edge at most.
pub const MAX_EVIDENCE: usize = 5;

pub(super) const SIGMA: &str = include_str!("../../assets/sigma-3.0.2.min.js");
pub(super) const SIGMA_LICENSE: &str = include_str!("../../assets/LICENSE-sigma.txt");
pub(super) const GRAPHOLOGY: &str = include_str!("../../assets/graphology-0.26.0.umd.min.js");
pub(super) const GRAPHOLOGY_LICENSE: &str = include_str!("../../assets/LICENSE-graphology.txt");
pub(super) const VIEW_JS: &str = include_str!("../../assets/view.js");
pub(super) const VIEW_CSS: &str = include_str!("../../assets/view.css");

/// What the page draws: indices into the graph's nodes and edges.
pub(super) struct Cut {
    pub(super) nodes: Vec<usize>,
    pub(super) edges: Vec<usize>,
}

/// Writes the page. `tables` is the folder where `evidence.csv` (and, with the archive
/// layout, `sentences.csv`) were written: they are streamed once to collect up to
/// [`MAX_EVIDENCE`] sentences for each drawn edge.
pub fn write_html<W: Write>(out: W, graph: &EntityGraph, tables: &Path) -> io::Result<()> {
    write_html_with(out, graph, tables, None)
}

/// The evidence rows of a graph that this run built, kept while `evidence.csv` and
/// `sentences.csv` were written, so that the page need not read them again: the first
/// [`MAX_EVIDENCE`] rows of each edge and where each sentence's row starts.
#[derive(Default)]
pub struct KnownEvidence {
    /// (edge in stored order, document, sentence index), by edge and then in
    /// `evidence.csv`'s order, at most [`MAX_EVIDENCE`] of each edge.
    pub rows: Vec<(u32, u32, u32)>,
    /// Each document's id, as `evidence.csv` writes it, and its first sentence row
    /// (shared with the writer of `evidence.csv`).
    pub docs: std::sync::Arc<[(Box<str>, u32)]>,
    /// (sentence index, byte offset in `sentences.csv`) of every row, in file order.
    pub sentences: Vec<(u32, u64)>,
    /// The length of `sentences.csv`.
    pub end: u64,
}

impl KnownEvidence {
    /// The bytes of `sentences.csv` that hold document `d`'s sentence `s`: its first
    /// row of that index, as a reader of the file finds it.
    fn sentence_row(&self, d: usize, s: u32) -> Option<(u64, u64)> {
        let from = self.docs.get(d)?.1 as usize;
        let to = self
            .docs
            .get(d + 1)
            .map_or(self.sentences.len(), |x| x.1 as usize);
        let at = from + self.sentences[from..to].iter().position(|r| r.0 == s)?;
        let end = self.sentences.get(at + 1).map_or(self.end, |r| r.1);
        Some((self.sentences[at].1, end))
    }
}

/// [`write_html`], with the evidence of the build when it is known (`known`).
pub fn write_html_with<W: Write>(
    out: W,
    graph: &EntityGraph,
    tables: &Path,
    known: Option<&KnownEvidence>,
) -> io::Result<()> {
    let nodes: Vec<_> = graph.nodes().collect();
    let edges: Vec<_> = graph.edges().collect();
    let cut = cut(graph);
    let evidence = |cut: &Cut| match known {
        Some(known) => known_evidence(known, cut, tables),
        None => collect_evidence(graph, cut, tables),
    };
    let (positions, evidence) = rayon::join(
        || crate::timing::timed("html layout", || layout(graph, &cut)),
        || crate::timing::timed("html evidence", || evidence(&cut)),
    );
    let evidence = evidence?;

    // Position of each drawn node in the page's node list.
    let mut slot: HashMap<&str, usize> = HashMap::default();
    for (i, &n) in cut.nodes.iter().enumerate() {
        slot.insert(nodes[n].id.as_str(), i);
    }

    let mut data = data_head(&cut, nodes.len(), edges.len()).into_bytes();
    // The nodes and edges are put together as bytes, without the formatting machinery
    // (but for the coordinates).
    let mut text = String::new();
    for (i, &n) in cut.nodes.iter().enumerate() {
        if i > 0 {
            data.extend_from_slice(b",\n");
        }
        push_node(&mut data, nodes[n], positions[i], &mut text)?;
    }
    data.extend_from_slice(b"\n],\n\"edges\":[\n");
    for (i, &e) in cut.edges.iter().enumerate() {
        let (source, target, edge) = edges[e];
        if i > 0 {
            data.extend_from_slice(b",\n");
        }
        let ends = (slot[source.id.as_str()], slot[target.id.as_str()]);
        push_edge(&mut data, edge, ends, &evidence[i], &mut text);
    }
    data.extend_from_slice(b"\n]}");
    write_page(out, &data)
}

/// The page data up to its first node: the cut's sizes, then the colours of the
/// entity types and relation kinds.
fn data_head(cut: &Cut, total_nodes: usize, total_edges: usize) -> String {
    let mut data = String::new();
    data.push_str("{\"cut\":{");
    data.push_str(&format!(
        "\"nodes\":{},\"totalNodes\":{},\"edges\":{},\"totalEdges\":{},\"maxNodes\":{MAX_NODES},\"maxEdges\":{MAX_EDGES}",
        cut.nodes.len(),
        total_nodes,
        cut.edges.len(),
        total_edges
    ));
    data.push_str("},\n\"types\":[");
    let types: Vec<String> = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Other,
    ]
    .iter()
    .map(|&t| format!("[\"{}\",\"{}\"]", t.as_str(), hex(type_rgb(t))))
    .collect();
    data.push_str(&types.join(","));
    data.push_str("],\n\"kinds\":[");
    let kinds: Vec<String> = RelationKind::ALL
        .iter()
        .map(|&k| {
            format!(
                "[\"{}\",\"{}\",{}]",
                k.as_str(),
                hex(kind_rgb(k)),
                k.is_directed()
            )
        })
        .collect();
    data.push_str(&kinds.join(","));
    data.push_str("],\n\"nodes\":[\n");
    data
}

/// One drawn node as a JSON object at `(x, y)` (`text`: a buffer for its timeline).
fn push_node(
    data: &mut Vec<u8>,
    node: &Node,
    (x, y): (f64, f64),
    text: &mut String,
) -> io::Result<()> {
    let mut number = itoa::Buffer::new();
    data.extend_from_slice(b"{\"id\":");
    push_string(data, &node.id);
    data.extend_from_slice(b",\"label\":");
    push_string(data, &node.label);
    data.extend_from_slice(b",\"type\":\"");
    data.extend_from_slice(node.entity_type.as_str().as_bytes());
    data.extend_from_slice(b"\",\"mentions\":");
    data.extend_from_slice(number.format(node.mentions).as_bytes());
    data.extend_from_slice(b",\"documents\":");
    data.extend_from_slice(number.format(node.documents).as_bytes());
    data.extend_from_slice(b",\"aliases\":[");
    for (k, alias) in node.aliases.iter().enumerate() {
        if k > 0 {
            data.push(b',');
        }
        push_string(data, alias);
    }
    data.extend_from_slice(b"],\"timeline\":");
    text.clear();
    push_timeline(text, &node.timeline);
    push_string(data, text);
    write!(data, ",\"x\":{x:.1},\"y\":{y:.1},\"color\":\"")?;
    push_hex(data, type_rgb(node.entity_type));
    data.extend_from_slice(b"\"}");
    Ok(())
}

/// One drawn edge as a JSON object, its ends given as slots in the node list, with
/// its evidence sentences (`text`: a buffer for its timeline).
fn push_edge(
    data: &mut Vec<u8>,
    edge: &Edge,
    (source, target): (usize, usize),
    evidence: &[(String, String)],
    text: &mut String,
) {
    let mut number = itoa::Buffer::new();
    data.extend_from_slice(b"{\"s\":");
    data.extend_from_slice(number.format(source).as_bytes());
    data.extend_from_slice(b",\"t\":");
    data.extend_from_slice(number.format(target).as_bytes());
    data.extend_from_slice(b",\"kind\":\"");
    data.extend_from_slice(edge.kind.as_str().as_bytes());
    data.extend_from_slice(match edge.kind.is_directed() {
        true => b"\",\"directed\":true,\"weight\":",
        false => b"\",\"directed\":false,\"weight\":",
    });
    data.extend_from_slice(number.format(edge.weight).as_bytes());
    data.extend_from_slice(b",\"documents\":");
    data.extend_from_slice(number.format(edge.documents).as_bytes());
    data.extend_from_slice(b",\"role\":");
    push_string(data, &edge.role);
    data.extend_from_slice(b",\"example\":");
    push_string(data, edge.example());
    data.extend_from_slice(b",\"evidence\":[");
    for (k, (doc, sentence)) in evidence.iter().enumerate() {
        if k > 0 {
            data.push(b',');
        }
        data.push(b'[');
        push_string(data, doc);
        data.push(b',');
        push_string(data, sentence);
        data.push(b']');
    }
    data.extend_from_slice(b"],\"timeline\":");
    text.clear();
    push_timeline(text, &edge.timeline);
    push_string(data, text);
    data.extend_from_slice(b",\"color\":\"");
    push_hex(data, kind_rgb(edge.kind));
    data.extend_from_slice(b"\"}");
}

/// The page around its data: the style, the fixed markup, the data, the vendored
/// libraries with their licences, and `view.js`.
fn write_page<W: Write>(mut out: W, data: &[u8]) -> io::Result<()> {
    out.write_all(
        b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
          <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
          <title>ergraph: entity graph</title>\n<style>\n",
    )?;
    out.write_all(VIEW_CSS.as_bytes())?;
    out.write_all(b"</style>\n</head>\n<body>\n")?;
    out.write_all(BODY.as_bytes())?;
    out.write_all(b"<script type=\"application/json\" id=\"ergraph-data\">\n")?;
    out.write_all(data)?;
    out.write_all(b"\n</script>\n")?;
    for (name, license, code) in [
        ("graphology 0.26.0", GRAPHOLOGY_LICENSE, GRAPHOLOGY),
        ("sigma.js 3.0.2", SIGMA_LICENSE, SIGMA),
    ] {
        writeln!(
            out,
            "<script>\n/*! {name}, included unchanged from its npm release.\n"
        )?;
        out.write_all(license.as_bytes())?;
        out.write_all(b"\n*/\n")?;
        out.write_all(code.as_bytes())?;
        out.write_all(b"\n</script>\n")?;
    }
    out.write_all(b"<script>\n")?;
    out.write_all(VIEW_JS.as_bytes())?;
    out.write_all(b"</script>\n</body>\n</html>\n")?;
    out.flush()
}

/// The page's fixed markup; everything from the data is filled in by `view.js`.
pub(super) const BODY: &str = r#"<header>
  <h1>ergraph</h1>
  <p id="cut"></p>
</header>
<main>
  <aside id="panel">
    <section>
      <label for="search">Search a name</label>
      <input id="search" type="search" autocomplete="off" placeholder="name or alias">
      <ul id="results"></ul>
    </section>
    <section>
      <h2>Relations</h2>
      <div id="kinds"></div>
    </section>
    <section>
      <h2>Entity types</h2>
      <div id="types"></div>
    </section>
    <section id="dates" hidden>
      <h2>Dates</h2>
      <label>from <input id="date-from" type="range" min="0" max="0" value="0"></label>
      <label>to <input id="date-to" type="range" min="0" max="0" value="0"></label>
      <p id="date-range"></p>
    </section>
    <p id="shown"></p>
    <section id="info"><p class="hint">Click a node or an edge.</p></section>
  </aside>
  <div id="graph"></div>
</main>
"#;

/// The drawn nodes (most mentioned first, then by id) and edges (typed relations
/// first, then by weight, then in stored order), both returned in stored order.
pub(super) fn cut(graph: &EntityGraph) -> Cut {
    let nodes: Vec<_> = graph.nodes().collect();
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        nodes[b]
            .mentions
            .cmp(&nodes[a].mentions)
            .then_with(|| nodes[a].id.cmp(&nodes[b].id))
    });
    order.truncate(MAX_NODES);
    order.sort_unstable();
    let kept: HashSet<&str> = order.iter().map(|&n| nodes[n].id.as_str()).collect();

    let edges: Vec<_> = graph.edges().collect();
    let mut among: Vec<usize> = (0..edges.len())
        .filter(|&e| kept.contains(edges[e].0.id.as_str()) && kept.contains(edges[e].1.id.as_str()))
        .collect();
    among.sort_by_key(|&e| {
        let edge = edges[e].2;
        (
            edge.kind == RelationKind::CoMention,
            std::cmp::Reverse(edge.weight),
            e,
        )
    });
    among.truncate(MAX_EDGES);
    among.sort_unstable();
    Cut {
        nodes: order,
        edges: among,
    }
}

/// A ForceAtlas2-style layout: nodes repel in proportion to their degrees (so hubs
/// spread their neighbours around them), edges pull linearly, and a gravity
/// that grows with distance keeps loose parts near the middle. It starts from a golden-angle spiral (most
/// mentioned in the centre) and limits every move by a temperature that cools linearly,
/// so the same graph always gets the same positions. Positions in `[-500, 500]`.
pub(super) fn layout(graph: &EntityGraph, cut: &Cut) -> Vec<(f64, f64)> {
    let n = cut.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let nodes: Vec<_> = graph.nodes().collect();
    let links = links(graph, &nodes, cut);
    let mut mass = vec![1.0f64; n];
    for &(a, b) in &links {
        mass[a] += 1.0;
        mass[b] += 1.0;
    }
    let mut pos = spiral(&nodes, cut);
    settle(&mut pos, &mass, &links);
    fit(&pos)
}

/// The drawn edges as pairs of slots in the cut's nodes (lower first), each pair once
/// and none from a node to itself.
fn links(graph: &EntityGraph, nodes: &[&Node], cut: &Cut) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (i, &node) in cut.nodes.iter().enumerate() {
        index.insert(nodes[node].id.as_str(), i);
    }
    let edges: Vec<_> = graph.edges().collect();
    let mut links: Vec<(usize, usize)> = cut
        .edges
        .iter()
        .filter_map(|&e| {
            let (s, t, _) = edges[e];
            let (a, b) = (*index.get(s.id.as_str())?, *index.get(t.id.as_str())?);
            (a != b).then_some((a.min(b), a.max(b)))
        })
        .collect();
    // A co-mention and a typed relation between one pair pull once.
    links.sort_unstable();
    links.dedup();
    links
}

/// The starting positions: a golden-angle spiral, the most mentioned in the centre.
fn spiral(nodes: &[&Node], cut: &Cut) -> Vec<(f64, f64)> {
    let n = cut.nodes.len();
    let mut rank: Vec<usize> = (0..n).collect();
    rank.sort_by(|&a, &b| {
        let (na, nb) = (nodes[cut.nodes[a]], nodes[cut.nodes[b]]);
        nb.mentions
            .cmp(&na.mentions)
            .then_with(|| na.id.cmp(&nb.id))
    });
    let mut pos = vec![(0.0f64, 0.0f64); n];
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for (r, &i) in rank.iter().enumerate() {
        let radius = 10.0 * (r as f64 + 0.5).sqrt();
        let angle = r as f64 * golden;
        pos[i] = (radius * angle.cos(), radius * angle.sin());
    }
    pos
}

/// Moves the nodes by their forces for a fixed number of steps, each move limited by
/// a temperature that cools linearly.
fn settle(pos: &mut [(f64, f64)], mass: &[f64], links: &[(usize, usize)]) {
    const GRAVITY: f64 = 0.02;
    let iterations = 400;
    let mut force = vec![(0.0f64, 0.0f64); pos.len()];
    for step in 0..iterations {
        let temperature = 30.0 * (1.0 - step as f64 / iterations as f64) + 0.2;
        force.iter_mut().for_each(|f| *f = (0.0, 0.0));
        repel(pos, mass, &mut force);
        for &(a, b) in links {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            force[a].0 -= dx;
            force[a].1 -= dy;
            force[b].0 += dx;
            force[b].1 += dy;
        }
        for i in 0..pos.len() {
            let (x, y) = pos[i];
            // Grows with distance, so that loose nodes do not drift far away.
            force[i].0 -= x * GRAVITY * mass[i];
            force[i].1 -= y * GRAVITY * mass[i];
            // Heavy nodes move less, as in ForceAtlas2.
            let (fx, fy) = (force[i].0 / mass[i], force[i].1 / mass[i]);
            let len = (fx * fx + fy * fy).sqrt().max(1e-9);
            let moved = len.min(temperature);
            pos[i].0 += fx / len * moved;
            pos[i].1 += fy / len * moved;
        }
    }
}

/// Scales the positions into `[-500, 500]` so that nine nodes in ten fill the view;
/// the farthest tenth are pulled in onto a ring just outside, so a few strays do not
/// shrink the rest to a dot.
fn fit(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let n = pos.len();
    let mut radii: Vec<f64> = pos.iter().map(|&(x, y)| (x * x + y * y).sqrt()).collect();
    radii.sort_by(f64::total_cmp);
    let extent = radii[(n * 9 / 10).min(n - 1)].max(1.0);
    pos.iter()
        .map(|&(x, y)| {
            let r = (x * x + y * y).sqrt();
            let shrink = if r > 1.15 * extent {
                1.15 * extent / r
            } else {
                1.0
            };
            (x * shrink / extent * 500.0, y * shrink / extent * 500.0)
        })
        .collect()
}

/// Adds every pair's repulsion to `force`, pair by pair in the order (0, 1), (0, 2),
/// ..., (1, 2), ...: each node's sum is taken in that order, so the layout is the same
/// on every machine.
fn repel(pos: &[(f64, f64)], mass: &[f64], force: &mut [(f64, f64)]) {
    const REPULSION: f64 = 20.0;
    for i in 0..pos.len() {
        let (p, pull) = (pos[i], REPULSION * mass[i]);
        let (done, rest) = force.split_at_mut(i + 1);
        let mut fi = done[i];
        for ((q, m), fj) in pos[i + 1..].iter().zip(&mass[i + 1..]).zip(rest) {
            let (dx, dy) = (p.0 - q.0, p.1 - q.1);
            let dist2 = (dx * dx + dy * dy).max(0.01);
            let f = pull * m / dist2;
            fi.0 += dx * f;
            fi.1 += dy * f;
            fj.0 -= dx * f;
            fj.1 -= dy * f;
        }
        done[i] = fi;
    }
}

/// Up to [`MAX_EVIDENCE`] `(doc, sentence)` for each drawn edge, in file order, read
/// from the tables folder. Without `evidence.csv` there, the edge's example sentence
/// is all the page shows.
pub(super) fn collect_evidence(
    graph: &EntityGraph,
    cut: &Cut,
    tables: &Path,
) -> io::Result<Vec<Vec<(String, String)>>> {
    let mut found: Vec<Vec<(String, String)>> = vec![Vec::new(); cut.edges.len()];
    let evidence_path = tables.join(super::EVIDENCE_CSV);
    let Some(mut evidence) = open_csv(&evidence_path)? else {
        return Ok(found);
    };
    let edges: Vec<_> = graph.edges().collect();
    let mut wanted: HashMap<String, usize> = HashMap::default();
    for (i, &e) in cut.edges.iter().enumerate() {
        let (s, t, edge) = edges[e];
        wanted.insert(edge_key(&s.id, &t.id, edge.kind.as_str()), i);
    }
    let columns = columns(
        &mut evidence,
        &evidence_path,
        ["Source", "Target", "Kind", "doc", "sentence"],
        "Source, Target, Kind, doc or sentence",
    )?;
    let sentences_path = tables.join("sentences.csv");
    let indexed = sentences_path.is_file();
    let waiting = read_evidence(
        &mut evidence,
        &evidence_path,
        columns,
        &wanted,
        indexed,
        &mut found,
    )?;
    if !indexed || waiting.is_empty() {
        return Ok(found);
    }
    fill_sentences(&sentences_path, waiting, &mut found)?;
    Ok(found)
}

/// The columns of a CSV file's header named `names`, or an error that says which it
/// `lacks`.
fn columns<const N: usize>(
    reader: &mut ::csv::Reader<BufReader<File>>,
    path: &Path,
    names: [&str; N],
    lacks: &str,
) -> io::Result<[usize; N]> {
    let header = reader.byte_headers().map_err(csv_error(path))?;
    let mut found = [0; N];
    for (at, name) in found.iter_mut().zip(names) {
        let Some(c) = header.iter().position(|h| h == name.as_bytes()) else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: header lacks {lacks}", path.display()),
            ));
        };
        *at = c;
    }
    Ok(found)
}

/// Fills `found` from the rows of `evidence.csv` (columns Source, Target, Kind, doc,
/// sentence) of the `wanted` edges. With `sentences.csv` (`indexed`), `sentence` is an
/// index to look up there: the (doc, index) -> (edge, slot) pairs waiting for its text
/// are returned.
fn read_evidence(
    evidence: &mut ::csv::Reader<BufReader<File>>,
    path: &Path,
    [cs, ct, ck, cd, cn]: [usize; 5],
    wanted: &HashMap<String, usize>,
    indexed: bool,
    found: &mut [Vec<(String, String)>],
) -> io::Result<HashMap<String, Vec<(usize, usize)>>> {
    let mut waiting: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    let mut record = ::csv::ByteRecord::new();
    let mut key = String::new();
    while evidence
        .read_byte_record(&mut record)
        .map_err(csv_error(path))?
    {
        let field = |c: usize| std::str::from_utf8(record.get(c).unwrap_or_default()).unwrap_or("");
        key.clear();
        key.push_str(field(cs));
        key.push('\t');
        key.push_str(field(ct));
        key.push('\t');
        key.push_str(field(ck));
        let Some(&edge) = wanted.get(key.as_str()) else {
            continue;
        };
        if found[edge].len() >= MAX_EVIDENCE {
            continue;
        }
        let doc = field(cd).to_string();
        if indexed {
            let slot = found[edge].len();
            waiting
                .entry(format!("{doc}\t{}", field(cn)))
                .or_default()
                .push((edge, slot));
            found[edge].push((doc, String::new()));
        } else {
            found[edge].push((doc, field(cn).to_string()));
        }
    }
    Ok(waiting)
}

/// Puts the clipped text of each sentence `waiting` (doc, index) from `sentences.csv`
/// into its (edge, slot) of `found`, reading the file until none is left waiting.
fn fill_sentences(
    path: &Path,
    mut waiting: HashMap<String, Vec<(usize, usize)>>,
    found: &mut [Vec<(String, String)>],
) -> io::Result<()> {
    let Some(mut sentences) = open_csv(path)? else {
        return Ok(());
    };
    let [cd, cn, cx] = columns(
        &mut sentences,
        path,
        ["doc", "sentence", "text"],
        "doc, sentence or text",
    )?;
    let mut record = ::csv::ByteRecord::new();
    let mut key = String::new();
    while sentences
        .read_byte_record(&mut record)
        .map_err(csv_error(path))?
    {
        let field = |c: usize| std::str::from_utf8(record.get(c).unwrap_or_default()).unwrap_or("");
        key.clear();
        key.push_str(field(cd));
        key.push('\t');
        key.push_str(field(cn));
        if let Some(slots) = waiting.remove(key.as_str()) {
            for (edge, slot) in slots {
                found[edge][slot].1 = clip_example(field(cx)).into_owned();
            }
            if waiting.is_empty() {
                break; // every sentence wanted is found
            }
        }
    }
    Ok(())
}

/// [`collect_evidence`] from the evidence kept in memory: the same sentences, with
/// only their rows of `sentences.csv` read.
pub(super) fn known_evidence(
    known: &KnownEvidence,
    cut: &Cut,
    tables: &Path,
) -> io::Result<Vec<Vec<(String, String)>>> {
    let mut found: Vec<Vec<(String, String)>> = vec![Vec::new(); cut.edges.len()];
    // (start, end) of the sentence's row, and the (edge, slot) waiting for it.
    let mut wanted: Vec<(u64, u64, usize, usize)> = Vec::new();
    for (i, &e) in cut.edges.iter().enumerate() {
        let e = e as u32;
        let from = known.rows.partition_point(|r| r.0 < e);
        for &(_, d, s) in known.rows[from..].iter().take_while(|r| r.0 == e) {
            let doc = known.docs.get(d as usize).map_or("", |x| &x.0);
            if let Some((start, end)) = known.sentence_row(d as usize, s) {
                wanted.push((start, end, i, found[i].len()));
            }
            found[i].push((doc.to_string(), String::new()));
        }
    }
    wanted.sort_unstable();
    let texts = read_sentences(&tables.join(super::SENTENCES_CSV), &wanted)?;
    for ((_, _, edge, slot), text) in wanted.into_iter().zip(texts) {
        found[edge][slot].1 = text;
    }
    Ok(found)
}

/// The clipped text of each row of `sentences.csv` in `rows` ((start, end, ..) in
/// file order), reading the file once from start to end and parsing only those rows.
fn read_sentences(path: &Path, rows: &[(u64, u64, usize, usize)]) -> io::Result<Vec<String>> {
    let mut texts: Vec<String> = Vec::with_capacity(rows.len());
    if rows.is_empty() {
        return Ok(texts);
    }
    let text_column = super::csv::SENTENCES_HEADER
        .iter()
        .position(|h| *h == "text");
    let mut file = BufReader::with_capacity(1 << 16, File::open(path)?);
    let (mut at, mut bytes) = (0u64, Vec::new());
    // Rows are gathered into `bytes` (each once) and parsed together, a batch at a time.
    let parse = |bytes: &mut Vec<u8>, texts: &mut Vec<String>| -> io::Result<()> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.as_slice());
        let mut record = ::csv::ByteRecord::new();
        while reader
            .read_byte_record(&mut record)
            .map_err(csv_error(path))?
        {
            let field = text_column.and_then(|c| record.get(c)).unwrap_or_default();
            texts.push(clip_example(std::str::from_utf8(field).unwrap_or("")).into_owned());
        }
        bytes.clear();
        Ok(())
    };
    let mut distinct = 0;
    for (i, &(start, end, ..)) in rows.iter().enumerate() {
        if i > 0 && rows[i - 1].0 == start {
            continue;
        }
        file.seek_relative((start - at) as i64)?;
        let from = bytes.len();
        bytes.resize(from + (end - start) as usize, 0);
        file.read_exact(&mut bytes[from..])?;
        at = end;
        distinct += 1;
        if bytes.len() >= 1 << 20 {
            parse(&mut bytes, &mut texts)?;
        }
    }
    parse(&mut bytes, &mut texts)?;
    if texts.len() != distinct {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: rows moved while the page was written", path.display()),
        ));
    }
    // One text per wanted row, repeated rows sharing their text.
    let mut out = Vec::with_capacity(rows.len());
    let mut next = texts.into_iter();
    for (i, row) in rows.iter().enumerate() {
        match i > 0 && rows[i - 1].0 == row.0 {
            true => out.push(out.last().cloned().unwrap_or_default()),
            false => out.push(next.next().unwrap_or_default()),
        }
    }
    Ok(out)
}

fn edge_key(source: &str, target: &str, kind: &str) -> String {
    format!("{source}\t{target}\t{kind}")
}

/// A streaming CSV reader, or `None` when the file does not exist.
fn open_csv(path: &Path) -> io::Result<Option<::csv::Reader<BufReader<File>>>> {
    match File::open(path) {
        Ok(file) => Ok(Some(
            ::csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(BufReader::with_capacity(1 << 16, file)),
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

fn csv_error(path: &Path) -> impl Fn(::csv::Error) -> io::Error + '_ {
    move |err| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {err}", path.display()),
        )
    }
}
