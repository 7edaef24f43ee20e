"""The course on paper: the print pages of each language (print_book: the
book, the trainers' material, a handout per unit, reshaped from the rendered
pages, with the template overrides/print/book.html and the stylesheet
overrides/assets/stylesheets/print-book.css), rendered to tagged PDFs with
WeasyPrint and kept in a cache (pdf_build), and read back to check fonts and
glyphs (pdf_check) and how the pages look (page_images: pages drawn as pictures,
words with their places, a page compared with its approved picture); which Debian
font packages a language needs, and what to install when a character cannot be
printed (fonts).

May import: `course`, `course.errors`, `course.config`, `course.sources`,
WeasyPrint, lxml, pypdf, fontTools and Pillow (with Debian's poppler-utils).
Nothing above it (web, build).
"""
