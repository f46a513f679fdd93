// Hostile content: payloads in every text and URL field (e2e/hostile.mjs) must not run, must
// not become links or sources outside http:, https: and mailto:, must show as literal
// characters, and must not push the page sideways on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./harness.mjs";
import { VIEWER_CARD, shownText, watchProblems } from "./browser.mjs";
import { hostileCatalog, hostileIssue, TEXT_PAYLOADS } from "./hostile.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;

const files = {
  "issues/index.json": JSON.stringify(hostileCatalog()),
  "issues/hostile.json": JSON.stringify(hostileIssue()),
};
const h = harness({
  root: DIST,
  base: "/h/",
  route: (rel, _req, res) => {
    if (!(rel in files)) return false;
    res.writeHead(200, { "content-type": "application/json" }).end(files[rel]);
    return true;
  },
});

/** Every URL-bearing attribute in the document, resolved, with its element. */
const urlsInPage = (page) =>
  page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of ["href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"]) {
        const value = el.getAttribute(attr);
        if (value !== null) found.push({ tag: el.tagName, attr, value, url: new URL(value, location.href).protocol });
      }
    }
    return found;
  });

for (const [width, height] of [[360, 740], [1280, 900]]) {
  for (const lang of ["zh", "en", "both"]) {
    test(`no payload runs or links out, ${lang} at ${width} px`, async () => {
      const context = await h.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(h.url(`?lang=${lang}`));
      await page.waitForSelector(VIEWER_CARD, { state: "attached" });
      // The catalog's titles in the list of offline reading too.
      await page.click(".nv-offline__open");
      await page.waitForSelector(".nv-offline__issue");
      await page.waitForTimeout(200);

      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(problems, []);

      for (const { tag, attr, value, url } of await urlsInPage(page)) {
        // The bundle's own files are same-origin http:; everything else must be allowed.
        assert.ok(["http:", "https:", "mailto:"].includes(url), `${tag}[${attr}]=${value}`);
      }
      const hrefs = await page.$$eval("body a[href]", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(hrefs.includes("https://example.org/allowed"), "the allowed link is kept");
      for (const href of hrefs) {
        assert.match(href, /^(https?:\/\/|mailto:|#|http:\/\/127\.0\.0\.1)/i, href);
      }

      // Markup shows as literal characters; no element came from data.
      const text = await shownText(page, "body");
      assert.ok(text.includes(`<script>window.__pwned = "script"</script>`));
      assert.ok(text.includes(`<img src=x onerror="window.__pwned='img'">`));
      // (The page's own script after the snapshot is <body>'s child; what a file holds is
      // always inside the viewer's elements.)
      const injected = await page.$$eval("body > * :is(script, iframe, img, svg, style, math, object, embed)", (e) => e.length);
      assert.equal(injected, 0);

      // Refused ids and jurisdictions are reported, not shown.
      const warnings = await page.$$eval(".nv-warnings", (w) => w.map((e) => e.textContent).join("\n"));
      assert.match(warnings, /hostile\.json: sections\[1\]\.items\[7\]\.id: invalid id/);
      assert.match(warnings, /hostile\.json: sections\[1\]\.items\[8\]\.jurisdiction: invalid jurisdiction/);
      assert.match(warnings, /index\.json: issues\[2\]\.file: invalid file/);

      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `page is ${scrollWidth} px wide at ${width} px`);
      await context.close();
    });
  }
}

test("every text payload is shown somewhere, literally", async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url(`?lang=en`));
  await page.waitForSelector(VIEWER_CARD, { state: "attached" });
  const text = await page.evaluate(() => document.body.textContent);
  for (const payload of TEXT_PAYLOADS) {
    assert.ok(text.includes(payload), `missing: ${payload.slice(0, 40)}`);
  }
  await context.close();
});
