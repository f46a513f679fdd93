// A hostile catalog and issue: script-injection payloads in every text field and every URL
// field. Used by e2e/hostile.test.mjs; `node e2e/hostile.mjs DIR` writes them to DIR.
import fs from "node:fs";
import path from "node:path";

/** Text payloads: each would run code or restyle the page if it were parsed as HTML. */
export const TEXT_PAYLOADS = [
  `<script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `"><iframe src="javascript:window.__pwned='iframe'"></iframe>`,
  `<a href="javascript:window.__pwned='a'">click</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  `<style>body { display: none }</style>`,
  `<div style="position:fixed;inset:0;background:red">cover</div>`,
  `{{constructor.constructor('window.__pwned="template"')()}}`,
  "${window.__pwned = 'template literal'}",
  `&lt;script&gt;window.__pwned = "entity"&lt;/script&gt;`,
  `\u202Eright-to-left override\u202C then \u2066isolate\u2069`,
  `zero\u200Bwidth\u200Cjoiners\u200D\uFEFFhere`,
  `Z\u0335\u0322\u031B\u0330a\u0338\u0355l\u0335\u0331g\u0337\u0353o\u0334\u0326`.repeat(20),
  "W".repeat(5000),
  "链".repeat(5000),
];

/** URL payloads: only the last two may ever become an href. */
export const URL_PAYLOADS = [
  "javascript:window.__pwned='js'",
  "JaVaScRiPt:window.__pwned='mixed case'",
  "   javascript:window.__pwned='leading spaces'",
  "\u0001javascript:window.__pwned='control'",
  "java\tscript:window.__pwned='tab'",
  "&#106;avascript:window.__pwned='entity'",
  "javascript&#58;window.__pwned='entity colon'",
  "&#x6A;&#x61;&#x76;&#x61;script:window.__pwned='hex entity'",
  "data:text/html,<script>window.__pwned='data'</script>",
  "DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nYjY0Jzwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "//evil.example/protocol-relative",
  "/absolute/path",
  "https://example.org/allowed",
  "mailto:someone@example.org",
];

const both = (s) => ({ zh: s, en: s });
const pick = (list, i) => list[i % list.length];

/** A body holding every payload as text and every URL as a markup link. */
function body(i) {
  const texts = TEXT_PAYLOADS.map((p, j) => pick(TEXT_PAYLOADS, i + j)).join("\n\n");
  const links = URL_PAYLOADS.map((u, j) => `[link ${j}](${u})`).join(" ");
  return `${texts}\n\n*${pick(TEXT_PAYLOADS, i)}* ${links}`;
}

export function hostileIssue() {
  const items = TEXT_PAYLOADS.map((payload, i) => ({
    id: `hostile-${i}`,
    date: "2030-01-01",
    jurisdiction: ["CN", "CN-ZJ", "US", "EU", "US-CA"][i % 5],
    regulator: both(payload),
    title: both(`${payload} [title link](${pick(URL_PAYLOADS, i)})`),
    body: both(body(i)),
    source: pick(URL_PAYLOADS, i),
    tags: [payload],
  }));
  // Ids outside the allowed characters are refused (with a warning naming the place).
  items.push({
    id: `"><img src=x onerror="window.__pwned='id'">`,
    jurisdiction: "CN",
    title: both("bad id"),
    body: both("bad id"),
  });
  items.push({
    id: "bad-jurisdiction",
    jurisdiction: `<script>window.__pwned='j'</script>`,
    title: both("bad jurisdiction"),
    body: both("bad jurisdiction"),
  });
  return {
    format: "newsletter-issue/1",
    id: "hostile",
    publisher: both(TEXT_PAYLOADS[0]),
    publication: both(TEXT_PAYLOADS[1]),
    publication_number: 1,
    series: both(TEXT_PAYLOADS[2]),
    number: 2,
    date: "2030-01",
    jurisdictions: {
      CN: both(TEXT_PAYLOADS[3]),
      "CN-ZJ": both(TEXT_PAYLOADS[14]),
      US: both(TEXT_PAYLOADS[5]),
      EU: both(TEXT_PAYLOADS[11]),
    },
    sections: [
      { id: "hostile-a", title: both(TEXT_PAYLOADS[6]), items: items.slice(0, 9) },
      { id: "hostile-b", title: both(TEXT_PAYLOADS[15]), items: items.slice(9) },
    ],
    disclaimer: both(body(3)),
    contact: {
      website: "javascript:window.__pwned='website'",
      email: `"><script>window.__pwned='email'</script>@x.org`,
      phone: TEXT_PAYLOADS[1],
      fax: TEXT_PAYLOADS[14],
      offices: TEXT_PAYLOADS.map(both),
      follow: both(TEXT_PAYLOADS[4]),
    },
  };
}

export function hostileCatalog() {
  return {
    format: "newsletter-catalog/1",
    title: both(TEXT_PAYLOADS[1]),
    issues: [
      { id: "hostile", file: "hostile.json", date: "2030-01", number: 2, title: both(TEXT_PAYLOADS[14]) },
      { id: "second", file: "hostile.json", date: "2029-12", title: both(TEXT_PAYLOADS[0]) },
      ...URL_PAYLOADS.map((file, i) => ({ id: `u${i}`, file, date: "2020-01", title: both(file) })),
      { id: `<script>window.__pwned='catalog id'</script>`, file: "x.json", date: "2020-01" },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? ".";
  fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(hostileCatalog(), null, 1));
  fs.writeFileSync(path.join(dir, "hostile.json"), JSON.stringify(hostileIssue(), null, 1));
}
