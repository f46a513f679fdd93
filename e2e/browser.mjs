// Launching Debian's Chromium headless with playwright-core (never a downloaded browser).
import { createRequire } from "node:module";
const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

/** A card of the viewer's own page: index.html's snapshot of the newest issue (under
 * `.nv-snapshot`, shown before the viewer has started) has cards too, which nothing can
 * be done with. The viewer's `<main>` is a child of `<body>`. */
export const VIEWER_CARD = "body > main article.nv-card";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// The text a reader sees in each element matching `selector`: text outside the elements
// that the reading mode on <html data-mode> hides. (Not innerText, which is empty for cards
// that content-visibility has not laid out yet.)
const SHOWN = (elements) => {
  const hide = `nv-hide-${document.documentElement.dataset.mode}`;
  const walk = (n) =>
    n.nodeType === Node.TEXT_NODE
      ? n.data
      : n.nodeType === Node.ELEMENT_NODE && n.classList.contains(hide)
        ? ""
        : [...n.childNodes].map(walk).join("");
  return elements.map(walk);
};

/**
 * A new page of `context` at `url`, once a card of the viewer shows, and the uncaught
 * errors it throws (filled as they happen).
 */
export async function openViewer(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector(`${VIEWER_CARD}:not([hidden])`);
  return { page, errors };
}

export const shownTexts = (page, selector) => page.$$eval(selector, SHOWN);
export const shownText = async (page, selector) => (await shownTexts(page, selector)).join("\n");

/**
 * Reads from a page through the DevTools protocol alone, for measurements. Playwright's
 * `evaluate` and `waitFor*` inject Playwright's own scripts into the page the first time
 * they run (about 10 ms of main-thread work in a trace), and during a page load that work
 * lands in the middle of the start-up being measured.
 */
export async function quietReader(page) {
  const cdp = await page.context().newCDPSession(page);
  const value = async (expression) => {
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  /** Polls `expression` until it is truthy; returns its value. */
  const until = async (expression, timeout = 120000) => {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await value(expression);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { cdp, value, until };
}

/**
 * Collects what a hostile page must never do: open a dialog, throw, or ask another host for
 * anything (with `console: true`, also log an error). Returns the list, filled as it happens.
 */
export function watchProblems(page, { console = false } = {}) {
  const problems = [];
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  if (console) page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("request", (r) => {
    if (new URL(r.url()).hostname !== "127.0.0.1") problems.push(`request to ${r.url()}`);
  });
  return problems;
}
