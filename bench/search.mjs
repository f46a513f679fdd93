// The archive at scale: the viewer and its search worker over a generated archive
// (bench/archive.mjs, 10,000 issues × 20 items by default) with the prebuilt index of
// `newsletter index`, served on loopback as a static host would: every file brotli-compressed
// once (on its first request; a warm-up run asks for them all before the measured runs).
// Bytes are counted at the server, compressed, per phase:
//   open the viewer (and of that, the catalog); open the issue list; jump to the oldest
//   year; the first query (zh) typed as the box gets focus; the next query (en);
//   keystrokes once loaded; the first query typed a second after focus (zhTyped).
//
//   node bench/search.mjs [ARCHIVE_DIR] [--issues N] [--runs N] [--pagefind]
// ARCHIVE_DIR holds issues/ (made if missing) and the rest of the site, written by
// `newsletter publish` if search/ is missing (its time, and each part's, printed). With
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
  const publish = ["publish", path.join(SITE, "issues"), "--site-url", "https://example.org/bench/"];
  const log = execFileSync(path.join(ROOT, "target/release/newsletter"), publish, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  console.log(log.split("\n").filter((line) => !/^(wrote|removed) /.test(line)).join("\n"));
  console.log(`newsletter publish: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const compressed = new Map();
let served = 0;
let catalogBytes = 0;
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
    if (/^issues\/index(-\d+)?\.json$/.test(rel)) catalogBytes += body.length;
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

/** Starts timing the next query in the page: from its input event to its first results
 * on screen (a result, under a summary other than `before`, the last query's). */
const watchFirst = (page, before) =>
  page.evaluate((before) => {
    const probe = (window.nvProbe = { typed: 0, shown: 0 });
    document.addEventListener("input", () => (probe.typed ||= performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const summary = document.querySelector(".nv-results__summary")?.textContent;
      if (probe.typed && summary && summary !== before && document.querySelector(".nv-results__item")) {
        probe.shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, before);
/** The time from the query's input event to its first results on screen (ms). */
async function firstShown(page) {
  await page.waitForFunction(() => window.nvProbe.shown);
  return Math.round(await page.evaluate(() => window.nvProbe.shown - window.nvProbe.typed));
}

async function run() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const out = {};
  served = 0;
  catalogBytes = 0;
  let t = Date.now();
  await page.goto(base + "?lang=both");
  await page.waitForSelector("body > main article.nv-card");
  out.open = { bytes: served, ms: Date.now() - t };
  out.catalog = { bytes: catalogBytes, ms: 0 };
  // The issue list: focusing it fetches the rest of the shown issue's year, if any.
  served = 0;
  t = Date.now();
  await page.focus("#nv-issue");
  await page.waitForLoadState("networkidle");
  out.list = { bytes: served, ms: Date.now() - t };
  // The oldest year, from the keyboard: its pages, then its newest issue.
  served = 0;
  t = Date.now();
  await page.focus("#nv-year");
  await page.keyboard.press("End");
  const oldest = await page.$eval("#nv-year option:last-child", (o) => o.value);
  // Opened once the URL names its issue, the picker shows it and the page has it.
  await page.waitForFunction(
    (oldest) =>
      /issue=/.test(location.search) &&
      document.querySelector("#nv-year").value === oldest &&
      !document.querySelector(".nv-progress--on") &&
      document.querySelector("body > main article.nv-card"),
    oldest,
  );
  out.year = { bytes: served, ms: Date.now() - t };
  await page.goto(base + "?lang=both");
  await page.waitForSelector("body > main article.nv-card");
  // The page's long tasks from here on: searching must leave the page responsive.
  await page.evaluate(() => {
    window.nvLongest = 0;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.nvLongest = Math.max(window.nvLongest, task.duration);
    }).observe({ type: "longtask" });
  });
  await page.focus("#nv-q");
  let summary = "";
  for (const lang of ["zh", "en"]) {
    served = 0;
    await watchFirst(page, summary);
    t = Date.now();
    await page.fill("#nv-q", QUERIES[lang]);
    const first = await firstShown(page);
    await page.waitForFunction((q) => new URL(location).searchParams.get("q") === q, QUERIES[lang]);
    await answered(page);
    summary = await page.textContent(".nv-results__summary");
    out[lang] = { bytes: served, ms: Date.now() - t, first, summary };
  }
  // Keystrokes once the words' shards are in: the same query again, a word at a time,
  // timed in the page from the input event to the results shown (the harness's own round
  // trips left out).
  await page.fill("#nv-q", QUERIES.next.at(-1) + " ");
  await answered(page);
  await page.evaluate(() => {
    window.nvKeys = [];
    document.addEventListener("input", () => (window.nvTyped = performance.now()), true);
    new MutationObserver(() => {
      if (window.nvTyped && document.querySelector(".nv-results")?.getAttribute("aria-busy") === "false") {
        window.nvKeys.push(performance.now() - window.nvTyped);
        window.nvTyped = 0;
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-busy"] });
  });
  for (const q of QUERIES.next) {
    await page.fill("#nv-q", q + " ");
    await page.waitForFunction((q) => new URL(location).searchParams.get("q") === q, q + " ");
    await answered(page);
  }
  out.keystroke = { ms: Math.round(median(await page.evaluate(() => window.nvKeys))) };
  // Long tasks are those over 50 ms; none is 0.
  out.longest = { ms: Math.round(await page.evaluate(() => window.nvLongest)) };
  await context.close();
  // The first query again, in a fresh context, typed a second after the box got focus (a
  // reader typing four characters through an input method takes longer): the worker has
  // started meanwhile, as it does for a reader.
  const later = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fresh = await later.newPage();
  await fresh.goto(base + "?lang=both");
  await fresh.waitForSelector("body > main article.nv-card");
  await fresh.focus("#nv-q");
  await fresh.waitForTimeout(1000);
  served = 0;
  await watchFirst(fresh, "");
  t = Date.now();
  await fresh.fill("#nv-q", QUERIES.zh);
  const first = await firstShown(fresh);
  await fresh.waitForFunction((q) => new URL(location).searchParams.get("q") === q, QUERIES.zh);
  await answered(fresh);
  out.zhTyped = { bytes: served, ms: Date.now() - t, first };
  await later.close();
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
for (const phase of ["open", "catalog", "list", "year", "zh", "en", "zhTyped"]) {
  const first = runs[0][phase].first === undefined ? "" : `first results ${pick(phase, "first")} ms (in the page), all `;
  console.log(`  ${phase.padEnd(8)} ${kb(pick(phase, "bytes")).padStart(10)}  ${first}${String(pick(phase, "ms")).padStart(5)} ms  ${runs[0][phase].summary ?? ""}`);
}
console.log(`  keystroke once loaded: ${pick("keystroke", "ms")} ms (in the page)`);
console.log(`  longest main-thread task while searching: ${Math.max(...runs.map((r) => r.longest.ms))} ms over all runs (0: none over 50 ms)`);
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
