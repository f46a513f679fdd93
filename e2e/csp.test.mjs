// The built page under its own Content-Security-Policy, as a meta tag and as the header a
// host should send (dist/csp.txt): the viewer works, nothing is blocked, and an injected
// inline script is refused (so the policy is really in force).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";
import { inlineScripts, inlineStyles } from "../tools/inline.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const POLICY = fs.readFileSync(`${DIST}csp.txt`, "utf8").trim();

const h = harness({ root: DIST, base: "/csp/", headers: { "content-security-policy": POLICY } });

test("the policy is strict", () => {
  const html = fs.readFileSync(`${DIST}index.html`, "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(meta, "index.html carries the policy");
  // One hash for each inline script of the page (trunk's loader, the loading note's timer,
  // the service worker's registration, the reading mode, the early requests, the snapshot's).
  const inline = inlineScripts(html).length;
  assert.equal(inline, 6);
  // And one for each style sheet, inlined into the page by the build.
  const styles = inlineStyles(html).length;
  assert.equal(styles, 4);
  for (const policy of [meta, POLICY]) {
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, new RegExp(`script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){${inline}} 'wasm-unsafe-eval'`));
    assert.match(policy, new RegExp(`style-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){${styles}};`));
    assert.match(policy, /connect-src 'self'/);
    // Offline reading: the service worker, and the manifest.
    assert.match(policy, /worker-src 'self'; manifest-src 'self'/);
    const directives = policy.split("; ").map((d) => d.split(" ")[0]);
    assert.deepEqual(directives.slice(0, 11), [
      "default-src",
      "script-src",
      "style-src",
      "img-src",
      "font-src",
      "connect-src",
      "worker-src",
      "manifest-src",
      "base-uri",
      "form-action",
      "object-src",
    ]);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|https?:|\*/);
  }
  assert.match(POLICY, /frame-ancestors 'none'/);
});

test("the viewer works under the policy with nothing blocked", async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(h.url(`?lang=en`));
  await page.waitForSelector(VIEWER_CARD);
  await page.click("button[data-lang=zh]");
  await page.waitForFunction(() => document.documentElement.lang === "zh");
  await page.click("[data-code=US] input");
  await page.waitForFunction(() => document.querySelectorAll("article.nv-card:not([hidden])").length === 1);
  // The service worker starts, and the manifest loads, under the policy.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  assert.deepEqual((await cdp.send("Page.getAppManifest")).errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);

  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__inline = 1";
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline;
  });
  assert.equal(ran, undefined, "an inline script without the hash is refused");
  const violations = await page.evaluate(() => window.__violations);
  // Reported once per policy in force (the meta tag and the header).
  assert.ok(violations.length >= 1, "the refusal is reported");
  for (const v of violations) assert.match(v, /^script-src(-elem)? inline$/);

  // The page's own style sheets are inline too: an injected one is refused all the same.
  const styled = await page.evaluate(async () => {
    const style = document.createElement("style");
    style.textContent = "html { --nv-injected: 1; }";
    document.head.append(style);
    await new Promise((r) => setTimeout(r, 50));
    return getComputedStyle(document.documentElement).getPropertyValue("--nv-injected");
  });
  assert.equal(styled, "", "an inline style without the hash is refused");
  const refused = (await page.evaluate(() => window.__violations)).slice(violations.length);
  assert.ok(refused.length >= 1 && refused.every((v) => /^style-src(-elem)? inline$/.test(v)), refused.join());
  await context.close();
});
