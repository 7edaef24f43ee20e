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


WORKSHEET = """/// exercise | Options
    id: options
    lines: 12
    lists: 2
    rated-lists: 3
    ratings: 4

- What could you do?
- Make a list of all the options.
- Rate each option from 1 to 10.
- How committed are you, from 1 to 10?
///
"""


def test_each_answer_gets_its_share_of_the_lines_never_fewer_than_the_minimum_on_screen_and_on_paper():
    from course.blocks.extension import MIN_LINES_PER_ANSWER

    root = lxml.html.fragment_fromstring(render(WORKSHEET), create_parent="div")
    questions = root.xpath("//section[@class='exercise']//ul/li")
    lines = [len(li.xpath("./div[@class='worksheet-lines']/div")) for li in questions]
    assert lines == [4, 4, 4, 0], "12 lines for three written answers; a number to circle takes none"
    assert root.xpath("//textarea/@rows") == ["4"], "the box on screen has as many lines as the paper"
    few = lxml.html.fragment_fromstring(render(WORKSHEET.replace("lines: 12", "lines: 2")), create_parent="div")
    assert [len(li.xpath("./div[@class='worksheet-lines']/div")) for li in few.xpath("//ul/li")][:3] == [
        MIN_LINES_PER_ANSWER
    ] * 3


def test_numbers_to_circle_are_one_box_each_and_a_rated_list_has_them_on_every_line():
    root = lxml.html.fragment_fromstring(render(WORKSHEET), create_parent="div")
    rating = root.xpath("//ul/li[4]/p[@class='print-scale']")[0]
    assert [span.text for span in rating] == [str(n) for n in range(1, 11)], "10 is one box, not '1 0'"
    rated = root.xpath("//ul/li[3]//div[@class='worksheet-line']")
    assert rated and all(len(line.xpath(".//span[@class='print-scale__number']")) == 10 for line in rated)


def test_options_are_lettered_in_the_quiz_and_in_the_key_and_the_grid_names_letters_and_headings():
    unit = print_book.Unit(src="part/unit.md", title="A unit", url="el/part/unit.html", content=render(UNIT))
    links = print_book._Links([unit], print_book.print_page_path("el", "en"))
    html, key = print_book.reshape_unit(unit, links, ["Α", "Β", "Γ"])
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [span.text for span in root.xpath("//span[@class='quiz__letter']")] == ["Α", "Β"]
    question = key.questions[0]
    assert (question.number, question.letters) == (1, ["Α"])
    assert question.answers.count('class="quiz__letter"') == 2


def test_a_list_whose_items_carry_their_own_letters_has_no_bullets():
    root = lxml.html.fragment_fromstring(
        render("- **a.** Is the room accessible?\n- **b.** Is it easy to find?\n\nRoles:\n\n- Supporter?\n- Mentor?\n"),
        create_parent="div",
    )
    assert [ul.get("class") for ul in root.iter("ul")] == ["labelled-list", None]


HUB = """//// hub | You in the centre
- You
- Supporter?
- Mentor?
- Colleague?
- Advocate?
- Friend?
- Apprentice?
////
"""


def test_the_hub_draws_the_first_word_in_the_centre_and_the_others_at_one_distance_in_no_order():
    import math

    root = lxml.html.fragment_fromstring(render(HUB.replace("////", "///")), create_parent="div")
    svg = root.xpath("//figure[contains(@class, 'hub-figure')]//svg")[0]
    centre = svg.xpath("./circle")[0]
    cx, cy = float(centre.get("cx")), float(centre.get("cy"))
    around = svg.xpath("./ellipse")
    distances = {round(math.hypot(float(e.get("cx")) - cx, float(e.get("cy")) - cy)) for e in around}
    assert len(around) == 6 and len(distances) == 1, distances
    assert [t.text for t in svg.xpath("./text")] == [
        "You",
        "Supporter?",
        "Mentor?",
        "Colleague?",
        "Advocate?",
        "Friend?",
        "Apprentice?",
    ]
    # Black lines on white, whatever draws it: no shape is left to be filled black.
    assert all(shape.get("fill") == "#ffffff" for shape in [centre, *around])
    assert "visually-hidden" in root.xpath("//div[contains(@class, 'hub-figure__legend')]")[0].get("class")
    assert "in no order" in svg.xpath("./title")[0].text


def test_on_paper_a_drawings_words_are_text_laid_over_it_where_it_had_them():
    unit = print_book.Unit(src="u.md", title="U", url="u.html", content=render(HUB.replace("////", "///")))
    html, _ = print_book.reshape_unit(unit, print_book._Links([unit], "print.html"))
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert not root.xpath("//svg//text"), "WeasyPrint sets SVG text letter by letter: no script survives it"
    labels = root.xpath("//div[contains(@class, 'drawing__picture')]/span[@class='drawing__label']")
    assert [label.text for label in labels][:2] == ["You", "Supporter?"]
    assert all("left:" in label.get("style") and "top:" in label.get("style") for label in labels)
