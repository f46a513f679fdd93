// The bundle's size: wasm + js + css + the page's inline scripts of the release build,
// brotli-compressed (e2e/bundle.mjs), against its budget (BENCHMARKS.md has the figures).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { bundleSizes } from "./bundle.mjs";
import { inlineScripts, inlineStyles } from "../tools/inline.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
// 185 KiB since the viewer reads with serde and fetches with gloo-net (182,773 bytes then);
// 195 KiB since the paged catalog (199,454 bytes then: its loading and year jump cost
// 15.9 KB, after moving search to the worker had saved 4.9 KB; BENCHMARKS.md); 200 KiB
// since issues carry regulators (202,290 bytes then: reading the map, 2.8 KB); 210 KiB since
// the regulator facet, side by side, and citing and sharing a card (211,221 bytes then:
// 8.9 KB for the three, most of it their views and the citation rules); 220 KiB since
// offline reading (224,852 bytes then: 13.6 KB, of which the list of issues to save 6.0).
const BUDGET = 220 * 1024;

test("the bundle stays within its size budget (brotli)", () => {
  const { parts, total } = bundleSizes(DIST);
  assert.ok(Object.keys(parts).some((f) => f.endsWith(".wasm")), "a release build is in dist/");
  assert.ok(Object.keys(parts).some((f) => f.includes("style") || f.endsWith(".css")), "the style sheets are counted");
  console.log(`bundle: ${(total / 1024).toFixed(1)} KiB brotli (budget ${BUDGET / 1024} KiB)`);
  assert.ok(total <= BUDGET, `${total} bytes over the ${BUDGET}-byte budget`);
});

test("the shipped js and css are minified, the page's own too (tools/minify.mjs ran before the CSP hook)", () => {
  const scripts = fs.readdirSync(DIST, { recursive: true }).filter((f) => f.endsWith(".js"));
  assert.ok(scripts.length > 0, "a release build is in dist/");
  for (const f of scripts) {
    const js = fs.readFileSync(path.join(DIST, f), "utf8");
    assert.ok(!/^\s*(\/\/|\/\*\*)/m.test(js), `${f} still has the glue's comments`);
    assert.ok(js.split("\n").length < 10, `${f} is not minified (${js.split("\n").length} lines)`);
  }
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  for (const css of inlineStyles(html)) {
    assert.ok(!css.includes("/*") && !css.includes("\n  "), `a style sheet is not minified: ${css.slice(0, 80)}`);
  }
  for (const js of inlineScripts(html)) {
    assert.ok(!/\/\/|\/\*|\n/.test(js.trim()), `a script of the page is not minified: ${js.slice(0, 80)}`);
  }
});
