// Trunk post-build hook: puts a strict Content-Security-Policy into the built index.html
// and writes the same policy, as an HTTP header, to `_headers` (the file Netlify and
// Cloudflare Pages read) and `csp.txt` (for any other host's configuration).
//
// The inline scripts (trunk's loader, and index.html's timer for the loading note) and the
// style sheets (inlined by trunk) are allowed by their SHA-256 hashes, computed here because
// the loader names the content-hashed .js and .wasm files of this very build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inlineScripts, inlineStyles } from "./inline.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const indexPath = path.join(dir, "index.html");
let html = fs.readFileSync(indexPath, "utf8");

const hashesOf = (contents) =>
  contents.map((content) => `'sha256-${crypto.createHash("sha256").update(content, "utf8").digest("base64")}'`);
const hashes = hashesOf(inlineScripts(html));
const styleHashes = hashesOf(inlineStyles(html));

// Everything from the page's own origin; wasm compiled by the browser without eval.
const common = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(" ")} 'wasm-unsafe-eval'`,
  `style-src 'self' ${styleHashes.join(" ")}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The search worker, and the service worker of offline reading.
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];
const meta = common.join("; ");
// frame-ancestors only works as a header.
const header = [...common, "frame-ancestors 'none'"].join("; ");

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
html = html.replace(
  /<meta charset="utf-8" \/>/,
  `$&\n    <meta http-equiv="Content-Security-Policy" content="${meta}" />`,
);
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  console.error("csp.mjs: could not place the policy in index.html");
  process.exit(1);
}
fs.writeFileSync(indexPath, html);
fs.writeFileSync(
  path.join(dir, "_headers"),
  `/*\n  Content-Security-Policy: ${header}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`,
);
fs.writeFileSync(path.join(dir, "csp.txt"), `${header}\n`);
console.log(`csp.mjs: policy set with ${hashes.length} script and ${styleHashes.length} style hash(es)`);
