// tools/imports.mjs: the wasm's import names shortened in the wasm and in the glue.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { renameImports, shortName } from "../tools/imports.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;

// A module importing one thing of each kind a wasm-bindgen build may import.
function moduleWithImports() {
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  const imports = [
    [...name("./glue.js"), ...name("__wbg_appendChild_7465eba84213c75f"), 0x00, 0x00], // function of type 0
    [...name("./glue.js"), ...name("memory"), 0x02, 0x01, 0x01, 0x02], // memory, 1 to 2 pages
    [...name("./glue.js"), ...name("table"), 0x01, 0x6f, 0x00, 0x01], // table of externref, 1 or more
    [...name("./glue.js"), ...name("global"), 0x03, 0x7f, 0x00], // immutable i32
  ];
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x00, 0x00]),
    ...section(2, [imports.length, ...imports.flat()]),
    ...section(0, [...name("after"), 1, 2, 3]), // a section after the imports, kept as it is
  ]);
}

test("every kind of import is renamed, and the module reads back whole", () => {
  const original = moduleWithImports();
  assert.ok(WebAssembly.validate(original));
  const { bytes, renamed } = renameImports(original, (_module, name) => name.toUpperCase().slice(0, 3));
  assert.ok(WebAssembly.validate(bytes));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
  assert.deepEqual(
    imports.map((i) => [i.module, i.name, i.kind]),
    [
      ["./glue.js", "__W", "function"],
      ["./glue.js", "MEM", "memory"],
      ["./glue.js", "TAB", "table"],
      ["./glue.js", "GLO", "global"],
    ],
  );
  assert.equal(renamed.get("__wbg_appendChild_7465eba84213c75f"), "__W");
  const after = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), "after");
  assert.deepEqual([...new Uint8Array(after[0])], [1, 2, 3]);
});

test("short names are distinct", () => {
  const names = Array.from({ length: 3000 }, (_, n) => shortName(n));
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual([shortName(0), shortName(51), shortName(52)], ["a", "Z", "aa"]);
});

test("the release build's wasm imports the glue by short names", () => {
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
  assert.ok(wasm, "a release build is in dist/");
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(path.join(DIST, wasm))));
  assert.ok(imports.length > 100);
  for (const i of imports) assert.ok(i.name.length <= 2, `import ${i.name} was not shortened`);
});
