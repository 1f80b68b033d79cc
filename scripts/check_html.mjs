#!/usr/bin/env node
// Opens an ergraph graph.html from disk in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks what an analyst would see:
// - the page loads with no console error, no page error and no network request
//   (everything it needs is inline; only file: and data: addresses are allowed);
// - it draws the expected number of nodes: all of graph.json's, or the default cut
//   (the 300 most mentioned) stated on the page;
// - the labels layer has ink on it (sigma drew something);
// - search finds the most mentioned entity, a click on the hit shows its details, and a
//   click on one of its relations shows evidence sentences;
// - for a dated graph the date slider is there and narrowing it keeps the page working.
//
// Usage: node scripts/check_html.mjs OUTDIR [--screenshot FILE.png]
// Packages from .ci/node (npm ci --prefix .ci/node), or ERGRAPH_NODE_TOOLS; Chromium from
// CHROMIUM or /usr/bin/chromium. Exit: 0 ok, 1 a check failed, 2 bad usage, 3 tools missing.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = process.env.ERGRAPH_NODE_TOOLS || path.join(here, "..", ".ci", "node");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const MAX_NODES = 300;

const args = process.argv.slice(2);
let screenshot = null;
const shot = args.indexOf("--screenshot");
if (shot >= 0) {
  screenshot = args[shot + 1];
  args.splice(shot, 2);
}
if (args.length !== 1 || (shot >= 0 && !screenshot)) {
  console.error("usage: node scripts/check_html.mjs OUTDIR [--screenshot FILE.png]");
  process.exit(2);
}
const out = path.resolve(args[0]);

let failures = 0;
const ok = (name, detail) => console.log(`ok      html: ${name}${detail ? `: ${detail}` : ""}`);
const fail = (name, detail) => {
  failures += 1;
  console.log(`FAIL    html: ${name}: ${detail}`);
};

let chromium;
try {
  const require = createRequire(path.join(toolsDir, "package.json"));
  ({ chromium } = require("playwright-core"));
} catch (err) {
  console.log(`MISSING html: cannot load playwright-core from ${toolsDir} (${err.code || err.message}); run: npm ci --prefix .ci/node`);
  process.exit(3);
}
if (!existsSync(chromiumPath)) {
  console.log(`MISSING html: no Chromium at ${chromiumPath}; run: apt-get install chromium (or set CHROMIUM)`);
  process.exit(3);
}

// nodes.csv, parsed just enough: quoted fields may hold commas, quotes and newlines.
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
const totalNodes = nodes.length;
const expected = Math.min(totalNodes, MAX_NODES);
const top = nodes.slice().sort((a, b) => Number(b.mentions) - Number(a.mentions) || (a.Id < b.Id ? -1 : 1))[0];
const dated = nodes.some((n) => n.first_seen || n.timeline);
const readEdges = () => readCsv(path.join(out, "edges.csv")).length;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`a dialog opened (${dialog.type()}: ${dialog.message()}): data ran as code`);
    await dialog.dismiss();
  });
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) problems.push(`network request: ${url}`);
  });

  const started = Date.now();
  await page.goto(pathToFileURL(path.join(out, "graph.html")).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.ergraph !== undefined, null, { timeout: 15000 }).catch(() => {});
  const loadMs = Date.now() - started;
  await page.waitForTimeout(500);
  const loaded = await page.evaluate(() => window.ergraph !== undefined);
  if (!loaded) fail("load", "window.ergraph was never set (the page script did not finish)");
  else ok("load", `drawn ${loadMs} ms after navigation`);

  if (loaded) {
    const counts = await page.evaluate(() => ({
      order: window.ergraph.graph.order,
      visible: window.ergraph.visibleNodes().length,
      displayed: window.ergraph.graph.filterNodes((n) => {
        const d = window.ergraph.renderer.getNodeDisplayData(n);
        return d && !d.hidden;
      }).length,
      cut: document.getElementById("cut").textContent,
    }));
    if (counts.order === expected && counts.visible === expected && counts.displayed === expected) {
      ok("nodes drawn", `${counts.displayed} of ${totalNodes}`);
    } else {
      fail("nodes drawn", `expected ${expected}, graph has ${counts.order}, ${counts.visible} visible, ${counts.displayed} displayed`);
    }
    const cutStated = expected < totalNodes ? counts.cut.includes(`${MAX_NODES} most mentioned`) : counts.cut.startsWith("All ");
    if (cutStated) ok("cut stated", counts.cut);
    else fail("cut stated", `page says: ${JSON.stringify(counts.cut)}`);

    // Sigma draws labels on a 2D canvas: some of its pixels must be painted.
    const ink = await page.evaluate(() => {
      const canvas = window.ergraph.renderer.getCanvases().labels;
      const ctx = canvas.getContext("2d");
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
      return painted;
    });
    if (expected === 0 || ink > 0) ok("labels painted", `${ink} pixels`);
    else fail("labels painted", "the labels canvas is blank");

    // Search for the most mentioned entity by its first word, then open it.
    if (top) {
      const label = top.Label;
      const word = label.split(/\s+/)[0];
      await page.fill("#search", word);
      const hits = await page.$$eval("#results button", (bs) => bs.map((b) => b.textContent));
      const hit = hits.findIndex((t) => t.startsWith(`${label} (`));
      if (hit < 0) {
        fail("search", `searching ${JSON.stringify(word)} listed ${JSON.stringify(hits)}, not ${JSON.stringify(label)}`);
      } else {
        ok("search", `${JSON.stringify(word)} finds ${JSON.stringify(label)}`);
        await (await page.$$("#results button"))[hit].click();
        const title = await page.$eval("#info h2", (h) => h.textContent);
        const aliases = await page.$$eval("#info .aliases li", (ls) => ls.length);
        if (title === label && aliases === top.aliases.split("|").length) {
          ok("node details", `${label}: ${aliases} aliases`);
        } else {
          fail("node details", `panel shows ${JSON.stringify(title)} with ${aliases} aliases`);
        }
        const relations = await page.$$("#info .relations button");
        if (relations.length > 0) {
          await relations[0].click();
          const sentences = await page.$$eval("#info .evidence li q", (qs) => qs.map((q) => q.textContent));
          if (sentences.length > 0 && sentences.every((s) => s.length > 0)) {
            ok("edge evidence", `${sentences.length} sentence(s), e.g. ${JSON.stringify(sentences[0].slice(0, 80))}`);
          } else {
            fail("edge evidence", `the edge panel shows ${sentences.length} sentences: ${JSON.stringify(sentences)}`);
          }
        }
      }
    }

    // Filters: unticking every kind hides every edge.
    const before = await page.evaluate(() => window.ergraph.visibleEdges().length);
    for (const box of await page.$$("#kinds input")) await box.uncheck();
    const after = await page.evaluate(() => window.ergraph.visibleEdges().length);
    for (const box of await page.$$("#kinds input")) await box.check();
    if (after === 0 && (before > 0 || readEdges() === 0)) ok("kind filter", `${before} edges -> ${after}`);
    else fail("kind filter", `${before} edges -> ${after} with every kind unticked`);

    const slider = await page.$eval("#dates", (d) => !d.hidden);
    if (dated !== slider) {
      fail("date slider", `graph ${dated ? "is" : "is not"} dated but the slider is ${slider ? "shown" : "hidden"}`);
    } else if (dated) {
      // Narrowed to the last day: only what was seen that day (or is undated) shows.
      const range = await page.evaluate(() => {
        const from = document.getElementById("date-from");
        from.value = from.max;
        from.dispatchEvent(new Event("input"));
        const e = window.ergraph;
        const last = document.getElementById("date-range").textContent.split(" to ")[1];
        const wrong = e.visibleNodes().filter((n) => {
          const days = e.graph.getNodeAttribute(n, "days");
          return days.length > 0 && !days.includes(last);
        });
        return [document.getElementById("date-range").textContent, e.visibleNodes().length, wrong.length];
      });
      if (range[2] === 0) ok("date slider", `${range[0]}: ${range[1]} entities shown`);
      else fail("date slider", `${range[0]}: ${range[2]} shown entities were not seen on that day`);
    } else {
      ok("date slider", "hidden for an undated graph");
    }

    if (screenshot) {
      await page.evaluate(() => {
        const from = document.getElementById("date-from");
        if (!from.closest("section").hidden) from.value = "0";
        from.dispatchEvent(new Event("input"));
      });
      await page.fill("#search", "");
      // Keep the evidence panel, clear the highlight.
      await page.evaluate(() => {
        window.ergraph.renderer.emit("clickStage", {});
        window.ergraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      });
      await page.waitForTimeout(800);
      await page.screenshot({ path: screenshot });
      ok("screenshot", screenshot);
    }
  }

  if (problems.length === 0) ok("no console error, no network");
  else fail("console", problems.slice(0, 5).join(" || "));
} finally {
  await browser.close();
}
process.exit(failures > 0 ? 1 : 0);
