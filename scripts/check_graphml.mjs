#!/usr/bin/env node
// Loads an ergraph graph.graphml the way Gephi Lite does (graphology + graphology-graphml)
// and checks that nothing was lost or mistyped on the way in.
//
// Usage: node scripts/check_graphml.mjs OUTDIR/graph.graphml
//
// The Node packages live in .ci/node (installed by `.ci/run`, or by hand with
// `npm ci --prefix .ci/node`); set ERGRAPH_NODE_TOOLS to use another folder.
// graphology-graphml's Node entry point brings its own DOMParser (@xmldom/xmldom), so no
// browser DOM is needed. We parse with that same DOMParser first, with an error handler that
// throws, because by default xmldom only prints malformed-XML problems and carries on.
//
// Prints one line per check; exits 1 if any check fails, 2 on bad usage, 3 if the Node
// packages are missing.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = process.env.ERGRAPH_NODE_TOOLS || path.join(here, "..", ".ci", "node");

let failures = 0;
function ok(name, detail) {
  console.log(`ok      graphology: ${name}${detail ? `: ${detail}` : ""}`);
}
function fail(name, detail) {
  failures += 1;
  console.log(`FAIL    graphology: ${name}: ${detail}`);
}

if (process.argv.length !== 3) {
  console.error("usage: node scripts/check_graphml.mjs OUTDIR/graph.graphml");
  process.exit(2);
}
const file = process.argv[2];

let Graph, parse, DOMParser;
try {
  const require = createRequire(path.join(toolsDir, "package.json"));
  ({ Graph } = require("graphology"));
  ({ parse } = require("graphology-graphml"));
  ({ DOMParser } = require("@xmldom/xmldom"));
} catch (err) {
  console.log(
    `MISSING graphology: cannot load graphology/graphology-graphml from ${toolsDir} ` +
      `(${err.code || err.message}); run: npm ci --prefix .ci/node`,
  );
  process.exit(3);
}

let text;
try {
  text = readFileSync(file, "utf8");
} catch (err) {
  fail("read", `${file}: ${err.message}`);
  process.exit(1);
}

// Counted on the raw text, independently of any XML parser. Text content is escaped
// (`&lt;node`), so only real elements match.
const fileNodes = (text.match(/<node[\s/>]/g) || []).length;
const fileEdges = (text.match(/<edge[\s/>]/g) || []).length;

// Parse strictly: every xmldom warning or error is a failure.
const problems = [];
const report = (level) => (msg) => problems.push(`${level}: ${String(msg).trim()}`);
let doc;
try {
  doc = new DOMParser({
    errorHandler: { warning: report("warning"), error: report("error"), fatalError: report("fatal") },
  }).parseFromString(text, "application/xml");
} catch (err) {
  problems.push(`fatal: ${err.message}`);
}
if (problems.length > 0 || !doc) {
  fail("XML parse (xmldom)", problems.slice(0, 5).join("; "));
  process.exit(1);
}
ok("XML parse (xmldom)", "no warnings");

// What GraphML says each edge is: its own `directed` attribute, else the graph's edgedefault.
const graphEl = doc.getElementsByTagName("graph")[0];
const edgeDefault = graphEl ? graphEl.getAttribute("edgedefault") : "";
if (edgeDefault === "directed" || edgeDefault === "undirected") {
  ok("edgedefault", edgeDefault);
} else {
  fail("edgedefault", `<graph edgedefault="${edgeDefault || ""}">: loaders disagree on a missing one; write it`);
}
let fileDirected = 0;
let fileUndirected = 0;
const edgeEls = doc.getElementsByTagName("edge");
for (let i = 0; i < edgeEls.length; i++) {
  const d = edgeEls[i].getAttribute("directed");
  const directed = d === "" || d === null ? edgeDefault === "directed" : d === "true" || d === "1";
  if (directed) fileDirected += 1;
  else fileUndirected += 1;
}

let graph;
try {
  graph = parse(Graph, doc);
} catch (err) {
  fail("load (graphology-graphml)", err.message);
  process.exit(1);
}
ok("load (graphology-graphml)", `${graph.type}${graph.multi ? " multi" : ""} graph`);

if (graph.order === fileNodes) ok("node count", `${graph.order}`);
else fail("node count", `graphology has ${graph.order} nodes, the file has ${fileNodes} <node>`);
if (graph.size === fileEdges) ok("edge count", `${graph.size}`);
else fail("edge count", `graphology has ${graph.size} edges, the file has ${fileEdges} <edge>`);

if (graph.directedSize === fileDirected && graph.undirectedSize === fileUndirected) {
  ok("edge directions", `${fileDirected} directed, ${fileUndirected} undirected`);
} else {
  fail(
    "edge directions",
    `the file has ${fileDirected} directed and ${fileUndirected} undirected edges ` +
      `(edgedefault="${edgeDefault}"), graphology loaded ${graph.directedSize} and ` +
      `${graph.undirectedSize}: graphology-graphml only honours directed="true" and reads ` +
      `every other edge as edgedefault, so a mixed graph needs edgedefault="undirected" ` +
      `with directed="true" on its directed edges`,
  );
}

// Attribute types as graphology stored them (what Gephi Lite uses for sizes and weights).
function checkAttrs(what, items, specs) {
  for (const [name, test, expected] of specs) {
    let bad = null;
    let count = 0;
    for (const [key, attrs] of items) {
      count += 1;
      if (!test(attrs[name])) {
        bad = `${what} ${key}: ${name} = ${JSON.stringify(attrs[name])} (${typeof attrs[name]})`;
        break;
      }
    }
    if (bad === null) ok(`${what} ${name}`, count === 0 ? `no ${what}s` : expected);
    else fail(`${what} ${name}`, `expected ${expected}; ${bad}`);
  }
}
const isNumber = (v) => typeof v === "number" && Number.isFinite(v);
const isCount = (v) => isNumber(v) && Number.isInteger(v) && v >= 0;
const isString = (v) => typeof v === "string";
const nodes = graph.mapNodes((key, attrs) => [key, attrs]);
const edges = graph.mapEdges((key, attrs) => [key, attrs]);
checkAttrs("node", nodes, [
  ["label", isString, "a string"],
  ["mentions", isCount, "a whole number"],
  ["documents", isCount, "a whole number"],
]);
checkAttrs("edge", edges, [
  ["weight", isNumber, "a number"],
  ["documents", isCount, "a whole number"],
  ["kind", isString, "a string"],
]);

process.exit(failures > 0 ? 1 : 0);
