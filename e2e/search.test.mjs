// Searching the archive: the box, `?q=`, results grouped by issue, highlights, the filter,
// keyboard (/ and Escape), issues that fail to load, and opening a result.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { VIEWER_CARD, shownText, shownTexts } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const SAMPLE = fs.readFileSync(`${DIST}issues/cyber-041.json`, "utf8");
// The sample again as an older issue, so results come from two issues.
const OLDER = SAMPLE.replace('"id": "cyber-041"', '"id": "cyber-040"');
const CATALOG = JSON.stringify({
  format: "newsletter-catalog/1",
  issues: [
    { id: "cyber-041", file: "cyber-041.json", date: "2021-01", number: 41, title: { en: "Review No.41" } },
    { id: "cyber-040", file: "cyber-040.json", date: "2020-12", number: 40, title: { en: "Review No.40" } },
    { id: "partial", file: "fixture-partial.json", date: "2020-11", title: { en: "Partial" } },
    { id: "gone", file: "gone.json", date: "2020-10", title: { en: "Gone" } },
  ],
});

const h = harness({
  root: DIST,
  base: "/s/",
  route: (rel, _req, res) => {
    const files = {
      "issues/index.json": CATALOG,
      "issues/cyber-041.json": SAMPLE,
      "issues/cyber-040.json": OLDER,
      "issues/fixture-partial.json": fs.readFileSync(`${FIXTURES}fixture-partial.json`),
    };
    if (rel === "issues/gone.json") {
      res.writeHead(503).end();
      return true;
    }
    if (!(rel in files)) return false;
    res.writeHead(200, { "content-type": "application/json" }).end(files[rel]);
    return true;
  },
});

async function open(path, viewport = { width: 1280, height: 900 }) {
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(h.url(path));
  await page.waitForSelector(VIEWER_CARD, { state: "attached" });
  return { context, page, errors };
}

/** Waits until every issue of the catalog has been read (or failed). */
/** Waits for an answer to the newest query, read to the end (no "reading N of M" note). */
const searched = (page) =>
  page.waitForFunction(() => {
    const loading = document.querySelector(".nv-results__loading");
    const results = document.querySelector(".nv-results");
    const summary = document.querySelector(".nv-results__summary");
    return loading && loading.textContent === "" && results.getAttribute("aria-busy") === "false" && summary.textContent !== "";
  });

test("typing searches every issue in both languages, grouped by issue, newest first", async () => {
  const { context, page, errors } = await open("?lang=en");
  await page.fill("#nv-q", "人脸识别");
  await page.waitForSelector(".nv-results__item");
  await searched(page);
  assert.match(page.url(), /[?&]q=%E4%BA%BA%E8%84%B8%E8%AF%86%E5%88%AB/);
  const groups = await shownTexts(page, ".nv-results__issue");
  assert.equal(groups.length, 2);
  assert.match(groups[0], /Review No\.41/);
  assert.match(groups[1], /Review No\.40/);
  // The English title shows (the mode is English); the Chinese snippet marks the match.
  assert.match(await shownText(page, ".nv-results__link"), /California Company Settles FTC/);
  const marks = await page.$$eval(".nv-results__item mark", (m) => m.map((e) => e.textContent));
  assert.ok(marks.includes("人脸识别"), marks.join(","));
  // English words, any case, plural or not, and full-width letters find the same item.
  for (const q of ["FACIAL recognition", "ｆａｃｉａｌ", "everalbum"]) {
    await page.fill("#nv-q", q);
    await page.waitForFunction(() => document.querySelectorAll(".nv-results__item").length === 2);
  }
  // The issue that could not be loaded is named, and the search went on without it.
  assert.match(await page.textContent(".nv-search__failed"), /gone\.json: the server answered 503/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the jurisdiction filter applies to results", async () => {
  const { context, page } = await open("?lang=en&j=CN-ZJ&q=apps");
  await page.waitForSelector(".nv-results__item");
  await searched(page);
  const links = await page.$$eval(".nv-results__link", (a) => a.map((e) => e.getAttribute("href")));
  assert.ok(links.length >= 2);
  for (const href of links) assert.match(href, /#zhejiang-1200-apps$/);
  await context.close();
});

test("a shared search link opens the results; a result opens its item in its issue", async () => {
  const { context, page } = await open("?lang=zh&q=CBIRC");
  await page.waitForSelector(".nv-results__item");
  assert.equal(await page.inputValue("#nv-q"), "CBIRC");
  await page.click(".nv-results__link >> nth=0");
  await page.waitForFunction(() => !document.querySelector(".nv-results"));
  assert.match(page.url(), /issue=cyber-041/);
  assert.match(page.url(), /#cbirc-regulatory-data-security$/);
  assert.doesNotMatch(page.url(), /q=/);
  // The item is in view, just under the sticky bar.
  await page.waitForFunction(() => {
    const top = document.getElementById("cbirc-regulatory-data-security").getBoundingClientRect().top;
    const bar = document.querySelector(".nv-bar").getBoundingClientRect().bottom;
    return top >= bar && top - bar < 40;
  });
  // Back returns to the results.
  await page.goBack();
  await page.waitForSelector(".nv-results__item");
  await context.close();
});

test("/ focuses the box, Escape clears it, and the issue comes back", async () => {
  const { context, page } = await open("?lang=en");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "nv-q");
  await page.keyboard.type("miit");
  await page.waitForSelector(".nv-results__item");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".nv-results"));
  assert.doesNotMatch(page.url(), /q=/);
  assert.equal(await page.isVisible("#miit-81-draft-standards"), true);
  await context.close();
});

test("no results says so; the page does not scroll sideways on a phone", async () => {
  const { context, page } = await open("?lang=zh&q=zzzzzz", { width: 360, height: 740 });
  await page.waitForSelector(".nv-results");
  await searched(page);
  assert.equal(await shownText(page, ".nv-results__summary"), "没有找到结果。");
  await page.fill("#nv-q", "数据");
  await page.waitForSelector(".nv-results__item");
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
  await context.close();
});
