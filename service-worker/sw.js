// The viewer's service worker: the app's files of one build, kept for offline use, and the
// data files the reader keeps (README, Offline reading). tools/offline.mjs writes it into the
// build with BUILD filled in: the build's id and the SHA-256 of each of the app's files. Any
// change to a file changes this script, which is how the browser learns of a new build.
//
// - The app's files are fetched at install and checked against their hashes: a host caught
//   half-way through an upload fails the install, which is tried again at the next visit.
//   Each build has its own cache; a page is served by one build from start to end.
// - A new build waits until no page of the old one is open, or until a page of the viewer
//   is opened again (a reload, a link) with at most one page open: then it takes over and
//   that page loads again under it. A page that sees its worker change reloads itself
//   (index.html), so no page ever runs on the files of two builds.
// - The catalog: from the cache at once, refreshed from the host behind it
//   (stale-while-revalidate). An issue: from the host, and from the cache when the host
//   cannot be reached; a fresh copy replaces a kept one. Which issues are kept is the
//   viewer's choice (src/browser/offline.rs): each one opened, and each one saved.
"use strict";

const BUILD = null; // written by tools/offline.mjs

const SCOPE = self.registration.scope;
// Cache names end with the scope: viewers under different paths of one host keep apart.
// The viewer names the data cache the same way (newsletter_core::offline).
const APP_CACHE = `newsletter-viewer app ${BUILD.id} ${SCOPE}`;
const DATA_CACHE = `newsletter-viewer data ${SCOPE}`;
const PAGE = new URL("index.html", SCOPE).href;
const CATALOG = new URL("issues/index.json", SCOPE).href;
const ISSUES = new URL("issues/", SCOPE).href;

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

/** The build's file at `path`, as its hash says: from the HTTP cache if it is the one
 * there, else from the host. */
async function exactFile(path, hash) {
  for (const cache of ["default", "reload"]) {
    const response = await fetch(new URL(path, SCOPE), { cache });
    if (!response.ok) continue;
    const body = await response.clone().arrayBuffer();
    if (hex(await crypto.subtle.digest("SHA-256", body)) === hash) return response;
  }
  throw new Error(`${path} on the host is not the file of build ${BUILD.id}`);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const files = await Promise.all(
        Object.entries(BUILD.files).map(async ([path, hash]) => [path, await exactFile(path, hash)]),
      );
      const cache = await caches.open(APP_CACHE);
      await Promise.all(files.map(([path, response]) => cache.put(new URL(path, SCOPE), response)));
    })(),
  );
});

// The older builds' caches of this scope go once this build is in charge.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("newsletter-viewer app ") && name.endsWith(` ${SCOPE}`) && name !== APP_CACHE) {
          await caches.delete(name);
        }
      }
    })(),
  );
});

// Asked by the build in charge, at a page's load: take over now.
self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const bare = url.origin + url.pathname;
  if (request.mode === "navigate") {
    if (bare === SCOPE || bare === PAGE) event.respondWith(page(request));
  } else if (bare.startsWith(SCOPE) && Object.hasOwn(BUILD.files, bare.slice(SCOPE.length))) {
    event.respondWith(appFile(request, bare));
  } else if (bare === CATALOG) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else if (bare.startsWith(ISSUES) && bare.endsWith(".json")) {
    event.respondWith(hostFirst(request));
  }
});

/** The viewer's page, of this build; or, when a newer build is ready and no other page is
 * open, a reload under the newer build. (The newer build takes over once this one has
 * answered: it waits for the events this one is handling. So the answer is a reload, not
 * the newer build's page.) */
async function page(request) {
  const waiting = self.registration.waiting;
  if (waiting && (await self.clients.matchAll({ type: "window" })).length < 2) {
    waiting.postMessage("take-over");
    return new Response("", { headers: { Refresh: "0" } });
  }
  return appFile(request, PAGE);
}

async function appFile(request, bare) {
  return (await caches.match(bare, { cacheName: APP_CACHE })) ?? fetch(request);
}

/** The kept copy at once, if there is one; the host's answer updates it. */
async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(DATA_CACHE);
  const kept = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (!kept) return fresh;
  event.waitUntil(fresh.catch(() => {}));
  return kept;
}

/** The host's answer, which replaces a kept copy; the kept copy if the host cannot be
 * reached. An issue never kept is only the host's. */
async function hostFirst(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (await cache.match(request))) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}
