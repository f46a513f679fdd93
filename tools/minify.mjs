// Trunk post-build hook, run before the CSP hook (which hashes what this leaves): minifies
// the bundle's JavaScript (wasm-bindgen's glue and index.html's own scripts, with terser)
// and the style sheets that trunk inlined into index.html (with lightningcss). Trunk's own
// minifier cannot read the glue (it stops at `export default`), and the copy a reader
// downloads needs none of the sources' comments. Versions: tools/versions.env.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { editScripts, editStyles } from "./inline.mjs";

const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const { minify } = require("terser");
const { transform } = require("lightningcss");

/** Minifies, in place, every .js file in `dir` and the scripts and style sheets of its index.html. */
export async function minifyBundle(dir) {
  // The glue, and the snippets it imports (snippets/…/*.js, from `#[wasm_bindgen(module)]`).
  for (const name of fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".js"))) {
    const file = path.join(dir, name);
    // The search worker's glue and loader are classic scripts (wasm-bindgen's no-modules
    // target): their top-level `wasm_bindgen` is how the loader finds the glue, so it keeps
    // its name.
    const module = !/^(search-worker|loader\.js)/.test(path.basename(name));
    const { code } = await minify(fs.readFileSync(file, "utf8"), { module });
    fs.writeFileSync(file, code);
  }
  const index = path.join(dir, "index.html");
  if (fs.existsSync(index)) {
    const html = editStyles(fs.readFileSync(index, "utf8"), (css) =>
      transform({ filename: "index.html <style>", code: Buffer.from(css), minify: true }).code.toString(),
    );
    fs.writeFileSync(index, await editScripts(html, async (js, module) => (await minify(js, { module })).code));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
  await minifyBundle(dir);
  console.log(`minify.mjs: ${dir} minified`);
}
