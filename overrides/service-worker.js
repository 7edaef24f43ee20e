/* The course kept on this device, to use with no connection (README, "The
   course on a phone, with no connection"). Registered only when a learner
   asks to keep a language's course (overrides/assets/javascripts/offline-copy.js),
   only over http(s); never from disk, never under `mkdocs serve`.

   One worker for the whole site: it sits at the site's root, so its scope is
   the root wherever the site is published (/, /course/ …), and it holds one
   copy per language kept, in a cache of its own named after the language and
   the version. The build lists each language's files with their sizes and
   hashes, and names the version after that list (<language root>offline-copy.json,
   course/offline_copy.py).

   - Saving: every file of the list is fetched, checked against its hash and
     put in a new cache. Only when every file is in does the copy become the
     language's copy, as a whole.
   - Reading: a page of a kept language, and everything it loads, comes from
     its copy, with a connection or without. Every other request goes to the
     network as if this worker were not there; requests to other hosts are
     never touched (the site makes none).
   - Updating: when a page of a kept language is opened with a connection, the
     list is asked for again (the browser revalidates it: a few hundred bytes
     when nothing changed). A new version is saved beside the old one (files
     whose hash did not change are copied over, not downloaded), checked, and
     then made the language's copy at once. Pages open at that moment keep
     reading the version they were opened from, and are told; the old version
     is deleted when no page uses it any more. A page never mixes versions.
   - Removing, when the learner asks: the language's caches are deleted; with
     no language left, the worker unregisters itself. Nothing else removes a
     copy: a site that answers 404 for a while (a publication gone wrong) must
     not take the learner's copy away. */
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "peer-support-course " + new URL(SCOPE).pathname + " ";   // the names of this site's caches
var STATE_CACHE = PREFIX + "state";
var STATE_KEY = new URL("offline-state.json", SCOPE).href;
var LIST = "offline-copy.json";
var FORMAT = 1;                     // of the state and of the lists: another format starts afresh
var DOWNLOADS_AT_ONCE = 4;

var statePromise = null;            // {format, copies: {lang: copy}, roots: {lang: root}, pins: {clientId: cache}}
var pagePins = new Map();           // page (client id) -> the cache it was opened from, this worker's lifetime
var queue = Promise.resolve();      // saving, updating and removing happen one at a time
var updateQueued = {};

/* ---- state: which languages are kept, in which cache ---- */

function emptyState() {
  return { format: FORMAT, copies: {}, roots: {}, pins: {} };
}

function readState() {
  if (!statePromise) {
    statePromise = caches.match(STATE_KEY, { cacheName: STATE_CACHE })
      .then(function (response) { return response ? response.json() : null; })
      .then(function (stored) { return stored && stored.format === FORMAT ? stored : emptyState(); })
      .catch(emptyState);
  }
  return statePromise;
}

async function writeState(state) {
  statePromise = Promise.resolve(state);
  var cache = await caches.open(STATE_CACHE);
  await cache.put(STATE_KEY, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

function enqueue(job) {
  var run = queue.then(job);
  queue = run.catch(function () {});
  return run;
}

/* ---- where a URL belongs ---- */

function sitePath(url) {
  return url.startsWith(SCOPE) ? url.slice(SCOPE.length).split(/[?#]/)[0] : null;
}

/* The language whose tree holds this URL: the longest language root it starts with
   (the default language's root is the site's root). */
function languageOf(url, roots) {
  var path = sitePath(url);
  if (path === null) return null;
  var found = null;
  Object.keys(roots).forEach(function (lang) {
    if (path.startsWith(roots[lang]) && (found === null || roots[lang].length > roots[found].length)) found = lang;
  });
  return found;
}

function pageKey(url) {
  var path = sitePath(url);
  return new URL(path.endsWith("/") || path === "" ? path + "index.html" : path, SCOPE).href;
}

function fromCache(cacheName, url) {
  return caches.match(url, { cacheName: cacheName, ignoreSearch: true, ignoreVary: true });
}

/* ---- answering requests ---- */

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (sitePath(request.url).endsWith(LIST)) return;   // the published list, always from the site
  event.respondWith(respond(event));
});

async function respond(event) {
  var state = await readState();
  if (event.request.mode === "navigate") return openPage(event, state);
  var source = await copyOfClient(event.clientId, state);
  var found = null;
  if (source.cache) found = await fromCache(source.cache, event.request.url);
  else if (source.any) found = await fromAnyCopy(state, event.request.url);
  return found || fetch(event.request);
}

async function openPage(event, state) {
  var lang = languageOf(event.request.url, state.roots);
  var copy = lang && state.copies[lang];
  var page = copy && await fromCache(copy.cache, pageKey(event.request.url));
  if (!page) return fetch(event.request).catch(function () { return notSavedPage(state); });
  if (event.resultingClientId) pagePins.set(event.resultingClientId, copy.cache);
  event.waitUntil(checkForUpdate(lang));
  return page;
}

/* Where a page's files come from: the copy it was opened from; for a page of a language
   that is not kept, the network. A worker (search) asks only for files whose names carry
   their hash, the same in every copy that holds them. */
async function copyOfClient(clientId, state) {
  if (!clientId) return {};
  var pinned = pagePins.get(clientId) || state.pins[clientId];
  if (pinned) return { cache: pinned };
  var client = await self.clients.get(clientId);
  if (!client) return {};
  if (client.type !== "window") return { any: true };
  var lang = languageOf(client.url, state.roots);
  return lang && state.copies[lang] ? { cache: state.copies[lang].cache } : {};
}

async function fromAnyCopy(state, url) {
  for (var lang of Object.keys(state.copies)) {
    var found = await fromCache(state.copies[lang].cache, url);
    if (found) return found;
  }
  return null;
}

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* Offline, a page that no kept copy holds: say so, in the language of each copy kept,
   with a link to that copy's home page. */
function notSavedPage(state) {
  var copies = Object.values(state.copies);
  var first = copies[0] || { lang: "en", dir: "ltr", words: {} };
  var sections = copies.map(function (copy) {
    return '<section lang="' + escapeHtml(copy.lang) + '" dir="' + escapeHtml(copy.dir) + '"><h1>' +
      escapeHtml(copy.words.not_saved_title) + "</h1><p>" + escapeHtml(copy.words.not_saved_text) + '</p><p><a href="' +
      escapeHtml(new URL(copy.home, SCOPE).href) + '">' + escapeHtml(copy.words.not_saved_home) + "</a></p></section>";
  }).join("");
  var html = '<!doctype html><html lang="' + escapeHtml(first.lang) + '" dir="' + escapeHtml(first.dir) + '"><head>' +
    '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>' +
    escapeHtml(first.words.not_saved_title || "Offline") + "</title></head><body>" + sections + "</body></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/* ---- telling the pages ---- */

async function tell(message) {
  var pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  pages.forEach(function (page) { page.postMessage(message); });
}

function summary(copy) {
  return { bytes: copy.bytes, pdfs: copy.pdfs, version: copy.version };
}

/* ---- saving a copy, and a new version of it ---- */

async function fetchList(root) {
  var response = await fetch(new URL(root + LIST, SCOPE).href, { cache: "no-cache" });
  if (response.status === 404 || response.status === 410) return null;
  if (!response.ok) throw new Error("changed");
  var list = await response.json();
  if (list.format !== FORMAT) throw new Error("changed");
  return list;
}

async function sha256(buffer) {
  var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, function (byte) { return byte.toString(16).padStart(2, "0"); }).join("");
}

async function download(url) {
  var response;
  try {
    // no-cache: the browser may keep a file, but asks the site whether it is still the same.
    response = await fetch(url, { cache: "no-cache" });
  } catch (error) {
    throw new Error("connection");
  }
  if (!response.ok) throw new Error("changed");   // a file of the list is missing: a publication under way
  return response;
}

/* Put one file of the list in the cache, checked against its hash; a file whose hash has
   not changed since the copy kept so far is taken from it. */
async function keepFile(cache, file, previous) {
  var url = new URL(file.url, SCOPE).href;
  if (await cache.match(url)) return;   // already in: this copy's save was interrupted before
  var response = previous && previous.hashes[file.url] === file.sha256 ? await fromCache(previous.cache, url) : null;
  response = response || await download(url);
  var body = await response.arrayBuffer();
  if ((await sha256(body)).slice(0, file.sha256.length) !== file.sha256) throw new Error("changed");
  var type = response.headers.get("Content-Type");
  try {
    await cache.put(url, new Response(body, { headers: type ? { "Content-Type": type } : {} }));
  } catch (error) {
    throw new Error(error && error.name === "QuotaExceededError" ? "space" : "changed");
  }
}

async function previousCopy(copy) {
  if (!copy) return null;
  var list = await fromCache(copy.cache, new URL(copy.root + LIST, SCOPE).href);
  if (!list) return null;
  var hashes = {};
  var files = await list.json();
  files.files.concat(files.pdfs).forEach(function (file) { hashes[file.url] = file.sha256; });
  return { cache: copy.cache, hashes: hashes };
}

async function fill(cacheName, list, files, previous, progress) {
  var cache = await caches.open(cacheName);
  var total = files.reduce(function (sum, file) { return sum + file.bytes; }, 0);
  var done = 0, next = 0;
  async function worker() {
    while (next < files.length) {
      var file = files[next++];
      await keepFile(cache, file, previous);
      done += file.bytes;
      progress(done, total);
    }
  }
  var workers = [];
  for (var i = 0; i < DOWNLOADS_AT_ONCE; i++) workers.push(worker());
  await Promise.all(workers);
  // The list itself, last: what the next version compares its hashes with.
  await cache.put(new URL(list.root + LIST, SCOPE).href,
    new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
  return total;
}

/* Make `list` the language's copy, with its PDFs or not. Returns "saved", or "updated" when
   it replaced another version. */
async function keep(list, withPdfs, announce) {
  var state = await readState();
  var lang = list.language;
  var old = state.copies[lang];
  var cacheName = PREFIX + lang + " " + list.version;
  var files = list.files.concat(withPdfs ? list.pdfs : []);
  var bytes;
  try {
    bytes = await fill(cacheName, list, files, await previousCopy(old), function (done, total) {
      if (announce) tell({ type: "progress", lang: lang, done: done, total: total });
    });
  } catch (error) {
    if (!old || old.cache !== cacheName) await caches.delete(cacheName);
    throw error;
  }
  if (!withPdfs) await dropFiles(cacheName, list.pdfs);
  var next = {
    format: FORMAT, roots: list.roots, pins: state.pins, copies: Object.assign({}, state.copies)
  };
  next.copies[lang] = {
    lang: lang, cache: cacheName, version: list.version, pdfs: withPdfs, bytes: bytes, root: list.root,
    home: list.home, dir: list.dir, words: list.words
  };
  var replaced = old && old.cache !== cacheName;
  if (replaced) next.pins = await pinOpenPages(lang, old.cache, state);
  await writeState(next);
  await sweep();
  return replaced ? "updated" : "saved";
}

async function dropFiles(cacheName, files) {
  var cache = await caches.open(cacheName);
  await Promise.all(files.map(function (file) { return cache.delete(new URL(file.url, SCOPE).href); }));
}

/* The pages of the language open now were opened from the old version: they keep it. */
async function pinOpenPages(lang, oldCache, state) {
  var pins = Object.assign({}, state.pins);
  pagePins.forEach(function (cache, id) { pins[id] = cache; });
  var pages = await self.clients.matchAll({ type: "window" });
  pages.forEach(function (page) {
    if (!pins[page.id] && languageOf(page.url, state.roots) === lang) pins[page.id] = oldCache;
  });
  return pins;
}

/* Delete every cache of this site that is neither a kept copy nor read by an open page. */
async function sweep() {
  var state = await readState();
  var open = new Set((await self.clients.matchAll({ type: "all", includeUncontrolled: true })).map(function (c) { return c.id; }));
  var pins = {};
  Object.keys(state.pins).forEach(function (id) { if (open.has(id)) pins[id] = state.pins[id]; });
  pagePins.forEach(function (cache, id) { if (!open.has(id)) pagePins.delete(id); });
  var used = new Set([STATE_CACHE].concat(Object.values(state.copies).map(function (c) { return c.cache; }),
    Object.values(pins), Array.from(pagePins.values())));
  var names = await caches.keys();
  await Promise.all(names.filter(function (name) { return name.startsWith(PREFIX) && !used.has(name); })
    .map(function (name) { return caches.delete(name); }));
  if (Object.keys(pins).length !== Object.keys(state.pins).length) {
    await writeState(Object.assign({}, state, { pins: pins }));
  }
}

async function save(lang, root, withPdfs) {
  try {
    var list = await fetchList(root);
    if (!list) throw new Error("changed");
    await keep(list, withPdfs, true);
    var state = await readState();
    await tell(Object.assign({ type: "saved", lang: lang }, summary(state.copies[lang])));
  } catch (error) {
    await tell({ type: "failed", lang: lang, reason: reasonOf(error) });
  }
}

function reasonOf(error) {
  var reason = error && error.message;
  return reason === "connection" || reason === "space" ? reason : "changed";
}

async function remove(lang) {
  var state = await readState();
  var copy = state.copies[lang];
  if (copy) {
    var next = Object.assign({}, state, { copies: Object.assign({}, state.copies) });
    delete next.copies[lang];
    await writeState(next);
    var names = await caches.keys();
    var prefix = PREFIX + lang + " ";
    await Promise.all(names.filter(function (name) { return name.startsWith(prefix); })
      .map(function (name) { return caches.delete(name); }));
  }
  await tell({ type: "removed", lang: lang });
  if (!Object.keys((await readState()).copies).length) {
    await caches.delete(STATE_CACHE);
    statePromise = null;
    await self.registration.unregister();
  }
}

function checkForUpdate(lang) {
  if (updateQueued[lang]) return Promise.resolve();
  updateQueued[lang] = true;
  return enqueue(async function () {
    try {
      var copy = (await readState()).copies[lang];
      var list = copy && await fetchList(copy.root);
      // No list: not offered here (any more); the learner keeps what they saved.
      if (list && list.version !== copy.version && await keep(list, copy.pdfs, false) === "updated") {
        await tell({ type: "updated", lang: lang });
      }
    } catch (error) {
      // No connection, or a publication under way: the copy stays as it is; next page, next try.
    } finally {
      updateQueued[lang] = false;
    }
    await sweep();   // the versions that pages opened before an update no longer read
  });
}

/* ---- the pages' requests ---- */

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === "save") event.waitUntil(enqueue(function () { return save(message.lang, message.root, !!message.pdfs); }));
  else if (message.type === "remove") event.waitUntil(enqueue(function () { return remove(message.lang); }));
  else if (message.type === "status") event.waitUntil(status(event.source, message.lang));
});

async function status(page, lang) {
  var copy = (await readState()).copies[lang];
  if (page) page.postMessage(Object.assign({ type: "status", lang: lang, saved: !!copy }, copy ? summary(copy) : {}));
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(function () { return enqueue(sweep); }));
});
