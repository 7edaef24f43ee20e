/* Keeping the course on this device (README, "The course on a phone, with no
   connection"): on the home page of each language, the offer to save that
   language's course, with its size before anything is downloaded, the PDFs
   only if the learner asks, the progress while it saves, and a way to remove
   it; on every page, word that a new version has been saved. The saving
   itself is done by the service worker (overrides/service-worker.js),
   registered only when the learner asks for it.

   Over http(s) only, where browsers run service workers: opened from disk, the
   panel stays hidden and the ZIP below it is the way; under `mkdocs serve`
   (no `offline` in the page's data) nothing here runs. Words come from the
   page (#course-page, from i18n/<lang>.yml). */
(function () {
  "use strict";

  var pageData = document.getElementById("course-page");
  var data = pageData ? JSON.parse(pageData.textContent) : {};
  var offline = data.offline;
  if (!offline || !("serviceWorker" in navigator) || location.protocol === "file:") return;

  var siteRoot = new URL(offline.root.replace(/\/?$/, "/"), location.href).href;
  var words = data.words.offline_copy || {};
  var panel = null;
  var list = null;                  // the language's list of files, once asked for

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function size(bytes) {
    var megabytes = bytes >= 1e6;
    return new Intl.NumberFormat(document.documentElement.lang, {
      style: "unit", unit: megabytes ? "megabyte" : "kilobyte", maximumFractionDigits: megabytes ? 1 : 0
    }).format(megabytes ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3)));
  }

  function total(files) {
    return files.reduce(function (sum, file) { return sum + file.bytes; }, 0);
  }

  function registration() {
    return navigator.serviceWorker.getRegistration(siteRoot);
  }

  /* ---- every page: a new version was saved ---- */

  function showUpdated() {
    var notice = document.querySelector(".offline-update");
    if (!notice || notice.firstChild) return;
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "md-button md-button--primary";
    reload.textContent = data.words.offline_update.reload;
    reload.addEventListener("click", function () { location.reload(); });
    notice.append(data.words.offline_update.updated + " ", reload);   // a live region: read out as it appears
  }

  /* ---- the home page's panel ---- */

  function part(name) {
    return panel.querySelector(".offline-copy__" + name);
  }

  function say(text) {
    part("status").textContent = text;
  }

  function show(state) {
    part("ask").hidden = state !== "ask";
    part("progress").hidden = state !== "saving";
    part("start").hidden = state !== "not-saved";
    part("remove").hidden = state !== "saved";
    panel.setAttribute("aria-busy", state === "saving" ? "true" : "false");
  }

  function showSaved(message) {
    show("saved");
    say(format(words.saved, { size: size(message.bytes) }) + (message.pdfs ? " " + words.saved_pdfs : ""));
  }

  function askFirst() {
    part("start").disabled = true;
    fetch(new URL(offline.list, siteRoot).href, { cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (found) {
        list = found;
        part("size").textContent = format(words.size, { size: size(total(list.files)) });
        var pdfs = total(list.pdfs);
        part("pdfs").hidden = !pdfs;
        panel.querySelector("label[for=offline-copy-pdfs]").textContent = format(words.pdfs, { size: size(pdfs) });
        say("");
        show("ask");
        part("save").focus();
      })
      .catch(function () { say(words.failed_connection); })
      .then(function () { part("start").disabled = false; });
  }

  function save() {
    var withPdfs = panel.querySelector("#offline-copy-pdfs").checked && list.pdfs.length > 0;
    var needed = total(list.files) + (withPdfs ? total(list.pdfs) : 0);
    show("saving");
    progress(0, needed);
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    enoughSpace(needed).then(function (enough) {
      if (!enough) return failed("space");
      // updateViaCache "all": the browser asks whether the worker changed as for any file (a 304
      // when it has not), rather than downloading it again to compare.
      return navigator.serviceWorker.register(new URL("service-worker.js", siteRoot).href,
                                              { scope: siteRoot, updateViaCache: "all" })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (ready) {
          ready.active.postMessage({ type: "save", lang: offline.lang, root: offline.language_root, pdfs: withPdfs });
        });
    }).catch(function () { failed("connection"); });
  }

  function enoughSpace(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve(true);
    return navigator.storage.estimate()
      .then(function (estimate) { return !estimate.quota || estimate.quota - (estimate.usage || 0) > bytes; })
      .catch(function () { return true; });
  }

  var lastSaid = -1;
  function progress(done, all) {
    var bar = part("progress");
    bar.max = all;
    bar.value = done;
    // Said in words at the start, each quarter and the end; the bar moves with every file.
    var quarter = all ? Math.floor((done / all) * 4) : 0;
    if (quarter !== lastSaid) {
      lastSaid = quarter;
      say(format(words.saving, { done: size(done), total: size(all) }));
    }
    bar.setAttribute("aria-valuetext", format(words.saving, { done: size(done), total: size(all) }));
  }

  function failed(reason) {
    show("not-saved");
    say(words["failed_" + reason] || words.failed_connection);
  }

  function remove() {
    part("remove").disabled = true;
    registration().then(function (found) {
      if (found && found.active) found.active.postMessage({ type: "remove", lang: offline.lang });
      else removed();
    });
  }

  function removed() {
    part("remove").disabled = false;
    show("not-saved");
    say(words.removed);
  }

  function setUpPanel() {
    panel = document.getElementById("offline-copy");
    if (!panel) return;
    panel.hidden = false;
    part("start").addEventListener("click", askFirst);
    part("save").addEventListener("click", save);
    part("cancel").addEventListener("click", function () { show("not-saved"); part("start").focus(); });
    part("remove").addEventListener("click", remove);
    show("not-saved");
    registration().then(function (found) {
      if (found && found.active) found.active.postMessage({ type: "status", lang: offline.lang });
    });
  }

  /* ---- what the service worker says ---- */

  function heard(event) {
    var message = event.data || {};
    if (message.lang !== offline.lang) return;
    if (message.type === "updated") showUpdated();
    if (!panel) return;
    if (message.type === "status" && message.saved) showSaved(message);
    else if (message.type === "progress") progress(message.done, message.total);
    else if (message.type === "saved") showSaved(message);
    else if (message.type === "failed") failed(message.reason);
    else if (message.type === "removed") removed();
  }

  function start() {
    navigator.serviceWorker.addEventListener("message", heard);
    navigator.serviceWorker.startMessages();
    setUpPanel();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
