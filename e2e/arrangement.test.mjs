// "Both" mode side by side on wide screens and on paper, stacked on phones or by choice:
// the title and paragraphs pair up row by row, the choice is remembered and in the URL only
// when it is not the default.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { openViewer } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const SAMPLE = JSON.parse(fs.readFileSync(`${DIST}issues/cyber-041.json`, "utf8"));
// The sample with two paragraphs in each language of one item, and three English ones
// against one Chinese in another (which cannot pair).
const items = SAMPLE.sections.flatMap((s) => s.items);
const byId = (id) => items.find((item) => item.id === id);
byId("miit-81-draft-standards").body = { zh: "第一段。\n\n第二段，较长的一段中文。", en: "First paragraph.\n\nSecond paragraph." };
byId("cbirc-regulatory-data-security").body.en += "\n\nA second paragraph.\n\nA third.";

const h = harness({
  root: DIST,
  base: "/side/",
  route: (rel, _req, res) => {
    if (rel !== "issues/cyber-041.json") return false;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(SAMPLE));
    return true;
  },
});

async function open(path, { width = 1280, height = 900, context } = {}) {
  context ??= await h.browser.newContext({ viewport: { width, height } });
  return { context, ...(await openViewer(context, h.url(path))) };
}

/** The boxes of an item's title lines and body paragraphs, by language. */
const boxes = (page, id) =>
  page.evaluate((id) => {
    const card = document.querySelector(`body > main [id="${id}"]`);
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: Math.round(r.left), top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    const shown = (selector) => [...card.querySelectorAll(selector)].filter((e) => e.getClientRects().length).map(box);
    return {
      title: { zh: shown(".nv-card__title [lang=zh]")[0], en: shown(".nv-card__title [lang=en]")[0] },
      zh: shown(".nv-block[lang=zh] > p"),
      en: shown(".nv-block[lang=en] > p"),
    };
  }, id);

const sideBySide = (a, b) => a.left < b.left && Math.abs(a.top - b.top) <= 2;
const stacked = (a, b) => a.left === b.left && b.top >= a.bottom;

test("both mode on a wide screen sets the languages side by side, paragraph by paragraph", async () => {
  const { context, page, errors } = await open("?lang=both");
  const paired = await boxes(page, "miit-81-draft-standards");
  assert.ok(sideBySide(paired.title.zh, paired.title.en), JSON.stringify(paired.title));
  assert.equal(paired.zh.length, 2);
  for (const i of [0, 1]) assert.ok(sideBySide(paired.zh[i], paired.en[i]), `pair ${i}: ${JSON.stringify(paired)}`);
  // Counts that differ: two plain columns, each starting at the top.
  const plain = await boxes(page, "cbirc-regulatory-data-security");
  assert.equal(await page.$eval("body > main #cbirc-regulatory-data-security .nv-card__body", (e) => e.className), "nv-card__body");
  assert.ok(sideBySide(plain.zh[0], plain.en[0]));
  assert.ok(plain.en[1].top >= plain.en[0].bottom && plain.en[1].left === plain.en[0].left);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the reader can stack them; the choice is remembered and in the URL only when stacked", async () => {
  const { context, page } = await open("?lang=both");
  const toggle = "body > main .nv-arrange";
  assert.equal(await page.getAttribute(toggle, "aria-pressed"), "true");
  await page.focus(toggle);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.documentElement.dataset.layout === "stacked");
  assert.match(page.url(), /\?lang=both&layout=stacked$/);
  assert.equal(await page.getAttribute(toggle, "aria-pressed"), "false");
  let miit = await boxes(page, "miit-81-draft-standards");
  assert.ok(stacked(miit.title.zh, miit.title.en), JSON.stringify(miit.title));
  assert.ok(stacked(miit.zh[1], miit.en[0]), "Chinese, then English");
  // A later visit without layout= keeps the reader's choice.
  const later = await open("?lang=both", { context });
  miit = await boxes(later.page, "miit-81-draft-standards");
  assert.ok(stacked(miit.title.zh, miit.title.en));
  await later.page.click(toggle);
  await later.page.waitForFunction(() => document.documentElement.dataset.layout === "side");
  assert.match(later.page.url(), /\?lang=both$/);
  // A link that says stacked opens stacked, whatever the reader's own choice.
  const linked = await open("?lang=both&layout=stacked", { context });
  assert.equal(await linked.page.getAttribute("html", "data-layout"), "stacked");
  await context.close();
});

test("phones keep the stacked order, without the switch or sideways scrolling", async () => {
  const { context, page, errors } = await open("?lang=both", { width: 360, height: 740 });
  const miit = await boxes(page, "miit-81-draft-standards");
  assert.ok(stacked(miit.title.zh, miit.title.en));
  assert.ok(stacked(miit.zh[1], miit.en[0]));
  assert.equal(await page.isVisible("body > main .nv-arrange"), false);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  assert.deepEqual(errors, []);
  await context.close();
});

test("print sets the languages side by side too, unless the reader stacked them", async () => {
  for (const [path, arranged] of [["?lang=both", sideBySide], ["?lang=both&layout=stacked", stacked]]) {
    const { context, page } = await open(path, { width: 800, height: 1000 });
    await page.emulateMedia({ media: "print" });
    const miit = await boxes(page, "miit-81-draft-standards");
    assert.ok(arranged(miit.zh[0], miit.en[0]), `${path}: ${JSON.stringify(miit)}`);
    await context.close();
  }
});

test("the snapshot shown before the viewer starts is arranged as the viewer is", async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  // Hold the viewer's wasm back: what shows is the snapshot.
  await page.route("**/*.wasm", () => {});
  await page.goto(h.url("?lang=both&layout=stacked"));
  await page.waitForSelector(".nv-snapshot:not([hidden]) article.nv-card");
  assert.equal(await page.getAttribute(".nv-snapshot .nv-arrange", "aria-pressed"), "false");
  const title = await page.$$eval(".nv-snapshot article.nv-card .nv-card__title .nv-t", (spans) =>
    spans.map((s) => s.getBoundingClientRect().left),
  );
  assert.equal(title[0], title[1], "stacked: one above the other");
  await context.close();
});
