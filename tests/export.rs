//! Exporters, end to end: golden files, hostile strings, any strings (proptest), and the
//! real Graphviz tools.
//!
//! `UPDATE_GOLDEN=1 cargo test --test export` rewrites `tests/golden/`.
//! `ERGRAPH_REAL_TOOLS=1` makes the Graphviz tests fail instead of skip when `dot` or
//! `sfdp` is not installed. The NetworkX/igraph check runs when `python3` with
//! `networkx` is there (igraph optional) and is skipped otherwise.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use ergraph::export::{self, RenderFormat};
use ergraph::{Edge, EntityGraph, EntityType, Node, RelationKind};
use proptest::prelude::*;
use quick_xml::events::Event;

// ---------------------------------------------------------------- graphs

fn node(id: &str, label: &str, ty: EntityType, mentions: u64, aliases: &[&str]) -> Node {
    Node {
        id: id.to_string(),
        label: label.to_string(),
        entity_type: ty,
        mentions,
        documents: 1,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        timeline: Default::default(),
    }
}

/// A mention row as the corpus pass streams it.
struct Mention<'a> {
    doc: &'a str,
    start: usize,
    text: &'a str,
    entity: &'a str,
    ty: EntityType,
    sentence: usize,
}

fn mention<'a>(
    doc: &'a str,
    start: usize,
    text: &'a str,
    entity: &'a str,
    ty: EntityType,
    sentence: usize,
) -> Mention<'a> {
    Mention {
        doc,
        start,
        text,
        entity,
        ty,
        sentence,
    }
}

/// Four nodes (one with a non-ASCII label), a directed typed edge with a role next to a
/// parallel co-mention, a co-mention supported by two sentences, and a located_in.
fn sample_graph() -> EntityGraph {
    use EntityType::*;
    let mut g = EntityGraph::default();
    let brazil = g
        .graph
        .add_node(node("brazil", "Brazil", Location, 2, &["Brazil"]));
    let kerry = g.graph.add_node(node(
        "john-kerry",
        "John Kerry",
        Person,
        3,
        &["John Kerry", "Kerry"],
    ));
    let sao_paulo = g
        .graph
        .add_node(node("sao-paulo", "São Paulo", Location, 1, &["São Paulo"]));
    let state = g.graph.add_node(node(
        "state-department",
        "State Department",
        Organization,
        1,
        &["State Department"],
    ));
    let s0 = "U.S. Secretary of State John Kerry, of the State Department, arrived in São Paulo, Brazil.";
    g.graph.add_edge(
        brazil,
        kerry,
        Edge {
            kind: RelationKind::CoMention,
            weight: 2,
            documents: 1,
            role: String::new(),
            example: Some(s0.to_string()),
            timeline: Default::default(),
        },
    );
    // A co-mention parallel to the typed relation, as the pipeline makes them.
    g.graph.add_edge(
        kerry,
        state,
        Edge {
            kind: RelationKind::CoMention,
            weight: 1,
            documents: 1,
            role: String::new(),
            example: Some(s0.to_string()),
            timeline: Default::default(),
        },
    );
    g.graph.add_edge(
        kerry,
        state,
        Edge {
            kind: RelationKind::AffiliatedWith,
            weight: 1,
            documents: 1,
            role: "Secretary of State".to_string(),
            example: Some(s0.to_string()),
            timeline: Default::default(),
        },
    );
    g.graph.add_edge(
        sao_paulo,
        brazil,
        Edge {
            kind: RelationKind::LocatedIn,
            weight: 1,
            documents: 1,
            role: String::new(),
            example: Some(s0.to_string()),
            timeline: Default::default(),
        },
    );
    g
}

/// The mentions of [`sample_graph`]'s document.
fn sample_mentions() -> Vec<Mention<'static>> {
    use EntityType::*;
    vec![
        mention("doc-1", 24, "John Kerry", "john-kerry", Person, 0),
        mention(
            "doc-1",
            43,
            "State Department",
            "state-department",
            Organization,
            0,
        ),
        mention("doc-1", 72, "São Paulo", "sao-paulo", Location, 0),
        mention("doc-1", 83, "Brazil", "brazil", Location, 0),
        mention("doc-1", 91, "Kerry", "john-kerry", Person, 1),
        mention("doc-1", 102, "Brazil", "brazil", Location, 1),
    ]
}

const HOSTILE: &[&str] = &[
    "double \"quotes\" and 'single'",
    "back\\slash \\N \\G \\L \\n \\\" end\\",
    "<tag attr=\"x\"> & &amp; &lt; &#65; &#x41; AT&T ]]> <!-- --> <![CDATA[",
    "line1\nline2\r\nline3\rline4",
    "tab\there",
    "nul\0bell\u{7}esc\u{1b}del\u{7f}c1\u{85}\u{9b}",
    "rtl \u{202e}olleh\u{202c} שלום مرحبا",
    "emoji 😀 👩‍👩‍👧 🇧🇷 \u{fe0f}",
    "nonchars \u{fffe}\u{ffff} bom\u{feff}",
    "{[]};=,-> -- digraph node edge",
    "# not a comment // nor this /* nor */",
    " ",
    "",
];

/// Every text field of every node, edge, evidence and mention set to hostile strings.
fn hostile_graph(strings: &[&str]) -> EntityGraph {
    let mut g = EntityGraph::default();
    let ids: Vec<_> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            g.graph.add_node(Node {
                id: format!("n{i:03} {s}"),
                label: s.to_string(),
                entity_type: [
                    EntityType::Person,
                    EntityType::Organization,
                    EntityType::Location,
                    EntityType::Other,
                ][i % 4],
                mentions: i as u64 + 1,
                documents: 1,
                aliases: vec![s.to_string(), format!("alias {s}")],
                timeline: Default::default(),
            })
        })
        .collect();
    for (i, pair) in ids.windows(2).enumerate() {
        let s = strings[i];
        let kind = RelationKind::ALL[i % RelationKind::ALL.len()];
        g.graph.add_edge(
            pair[0],
            pair[1],
            Edge {
                kind,
                weight: i as u64 + 1,
                documents: 1,
                role: s.to_string(),
                example: Some(s.to_string()),
                timeline: Default::default(),
            },
        );
    }
    g
}

/// A news-sized graph: `n` nodes, hubs, parallel edges, every kind, long and short
/// labels; deterministic (a fixed linear congruential sequence, no randomness).
fn large_graph(n: usize) -> EntityGraph {
    let mut g = EntityGraph::default();
    let mut seed: u64 = 42;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    let words = [
        "Kerry",
        "Ministry of Foreign Affairs",
        "UN",
        "São Paulo",
        "Hezbollah",
        "Al-Qaeda in the Arabian Peninsula",
        "Obama",
        "EU",
    ];
    let ids: Vec<_> = (0..n)
        .map(|i| {
            let label = format!("{} {i}", words[next(words.len())]);
            g.graph.add_node(Node {
                id: format!("node-{i:04}"),
                label: label.clone(),
                entity_type: [
                    EntityType::Person,
                    EntityType::Organization,
                    EntityType::Location,
                    EntityType::Other,
                ][next(4)],
                mentions: 1 + next(50) as u64,
                documents: 1,
                aliases: vec![label],
                timeline: Default::default(),
            })
        })
        .collect();
    let mut edges = Vec::new();
    for _ in 0..n * 3 {
        // Low ids are hubs: both ends drawn with a bias towards them.
        let hub_bound = next(n) + 1;
        let a = next(hub_bound);
        let b = next(n);
        if a == b {
            continue;
        }
        let kind = RelationKind::ALL[next(RelationKind::ALL.len())];
        let (a, b) = if kind.is_directed() {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        edges.push((a, b, kind, 1 + next(20) as u64));
    }
    edges.sort();
    edges.dedup_by_key(|e| (e.0, e.1, e.2));
    for (a, b, kind, weight) in edges {
        let role = if kind == RelationKind::AffiliatedWith {
            "spokesman"
        } else {
            ""
        };
        g.graph.add_edge(
            ids[a],
            ids[b],
            Edge {
                kind,
                weight,
                documents: 1,
                role: role.to_string(),
                example: Some("A sentence.".to_string()),
                timeline: Default::default(),
            },
        );
    }
    g
}

// ---------------------------------------------------------------- golden files

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with `tests/golden/NAME` as a whole, or rewrites it under
/// `UPDATE_GOLDEN=1`; on a mismatch, panics with a line diff.
fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        fs::create_dir_all(golden_dir()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the output (- golden, + actual); \
             rerun with UPDATE_GOLDEN=1 if the change is intended:\n{}",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// A minimal LCS line diff; golden files are small.
fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split('\n').collect();
    let b: Vec<&str> = new.split('\n').collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("  {}\n", a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out += &format!("- {:?}\n", a[i]);
            i += 1;
        } else {
            out += &format!("+ {:?}\n", b[j]);
            j += 1;
        }
    }
    out
}

#[test]
fn golden_files() {
    let dir = tempfile::tempdir().unwrap();
    let written = export::write_all(dir.path(), &sample_graph()).unwrap();
    assert_eq!(written.len(), export::FILES.len());
    for (path, name) in written.iter().zip(export::FILES) {
        assert_eq!(path, &dir.path().join(name));
        check_golden(name, &fs::read_to_string(path).unwrap());
    }
}

#[test]
fn same_graph_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let graph = hostile_graph(HOSTILE);
    export::write_all(a.path(), &graph).unwrap();
    export::write_all(b.path(), &graph.clone()).unwrap();
    for name in export::FILES {
        assert_eq!(
            fs::read(a.path().join(name)).unwrap(),
            fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn rewriting_replaces_old_files_and_leaves_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    export::write_all(dir.path(), &hostile_graph(HOSTILE)).unwrap();
    export::write_all(dir.path(), &sample_graph()).unwrap();
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = export::FILES.iter().map(|s| s.to_string()).collect();
    expected.push(export::atomic::MARKER.to_string());
    expected.sort();
    assert_eq!(names, expected);
    let nodes = fs::read_to_string(dir.path().join("nodes.csv")).unwrap();
    assert!(nodes.contains("São Paulo") && !nodes.contains("n000"));
}

#[test]
fn csv_headers_do_not_repeat_ignoring_case() {
    let dir = tempfile::tempdir().unwrap();
    export::write_all(dir.path(), &sample_graph()).unwrap();
    for name in export::FILES.iter().filter(|f| f.ends_with(".csv")) {
        let mut reader = csv::Reader::from_path(dir.path().join(name)).unwrap();
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_lowercase)
            .collect();
        let mut unique = header.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), header.len(), "{name}: {header:?}");
    }
}

// ---------------------------------------------------------------- what each reader sees

/// What Graphviz shows for `text`: controls and noncharacters dropped, tabs as spaces.
fn dot_visible(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() || export::dot::is_noncharacter(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Reads a quoted DOT string the way Graphviz does for labels: `\x` -> `x` (`\n` -> a
/// newline), then HTML entities; only `&amp;` may appear, anything else means `quote`
/// let an entity through, which shows up as U+FFFD.
fn dot_unquote(raw: &str) -> String {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not quoted: {raw}"));
    let mut unescaped = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => unescaped.push('\n'),
                Some(other) => unescaped.push(other),
                None => panic!("dangling backslash in {raw}"),
            }
        } else {
            unescaped.push(c);
        }
    }
    let mut out = String::new();
    let mut rest = unescaped.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix("amp;") {
            out.push('&');
            rest = tail;
        } else {
            let name = after.strip_prefix('#').unwrap_or(after);
            let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
            out.push(if len > 0 && name[len..].starts_with(';') {
                '\u{fffd}'
            } else {
                '&'
            });
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Node ids, node labels and edge labels/tooltips of a DOT file, as Graphviz shows them.
fn dot_texts(dot: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    use graphviz_rust::dot_structures::{Graph, Id, Stmt};
    let graph = graphviz_rust::parse(dot).unwrap_or_else(|err| panic!("{err}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("not a digraph")
    };
    let text = |id: &Id| match id {
        Id::Escaped(raw) => dot_unquote(raw),
        other => panic!("not a quoted string: {other:?}"),
    };
    let attr = |attrs: &[graphviz_rust::dot_structures::Attribute], key: &str| {
        attrs
            .iter()
            .find(|a| matches!(&a.0, Id::Plain(k) if k == key))
            .map(|a| text(&a.1))
    };
    let (mut ids, mut labels, mut tooltips) = (vec![], vec![], vec![]);
    for stmt in stmts {
        match stmt {
            Stmt::Node(n) => {
                ids.push(text(&n.id.0));
                labels.push(attr(&n.attributes, "label").expect("node label"));
            }
            Stmt::Edge(e) => tooltips.push(attr(&e.attributes, "tooltip").expect("edge tooltip")),
            _ => {}
        }
    }
    (ids, labels, tooltips)
}

/// `(element, id) -> {key: value}` for every node and edge of a GraphML file, read with
/// quick-xml; panics on malformed XML.
fn graphml_data(xml: &str) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: BTreeMap<(String, String), BTreeMap<String, String>> = BTreeMap::new();
    let mut owner = None;
    let mut key = None;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|err| panic!("{err}\n{xml}"))
        {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a = a.unwrap();
                    let k = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                    attrs.insert(k, a.unescape_value().unwrap().into_owned());
                }
                match name.as_str() {
                    "node" | "edge" => {
                        let id = attrs["id"].clone();
                        let entry = out.entry((name.clone(), id.clone())).or_default();
                        for (k, v) in attrs {
                            entry.insert(format!("@{k}"), v);
                        }
                        owner = Some((name, id));
                    }
                    "data" => key = Some(attrs["key"].clone()),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let (Some(owner), Some(key)) = (&owner, &key) {
                    let value = t.unescape().unwrap().into_owned();
                    out.get_mut(owner).unwrap().insert(key.clone(), value);
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"data" => key = None,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// GraphML shows control characters as the CSV files do (a space), which also removes
/// every character XML forbids.
fn xml_visible(text: &str) -> String {
    let visible = export::csv::clean(text).into_owned();
    assert!(visible.chars().all(export::graphml::is_xml_char));
    visible
}

fn csv_visible(text: &str) -> String {
    export::csv::clean(text).into_owned()
}

fn to_graphml(graph: &EntityGraph) -> String {
    let mut out = Vec::new();
    export::graphml::write_graphml(&mut out, graph).unwrap();
    String::from_utf8(out).unwrap()
}

fn csv_rows(
    write: fn(&mut Vec<u8>, &EntityGraph) -> io::Result<()>,
    graph: &EntityGraph,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    write(&mut out, graph).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Checks that DOT, GraphML and CSV all carry every text of `graph` as its readers see it.
fn assert_round_trips(graph: &EntityGraph) {
    let nodes: Vec<&Node> = graph.nodes().collect();
    let edges: Vec<_> = graph.edges().collect();

    // DOT: parses, and ids, labels and tooltips come back.
    let (ids, labels, tooltips) = dot_texts(&export::to_dot(graph));
    assert_eq!(
        ids,
        nodes.iter().map(|n| dot_visible(&n.id)).collect::<Vec<_>>()
    );
    assert_eq!(
        labels,
        nodes
            .iter()
            .map(|n| dot_visible(&n.label))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        tooltips,
        edges
            .iter()
            .map(|e| dot_visible(e.2.example()))
            .collect::<Vec<_>>()
    );

    // GraphML: well-formed, and attribute values come back minus forbidden characters.
    let xml = to_graphml(graph);
    // XML parsers turn a literal \r into \n, so it must only appear as `&#13;`.
    assert!(!xml.contains('\r'));
    let data = graphml_data(&xml);
    let get = |el: &str, id: &str, key: &str| {
        data.get(&(el.to_string(), id.to_string()))
            .unwrap_or_else(|| panic!("no {el} {id:?}"))
            .get(key)
            .cloned()
            .unwrap_or_default()
    };
    for n in &nodes {
        let id = xml_visible(&n.id);
        assert_eq!(get("node", &id, "label"), xml_visible(&n.label));
        assert_eq!(
            get("node", &id, "aliases"),
            xml_visible(&n.aliases.join("|"))
        );
    }
    for (i, (s, t, e)) in edges.iter().enumerate() {
        let id = format!("e{i}");
        assert_eq!(get("edge", &id, "@source"), xml_visible(&s.id));
        assert_eq!(get("edge", &id, "@target"), xml_visible(&t.id));
        assert_eq!(get("edge", &id, "role"), xml_visible(&e.role));
        assert_eq!(get("edge", &id, "evidence"), xml_visible(e.example()));
    }

    // CSV: every field comes back, controls other than \n and \t as spaces.
    let rows = csv_rows(
        |w, g| export::csv::write_nodes(w, g, export::ExportOptions { csv_raw: true }),
        graph,
    );
    assert_eq!(rows.len(), nodes.len());
    for (row, n) in rows.iter().zip(&nodes) {
        assert_eq!(row[0], csv_visible(&n.id));
        assert_eq!(row[1], csv_visible(&n.label));
        assert_eq!(row[5], csv_visible(&n.aliases.join("|")));
    }
}

/// Rows a streamed table gets back through the csv crate.
fn table_rows(
    header: &[&str],
    fill: impl FnOnce(&mut export::csv::TableWriter<&mut Vec<u8>>) -> io::Result<()>,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let raw = export::ExportOptions { csv_raw: true };
    let mut table = export::csv::TableWriter::new(&mut out, header, raw).unwrap();
    fill(&mut table).unwrap();
    table.finish().unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), header);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn hostile_strings_round_trip_in_the_streamed_tables() {
    use export::csv::{EVIDENCE_HEADER, MENTIONS_HEADER, SENTENCES_HEADER};
    let rows = table_rows(&MENTIONS_HEADER, |t| {
        for (i, s) in HOSTILE.iter().enumerate() {
            t.mention(s, i, i + 1, s, s, EntityType::Person.as_str(), i)?;
        }
        Ok(())
    });
    assert_eq!(rows.len(), HOSTILE.len());
    for (row, s) in rows.iter().zip(HOSTILE) {
        for col in [0, 3, 4] {
            assert_eq!(row[col], csv_visible(s));
        }
    }
    let rows = table_rows(&EVIDENCE_HEADER, |t| {
        for (i, s) in HOSTILE.iter().enumerate() {
            t.evidence(s, s, RelationKind::ALL[i % 7], s, i, s)?;
        }
        Ok(())
    });
    for (i, (row, s)) in rows.iter().zip(HOSTILE).enumerate() {
        assert_eq!(
            row[..4],
            [s, s, RelationKind::ALL[i % 7].as_str(), s].map(csv_visible)
        );
        assert_eq!(row[4], i.to_string());
        assert_eq!(row[5], csv_visible(s));
    }
    let rows = table_rows(&SENTENCES_HEADER, |t| {
        for (i, s) in HOSTILE.iter().enumerate() {
            t.sentence(s, i, i, i + s.chars().count(), s)?;
        }
        Ok(())
    });
    for (row, s) in rows.iter().zip(HOSTILE) {
        assert_eq!(row[0], csv_visible(s));
        assert_eq!(row[4], csv_visible(s));
    }
}

#[test]
fn the_sample_mentions_give_back_their_text() {
    let text = "U.S. Secretary of State John Kerry, of the State Department, arrived in São Paulo, Brazil. Kerry said Brazil was \"a key partner\".";
    let chars: Vec<char> = text.chars().collect();
    let mentions = sample_mentions();
    let rows = table_rows(&export::csv::MENTIONS_HEADER, |t| {
        for m in &mentions {
            let end = m.start + m.text.chars().count();
            t.mention(
                m.doc,
                m.start,
                end,
                m.text,
                m.entity,
                m.ty.as_str(),
                m.sentence,
            )?;
        }
        Ok(())
    });
    for row in rows {
        let (start, end): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        assert_eq!(chars[start..end].iter().collect::<String>(), row[3]);
    }
}

#[test]
fn hostile_strings_round_trip_in_every_format() {
    assert_round_trips(&hostile_graph(HOSTILE));
    assert_round_trips(&sample_graph());
}

#[test]
fn graphml_has_no_forbidden_characters_and_declares_every_key() {
    let xml = to_graphml(&hostile_graph(HOSTILE));
    assert!(xml.chars().all(export::graphml::is_xml_char));
    assert!(!xml.contains('\r'));
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut declared = Vec::new();
    let mut used = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let attrs: BTreeMap<Vec<u8>, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_vec(),
                            a.unescape_value().unwrap().into_owned(),
                        )
                    })
                    .collect();
                match e.local_name().as_ref() {
                    b"key" => {
                        for k in ["id", "for", "attr.name", "attr.type"] {
                            assert!(attrs.contains_key(k.as_bytes()), "key without {k}");
                        }
                        declared.push(attrs[b"id".as_slice()].clone());
                    }
                    b"data" => used.push(attrs[b"key".as_slice()].clone()),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    used.sort();
    used.dedup();
    assert!(
        used.iter().all(|k| declared.contains(k)),
        "{used:?} vs {declared:?}"
    );
}

/// Any characters, with the ones that break formats (quotes, backslashes, markup,
/// controls, bidi marks, noncharacters) drawn often; `any::<String>()` alone would
/// only give printable text.
fn any_text() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        '"', '\\', '\'', '&', '<', '>', ';', '#', '-', '[', ']', '{', '}', '=', '\n', '\r', '\t',
        '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{feff}', '\u{fffe}', '\u{ffff}', '😀',
    ]);
    let chars = prop_oneof![any::<char>(), tricky, prop::char::range('a', 'z')];
    prop::collection::vec(chars, 0..24).prop_map(String::from_iter)
}

// 256 cases by default; `PROPTEST_CASES=20000` for a deeper run.
proptest! {
    /// Any strings as ids, labels, aliases, roles and evidence give DOT that parses and
    /// GraphML that is well-formed, with every value intact.
    #[test]
    fn any_strings_give_parseable_output(
        id in any_text(),
        label in any_text(),
        alias in any_text(),
        role in any_text(),
        sentence in any_text(),
    ) {
        let graph = hostile_graph(&[&id, &label, &alias, &role, &sentence]);
        assert_round_trips(&graph);
    }
}

// ---------------------------------------------------------------- real Graphviz

/// `ERGRAPH_REAL_TOOLS=1`: a missing Graphviz is a failure, not a skip.
fn real_tools_required() -> bool {
    std::env::var("ERGRAPH_REAL_TOOLS").as_deref() == Ok("1")
}

/// Runs `tool -Tsvg file`; `None` when the tool is not installed (and that is allowed).
fn run_graphviz(tool: &str, file: &Path) -> Option<std::process::Output> {
    match Command::new(tool).arg("-Tsvg").arg(file).output() {
        Ok(output) => Some(output),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if real_tools_required() {
                panic!("`{tool}` not found on PATH but ERGRAPH_REAL_TOOLS=1");
            }
            eprintln!("note: `{tool}` not found on PATH; skipping the real Graphviz check");
            None
        }
        Err(err) => panic!("{tool}: {err}"),
    }
}

#[test]
fn graphviz_renders_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let both: &[&str] = &["dot", "sfdp"];
    // 160 nodes: past SPLINES_MAX_NODES, for sfdp only (dot takes 20 s on it).
    let cases = [
        ("sample", sample_graph(), both),
        ("hostile", hostile_graph(HOSTILE), both),
        ("large", large_graph(60), both),
        ("larger", large_graph(160), &["sfdp"][..]),
    ];
    for (name, graph, tools) in cases {
        let file = dir.path().join(format!("{name}.dot"));
        fs::write(&file, export::to_dot(&graph)).unwrap();
        for tool in tools {
            let Some(output) = run_graphviz(tool, &file) else {
                return;
            };
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success(),
                "{tool} on {name}: {}\n{stderr}",
                output.status
            );
            assert!(stderr.is_empty(), "{tool} on {name} said:\n{stderr}");
            assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
        }
    }
}

#[test]
fn render_writes_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let written = export::write_all(dir.path(), &sample_graph()).unwrap();
    let dot = &written[export::FILES
        .iter()
        .position(|f| *f == "graph.dot")
        .unwrap()];
    let svg = dir.path().join("graph.svg");
    match export::render(dot, RenderFormat::Svg, &svg) {
        Err(export::ExportError::DotNotFound) => {
            assert!(
                !real_tools_required(),
                "`dot` not found on PATH but ERGRAPH_REAL_TOOLS=1"
            );
            eprintln!("note: `dot` not found on PATH; skipping render");
            return;
        }
        other => other.unwrap(),
    }
    assert!(fs::read_to_string(&svg).unwrap().contains("São Paulo"));
    let png = dir.path().join("graph.png");
    export::render(dot, RenderFormat::Png, &png).unwrap();
    assert!(fs::read(&png).unwrap().starts_with(b"\x89PNG"));

    let err = export::render(&dir.path().join("missing.dot"), RenderFormat::Svg, &svg).unwrap_err();
    assert!(
        err.to_string()
            .contains("missing.dot: Graphviz `dot` failed"),
        "{err}"
    );
}

// ---------------------------------------------------------------- real GraphML readers

/// Loads the file with NetworkX (and igraph when installed) with warnings as errors, and
/// checks counts, labels and evidence as those readers see them.
const PYTHON_CHECK: &str = r#"
import json, sys, warnings
warnings.simplefilter("error")
try:
    import networkx as nx
except ImportError:
    print("skip: networkx not installed")
    sys.exit(0)
path = sys.argv[1]
want = json.load(sys.stdin)
g = nx.read_graphml(path)
assert g.is_directed(), type(g)
# Parallel edges (a co-mention beside a typed relation) need a MultiDiGraph to survive.
assert g.is_multigraph() == want["multigraph"], type(g)
assert g.number_of_nodes() == len(want["labels"]), g
assert g.number_of_edges() == len(want["evidence"]), g
labels = {n: d.get("label", "") for n, d in g.nodes(data=True)}
assert labels == want["labels"], (labels, want["labels"])
# Edge ids are the keys of a MultiDiGraph and an `id` attribute of a DiGraph.
if g.is_multigraph():
    evidence = {k: d.get("evidence", "") for _, _, k, d in g.edges(keys=True, data=True)}
else:
    evidence = {d["id"]: d.get("evidence", "") for _, _, d in g.edges(data=True)}
assert evidence == want["evidence"], (evidence, want["evidence"])
try:
    import igraph
except ImportError:
    igraph = None
if igraph is not None:
    h = igraph.Graph.Read_GraphML(path)
    assert h.is_directed() and h.vcount() == len(want["labels"]) and h.ecount() == len(want["evidence"])
print("ok", type(g).__name__, "igraph" if igraph else "no igraph")
"#;

#[test]
fn graphml_loads_in_networkx_and_igraph() {
    let dir = tempfile::tempdir().unwrap();
    for (name, graph) in [
        ("sample", sample_graph()),
        ("hostile", hostile_graph(HOSTILE)),
    ] {
        let file = dir.path().join(format!("{name}.graphml"));
        fs::write(&file, to_graphml(&graph)).unwrap();
        let labels: BTreeMap<String, String> = graph
            .nodes()
            .map(|n| (xml_visible(&n.id), xml_visible(&n.label)))
            .collect();
        let evidence: BTreeMap<String, String> = graph
            .edges()
            .enumerate()
            .map(|(i, (_, _, e))| (format!("e{i}"), xml_visible(e.example())))
            .collect();
        let mut pairs: Vec<_> = graph.edges().map(|(s, t, _)| (&s.id, &t.id)).collect();
        let edges = pairs.len();
        pairs.sort();
        pairs.dedup();
        let multigraph = pairs.len() < edges;
        let want = serde_json::json!({
            "labels": labels, "evidence": evidence, "multigraph": multigraph,
        });
        let child = Command::new("python3")
            .arg("-c")
            .arg(PYTHON_CHECK)
            .arg(&file)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                eprintln!("note: python3 not found; skipping the NetworkX check");
                return;
            }
            Err(err) => panic!("python3: {err}"),
        };
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(want.to_string().as_bytes()).unwrap();
        }
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stdout}{stderr}");
        assert!(stderr.is_empty(), "{name}: {stderr}");
        eprintln!("{name}: {stdout}");
    }
}
