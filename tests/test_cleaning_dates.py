"""Dates and comment headers as pages write them."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline.cleaning import clean_document
from pipeline.cleaning.comments import parse_header, posted_at
from pipeline.cleaning.dates import find_datetime, is_relative, local_date, parse_iso, stated_dates
from pipeline.cleaning.fallback import htmldate_published


@pytest.mark.parametrize(("text", "day", "has_time"), [
    ("Published 3rd March 2020 at 10:30am", date(2020, 3, 3), True),
    ("June 21, 2019", date(2019, 6, 21), False),
    ("21/06/2019Peter Kyle MP", date(2019, 6, 21), False),
    ("Mon 12 Oct 2020 17.41 BST", date(2020, 10, 12), True),
    ("2019-06-21T10:00:00Z", date(2019, 6, 21), True),
    ("Publié le 3 mars 2021 à 18h30", date(2021, 3, 3), False),
    ("06:00, 18 OCT 2022", date(2022, 10, 18), False),
])
def test_dates_as_written(text: str, day: date, has_time: bool) -> None:
    dt, timed = find_datetime(text)
    assert dt is not None and dt.date() == day and timed == has_time


@pytest.mark.parametrize(("text", "tz", "day"), [
    ("Published on 01/12/2008", "Europe/London", date(2008, 12, 1)),  # both numbers a month: the UK reads day first
    ("Posted 12/19/2007 16:36", "Europe/London", date(2007, 12, 19)),  # 19 is no month: month first
    ("1/10/2008, 3:50 a.m. EST", "Europe/London", date(2008, 1, 10)),  # a North American zone: month first
    ("Published on 01/12/2008", "America/New_York", date(2008, 1, 12)),  # a source in the Americas: month first
    ("Posted 19/12/2007", "America/New_York", date(2007, 12, 19)),  # 19 is no month, wherever the source is
    ("2008-01-10 08:50", "America/New_York", date(2008, 1, 10)),  # ISO 8601 is never swapped
])
def test_numeric_dates_are_read_day_or_month_first_on_evidence(text: str, tz: str, day: date) -> None:
    dt, _ = find_datetime(text, tz)
    assert dt is not None and dt.date() == day


def test_a_north_american_zone_gives_the_time_its_offset() -> None:
    dt, _ = find_datetime("1/10/2008, 3:50 a.m. EST")
    assert dt.astimezone(UTC) == datetime(2008, 1, 10, 8, 50, tzinfo=UTC)


@pytest.mark.parametrize("text", ["Published date", "31/02/2019", "The 2008 crash", "page 3 of 12", "£1.7bn"])
def test_no_date(text: str) -> None:
    assert find_datetime(text)[0] is None


def test_local_times_are_in_the_given_zone() -> None:
    dt, _ = find_datetime("5 May 2022 at 10:14 am", "Europe/London")
    assert dt.astimezone(UTC) == datetime(2022, 5, 5, 9, 14, tzinfo=UTC)
    dt, _ = find_datetime("5 January 2022 at 10:14 am", "Europe/London")
    assert dt.astimezone(UTC) == datetime(2022, 1, 5, 10, 14, tzinfo=UTC)


def test_utc_instants_fall_on_the_local_calendar_day() -> None:
    assert local_date(parse_iso("2021-07-01T23:30:00Z"), "Europe/London") == date(2021, 7, 2)
    assert local_date(parse_iso("2021-07-01T23:30:00-05:00"), "Europe/London") == date(2021, 7, 1)
    assert local_date(parse_iso("2021-07-01"), "Europe/London") == date(2021, 7, 1)


def test_relative_times() -> None:
    assert is_relative("2 hours ago") and is_relative("yesterday") and not is_relative("2 May 2020")
    assert posted_at("3 hours ago", "Europe/London", None) is None


def test_comment_times_after_ingest_are_dropped() -> None:
    now = datetime(2020, 1, 1, tzinfo=UTC)
    assert posted_at("5 May 2022 at 10:14 am", "Europe/London", now) is None
    assert posted_at("5 May 2019 at 10:14 am", "Europe/London", now) == datetime(2019, 5, 5, 9, 14, tzinfo=UTC)


@pytest.mark.parametrize(("text", "author"), [
    ("1. Comment by phil Parker posted on", "phil Parker"),
    ("Tom Reid says:", "Tom Reid"),
    ("J. Osei says:", "J. Osei"),
    ("John Smith on April 3, 2019 at 4:15 pm said:", "John Smith"),
    ("Posted by Sam Lee on 3 May 2021", "Sam Lee"),
])
def test_comment_headers(text: str, author: str) -> None:
    found = parse_header(text)
    assert found is not None and found[0] == author


def test_prose_is_not_a_comment_header() -> None:
    assert parse_header("The council says it will review the scheme next year and publish the results.") is None


NEW_YEAR_PAGE = ("<html><body><p class='headtypea'>17:20, {day} <br></p><h1>Council sets budget</h1><p>The council "
                 "agreed its budget for the coming year after a long debate about services and charges in the town."
                 "</p><p class='copyrightline'>&copy; 2008 Harbour News</p></body></html>")


@pytest.mark.parametrize("text", ["17:20, Jan 1 2008", "Tuesday\xa01st\xa0January\xa02008", "January  1, 2008",
                                  "2008-01-01", "01/01/2008", "Updated 1 Jan. 2008, 10:30am"])
def test_new_years_day_as_written(text: str) -> None:
    assert date(2008, 1, 1) in stated_dates(text)


def test_every_stated_date_is_read() -> None:
    text = "Posted 3 March 2020. Updated March 5, 2020 at 10:30am; see 21/06/2019 and 2021-02-03T10:00Z. (c) 2008"
    assert list(stated_dates(text)) == [date(2021, 2, 3), date(2020, 3, 3), date(2020, 3, 5), date(2019, 6, 21)]


@pytest.mark.parametrize("day", ["Jan 1 2008", "Tuesday&nbsp;1st&nbsp;January&nbsp;2008", "January  1, 2008"])
def test_new_years_day_written_out_is_the_date(day: str) -> None:
    doc = clean_document(NEW_YEAR_PAGE.format(day=day), "html", now=datetime(2026, 1, 1, tzinfo=UTC))
    assert doc.published_date == date(2008, 1, 1)


def test_a_bare_year_is_not_new_years_day() -> None:
    """htmldate reads a page whose only date is its copyright year as 1 January of it: no date."""
    page = NEW_YEAR_PAGE.format(day="Harbour desk")
    assert htmldate_published(page, datetime(2026, 1, 1, tzinfo=UTC)) == date(2008, 1, 1)
    assert clean_document(page, "html", now=datetime(2026, 1, 1, tzinfo=UTC)).published_date is None
