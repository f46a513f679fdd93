// End-to-end: the release bundle (dist/) served on loopback, driven in headless Chromium.
// Run after `trunk build --release --offline` (tools/test.sh does both).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { serve } from "./server.mjs";
import { VIEWER_CARD, launch, shownText, shownTexts } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const BASE = "/org/newsletter/";

let browser;
let sample; // the shipped bundle and sample, under a sub-path
let root; // the shipped bundle at "/"
let fixtures; // the bundle with test fixtures and injectable faults
let faults = {}; // rel path -> status code to answer with

before(async () => {
  browser = await launch();
  sample = await serve({ root: DIST, base: BASE });
  root = await serve({ root: DIST, base: "/" });
  fixtures = await serve({
    root: DIST,
    base: BASE,
    route: async (rel, _req, res) => {
      if (!rel.startsWith("issues/")) return false;
      const name = rel.slice("issues/".length);
      if (faults[name]) {
        res.writeHead(faults[name], { "content-type": "text/plain" }).end("fault");
        return true;
      }
      const file = name === "cyber-041.json" ? `${DIST}issues/${name}` : `${FIXTURES}${name}`;
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
      return true;
    },
  });
});

after(async () => {
  await browser?.close();
  for (const server of [sample, root, fixtures]) server?.close();
});

const url = (server, path = "") => `http://127.0.0.1:${server.address().port}${server === root ? "/" : BASE}${path}`;

/** Opens `path` in a fresh context; `before(page)` runs first (routes, listeners). */
async function open(server, path = "", { locale = "en-US", width = 1280, height = 900, before, waitUntil } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await before?.(page);
  await page.goto(url(server, path), { waitUntil });
  return { page, context, errors };
}

/** Adds to `requested` the name of each file under issues/ that `page` asks for. */
const recordIssueRequests = (page, requested) =>
  page.on("request", (r) => {
    if (r.url().includes("/issues/")) requested.push(r.url().split("/issues/")[1]);
  });

/** Waits until an issue's cards are in the page (some may be hidden by the filter). */
const ready = (page) => page.waitForSelector(VIEWER_CARD, { state: "attached" });

const visibleCards = (page) =>
  page.$$eval("article.nv-card:not([hidden])", (cards) => cards.map((c) => c.id));

test("the newest issue opens under a sub-path, in full", async () => {
  const { page, context, errors } = await open(sample, "", { locale: "zh-CN" });
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "zh");
  const heading = await page.textContent("h1");
  assert.match(heading, /立方观评/);
  assert.match(heading, /No\.208/);
  assert.match(await page.textContent(".nv-masthead__series"), /No\.41/);
  assert.deepEqual(await visibleCards(page), [
    "miit-81-draft-standards",
    "cbirc-regulatory-data-security",
    "zhejiang-1200-apps",
    "guangdong-700-apps",
    "ftc-everalbum-facial-recognition",
  ]);
  const sections = await shownTexts(page, ".nv-section__title");
  assert.deepEqual(sections, ["国内要闻", "海外动态"]);
  const footer = await page.textContent(".nv-footer");
  assert.match(footer, /立方律师事务所编写《立方观评》/);
  assert.match(footer, /info@lifanglaw\.com/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the catalog and the issue it opens are each requested once", async () => {
  // The page's script asks for the catalog and the issue early (index.html): each of the
  // viewer's loads must take its request over rather than ask again, and the script must
  // not ask for the issue when the viewer, running before a slow catalog arrived, has.
  for (const [path, slowCatalog] of [
    ["", false],
    ["?issue=cyber-041&lang=en", false],
    ["", true],
  ]) {
    const requested = [];
    const { page, context, errors } = await open(sample, path, {
      before: async (page) => {
        recordIssueRequests(page, requested);
        if (slowCatalog) {
          await page.route("**/issues/index.json", async (route) => {
            await delay(700);
            await route.continue();
          });
        }
      },
    });
    await ready(page);
    await page.waitForTimeout(300);
    assert.deepEqual(requested.sort(), ["cyber-041.json", "index.json"], `${path} ${slowCatalog ? "(slow catalog)" : ""}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the page asks for the catalog and the issue it opens while the viewer itself downloads", async () => {
  // The fixtures' catalog: fixture-partial is the newest, "escape" has a file outside
  // issues/ (left out by the viewer, so never requested), "nope" names no issue.
  const cases = [
    ["", ["fixture-partial.json", "index.json"], VIEWER_CARD],
    // (The snapshot shows this one before the viewer runs: it is the snapshot's issue.)
    ["?issue=cyber-041", ["cyber-041.json", "index.json"], VIEWER_CARD],
    ["?issue=broken", ["broken.json", "index.json"], VIEWER_CARD],
    ["?issue=escape", ["index.json"], "body > main .nv-error"],
    ["?issue=nope", ["index.json"], "body > main .nv-error"],
  ];
  for (const [path, files, shown] of cases) {
    const requested = [];
    let beforeViewer;
    const { page, context, errors } = await open(fixtures, path, {
      before: async (page) => {
        recordIssueRequests(page, requested);
        // The viewer's wasm arrives late: what was asked for by then, the page asked for.
        await page.route("**/*.wasm", async (route) => {
          await delay(700);
          beforeViewer = [...requested].sort();
          await route.continue();
        });
      },
    });
    await page.waitForSelector(shown, { state: "attached" });
    await page.waitForTimeout(300);
    assert.deepEqual(beforeViewer, files, `${path}: requested before the viewer ran`);
    // And the viewer took each request over instead of asking again.
    assert.deepEqual(requested.sort(), files, `${path}: requested in all`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the page's early request picks the issue the viewer opens, whatever is wrong in the catalog", async () => {
  // Newest first by date, each newer entry broken in a way the viewer leaves it out for:
  // if the page's script picked any of them, the test sees a request the viewer never made.
  const entry = (id, file, date) => ({ id, file, date });
  const catalog = {
    format: "newsletter-catalog/1",
    issues: [
      entry("bad id", "a.json", "2031-06"),
      entry("x".repeat(65), "b.json", "2031-05-31"),
      entry("parent", "x/../c.json", "2031-05"),
      entry("rooted", "/d.json", "2031-04"),
      entry("scheme", "https://example.com/e.json", "2031-03"),
      entry("query", "f.json?x", "2031-02"),
      entry("empty-part", "g//h.json", "2031-01"),
      entry("control", "i\u0007.json", "2030-12"),
      entry("month", "j.json", "2030-13"),
      entry("day", "k.json", "2030-12-32"),
      { id: "no-date", file: "l.json" },
      { id: 7, file: "m.json", date: "2030-12" },
      entry("same-date-first", "cyber-041.json", "2030-11"),
      entry("same-date-second", "n.json", "2030-11"),
      entry("same-date-first", "o.json", "2030-12-01"),
    ],
  };
  const requested = [];
  const { page, context, errors } = await open(sample, "?lang=en", {
    before: async (page) => {
      recordIssueRequests(page, requested);
      await page.route("**/issues/index.json", (route) =>
        route.fulfill({ contentType: "application/json", body: JSON.stringify(catalog) }),
      );
    },
  });
  await ready(page);
  await page.waitForTimeout(300);
  // The duplicate id dated later is left out too: the first of the two equal dates opens.
  assert.equal(await page.getAttribute("article.nv-card", "id"), "miit-81-draft-standards");
  assert.deepEqual(requested.sort(), ["cyber-041.json", "index.json"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("while the viewer itself is slow to arrive, a loading note shows, then gives way", async () => {
  // A slow connection, as far as the viewer's own code is concerned.
  const slow = async (page) => {
    await page.route("**/*.wasm", async (route) => {
      await delay(1500);
      await route.continue();
    });
    // Layout shifts: the note giving way must not move what stays (it once moved <body>).
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: "layout-shift", buffered: true });
    });
  };
  const { page, context, errors } = await open(sample, "?lang=en", { before: slow, waitUntil: "commit" });
  await page.waitForSelector(".nv-boot", { state: "visible" });
  assert.match(await page.textContent(".nv-boot"), /正在加载…\s*Loading…/);
  await ready(page);
  await page.waitForSelector(".nv-boot", { state: "detached" });
  assert.equal(await page.isVisible("article.nv-card"), true);
  await page.waitForTimeout(200);
  assert.ok((await page.evaluate(() => window.__shift)) < 0.01, "no layout shift as the note gives way");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a viewer that cannot start says so instead of loading for ever", async () => {
  for (const cause of ["the wasm file is missing", "the browser has no WebAssembly"]) {
    const before = (page) =>
      cause === "the wasm file is missing"
        ? page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "not found" }))
        : page.addInitScript(() => delete window.WebAssembly);
    const { page, context } = await open(sample, "?lang=en", { before });
    await page.waitForSelector(".nv-boot__failed", { state: "visible" });
    assert.match(await page.textContent(".nv-boot__failed"), /无法启动.*\s*The viewer could not start/s, cause);
    assert.equal(await page.isVisible(".nv-boot__wait"), false, cause);
    await context.close();
  }
});

test("the same build works at the root path", async () => {
  const { page, context, errors } = await open(root, "?lang=en");
  await ready(page);
  assert.equal(await shownText(page, "h1"), "Lifang & Partners NewsletterNo.208");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a first visit follows the browser's language", async () => {
  for (const [locale, lang] of [["zh-CN", "zh"], ["en-GB", "en"], ["fr-FR", "en"]]) {
    const { page, context } = await open(sample, "", { locale });
    await ready(page);
    assert.equal(await page.getAttribute("html", "lang"), lang, locale);
    await context.close();
  }
});

test("a shared link reopens the same view and scrolls to its item", async () => {
  const { page, context, errors } = await open(
    sample,
    "?issue=cyber-041&lang=en&j=CN-ZJ,US#zhejiang-1200-apps",
    { width: 360, height: 740 },
  );
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.deepEqual(await visibleCards(page), ["zhejiang-1200-apps", "ftc-everalbum-facial-recognition"]);
  await page.waitForFunction(() => {
    const top = document.getElementById("zhejiang-1200-apps").getBoundingClientRect().top;
    return Math.abs(top) < 120 && window.scrollY > 0;
  });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a wide screen the sticky bar covers neither a card jumped to nor the side panel", async () => {
  const { page, context, errors } = await open(sample, "?issue=cyber-041&lang=en#ftc-everalbum-facial-recognition");
  await ready(page);
  const below = () =>
    page.evaluate(() => {
      const bar = document.querySelector(".nv-bar").getBoundingClientRect().bottom;
      const card = document.getElementById("ftc-everalbum-facial-recognition").getBoundingClientRect().top;
      const side = document.querySelector(".nv-side").getBoundingClientRect().top;
      return { bar, card, side };
    });
  await page.waitForFunction(() => window.scrollY > 0);
  await page.waitForTimeout(300); // the jump is repeated on the next frames until it holds
  const at = await below();
  assert.ok(at.card >= at.bar, `the card's top (${at.card}) is below the bar (${at.bar})`);
  assert.ok(at.side >= at.bar, `the side panel's top (${at.side}) is below the bar (${at.bar})`);
  assert.ok(at.card - at.bar < 40, `and close under it (${at.card - at.bar} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the regulator facet is carried by r= and narrows the jurisdiction facet's choice", async () => {
  const { page, context, errors } = await open(sample, "?lang=zh&j=CN&r=cbirc,ftc");
  await ready(page);
  // Either regulator, and only Chinese items: the CBIRC's.
  assert.deepEqual(await visibleCards(page), ["cbirc-regulatory-data-security"]);
  assert.equal(await page.isChecked("[data-regulator=ftc] input"), true);
  assert.equal(await page.innerText("[data-regulator=miit] .nv-filter__name"), "工业和信息化部");
  await page.click("[data-regulator=miit] input");
  assert.match(page.url(), /\?lang=zh&j=CN&r=cbirc,ftc,miit$/);
  assert.deepEqual(await visibleCards(page), ["miit-81-draft-standards", "cbirc-regulatory-data-security"]);
  await page.click("[data-code=CN] input");
  assert.deepEqual((await visibleCards(page)).length, 3);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll("article.nv-card:not([hidden])").length === 2);
  await page.click(".nv-filter__clear");
  assert.doesNotMatch(page.url(), /[jr]=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("language choice goes into the URL, is remembered, and back and forward work", async () => {
  const { page, context } = await open(sample, "", { locale: "zh-CN" });
  await ready(page);
  await page.click("button[data-lang=en]");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(page.url(), /lang=en/);
  await page.click("[data-code=US] input");
  assert.match(page.url(), /j=US/);
  assert.deepEqual(await visibleCards(page), ["ftc-everalbum-facial-recognition"]);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll("article.nv-card:not([hidden])").length === 5);
  assert.doesNotMatch(page.url(), /j=/);
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll("article.nv-card:not([hidden])").length === 1);
  // A later visit without `lang` keeps the remembered choice over the browser's Chinese.
  await page.goto(url(sample));
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.deepEqual(await shownTexts(page, ".nv-section__title"), ["Domestic News", "Overseas News"]);
  await context.close();
});

test("the catalog lists every readable issue and opens any of them", async () => {
  const { page, context, errors } = await open(fixtures, "?lang=en");
  await ready(page);
  // Newest first by date, whatever the order in the file.
  const options = await page.$$eval("#nv-issue option", (o) => o.map((e) => e.value));
  assert.deepEqual(options, ["fixture-partial", "cyber-041", "broken"]);
  assert.match(await page.textContent(".nv-warnings"), /index\.json: issues\[3\]\.file: invalid file/);
  assert.match(await page.textContent("h1"), /Example Gazette/);
  // Choosing an issue moves the picker's value; the list itself is kept (a long archive's
  // thousand options are not rebuilt on every switch), and relabelled in another language.
  await page.$eval("#nv-issue option", (o) => (o.__kept = true));
  await page.selectOption("#nv-issue", "cyber-041");
  await page.waitForSelector("#zhejiang-1200-apps");
  assert.match(page.url(), /issue=cyber-041/);
  await page.goBack();
  await page.waitForSelector("#only-english");
  assert.equal(await page.$eval("#nv-issue", (s) => s.value), "fixture-partial");
  assert.equal(await page.$eval("#nv-issue option", (o) => o.__kept), true);
  await page.selectOption("#nv-issue", "cyber-041");
  await page.waitForSelector("#zhejiang-1200-apps");
  await page.click("button[data-lang=zh]");
  await page.waitForFunction(() => /年/.test(document.querySelector("#nv-issue option").textContent));
  assert.equal(await page.$eval("#nv-issue option", (o) => o.__kept), true);
  assert.equal(await page.$eval("#nv-issue", (s) => s.value), "cyber-041");
  assert.equal(await page.$eval("#nv-issue option:checked", (o) => o.value), "cyber-041");
  assert.match(await page.$eval("#nv-issue option:checked", (o) => o.textContent), /年/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a broken item is reported with file and place, and the rest is shown", async () => {
  const { page, context } = await open(fixtures, "?issue=broken&lang=en");
  await ready(page);
  assert.deepEqual(await visibleCards(page), ["fine"]);
  const warnings = await page.$$eval(".nv-warnings", (w) => w.map((e) => e.textContent).join("\n"));
  assert.match(
    warnings,
    /broken\.json: sections\[0\]\.items\[1\]: missing field "title"/,
  );
  await context.close();
});

test("an unknown issue says so and links to the newest", async () => {
  const { page, context } = await open(fixtures, "?issue=nope&lang=en");
  await page.waitForSelector(".nv-error");
  assert.match(await page.textContent(".nv-error"), /no issue “nope”/);
  await page.click(".nv-error button");
  await page.waitForSelector("#only-english");
  await context.close();
});

test("a failed fetch names the file, offers a retry, and the catalog stays usable", async () => {
  faults = { "cyber-041.json": 503 };
  const { page, context } = await open(fixtures, "?issue=cyber-041&lang=en");
  await page.waitForSelector(".nv-error");
  assert.match(await page.textContent(".nv-error"), /cyber-041\.json: the server answered 503/);
  faults = {};
  await page.click(".nv-error button");
  await page.waitForSelector("#zhejiang-1200-apps");
  // The picker still opens other issues.
  await page.selectOption("#nv-issue", "fixture-partial");
  await page.waitForSelector("#only-english");
  await context.close();
});

test("a missing catalog is an error with a retry", async () => {
  faults = { "index.json": 404 };
  const { page, context } = await open(fixtures, "?lang=en");
  await page.waitForSelector(".nv-error");
  assert.match(await page.textContent(".nv-error"), /index\.json: the server answered 404/);
  faults = {};
  await page.click(".nv-error button");
  await ready(page);
  await context.close();
});
