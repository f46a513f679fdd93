// Screenshots of the real release build for the README: each language mode at phone and
// desktop widths, light and dark.   node e2e/screenshots.mjs   (after trunk build --release)
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;
const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;

const server = await serve({ root: DIST, base: "/newsletter/" });
const browser = await launch();
const sizes = { desktop: { width: 1280, height: 860 }, phone: { width: 360, height: 740 } };
for (const [size, viewport] of Object.entries(sizes)) {
  for (const scheme of ["light", "dark"]) {
    for (const lang of ["zh", "en", "both"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/newsletter/?lang=${lang}`);
      await page.waitForSelector("article.nv-card");
      const file = `${OUT}${size}-${lang}-${scheme}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
server.close();
