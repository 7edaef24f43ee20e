"""What people write, read and checked as text: a page's front matter, its
lines, headings and ids, links and pictures, the HTML it may ask for, and the
UI words of each language (i18n/<lang>.yml) with what they say about the
language's script, search and dates.

One job: turn a file an author or translator saved into something the rest
of the course can trust, or a ContentError that names the file, the line and
the fix.

May import: `course` (paths), `course.errors`, `course.config`, and the
standard library, PyYAML, Markdown and Babel (dates). Nothing above it (blocks, translation,
print, web, build).
"""
