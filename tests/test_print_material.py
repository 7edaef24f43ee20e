"""The trainer's kit, read back from the real PDFs: a handout of every unit in
every language (its text, every quiz question with boxes to tick, every
exercise as a worksheet, no answer), the trainers' material (the trainer
pages and the answer key), links to them on the site, and every PDF tagged
for screen readers (PDF/UA-1): structure, language, title, bookmarks, the
pictures' text."""

from __future__ import annotations

import pytest
from site_pages import parse, resolve
from test_pdf import Book, built_page, normal, unit_title

from course import PROJECT_ROOT
from course.config import default_language, languages, read_mkdocs_yml
from course.print import pdf_check, print_book
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
UNITS = print_book.handout_sources(read_mkdocs_yml()["nav"])
TRAINER_PAGES = print_book.trainer_sources(read_mkdocs_yml()["nav"])


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


def handout(site, lang, unit) -> Book:
    path = site / print_book.handout_job(lang, DEFAULT, unit).pdf
    assert path.is_file(), f"{lang}: no handout of {unit}"
    return Book(path)


def test_every_unit_of_the_course_parts_gets_a_handout():
    assert len(UNITS) == 11 and "what-is-peer-support.md" in UNITS and not any(u.startswith("trainer/") for u in UNITS)


def test_every_handout_holds_its_units_text_questions_and_worksheets_and_no_answer(site, lang):
    words = load_strings(lang)
    for unit in UNITS:
        text = " ".join(handout(site, lang, unit).pages)
        soup = parse(built_page(site, lang, unit))
        assert unit_title(site, lang, unit) in text, f"{lang}/{unit}: the handout lacks the unit's title"
        for question in soup.select(".quiz-question .quiz__text"):
            assert normal(question.get_text()) in text, f"{lang}/{unit}: the handout lacks {question.get_text()!r}"
        for exercise in soup.select(".exercise__title strong"):
            assert normal(exercise.get_text()) in text, (
                f"{lang}/{unit}: the handout lacks the exercise {exercise.get_text()!r}"
            )
        for feedback in soup.select(".quiz__feedback"):
            assert normal(feedback.get_text())[:60] not in text, f"{lang}/{unit}: the handout gives an answer away"
        for label in (words["quiz"]["right"], words["print"]["answer_key"]):
            assert normal(label) not in text, f"{lang}/{unit}: the handout prints {label!r}"
        assert normal(words["print"]["handout"]) in text


def test_the_trainers_material_holds_the_trainer_pages_and_the_whole_answer_key(site, lang):
    words = load_strings(lang)
    doc = Book(site / print_book.trainers_job(lang, DEFAULT).pdf)
    text = " ".join(doc.pages)
    assert normal(words["print"]["trainers_edition"]) in doc.page(1)
    for src in ("trainer/guidelines.md", "trainer/identities-exercise.md", "trainer/attendance-list.md"):
        title = unit_title(site, lang, src)
        assert title in text, f"{lang}: the trainers' material lacks {title!r}"
    assert normal(words["print"]["answer_key"]) in text
    for unit in UNITS:
        for question in parse(built_page(site, lang, unit)).select(".quiz-question .quiz__text"):
            assert normal(question.get_text()) in text, f"{lang}: the answer key lacks {question.get_text()!r}"


def test_each_unit_page_links_to_its_handout_and_the_trainers_page_lists_every_pdf(site, lang):
    words = load_strings(lang)
    for unit in UNITS:
        page = built_page(site, lang, unit).relative_to(site)
        links = [
            a
            for a in parse(site / page).select(".course-download a")
            if a.get_text(strip=True) == words["print"]["handout_download"]
        ]
        assert links, f"{page}: no link to its handout"
        target, _ = resolve(site, page, links[0]["href"])
        assert target.as_posix() == print_book.handout_job(lang, DEFAULT, unit).pdf
    page = built_page(site, lang, "trainer/printables.md").relative_to(site)
    listed = {resolve(site, page, a["href"])[0].as_posix() for a in parse(site / page).select(".printables a")}
    expected = {
        print_book.pdf_path(lang, DEFAULT),
        print_book.trainers_job(lang, DEFAULT).pdf,
        *(print_book.handout_job(lang, DEFAULT, unit).pdf for unit in UNITS),
        *(print_book.handout_job(lang, DEFAULT, src).pdf for src in hand_outs(lang)),
    }
    assert listed == expected, f"{page}: lists {sorted(listed ^ expected)} wrongly"
    assert all((site / pdf).is_file() for pdf in listed)


def hand_outs(lang) -> list[str]:
    """The trainers' pages that go to participants (front matter `hand_out: true`)."""
    return [
        src
        for src in TRAINER_PAGES
        if read_front_matter(PROJECT_ROOT / "docs" / lang / src).data.get("hand_out") is True
    ]


def test_the_forms_for_participants_print_on_their_own_without_the_trainers_apparatus(site, lang):
    """The forms and the contacts sheet: a PDF each, with the title and the form, without the summary
    for trainers, the notices under the title or a paragraph for trainers; a page written for this
    edition says so once on each page, at its foot. Each keeps to its sheet of paper (two sides), and
    its header says it is for participants."""
    words = load_strings(lang)
    found = hand_outs(lang)
    assert {"trainer/evaluation-sheet.md", "trainer/complaints-form.md", "trainer/contacts-sheet.md"} <= set(found)
    assert "trainer/attendance-list.md" in found
    for src in found:
        doc = Book(site / print_book.handout_job(lang, DEFAULT, src).pdf)
        text = " ".join(doc.pages)
        soup = parse(built_page(site, lang, src))
        assert unit_title(site, lang, src) in doc.page(1), f"{lang}/{src}: no title on its first page"
        # its header says who it is for, not "Handout" (a unit's handout, for learners)
        assert normal(words["print"]["for_participants"]) in doc.page(1), f"{lang}/{src}: {doc.page(1)[:200]!r}"
        assert normal(words["print"]["handout"]) not in doc.page(1), f"{lang}/{src}: called a handout"
        if src != CARDS:  # the cards: a page for each set (test below)
            assert len(doc.pages) <= 2, f"{lang}/{src}: {len(doc.pages)} pages"
        summary = soup.select_one(".page-summary")
        if summary:
            assert normal(summary.get_text())[:50] not in text, f"{lang}/{src}: prints the summary for trainers"
        assert normal(words["status"]["draft"])[:40] not in text, f"{lang}/{src}: prints the draft banner"
        for note in soup.select(".for-trainers"):
            assert normal(note.get_text())[:50] not in text, f"{lang}/{src}: prints a note for trainers"
        edition = normal(words["status"]["edition"])
        if soup.select_one(".edition-notice"):
            for number, page in enumerate(doc.pages, start=1):
                assert page.count(edition) == 1, f"{lang}/{src} p. {number}: the edition's mark {page.count(edition)}x"
    assert len(Book(site / print_book.handout_job(lang, DEFAULT, "trainer/contacts-sheet.md").pdf).pages) == 1
    # In the trainers' material, the contacts sheet is a page of its own, and no form runs to a third page.
    trainers = Book(site / print_book.trainers_job(lang, DEFAULT).pdf)
    for src in (src for src in found if src != CARDS):
        title = unit_title(site, lang, src)
        # its pages: those whose running header (the first words of the page) names it
        pages = [n for n, page in enumerate(trainers.pages, start=1) if title in page[: len(title) + 60]]
        assert 1 <= len(pages) <= 2, f"{lang}: {title!r} on the trainers' pages {pages}"
    contacts = unit_title(site, lang, "trainer/contacts-sheet.md")
    (page,) = [page for page in trainers.pages if contacts in page[: len(contacts) + 60]]
    assert normal(words["status"]["edition"]) in page


CARDS = "trainer/cards.md"


def test_the_cards_of_the_group_work_print_a_set_on_each_page_in_the_units_own_words(site, lang):
    """The cards the facilitator's guide uses (`trainer/cards.md`, `/// cards` with `layout:`), in
    the trainers' material and in a PDF of their own: after the page of instructions, a page for
    each set, holding that set only. Ten letter cards (the language's quiz letters, A to E twice);
    four GROW cards and two observer sheets whose questions and lists are the unit's own words; ten
    blank identity cards; ImROC's five names and five descriptions, as the unit gives them; the six
    words that *Benefits of peer support* gives for the wellness model and the illness model."""
    words = load_strings(lang)
    letters = words["quiz"]["letters"][:5]
    page = parse(built_page(site, lang, CARDS))
    layouts = [el.get("class") for el in page.select(".cut-out-cards")]
    assert layouts == [
        ["cut-out-cards", "cut-out-cards--letters"],
        ["cut-out-cards", "cut-out-cards--pocket"],
        ["cut-out-cards", "cut-out-cards--sheet"],
        ["cut-out-cards"],
        ["cut-out-cards", "cut-out-cards--sentences"],
        ["cut-out-cards"],
    ], layouts
    unit = parse(built_page(site, lang, "supportive-communication.md"))
    grow = [normal(li.get_text()) for li in page.select(".cut-out-cards--pocket > ul > li")[0].select("li")]
    assert len(grow) == 8
    questions = {normal(li.get_text()) for li in unit.select(".exercise li")}
    # (a question rated from 1 to 10 carries the numbers after its words on the site)
    missing = [q for q in grow if not any(question.startswith(q) for question in questions)]
    assert not missing, f"{lang}: GROW cards not in the unit's words: {missing}"
    lists = [
        normal(li.get_text())
        for sel in ("#acceptance", "#genuineness", "#empathy")
        for li in unit.select(f"{sel} + p + ul > li")
    ]
    assert len(lists) == 15, lists
    imroc = [
        normal(li.get_text()).split(": ", 1)
        for li in parse(built_page(site, lang, "what-peer-support-can-do.md")).select(
            "#how-it-makes-a-difference + p + ul > li"
        )
    ]
    assert len(imroc) == 5, imroc
    # the word cards: the unit's own words for the two models (a word may change its ending on a card)
    models = [normal(li.get_text()) for li in page.select(".cut-out-cards > ul")[-1].select(":scope > li")]
    assert len(models) == 6, models
    benefits = parse(built_page(site, lang, "benefits-of-peer-support.md"))
    section = []
    for el in benefits.select_one("#wellness-model").find_next_siblings():
        if el.name == "h2":
            break
        section.append(normal(el.get_text()))
    stems = {w[:4] for w in " ".join(section).lower().replace(",", " ").split()}
    strays = [
        card
        for card in models
        if any(w[:4] not in stems for w in card.lower().replace(",", " ").split() if len(w) >= 4)
    ]
    assert not strays, f"{lang}: word cards not in the unit's words: {strays}"
    title = unit_title(site, lang, CARDS)
    trainers = Book(site / print_book.trainers_job(lang, DEFAULT).pdf)
    start = next(n for n, page in enumerate(trainers.pages) if page.startswith(title))
    in_trainers = trainers.pages[start : start + 7]
    after = unit_title(site, lang, TRAINER_PAGES[TRAINER_PAGES.index(CARDS) + 1])
    assert trainers.pages[start + 7].startswith(after), f"{lang}: the cards run past 7 pages in the trainers' material"
    alone = Book(site / print_book.handout_job(lang, DEFAULT, CARDS).pdf).pages

    def squeeze(text: str) -> str:  # a line may break after a slash ("viden/erkendelse"): no spaces
        return "".join(text.split())

    for where, pages in (("trainers' material", in_trainers), ("its own PDF", alone)):
        assert len(pages) == 7, f"{lang}, {where}: the cards take {len(pages)} pages, not 1 + 6 sets"
        letter_page, grow_page, observer_page, blank_page, imroc_page, model_page = pages[1:]
        singles = [w for w in letter_page.split() if len(w) == 1 and w in letters]
        assert singles == letters * 2, f"{lang}, {where}: the letter cards read {singles}"
        for question in grow:
            assert squeeze(grow_page).count(squeeze(question)) == 4, (
                f"{lang}, {where}: {question!r} not on each GROW card"
            )
        for item in lists:
            assert squeeze(item) in squeeze(observer_page), f"{lang}, {where}: the observer sheet lacks {item!r}"
        assert blank_page.count("……") >= 10 and not any(q in blank_page for q in grow)
        for name, description in imroc:
            assert squeeze(name) in squeeze(imroc_page) and squeeze(description) in squeeze(imroc_page), (
                f"{lang}, {where}: ImROC's {name!r}"
            )
        for other in (grow_page, observer_page, blank_page):
            assert imroc[0][1] not in other, f"{lang}, {where}: ImROC's cards share a page with another set"
        for card in models:
            assert squeeze(card) in squeeze(model_page), f"{lang}, {where}: the word card {card!r}"
        assert squeeze(imroc[0][1]) not in squeeze(model_page), f"{lang}, {where}: the word cards share ImROC's page"


def every_pdf(site, lang):
    return [
        print_book.pdf_path(lang, DEFAULT),
        print_book.trainers_job(lang, DEFAULT).pdf,
        *(print_book.handout_job(lang, DEFAULT, unit).pdf for unit in UNITS),
    ]


def test_every_pdf_is_tagged_for_screen_readers_with_language_title_bookmarks_and_picture_text(site, lang):
    for pdf in every_pdf(site, lang):
        found = pdf_check.structure(site / pdf)
        assert found.tagged and found.ua_part == "1", f"{pdf}: not tagged as PDF/UA-1"
        assert found.lang == lang, f"{pdf}: language {found.lang!r}"
        assert found.title and found.bookmarks, f"{pdf}: title {found.title!r}, {found.bookmarks} bookmarks"
        for kind in ("H1", "P", "L", "LI"):
            assert found.tags.get(kind), f"{pdf}: no {kind} in its structure"
        assert all(found.figure_alts), f"{pdf}: a picture without text: {found.figure_alts}"
    book = pdf_check.structure(site / print_book.pdf_path(lang, DEFAULT))
    assert book.tags.get("Table") and book.tags.get("TH"), "the book's tables are not tagged as tables"
    assert book.figure_alts and all(alt for alt in book.figure_alts), "the circles have no text for screen readers"
    circles = pdf_check.structure(site / print_book.handout_job(lang, DEFAULT, "supportive-communication.md").pdf)
    caption = parse(built_page(site, lang, "supportive-communication.md")).select_one(".circles-figure figcaption")
    assert any(caption.get_text(strip=True) in alt for alt in circles.figure_alts), circles.figure_alts


def test_titles_quoted_in_another_language_are_tagged_with_it_on_the_site_and_in_the_book(site):
    """The About page quotes its sources' titles in Greek, Slovenian and Danish: marked on the page
    ({lang=xx}), and tagged with their language in the English book, for a screen reader's voice."""
    marked = {el["lang"] for el in parse(site / "about.html").select("article [lang]")}
    assert {"el", "sl", "da"} <= marked, marked
    tagged = pdf_check.structure(site / print_book.pdf_path("en", DEFAULT)).passage_langs
    assert {"el", "sl", "da"} <= set(tagged), tagged
