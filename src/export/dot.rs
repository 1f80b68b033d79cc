//! `graph.dot`: Graphviz DOT, built with graphviz-rust's structures and printer, and
//! [`render`], which runs Graphviz's `dot` on it.
//!
//! graphviz-rust prints an `Id::Escaped` exactly as given and does not escape inner quotes
//! or backslashes, so every ID and free-text value goes through [`quote`].

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::ExportError;
use crate::model::{Edge, EntityGraph, EntityType, Node, RelationKind};

/// A font every platform has (or maps): Graphviz passes the list to fontconfig/the browser.
const FONT: &str = "Helvetica,Arial,sans-serif";

/// Up to this many nodes, edges are routed around nodes (`splines=true`). sfdp's spline
/// routing grows much faster than its layout: 60 nodes take 0.7 s, 100 take 2.4 s,
/// 150 take 6 s, 400 take 73 s (against 0.2 s with straight edges). Larger graphs get
/// straight edges in sfdp; `dot` draws splines either way (its default).
const SPLINES_MAX_NODES: usize = 100;

/// The whole graph as one `digraph`; undirected kinds are drawn with `dir=none`.
pub fn to_dot(graph: &EntityGraph) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_dot(&mut out, graph);
    String::from_utf8(out).unwrap_or_default()
}

/// Statements printed per chunk: graphviz-rust prints whole graphs only, so a large
/// graph is printed a chunk at a time and the chunks' bodies are joined, which keeps
/// memory flat instead of holding the whole syntax tree and text at once.
const CHUNK: usize = 2048;

/// Writes [`to_dot`]'s text to `w`, streaming.
pub fn write_dot<W: std::io::Write + ?Sized>(w: &mut W, graph: &EntityGraph) -> io::Result<()> {
    let header = header(graph);
    let print = |stmts: Vec<Stmt>| {
        let g = Graph::DiGraph {
            id: text("ergraph"),
            strict: false,
            stmts,
        };
        g.print(&mut PrinterContext::default())
    };
    // "digraph "ergraph" {\n BODY\n}": keep the opening, then only bodies.
    let first = print(header);
    let head = first.strip_suffix("\n}").unwrap_or(&first);
    w.write_all(head.as_bytes())?;
    let body = |printed: &str| -> String {
        let start = printed.find("{\n").map(|i| i + 2).unwrap_or(0);
        let end = printed.len() - printed.ends_with("\n}") as usize * 2;
        printed[start..end.max(start)].to_string()
    };
    let mut chunk = Vec::with_capacity(CHUNK);
    let flush = |chunk: &mut Vec<Stmt>, w: &mut W| -> io::Result<()> {
        if !chunk.is_empty() {
            w.write_all(b"\n")?;
            w.write_all(body(&print(std::mem::take(chunk))).as_bytes())?;
        }
        Ok(())
    };
    for n in graph.nodes() {
        chunk.push(Stmt::Node(node(n)));
        if chunk.len() == CHUNK {
            flush(&mut chunk, w)?;
        }
    }
    for (s, t, e) in graph.edges() {
        chunk.push(Stmt::Edge(edge(s, t, e)));
        if chunk.len() == CHUNK {
            flush(&mut chunk, w)?;
        }
    }
    flush(&mut chunk, w)?;
    w.write_all(b"\n}\n")
}

/// The graph, node and edge attribute statements that open the DOT file.
fn header(graph: &EntityGraph) -> Vec<Stmt> {
    let mut graph_attrs = vec![attr("overlap", plain("false"))];
    if graph.graph.node_count() <= SPLINES_MAX_NODES {
        graph_attrs.push(attr("splines", plain("true")));
    }
    graph_attrs.push(attr("fontname", text(FONT)));
    // sfdp's spring length and repulsion: spreads the hub of a co-mention network so
    // labels stay readable (other engines ignore both).
    graph_attrs.push(attr("K", plain("1.6")));
    graph_attrs.push(attr("repulsiveforce", plain("2.5")));
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", plain("filled")),
            attr("fontname", text(FONT)),
            attr("fontsize", plain("11")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", text(FONT)),
            attr("fontsize", plain("9")),
        ])),
    ]
}

fn node(node: &Node) -> DotNode {
    let (shape, fill) = match node.entity_type {
        EntityType::Person => ("ellipse", "#cfe2f3"),
        EntityType::Organization => ("box", "#fce5cd"),
        EntityType::Location => ("hexagon", "#d9ead3"),
        EntityType::Other => ("note", "#eeeeee"),
    };
    let tooltip = format!(
        "{} ({})\nmentions: {}, documents: {}\naliases: {}",
        node.label,
        node.entity_type,
        node.mentions,
        node.documents,
        node.aliases.join(" | ")
    );
    DotNode::new(
        node_id(&node.id),
        vec![
            attr("label", text(&node.label)),
            attr("shape", plain(shape)),
            attr("fillcolor", text(fill)),
            attr("tooltip", text(&tooltip)),
        ],
    )
}

fn edge(source: &Node, target: &Node, edge: &Edge) -> DotEdge {
    let mut attributes = Vec::new();
    if !edge.kind.is_directed() {
        attributes.push(attr("dir", plain("none")));
    }
    if edge.kind == RelationKind::CoMention {
        // Context, not a claim: thin, grey, unlabelled, so typed relations stand out.
        attributes.push(attr("color", text("#c8c8c8")));
        attributes.push(attr("penwidth", plain(&penwidth(edge.weight, 0.6))));
    } else {
        let color = kind_color(edge.kind);
        let label = if edge.role.is_empty() {
            edge.kind.as_str().to_string()
        } else {
            format!("{}\n{}", edge.kind, edge.role)
        };
        attributes.push(attr("label", text(&label)));
        attributes.push(attr("color", text(color)));
        attributes.push(attr("fontcolor", text(color)));
        attributes.push(attr("penwidth", plain(&penwidth(edge.weight, 1.2))));
        if edge.kind == RelationKind::LocatedIn {
            attributes.push(attr("style", plain("dashed")));
        }
    }
    attributes.push(attr("tooltip", text(edge.example())));
    DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(node_id(&source.id)),
            Vertex::N(node_id(&target.id)),
        ),
        attributes,
    }
}

fn kind_color(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::CoMention => "#c8c8c8",
        RelationKind::Meets => "#1f77b4",
        RelationKind::Supports => "#2ca02c",
        RelationKind::Opposes => "#d62728",
        RelationKind::AffiliatedWith => "#9467bd",
        RelationKind::LinkedTo => "#ff7f0e",
        RelationKind::LocatedIn => "#8c564b",
    }
}

/// `base * (1 + log2 weight)`, capped at four times the base so hubs stay readable.
fn penwidth(weight: u64, base: f64) -> String {
    let grow = 1.0 + (weight.max(1) as f64).log2();
    format!("{:.2}", base * grow.min(4.0))
}

/// A node's DOT ID: its id, or for an id too long for one DOT string its start and a
/// hash of the whole, so that two long ids never become one node.
fn node_id(id: &str) -> NodeId {
    if id.chars().count() <= MAX_CHARS {
        return NodeId(text(id), None);
    }
    let start: String = id.chars().take(MAX_CHARS - 100).collect();
    NodeId(text(&format!("{start}…{:016x}", fnv1a(id))), None)
}

/// FNV-1a, 64 bits: stable across runs and platforms (std's hasher is not).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(key.to_string()), value)
}

fn plain(value: &str) -> Id {
    Id::Plain(value.to_string())
}

fn text(value: &str) -> Id {
    Id::Escaped(quote(value))
}

/// The most characters of one text put in a DOT string. Graphviz (2.42 at least) cannot
/// read a string over 16,384 bytes ("longer than 16384?"); 1,000 characters are at most
/// 5,000 bytes once escaped (`&` -> `&amp;`), and far more than a label or tooltip shows.
pub const MAX_CHARS: usize = 1000;

/// A DOT quoted string that Graphviz shows as `text`, for any text.
///
/// - `"` and `\` are escaped, so nothing ends the string early and Graphviz's escape
///   sequences (`\N`, `\G`, `\l`, ...) cannot be triggered by the input;
/// - a newline becomes `\n` (a line break in labels and tooltips), a tab a space, and
///   other control characters and noncharacters are dropped: Graphviz and its
///   renderers warn about, mangle or fail on them;
/// - `&` is written `&amp;` when it starts something that looks like an entity
///   (`&amp;`, `&#39;`), because Graphviz decodes entities in labels and in SVG output:
///   the text `AT&amp;T` would otherwise be shown as `AT&T`. A lone `&` stays as it is.
/// - text longer than [`MAX_CHARS`] characters is cut there (at a character boundary)
///   and ends with `…`.
pub fn quote(text: &str) -> String {
    // Drop first, so that a dropped character cannot join `&` and `name;` into an entity.
    let mut visible = String::new();
    let mut kept = 0;
    for c in text.chars() {
        let c = match c {
            '\t' => ' ',
            '\n' => '\n',
            c if c.is_control() || is_noncharacter(c) => continue,
            c => c,
        };
        if kept == MAX_CHARS {
            visible.push('…');
            break;
        }
        visible.push(c);
        kept += 1;
    }
    let mut out = String::with_capacity(visible.len() + 2);
    out.push('"');
    for (at, c) in visible.char_indices() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '&' if looks_like_entity(&visible[at + 1..]) => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF) mean nothing in text, and
/// cairo fails on them ("cairo: out of memory") when Graphviz writes PDF.
pub fn is_noncharacter(c: char) -> bool {
    let cp = u32::from(c);
    (0xfdd0..=0xfdef).contains(&cp) || cp & 0xfffe == 0xfffe
}

/// Whether `rest` (what follows an `&`) reads as `name;`, `#123;` or `#x1F;`.
fn looks_like_entity(rest: &str) -> bool {
    let rest = rest.strip_prefix('#').unwrap_or(rest);
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Output formats of [`render`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    Svg,
    Png,
}

impl RenderFormat {
    /// The `-T` value and the usual file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
        }
    }
}

/// Graphviz layout engines `render` can ask `dot` for (`-K`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Layered; clear for small graphs, slow with many labelled edges.
    Dot,
    /// Force-directed for large graphs: the readable choice for co-mention networks.
    Sfdp,
    /// Spring model; good for a few dozen nodes.
    Neato,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
        }
    }
}

/// Runs Graphviz `dot` on `dot_path` and writes the picture to `out` atomically.
pub fn render(dot_path: &Path, format: RenderFormat, out: &Path) -> Result<(), ExportError> {
    render_layout(dot_path, format, Layout::Dot, out)
}

/// [`render`] with a chosen layout engine.
pub fn render_layout(
    dot_path: &Path,
    format: RenderFormat,
    layout: Layout,
    out: &Path,
) -> Result<(), ExportError> {
    render_with(OsStr::new("dot"), dot_path, format, layout, out)
}

/// [`render`] with the program to run, so tests can point it at one that does not exist.
fn render_with(
    program: &OsStr,
    dot_path: &Path,
    format: RenderFormat,
    layout: Layout,
    out: &Path,
) -> Result<(), ExportError> {
    // `dot -x.dot` would be read as an option.
    let input = if dot_path.is_relative() && dot_path.to_string_lossy().starts_with('-') {
        Path::new(".").join(dot_path)
    } else {
        dot_path.to_path_buf()
    };
    let output = Command::new(program)
        .arg(format!("-T{}", format.as_str()))
        .arg(format!("-K{}", layout.as_str()))
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| match err.kind() {
            io::ErrorKind::NotFound => ExportError::DotNotFound,
            _ => ExportError::io(&PathBuf::from(program), "run", err),
        })?;
    if !output.status.success() {
        return Err(ExportError::DotFailed {
            path: dot_path.to_path_buf(),
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    super::atomic::write_atomic(out, |w| w.write_all(&output.stdout))
        .map_err(|err| ExportError::io(out, "write", err))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chunked printing gives the same text as printing the whole graph at once.
    #[test]
    fn streamed_dot_equals_one_print_of_the_whole_graph() {
        let mut g = EntityGraph::default();
        let ids: Vec<_> = (0..CHUNK + 700)
            .map(|i| {
                g.graph.add_node(Node {
                    id: format!("n{i:05}"),
                    label: format!("Name \"{i}\""),
                    entity_type: EntityType::Person,
                    mentions: 1,
                    documents: 1,
                    aliases: vec![],
                    timeline: Default::default(),
                })
            })
            .collect();
        for w in ids.windows(2) {
            g.graph.add_edge(
                w[0],
                w[1],
                Edge {
                    kind: RelationKind::Meets,
                    weight: 2,
                    documents: 1,
                    role: String::new(),
                    example: None,
                    timeline: Default::default(),
                },
            );
        }
        let mut stmts = header(&g);
        stmts.extend(g.nodes().map(|n| Stmt::Node(node(n))));
        stmts.extend(g.edges().map(|(s, t, e)| Stmt::Edge(edge(s, t, e))));
        let whole = Graph::DiGraph {
            id: text("ergraph"),
            strict: false,
            stmts,
        }
        .print(&mut PrinterContext::default())
            + "\n";
        assert!(
            to_dot(&g) == whole,
            "streamed DOT differs from one whole print"
        );
    }

    #[test]
    fn long_strings_are_cut_with_a_marker_below_graphviz_limit() {
        let long = "&amp;".repeat(20_000);
        let quoted = quote(&long);
        assert!(quoted.len() < 16_384, "{}", quoted.len());
        assert!(quoted.ends_with("…\""), "{}", &quoted[quoted.len() - 20..]);
        assert_eq!(
            quote(&"é".repeat(MAX_CHARS)),
            format!("\"{}\"", "é".repeat(MAX_CHARS))
        );
        assert_eq!(
            quote(&"😀".repeat(MAX_CHARS + 1)),
            format!("\"{}…\"", "😀".repeat(MAX_CHARS))
        );
        // Two long ids that share their start stay two nodes.
        let a = "x".repeat(5000) + "a";
        let b = "x".repeat(5000) + "b";
        assert_ne!(node_id(&a), node_id(&b));
        assert!(matches!(&node_id(&a).0, Id::Escaped(s) if s.len() < 2000));
    }

    #[test]
    fn quote_escapes_what_dot_would_read() {
        assert_eq!(quote(r#"say "hi" \N"#), r#""say \"hi\" \\N""#);
        assert_eq!(quote("a\nb\tc\r\0d\u{1b}"), r#""a\nb cd""#);
        assert_eq!(quote("trailing \\"), r#""trailing \\""#);
        assert_eq!(quote("São 😀 \u{202e}"), "\"São 😀 \u{202e}\"");
        assert_eq!(quote("a\u{fffe}\u{ffff}\u{fdd0}\u{10ffff}b"), "\"ab\"");
        assert!(!is_noncharacter('\u{fffd}'));
    }

    #[test]
    fn quote_protects_entities_but_not_lone_ampersands() {
        assert_eq!(
            quote("AT&T &amp; &#39; &#x41; & ;"),
            "\"AT&T &amp;amp; &amp;#39; &amp;#x41; & ;\""
        );
        assert!(!looks_like_entity(""));
        assert!(!looks_like_entity("#;"));
        assert!(looks_like_entity("lt;"));
    }

    #[test]
    fn quote_checks_entities_after_dropping_controls() {
        // Found by proptest: `&\0a;` became the entity `&a;`.
        assert_eq!(quote("&\0a;"), "\"&amp;a;\"");
    }

    #[test]
    fn quoted_strings_parse_back() {
        for s in ["", "\\", "\"", "\\\"", "a\\\\\"b", "]]> <&>", "x\n\ny"] {
            let dot = format!("digraph {{ {} }}", quote(s));
            assert!(graphviz_rust::parse(&dot).is_ok(), "{dot}");
        }
    }

    #[test]
    fn large_graphs_get_straight_edges_in_sfdp() {
        let mut graph = EntityGraph::default();
        for i in 0..=SPLINES_MAX_NODES {
            if i == SPLINES_MAX_NODES {
                assert!(to_dot(&graph).contains("splines=true"));
            }
            graph.graph.add_node(Node {
                id: format!("n{i}"),
                label: format!("N {i}"),
                entity_type: EntityType::Other,
                mentions: 1,
                documents: 1,
                aliases: vec![],
                timeline: Default::default(),
            });
        }
        assert!(!to_dot(&graph).contains("splines"));
    }

    #[test]
    fn penwidth_grows_with_weight_and_is_capped() {
        assert_eq!(penwidth(0, 1.0), "1.00");
        assert_eq!(penwidth(1, 1.0), "1.00");
        assert_eq!(penwidth(4, 1.0), "3.00");
        assert_eq!(penwidth(1 << 40, 1.0), "4.00");
    }

    #[test]
    fn missing_dot_says_how_to_install_it() {
        let dir = tempfile::tempdir().unwrap();
        let err = render_with(
            OsStr::new("ergraph-no-such-dot-program"),
            &dir.path().join("graph.dot"),
            RenderFormat::Svg,
            Layout::Dot,
            &dir.path().join("graph.svg"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Graphviz `dot` not found on PATH; install it (apt-get install graphviz) or drop --render"
        );
        assert!(!dir.path().join("graph.svg").exists());
    }
}
