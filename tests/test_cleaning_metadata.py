"""Author names from bylines: the classes of slips seen on real pages, with hand-written expectations."""
from __future__ import annotations

import pytest

from pipeline.cleaning.metadata import clean_author


@pytest.mark.parametrize(("byline", "name"), [
    ("By Erin Cunningham March 24 at 2:21 PM", "Erin Cunningham"),   # a date glued on, from its month
    ("Associated Press November", "Associated Press"),                # the month its digits left behind
    ("Jane Smith Nov. 3, 2020", "Jane Smith"),
    ("Theresa May 12 June 2019", "Theresa May"),                      # 'May' is a surname as often as a month
    ("Jane May", "Jane May"),
    ("By Jane Smith, Political Editor", "Jane Smith"),
])
def test_a_byline_gives_the_name_alone(byline: str, name: str) -> None:
    assert clean_author(byline) == name


@pytest.mark.parametrize("label", ["By", "by:", "No Author", "Author", "admin"])
def test_a_bare_label_names_nobody(label: str) -> None:
    assert clean_author(label) is None


def test_a_copyright_year_is_no_publication_date() -> None:
    """A page that states no date of its own has none, even when its footer names a year."""
    from pipeline.cleaning import clean_document

    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    html = (f"<html><head><title>Budget gap widens</title></head><body><article><h1>Budget gap widens</h1>"
            f"<p>{prose}</p><p>{prose}</p></article><footer><p>© Example News 2024</p></footer></body></html>")
    assert clean_document(html, "html").published_date is None
