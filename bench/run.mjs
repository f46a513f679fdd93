// The performance benchmark: the viewer's release bundle against a small hand-written
// plain-JavaScript page (bench/plain/) rendering the same JSON, in headless Chromium, served
// on loopback. Run on demand (not a test):
//
//   node bench/run.mjs [--runs N (default 9)] [--no-build] [--dist DIR] [--before DIR]
//
// (--dist measures another build of the viewer instead of dist/, without building;
// --before also measures an earlier build, e.g. an earlier commit's dist/, in the same runs,
// taking turns with the viewer and the peer, so that both builds meet the same machine.)
//
// It builds the release bundle (unless --no-build), generates the large inputs
// (bench/gen.mjs), and measures, alternating viewer and peer in each run:
//   - time to the first card and to fully rendered, for the sample and the 2,000-item issue;
//   - the sample's first card on a phone-sized page with a 4x slower CPU, and with every
//     response held back 40 ms, as on a real network (neither a target);
//   - the main thread's own time to the sample's first card and to the catalog's list, in
//     traced loads of their own (not targets: the work behind those rows);
//   - interactions on the sample and on the 2,000-item issue (switching language, toggling
//     a jurisdiction, clearing the filter, a contents jump, switching issues), each a real
//     click or key press: input to next paint as the browser's Event Timing API reports it
//     (the measure behind INP), and the time until the DOM has been quiet for 100 ms; the
//     peer also as a minimal page whose filter only toggles `hidden` on the cards;
//   - the issue list of the 1,000-issue catalog (time until all its entries are rendered);
//   - JS heap (after a forced GC) plus wasm memory after rendering the 2,000-item issue;
//   - the viewer's render time at 500, 1,000 and 2,000 items (growth per item);
//   - the archive's search index: time to build it for 500 issues, the longest frame
//     meanwhile, the wasm memory once built, and keystroke to results;
//   - the bundle's size, brotli-compressed (e2e/bundle.mjs).
// Prints medians and ratios (viewer / peer) as Markdown, and writes bench/out/results.json.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { serve } from "../e2e/server.mjs";
import { launch, quietReader, CHROMIUM } from "../e2e/browser.mjs";
import { bundleSizes } from "../e2e/bundle.mjs";
import { bigCatalog, bigIssue } from "./gen.mjs";
import { median, spread } from "./stats.mjs";
import { mainThreadTime } from "./thread.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const DIST = args.includes("--dist") ? path.resolve(args[args.indexOf("--dist") + 1]) : path.join(ROOT, "dist");
const BEFORE = args.includes("--before") ? path.resolve(args[args.indexOf("--before") + 1]) : null;
/** The builds of the viewer measured: this one, and the earlier one if given. */
const VIEWERS = BEFORE ? ["viewer", "before"] : ["viewer"];
const PLAIN = path.join(ROOT, "bench/plain");
const OUT = path.join(ROOT, "bench/out");
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 9;

if (!args.includes("--no-build") && !args.includes("--dist")) {
  execFileSync("trunk", ["build", "--release", "--offline"], { cwd: ROOT, stdio: "inherit" });
}

// ---- inputs ----
const sampleIssue = fs.readFileSync(path.join(DIST, "issues/cyber-041.json"));
const sampleCatalog = fs.readFileSync(path.join(DIST, "issues/index.json"));
const catalogFor = (file, count = 1) =>
  JSON.stringify({ ...bigCatalog(count), issues: bigCatalog(count).issues.map((e, i) => (i === 0 ? { ...e, file } : e)) });
const datasets = {
  sample: { "index.json": sampleCatalog, "cyber-041.json": sampleIssue },
  // The sample again, every response (page, code, data) held back by LATENCY ms.
  slow: { "index.json": sampleCatalog, "cyber-041.json": sampleIssue },
  // The second issue of the big catalog is the sample, for switching issues.
  big: {
    "index.json": catalogFor("bench-big.json", 1000).replace('"file":"issue-1.json"', '"file":"cyber-041.json"'),
    "bench-big.json": JSON.stringify(bigIssue(2000, 10)),
    "cyber-041.json": sampleIssue,
  },
};
for (const n of [500, 1000, 2000]) {
  datasets[`n${n}`] = { "index.json": catalogFor(`n${n}.json`), [`n${n}.json`]: JSON.stringify(bigIssue(n, 10)) };
}
// The search archive: 500 issues of 20 items.
{
  const archive = { "index.json": JSON.stringify(bigCatalog(500)) };
  const small = bigIssue(20, 2);
  bigCatalog(500).issues.forEach((entry, i) => {
    archive[entry.file] = JSON.stringify({ ...small, id: `issue-${i}`, sections: small.sections.map((s) => ({ ...s, items: s.items.map((it) => ({ ...it, id: `${it.id}-${i}` })) })) });
  });
  datasets.archive = archive;
}

const LATENCY = 40;

// ---- server: /<app>/<dataset>/ ----
const server = await serve({
  root: DIST,
  base: "/",
  route: async (rel, _req, res) => {
    const [app, dataset, ...rest] = rel.split("/");
    const file = rest.join("/");
    if (![...VIEWERS, "plain", "minimal"].includes(app) || !datasets[dataset]) return false;
    if (dataset === "slow") await delay(LATENCY);
    let body;
    let type = "text/html; charset=utf-8";
    if (file.startsWith("issues/")) {
      body = datasets[dataset][file.slice("issues/".length)];
      type = "application/json";
    } else {
      const dir = { viewer: DIST, before: BEFORE }[app] ?? PLAIN;
      // The minimal peer is the plain page with `?minimal` (see bench/plain/plain.js).
      const name = file === "" ? "index.html" : file;
      const full = path.join(dir, name);
      if (!full.startsWith(dir) || !fs.existsSync(full)) body = undefined;
      else {
        body = fs.readFileSync(full);
        type =
          { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml" }[
            path.extname(name)
          ] ?? "application/octet-stream";
      }
    }
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": type }).end(body);
    return true;
  },
});
const base = `http://127.0.0.1:${server.address().port}`;

// ---- in-page probes ----
// Records the first <article>, every DOM change, and the frame painted after the last one.
const PROBE = () => {
  window.__t = { firstCard: null, lastMutation: 0, settled: 0, options: null };
  const observer = new MutationObserver(() => {
    const now = performance.now();
    window.__t.lastMutation = now;
    if (window.__t.firstCard === null && document.querySelector("article")) window.__t.firstCard = now;
    const select = document.querySelector("select");
    if (window.__t.options === null && select && select.options.length >= (window.__expectOptions ?? 1e9)) {
      window.__t.options = now;
    }
    requestAnimationFrame(() => setTimeout(() => (window.__t.settled = performance.now())));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail.wasm));
  // Event Timing: each interaction's events, input to next paint (what INP is made of).
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "event", durationThreshold: 16 });
};

/** Waits until the DOM has not changed for `quiet` ms, then returns the probe's times. */
async function settle(reader, quiet = 400) {
  for (;;) {
    const t = await reader.value("({ ...window.__t, now: performance.now() })");
    if (t.firstCard !== null && t.now - t.lastMutation > quiet && t.settled >= t.lastMutation) return t;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function load(browser, app, dataset, { expectCards, expectOptions, lang = "en", phone = false }) {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } },
  );
  const page = await context.newPage();
  // Everything read from the page goes through the DevTools protocol (see quietReader).
  const reader = await quietReader(page);
  if (phone) {
    // A phone's processor, roughly: Chromium's 4x CPU slowdown.
    await reader.cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await page.addInitScript(`window.__expectOptions = ${expectOptions ?? "undefined"};`);
  await page.addInitScript(PROBE);
  const minimal = app === "minimal" ? "&minimal" : "";
  await page.goto(`${base}/${app}/${dataset}/?lang=${lang}${minimal}`);
  await reader.until(`document.querySelectorAll("article").length >= ${expectCards}`);
  const t = await settle(reader);
  return { context, page, reader, t };
}

/** The main thread's own time until `when` holds, in a traced load of its own (bench/thread.mjs). */
async function mainThreadTimeOf(browser, app, dataset, when, lang = "en") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ms = await mainThreadTime(await context.newPage(), `${base}/${app}/${dataset}/?lang=${lang}`, when);
  await context.close();
  return ms;
}

/**
 * One real interaction: `act` clicks or presses a key through Playwright, so the browser
 * sees trusted input. Returns its input-to-next-paint, the longest of its events as the
 * Event Timing API reports them (which leaves out events under 16 ms: those count as 16),
 * and the ms from the input until the DOM has been quiet for 100 ms and a frame is painted.
 */
async function interaction(reader, act) {
  const t0 = await reader.value("window.__events = []; performance.now()");
  await act();
  const t = await settle(reader, 100);
  await delay(50); // the observer reports after the paint
  const events = await reader.value("window.__events");
  const inp = Math.max(16, ...events.filter((e) => e.start >= t0 - 1).map((e) => e.duration));
  // A jump only scrolls: no DOM change to wait for.
  return { inp, quiet: t.lastMutation > t0 ? t.settled - t0 : null };
}

/** Runs and records the interactions of `app` on `dataset` (`jump` a contents link, `next` whether there is another issue). */
async function interactions(app, dataset, page, reader, { jump, next }) {
  const s = SELECTORS[app];
  const steps = [
    ["switch language zh → en", () => page.click(s.en)],
    ["toggle filter US", () => page.click(s.filter)],
    ["clear filter", () => page.click(s.clear)],
    ["contents jump", () => page.click(`${s.contents} a[href="#${jump}"]`)],
    ...(next ? [["switch issue", async () => (await page.focus(s.issue), await page.keyboard.press("ArrowDown"))]] : []),
  ];
  for (const [name, act] of steps) {
    if (app === "minimal" && !name.includes("filter")) continue;
    const { inp, quiet } = await interaction(reader, act);
    const peer = app === "minimal" ? "plain" : app;
    const variant = app === "minimal" ? " (peer: hide/show only)" : "";
    record(peer, `${dataset}: ${name}${variant}, input to next paint (ms)`, inp);
    if (quiet !== null) record(peer, `${dataset}: ${name}${variant}, to DOM quiet 100 ms (ms)`, quiet);
  }
}

async function memory({ cdp, value }) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await value("window.__wasm?.memory?.buffer.byteLength ?? 0");
  return { js: usedSize, wasm, total: usedSize + wasm };
}

const SELECTORS = {
  viewer: { en: "button[data-lang=en]", filter: "[data-code=US] input", clear: ".nv-filter__clear", contents: ".nv-contents", issue: "#nv-issue" },
  plain: { en: "button[data-lang=en]", filter: "input[data-code=US]", clear: "#clear", contents: "#contents", issue: "#issue" },
};
SELECTORS.minimal = SELECTORS.plain;
SELECTORS.before = SELECTORS.viewer;

const results = Object.fromEntries([...VIEWERS, "plain"].map((app) => [app, {}]));
const record = (app, metric, value) => (results[app][metric] ??= []).push(value);

const browser = await launch();
for (let run = 0; run < RUNS; run++) {
  // Alternate which app goes first, so neither always gets the warmer machine.
  const apps = [...VIEWERS, "plain"];
  const order = [...apps.slice(run % apps.length), ...apps.slice(0, run % apps.length)];
  for (const app of order) {
    {
      const { context, t } = await load(browser, app, "sample", { expectCards: 5 });
      record(app, "sample: first card (ms)", t.firstCard);
      record(app, "sample: fully rendered (ms)", t.settled);
      await context.close();
    }
    {
      const { context, page, reader } = await load(browser, app, "sample", { expectCards: 5, lang: "zh" });
      await interactions(app, "sample", page, reader, { jump: "ftc-everalbum-facial-recognition", next: false });
      await context.close();
    }
    {
      // Not a target: how the start-up scales on a slower processor.
      const { context, t } = await load(browser, app, "sample", { expectCards: 5, lang: "zh", phone: true });
      record(app, "sample, 360 px, 4× slower CPU: first card (ms)", t.firstCard);
      await context.close();
    }
    {
      // Not a target: a network's round trips, which loopback does not have.
      const { context, t } = await load(browser, app, "slow", { expectCards: 5 });
      record(app, `sample, ${LATENCY} ms per response: first card (ms)`, t.firstCard);
      await context.close();
    }
    // Not targets: the main thread's own time behind the sample's and the catalog's rows.
    record(app, "sample: main-thread time to first card (ms)", await mainThreadTimeOf(browser, app, "sample", `document.querySelector("article")`));
    record(
      app,
      "1,000-issue catalog: main-thread time to list (ms)",
      await mainThreadTimeOf(browser, app, "big", `document.querySelector("select")?.options.length >= 1000`, "zh"),
    );
    {
      const { context, page, reader, t } = await load(browser, app, "big", { expectCards: 2000, expectOptions: 1000, lang: "zh" });
      record(app, "2,000 items: first card (ms)", t.firstCard);
      record(app, "2,000 items: fully rendered (ms)", t.settled);
      record(app, "1,000-issue catalog: list rendered (ms)", t.options);
      const mem = await memory(reader);
      record(app, "2,000 items: JS heap + wasm memory (MB)", mem.total / 1e6);
      record(app, "2,000 items: of which JS heap (MB)", mem.js / 1e6);
      if (app !== "plain") record(app, "2,000 items: of which wasm memory (MB)", mem.wasm / 1e6);
      await interactions(app, "2,000 items", page, reader, { jump: "item-1500", next: true });
      await context.close();
    }
  }
  {
    // The minimal peer: its filter only toggles `hidden` on the 2,000 cards.
    const { context, page, reader } = await load(browser, "minimal", "big", { expectCards: 2000, lang: "zh" });
    await interactions("minimal", "2,000 items", page, reader, { jump: "item-1500", next: false });
    await context.close();
  }
  for (const app of VIEWERS) {
  for (const n of [500, 1000, 2000]) {
    const { context, t } = await load(browser, app, `n${n}`, { expectCards: n });
    record(app, `growth: ${n} items rendered (ms)`, t.settled);
    await context.close();
  }
  }
  for (const app of VIEWERS) {
    // Search: build the index of 500 issues (longest main-thread task while it builds),
    // then the time from each keystroke to results painted.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.addInitScript(() => {
      // The longest gap between two frames: how long the page was ever unresponsive.
      window.__longest = 0;
      let last = performance.now();
      const frame = (now) => {
        window.__longest = Math.max(window.__longest, now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`${base}/${app}/archive/?lang=en`);
    await page.waitForSelector("article", { state: "attached" });
    await settle(await quietReader(page));
    await page.evaluate(() => (window.__longest = 0));
    const t0 = await page.evaluate(() => {
      const input = document.getElementById("nv-q");
      input.value = "data";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return performance.now();
    });
    await page.waitForFunction(() => document.querySelector(".nv-results__loading")?.textContent === "", null, { timeout: 300000 });
    const built = await page.evaluate(() => performance.now());
    record(app, "search: index 500×20 items built (ms)", built - t0);
    record(app, "search: longest frame while building (ms)", await page.evaluate(() => window.__longest));
    record(app, "search: wasm memory once built (MB)", await page.evaluate(() => window.__wasm.memory.buffer.byteLength / 1e6));
    const typed = "数据安全 data protection";
    const times = [];
    const updated = [];
    for (let i = 1; i <= typed.length; i++) {
      // From the input event to the frame painted after the last DOM change it caused.
      const ms = await page.evaluate(async (value) => {
        const input = document.getElementById("nv-q");
        const t = performance.now();
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => setTimeout(r, 150));
        return window.__t.lastMutation > t ? [window.__t.lastMutation - t, window.__t.settled - t] : null;
      }, typed.slice(0, i));
      if (ms !== null) {
        updated.push(ms[0]);
        times.push(ms[1]);
      }
    }
    record(app, "search: keystroke to results in the DOM (ms)", median(updated));
    record(app, "search: keystroke to results painted (ms)", median(times));
    await context.close();
  }
  process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
}
await browser.close();
server.close();


// ---- size ----
const { parts: sizes, total: totalBrotli } = bundleSizes(DIST);

// ---- report ----
const lines = [];
lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${CHROMIUM} (${execFileSync(CHROMIUM, ["--version"]).toString().trim()}); ${RUNS} runs, medians.`);
lines.push("");
const beforeColumns = BEFORE ? " before | before ÷ plain |" : "";
lines.push(`| measure | viewer | plain JS | ratio | viewer min–max | plain min–max |${beforeColumns}`);
lines.push(`| --- | ---: | ---: | ---: | ---: | ---: |${BEFORE ? " ---: | ---: |" : ""}`);
const summary = {};
const fixed = (x) => (x === null ? "–" : x.toFixed(1));
const medianOf = (app, metric) => (results[app]?.[metric] ? median(results[app][metric]) : null);
const ratioOf = (a, b) => (a !== null && b ? a / b : null);
const times = (r) => (r === null ? "–" : `${r.toFixed(2)}×`);
for (const metric of new Set([...Object.keys(results.viewer), ...Object.keys(results.plain)])) {
  const v = medianOf("viewer", metric);
  const p = medianOf("plain", metric);
  const ratio = ratioOf(v, p);
  summary[metric] = { viewer: v, plain: p, ratio };
  // The spread of the runs is printed next to the medians.
  let line = `| ${metric} | ${fixed(v)} | ${fixed(p)} | ${times(ratio)} | ${spread(results.viewer[metric])} | ${spread(results.plain[metric])} |`;
  if (BEFORE) {
    const b = medianOf("before", metric);
    summary[metric].before = b;
    line += ` ${fixed(b)} | ${times(ratioOf(b, p))} |`;
  }
  lines.push(line);
}
lines.push("");
const g = (n) => summary[`growth: ${n} items rendered (ms)`].viewer;
lines.push(`Growth: ${(g(500) / 500).toFixed(2)} / ${(g(1000) / 1000).toFixed(2)} / ${(g(2000) / 2000).toFixed(2)} ms per item at 500 / 1,000 / 2,000 items.`);
lines.push("");
lines.push("| file | bytes | brotli |");
lines.push("| --- | ---: | ---: |");
for (const [f, s] of Object.entries(sizes)) lines.push(`| ${f} | ${s.raw} | ${s.brotli} |`);
lines.push(`| **total** | | **${totalBrotli}** (${(totalBrotli / 1024).toFixed(1)} KiB) |`);
const beforeBrotli = BEFORE ? bundleSizes(BEFORE).total : null;
if (BEFORE) lines.push(`| the earlier build's total | | ${beforeBrotli} (${(beforeBrotli / 1024).toFixed(1)} KiB) |`);
console.log(lines.join("\n"));
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify({ results, summary, sizes, totalBrotli, beforeBrotli }, null, 1));
