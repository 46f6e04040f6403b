"""Second opinions for HTML pages from maintained libraries: trafilatura's article (for the ensemble, and where we
find no article) and htmldate's publication date (where neither the markup nor a dateline states one)."""
from __future__ import annotations

import logging
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


def htmldate_published(html: str, now: datetime) -> date | None:
    """The page's original publication date as htmldate finds it (its markup, then a search of the whole text),
    never after ``now``; None when it finds none or fails. A page whose only date is a year (a copyright line) gets
    1 January of it: the caller asks whether the page states that day."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - comes with trafilatura
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(html, extensive_search=True, original_date=True, max_date=now.strftime("%Y-%m-%d"))
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001 - a second opinion must never fail the document
        return None
