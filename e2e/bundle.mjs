// What the bundle weighs: the wasm, js and css of a release build, raw and brotli-compressed
// (quality 11). The style sheets are inlined into index.html (see index.html), so the
// contents of its <style> elements count as css, as one sheet would; and its own scripts
// (the loading note's timer, the early requests, trunk's loader) count as js.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { inlineScripts, inlineStyles } from "../tools/inline.mjs";

const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The search worker's files (search-worker*.js, .wasm): loaded when search is first used. */
export const isWorker = (file) => path.basename(file).startsWith("search-worker");

/** `{ name: { raw, brotli } }` for each part of the page's first download in `dist`, and
 * their brotli total; the search worker's files apart (`worker`, `workerTotal`), and the
 * service worker's size (`serviceWorker`). */
export function bundleSizes(dist) {
  const parts = {};
  const worker = {};
  const add = (name, bytes, into = parts) => (into[name] = { raw: bytes.length, brotli: brotli(bytes) });
  // Also the glue's snippets (snippets/…/*.js), which the page loads with it.
  // Not the service worker (sw.js), which the page registers once it has loaded.
  const offline = {};
  for (const f of fs.readdirSync(dist, { recursive: true }).filter((f) => /\.(wasm|js|css)$/.test(f))) {
    const group = f === "sw.js" ? offline : isWorker(f) ? worker : parts;
    add(f.replace(/-[0-9a-f]{12,}/g, ""), fs.readFileSync(path.join(dist, f)), group);
  }
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const styles = inlineStyles(html);
  if (styles.length > 0) add("index.html <style>", Buffer.from(styles.join("\n")));
  const scripts = inlineScripts(html);
  if (scripts.length > 0) add("index.html <script>", Buffer.from(scripts.join("\n")));
  const sum = (group) => Object.values(group).reduce((total, part) => total + part.brotli, 0);
  return { parts, total: sum(parts), worker, workerTotal: sum(worker), serviceWorker: sum(offline) };
}
