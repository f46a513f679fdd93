// Reading on a phone (touch, 360×740 and 414×896): no sideways scrolling in any mode, tap
// targets of at least 44 px, contents and filter folded away and opened on demand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const h = harness({ root: DIST, base: "/p/" });

async function phone(width, height, path) {
  const context = await h.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(h.url(path));
  await page.waitForSelector(VIEWER_CARD, { state: "attached" });
  return { context, page };
}

/** Visible controls smaller than 44 px in either direction (inline links in running text
 * are exempt, as WCAG's target-size rule allows). */
const smallTargets = (page) =>
  page.evaluate(() => {
    const small = [];
    // A checkbox's target is its whole label; a select's label is not a target of its own.
    const targets = "a[href], button, select, input:not([type=checkbox]), summary, label:has(input)";
    for (const el of document.querySelectorAll(targets)) {
      if (el.closest(".nv-block, .nv-card__source, .nv-footer__follow")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.height < 43.5 || r.width < 43.5) small.push(`${el.tagName}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return small;
  });

for (const [width, height] of [[360, 740], [414, 896]]) {
  for (const lang of ["zh", "en", "both"]) {
    test(`${width}×${height}, ${lang}: no sideways scroll, targets of 44 px, panels on demand`, async () => {
      const { context, page } = await phone(width, height, `?lang=${lang}`);
      const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok((await wide()) <= width, `page is ${await wide()} px wide`);

      // Contents and filter start folded, so the text comes first.
      assert.equal(await page.isVisible(".nv-contents__list"), false);
      assert.equal(await page.isVisible(".nv-filter__list"), false);
      for (const toggle of await page.$$(".nv-fold__toggle")) await toggle.tap();
      assert.equal(await page.isVisible(".nv-contents__list"), true);
      assert.equal(await page.isVisible(".nv-filter__list"), true);
      assert.deepEqual(await smallTargets(page), []);
      assert.ok((await wide()) <= width);

      // Following a contents link folds the contents away again and shows the item.
      await page.tap(".nv-contents__link >> nth=3");
      assert.equal(await page.isVisible(".nv-contents__list"), false);
      await page.waitForFunction(() => Math.abs(document.getElementById("guangdong-700-apps").getBoundingClientRect().top) < 100);
      assert.match(page.url(), /#guangdong-700-apps$/);
      await context.close();
    });
  }
}

test("a link to the last item lands on it, though the cards above are laid out late", async () => {
  // Cards off screen are laid out at an estimated height until they near the view; on a
  // phone the real ones are far taller, so a jump computed from the estimates falls short.
  const onTop = (page, id) =>
    page.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top >= 0 && top < 100;
    }, id, { timeout: 5000 });
  const last = "ftc-everalbum-facial-recognition";
  {
    const { context, page } = await phone(360, 740, `?lang=en#${last}`);
    await onTop(page, last);
    await context.close();
  }
  {
    const { context, page } = await phone(360, 740, "?lang=en");
    await page.tap(".nv-contents .nv-fold__toggle");
    await page.tap(`.nv-contents__link[href="#${last}"]`);
    await onTop(page, last);
    // And it stays there (nothing below it moves it once it is in place).
    await page.waitForTimeout(500);
    await onTop(page, last);
    await context.close();
  }
});

test("Chinese text gets the CJK font stack and a roomier line height", async () => {
  const { context, page } = await phone(360, 740, "?lang=both");
  const style = (selector) =>
    page.$eval(selector, (el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
  const zh = await style("#miit-81-draft-standards .nv-block[lang=zh] p");
  const en = await style("#miit-81-draft-standards .nv-block[lang=en] p");
  assert.match(zh.font, /Noto Sans CJK SC|PingFang SC/);
  assert.ok(zh.line >= 1.8, `zh line height ${zh.line}`);
  assert.ok(en.line >= 1.5 && en.line < zh.line, `en line height ${en.line}`);
  await context.close();
});
