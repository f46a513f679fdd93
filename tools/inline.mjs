// The inline style sheets and scripts of a built index.html, found in one place for the
// CSP hook (which hashes them), the size check (which weighs the style sheets as css) and
// the CSP test (which counts them). The page is the build's own, not arbitrary HTML: the
// patterns only have to read what trunk writes.

/** The contents of each `<style>` element, in order. */
export const inlineStyles = (html) => [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);

/** The contents of each `<script>` element without a `src`, in order. */
export const inlineScripts = (html) =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
