// Starts the search worker: wasm-bindgen's glue (a classic script, no-modules target),
// then its wasm. Both are named after the worker's binary, beside the page.
importScripts("./search-worker.js");
wasm_bindgen({ module_or_path: "./search-worker_bg.wasm" });
