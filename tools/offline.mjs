// Trunk post-build hook, run last (after the snapshot has been written into index.html):
// writes the service worker (service-worker/sw.js) into the build, with the build's app files
// and their SHA-256 hashes. The files are those the page and the search worker load: the
// page, the scripts, the wasm, the manifest and the icons at the top of the build. The data
// (issues/, search/, the feeds and the static pages) is not the app's: it changes without a
// new build.
//   node tools/offline.mjs [dir]
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const { minify } = require("terser");

const WORKER = "sw.js";
const APP_FILE = /^(index\.html|.+\.(js|wasm|svg|png|webmanifest))$/;

/** The app's files in `dir` and the SHA-256 (hex) of each, by path relative to `dir`. */
export function appFiles(dir) {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== WORKER && APP_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const hash = (name) => crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, name))).digest("hex");
  return Object.fromEntries(names.map((name) => [name, hash(name)]));
}

/** Writes `dir`/sw.js for the build in `dir`; returns the build's id. */
export async function writeWorker(dir) {
  const files = appFiles(dir);
  if (!files["index.html"]) throw new Error(`offline.mjs: no index.html in ${dir}`);
  const id = crypto
    .createHash("sha256")
    .update(Object.entries(files).map(([name, hash]) => `${hash} ${name}\n`).join(""))
    .digest("hex")
    .slice(0, 16);
  const source = fs.readFileSync(new URL("../service-worker/sw.js", import.meta.url), "utf8");
  const filled = source.replace(/^const BUILD = null;.*$/m, `const BUILD = ${JSON.stringify({ id, files })};`);
  if (filled === source) throw new Error("offline.mjs: service-worker/sw.js has no `const BUILD = null;` line");
  const { code } = await minify(filled);
  fs.writeFileSync(path.join(dir, WORKER), code);
  return id;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
  const id = await writeWorker(dir);
  console.log(`offline.mjs: ${WORKER} written for build ${id} (${Object.keys(appFiles(dir)).length} app files)`);
}
