"""Second opinions for HTML pages from maintained libraries: trafilatura's article (for the ensemble, and where we
find no article) and htmldate's publication date (where neither the markup nor a dateline states one)."""
from __future__ import annotations

import logging
import re
from datetime import date, datetime

MIN_OWN_WORDS = 40
# trafilatura's time grows with the square of a page's elements (5,000 paragraphs 4 s, 20,000 paragraphs 60 s;
# 8,000 links in one paragraph 60 s): past this many tags a page gets no second opinion, so cleaning stays linear
MAX_FALLBACK_TAGS = 10_000


def trafilatura_text(html: str) -> str | None:
    """The article text trafilatura extracts from a page (None when it finds none, fails, or the page has more
    than MAX_FALLBACK_TAGS tags)."""
    if html.count("<") > MAX_FALLBACK_TAGS:
        return None
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        # fast: no readability/jusText fallback inside trafilatura (measured: as good for us, a third quicker)
        return trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, fast=True,
                                   deduplicate=False, with_metadata=False)
    except Exception:  # noqa: BLE001 - a fall-back must never fail the document
        return None


# 1 January of a year written out as a day: numerically (2008-01-01, 01/01/2008, 20080101) or in English words
# ("Jan 1 2008", "1st January 2008"), spaces as markup writes them
_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;)+"
_YEAR = r"(?:19|20)\d\d"
NEW_YEARS_DAY = re.compile(
    rf"\b(?:(?P<a>{_YEAR})[-/.]0?1[-/.]0?1|0?1[-/.]0?1[-/.](?P<b>{_YEAR})|(?P<c>{_YEAR})0101"
    rf"|jan(?:uary|\.)?{_GAP}0?1(?:st)?,?{_GAP}(?P<d>{_YEAR})|0?1(?:st)?{_GAP}jan(?:uary|\.)?,?{_GAP}(?P<e>{_YEAR}))\b",
    re.IGNORECASE)


def htmldate_published(html: str, now: datetime) -> date | None:
    """The page's original publication date as htmldate finds it (its markup, then a search of the whole text),
    never after ``now``; None when it finds none, fails, or only guesses 1 January from a bare year."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - comes with trafilatura
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(html, extensive_search=True, original_date=True, max_date=now.strftime("%Y-%m-%d"))
        if found and found.endswith("-01-01") and not states_new_years_day(html, found[:4]):
            return None  # a bare year in the text (a copyright line) read as 1 January: a guess, not a date
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001 - a second opinion must never fail the document
        return None


def states_new_years_day(html: str, year: str) -> bool:
    """Whether the page writes out 1 January of ``year`` as a day: htmldate also gives 1 January for a page whose
    only date is a year (a copyright line), and a page of New Year's Day says which day it is (README, session 21)."""
    return any(year in m.group("a", "b", "c", "d", "e") for m in NEW_YEARS_DAY.finditer(html))
