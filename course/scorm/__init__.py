"""The course in an organisation's learning platform (LMS): one SCORM 1.2 package
per language, `downloads/peer-support-course-<lang>-scorm12.zip`, made from the
built site after the offline zip (README, "The course in a learning platform").

- package: what goes into a language's package (its pages, their PDFs, every
  file the pages load, the schemas), and the zip;
- pages: a built page made fit for the package (no service worker, no offer to
  keep the course on the device, no language switcher, no link out of the
  package; on a unit's page, the reporting script and the privacy notice);
- manifest: `imsmanifest.xml`, one SCO per unit in the order of `nav:`,
  grouped by part, every file each SCO loads listed as a resource;
- schemas/: ADL's and IMS's SCORM 1.2 schemas, shipped in each package and
  used by the tests.

The reporting itself runs in the learner's browser:
overrides/assets/javascripts/scorm.js, which talks to course.js through events.

May import: `course`, `course.errors`, `course.config`, `course.sources`,
`course.web` (what a page loads, the zip's dates), `course.print` (which part
of `nav:` is the trainers'), lxml. Nothing above it (build).
"""
