"""The worker-competencies tables on a phone: wide tables scroll sideways in a
region a keyboard can reach, and no cell's text is cut."""

import pytest

from course.config import default_language, language_root, languages

pytestmark = pytest.mark.browser

LANGS = [lang.code for lang in languages()]
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", LANGS)
def test_wide_tables_scroll_on_a_phone_and_no_cell_is_cut(browser, site_url, lang):
    prefix = language_root(lang, default_language())
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/{prefix}worker-competencies.html", wait_until="load")
    tables = page.evaluate("""() => Array.from(document.querySelectorAll('article table')).map(table => {
        const wrap = table.closest('.md-typeset__scrollwrap');
        return {
          rows: table.rows.length,
          wider: table.scrollWidth > document.documentElement.clientWidth,
          overflow: wrap ? getComputedStyle(wrap).overflowX : getComputedStyle(table).overflowX,
          focusable: wrap ? wrap.tabIndex === 0 : false,
          pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          cut: Array.from(table.querySelectorAll('td, th')).filter(c => c.scrollWidth > c.clientWidth + 1
                 || c.scrollHeight > c.clientHeight + 1).map(c => c.textContent.slice(0, 40)),
        };
    })""")
    context.close()
    assert len(tables) == 3 and [t["rows"] for t in tables] == [4, 5, 5], tables
    for table in tables:
        assert not table["cut"], f"{lang}: cells cut: {table['cut']}"
        assert not table["pageScrollsSideways"], f"{lang}: the whole page scrolls sideways"
        if table["wider"]:
            assert table["overflow"] in ("auto", "scroll") and table["focusable"], f"{lang}: {table}"
