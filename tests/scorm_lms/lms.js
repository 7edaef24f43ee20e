/* A learning platform as the tests need one (tests/test_browser_scorm.py): it launches a
   SCO of an unzipped package in a frame, with scorm-again's SCORM 1.2 API as window.API,
   records every call and every API error, and keeps what each SCO recorded for its next
   launch, as an LMS does: the next session starts from it, with cmi.core.entry "resume"
   after an exit "suspend". */
(function () {
  "use strict";

  var FUNCTIONS = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
                   "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];
  var SESSION_ONLY = ["cmi.core.exit", "cmi.core.session_time", "cmi.core.entry"];

  var lms = window.lms = {
    kept: {},        // sco -> the flattened cmi it left at LMSFinish
    sessions: {},    // sco -> [cmi.core.session_time of each session]
    calls: [],       // {sco, name, args, result, error}
    errors: [],      // the calls that left an error
    current: null
  };

  function recording(api, sco) {
    var proxy = {};
    FUNCTIONS.forEach(function (name) {
      proxy[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = api[name].apply(api, args);
        if (name.indexOf("LMSGet") !== 0 || name === "LMSGetValue") {
          var code = String(api.lmsGetLastError());
          var call = { sco: sco, name: name, args: args, result: String(result), error: code };
          lms.calls.push(call);
          if (code !== "0") lms.errors.push(call);
        }
        if (name === "LMSFinish") keep(api, sco);
        return result;
      };
    });
    return proxy;
  }

  function keep(api, sco) {
    var flat = api.getFlattenedCMI();
    (lms.sessions[sco] = lms.sessions[sco] || []).push(flat["cmi.core.session_time"]);
    lms.kept[sco] = flat;
  }

  /* Launch `sco` at `href` (its resource's href and its item's parameters), as an LMS does. */
  lms.launch = function (sco, href, masteryScore) {
    var api = new window.Scorm12API({ logLevel: 5, autocommit: false });
    var before = lms.kept[sco];
    var start = { "cmi.core.student_id": "learner-1", "cmi.core.student_name": "Learner, Test",
                  "cmi.core.lesson_mode": "normal", "cmi.core.credit": "credit",
                  "cmi.student_data.mastery_score": String(masteryScore) };
    if (before) {
      Object.keys(before).forEach(function (key) {
        if (SESSION_ONLY.indexOf(key) < 0 && before[key] !== "") start[key] = before[key];
      });
      start["cmi.core.entry"] = before["cmi.core.exit"] === "suspend" ? "resume" : "";
    } else {
      start["cmi.core.entry"] = "ab-initio";
    }
    api.loadFromFlattenedJSON(start);
    lms.api = api;
    lms.current = sco;
    window.API = recording(api, sco);
    document.getElementById("sco").src = href;
  };

  /* The learner leaves the unit (another SCO chosen, the player closed). */
  lms.leave = function () {
    document.getElementById("sco").src = "about:blank";
  };
})();
