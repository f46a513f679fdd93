// The archive at scale: the viewer and its search worker over a generated archive
// (bench/archive.mjs, 10,000 issues × 20 items by default) with the prebuilt index of
// `newsletter index`, served on loopback as a static host would: every file brotli-compressed
// once (on its first request; a warm-up run asks for them all before the measured runs).
// Bytes are counted at the server, compressed, per phase:
//   open the viewer; the first query (zh); the next query (en); keystrokes once loaded.
//
//   node bench/search.mjs [ARCHIVE_DIR] [--issues N] [--runs N] [--pagefind]
// ARCHIVE_DIR holds issues/ (made if missing) and search/ (indexed if missing). With
// --pagefind, the peer: the same archive as one HTML page per issue (from
// bench/archive.mjs --pages, in html/ beside issues/), indexed by pagefind_extended (npm
// package `pagefind`; not installed by the project) into html/pagefind/, and the same queries through
// its JavaScript API, loading the data of as many results as the viewer shows (30).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { serve } from "../e2e/server.mjs";
import { launch } from "../e2e/browser.mjs";
import { median } from "./stats.mjs";
import { writeArchive } from "./archive.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ISSUES = option("--issues", 10000);
const RUNS = option("--runs", 3);
const SITE = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? path.join(ROOT, "bench/out/archive");
const QUERIES = { zh: "人脸识别", en: "facial recognition", next: ["personal", "personal data", "personal data protection"] };

if (!fs.existsSync(path.join(SITE, "issues/index.json"))) {
  console.log(`writing ${ISSUES} issues into ${SITE}/issues …`);
  writeArchive(path.join(SITE, "issues"), ISSUES);
}
if (!fs.existsSync(path.join(SITE, "search/index.json"))) {
  execFileSync("cargo", ["build", "--release", "-q", "-p", "newsletter-cli"], { cwd: ROOT, stdio: "inherit" });
  const started = Date.now();
  execFileSync(path.join(ROOT, "target/release/newsletter"), ["index", path.join(SITE, "issues")], { stdio: "inherit" });
  console.log(`newsletter index: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const compressed = new Map();
let served = 0;
const server = await serve({
  root: path.join(ROOT, "dist"),
  base: "/",
  route: (rel, _req, res) => {
    rel = rel === "" ? "index.html" : rel;
    if (rel === "pf/bench.html") {
      res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><meta charset="utf-8"><script type="module">window.pf = await import("./pagefind/pagefind.js");</script>');
      return true;
    }
    const full = rel.startsWith("pf/")
      ? path.join(SITE, "html", rel.slice(3))
      : /^(issues|search)\//.test(rel)
        ? path.join(SITE, rel)
        : path.join(ROOT, "dist", rel);
    if (!fs.existsSync(full) || fs.statSync(full).isDirectory()) return false;
    if (!compressed.has(full)) {
      const body = fs.readFileSync(full);
      compressed.set(full, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    }
    const body = compressed.get(full);
    served += body.length;
    res.writeHead(200, { "content-type": TYPES[path.extname(full)] ?? "application/octet-stream", "content-encoding": "br" }).end(body);
    return true;
  },
});
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();

/** Waits until the results answer the newest ask (the worker reading no more issues). */
const answered = (page) =>
  page.waitForFunction(() => {
    const results = document.querySelector(".nv-results");
    return results?.getAttribute("aria-busy") === "false" && !document.querySelector(".nv-results__loading")?.textContent;
  });

async function run() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const out = {};
  served = 0;
  let t = Date.now();
  await page.goto(base + "?lang=both");
  await page.waitForSelector("body > main article.nv-card");
  out.open = { bytes: served, ms: Date.now() - t };
  await page.focus("#nv-q");
  for (const lang of ["zh", "en"]) {
    served = 0;
    t = Date.now();
    await page.fill("#nv-q", QUERIES[lang]);
    await page.waitForFunction((q) => new URL(location).searchParams.get("q") === q, QUERIES[lang]);
    await answered(page);
    out[lang] = { bytes: served, ms: Date.now() - t, summary: await page.textContent(".nv-results__summary") };
  }
  // Keystrokes once the words' shards are in: the same query again, a word at a time.
  await page.fill("#nv-q", QUERIES.next.at(-1) + " ");
  await answered(page);
  const keys = [];
  for (const q of QUERIES.next) {
    t = Date.now();
    await page.fill("#nv-q", q + " ");
    await page.waitForFunction((q) => new URL(location).searchParams.get("q") === q, q + " ");
    await answered(page);
    keys.push(Date.now() - t);
  }
  out.keystroke = { ms: median(keys) };
  await context.close();
  return out;
}

/** Pagefind over the same archive: the same two queries, bytes and time to results. */
async function peer() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "pf/bench.html");
  await page.waitForFunction(() => window.pf);
  const out = {};
  for (const lang of ["zh", "en"]) {
    served = 0;
    const ms = await page.evaluate(async (q) => {
      const t = performance.now();
      const search = await window.pf.search(q);
      await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
      return Math.round(performance.now() - t);
    }, QUERIES[lang]);
    out[lang] = { bytes: served, ms };
  }
  await context.close();
  return out;
}
const PAGEFIND = args.includes("--pagefind") && fs.existsSync(path.join(SITE, "html/pagefind/pagefind.js"));

await run(); // warm-up: the server compresses what the runs will ask for
if (PAGEFIND) await peer();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
const pick = (phase, key) => median(runs.map((r) => r[phase][key]));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`\n${ISSUES} issues, median of ${RUNS} runs, bytes brotli at the server:`);
for (const phase of ["open", "zh", "en"]) {
  console.log(`  ${phase.padEnd(8)} ${kb(pick(phase, "bytes")).padStart(10)}  ${String(pick(phase, "ms")).padStart(5)} ms  ${runs[0][phase].summary ?? ""}`);
}
console.log(`  keystroke once loaded: ${pick("keystroke", "ms")} ms`);
if (PAGEFIND) {
  const peers = [];
  for (let i = 0; i < RUNS; i++) peers.push(await peer());
  for (const lang of ["zh", "en"]) {
    const m = (key) => median(peers.map((p) => p[lang][key]));
    console.log(`  Pagefind ${lang}: ${kb(m("bytes"))}, ${m("ms")} ms`);
  }
}
const index = path.join(SITE, "search");
const size = fs.readdirSync(index, { recursive: true }).reduce((sum, f) => sum + (fs.statSync(path.join(index, f)).isFile() ? fs.statSync(path.join(index, f)).size : 0), 0);
console.log(`  index on disk: ${(size / 1e6).toFixed(0)} MB`);
await browser.close();
server.close();
