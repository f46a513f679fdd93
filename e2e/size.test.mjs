// The bundle's size: wasm + js + css of the release build, brotli-compressed (e2e/bundle.mjs), against a
// budget. The target is 100 KiB; the budget below is today's size plus a margin,
// so that growth fails here while the target is worked towards (see BENCHMARKS.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundleSizes } from "./bundle.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const BUDGET = 165 * 1024;
const TARGET = 100 * 1024;

test("the bundle stays within its size budget (brotli)", () => {
  const { parts, total } = bundleSizes(DIST);
  assert.ok(Object.keys(parts).some((f) => f.endsWith(".wasm")), "a release build is in dist/");
  assert.ok(Object.keys(parts).some((f) => f.includes("style") || f.endsWith(".css")), "the style sheets are counted");
  console.log(`bundle: ${(total / 1024).toFixed(1)} KiB brotli (budget ${BUDGET / 1024} KiB, target ${TARGET / 1024} KiB)`);
  assert.ok(total <= BUDGET, `${total} bytes over the ${BUDGET}-byte budget`);
});
