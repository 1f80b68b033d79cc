//! The analyst's views: graph.gexf, graph.json, graph.html, `ergraph filter` and dates.
//!
//! The headless-browser test of graph.html runs `scripts/check_html.mjs` (Node,
//! playwright-core from .ci/node, Debian's chromium): without them it prints a note and
//! passes, and with `ERGRAPH_REAL_TOOLS=1` (as `.ci/run` sets it) it fails instead.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ergraph::export::{gexf::write_gexf, html::write_html, json::write_json};
use ergraph::{build_graph, Day, Document, EntityGraph};

// ---------------------------------------------------------------- helpers

fn ergraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ergraph"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    ergraph()
        .args(args)
        .current_dir(repo())
        .output()
        .expect("ergraph runs")
}

fn ok(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "ergraph failed: {stderr}");
    stderr
}

/// Rows of a CSV file as maps from column name to value.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut rdr =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    rdr.records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        source: format!("{id}.txt"),
        text: text.into(),
        date: None,
    }
}

const TEXT: &str =
    "U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva. \
    Kerry and Lavrov discussed Syria. Russia supports Syrian President Bashar al-Assad.";

fn small_graph() -> EntityGraph {
    build_graph(vec![
        doc("a", TEXT),
        doc("b", "John Kerry spoke in Geneva about Syria."),
    ])
}

fn gexf(graph: &EntityGraph) -> String {
    let mut out = Vec::new();
    write_gexf(&mut out, graph).unwrap();
    String::from_utf8(out).unwrap()
}

fn json(graph: &EntityGraph) -> serde_json::Value {
    let mut out = Vec::new();
    write_json(&mut out, graph).unwrap();
    serde_json::from_slice(&out).expect("graph.json is JSON")
}

fn html(graph: &EntityGraph, tables: &Path) -> String {
    let mut out = Vec::new();
    write_html(&mut out, graph, tables).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every element and attribute of an XML text, read with quick-xml (fails on bad XML).
fn xml_attributes(xml: &str) -> Vec<(String, String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                    let value = a.unescape_value().expect("escaped value").into_owned();
                    found.push((name.clone(), key, value));
                }
            }
            _ => {}
        }
    }
    found
}

/// The JSON inside the page's `<script type="application/json">`.
fn page_data(page: &str) -> serde_json::Value {
    let start =
        page.find("id=\"ergraph-data\">").expect("data element") + "id=\"ergraph-data\">".len();
    let end = start + page[start..].find("</script>").expect("end of data");
    serde_json::from_str(&page[start..end]).expect("page data is JSON")
}

const HOSTILE: &str = "</script><script>alert(1)</script><!-- \"q\" 'a' \\ & <b>\u{0}\u{1}\u{b}\r\n\t\u{202e}RTL \u{2028} \u{fffe}";

// ---------------------------------------------------------------- writers

/// Builds `docs` into `out` as the command does; returns the graph.
fn build_folder(docs: Vec<Document>, out: &Path) -> EntityGraph {
    use ergraph::pipeline::build_into;
    fs::create_dir_all(out).unwrap();
    let docs = docs.into_iter().map(Ok);
    let lex = ergraph::lexicon::Lexicon::builtin();
    let options = ergraph::export::ExportOptions::default();
    let (graph, _, _) =
        build_into(docs, lex, out, &mut |e| panic!("{e}"), &|_| {}, options).unwrap();
    graph
}

#[test]
fn the_page_a_build_writes_quotes_the_evidence_the_tables_hold() {
    // Sentences with quotes and commas, one sentence behind several edges, and more
    // sentences for an edge than the page shows (five: "day 5" is none's first five).
    let mut texts = vec![
        "John Kerry met Sergei Lavrov in Geneva, \"at last\", said Ban Ki-moon.".to_string(),
        "Kerry and Lavrov spoke;\nBan Ki-moon and Kerry, too.".to_string(),
    ];
    for i in 0..8 {
        texts.push(format!("Kerry met Lavrov again in Vienna on day {i}."));
    }
    for ids in [["a", "b"], ["-a", "b"]] {
        // "-a" is written "'-a" in the tables: the page then reads them, as for any folder.
        let dir = tempfile::tempdir().unwrap();
        let docs = vec![
            doc(ids[0], &texts[..2].join(" ")),
            doc(ids[1], &texts[2..].join(" ")),
        ];
        let graph = build_folder(docs, dir.path());
        let written = fs::read_to_string(dir.path().join("graph.html")).unwrap();
        assert_eq!(written, html(&graph, dir.path()), "{ids:?}");
        assert!(written.contains("Ban Ki-moon and Kerry, too."), "{ids:?}");
        assert!(written.contains(r#"Geneva, \"at last\", said"#), "{ids:?}");
        assert!(written.contains("on day 4."), "{ids:?}");
        assert!(!written.contains("on day 5."), "{ids:?}");
    }
}

#[test]
fn hostile_labels_stay_text_in_gexf_json_and_html() {
    let mut graph = small_graph();
    let first = graph.graph.node_weights_mut().next().unwrap();
    first.label = HOSTILE.to_string();
    first.aliases = vec![HOSTILE.to_string(), "plain".to_string()];
    let id = first.id.clone();

    // GEXF: well-formed, and the label reads back with its markup as text and nothing
    // XML 1.0 forbids (those characters become spaces, as in graph.graphml).
    let xml = gexf(&graph);
    let labels: Vec<String> = xml_attributes(&xml)
        .into_iter()
        .filter(|(el, key, _)| el == "node" && key == "label")
        .map(|(_, _, v)| v)
        .collect();
    let label = labels
        .iter()
        .find(|l| l.starts_with("</script><script>alert(1)</script><!-- \"q\" 'a' \\ & <b>"))
        .unwrap_or_else(|| panic!("{labels:?}"));
    assert!(label.contains("\u{202e}RTL"), "{label:?}");
    assert!(
        !label.contains(['\0', '\u{1}', '\u{b}', '\u{fffe}']),
        "{label:?}"
    );

    // JSON: the label reads back exactly.
    let data = json(&graph);
    let node = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["key"] == id.as_str())
        .unwrap();
    assert_eq!(node["attributes"]["label"], HOSTILE);

    // HTML: the hostile text closes no element: only the page's own four scripts end.
    let dir = tempfile::tempdir().unwrap();
    let page = html(&graph, dir.path());
    assert_eq!(
        page.matches("</script>").count(),
        4,
        "a label closed a script element"
    );
    assert_eq!(page.matches("<script").count(), 4);
    assert!(!page.contains("<!-- \""));
    let data = page_data(&page);
    assert!(data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["label"] == HOSTILE && n["aliases"][0] == HOSTILE));
}

#[test]
fn undated_graph_is_static_without_time() {
    let graph = small_graph();
    let xml = gexf(&graph);
    assert!(xml.contains("mode=\"static\""));
    assert!(!xml.contains("timeformat") && !xml.contains("<spell"));
    let data = json(&graph);
    assert!(data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["attributes"]["first_seen"].is_null() && n["attributes"]["timeline"] == ""));
    let dir = tempfile::tempdir().unwrap();
    assert!(page_data(&html(&graph, dir.path()))["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["timeline"] == ""));
}

#[test]
fn dated_nodes_and_edges_get_spells_and_first_last_seen() {
    let mut graph = small_graph();
    let day = |s: &str| Day::parse(s).unwrap();
    for node in graph.graph.node_weights_mut() {
        node.timeline.add(day("2016-09-09"), 2);
        node.timeline.add(day("2016-09-10"), 1);
        node.timeline.add(day("2016-10-01"), 1);
    }
    for edge in graph.graph.edge_weights_mut() {
        edge.timeline.add(day("2016-09-10"), 1);
    }
    let xml = gexf(&graph);
    assert!(xml.contains("mode=\"dynamic\" timeformat=\"date\""));
    let attrs = xml_attributes(&xml);
    let spells: Vec<(String, String)> = attrs
        .iter()
        .filter(|(el, _, _)| el == "spell")
        .map(|(_, k, v)| (k.clone(), v.clone()))
        .collect();
    let nodes = graph.graph.node_count();
    let edges = graph.graph.edge_count();
    // Per node two runs (09-09..09-10 and 10-01), per edge one.
    assert_eq!(spells.len(), 2 * (2 * nodes + edges));
    assert!(spells.contains(&("end".into(), "2016-09-10".into())));
    assert!(attrs.contains(&("attvalue".into(), "value".into(), "2016-10-01".into())));

    let data = json(&graph);
    let node = &data["nodes"][0]["attributes"];
    assert_eq!(node["first_seen"], "2016-09-09");
    assert_eq!(node["last_seen"], "2016-10-01");
    assert_eq!(node["timeline"], "2016-09-09:2|2016-09-10:1|2016-10-01:1");
}

#[test]
fn views_give_the_same_bytes_twice() {
    let graph = small_graph();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(gexf(&graph), gexf(&graph));
    assert_eq!(json(&graph), json(&graph));
    assert_eq!(html(&graph, dir.path()), html(&graph, dir.path()));
}

// ---------------------------------------------------------------- filter

/// Checks that a folder is consistent: edges between nodes, rows only for kept things.
fn assert_consistent(dir: &Path) {
    for name in ergraph::export::FILES {
        assert!(
            dir.join(name).is_file(),
            "{name} missing in {}",
            dir.display()
        );
    }
    let nodes: HashSet<String> = rows(&dir.join("nodes.csv"))
        .into_iter()
        .map(|r| r["Id"].clone())
        .collect();
    let edges: HashSet<(String, String, String)> = rows(&dir.join("edges.csv"))
        .into_iter()
        .map(|r| (r["Source"].clone(), r["Target"].clone(), r["Kind"].clone()))
        .collect();
    for (s, t, _) in &edges {
        assert!(
            nodes.contains(s) && nodes.contains(t),
            "edge {s} -> {t} to a missing node"
        );
    }
    for m in rows(&dir.join("mentions.csv")) {
        assert!(
            nodes.contains(&m["entity"]),
            "mention of missing {}",
            m["entity"]
        );
    }
    let mut supported = HashSet::new();
    for e in rows(&dir.join("evidence.csv")) {
        let key = (e["Source"].clone(), e["Target"].clone(), e["Kind"].clone());
        assert!(edges.contains(&key), "evidence for a dropped edge {key:?}");
        supported.insert(key);
    }
    assert_eq!(supported, edges, "every kept edge keeps its evidence");
}

fn build_seeds(out: &Path) {
    ok(&run(&["build", "seeds", "-o", out.to_str().unwrap(), "-q"]));
}

#[test]
fn filter_top_and_kinds_keeps_every_table_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    build_seeds(&full);
    assert_consistent(&full);
    let out = dir.path().join("top");
    ok(&run(&[
        "filter",
        full.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--top",
        "10",
        "--kinds",
        "co-mention,meets",
        "--drop-isolated",
    ]));
    assert_consistent(&out);
    let nodes = rows(&out.join("nodes.csv"));
    assert!(
        !nodes.is_empty() && nodes.len() <= 10,
        "{} nodes",
        nodes.len()
    );
    // The ten most mentioned of the full graph, minus any left without edges.
    let mut all = rows(&full.join("nodes.csv"));
    all.sort_by_key(|r| {
        (
            std::cmp::Reverse(r["mentions"].parse::<u64>().unwrap()),
            r["Id"].clone(),
        )
    });
    let top: BTreeSet<String> = all.iter().take(10).map(|r| r["Id"].clone()).collect();
    let kept: BTreeSet<String> = nodes.iter().map(|r| r["Id"].clone()).collect();
    assert!(kept.is_subset(&top), "{kept:?} not within {top:?}");
    let kinds: BTreeSet<String> = rows(&out.join("edges.csv"))
        .into_iter()
        .map(|r| r["Kind"].clone())
        .collect();
    assert!(
        kinds.iter().all(|k| k == "co-mention" || k == "meets"),
        "{kinds:?}"
    );
    // Mentions of kept nodes are all there (nationality words, typed nationality, are
    // listed besides and counted in no node's mentions).
    let mentions = rows(&out.join("mentions.csv"))
        .iter()
        .filter(|r| r["entity_type"] != "nationality")
        .count() as u64;
    let counted: u64 = nodes
        .iter()
        .map(|r| r["mentions"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(mentions, counted);
}

#[test]
fn ego_network_is_the_entity_and_its_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    build_seeds(&full);
    let out = dir.path().join("ego");
    let stderr = ok(&run(&[
        "filter",
        full.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--ego",
        "lavrov",
        "--radius",
        "1",
    ]));
    assert!(stderr.contains("kept"), "{stderr}");
    assert_consistent(&out);
    let mut expected = BTreeSet::from(["sergei-lavrov".to_string()]);
    for e in rows(&full.join("edges.csv")) {
        if e["Source"] == "sergei-lavrov" {
            expected.insert(e["Target"].clone());
        }
        if e["Target"] == "sergei-lavrov" {
            expected.insert(e["Source"].clone());
        }
    }
    let kept: BTreeSet<String> = rows(&out.join("nodes.csv"))
        .into_iter()
        .map(|r| r["Id"].clone())
        .collect();
    assert_eq!(kept, expected);
    assert!(kept.len() > 5, "{kept:?}");
}

#[test]
fn filter_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    build_seeds(&full);
    let out = dir.path().join("out");
    let (full, out) = (full.to_str().unwrap(), out.to_str().unwrap());
    let o = run(&["filter", full, "-o", out, "--ego", "Nobody Atall"]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.starts_with("ergraph: no entity is called \"Nobody Atall\""),
        "{stderr}"
    );
    assert!(!Path::new(out).exists(), "a failed filter wrote {out}");

    let o = run(&["filter", full, "-o", out, "--kinds", "meets,likes"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown kind \"likes\""));

    let o = run(&["filter", "seeds", "-o", out]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("nodes.csv: cannot read"), "{stderr}");
}

#[test]
fn build_takes_the_filter_options_and_leaves_no_temporary_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    ok(&run(&[
        "build",
        "seeds",
        "-o",
        out.to_str().unwrap(),
        "--top",
        "5",
        "-q",
    ]));
    assert_consistent(&out);
    assert_eq!(rows(&out.join("nodes.csv")).len(), 5);
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["graphs"]);
}

// ---------------------------------------------------------------- dates

#[test]
fn bad_dates_are_one_line_warnings_and_the_document_stays() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("docs.jsonl");
    fs::write(
        &jsonl,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "good", "date": "2016-09-09", "text": TEXT}),
            serde_json::json!({"id": "bad", "date": "09/10/16", "text": "Vladimir Putin spoke in Moscow."}),
        ),
    )
    .unwrap();
    let dates = dir.path().join("dates.csv");
    fs::write(&dates, "doc,date\ngood,2016-09-09\nbad,2016-02-30\n").unwrap();
    let out = dir.path().join("out");
    let stderr = ok(&run(&[
        "build",
        jsonl.to_str().unwrap(),
        "--dates",
        dates.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]));
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("dates.csv: line 3: document \"bad\"")),
        "{stderr}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("docs.jsonl: line 2: document \"bad\"")),
        "{stderr}"
    );
    // The undated document is still read.
    assert!(rows(&out.join("mentions.csv"))
        .iter()
        .any(|m| m["doc"] == "bad"));
}

// ---------------------------------------------------------------- the page in a browser

fn real_tools_required() -> bool {
    std::env::var_os("ERGRAPH_REAL_TOOLS").is_some_and(|v| v == "1")
}

/// Runs scripts/check_html.mjs on `dir`; skips (or fails under ERGRAPH_REAL_TOOLS=1)
/// when Node, playwright-core or Chromium are missing.
fn check_page(dir: &Path) {
    let check = match Command::new("node")
        .current_dir(repo())
        .arg("scripts/check_html.mjs")
        .arg(dir)
        .output()
    {
        Ok(check) => check,
        Err(err) => {
            assert!(!real_tools_required(), "cannot run node: {err}");
            eprintln!("note: browser check skipped: cannot run node: {err}");
            return;
        }
    };
    let report = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    eprintln!("{report}");
    match check.status.code() {
        Some(0) => {}
        Some(3) => {
            assert!(!real_tools_required(), "browser tools missing:\n{report}");
            eprintln!("note: browser check skipped (set ERGRAPH_REAL_TOOLS=1 to fail instead)");
        }
        _ => panic!("graph.html failed the headless-browser check:\n{report}"),
    }
}

#[test]
fn seeds_page_passes_the_headless_browser_check() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path());
    check_page(dir.path());
}

#[test]
fn hostile_label_page_passes_the_headless_browser_check() {
    // A label that tries to close the script element, written into nodes.csv and put
    // through `ergraph filter`, which writes the page from the tables.
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    build_seeds(&full);
    let nodes = full.join("nodes.csv");
    let text = fs::read_to_string(&nodes).unwrap();
    let hostile = "</script><script>alert(1)</script> & \"Syria\"";
    let text = text.replacen(
        ",Syria,",
        &format!(",\"{}\",", hostile.replace('"', "\"\"")),
        1,
    );
    fs::write(&nodes, text).unwrap();
    let out = dir.path().join("out");
    ok(&run(&[
        "filter",
        full.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]));
    let page = fs::read_to_string(out.join("graph.html")).unwrap();
    assert_eq!(page.matches("</script>").count(), 4);
    check_page(&out);
}

// ---------------------------------------------------------------- dated input, end to end

fn build_dated(out: &Path) -> String {
    ok(&run(&[
        "build",
        "tests/data/dated.jsonl",
        "-o",
        out.to_str().unwrap(),
    ]))
}

#[test]
fn dated_jsonl_gives_first_and_last_seen_and_spells() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = build_dated(dir.path());
    assert!(
        stderr.contains("line 6: document \"bad-date\": date \"Sept 9, 2016\""),
        "{stderr}"
    );
    let nodes = rows(&dir.path().join("nodes.csv"));
    let node = |id: &str| nodes.iter().find(|r| r["Id"] == id).unwrap().clone();
    let lavrov = node("sergei-lavrov");
    assert_eq!(
        (&*lavrov["first_seen"], &*lavrov["last_seen"]),
        ("2016-09-09", "2016-09-21")
    );
    assert_eq!(lavrov["timeline"], "2016-09-09:2|2016-09-10:1|2016-09-21:2");
    // Aleppo is named only in the undated documents.
    assert_eq!(node("aleppo")["first_seen"], "");

    let xml = fs::read_to_string(dir.path().join("graph.gexf")).unwrap();
    assert!(xml.contains("mode=\"dynamic\" timeformat=\"date\""));
    let start = xml.find("<node id=\"sergei-lavrov\"").unwrap();
    let end = start + xml[start..].find("</node>").unwrap();
    let spells: Vec<String> = xml[start..end]
        .split("<spell ")
        .skip(1)
        .map(|s| format!("<spell {}", &s[..s.find("/>").unwrap() + 2]))
        .collect();
    assert_eq!(
        spells,
        [
            "<spell start=\"2016-09-09\" end=\"2016-09-10\"/>",
            "<spell start=\"2016-09-21\" end=\"2016-09-21\"/>",
        ]
    );
    let start = xml.find("<node id=\"aleppo\"").unwrap();
    let end = start + xml[start..].find("</node>").unwrap();
    assert!(!xml[start..end].contains("<spell"));
}

#[test]
fn date_range_filter_keeps_what_was_seen_in_range_and_cuts_timelines() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    build_dated(&full);
    let out = dir.path().join("sept");
    ok(&run(&[
        "filter",
        full.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--from",
        "2016-09-10",
        "--to",
        "2016-09-30",
    ]));
    assert_consistent(&out);
    let nodes = rows(&out.join("nodes.csv"));
    for n in &nodes {
        assert!(
            n["first_seen"].as_str() >= "2016-09-10" && n["last_seen"].as_str() <= "2016-09-30",
            "{n:?}"
        );
        for part in n["timeline"].split('|') {
            let day = part.rsplit_once(':').unwrap().0;
            assert!(("2016-09-10"..="2016-09-30").contains(&day), "{n:?}");
        }
    }
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n["Id"].as_str()).collect();
    assert!(ids.contains("sergei-lavrov") && ids.contains("staffan-de-mistura"));
    assert!(
        !ids.contains("vladimir-putin") && !ids.contains("aleppo"),
        "{ids:?}"
    );
    let lavrov = nodes.iter().find(|n| n["Id"] == "sergei-lavrov").unwrap();
    // Counts stay whole, as mentions.csv does; the timeline has the range's.
    assert_eq!(lavrov["mentions"], "6");
    assert_eq!(lavrov["timeline"], "2016-09-10:1|2016-09-21:2");
    for e in rows(&out.join("edges.csv")) {
        assert!(e["first_seen"].as_str() >= "2016-09-10", "{e:?}");
    }
}

#[test]
fn dated_page_passes_the_headless_browser_check() {
    let dir = tempfile::tempdir().unwrap();
    build_dated(dir.path());
    check_page(dir.path());
}

// ---------------------------------------------------------------- any text

mod any_text {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever a label, alias or role holds, the GEXF is well-formed XML, the JSON
        /// parses back to the same text, and the page's data closes no script element.
        #[test]
        fn any_strings_give_parseable_views(label in any::<String>(), alias in any::<String>(), role in any::<String>()) {
            let mut graph = small_graph();
            {
                let node = graph.graph.node_weights_mut().next().unwrap();
                node.label = label.clone();
                node.aliases = vec![alias.clone()];
            }
            if let Some(edge) = graph.graph.edge_weights_mut().next() {
                edge.role = role.clone();
                edge.example = Some(format!("{role} {label}"));
            }
            let xml = gexf(&graph);
            let _ = xml_attributes(&xml);
            let data = json(&graph);
            prop_assert_eq!(data["nodes"][0]["attributes"]["label"].as_str().unwrap(), label.as_str());
            let dir = tempfile::tempdir().unwrap();
            let page = html(&graph, dir.path());
            prop_assert_eq!(page.matches("</script").count(), 4);
            let data = page_data(&page);
            prop_assert!(data["nodes"].as_array().unwrap().iter().any(|n| n["label"] == label.as_str()));
        }
    }
}
