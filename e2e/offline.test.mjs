// Offline reading, under a sub-path: the manifest and its icons; the service worker keeps
// the app and each issue read, so that offline a reload shows the last issue with the URL's
// language and filter; an issue never saved says so in both languages; an issue saved
// without reading it opens offline; a new build is used from the next load on, and no page
// mixes the files of two builds.
//
// "Offline" is both Playwright's (the page's navigator.onLine is false) and the host's: the
// server stops answering, so nothing reaches it whichever way a request goes.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { harness } from "./harness.mjs";
import { contentType } from "./server.mjs";
import { VIEWER_CARD, shownText, watchProblems } from "./browser.mjs";
import { appFiles } from "../tools/offline.mjs";

const REPO = new URL("..", import.meta.url).pathname;
const DIST = path.join(REPO, "dist");
const SAMPLE = JSON.parse(fs.readFileSync(path.join(REPO, "public/issues/cyber-041.json"), "utf8"));
const BASE = "/org/newsletter/";

/** Three issues, each the sample under another id, number and date (`n-3` the newest), and
 * their catalog by the publishers' tool. */
function archive() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-offline-"));
  for (const [number, date] of [[1, "2020-11"], [2, "2020-12"], [3, "2021-01"]]) {
    const id = `n-${number}`;
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...SAMPLE, id, number, publication_number: number, date }));
  }
  execFileSync("cargo", ["run", "-q", "-p", "newsletter-cli", "--", "catalog", dir], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}

/** A new release: the build with its page and the search worker's scripts changed, and its
 * service worker written again by the build's own step. */
function nextBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-next-build-"));
  fs.cpSync(DIST, dir, { recursive: true });
  for (const file of ["loader.js", "search-worker.js"]) fs.appendFileSync(path.join(dir, file), "\n// the next build\n");
  const index = path.join(dir, "index.html");
  fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace("</body>", "<!-- the next build --></body>"));
  execFileSync("node", ["tools/offline.mjs", dir], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}

const issues = archive();
let build = DIST; // the build the host serves
let down = false; // the host unreachable
const h = harness({
  root: DIST,
  base: BASE,
  route: (rel, req, res) => {
    if (down) {
      req.socket.destroy();
      return true;
    }
    const file = rel.startsWith("issues/") ? path.join(issues, rel.slice("issues/".length)) : path.join(build, rel || "index.html");
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
    } else {
      res.writeHead(200, { "content-type": contentType(file) }).end(fs.readFileSync(file));
    }
    return true;
  },
});

async function open(query) {
  const context = await h.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(h.url(query));
  await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
  return { context, page, problems };
}

/** Waits until the page's service worker is activated. */
const workerReady = (page) =>
  page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state !== "activated") {
      await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
    }
  });

/** Waits until the issue list marks `id` as kept for offline reading (English). */
const markedOffline = (page, id, marked = true) =>
  page.waitForFunction(
    ([id, marked]) => document.querySelector(`#nv-issue option[value="${id}"]`)?.textContent.endsWith(" · offline") === marked,
    [id, marked],
  );

async function goOffline(context, offline = true) {
  down = offline;
  await context.setOffline(offline);
}

const cards = (page) => page.$$eval(`${VIEWER_CARD}:not([hidden])`, (c) => c.length);
const UNSAVED = /当前没有网络连接，而这一期未保存以供离线阅读。[\s\S]*You are offline, and this issue was not saved for offline reading\./;

test("the manifest: name, colours, icons of the declared types and sizes, standalone", async () => {
  const { context, page } = await open("?lang=en");
  const cdp = await context.newCDPSession(page);
  const { url, errors, data } = await cdp.send("Page.getAppManifest");
  assert.equal(url, h.url("manifest.webmanifest"));
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  assert.match(manifest.name, /Newsletter viewer/);
  assert.equal(manifest.theme_color, await page.getAttribute('meta[name="theme-color"]', "content"));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, url).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()["content-type"], icon.type);
    if (icon.type === "image/png") {
      const png = await response.body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${width}x${height}`, icon.sizes);
    }
  }
  assert.ok(manifest.icons.some((icon) => icon.purpose === "maskable"));
  // What Chromium still wants before it offers to install: nothing but a window that is
  // not incognito (every Playwright context is one).
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(
    installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito"),
    [],
  );
  await context.close();
});

test("offline, a reload shows the last issue read with the URL's language and filter; an unsaved issue says so", async () => {
  const { context, page, problems } = await open("?issue=n-2&lang=en&j=US");
  assert.equal(await cards(page), 1);
  await workerReady(page);
  // Each issue read is kept, and marked in the issue list (all but the one shown).
  await page.selectOption("#nv-issue", "n-3");
  await markedOffline(page, "n-2");
  await page.selectOption("#nv-issue", "n-2");
  await markedOffline(page, "n-3");
  await markedOffline(page, "n-2", false);
  await markedOffline(page, "n-1", false);
  await goOffline(context);
  try {
    await page.reload();
    await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.$eval("#nv-issue", (s) => s.value), "n-2");
    assert.equal(await cards(page), 1);
    assert.match(await shownText(page, VIEWER_CARD), /FTC/);
    // An issue never opened: said in both languages, with a retry; the rest keeps working.
    await page.selectOption("#nv-issue", "n-1");
    await page.waitForSelector("main .nv-error");
    assert.match(await page.textContent("main .nv-error"), UNSAVED);
    assert.deepEqual(await page.$$eval("main .nv-error :is(h1, p) > .nv-ui", (s) => s.map((e) => e.lang)), ["zh", "en", "zh", "en"]);
    assert.match(await page.textContent("main .nv-error"), /n-1\.json/);
    assert.ok(await page.isVisible("main .nv-error button"));
    await page.selectOption("#nv-issue", "n-2");
    await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
    assert.equal(await cards(page), 1);
  } finally {
    await goOffline(context, false);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("an issue saved without reading it opens offline; its copy can be removed", async () => {
  const { context, page, problems } = await open("?lang=en");
  await workerReady(page);
  await page.click(".nv-offline__open");
  assert.equal(await page.getAttribute(".nv-offline__open", "aria-expanded"), "true");
  const save = 'button[aria-describedby="nv-offline-n-1"]';
  assert.equal((await shownText(page, save)).trim(), "Save for offline reading");
  await page.focus(save);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^Saved for offline reading: No\.1 /.test(document.querySelector(".nv-offline [role=status]").textContent));
  await markedOffline(page, "n-1");
  assert.equal((await shownText(page, save)).trim(), "Remove offline copy");
  assert.match(await page.textContent(".nv-offline__issue:has(#nv-offline-n-1)"), /✓|offline/);
  await goOffline(context);
  try {
    await page.selectOption("#nv-issue", "n-1");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("issue") === "n-1");
    await page.waitForFunction(() => /No\.1\b/.test(document.querySelector("main h1")?.textContent));
    assert.equal(await cards(page), 5);
    await page.selectOption("#nv-issue", "n-3");
    await markedOffline(page, "n-1");
    // Removed: the mark goes, and the issue no longer opens offline.
    await page.click(save);
    await page.waitForFunction(() => /^Offline copy removed: No\.1 /.test(document.querySelector(".nv-offline [role=status]").textContent));
    await markedOffline(page, "n-1", false);
    await page.selectOption("#nv-issue", "n-1");
    await page.waitForSelector("main .nv-error");
    assert.match(await page.textContent("main .nv-error"), UNSAVED);
  } finally {
    await goOffline(context, false);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new build is used from the next load on, and no page mixes the files of two builds", async () => {
  const next = nextBuild();
  const builds = { old: appFiles(DIST), next: appFiles(next) };
  const { context, page, problems } = await open("?lang=en");
  // Which build each app file the page and its search worker received came from.
  let received = [];
  context.on("response", async (response) => {
    if (response.request().serviceWorker() || response.headers().refresh !== undefined) return;
    const rel = new URL(response.url()).pathname.slice(BASE.length) || "index.html";
    if (!(rel in builds.old)) return;
    const hash = crypto.createHash("sha256").update(await response.body()).digest("hex");
    const from = Object.keys(builds).filter((b) => builds[b][rel] === hash);
    received.push(`${rel} ${from.length == 2 ? "both" : (from[0] ?? "neither")}`);
  });
  const searchWorker = async () => {
    await page.fill("#nv-q", "FTC");
    await page.waitForSelector(".nv-results__item");
    await page.fill("#nv-q", "");
  };
  const loaded = async (reload) => {
    received = [];
    await reload();
    await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
    await searchWorker();
    // Some response events may still be on their way.
    await page.waitForTimeout(300);
    return received;
  };
  const onlyFrom = (list, build) => {
    assert.ok(list.some((r) => r.startsWith("loader.js ")), list.join("\n"));
    assert.ok(list.some((r) => r.startsWith("search-worker.js ")), list.join("\n"));
    assert.deepEqual(list.filter((r) => !r.endsWith(` ${build}`) && !r.endsWith(" both")), []);
  };
  try {
    await workerReady(page);
    onlyFrom(await loaded(() => page.reload()), "old");
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
    // The host now serves the next build. This load is still the old build's, whole, while
    // the next build installs behind it.
    build = next;
    onlyFrom(await loaded(() => page.reload()), "old");
    await page.evaluate(async () => {
      while (!(await navigator.serviceWorker.getRegistration()).waiting) await new Promise((r) => setTimeout(r, 100));
    });
    assert.doesNotMatch(await page.content(), /the next build/);
    // The next load is the next build's, whole.
    onlyFrom(await loaded(() => page.reload()), "next");
    assert.match(await page.content(), /<!-- the next build -->/);
    const appCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("newsletter-viewer app ")));
    assert.equal(appCaches.length, 1);
    assert.deepEqual(problems, []);
  } finally {
    build = DIST;
    await context.close();
    fs.rmSync(next, { recursive: true });
  }
});

test("a screenshot of the offline list on a phone, with no sideways scroll", async () => {
  const OUT = new URL(process.env.UPDATE_SCREENSHOTS ? "../docs/screenshots/" : "./out/", import.meta.url).pathname;
  fs.mkdirSync(OUT, { recursive: true });
  const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(h.url("?issue=n-2&lang=both"));
  await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
  await page.selectOption("#nv-issue", "n-3");
  await page.waitForFunction(() => document.querySelector('#nv-issue option[value="n-2"]').textContent.endsWith(" · 可离线"));
  await page.click(".nv-offline__open");
  await page.waitForSelector(".nv-offline__issue");
  const file = `${OUT}phone-offline-both.png`;
  await page.locator(".nv-offline").screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 5_000, `${file} has content`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  const small = await page.$$eval(".nv-offline button", (b) => b.map((e) => e.getBoundingClientRect()).filter((r) => r.height < 44));
  assert.deepEqual(small, []);
  await context.close();
});
