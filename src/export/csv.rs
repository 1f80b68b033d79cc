//! The CSV tables: `nodes.csv` and `edges.csv` in the shape Gephi's spreadsheet import
//! expects, and the drill-down tables `mentions.csv`, `evidence.csv` and
//! `sentences.csv`, which the corpus pass streams row by row ([`TableWriter`]).
//!
//! Fields are written verbatim (quoted when needed, so newlines inside a field are fine)
//! except control characters other than `\n` and `\t`, which become a space: Excel and
//! DuckDB choke on them, and they never carry meaning in news text.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;

use super::ExportOptions;
use crate::model::{EntityGraph, RelationKind, Timeline};

/// Header of `nodes.csv`, in contract order.
pub const NODES_HEADER: [&str; 9] = [
    "Id",
    "Label",
    "entity_type",
    "mentions",
    "documents",
    "aliases",
    "first_seen",
    "last_seen",
    "timeline",
];
/// Header of `edges.csv`, in contract order.
pub const EDGES_HEADER: [&str; 11] = [
    "Source",
    "Target",
    "Type",
    "Kind",
    "Weight",
    "documents",
    "role",
    "evidence",
    "first_seen",
    "last_seen",
    "timeline",
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
/// Header of `evidence.csv`: one row per (edge, supporting sentence); the sentence is
/// `sentences.csv`'s row of the same `doc` and `sentence`.
pub const EVIDENCE_HEADER: [&str; 6] = ["Source", "Target", "Kind", "doc", "sentence", "rule"];
/// Header of `sentences.csv`: each supporting sentence once, with its character offsets.
pub const SENTENCES_HEADER: [&str; 5] = ["doc", "sentence", "start", "end", "text"];

/// Separator of the `aliases` column.
pub const ALIAS_SEPARATOR: &str = "|";

/// Days and timelines as text, in buffers used again row after row.
#[derive(Default)]
struct Seen {
    first: String,
    last: String,
    timeline: String,
}

impl Seen {
    fn of(&mut self, timeline: &Timeline) -> &Self {
        for (out, d) in [
            (&mut self.first, timeline.first()),
            (&mut self.last, timeline.last()),
        ] {
            out.clear();
            if let Some(d) = d {
                super::json::push_day(out, d);
            }
        }
        self.timeline.clear();
        super::json::push_timeline(&mut self.timeline, timeline);
        self
    }
}

/// One row per node.
pub fn write_nodes<W: Write + Send>(
    out: W,
    graph: &EntityGraph,
    options: ExportOptions,
) -> io::Result<()> {
    write_nodes_in(out, graph, options, ROWS_PER_TASK)
}

/// [`write_nodes`], the rows put together `chunk` nodes at a time (see [`write_in_chunks`]).
fn write_nodes_in<W: Write + Send>(
    out: W,
    graph: &EntityGraph,
    options: ExportOptions,
    chunk: usize,
) -> io::Result<()> {
    let nodes = graph.graph.raw_nodes();
    write_in_chunks(out, &NODES_HEADER, nodes.len(), chunk, |range, csv| {
        let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
        let (mut seen, mut aliases) = (Seen::default(), String::new());
        for node in nodes[range].iter().map(|n| &n.weight) {
            let seen = seen.of(&node.timeline);
            join_aliases(&mut aliases, &node.aliases);
            row_with(
                csv,
                &[
                    &node.id,
                    &options.csv_cell(&node.label),
                    node.entity_type.as_str(),
                    a.format(node.mentions),
                    b.format(node.documents),
                    &options.csv_cell(&aliases),
                ],
                &[&seen.first, &seen.last, &seen.timeline],
            )?;
        }
        Ok(())
    })
}

/// Puts a node's aliases in `out` (cleared first), separated by [`ALIAS_SEPARATOR`]:
/// `aliases.join(ALIAS_SEPARATOR)` without a new string for every node.
pub fn join_aliases(out: &mut String, aliases: &[String]) {
    out.clear();
    for (i, alias) in aliases.iter().enumerate() {
        if i > 0 {
            out.push_str(ALIAS_SEPARATOR);
        }
        out.push_str(alias);
    }
}

/// One row per edge; `evidence` is an example sentence for typed edges (a
/// co-mention's sentences are reached through `evidence.csv`).
pub fn write_edges<W: Write + Send>(
    out: W,
    graph: &EntityGraph,
    options: ExportOptions,
) -> io::Result<()> {
    write_edges_in(out, graph, options, ROWS_PER_TASK)
}

/// [`write_edges`], the rows put together `chunk` edges at a time (see [`write_in_chunks`]).
fn write_edges_in<W: Write + Send>(
    out: W,
    graph: &EntityGraph,
    options: ExportOptions,
    chunk: usize,
) -> io::Result<()> {
    let (nodes, edges) = (graph.graph.raw_nodes(), graph.graph.raw_edges());
    write_in_chunks(out, &EDGES_HEADER, edges.len(), chunk, |range, csv| {
        let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
        let mut seen = Seen::default();
        for e in &edges[range] {
            let (source, target) = (&nodes[e.source().index()], &nodes[e.target().index()]);
            let (source, target, edge) = (&source.weight, &target.weight, &e.weight);
            let seen = seen.of(&edge.timeline);
            let ty = if edge.kind.is_directed() {
                "Directed"
            } else {
                "Undirected"
            };
            row_with(
                csv,
                &[
                    &source.id,
                    &target.id,
                    ty,
                    edge.kind.as_str(),
                    a.format(edge.weight),
                    b.format(edge.documents),
                    &options.csv_cell(&edge.role),
                    &options.csv_cell(edge.example()),
                ],
                &[&seen.first, &seen.last, &seen.timeline],
            )?;
        }
        Ok(())
    })
}

/// Rows of `nodes.csv` and `edges.csv` that one task puts together.
const ROWS_PER_TASK: usize = 2048;

/// Tasks whose rows are put together at once, while those before them are written:
/// with [`ROWS_PER_TASK`], a megabyte or two.
const TASKS_AT_ONCE: usize = 8;

/// Writes `header`, then the rows of items `0..n`, which `rows` puts together for a
/// range of `chunk` of them at a time. The ranges are put together on every core,
/// [`TASKS_AT_ONCE`] at a time, and written in order while the next are put
/// together: the bytes are those of one pass over the items.
fn write_in_chunks<W: Write + Send>(
    mut out: W,
    header: &[&str],
    n: usize,
    chunk: usize,
    rows: impl Fn(Range<usize>, &mut Rows<Vec<u8>>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let mut csv = writer(Vec::new());
    row(&mut csv, header)?;
    out.write_all(&csv.out)?;
    let chunk = chunk.max(1);
    let starts: Vec<usize> = (0..n).step_by(chunk).collect();
    let put_together = |tasks: &[usize]| -> Vec<io::Result<Vec<u8>>> {
        (tasks.par_iter())
            .map(|&at| {
                let mut csv = writer(Vec::new());
                rows(at..n.min(at + chunk), &mut csv)?;
                Ok(csv.out)
            })
            .collect()
    };
    let write = |out: &mut W, parts: Vec<io::Result<Vec<u8>>>| {
        parts.into_iter().try_for_each(|part| out.write_all(&part?))
    };
    let mut ready = Vec::new();
    for tasks in starts.chunks(TASKS_AT_ONCE) {
        let (written, next) = rayon::join(|| write(&mut out, ready), || put_together(tasks));
        written?;
        ready = next;
    }
    write(&mut out, ready)?;
    out.flush()
}

/// A table written row by row while the corpus streams through.
pub struct TableWriter<W: Write> {
    csv: Rows<W>,
    options: ExportOptions,
}

impl<W: Write> TableWriter<W> {
    /// Starts a table with its header.
    pub fn new(out: W, header: &[&str], options: ExportOptions) -> io::Result<TableWriter<W>> {
        let mut csv = writer(out);
        row(&mut csv, header)?;
        Ok(TableWriter { csv, options })
    }

    /// A `mentions.csv` row.
    #[allow(clippy::too_many_arguments)]
    pub fn mention(
        &mut self,
        doc: &str,
        start: usize,
        end: usize,
        text: &str,
        entity: &str,
        entity_type: &str,
        sentence: usize,
    ) -> io::Result<()> {
        let mut a = itoa::Buffer::new();
        let mut b = itoa::Buffer::new();
        let mut c = itoa::Buffer::new();
        row(
            &mut self.csv,
            &[
                &self.options.csv_cell(doc),
                a.format(start),
                b.format(end),
                &self.options.csv_cell(text),
                entity,
                entity_type,
                c.format(sentence),
            ],
        )
    }

    /// An `evidence.csv` row.
    pub fn evidence(
        &mut self,
        source: &str,
        target: &str,
        kind: RelationKind,
        doc: &str,
        sentence: usize,
        rule: &str,
    ) -> io::Result<()> {
        let mut a = itoa::Buffer::new();
        row(
            &mut self.csv,
            &[
                source,
                target,
                kind.as_str(),
                &self.options.csv_cell(doc),
                a.format(sentence),
                rule,
            ],
        )
    }

    /// A `sentences.csv` row.
    pub fn sentence(
        &mut self,
        doc: &str,
        sentence: usize,
        start: usize,
        end: usize,
        text: &str,
    ) -> io::Result<()> {
        let mut a = itoa::Buffer::new();
        let mut b = itoa::Buffer::new();
        let mut c = itoa::Buffer::new();
        row(
            &mut self.csv,
            &[
                &self.options.csv_cell(doc),
                a.format(sentence),
                b.format(start),
                c.format(end),
                &self.options.csv_cell(text),
            ],
        )
    }

    /// Appends `text` to `line` as a text cell of this table (see [`Self::write_line`]).
    pub fn push_text_cell(&self, line: &mut Vec<u8>, text: &str) {
        push_field(line, &self.options.csv_cell(text));
    }

    /// Writes a row made by hand: cells that are [`is_plain`] or made by
    /// [`Self::push_text_cell`], separated by `,` and ended by `\n`.
    pub fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        self.csv.out.write_all(line)
    }

    /// Flushes the table and hands back its writer.
    pub fn finish(self) -> io::Result<W> {
        self.csv.into_inner()
    }
}

impl<W: Write> TableWriter<Counted<W>> {
    /// The byte offset in the table where the next row starts.
    pub fn position(&mut self) -> io::Result<u64> {
        Ok(self.csv.out.written)
    }
}

/// A writer that counts the bytes written through it, so that a table can tell where
/// each of its rows starts. Its `flush` only hands the table's buffered bytes on, and
/// leaves the inner writer's buffer be: [`Counted::into_inner`] flushes that.
pub struct Counted<W: Write> {
    inner: W,
    written: u64,
}

impl<W: Write> Counted<W> {
    pub fn new(inner: W) -> Counted<W> {
        Counted { inner, written: 0 }
    }

    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Flushes the inner writer and hands it back.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `\n` line ends everywhere.
fn writer<W: Write>(out: W) -> Rows<W> {
    Rows {
        out,
        line: Vec::new(),
    }
}

/// Writes CSV rows as the csv crate's writer does with its defaults and `\n` line
/// ends: a field is quoted only when it holds `,`, `"`, `\r` or `\n`, with its quotes
/// doubled, and a row of one empty field is `""`. Each row goes to `out` in one write.
struct Rows<W: Write> {
    out: W,
    line: Vec<u8>,
}

impl<W: Write> Rows<W> {
    fn into_inner(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One row of `fields`, each [`clean`]ed.
fn row<W: Write>(csv: &mut Rows<W>, fields: &[&str]) -> io::Result<()> {
    row_with(csv, fields, &[])
}

/// [`row`] of `fields` then `plain`, fields known to be written as they are
/// ([`is_plain`]: days and timelines), which are not looked at.
fn row_with<W: Write>(csv: &mut Rows<W>, fields: &[&str], plain: &[&str]) -> io::Result<()> {
    let line = &mut csv.line;
    line.clear();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        push_field(line, field);
    }
    for field in plain {
        debug_assert!(is_plain(field));
        line.push(b',');
        line.extend_from_slice(field.as_bytes());
    }
    if let ([""], []) = (fields, plain) {
        line.extend_from_slice(b"\"\"");
    }
    line.push(b'\n');
    csv.out.write_all(line)
}

/// Whether a field is written as it is, neither cleaned nor quoted.
pub fn is_plain(field: &str) -> bool {
    !may_need_care(field.as_bytes())
}

/// Appends one cleaned field, quoted when it must be. The bytes that matter are
/// found with `memchr` (vector scans), since sentences hold commas and a few quotes.
fn push_field(line: &mut Vec<u8>, field: &str) {
    if !may_need_care(field.as_bytes()) {
        line.extend_from_slice(field.as_bytes());
        return;
    }
    let field = clean(field);
    let bytes = field.as_bytes();
    let special = memchr::memchr3(b',', b'"', b'\n', bytes).is_some();
    if !special && memchr::memchr(b'\r', bytes).is_none() {
        line.extend_from_slice(bytes);
        return;
    }
    line.reserve(bytes.len() + 2);
    line.push(b'"');
    let mut from = 0;
    for quote in memchr::memchr_iter(b'"', bytes) {
        line.extend_from_slice(&bytes[from..=quote]);
        line.push(b'"');
        from = quote + 1;
    }
    line.extend_from_slice(&bytes[from..]);
    line.push(b'"');
}

/// Puts `field` in `line` as a table writes a cell (cleaned, quoted if it must be).
pub fn push_cell(line: &mut Vec<u8>, field: &str) {
    push_field(line, field)
}

/// Whether a field could need cleaning or quotes: [`may_need_cleaning`]'s bytes, `,`
/// and `"` (a table lookup per byte, eight bytes at a time).
fn may_need_care(bytes: &[u8]) -> bool {
    const CARE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xef || b == 0x2c || b == 0x22;
            b += 1;
        }
        table
    };
    let mut blocks = bytes.chunks_exact(8);
    let any = |block: &[u8]| block.iter().fold(false, |any, &b| any | CARE[b as usize]);
    blocks.any(any) || any(blocks.remainder())
}

/// Replaces control characters other than `\n` and `\t` (C0, DEL, C1, and so `\r`) and
/// the two characters XML forbids besides them (U+FFFE, U+FFFF) with a space; everything
/// else stays verbatim. GraphML applies the same rule, so labels agree across files.
pub fn clean(text: &str) -> Cow<'_, str> {
    let bad =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffe}' || c == '\u{ffff}';
    if !may_need_cleaning(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    if text.contains(bad) {
        Cow::Owned(text.chars().map(|c| if bad(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `clean` could change `bytes`, from their UTF-8 encoding alone: C0 controls
/// and DEL are single bytes, C1 controls start with 0xC2 0x80-0x9F, and U+FFFE and
/// U+FFFF with 0xEF 0xBF. A byte scan, since nearly every cell is clean: blocks of 16
/// bytes without a suspect byte are passed over at once (the compiler turns the block
/// test into a few vector instructions), and the exact test reads the rest.
fn may_need_cleaning(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    if blocks.any(|b| suspect_in(b.try_into().unwrap_or(&[0; 16]))) {
        return needs_cleaning(bytes);
    }
    let tail = blocks.remainder();
    let mut last = [b' '; 16];
    last[..tail.len()].copy_from_slice(tail);
    suspect_in(&last) && needs_cleaning(bytes)
}

/// Whether a block holds a byte that [`needs_cleaning`] looks at twice.
fn suspect_in(block: &[u8; 16]) -> bool {
    // Bitwise, not `||`: without branches the compiler tests all 16 bytes at once.
    let suspect =
        |b: u8| (b < 0x20) as u8 | (b == 0x7f) as u8 | (b == 0xc2) as u8 | (b == 0xef) as u8;
    block.iter().fold(0, |any, &b| any | suspect(b)) != 0
}

/// The exact test of [`may_need_cleaning`].
fn needs_cleaning(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xef => bytes.get(i + 1) == Some(&0xbf),
        _ => false,
    })
}

/// A spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that starts with `=`,
/// `+`, `-` or `@` as a formula, and also one that starts with a tab or carriage
/// return followed by one (OWASP, "CSV Injection"). Such a text cell gets a leading `'`,
/// which spreadsheets show as text and do not display. A plain number (`-12`, `+3.5`)
/// is left as it is: it is no formula, and numbers stay numbers. For text columns only;
/// `--csv-raw` turns it off for DuckDB and pandas.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') if !is_plain_number(text) => {
            Cow::Owned(format!("'{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// `-12`, `+3.5`, `7`: an optional sign, digits, an optional fraction.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`push_field`] as it was written before its vector scans.
    fn push_field_bytewise(line: &mut Vec<u8>, field: &str) {
        let care = |b: &u8| *b < 0x20 || matches!(*b, 0x7f | 0xc2 | 0xef | b',' | b'"');
        if !field.as_bytes().iter().any(care) {
            line.extend_from_slice(field.as_bytes());
            return;
        }
        let field = clean(field);
        let bytes = field.as_bytes();
        if !bytes
            .iter()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        {
            line.extend_from_slice(bytes);
            return;
        }
        line.push(b'"');
        for (i, part) in bytes.split(|&b| b == b'"').enumerate() {
            if i > 0 {
                line.extend_from_slice(b"\"\"");
            }
            line.extend_from_slice(part);
        }
        line.push(b'"');
    }

    proptest::proptest! {
        #[test]
        fn fields_are_pushed_as_the_bytewise_scan_pushed_them(
            field in "([a-z ,\"\r\n\t\u{0}\u{7f}\u{85}\u{a0}\u{feff}\u{ffff}é’]{0,40})"
        ) {
            let (mut fast, mut slow) = (b"x,".to_vec(), b"x,".to_vec());
            push_field(&mut fast, &field);
            push_field_bytewise(&mut slow, &field);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn long_fields_with_quotes_anywhere_are_pushed_as_before() {
        let base = "Kerry said, \"we met\" in Geneva\u{85} \"\"".repeat(5);
        for cut in 0..base.len() {
            let Some(field) = base.get(cut..) else {
                continue;
            };
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            push_field(&mut fast, field);
            push_field_bytewise(&mut slow, field);
            assert_eq!(fast, slow, "{field:?}");
        }
    }

    #[test]
    fn rows_made_by_hand_read_as_written_rows() {
        for options in [ExportOptions::default(), ExportOptions { csv_raw: true }] {
            for doc in ["d1", "=cmd,\"x\"", "tab\there", "a\u{85}b"] {
                let mut table = TableWriter::new(Vec::new(), &["h"], options).unwrap();
                table
                    .evidence("kerry", "lavrov", RelationKind::Meets, doc, 3, "met-verb")
                    .unwrap();
                let mut line = b"kerry,lavrov,meets,".to_vec();
                table.push_text_cell(&mut line, doc);
                line.extend_from_slice(b",3,met-verb\n");
                table.write_line(&line).unwrap();
                table.mention("d", 1, 5, doc, "kerry", "person", 2).unwrap();
                let mut line = b"d,1,5,".to_vec();
                table.push_text_cell(&mut line, doc);
                line.extend_from_slice(b",kerry,person,2\n");
                table.write_line(&line).unwrap();
                let out = String::from_utf8(table.finish().unwrap()).unwrap();
                let rows: Vec<&str> = out.lines().skip(1).collect();
                assert_eq!(rows.len(), 4, "{out:?}");
                assert_eq!(rows[0], rows[1], "{doc:?}");
                assert_eq!(rows[2], rows[3], "{doc:?}");
            }
        }
        assert!(is_plain("kerry-person-2") && is_plain("co-mention"));
        assert!(!is_plain("a,b") && !is_plain("say \"x\"") && !is_plain("a\rb"));
    }

    #[test]
    fn headers_do_not_repeat_ignoring_case() {
        let headers: [&[&str]; 5] = [
            &NODES_HEADER,
            &EDGES_HEADER,
            &MENTIONS_HEADER,
            &EVIDENCE_HEADER,
            &SENTENCES_HEADER,
        ];
        for header in headers {
            let mut seen: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), header.len(), "{header:?}");
        }
    }

    #[test]
    fn the_byte_scan_finds_every_character_clean_replaces() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let bad = clean(&text) != text.as_str();
            assert!(!bad || may_need_care(text.as_bytes()), "U+{:04X}", c as u32);
            assert!(
                !bad || may_need_cleaning(text.as_bytes()),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn clean_replaces_controls_but_keeps_newlines_and_tabs() {
        assert_eq!(clean("a\0b\r\nc\td\u{7f}e\u{85}f"), "a b \nc\td e f");
        assert!(matches!(clean("São Paulo \u{202e}"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_block_scan_agrees_with_the_exact_test_everywhere() {
        for odd in [
            "\r", "\u{85}", "\u{ffff}", "\u{a9}", "\u{fffd}", "\n", "\u{7f}",
        ] {
            for at in 0..40 {
                let text = format!("{}{odd}{}", "a".repeat(at), "b".repeat(40 - at));
                let b = text.as_bytes();
                assert_eq!(may_need_cleaning(b), needs_cleaning(b), "{odd:?} at {at}");
            }
        }
        assert!(may_need_cleaning(
            format!("{}\r", "x".repeat(33)).as_bytes()
        ));
        assert!(!may_need_cleaning(
            "São Paulo © 2020, a long clean cell".as_bytes()
        ));
    }

    #[test]
    fn positions_are_where_rows_start() {
        let mut table = TableWriter::new(
            Counted::new(Vec::new()),
            &SENTENCES_HEADER,
            ExportOptions::default(),
        )
        .unwrap();
        let first = table.position().unwrap();
        table.sentence("d1", 0, 0, 9, "Kerry met\nLavrov.").unwrap();
        let second = table.position().unwrap();
        table.sentence("d1", 3, 20, 30, "He left.").unwrap();
        let out = table.finish().unwrap().into_inner().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(&text[..first as usize], "doc,sentence,start,end,text\n");
        assert_eq!(
            &text[first as usize..second as usize],
            "d1,0,0,9,\"Kerry met\nLavrov.\"\n"
        );
        assert_eq!(&text[second as usize..], "d1,3,20,30,He left.\n");
    }

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let odd = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\r",
            "tab\tkept",
            "bell\u{7}",
            "\u{85}next",
            "São Paulo",
            "\u{ffff}",
            ",",
            "\"\"",
            " lead",
            "#x",
        ];
        let long: Vec<String> = odd
            .iter()
            .map(|f| format!("{}{f}{}", "x".repeat(20), "y".repeat(9)))
            .collect();
        let mut rows: Vec<Vec<&str>> = vec![vec![""], vec!["", ""], odd.to_vec()];
        rows.push(long.iter().map(String::as_str).collect());
        for a in odd {
            rows.push(vec![a, "1", a]);
        }
        let mut ours = Vec::new();
        let mut theirs = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        {
            let mut csv = writer(&mut ours);
            for fields in &rows {
                row(&mut csv, fields).unwrap();
                let cleaned: Vec<String> = fields.iter().map(|f| clean(f).into_owned()).collect();
                theirs.write_record(&cleaned).unwrap();
            }
        }
        let theirs = theirs.into_inner().unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    /// `nodes.csv` and `edges.csv` as they were written before their rows were put
    /// together in chunks: one pass, one row after another.
    fn graph_tables_serially(graph: &EntityGraph, options: ExportOptions) -> [Vec<u8>; 2] {
        let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
        let mut seen = Seen::default();
        let mut nodes = writer(Vec::new());
        row(&mut nodes, &NODES_HEADER).unwrap();
        let mut aliases = String::new();
        for node in graph.nodes() {
            let seen = seen.of(&node.timeline);
            join_aliases(&mut aliases, &node.aliases);
            let label = options.csv_cell(&node.label);
            let (m, d) = (a.format(node.mentions), b.format(node.documents));
            let aliases = options.csv_cell(&aliases);
            let fields = [
                &node.id[..],
                &label,
                node.entity_type.as_str(),
                m,
                d,
                &aliases,
            ];
            row_with(
                &mut nodes,
                &fields,
                &[&seen.first, &seen.last, &seen.timeline],
            )
            .unwrap();
        }
        let mut edges = writer(Vec::new());
        row(&mut edges, &EDGES_HEADER).unwrap();
        for (source, target, edge) in graph.edges() {
            let seen = seen.of(&edge.timeline);
            let ty = ["Undirected", "Directed"][edge.kind.is_directed() as usize];
            let (w, d) = (a.format(edge.weight), b.format(edge.documents));
            let (role, example) = (
                options.csv_cell(&edge.role),
                options.csv_cell(edge.example()),
            );
            let fields = [
                &source.id[..],
                &target.id,
                ty,
                edge.kind.as_str(),
                w,
                d,
                &role,
                &example,
            ];
            row_with(
                &mut edges,
                &fields,
                &[&seen.first, &seen.last, &seen.timeline],
            )
            .unwrap();
        }
        [nodes.out, edges.out]
    }

    #[test]
    fn graph_tables_in_chunks_are_the_tables_of_one_pass() {
        let graphs = [
            EntityGraph::default(),
            crate::export::tests::awkward_graph(),
        ];
        for (graph, csv_raw) in graphs.iter().flat_map(|g| [(g, false), (g, true)]) {
            let options = ExportOptions { csv_raw };
            let want = graph_tables_serially(graph, options);
            assert!(graph.graph.edge_count() == 0 || want[1].len() > 2000);
            for chunk in [0, 1, 2, 3, 7, 38, 39, ROWS_PER_TASK] {
                let (mut nodes, mut edges) = (Vec::new(), Vec::new());
                write_nodes_in(&mut nodes, graph, options, chunk).unwrap();
                write_edges_in(&mut edges, graph, options, chunk).unwrap();
                let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                assert_eq!(text(&nodes), text(&want[0]), "chunk {chunk}, raw {csv_raw}");
                assert_eq!(text(&edges), text(&want[1]), "chunk {chunk}, raw {csv_raw}");
            }
        }
    }

    #[test]
    fn fields_with_newlines_and_quotes_are_quoted() {
        let mut out = Vec::new();
        {
            let mut csv = writer(&mut out);
            row(&mut csv, &["a\nb", "say \"hi\"", "x,y", "plain"]).unwrap();
            csv.out.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a\nb\",\"say \"\"hi\"\"\",\"x,y\",plain\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"click\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "-",
            "=",
            "- Kerry said",
        ] {
            assert_eq!(
                spreadsheet_safe(formula),
                format!("'{formula}"),
                "{formula:?}"
            );
        }
        for plain in [
            "",
            "John Kerry",
            "12",
            "-12",
            "+3.5",
            "0.25",
            " =not first",
            "'quoted",
            "São",
        ] {
            assert!(
                matches!(spreadsheet_safe(plain), Cow::Borrowed(_)),
                "{plain:?}"
            );
        }
        for not_number in ["-1.", "-.5", "--1", "-1e3", "+"] {
            assert_eq!(spreadsheet_safe(not_number), format!("'{not_number}"));
        }
    }
}
