#!/usr/bin/env python3
"""Checks an ergraph output folder with the tools its users open it with.

    python3 scripts/check_outputs.py OUTDIR

NetworkX and igraph load graph.graphml, DuckDB reads the four CSV files, Graphviz renders
graph.dot with dot and sfdp, and scripts/check_graphml.mjs loads the GraphML with
graphology-graphml (Gephi Lite's loader) when Node and .ci/node/node_modules are there.
The views: NetworkX read_gexf loads graph.gexf (colours, sizes, spells when dated),
scripts/check_views.mjs loads graph.gexf with graphology-gexf and graph.json with
graphology, and scripts/check_html.mjs opens graph.html in headless Chromium.
Column names and rules come from ../shared/CONTRACT.md.

Prints one line per check (ok / FAIL / MISSING). Exit status: 0 all passed, 1 a check
failed, 2 bad usage, 3 nothing failed but a tool or module was missing (callers decide
whether that is a failure: tests/real_tools.rs fails on it when ERGRAPH_REAL_TOOLS=1).
"""

import csv
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

NODES = ["Id", "Label", "entity_type", "mentions", "documents", "aliases", "first_seen", "last_seen"]
EDGES = ["Source", "Target", "Type", "Kind", "Weight", "documents", "role", "evidence",
         "first_seen", "last_seen"]
MENTIONS = ["doc", "start", "end", "text", "entity", "entity_type", "sentence"]
EVIDENCE = ["Source", "Target", "Kind", "doc", "sentence", "rule"]
SENTENCES = ["doc", "sentence", "start", "end", "text"]
CSV_FILES = {
    "nodes.csv": NODES,
    "edges.csv": EDGES,
    "mentions.csv": MENTIONS,
    "evidence.csv": EVIDENCE,
    "sentences.csv": SENTENCES,
}
ENTITY_TYPES = {"person", "organization", "location", "other"}
UNDIRECTED_KINDS = {"co-mention", "meets", "linked_to"}
DIRECTED_KINDS = {"supports", "opposes", "affiliated_with", "located_in"}

# GraphML attributes and the Python types NetworkX must give them (bool is not an int here).
NODE_ATTRS = {"label": str, "entity_type": str, "mentions": int, "documents": int, "aliases": str}
EDGE_ATTRS = {"weight": float, "kind": str, "documents": int, "role": str, "evidence": str}

ROOT = Path(__file__).resolve().parent.parent


class Missing(Exception):
    """A tool or Python module the check needs is not installed."""


class Failed(Exception):
    """The check ran and found a problem."""


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.missing = 0

    def run(self, name, check, *args):
        """Runs one check; its return value, if any, is the detail printed after `ok`."""
        try:
            detail = check(*args)
        except Missing as e:
            self.missing += 1
            print(f"MISSING {name}: {e}", flush=True)
            return
        except Failed as e:
            self.failed += 1
            print(f"FAIL    {name}: {e}", flush=True)
            return
        except Exception as e:  # noqa: BLE001 - a loader's own exception fails the check
            self.failed += 1
            print(f"FAIL    {name}: {type(e).__name__}: {e}", flush=True)
            return
        self.passed += 1
        print(f"ok      {name}" + (f": {detail}" if detail else ""), flush=True)


def raise_(error):
    """Lets a problem found outside a check be reported as that check's result."""
    raise error


def need(module):
    try:
        return __import__(module)
    except ImportError as e:
        raise Missing(f"python module {module!r} ({e}); run: pip install -r .ci/requirements.txt")


def examples(rows, limit=3):
    rows = list(rows)
    shown = "; ".join(" | ".join(str(v) for v in r) for r in rows[:limit])
    more = f" (and {len(rows) - limit} more)" if len(rows) > limit else ""
    return f"{shown}{more}"


def as_written(cell):
    """A text cell without the quote that spreadsheet safety puts before a leading =, +, -,
    @, tab or carriage return (the README's --csv-raw writes cells as they are)."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def expect_none(problems, rows, what):
    """Notes a problem, with a few example rows, when a query that should find nothing did."""
    if rows:
        problems.append(f"{len(rows)} {what}: {examples(rows)}")


def raise_problems(problems):
    if problems:
        raise Failed(" || ".join(problems))


# ---------------------------------------------------------------- files


def check_files(out):
    names = list(CSV_FILES) + ["graph.graphml", "graph.dot", "graph.gexf", "graph.json", "graph.html"]
    missing = [n for n in names if not (out / n).is_file()]
    if missing:
        raise Failed(f"missing from {out}: {', '.join(missing)}")
    return ", ".join(names)


def read_raw(path):
    """Header and rows as Python's csv module reads them: the reference DuckDB must match."""
    with open(path, encoding="utf-8", newline="") as f:
        if f.read(1) == "\ufeff":
            raise Failed(f"{path.name} starts with a byte-order mark")
        f.seek(0)
        rows = list(csv.reader(f))
    if not rows:
        raise Failed(f"{path.name} is empty (not even a header)")
    return rows[0], rows[1:]


# ---------------------------------------------------------------- CSV with DuckDB


def sql_str(path):
    return "'" + str(path).replace("'", "''") + "'"


class Tables:
    """The CSV files as DuckDB views of text columns, named after the files."""

    def __init__(self, out):
        duckdb = need("duckdb")
        self.out = out
        self.con = duckdb.connect()
        self.raw = {}
        self.header = {}
        for name in CSV_FILES:
            self.header[name], self.raw[name] = read_raw(out / name)

    def view(self, name):
        return name.removesuffix(".csv")

    def usable(self, name):
        """Whether DuckDB's view of `name` exists and starts with the contract's columns."""
        want = CSV_FILES[name]
        try:
            cur = self.con.execute(f"SELECT * FROM {self.view(name)} LIMIT 0")
        except Exception:  # noqa: BLE001 - no view: the read failed and was reported
            return False
        cols = [d[0] for d in cur.description]
        return cols[: len(want)] == want and all(len(r) == len(cols) for r in self.raw[name])

    def rows(self, sql):
        return self.con.execute(sql).fetchall()


def check_header(tables, name):
    header = tables.header[name]
    want = CSV_FILES[name]
    if header[: len(want)] != want:
        raise Failed(f"header is {','.join(header)}; the contract wants {','.join(want)} first")
    lower = [h.lower() for h in header]
    repeats = sorted({h for h in header if lower.count(h.lower()) > 1})
    if repeats:
        raise Failed(
            f"header repeats (ignoring case, as DuckDB and Gephi do): {', '.join(repeats)}"
        )
    extra = header[len(want) :]
    return ",".join(header) if not extra else f"contract columns, then {','.join(extra)}"


def check_duckdb_load(tables, name):
    """read_csv with header=true: same columns, same row count as Python's csv module."""
    path = tables.out / name
    view = tables.view(name)
    tables.con.execute(
        f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM read_csv({sql_str(path)}, "
        "header=true, all_varchar=true, delim=',', quote='\"', escape='\"')"
    )
    cols = [d[0] for d in tables.con.execute(f"SELECT * FROM {view} LIMIT 0").description]
    if cols != tables.header[name]:
        raise Failed(f"DuckDB read columns {cols}, the file's header is {tables.header[name]}")
    (count,) = tables.rows(f"SELECT count(*) FROM {view}")[0]
    if count != len(tables.raw[name]):
        raise Failed(f"DuckDB read {count} rows, Python's csv module {len(tables.raw[name])}")
    widths = {len(r) for r in tables.raw[name]} - {len(cols)}
    if widths:
        raise Failed(f"rows with {sorted(widths)} fields under a {len(cols)}-column header")
    return f"{count} rows"


def check_duckdb_sniff(tables, name, numeric):
    """read_csv_auto, as an analyst types it: header found and numeric columns typed."""
    if not tables.raw[name]:
        return "no rows to sniff"
    path = tables.out / name
    desc = tables.rows(f"DESCRIBE SELECT * FROM read_csv_auto({sql_str(path)})")
    types = {row[0]: row[1] for row in desc}
    if list(types) != tables.header[name]:
        raise Failed(f"read_csv_auto found columns {list(types)}: header not detected")
    numeric_types = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE")
    bad = [f"{c} is {types[c]}" for c in numeric if not types[c].startswith(numeric_types)]
    if bad:
        raise Failed("not numeric: " + ", ".join(bad))
    return ", ".join(f"{c} {types[c]}" for c in numeric)


def check_nodes(t):
    problems = []
    expect_none(
        problems,
        t.rows('SELECT "Id", count(*) FROM nodes GROUP BY "Id" HAVING count(*) > 1'),
        "repeated Ids",
    )
    expect_none(
        problems,
        [(r[0],) for r in t.raw["nodes.csv"] if not re.fullmatch(r"[\x21-\x7e]+", r[0])],
        "Ids that are not printable ASCII without spaces",
    )
    expect_none(
        problems,
        t.rows(
            "SELECT \"Id\", entity_type FROM nodes WHERE coalesce(entity_type, '') NOT IN "
            "('person', 'organization', 'location', 'other')"
        ),
        "unknown entity_type values",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT "Id", mentions, documents FROM nodes '
            "WHERE TRY_CAST(mentions AS UBIGINT) IS NULL OR TRY_CAST(documents AS UBIGINT) IS NULL "
            "OR TRY_CAST(documents AS UBIGINT) > TRY_CAST(mentions AS UBIGINT)"
        ),
        "nodes whose mentions/documents are not whole numbers with documents <= mentions",
    )
    unsorted = []
    for row in t.raw["nodes.csv"]:
        aliases = row[5].split("|") if row[5] else []
        if aliases != sorted(set(aliases)):
            unsorted.append((row[0], row[5]))
    expect_none(problems, unsorted, "nodes whose aliases are not sorted and distinct")
    raise_problems(problems)
    return f"{len(t.raw['nodes.csv'])} unique Ids, types, counts, sorted aliases"


def check_edges(t):
    problems = []
    expect_none(
        problems,
        t.rows(
            'SELECT "Source", "Target" FROM edges e WHERE NOT EXISTS '
            '(SELECT 1 FROM nodes n WHERE n."Id" = e."Source") '
            'OR NOT EXISTS (SELECT 1 FROM nodes n WHERE n."Id" = e."Target")'
        ),
        "edges whose Source or Target is not a node Id",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT "Source", "Target", "Weight" FROM edges '
            'WHERE TRY_CAST("Weight" AS DOUBLE) IS NULL OR TRY_CAST("Weight" AS DOUBLE) <= 0'
        ),
        "edges whose Weight is not a positive number",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT "Source", "Target", documents FROM edges '
            "WHERE TRY_CAST(documents AS UBIGINT) IS NULL OR TRY_CAST(documents AS UBIGINT) = 0"
        ),
        "edges whose documents is not a positive whole number",
    )
    kinds = ", ".join(f"'{k}'" for k in sorted(UNDIRECTED_KINDS | DIRECTED_KINDS))
    undirected = ", ".join(f"'{k}'" for k in sorted(UNDIRECTED_KINDS))
    expect_none(
        problems,
        t.rows(
            f'SELECT "Source", "Target", "Kind", "Type" FROM edges WHERE coalesce("Kind", \'\') '
            f'NOT IN ({kinds}) OR coalesce("Type", \'\') <> CASE WHEN "Kind" IN ({undirected}) '
            "THEN 'Undirected' ELSE 'Directed' END"
        ),
        "edges with an unknown Kind or a Type that does not fit it",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT "Source", "Target", "Kind" FROM edges '
            'WHERE "Type" = \'Undirected\' AND NOT ("Source" < "Target")'
        ),
        "undirected edges without Source < Target",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT "Source", "Target", "Kind", count(*) FROM edges '
            'GROUP BY "Source", "Target", "Kind" HAVING count(*) > 1'
        ),
        "repeated (Source, Target, Kind) rows",
    )
    raise_problems(problems)
    return f"{len(t.raw['edges.csv'])} edges: endpoints, Weight, Type/Kind, Source < Target"


def check_mentions(t):
    problems = []
    expect_none(
        problems,
        t.rows(
            "SELECT doc, start, entity FROM mentions m WHERE NOT EXISTS "
            '(SELECT 1 FROM nodes n WHERE n."Id" = m.entity)'
        ),
        "mentions whose entity is not a node Id",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT doc, start, "end", sentence FROM mentions WHERE '
            'TRY_CAST(start AS UBIGINT) IS NULL OR TRY_CAST("end" AS UBIGINT) IS NULL '
            "OR TRY_CAST(sentence AS UBIGINT) IS NULL "
            'OR TRY_CAST(start AS UBIGINT) >= TRY_CAST("end" AS UBIGINT)'
        ),
        "mentions whose start/end/sentence are not whole numbers with start < end",
    )
    expect_none(
        problems,
        [
            (r[0], r[1], r[2], r[3])
            for r in t.raw["mentions.csv"]
            if r[1].isdigit()
            and r[2].isdigit()
            and len(as_written(r[3])) != int(r[2]) - int(r[1])
        ],
        "mentions whose text is not end - start characters long (byte offsets?)",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT n."Id", n.mentions, count(m.entity), n.documents, count(DISTINCT m.doc) '
            "FROM nodes n LEFT JOIN (SELECT * FROM mentions WHERE entity_type <> 'nationality') m "
            'ON m.entity = n."Id" '
            'GROUP BY n."Id", n.mentions, n.documents '
            "HAVING TRY_CAST(n.mentions AS UBIGINT) IS DISTINCT FROM count(m.entity) "
            "OR TRY_CAST(n.documents AS UBIGINT) IS DISTINCT FROM count(DISTINCT m.doc)"
        ),
        "nodes whose mentions/documents disagree with mentions.csv (Id | mentions | rows | "
        "documents | docs)",
    )
    raise_problems(problems)
    return f"{len(t.raw['mentions.csv'])} mentions: entities, offsets, node counts"


def check_evidence(t):
    problems = []
    expect_none(
        problems,
        t.rows(
            'SELECT v."Source", v."Target", v."Kind" FROM evidence v WHERE NOT EXISTS '
            '(SELECT 1 FROM edges e WHERE e."Source" = v."Source" AND e."Target" = v."Target" '
            'AND e."Kind" = v."Kind")'
        ),
        "evidence rows for no edge in edges.csv",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT v."Source", v."Target", v."Kind", v.doc, v.sentence FROM evidence v '
            "WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc = v.doc "
            "AND s.sentence = v.sentence)"
        ),
        "evidence rows whose (doc, sentence) is not in sentences.csv",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT e."Source", e."Target", e."Kind", e."Weight", count(v.doc), e.documents, '
            "count(DISTINCT v.doc) FROM edges e LEFT JOIN evidence v "
            'ON e."Source" = v."Source" AND e."Target" = v."Target" AND e."Kind" = v."Kind" '
            'GROUP BY e."Source", e."Target", e."Kind", e."Weight", e.documents '
            'HAVING TRY_CAST(e."Weight" AS DOUBLE) IS DISTINCT FROM count(v.doc) '
            "OR TRY_CAST(e.documents AS UBIGINT) IS DISTINCT FROM count(DISTINCT v.doc)"
        ),
        "edges whose Weight/documents disagree with evidence.csv (Source | Target | Kind | "
        "Weight | rows | documents | docs)",
    )
    expect_none(
        problems,
        t.rows(
            'SELECT e."Source", e."Target", e."Kind" FROM edges e WHERE e.evidence IS NOT NULL '
            "AND NOT EXISTS (SELECT 1 FROM evidence v JOIN sentences s "
            "ON s.doc = v.doc AND s.sentence = v.sentence "
            'WHERE e."Source" = v."Source" AND e."Target" = v."Target" '
            'AND e."Kind" = v."Kind" AND (s.text = e.evidence OR (e.evidence LIKE \'%…\' '
            "AND starts_with(s.text, left(e.evidence, length(e.evidence) - 1)))))"
        ),
        "edges whose example sentence is none of their sentences in evidence.csv (nor, cut with …, the start of one)",
    )
    expect_none(
        problems,
        t.rows(
            "SELECT \"Source\", \"Target\" FROM edges WHERE \"Kind\" <> 'co-mention' "
            "AND evidence IS NULL"
        ),
        "typed edges without an example sentence",
    )
    raise_problems(problems)
    return f"{len(t.raw['evidence.csv'])} rows: edges, sentences, Weight/documents, examples"


def check_sentences(t):
    problems = []
    expect_none(
        problems,
        [
            (r[0], r[1], r[2], r[3])
            for r in t.raw["sentences.csv"]
            if not (r[2].isdigit() and r[3].isdigit() and int(r[2]) < int(r[3]))
            or len(as_written(r[4])) != int(r[3]) - int(r[2])
        ],
        "sentences whose text is not end - start characters long",
    )
    expect_none(
        problems,
        t.rows("SELECT doc, sentence, count(*) FROM sentences GROUP BY doc, sentence HAVING count(*) > 1"),
        "sentences written twice",
    )
    raise_problems(problems)
    return f"{len(t.raw['sentences.csv'])} sentences: offsets, each once"


# ---------------------------------------------------------------- GraphML


def graphml_counts(path):
    """Nodes and edges as the file declares them, read with the standard library."""
    import xml.etree.ElementTree as ET

    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(path).getroot()
    return len(root.findall(f".//{ns}node")), len(root.findall(f".//{ns}edge"))


def check_types(kind, key, attrs, specs):
    for name, want in specs.items():
        if name not in attrs:
            if name in ("role", "evidence"):
                # Empty values are left out: a role only on affiliations with a stated
                # title, an example sentence only on typed edges.
                continue
            raise Failed(f"{kind} {key} has no {name!r} (has {sorted(attrs)})")
        value = attrs[name]
        if type(value) is not want:
            raise Failed(
                f"{kind} {key}: {name} = {value!r} is {type(value).__name__}, not {want.__name__}"
            )


def check_networkx(out, csv_counts):
    nx = need("networkx")
    path = out / "graph.graphml"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            g = nx.read_graphml(path)
        except nx.NetworkXError as e:
            if "directed=" in str(e):
                raise Failed(
                    f"{str(e).rstrip('.')}: NetworkX refuses a per-edge directed attribute that differs from "
                    "edgedefault, so it cannot read a mixed graph"
                ) from e
            raise
    for node, attrs in g.nodes(data=True):
        check_types("node", node, attrs, NODE_ATTRS)
    for source, target, attrs in g.edges(data=True):
        check_types("edge", f"{source}->{target}", attrs, EDGE_ATTRS)
    if (g.number_of_nodes(), g.number_of_edges()) != csv_counts:
        raise Failed(
            f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
            f"the file declares {csv_counts[0]} and {csv_counts[1]}"
        )
    return (
        f"{type(g).__name__}, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
        "no warnings, attribute types right"
    )


def check_igraph(out, file_counts):
    igraph = need("igraph")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    if caught:
        raise Failed("warnings: " + "; ".join(str(w.message) for w in caught[:3]))
    if (g.vcount(), g.ecount()) != file_counts:
        raise Failed(f"{g.vcount()} vertices, {g.ecount()} edges; the file has {file_counts}")
    if g.vcount() > 0:
        lacking = set(NODE_ATTRS) - set(g.vs.attributes())
        if lacking:
            raise Failed(f"vertices lack {sorted(lacking)}")
    if g.ecount() > 0:
        lacking = set(EDGE_ATTRS) - set(g.es.attributes()) - {"role", "evidence"}
        if lacking:
            raise Failed(f"edges lack {sorted(lacking)}")
        weights = {type(w).__name__ for w in g.es["weight"]}
        if weights != {"float"}:
            raise Failed(f"edge weights are {sorted(weights)}, not float")
    kind = "directed" if g.is_directed() else "undirected"
    return f"{kind}, {g.vcount()} vertices, {g.ecount()} edges, no warnings"


def check_graphology(out):
    node = shutil.which("node")
    if node is None:
        raise Missing("node is not on PATH")
    script = ROOT / "scripts" / "check_graphml.mjs"
    proc = subprocess.run(
        [node, str(script), str(out / "graph.graphml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 3:
        for line in lines:
            print(f"    {line}")
    if proc.returncode == 3:
        last = lines[-1] if lines else "graphology packages missing"
        raise Missing(last.removeprefix("MISSING graphology: "))
    if proc.returncode != 0 or proc.stderr.strip():
        failing = sum(1 for line in lines if line.startswith("FAIL"))
        stderr = proc.stderr.strip()
        raise Failed(
            f"{failing} graphology check(s) failed (above)"
            + (f"; stderr: {stderr[:500]}" if stderr else "")
            + ("" if failing or stderr else f"; exit {proc.returncode}")
        )
    return f"{sum(1 for line in lines if line.startswith('ok'))} checks"


# ---------------------------------------------------------------- views: GEXF, JSON, HTML


def check_gexf_networkx(out):
    """NetworkX reads graph.gexf: its nodes and edges are the tables' (all of them, or for a
    big graph the most mentioned nodes, as graph.graphml), typed attributes, viz, spells."""
    nx = need("networkx")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = nx.read_gexf(out / "graph.gexf")
    node_header, node_rows = read_raw(out / "nodes.csv")
    edge_header, edge_rows = read_raw(out / "edges.csv")
    nodes = {r[0]: dict(zip(node_header, r)) for r in node_rows}
    col = {h: i for i, h in enumerate(edge_header)}
    edges = {
        (r[col["Source"]], r[col["Target"]], r[col["Kind"]]): r[col["Type"]] for r in edge_rows
    }
    problems = []
    strangers = [n for n in g.nodes if n not in nodes]
    if strangers:
        problems.append(f"{len(strangers)} nodes not in nodes.csv, e.g. {strangers[:3]}")
    cut = g.number_of_nodes() < len(nodes)
    if cut:
        kept = min((int(nodes[n]["mentions"]) for n in g.nodes if n in nodes), default=0)
        dropped = max((int(r["mentions"]) for i, r in nodes.items() if i not in g), default=0)
        if kept < dropped:
            problems.append(f"cut keeps a node of {kept} mentions but drops one of {dropped}")
    # Each GEXF edge is an edges.csv row; undirected rows come back both ways (mutual).
    found = {}
    for u, v, data in g.edges(data=True):
        kind = data.get("kind")
        key = (u, v, kind) if (u, v, kind) in edges else (v, u, kind)
        if key not in edges:
            problems.append(f"edge {u} -> {v} ({kind}) is not in edges.csv")
            break
        found[key] = found.get(key, 0) + 1
    mixed = len(set(edges[k] for k in found)) > 1
    for key, seen in found.items():
        want = 2 if mixed and edges[key] == "Undirected" else 1
        if seen != want:
            problems.append(f"edge {key} read {seen} times, expected {want}")
            break
    if not cut and len(found) != len(edges):
        problems.append(f"{len(found)} of the {len(edges)} edges of edges.csv read back")
    for node, attrs in g.nodes(data=True):
        viz = attrs.get("viz", {})
        if not {"r", "g", "b"} <= set(viz.get("color", {})) or not viz.get("size", 0) > 0:
            problems.append(f"{node}: no viz colour or size")
        if not isinstance(attrs.get("mentions"), int) or not isinstance(attrs.get("entity_type"), str):
            problems.append(f"{node}: mentions/entity_type not int/str: {attrs}")
        if len(problems) > 3:
            break
    dated_col = "first_seen" in node_header
    want = {n: nodes[n]["first_seen"] for n in g.nodes if dated_col and nodes.get(n, {}).get("first_seen")}
    spelled = {n: a["spells"][0][0] for n, a in g.nodes(data=True) if a.get("spells")}
    if want:
        if g.graph.get("mode") != "dynamic":
            problems.append(f"dated graph but mode={g.graph.get('mode')}")
        if spelled != want:
            problems.append(
                f"{len(spelled)} nodes with spells, {len(want)} dated in nodes.csv, "
                "or first spells differ from first_seen"
            )
    elif spelled or g.graph.get("mode") == "dynamic":
        problems.append(f"undated graph but mode={g.graph.get('mode')} and {len(spelled)} nodes with spells")
    raise_problems(problems)
    time = f"dynamic, {len(spelled)} nodes with spells" if want else "static (undated)"
    part = f"the {g.number_of_nodes()} most mentioned of {len(nodes)} nodes" if cut else "all nodes"
    return (
        f"{type(g).__name__}, {part}, {len(found)} edges.csv rows as {g.number_of_edges()} edges, "
        f"viz on every node, {time}"
    )


def run_node_check(script, args, prefix):
    """Runs one of the Node check scripts; its lines are printed indented."""
    node = shutil.which("node")
    if node is None:
        raise Missing("node is not on PATH")
    proc = subprocess.run(
        [node, str(ROOT / "scripts" / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode == 3:
        last = lines[-1] if lines else f"{script}: tools missing"
        raise Missing(last.removeprefix(f"MISSING {prefix}: "))
    for line in lines:
        print(f"    {line}")
    if proc.returncode != 0:
        failing = sum(1 for line in lines if line.startswith("FAIL"))
        stderr = proc.stderr.strip()
        raise Failed(
            f"{failing} check(s) failed (above), exit {proc.returncode}"
            + (f"; stderr: {stderr[:500]}" if stderr else "")
        )
    return f"{sum(1 for line in lines if line.startswith('ok'))} checks"


# ---------------------------------------------------------------- Graphviz


def check_graphviz(out, layout):
    exe = shutil.which(layout)
    if exe is None:
        raise Missing(f"{layout} is not on PATH (apt-get install graphviz)")
    proc = subprocess.run(
        [exe, "-Tsvg", str(out / "graph.dot")], capture_output=True, timeout=600, check=False
    )
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise Failed(f"exit {proc.returncode}: {stderr[:500]}")
    if stderr:
        raise Failed(f"warnings on stderr: {stderr[:500]}")
    if b"<svg" not in proc.stdout:
        raise Failed("no SVG on standard output")
    return f"exit 0, no warnings, {len(proc.stdout)} bytes of SVG"


# ---------------------------------------------------------------- main


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[1])
    report = Report()

    report.run("files", check_files, out)
    if report.failed:
        print("check_outputs: stopped: output files missing")
        return 1

    tables = None
    try:
        tables = Tables(out)
    except (Missing, Failed) as e:
        report.run("csv files", raise_, e)
    if tables is not None:
        numeric = {
            "nodes.csv": ["mentions", "documents"],
            "edges.csv": ["Weight", "documents"],
            "mentions.csv": ["start", "end", "sentence"],
            "evidence.csv": ["sentence"],
            "sentences.csv": ["sentence", "start", "end"],
        }
        for name in CSV_FILES:
            report.run(f"{name}: header", check_header, tables, name)
            report.run(f"{name}: DuckDB read_csv", check_duckdb_load, tables, name)
            report.run(
                f"{name}: DuckDB read_csv_auto", check_duckdb_sniff, tables, name, numeric[name]
            )
        contents = [
            ("nodes.csv", check_nodes, ["nodes.csv"]),
            ("edges.csv", check_edges, ["nodes.csv", "edges.csv"]),
            ("mentions.csv", check_mentions, ["nodes.csv", "mentions.csv"]),
            ("evidence.csv", check_evidence, ["edges.csv", "evidence.csv", "sentences.csv"]),
            ("sentences.csv", check_sentences, ["sentences.csv"]),
        ]
        for name, check, needs in contents:
            unusable = [n for n in needs if not tables.usable(n)]
            if unusable:
                print(f"        {name}: contents not checked: {', '.join(unusable)} unreadable")
            else:
                report.run(f"{name}: contents", check, tables)

    file_counts = None
    try:
        file_counts = graphml_counts(out / "graph.graphml")
    except Exception as e:  # noqa: BLE001 - reported as a failed check
        report.run("graph.graphml: XML", raise_, Failed(f"{type(e).__name__}: {e}"))
    if file_counts is not None:
        csv_counts = None
        if tables is not None:
            csv_counts = (len(tables.raw["nodes.csv"]), len(tables.raw["edges.csv"]))
        report.run(
            "graph.graphml: XML",
            lambda: f"{file_counts[0]} <node>, {file_counts[1]} <edge>",
        )
        if csv_counts and (csv_counts[0] < file_counts[0] or csv_counts[1] < file_counts[1]):
            report.run("graph.graphml: cut", raise_, Failed(
                f"graph.graphml has {file_counts}, more than the tables' {csv_counts}"))
        # A big graph's GraphML holds its most important part (README: graph files).
        report.run("graph.graphml: NetworkX", check_networkx, out, file_counts)
        report.run("graph.graphml: igraph", check_igraph, out, file_counts)
        report.run("graph.graphml: graphology (Gephi Lite)", check_graphology, out)

    report.run("graph.gexf: NetworkX read_gexf", check_gexf_networkx, out)
    report.run(
        "graph.gexf + graph.json: graphology", run_node_check, "check_views.mjs", [out], "views"
    )
    report.run("graph.html: headless Chromium", run_node_check, "check_html.mjs", [out], "html")

    report.run("graph.dot: dot -Tsvg", check_graphviz, out, "dot")
    report.run("graph.dot: sfdp -Tsvg", check_graphviz, out, "sfdp")

    total = report.passed + report.failed + report.missing
    if report.failed:
        print(f"check_outputs: {report.failed} of {total} checks FAILED on {out}")
        return 1
    if report.missing:
        print(f"check_outputs: {report.missing} of {total} checks could not run (tools missing)")
        return 3
    print(f"check_outputs: all {total} checks passed on {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
