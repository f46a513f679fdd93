// Dark mode (system, manual, remembered, back to automatic), print, and the README's
// screenshots taken from the real build (written to e2e/out/, or to docs/screenshots/
// with UPDATE_SCREENSHOTS=1).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const OUT = new URL(process.env.UPDATE_SCREENSHOTS ? "../docs/screenshots/" : "./out/", import.meta.url).pathname;
const WITH_SOURCE = JSON.stringify({
  format: "newsletter-issue/1",
  id: "printed",
  publication: { zh: "示例通讯", en: "Example Bulletin" },
  number: 3,
  sections: [
    {
      id: "s",
      title: { zh: "栏目", en: "Section" },
      items: Array.from({ length: 12 }, (_, i) => ({
        id: `item-${i}`,
        date: "2030-03-01",
        jurisdiction: "EU",
        title: { zh: `虚构条目 ${i}`, en: `Fictional item ${i}` },
        body: { zh: "正文。".repeat(60), en: "Body text of a fictional item. ".repeat(30) },
        source: `https://example.org/notices/${i}`,
      })),
    },
  ],
  disclaimer: { zh: "免责声明正文。", en: "The disclaimer's text." },
});

const h = harness({
  root: DIST,
  base: "/v/",
  route: (rel, _req, res) => {
    if (rel === "issues/printed.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(WITH_SOURCE);
      return true;
    }
    if (rel === "issues/index.json" && _req.headers.referer?.includes("printed")) return false;
    return false;
  },
});

const url = (path) => h.url(path);
const bg = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("the theme follows the system, a manual choice is remembered, and Auto returns to the system", async () => {
  const context = await h.browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(url("?lang=en"));
  await page.waitForSelector(VIEWER_CARD);
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  const dark = await bg(page);

  await page.selectOption(".nv-theme__select", "light");
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  assert.notEqual(await bg(page), dark);
  await page.reload();
  await page.waitForSelector(VIEWER_CARD);
  assert.equal(await page.getAttribute("html", "data-theme"), "light", "remembered");

  await page.selectOption(".nv-theme__select", "auto");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  // Automatic follows a change of the system's preference while the page is open.
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
  await context.close();
});

test("print: no interface, the chosen language, source URLs written out, whole cards", async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.route("**/issues/index.json", (r) =>
    r.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ format: "newsletter-catalog/1", issues: [{ id: "printed", file: "printed.json", date: "2030-03" }] }),
    }),
  );
  await page.goto(url("?lang=en"));
  await page.waitForSelector(VIEWER_CARD);
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".nv-bar", ".nv-side", ".nv-colophon", ".nv-count"]) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
  }
  assert.equal(await page.isVisible(".nv-card__url"), true);
  assert.match(await page.textContent("#item-0 .nv-card__url"), /^https:\/\/example\.org\/notices\/0$/);
  assert.equal(await page.isVisible(".nv-footer__disclaimer"), true);
  assert.equal(await page.$eval(".nv-card", (c) => getComputedStyle(c).breakInside), "avoid");
  assert.equal(await page.isVisible("#item-0 .nv-block[lang=zh]"), false, "only the chosen language");

  fs.mkdirSync(OUT, { recursive: true });
  const pdf = await page.pdf({ path: `${OUT}print-en.pdf`, format: "A4", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g).length;
  assert.ok(pages >= 2 && pages <= 8, `${pages} pages`);
  await context.close();
});

test("screenshots of each language, at phone and desktop widths, light and dark", async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const sizes = { desktop: { width: 1280, height: 860 }, phone: { width: 360, height: 740 } };
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const scheme of ["light", "dark"]) {
      for (const lang of ["zh", "en", "both"]) {
        const context = await h.browser.newContext({ viewport, colorScheme: scheme, hasTouch: size === "phone" });
        const page = await context.newPage();
        await page.goto(url(`?lang=${lang}`));
        await page.waitForSelector(VIEWER_CARD);
        const file = `${OUT}${size}-${lang}-${scheme}.png`;
        await page.screenshot({ path: file });
        assert.ok(fs.statSync(file).size > 10_000, `${file} has content`);
        await context.close();
      }
    }
  }
});

test("a screenshot of one card side by side, with its actions, filtered by regulator", async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url("?lang=both&r=ftc"));
  await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
  const file = `${OUT}desktop-card-both.png`;
  await page.locator("body > main .nv-layout").screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 10_000, `${file} has content`);
  await context.close();
});
