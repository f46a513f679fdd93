// Accessibility (WCAG 2.2 AA): axe-core in every view and mode, in both themes, at phone and
// desktop widths; and the keyboard: skip link, landmarks, headings, focus, reduced motion.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";

const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const DIST = new URL("../dist/", import.meta.url).pathname;

const h = harness({
  root: DIST,
  base: "/a/",
  route: (rel, _req, res) => {
    if (rel !== "issues/missing.json") return false;
    res.writeHead(503).end();
    return true;
  },
});

const url = (path) => h.url(path);

/** Runs axe on the page; returns "rule: target" lines for each violation. */
async function axe(page) {
  // The page's CSP refuses inline scripts; the context bypasses it to inject axe.
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim()})`));
}

async function page({ width = 1280, height = 900, scheme = "light", reducedMotion = "no-preference" } = {}) {
  const context = await h.browser.newContext({
    viewport: { width, height },
    colorScheme: scheme,
    reducedMotion,
    bypassCSP: true,
    hasTouch: width < 600,
    isMobile: width < 600,
  });
  return { context, page: await context.newPage() };
}

const VIEWS = [
  ["the sample issue", "?lang=LANG", VIEWER_CARD],
  ["a filtered issue with an emptied section", "?lang=LANG&j=CN-GD", VIEWER_CARD],
  ["a filter that matches nothing", "?lang=LANG&j=EU", VIEWER_CARD],
  ["a filter of both facets", "?lang=LANG&j=CN&r=miit,ftc", VIEWER_CARD],
  ["an unknown issue", "?lang=LANG&issue=nope", ".nv-error"],
  ["search results", "?lang=LANG&q=%E6%95%B0%E6%8D%AE%20data", ".nv-results__item"],
];

for (const [width, height] of [[1280, 900], [360, 740]]) {
  for (const scheme of ["light", "dark"]) {
    for (const lang of ["zh", "en", "both"]) {
      for (const [name, path, ready] of VIEWS) {
        test(`axe: ${name}, ${lang}, ${scheme}, ${width} px`, async () => {
          const { context, page: p } = await page({ width, height, scheme });
          await p.goto(url(path.replace("LANG", lang)));
          await p.waitForSelector(ready, { state: "attached" });
          if (width < 600) {
            // Open the folded panels so their contents are checked too.
            for (const toggle of await p.$$(".nv-fold__toggle")) {
              if (await toggle.isVisible()) await toggle.click();
            }
          }
          // And the list of offline reading, at the foot of the page.
          await p.click(".nv-offline__open");
          await p.waitForSelector(".nv-offline__issue");
          assert.deepEqual(await axe(p), []);
          await context.close();
        });
      }
    }
  }
}

test("axe: an issue that failed to load, with its retry", async () => {
  const { context, page: p } = await page();
  const catalog = JSON.stringify({
    format: "newsletter-catalog/1",
    issues: [{ id: "missing", file: "missing.json", date: "2030-01" }],
  });
  await p.route("**/issues/index.json", (r) => r.fulfill({ body: catalog, contentType: "application/json" }));
  await p.goto(url("?lang=en"));
  await p.waitForSelector(".nv-error button");
  assert.deepEqual(await axe(p), []);
  await context.close();
});

test("landmarks, headings in order, and a skip link that moves focus to the content", async () => {
  const { context, page: p } = await page();
  await p.goto(url("?lang=en"));
  await p.waitForSelector(VIEWER_CARD);
  const landmarks = await p.evaluate(() => ({
    banner: document.querySelectorAll("body > header").length,
    main: document.querySelectorAll("main").length,
    nav: document.querySelectorAll("nav").length,
    contentinfo: document.querySelectorAll("body > footer").length,
  }));
  assert.deepEqual(landmarks, { banner: 1, main: 1, nav: 1, contentinfo: 1 });
  const levels = await p.$$eval("main :is(h1,h2,h3,h4,h5,h6)", (hs) =>
    hs.filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName[1])),
  );
  assert.equal(levels.filter((l) => l === 1).length, 1, "one h1");
  const fromH1 = levels.slice(levels.indexOf(1));
  for (let i = 1; i < fromH1.length; i++) {
    assert.ok(fromH1[i] <= fromH1[i - 1] + 1, `heading jumps from h${fromH1[i - 1]} to h${fromH1[i]}`);
  }
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.activeElement.className), "nv-skip");
  assert.ok(await p.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), "visible when focused");
  await p.keyboard.press("Enter");
  assert.equal(await p.evaluate(() => document.activeElement.id), "main");
  await context.close();
});

test("every control is reachable by keyboard and shows its focus", async () => {
  const { context, page: p } = await page();
  await p.goto(url("?lang=en"));
  await p.waitForSelector(VIEWER_CARD);
  const seen = new Set();
  for (let i = 0; i < 100; i++) {
    await p.keyboard.press("Tab");
    const info = await p.evaluate(() => {
      const el = document.activeElement;
      if (el === document.body) return null; // past the last control
      const style = getComputedStyle(el);
      return {
        key: el.dataset.lang ?? el.dataset.code ?? el.closest("[data-code]")?.dataset.code ?? el.className ?? el.tagName,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (info === null) break;
    assert.ok(info.outline, `focus is visible on ${info.key}`);
    seen.add(info.key);
  }
  for (const key of ["nv-skip", "nv-picker__select", "zh", "en", "both", "nv-theme__select", "CN", "CN-ZJ", "US", "nv-contents__link"]) {
    assert.ok(seen.has(key), `reached ${key} (saw ${[...seen].join(", ")})`);
  }
  // The filter is operable from the keyboard and its state is a checkbox's.
  await p.focus("[data-code=US] input");
  await p.keyboard.press("Space");
  await p.waitForFunction(() => document.querySelectorAll("article.nv-card:not([hidden])").length === 1);
  assert.equal(await p.$eval("[data-code=US] input", (i) => i.checked), true);
  await context.close();
});

test("the opened issue is announced to screen readers", async () => {
  const { context, page: p } = await page();
  await p.goto(url("?lang=en"));
  await p.waitForSelector(VIEWER_CARD);
  await p.waitForFunction(() => document.querySelector(".nv-sr[role=status]")?.textContent.startsWith("Opened: "));
  assert.match(await p.textContent(".nv-sr[role=status]"), /Weekly Cybersecurity and Data Protection Review No\.41/);
  await context.close();
});

test("reduced motion turns smooth scrolling and the progress animation off", async () => {
  for (const [reducedMotion, expected] of [["reduce", "auto"], ["no-preference", "smooth"]]) {
    const { context, page: p } = await page({ reducedMotion });
    await p.goto(url("?lang=en"));
    await p.waitForSelector(VIEWER_CARD);
    assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), expected);
    await context.close();
  }
});
