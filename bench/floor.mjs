// The floor under the start-up and size figures: the smallest Leptos CSR app worth the name
// (bench/floor/: a counter, a <Show> and a list), built with the viewer's release profile
// and wasm-opt -Oz, its js minified as the viewer's is, and loaded in headless Chromium the
// way trunk's page loads the viewer.
// Prints its size (brotli), the time until its first element is in the page, and the main
// thread's own time until then (bench/thread.mjs). On demand:
//
//   node bench/floor.mjs [--runs N (default 15)]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serve } from "../e2e/server.mjs";
import { launch, quietReader } from "../e2e/browser.mjs";
import { bundleSizes } from "../e2e/bundle.mjs";
import { median, spread } from "./stats.mjs";
import { mainThreadTime } from "./thread.mjs";
import { minifyBundle } from "../tools/minify.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const APP = path.join(ROOT, "bench/floor");
const OUT = path.join(ROOT, "bench/out/floor");
const TARGET = path.join(ROOT, "target/floor");
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 15;
const env = { ...process.env, PATH: `${path.join(ROOT, ".tools/node_modules/.bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const run = (cmd, argv, cwd = ROOT) => execFileSync(cmd, argv, { cwd, env, stdio: "inherit" });

// The viewer's lockfile, so the offline build takes the very versions the viewer uses.
fs.copyFileSync(path.join(ROOT, "Cargo.lock"), path.join(APP, "Cargo.lock"));
run("cargo", ["build", "--release", "--offline", "--target", "wasm32-unknown-unknown", "--target-dir", TARGET], APP);
fs.rmSync(OUT, { recursive: true, force: true });
run("wasm-bindgen", ["--target", "web", "--out-dir", OUT, path.join(TARGET, "wasm32-unknown-unknown/release/leptos-floor.wasm")]);
const wasm = path.join(OUT, "leptos-floor_bg.wasm");
const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
run("wasm-opt", ["-Oz", ...features.map((f) => `--enable-${f}`), wasm, "-o", wasm]);
fs.copyFileSync(path.join(APP, "index.html"), path.join(OUT, "index.html"));
// Minified as the viewer's build is (its post-build hook).
await minifyBundle(OUT);

// Measured as the viewer's bundle is (e2e/bundle.mjs): the wasm and the js glue.
const { parts: sizes, total } = bundleSizes(OUT);

const server = await serve({ root: OUT });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const times = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__first === undefined && document.querySelector("button")) window.__first = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(base);
  times.push(await (await quietReader(page)).until("window.__first"));
  await context.close();
}
// The main thread's own time to the same moment, in traced loads of their own.
const threadTimes = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  threadTimes.push(await mainThreadTime(await context.newPage(), base, `document.querySelector("button")`));
  await context.close();
}
await browser.close();
server.close();

for (const [f, s] of Object.entries(sizes)) console.log(`${f}: ${s.raw} bytes, ${s.brotli} brotli`);
console.log(`total brotli: ${total} bytes`);
console.log(`first element in the page: ${median(times).toFixed(1)} ms (median of ${RUNS} loads, ${spread(times)})`);
console.log(`main-thread time to it: ${median(threadTimes).toFixed(1)} ms (median of ${RUNS} loads, ${spread(threadTimes)})`);
