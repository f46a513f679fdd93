// The browser and the loopback server of one test file: started before its tests, closed
// after them.
import { before, after } from "node:test";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";

/** Registers the set-up and tear-down; `serveOptions` are `serve()`'s. */
export function harness(serveOptions) {
  const h = {
    browser: null,
    server: null,
    /** A page of the served bundle, `path` relative to its base. */
    url: (path = "") => `http://127.0.0.1:${h.server.address().port}${serveOptions.base}${path}`,
  };
  before(async () => {
    h.browser = await launch();
    h.server = await serve(serveOptions);
  });
  after(async () => {
    await h.browser?.close();
    h.server?.close();
  });
  return h;
}
