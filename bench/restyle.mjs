// Where a language switch's time goes on the 2,000-item issue: the viewer's own work in the
// click's handler, and the browser's style and layout for the two attributes the viewer
// then sets on <html> (`data-mode`, which the style sheet hides by, and `lang`), set here by
// hand and followed by a forced layout. On demand, after a release build:
//
//   node bench/restyle.mjs [--runs N (default 3)]
import { launch, quietReader } from "../e2e/browser.mjs";
import { serve } from "../e2e/server.mjs";
import { bigCatalog, bigIssue } from "./gen.mjs";

const DIST = new URL("../dist", import.meta.url).pathname;
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 3;
const data = { "index.json": JSON.stringify(bigCatalog(1000)), "bench-big.json": JSON.stringify(bigIssue(2000, 10)) };
const server = await serve({
  root: DIST,
  base: "/",
  route: async (rel, _req, res) => {
    const body = rel.startsWith("issues/") ? data[rel.slice("issues/".length)] : undefined;
    if (body === undefined) return false;
    res.writeHead(200, { "content-type": "application/json" }).end(body);
    return true;
  },
});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const reader = await quietReader(page);
  await page.goto(`${base}/?lang=zh`);
  await reader.until(`document.querySelectorAll("article").length >= 2000`);
  await new Promise((r) => setTimeout(r, 1500));
  const restyle = (attributes) =>
    reader.value(`{
      const html = document.documentElement;
      const set = (mode, lang) => { html.setAttribute("data-mode", mode); if (${attributes === "both"}) html.lang = lang; };
      const t = performance.now(); set("en", "en"); document.body.offsetHeight;
      const ms = performance.now() - t; set("zh", "zh"); document.body.offsetHeight; ms }`);
  const both = await restyle("both");
  const mode = await restyle("mode");
  // The handler runs the viewer's own work; its effects (the attributes) follow after it.
  const handler = await reader.value(`{ const t = performance.now(); document.querySelector("button[data-lang=en]").click(); performance.now() - t }`);
  console.log(`run ${run + 1}: data-mode and lang ${both.toFixed(0)} ms, data-mode alone ${mode.toFixed(0)} ms; the click's handler ${handler.toFixed(0)} ms`);
  await context.close();
}
await browser.close();
server.close();
