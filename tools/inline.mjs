// The inline style sheets and scripts of a built index.html, found in one place for the
// minifier (which rewrites them), the CSP hook (which hashes them), the size check (which
// weighs them as css and js) and the CSP test (which counts them). The page is the build's
// own, not arbitrary HTML: the patterns only have to read what trunk writes.

const STYLE = /(<style[^>]*>)([\s\S]*?)(<\/style>)/g;

/** The contents of each `<style>` element, in order. */
export const inlineStyles = (html) => [...html.matchAll(STYLE)].map((m) => m[2]);

/** `html` with the contents of each `<style>` element replaced by `edit(contents)`. */
export const editStyles = (html, edit) => html.replace(STYLE, (_, open, css, close) => open + edit(css) + close);

const SCRIPT = /(<script(?![^>]*\bsrc=)([^>]*)>)([\s\S]*?)(<\/script>)/g;

/** The contents of each `<script>` element without a `src`, in order. */
export const inlineScripts = (html) => [...html.matchAll(SCRIPT)].map((m) => m[3]);

/**
 * `html` with the contents of each `<script>` element without a `src` replaced by what
 * `edit(contents, isModule)` resolves to (it may be asynchronous, as terser is).
 */
export async function editScripts(html, edit) {
  const edited = await Promise.all(
    [...html.matchAll(SCRIPT)].map((m) => edit(m[3], /\btype="module"/.test(m[2]))),
  );
  return html.replace(SCRIPT, (_, open, _attributes, _js, close) => open + edited.shift() + close);
}
