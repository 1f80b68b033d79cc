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

use super::gexf::{hex, kind_rgb, node_size, type_rgb};
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
/// timelines of every node and edge hold many days.
pub fn push_day(out: &mut String, day: Day) {
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

/// A JSON string literal. serde_json escapes quotes, backslashes and control
/// characters; `<`, `>` and `&` are escaped too, so the text can sit inside an HTML
/// `<script>` element as it is, and U+2028/U+2029 so that older JavaScript parsers
/// read it.
pub fn string(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string());
    // '<', '>', '&', and the lead byte of U+2028 and U+2029.
    let maybe = |b: &u8| matches!(b, b'<' | b'>' | b'&' | 0xe2);
    if !json.as_bytes().iter().any(maybe) || !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}'])
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
            string(&node.aliases.join(super::csv::ALIAS_SEPARATOR)),
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
