// A card's actions: Copy link and Cite put the deep link and the citation on the clipboard
// and say so to screen readers; Share opens the system's sheet where there is one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./harness.mjs";
import { openViewer } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const h = harness({ root: DIST, base: "/news/" });
const FTC = "ftc-everalbum-facial-recognition";
const card = `body > main #${FTC}`;

async function open(path, { width = 1280, height = 900, share = false } = {}) {
  const context = await h.browser.newContext({ viewport: { width, height }, hasTouch: width < 600 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.url().replace(/\/news\/$/, "") });
  if (share) {
    await context.addInitScript(() => {
      navigator.share = (data) => {
        window.shared = data;
        return Promise.resolve();
      };
    });
  }
  return { context, ...(await openViewer(context, h.url(path))) };
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const announced = (text) => (page) =>
  page.waitForFunction((text) => document.querySelector("body > main .nv-announce")?.textContent.includes(text), text);

test("Copy link copies the deep link with the language, by keyboard, and says so", async () => {
  const { context, page, errors } = await open("?lang=en");
  await page.focus(`${card} [data-action=link]`);
  await page.keyboard.press("Enter");
  await announced("Link copied")(page);
  assert.equal(await clipboard(page), h.url(`?issue=cyber-041&lang=en#${FTC}`));
  // The link opens that item.
  await page.goto(await clipboard(page));
  await page.waitForFunction((id) => Math.abs(document.getElementById(id).getBoundingClientRect().top) < 150, FTC);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Cite copies the citation in the reader's language, or both", async () => {
  const { context, page } = await open("?lang=zh");
  await page.click(`${card} [data-action=cite]`);
  await announced("引用已复制")(page);
  const link = h.url(`?issue=cyber-041&lang=zh#${FTC}`);
  assert.equal(
    await clipboard(page),
    `立方律师事务所《立方网络安全与数据合规周报》第41期（立方观评 No.208，2021年1月）：“美国联邦贸易委员会与一照片APP开发者就不当使用人脸识别技术问题达成和解”，${link}`,
  );
  await page.click("button[data-lang=both]");
  await page.click(`${card} [data-action=cite]`);
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes("\n"));
  const [zh, en] = (await clipboard(page)).split("\n");
  assert.match(zh, /^立方律师事务所《/);
  assert.equal(
    en,
    `Lifang & Partners, Weekly Cybersecurity and Data Protection Review No.41 (Lifang & Partners Newsletter No.208, January 2021), “California Company Settles FTC Allegations It Deceived Consumers about Use of Facial Recognition in Photo Storage App”, ${h.url(`?issue=cyber-041&lang=both#${FTC}`)}`,
  );
  await context.close();
});

test("on a phone the actions are 44 px targets, and Share opens the system's sheet", async () => {
  const { context, page, errors } = await open("?lang=en", { width: 360, height: 740, share: true });
  const sizes = await page.$$eval(`${card} .nv-action`, (buttons) =>
    buttons.map((b) => b.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]),
  );
  assert.equal(sizes.length, 3);
  for (const [w, hgt] of sizes) assert.ok(w >= 44 && hgt >= 44, `${w}×${hgt}`);
  await page.click(`${card} [data-action=share]`);
  await page.waitForFunction(() => window.shared);
  const shared = await page.evaluate(() => window.shared);
  assert.equal(shared.url, h.url(`?issue=cyber-041&lang=en#${FTC}`));
  assert.match(shared.title, /^California Company Settles/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without a share sheet there is no Share button", async () => {
  const { context, page } = await open("?lang=en");
  assert.equal(await page.isVisible(`${card} [data-action=share]`), false);
  assert.equal(await page.isVisible(`${card} [data-action=cite]`), true);
  await context.close();
});
