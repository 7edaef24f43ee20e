/* Search loads only when the learner starts a search: until then, no page
   downloads its language's search index or starts the search worker.

   Material's bundle asks for <language root>/search/search_index.json and
   starts its search worker as soon as a page loads. Loaded before the bundle
   (mkdocs.yml extra.polyfills), this holds both back until the learner opens
   search: the search box gets the focus (a tap, a click, the / s f keys), the
   search toggle is switched on, or the page was opened from a search result
   (?h=, whose words Material highlights). Over http(s) only: opened from disk,
   Material loads the index as a script and search runs as it always did.

   Everywhere, from disk too: whatever reaches the search box is searched.
   Material reads the box when a key is released (keyup), and once when the
   index is ready. Text that arrives with no key released (a word picked from
   a phone keyboard's suggestions, dictation, a paste from a menu, an input
   method that commits its word without a key) after the index became ready
   was never searched: from disk, where the index is ready within a moment of
   the first tap, most first queries were lost that way. Each change of the
   box, once an input method has committed it, is passed on to Material as a
   key released. */
(function () {
  "use strict";

  function isSearchBox(target) {
    return target instanceof Element && target.matches(".md-search__input");
  }

  function searchWhatWasTyped(event) {
    if (isSearchBox(event.target) && !event.isComposing) event.target.dispatchEvent(new KeyboardEvent("keyup"));
  }
  document.addEventListener("input", searchWhatWasTyped, true);
  document.addEventListener("compositionend", searchWhatWasTyped, true);

  if (location.protocol === "file:") return;

  var INDEX = /\/search\/search_index\.json$/;
  var started = false;
  var waiting = [];

  function startSearch() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenSearchStarts(run) {
    if (started) run();
    else waiting.push(run);
  }

  /* The index: its request is sent when search starts. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.courseHeldBack = String(method).toUpperCase() === "GET" && INDEX.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.courseHeldBack) return send.apply(request, args);
    whenSearchStarts(function () { send.apply(request, args); });
  };

  /* The worker: started when Material first writes to it, which it does once the index
     has arrived. Until then, what Material listens to is kept and handed on. */
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = class WorkerOnDemand extends EventTarget {
      constructor(url, options) {
        super();
        this.url = url;
        this.options = options;
        this.worker = null;
        this.onmessage = null;
        this.onerror = null;
      }

      start() {
        var self = this;
        self.worker = new RealWorker(self.url, self.options);
        ["message", "error", "messageerror"].forEach(function (type) {
          self.worker.addEventListener(type, function (event) {
            var copy = type === "error" ? new ErrorEvent("error", event) : new MessageEvent(type, { data: event.data });
            self.dispatchEvent(copy);
            var handler = self["on" + type];
            if (typeof handler === "function") handler.call(self, copy);
          });
        });
      }

      postMessage(message, transfer) {
        if (!this.worker) this.start();
        this.worker.postMessage(message, transfer);
      }

      terminate() {
        if (this.worker) this.worker.terminate();
      }
    };
  }

  /* What starts a search. */
  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) startSearch();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) startSearch();
  }, true);
  if (new URLSearchParams(location.search).has("h")) startSearch();
})();
