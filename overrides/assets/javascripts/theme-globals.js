/* Material for MkDocs' set-up script (its partials/javascripts/base.html, MIT,
   (c) Martin Donath), as a file instead of inline, so that the site's
   Content-Security-Policy allows only the site's own script files. The scope
   (the site's root, relative to the page) comes from data-scope. */
var __md_scope = new URL(document.currentScript.getAttribute("data-scope"), location),
  __md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  },
  __md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  },
  __md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage refused */ }
  };
