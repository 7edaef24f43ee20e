/* A unit reporting to an organisation's learning platform (LMS) through the
   SCORM 1.2 run-time API. Loaded only by the units' pages inside the course's
   SCORM packages (course/scorm/): the public site never loads it.

   - The API is found as SCORM 1.2 says: up the parent windows (at most 500),
     then from the opener's. No API (the package opened from disk, or on a plain
     web server): this script does nothing and the unit works as the offline
     site does.
   - Only the page the LMS launched reports (its address carries ?sco=<unit>,
     the manifest's parameters; an LMS that drops them launches the page from
     outside the package). A unit reached by a link from another page of the
     package reports nothing: the LMS's session belongs to the unit it launched.
   - LMSInitialize on entering; cmi.core.lesson_status "incomplete" until every
     question has been answered once, then "passed" or "failed" against the
     mastery score (the LMS's cmi.student_data.mastery_score, else the
     manifest's, in the page's data); cmi.core.score.raw is the share of the
     questions right on the first try, from 0 to 100 (score.min 0, score.max 100).
   - Each question is one interaction when first answered (the answer that
     counts): id "q<N>", type "choice", the learner's response and the right
     one as the options' letters (a, b, c… in their order on the page), the
     result (correct or wrong), the time.
   - cmi.suspend_data holds the unit's quiz progress (the first answers and the
     questions answered right), so that the learner finds it on another computer:
     course.js shows it ("course:progress-restore").
   - cmi.core.exit "suspend" while the unit is not finished, "" once it is;
     cmi.core.session_time; LMSCommit after every answer and when the page is
     hidden; LMSCommit and LMSFinish when the page is left or closed.
   - An LMS error (LMSGetLastError not "0") is shown to nobody, logged to the
     console, and stops nothing.

   It learns of the quiz only from course.js's events (course.js says which). */
(function () {
  "use strict";

  var SUSPEND_FORMAT = 1;
  var MAX_PARENTS = 500;
  var element = document.getElementById("course-page");
  var data = element ? JSON.parse(element.textContent) : null;
  var settings = data && data.scorm;
  if (!settings || !data.unit) return;

  var api = null;
  var session = null;   // { started: ms, reporting: bool, mastery: number, interactions: bool }
  var lessonStatus = "";
  var state = { first: {}, right: [] };

  function log(message) {
    if (window.console) console.warn("SCORM: " + message);
  }

  /* ---- the API ---- */

  function apiIn(win) {
    for (var tries = 0; win && tries <= MAX_PARENTS; tries++) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* a window of another origin: go on up */ }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findAPI() {
    var found = apiIn(window);
    try {
      if (!found && window.top && window.top.opener) found = apiIn(window.top.opener);
      if (!found && window.opener) found = apiIn(window.opener);
    } catch (e) { /* an opener of another origin */ }
    return found;
  }

  /* Every call goes through here: its error, if any, goes to the console, never to the page. */
  function call(name, args) {
    try {
      var value = api[name].apply(api, args);
      var code = String(api.LMSGetLastError());
      if (code !== "0" && code !== "") {
        log(name + "(" + args.join(", ") + ") failed: " + code + " " + api.LMSGetErrorString(code) +
            (api.LMSGetDiagnostic ? " (" + api.LMSGetDiagnostic(code) + ")" : ""));
        return { ok: false, value: value };
      }
      return { ok: true, value: value };
    } catch (e) {
      log(name + " threw " + e);
      return { ok: false, value: "" };
    }
  }

  function get(name) {
    var result = call("LMSGetValue", [name]);
    return result.ok ? String(result.value) : null;
  }

  function set(name, value) {
    return call("LMSSetValue", [name, String(value)]).ok;
  }

  /* ---- SCORM 1.2's data types ---- */

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /* CMITimespan: HHHH:MM:SS.SS */
  function timespan(ms) {
    var hundredths = Math.min(Math.round(ms / 10), 9999 * 360000 + 359999);
    var hours = Math.floor(hundredths / 360000);
    var minutes = Math.floor(hundredths / 6000) % 60;
    var seconds = Math.floor(hundredths / 100) % 60;
    return two(hours) + ":" + two(minutes) + ":" + two(seconds) + "." + two(hundredths % 100);
  }

  /* CMITime: HH:MM:SS, the learner's clock */
  function timeOfDay(date) {
    return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds());
  }

  /* A choice response: the options' letters, a to z, joined by commas */
  function letters(indexes) {
    return indexes.map(function (i) { return String.fromCharCode(97 + i); }).join(",");
  }

  /* ---- the unit's state, kept in cmi.suspend_data ---- */

  function readState(text) {
    try {
      var value = text ? JSON.parse(text) : null;
      if (value && value.v === SUSPEND_FORMAT && value.first && Array.isArray(value.right)) {
        return { first: value.first, right: value.right };
      }
    } catch (e) {
      log("cmi.suspend_data is not this course's: starting the unit afresh");
    }
    return { first: {}, right: [] };
  }

  function saveState() {
    set("cmi.suspend_data", JSON.stringify({ v: SUSPEND_FORMAT, first: state.first, right: state.right }));
  }

  function questionIds() {
    var ids = [];
    for (var n = 1; n <= data.questions; n++) ids.push("q" + n);
    return ids;
  }

  function isFinished(status) {
    return status === "passed" || status === "failed" || status === "completed";
  }

  /* ---- the session ---- */

  function launchedHere() {
    var asked = new URLSearchParams(window.location.search).get("sco");
    if (asked !== null) return asked === data.unit;
    var root = new URL(settings.root.replace(/\/?$/, "/"), window.location.href).href;
    return !(document.referrer && document.referrer.indexOf(root) === 0);
  }

  function start() {
    if (session || !launchedHere()) return;
    api = findAPI();
    if (!api) return;
    if (String(call("LMSInitialize", [""]).value) !== "true") {
      api = null;
      return;
    }
    var mode = get("cmi.core.lesson_mode");
    var mastery = parseFloat(get("cmi.student_data.mastery_score"));
    session = {
      started: Date.now(),
      reporting: mode !== "browse" && mode !== "review",
      mastery: isNaN(mastery) ? settings.mastery : mastery,
      interactions: get("cmi.interactions._count") !== null
    };
    lessonStatus = get("cmi.core.lesson_status") || "";
    state = readState(get("cmi.suspend_data"));
    showConnected();
    document.dispatchEvent(new CustomEvent("course:progress-restore", {
      detail: { unit: data.unit, right: state.right.slice() }
    }));
    if (!session.reporting) return;
    if (!isFinished(lessonStatus)) {
      // A unit with no quiz is done once opened.
      lessonStatus = data.questions ? "incomplete" : "completed";
      set("cmi.core.lesson_status", lessonStatus);
    }
    set("cmi.core.exit", isFinished(lessonStatus) ? "" : "suspend");
    call("LMSCommit", [""]);
  }

  function recordInteraction(detail, response) {
    if (!session.interactions) return;
    var n = parseInt(get("cmi.interactions._count"), 10);
    if (isNaN(n)) return;
    var prefix = "cmi.interactions." + n + ".";
    // The id first: SCORM 1.2 makes the other elements of a new interaction wait for it.
    set(prefix + "id", detail.question);
    set(prefix + "type", "choice");
    set(prefix + "time", timeOfDay(new Date()));
    set(prefix + "weighting", "1");
    set(prefix + "student_response", response);
    set(prefix + "correct_responses.0.pattern", letters(detail.correct));
    set(prefix + "result", detail.right ? "correct" : "wrong");
  }

  function scoreIfAllAnswered() {
    var ids = questionIds();
    var answered = ids.filter(function (id) { return state.first[id]; });
    if (isFinished(lessonStatus) || !ids.length || answered.length < ids.length) return;
    var right = ids.filter(function (id) { return state.first[id].result === "correct"; }).length;
    var score = Math.round((100 * right) / ids.length);
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", String(score));
    lessonStatus = score >= session.mastery ? "passed" : "failed";
    set("cmi.core.lesson_status", lessonStatus);
  }

  function onChecked(event) {
    var detail = event.detail || {};
    if (!session || session.finished || detail.unit !== data.unit) return;
    if (detail.right && state.right.indexOf(detail.question) < 0) state.right.push(detail.question);
    if (!session.reporting) return;
    if (!state.first[detail.question]) {
      var response = letters(detail.chosen);
      state.first[detail.question] = { response: response, result: detail.right ? "correct" : "wrong" };
      recordInteraction(detail, response);
    }
    saveState();
    scoreIfAllAnswered();
    set("cmi.core.exit", isFinished(lessonStatus) ? "" : "suspend");
    call("LMSCommit", [""]);
  }

  /* The page hidden (another tab, the phone locked): what was done is saved, the session goes on. */
  function onHidden() {
    if (document.visibilityState !== "hidden" || !session || session.finished) return;
    set("cmi.core.session_time", timespan(Date.now() - session.started));
    call("LMSCommit", [""]);
  }

  function finish() {
    if (!session || session.finished) return;
    session.finished = true;
    if (session.reporting) set("cmi.core.exit", isFinished(lessonStatus) ? "" : "suspend");
    set("cmi.core.session_time", timespan(Date.now() - session.started));
    call("LMSCommit", [""]);
    call("LMSFinish", [""]);
  }

  /* Back to the page from the browser's cache, after it was left: a new session. */
  function onShow(event) {
    if (event.persisted && session && session.finished) {
      session = null;
      start();
    }
  }

  /* ---- what the learner sees ---- */

  function showConnected() {
    var notice = document.querySelector(".scorm-notice");
    if (notice) notice.hidden = false;
    var where = document.querySelector("#course-progress-unit .course-progress__where");
    if (where && data.words.scorm) where.textContent = data.words.scorm.progress_where;
    // Clearing this browser's progress would not clear the platform's: the button would mislead.
    var reset = document.querySelector("#course-progress-unit .course-progress__reset");
    if (reset) reset.hidden = true;
  }

  document.addEventListener("course:quiz-checked", onChecked);
  document.addEventListener("visibilitychange", onHidden);
  window.addEventListener("pagehide", finish);
  window.addEventListener("pageshow", onShow);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
