"""The course's own Markdown blocks (`/// quiz`, `/// exercise`, `/// cards`,
`/// circles`, `/// steps`, …): how authors write them (syntax), how they are
read (quiz, exercises), how they render (extension, the Python-Markdown
extension that mkdocs.yml loads), and the rules a unit's quiz keeps in every
language (quiz_quality), with its blind sheet (quiz_sheet).

May import: `course`, `course.errors`, `course.config`, `course.sources`,
pymdownx and Markdown. Nothing above it (translation, print, web, build).
"""
