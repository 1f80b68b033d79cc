//! `graph.graphml`: GraphML 1.0 for Gephi, yEd, Cytoscape, NetworkX and igraph.
//!
//! Written by hand: the format is small, and this way every byte (key order, escaping,
//! layout) is ours and deterministic. Each node and edge is one line, which keeps the
//! file small for big graphs and easy to grep.
//!
//! # Direction
//!
//! The graph mixes undirected kinds (co-mention, meets, linked_to) with directed ones.
//! GraphML can say so per edge (`directed="true|false"` against `edgedefault`), but
//! NetworkX (3.x, `read_graphml`) raises `NetworkXError` on any edge whose `directed`
//! differs from `edgedefault`, and igraph ignores per-edge `directed` and uses
//! `edgedefault` alone. So the file says `edgedefault="directed"` with no per-edge
//! attribute, which every reader loads without complaint and which keeps every edge and
//! the direction of every typed relation:
//! - undirected kinds are stored once with Source < Target (as in `edges.csv`);
//! - each edge carries a boolean `directed` data value (and its `kind`), so a reader
//!   can tell `A supports B` from `A co-mentioned with B` and rebuild the mixed graph;
//! - every edge has an `id`, and parallel edges between one pair (a co-mention next to
//!   a typed relation) make NetworkX return a `MultiDiGraph` keyed by those ids.
//!
//! An undirected default would lose who supports, opposes or belongs to whom in
//! NetworkX and igraph, which is worse than showing co-mentions with an arrow.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::EntityGraph;

/// `(id, for, attr.name, attr.type)` of every key, in file order. Key ids are unique in
/// the document (GraphML requires it), hence `node_documents` / `edge_documents`; tools
/// show `attr.name`. Gephi maps the ids `label` and `weight` to its own Label and Weight.
pub(super) const KEYS: [(&str, &str, &str, &str); 11] = [
    ("label", "node", "label", "string"),
    ("entity_type", "node", "entity_type", "string"),
    ("mentions", "node", "mentions", "long"),
    ("node_documents", "node", "documents", "long"),
    ("aliases", "node", "aliases", "string"),
    ("weight", "edge", "weight", "double"),
    ("kind", "edge", "kind", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("edge_documents", "edge", "documents", "long"),
    ("role", "edge", "role", "string"),
    ("evidence", "edge", "evidence", "string"),
];

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
    // Each node and edge is put together as bytes and written at once: the formatting
    // machinery costs more than the escaping it wraps.
    let (mut line, mut joined) = (Vec::with_capacity(1 << 12), String::new());
    let mut number = itoa::Buffer::new();
    for node in graph.nodes() {
        line.clear();
        line.extend_from_slice(b"    <node id=\"");
        line.extend_from_slice(attr(&node.id).as_bytes());
        line.extend_from_slice(b"\">");
        data(&mut line, "label", &node.label);
        data(&mut line, "entity_type", node.entity_type.as_str());
        data(&mut line, "mentions", number.format(node.mentions));
        data(&mut line, "node_documents", number.format(node.documents));
        super::csv::join_aliases(&mut joined, &node.aliases);
        data(&mut line, "aliases", &joined);
        line.extend_from_slice(b"</node>\n");
        out.write_all(&line)?;
    }
    for (i, (source, target, edge)) in graph.edges().enumerate() {
        line.clear();
        line.extend_from_slice(b"    <edge id=\"e");
        line.extend_from_slice(number.format(i).as_bytes());
        line.extend_from_slice(b"\" source=\"");
        line.extend_from_slice(attr(&source.id).as_bytes());
        line.extend_from_slice(b"\" target=\"");
        line.extend_from_slice(attr(&target.id).as_bytes());
        line.extend_from_slice(b"\">");
        data(&mut line, "weight", number.format(edge.weight));
        data(&mut line, "kind", edge.kind.as_str());
        let directed = if edge.kind.is_directed() {
            "true"
        } else {
            "false"
        };
        data(&mut line, "directed", directed);
        data(&mut line, "edge_documents", number.format(edge.documents));
        data(&mut line, "role", &edge.role);
        data(&mut line, "evidence", edge.example());
        line.extend_from_slice(b"</edge>\n");
        out.write_all(&line)?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    out.flush()
}

/// Appends one `<data>` element to `line`; empty values are left out, which is how
/// NetworkX and igraph read an empty element anyway (a missing value, not an empty
/// string).
fn data(line: &mut Vec<u8>, key: &str, value: &str) {
    let value = text(value);
    if value.is_empty() {
        return;
    }
    line.extend_from_slice(b"<data key=\"");
    line.extend_from_slice(key.as_bytes());
    line.extend_from_slice(b"\">");
    line.extend_from_slice(value.as_bytes());
    line.extend_from_slice(b"</data>");
}

/// Escapes element text. `\r` becomes a character reference because XML parsers turn a
/// literal one into `\n`; characters XML 1.0 forbids are dropped.
pub fn text(value: &str) -> Cow<'_, str> {
    escape(value, false)
}

/// Escapes an attribute value. Also `\t` and `\n`, which attribute-value normalisation
/// would otherwise turn into spaces.
pub fn attr(value: &str) -> Cow<'_, str> {
    escape(value, true)
}

/// Whether XML 1.0 allows `c` at all (`Char` production; surrogates cannot occur in Rust).
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Control characters are first replaced as in the CSV files ([`super::csv::clean`]),
/// so a label reads the same in `nodes.csv` and `graph.graphml`.
fn escape(value: &str, in_attr: bool) -> Cow<'_, str> {
    let value = super::csv::clean(value);
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'' | '\r')
            || (in_attr && matches!(c, '\t' | '\n'))
            || !is_xml_char(c)
    };
    if !may_be_special(value.as_bytes()) || !value.contains(special) {
        return value;
    }
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' if in_attr => out.push_str("&#10;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `bytes` may hold a character that [`escape`] changes: a control byte,
/// markup, or the lead byte of U+FFFE and U+FFFF (a table lookup per byte, eight bytes
/// at a time; nearly every value has none).
fn may_be_special(bytes: &[u8]) -> bool {
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = b < 0x20 || matches!(b as u8, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xef);
            b += 1;
        }
        table
    };
    let mut blocks = bytes.chunks_exact(8);
    let any = |block: &[u8]| {
        block
            .iter()
            .fold(false, |any, &b| any | SPECIAL[b as usize])
    };
    blocks.any(any) || any(blocks.remainder())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            text("a<b>&\"c\"'d' ]]> \0\u{1}\u{fffe}\u{ffff}\t\n\r"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos; ]]&gt;     \t\n "
        );
        assert_eq!(attr("x\ty\nz"), "x&#9;y&#10;z");
        assert!(matches!(text("São Paulo \u{202e} 😀"), Cow::Borrowed(_)));
        // Every character that escaping changes after cleaning is caught by the byte
        // test.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let s = super::super::csv::clean(&format!("ab{c}cd")).into_owned();
            for in_attr in [false, true] {
                if escape(&s, in_attr) != s {
                    assert!(may_be_special(s.as_bytes()), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn control_characters_read_as_in_the_csv_files() {
        let label = "a\0b\u{1}c\rd\u{7f}e\u{85}f\u{fffe}g\u{ffff}h\ti\nj";
        assert_eq!(text(label), super::super::csv::clean(label));
        assert_eq!(text(label), "a b c d e f g h\ti\nj");
    }

    #[test]
    fn keys_are_unique_and_typed() {
        let mut ids: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), KEYS.len());
        for (_, target, _, ty) in KEYS {
            assert!(matches!(target, "node" | "edge"));
            assert!(matches!(ty, "string" | "long" | "double" | "boolean"));
        }
    }
}
