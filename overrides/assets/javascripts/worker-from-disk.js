/* Search from a site opened from disk (file://), where browsers refuse web
   workers: Material's search worker runs in a hidden frame instead.

   After the iframe-worker shim (npm iframe-worker 1.0.4, MIT, (c) Martin
   Donath), rewritten so that the frame runs no inline script: its set-up is
   the file worker-frame.js beside this one. The site's Content-Security-Policy
   (script-src 'self') then holds from disk as it does online. Loaded before
   Material's bundle (mkdocs.yml extra.polyfills); does nothing over http(s). */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var frameScript = new URL("worker-frame.js", document.currentScript.src).href;

  function attribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = String(url);
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "";
      document.body.appendChild(frame);
      this.frame = frame;
      var self = this;
      this.relay = function (event) {
        if (event.source !== frame.contentWindow) return;
        var message = new MessageEvent("message", { data: event.data });
        self.dispatchEvent(message);
        if (self.onmessage) self.onmessage(message);
      };
      window.addEventListener("message", this.relay);
      var doc = frame.contentWindow.document;
      doc.open();
      doc.write('<!doctype html><html><body><script src="' + attribute(frameScript) + '" data-worker="' +
                attribute(this.url) + '"></scr' + 'ipt><script src="' + attribute(new URL(this.url, location.href).href) +
                '"></scr' + 'ipt></body></html>');
      doc.close();
      // After close(): open() clears the frame's handlers.
      this.ready = new Promise(function (resolve, reject) {
        frame.contentWindow.onload = resolve;
        frame.contentWindow.onerror = reject;
      });
    }

    postMessage(data) {
      var frame = this.frame;
      this.ready.catch(function () {}).then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;
})();
