#!/usr/bin/env node
// Loads an ergraph output folder's graph.gexf with graphology-gexf and graph.json with
// graphology's own Graph.from (what sigma.js and Gephi Lite do), and checks them against
// nodes.csv and edges.csv: same nodes and edges, mixed directions kept, colours and
// sizes on every node, and time: spells on dated nodes and edges, none when undated.
//
// Usage: node scripts/check_views.mjs OUTDIR
// Packages from .ci/node (npm ci --prefix .ci/node) or ERGRAPH_NODE_TOOLS.
// Exit: 0 ok, 1 a check failed, 2 bad usage, 3 packages missing.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = process.env.ERGRAPH_NODE_TOOLS || path.join(here, "..", ".ci", "node");

let failures = 0;
const ok = (name, detail) => console.log(`ok      views: ${name}${detail ? `: ${detail}` : ""}`);
const fail = (name, detail) => {
  failures += 1;
  console.log(`FAIL    views: ${name}: ${detail}`);
};

if (process.argv.length !== 3) {
  console.error("usage: node scripts/check_views.mjs OUTDIR");
  process.exit(2);
}
const out = process.argv[2];

let Graph, gexf, DOMParser;
try {
  const require = createRequire(path.join(toolsDir, "package.json"));
  ({ Graph } = require("graphology"));
  gexf = require("graphology-gexf");
  ({ DOMParser } = require("@xmldom/xmldom"));
} catch (err) {
  console.log(`MISSING views: cannot load graphology/graphology-gexf from ${toolsDir} (${err.code || err.message}); run: npm ci --prefix .ci/node`);
  process.exit(3);
}

// The CSV tables, parsed just enough to count: quoted fields may hold commas and newlines.
function readCsv(file) {
  const text = readFileSync(file, "utf8");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const header = rows.shift();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const nodes = readCsv(path.join(out, "nodes.csv"));
const edges = readCsv(path.join(out, "edges.csv"));
// First and last seen: the columns, or the ends of the per-day `timeline` column.
for (const n of nodes) {
  if (!n.first_seen && n.timeline) {
    const days = n.timeline.split("|").map((p) => p.slice(0, p.lastIndexOf(":")));
    n.first_seen = days[0];
    n.last_seen = days[days.length - 1];
  }
}
const datedNodes = new Set(nodes.filter((n) => n.first_seen).map((n) => n.Id));
const dated = datedNodes.size > 0;

const byId = new Map(nodes.map((n) => [n.Id, n]));
const edgeType = new Map(edges.map((e) => [`${e.Source}\t${e.Target}\t${e.Kind}`, e.Type]));

// The graph holds the tables' nodes and edges: all of them, or for a big graph the most
// mentioned nodes (what graph.graphml holds), every edge a row of edges.csv with its direction.
function checkGraph(name, g) {
  const strangers = g.filterNodes((n) => !byId.has(n));
  if (strangers.length > 0) fail(`${name}: node ids`, `${strangers.length} nodes not in nodes.csv, e.g. ${strangers[0]}`);
  const cut = g.order < nodes.length;
  if (cut) {
    let kept = Infinity;
    g.forEachNode((n) => (kept = Math.min(kept, Number(byId.get(n)?.mentions ?? 0))));
    const dropped = Math.max(0, ...nodes.filter((n) => !g.hasNode(n.Id)).map((n) => Number(n.mentions)));
    if (kept < dropped) fail(`${name}: cut`, `keeps a node of ${kept} mentions, drops one of ${dropped}`);
  }
  const wrong = [];
  g.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
    const type = edgeType.get(`${source}\t${target}\t${attrs.kind}`) ?? (undirected ? edgeType.get(`${target}\t${source}\t${attrs.kind}`) : undefined);
    if (type !== (undirected ? "Undirected" : "Directed")) wrong.push(`${source} -> ${target} (${attrs.kind}): edges.csv says ${type}`);
  });
  if (wrong.length > 0) fail(`${name}: edges`, `${wrong.length} edges not in edges.csv as such, e.g. ${wrong[0]}`);
  else if (!cut && (g.order !== nodes.length || g.size !== edges.length)) {
    fail(`${name}: counts`, `${g.order} nodes, ${g.size} edges; the CSV tables have ${nodes.length} and ${edges.length}`);
  } else {
    const part = cut ? `the ${g.order} most mentioned of ${nodes.length} nodes` : `all ${g.order} nodes`;
    ok(`${name}: nodes and edges`, `${g.type} graph, ${part}, ${g.directedSize} directed + ${g.undirectedSize} undirected edges, each an edges.csv row`);
  }
}

// ---------------------------------------------------------------- graph.json
try {
  const data = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8"));
  const g = Graph.from(data);
  checkGraph("graph.json", g);
  const bad = g.filterNodes((_, a) => !/^#[0-9a-f]{6}$/.test(a.color) || !(a.size > 0) || typeof a.mentions !== "number" || typeof a.label !== "string");
  if (bad.length > 0) fail("graph.json: node attributes", `${bad.length} nodes without color/size/mentions/label, e.g. ${bad[0]}`);
  else ok("graph.json: node attributes", "label, color, size, numeric mentions on every node");
  const badEdges = g.filterEdges((_, a) => typeof a.kind !== "string" || typeof a.weight !== "number");
  if (badEdges.length > 0) fail("graph.json: edge attributes", `${badEdges.length} edges without kind/weight`);
  else ok("graph.json: edge attributes", "kind and numeric weight on every edge");
} catch (err) {
  fail("graph.json", `${err.name}: ${err.message}`);
}

// ---------------------------------------------------------------- graph.gexf
try {
  const text = readFileSync(path.join(out, "graph.gexf"), "utf8");
  const errors = [];
  const doc = new DOMParser({
    errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
  }).parseFromString(text, "application/xml");
  if (errors.length > 0) throw new Error(`XML: ${errors[0]}`);
  const g = gexf.parse(Graph, doc);
  checkGraph("graph.gexf", g);
  const bad = g.filterNodes((_, a) => !/^rgba?\(/.test(a.color || "") && !/^#/.test(a.color || "") || !(a.size > 0));
  if (bad.length > 0) fail("graph.gexf: viz", `${bad.length} nodes without viz colour or size, e.g. ${bad[0]}`);
  else ok("graph.gexf: viz", `colour and size on every node (e.g. ${g.order ? g.getNodeAttribute(g.nodes()[0], "color") : "-"})`);
  const typed = g.filterNodes((_, a) => typeof a.mentions === "number" && typeof a.entity_type === "string");
  if (typed.length !== g.order) fail("graph.gexf: attributes", `${g.order - typed.length} nodes without numeric mentions and entity_type`);
  else ok("graph.gexf: attributes", "typed mentions and entity_type on every node");

  // graphology-gexf does not read time: check the spells in the XML itself.
  const graphEl = doc.getElementsByTagName("graph")[0];
  const mode = graphEl.getAttribute("mode");
  const spellNodes = Array.from(doc.getElementsByTagName("node")).filter((n) => n.getElementsByTagName("spell").length > 0);
  const datedHere = new Set(Array.from(datedNodes).filter((id) => g.hasNode(id)));
  if (dated) {
    const problems = [];
    if (mode !== "dynamic" || graphEl.getAttribute("timeformat") !== "date") problems.push(`graph mode=${mode} timeformat=${graphEl.getAttribute("timeformat")}`);
    if (spellNodes.length !== datedHere.size) problems.push(`${spellNodes.length} nodes have spells, ${datedHere.size} of them are dated in nodes.csv`);
    for (const n of spellNodes) {
      const spells = Array.from(n.getElementsByTagName("spell"));
      const row = byId.get(n.getAttribute("id"));
      const first = spells[0].getAttribute("start");
      const last = spells[spells.length - 1].getAttribute("end");
      if (!row || row.first_seen !== first || row.last_seen !== last) {
        problems.push(`${n.getAttribute("id")}: spells ${first}..${last}, nodes.csv says ${row && row.first_seen}..${row && row.last_seen}`);
        break;
      }
    }
    if (problems.length > 0) fail("graph.gexf: spells", problems.join("; "));
    else ok("graph.gexf: spells", `dynamic, ${spellNodes.length} dated nodes with spells matching first_seen/last_seen`);
  } else if (mode === "dynamic" || spellNodes.length > 0) {
    fail("graph.gexf: spells", `undated graph but mode=${mode} and ${spellNodes.length} nodes with spells`);
  } else {
    ok("graph.gexf: spells", "static, no spells (undated)");
  }
} catch (err) {
  fail("graph.gexf", `${err.name}: ${err.message}`);
}

process.exit(failures > 0 ? 1 : 0);
