// The sample on a phone over a mobile network: the viewer, the plain-JavaScript peer and the
// static page (`newsletter pages`), each served as a static host serves them (every file
// compressed once, brotli when the browser asks for it, else gzip), in a 360 × 740 page with
// a 4× slower CPU, on two network profiles emulated through the DevTools protocol. On
// demand, after a release build:
//
//   node bench/phone.mjs [--runs N (default 5)]
//
// (SITES=viewer,plain picks the pages measured; DEBUG=1 prints every load, with the layout
// shifts and the elements they moved.)
//
// For each: the first card (the first <article> laid out), the first interaction answered
// (a tap on "English" repeated from the moment the button exists until the page has
// switched; the static page has none), when the viewer's own page has taken the place of
// index.html's snapshot (the viewer only), and the layout shift (CLS) until 300 ms after both
// (shifts within 500 ms of the tap count as expected ones, as the metric has it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { serve } from "../e2e/server.mjs";
import { launch, quietReader } from "../e2e/browser.mjs";
import { median } from "./stats.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 5;
const PROFILES = {
  "slow 4G": { latency: 150, down: 1.6e6, up: 0.75e6 },
  "4G": { latency: 85, down: 9e6, up: 9e6 },
};

// ---- the three sites, every file compressed once ----
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css", ".svg": "image/svg+xml" };
const files = new Map();
function add(url, full) {
  const body = fs.readFileSync(full);
  files.set(url, {
    type: TYPES[path.extname(full)] ?? "application/octet-stream",
    br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: zlib.gzipSync(body, { level: 9 }),
  });
}
function addDir(prefix, dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    add(prefix + path.relative(dir, full), full);
  }
}
const sample = path.join(ROOT, "public/issues");
addDir("/viewer/", path.join(ROOT, "dist"));
addDir("/plain/", path.join(ROOT, "bench/plain"));
addDir("/plain/issues/", sample);
const pages = fs.mkdtempSync(path.join(os.tmpdir(), "nv-phone-"));
fs.cpSync(sample, path.join(pages, "issues"), { recursive: true });
execFileSync("cargo", ["run", "-q", "-p", "newsletter-cli", "--", "pages", path.join(pages, "issues"), "--site-url", "https://example.org/"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
addDir("/static/", pages);

const encodings = new Set();
const server = await serve({
  root: pages,
  base: "/",
  route: (rel, req, res) => {
    const url = "/" + (rel === "" || rel.endsWith("/") ? rel + "index.html" : rel);
    const file = files.get(url);
    if (!file) return false;
    const accepts = req.headers["accept-encoding"] ?? "";
    const encoding = accepts.includes("br") ? "br" : "gzip";
    encodings.add(encoding);
    res.writeHead(200, { "content-type": file.type, "content-encoding": encoding, vary: "accept-encoding" }).end(file[encoding]);
    return true;
  },
});
const base = `http://127.0.0.1:${server.address().port}`;

// ---- one load ----
const PROBE = () => {
  window.__t = { firstCard: null, answered: null, viewer: null, cls: 0 };
  new MutationObserver(() => {
    const now = performance.now();
    // A card laid out: index.html's snapshot of the issue is in the DOM, hidden, from the
    // start, and the viewer's cards are hidden until its page is ready.
    const shown = () => [...document.querySelectorAll("article")].some((a) => a.getClientRects().length > 0);
    if (window.__t.firstCard === null && shown()) window.__t.firstCard = now;
    // The viewer's own page in place of the snapshot (its <main> is a child of <body>).
    const own = document.querySelector("body > main.nv-main article");
    if (window.__t.viewer === null && own && own.getClientRects().length > 0) window.__t.viewer = now;
    // Switched to English: the viewer marks <html data-mode>; the peer re-renders its cards.
    const html = document.documentElement;
    const english = html.dataset.mode ? html.dataset.mode === "en" : !!document.querySelector("article [lang=en]");
    if (window.__t.answered === null && window.__t.firstCard !== null && english) window.__t.answered = now;
  }).observe(document, { subtree: true, childList: true, attributes: true });
  // When the taps arrived, and the long tasks (DEBUG shows them).
  addEventListener("touchstart", () => (window.__t.taps ??= []).push(Math.round(performance.now())), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (window.__t.long ??= []).push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__t.cls += e.value;
      (window.__t.shifts ??= []).push({ at: Math.round(e.startTime), value: +e.value.toFixed(3), moved: e.sources.map((s) => s.node?.className || s.node?.nodeName) });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

const SITES = {
  // The first such button: the snapshot's (index.html's script answers it) until the viewer
  // has taken over, then the viewer's.
  viewer: { url: "/viewer/?lang=zh", button: "button[data-lang=en]" },
  plain: { url: "/plain/?lang=zh", button: "button[data-lang=en]" },
  static: { url: "/static/issues/cyber-041.html", button: null },
};

async function load(browser, site, profile) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const reader = await quietReader(page);
  await reader.cdp.send("Network.enable");
  await reader.cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const p = PROFILES[profile];
  await reader.cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: p.latency,
    downloadThroughput: p.down / 8,
    uploadThroughput: p.up / 8,
  });
  await reader.cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(PROBE);
  const { url, button } = SITES[site];
  await page.goto(base + url, { waitUntil: "commit" });
  await reader.until(`window.__t && window.__t.firstCard !== null`);
  if (button) {
    // A reader tapping "English" as soon as it is shown, until the page answers. One
    // round trip finds the button and its middle, and the touch goes straight through the
    // DevTools protocol (Playwright's tap takes several round trips to the page's main
    // thread first, which a busy page answers late).
    const find = `(() => {
      const b = [...document.querySelectorAll(${JSON.stringify(button)})].find((b) => b.getClientRects().length > 0);
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    })()`;
    for (;;) {
      if (await reader.value(`window.__t.answered !== null`)) break;
      const spot = await reader.value(find);
      if (spot) {
        await reader.cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [spot] });
        await reader.cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  // The viewer's own page in place (the takeover is within the layout shifts counted).
  if (site === "viewer") await reader.until(`window.__t.viewer !== null`);
  await new Promise((r) => setTimeout(r, 300));
  const t = await reader.value("window.__t");
  await context.close();
  return t;
}

const browser = await launch();
const results = {};
const record = (key, value) => value !== null && value !== undefined && (results[key] ??= []).push(value);
for (let run = 0; run < RUNS; run++) {
  for (const profile of Object.keys(PROFILES)) {
    const order = (process.env.SITES?.split(",")) ?? (run % 2 ? ["static", "plain", "viewer"] : ["viewer", "plain", "static"]);
    for (const site of order) {
      const t = await load(browser, site, profile);
      if (process.env.DEBUG) console.error(profile, site, JSON.stringify(t));
      record(`${profile}|${site}|first card (ms)`, t.firstCard);
      if (SITES[site].button) record(`${profile}|${site}|first interaction answered (ms)`, t.answered);
      if (site === "viewer") record(`${profile}|${site}|viewer's own page (ms)`, t.viewer);
      record(`${profile}|${site}|layout shift (CLS)`, t.cls);
    }
  }
  console.error(`run ${run + 1}/${RUNS} done`);
}
await browser.close();
server.close();

// ---- report ----
const lines = [
  `360 × 740, 4× slower CPU, ${[...encodings].join("/")} from a static server; ${RUNS} runs, medians (min–max).`,
  "",
  "| profile | measure | viewer | plain JS | static page | viewer ÷ plain |",
  "| --- | --- | ---: | ---: | ---: | ---: |",
];
const cell = (key) => {
  const xs = results[key];
  if (!xs) return "–";
  const digits = key.includes("CLS") ? 3 : 0;
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
};
for (const profile of Object.keys(PROFILES)) {
  for (const measure of ["first card (ms)", "first interaction answered (ms)", "viewer's own page (ms)", "layout shift (CLS)"]) {
    const m = (site) => results[`${profile}|${site}|${measure}`];
    const ratio = m("viewer") && m("plain") && median(m("plain")) > 0 ? `${(median(m("viewer")) / median(m("plain"))).toFixed(2)}×` : "–";
    lines.push(`| ${profile} | ${measure} | ${cell(`${profile}|viewer|${measure}`)} | ${cell(`${profile}|plain|${measure}`)} | ${cell(`${profile}|static|${measure}`)} | ${ratio} |`);
  }
}
console.log(lines.join("\n"));
fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench/out/phone.json"), JSON.stringify({ runs: RUNS, results }, null, 1));
