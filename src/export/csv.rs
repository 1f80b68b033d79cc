//! The four CSV tables: `nodes.csv` and `edges.csv` in the shape Gephi's spreadsheet import
//! expects, `mentions.csv` and `evidence.csv` for drill-down.
//!
//! Fields are written verbatim (quoted when needed, so newlines inside a field are fine)
//! except control characters other than `\n` and `\t`, which become a space: Excel and
//! DuckDB choke on them, and they never carry meaning in news text.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::EntityGraph;

/// Header of `nodes.csv`, in contract order.
pub const NODES_HEADER: [&str; 6] = [
    "Id",
    "Label",
    "entity_type",
    "mentions",
    "documents",
    "aliases",
];
/// Header of `edges.csv`, in contract order.
pub const EDGES_HEADER: [&str; 8] = [
    "Source",
    "Target",
    "Type",
    "Kind",
    "Weight",
    "documents",
    "role",
    "evidence",
];
/// Header of `mentions.csv`, in contract order.
pub const MENTIONS_HEADER: [&str; 7] = [
    "doc",
    "start",
    "end",
    "text",
    "entity",
    "entity_type",
    "sentence",
];
/// Header of `evidence.csv`, in contract order.
pub const EVIDENCE_HEADER: [&str; 8] = [
    "Source", "Target", "Kind", "doc", "start", "end", "rule", "sentence",
];

/// Separator of the `aliases` column.
pub const ALIAS_SEPARATOR: &str = "|";

/// One row per node.
pub fn write_nodes<W: Write>(out: W, graph: &EntityGraph) -> io::Result<()> {
    let mut csv = writer(out);
    row(&mut csv, &NODES_HEADER)?;
    for node in graph.nodes() {
        row(
            &mut csv,
            &[
                &node.id,
                &node.label,
                node.entity_type.as_str(),
                &node.mentions.to_string(),
                &node.documents.to_string(),
                &node.aliases.join(ALIAS_SEPARATOR),
            ],
        )?;
    }
    csv.flush()
}

/// One row per edge; `evidence` is the first supporting sentence.
pub fn write_edges<W: Write>(out: W, graph: &EntityGraph) -> io::Result<()> {
    let mut csv = writer(out);
    row(&mut csv, &EDGES_HEADER)?;
    for (source, target, edge) in graph.edges() {
        let ty = if edge.kind.is_directed() {
            "Directed"
        } else {
            "Undirected"
        };
        row(
            &mut csv,
            &[
                &source.id,
                &target.id,
                ty,
                edge.kind.as_str(),
                &edge.weight.to_string(),
                &edge.documents.to_string(),
                &edge.role,
                edge.example(),
            ],
        )?;
    }
    csv.flush()
}

/// One row per mention, in stored order.
pub fn write_mentions<W: Write>(out: W, graph: &EntityGraph) -> io::Result<()> {
    let mut csv = writer(out);
    row(&mut csv, &MENTIONS_HEADER)?;
    for m in &graph.mentions {
        row(
            &mut csv,
            &[
                &m.doc,
                &m.start.to_string(),
                &m.end.to_string(),
                &m.text,
                &m.entity,
                m.entity_type.as_str(),
                &m.sentence.to_string(),
            ],
        )?;
    }
    csv.flush()
}

/// One row per (edge, supporting sentence), co-mentions included.
pub fn write_evidence<W: Write>(out: W, graph: &EntityGraph) -> io::Result<()> {
    let mut csv = writer(out);
    row(&mut csv, &EVIDENCE_HEADER)?;
    for (source, target, edge) in graph.edges() {
        for ev in &edge.evidence {
            row(
                &mut csv,
                &[
                    &source.id,
                    &target.id,
                    edge.kind.as_str(),
                    &ev.doc,
                    &ev.start.to_string(),
                    &ev.end.to_string(),
                    &ev.rule,
                    &ev.sentence,
                ],
            )?;
        }
    }
    csv.flush()
}

/// `\n` line ends everywhere (the csv crate's default is also `\n`; said here so it stays).
fn writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

fn row<W: Write>(csv: &mut ::csv::Writer<W>, fields: &[&str]) -> io::Result<()> {
    for field in fields {
        csv.write_field(clean(field).as_bytes())?;
    }
    csv.write_record(None::<&[u8]>)?;
    Ok(())
}

/// Replaces control characters other than `\n` and `\t` (C0, DEL, C1, and so `\r`) with
/// a space; everything else stays verbatim.
pub fn clean(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.contains(bad) {
        Cow::Owned(text.chars().map(|c| if bad(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_do_not_repeat_ignoring_case() {
        let headers: [&[&str]; 4] = [
            &NODES_HEADER,
            &EDGES_HEADER,
            &MENTIONS_HEADER,
            &EVIDENCE_HEADER,
        ];
        for header in headers {
            let mut seen: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), header.len(), "{header:?}");
        }
    }

    #[test]
    fn clean_replaces_controls_but_keeps_newlines_and_tabs() {
        assert_eq!(clean("a\0b\r\nc\td\u{7f}e\u{85}f"), "a b \nc\td e f");
        assert!(matches!(clean("São Paulo \u{202e}"), Cow::Borrowed(_)));
    }

    #[test]
    fn fields_with_newlines_and_quotes_are_quoted() {
        let mut out = Vec::new();
        {
            let mut csv = writer(&mut out);
            row(&mut csv, &["a\nb", "say \"hi\"", "x,y", "plain"]).unwrap();
            csv.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a\nb\",\"say \"\"hi\"\"\",\"x,y\",plain\n"
        );
    }
}
