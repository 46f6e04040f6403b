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
