"""One build, from start to end: every source checked before anything is
written (source_check), the facts the hooks need from a running MkDocs build
(mkdocs_run), and the whole site, its PDFs and offline zip built beside the
last good site and swapped in only when all of it succeeded (site_build).

The top of the package: may import everything below it (`course.config`,
`course.sources`, `course.blocks`, `course.translation`, `course.print`,
`course.web`) and MkDocs. Nothing in `course` imports it; hooks/ and scripts/
do.
"""
