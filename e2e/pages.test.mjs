// Static pages (`newsletter pages`): the whole issue readable with scripts off, the hostile
// fixture's pages running nothing under their Content-Security-Policy, the viewer's
// <noscript> pointing at them. The command is run on scratch copies of the files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { harness } from "./harness.mjs";
import { shownText, watchProblems } from "./browser.mjs";
import { hostileCatalog, hostileIssue } from "./hostile.mjs";

const REPO = new URL("..", import.meta.url).pathname;
const DIST = path.join(REPO, "dist");

/** A site: the built viewer with `issues` (name → JSON text) and the pages made from them. */
function site(issues) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "nv-pages-"));
  fs.cpSync(DIST, root, { recursive: true });
  fs.rmSync(path.join(root, "issues"), { recursive: true });
  fs.mkdirSync(path.join(root, "issues"));
  for (const [name, text] of Object.entries(issues)) fs.writeFileSync(path.join(root, "issues", name), text);
  execFileSync("cargo", ["run", "-q", "-p", "newsletter-cli", "--", "pages", path.join(root, "issues"), "--site-url", "https://example.org/newsletter/"], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return root;
}

const sample = site(Object.fromEntries(["index.json", "cyber-041.json"].map((f) => [f, fs.readFileSync(path.join(REPO, "public/issues", f), "utf8")])));
const hostile = site({ "index.json": JSON.stringify(hostileCatalog()), "hostile.json": JSON.stringify(hostileIssue()) });
const h = harness({ root: sample, base: "/" });
const hh = harness({ root: hostile, base: "/" });

for (const width of [360, 1280]) {
  test(`a static page shows the whole issue with scripts off, at ${width} px`, async () => {
    const context = await h.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(h.url("issues/cyber-041.html"));
    const issue = JSON.parse(fs.readFileSync(path.join(REPO, "public/issues/cyber-041.json"), "utf8"));
    const ids = issue.sections.flatMap((s) => s.items.map((i) => i.id));
    assert.deepEqual(await page.$$eval("article.nv-card", (a) => a.map((e) => e.id)), ids);
    // Every card is shown, in both languages, each marked with its language.
    for (const id of ids) assert.ok(await page.isVisible(`#${id} [lang=zh]`), id);
    for (const id of ids) assert.ok(await page.isVisible(`#${id} [lang=en]`), id);
    // A table of contents jumps to every card.
    assert.deepEqual(await page.$$eval(".nv-contents__link", (a) => a.map((e) => e.getAttribute("href"))), ids.map((id) => `#${id}`));
    const text = await shownText(page, "body");
    assert.ok(text.includes(issue.sections[0].items[0].title.zh.replace(/\*/g, "")));
    assert.ok(await page.isVisible(".nv-footer__disclaimer"));
    assert.ok(text.includes("免责声明") && text.includes("Disclaimer"));
    assert.ok(await page.isVisible(".nv-footer__contact"));
    assert.equal(await page.getAttribute('link[rel="canonical"]', "href"), "https://example.org/newsletter/issues/cyber-041.html");
    assert.equal(await page.getAttribute('meta[property="og:locale"]', "content"), "zh_CN");
    assert.match(await page.getAttribute('meta[name="description"]', "content"), /工业和信息化部|工信部|\|/);
    assert.equal(await page.getAttribute(".nv-bar a", "href"), "../?issue=cyber-041");
    // No sideways scroll on a phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1));
    if (process.env.SHOTS) {
      // Cards off screen skip rendering: a viewport as tall as the page shows them all.
      await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(process.env.SHOTS, `static-${width}.png`) });
    }
    await context.close();
  });
}

test("the archive page, sitemap and robots.txt list the issues", async () => {
  const context = await h.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(h.url("issues/index.html"));
  assert.deepEqual(await page.$$eval(".nv-archive a", (a) => a.map((e) => e.getAttribute("href"))), ["cyber-041.html"]);
  const sitemap = fs.readFileSync(path.join(sample, "sitemap.xml"), "utf8");
  assert.match(sitemap, /<loc>https:\/\/example\.org\/newsletter\/issues\/cyber-041\.html<\/loc>\s*<lastmod>2021-01<\/lastmod>/);
  assert.match(fs.readFileSync(path.join(sample, "robots.txt"), "utf8"), /^Sitemap: https:\/\/example\.org\/newsletter\/sitemap\.xml$/m);
  // The viewer, with scripts off, points at the static pages.
  await page.goto(h.url(""));
  assert.equal(await page.getAttribute("noscript a, .nv-noscript a", "href"), "issues/index.html");
  await context.close();
});

test("nothing from the hostile fixture runs in its static pages", async () => {
  const context = await hh.browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page, { console: true });
  for (const name of ["hostile.html", "index.html"]) {
    await page.goto(hh.url(`issues/${name}`));
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, name);
    assert.equal(await page.$$eval("body script, body iframe, body img, body svg, body style, body math, body object", (e) => e.length), 0, name);
    const handlers = await page.evaluate(() => [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)));
    assert.deepEqual(handlers, [], name);
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
    for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/, href);
  }
  const text = await shownText(page, "body");
  assert.ok(text.length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
