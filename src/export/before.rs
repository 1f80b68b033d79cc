//! The graph writers as they were before they put their lines together as bytes,
//! kept to test that the new ones write the same bytes.

use std::io::{self, Write};

use super::gexf::{coarse_runs, hex, kind_rgb, node_size, type_rgb};
use super::graphml::{attr, text};
use super::json::{push_day, timeline_text};
use crate::model::{Day, EntityGraph, Timeline};

const KEYS: [(&str, &str, &str, &str); 11] = super::graphml::KEYS;
const NODE_ATTRIBUTES: [(&str, &str, &str); 6] = super::gexf::NODE_ATTRIBUTES;
const EDGE_ATTRIBUTES: [(&str, &str, &str); 6] = super::gexf::EDGE_ATTRIBUTES;
const MAX_SPELLS: usize = super::gexf::MAX_SPELLS;

pub mod graphml {
    use super::*;

    /// Writes the whole graph as GraphML.
    pub fn write_graphml<W: Write>(mut out: W, graph: &EntityGraph) -> io::Result<()> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
          xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
          http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        )?;
        for (id, target, name, ty) in KEYS {
            writeln!(
                out,
                "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
            )?;
        }
        writeln!(out, "  <graph id=\"ergraph\" edgedefault=\"directed\">")?;
        for node in graph.nodes() {
            write!(out, "    <node id=\"{}\">", attr(&node.id))?;
            data(&mut out, "label", &node.label)?;
            data(&mut out, "entity_type", node.entity_type.as_str())?;
            data(&mut out, "mentions", &node.mentions.to_string())?;
            data(&mut out, "node_documents", &node.documents.to_string())?;
            data(
                &mut out,
                "aliases",
                &node.aliases.join(crate::export::csv::ALIAS_SEPARATOR),
            )?;
            writeln!(out, "</node>")?;
        }
        for (i, (source, target, edge)) in graph.edges().enumerate() {
            write!(
                out,
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
                attr(&source.id),
                attr(&target.id)
            )?;
            data(&mut out, "weight", &edge.weight.to_string())?;
            data(&mut out, "kind", edge.kind.as_str())?;
            let directed = if edge.kind.is_directed() {
                "true"
            } else {
                "false"
            };
            data(&mut out, "directed", directed)?;
            data(&mut out, "edge_documents", &edge.documents.to_string())?;
            data(&mut out, "role", &edge.role)?;
            data(&mut out, "evidence", edge.example())?;
            writeln!(out, "</edge>")?;
        }
        writeln!(out, "  </graph>\n</graphml>")?;
        out.flush()
    }

    /// One `<data>` element; empty values are left out, which is how NetworkX and igraph
    /// read an empty element anyway (a missing value, not an empty string).
    fn data<W: Write>(out: &mut W, key: &str, value: &str) -> io::Result<()> {
        let value = text(value);
        if value.is_empty() {
            return Ok(());
        }
        write!(out, "<data key=\"{key}\">{value}</data>")
    }
}

pub mod gexf {
    use super::*;

    /// Writes the whole graph as GEXF 1.3.
    pub fn write_gexf<W: Write>(mut out: W, graph: &EntityGraph) -> io::Result<()> {
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
        let mixed = graph.is_mixed();
        let all_undirected = graph.graph.edge_count() > 0
            && graph.graph.edge_weights().all(|e| !e.kind.is_directed());
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

        writeln!(out, "    <nodes>")?;
        for node in graph.nodes() {
            writeln!(
                out,
                "      <node id=\"{}\" label=\"{}\">",
                attr(&node.id),
                attr(&node.label)
            )?;
            let (first, last) = seen(&node.timeline);
            let values = [
                ("entity_type", node.entity_type.as_str().to_string()),
                (
                    "mentions",
                    itoa::Buffer::new().format(node.mentions).to_string(),
                ),
                (
                    "documents",
                    itoa::Buffer::new().format(node.documents).to_string(),
                ),
                (
                    "aliases",
                    node.aliases.join(crate::export::csv::ALIAS_SEPARATOR),
                ),
                ("first_seen", first),
                ("last_seen", last),
            ];
            attvalues(&mut out, &values)?;
            spells(&mut out, &node.timeline)?;
            let (r, g, b) = type_rgb(node.entity_type);
            writeln!(
                out,
                "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\" a=\"1.0\"/>"
            )?;
            writeln!(
                out,
                "        <viz:size value=\"{}\"/>",
                node_size(node.mentions)
            )?;
            writeln!(out, "      </node>")?;
        }
        writeln!(out, "    </nodes>")?;

        writeln!(out, "    <edges>")?;
        let edges: Vec<_> = graph.edges().enumerate().collect();
        let directed_first = edges
            .iter()
            .filter(|(_, (_, _, e))| e.kind.is_directed())
            .chain(edges.iter().filter(|(_, (_, _, e))| !e.kind.is_directed()));
        for &(i, (source, target, edge)) in directed_first {
            let ty = match (mixed, edge.kind.is_directed()) {
                (false, _) => String::new(),
                (true, true) => " type=\"directed\"".to_string(),
                (true, false) => " type=\"mutual\"".to_string(),
            };
            writeln!(
            out,
            "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\"{ty} label=\"{}\" weight=\"{}\">",
            attr(&source.id),
            attr(&target.id),
            edge.kind.as_str(),
            edge.weight
        )?;
            let (first, last) = seen(&edge.timeline);
            let values = [
                ("kind", edge.kind.as_str().to_string()),
                ("documents", edge.documents.to_string()),
                ("role", edge.role.clone()),
                ("evidence", edge.example().to_string()),
                ("first_seen", first),
                ("last_seen", last),
            ];
            attvalues(&mut out, &values)?;
            spells(&mut out, &edge.timeline)?;
            let (r, g, b) = kind_rgb(edge.kind);
            writeln!(
                out,
                "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\" a=\"1.0\"/>"
            )?;
            writeln!(out, "      </edge>")?;
        }
        writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
        out.flush()
    }

    /// First and last day as text, or two empty strings for an undated timeline.
    fn seen(timeline: &Timeline) -> (String, String) {
        match (timeline.first(), timeline.last()) {
            (Some(first), Some(last)) => (day_text(first), day_text(last)),
            _ => (String::new(), String::new()),
        }
    }

    /// Empty values are left out (a missing value, as in `graph.graphml`). The values of
    /// one element share a line: a big archive's file is a fifth smaller without the
    /// indentation of one line per value, and Gephi reads either.
    fn attvalues<W: Write>(out: &mut W, values: &[(&str, String)]) -> io::Result<()> {
        if values.iter().all(|(_, v)| v.is_empty()) {
            return Ok(());
        }
        write!(out, "        <attvalues>")?;
        for (id, value) in values {
            if !value.is_empty() {
                write!(out, "<attvalue for=\"{id}\" value=\"{}\"/>", attr(value))?;
            }
        }
        writeln!(out, "</attvalues>")
    }

    fn spells<W: Write>(out: &mut W, timeline: &Timeline) -> io::Result<()> {
        let runs = coarse_runs(timeline, MAX_SPELLS);
        if runs.is_empty() {
            return Ok(());
        }
        let mut text = String::from("        <spells>");
        for (start, end) in runs {
            text.push_str("<spell start=\"");
            crate::export::json::push_day(&mut text, start);
            text.push_str("\" end=\"");
            crate::export::json::push_day(&mut text, end);
            text.push_str("\"/>");
        }
        text.push_str("</spells>\n");
        out.write_all(text.as_bytes())
    }

    fn day_text(day: Day) -> String {
        let mut text = String::with_capacity(10);
        crate::export::json::push_day(&mut text, day);
        text
    }
}

pub mod json {
    use super::*;

    /// A JSON string literal. serde_json escapes quotes, backslashes and control
    /// characters; `<`, `>` and `&` are escaped too, so the text can sit inside an HTML
    /// `<script>` element as it is, and U+2028/U+2029 so that older JavaScript parsers
    /// read it.
    pub fn string(value: &str) -> String {
        let json = serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string());
        // '<', '>', '&', and the lead byte of U+2028 and U+2029.
        let maybe = |b: &u8| matches!(b, b'<' | b'>' | b'&' | 0xe2);
        if !json.as_bytes().iter().any(maybe)
            || !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}'])
        {
            return json;
        }
        let mut out = String::with_capacity(json.len() + 16);
        for c in json.chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out
    }

    /// Writes the whole graph in graphology's serialisation format, one node or edge a line.
    pub fn write_json<W: Write>(mut out: W, graph: &EntityGraph) -> io::Result<()> {
        writeln!(
        out,
        "{{\"attributes\":{{\"name\":\"ergraph\"}},\"options\":{{\"type\":\"mixed\",\"multi\":true,\"allowSelfLoops\":false}},"
    )?;
        writeln!(out, "\"nodes\":[")?;
        for (i, node) in graph.nodes().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            writeln!(
            out,
            "{sep}{{\"key\":{},\"attributes\":{{\"label\":{},\"entity_type\":\"{}\",\"mentions\":{},\"documents\":{},\"aliases\":{},\"first_seen\":{},\"last_seen\":{},\"timeline\":{},\"color\":\"{}\",\"size\":{}}}}}",
            string(&node.id),
            string(&node.label),
            node.entity_type.as_str(),
            node.mentions,
            node.documents,
            string(&node.aliases.join(crate::export::csv::ALIAS_SEPARATOR)),
            day(node.timeline.first()),
            day(node.timeline.last()),
            string(&timeline_text(&node.timeline)),
            hex(type_rgb(node.entity_type)),
            node_size(node.mentions),
        )?;
        }
        writeln!(out, "],\n\"edges\":[")?;
        for (i, (source, target, edge)) in graph.edges().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            writeln!(
            out,
            "{sep}{{\"key\":\"e{i}\",\"source\":{},\"target\":{},\"undirected\":{},\"attributes\":{{\"kind\":\"{}\",\"weight\":{},\"documents\":{},\"role\":{},\"evidence\":{},\"first_seen\":{},\"last_seen\":{},\"timeline\":{},\"color\":\"{}\"}}}}",
            string(&source.id),
            string(&target.id),
            !edge.kind.is_directed(),
            edge.kind.as_str(),
            edge.weight,
            edge.documents,
            string(&edge.role),
            string(edge.example()),
            day(edge.timeline.first()),
            day(edge.timeline.last()),
            string(&timeline_text(&edge.timeline)),
            hex(kind_rgb(edge.kind)),
        )?;
        }
        writeln!(out, "]}}")?;
        out.flush()
    }

    /// A day as a JSON string, or `null`.
    fn day(day: Option<crate::model::Day>) -> String {
        match day {
            Some(d) => {
                let mut text = String::from("\"");
                push_day(&mut text, d);
                text.push('"');
                text
            }
            None => "null".to_string(),
        }
    }
}

pub mod html {
    use std::collections::HashMap;
    use std::path::Path;

    use super::super::html::*;
    use super::json::string;
    use super::*;
    use crate::model::{EntityType, RelationKind};

    /// [`write_html`], with the evidence of the build when it is known (`known`).
    pub fn write_html_with<W: Write>(
        mut out: W,
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

        let mut data = String::new();
        data.push_str("{\"cut\":{");
        data.push_str(&format!(
        "\"nodes\":{},\"totalNodes\":{},\"edges\":{},\"totalEdges\":{},\"maxNodes\":{MAX_NODES},\"maxEdges\":{MAX_EDGES}",
        cut.nodes.len(),
        nodes.len(),
        cut.edges.len(),
        edges.len()
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
        for (i, &n) in cut.nodes.iter().enumerate() {
            let node = nodes[n];
            let (x, y) = positions[i];
            if i > 0 {
                data.push_str(",\n");
            }
            data.push_str(&format!(
            "{{\"id\":{},\"label\":{},\"type\":\"{}\",\"mentions\":{},\"documents\":{},\"aliases\":[{}],\"timeline\":{},\"x\":{x:.1},\"y\":{y:.1},\"color\":\"{}\"}}",
            string(&node.id),
            string(&node.label),
            node.entity_type.as_str(),
            node.mentions,
            node.documents,
            node.aliases.iter().map(|a| string(a)).collect::<Vec<_>>().join(","),
            string(&timeline_text(&node.timeline)),
            hex(type_rgb(node.entity_type)),
        ));
        }
        data.push_str("\n],\n\"edges\":[\n");
        for (i, &e) in cut.edges.iter().enumerate() {
            let (source, target, edge) = edges[e];
            if i > 0 {
                data.push_str(",\n");
            }
            let sentences: Vec<String> = evidence[i]
                .iter()
                .map(|(doc, text)| format!("[{},{}]", string(doc), string(text)))
                .collect();
            data.push_str(&format!(
            "{{\"s\":{},\"t\":{},\"kind\":\"{}\",\"directed\":{},\"weight\":{},\"documents\":{},\"role\":{},\"example\":{},\"evidence\":[{}],\"timeline\":{},\"color\":\"{}\"}}",
            slot[source.id.as_str()],
            slot[target.id.as_str()],
            edge.kind.as_str(),
            edge.kind.is_directed(),
            edge.weight,
            edge.documents,
            string(&edge.role),
            string(edge.example()),
            sentences.join(","),
            string(&timeline_text(&edge.timeline)),
            hex(kind_rgb(edge.kind)),
        ));
        }
        data.push_str("\n]}");

        out.write_all(
            b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
          <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
          <title>ergraph: entity graph</title>\n<style>\n",
        )?;
        out.write_all(VIEW_CSS.as_bytes())?;
        out.write_all(b"</style>\n</head>\n<body>\n")?;
        out.write_all(BODY.as_bytes())?;
        out.write_all(b"<script type=\"application/json\" id=\"ergraph-data\">\n")?;
        out.write_all(data.as_bytes())?;
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
}
