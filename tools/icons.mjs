// Renders the app's icons for the web app manifest (public/manifest.webmanifest) from their
// SVG sources, with the Chromium the tests use. Run after changing public/icon*.svg; the
// PNGs are committed, so builds need no browser.
//   node tools/icons.mjs
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../.tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const ICONS = [
  ["icon.svg", 192, "icon-192.png"],
  ["icon.svg", 512, "icon-512.png"],
  // Full-bleed, its drawing inside the safe circle a launcher may crop to.
  ["icon-maskable.svg", 512, "icon-maskable-512.png"],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  const page = await browser.newPage();
  for (const [source, size, output] of ICONS) {
    const svg = fs.readFileSync(new URL(`../public/${source}`, import.meta.url)).toString("base64");
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>body{margin:0}</style><img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}">`,
    );
    await page.screenshot({ path: new URL(`../public/${output}`, import.meta.url).pathname, omitBackground: true });
    console.log(`icons.mjs: public/${output}`);
  }
} finally {
  await browser.close();
}
