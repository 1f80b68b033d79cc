//! The archive layout, end to end with the real binary: every evidence row points at a
//! written sentence, weights and document counts agree with the evidence, mentions
//! point at nodes, offsets give back the text, and the thread count changes no byte.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// A small dated archive written here: three articles about invented people and
/// organizations, one undated, with a name list that must link nothing.
fn archive(dir: &Path) -> std::path::PathBuf {
    let docs = [
        (
            "a1",
            "2021-03-02",
            "Foreign Minister Karel Zvonek met Prime Minister Lotta Brennholm in Oslo on Monday. \
             Zvonek said the Northwind Energy deal was close.\n\
             Brennholm thanked the United Nations for its help.",
        ),
        (
            "a2",
            "2021-03-05T09:00:00Z",
            "Lotta Brennholm criticised Northwind Energy. Karel Zvonek and Brennholm spoke \
             again in Geneva, with officials of the World Health Organization.",
        ),
        (
            "a3",
            "",
            "Attendees: Maria Okafor, Peter Lindqvist, Anna Moreau, David Tanaka, Laura \
             Herrera, Michael Novak, Sarah Fischer, John Adeyemi, Karen Smith, Paul Jones.\n\
             Maria Okafor, a director at Northwind Energy, met Karel Zvonek in Oslo.",
        ),
    ];
    let mut text = String::new();
    for (id, date, body) in docs {
        let mut line = serde_json::json!({"id": id, "text": body});
        if !date.is_empty() {
            line["date"] = serde_json::json!(date);
        }
        text.push_str(&line.to_string());
        text.push('\n');
    }
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn build(input: &Path, out: &Path, threads: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_ergraph"))
        .args(["build", "-q", "--csv-raw"])
        .arg(input)
        .arg("-o")
        .arg(out)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "--quiet and no terminal: nothing on standard error, got {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Rows of a CSV file as maps from column to value.
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn evidence_sentences_mentions_and_nodes_join_and_agree() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path());
    let out = dir.path().join("out");
    build(&input, &out, "2");
    let texts: BTreeMap<String, Vec<char>> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().chars().collect(),
            )
        })
        .collect();
    let slice = |doc: &str, start: &str, end: &str| -> String {
        let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
        texts[doc][s..e].iter().collect()
    };

    let sentences = rows(&out.join("sentences.csv"));
    let mut written = BTreeSet::new();
    for s in &sentences {
        assert_eq!(slice(&s["doc"], &s["start"], &s["end"]), s["text"]);
        assert!(
            written.insert((s["doc"].clone(), s["sentence"].clone())),
            "sentence written twice: {s:?}"
        );
    }

    let nodes: BTreeSet<String> = rows(&out.join("nodes.csv"))
        .into_iter()
        .map(|n| n["Id"].clone())
        .collect();
    for m in rows(&out.join("mentions.csv")) {
        assert!(nodes.contains(&m["entity"]), "{m:?}");
        assert_eq!(slice(&m["doc"], &m["start"], &m["end"]), m["text"]);
    }

    let mut per_edge: BTreeMap<(String, String, String), (u64, BTreeSet<String>)> = BTreeMap::new();
    for v in rows(&out.join("evidence.csv")) {
        assert!(
            written.contains(&(v["doc"].clone(), v["sentence"].clone())),
            "evidence without its sentence: {v:?}"
        );
        let e = per_edge
            .entry((v["Source"].clone(), v["Target"].clone(), v["Kind"].clone()))
            .or_default();
        e.0 += 1;
        e.1.insert(v["doc"].clone());
    }
    let edges = rows(&out.join("edges.csv"));
    assert!(!edges.is_empty());
    for e in &edges {
        let key = (e["Source"].clone(), e["Target"].clone(), e["Kind"].clone());
        let (weight, docs) = &per_edge[&key];
        assert_eq!(e["Weight"], weight.to_string(), "{e:?}");
        assert_eq!(e["documents"], docs.len().to_string(), "{e:?}");
        assert!(nodes.contains(&e["Source"]) && nodes.contains(&e["Target"]));
        // A typed edge shows an example sentence; a co-mention's are a join away.
        assert_eq!(
            e["Kind"] != "co-mention",
            !e["evidence"].is_empty(),
            "{e:?}"
        );
    }
    assert_eq!(per_edge.len(), edges.len());

    // The attendee list links none of its ten names.
    let listed = [
        "maria-okafor",
        "peter-lindqvist",
        "anna-moreau",
        "paul-jones",
    ];
    for e in &edges {
        let both_listed =
            listed.contains(&e["Source"].as_str()) && listed.contains(&e["Target"].as_str());
        assert!(!both_listed, "a list linked its names: {e:?}");
    }

    // Dates: first and last seen, and nothing for the undated document's own nodes.
    let zvonek = rows(&out.join("nodes.csv"))
        .into_iter()
        .find(|n| n["Id"] == "karel-zvonek")
        .expect("Karel Zvonek is a node");
    assert_eq!(
        (zvonek["first_seen"].as_str(), zvonek["last_seen"].as_str()),
        ("2021-03-02", "2021-03-05")
    );
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(&input, &a, "1");
    build(&input, &b, "2");
    let mut names: Vec<_> = std::fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    for name in names {
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name:?}"
        );
    }
    // No spill file or staging folder is left beside or inside the output.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.contains("staging"), "{name}");
    }
    for entry in std::fs::read_dir(&a).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with(".spill"), "{name}");
    }
}

#[test]
fn nationality_words_are_rows_of_their_named_country_but_no_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nat.jsonl");
    let docs = [
        serde_json::json!({"id": "n1", "date": "2020-01-02", "text":
            "Anna Berg is a German skeleton racer. She trains in Germany every winter."}),
        serde_json::json!({"id": "n2", "date": "2020-01-03", "text":
            "Piet Vos is a Danish rower who lives in Oslo."}),
    ];
    let text: String = docs.iter().map(|d| d.to_string() + "\n").collect();
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("out");
    build(&input, &out, "2");
    let mentions = rows(&out.join("mentions.csv"));
    let nodes = rows(&out.join("nodes.csv"));
    let node = |id: &str| nodes.iter().find(|n| n["Id"] == id).cloned();
    let germany = node("germany").expect("Germany is named, so a node");
    let german: Vec<_> = mentions.iter().filter(|m| m["text"] == "German").collect();
    assert_eq!(german.len(), 1, "{mentions:?}");
    assert_eq!(german[0]["entity"], "germany");
    assert_eq!(german[0]["entity_type"], "nationality");
    // The node counts the name alone, and so does its timeline.
    assert_eq!(germany["mentions"], "1");
    assert_eq!(germany["timeline"], "2020-01-02:1");
    // Denmark is only an adjective here: no row may point at a node that is not there.
    for m in &mentions {
        assert!(node(&m["entity"]).is_some(), "{m:?} has no node");
    }
    assert!(mentions.iter().all(|m| m["text"] != "Danish") || node("denmark").is_some());
}
