// The bundle's size: wasm + js + css of the release build, brotli-compressed, against a
// budget. The target is 100 KiB; the budget below is today's size plus a margin,
// so that growth fails here while the target is worked towards (see BENCHMARKS.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const DIST = new URL("../dist/", import.meta.url).pathname;
const BUDGET = 165 * 1024;
const TARGET = 100 * 1024;

test("the bundle stays within its size budget (brotli)", () => {
  let total = 0;
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  assert.ok(files.some((f) => f.endsWith(".wasm")), "a release build is in dist/");
  for (const f of files) {
    const raw = fs.readFileSync(path.join(DIST, f));
    total += zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`bundle: ${(total / 1024).toFixed(1)} KiB brotli (budget ${BUDGET / 1024} KiB, target ${TARGET / 1024} KiB)`);
  assert.ok(total <= BUDGET, `${total} bytes over the ${BUDGET}-byte budget`);
});
