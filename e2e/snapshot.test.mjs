// The snapshot of the newest issue in index.html (`newsletter snapshot`, run by the build):
// readable before the viewer's wasm has arrived, taken over by the viewer with nothing on
// screen changing, and never shown when the page opens another view.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

// Per test: the wasm held back until `release()`, or the fixtures' catalog (whose newest
// issue is not the snapshot's) in place of the sample's.
let hold = null;
let fixtureCatalog = false;
const h = harness({
  root: DIST,
  base: "/org/newsletter/",
  route: async (rel, _req, res) => {
    if (rel.endsWith(".wasm") && hold) await hold;
    if (!fixtureCatalog || !rel.startsWith("issues/") || rel === "issues/cyber-041.json") return false;
    const body = await fs.readFile(`${FIXTURES}${rel.slice("issues/".length)}`).catch(() => null);
    if (!body) return false;
    res.writeHead(200, { "content-type": "application/json" }).end(body);
    return true;
  },
});

/** Holds the wasm back; returns the function that lets it go. */
function holdWasm() {
  let release;
  hold = new Promise((resolve) => (release = resolve));
  return () => {
    hold = null;
    release();
  };
}

const SNAPSHOT_CARD = ".nv-snapshot:not([hidden]) article.nv-card";

/** Where each element a reader sees is, by a key that names the same element in both pages.
 * (Out of view, a card's height is the browser's estimate until it is first shown.) */
const placesOf = (page) =>
  page.evaluate(() => {
    const places = {};
    const seen = {};
    const selector =
      ".nv-bar, .nv-bar__inner > *, .nv-switch__button, .nv-side, .nv-filter, .nv-contents, .nv-masthead, .nv-count, .nv-section, article, .nv-footer, .nv-colophon";
    for (const element of document.querySelectorAll(selector)) {
      const key = element.id || element.className;
      seen[key] = (seen[key] ?? 0) + 1;
      const { x, y, width, bottom } = element.getBoundingClientRect();
      const [top, end] = [Math.max(y, 0), Math.min(bottom, innerHeight)];
      if (end <= top) continue;
      places[`${key} ${seen[key]}`] = [x, y, width, end - top].map((v) => Math.round(v * 2) / 2).join(",");
    }
    return places;
  });

for (const { name, path, locale, width, scroll } of [
  { name: "zh at 360 px", path: "", locale: "zh-CN", width: 360, scroll: 0 },
  { name: "both at 360 px, scrolled", path: "?lang=both", locale: "en-US", width: 360, scroll: 1400 },
  { name: "en at 1280 px", path: "", locale: "en-US", width: 1280, scroll: 0 },
  { name: "en at 1280 px, scrolled", path: "?lang=en", locale: "zh-CN", width: 1280, scroll: 700 },
]) {
  test(`before the wasm: the newest issue in full; then the viewer, with nothing moved (${name})`, async () => {
    const release = holdWasm();
    const context = await h.browser.newContext({ locale, viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    try {
      await page.goto(h.url(path), { waitUntil: "domcontentloaded" });
      await page.waitForSelector(SNAPSHOT_CARD);
      // Every card, the disclaimer and the contacts, in the reading mode, before any wasm.
      assert.equal(await page.locator(SNAPSHOT_CARD).count(), 5);
      assert.equal(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith(".wasm") && r.responseEnd > 0)), false);
      const mode = path ? path.slice("?lang=".length) : locale.slice(0, 2);
      assert.equal(await page.getAttribute("html", "data-mode"), mode);
      assert.ok(await page.isVisible(".nv-snapshot .nv-footer__disclaimer"));
      assert.equal(await page.getAttribute(`.nv-switch__button[data-lang=${mode}]`, "aria-pressed"), "true");
      if (scroll) await page.evaluate((y) => scrollTo({ top: y, behavior: "instant" }), scroll);
      // Layout shifts across the takeover only (scrolling lays out cards that were out of view).
      await page.waitForTimeout(200);
      await page.evaluate(() => (window.__shifts = 0));
      const before = await placesOf(page);
      const shot = await page.screenshot();

      release();
      await page.waitForFunction(() => !document.querySelector(".nv-snapshot"));
      await page.waitForSelector(VIEWER_CARD);
      await page.waitForTimeout(300);
      assert.deepEqual(await placesOf(page), before);
      assert.equal(await page.evaluate(() => scrollY), scroll);
      const after = await page.screenshot();
      if (!shot.equals(after)) {
        await fs.mkdir("e2e/out", { recursive: true });
        await fs.writeFile(`e2e/out/snapshot-before-${width}.png`, shot);
        await fs.writeFile(`e2e/out/snapshot-after-${width}.png`, after);
      }
      assert.ok(shot.equals(after), "the same pixels (e2e/out/snapshot-*.png)");
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts < 0.02, `layout shift ${shifts}`);
    } finally {
      release();
      await context.close();
    }
  });
}

test("focus and a selection in the snapshot stay where they were in the viewer", async () => {
  const release = holdWasm();
  const context = await h.browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(h.url(), { waitUntil: "domcontentloaded" });
    await page.waitForSelector(SNAPSHOT_CARD);
    // The contents' fourth link, and a stretch of the second card's body.
    await page.evaluate(() => {
      const cards = document.querySelectorAll(".nv-snapshot article");
      document.querySelectorAll(".nv-snapshot .nv-contents__link")[3].focus();
      const text = cards[1].querySelector(".nv-card__body [lang=en] p").firstChild;
      getSelection().setBaseAndExtent(text, 4, text, 40);
    });
    const chosen = await page.evaluate(() => ({
      focused: document.activeElement.outerHTML,
      selected: getSelection().toString(),
    }));
    assert.match(chosen.focused, /^<a /);
    assert.equal(chosen.selected.length, 36);

    release();
    await page.waitForFunction(() => !document.querySelector(".nv-snapshot"));
    await page.waitForSelector(VIEWER_CARD);
    const kept = await page.evaluate(() => {
      const cards = document.querySelectorAll("body > main article");
      return {
        focused: document.activeElement.outerHTML,
        fourthLink: document.querySelectorAll("body > main .nv-contents__link")[3] === document.activeElement,
        selected: getSelection().toString(),
        inSecondCard: cards[1].contains(getSelection().anchorNode),
      };
    });
    assert.deepEqual(kept, { ...chosen, fourthLink: true, inSecondCard: true });
  } finally {
    release();
    await context.close();
  }
});

test("the language switch works before the viewer, which takes over in the mode chosen", async () => {
  const release = holdWasm();
  const context = await h.browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.goto(h.url("?issue=cyber-041"), { waitUntil: "domcontentloaded" });
    await page.waitForSelector(SNAPSHOT_CARD);
    assert.equal(await page.getAttribute("html", "data-mode"), "zh");
    await page.tap(".nv-snapshot button[data-lang=en]");
    // The mode, in the page and in the controls of the snapshot, or of the viewer's page.
    const modeIn = (scope) =>
      page.evaluate((scope) => ({
        mode: document.documentElement.dataset.mode,
        lang: document.documentElement.lang,
        search: location.search,
        remembered: localStorage.getItem("newsletter-viewer.lang"),
        pressed: document.querySelector(`${scope} [aria-pressed=true]`).dataset.lang,
        placeholder: document.querySelector(`${scope} .nv-search__input`).placeholder,
        focused: document.activeElement.dataset.lang,
      }), scope);
    const chosen = await modeIn(".nv-snapshot");
    assert.deepEqual(chosen, {
      mode: "en",
      lang: "en",
      search: "?issue=cyber-041&lang=en",
      remembered: "en",
      pressed: "en",
      placeholder: "Search all issues",
      focused: "en",
    });
    // The other controls wait for the viewer.
    assert.equal(await page.evaluate(() => document.querySelector(".nv-snapshot .nv-filter").inert), true);

    release();
    await page.waitForFunction(() => !document.querySelector(".nv-snapshot"));
    await page.waitForSelector(VIEWER_CARD);
    await page.waitForTimeout(200);
    assert.deepEqual(await modeIn("body > .nv-bar"), chosen);
  } finally {
    release();
    await context.close();
  }
});

test("the snapshot never shows when the page opens another view", async () => {
  // Seen if its `hidden` is ever taken off, or any of its cards is ever laid out.
  const watch = () => {
    window.__seen = false;
    const seen = () => {
      const snapshot = document.querySelector(".nv-snapshot");
      if (snapshot && (!snapshot.hidden || snapshot.querySelector("article")?.getClientRects().length)) window.__seen = true;
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
    const frame = () => {
      seen();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  for (const { path, fixtures, shows } of [
    { path: "", fixtures: false, shows: true }, // the control: the watch does see it
    { path: "?issue=fixture-partial", fixtures: true, shows: false },
    { path: "", fixtures: true, shows: false }, // the catalog's newest is not the snapshot's
    { path: "?issue=cyber-041", fixtures: true, shows: true }, // asked for by name
    { path: "?issue=nope", fixtures: false, shows: false },
    { path: "?j=US", fixtures: false, shows: false },
    { path: "?q=data", fixtures: false, shows: false },
  ]) {
    fixtureCatalog = fixtures;
    const release = holdWasm();
    const context = await h.browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(watch);
    try {
      await page.goto(h.url(path), { waitUntil: "domcontentloaded" });
      // The catalog has arrived (its entry decided), and a few frames have passed.
      await page.waitForFunction(() => window.nvOpening);
      await page.evaluate(() => window.nvOpening);
      await page.waitForTimeout(200);
      release();
      await page.waitForSelector("body > main :is(article, .nv-error, .nv-results)", { state: "attached" });
      assert.equal(await page.evaluate(() => window.__seen), shows, `${path}${fixtures ? " (fixtures' catalog)" : ""}`);
    } finally {
      release();
      fixtureCatalog = false;
      await context.close();
    }
  }
});
