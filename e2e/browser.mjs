// Launching Debian's Chromium headless with playwright-core (never a downloaded browser).
import { createRequire } from "node:module";
const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

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

export const shownTexts = (page, selector) => page.$$eval(selector, SHOWN);
export const shownText = async (page, selector) => (await shownTexts(page, selector)).join("\n");
