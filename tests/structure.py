"""The structure of a built page that every translation must share with its
source: headings, list items, table rows, links, numbers and URLs, and the
quiz's answer key. Read from the real HTML that MkDocs wrote."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup

DIGITS = re.compile(r"\d+")
# What the build adds around the author's text: not part of a translation.
CHROME = (
    ".translation-status",
    ".headerlink",
    ".quiz__number",
    ".course-progress",
    ".course-download",
    ".course-offline",
    ".printables",
    ".scorm-packages",
)


@dataclass
class PageStructure:
    heading_ids: list[str]
    list_items: int
    table_rows: int
    links: list[str]
    numbers: Counter
    urls: list[str]
    quiz: list[tuple[int, tuple[int, ...]]]  # per question: (number of options, indexes of right options)

    def unordered(self) -> PageStructure:
        """For a page each language sorts in its own alphabetical order (the glossary)."""
        return PageStructure(
            sorted(self.heading_ids),
            self.list_items,
            self.table_rows,
            sorted(self.links),
            self.numbers,
            sorted(self.urls),
            self.quiz,
        )

    def differences(self, other: PageStructure) -> list[str]:
        """What `other` (a translation) does not share with this page (its source)."""
        found = []
        if self.heading_ids != other.heading_ids:
            found.append(f"heading ids differ: source {self.heading_ids}, translation {other.heading_ids}")
        for name in ("list_items", "table_rows"):
            if getattr(self, name) != getattr(other, name):
                found.append(
                    f"{name.replace('_', ' ')}: source {getattr(self, name)}, translation {getattr(other, name)}"
                )
        if self.links != other.links:
            found.append(f"links differ: source {self.links}, translation {other.links}")
        if self.urls != other.urls:
            found.append(f"URLs differ: source {self.urls}, translation {other.urls}")
        if self.numbers != other.numbers:
            missing = self.numbers - other.numbers
            extra = other.numbers - self.numbers
            found.append(f"numbers differ: missing {sorted(missing.elements())}, added {sorted(extra.elements())}")
        return found

    def quiz_differences(self, other: PageStructure) -> list[str]:
        found = []
        if len(self.quiz) != len(other.quiz):
            found.append(f"{len(other.quiz)} quiz questions, the source has {len(self.quiz)}")
        for number, (mine, theirs) in enumerate(zip(self.quiz, other.quiz, strict=False), start=1):
            if mine[0] != theirs[0]:
                found.append(f"question {number} has {theirs[0]} options, the source has {mine[0]}")
            elif mine[1] != theirs[1]:
                found.append(
                    f"question {number}: right options {[i + 1 for i in theirs[1]]}, "
                    f"the source has {[i + 1 for i in mine[1]]}"
                )
        return found


def page_structure(html: str) -> PageStructure:
    article = BeautifulSoup(html, "lxml").select_one("article")
    for selector in CHROME:
        for el in article.select(selector):
            el.decompose()
    content = article
    answer_keys = [el.extract() for el in content.select(".quiz__answer-key")]  # repeats the options
    links = [a["href"] for a in content.select("a[href]")]
    quiz = [
        (
            len(q.select(".quiz__option")),
            tuple(i for i, o in enumerate(q.select(".quiz__option")) if o.get("data-correct") == "true"),
        )
        for q in content.select(".quiz-question")
    ]
    del answer_keys
    return PageStructure(
        heading_ids=[h.get("id", "") for h in content.select("h2, h3, h4")],
        list_items=len(content.select("li")),
        table_rows=len(content.select("tr")),
        links=[_normalise_link(href) for href in links],
        numbers=Counter(DIGITS.findall(_text_without_urls(content))),
        urls=[href for href in links if href.startswith(("http://", "https://"))],
        quiz=quiz,
    )


def _normalise_link(href: str) -> str:
    """Links in translations lead to the same page of their own tree: compare the path as written."""
    return href


def _text_without_urls(content) -> str:
    text = content.get_text(" ")
    return re.sub(r"https?://\S+", " ", text)
