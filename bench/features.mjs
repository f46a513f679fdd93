// What each optional part of the page adds to the bundle: the viewer built for release as
// it is, then once without each part, then without all of them, each in a scratch copy of
// the sources (the working tree is not touched) with its own target folder (target/features,
// so the viewer's own warm build is left alone). Prints the bundle's brotli total for each
// build, measured as the size test measures it (e2e/bundle.mjs), and the difference from
// the whole viewer. On demand (the first run compiles the dependencies, some minutes):
//
//   node bench/features.mjs
//
// A part is left out by deleting the lines that put it on the page; the compiler then
// drops all the code only it used. If the sources have changed so that a line is no longer
// found, the script stops and says which.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bundleSizes } from "../e2e/bundle.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const COPY = path.join(ROOT, "target/features/src-copy");
const OUT = path.join(ROOT, "bench/out/features");
const env = {
  ...process.env,
  PATH: `${path.join(ROOT, ".tools/node_modules/.bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  CARGO_TARGET_DIR: path.join(ROOT, "target/features"),
};

const APP = "src/components/app.rs";
const ISSUE = "src/components/issue.rs";
/** Each optional part: the lines (file, text) that put it on the page. */
const PARTS = {
  "archive search (issue 6)": [
    [APP, "provide_context(Archive::new());"],
    [APP, "<Show when=searching> <SearchResults catalog=for_search.clone() /> </Show>"],
    [APP, "<SearchBox />"],
  ],
  "jurisdiction filter's panel": [[ISSUE, "<FilterPanel issue=issue.clone() />"]],
  "table of contents": [[ISSUE, "<ContentsNav issue=issue.clone() filter />"]],
  "theme switch": [[APP, "<ThemeSwitch />"]],
};

/** `text` as a pattern in which any run of spaces may be any run of white space (or none). */
const loosely = (text) =>
  new RegExp(
    text
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\s*"),
  );

/** A fresh copy of the tracked files (as they are in the working tree) at COPY. */
function copySources() {
  fs.rmSync(COPY, { recursive: true, force: true });
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT }).toString().split("\0").filter(Boolean);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(COPY, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(COPY, file));
  }
  // The post-build hook's minifiers (tools/minify.mjs reads them from .tools/).
  fs.symlinkSync(path.join(ROOT, ".tools"), path.join(COPY, ".tools"));
}

/** Builds the copy without `parts` and returns the bundle's brotli total. */
function build(name, parts) {
  copySources();
  for (const [file, text] of parts.flatMap((part) => PARTS[part])) {
    const at = path.join(COPY, file);
    const source = fs.readFileSync(at, "utf8");
    const pattern = loosely(text);
    if (!pattern.test(source)) throw new Error(`bench/features.mjs: "${text}" is no longer in ${file}; update PARTS`);
    fs.writeFileSync(at, source.replace(pattern, ""));
  }
  const dist = path.join(OUT, name.replace(/\W+/g, "-"));
  try {
    // Quiet unless it fails: leaving a part out leaves unused imports, which the compiler
    // warns of in every build.
    execFileSync("trunk", ["build", "--release", "--offline", "--dist", dist], { cwd: COPY, env, stdio: "pipe" });
  } catch (error) {
    process.stderr.write(error.stdout ?? "");
    process.stderr.write(error.stderr ?? "");
    throw new Error(`bench/features.mjs: the build "${name}" failed (its output above)`);
  }
  return bundleSizes(dist).total;
}

const rows = [["the whole viewer", build("whole", [])]];
for (const part of Object.keys(PARTS)) rows.push([`without the ${part}`, build(part, [part])]);
rows.push(["without any of them", build("none", Object.keys(PARTS))]);

const whole = rows[0][1];
const kib = (bytes) => (bytes / 1024).toFixed(1);
console.log("| build | bundle, brotli | difference |\n| --- | ---: | ---: |");
for (const [name, total] of rows) {
  console.log(`| ${name} | ${total} bytes (${kib(total)} KiB) | ${total === whole ? "" : `${total - whole} (${kib(total - whole)} KiB)`} |`);
}
