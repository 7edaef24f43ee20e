"""Keeping every language in step with the page it was translated from: each
page's state (source, draft, reviewed, untranslated, outdated) from the hash
of the source text it was made from (status), the translation status page
(status_page), every page in every language tree (trees), and a new language
added in one step (new_language).

May import: `course`, `course.errors`, `course.config`, `course.sources`,
`course.blocks`. Nothing above it (print, web, build).
"""
