"""What the built site carries beyond MkDocs' own output: a search index per
language (search_index), the HTML a page may hold, checked after rendering
(safe_html), what a learner's device keeps of a language and the app manifest
(offline_copy, web_app), and the whole site as one zip (offline_package).

May import: `course`, `course.errors`, `course.config`, `course.sources`,
lxml. Nothing above it (build).
"""
