"""How course/print/print_book.py reshapes a unit for paper, on Markdown rendered
with the course's own blocks: the answers leave the unit for the answer key,
the quiz loses its controls, worksheets get their lines, links stay inside the book."""

import lxml.html
import markdown

from course.print import print_book
from course.sources.strings import load_strings

# Links as MkDocs writes them into a page: to .html, relative to the page.
UNIT = """# A unit

See [the other unit](../other.html#why) and [this part](#tasks).

## Tasks {#tasks}

/// quiz | Which is right?
- [x] This one.
    Yes, because the unit says so.
- [ ] That one.
    No, the unit says otherwise.
///

/// exercise | Circles of helpers
    lines: 5

Draw your circles.

//// answer
The people closest to you are in the middle circle.
////
///
"""


def render(text: str) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "tables", "course.blocks.extension"],
        extension_configs={"course.blocks.extension": {"strings": load_strings("en")}},
    )
    return md.convert(text)


def reshape(text: str):
    unit = print_book.Unit(src="part/unit.md", title="A unit", url="el/part/unit.html", content=render(text))
    other = print_book.Unit(src="other.md", title="Other", url="el/other.html", content="")
    links = print_book._Links([unit, other], print_book.print_page_path("el", "en"))
    html, key = print_book.reshape_unit(unit, links)
    return lxml.html.fragment_fromstring(html, create_parent="div"), key


def test_the_answers_leave_the_unit_for_the_answer_key():
    root, key = reshape(UNIT)
    text = root.text_content()
    assert "Yes, because" not in text and "middle circle" not in text
    assert not root.xpath("//details"), "an answer is still in the unit"
    assert [(q.label, q.text) for q in key.questions] == [("Question 1.", "Which is right?")]
    assert "Yes, because the unit says so." in key.questions[0].answers
    assert [e.title for e in key.exercises] == ["Exercise: Circles of helpers"]
    assert "middle circle" in key.exercises[0].answer


def test_the_quiz_prints_as_options_with_boxes_and_no_controls():
    root, _ = reshape(UNIT)
    assert not root.xpath("//input | //button | //form | //fieldset")
    assert len(root.xpath("//span[contains(@class, 'tick-box')]")) == 2
    assert "This one." in root.text_content() and "Check my answer" not in root.text_content()


def test_an_exercise_gets_as_many_ruled_lines_as_asked():
    root, _ = reshape(UNIT)
    assert len(root.xpath("//div[@class='worksheet-line']")) == 5


def test_links_lead_inside_the_book_and_ids_are_unique_in_it():
    root, _ = reshape(UNIT)
    hrefs = [a.get("href") for a in root.iter("a")]
    assert "#u-other--why" in hrefs and "#u-part-unit--tasks" in hrefs, hrefs
    assert root.get_element_by_id("u-part-unit--tasks") is not None


def test_a_table_of_empty_cells_is_a_form_to_fill_in():
    root, _ = reshape("| No. | Name |\n| --- | --- |\n| 1 |   |\n| 2 |   |\n\n| a | b |\n| --- | --- |\n| x | y |\n")
    assert [t.get("class") for t in root.iter("table")] == ["form-table", "content-table"]


def test_page_furniture_words_become_css_content():
    assert print_book.css_content("Σελίδα {page} από {pages}") == '"Σελίδα " counter(page) " από " counter(pages)'
    assert print_book.css_content('Page "{page}"') == '"Page \\"" counter(page) "\\""'
