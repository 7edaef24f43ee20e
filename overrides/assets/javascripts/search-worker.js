/* The course's search worker: Material's own (lunr), with every word of the
   index and of the query normalised the same way, in every script:

   - lower case; accents and other marks removed where they are optional when
     typing (on Latin, Greek, Cyrillic, Armenian, Georgian, Arabic and Hebrew
     letters: č š ž, tonos, harakat and tanween, hamza on alef, niqqud; and
     the nukta of Indic scripts, while their vowel signs are kept), letters
     people type without their mark (ø æ œ ß đ ł ı), the Arabic tatweel;
   - the language's own variants, from i18n/<lang>.yml `search.variants`
     (Ukrainian ґ/г, Arabic ى/ي and ة/ه, Greek ς/σ …);
   - the prefixes the language's script joins to words, from
     `search.prefixes` (Arabic و ف ب ل ال …): up to two are set aside when a
     word of at least three letters remains.

   The index's words are normalised as lunr builds the index (a pipeline
   function, in the place of lunr's trimmer, which Material keeps when the
   index's config lists it); the learner's query before Material reads it.
   The text shown in the results is the text as written, highlighted where it
   matched. Runs as a web worker online, and inside the frame of
   worker-from-disk.js from disk. Material's worker is named by ?material=. */
(function () {
  "use strict";

  var inFrame = typeof document !== "undefined" && !!document.currentScript;
  var here = inFrame ? document.currentScript.src : self.location.href;
  var material = new URL(new URL(here).searchParams.get("material"), here).href;
  var SETUP = 0, QUERY = 2;                       // Material's message types
  var PLAIN_LETTERS = { "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "ـ": "" };
  var rules = { variants: {}, prefixes: [] };

  var OPTIONAL_MARKS_ON = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Georgian}\p{sc=Arabic}\p{sc=Hebrew}]/u;
  var NUKTA = /[\u093c\u09bc\u0a3c\u0abc\u0b3c\u0cbc]/;
  var MARK = /\p{M}/u;

  function withoutOptionalMarks(text) {
    var base = "", out = "";
    for (var c of text) {
      if (!MARK.test(c)) {
        base = c;
        out += c;
      } else if (!(OPTIONAL_MARKS_ON.test(base) || NUKTA.test(c))) {
        out += c;
      }
    }
    return out;
  }

  function fold(text) {
    var out = withoutOptionalMarks(text.toLowerCase().normalize("NFD")).normalize("NFC");
    return out.replace(/[^\u0000-\u007f]/g, function (c) {
      var plain = PLAIN_LETTERS[c];
      if (plain !== undefined) return plain;
      var variant = rules.variants[c];
      return variant !== undefined ? variant : c;
    });
  }

  function withoutPrefixes(word) {
    for (var taken = 0; taken < 2; taken++) {
      var prefix = rules.prefixes.find(function (p) { return word.startsWith(p) && [...word].length - [...p].length >= 3; });
      if (!prefix) break;
      word = word.slice(prefix.length);
    }
    return word;
  }

  function normalise(word) {
    return withoutPrefixes(fold(word));
  }

  /* The index: lunr's pipeline gets this in the place of its trimmer. */
  function pipelineStep(token) {
    return token.update(normalise);
  }
  pipelineStep.label = "trimmer";

  /* The query: every run of letters and digits normalised; lunr's operators (+ - * ~ ^ ") kept. */
  function normaliseQuery(query) {
    return query.replace(/[\p{L}\p{M}\p{N}]+/gu, normalise);
  }

  function setUp(config) {
    var course = (config && config.course) || {};
    rules.variants = course.variants || {};
    rules.prefixes = (course.prefixes || []).map(fold).sort(function (a, b) { return b.length - a.length; });
    self.lunr.trimmer = pipelineStep;
  }

  // Registered before Material's listener, in the capture phase: it sees each message first.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) setUp(message.data.config);
    else if (message.type === QUERY && typeof message.data === "string") message.data = normaliseQuery(message.data);
  }, true);

  if (inFrame) {
    // In the frame, scripts load in document order: Material's runs right after this one.
    document.write('<script src="' + material.replace(/"/g, "&quot;") + '"><\/script>');
  } else {
    importScripts(material);
  }
})();
