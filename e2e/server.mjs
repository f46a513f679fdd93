// A static file server for the built viewer, on loopback only, for the end-to-end tests
// and screenshots. It can mount the bundle under a sub-path, like a GitHub Pages project.
//   node e2e/server.mjs [dir] [port] [base]     e.g. node e2e/server.mjs dist 8090 /org/newsletter/
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";

/** The Content-Type of a file, by its extension. */
export const contentType = (file) => TYPES[path.extname(file)] ?? "application/octet-stream";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

/**
 * Starts a server for `root` mounted at `base`; resolves to the http.Server once listening.
 * `route(rel, req, res)` may answer a request itself (fault injection, fixtures) and return
 * true; otherwise the file under `root` is served.
 */
export function serve({ root, port = 0, base = "/", headers = {}, route = () => false }) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (await route(rel, req, res)) return;
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "content-type": contentType(file),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8090", base = "/"] = process.argv.slice(2);
  const server = await serve({ root, port: Number(port), base });
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${base}`);
}
