// Shortens the names by which the wasm imports wasm-bindgen's glue functions, in the wasm
// and in the glue alike: `__wbg_appendChild_7465eba84213c75f` becomes `a`. Each of the 170 or
// so names carries a hash that compression cannot shrink, and each is written twice (the
// wasm's import section, the glue's table of imports): about 4 KB of the brotli bundle.
// Run by the post-build hook (tools/minify.mjs); nothing else changes in either file.
import fs from "node:fs";
import path from "node:path";

const IMPORT_SECTION = 2;

/** Reads an unsigned LEB128 number at `at`; returns [value, position after it]. */
function leb(bytes, at) {
  let value = 0;
  let scale = 1;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, at];
}

function lebBytes(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const nameBytes = (name) => {
  const utf8 = Buffer.from(name, "utf8");
  return [...lebBytes(utf8.length), ...utf8];
};

/** Where an import's description (after its two names) ends. */
function descriptionEnd(bytes, at) {
  const limits = (at) => {
    const flags = bytes[at++];
    [, at] = leb(bytes, at);
    if (flags & 1) [, at] = leb(bytes, at);
    return at;
  };
  switch (bytes[at++]) {
    case 0x00: // function: its type
      return leb(bytes, at)[1];
    case 0x01: // table: reference type, limits
      return limits(at + 1);
    case 0x02: // memory: limits
      return limits(at);
    case 0x03: // global: value type, mutability
      return at + 2;
    case 0x04: // tag: attribute, type
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`imports.mjs: an import of unknown kind ${bytes[at - 1]} at byte ${at - 1}`);
  }
}

/** The short name of the `n`th import: a, b, …, Z, aa, ab, … */
export function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * The wasm `bytes` with every import renamed by `rename(module, name)`, and the renaming as
 * a Map of old name to new.
 */
export function renameImports(bytes, rename) {
  const out = [bytes.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id !== IMPORT_SECTION) {
      out.push(bytes.subarray(at, end));
    } else {
      let [count, p] = leb(bytes, start);
      const body = [...lebBytes(count)];
      while (count-- > 0) {
        const [moduleLength, m] = leb(bytes, p);
        const module = bytes.toString("utf8", m, m + moduleLength);
        const [nameLength, n] = leb(bytes, m + moduleLength);
        const name = bytes.toString("utf8", n, n + nameLength);
        const description = n + nameLength;
        p = descriptionEnd(bytes, description);
        const short = rename(module, name);
        renamed.set(name, short);
        body.push(...nameBytes(module), ...nameBytes(short), ...bytes.subarray(description, p));
      }
      if (p !== end) throw new Error("imports.mjs: the import section did not read to its end");
      out.push(Buffer.from([id, ...lebBytes(body.length), ...body]));
    }
    at = end;
  }
  return { bytes: Buffer.concat(out), renamed };
}

/** Shortens the import names of the wasm in `dir` and of the glue that provides them. */
export function shortenImports(dir) {
  const wasmFile = fs.readdirSync(dir).find((f) => f.endsWith("_bg.wasm"));
  if (!wasmFile) return;
  const glueFile = path.join(dir, wasmFile.replace(/_bg\.wasm$/, ".js"));
  const wasm = fs.readFileSync(path.join(dir, wasmFile));
  let glue = fs.readFileSync(glueFile, "utf8");
  // Only the functions of the glue itself (module `./…_bg.js`), which it lists by name.
  const ofGlue = (module) => module.startsWith("./") && module.endsWith("_bg.js");
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => ofGlue(i.module));
  if (imports.every((i) => i.name.length <= 2)) return; // shortened by an earlier run
  let n = 0;
  const { bytes, renamed } = renameImports(wasm, (module, name) => (ofGlue(module) ? shortName(n++) : name));
  for (const [name, short] of renamed) {
    if (name === short) continue;
    // Each name is an identifier of the glue (a key of its table of imports), matched whole.
    const escaped = name.replace(/[^\w]/g, (c) => `\\${c}`);
    const pattern = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g");
    if (!pattern.test(glue)) throw new Error(`imports.mjs: the glue does not provide the import ${name}`);
    glue = glue.replace(pattern, short);
  }
  const names = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.name);
  if (names.join() !== [...renamed.values()].join()) throw new Error("imports.mjs: the rewritten wasm reads back wrong");
  fs.writeFileSync(path.join(dir, wasmFile), bytes);
  fs.writeFileSync(glueFile, glue);
}
