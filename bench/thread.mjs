// The main thread's own time in a page load, for the benchmarks (bench/run.mjs,
// bench/floor.mjs): the thread clock of Chromium's top-level tasks, summed from the page's
// first task until a condition first holds. Wall time on this 2-core machine mixes the
// page's work with waiting and with time given to the browser's other processes; this is
// the work alone.
import { quietReader } from "../e2e/browser.mjs";

/**
 * Loads `url` in a fresh `page` traced with top-level task events only, and returns the
 * main thread's time (ms) until `when` (an expression, checked on every DOM change) first
 * holds. The page is left open for the caller to close.
 */
export async function mainThreadTime(page, url, when) {
  const reader = await quietReader(page);
  await page.addInitScript(`{
    const observer = new MutationObserver(() => {
      if (${when}) { performance.mark("bench:done"); observer.disconnect(); }
    });
    observer.observe(document, { subtree: true, childList: true });
  }`);
  const events = [];
  reader.cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => reader.cdp.on("Tracing.tracingComplete", resolve));
  await reader.cdp.send("Tracing.start", { categories: "toplevel,blink.user_timing", transferMode: "ReportEvents" });
  await page.goto(url);
  await reader.until(`performance.getEntriesByName("bench:done").length > 0`);
  await reader.cdp.send("Tracing.end");
  await complete;
  const done = events.find((e) => e.name === "bench:done");
  const tasks = events
    .filter((e) => e.cat === "toplevel" && e.ph === "X" && e.pid === done.pid && e.tid === done.tid && e.ts <= done.ts)
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = 0;
  for (const task of tasks) {
    if (task.ts < end) continue; // inside the task before it
    end = task.ts + task.dur;
    // The task the mark falls in counts up to the mark.
    total += end > done.ts ? done.tts - task.tts : (task.tdur ?? 0);
  }
  return total / 1000;
}
