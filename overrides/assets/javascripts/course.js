/* The course's behaviour in the browser: checking quiz answers, keeping the
   learner's progress in this browser only, and opening answers for print.
   Plain DOM on DOMContentLoaded (not Material's document$, which never fires
   from file://). Words come from the page (#course-page, from i18n/<lang>.yml).

   Other scripts (scorm.js, inside a SCORM package: course/scorm/) follow the quiz
   through two events on `document`, and nothing else of this file:
   - "course:quiz-checked", sent when the learner checks a question with an answer
     chosen. event.detail: { unit: the unit's key, question: "q2" (the quiz's
     data-quiz), questions: how many the unit has, kind: "single" | "multiple",
     chosen: [indexes of the options chosen], correct: [indexes of the right
     options], right: true when exactly the right options were chosen }.
   - "course:progress-restore", listened to: event.detail { unit, right: ["q1", …] }
     are the unit's questions answered right as kept elsewhere (a learning
     platform). They replace what this browser kept of that unit, and the page
     shows them. */
(function () {
  "use strict";

  var STORAGE_KEY = "peer-support-course:progress:v1";
  document.documentElement.classList.add("course-js");

  function pageData() {
    var el = document.getElementById("course-page");
    return el ? JSON.parse(el.textContent) : null;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* ---- progress, in localStorage only ---- */

  function readProgress() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};  // storage blocked or garbled: the quiz still works, nothing is kept
    }
  }

  function writeProgress(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch (e) { /* storage blocked: nothing is kept */ }
  }

  function recordRight(unit, total, question) {
    var progress = readProgress();
    var entry = progress[unit] || { right: [] };
    if (entry.right.indexOf(question) < 0) entry.right.push(question);
    entry.total = total;
    progress[unit] = entry;
    writeProgress(progress);
  }

  function isDone(entry) {
    return !!entry && entry.total > 0 && entry.right.length >= entry.total;
  }

  /* ---- quiz ---- */

  function checkQuestion(form, data) {
    var words = data.words.quiz;
    var options = form.querySelectorAll(".quiz__option");
    var chosen = 0, wrongChosen = 0, rightMissed = 0;
    options.forEach(function (option) {
      var input = option.querySelector("input");
      var right = option.getAttribute("data-correct") === "true";
      var feedback = option.querySelector(".quiz__feedback");
      option.classList.remove("is-right", "is-wrong");
      var verdict = feedback.querySelector(".quiz__verdict");
      if (verdict) verdict.remove();
      if (input.checked) {
        chosen += 1;
        if (!right) wrongChosen += 1;
        option.classList.add(right ? "is-right" : "is-wrong");
        // Right and wrong are said in words (and a mark), never by colour alone.
        verdict = document.createElement("span");
        verdict.className = "quiz__verdict";
        verdict.textContent = (right ? "✓ " + words.right : "✗ " + words.not_right) + ": ";
        feedback.insertBefore(verdict, feedback.firstChild);
        feedback.hidden = false;
        input.setAttribute("aria-describedby", feedback.id);
      } else {
        if (right) rightMissed += 1;
        feedback.hidden = true;
        input.removeAttribute("aria-describedby");
      }
    });
    var result = form.querySelector(".quiz__result");
    var allRight = chosen > 0 && wrongChosen === 0 && rightMissed === 0;
    if (chosen === 0) {
      result.textContent = words.nothing_chosen;
    } else if (allRight) {
      result.textContent = "✓ " + words.correct;
    } else if (chosen - wrongChosen > 0) {
      result.textContent = words.partly;
    } else {
      result.textContent = words.incorrect;
    }
    if (allRight && data.unit) {
      recordRight(data.unit, data.questions, form.getAttribute("data-quiz"));
      showUnitProgress(data);
      markNavigation(data);
    }
    if (chosen > 0) announceChecked(form, data, options, allRight);
  }

  function announceChecked(form, data, options, allRight) {
    var chosen = [], correct = [];
    options.forEach(function (option, index) {
      if (option.querySelector("input").checked) chosen.push(index);
      if (option.getAttribute("data-correct") === "true") correct.push(index);
    });
    document.dispatchEvent(new CustomEvent("course:quiz-checked", { detail: {
      unit: data.unit, question: form.getAttribute("data-quiz"), questions: data.questions,
      kind: form.closest(".quiz-question").getAttribute("data-kind"),
      chosen: chosen, correct: correct, right: allRight
    } }));
  }

  /* Progress kept elsewhere (a learning platform) takes the place of this browser's for the unit. */
  document.addEventListener("course:progress-restore", function (event) {
    var detail = event.detail || {};
    var data = pageData();
    if (!data || !detail.unit || !Array.isArray(detail.right)) return;
    var progress = readProgress();
    if (detail.right.length) progress[detail.unit] = { right: detail.right.slice(), total: data.questions };
    else delete progress[detail.unit];
    writeProgress(progress);
    showUnitProgress(data);
    showCourseProgress(data);
    markNavigation(data);
  });

  function setUpQuizzes(data) {
    document.querySelectorAll("form.quiz").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        checkQuestion(form, data);
      });
    });
  }

  /* ---- showing progress ---- */

  function progressPanel(data, id) {
    var panel = document.getElementById(id);
    if (!panel) return null;
    panel.hidden = false;
    var reset = panel.querySelector(".course-progress__reset");
    if (reset && !reset.dataset.bound) {
      reset.dataset.bound = "1";
      reset.addEventListener("click", function () {
        writeProgress({});
        showUnitProgress(data);
        showCourseProgress(data);
        markNavigation(data);
        panel.querySelector(".course-progress__status").textContent = data.words.progress.reset_done;
      });
    }
    return panel;
  }

  function showUnitProgress(data) {
    var panel = progressPanel(data, "course-progress-unit");
    if (!panel || !data.unit) return;
    var questions = document.querySelectorAll(".quiz-question");
    var last = questions[questions.length - 1];
    if (last && last.nextElementSibling !== panel) last.after(panel);  // right under the quiz
    var entry = readProgress()[data.unit];
    var words = data.words.progress;
    var status = panel.querySelector(".course-progress__status");
    if (isDone(entry)) status.textContent = words.unit_done;
    else if (entry && entry.right.length) status.textContent = format(words.unit_some, { done: entry.right.length, total: data.questions });
    else status.textContent = words.none_yet;
  }

  function showCourseProgress(data) {
    var panel = progressPanel(data, "course-progress-course");
    if (!panel) return;
    var units = document.querySelectorAll(".course-map__unit[data-unit]:not([data-questions='0'])");
    var progress = readProgress();
    var done = 0;
    units.forEach(function (unit) {
      var finished = isDone(progress[unit.getAttribute("data-unit")]);
      if (finished) done += 1;
      setBadge(unit.querySelector("a"), finished, data);
    });
    panel.querySelector(".course-progress__status").textContent =
      format(data.words.progress.course, { done: done, total: units.length });
  }

  function setBadge(link, finished, data) {
    if (!link) return;
    var badge = link.querySelector(".course-done-badge");
    if (finished && !badge) {
      badge = document.createElement("span");
      badge.className = "course-done-badge";
      badge.textContent = "✓ " + data.words.progress.badge;
      badge.setAttribute("title", data.words.progress.badge_label);
      link.appendChild(badge);
    } else if (!finished && badge) {
      badge.remove();
    }
  }

  function markNavigation(data) {
    var progress = readProgress();
    document.querySelectorAll(".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
      var path = new URL(link.getAttribute("href"), window.location.href).pathname;
      var finished = Object.keys(progress).some(function (unit) {
        return isDone(progress[unit]) && path.slice(-(unit.length + 6)) === "/" + unit + ".html";
      });
      setBadge(link.querySelector(".md-ellipsis") || link, finished, data);
    });
  }

  /* ---- print: answers and model answers open on paper ---- */

  function openDetailsForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll(".md-typeset details:not([open])").forEach(function (d) {
        d.open = true;
        opened.push(d);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  /* Wide tables scroll sideways: a keyboard user can reach and scroll them (WCAG 2.1.1). */
  function makeScrollingTablesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
    });
  }

  function start() {
    var data = pageData();
    makeScrollingTablesFocusable();
    openDetailsForPrint();
    if (!data) return;
    setUpQuizzes(data);
    showUnitProgress(data);
    showCourseProgress(data);
    markNavigation(data);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
