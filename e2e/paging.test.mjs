// A paged catalog (format 1.1, written by `newsletter catalog`): the viewer opens with its
// first page only; the picker jumps by year, by keyboard, loading only the pages that year
// needs; a link to the oldest issue opens it without walking the pages; a page that fails
// is a message with a retry; search reads every page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { harness } from "./harness.mjs";
import { createRequire } from "node:module";
import { watchProblems } from "./browser.mjs";

const REPO = new URL("..", import.meta.url).pathname;
const DIST = path.join(REPO, "dist");
const SAMPLE = JSON.parse(fs.readFileSync(path.join(REPO, "public/issues/cyber-041.json"), "utf8"));

/**
 * An issues folder of `count` weekly issues back from 2026-11-30, each the sample under
 * another id and number (`w-0001`, No.1, is the oldest), every hundredth in a folder by year; its catalog
 * written by the publishers' tool in pages of `pageSize`.
 */
const dateOf = (count, number) => new Date(Date.UTC(2026, 10, 30) - (count - number) * 7 * 86400e3).toISOString().slice(0, 10);

function archive(count, pageSize) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-paging-"));
  for (let i = 0; i < count; i++) {
    const number = count - i;
    const date = dateOf(count, number);
    const id = `w-${String(number).padStart(4, "0")}`;
    const file = number % 100 === 0 ? `${date.slice(0, 4)}/${id}.json` : `${id}.json`;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ ...SAMPLE, id, number, publication_number: number, date }));
  }
  execFileSync("cargo", ["run", "-q", "-p", "newsletter-cli", "--", "catalog", dir, "--page-size", String(pageSize)], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}

const BIG = 1000;
const big = archive(BIG, 100);
const numbers = Array.from({ length: BIG }, (_, i) => BIG - i);
const yearOf = (number) => dateOf(BIG, number).slice(0, 4);
/** The newest issue of `year`, and the files of the later pages that list its issues. */
const newestOf = (year) => numbers.find((n) => yearOf(n) === year);
const pagesOf = (year) => [
  ...new Set(numbers.filter((n) => yearOf(n) === year).map((n) => Math.floor((BIG - n) / 100) + 1)),
]
  .filter((p) => p > 1)
  .map((p) => `index-${p}.json`);
const id = (number) => `w-${String(number).padStart(4, "0")}`;
const small = archive(45, 20);
let issues = big;
// Requests to fail, by path under issues/ (a test sets and clears it).
let failing = new Set();
const h = harness({
  root: DIST,
  base: "/p/",
  route: (rel, _req, res) => {
    if (!rel.startsWith("issues/")) return false;
    const name = rel.slice("issues/".length);
    const file = path.join(issues, name);
    if (failing.has(name) || !fs.existsSync(file)) {
      res.writeHead(404).end("not found");
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(fs.readFileSync(file));
    }
    return true;
  },
});

/** The viewer at `query`, and the catalog pages and issues it fetched. */
async function open(query) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const fetched = [];
  // The context's requests include the search worker's.
  context.on("request", (r) => {
    const rel = new URL(r.url()).pathname.replace("/p/", "");
    if (rel.startsWith("issues/")) fetched.push(rel.slice("issues/".length));
  });
  await page.goto(h.url(query));
  return { context, page, problems, fetched };
}

const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const pages = (fetched) => fetched.filter((f) => /^index-\d+\.json$/.test(f));
const heading = (page) => page.textContent("main h1");
const picked = (page, select) => page.$eval(select, (s) => s.value);

test("opening fetches only the catalog's first page; the picker lists its 100 issues and every year", async () => {
  issues = big;
  const { context, page, problems, fetched } = await open("?lang=en");
  await page.waitForFunction(() => /No\.1000/.test(document.querySelector("main h1")?.textContent));
  assert.equal(await page.$$eval("#nv-issue option", (o) => o.length), 100);
  const years = await page.$$eval("#nv-year option", (o) => o.map((e) => e.textContent));
  assert.deepEqual(years, Array.from({ length: 20 }, (_, i) => String(2026 - i)));
  assert.match(await page.textContent('label[for="nv-year"]'), /Year/);
  assert.equal(await picked(page, "#nv-year"), "2026");
  assert.deepEqual(pages(fetched), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the year jump works from the keyboard and loads only the pages of that year", async () => {
  issues = big;
  const { context, page, problems, fetched } = await open("?lang=en");
  await page.waitForSelector("#nv-year");
  const oldest = yearOf(1);
  await page.focus("#nv-year");
  // End: the oldest year, whose newest issue opens.
  await page.keyboard.press("End");
  const first = id(newestOf(oldest));
  await page.waitForFunction((first) => location.search.includes(`issue=${first}`), first);
  await page.waitForFunction((n) => new RegExp(`No\\.${n}\\b`).test(document.querySelector("main h1")?.textContent), newestOf(oldest));
  assert.equal(await picked(page, "#nv-issue"), first);
  assert.equal(await picked(page, "#nv-year"), oldest);
  assert.deepEqual(pages(fetched), pagesOf(oldest));
  assert.equal(await page.$$eval("#nv-issue option", (o) => o.length), 100 + 100 * pagesOf(oldest).length);
  // The years in between, one key press each: only pages not loaded yet are fetched.
  let expected = pagesOf(oldest);
  for (let year = Number(oldest) + 1; year <= Number(oldest) + 4; year++) {
    await page.keyboard.press("ArrowUp");
    const newest = id(newestOf(String(year)));
    await page.waitForFunction((newest) => location.search.includes(`issue=${newest}`), newest);
    expected = [...new Set([...expected, ...pagesOf(String(year))])];
    assert.deepEqual(pages(fetched), expected);
  }
  // The issue list, by keyboard too: the next issue down opens.
  const shown = newestOf(String(Number(oldest) + 4));
  await page.focus("#nv-issue");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((n) => location.search.includes(`issue=${n}`), id(shown - 1));
  await page.waitForFunction((n) => new RegExp(`No\\.${n}\\b`).test(document.querySelector("main h1")?.textContent), shown - 1);
  // Back returns to the year's newest issue.
  await page.goBack();
  await page.waitForFunction((n) => new RegExp(`No\\.${n}\\b`).test(document.querySelector("main h1")?.textContent), shown);
  assert.equal(await picked(page, "#nv-issue"), id(shown));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to the oldest issue opens it directly, and the picker then lists it", async () => {
  issues = big;
  const { context, page, problems, fetched } = await open("?issue=w-0001&lang=en");
  await page.waitForFunction(() => /No\.1\b/.test(document.querySelector("main h1")?.textContent));
  assert.ok(fetched.includes("w-0001.json"), fetched.join(" "));
  // Its own page only, for the picker: none of the eight between.
  await page.waitForFunction(() => document.querySelector("#nv-issue").value === "w-0001");
  assert.deepEqual(pages(fetched), ["index-10.json"]);
  assert.equal(await picked(page, "#nv-year"), yearOf(1));
  assert.deepEqual(problems, []);
  await context.close();
});

test("opening the issue list loads the rest of the shown issue's year", async () => {
  issues = big;
  // A year on two pages; a link to its oldest issue loads that issue's page only.
  const year = ["2020", "2019", "2018", "2017"].find((y) => pagesOf(y).length === 2);
  const oldest = numbers.findLast((n) => yearOf(n) === year);
  const { context, page, fetched } = await open(`?issue=${id(oldest)}&lang=en`);
  await page.waitForFunction((n) => document.querySelector("#nv-issue")?.value === n, id(oldest));
  assert.deepEqual(pages(fetched), [pagesOf(year)[1]]);
  await page.focus("#nv-issue");
  await page.waitForFunction((n) => document.querySelector(`#nv-issue option[value="${n}"]`), id(newestOf(year)));
  assert.deepEqual(pages(fetched), [pagesOf(year)[1], pagesOf(year)[0]]);
  assert.equal(await picked(page, "#nv-issue"), id(oldest));
  await context.close();
});

test("a link to an old issue kept in a folder opens it through the first page's map of files", async () => {
  issues = big;
  const { context, page, fetched } = await open("?issue=w-0200&lang=en");
  await page.waitForFunction(() => /No\.200\b/.test(document.querySelector("main h1")?.textContent));
  assert.ok(fetched.some((f) => /^\d{4}\/w-0200\.json$/.test(f)), fetched.join(" "));
  await context.close();
});

test("a link to an issue no page lists says so", async () => {
  issues = big;
  const { context, page } = await open("?issue=w-9999&lang=en");
  await page.waitForSelector(".nv-error");
  assert.match(await page.textContent(".nv-error"), /no issue “w-9999”/);
  await context.close();
});

test("a page that fails is named with a retry; the rest keeps working", async () => {
  issues = big;
  const year = yearOf(450);
  failing = new Set(pagesOf(year));
  const { context, page, problems } = await open("?lang=en");
  await page.waitForSelector("#nv-year");
  await page.selectOption("#nv-year", year);
  await page.waitForSelector(".nv-error[role=alert]");
  assert.match(await page.textContent(".nv-error"), /index-\d+\.json: the server answered 404/);
  // Still on the newest issue.
  assert.match(await heading(page), /No\.1000\b/);
  failing = new Set();
  await page.click(".nv-error button");
  await page.waitForFunction((n) => location.search.includes(`issue=${n}`), id(newestOf(year)));
  await page.waitForFunction(() => !document.querySelector(".nv-error"));
  assert.equal(await picked(page, "#nv-year"), year);
  assert.equal(problems.filter((p) => !/404/.test(p)).length, 0, problems.join("\n"));
  await context.close();
});

for (const width of [360, 1280]) {
  test(`the picker with its year list passes axe and fits ${width} px, a failed page's alert too`, async () => {
    issues = big;
    failing = new Set(pagesOf(yearOf(1)));
    const context = await h.browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true, hasTouch: width < 600, isMobile: width < 600 });
    const page = await context.newPage();
    await page.goto(h.url("?lang=both"));
    await page.waitForSelector("#nv-year");
    await page.selectOption("#nv-year", yearOf(1));
    await page.waitForSelector(".nv-error[role=alert]");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll");
    // Both selects are labelled and as tall as a finger needs.
    for (const select of ["#nv-issue", "#nv-year"]) {
      const box = await page.$eval(select, (s) => s.getBoundingClientRect().height);
      assert.ok(box >= 44, `${select} is ${box} px tall`);
    }
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }));
    assert.deepEqual(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)), []);
    failing = new Set();
    await context.close();
  });
}

test("search reads every page of a paged catalog", async () => {
  issues = small;
  const { context, page, fetched } = await open("?lang=en&q=Facial%20Recognition");
  await page.waitForSelector(".nv-results__item");
  // Read to the end: no "reading N of M issues" note left.
  await page.waitForFunction(
    () => document.querySelector(".nv-results")?.getAttribute("aria-busy") === "false" && !document.querySelector(".nv-results__loading")?.textContent,
  );
  assert.deepEqual(pages(fetched).sort(), ["index-2.json", "index-3.json"]);
  assert.ok(fetched.includes("w-0001.json"), fetched.join(" "));
  await context.close();
});
