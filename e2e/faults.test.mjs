// Broken files and network faults, injected by a loopback server in front of the release
// bundle: each gets a message naming the file and the place, retry works where it can, and
// one failure never stops the rest of the viewer.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { shownText } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const SAMPLE = fs.readFileSync(`${DIST}issues/cyber-041.json`, "utf8");
const GOOD = JSON.stringify({
  format: "newsletter-issue/1",
  id: "good",
  sections: [{ id: "s", title: { en: "Section" }, items: [{ id: "good-item", jurisdiction: "EU", title: { en: "Good" }, body: { en: "Fine." } }] }],
});
const catalog = (issues) => JSON.stringify({ format: "newsletter-catalog/1", issues });
const CATALOG = catalog([
  { id: "a", file: "a.json", date: "2021-02" },
  { id: "b", file: "b.json", date: "2021-01" },
]);

/** What the server answers for a file under issues/: a function (req, res) or a string. */
let answers = {};

const h = harness({
  root: DIST,
  base: "/f/",
  route: async (rel, req, res) => {
    if (!rel.startsWith("issues/")) return false;
    const answer = answers[rel.slice("issues/".length)];
    if (answer === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    } else if (typeof answer === "function") {
      await answer(req, res);
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(answer);
    }
    return true;
  },
});

const status = (code) => (_req, res) => res.writeHead(code, { "content-type": "text/plain" }).end(`status ${code}`);

async function open(path) {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  page.on("console", (m) => m.type() === "error" && /panicked/.test(m.text()) && crashes.push(m.text()));
  await page.goto(h.url(path));
  return { page, context, crashes };
}

const errorText = async (page) => {
  await page.waitForSelector(".nv-error");
  return page.textContent(".nv-error");
};

const BROKEN_ISSUES = [
  ["not JSON", "this is { not json", /a\.json: line 1, column \d+: expected/],
  ["truncated", SAMPLE.slice(0, 2000), /a\.json: line \d+, column \d+: the file ends too early/],
  ["wrong types", JSON.stringify({ format: "newsletter-issue/1", id: "a", sections: { x: 1 } }), /a\.json: sections: invalid type: object, expected an array/],
  ["missing required field", JSON.stringify({ format: "newsletter-issue/1", sections: [] }), /a\.json: missing field "id"/],
  ["another format version", JSON.stringify({ format: "newsletter-issue/2", id: "a", sections: [] }), /a\.json: format: this viewer reads "newsletter-issue\/1", the file says "newsletter-issue\/2"/],
  [
    "an HTML page served as text/html with status 200",
    (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><html><body>Page not found</body></html>"),
    /a\.json: line 1: this is an HTML page, not JSON/,
  ],
  ["a bad issue id", JSON.stringify({ format: "newsletter-issue/1", id: "../../etc", sections: [] }), /a\.json: id: invalid id "..\/..\/etc"/],
];

for (const [name, body, message] of BROKEN_ISSUES) {
  test(`a broken issue (${name}) gets its message, and the other issue still opens`, async () => {
    answers = { "index.json": CATALOG, "a.json": body, "b.json": GOOD };
    const { page, context, crashes } = await open("?lang=en");
    assert.match(await errorText(page), message);
    // Not retryable: the file would read the same way again.
    assert.equal(await page.$(".nv-error button"), null);
    await page.selectOption("#nv-issue", "b");
    await page.waitForSelector("#good-item");
    assert.deepEqual(crashes, []);
    await context.close();
  });
}

const BROKEN_CATALOGS = [
  ["not JSON", "nope", /index\.json: line 1, column \d+: expected/],
  ["empty", catalog([]), /index\.json: issues: the catalog lists no readable issue/],
  ["another format version", JSON.stringify({ format: "newsletter-catalog/9", issues: [] }), /index\.json: format: this viewer reads "newsletter-catalog\/1"/],
  ["only unsafe files", catalog([{ id: "x", file: "../x.json", date: "2021-01" }, { id: "y", file: "https://evil.example/y.json", date: "2021-01" }, { id: "z", file: "/z.json", date: "2021-01" }]), /index\.json: issues: the catalog lists no readable issue/],
];

for (const [name, body, message] of BROKEN_CATALOGS) {
  test(`a broken catalog (${name}) gets its message and the page stays usable`, async () => {
    answers = { "index.json": body };
    const { page, context, crashes } = await open("?lang=zh");
    assert.match(await errorText(page), message);
    // The interface still works: switching language changes the page.
    await page.click("button[data-lang=en]");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.deepEqual(crashes, []);
    await context.close();
  });
}

for (const code of [404, 500, 503]) {
  test(`status ${code} names the file, and retry loads it once it is back`, async () => {
    answers = { "index.json": CATALOG, "a.json": status(code), "b.json": GOOD };
    const { page, context } = await open("?lang=en");
    assert.match(await errorText(page), new RegExp(`a\\.json: the server answered ${code}`));
    answers["a.json"] = GOOD;
    await page.click(".nv-error button");
    await page.waitForSelector("#good-item");
    await context.close();
  });
}

test("a connection dropped mid-body is a network error with a retry", async () => {
  answers = {
    "index.json": CATALOG,
    "a.json": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(SAMPLE.length * 2) });
      res.write(SAMPLE.slice(0, 1000));
      setTimeout(() => res.socket.destroy(), 50);
    },
    "b.json": GOOD,
  };
  const { page, context } = await open("?lang=en");
  assert.match(await errorText(page), /a\.json: could not be fetched/);
  answers["a.json"] = GOOD;
  await page.click(".nv-error button");
  await page.waitForSelector("#good-item");
  await context.close();
});

test("JSON served with another content type is still read", async () => {
  answers = {
    "index.json": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(CATALOG),
    "a.json": (_req, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(GOOD),
  };
  const { page, context } = await open("?lang=en");
  await page.waitForSelector("#good-item");
  await context.close();
});

test("a slow issue shows a loading state while the page stays usable", async () => {
  let release;
  const released = new Promise((r) => (release = r));
  answers = {
    "index.json": CATALOG,
    "a.json": async (_req, res) => {
      await released;
      res.writeHead(200, { "content-type": "application/json" }).end(GOOD);
    },
  };
  const { page, context } = await open("?lang=zh");
  await page.waitForSelector(".nv-loading");
  assert.match(await shownText(page, ".nv-loading"), /^正在加载/);
  // The catalog and the language switch work while the issue is on its way.
  assert.equal(await page.$$eval("#nv-issue option", (o) => o.length), 2);
  await page.click("button[data-lang=en]");
  await page.waitForFunction(() => document.documentElement.dataset.mode === "en");
  assert.equal(await shownText(page, ".nv-loading"), "Loading…");
  release();
  await page.waitForSelector("#good-item");
  await context.close();
});

test("one failed issue does not poison the others, and is read again once fixed", async () => {
  answers = { "index.json": CATALOG, "a.json": status(503), "b.json": GOOD };
  const { page, context } = await open("?issue=a&lang=en");
  await errorText(page);
  await page.selectOption("#nv-issue", "b");
  await page.waitForSelector("#good-item");
  answers["a.json"] = GOOD.replace("good-item", "fixed-item");
  await page.selectOption("#nv-issue", "a");
  await page.waitForSelector("#fixed-item");
  await context.close();
});

test("a 20 MB issue is refused with a message, declared size or not", async () => {
  const big = JSON.stringify({ format: "newsletter-issue/1", id: "a", sections: [], pad: "x".repeat(20_000_000) });
  for (const chunked of [false, true]) {
    answers = {
      "index.json": CATALOG,
      "a.json": (_req, res) => {
        const headers = { "content-type": "application/json" };
        if (!chunked) headers["content-length"] = String(Buffer.byteLength(big));
        res.writeHead(200, headers);
        res.end(big);
      },
      "b.json": GOOD,
    };
    const { page, context, crashes } = await open("?lang=en");
    // A declared size is refused before the body is read; an undeclared one once 12 MB are in.
    const size = chunked ? "" : "20\\.0 MB, ";
    assert.match(await errorText(page), new RegExp(`a\\.json: the file is ${size}more than the 12 MB this viewer reads`));
    await page.selectOption("#nv-issue", "b");
    await page.waitForSelector("#good-item");
    assert.deepEqual(crashes, []);
    await context.close();
  }
});
