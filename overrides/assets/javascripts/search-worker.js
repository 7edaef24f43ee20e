/* The course's search worker: Material's own (lunr), with every word of the
   index and of the query cut and normalised the same way, in every script:

   - a run of text in a script written without spaces between words (Thai,
     Lao, Khmer, Burmese, Chinese, Japanese) is cut into words by the
     browser's word segmenter (Intl.Segmenter), so that a word is found in the
     middle of a sentence; where the browser has none, the run stays whole;
   - compatibility forms made plain (full-width Ｌａｔｉｎ, ligatures, Arabic
     presentation forms), lower case; accents and other marks removed where
     they are optional when typing (on Latin, Greek, Cyrillic, Armenian,
     Georgian, Arabic and Hebrew letters: č š ž, tonos, harakat and tanween,
     hamza, niqqud; and the nukta of Indic scripts, while their vowel signs are
     kept), letters people type without their mark (ø æ œ ß đ ł ı), the Arabic
     tatweel; the invisible joiners and marks removed (the zero-width
     non-joiner of Persian می‌کند, which many writers leave out, the joiner,
     the soft hyphen, direction marks); Arabic-Indic and other digits read as
     0-9;
   - the language's own variants, from i18n/<lang>.yml `search.variants`
     (Ukrainian ґ/г, Arabic ى/ي and ة/ه, Persian and Urdu ی ک ہ …);
   - the prefixes the language's script joins to words, from
     `search.prefixes` (Arabic و ف ب ل ال …): up to two are set aside when a
     word of at least three letters remains.

   The index's words are cut by Material's tokenizer, which hands a run of text
   to `lunr.segmenter` when it has one (set up from lunr.TinySegmenter, the
   name of Material's Japanese segmenter: ours takes its place), and
   normalised as lunr builds the index (a pipeline function, in the place of
   lunr's trimmer, which Material keeps when the index's config lists it); the
   learner's query is cut and normalised before Material reads it. The text
   shown in the results is the text as written, the words found highlighted.
   Runs as a web worker online, and inside the frame of worker-from-disk.js
   from disk. Material's worker is named by ?material=. */
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
  // Invisible: the soft hyphen, joiners and non-joiners, direction marks and isolates, the word joiner,
  // variation selectors, the byte order mark.
  var INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200c-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g;
  // The zeros of the digits people type besides 0-9: Arabic-Indic, Persian and Urdu, N'Ko, the Indic
  // scripts, Thai, Lao, Tibetan, Burmese, Khmer, Mongolian, full-width.
  var ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
               0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810];
  var DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u1810-\u1819]/g;

  // Scripts written without spaces between words.
  var SPACELESS = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
  var WORD_RUN = /[\p{L}\p{M}\p{N}\p{Cf}]+/gu;    // a word, its invisible joiners included
  var segmenter = null;

  function digitValue(c) {
    var point = c.codePointAt(0);
    for (var i = 0; i < ZEROS.length; i++) {
      if (point >= ZEROS[i] && point <= ZEROS[i] + 9) return String(point - ZEROS[i]);
    }
    return c;
  }

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
    var plain = text.replace(INVISIBLE, "").normalize("NFKD").toLowerCase();
    return withoutOptionalMarks(plain).normalize("NFC").replace(/[^\u0000-\u007f]/g, function (c) {
      var letter = PLAIN_LETTERS[c];
      if (letter !== undefined) return letter;
      var variant = rules.variants[c];
      return variant !== undefined ? variant : c;
    }).replace(DIGIT, digitValue);
  }

  function withoutPrefixes(word) {
    for (var taken = 0; taken < 2; taken++) {
      var prefix = rules.prefixes.find(function (p) { return word.startsWith(p) && [...word].length - [...p].length >= 3; });
      if (!prefix) break;
      word = word.slice(prefix.length);
    }
    return word;
  }

  // A text repeats its words: each is normalised once (the index of a language is built in a
  // fraction of the time it took without, whatever its script).
  var normalised = new Map();

  function normalise(word) {
    var found = normalised.get(word);
    if (found === undefined) {
      found = withoutPrefixes(fold(word));
      normalised.set(word, found);
    }
    return found;
  }

  /* Words: a run of a script without spaces, cut by the browser's segmenter (every piece of the run,
     so that Material's tokenizer can keep track of where each word is). */
  function words(run) {
    if (!segmenter || !SPACELESS.test(run)) return [run];
    return Array.from(segmenter.segment(run), function (piece) { return piece.segment; });
  }

  function WordSegmenter() {}
  // Material's tokenizer cuts a run whose type is "M", "H", "I" or "K" (TinySegmenter's Japanese classes).
  WordSegmenter.prototype.ctype_ = function (run) { return SPACELESS.test(run) ? "H" : "O"; };
  WordSegmenter.prototype.segment = words;

  /* The index: lunr's pipeline gets this in the place of its trimmer; a word that is nothing once
     normalised (a joiner alone) is left out. */
  function pipelineStep(token) {
    var word = normalise(token.toString());
    return word ? token.update(function () { return word; }) : null;
  }
  pipelineStep.label = "trimmer";

  /* The query: every word cut and normalised as the index's were; lunr's operators (+ - * ~ ^ ") kept. */
  function normaliseQuery(query) {
    return query.replace(/\u200b/g, " ").replace(WORD_RUN, function (run) {
      return words(run).map(normalise).filter(Boolean).join(" ");
    });
  }

  function setUp(config) {
    var course = (config && config.course) || {};
    normalised.clear();
    rules.variants = course.variants || {};
    rules.prefixes = (course.prefixes || []).map(fold).sort(function (a, b) { return b.length - a.length; });
    self.lunr.trimmer = pipelineStep;
    if (typeof Intl === "object" && typeof Intl.Segmenter === "function") {
      segmenter = new Intl.Segmenter(course.language || undefined, { granularity: "word" });
      self.lunr.TinySegmenter = WordSegmenter;
    }
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
