// ergraph's page: draws the embedded graph with sigma.js and graphology (inlined above)
// and wires the search, the filters, the date slider and the detail panel.
// Every text from the data is put into the page with textContent, never as markup.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("ergraph-data").textContent);
  const $ = (id) => document.getElementById(id);
  const number = (n) => n.toLocaleString("en-US");

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // "2016-09-09:3|2016-09-10:1" -> ["2016-09-09", "2016-09-10"]
  function days(timeline) {
    if (!timeline) return [];
    return timeline.split("|").map((part) => part.slice(0, part.lastIndexOf(":")));
  }

  // ---------------------------------------------------------------- the graph
  const graph = new graphology.Graph({ type: "mixed", multi: true, allowSelfLoops: true });
  // Sizes from 3 to 15 pixels by the square root of mentions, relative to the largest.
  const most = Math.max(1, ...data.nodes.map((n) => n.mentions));
  data.nodes.forEach((n, i) => {
    graph.addNode(String(i), {
      label: n.label,
      x: n.x,
      y: -n.y,
      size: 3 + 12 * Math.sqrt(n.mentions / most),
      color: n.color,
      days: days(n.timeline),
      index: i,
    });
  });
  data.edges.forEach((e, i) => {
    const attributes = {
      color: e.color,
      size: Math.min(4, 0.5 + 0.5 * Math.log(1 + e.weight)),
      type: e.directed ? "arrow" : "line",
      days: days(e.timeline),
      index: i,
    };
    const add = e.directed ? "addDirectedEdgeWithKey" : "addUndirectedEdgeWithKey";
    graph[add]("e" + i, String(e.s), String(e.t), attributes);
  });

  // ---------------------------------------------------------------- the cut
  const cut = data.cut;
  let cutText;
  if (cut.nodes < cut.totalNodes) {
    cutText =
      `Showing the ${number(cut.nodes)} most mentioned of ${number(cut.totalNodes)} entities ` +
      `and ${number(cut.edges)} of the graph's ${number(cut.totalEdges)} edges ` +
      `(edges among them: typed relations first, then the heaviest, at most ${number(cut.maxEdges)}). ` +
      "Run ergraph filter for another cut.";
  } else if (cut.edges < cut.totalEdges) {
    cutText =
      `All ${number(cut.nodes)} entities and ${number(cut.edges)} of ${number(cut.totalEdges)} edges ` +
      `(typed relations first, then the heaviest, at most ${number(cut.maxEdges)}).`;
  } else {
    cutText = `All ${number(cut.nodes)} entities and ${number(cut.edges)} edges.`;
  }
  $("cut").textContent = cutText;

  // ---------------------------------------------------------------- filters
  const state = {
    kinds: new Set(),
    types: new Set(),
    from: null,
    to: null,
    selected: null,
    neighbours: new Set(),
  };

  function checkboxes(container, entries, present, set) {
    entries.forEach(([name, color]) => {
      if (!present.has(name)) return;
      set.add(name);
      const label = el("label", null, "check");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = name;
      box.addEventListener("change", () => {
        if (box.checked) set.add(name);
        else set.delete(name);
        refresh();
      });
      const swatch = el("span", null, "swatch");
      swatch.style.background = color;
      label.append(box, swatch, el("span", name));
      container.append(label);
    });
  }
  checkboxes($("kinds"), data.kinds, new Set(data.edges.map((e) => e.kind)), state.kinds);
  checkboxes($("types"), data.types, new Set(data.nodes.map((n) => n.type)), state.types);

  // The date slider: one step per day on which anything drawn was seen.
  const allDays = Array.from(
    new Set(
      graph
        .mapNodes((_, a) => a.days)
        .concat(graph.mapEdges((_, a) => a.days))
        .flat(),
    ),
  ).sort();
  if (allDays.length > 0) {
    $("dates").hidden = false;
    const from = $("date-from");
    const to = $("date-to");
    from.max = to.max = String(allDays.length - 1);
    from.value = "0";
    to.value = String(allDays.length - 1);
    const update = () => {
      let a = Number(from.value);
      let b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      state.from = allDays[a];
      state.to = allDays[b];
      $("date-range").textContent = `${state.from} to ${state.to}`;
      refresh();
    };
    from.addEventListener("input", update);
    to.addEventListener("input", update);
    state.from = allDays[0];
    state.to = allDays[allDays.length - 1];
    $("date-range").textContent = `${state.from} to ${state.to}`;
  }

  function inRange(list) {
    if (state.from === null || list.length === 0) return true;
    return list.some((d) => d >= state.from && d <= state.to);
  }

  function nodeVisible(node) {
    const a = graph.getNodeAttributes(node);
    return state.types.has(data.nodes[a.index].type) && inRange(a.days);
  }

  function edgeVisible(edge) {
    const a = graph.getEdgeAttributes(edge);
    return (
      state.kinds.has(data.edges[a.index].kind) &&
      inRange(a.days) &&
      nodeVisible(graph.source(edge)) &&
      nodeVisible(graph.target(edge))
    );
  }

  // ---------------------------------------------------------------- drawing
  const renderer = new Sigma(graph, $("graph"), {
    enableEdgeEvents: true,
    // Small graphs show every label; big ones those of the larger nodes (zoom in for more).
    labelRenderedSizeThreshold: data.nodes.length <= 80 ? 0 : 7,
    zIndex: true,
    nodeReducer(node, attrs) {
      const out = { ...attrs };
      if (!nodeVisible(node)) {
        out.hidden = true;
        return out;
      }
      if (state.selected !== null) {
        if (node === state.selected) {
          out.highlighted = true;
          out.zIndex = 2;
        } else if (state.neighbours.has(node)) {
          out.zIndex = 1;
        } else {
          out.color = "#dddddd";
          out.label = "";
          out.zIndex = 0;
        }
      }
      return out;
    },
    edgeReducer(edge, attrs) {
      const out = { ...attrs };
      if (!edgeVisible(edge)) {
        out.hidden = true;
        return out;
      }
      if (state.selected !== null && !graph.extremities(edge).includes(state.selected)) {
        out.color = "#eeeeee";
      }
      return out;
    },
  });

  function visibleNodes() {
    return graph.filterNodes((node) => nodeVisible(node));
  }
  function visibleEdges() {
    return graph.filterEdges((edge) => edgeVisible(edge));
  }

  function refresh() {
    const n = visibleNodes().length;
    const m = visibleEdges().length;
    $("shown").textContent = `${number(n)} entities and ${number(m)} edges shown.`;
    renderer.refresh();
  }

  // ---------------------------------------------------------------- details
  function field(list, name, value) {
    if (value === undefined || value === null || value === "") return;
    list.append(el("dt", name), el("dd", value));
  }

  function selectNode(node) {
    state.selected = node;
    state.neighbours = new Set(graph.neighbors(node));
    const n = data.nodes[graph.getNodeAttribute(node, "index")];
    const info = $("info");
    info.replaceChildren();
    info.append(el("h2", n.label));
    const dl = el("dl");
    field(dl, "type", n.type);
    field(dl, "id", n.id);
    field(dl, "mentions", number(n.mentions));
    field(dl, "documents", number(n.documents));
    const seen = days(n.timeline);
    if (seen.length > 0) {
      field(dl, "first seen", seen[0]);
      field(dl, "last seen", seen[seen.length - 1]);
    }
    info.append(dl);
    info.append(el("h3", `Aliases (${n.aliases.length})`));
    const aliases = el("ul", null, "aliases");
    n.aliases.forEach((a) => aliases.append(el("li", a)));
    info.append(aliases);

    const edges = graph.edges(node).slice();
    edges.sort((a, b) => {
      const ea = data.edges[graph.getEdgeAttribute(a, "index")];
      const eb = data.edges[graph.getEdgeAttribute(b, "index")];
      return eb.weight - ea.weight || ea.kind.localeCompare(eb.kind);
    });
    info.append(el("h3", `Neighbours (${state.neighbours.size}) and relations (${edges.length})`));
    const list = el("ul", null, "relations");
    edges.forEach((edge) => {
      const e = data.edges[graph.getEdgeAttribute(edge, "index")];
      const other = graph.opposite(node, edge);
      const otherLabel = data.nodes[graph.getNodeAttribute(other, "index")].label;
      const arrow = !e.directed ? "—" : graph.source(edge) === node ? "→" : "←";
      const item = el("li");
      const button = el("button", `${arrow} ${e.kind} ${arrow} ${otherLabel} (${e.weight})`, "link");
      button.addEventListener("click", () => showEdge(edge));
      item.append(button);
      list.append(item);
    });
    info.append(list);
    refresh();
  }

  function showEdge(edge) {
    const e = data.edges[graph.getEdgeAttribute(edge, "index")];
    const source = data.nodes[e.s];
    const target = data.nodes[e.t];
    const info = $("info");
    info.replaceChildren();
    const title = el("h2");
    title.append(
      el("span", source.label),
      el("span", ` ${e.directed ? "→" : "—"} ${e.kind} ${e.directed ? "→" : "—"} `, "kind"),
      el("span", target.label),
    );
    info.append(title);
    const dl = el("dl");
    field(dl, "sentences", number(e.weight));
    field(dl, "documents", number(e.documents));
    field(dl, "role", e.role);
    const seen = days(e.timeline);
    if (seen.length > 0) {
      field(dl, "first seen", seen[0]);
      field(dl, "last seen", seen[seen.length - 1]);
    }
    info.append(dl);
    const evidence = e.evidence.length > 0 ? e.evidence : e.example ? [["", e.example]] : [];
    info.append(el("h3", `Evidence (${evidence.length} of ${number(e.weight)} sentences)`));
    const list = el("ol", null, "evidence");
    evidence.forEach(([doc, sentence]) => {
      const item = el("li");
      item.append(el("q", sentence));
      if (doc) item.append(el("span", ` (${doc})`, "doc"));
      list.append(item);
    });
    info.append(list);
    for (const [label, node] of [
      [source.label, String(e.s)],
      [target.label, String(e.t)],
    ]) {
      const button = el("button", `Show ${label}`, "link");
      button.addEventListener("click", () => selectNode(node));
      info.append(button);
    }
  }

  renderer.on("clickNode", ({ node }) => selectNode(node));
  renderer.on("clickEdge", ({ edge }) => showEdge(edge));
  renderer.on("clickStage", () => {
    state.selected = null;
    state.neighbours = new Set();
    refresh();
  });

  // ---------------------------------------------------------------- search
  function search(query) {
    const q = query.trim().toLowerCase();
    if (q === "") return [];
    const hits = [];
    data.nodes.forEach((n, i) => {
      const match =
        n.label.toLowerCase().includes(q) || n.aliases.some((a) => a.toLowerCase().includes(q));
      if (match) hits.push(i);
    });
    hits.sort((a, b) => data.nodes[b].mentions - data.nodes[a].mentions);
    return hits.slice(0, 12).map(String);
  }

  function focus(node) {
    selectNode(node);
    const display = renderer.getNodeDisplayData(node);
    if (display) renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 400 });
  }

  $("search").addEventListener("input", (event) => {
    const results = $("results");
    results.replaceChildren();
    const hits = search(event.target.value);
    hits.forEach((node) => {
      const n = data.nodes[graph.getNodeAttribute(node, "index")];
      const item = el("li");
      const button = el("button", `${n.label} (${n.type}, ${number(n.mentions)})`, "link");
      button.addEventListener("click", () => focus(node));
      item.append(button);
      results.append(item);
    });
    if (event.target.value.trim() !== "" && hits.length === 0) results.append(el("li", "no match", "hint"));
  });
  $("search").addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const hits = search(event.target.value);
    if (hits.length > 0) focus(hits[0]);
  });

  refresh();
  // For tests and the browser console.
  window.ergraph = { graph, renderer, data, search, selectNode, showEdge, visibleNodes, visibleEdges };
})();
