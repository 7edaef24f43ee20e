/* The learner's private notebook: what they write in the exercises, kept in
   this browser only (localStorage), online, offline and opened from disk.

   - On a unit's page: the answer fields of each exercise (rendered, hidden, by
     the exercise block; shown here) are filled from storage and saved as the
     learner types. A failure to save (private browsing, full storage) is said,
     and what is on the page stays on the page.
   - On the notebook page: every answer, unit by unit in course order (the
     page carries the course's exercises as JSON, made by the build), with
     links back; print; export to a file (notes and quiz progress), import
     from one (merge or replace, after a summary), erase everything.

   Notes are kept by unit and exercise id (`/// exercise` with `id:`), the
   same in every language, so they follow the learner from one language to
   another and survive edits of the page. Words come from #course-page. */
(function () {
  "use strict";

  var NOTES_KEY = "peer-support-course:notes:v1";
  var PROGRESS_KEY = "peer-support-course:progress:v1";
  var FILE_FORMAT = "peer-support-course-notebook";
  var FILE_VERSION = 1;

  function pageData() {
    var el = document.getElementById("course-page");
    return el ? JSON.parse(el.textContent) : null;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] !== undefined ? values[key] : ""; });
  }

  function element(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /* ---- storage: read never throws; write says whether it worked ---- */

  function read(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) {
      return {};
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  function remove(key) {
    try { window.localStorage.removeItem(key); return true; } catch (e) { return false; }
  }

  function storageWorks() {
    try {
      window.localStorage.setItem(NOTES_KEY + ":probe", "1");
      window.localStorage.removeItem(NOTES_KEY + ":probe");
      return true;
    } catch (e) {
      return false;
    }
  }

  /* ---- values: text, rating (1-10), list, rated list ---- */

  function isEmpty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (Array.isArray(value)) return value.every(function (entry) {
      return typeof entry === "string" ? !entry.trim() : !(entry && (String(entry.text || "").trim() || entry.rating));
    });
    return typeof value === "string" && !value.trim();
  }

  /* ---- a unit's exercises ---- */

  function fieldQuestion(field) {
    var label = document.getElementById(field.getAttribute("data-question"));
    return label ? label.textContent.trim() : "";
  }

  /* The answer saved for this question: under its number when it answered these words; else the one
     saved under another number for these words (the page's questions moved since); else the one under
     its number, unless that answered another question still on the page (the words were only edited). */
  function savedFor(entry, name, question, questions) {
    var fields = (entry && entry.fields) || {};
    var mine = fields[name];
    if (mine && (!mine.question || mine.question === question)) return mine;
    var moved = Object.keys(fields).filter(function (key) { return fields[key].question === question; })[0];
    if (moved) return fields[moved];
    return mine && questions.indexOf(mine.question) < 0 ? mine : undefined;
  }

  function setUpExercises(data) {
    var exercises = document.querySelectorAll(".exercise[data-exercise] .exercise-notes");
    if (!exercises.length || !data.unit) return;
    var words = data.words.notes;
    var works = storageWorks();
    exercises.forEach(function (notes) {
      var exercise = notes.closest(".exercise");
      var key = data.unit + "#" + exercise.getAttribute("data-exercise");
      var status = notes.querySelector(".exercise-notes__status");
      var saved = read(NOTES_KEY)[key];
      notes.hidden = false;
      var link = notes.querySelector(".exercise-notes__notebook");
      if (link && data.notebook) link.setAttribute("href", data.notebook);
      if (!works) status.textContent = words.storage_unavailable;
      var fields = exercise.querySelectorAll(".note-field");
      var questions = Array.prototype.map.call(fields, fieldQuestion);
      fields.forEach(function (field) {
        field.hidden = false;
        var name = field.getAttribute("data-field");
        var previous = savedFor(saved, name, fieldQuestion(field), questions);
        buildField(field, previous ? previous.value : undefined, words, function (value) {
          save(key, exercise, field, value, status, words);
        });
      });
    });
  }

  var timers = {};

  function save(key, exercise, field, value, status, words) {
    var name = field.getAttribute("data-field");
    clearTimeout(timers[key + name]);
    timers[key + name] = setTimeout(function () {
      var notes = read(NOTES_KEY);
      var entry = notes[key] || { fields: {} };
      entry.title = exercise.querySelector(".exercise__title strong").textContent;
      entry.fields[name] = { question: fieldQuestion(field), kind: field.getAttribute("data-kind"), value: value,
                             updated: new Date().toISOString() };
      notes[key] = entry;
      if (write(NOTES_KEY, notes)) {
        if (status.getAttribute("data-said") !== "saved") {
          status.textContent = words.saved;        // said once: a screen reader is not told at every key
          status.setAttribute("data-said", "saved");
        }
      } else {
        status.textContent = words.not_saved;
        status.setAttribute("data-said", "failed");
      }
    }, 400);
  }

  function buildField(field, value, words, changed) {
    var kind = field.getAttribute("data-kind");
    var control = field.querySelector("textarea, input");
    if (kind === "text") {
      control.value = typeof value === "string" ? value : "";
      control.addEventListener("input", function () { changed(control.value); });
    } else if (kind === "rating") {
      control.value = typeof value === "number" || typeof value === "string" ? value : "";
      control.addEventListener("input", function () {
        var number = parseInt(control.value, 10);
        changed(number >= 1 && number <= 10 ? number : "");
      });
    } else {
      buildList(field, Array.isArray(value) ? value : [], kind === "rated-list", words, changed);
    }
  }

  /* A list the learner adds lines to; each line a text (and a rating from 1 to 10 in a rated list). */
  function buildList(field, entries, rated, words, changed) {
    var list = field.querySelector("ol.note-list");
    var question = fieldQuestion(field);
    var add = field.querySelector(".note-list__add");
    function current() {
      return Array.prototype.map.call(list.children, function (row) {
        var text = row.querySelector(".note-list__text").value;
        if (!rated) return text;
        var rating = parseInt(row.querySelector(".note-list__rating").value, 10);
        return { text: text, rating: rating >= 1 && rating <= 10 ? rating : "" };
      });
    }
    function addRow(entry, focus) {
      var number = list.children.length + 1;
      var id = field.id + "-" + number;
      var row = element("li", { "class": "note-list__row" });
      var text = element("input", { type: "text", "class": "note-list__text", id: id,
                                    "aria-label": format(words.line, { question: question, number: number }) });
      text.value = rated ? (entry && entry.text) || "" : entry || "";
      row.appendChild(text);
      if (rated) {
        var rating = element("input", { type: "number", min: "1", max: "10", inputmode: "numeric",
                                        "class": "note-list__rating",
                                        "aria-label": format(words.line_rating, { number: number }) });
        rating.value = (entry && entry.rating) || "";
        row.appendChild(rating);
        row.appendChild(element("span", { "class": "note-list__of", "aria-hidden": "true" }, "/ 10"));
      }
      list.appendChild(row);
      if (focus) text.focus();
    }
    (entries.length ? entries : [""]).forEach(function (entry) { addRow(entry, false); });
    list.addEventListener("input", function () { changed(current()); });
    add.addEventListener("click", function () { addRow(rated ? { text: "", rating: "" } : "", true); });
  }

  /* ---- the notebook page ---- */

  function catalog() {
    var el = document.getElementById("course-notebook");
    return el ? JSON.parse(el.textContent) : null;
  }

  function answerText(field, words) {
    var value = field.value;
    if (Array.isArray(value)) {
      return value.filter(function (entry) { return !isEmpty([entry]); }).map(function (entry) {
        return typeof entry === "string" ? entry : entry.text + (entry.rating ? " (" + entry.rating + "/10)" : "");
      });
    }
    if (field.kind === "rating" && value !== "") return [format(words.rating_answer, { rating: value })];
    return [String(value)];
  }

  function renderNotebook(box, units, words) {
    var notes = read(NOTES_KEY);
    var content = box.querySelector(".notebook__content");
    content.textContent = "";
    var written = 0;
    units.forEach(function (unit) {
      var section = null;
      unit.exercises.forEach(function (exercise) {
        var entry = notes[unit.unit + "#" + exercise.id];
        var fields = entry && entry.fields ? entry.fields : {};
        var answered = exercise.questions.concat(extraFields(fields, exercise)).filter(function (q) {
          return fields[q.field] && !isEmpty(fields[q.field].value);
        });
        if (!answered.length) return;
        if (!section) {
          section = element("section", { "class": "notebook__unit" });
          var heading = element("h2");
          heading.appendChild(element("a", { href: unit.url }, unit.title));
          section.appendChild(heading);
          content.appendChild(section);
        }
        var h3 = element("h3");
        h3.appendChild(element("a", { href: unit.url + "#" + exercise.anchor }, exercise.title));
        section.appendChild(h3);
        var list = element("dl", { "class": "notebook__answers" });
        answered.forEach(function (question) {
          list.appendChild(element("dt", {}, fields[question.field].question || question.label));
          answerText(fields[question.field], words).forEach(function (line) {
            list.appendChild(element("dd", {}, line));
          });
          written += 1;
        });
        section.appendChild(list);
      });
    });
    if (!written) content.appendChild(element("p", { "class": "notebook__empty" }, words.empty));
  }

  /* Answers saved under a question the page no longer has keep showing, with the question they answered. */
  function extraFields(fields, exercise) {
    var known = exercise.questions.map(function (q) { return q.field; });
    return Object.keys(fields).filter(function (name) { return known.indexOf(name) < 0; })
      .map(function (name) { return { field: name, label: fields[name].question || name }; });
  }

  function setUpNotebook(data) {
    var box = document.querySelector(".notebook[data-notebook]");
    var units = catalog();
    if (!box || !units) return;
    var words = data.words.notes;
    var status = box.querySelector(".notebook__status");
    box.hidden = false;
    var needsScript = document.querySelector(".notebook__needs-js");
    if (needsScript) needsScript.hidden = true;
    renderNotebook(box, units, words);
    if (!storageWorks()) status.textContent = words.storage_unavailable;
    box.querySelector(".notebook__print").addEventListener("click", function () { window.print(); });
    box.querySelector(".notebook__export").addEventListener("click", function () { exportFile(status, words); });
    box.querySelector(".notebook__import-file").addEventListener("change", function (event) {
      readImport(event.target, box, units, words);
    });
    box.querySelector(".notebook__erase").addEventListener("click", function () {
      showPanel(box, ".notebook__confirm-erase");
    });
    box.querySelector(".notebook__erase-yes").addEventListener("click", function () {
      var done = remove(NOTES_KEY) && remove(PROGRESS_KEY);
      hidePanels(box);
      renderNotebook(box, units, words);
      status.textContent = done ? words.erased : words.not_saved;
      box.querySelector(".notebook__erase").focus();
    });
    box.querySelector(".notebook__erase-no").addEventListener("click", function () {
      hidePanels(box);
      box.querySelector(".notebook__erase").focus();
    });
  }

  function showPanel(box, selector) {
    hidePanels(box);
    var panel = box.querySelector(selector);
    panel.hidden = false;
    panel.querySelector("button, input").focus();
  }

  function hidePanels(box) {
    box.querySelectorAll(".notebook__panel").forEach(function (panel) { panel.hidden = true; });
  }

  function exportFile(status, words) {
    var file = { format: FILE_FORMAT, version: FILE_VERSION, saved: new Date().toISOString(),
                 notes: read(NOTES_KEY), progress: read(PROGRESS_KEY) };
    var blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
    var link = element("a", { href: URL.createObjectURL(blob),
                              download: "peer-support-notebook-" + file.saved.slice(0, 10) + ".json" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    status.textContent = words.exported;
  }

  /* A file this notebook wrote (any other is refused, and nothing changes). */
  function parseImport(text) {
    var file;
    try { file = JSON.parse(text); } catch (e) { return null; }
    if (!file || file.format !== FILE_FORMAT || file.version !== FILE_VERSION) return null;
    if (!plainObject(file.notes) || !plainObject(file.progress)) return null;
    var validNotes = Object.keys(file.notes).every(function (key) {
      var entry = file.notes[key];
      return /^[^#]+#[a-z0-9-]+$/.test(key) && plainObject(entry) && plainObject(entry.fields);
    });
    var validProgress = Object.keys(file.progress).every(function (unit) {
      var entry = file.progress[unit];
      return plainObject(entry) && Array.isArray(entry.right);
    });
    return validNotes && validProgress ? file : null;
  }

  function plainObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function readImport(input, box, units, words) {
    var file = input.files && input.files[0];
    var status = box.querySelector(".notebook__status");
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var imported = parseImport(String(reader.result));
      input.value = "";
      if (!imported) {
        status.textContent = words.import_refused;
        return;
      }
      offerImport(imported, box, units, words);
    };
    reader.onerror = function () { status.textContent = words.import_refused; };
    reader.readAsText(file);
  }

  function offerImport(imported, box, units, words) {
    var notes = read(NOTES_KEY);
    var added = 0, changed = 0, same = 0;
    Object.keys(imported.notes).forEach(function (key) {
      if (!notes[key]) added += 1;
      else if (JSON.stringify(notes[key].fields) !== JSON.stringify(imported.notes[key].fields)) changed += 1;
      else same += 1;
    });
    var panel = box.querySelector(".notebook__confirm-import");
    panel.querySelector(".notebook__import-summary").textContent = format(words.import_summary, {
      added: added, changed: changed, same: same, here: Object.keys(notes).length,
      units: Object.keys(imported.progress).length });
    showPanel(box, ".notebook__confirm-import");
    panel.querySelector(".notebook__import-apply").onclick = function () {
      var replace = panel.querySelector("input[value=replace]").checked;
      var ok = applyImport(imported, replace);
      hidePanels(box);
      renderNotebook(box, units, words);
      box.querySelector(".notebook__status").textContent = ok ? words.imported : words.not_saved;
      box.querySelector(".notebook__import-label").focus();
    };
    panel.querySelector(".notebook__import-cancel").onclick = function () {
      hidePanels(box);
      box.querySelector(".notebook__status").textContent = words.import_cancelled;
    };
  }

  /* Merge: what the file holds is added, and a field in both keeps the one written last. */
  function applyImport(imported, replace) {
    var notes = replace ? {} : read(NOTES_KEY);
    var progress = replace ? {} : read(PROGRESS_KEY);
    Object.keys(imported.notes).forEach(function (key) {
      var theirs = imported.notes[key];
      var mine = notes[key] || { title: theirs.title, fields: {} };
      Object.keys(theirs.fields).forEach(function (name) {
        var a = mine.fields[name], b = theirs.fields[name];
        if (!a || String(b.updated || "") >= String(a.updated || "")) mine.fields[name] = b;
      });
      notes[key] = mine;
    });
    Object.keys(imported.progress).forEach(function (unit) {
      var theirs = imported.progress[unit], mine = progress[unit] || { right: [] };
      theirs.right.forEach(function (q) { if (mine.right.indexOf(q) < 0) mine.right.push(q); });
      mine.total = theirs.total || mine.total;
      progress[unit] = mine;
    });
    return write(NOTES_KEY, notes) && write(PROGRESS_KEY, progress);
  }

  function start() {
    var data = pageData();
    if (!data || !data.words.notes) return;
    setUpExercises(data);
    setUpNotebook(data);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
