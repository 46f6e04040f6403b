"""No single document can fail a run: metadata that cannot be a date, and pathological runs of characters."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline import cleaning
from pipeline.cleaning.dates import find_datetime, local_date, parse_iso

NOW = datetime(2024, 6, 1, tzinfo=UTC)
PAGE = ('<html><head><meta property="article:published_time" content="{when}"><title>Buses</title></head>'
        "<body><article><h1>Buses</h1><p>The council said it would spend £5m on buses in Derby next year, "
        "a rise of 4%.</p></article></body></html>")


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59-05:00",
                                  "1899-01-01T00:00:00Z", "2300-01-01"])
def test_placeholder_and_out_of_range_metadata_dates_are_no_date(when: str) -> None:
    doc = cleaning.clean_document(PAGE.format(when=when), "html", repeated={}, clean=True, hints={},
                                  publisher_default=None, timezone="Europe/London", now=NOW)
    assert doc.published_date is None
    assert "£5m on buses" in doc.body_text
    assert parse_iso(when) is None


def test_placeholder_date_in_hints_is_no_date() -> None:
    doc = cleaning.clean_document("Buses\n\nThe council said it would spend £5m on buses.", "text", repeated={},
                                  clean=True, hints={"published": "0001-01-01T00:00:00Z"}, publisher_default=None,
                                  timezone="Europe/London", now=NOW)
    assert doc.published_date is None and doc.body_text


def test_an_impossible_offset_keeps_the_date_and_drops_the_time() -> None:
    dt, has_time = find_datetime("Published 2019-06-21T10:30+99:00")
    assert dt is not None and dt.date() == date(2019, 6, 21) and not has_time


def test_the_first_instant_a_datetime_holds_does_not_overflow() -> None:
    assert local_date(datetime.min.replace(tzinfo=UTC), "Europe/London") == date(1, 1, 1)
