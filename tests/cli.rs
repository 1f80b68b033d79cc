//! The real binary on real files: the seeds, bad inputs, stdin, JSONL, determinism.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut rdr = csv::Reader::from_path(path).expect("csv opens");
    let mut rows = vec![rdr.headers().unwrap().iter().map(str::to_string).collect()];
    for r in rdr.records() {
        rows.push(r.unwrap().iter().map(str::to_string).collect());
    }
    rows
}

fn build_seeds(out: &Path) -> Vec<Vec<String>> {
    let o = run(&["build", "seeds", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read_csv(&out.join("nodes.csv"))
}

#[test]
fn seeds_actors_are_one_person_node_each_with_full_name_and_document_count() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = build_seeds(dir.path());
    assert_eq!(
        nodes[0][..6],
        [
            "Id",
            "Label",
            "entity_type",
            "mentions",
            "documents",
            "aliases"
        ]
    );
    // (surname that must appear in exactly one node's aliases, label, documents)
    let expected = [
        ("Kerry", "John Kerry", "5"),
        ("Lavrov", "Sergei Lavrov", "5"),
        ("Mistura", "Staffan de Mistura", "4"),
        ("Putin", "Vladimir Putin", "1"),
        ("Obama", "Barack Obama", "1"),
        ("Erdogan", "Tayyip Erdogan", "1"),
        ("Assad", "Bashar al-Assad", "5"),
    ];
    for (surname, label, docs) in expected {
        let holders: Vec<&Vec<String>> = nodes[1..]
            .iter()
            .filter(|n| n[5].split('|').any(|a| a.contains(surname)) || n[1].contains(surname))
            .collect();
        assert_eq!(holders.len(), 1, "{surname}: {holders:?}");
        let n = holders[0];
        assert_eq!(n[2], "person", "{n:?}");
        assert!(
            n[1].ends_with(label.rsplit(' ').next().unwrap()) && n[1].contains(' '),
            "{label}: {n:?}"
        );
        assert_eq!(n[4], docs, "{label}: {n:?}");
    }
}

#[test]
fn two_builds_give_identical_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build_seeds(a.path());
    build_seeds(b.path());
    for f in [
        "nodes.csv",
        "edges.csv",
        "mentions.csv",
        "evidence.csv",
        "graph.graphml",
        "graph.dot",
    ] {
        let x = std::fs::read(a.path().join(f)).unwrap();
        let y = std::fs::read(b.path().join(f)).unwrap();
        assert!(x == y, "{f} differs between two runs");
    }
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("latin1.txt"), b"Caf\xe9 in Paris.").unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    std::fs::write(
        input.join("good.txt"),
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.",
    )
    .unwrap();
    let nothing = dir.path().join("nothing");
    std::fs::create_dir(&nothing).unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        nothing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.contains(" documents, "))
        .collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines.iter().any(|l| l.starts_with("ergraph: ")
            && l.contains("latin1.txt")
            && l.contains("not UTF-8")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("empty.txt") && l.contains("empty")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("nothing") && l.contains("no .txt files")),
        "{err}"
    );
    let nodes = read_csv(&out.join("nodes.csv"));
    assert!(nodes.iter().any(|n| n[1] == "Angela Merkel"), "{nodes:?}");
}

#[test]
fn duplicate_ids_name_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    std::fs::write(a.join("x.txt"), "Angela Merkel spoke.").unwrap();
    std::fs::write(b.join("x.txt"), "Emmanuel Macron spoke.").unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("\"x\"") && err.contains("a/x.txt") && err.contains("b/x.txt"),
        "{err}"
    );
}

#[test]
fn stdin_and_jsonl_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = ergraph()
        .args(["build", "-", "-o", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Russian President Vladimir Putin spoke with Angela Merkel.".as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let mentions = read_csv(&out.join("mentions.csv"));
    assert!(
        mentions[1..].iter().all(|m| m[0] == "stdin"),
        "{mentions:?}"
    );

    let jsonl = dir.path().join("d.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"n1\",\"text\":\"Zoë Müller met Angela Merkel in Berlin.\"}\n",
    )
    .unwrap();
    let o = run(&[
        "build",
        jsonl.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let mentions = read_csv(&out.join("mentions.csv"));
    // Character offsets: text == document[start:end] in code points.
    let text: Vec<char> = "Zoë Müller met Angela Merkel in Berlin.".chars().collect();
    for m in &mentions[1..] {
        let (s, e): (usize, usize) = (m[1].parse().unwrap(), m[2].parse().unwrap());
        assert_eq!(text[s..e].iter().collect::<String>(), m[3]);
    }
    assert!(mentions[1..].iter().any(|m| m[3] == "Angela Merkel"));
}

#[test]
fn user_gazetteer_adds_entities_and_stoplist_removes_names() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(
        &doc,
        "Engineers at Zorblatt Kinetics met Angela Merkel in Berlin. ZK shares rose.",
    )
    .unwrap();
    let gaz = dir.path().join("gaz.csv");
    std::fs::write(&gaz, "\u{feff}name,entity_type,aliases\n# our client list\nZorblatt Kinetics,organization,ZK|Zorblatt\n").unwrap();
    let stop = dir.path().join("stop.txt");
    std::fs::write(&stop, "# not wanted\nBerlin\n").unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--gazetteer",
        gaz.to_str().unwrap(),
        "--stoplist",
        stop.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let nodes = read_csv(&out.join("nodes.csv"));
    let zk: Vec<_> = nodes
        .iter()
        .filter(|n| n[1] == "Zorblatt Kinetics")
        .collect();
    assert_eq!(zk.len(), 1, "{nodes:?}");
    assert_eq!(zk[0][2], "organization");
    assert_eq!(zk[0][5], "ZK|Zorblatt Kinetics");
    assert!(!nodes.iter().any(|n| n[1] == "Berlin"), "{nodes:?}");
}

#[test]
fn bad_gazetteer_lines_are_reported_with_their_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, "Angela Merkel spoke.").unwrap();
    let gaz = dir.path().join("gaz.csv");
    std::fs::write(&gaz, "Acme,organization,\nWidget Town,village,\n").unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--gazetteer",
        gaz.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("ergraph: ")
            && err.contains("gaz.csv: line 2: unknown entity_type \"village\""),
        "{err}"
    );
    assert!(
        !out.exists(),
        "nothing is written when the configuration is wrong"
    );
}

#[test]
fn every_typed_edge_of_the_seeds_has_evidence_naming_both_ends() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = build_seeds(dir.path());
    let edges = read_csv(&dir.path().join("edges.csv"));
    let names = |id: &str| -> Vec<String> {
        let n = nodes
            .iter()
            .find(|n| n[0] == id)
            .expect("edge end is a node");
        std::iter::once(n[1].clone())
            .chain(n[5].split('|').map(str::to_string))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let typed: Vec<&Vec<String>> = edges[1..].iter().filter(|e| e[3] != "co-mention").collect();
    assert!(typed.len() >= 17, "{typed:?}");
    for e in typed {
        for end in [&e[0], &e[1]] {
            assert!(
                names(end).iter().any(|n| e[7].contains(n.as_str())),
                "{} not named in {e:?}",
                end
            );
        }
        assert!(e[4].parse::<u64>().unwrap() >= 1 && e[5].parse::<u64>().unwrap() >= 1);
    }
}

#[test]
fn when_no_document_can_be_read_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("nodes.csv"), "a good old graph").unwrap();
    let missing = dir.path().join("missing.txt");
    let o = run(&[
        "build",
        missing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("missing.txt") && err.contains("nothing written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("nodes.csv")).unwrap(),
        "a good old graph"
    );
}
