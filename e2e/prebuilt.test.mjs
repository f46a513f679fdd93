// Search with the publisher's prebuilt index (search/, written by `newsletter index` in the
// build): the worker fetches only the shards and fragments a query needs; an index it does
// not understand, or one older than the catalog, is set aside for reading the issues; a
// shard that fails to load or is corrupt is a message with a retry, never a dead box.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { harness } from "./harness.mjs";
import { VIEWER_CARD } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const MANIFEST = JSON.parse(fs.readFileSync(`${DIST}search/index.json`, "utf8"));

// What the test in progress wants served instead of the build's files.
let override = () => false;
const h = harness({ root: DIST, base: "/p/", route: (rel, req, res) => override(rel, req, res) });

async function search(q, { lang = "en" } = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname.replace("/p/", "")));
  context.on("request", (r) => asked.push(new URL(r.url()).pathname.replace("/p/", "")));
  await page.goto(h.url(`?lang=${lang}`));
  await page.waitForSelector(VIEWER_CARD, { state: "attached" });
  await page.fill("#nv-q", q);
  return { context, page, asked };
}

const json = (res, value) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));

test("the prebuilt index answers with the shards and fragments the query needs, not the issues", async () => {
  override = () => false;
  const { context, page, asked } = await search("人脸识别");
  await page.waitForSelector(".nv-results__item");
  assert.match(await page.textContent(".nv-results__link"), /Facial Recognition/);
  const marks = await page.$$eval(".nv-results__item mark", (m) => m.map((e) => e.textContent));
  assert.ok(marks.includes("人脸识别"), marks.join(","));
  assert.ok(asked.includes("search/index.json"), asked.join(" "));
  assert.ok(asked.some((p) => /^search\/p\/\d+\.bin$/.test(p)), asked.join(" "));
  assert.ok(asked.some((p) => /^search\/doc\/0\/\d+\.json$/.test(p)), asked.join(" "));
  assert.ok(!asked.some((p) => /^search\/w\//.test(p)), "no word shard for a Chinese query");
  // An English word, and the filter: the jurisdiction's file is fetched.
  await page.fill("#nv-q", "apps ");
  await page.waitForFunction(() => document.querySelectorAll(".nv-results__item").length >= 2);
  assert.ok(asked.some((p) => /^search\/w\/\d+\.bin$/.test(p)));
  await context.close();
});

for (const [why, manifest] of [
  ["of another format", { ...MANIFEST, format: "newsletter-search/9" }],
  ["built from an older catalog", { ...MANIFEST, newest: "cyber-040" }],
]) {
  test(`an index ${why} is set aside: the worker reads the issues instead`, async () => {
    override = (rel, _req, res) => rel === "search/index.json" && (json(res, manifest), true);
    const { context, page, asked } = await search("人脸识别");
    await page.waitForSelector(".nv-results__item");
    assert.match(await page.textContent(".nv-results__link"), /Facial Recognition/);
    assert.ok(!asked.some((p) => p.startsWith("search/p/")), asked.join(" "));
    await context.close();
  });
}

for (const [why, answer] of [
  ["fails to load", (res) => res.writeHead(404).end("not found")],
  ["is corrupt", (res) => res.writeHead(200).end(Buffer.from([0x05, 0x61, 0x62]))],
]) {
  test(`a shard that ${why} is a message with a retry, and the retry searches`, async () => {
    let broken = true;
    override = (rel, _req, res) => broken && /^search\/p\//.test(rel) && (answer(res), true);
    const { context, page } = await search("人脸识别");
    await page.waitForSelector(".nv-search__error");
    assert.match(await page.textContent(".nv-search__error"), /search\/p\/\d+\.bin/);
    // The box still works: another query is answered (a word shard is fine).
    await page.fill("#nv-q", "FTC ");
    await page.waitForSelector(".nv-results__item");
    await page.fill("#nv-q", "人脸识别");
    await page.waitForSelector(".nv-search__error");
    broken = false;
    await page.click(".nv-search__error button");
    await page.waitForSelector(".nv-results__item");
    assert.equal(await page.$(".nv-search__error"), null);
    await context.close();
  });
}
