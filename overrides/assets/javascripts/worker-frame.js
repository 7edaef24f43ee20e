/* Inside the hidden frame of worker-from-disk.js: what a web worker has and a
   frame lacks. postMessage() answers the page; importScripts() loads scripts
   one after the other; errors are passed on to the page. */
(function () {
  "use strict";
  var worker = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (message, target) {
    parent.postMessage(message, target || "*");
  };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
