//! `graph.json`: graphology's serialisation format, which sigma.js, Gephi Lite and
//! `Graph.from` read as it is.
//!
//! The graph is `mixed` (typed relations are directed, co-mentions, meetings and links
//! are not) and `multi` (a co-mention and a typed relation may join the same pair).
//! Attributes are flat scalars, so that table views (Gephi Lite's data laboratory) show
//! them: `aliases` is `|`-separated as in `nodes.csv`, and `timeline` is
//! `2016-09-09:3|2016-09-10:1` (mentions or supporting sentences per day; empty when
//! undated). Nodes also carry `label`, `color` and `size`, the attributes sigma draws.

use std::io::{self, Write};

use super::gexf::{kind_rgb, type_rgb};
use crate::model::{Day, EntityGraph, Timeline};

/// `2016-09-09:3|2016-09-10:1`: the `timeline` column and attribute.
pub fn timeline_text(timeline: &Timeline) -> String {
    let mut out = String::with_capacity(timeline.0.len() * 14);
    push_timeline(&mut out, timeline);
    out
}

/// Appends [`timeline_text`] to `out`.
pub fn push_timeline(out: &mut String, timeline: &Timeline) {
    let mut number = itoa::Buffer::new();
    for (i, &(day, count)) in timeline.0.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        push_day(out, day);
        out.push(':');
        out.push_str(number.format(count));
    }
}

/// Appends `day` as it displays (`2016-09-09`), without the formatting machinery: the
/// timelines of every node and edge hold many days. The days of [`DAY_TABLE`] are
/// written once, then copied.
pub fn push_day(out: &mut String, day: Day) {
    match day_text(day) {
        Some(text) => out.push_str(text),
        None => format_day(out, day),
    }
}

/// The days [`push_day`] copies from a table: 1970 to 2069.
const DAY_TABLE: std::ops::Range<i32> = 0..36_524;

/// `day` as it displays, from a table made at the first call, if it is in [`DAY_TABLE`].
fn day_text(day: Day) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if !DAY_TABLE.contains(&day.0) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        let mut table = String::with_capacity(DAY_TABLE.len() * 10);
        DAY_TABLE.for_each(|n| format_day(&mut table, Day(n)));
        table
    });
    let at = (day.0 - DAY_TABLE.start) as usize * 10;
    table.get(at..at + 10)
}

/// [`push_day`], worked out.
fn format_day(out: &mut String, day: Day) {
    let (y, m, d) = day.ymd();
    if !(0..=9999).contains(&y) || !(0..=99).contains(&m) || !(0..=99).contains(&d) {
        use std::fmt::Write as _;
        let _ = write!(out, "{day}");
        return;
    }
    let digit = |v: i32| b'0' + v as u8;
    let text = [
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ];
    out.reserve(text.len());
    text.iter().for_each(|&b| out.push(char::from(b)));
}

/// A JSON string literal: quotes, backslashes and control characters are escaped as
/// serde_json escapes them (`\n`, `\t`, `\r`, `\b`, `\f`, else `\u00XX`); `<`, `>` and
/// `&` are escaped too, so the text can sit inside an HTML `<script>` element as it
/// is, and U+2028/U+2029 so that older JavaScript parsers read it.
pub fn string(value: &str) -> String {
    let mut out = Vec::with_capacity(value.len() + 2);
    push_string(&mut out, value);
    // Only ASCII escapes are added to valid UTF-8, between whole characters.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends [`string`]`(value)` to `out`.
pub fn push_string(out: &mut Vec<u8>, value: &str) {
    // Bytes that may need an escape: controls, '"', '\\', '<', '>', '&', and the lead
    // byte of U+2028 and U+2029.
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = b < 0x20 || matches!(b as u8, b'"' | b'\\' | b'<' | b'>' | b'&' | 0xe2);
            b += 1;
        }
        table
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        // Eight plain bytes are passed over at once (nearly every text is plain).
        if let Some(block) = bytes.get(i..i + 8) {
            if !block
                .iter()
                .fold(false, |any, &b| any | SPECIAL[b as usize])
            {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if !SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'<' => b"\\u003c",
            b'>' => b"\\u003e",
            b'&' => b"\\u0026",
            0xe2 => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0xa8]) => b"\\u2028",
                Some([0x80, 0xa9]) => b"\\u2029",
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ],
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escape);
        i += if b == 0xe2 { 3 } else { 1 };
        from = i;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// Writes the whole graph in graphology's serialisation format, one node or edge a line.
pub fn write_json<W: Write>(mut out: W, graph: &EntityGraph) -> io::Result<()> {
    writeln!(
        out,
        "{{\"attributes\":{{\"name\":\"ergraph\"}},\"options\":{{\"type\":\"mixed\",\"multi\":true,\"allowSelfLoops\":false}},"
    )?;
    writeln!(out, "\"nodes\":[")?;
    // Each node and edge is put together as bytes and written at once, without the
    // formatting machinery.
    let (mut line, mut text) = (Vec::with_capacity(1 << 12), String::new());
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    let mut sizes = super::gexf::Sizes::default();
    for (i, node) in graph.nodes().enumerate() {
        line.clear();
        if i > 0 {
            line.push(b',');
        }
        line.extend_from_slice(b"{\"key\":");
        push_string(&mut line, &node.id);
        line.extend_from_slice(b",\"attributes\":{\"label\":");
        push_string(&mut line, &node.label);
        line.extend_from_slice(b",\"entity_type\":\"");
        line.extend_from_slice(node.entity_type.as_str().as_bytes());
        line.extend_from_slice(b"\",\"mentions\":");
        line.extend_from_slice(a.format(node.mentions).as_bytes());
        line.extend_from_slice(b",\"documents\":");
        line.extend_from_slice(b.format(node.documents).as_bytes());
        line.extend_from_slice(b",\"aliases\":");
        super::csv::join_aliases(&mut text, &node.aliases);
        push_string(&mut line, &text);
        push_times(&mut line, &mut text, &node.timeline);
        line.extend_from_slice(b",\"color\":\"");
        push_hex(&mut line, type_rgb(node.entity_type));
        line.extend_from_slice(b"\",\"size\":");
        line.extend_from_slice(sizes.get(node.mentions).as_bytes());
        line.extend_from_slice(b"}}\n");
        out.write_all(&line)?;
    }
    writeln!(out, "],\n\"edges\":[")?;
    for (i, (source, target, edge)) in graph.edges().enumerate() {
        line.clear();
        if i > 0 {
            line.push(b',');
        }
        line.extend_from_slice(b"{\"key\":\"e");
        line.extend_from_slice(a.format(i).as_bytes());
        line.extend_from_slice(b"\",\"source\":");
        push_string(&mut line, &source.id);
        line.extend_from_slice(b",\"target\":");
        push_string(&mut line, &target.id);
        line.extend_from_slice(match edge.kind.is_directed() {
            true => b",\"undirected\":false,\"attributes\":{\"kind\":\"",
            false => b",\"undirected\":true,\"attributes\":{\"kind\":\"",
        });
        line.extend_from_slice(edge.kind.as_str().as_bytes());
        line.extend_from_slice(b"\",\"weight\":");
        line.extend_from_slice(a.format(edge.weight).as_bytes());
        line.extend_from_slice(b",\"documents\":");
        line.extend_from_slice(b.format(edge.documents).as_bytes());
        line.extend_from_slice(b",\"role\":");
        push_string(&mut line, &edge.role);
        line.extend_from_slice(b",\"evidence\":");
        push_string(&mut line, edge.example());
        push_times(&mut line, &mut text, &edge.timeline);
        line.extend_from_slice(b",\"color\":\"");
        push_hex(&mut line, kind_rgb(edge.kind));
        line.extend_from_slice(b"\"}}\n");
        out.write_all(&line)?;
    }
    writeln!(out, "]}}")?;
    out.flush()
}

/// `,"first_seen":…,"last_seen":…,"timeline":…` of a timeline; `text` is scratch.
fn push_times(line: &mut Vec<u8>, text: &mut String, timeline: &Timeline) {
    line.extend_from_slice(b",\"first_seen\":");
    push_day_or_null(line, text, timeline.first());
    line.extend_from_slice(b",\"last_seen\":");
    push_day_or_null(line, text, timeline.last());
    line.extend_from_slice(b",\"timeline\":");
    text.clear();
    push_timeline(text, timeline);
    push_string(line, text);
}

/// A day as a JSON string, or `null`; `text` is scratch.
fn push_day_or_null(line: &mut Vec<u8>, text: &mut String, day: Option<Day>) {
    match day {
        Some(d) => {
            text.clear();
            push_day(text, d);
            line.push(b'"');
            line.extend_from_slice(text.as_bytes());
            line.push(b'"');
        }
        None => line.extend_from_slice(b"null"),
    }
}

/// `#rrggbb`, as [`super::gexf::hex`] writes it.
pub(super) fn push_hex(line: &mut Vec<u8>, (r, g, b): (u8, u8, u8)) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    line.push(b'#');
    for v in [r, g, b] {
        line.push(HEX[(v >> 4) as usize]);
        line.push(HEX[(v & 0xf) as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_pushed_as_they_display() {
        let days = (-800_000..3_000_000)
            .step_by(997)
            .chain([0, 10_956, 19_000, -1]);
        for n in days {
            let mut out = String::from("x");
            push_day(&mut out, Day(n));
            assert_eq!(out, format!("x{}", Day(n)), "{n}");
        }
        // Every day of the table, and those just outside it.
        for n in DAY_TABLE.start - 2..DAY_TABLE.end + 2 {
            let mut out = String::new();
            push_day(&mut out, Day(n));
            assert_eq!(out, Day(n).to_string(), "{n}");
        }
    }

    #[test]
    fn strings_are_json_and_safe_inside_a_script_element() {
        let hostile = "</script><!-- \"q\" \\ \n\t\u{0} & \u{2028} \u{202e}x";
        let s = string(hostile);
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        assert!(!s.contains('\u{2028}'));
        for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!string(&format!("a{c}b")).contains(c), "{c:?}");
        }
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn timelines_print_day_and_count() {
        let mut t = Timeline::default();
        t.add(Day::parse("2016-09-10").unwrap(), 1);
        t.add(Day::parse("2016-09-09").unwrap(), 3);
        assert_eq!(timeline_text(&t), "2016-09-09:3|2016-09-10:1");
        assert_eq!(timeline_text(&Timeline::default()), "");
    }
}
